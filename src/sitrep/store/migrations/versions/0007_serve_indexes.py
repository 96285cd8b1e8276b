"""Serving under load: indexes that match the event filters and their date order, and each event's
date span, so that GET /api/events reads one page from an index instead of sorting the table.

- ``events.date_span``: whole days from the start to the end of the event's date interval (null when
  it has no end). The largest of them bounds how far before a ``since`` date an event may start and
  still overlap it, which turns ``since`` into an index range (sitrep.query.events).
- ``(date_start, pk)`` replaces the index on ``date_start`` alone; type, country and modality get
  ``(column, date_start, pk)``: a filtered page sorted by date (either way) is an index range scan
  that stops after one page; ``(date_span)`` makes its maximum one index probe; the ACLED type and
  sub-type, compared in lower case, get ``(lower(column), date_start, pk)``.
- On PostgreSQL, where the pg_trgm extension is offered (and ours to create), trigram GIN indexes on
  the evidence words, actor names and place names serve the "words in it" filters (ILIKE '%…%');
  without it those filters scan, as on SQLite.

Revision ID: 0007
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"  # after the watch's 0005 (0003 → 0006 → 0004 → 0005 → 0007)
branch_labels = None
depends_on = None

REPLACED = (  # (old name, old columns) → (new name, new columns)
    (("ix_events_date_start", ["date_start"]), ("ix_events_date_start_pk", ["date_start", "pk"])),
    (("ix_events_plover_type", ["plover_type"]), ("ix_events_plover_type_date", ["plover_type", "date_start", "pk"])),
    (("ix_events_country_date", ["country", "date_start"]), ("ix_events_country_date_pk",
                                                             ["country", "date_start", "pk"])),
    (("ix_events_modality", ["modality"]), ("ix_events_modality_date", ["modality", "date_start", "pk"])),
)
LOWERED = {"ix_events_acled_type_lower": "acled_event_type", "ix_events_acled_sub_type_lower": "acled_sub_event_type"}
TRIGRAM = {"ix_events_trgm_evidence": "evidence_text", "ix_events_trgm_sources": "source_names",
           "ix_events_trgm_targets": "target_names", "ix_events_trgm_place": "place_name"}


def upgrade() -> None:
    from sitrep.store.derived import date_span

    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("date_span", sa.Integer()))
    conn = op.get_bind()
    events = sa.table("events", sa.column("pk"), sa.column("date_start"), sa.column("date_end"),
                      sa.column("date_span"))
    rows = conn.execute(sa.select(events.c.pk, events.c.date_start, events.c.date_end)
                        .where(events.c.date_end.is_not(None))).all()
    spans = [{"b_pk": pk, "b_span": date_span(start, end)} for pk, start, end in rows]
    if spans:
        conn.execute(events.update().where(events.c.pk == sa.bindparam("b_pk"))
                     .values(date_span=sa.bindparam("b_span")), spans)
    for (old, _), (new, columns) in REPLACED:
        op.drop_index(old, table_name="events")
        op.create_index(new, "events", columns)
    op.create_index("ix_events_date_span", "events", ["date_span"])
    for name, column in LOWERED.items():  # the type filters compare lower(…): an index gives the planner its statistics
        op.create_index(name, "events", [sa.text(f"lower({column})"), "date_start", "pk"])
    if _trigram_available(conn):
        for name, column in TRIGRAM.items():
            op.execute(f"CREATE INDEX {name} ON events USING GIN ({column} gin_trgm_ops)")


def _trigram_available(conn: sa.Connection) -> bool:
    """True once pg_trgm exists; tries to create it where the server offers it and we may."""
    if conn.dialect.name != "postgresql":
        return False
    if not conn.scalar(sa.text("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")):
        return False
    try:
        with conn.begin_nested():
            conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        return False
    return True


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name in TRIGRAM:
            op.execute(f"DROP INDEX IF EXISTS {name}")
    op.drop_index("ix_events_date_span", table_name="events")
    for name in LOWERED:
        op.drop_index(name, table_name="events")
    for (old, old_columns), (new, _) in REPLACED:
        op.drop_index(new, table_name="events")
        op.create_index(old, "events", old_columns)
    with op.batch_alter_table("events") as batch:
        batch.drop_column("date_span")
