"""Property tests: every reader, the cleaner, the time parser and the whole pipeline take any input
without an exception escaping, and every offset they give quotes the input (issue 16, item 6).

`make test` runs a few examples of each (SITREP_FUZZ_EXAMPLES, default 30); `make fuzz` runs the same
properties with many more (and Hypothesis keeps any failure it finds in .hypothesis/, replayed first on
the next run); a failure it finds becomes a fixed regression test in tests/ingest/test_fault_boundary.py
or beside the module it concerns.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.clean import blank, find_removed
from sitrep.errors import InputError, SitrepError
from sitrep.ingest import read_paths
from sitrep.ingest.feeds import read_feed
from sitrep.ingest.html import html_document
from sitrep.ingest.jsonl import read_jsonl
from sitrep.ingest.warc import read_warc
from sitrep.models import Document
from sitrep.settings import Settings

EXAMPLES = int(os.environ.get("SITREP_FUZZ_EXAMPLES", "30"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
SLOW = settings(max_examples=max(3, EXAMPLES // 10), deadline=None, suppress_health_check=list(HealthCheck))

any_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
news_words = st.sampled_from(["Rebels", "attacked", "the", "town", "of", "Idlib", "on", "Monday", ",", ".",
                              "killing", "12", "people", "\n", "\n\n", "(Jane Doe/AFP)", "Photo:", "Reuters",
                              "said", "ceasefire", "January 10, 2020", "last week", "Kyiv", "Ukraine's army",
                              "  ", "|", "—", "<p>", "</p>", "&amp;", "\x01", "\u200b", "صعدة", "空袭"])
newsy = st.lists(news_words, max_size=80).map(" ".join)
texts = st.one_of(any_text, newsy)
tags = st.sampled_from(["p", "div", "figure", "figcaption", "span", "article", "script", "html", "body", "br",
                        "![CDATA[", "!--", "?xml", "a href='x'", "img", "table", "td"])
markup = st.lists(st.one_of(texts, tags.map(lambda t: f"<{t}>"), tags.map(lambda t: f"</{t}>")),
                  max_size=40).map("".join)


def _documents_or_errors(items) -> list:
    out = list(items)
    assert all(isinstance(i, Document | InputError) for i in out)
    return out


@FAST
@given(data=st.binary(max_size=600) | texts.map(str.encode))
def test_any_file_is_read_or_refused(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("in")
    for name in ("x.txt", "x.html", "x.jsonl", "x.xml", "x.warc", "x"):
        (folder / name).write_bytes(data)
    _documents_or_errors(read_paths([str(folder)], Settings()))


@FAST
@given(html=markup)
def test_html_pages(html):
    item = html_document(html, "page.html")
    if isinstance(item, Document):
        for start, end in item.captions:
            assert 0 <= start <= end <= len(item.text)


@FAST
@given(items=st.lists(st.tuples(texts, markup), max_size=4))
def test_feeds(items):
    body = "".join(f"<item><title>{_xml(t)}</title><description>{_xml(d)}</description></item>" for t, d in items)
    _documents_or_errors(read_feed(f"<rss><channel>{body}</channel></rss>".encode(), "feed.xml", 5_000_000))


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")


@FAST
@given(lines=st.lists(st.one_of(texts, st.dictionaries(st.sampled_from(["id", "text", "title", "published"]),
                                                       st.one_of(texts, st.integers(), st.none())).map(json.dumps)),
                      max_size=6))
def test_json_lines(lines):
    for item in _documents_or_errors(read_jsonl([line.encode() + b"\n" for line in lines], "x.jsonl", 5_000_000)):
        if isinstance(item, Document):
            assert item.text.strip()


@FAST
@given(body=markup, uri=texts)
def test_warc_records(tmp_path_factory, body, uri):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    target = "http://example.org/" + "".join(c for c in uri if c.isalnum())[:40]
    writer.write_record(writer.create_warc_record(target, "response", payload=BytesIO(body.encode()),
                                                  http_headers=headers))
    buffer.seek(0)
    _documents_or_errors(read_warc(buffer, "x.warc", 5_000_000))


@FAST
@given(text=texts, captions=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 400)), max_size=3))
def test_cleaner_offsets_quote_the_input(text, captions):
    spans = [(min(a, b, len(text)), min(max(a, b), len(text))) for a, b in captions]
    document = Document(id="x", text=text, captions=spans)
    removed = find_removed(document)
    for item in removed:
        assert 0 <= item.start <= item.end <= len(text)
        assert item.text is None or item.text == text[item.start:item.end]
    blanked = blank(text, removed)
    assert len(blanked) == len(text)
    assert [i for i, c in enumerate(text) if c in "\r\n"] == [i for i, c in enumerate(blanked) if c in "\r\n"]


@FAST
@given(text=texts, day=st.none() | st.dates())
def test_time_parser_offsets_quote_the_input(text, day):
    from sitrep.temporal.catalog import all_rules
    from sitrep.temporal.detect import detect
    from sitrep.temporal.resolve import resolve

    candidates = detect(text, all_rules())
    for time in resolve(text, candidates, ["none"] * len(candidates), day):
        assert text[time.start:time.end] == time.text


@pytest.mark.slow
@SLOW
@given(text=texts)
def test_pipeline_offsets_quote_the_input(pipeline, text):
    try:
        record = pipeline.record(Document(id="fuzz", text=text))
    except SitrepError as exc:  # a coded failure or skip is an answer; a bare exception is not
        assert exc.code[0] == "E" and exc.code != "E402", str(exc)
        return
    for span in record.times + record.places:
        assert text[span.start:span.end] == span.text
    for actor in record.actors:
        for mention in actor.mentions:
            assert text[mention.start:mention.end] == mention.text
    for event in record.events:
        for evidence in event.evidence:
            assert text[evidence.start:evidence.end] == evidence.text


@pytest.mark.slow
@pytest.mark.parametrize("text", ["031@(AAAAA A/:::::)"])
def test_found_by_fuzzing_actor_mentions_quote_the_input(pipeline, text):
    """A phrase that ran into the blank a removed photo credit left quoted the blank, not the input."""
    record = pipeline.record(Document(id="fuzz", text=text))
    for actor in record.actors:
        for mention in actor.mentions:
            assert text[mention.start:mention.end] == mention.text
