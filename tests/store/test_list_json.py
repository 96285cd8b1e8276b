"""``events.list_json`` (migration 0011): each event's part of its item in every list, written with the
event; 0011 gives events stored before it the same text the writer gives them, in SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import select

from sitrep.store import Store
from sitrep.store.db import open_engine
from sitrep.store.derived import listed_json
from sitrep.store.tables import DocumentRow, EventRow
from tests.api.builders import fill
from tests.store.conftest import to_revision


def _stored(target: str, column: Any = EventRow.list_json) -> dict[tuple[int, str], str | None]:
    """One stored JSON column of every event (``list_json`` unless told), by (document, event id)."""
    store = Store(target)
    with store.engine.connect() as conn:
        rows = conn.execute(select(EventRow.document_pk, EventRow.event_id, column)).all()
    store.close()
    return {(r[0], r[1]): r[2] for r in rows}


def test_the_writer_names_the_actors_and_0011_fills_stored_events_alike(db_target):
    fill(db_target)  # three hand-made documents, one with a source and a target actor
    written = _stored(db_target)
    items = [orjson.loads(v) for v in written.values() if v is not None]
    assert len(items) == len(written) == 3
    shelling = next(i for i in items if i["plover"]["type"] == "ASSAULT")
    assert shelling["sources"] == [{"id": "a1", "name": "Rebels", "code": "SYRREB", "country": "SYR"}]
    assert shelling["quantities"]["killed"]["best"] == 4 and shelling["evidence"]
    assert "id" not in shelling and "document" not in shelling  # read with the page, not stored
    engine = open_engine(db_target)
    to_revision(engine, "0010")  # the column goes; the next open migrates and fills it from records and actors
    engine.dispose()
    assert _stored(db_target) == written


def test_an_actor_id_without_an_actor_keeps_the_id_as_its_name():
    item = orjson.loads(listed_json({"plover": {"type": "ASSAULT"}, "sources": ["a1", "a9"], "targets": None},
                                    {"a1": {"id": "a1", "name": "Rebels", "code": None, "country": None}}))
    assert item["sources"] == [{"id": "a1", "name": "Rebels", "code": None, "country": None},
                               {"id": "a9", "name": "a9", "code": None, "country": None}]
    assert item["targets"] == [] and item["quantities"] == {} and item["evidence"] == []


def test_the_writer_stores_the_document_part_and_0013_fills_stored_events_alike(db_target):
    """``events.document_json`` (migration 0013): the document's id, title, url, source and date of publication,
    as its row has them, in the order of every list's items; events stored before 0013 get the same text."""
    fill(db_target)
    written = _stored(db_target, EventRow.document_json)
    store = Store(db_target)
    with store.engine.connect() as conn:
        rows = {r.pk: r for r in conn.execute(select(DocumentRow.__table__))}
    store.close()
    assert len(written) == 3 and None not in written.values()
    for (document_pk, _event), text in written.items():
        row = rows[document_pk]
        assert text is not None and list(orjson.loads(text).items()) == [
            ("id", row.doc_id), ("title", row.title), ("url", row.url), ("source", row.source),
            ("published", row.published)]
    assert len({orjson.loads(t or "{}")["id"] for t in written.values()}) == 3
    engine = open_engine(db_target)
    to_revision(engine, "0012")  # the column goes; the next open migrates and fills it from the documents
    engine.dispose()
    assert _stored(db_target, EventRow.document_json) == written
