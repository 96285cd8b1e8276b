"""Amounts of people: `parse_quantity` conventions and `quantities_for` on parsed sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.events.quantities import AMOUNT_RE, amounts_of, find_amounts, parse_quantity, quantities_for


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", (12, 12, 12)),
        ("1,200", (1200, 1200, 1200)),
        ("3.6m", (3_600_000, 3_600_000, 3_600_000)),
        ("100 million", (100_000_000, 100_000_000, 100_000_000)),
        ("three", (3, 3, 3)),
        ("twenty-five", (25, 25, 25)),
        ("a hundred and fifty", (150, 150, 150)),
        ("half a million", (500_000, 500_000, 500_000)),
        ("a dozen", (12, 12, 12)),
        ("two dozen", (24, 24, 24)),
    ],
)
def test_exact_amounts_have_equal_low_best_high(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tens", (10, 10, 99)),
        ("dozens", (12, 12, 99)),
        ("scores", (20, 20, 99)),
        ("hundreds", (100, 100, 999)),
        ("thousands", (1000, 1000, 9999)),
        ("millions", (1_000_000, 1_000_000, 9_999_999)),
        ("tens of thousands", (10_000, 10_000, 99_999)),
        ("hundreds of thousands", (100_000, 100_000, 999_999)),
        ("Hundreds of thousands of people", (100_000, 100_000, 999_999)),
    ],
)
def test_vague_plurals_follow_acled_conservative_minimum(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a couple of", (2, 2, 3)),
        ("a few", (3, 3, 5)),
        ("several", (3, 3, 9)),
        ("a few hundred", (300, 300, 500)),
        ("several dozen", (36, 36, 108)),
        ("several hundred thousand", (300_000, 300_000, 900_000)),
    ],
)
def test_few_words_take_their_smallest_reading(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 6", (6, 6, None)),
        ("no fewer than 40", (40, 40, None)),
        ("more than 20", (21, 21, None)),
        ("over 1,000", (1001, 1001, None)),
        ("more than a dozen", (13, 13, None)),
        ("up to three million", (None, 3_000_000, 3_000_000)),
        ("as many as 500", (None, 500, 500)),
        ("some 3.6 million", (None, 3_600_000, None)),
        ("about 300", (None, 300, None)),
        ("an estimated 2,000", (None, 2000, None)),
        ("nearly 9,000", (None, 9000, 9000)),
        ("fewer than 10", (None, None, 9)),
    ],
)
def test_modifiers_bound_the_estimate(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between 10 and 20", (10, 10, 20)),
        ("10-15", (10, 10, 15)),
        ("from 5 to 7", (5, 5, 7)),
        ("two to three thousand", (2000, 2000, 3000)),
        ("3-4 million", (3_000_000, 3_000_000, 4_000_000)),
    ],
)
def test_ranges_keep_the_low_end_as_best(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["", "people", "no one", "many", "the army"])
def test_text_without_an_amount_gives_none(text):
    assert parse_quantity(text) is None


def test_find_amounts_gives_offsets_into_the_text():
    text = "Police said at least 6 people died and dozens were hurt."
    found = find_amounts(text)
    assert [(text[s:e], est) for s, e, est in found] == [("at least 6", (6, 6, None)), ("dozens", (12, 12, 99))]


def test_find_amounts_skips_numbers_inside_words():
    assert find_amounts("the G20 summit and F16 jets") == []


def _amounts_everywhere(text):
    """find_amounts as it was before the start scan: AMOUNT_RE tried at every character."""
    return amounts_of(text, AMOUNT_RE.finditer(text))


@pytest.mark.parametrize("text", [
    "However 5 boats sank; moreover 30 sailors swam ashore.",  # an amount found inside a word takes the next one
    "OFTEN TEN TO TWELVE MEN, AT LEAST 7 DEAD, SEVERAL HUNDRED FLED",
    "Between 3 and 4 million; from two to five; 3-4 k; an estimated 1,200; half a million",
    "\u017feven \u0130N 5 F\u0130VE \u212aILLED 20, \u0131n excess of 3",  # letters re's IGNORECASE reads as ASCII ones
    "Some\u00a0forty people\tgathered; around\n200 marched; \u00e9t\u00e9 5",
])
def test_find_amounts_finds_what_trying_everywhere_finds(text):
    assert find_amounts(text) == _amounts_everywhere(text)


_PIECES = ["a", "an", " ", "-", "\t", "\u00a0", "ten", "Often", "OVER", "however", "at least", "5", "1,200", "3.6",
           "m", "k", "hundreds", "of", "thousands", "between", "and", "to", "FIVE", "\u017fix", "\u0130n", ".", ","]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_find_amounts_agrees_with_trying_everywhere_on_any_text(pieces):
    text = "".join(pieces)
    assert find_amounts(text) == _amounts_everywhere(text)


# ---------------------------------------------------------------- with the parser
def _analysis(nlp, text):
    from sitrep.models import Document
    from sitrep.settings import Settings
    from sitrep.stage import Analysis

    analysis = Analysis(document=Document(id="t", text=text), settings=Settings(), analysis_text=text)
    analysis.doc = nlp(text)
    return analysis


def _trigger(analysis, word):
    return next(t for t in analysis.doc if t.text == word)


def _summary(analysis, word):
    found = quantities_for(analysis, _trigger(analysis, word))
    for quantity in found.values():
        assert analysis.text[quantity.start:quantity.end] == quantity.text
    return {kind: (q.text, q.low, q.best, q.high) for kind, q in found.items()}


@pytest.mark.slow
def test_killed_and_injured_by_a_strike(nlp):
    analysis = _analysis(nlp, "An air strike killed at least 12 civilians and wounded 20 others in the town.")
    assert _summary(analysis, "strike") == {"killed": ("at least 12", 12, 12, None),
                                            "injured": ("20", 20, 20, 20)}


@pytest.mark.slow
def test_passive_victims_of_a_named_attack(nlp):
    analysis = _analysis(nlp, "At least 12 people were killed in the air strike on Monday.")
    assert _summary(analysis, "strike") == {"killed": ("At least 12", 12, 12, None)}


@pytest.mark.slow
def test_people_fleeing_are_displaced(nlp):
    analysis = _analysis(nlp, "Hundreds of thousands of people have fled attacks in the province.")
    assert _summary(analysis, "fled") == {"displaced": ("Hundreds of thousands", 100_000, 100_000, 999_999)}
    assert _summary(analysis, "attacks") == {}


@pytest.mark.slow
def test_refugees_and_population(nlp):
    analysis = _analysis(nlp, "Some 2.5 million Afghans have sought shelter in Pakistan from the war.")
    assert _summary(analysis, "sought") == {"refugees": ("Some 2.5 million", None, 2_500_000, None)}
    analysis = _analysis(nlp, "Aid cannot reach the valley, where up to two million people live.")
    assert _summary(analysis, "live") == {"people_in_need": ("up to two million", None, 2_000_000, 2_000_000)}


@pytest.mark.slow
def test_arrests_outrank_the_crowd_they_came_from(nlp):
    analysis = _analysis(nlp, "Police arrested more than 30 protesters after thousands of demonstrators "
                              "marched in the capital.")
    assert _summary(analysis, "arrested") == {"arrested": ("more than 30", 31, 31, None)}
    assert _summary(analysis, "marched") == {"crowd": ("thousands", 1000, 1000, 9999)}


@pytest.mark.slow
def test_consequence_clauses_and_tolls(nlp):
    analysis = _analysis(nlp, "Gunmen attacked the village on Jan. 12, 2019, killing 7 people.")
    assert _summary(analysis, "attacked") == {"killed": ("7", 7, 7, 7)}
    analysis = _analysis(nlp, "The bombing left dozens dead and hundreds wounded.")
    assert _summary(analysis, "bombing") == {"killed": ("dozens", 12, 12, 99),
                                             "injured": ("hundreds", 100, 100, 999)}
    analysis = _analysis(nlp, "The death toll from the attack rose to 45.")
    assert _summary(analysis, "attack") == {"killed": ("45", 45, 45, 45)}


@pytest.mark.slow
def test_things_and_dates_are_not_people(nlp):
    analysis = _analysis(nlp, "Rebels destroyed 12 houses and 3 tanks in the raid in 2019.")
    assert _summary(analysis, "raid") == {}


@pytest.mark.slow
def test_a_when_clause_takes_the_main_clause_counts(nlp):
    analysis = _analysis(nlp, "Two soldiers were killed and three wounded when a roadside bomb exploded.")
    assert _summary(analysis, "exploded") == {"killed": ("Two", 2, 2, 2), "injured": ("three", 3, 3, 3)}


@pytest.mark.slow
def test_a_subset_does_not_replace_the_total(nlp):
    analysis = _analysis(nlp, "The attack killed at least 20 people, including five children.")
    assert _summary(analysis, "attack") == {"killed": ("at least 20", 20, 20, None)}


@pytest.mark.slow
def test_one_event_with_two_kinds(nlp):
    analysis = _analysis(nlp, "The floods have displaced 200,000 people and killed 45.")
    assert _summary(analysis, "floods") == {"displaced": ("200,000", 200_000, 200_000, 200_000),
                                            "killed": ("45", 45, 45, 45)}


# ---------------------------------------------------------------- issue 18: ACLED's conventions
@pytest.mark.parametrize("text", ["tense", "a tense crowd", "tenses", "tensions rose", "tenfold"])
def test_words_that_name_no_number_give_none(text):
    assert parse_quantity(text) is None
    assert find_amounts(f"There was {text} outside.") == []


def test_a_handful_is_vague_no_best_figure():
    assert parse_quantity("a handful of protesters") == (2, None, 5)


@pytest.mark.slow
def test_a_tense_crowd_is_no_crowd_size(nlp):
    analysis = _analysis(nlp, "A tense crowd gathered outside the court as the verdict was read.")
    assert _summary(analysis, "gathered") == {}


@pytest.mark.slow
def test_one_victim_named_by_a_singular_noun(nlp):
    analysis = _analysis(nlp, "Gunmen shot a shopkeeper dead in the market on Tuesday.")
    assert _summary(analysis, "shot") == {"killed": ("a shopkeeper", 1, 1, 1)}
    analysis = _analysis(nlp, "A farmer was killed in the raid on the village.")
    assert _summary(analysis, "raid")["killed"] == ("A farmer", 1, 1, 1)
    analysis = _analysis(nlp, "The militia attacked the checkpoint, killing an officer.")
    assert _summary(analysis, "attacked") == {"killed": ("an officer", 1, 1, 1)}


@pytest.mark.slow
def test_a_singular_noun_that_does_the_killing_is_no_victim(nlp):
    analysis = _analysis(nlp, "A gunman killed 4 people at the station.")
    assert _summary(analysis, "killed") == {"killed": ("4", 4, 4, 4)}


@pytest.mark.slow
def test_the_verb_decides_killed_or_injured(nlp):
    analysis = _analysis(nlp, "A drone strike killed nine fighters and injured 14 on the road.")
    assert _summary(analysis, "strike") == {"killed": ("nine", 9, 9, 9), "injured": ("14", 14, 14, 14)}


@pytest.mark.slow
def test_evacuated_is_not_displaced(nlp):
    analysis = _analysis(nlp, "Two people were evacuated from the burning hotel.")
    found = _summary(analysis, "evacuated")
    assert "displaced" not in found and found["evacuated"] == ("Two", 2, 2, 2)
    analysis = _analysis(nlp, "Some 300 families fled the fighting.")
    assert "displaced" in _summary(analysis, "fled")


# ---------------------------------------------------------------- tolls told after the event (tolls.py)
def _killed(pipeline, text: str) -> list[tuple[str, float | None]]:
    from sitrep.models import Document

    analysis = pipeline.analyze(Document(id="t", text=text, published="2024-05-06", published_source="given"))
    return [(e.trigger.text, e.quantities["killed"].best) for e in analysis.events
            if e.acled.event_type and "killed" in e.quantities]


@pytest.mark.slow
def test_an_updated_toll_takes_the_latest_figure(pipeline):
    text = ("An air strike killed at least 12 people in a village near the border on Sunday. "
            "By Monday evening the toll had risen to 30, a local official said.")
    assert _killed(pipeline, text) == [("air strike", 30)]


@pytest.mark.slow
def test_a_toll_told_in_the_next_sentence_belongs_to_the_clash(pipeline):
    text = "Soldiers and gunmen clashed near the mine on Saturday. Four gunmen died. 4 fatalities."
    assert _killed(pipeline, text) == [("clashed", 4)]


@pytest.mark.slow
def test_a_later_paragraph_does_not_update_the_toll(pipeline):
    text = ("An air strike killed at least 12 people in a village near the border on Sunday.\n\n"
            "In a separate incident last year, 40 people died in floods.")
    assert _killed(pipeline, text) == [("air strike", 12)]


@pytest.mark.slow
@pytest.mark.parametrize("text, word, expected", [
    ("Rockets fired at the village killed 1 civilian on Sunday.", "killed", {"killed": ("1", 1, 1, 1)}),
    ("Gunmen shot one policeman dead and wounded 2 others.", "shot", {"killed": ("one", 1, 1, 1),
                                                                       "injured": ("2", 2, 2, 2)}),
])
def test_one_person_counted_by_a_numeral(nlp, text, word, expected):
    assert _summary(_analysis(nlp, text), word) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Rebels shelled the market on Monday, but no one was hurt.", {}),
])
def test_no_one_hurt_counts_nobody(pipeline, text, expected):
    """"no one was hurt" names no number: the shelling has no toll, not one injured."""
    from sitrep.models import Document

    events = pipeline.analyze(Document(id="t", text=text, published="2024-05-10")).events
    shelling = next(e for e in events if e.trigger is not None and e.trigger.text == "shelled")
    assert {kind: q.best for kind, q in shelling.quantities.items()} == expected


@pytest.mark.slow
def test_left_injured_is_injured_even_with_words_between(nlp):
    # the parser hangs "injured" from "leaving" as an adverbial clause when a word comes between: still the toll,
    # not people who left (displaced)
    analysis = _analysis(nlp, "A bomb went off under a minibus in the town, leaving four passengers inside injured.")
    assert _summary(analysis, "went") == {"injured": ("four", 4, 4, 4)}
