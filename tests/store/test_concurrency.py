"""Writers that agree: several processes on one new database, SQLite and PostgreSQL (issue 16, item 4).

Each writer process opens the store itself (so all race on creating the schema), then saves the same
overlapping documents with their merge hook. Every writer must finish without an error, every document
must be stored once, and the merged tables must equal one writer's.
"""

from __future__ import annotations

import multiprocessing
import uuid

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from sitrep.merge import merge_after_save
from sitrep.merge.tables import canonical_events, claims, event_mentions
from sitrep.models import Document
from sitrep.store import Store
from sitrep.store.tables import DocumentRow, EventRow

from .conftest import PG_ADMIN_URL
from .test_db import _record

WRITERS = 4


def _documents() -> list[tuple[Document, object]]:
    docs = []
    for i in range(8):
        doc = Document(id=f"d{i}", text=f"Jets struck the town number {i} on Friday, residents said.")
        docs.append((doc, _record(doc, day=f"2020-01-{10 + i % 3:02d}")))
    return docs


def _write(target: str, first: int, queue) -> None:  # runs in a child process
    try:
        store = Store(target, after_save=[merge_after_save])
        outcomes = []
        docs = _documents()
        for doc, record in docs[first:] + docs[:first]:
            outcomes.append(store.save(doc, record).stored)
        store.close()
        queue.put(("ok", sum(outcomes)))
    except Exception as exc:  # reported to the parent, which fails the test with it
        queue.put(("error", f"{type(exc).__name__}: {exc}"))


def _run_writers(target: str) -> list[tuple[str, object]]:
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    procs = [ctx.Process(target=_write, args=(target, i * 2, queue)) for i in range(WRITERS)]
    for proc in procs:
        proc.start()
    results = [queue.get(timeout=300) for _ in procs]
    for proc in procs:
        proc.join(timeout=60)
    return results


def _counts(store: Store) -> dict[str, int]:
    with Session(store.engine) as session:
        return {name: session.scalar(select(func.count()).select_from(table)) for name, table in
                (("documents", DocumentRow), ("events", EventRow), ("canonical", canonical_events),
                 ("mentions", event_mentions), ("claims", claims))}


@pytest.fixture
def new_pg() -> str:
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"sitrep_conc_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        from tests.conftest import IN_CI

        if IN_CI:
            pytest.fail(f"PostgreSQL not reachable at {PG_ADMIN_URL}: {exc}")
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL}")
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_concurrent_writers_on_a_new_database_agree(kind, tmp_path, request):
    target = str(tmp_path / "new.db") if kind == "sqlite" else request.getfixturevalue("new_pg")
    results = _run_writers(target)
    assert [status for status, _ in results] == ["ok"] * WRITERS, results
    assert sum(stored for _, stored in results) == len(_documents())  # each stored once, by one writer
    alone = Store(str(tmp_path / "alone.db"), after_save=[merge_after_save])
    for doc, record in _documents():
        alone.save(doc, record)
    shared = Store(target)
    assert _counts(shared) == _counts(alone)
    shared.close()
    alone.close()


def test_like_wildcards_in_filters_match_literally(tmp_path):
    from sitrep.query import list_events, parse_filter

    store = Store(str(tmp_path / "s.db"))
    for i, place in enumerate(["Idlib", "100% Town", "Al_Bab"]):
        doc = Document(id=f"p{i}", text=f"Jets struck {place} today.")
        store.save(doc, _record(doc, place=place))

    def places(**filters: str) -> list[str]:
        with store.engine.connect() as conn:
            return sorted(e["place"]["name"] for e in list_events(conn, parse_filter(**filters)).items)

    assert places(place="%") == ["100% Town"]
    assert places(place="_") == ["Al_Bab"]
    assert places(place="b") == ["Al_Bab", "Idlib"]
    assert places(actor="%") == []
    store.close()


def test_failures_are_kept_updated_and_cleared_by_a_later_store(tmp_path):
    store = Store(str(tmp_path / "s.db"))
    doc = Document(id="late", text="Jets struck the town.")
    store.record_failure(f"doc:{doc.content_hash}", doc.id, "E403", "over budget", document=doc)
    store.record_failure(f"doc:{doc.content_hash}", doc.id, "E403", "over budget again", document=doc)
    (failure,) = store.failures()
    assert (failure.attempts, failure.reason, failure.document["text"]) == (2, "over budget again", doc.text)
    store.save(doc, _record(doc))
    assert store.failures() == []
    assert store.stored_as(doc.content_hash) == "late"
    store.close()


