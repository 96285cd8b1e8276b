"""The merge decision: which pairs of single reports become one event, and why."""

from __future__ import annotations

import pytest

from sitrep.merge import merge_record

from .builders import record


def _same(engine, a, b) -> tuple[bool, list[str]]:
    first = merge_record(engine, a.id, a).placements[0]
    second = merge_record(engine, b.id, b).placements[0]
    return first.canonical_id == second.canonical_id, second.reasons + second.refused


def test_same_day_same_town_same_actor_merge_with_reasons(engine):
    merged, reasons = _same(engine, record("a", killed=5), record("b", killed=6, outlet="Other"))
    assert merged
    assert "+1.00 same day" in reasons and any("same town" in r for r in reasons)


@pytest.mark.parametrize("change", [
    {"day": "2024-03-06"},                    # two days later
    {"town": "Izium"},                        # 120 km away
    {"kind": "PROTEST"},                      # another kind of event
    {"modality": "threatened"},               # a threat is not the deed
    {"town": "Tripoli", "actors": ("RUSMIL",)},  # another country
])
def test_clearly_different_reports_stay_apart(engine, change):
    merged, reasons = _same(engine, record("a"), record("b", **change))
    assert not merged, reasons


def test_date_alone_never_merges(engine):
    merged, _ = _same(engine, record("a", town=None, actors=()), record("b", town=None, actors=()))
    assert not merged


def test_a_day_apart_needs_more_than_town_and_actor(engine):
    merged, reasons = _same(engine, record("a"), record("b", day="2024-03-05"))
    assert not merged
    assert any("1 day(s) apart" in r for r in reasons)


def test_vague_date_merges_within_its_slack(engine):
    merged, _ = _same(engine, record("a"), record("b", day="2024-W10", precision=2))
    assert merged


def test_actors_of_other_countries_count_against(engine):
    merged, reasons = _same(engine, record("a", actors=("RUSMIL",)), record("b", actors=("NGAREB",)))
    assert not merged
    assert any("no actor or actor country in common" in r for r in reasons)


def test_merging_again_is_idempotent(engine):
    a, b = record("a"), record("b", outlet="Other")
    merge_record(engine, "a", a)
    first = merge_record(engine, "b", b).placements[0].canonical_id
    again = merge_record(engine, "b", b).placements[0].canonical_id
    assert first == again
    with engine.connect() as conn:
        from sitrep.merge.queries import get_event

        event = get_event(conn, first)
    assert event["mention_count"] == 2 and event["source_count"] == 2
