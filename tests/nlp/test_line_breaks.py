"""The line-break component starts a sentence after every token that holds or is followed by a line break."""

from __future__ import annotations

import pytest

from sitrep.nlp import line_breaks


@pytest.mark.parametrize("text", [
    "TOWN HALL SHUT\nResidents gathered on Friday.\n\nNo one was hurt.",
    "a\nb", "\n", "", "word", "a \n b\n", "Line one\r\nline two", "tabs\t\nand  \n\n spaces\u2028here\n",
])
def test_the_token_after_each_line_break_starts_a_sentence(nlp, text):
    doc = line_breaks(nlp.make_doc(text))
    expected = [i + 1 for i, t in enumerate(doc[:-1]) if "\n" in t.text or "\n" in t.whitespace_]
    assert [t.i for t in doc if t.is_sent_start and t.i > 0] == expected


@pytest.mark.parametrize("text, second", [
    ("Troop movements: On 2 May, Turkish units set up a post near the highway.", "On"),
    ("Analysis: Rebels tightened their hold on the valley this week.", "Rebels"),
    ("Breaking news\nKenya: Police fired tear gas at traders in Nakuru.", "Police"),
])
def test_a_short_label_before_a_colon_at_a_line_start_is_a_sentence_of_its_own(nlp, text, second):
    doc = nlp(text)
    colon = next(t.i for t in doc if t.text == ":")
    assert doc[colon + 1].is_sent_start and doc[colon + 1].text == second


@pytest.mark.parametrize("text", [
    "The minister said: Talks will resume on Monday.",           # a verb: a clause, not a label
    "Casualties: two dead and several hurt near the market.",    # lower case after the colon: a list, not a clause
    "Officials from the ministry of the interior and the army command: None were hurt.",  # too long for a label
])
def test_a_colon_after_a_clause_or_a_long_phrase_starts_no_sentence(nlp, text):
    doc = nlp(text)
    colon = next(t.i for t in doc if t.text == ":")
    assert colon + 1 < len(doc) and not doc[colon + 1].is_sent_start
