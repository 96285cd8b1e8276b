"""The knowledge-base name matcher (Aho-Corasick) on a small table of invented groups, no model: exact
spellings, whole words only, the longest name at each place, none overlapping."""

from __future__ import annotations

from sitrep.actors.kb import ShippedKB
from sitrep.actors.matcher import KBMatcher

TABLE = "\n".join("\t".join(row) for row in [
    ("rf", "River Front|the River Front", "", "REB", "group", "", "", ""),
    ("rfy", "River Front Youth", "", "REB", "group", "", "", ""),
    ("council", "Dunmore Council", "", "GOV", "organization", "", "", ""),
    ("ada", "Ada Varn", "", "GOV", "person", "Minister", "", ""),  # people are matched elsewhere
])


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in KBMatcher(ShippedKB(TABLE)).spans(text)]


def test_the_longest_name_at_a_place_wins_and_matches_do_not_overlap():
    text = "The River Front Youth and the River Front met the Dunmore Council."
    assert _found(text) == ["River Front Youth", "the River Front", "Dunmore Council"]


def test_names_inside_longer_words_or_joined_by_slash_or_hyphen_are_not_matched():
    assert _found("Dunmore Councils met; Dunmore Council-run schools; pro/River Front; River Frontier.") == []


def test_spelling_is_exact_and_people_are_left_to_the_person_finder():
    assert _found("river front fighters and Ada Varn spoke.") == []


def test_an_empty_table_finds_nothing():
    assert KBMatcher(ShippedKB("")).spans("River Front") == []


def test_two_names_joined_by_a_slash_are_both_matched_but_a_name_beside_any_other_word_is_not():
    assert _found("On Monday River Front/Dunmore Council fighters attacked.") == ["River Front", "Dunmore Council"]
    assert _found("Photo: Ada Varn/Dunmore Council; Dunmore Council/pro groups.") == []
