"""The response cache of GET /api/events (api/cache.py) and the change counter it is keyed by (migration
0008), on SQLite and on PostgreSQL: an answer is served again only while the store is unchanged, whoever
wrote to it (this process, another process), and the cached answer is byte for byte the uncached one."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from sitrep.api import create_app
from sitrep.query import open_reader, store_version
from sitrep.settings import Settings
from tests.api.test_pagination import _store
from tests.store.conftest import db_target, pg_url  # noqa: F401  (SQLite file and the session's PostgreSQL)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def client(db_target: str, tmp_path) -> Iterator[TestClient]:  # noqa: F811
    _store(db_target, 0, 2)  # 14 events
    settings = Settings(gazetteer_path=str(tmp_path / "none.sqlite"))
    with TestClient(create_app(db_target, settings), raise_server_exceptions=False) as test_client:
        test_client.target = db_target  # type: ignore[attr-defined]
        yield test_client


def _documents(client: TestClient, **params: str) -> set[str]:
    response = client.get("/api/events", params={"limit": "1000", **params})
    assert response.status_code == 200, response.text
    return {i["document"]["id"] for i in response.json()["items"]}


def _version(target: str) -> int | None:
    engine = open_reader(target)
    with engine.connect() as conn:
        version = store_version(conn)
    engine.dispose()
    return version


def test_an_answer_is_served_again_until_the_store_changes(client):
    cache = client.app.state.cache
    first = client.get("/api/events", params={"type": "ASSAULT", "limit": "5"})
    hits = cache.hits
    again = client.get("/api/events", params={"type": "assault", "limit": "5"})  # the same filter, spelled otherwise
    assert cache.hits == hits + 1 and again.content == first.content
    assert again.headers["content-type"] == "application/json"
    before = _version(client.target)
    _store(client.target, 100, 1)  # another connection writes (as `sitrep ingest` would)
    assert _version(client.target) > before
    assert "report-100" in _documents(client)
    assert cache.hits == hits + 1  # the write emptied the cache


def test_a_write_by_another_process_is_seen_at_once(client):
    assert _documents(client) == {"report-0", "report-1"}
    assert _documents(client) == {"report-0", "report-1"}  # now kept
    subprocess.run([sys.executable, "-c", "import sys; from tests.api.test_pagination import _store; "
                    "_store(sys.argv[1], 200, 1)", client.target], cwd=ROOT, check=True, timeout=120)
    assert _documents(client) == {"report-0", "report-1", "report-200"}


def test_the_cached_answer_is_the_uncached_one(client, tmp_path):
    settings = Settings(gazetteer_path=str(tmp_path / "none.sqlite"))
    with TestClient(create_app(client.target, settings, cache_mb=0)) as uncached:
        for params in ({}, {"sort": "-date", "limit": "3"}, {"since": "2022-05-01", "total": "true"}):
            client.get("/api/events", params=params)
            kept = client.get("/api/events", params=params)
            assert kept.content == uncached.get("/api/events", params=params).content
        assert uncached.app.state.cache.hits == 0 and not uncached.app.state.cache.entries


def test_an_emptied_counter_turns_the_cache_off_until_a_write_brings_it_back(client):
    _documents(client)
    engine = open_reader(client.target)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM store_version"))
    before = client.app.state.cache.version
    assert _version(client.target) is None
    _documents(client)
    hits = client.app.state.cache.hits
    assert _documents(client) == {"report-0", "report-1"} and client.app.state.cache.hits == hits  # none kept
    _store(client.target, 300, 1)
    assert _version(client.target) > before  # back, above every version counted before
    assert "report-300" in _documents(client)
    engine.dispose()


def test_a_longer_event_stored_later_is_found_by_since(client):
    """The longest span of an event's dates is read once per store version (api/cache.py PerVersion): after a
    write that stores a longer event, the next `since` request finds it, with the cache on or off."""
    from sitrep.store import Store
    from tests.api.test_pagination import _document

    since = {"since": "2022-05-10", "type": "ASSAULT"}
    before = _documents(client, **since)
    assert "report-300" not in before and client.app.state.spans.kept is not None
    store = Store(client.target)
    store.save(*_document(300, ["2022-05-01"], span_days=20), merge=False)  # 1 to 21 May
    store.close()
    assert _documents(client, **since) == before | {"report-300"}
