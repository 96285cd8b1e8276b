"""Round-2 merge rules on single comparisons: actors matched by name, places that are a truce's party,
a truce's area, and a second ceasefire claim from the same article."""

from __future__ import annotations

from sitrep.merge import merge_record
from sitrep.merge.decide import Profile, compare
from sitrep.merge.kinds import CEASEFIRE
from sitrep.merge.mentions import ActorKey, MentionView

from .builders import record

DAY = 738000


def _view(kind: str = "ASSAULT", actors: list[ActorKey] | None = None, **place) -> MentionView:
    view = MentionView(document_id="d2", event_id="e1", kind=kind, violent=kind == "ASSAULT",
                       plover_type=kind, plover_mode=None, cameo=None, acled_event_type=None,
                       acled_sub_event_type=None, outlet=None, url=None, published=None, modality="asserted",
                       day_lo=DAY, day_hi=DAY, precision=1, actors=actors or [])
    for key, value in place.items():
        setattr(view, key, value)
    return view


def _profile(kind: str = "ASSAULT", actors: list[dict] | None = None, **place) -> Profile:
    values = {"lat": None, "lon": None, "place_precision": None, "country": None, **place}
    return Profile(kind=kind, day_lo=DAY, day_hi=DAY, precision=1, actor_keys=actors or [], **values)


HOUTHIS_KB = {"key": "kb:houthis", "name": "Houthis", "country": "YEM", "specific": True}
HOUTHIS_CODED = ActorKey(key="code:YEM", name="Houthis", country="YEM", role="source", specific=True)
PEOPLE = ActorKey(key="name:people", name="people", country="GEO", role="source", specific=False)


def test_a_specific_actor_matches_by_name_and_a_missing_place_then_costs_nothing():
    decision = compare(_view(actors=[HOUTHIS_CODED]), _profile(actors=[HOUTHIS_KB], lat=12.8, lon=45.0))
    assert decision.score == 2.0 and not decision.blocked, decision.reasons
    assert "+1.00 shared Houthis" in decision.reasons


def test_generic_names_do_not_match_by_name():
    theirs = {"key": "name:people x", "name": "people", "country": "GEO", "specific": False}
    decision = compare(_view(actors=[PEOPLE]), _profile(actors=[theirs], lat=41.7, lon=44.8))
    assert decision.score < 2.0 and "-0.25 place unknown on one side" in decision.reasons


def test_a_truces_place_that_is_its_party_does_not_block_and_same_article_counts():
    turkey = ActorKey(key="code:TUR", name="Turkey", country="TUR", role="target", specific=False)
    view = _view(CEASEFIRE, actors=[turkey], place_party="Turkey", day_lo=DAY - 1, day_hi=DAY - 1)
    prof = _profile(CEASEFIRE, actors=[{"key": "code:TUR", "name": "Turkey", "country": "TUR", "specific": False}],
                    lat=35.9, lon=36.6, place_precision=3, country="SY")
    alone = compare(view, prof)
    prof.same_document = True
    together = compare(view, prof)
    assert not alone.blocked and together.score == alone.score + 0.5
    assert together.merges(CEASEFIRE) and not alone.merges(CEASEFIRE)


def test_the_same_truce_area_counts_as_a_town_would_but_another_country_blocks():
    idlib = {"lat": 35.9, "lon": 36.6, "place_precision": 3, "country": "SY"}
    same = compare(_view(CEASEFIRE, **idlib), _profile(CEASEFIRE, **idlib))
    assert same.merges(CEASEFIRE) and any("same area" in r for r in same.reasons)
    libya = compare(_view(CEASEFIRE, lat=32.9, lon=13.2, place_precision=3, country="LY"), _profile(CEASEFIRE, **idlib))
    assert libya.blocked


def test_a_whole_region_holds_its_towns_however_far_from_its_middle():
    buffalo = {"lat": 42.89, "lon": -78.88, "place_precision": 1, "country": "US", "admin1": "US-NY"}
    state = {"lat": 43.0, "lon": -75.5, "place_precision": 3, "country": "US", "admin1": "US-NY"}
    vermont = {"lat": 44.8, "lon": -73.1, "place_precision": 3, "country": "US", "admin1": "US-VT"}
    inside = compare(_view(**buffalo), _profile(**state))
    assert not inside.blocked and "+0.25 inside the region the other names (US-NY)" in inside.reasons
    assert compare(_view(**buffalo), _profile(**vermont)).blocked  # another region, too far: still apart


def test_a_report_dated_only_by_its_report_meets_a_dated_one_two_days_earlier(engine):
    """"Said on Saturday" of Thursday's strike: a report with no day of its own is about its report's day,
    give or take, so it still meets the dated report (here: same town, shared group, same toll)."""
    first = merge_record(engine, "a", record("a", day="2024-03-04", killed=5))
    undated = record("b", day="2024-03-06", published="2024-03-06", killed=5, date_source="report_date")
    dated = record("c", day="2024-03-06", published="2024-03-06", killed=5)
    second = merge_record(engine, "b", undated)
    assert second.placements[0].canonical_id == first.placements[0].canonical_id, second.placements[0].refused
    assert merge_record(engine, "c", dated).placements[0].new  # a day-precise report two days later: another event
