"""Candidate events found by place as well as kind and days: ``canonical_events.place_cell`` and indexes;
the event's modality as a column.

The merge looked a report's candidates up by (kind, date precision, first day) and kept the events inside
the report's place box row by row: with a million events stored that read every event of the kind within
about 40 days (some 6,700 rows, 880 pages) to keep a few dozen. ``place_cell`` is the one-degree cell of
the event's point (sitrep.merge.canonical.place_cell: floor(lat) * 1000 + floor(lon); null without a
point), and the lookup now reads, through (kind, date precision, place cell, first day), only the cells
the box touches. The events a box does not hold but a report still meets (no place; the report's country
or first-level region as a whole) have indexes of their own: (kind, date precision, country, place
precision, first day) and the same with the region.

``modality`` is the summary's modality value, which the merge compares first: with it a candidate that
the columns alone refuse (most of a box) is refused without decoding its JSON.

Stored events get their cell and modality here, computed by the database as the merge computes them in
Python (a summary without a modality value leaves it null; the merge then reads the summary).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_canonical_events_kind_precision_cell_day": ["kind", "date_precision", "place_cell", "day_lo"],
    "ix_canonical_events_kind_precision_country": ["kind", "date_precision", "country", "place_precision", "day_lo"],
    "ix_canonical_events_kind_precision_admin1": ["kind", "date_precision", "admin1", "place_precision", "day_lo"],
}
MODALITY = {"postgresql": "summary -> 'modality' ->> 'value'", "sqlite": "json_extract(summary, '$.modality.value')"}
# floor() as an integer: PostgreSQL has it; SQLite's CAST truncates toward zero, one less below a negative
FLOOR = {"postgresql": "CAST(floor({0}) AS INTEGER)",
         "sqlite": "(CAST({0} AS INTEGER) - (CASE WHEN {0} < CAST({0} AS INTEGER) THEN 1 ELSE 0 END))"}


def upgrade() -> None:
    conn = op.get_bind()
    with op.batch_alter_table("canonical_events") as batch:
        batch.add_column(sa.Column("modality", sa.String(length=32)))
        batch.add_column(sa.Column("place_cell", sa.Integer()))
    floor = FLOOR.get(conn.dialect.name, FLOOR["postgresql"])
    op.execute(f"UPDATE canonical_events SET place_cell = {floor.format('lat')} * 1000 + {floor.format('lon')} "
               "WHERE lat IS NOT NULL AND lon IS NOT NULL")
    op.execute(f"UPDATE canonical_events SET modality = {MODALITY.get(conn.dialect.name, MODALITY['postgresql'])}")
    for name, columns in INDEXES.items():
        op.create_index(name, "canonical_events", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="canonical_events")
    with op.batch_alter_table("canonical_events") as batch:
        batch.drop_column("place_cell")
        batch.drop_column("modality")
