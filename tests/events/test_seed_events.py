"""The founding seed article through the whole pipeline: each event it reports found once, coded right,
with its modality, actors, place, date and source."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def codes(analysis, ids) -> set[str]:
    known = {a.id: a.code for a in analysis.actors}
    return {known.get(i) or "" for i in ids}


def evidence_text(event) -> str:
    return " | ".join(s.text for s in event.evidence)


def only(analysis, cameo: str, word: str):
    """The one event of the CAMEO code whose evidence holds `word` (fails on none or several)."""
    found = [e for e in analysis.events if e.cameo == cameo and word in evidence_text(e)]
    assert len(found) == 1, [(e.cameo, e.trigger.text, evidence_text(e)[:80]) for e in found]
    return found[0]


def test_the_ceasefire_is_one_planned_agreement_with_several_mentions(seed_analysis):
    ceasefires = [e for e in seed_analysis.events if e.category == "ceasefire"]
    assert len(ceasefires) == 2  # Turkey's announcement, and the Russian official's disagreeing claim
    ceasefire = ceasefires[0]
    assert (ceasefire.plover.type, ceasefire.cameo) == ("AGREE", "0871")
    assert (ceasefire.acled.event_type, ceasefire.acled.sub_event_type) == ("Strategic developments", "Agreement")
    assert ceasefire.modality == "planned"
    assert {"TUR", "RUS"} <= codes(seed_analysis, ceasefire.sources)
    assert ceasefire.attribution is not None and ceasefire.attribution.text == "Turkey's Defence Ministry"
    assert ceasefire.date.value == "2020-01-10"          # announced on Friday
    assert ceasefire.effective.value == "2020-01-12T00:01"  # to start at one minute past midnight on Sunday
    assert ceasefire.place.name == "Idlib"
    text = evidence_text(ceasefire)
    assert "halt at one minute past midnight" in text and "hours after an agreement was struck" in text
    assert "6 p.m. ET" not in text  # another speaker's time: kept as its own claim (next test)
    assert len(ceasefire.evidence) >= 4


def test_a_russian_officials_earlier_start_is_kept_as_its_own_claim(seed_analysis):
    """Different speakers, different times: not folded into Turkey's announcement (dedupe.py)."""
    russian = [e for e in seed_analysis.events if e.category == "ceasefire"][1]
    assert russian.attribution is not None and "Russian defence ministry official" in russian.attribution.text
    assert russian.date.value == "2020-01-09T18:00" and russian.date.text == "6 p.m. ET\xa0on Thursday"
    assert "6 p.m. ET" in evidence_text(russian)


def test_the_airstrike_on_maaret_al_numan(seed_analysis):
    strike = only(seed_analysis, "195", "Maaret Al-Numan")
    assert strike.trigger.text == "airstrike" and strike.acled.sub_event_type == "Air/drone strike"
    assert strike.plover.type == "ASSAULT" and strike.modality == "asserted"
    assert strike.attribution is not None and strike.attribution.text == "reported"
    assert "SYRMIL" in codes(seed_analysis, strike.sources)
    assert "Nu" in strike.place.name and strike.place.precision == 1
    assert strike.date.value == "2020-01-10"


def test_bombardment_by_jets_and_artillery(seed_analysis):
    (event,) = [e for e in seed_analysis.events if e.trigger.text == "pounded"]
    assert (event.plover.type, event.cameo, event.acled.event_type) == ("ASSAULT", "195", "Explosions/Remote violence")
    assert codes(seed_analysis, event.sources) == {"RUSMIL", "SYRMIL"}
    assert event.instrument.text == "Russian jets and Syrian artillery"
    assert event.place.name == "Idlib"


def test_hundreds_of_thousands_fled_toward_turkey(seed_analysis):
    flights = [e for e in seed_analysis.events if e.category == "displacement" and e.trigger.text == "fled"]
    assert len(flights) == 1
    flight = flights[0]
    assert flight.quantities["displaced"].best == 100_000 and flight.quantities["displaced"].high == 999_999
    assert flight.place.name == "Idlib" and flight.modality == "asserted"


def test_the_aid_authorisation_expiring_unless_the_council_agrees(seed_analysis):
    (expiry,) = [e for e in seed_analysis.events if e.trigger.text == "expire"]
    assert expiry.modality == "conditional" and expiry.category == "humanitarian"
    assert expiry.cameo == "1623" and "IGOUNO" in codes(seed_analysis, expiry.sources)
    assert expiry.date.value.startswith("2020-01-10")


def test_assad_vows_and_turkey_backs_rebels(seed_analysis):
    vow = only(seed_analysis, "1382", "vowed to recapture")
    assert vow.plover.type == "THREATEN" and vow.modality == "threatened"
    assert codes(seed_analysis, vow.sources) == {"SYRGOV"}
    assert vow.place.name == "Idlib"
    backing = [e for e in seed_analysis.events if e.trigger.text == "backed"]
    assert len(backing) == 2 and all(e.plover.type == "SUPPORT" for e in backing)
    turkey = [e for e in backing if codes(seed_analysis, e.sources) == {"TUR"}]
    assert len(turkey) == 1 and turkey[0].place.name != "Turkey"  # Turkey acts; it is not where
    assert codes(seed_analysis, turkey[0].targets) == {"SYRREB"}


def test_standing_facts_are_no_event_of_the_day(seed_analysis):
    """Backing Assad, backing rebels for years, rebels fighting to oust him, Iran and Russia having worked
    together: standing relations, marked ongoing and never dated by the report."""
    standing = [e for e in seed_analysis.events if e.plover.type in ("SUPPORT", "COOPERATE")
                and e.trigger.text != "thanked"] + [e for e in seed_analysis.events if e.trigger.text == "fighting"]
    assert len(standing) == 4
    for event in standing:
        assert event.modality == "ongoing" and event.date is None and event.acled.event_type is None


def test_putins_damascus_visit_is_one_event_despite_the_caption(seed_analysis):
    visits = [e for e in seed_analysis.events if e.cameo == "042" and e.date.value != "2017"]
    assert len(visits) == 1
    visit = visits[0]
    assert visit.place.name == "Damascus" and visit.date.value == "2020-01-07"
    assert "RUSGOV" in codes(seed_analysis, visit.sources)
    assert "a day after paying a rare visit" in evidence_text(visit)  # the caption's back-reference


def test_putin_meets_erdogan_in_istanbul(seed_analysis):
    meeting = only(seed_analysis, "040", "Istanbul")
    assert meeting.trigger.text == "met" and meeting.date.value == "2020-01-08"
    assert meeting.place.name == "Istanbul"
    assert codes(seed_analysis, meeting.sources) == {"RUSGOV"} and codes(seed_analysis, meeting.targets) == {"TURGOV"}


def test_the_drone_strike_that_killed_soleimani_is_one_event(seed_analysis):
    kills = [e for e in seed_analysis.events if "Soleimani" in evidence_text(e) and e.plover.type == "ASSAULT"]
    assert len(kills) == 1
    kill = kills[0]
    assert kill.cameo == "195" and kill.acled.sub_event_type == "Air/drone strike"
    assert "USAMIL" in codes(seed_analysis, kill.sources) and "IRNMIL" in codes(seed_analysis, kill.targets)
    assert kill.place.name == "Baghdad International Airport"
    assert "days after the killing" in evidence_text(kill)
    # "Putin's rare visit came just days after the killing": dated from the visit (Tuesday 2020-01-07)
    assert (kill.date.source, kill.date.start, kill.date.end, kill.date.precision) == (
        "anchor", "2020-01-01", "2020-01-06", 2)


def test_assad_thanks_putin_the_kremlin_said(seed_analysis):
    thanks = only(seed_analysis, "051", "thanked")
    assert thanks.plover.type == "SUPPORT" and thanks.attribution.text == "Kremlin"
    assert codes(seed_analysis, thanks.sources) == {"SYRGOV"} and codes(seed_analysis, thanks.targets) == {"RUSGOV"}


def test_putins_2017_visit_to_hmeymim_stays_apart(seed_analysis):
    (visit,) = [e for e in seed_analysis.events if e.cameo == "042" and e.date.value == "2017"]
    assert visit.trigger.text == "visited" and "Hmeymim" in evidence_text(visit)


def test_no_event_is_reported_twice(seed_analysis):
    keys = [(e.cameo, e.date.value if e.date else None, frozenset(codes(seed_analysis, e.sources)))
            for e in seed_analysis.events]
    assert len(keys) == len(set(keys))


def test_offsets_are_into_the_input_text(seed_analysis):
    text = seed_analysis.document.text
    for event in seed_analysis.events:
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        for span in event.evidence:
            assert text[span.start:span.end] == span.text


def test_events_stage_is_a_small_share_of_the_pipeline(seed_analysis):
    timings = seed_analysis.timings
    assert timings["events"] <= 0.3 * sum(timings.values())
