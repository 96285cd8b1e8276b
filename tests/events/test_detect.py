"""Trigger detection and the constructions that join words into events, on hand-written sentences.

These run the parse and the events stage only (no actors, places or times), so they pin what the
events package itself decides: which words report an event, of which type, with which evidence."""

from __future__ import annotations

import pytest

from sitrep.events import extract_events
from sitrep.events.lexicon import load_lexicon
from sitrep.models import Document
from sitrep.settings import load_settings
from sitrep.stage import Analysis

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def events_of(nlp):
    lexicon = load_lexicon()

    def run(text: str):
        analysis = Analysis(document=Document(id="t", text=text), settings=load_settings(), analysis_text=text)
        analysis.doc = nlp(text)
        return extract_events(analysis, lexicon)

    return run


def only(events):
    assert len(events) == 1, [(e.plover.type, e.cameo, e.trigger.text) for e in events]
    return events[0]


@pytest.mark.parametrize("text, plover, cameo, trigger", [
    ("Government forces carried out air strikes on the town on Monday.", "ASSAULT", "195", "air strikes"),
    ("The minister was killed by a drone strike near the airport.", "ASSAULT", "195", "killed"),
    ("Villages were pounded by artillery for a week.", "ASSAULT", "194", "pounded"),
    ("Police arrested twenty students in the capital.", "COERCE", "173", "arrested"),
    ("The rebels vowed to retake the city.", "THREATEN", "1382", "vowed"),
    ("The government refused to meet the opposition leaders.", "REJECT", "125", "refused"),
    ("An agreement was struck for a truce in the region.", "AGREE", "0871", "agreement"),
    ("The two sides agreed to a ceasefire.", "AGREE", "0871", "agreed"),
    ("Attacks would halt at midnight, the army said.", "AGREE", "0871", "halt"),
    ("Thousands of people fled the fighting.", "OTHER", None, "fled"),
    ("Workers staged a hunger strike outside parliament.", "PROTEST", "142", "hunger strike"),
])
def test_one_event_with_its_code_and_trigger(events_of, text, plover, cameo, trigger):
    event = only(events_of(text))
    assert (event.plover.type, event.cameo, event.trigger.text) == (plover, cameo, trigger)
    assert text[event.trigger.start:event.trigger.end] == event.trigger.text


def test_a_condemned_attack_is_an_event_too_but_the_condemnation_leads(events_of):
    events = events_of("The ministry condemned the bombing of the hospital.")
    top = max(events, key=lambda e: e.confidence)
    assert (top.plover.type, top.cameo, top.trigger.text) == ("ACCUSE", "111", "condemned")
    assert {e.acled.sub_event_type for e in events} == {None, "Remote explosive/landmine/IED"}


def test_visit_and_its_participle_are_one_event(events_of):
    event = only(events_of("The president paid a visit to Cairo on Tuesday, meeting with his counterpart."))
    assert (event.plover.type, event.plover.mode, event.cameo) == ("CONSULT", "visit", "042")
    assert event.acled.event_type is None and event.acled.sub_event_type is None


def test_a_reported_promise_is_an_intent_but_a_narrated_plan_is_the_act(events_of):
    intent = only(events_of("The foreign minister said he would visit Tokyo in June."))
    assert (intent.plover.type, intent.cameo) == ("AGREE", "036")
    plan = only(events_of("The two leaders will meet in Geneva next week."))
    assert (plan.plover.type, plan.cameo) == ("CONSULT", "040")


def test_a_negated_acceptance_is_a_rejection(events_of):
    event = only(events_of("The government said it will not accept the proposal."))
    assert event.plover.type == "REJECT"


def test_no_political_event_gives_no_record(events_of):
    assert events_of("The weather in the capital was sunny and mild on Sunday.") == []


def test_mentions_of_one_ceasefire_merge_with_their_evidence(events_of):
    text = ("The army declared a ceasefire on Friday.\n\n"
            "The ceasefire came into force at midnight, officials said.")
    event = only(events_of(text))
    assert event.cameo == "0871"
    assert [text[s.start:s.end] for s in event.evidence] == [
        "The army declared a ceasefire on Friday.", "The ceasefire came into force at midnight, officials said."]


def test_caption_events_are_found(events_of):
    text = "Smoke rises over the town during an airstrike on Friday. (Photo: Agency)"
    event = only(events_of(text))
    assert event.acled.sub_event_type == "Air/drone strike"
    assert event.evidence[0].text.startswith("Smoke rises")


@pytest.mark.parametrize("text, cameo, acled", [
    ("Protesters set fire to the town hall.", "145", ("Riots", "Violent demonstration")),
    ("Police fired on demonstrators in the square.", "175", ("Protests", "Excessive force against protesters")),
    ("Rebels fired rockets at the airport.", "194", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    # a building of everyday life burned or set on fire by a crowd is property destroyed in a riot
    ("After the verdict, an angry crowd set two banks on fire.", "145", ("Riots", "Violent demonstration")),
    ("A mob burned two cash machines in the market.", "145", ("Riots", "Violent demonstration")),
])
def test_who_takes_part_and_with_what_changes_the_code(events_of, text, cameo, acled):
    event = only(events_of(text))
    assert (event.cameo, (event.acled.event_type, event.acled.sub_event_type)) == (cameo, acled)


@pytest.mark.parametrize("text, trigger, acled", [
    # the weapon as the subject of where it came down, or as what was launched or aimed
    ("On 4 June 2021, three rockets fell near the airport.", "fell",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("On 4 June 2021, two mortar shells landed in a residential district.", "landed",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("On 4 June 2021, rockets hit the town.", "hit", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("On 4 June 2021, the militia launched two missiles towards the capital.", "launched",
     ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("On 4 June 2021, the air force targeted a fuel truck near the town.", "targeted",
     ("Explosions/Remote violence", "Air/drone strike")),
    # a subject that could name an employee does not make a shot a dismissal
    ("On 4 June 2021, a police officer fired at the crowd.", "fired", ("Violence against civilians", "Attack")),
])
def test_weapons_and_shooters_as_subjects(events_of, text, trigger, acled):
    event = only(events_of(text))
    assert (event.trigger.text, (event.acled.event_type, event.acled.sub_event_type)) == (trigger, acled)


@pytest.mark.parametrize("text", [
    "On 4 June 2021, the company launched a new phone.",
    "On 4 June 2021, the plane landed in the capital.",
    "On 4 June 2021, prices fell sharply in the capital.",
    "On 4 June 2021, the club fired its coach.",
])
def test_launching_landing_falling_and_firing_without_a_weapon_are_no_event(events_of, text):
    assert events_of(text) == []


@pytest.mark.parametrize("text, trigger", [
    # a shot is gunfire when a gun is said: as its modifier, after "of", or what it involved
    ("On 9 August 2019, observers counted 14 shots involving heavy machine guns east of the dam.", "shots"),
    ("On 9 August 2019, farmers reported 3 shots of automatic rifle fire beside the road.", "shots"),
    ("On 9 August 2019, neighbours heard four gun shots behind the depot.", "shots"),
])
def test_a_shot_of_a_gun_is_gunfire(events_of, text, trigger):
    event = only(events_of(text))
    assert (event.trigger.text, event.plover.type) == (trigger, "ASSAULT")


@pytest.mark.parametrize("text", [
    "On 9 August 2019, the winger took a shot at the goal in the last minute.",
    "On 9 August 2019, the photographer sold three shots of the harbour to a magazine.",
    "On 9 August 2019, the barman poured two shots of whisky for the guests.",
])
def test_a_shot_with_no_gun_is_no_event(events_of, text):
    assert events_of(text) == []


def test_two_visits_by_different_people_stay_apart(pipeline):
    text = "Vladimir Putin visited Paris on Monday. Emmanuel Macron visited Rome on Monday."
    events = pipeline.analyze(Document(id="t", text=text)).events
    visits = [e for e in events if e.cameo == "042"]
    assert len(visits) == 2 and visits[0].sources != visits[1].sources


def test_a_definite_event_noun_refers_back(events_of):
    text = ("Jets struck a market in the town on Tuesday, killing nine people.\n\n"
            "The army did not comment.\n\n"
            "The United Nations condemned the attack.")
    events = events_of(text)
    strikes = [e for e in events if e.plover.type == "ASSAULT"]
    assert len(strikes) == 1 and len(strikes[0].evidence) == 2
    assert strikes[0].cameo == "195"


def test_a_visit_and_what_it_was_for_are_one_event(events_of):
    event = only(events_of("The foreign minister arrived in Moscow on Monday for a two-day visit, "
                           "meeting his counterpart."))
    assert (event.cameo, event.trigger.text) == ("042", "visit")


@pytest.mark.parametrize("text", [
    "Rebels opened fire on a convoy and later pulled out of the hills after the air strikes.",
    "Protesters filled the square; a car-bombing and re-arrests followed the cease-fire talks.",
    "Hundreds marched, demanding water, while troops stormed and shelled the villages.",
    "The rebels vowed to retake the town, refused to sign and threatened to walk out of the talks.",
])
def test_the_cheap_key_tests_pass_every_word_whose_keys_are_in_the_lexicon(nlp, text):
    from sitrep.events.detect import may_end_noun_key, may_open_verb_key, noun_keys, verb_keys

    lexicon, doc = load_lexicon(), nlp(text)
    for token in (t for t in doc if not t.is_punct):
        if any(key in lexicon.verbs or key in lexicon.crowd_verbs for key in verb_keys(token)):
            assert may_open_verb_key(token, lexicon.verb_key_starts), token.text
        if any(key in lexicon.frame_verbs for key in verb_keys(token)):
            assert may_open_verb_key(token, lexicon.frame_key_starts), token.text
        if any(key in lexicon.nouns for key, _ in noun_keys(doc, token.i, lexicon.longest)):
            assert may_end_noun_key(token, lexicon), token.text


@pytest.mark.parametrize("text, expected", [
    # an adjunct before the verb is no preposition of a phrasal verb ("set on", "call for", "call on")
    ("On 3 June, workers set fire to tyres outside the factory.", [("PROTEST", "set")]),
    ("For more information, call the planning office.", []),
    ("On Friday evening, police were called to a house in the suburbs.", []),
    # after the verb it is one
    ("The opposition called for a general strike.", [("REQUEST", "called")]),
    # … unless it says when: "called the minister on Monday" is no "call on"
    ("The president called the prime minister on Monday.", []),
    ("The opposition called on the government on Monday to resign.", [("REQUEST", "called")]),
    # "break up" is a dispersal when what breaks up is a demonstration
    ("Police broke up a rally of nurses outside the ministry.", [("COERCE", "broke")]),
    ("The couple broke up last year.", []),
])
def test_a_preposition_before_the_verb_makes_no_phrasal_verb(events_of, text, expected):
    assert [(e.plover.type, e.trigger.text) for e in events_of(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # fights, beatings and captures told of a game are figures of speech …
    ("Rovers beat Albion 2-1 on Saturday to take the league title.", []),
    ("The striker attacked the ball and scored in the 89th minute.", []),
    ("The Hawks crushed the Owls 110-90 in the home game.", []),
    # … unless the sentence names violence, or the fight is no game's
    ("Fans clashed with police after the match in the capital.", ["clashed"]),
    ("A bomb exploded near the stadium during the match, killing two.", ["exploded"]),
    ("Government forces won a decisive victory over the rebels and captured the town.", ["captured"]),
])
def test_fights_told_of_a_game_are_no_events(events_of, text, expected):
    assert [e.trigger.text for e in events_of(text) if e.plover.type in ("ASSAULT", "COERCE")] == expected


@pytest.mark.parametrize("text, name_word", [
    ("The crash happened at the junction, according to a Nevada Highway Patrol report.", "Patrol"),
    ("Flooding closed the road, the Ohio State Patrol said in a statement on Monday.", "Patrol"),
])
def test_an_event_noun_inside_a_proper_name_is_no_event(events_of, text, name_word):
    assert name_word not in [e.trigger.text for e in events_of(text) if e.trigger]


def test_an_event_noun_in_a_title_case_headline_is_still_an_event(events_of):
    triggers = [e.trigger.text for e in events_of("Army Patrol Ambushed Near Border Town") if e.trigger]
    assert triggers and all(t in ("Patrol", "Ambushed") for t in triggers)


def test_an_incursion_is_an_armed_clash(events_of):
    event = only(events_of("Army units repelled an incursion by the insurgents near the border post on Sunday."))
    assert (event.acled.event_type, event.acled.sub_event_type) == ("Battles", "Armed clash")


@pytest.mark.parametrize("text, expected", [
    # a strike aimed at a post, a convoy or barracks is an attack; at a record it is no event
    ("Warplanes targeted an insurgent command post outside the town on Tuesday.",
     ("Explosions/Remote violence", "Air/drone strike")),
    ("Gunmen targeted an army convoy on the highway at dawn.", ("Battles", "Armed clash")),
])
def test_targeting_a_military_post_or_convoy_is_an_attack(events_of, text, expected):
    assert [(e.acled.event_type, e.acled.sub_event_type) for e in events_of(text) if e.acled.event_type] == [expected]


def test_a_label_before_a_colon_reports_no_event_the_clause_after_it_tells(events_of):
    events = events_of("Clashes: On 2 May 2021, Turkish troops shelled a village near Tal Tamer in Hasakah province.")
    assert [e.trigger.text for e in events if e.trigger] == ["shelled"]


@pytest.mark.parametrize("text, trigger", [
    ("Suicide bombing: At least 20 dead in a market in Quetta", "bombing"),
    ("Bomb blast in Kabul: Taliban claims responsibility", "blast"),
])
def test_a_label_the_clause_after_it_does_not_tell_again_keeps_its_event(events_of, text, trigger):
    assert any(trigger in e.trigger.text for e in events_of(text) if e.trigger and e.plover.type == "ASSAULT")
