"""The Alembic migrations build exactly the schema the code declares (no drift), in SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData

from sitrep.actors.learned import metadata as learned_metadata
from sitrep.ingest.seen import metadata as watch_metadata
from sitrep.merge.tables import metadata as merge_metadata
from sitrep.store import Store
from sitrep.store.tables import Base
from tests.store.conftest import to_revision


def _declared() -> MetaData:
    combined = MetaData()
    for meta in (Base.metadata, learned_metadata, merge_metadata, watch_metadata):
        for table in meta.tables.values():
            table.to_metadata(combined)
    return combined


POSTGIS = {"spatial_ref_sys", "geom", "ix_events_geom"}
TRIGRAM = {"ix_events_trgm_evidence", "ix_events_trgm_sources", "ix_events_trgm_targets", "ix_events_trgm_place"}


def _declared_or_postgis(obj, name, _type, _reflected, _compare_to) -> bool:
    """PostGIS's own table and the optional geometry column (migration 0006), and the optional pg_trgm
    indexes (migration 0007), are not in the declared tables."""
    return name not in POSTGIS | TRIGRAM


def test_migrated_schema_matches_declared_tables(db_target):
    store = Store(db_target)
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _declared_or_postgis})
        diffs = compare_metadata(context, _declared())
    store.close()
    assert diffs == []


def test_upgrade_to_0004_keeps_stored_documents_and_their_events(tmp_path):
    """0004 adds `merged` in place: documents stored before it keep their events and actors (a copy of
    the table would cascade its drop to them) and count as merged."""
    from sqlalchemy import text

    from sitrep.store.db import open_engine, writer_of

    target = str(tmp_path / "old.db")
    engine = open_engine(target)
    to_revision(engine, "0003")
    with writer_of(engine).begin() as conn:
        conn.execute(text("INSERT INTO documents (pk, doc_id, content_hash, text, record) "
                          "VALUES (1, 'd', 'h', 't', '{}')"))
        conn.execute(text("INSERT INTO events (document_pk, event_id, plover_type, modality, confidence, record, "
                          "source_names, target_names) VALUES (1, 'e1', 'ASSAULT', 'asserted', 1, '{}', '', '')"))
        conn.execute(text("INSERT INTO actors (document_pk, actor_id, name, sectors) VALUES (1, 'a1', 'X', '')"))
    engine.dispose()
    store = Store(target)
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM events")).scalar_one() == 1
        assert conn.execute(text("SELECT count(*) FROM actors")).scalar_one() == 1
        assert conn.execute(text("SELECT merged FROM documents")).scalar_one() == 1
    assert store.merge_pending() == 0
    store.close()


def test_upgrade_to_0007_fills_the_date_span_of_stored_events(db_target):
    """0007 gives events stored before it their date span (whole days, null without an end; an end that
    cannot be read counts as a century, so that `since` never misses the event), and swaps its indexes."""
    from sqlalchemy import inspect, text

    from sitrep.store.db import open_engine, writer_of

    engine = open_engine(db_target)
    to_revision(engine, "0005")
    rows = [("e1", "2022-05-01T00:00", "2022-05-21T23:59"), ("e2", "2022-05-01", None),
            ("e3", "2022-05-01", "sometime later"), ("e4", None, None)]
    with writer_of(engine).begin() as conn:
        conn.execute(text("INSERT INTO documents (pk, doc_id, content_hash, text, record) "
                          "VALUES (1, 'd', 'h', 't', '{}')"))
        for event_id, start, end in rows:
            conn.execute(text("INSERT INTO events (document_pk, event_id, plover_type, modality, confidence, record, "
                              "source_names, target_names, date_start, date_end) VALUES (1, :e, 'ASSAULT', "
                              "'asserted', 1, '{}', '', '', :s, :t)"), {"e": event_id, "s": start, "t": end})
    engine.dispose()
    store = Store(db_target)
    with store.engine.connect() as conn:
        spans = dict(conn.execute(text("SELECT event_id, date_span FROM events")).all())
        indexes = {i["name"] for i in inspect(conn).get_indexes("events")}
    store.close()
    assert spans == {"e1": 20, "e2": None, "e3": 36_600, "e4": None}
    assert {"ix_events_date_start_pk", "ix_events_date_span", "ix_events_plover_type_date"} <= indexes
    assert "ix_events_date_start" not in indexes


def test_the_change_counter_goes_up_once_per_writing_transaction(db_target):
    """Readers' caches key on store_version: every committed write must raise it, and on PostgreSQL a
    transaction of many statements raises it once (0009), so a bulk load does not rewrite the row per row."""
    from sqlalchemy import text

    from sitrep.query import open_reader, store_version

    store = Store(db_target)

    def version() -> int:
        reader = open_reader(db_target)
        with reader.connect() as conn:
            found = store_version(conn)
        reader.dispose()
        assert found is not None
        return found

    def insert(conn, pk: int) -> None:
        conn.execute(text("INSERT INTO documents (pk, doc_id, content_hash, text, record) "
                          "VALUES (:pk, :d, :h, 't', '{}')"), {"pk": pk, "d": f"d{pk}", "h": f"h{pk}"})

    before = version()
    with store.engine.begin() as conn:
        for pk in range(1, 201):
            insert(conn, pk)
    once = version()
    assert once > before
    if store.engine.dialect.name == "postgresql":
        assert once == before + 1
    with store.engine.begin() as conn:  # a write after a rolled-back savepoint still counts
        savepoint = conn.begin_nested()
        insert(conn, 500)
        savepoint.rollback()
        insert(conn, 501)
    assert version() > once
    store.close()
