"""WARC: HTML response records become Documents; other records are skipped."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.errors import InputError
from sitrep.ingest import read_paths
from sitrep.models import Document
from sitrep.settings import Settings

PAGE = ("<html><head><title>Bridge destroyed</title></head><body><article><h1>Bridge destroyed</h1>"
        + "<p>Retreating forces blew up the only bridge into the town of Southwell on Sunday, officials said.</p>" * 3
        + "</article></body></html>")


def write_warc(path: Path, records: list[tuple[str, str, bytes]], gzip: bool = True) -> Path:
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for uri, content_type, payload in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2020-01-12T08:30:00Z"})
            writer.write_record(record)
    return path


def test_html_responses_become_documents(tmp_path, settings):
    path = write_warc(tmp_path / "crawl.warc.gz", [
        ("https://news.example/bridge", "text/html; charset=utf-8", PAGE.encode("utf-8")),
        ("https://news.example/logo.png", "image/png", b"\x89PNG\x00\x00"),
        ("https://news.example/latin", "text/html; charset=iso-8859-1",
         PAGE.replace("Southwell", "Saint-\u00c9tienne").encode("latin-1")),
    ])
    first, second = read_paths([str(path)], settings)
    assert isinstance(first, Document) and first.id == first.url == "https://news.example/bridge"
    assert first.published == "2020-01-12T08:30:00+00:00" and first.published_source == "metadata"
    assert "Retreating forces blew up the only bridge" in first.text and first.title == "Bridge destroyed"
    assert "Saint-\u00c9tienne" in second.text  # decoded with the charset the response declared


def test_uncompressed_warc(tmp_path, settings):
    path = write_warc(tmp_path / "crawl.warc", [("https://n.example/a", "text/html", PAGE.encode())], gzip=False)
    [document] = read_paths([str(path)], settings)
    assert document.id == "https://n.example/a"


def test_oversized_record_is_one_error(tmp_path):
    path = write_warc(tmp_path / "c.warc.gz", [("https://n.example/big", "text/html", PAGE.encode()),
                                               ("https://n.example/small", "text/plain", b"Talks resumed.")])
    big, small = read_paths([str(path)], Settings(max_bytes=100))
    assert isinstance(big, InputError) and big.code == "E105" and "https://n.example/big" in big.name
    assert isinstance(small, Document) and small.text == "Talks resumed."


def test_a_file_that_is_not_warc_is_one_error(tmp_path, settings):
    (tmp_path / "bad.warc").write_bytes(b"hello, this is not an archive\n")
    (tmp_path / "bad.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    items = list(read_paths([str(tmp_path / "bad.warc"), str(tmp_path / "bad.warc.gz")], settings))
    assert len(items) == 2
    for error in items:
        assert isinstance(error, InputError) and error.code == "E108" and "WARC" in error.reason
