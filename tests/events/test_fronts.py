"""Unclaimed fire on a settled front line (events/fronts.py, data/fronts.toml), on sentences we wrote.

ACLED codes explosions and shots that monitors observe near a settlement, with no shooter named, as fired by
the forces across the line from whoever holds it; in an armed clash the holder is the second side.
"""

from __future__ import annotations

import pytest

from sitrep.events.fronts import PLACE_RULE, RULE, load_fronts, parse_fronts
from sitrep.geo.normalize import name_key
from sitrep.models import Document

pytestmark = pytest.mark.slow


def events_of(pipeline, text: str):
    return [e for e in pipeline.analyze(Document(id="t", text=text)).events if e.acled.event_type]


@pytest.mark.parametrize("text, inter1", [
    # a town the government held: the fire came from the rebels' side
    ("On 12 March 2019, international monitors recorded 25 explosions near Avdiivka.", 2),
    # a town the rebels held: the fire came from the government's forces
    ("On 12 March 2019, international monitors recorded 25 explosions near Horlivka.", 1),
    # a village the gazetteer lacks still counts, as do the front's hyphenated names
    ("On 3 July 2018, OSCE observers counted 7 explosions near Zolote-4.", 2),
    ("On 3 July 2018, OSCE observers counted 7 explosions near Kalynove-Borshchuvate.", 1),
])
def test_unclaimed_fire_near_a_held_settlement_comes_from_across_the_line(pipeline, text, inter1):
    event = max(events_of(pipeline, text), key=lambda e: e.confidence)
    assert event.acled.event_type == "Explosions/Remote violence"
    assert (event.acled.inter1, event.acled.inter2) == (inter1, 0)
    assert event.acled.interaction == inter1 * 10
    assert RULE in event.decided_by["acled"]


def test_in_a_clash_the_holder_of_the_settlement_is_the_second_side(pipeline):
    text = "On 20 June 2019, clashes were reported near Avdiivka, the OSCE mission said."
    event = max(events_of(pipeline, text), key=lambda e: e.confidence)
    assert event.acled.event_type == "Battles"
    assert (event.acled.inter1, event.acled.inter2, event.acled.interaction) == (2, 1, 12)


@pytest.mark.parametrize("text", [
    # the shooter is named: the text decides
    "On 12 March 2019, Ukrainian troops shelled positions near Horlivka.",
    # outside the period the line held
    "On 12 March 2023, international monitors recorded 25 explosions near Horlivka.",
    # "Donetsk" as part of another name is not the city
    "On 12 March 2019, an explosion hit a depot in Donetsk People's Republic territory, the OSCE said.",
    # no settlement of a front in the sentence
    "On 12 March 2019, monitors recorded 25 explosions near Kharkiv.",
])
def test_no_front_convention_where_a_doer_is_named_or_no_front_settlement_is(pipeline, text):
    events = events_of(pipeline, text)
    assert events, f"no ACLED event in {text!r}"
    assert all(RULE not in e.decided_by["acled"] for e in events)


def test_the_shipped_fronts_have_two_sides_each_holding_settlements():
    fronts = load_fronts()
    assert fronts, "fronts.toml lists no front"
    for front in fronts:
        assert len(set(front.sides)) == 2 and front.start < front.end
        held = {s.holder for s in front.settlements.values()}
        assert held == set(front.sides), f"a side of {front.id} holds no settlement"
    # the spelling news uses and the gazetteer's key of it meet
    assert fronts[0].settlements[name_key("Kalynove-Borshchuvate")].holder == 2


def test_a_settlement_listed_on_both_sides_is_refused():
    raw = {"front": [{"id": "f", "start": "2001-01-01", "end": "2002-01-01",
                      "side": {"a": {"inter": 1, "settlements": [{"names": ["Northtown"], "at": [1.0, 2.0]},
                                                                  {"names": ["Hill", "Upper Hill"]}]},
                               "b": {"inter": 2, "settlements": [{"names": ["Southtown", "hill"]}]}}}]}
    with pytest.raises(ValueError, match="'hill' on both sides"):
        parse_fronts(raw)
    raw["front"][0]["side"]["b"]["settlements"] = [{"names": ["Southtown"]}]
    front = parse_fronts(raw)[0]
    assert front.across(1) == 2
    assert (front.settlements[name_key("Northtown")].lat, front.settlements[name_key("Upper Hill")].lat) == (1.0, None)


@pytest.mark.parametrize("text, words, lat, lon, precision", [
    # a village the gazetteer lacks: the table's point, "near" it
    ("On 3 July 2018, OSCE observers counted 7 explosions near Kalynove-Borshchuvate.", "Kalynove-Borshchuvate",
     48.59, 38.52, 2),
    # a name the gazetteer reads elsewhere in the country (a village of the same name near Lviv)
    ("On 3 July 2018, OSCE observers counted 7 explosions near Sokilnyky.", "Sokilnyky", 48.71, 38.86, 2),
    # the province written after the village is where it lies, not the event's place
    ("On 4 May 2021, government forces fired mortars at rebel positions near Zolote-5, Luhansk.", "Zolote-5",
     48.67, 38.50, 2),
])
def test_an_event_near_a_front_settlement_is_placed_at_it(pipeline, text, words, lat, lon, precision):
    event = max(events_of(pipeline, text), key=lambda e: e.confidence)
    place = event.place
    assert place is not None and event.decided_by["place"] == PLACE_RULE
    assert (place.text, place.lat, place.lon, place.precision) == (words, lat, lon, precision)
    assert text[place.start:place.end] == words


def test_a_gazetteer_reading_of_the_front_stands_and_a_shared_name_gives_no_point(pipeline):
    read = max(events_of(pipeline, "On 3 July 2018, OSCE observers counted 7 explosions near Horlivka."),
               key=lambda e: e.confidence)
    assert read.decided_by["place"] != PLACE_RULE and read.place.admin1 == "UA-14"
    # two villages of the front bear this name: the side is known (government-held), the point is not
    shared = max(events_of(pipeline, "On 3 July 2018, OSCE observers counted 7 explosions near Vodiane."),
                 key=lambda e: e.confidence)
    assert shared.decided_by["place"] != PLACE_RULE and shared.acled.inter1 == 2


def test_no_front_place_outside_the_period_or_without_the_front_named(pipeline):
    for text in ("On 3 July 2023, OSCE observers counted 7 explosions near Kalynove-Borshchuvate.",
                 "On 3 July 2018, observers counted 7 explosions near Kalynove-Borshchuvate."):
        events = events_of(pipeline, text)
        assert events, f"no ACLED event in {text!r}"
        assert all(e.decided_by["place"] != PLACE_RULE for e in events), text


def test_gunfire_observed_from_afar_with_no_one_hurt_is_a_clash(pipeline):
    # a plural "X of Y" event noun ("bursts of fire") is found as its singular is
    event = max(events_of(pipeline, "On 1 May 2019, OSCE monitors observed 65 bursts of fire near Popasna."),
                key=lambda e: e.confidence)
    assert event.trigger.text == "bursts of fire"
    assert (event.acled.event_type, event.acled.sub_event_type) == ("Battles", "Armed clash")
    assert (event.acled.inter1, event.acled.inter2) == (2, 1)  # the holder of Popasna is the second side
    # away from any front: two unidentified armed sides
    far = max(events_of(pipeline, "On 1 May 2019, residents heard bursts of fire outside the town of Kidal."),
              key=lambda e: e.confidence)
    assert (far.acled.event_type, far.acled.inter1, far.acled.inter2) == ("Battles", 3, 3)  # two unnamed sides
    # a crime heard, or fire exchanged, keeps the rules that know them
    robbery = lead(pipeline, "On 1 May 2019, witnesses heard gunshots during a robbery at a jewellery shop in Lagos.")
    assert (robbery.acled.event_type, robbery.acled.inter2) == ("Violence against civilians", 7)
    exchange = lead(pipeline, "On 1 May 2019, heavy exchanges of gunfire were heard near the airport of Juba "
                              "overnight.")
    assert (exchange.acled.event_type, exchange.acled.inter1, exchange.acled.inter2) == ("Battles", 3, 3)
    # with someone hurt it stays an attack on them
    hurt = max(events_of(pipeline, "On 1 May 2019, residents heard gunfire in the market; a trader was wounded."),
               key=lambda e: e.confidence)
    assert hurt.acled.event_type == "Violence against civilians"


def lead(pipeline, text: str, published: str | None = None):
    events = [e for e in pipeline.analyze(Document(id="t", text=text, published=published)).events
              if e.acled.event_type]
    assert events, f"no ACLED event in {text!r}"
    return max(events, key=lambda e: e.confidence)


@pytest.mark.parametrize("text, inter1, inter2", [
    # fire that came from a settlement: the side holding it fired
    ("On 5 August 2019, shells fired from Horlivka hit houses in Toretsk, the OSCE mission said.", 2, 0),
    # "from" a settlement only as the origin of the fire: a distance from it is where the fire fell
    ("On 5 August 2019, OSCE monitors recorded 9 explosions 3 km from Avdiivka.", 2, 0),
    # a known armed target: the other side fired, whichever village it fell near
    ("On 5 August 2019, two Ukrainian soldiers were killed by shelling near Horlivka, Donetsk region.", 2, 1),
])
def test_the_origin_of_the_fire_or_its_armed_target_decides_before_the_settlement(pipeline, text, inter1, inter2):
    event = lead(pipeline, text)
    assert (event.acled.inter1, event.acled.inter2) == (inter1, inter2)
    assert RULE in event.decided_by["acled"]


@pytest.mark.parametrize("text", [
    # provinces, not settlements
    "On 5 August 2019, shelling in the Donetsk and Luhansk regions killed two civilians.",
    # a village of the same name put elsewhere by the text
    "On 5 August 2019, a shell hit a school in Olenivka, Crimea, the OSCE said, and a teacher was hurt.",
    "On 5 August 2019, clashes broke out near Pervomaisk in Kharkiv region, the OSCE said.",
    # a device set in place is not fire across the line, even one the codebook took for shelling
    "On 5 August 2019, a landmine killed a farmer near Marinka, the OSCE mission said.",
    "On 5 August 2019, an anti-tank mine went off under a van near Olenivka, Donetsk region, killing the driver.",
    # a settlement's name on the body that reported it is no place where anything fell
    "On 5 August 2019, mortar fire hit a farm near Zolotoye, Luhansk separatist authorities said.",
])
def test_no_front_convention_for_provinces_places_elsewhere_devices_or_other_words(pipeline, text):
    event = lead(pipeline, text)
    assert RULE not in event.decided_by["acled"]
    assert event.decided_by["place"] != PLACE_RULE


def test_another_place_named_keeps_the_event_though_the_front_is_mentioned(pipeline):
    text = "On 5 August 2019, hundreds of people protested in Kyiv against the shelling of Avdiivka by DPR forces."
    event = lead(pipeline, text)
    assert event.place is not None and event.place.admin1 != "UA-14" and event.decided_by["place"] != PLACE_RULE


def test_a_week_is_no_day_of_the_front_and_its_words_are_whole_words():
    from sitrep.models import EventDate

    front = load_fronts()[0]
    assert front.words.search("the DPR said") is not None
    assert front.words.search("the GDPR came into force") is None
    assert front.held_on(EventDate(value="2019-03-12", precision=1, source="expression"))
    assert not front.held_on(EventDate(value="2015-W05-WE", precision=2, source="expression"))
    assert not front.held_on(EventDate(value="2023-03-12", precision=1, source="expression"))


def test_explosions_and_shots_observed_together_are_a_clash(pipeline):
    # "explosions/shots": the parser hangs the first noun on the second; both were observed
    text = "On 11 October 2019, OSCE monitors recorded 23 explosions/shots from rifles close to Svitlodarsk."
    event = lead(pipeline, text)
    assert (event.acled.event_type, event.acled.sub_event_type) == ("Battles", "Armed clash")
    assert (event.acled.inter1, event.acled.inter2) == (2, 1)
    assert event.decided_by["acled"].startswith("battle.explosions_and_gunfire_heard_from_afar")
