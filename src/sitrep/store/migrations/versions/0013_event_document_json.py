"""Each event's document part of its item in every list, stored with the event: ``events.document_json``.

A page of events joined every event with its document's row to read the document's id, title, url, source
and date of publication: one probe of the documents' key and one read of their table per item, about a
third of PostgreSQL's time for a page's 51 rows. A document's row is not rewritten once stored, so its part
of the item is now written with each of its events (store/derived.py document_json) and a page reads the
events alone, and their merged events for the number of sources (query/events.py). Stored events get
theirs here, from their document's row.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

BATCH = 5_000  # events written at a time


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("document_json", sa.Text()))
    _backfill(op.get_bind())


def _backfill(conn: sa.Connection) -> None:
    from sitrep.store.derived import document_json

    events = sa.table("events", sa.column("pk"), sa.column("document_pk"), sa.column("document_json"))
    documents = sa.table("documents", sa.column("pk"), sa.column("doc_id"), sa.column("title"), sa.column("url"),
                         sa.column("source"), sa.column("published"))
    write = events.update().where(events.c.pk == sa.bindparam("b_pk")).values(document_json=sa.bindparam("b_json"))
    read = (sa.select(events.c.pk, documents.c.doc_id, documents.c.title, documents.c.url, documents.c.source,
                      documents.c.published)
            .select_from(events.join(documents, documents.c.pk == events.c.document_pk)))
    last = 0
    while True:
        rows = conn.execute(read.where(events.c.pk > last).order_by(events.c.pk).limit(BATCH)).all()
        if not rows:
            return
        conn.execute(write, [{"b_pk": r[0], "b_json": document_json(*r[1:])} for r in rows])
        last = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("document_json")
