"""Pages of date windows answered from the dates held in memory (query/dateindex.py), on SQLite and on
PostgreSQL: byte for byte the database's page for every filter, window, sort and cursor, followed to the
last page; what the index leaves to the database; a write seen at once."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.merge.incremental import merge_after_save
from sitrep.merge.links import link_merged_events
from sitrep.models import (
    AcledCode,
    Actor,
    Document,
    DocumentRecord,
    Event,
    EventDate,
    EventPlace,
    PloverCode,
    Span,
)
from sitrep.query import open_reader, page_json, parse_filter, store_version
from sitrep.query.dateindex import DateIndex, DateIndexes, indexed_page_json
from sitrep.settings import Settings
from sitrep.store import Store
from tests.store.conftest import db_target, pg_url  # noqa: F401  (SQLite file and the session's PostgreSQL)

FIRST = date(2022, 3, 1)
KINDS = [("ASSAULT", "Battles", "Armed clash"), ("PROTEST", "Protests", "Peaceful protest"),
         ("AGREE", "Strategic developments", "Agreement")]
PLACES = [("Kharkiv", 50.0, 36.2, "UA"), ("Aleppo", 36.2, 37.2, "SY"), ("Tbilisi", 41.7, 44.8, "GE")]


def _document(n: int, rng: random.Random) -> tuple[Document, DocumentRecord]:
    text = f"Bulletin {n}: police and a crowd clashed near the bridge, and the two sides later agreed to talk."
    actors = [Actor(id="a1", name="police", code="XXXCOP"), Actor(id="a2", name="crowd", code="XXXCVL")]
    events = []
    for i in range(6):
        plover, acled_type, acled_sub = rng.choice(KINDS)
        name, lat, lon, country = rng.choice(PLACES)
        when = None
        if rng.random() > 0.15:  # some undated
            day = FIRST + timedelta(days=rng.randrange(60))
            span = rng.choice([0, 0, 0, 1, 3, 20])
            # texts on the bounds the filters compare with: a day alone, the last second of a day (until), an
            # end at the first minute of a day (since), no end
            start = rng.choice([f"{day}T00:00", f"{day}T00:00", f"{day}", f"{day}T23:59:59"])
            end = rng.choice([f"{day + timedelta(days=span)}T23:59", f"{day + timedelta(days=span)}T00:00", None])
            when = EventDate(value=day.isoformat(), start=start, end=end, precision=1)
        events.append(Event(id=f"e{i + 1}", plover=PloverCode(type=plover),
                            acled=AcledCode(event_type=acled_type, sub_event_type=acled_sub),
                            modality=rng.choice(["asserted", "asserted", "planned"]), date=when,
                            sources=rng.choice([["a1"], ["a2"], []]),
                            place=EventPlace(name=name, lat=lat, lon=lon, precision=1, country=country,
                                             start=0, end=8, text="Bulletin"),
                            trigger=Span(start=0, end=8, text="Bulletin"),
                            evidence=[Span(start=0, end=len(text), text=text)]))
    doc = Document(id=f"bulletin-{n}", text=text)
    return doc, DocumentRecord(id=doc.id, content_hash=doc.content_hash, actors=actors, events=events)


def _fill(target: str, first: int, count: int, seed: int, merge: bool = False) -> None:
    """Store ``count`` bulletins; with ``merge``, through the merge (merged events, their source counts)."""
    rng = random.Random(seed)
    store = Store(target, after_save=[merge_after_save, link_merged_events]) if merge else Store(target)
    for n in range(first, first + count):
        doc, record = _document(n, rng)
        store.save(doc, record, merge=merge)
    store.close()


def _asks(rng: random.Random, count: int) -> list[dict[str, str | None]]:
    days = [None] + [(FIRST + timedelta(days=d)).isoformat() for d in (-30, 0, 5, 17, 33, 59, 70)]
    others = [{}, {"type": "ASSAULT"}, {"type": "Protests,AGREE"}, {"country": "UA"}, {"modality": "planned"},
              {"actor": "police"}, {"text": "bridge"}, {"place": "Aleppo"}, {"bbox": "30,30,40,45"},
              {"type": "ASSAULT", "country": "SY"}, {"min_sources": "1"}]
    asks = []
    for _ in range(count):
        since, until = rng.choice(days), rng.choice(days)
        asks.append({**rng.choice(others), "since": since, "until": until, "sort": rng.choice(["date", "-date"]),
                     "limit": str(rng.choice([1, 4, 9]))})
    return asks


@pytest.mark.parametrize("item_mb", [0.0, 10.0])
def test_every_page_is_the_databases_page(db_target, item_mb):  # noqa: F811
    """200 random filters with date windows, both sorts, followed page by page by their cursors: each page
    the index answers is the bytes page_json reads from the database, and the index answers most of them
    (the rest are pages that undated events may end, which it leaves to the database); with items kept
    (10 MB) as with every item read again (0)."""
    _fill(db_target, 0, 40, seed=7)  # 240 events over 60 days: spans of 0 to 20 days, ties, undated, no end
    engine = open_reader(db_target)
    answered = compared = 0
    with engine.connect() as conn:
        index = DateIndex.build(conn, version=1, item_mb=item_mb)
        assert index is not None and 150 < len(index) < 240  # the dated events only
        for ask in _asks(random.Random(11), 200):
            cursor = None
            for _page in range(400):
                f = parse_filter(cursor=cursor, **ask)
                expected = page_json(conn, f)
                body = indexed_page_json(conn, index, f, None)
                compared += 1
                if body is not None:
                    answered += 1
                    assert body == expected, (ask, cursor)
                cursor = json.loads(expected)["next_cursor"]
                if cursor is None:
                    break
            else:
                raise AssertionError(f"the cursor never ran out: {ask}")
        assert bool(index.items) == (item_mb > 0)
    engine.dispose()
    assert compared > 400 and answered > 0.6 * compared, (answered, compared)


def test_what_the_index_leaves_to_the_database(db_target):  # noqa: F811
    _fill(db_target, 0, 5, seed=3)
    engine = open_reader(db_target)
    with engine.connect() as conn:
        index = DateIndex.build(conn, version=1)
        assert index is not None
        for ask in [dict(sort="sources"), dict(sort="-sources"), dict(offset="2", limit="2"), dict(limit=None),
                    dict(since="1990-01-01")]:  # the last: every dated event fits, undated ones follow
            assert index.page_positions(conn, parse_filter(**ask), None) is None, ask
        assert index.page_positions(conn, parse_filter(until="2030-01-01", limit="2"), None) is not None
    engine.dispose()


def test_a_write_is_seen_by_the_next_page(db_target, tmp_path):  # noqa: F811
    """The index belongs to one version of the store: after a write the next request reads the new event
    (from the database until the index of the new version is built), never the index of the old version."""
    _fill(db_target, 0, 10, seed=5)
    settings = Settings(gazetteer_path=str(tmp_path / "none.sqlite"))
    app = create_app(db_target, settings, cache_mb=0)
    ask = "/api/events?since=2022-03-01&until=2022-06-30&limit=1000"
    with TestClient(app) as client:
        before = client.get(ask).json()["items"]
        assert app.state.dates.index is not None  # the first page of the version built it
        _fill(db_target, 10, 1, seed=99)
        after = client.get(ask).json()["items"]
        added = {i["event_id"] for i in after if i["document"]["id"] == "bulletin-10"}
        assert len(after) > len(before) and added
        app.state.dates.every, app.state.dates.took = 0, 0  # let the next request build the new version's index
        again = client.get(ask).json()["items"]
        engine = open_reader(db_target)
        with engine.connect() as conn:
            now = store_version(conn)
        engine.dispose()
        assert again == after and app.state.dates.index.version == now


@pytest.mark.parametrize("every", [5.0, 3600.0])
def test_indexes_build_at_most_once_in_a_while(db_target, every):  # noqa: F811
    _fill(db_target, 0, 2, seed=1)
    engine = open_reader(db_target)
    dates = DateIndexes(every=every)
    with engine.connect() as conn:
        first = dates.get(conn, 1)
        assert first is not None and dates.get(conn, 1) is first
        assert dates.get(conn, 0) is None  # an older version than the one held: the database answers
        dates.built_at -= 60  # a minute later: past ten times the build, not past an hour
        second = dates.get(conn, 2)
        assert (second is not None and second is not first) if every < 60 else second is None
    engine.dispose()


def test_the_api_answers_alike_with_and_without_the_index(db_target, tmp_path):  # noqa: F811
    """Through the app (the index built by the first page, items kept): 60 asks, the same bytes as an app
    that reads every page from the database (`sitrep serve --no-date-index`)."""
    _fill(db_target, 0, 20, seed=13)
    settings = Settings(gazetteer_path=str(tmp_path / "none.sqlite"))
    on = create_app(db_target, settings, cache_mb=0, items_mb=1)
    off = create_app(db_target, settings, cache_mb=0, date_index=False)
    asks = _asks(random.Random(17), 60)
    with TestClient(on) as with_index, TestClient(off) as without:
        for ask in asks:
            query = "&".join(f"{k}={v}" for k, v in ask.items() if v is not None)
            first, second = with_index.get(f"/api/events?{query}"), without.get(f"/api/events?{query}")
            assert first.status_code == second.status_code == 200 and first.content == second.content, query
    assert off.state.dates is None and on.state.dates.index is not None and on.state.dates.index.items


def test_a_page_from_memory_alone_needs_its_filter_and_items_read_before(db_target):  # noqa: F811
    """Without a connection (the server's event loop) a page comes only from what the index already holds:
    nothing before the filter's events were read, then the same bytes as the database's page once its
    items are kept too; a page of other items still needs the database."""
    _fill(db_target, 0, 10, seed=21)
    engine = open_reader(db_target)
    with engine.connect() as conn:
        index = DateIndex.build(conn, version=1, item_mb=10)
        assert index is not None
        first = parse_filter(type="ASSAULT", until="2022-03-20", limit="3")
        later = parse_filter(type="ASSAULT", until="2022-04-30", limit="3", sort="-date")
        assert indexed_page_json(None, index, first, None) is None  # the filter's events not read yet
        expected = page_json(conn, first)
        assert indexed_page_json(conn, index, first, None) == expected
        assert indexed_page_json(None, index, first, None) == expected
        assert indexed_page_json(None, index, later, None) is None  # its items were never read
        assert indexed_page_json(conn, index, later, None) == page_json(conn, later)
    engine.dispose()


def test_a_store_that_compares_texts_otherwise_is_never_indexed(db_target, tmp_path, monkeypatch):  # noqa: F811
    """A PostgreSQL database with a linguistic collation orders and compares the dates otherwise than the index
    would: the index is refused once (not tried again at every version) and the database answers every page."""
    from sitrep.query import dateindex

    _fill(db_target, 0, 3, seed=4)
    monkeypatch.setattr(dateindex, "_orders_by_character", lambda conn: False)
    settings = Settings(gazetteer_path=str(tmp_path / "none.sqlite"))
    app = create_app(db_target, settings, cache_mb=0)
    with TestClient(app) as client:
        answer = client.get("/api/events?since=2022-03-01&limit=5")
        assert answer.status_code == 200 and len(answer.json()["items"]) == 5
        assert app.state.dates.refused and app.state.dates.index is None


def test_this_database_compares_texts_by_their_characters(db_target):  # noqa: F811
    """The test servers (SQLite, and PostgreSQL created with the C collation) are indexed."""
    from sitrep.query.dateindex import _orders_by_character

    engine = open_reader(db_target) if db_target.startswith("postgresql") else None
    if engine is None:
        _fill(db_target, 0, 1, seed=2)
        engine = open_reader(db_target)
    with engine.connect() as conn:
        assert _orders_by_character(conn)
    engine.dispose()


def test_pages_of_merged_events_and_their_sources_are_the_databases(db_target):  # noqa: F811
    """Events stored through the merge carry merged events reported by one or more sources: pages filtered by
    ``min_sources`` (a join to the merged events) and every item's ``merged_id`` and ``source_count`` are the
    database's, page by page."""
    _fill(db_target, 0, 15, seed=23, merge=True)
    engine = open_reader(db_target)
    answered = 0
    with engine.connect() as conn:
        index = DateIndex.build(conn, version=1, item_mb=10)
        assert index is not None
        counts = set()
        for ask in [dict(min_sources="1"), dict(min_sources="2"), dict(min_sources="2", type="ASSAULT"), {}]:
            for since, until in [("2022-03-01", None), (None, "2022-04-15"), ("2022-03-20", "2022-04-10")]:
                cursor = None
                for _page in range(100):
                    f = parse_filter(cursor=cursor, since=since, until=until, limit="4", **ask)
                    expected = page_json(conn, f)
                    body = indexed_page_json(conn, index, f, None)
                    if body is not None:
                        answered += 1
                        assert body == expected, (ask, since, until, cursor)
                    page = json.loads(expected)
                    counts |= {i["source_count"] for i in page["items"]}
                    cursor = page["next_cursor"]
                    if cursor is None:
                        break
    engine.dispose()
    assert answered > 20 and {1, 2} <= counts, (answered, counts)


def test_an_event_gone_since_the_index_was_built_is_left_to_the_database(db_target):  # noqa: F811
    """A request already under way when a write commits may use the index of the version it read: an event
    deleted since, or whose key the store gave to a new event (SQLite reuses the highest key), is never shown
    from the index; the database answers that page."""
    from sqlalchemy import text as sql

    _fill(db_target, 0, 6, seed=31)
    engine = open_reader(db_target)
    with engine.connect() as conn:
        index = DateIndex.build(conn, version=1, item_mb=10)
        assert index is not None
    last = int(index.pks.max())
    store = Store(db_target)
    with store.engine.begin() as conn:
        conn.execute(sql("UPDATE events SET date_start = '1999-01-01T00:00' WHERE pk = :pk"), {"pk": last})
    store.close()
    whole = parse_filter(until="2030-01-01", limit="1000")
    with engine.connect() as conn:
        assert indexed_page_json(conn, index, whole, None) is None  # that event is not what the index holds
        other = DateIndex.build(conn, version=2, item_mb=10)
        assert other is not None and indexed_page_json(conn, other, whole, None) == page_json(conn, whole)
    engine.dispose()
