"""Country from context: which country an actor whose words say none belongs to."""

import pytest

from sitrep.actors.context import _focus, _lone_towns
from sitrep.models import Document

# (sentence start, token, country) as country_mentions gives them, in the order of the text


def test_the_focus_is_the_country_named_most():
    found = [(0, 2, "AGO"), (0, 5, "BRA"), (0, 9, "BRA")]
    assert _focus(found) == "BRA"


def test_among_countries_named_as_often_the_focus_is_the_one_named_first():
    """"In Maceio, Alagoas, ... in Rangel district": the scene named first, not the neighbourhood that a
    town abroad happens to share its name with, even when that reading is both a place and an actor."""
    found = [(0, 2, "BRA"), (0, 4, "BRA"), (0, 12, "AGO"), (0, 12, "AGO")]
    assert _focus(found) == "BRA"
    assert _focus([]) is None


def test_a_town_read_in_a_country_named_nowhere_else_gives_no_country():
    found = [(0, 1, "GBR"), (0, 8, "SOM"), (0, 11, "SOM")]
    assert _lone_towns(found, towns={1, 8}, focus="SOM") == {1}
    # a country named twice, or named by a province or an actor rather than a town, stands
    assert _lone_towns(found + [(9, 20, "GBR")], towns={1, 8}, focus="SOM") == set()
    assert _lone_towns(found, towns={8}, focus="SOM") == set()
    # a focus named once outweighs nothing
    assert _lone_towns([(0, 1, "GBR"), (0, 8, "SOM")], towns={1}, focus="SOM") == set()


@pytest.mark.slow
@pytest.mark.parametrize("text, words, code", [
    ("Russian forces shelled the rebel forces' trenches near the village of Kamyanka in Ukraine.",
     "rebel forces", "UKRREB"),  # another side, not the Russian forces again
    ("Sudanese troops crossed the border into Chad on Monday. The troops withdrew on Tuesday.",
     "The troops", "SDNMIL"),  # the same troops named again
])
def test_a_side_word_makes_a_group_another_than_the_last_one_of_its_kind(pipeline, text, words, code) -> None:
    record = pipeline.analyze(Document(id="t", text=text)).record()
    start, end = text.index(words), text.index(words) + len(words)
    found = [a for a in record.actors if any(m.start < end and start < m.end for m in a.mentions)]
    assert [a.code for a in found] == [code]
