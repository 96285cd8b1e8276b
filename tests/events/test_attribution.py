"""Attribution: who says an event happened, with offsets into the input text."""

from __future__ import annotations

import pytest

from sitrep.events.attribution import attribution_of

pytestmark = pytest.mark.slow


def _analysis(nlp, text, actors=()):
    """An analysis whose actors are the given names, one mention each (first occurrence)."""
    from sitrep.models import Actor, Document, Mention
    from sitrep.settings import Settings
    from sitrep.stage import Analysis

    analysis = Analysis(document=Document(id="t", text=text), settings=Settings(), analysis_text=text)
    analysis.doc = nlp(text)
    for name in actors:
        start = text.index(name)
        analysis.actors.append(Actor(id=name.upper(), name=name,
                                     mentions=[Mention(start=start, end=start + len(name), text=name)]))
    return analysis


def _attribution(analysis, word):
    found = attribution_of(analysis, next(t for t in analysis.doc if t.text == word))
    if found is not None:
        assert analysis.text[found.start:found.end] == found.text
    return found


def test_speaker_of_a_that_clause(nlp):
    analysis = _analysis(nlp, "Kenya's foreign ministry said on Monday that it had agreed with Ethiopia that a "
                              "truce will begin on Sunday.", ["foreign ministry", "Ethiopia"])
    for word in ("agreed", "truce", "begin"):
        found = _attribution(analysis, word)
        assert (found.text, found.actor) == ("Kenya's foreign ministry", "FOREIGN MINISTRY")
    assert _attribution(analysis, "said") is None


def test_speaker_after_the_clause(nlp):
    analysis = _analysis(nlp, "Militants attacked a checkpoint in the north, the army said.", ["army"])
    found = _attribution(analysis, "attacked")
    assert (found.text, found.actor) == ("army", "ARMY")


def test_quoted_as_saying(nlp):
    analysis = _analysis(nlp, "A Sudanese army official was quoted as saying that the truce had already "
                              "been implemented.")
    assert _attribution(analysis, "implemented").text == "Sudanese army official"


def test_according_to_belongs_to_its_own_conjunct(nlp):
    analysis = _analysis(nlp, "Many families are dependent on food aid, according to the World Food Programme, "
                              "but the aid mandate will expire on Friday.", ["World Food Programme"])
    found = _attribution(analysis, "dependent")
    assert (found.text, found.actor) == ("World Food Programme", "WORLD FOOD PROGRAMME")
    assert _attribution(analysis, "expire") is None


def test_reporting_verb_reached_through_an_adverbial_clause_is_skipped(nlp):
    analysis = _analysis(nlp, "Macron told Scholz that much had been done, while Scholz thanked Macron for "
                              "his help, the Elysee said.", ["Elysee"])
    assert _attribution(analysis, "thanked").text == "Elysee"
    assert _attribution(analysis, "told").text == "Elysee"


def test_hedges_attribute_to_no_actor(nlp):
    analysis = _analysis(nlp, "Rebels reportedly shelled the town on Monday.")
    found = _attribution(analysis, "shelled")
    assert (found.text, found.actor) == ("reportedly", None)
    analysis = _analysis(nlp, "Smoke rose during a reported airstrike on the market.")
    assert _attribution(analysis, "airstrike").text == "reported"
    analysis = _analysis(nlp, "It was reported that militants attacked a checkpoint.")
    assert (_attribution(analysis, "attacked").text, _attribution(analysis, "attacked").actor) == ("reported", None)


def test_analysts_say(nlp):
    analysis = _analysis(nlp, "Tensions have surfaced on the ground, where analysts say the two armies have "
                              "been vying for influence.")
    assert _attribution(analysis, "vying").text == "analysts"


def test_unreported_event_has_no_attribution(nlp):
    analysis = _analysis(nlp, "Israeli jets struck positions in Gaza on Monday.")
    assert _attribution(analysis, "struck") is None
