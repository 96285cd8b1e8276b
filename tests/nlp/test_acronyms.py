"""A name written in capitals that spells a common word ("IS") is parsed as a name inside ordinary text, and
left alone inside a line written in capitals."""

from __future__ import annotations


def test_a_capitalised_name_that_spells_a_verb_is_parsed_as_a_name(nlp):
    doc = nlp("On 3 May 2021, IS gunmen stormed an army outpost outside the town.")
    name = next(t for t in doc if t.text == "IS")
    attacked = next(t for t in doc if t.text == "stormed")
    assert name.pos_ == "PROPN" and name.norm_ != "is"
    assert {c.dep_ for c in attacked.children} >= {"nsubj", "dobj"}
    assert "auxpass" not in {c.dep_ for c in attacked.children}


def test_the_word_keeps_its_reading_in_a_line_written_in_capitals(nlp):
    doc = nlp("THE SIEGE IS OVER\nResidents returned on Monday.")
    assert next(t for t in doc if t.text == "IS").norm_ == "is"
