"""Claims keep every source's value; ceasefires link violations only after their start, in their area."""

from __future__ import annotations

from sqlalchemy import select

from sitrep.merge import merge_record
from sitrep.merge.queries import get_event, list_ceasefires
from sitrep.merge.tables import ceasefire_violations

from .builders import record


def test_fatalities_disputed_and_canonical_is_lowest(engine):
    for doc, killed in (("a", 8), ("b", 11), ("c", 9)):
        cid = merge_record(engine, doc, record(doc, killed=killed, outlet=doc)).placements[0].canonical_id
    with engine.connect() as conn:
        event = get_event(conn, cid)
    killed = event["claims"]["killed"]
    assert killed["disputed"] and killed["value"] == "8"
    assert sorted(v["value"] for v in killed["values"]) == ["11", "8", "9"]
    assert event["source_count"] == 3


def _truce(doc: str, day: str, **kw):
    return record(doc, kind="RETREAT", mode="ceasefire", day=day, town="Idlib", place_precision=3,
                  actors=("TURGOV", "RUSGOV", "SYRMIL"), **kw)


def _violations(engine):
    with engine.connect() as conn:
        return conn.execute(select(ceasefire_violations)).all()


def test_attack_after_start_is_a_violation_and_before_is_not(engine):
    merge_record(engine, "truce", _truce("truce", "2024-01-14T00:01", published="2024-01-12"))
    merge_record(engine, "before", record("before", day="2024-01-13", town="Ariha", actors=("RUSMIL",)))
    assert _violations(engine) == []
    merge_record(engine, "after", record("after", day="2024-01-15", town="Ariha", actors=("RUSMIL",),
                                         published="2024-01-15"))
    links = _violations(engine)
    assert len(links) == 1 and links[0].certainty == "after start"
    assert any("after the start" in r for r in links[0].reasons)
    with engine.connect() as conn:
        assert list_ceasefires(conn)[0]["status"] == "reported broken"


def test_violation_found_when_the_attack_is_reported_first(engine):
    merge_record(engine, "after", record("after", day="2024-01-15", town="Ariha", actors=("SYRMIL",)))
    merge_record(engine, "truce", _truce("truce", "2024-01-14T00:01", published="2024-01-12"))
    assert len(_violations(engine)) == 1


def test_attack_outside_area_or_by_others_is_not_a_violation(engine):
    merge_record(engine, "truce", _truce("truce", "2024-01-14T00:01"))
    merge_record(engine, "far", record("far", day="2024-01-15", town="Kharkiv", actors=("RUSMIL",)))
    merge_record(engine, "others", record("others", day="2024-01-15", town="Ariha", actors=("USAMIL",)))
    assert _violations(engine) == []


def test_status_moves_from_announced_to_in_force(engine):
    merge_record(engine, "truce", _truce("truce", "2024-01-14T00:01", published="2024-01-12"))
    with engine.connect() as conn:
        assert list_ceasefires(conn)[0]["status"] == "announced"
    merge_record(engine, "later", _truce("later", "2024-01-14", published="2024-01-14", outlet="Other"))
    with engine.connect() as conn:
        ceasefires = list_ceasefires(conn, place="Idlib")
    assert len(ceasefires) == 1 and ceasefires[0]["status"] == "in force" and ceasefires[0]["source_count"] == 2


def test_reanalysed_document_without_the_attack_drops_the_violation(engine):
    merge_record(engine, "truce", _truce("truce", "2024-01-14T00:01", published="2024-01-12"))
    merge_record(engine, "after", record("after", day="2024-01-15", town="Ariha", actors=("RUSMIL",)))
    assert len(_violations(engine)) == 1
    emptied = record("after").model_copy(update={"events": []})
    merge_record(engine, "after", emptied)
    assert _violations(engine) == []
    with engine.connect() as conn:
        assert list_ceasefires(conn)[0]["status"] in ("announced", "in force")
