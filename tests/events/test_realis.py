"""Real events only, or marked: figures of speech give no event; hypotheticals, negations, habits and
standing relations are marked by their modality and never dated by the day of the report. All sentences
are our own."""

from __future__ import annotations

import pytest

from sitrep.models import Document

pytestmark = pytest.mark.slow

PUBLISHED = "2024-05-10"


def events_in(pipeline, text: str):
    return pipeline.analyze(Document(id="t", text=text, published=PUBLISHED)).events


@pytest.mark.parametrize("text", [
    "Firefighters spent the night fighting two warehouse fires on the east side.",
    "The company has fired several critics of its safety record.",
    "The club fired its coach after a string of defeats.",
    "The senator launched a political battle over the budget.",
    "The columnist called the ruling an attack on press freedom.",
    "The governor vowed to kill the bill in the state senate.",
    "The governor vowed to kill the drug bill in the state senate.",  # the bill's modifier does not change it
    "The court is unlikely to block the merger.",
    "The opposition seized the initiative after the vote.",
    "Her speech captured the imagination of the young.",
    "The landlord was charged with attempted murder and released on bail.",
    "A jury convicted the two brothers of arson last year.",
    "He faces assault charges in the county court.",
    # a knife drawn is no force withdrawn, a product shown no protest, a striking likeness no attack
    "During the quarrel the cook pulled out a knife in the kitchen.",
    "The start-up demonstrated its new navigation app to investors in the hall.",
    "The museum bought striking portraits of three harbour pilots.",
])
def test_figures_of_speech_are_no_violent_event(pipeline, text):
    violent = [e for e in events_in(pipeline, text) if e.plover.type == "ASSAULT" or e.acled.event_type]
    assert violent == [], [(e.trigger.text, e.cameo, e.acled.event_type) for e in violent]


@pytest.mark.parametrize("text, trigger, plover", [
    # the same words in their own sense stay events
    ("Dockers demonstrated outside the port authority on Monday.", "demonstrated", "PROTEST"),
    ("The battalion pulled out of the valley after two weeks.", "pulled", "RETREAT"),
    ("Students demonstrated their anger outside the parliament.", "demonstrated", "PROTEST"),
])
def test_the_words_of_those_figures_keep_their_own_sense(pipeline, text, trigger, plover):
    assert any(e.trigger.text == trigger and e.plover.type == plover for e in events_in(pipeline, text))


@pytest.mark.parametrize("text, trigger, modality", [
    ("Will the army attack the city before winter?", "attack", "hypothetical"),
    ("Troops may withdraw from the town next month.", "withdraw", "hypothetical"),
    ("There has been no request to send troops to the region.", "send", "negated"),
    ("Police arrest dozens of people at the border every week.", "arrest", "habitual"),
    ("Turkey has for years backed rebel groups in the north.", "backed", "ongoing"),
    ("The rebels are fighting to topple the president.", "fighting", "ongoing"),
    ("Iran and Russia have worked together in Syria since 2015.", "worked", "ongoing"),
    ("Police have detained the blogger several times for his posts.", "detained", "habitual"),
    ("Soldiers raided the market on numerous occasions.", "raided", "habitual"),
])
def test_what_is_not_one_occurrence_is_marked_and_not_dated_by_the_report(pipeline, text, trigger, modality):
    event = next(e for e in events_in(pipeline, text) if e.trigger.text == trigger)
    assert event.modality == modality
    assert event.date is None or event.date.source != "report_date"
    assert event.acled.event_type is None


@pytest.mark.parametrize("text, trigger, undated", [
    # a relative clause in the pluperfect describes someone of the story: before its time, and no time said
    ("Soldiers freed the trader, who had been kidnapped near the border.", "kidnapped", True),
    ("Relatives visited the activist, who had been arrested at a rally.", "arrested", True),
    # a pluperfect main clause is often the day's news told against another of its moments, or after a report
    ("Protesters had blocked the main road for hours before police arrived.", "blocked", False),
    ("According to the army, rebels had overrun the post near the river.", "overrun", False),
    ("Officials said rebels had attacked a convoy near the border.", "attacked", False),
])
def test_the_pluperfect_of_a_relative_clause_is_undated_and_of_a_main_clause_keeps_the_report_day(
        pipeline, text, trigger, undated):
    event = next(e for e in events_in(pipeline, text) if e.trigger.text == trigger)
    if undated:
        assert event.date is None
        assert event.decided_by["date"].startswith("date.none: told in the pluperfect")
    else:
        assert event.date is not None and event.date.value == PUBLISHED


@pytest.mark.parametrize("text, trigger", [
    ("Two men were charged with plotting to bomb a rail depot.", "bomb"),
    ("The police uncovered a plot to kill the judge.", "kill"),
    ("Three cousins conspired to attack an army post.", "attack"),
])
def test_a_plotted_attack_is_planned_not_done(pipeline, text, trigger):
    event = next(e for e in events_in(pipeline, text) if e.trigger.text == trigger)
    assert event.modality == "planned" and event.acled.event_type is None


def test_a_reported_attack_outranks_what_did_not_happen(pipeline):
    text = ("Gunmen attacked a police post on Tuesday, killing two officers. "
            "Officials said the attackers could strike again.")
    events = events_in(pipeline, text)
    real = next(e for e in events if e.trigger.text == "attacked")
    doubtful = next(e for e in events if e.trigger.text == "strike")
    assert real.modality == "asserted" and doubtful.modality == "hypothetical"
    assert real.confidence > doubtful.confidence + 0.2


@pytest.mark.parametrize("text, sub_event_type, killed", [
    ("A roadside bomb killed three soldiers on Monday.", "Remote explosive/landmine/IED", 3),
    ("A car bomb outside the ministry left 14 people dead.", "Remote explosive/landmine/IED", 14),
    ("An explosion ripped through the crowded market on Sunday.", "Remote explosive/landmine/IED", None),
    ("The governor was shot dead by one of his guards.", "Attack", 1),
    ("Suicide bomber kills 12 at mosque", "Suicide bomb", 12),
])
def test_violence_told_in_nouns_and_passives_is_one_event_with_its_toll(pipeline, text, sub_event_type, killed):
    violent = [e for e in events_in(pipeline, text) if e.acled.event_type]
    assert len(violent) == 1, [(e.trigger.text, e.acled.sub_event_type) for e in violent]
    event = violent[0]
    assert event.acled.sub_event_type == sub_event_type
    toll = event.quantities.get("killed")
    assert (toll.best if toll else None) == killed


@pytest.mark.parametrize("text", [
    "Riot police stood guard outside the stadium on Sunday.",
    "Prosecutors asked the court for an arrest warrant against the mayor.",
    "The murder suspect appeared in court on Monday.",
    "Two attack helicopters flew over the capital.",
    "Both men suffered life-threatening injuries in the crash.",
])
def test_a_trigger_word_that_only_describes_a_thing_is_no_event(pipeline, text):
    coded = [e for e in events_in(pipeline, text) if e.plover.type in ("ASSAULT", "COERCE", "THREATEN", "PROTEST")]
    assert coded == [], [(e.trigger.text, e.plover.type) for e in coded]


@pytest.mark.parametrize("text, trigger", [
    ("A shooting incident outside the bank left two guards dead on Friday.", "shooting"),
    ("Thousands joined a protest march through the capital on Saturday.", "protest"),
])
def test_a_trigger_word_modifying_an_occurrence_noun_stays_an_event(pipeline, text, trigger):
    assert [e.trigger.text for e in events_in(pipeline, text) if e.acled.event_type] == [trigger]


def test_a_definite_mention_of_a_told_event_joins_it_and_its_sentence_date_does_not(pipeline):
    text = ("Gunmen shot dead a village chief in Kaduna on Tuesday, police said. "
            "Residents said the attackers fled into the forest. "
            "The state governor held a security meeting in the city on Wednesday. "
            "On Thursday, detectives questioned two farmers about the killing of the chief.")
    violent = [e for e in events_in(pipeline, text) if e.plover.type == "ASSAULT"]
    assert len(violent) == 1
    assert violent[0].date is not None and violent[0].date.value == "2024-05-07"
    assert len(violent[0].evidence) == 2


def test_a_definite_mention_with_its_own_place_is_a_second_event(pipeline):
    text = ("A car bomb killed nine people at a market in Mogadishu on Saturday. "
            "On Sunday a second bomb exploded near the port in Kismayo. The Kismayo bombing wounded four soldiers.")
    places = sorted(e.place.name for e in events_in(pipeline, text) if e.acled.event_type and e.place)
    assert places == ["Kismayo", "Mogadishu"]


def test_a_person_named_with_an_abstract_modifier_is_a_real_victim(pipeline):
    """What makes a killing a figure of speech is the thing killed ("the bill"), not a word that modifies it: a
    drug dealer is a person, though drugs are in the list of abstract things one fights."""
    events = events_in(pipeline, "Gunmen in a pickup killed a drug dealer outside a bar in Culiacan on Friday.")
    assert [(e.trigger.text, e.plover.type) for e in events] == [("killed", "ASSAULT")]


def test_a_crime_with_its_own_words_is_still_an_event(pipeline):
    """Only a bare crime noun a charge word governs is the charge's content: "arrested for the killing of X" tells
    of a killing."""
    events = events_in(pipeline, "Police arrested a farmer for the killing of a herder near Jos on Friday.")
    assert any(e.trigger.text == "killing" and e.plover.type == "ASSAULT" for e in events)


def test_a_plea_in_court_is_no_appeal_and_a_number_of_shots_is_one_act(pipeline):
    assert not [e for e in events_in(pipeline, "The driver pleaded not guilty on Monday.") if e.plover.type == "REQUEST"]
    shots = events_in(pipeline, "A sniper fired three times at the checkpoint on Monday.")
    assert [e.modality for e in shots if e.trigger.text == "fired"] == ["asserted"]
