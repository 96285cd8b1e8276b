"""The founding seed article through the whole pipeline: its events found once each and coded right."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def find(analysis, **codes):
    """Events whose fields equal the given values (cameo=…, plover=…, trigger=…)."""
    found = []
    for event in analysis.events:
        values = {"cameo": event.cameo, "plover": event.plover.type, "trigger": event.trigger.text,
                  "mode": event.plover.mode, "category": event.category}
        if all(values[k] == v for k, v in codes.items()):
            found.append(event)
    return found


def evidence_text(event) -> str:
    return " | ".join(s.text for s in event.evidence)


def test_the_ceasefire_is_one_planned_agreement_with_several_mentions(seed_analysis):
    ceasefires = [e for e in seed_analysis.events if e.cameo == "0871"]
    assert len(ceasefires) == 1
    ceasefire = ceasefires[0]
    assert (ceasefire.acled.event_type, ceasefire.acled.sub_event_type) == ("Strategic developments", "Agreement")
    assert ceasefire.modality == "planned"
    assert len(ceasefire.evidence) >= 4
    assert "halt at one minute past midnight" in evidence_text(ceasefire)


def test_the_airstrike_on_maaret_al_numan(seed_analysis):
    strikes = find(seed_analysis, cameo="195", trigger="airstrike")
    assert len(strikes) == 1
    assert strikes[0].acled.sub_event_type == "Air/drone strike"
    assert "Maaret Al-Numan" in evidence_text(strikes[0])


def test_bombardment_by_jets_and_artillery(seed_analysis):
    (event,) = find(seed_analysis, trigger="pounded")
    assert event.plover.type == "ASSAULT" and event.acled.event_type == "Explosions/Remote violence"


def test_the_drone_strike_that_killed_soleimani_is_one_event(seed_analysis):
    kills = [e for e in seed_analysis.events if "Soleimani" in evidence_text(e) and e.plover.type == "ASSAULT"]
    assert len(kills) == 1
    assert kills[0].cameo == "195" and kills[0].acled.sub_event_type == "Air/drone strike"
    assert "drone strike" in evidence_text(kills[0])


def test_diplomacy(seed_analysis):
    visits = [e for e in find(seed_analysis, cameo="042") if "Damascus" in evidence_text(e)]
    assert len(visits) == 1 and visits[0].acled.event_type is None
    meetings = [e for e in find(seed_analysis, cameo="040") if "Istanbul" in evidence_text(e)]
    assert len(meetings) == 1
    assert find(seed_analysis, plover="SUPPORT", trigger="thanked")
    assert find(seed_analysis, plover="THREATEN", trigger="vowed")[0].modality == "threatened"
    assert len(find(seed_analysis, plover="SUPPORT", trigger="backed")) == 2


def test_flight_and_the_expiring_aid_operation(seed_analysis):
    assert find(seed_analysis, category="displacement", trigger="fled")
    (expiry,) = find(seed_analysis, trigger="expire")
    assert expiry.modality == "conditional" and expiry.category == "humanitarian"


def test_offsets_are_into_the_input_text(seed_analysis):
    text = seed_analysis.document.text
    for event in seed_analysis.events:
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        for span in event.evidence:
            assert text[span.start:span.end] == span.text


def test_events_stage_is_a_small_share_of_the_pipeline(seed_analysis):
    timings = seed_analysis.timings
    assert timings["events"] <= 0.3 * sum(timings.values())
