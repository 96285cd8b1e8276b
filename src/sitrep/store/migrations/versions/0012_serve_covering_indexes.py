"""A page of events filtered from the indexes alone: the date-ordered indexes of migration 0007 carry the
columns the commonest filters test, so PostgreSQL and SQLite can pick the page's events from the index
(an index-only scan) and read the table for those 50 events only.

A ``since`` filter seeks to the longest stored event span before the date (0007) and keeps the events that
end after it: with a month-long event stored, a page of one type walked about 560 events to keep 51, each
a visit to the table (rows of about 2 KB). ``date_end`` joins the keys of the type, country, modality and
date indexes; the date index also carries the place columns (name, keys, first-level region, country), so
a place filter walking it by date no longer visits the table either (sitrep.query.events keyset_queries).

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

PLACE = ["country", "admin1", "place_key", "place_skeleton", "place_name"]
COVERING = {  # name: (columns before, columns now)
    "ix_events_date_start_pk": (["date_start", "pk"], ["date_start", "pk", "date_end", *PLACE]),
    "ix_events_plover_type_date": (["plover_type", "date_start", "pk"], ["plover_type", "date_start", "pk", "date_end"]),
    "ix_events_country_date_pk": (["country", "date_start", "pk"], ["country", "date_start", "pk", "date_end"]),
    "ix_events_modality_date": (["modality", "date_start", "pk"], ["modality", "date_start", "pk", "date_end"]),
}


def upgrade() -> None:
    for name, (_before, now) in COVERING.items():
        op.drop_index(name, table_name="events")
        op.create_index(name, "events", now)


def downgrade() -> None:
    for name, (before, _now) in COVERING.items():
        op.drop_index(name, table_name="events")
        op.create_index(name, "events", before)
