"""Cursor pages of GET /api/events (keyset pagination, migration 0007), on SQLite and on PostgreSQL:
every event exactly once across pages, in the order of one unpaged request, with ties on the date and
undated events; a cursor keeps its place when events are added before it; `since` still finds events
that began before it and last past it."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.models import AcledCode, Document, DocumentRecord, Event, EventDate, PloverCode, Span
from sitrep.settings import Settings
from sitrep.store import Store
from tests.store.conftest import db_target, pg_url  # noqa: F401  (SQLite file and the session's PostgreSQL)

DAYS = ["2022-05-01", "2022-05-01", "2022-05-02", None, "2022-04-30", "2022-05-02", None]


def _document(n: int, days: list[str | None], span_days: int = 0) -> tuple[Document, DocumentRecord]:
    text = f"Report number {n} says guards and crowds clashed near the old bridge again."
    events = []
    for i, day in enumerate(days):
        when = None
        if day:
            end = day if not span_days else f"{day[:8]}{int(day[8:]) + span_days:02d}"
            when = EventDate(value=day, start=f"{day}T00:00", end=f"{end}T23:59", precision=1)
        events.append(Event(id=f"e{i + 1}", plover=PloverCode(type="ASSAULT"), acled=AcledCode(event_type="Battles", sub_event_type="Armed clash"),
                            date=when, trigger=Span(start=0, end=6, text="Report"),
                            evidence=[Span(start=0, end=len(text), text=text)]))
    doc = Document(id=f"report-{n}", text=text)
    return doc, DocumentRecord(id=doc.id, content_hash=doc.content_hash, events=events)


def _store(target: str, first: int, count: int) -> None:
    store = Store(target)
    for n in range(first, first + count):
        store.save(*_document(n, DAYS), merge=False)
    store.close()


@pytest.fixture
def client(db_target: str, tmp_path) -> Iterator[TestClient]:  # noqa: F811
    _store(db_target, 0, 6)  # 42 events: 30 dated on four days (ties), 12 undated
    settings = Settings(gazetteer_path=str(tmp_path / "none.sqlite"))
    with TestClient(create_app(db_target, settings), raise_server_exceptions=False) as test_client:
        test_client.target = db_target  # type: ignore[attr-defined]
        yield test_client


def _key(item: dict) -> tuple[str, str]:
    return item["document"]["id"], item["event_id"]


def _pages(client: TestClient, **params: str) -> list[list[tuple[str, str]]]:
    pages, cursor = [], None
    for _ in range(100):
        response = client.get("/api/events", params={**params, **({"cursor": cursor} if cursor else {})})
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append([_key(i) for i in body["items"]])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages
    raise AssertionError("the cursor never ran out")


@pytest.mark.parametrize("sort", ["date", "-date"])
@pytest.mark.parametrize("limit", ["1", "4", "7", "50"])
def test_cursor_pages_give_every_event_once_in_order(client, sort, limit):
    whole = client.get("/api/events", params={"sort": sort, "limit": "1000"}).json()["items"]
    assert len(whole) == 42
    pages = _pages(client, sort=sort, limit=limit)
    flat = [k for page in pages for k in page]
    assert flat == [_key(i) for i in whole]  # no duplicate, no gap, the same order
    assert all(len(p) == int(limit) for p in pages[:-1]) and 0 < len(pages[-1]) <= int(limit)
    days = [i["date"]["start"] if i["date"] else None for i in whole]
    dated = [d for d in days if d]
    assert days[len(dated):] == [None] * 12  # undated last, whichever way
    assert dated == sorted(dated, reverse=sort == "-date")


def test_a_cursor_keeps_its_place_when_events_are_stored_before_it(client):
    first = client.get("/api/events", params={"limit": "10"}).json()
    before = [_key(i) for i in client.get("/api/events", params={"limit": "1000", "cursor": first["next_cursor"]})
              .json()["items"]]
    _store(client.target, 100, 1)  # 7 more events, on the same days as the others and undated
    after = [_key(i) for i in client.get("/api/events", params={"limit": "1000", "cursor": first["next_cursor"]})
             .json()["items"]]
    assert [k for k in after if k[0] != "report-100"] == before  # what followed the cursor still does
    assert len(after) == len(set(after))
    # the first page holds the six events of 30 April and four of 1 May; of the new document's seven, the
    # one of 30 April sorts before the cursor, the rest (1 May with a later pk, 2 May, undated) after it
    assert len([k for k in after if k[0] == "report-100"]) == 6


def test_since_finds_events_that_began_before_it(db_target, tmp_path):  # noqa: F811
    store = Store(db_target)
    store.save(*_document(1, ["2022-05-01"], span_days=20), merge=False)  # 1 to 21 May
    store.save(*_document(2, ["2022-05-03"]), merge=False)
    store.close()
    settings = Settings(gazetteer_path=str(tmp_path / "none.sqlite"))
    with TestClient(create_app(db_target, settings)) as client:
        body = client.get("/api/events", params={"since": "2022-05-10"}).json()
        assert [i["document"]["id"] for i in body["items"]] == ["report-1"]
        body = client.get("/api/events", params={"since": "2022-05-22"}).json()
        assert body["items"] == []


@pytest.mark.parametrize("url, status", [
    ("/api/documents/9223372036854775808", 404),        # one past the largest integer a store holds
    ("/api/documents/-9223372036854775809", 404),
    ("/api/documents/4451833793", 404),                  # past the largest key PostgreSQL gives (integer)
    ("/api/documents?offset=32589158477190044729", 422),
    ("/api/events?offset=9223372036854775808", 400),
    ("/api/events?min_sources=99999999999999999999", 400),
    ("/api/events?cursor=WyIyMDI0LTAxLTAxIiwgMTA5OTUxMTYyNzc3Nl0", 400),  # a cursor naming key 2**40
    ("/api/actors?q=ab%00cd", 422),                      # PostgreSQL refuses a NUL in text
    ("/api/figures?kind=ceasefire&place=x%00", 422),
    ("/api/events/e%001", 422),
])
def test_values_no_store_can_hold_are_refused_in_the_error_shape(client, url, status):
    """Found by schemathesis: such numbers and characters reached the database and failed there with a 500."""
    answer = client.get(url)
    assert answer.status_code == status, answer.text
    assert set(answer.json()["error"]) >= {"code", "message", "fix"}


def test_a_place_id_no_gazetteer_has_finds_nothing(client):
    answer = client.get("/api/events?place=99999999999999999999")
    assert answer.status_code == 200 and answer.json()["items"] == []


def test_a_statement_kept_for_other_dates_and_cursors_answers_as_a_new_one(client):
    """The keyset statements are kept per shape of filter (query.events._STATEMENTS), the dates and the cursor
    given as parameters: each page read after other dates and cursors is the page read first."""
    from sitrep.query import events as query_events
    from sitrep.query import open_reader, page_json, parse_filter

    engine = open_reader(client.target)
    asks = [dict(since=s, until=u, sort=o, limit=n) for s, u in [("2022-04-30", "2022-05-01"), ("2022-05-01", None),
                                                                ("2022-05-02", "2022-05-02"), (None, "2022-04-30"),
                                                                ("0001-01-01", None)]
            for o in ("date", "-date") for n in ("2", "5")]
    with engine.connect() as conn:
        def pages(ask: dict) -> list[bytes]:
            out, cursor = [], None
            for _ in range(30):
                body = page_json(conn, parse_filter(cursor=cursor, **ask))
                out.append(body)
                cursor = json.loads(body)["next_cursor"]
                if cursor is None:
                    return out
            raise AssertionError("the cursor never ran out")

        fresh = []
        for ask in asks:
            query_events._STATEMENTS.clear()
            fresh.append(pages(ask))
        assert any(len(p) > 1 for p in fresh)
        for _round in range(2):  # every ask again, now on statements kept from the others
            assert [pages(ask) for ask in asks] == fresh
    engine.dispose()


def test_since_pages_are_those_of_the_one_query(db_target):  # noqa: F811
    """A cursor page with ``since`` reads the events that start on or after the date and those that started
    before it and end after it as two index-ordered queries (query.events._since_parts); followed page by
    page, both sorts, they are the one query's list: events of 1, 3 and 20 days, ties, undated ones."""
    from sitrep.query import open_reader, page_json, parse_filter

    store = Store(db_target)
    for n, span in enumerate([0, 1, 3, 20, 0, 3]):
        days = ["2022-05-01", "2022-05-03", "2022-05-05", None, "2022-04-28"][n % 3:]
        store.save(*_document(n, days, span), merge=False)
    store.close()
    engine = open_reader(db_target)
    with engine.connect() as conn:
        for since in ["2022-04-27", "2022-04-29", "2022-05-02", "2022-05-04", "2022-05-06", "2022-05-20", "2022-05-26"]:
            for sort in ("date", "-date"):
                for until in (None, "2022-05-04"):
                    ask = dict(since=since, until=until, sort=sort)
                    whole = json.loads(page_json(conn, parse_filter(limit=None, **ask)))["items"]  # the one query
                    paged, cursor = [], None
                    for _ in range(40):
                        body = json.loads(page_json(conn, parse_filter(limit="3", cursor=cursor, **ask)))
                        paged += body["items"]
                        cursor = body["next_cursor"]
                        if cursor is None:
                            break
                    assert paged == whole, ask
                    begun = [i for i in whole if i["date"] and i["date"]["start"] < since]
                    assert bool(begun) == (since not in ("2022-04-27", "2022-05-26")), ask  # 20 days ends on the 25th
    engine.dispose()
