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


def _declared() -> MetaData:
    combined = MetaData()
    for meta in (Base.metadata, learned_metadata, merge_metadata, watch_metadata):
        for table in meta.tables.values():
            table.to_metadata(combined)
    return combined


POSTGIS = {"spatial_ref_sys", "geom", "ix_events_geom"}


def _declared_or_postgis(obj, name, _type, _reflected, _compare_to) -> bool:
    """PostGIS's own table and the optional geometry column (migration 0006) are not in the declared tables."""
    return name not in POSTGIS


def test_migrated_schema_matches_declared_tables(db_target):
    store = Store(db_target)
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _declared_or_postgis})
        diffs = compare_metadata(context, _declared())
    store.close()
    assert diffs == []
