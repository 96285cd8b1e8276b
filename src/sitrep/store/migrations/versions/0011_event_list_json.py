"""Each event's part of its item in every list, serialised once when it is stored: ``events.list_json``.

A page of 50 events was read by decoding each event's full JSON record (about 2 KB), looking up the
document's actors in a subquery per row to name the sources and targets, building a dict and encoding it
again, on every read. The part of the item that comes from the event itself (its codes, place, date,
actors by name, evidence, …) never changes once stored, so it is now written with the event
(store/derived.py listed_json) and a page is read as text and joined (query/events.py). Stored events get
theirs here, named by their document's actors as the page named them.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import orjson
import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

BATCH = 2_000  # events decoded and written at a time


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("list_json", sa.Text()))
    _backfill(op.get_bind())


def _backfill(conn: sa.Connection) -> None:
    from sitrep.store.derived import actor_names, listed_json

    events = sa.table("events", sa.column("pk"), sa.column("document_pk"), sa.column("record"),
                      sa.column("list_json"))
    actors = sa.table("actors", sa.column("document_pk"), sa.column("actor_id"), sa.column("name"),
                      sa.column("code"), sa.column("country"), sa.column("pk"))
    write = events.update().where(events.c.pk == sa.bindparam("b_pk")).values(list_json=sa.bindparam("b_json"))
    last = 0
    while True:
        rows = conn.execute(sa.select(events.c.pk, events.c.document_pk, sa.cast(events.c.record, sa.Text))
                            .where(events.c.pk > last).order_by(events.c.pk).limit(BATCH)).all()
        if not rows:
            return
        by_document: dict[int, list[tuple[str, str, str | None, str | None]]] = defaultdict(list)
        for a in conn.execute(sa.select(actors.c.document_pk, actors.c.actor_id, actors.c.name, actors.c.code,
                                        actors.c.country)
                              .where(actors.c.document_pk.in_({r[1] for r in rows})).order_by(actors.c.pk)):
            by_document[a[0]].append((a[1], a[2], a[3], a[4]))
        names = {pk: actor_names(found) for pk, found in by_document.items()}
        conn.execute(write, [{"b_pk": pk, "b_json": listed_json(_record(record), names.get(doc, {}))}
                             for pk, doc, record in rows])
        last = rows[-1][0]


def _record(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else orjson.loads(value)


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("list_json")
