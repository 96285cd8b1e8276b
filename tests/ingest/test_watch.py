"""`sitrep watch`: feeds polled from a local server on 127.0.0.1, each new item fetched once, remembered in
the database across restarts; failing feeds back off and never stop the others; fetches are polite."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from sitrep.ingest.fetch import Fetched, Fetcher, FetchError
from sitrep.ingest.seen import SeenStore, watch_feeds, watch_items
from sitrep.ingest.watch import Watcher, parse_interval, read_feed_list
from sitrep.models import Document, DocumentRecord
from sitrep.store import Store

from .feedserver import FeedServer, Route, page, rss

PARAGRAPHS = {
    "a1": ("Border guards exchanged fire with smugglers near the river crossing at Valdor on Sunday.",
           "Two guards were wounded, the regional governor said in a statement."),
    "a2": ("The parliament of Estmark voted on Monday to extend the state of emergency by three months.",
           "Opposition deputies walked out before the vote."),
    "a4": ("Delegations from the two rival councils met in Port Serin to discuss a prisoner exchange.",
           "A mediator said the talks would resume next week."),
}


@pytest.fixture
def server():
    srv = FeedServer().start()
    srv.routes["/robots.txt"] = Route("User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    for name, paragraphs in PARAGRAPHS.items():
        srv.routes[f"/{name}.html"] = Route(page(f"Headline {name}", *paragraphs))
    srv.routes["/feed.xml"] = Route(_feed(srv, ["a1", "a2", "a3"]), content_type="application/rss+xml", etag='"v1"')
    yield srv
    srv.stop()


def _feed(srv: FeedServer, names: list[str]) -> str:
    links = {"a3": srv.url("/private/a3.html")}
    return rss([(f"urn:test:{n}", links.get(n, srv.url(f"/{n}.html")),
                 f"Feed summary of {n}: officials in Valdor reported new fighting.") for n in names])


def _store(tmp_path: Path) -> Store:
    return Store(str(tmp_path / "watch.db"))


def _plain_ingest(store: Store):
    """Store the document with an empty record (the watch logic is under test here, not the analysis)."""
    def ingest(document: Document) -> tuple[bool, int]:
        outcome = store.save(document, DocumentRecord(id=document.id, content_hash=document.content_hash))
        return outcome.stored, outcome.events
    return ingest


def _watcher(store: Store, feeds: list[str], every: float = 600, now=None) -> Watcher:
    fetcher = Fetcher(max_bytes=200_000, timeout=2.0, host_delay=0.0)
    lines: list[str] = []
    watcher = Watcher(feeds, SeenStore(store.engine), fetcher, _plain_ingest(store), every, 200_000,
                      say=lines.append, **({"now": now} if now else {}))
    watcher.lines = lines  # type: ignore[attr-defined]  # what it reported, for the assertions
    return watcher


def _texts(store: Store) -> dict[str, str]:
    from sitrep.store.tables import DocumentRow

    with store.engine.connect() as conn:
        return dict(conn.execute(select(DocumentRow.doc_id, DocumentRow.text)).all())


def test_each_item_is_fetched_once_and_remembered_across_restarts(server, tmp_path):
    feed = server.url("/feed.xml")
    first = _watcher(_store(tmp_path), [feed], every=0.001).poll()
    assert (first.new_items, first.stored, first.from_feed_text) == (3, 3, 1)
    texts = _texts(_store(tmp_path))
    assert "exchanged fire with smugglers" in texts[server.url("/a1.html")]
    assert "Feed summary of a3" in texts[server.url("/private/a3.html")]  # robots.txt: the feed's text
    assert "/private/a3.html" not in server.paths()

    server.hits.clear()
    again = _watcher(_store(tmp_path), [feed], every=0.001).poll()  # a new process: state comes from the database
    assert (again.new_items, again.stored, again.unchanged) == (0, 0, 1)
    feed_hits = [h for h in server.hits if h.path == "/feed.xml"]
    assert feed_hits[0].headers.get("If-None-Match") == '"v1"'
    assert [p for p in server.paths() if p.endswith(".html")] == []


def test_a_new_item_is_the_only_page_fetched(server, tmp_path):
    feed = server.url("/feed.xml")
    _watcher(_store(tmp_path), [feed], every=0.001).poll()
    server.routes["/feed.xml"] = Route(_feed(server, ["a1", "a2", "a3", "a4"]), etag='"v2"',
                                       content_type="application/rss+xml")
    server.hits.clear()
    report = _watcher(_store(tmp_path), [feed], every=0.001).poll()
    assert (report.new_items, report.stored) == (1, 1)
    assert [p for p in server.paths() if p.endswith(".html")] == ["/a4.html"]
    with _store(tmp_path).engine.connect() as conn:
        statuses = dict(conn.execute(select(watch_items.c.key, watch_items.c.status)).all())
    assert statuses == {"urn:test:a1": "stored", "urn:test:a2": "stored", "urn:test:a3": "feed_text",
                        "urn:test:a4": "stored"}


def test_a_failing_feed_is_reported_backs_off_and_never_stops_the_others(server, tmp_path):
    server.routes["/down.xml"] = Route("oops", status=503, content_type="text/plain")
    clock = [datetime(2024, 5, 6, 12, 0, tzinfo=UTC)]
    store = _store(tmp_path)
    feeds = [server.url("/down.xml"), server.url("/feed.xml")]
    watcher = _watcher(store, feeds, every=600, now=lambda: clock[0])
    report = watcher.poll()
    assert (report.failed, report.stored) == (1, 3)
    assert any("/down.xml" in line and "HTTP 503" in line for line in watcher.lines)  # type: ignore[attr-defined]

    waits = []
    for minutes in (5, 11, 25):  # 5 min: still backing off; 11: due (first wait 10 min); 25: second wait 20 min
        clock[0] = datetime(2024, 5, 6, 12, 0, tzinfo=UTC) + timedelta(minutes=minutes)
        server.hits.clear()
        watcher.poll()
        waits.append("/down.xml" in server.paths())
    assert waits == [False, True, False]
    with store.engine.connect() as conn:
        row = conn.execute(select(watch_feeds).where(watch_feeds.c.url == feeds[0])).one()
    assert row.failures == 2 and row.next_try == "2024-05-06T12:31:00Z" and "HTTP 503" in row.last_error


def test_a_page_that_fails_for_now_is_retried_then_the_feed_text_is_used(server, tmp_path):
    server.routes["/a1.html"] = Route("busy", status=503, content_type="text/plain")
    feed = server.url("/feed.xml")
    server.routes["/feed.xml"] = Route(_feed(server, ["a1"]), content_type="application/rss+xml")
    store = _store(tmp_path)
    reports = [_watcher(store, [feed], every=0.001).poll() for _ in range(3)]
    assert [(r.pending, r.stored, r.from_feed_text) for r in reports] == [(1, 0, 0), (1, 0, 0), (0, 1, 1)]
    assert server.paths().count("/a1.html") == 3


def test_fetch_timeout_size_limit_and_politeness(server):
    server.routes["/slow.html"] = Route(page("Slow", "Late words."), delay=1.5)
    server.routes["/big.html"] = Route(page("Big", "word " * 50_000))
    fetcher = Fetcher(max_bytes=100_000, timeout=0.3, host_delay=0.4)
    slow = fetcher.get(server.url("/slow.html"))
    assert isinstance(slow, FetchError) and slow.transient and "timed out" in str(slow)
    big = fetcher.get(server.url("/big.html"))
    assert not isinstance(big, Fetched) and big.code == "E105"
    assert isinstance(fetcher.get(server.url("/a1.html")), Fetched)
    times = [h.at for h in server.hits if h.path in ("/big.html", "/a1.html")]
    assert times[1] - times[0] >= 0.4 - 0.02  # the second request to the site waited for the delay
    assert server.paths().count("/robots.txt") == 1  # read once per site
    assert isinstance(fetcher.get(server.url("/private/x.html")), Exception)


def test_feed_list_and_interval_parsing():
    feeds, refused = read_feed_list("# feeds\nhttps://a.example/rss\n\nftp://b.example/x\nhttps://a.example/rss\n")
    assert feeds == ["https://a.example/rss"] and refused == ["ftp://b.example/x"]
    assert [parse_interval(v) for v in ("90s", "10m", "2h", "1d", "30")] == [90, 600, 7200, 86400, 30]
    with pytest.raises(ValueError):
        parse_interval("soon")


@pytest.mark.slow
def test_watch_command_analyses_and_stores_with_the_real_pipeline(server, tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{server.url('/feed.xml')}\n{server.url('/missing.xml')}  # gone\n", encoding="utf-8")
    db = tmp_path / "live.db"
    command = [sys.executable, "-m", "sitrep", "watch", str(feeds), "--db", str(db), "--once", "--delay", "0"]
    env = {**os.environ, "SITREP_LEARN_ACTORS": "false"}
    first = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
    assert first.returncode == 1  # the missing feed failed; the other was still read
    assert "missing.xml" in first.stderr and "3 new items: 3 stored" in first.stderr
    second = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)
    assert "0 new items" in second.stderr
    records = {r.url: r for r in Store(str(db)).documents()}
    assert set(records) == {server.url(f"/a{n}.html") for n in (1, 2)} | {server.url("/private/a3.html")}
    assert any(e.plover.type == "ASSAULT" for e in records[server.url("/a1.html")].events)  # the exchange of fire
