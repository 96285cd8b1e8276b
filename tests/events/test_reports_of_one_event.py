"""Words that let different reports of one event be recognised as such: an attack told with "hit",
people "seized", a protest told by what the crowd did, a place that was attacked, a meeting told twice
in one sentence. Each rule on a short made-up text through the whole pipeline."""

from __future__ import annotations

import pytest

from sitrep.models import Document

pytestmark = pytest.mark.slow


def analyse(pipeline, text: str, published: str = "2023-06-10"):
    return pipeline.analyze(Document(id="t", text=text, published=published))


def only(analysis):
    assert len(analysis.events) == 1, [(e.plover.type, e.trigger.text if e.trigger else None) for e in analysis.events]
    return analysis.events[0]


def test_hit_with_munitions_is_an_attack_and_hit_alone_is_not(pipeline):
    event = only(analyse(pipeline, "Government forces hit the village of Zorba with mortar rounds on Thursday."))
    assert (event.plover.type, event.trigger.text) == ("ASSAULT", "hit")
    assert event.plover.mode == "heavy-weapons"
    calm = analyse(pipeline, "Rising prices hit families hard this spring.")
    assert [e for e in calm.events if e.plover.type == "ASSAULT"] == []


def test_people_seized_are_abducted_and_goods_seized_are_property(pipeline):
    analysis = analyse(pipeline, "Police are searching for the forty villagers seized by gunmen on Monday.")
    event = next(e for e in analysis.events if e.trigger and e.trigger.text == "seized")
    assert (event.plover.type, event.plover.mode, event.trigger.text) == ("ASSAULT", "abduct", "seized")
    goods = only(analyse(pipeline, "Customs officers seized two tonnes of cocaine at the port."))
    assert goods.plover.type == "COERCE"


@pytest.mark.parametrize("text, trigger", [
    ("Demonstrators filled the main boulevard of Yerevan on Tuesday evening.", "filled"),
    ("Protesters returned to the streets of Yerevan on Monday.", "returned"),
    ("Thousands of protesters poured into Republic Square in Yerevan.", "poured"),
])
def test_a_crowd_of_protesters_doing_something_is_a_protest(pipeline, text, trigger):
    event = only(analyse(pipeline, text))
    assert (event.plover.type, event.trigger.text) == ("PROTEST", trigger)
    assert event.place is not None and event.place.name == "Yerevan"


@pytest.mark.parametrize("text, trigger", [
    # the purpose hung on a noun of the gathering's time by the parser
    ("Nurses gathered outside the hospital in Yerevan during a visit of the minister to demand higher pay.", "gathered"),
    # the gathering's subjects joined by "and"; the plural one makes it people
    ("The pensioners' union and teachers gathered in Yerevan to demand unpaid wages.", "gathered"),
    # a gathering noun that is no protest word of its own, held by people, with its purpose
    ("Taxi drivers drove a motorcade through Yerevan to demand cheaper fuel.", "motorcade"),
    ("In Yerevan, nurses did a motorcade to demand a pay rise.", "motorcade"),
])
def test_people_gathering_for_a_demand_is_a_protest(pipeline, text, trigger):
    analysis = analyse(pipeline, text)
    protest = [e for e in analysis.events if e.plover.type == "PROTEST"]
    assert [(e.trigger.text, e.acled.event_type, e.acled.inter1) for e in protest] == [(trigger, "Protests", 6)]
    assert protest[0].place is not None and protest[0].place.name == "Yerevan"


@pytest.mark.parametrize("text", [
    "The presidential motorcade drove to the airport in Yerevan to meet the delegation.",
    "A convoy of army trucks drove to Yerevan to reinforce the garrison.",
    "Nurses gathered in Yerevan for the minister's visit.",
])
def test_a_motorcade_or_a_gathering_without_a_demand_is_no_protest(pipeline, text):
    assert [e for e in analyse(pipeline, text).events if e.plover.type == "PROTEST"] == []


def test_a_crowd_verb_without_protesters_is_no_event(pipeline):
    assert analyse(pipeline, "The soldiers returned to their barracks in Yerevan on Monday.").events == []


def test_an_attacked_town_is_the_place_not_a_target(pipeline):
    analysis = analyse(pipeline, "Two civilians died after Russian forces hit Kharkiv with rockets late on Friday.")
    event = next(e for e in analysis.events if e.plover.type == "ASSAULT")
    assert event.place is not None and event.place.name == "Kharkiv" and event.place.precision == 1
    named = {a.id: a.name for a in analysis.actors}
    assert "Kharkiv" not in [named[t] for t in event.targets]


def test_an_attacked_country_stays_a_target(pipeline):
    analysis = analyse(pipeline, "Russia attacked Ukraine with missiles on Friday.")
    event = next(e for e in analysis.events if e.plover.type == "ASSAULT")
    named = {a.id: a.name for a in analysis.actors}
    assert "Ukraine" in [named[t] for t in event.targets]


def test_a_meeting_told_twice_in_one_sentence_is_one_event(pipeline):
    analysis = analyse(pipeline, "The two foreign ministers met in Geneva on Friday for a second round of talks.")
    consults = [e for e in analysis.events if e.plover.type == "CONSULT"]
    assert len(consults) == 1
    assert len(consults[0].evidence) == 1 and consults[0].place is not None and consults[0].place.text == "Geneva"


def test_two_meetings_of_different_people_in_one_sentence_stay_apart(pipeline):
    analysis = analyse(pipeline, "Putin met Erdogan in Sochi, while Macron held talks with Scholz in Berlin.")
    consults = [e for e in analysis.events if e.plover.type == "CONSULT"]
    assert len(consults) == 2


def _truce(analysis):
    (truce,) = [e for e in analysis.events if e.plover.type == "RETREAT" or e.cameo == "0871"]
    return truce


def test_a_truce_named_in_passing_takes_the_report_date_not_the_attacks(pipeline):
    analysis = analyse(pipeline, "Despite the truce, government jets struck the town of Zorba on Monday.",
                       published="2023-06-14")
    truce = _truce(analysis)
    assert truce.date is not None and truce.date.source == "report_date" and truce.date.value == "2023-06-14"
    attack = next(e for e in analysis.events if e.plover.type == "ASSAULT")
    assert attack.date is not None and attack.date.value == "2023-06-12"


def test_a_truce_in_an_after_clause_is_dated_from_the_main_clause(pipeline):
    analysis = analyse(pipeline, "Army artillery shelled the town of Zorba on Sunday afternoon, hours after the "
                       "ceasefire began.", published="2023-06-12")
    truce = _truce(analysis)
    assert truce.date is not None and truce.date.source == "anchor"
    assert truce.date.text == "hours after the ceasefire began"


def test_a_place_modifying_the_event_noun_is_its_place_not_its_party(pipeline):
    analysis = analyse(pipeline, "Residents said the Idlib ceasefire was holding on Tuesday.", published="2023-06-14")
    truce = _truce(analysis)
    assert truce.place is not None and truce.place.text == "Idlib" and truce.place.country == "SY"
    names = {a.id: a.name for a in analysis.actors}
    assert "Idlib" not in [names[i] for i in truce.sources + truce.targets]


def test_a_country_named_as_a_partner_is_not_the_place(pipeline):
    analysis = analyse(pipeline, "Fighting in Idlib went on all week. An official said the truce took effect on "
                       "Thursday under an agreement with Turkey.", published="2023-06-16")
    truce = _truce(analysis)
    assert truce.place is None or truce.place.country != "TR", truce.place


def test_a_call_to_observe_a_truce_is_a_call_and_a_truce_of_those_called_on(pipeline):
    analysis = analyse(pipeline, "Egypt called on Hamas and Israel to observe a ceasefire around Gaza City from "
                       "Sunday.", published="2023-06-16")
    types = sorted(e.plover.type for e in analysis.events)
    assert types == ["REQUEST", "RETREAT"], types
    truce = _truce(analysis)
    names = {a.id: a.name for a in analysis.actors}
    assert [names[i] for i in truce.sources] == ["Hamas", "Israel"]
    unnamed = analyse(pipeline, "Egypt urged the warring factions to respect the truce.", published="2023-06-16")
    assert _truce(unnamed).sources == []  # the caller is no party to the truce


def test_a_call_for_a_truce_is_only_a_call(pipeline):
    analysis = analyse(pipeline, "Egypt called for a ceasefire around Gaza City.", published="2023-06-16")
    assert [e.plover.type for e in analysis.events] == ["REQUEST"]


def test_fighting_that_broke_out_between_two_sides_has_them_as_parties(pipeline):
    analysis = analyse(pipeline, "Fighting erupted between the army and rebels near Goma on Monday.")
    (clash,) = [e for e in analysis.events if e.plover.type == "ASSAULT"]
    names = {a.id: a.name for a in analysis.actors}
    assert [names[i] for i in clash.sources] == ["army"] and [names[i] for i in clash.targets] == ["rebels"]


def test_a_demonstration_and_how_it_went_are_one_acled_event(pipeline):
    """ACLED codes a demonstration once, its sub-type saying how it went: the police breaking it up two
    sentences later is part of it, not an event of its own."""
    text = ("Hundreds of students marched on the ministry in Dakar on Monday. They demanded unpaid grants. "
            "Police fired tear gas to disperse them.")
    events = pipeline.analyze(Document(id="demo", text=text, published="2024-03-05")).events
    coded = [e for e in events if e.acled.event_type]
    assert len(coded) == 1
    demo = coded[0]
    assert (demo.acled.event_type, demo.acled.sub_event_type) == ("Protests", "Protest with intervention")
    assert demo.acled.inter2 == 1 and demo.trigger.text == "marched"
    police = next(e for e in events if e.trigger.text == "fired")  # still its own PLOVER event, not ACLED's
    assert police.acled.event_type is None
    assert police.decided_by["acled"].startswith("dedupe.part_of_a_demonstration")


def test_an_arrest_protested_against_stays_its_own_event(pipeline):
    text = "Traders protested in Lagos on Monday against the arrest of their leader. He was detained on Friday."
    events = [e for e in pipeline.analyze(Document(id="arr", text=text, published="2024-03-05")).events
              if e.acled.event_type]
    assert [e.acled.event_type for e in events] == ["Protests", "Strategic developments"]
