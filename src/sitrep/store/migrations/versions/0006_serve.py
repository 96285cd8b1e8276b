"""Serving: the columns the query layer filters on, and PostGIS geometry where the server has it.

Events gain the admin1 code and spelling-insensitive keys of their place (diacritics, apostrophes,
transliteration vowels folded; see sitrep.geo.normalize), ACLED's inter codes, the words of their
evidence, and the id of the merged event they belong to. Existing rows are filled from the stored
record. On PostgreSQL with the PostGIS extension available, events also get a ``geom`` point column
(EPSG:4326) with a GiST index, kept in step with lat/lon by a trigger, so QGIS opens the table as a
layer; without PostGIS the plain lat/lon columns serve.

Revision ID: 0006
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0003"
branch_labels = None
depends_on = None

NEW_COLUMNS = (("admin1", sa.String(16)), ("place_key", sa.String(256)), ("place_skeleton", sa.String(256)),
               ("inter1", sa.Integer()), ("inter2", sa.Integer()), ("interaction", sa.Integer()),
               ("evidence_text", sa.Text()), ("canonical_id", sa.String(40)))
INDEXES = (
    ("ix_events_country_date", ["country", "date_start"]),
    ("ix_events_admin1", ["admin1"]),
    ("ix_events_place_key", ["place_key"]),
    ("ix_events_place_skeleton", ["place_skeleton"]),
    ("ix_events_canonical_id", ["canonical_id"]),
    ("ix_events_lat_lon", ["lat", "lon"]),
    ("ix_events_modality", ["modality"]),
)
GEOM_TRIGGER = """
CREATE OR REPLACE FUNCTION sitrep_events_geom() RETURNS trigger AS $$
BEGIN
  IF NEW.lat IS NULL OR NEW.lon IS NULL THEN NEW.geom := NULL;
  ELSE NEW.geom := ST_SetSRID(ST_MakePoint(NEW.lon, NEW.lat), 4326);
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER sitrep_events_geom BEFORE INSERT OR UPDATE OF lat, lon ON events
  FOR EACH ROW EXECUTE FUNCTION sitrep_events_geom();
"""


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        for name, kind in NEW_COLUMNS:
            batch.add_column(sa.Column(name, kind))
    for name, columns in INDEXES:
        op.create_index(name, "events", columns)
    _backfill(op.get_bind())
    if _postgis_available(op.get_bind()):
        _add_geometry()


def _backfill(conn: sa.Connection) -> None:
    from sitrep.store.derived import event_columns

    events = sa.table("events", sa.column("pk"), sa.column("record", sa.JSON), sa.column("canonical_id"),
                      *(sa.column(name) for name, _ in NEW_COLUMNS[:-1]))
    for pk, record in conn.execute(sa.select(events.c.pk, events.c.record)).all():
        conn.execute(events.update().where(events.c.pk == pk).values(**event_columns(record)))
    conn.execute(sa.text(
        "UPDATE events SET canonical_id = (SELECT m.canonical_id FROM event_mentions m JOIN documents d "
        "ON d.doc_id = m.document_id WHERE d.pk = events.document_pk AND m.event_id = events.event_id LIMIT 1)"))


def _postgis_available(conn: sa.Connection) -> bool:
    """True once the extension exists; tries to create it where the server offers it and we may."""
    if conn.dialect.name != "postgresql":
        return False
    offered = conn.scalar(sa.text("SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'"))
    if not offered:
        return False
    try:
        with conn.begin_nested():
            conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS postgis"))
    except sa.exc.DBAPIError:
        return False  # offered but not ours to create: plain lat/lon serve
    return True


def _add_geometry() -> None:
    op.execute("ALTER TABLE events ADD COLUMN geom geometry(Point, 4326)")
    op.execute("UPDATE events SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326) WHERE lat IS NOT NULL")
    op.execute("CREATE INDEX ix_events_geom ON events USING GIST (geom)")
    op.execute(GEOM_TRIGGER)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS sitrep_events_geom ON events")
        op.execute("DROP FUNCTION IF EXISTS sitrep_events_geom()")
        op.execute("ALTER TABLE events DROP COLUMN IF EXISTS geom")
    for name, _ in INDEXES:
        op.drop_index(name, table_name="events")
    with op.batch_alter_table("events") as batch:
        for name, _ in reversed(NEW_COLUMNS):
            batch.drop_column(name)
