"""Later reports that only name a truce ("despite the truce", "the first breach of the ceasefire"),
truces whose area is a whole country or whose parties nobody names, and reports of one truce from
towns of its province."""

from __future__ import annotations

from sqlalchemy import select

from sitrep.merge import merge_record
from sitrep.merge.decide import Profile, compare
from sitrep.merge.kinds import CEASEFIRE
from sitrep.merge.mentions import MentionView
from sitrep.merge.queries import get_event, list_ceasefires
from sitrep.merge.tables import ceasefire_violations

from .builders import record


def _truce(doc: str, day: str, **kw):
    kw.setdefault("town", "Idlib")
    kw.setdefault("place_precision", 3)
    kw.setdefault("actors", ("TURGOV", "RUSGOV", "SYRMIL"))
    return record(doc, kind="RETREAT", mode="ceasefire", day=day, **kw)


def _violations(engine):
    with engine.connect() as conn:
        return conn.execute(select(ceasefire_violations)).all()


def test_a_truce_dated_only_by_its_report_claims_no_start(engine):
    first = merge_record(engine, "deal", _truce("deal", "2024-01-14T00:01", published="2024-01-12"))
    cid = first.placements[0].canonical_id
    later = merge_record(engine, "breach", _truce("breach", "2024-01-16", precision=2, date_source="report_date",
                                                  town="Ariha", place_precision=1, actors=("RUSMIL",),
                                                  published="2024-01-16", outlet="Other"))
    assert later.placements[0].canonical_id == cid, later.placements[0].refused
    with engine.connect() as conn:
        event = get_event(conn, cid)
        (truce,) = list_ceasefires(conn)
    assert truce["start"] == "2024-01-14T00:01"  # the later report does not move the start to its own day
    assert "reported" in event["claims"] and event["claims"]["start"]["value"] == "2024-01-14T00:01"


def test_a_truce_reported_only_in_passing_starts_at_its_earliest_report(engine):
    merge_record(engine, "only", _truce("only", "2024-01-16", precision=2, date_source="report_date",
                                        published="2024-01-16"))
    with engine.connect() as conn:
        (truce,) = list_ceasefires(conn)
    assert truce["start"] == "2024-01-16"


def test_a_truce_without_named_parties_is_broken_by_any_violence_in_its_country(engine):
    merge_record(engine, "truce", _truce("truce", "2024-01-14", town="Libya", actors=(), published="2024-01-14"))
    merge_record(engine, "clash", record("clash", day="2024-01-15", town="Tripoli", place_precision=2, actors=(),
                                         published="2024-01-15"))
    merge_record(engine, "earlier", record("earlier", day="2024-01-13", town="Tripoli", place_precision=2,
                                           actors=(), published="2024-01-13"))
    (link,) = _violations(engine)
    assert any("name no parties" in r for r in link.reasons)
    assert any("the country the ceasefire covers" in r for r in link.reasons)


def test_a_truce_with_parties_is_not_broken_by_others_in_its_country(engine):
    merge_record(engine, "truce", _truce("truce", "2024-01-14", town="Libya", actors=("LBYMIL",)))
    merge_record(engine, "others", record("others", day="2024-01-15", town="Tripoli", actors=("USAMIL",)))
    assert _violations(engine) == []


def _view(**fields) -> MentionView:
    view = MentionView(document_id="d2", event_id="e1", kind=CEASEFIRE, violent=False, plover_type="RETREAT",
                       plover_mode="ceasefire", cameo=None, acled_event_type=None, acled_sub_event_type=None,
                       outlet=None, url=None, published=None, modality="asserted", day_lo=738000, day_hi=738000,
                       precision=1)
    for key, value in fields.items():
        setattr(view, key, value)
    return view


def test_truce_reports_from_two_towns_of_its_province_are_one_area():
    prof = Profile(kind=CEASEFIRE, day_lo=737998, day_hi=737998, precision=1, lat=35.93, lon=36.63,
                   place_precision=3, country="SY", admin1="SY-ID", actor_keys=[])
    inside = compare(_view(lat=35.61, lon=36.56, place_precision=1, country="SY", admin1="SY-ID"), prof)
    assert "+1.00 same area (SY-ID)" in inside.reasons and inside.merges(CEASEFIRE)
    elsewhere = compare(_view(lat=36.2, lon=37.1, place_precision=1, country="SY", admin1="SY-HL"), prof)
    assert not elsewhere.merges(CEASEFIRE), elsewhere.reasons


def test_a_truce_in_a_country_and_one_around_its_capital_are_one_truce(engine):
    first = merge_record(engine, "capital", _truce("capital", "2024-01-14", town="Tripoli", place_precision=2,
                                                   actors=("LBYMIL",), published="2024-01-12"))
    later = merge_record(engine, "country", _truce("country", "2024-01-14", town="Libya", actors=(),
                                                   published="2024-01-14", outlet="Other"))
    placed = later.placements[0]
    assert placed.canonical_id == first.placements[0].canonical_id, placed.refused
    assert "+1.00 inside the country the other names (LY)" in placed.reasons


def test_an_attack_placed_at_a_country_is_compared_with_attacks_in_its_towns(engine):
    merge_record(engine, "town", record("town", day="2024-01-15", town="Tripoli", actors=("LBYMIL",)))
    outcome = merge_record(engine, "country", record("country", day="2024-01-15", town="Libya", place_precision=3,
                                                     actors=("LBYMIL",), outlet="Other"))
    placed = outcome.placements[0]
    assert not placed.new and "+0.25 inside the country the other names (LY)" in placed.reasons
