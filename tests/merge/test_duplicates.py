"""Near-duplicate documents: wire copies are found through the stored band index and kept once."""

from __future__ import annotations

from sqlalchemy import select

from sitrep.merge import find_near_duplicate, merge_record
from sitrep.merge.tables import document_copies, event_mentions

from .builders import record

WIRE = ("Russian artillery shelled residential districts of Kharkiv on Monday, killing five people and "
        "wounding eleven, the regional governor said, adding that rescue teams were still searching the "
        "rubble of two apartment blocks in the city's northern district late into the night.")
OTHER = ("Tens of thousands of protesters rallied outside parliament in Tbilisi on Tuesday against a bill "
         "that critics say mirrors a Russian law used to silence dissent, and police closed the avenue.")


def test_wire_copy_is_recorded_once_with_its_url(engine):
    merge_record(engine, "wire", record("wire"), text=WIRE)
    copy = record("copy", outlet="Reprinter").model_copy(update={"url": "https://reprinter.example/k"})
    outcome = merge_record(engine, "copy", copy, text="UPDATED: " + WIRE.replace("Monday", "Monday,"))
    assert outcome.duplicate_of == "wire" and outcome.placements == []
    with engine.connect() as conn:
        row = conn.execute(select(document_copies)).one()
        assert (row.document_id, row.copy_id, row.url) == ("wire", "copy", "https://reprinter.example/k")
        assert len(conn.execute(select(event_mentions)).all()) == 1


def test_different_texts_are_not_duplicates(engine):
    merge_record(engine, "wire", record("wire"), text=WIRE)
    with engine.connect() as conn:
        assert find_near_duplicate(conn, OTHER) is None
        assert find_near_duplicate(conn, WIRE) == "wire"
