"""Country from context: which country an actor whose words say none belongs to."""

from types import SimpleNamespace

import pytest

from sitrep.actors.context import _focus, _lone_towns, _rooted, country_mentions
from sitrep.models import Document, Place

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


@pytest.mark.slow
@pytest.mark.parametrize("text, words, country", [
    ("Residents blocked the highway near Nyala, saying trucks from Chad had damaged their fields.", "Residents",
     "SDN"),
    ("On Monday dozens of workers protested in Ranipet over unpaid wages, a week after a delegation from Sri Lanka "
     "visited.", "workers", "IND"),
    # a town named once is no lone reading beside a country named twice: "police in X" are X's
    ("Police in Gaziantep arrested 12 Syrians suspected of links to a Kurdish militia in Syria.", "Police", "TUR"),
])
def test_people_take_the_country_of_the_town_they_are_in(pipeline, text, words, country) -> None:
    """The town where people act gives them its country, though another country is named once elsewhere (the town
    counts as a place, once, as that country does)."""
    record = pipeline.analyze(Document(id="t", text=text)).record()
    assert [a.country for a in record.actors if a.name == words] == [country]


@pytest.mark.slow
def test_a_name_that_is_a_place_and_an_actor_counts_once(nlp) -> None:
    """"Syria" is a place and an actor (its state): one mention of the country, as a district the gazetteer reads and
    the actors stage does not code is one mention of its own, so neither outweighs the other by being coded twice."""
    text = "Villagers in Tonj district protested after raiders from Syria came."
    doc = nlp(text)
    syria, tonj = text.index("Syria"), text.index("Tonj")
    places = [Place(start=tonj, end=tonj + 4, text="Tonj", name="Tonj", country="SS", feature_code="ADM2", precision=2),
              Place(start=syria, end=syria + 5, text="Syria", name="Syria", country="SY", feature_code="PCLI",
                    precision=3)]
    state = SimpleNamespace(head=doc.char_span(syria, syria + 5).root.i, country="SYR", needs_context=False,
                            start=syria, end=syria + 5)
    found = country_mentions(doc, [state], _rooted(doc, places))
    assert sorted(c for _, _, c in found) == ["SSD", "SYR"]
