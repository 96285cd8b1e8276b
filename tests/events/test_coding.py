"""The internal type table and its codes: fast, no spaCy model needed."""

from __future__ import annotations

import re

import pytest

from sitrep.events.coding import code_event, plover_2016, plover_2016_of
from sitrep.events.lexicon import load_lexicon, normalize
from sitrep.models import AcledCode, Actor, Event, PloverCode

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER"}
ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_every_type_uses_known_plover_cameo_and_acled_names(lexicon):
    for kind in lexicon.types.values():
        assert kind.plover in PLOVER, kind.name
        assert kind.cameo is None or re.fullmatch(r"\d{3,4}", kind.cameo), kind.name
        if kind.acled is None:
            assert kind.acled_sub is None, kind.name
        else:
            assert kind.acled_sub in ACLED[kind.acled], kind.name


def test_non_plover_types_say_what_they_are(lexicon):
    for kind in lexicon.types.values():
        if kind.plover == "OTHER":
            assert kind.category, kind.name


@pytest.mark.parametrize("name, plover, cameo, acled", [
    ("airstrike", ("ASSAULT", "aerial"), "195", ("Explosions/Remote violence", "Air/drone strike")),
    ("ceasefire", ("RETREAT", "ceasefire"), "0871", ("Strategic developments", "Agreement")),
    ("visit", ("CONSULT", "visit"), "042", (None, None)),
    ("host", ("CONSULT", "visit"), "043", (None, None)),
    ("agree_meet", ("AGREE", None), "036", (None, None)),
    ("arrest", ("COERCE", "arrest"), "173", ("Strategic developments", "Arrests")),
    ("shelling", ("ASSAULT", "heavy-weapons"), "194", ("Explosions/Remote violence", "Shelling/artillery/missile attack")),
    ("protest", ("PROTEST", "demo"), "141", ("Protests", "Peaceful protest")),
])
def test_codes_of_common_types(lexicon, name, plover, cameo, acled):
    codes = code_event(lexicon.types[name])
    assert (codes.plover.type, codes.plover.mode) == plover
    assert codes.cameo == cameo
    assert (codes.acled.event_type, codes.acled.sub_event_type) == acled


def test_territory_sub_event_follows_who_took_it(lexicon):
    army = Actor(id="a1", name="Syrian army", sectors=["MIL"], kind="organization")
    rebels = Actor(id="a2", name="rebels", sectors=["REB"], kind="group")
    assert code_event(lexicon.types["occupy"], [army]).acled.sub_event_type == "Government regains territory"
    assert code_event(lexicon.types["recapture"], [rebels]).acled.sub_event_type == \
        "Non-state actor overtakes territory"


def test_plover_2016_names(lexicon):
    assert plover_2016(lexicon.types["demand"]) == "DEMAND"
    assert plover_2016(lexicon.types["criticize"]) == "DISAPPROVE"
    assert plover_2016(lexicon.types["investigate"]) == "INVESTIGATE"
    assert plover_2016(lexicon.types["airstrike"]) == "FIGHT"
    assert plover_2016(lexicon.types["suicide_bombing"]) == "ASSAULT"
    event = Event(id="e1", plover=PloverCode(type="ASSAULT", mode="aerial"), cameo="195",
                  acled=AcledCode(event_type=None, sub_event_type=None))
    assert plover_2016_of(event) == "FIGHT"


def test_lexicon_keys_are_normalised(lexicon):
    assert normalize("Air-Strike ") == "air strike"
    assert lexicon.nouns["air strike"].default == "airstrike"
    assert "carry out" in lexicon.light_verbs
