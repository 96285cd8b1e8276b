"""Every actor of the founding seed article coded right, through the whole pipeline."""

from __future__ import annotations

import pytest

from sitrep.actors import actor_at

pytestmark = pytest.mark.slow

EXPECTED = [  # words in the seed article → (country, sectors that must be present)
    ("Turkey's Defence Ministry", "TUR", {"GOV", "MIL"}),
    ("Russian jets", "RUS", {"MIL"}),
    ("Syrian artillery", "SYR", {"MIL"}),
    ("Syrian rebels", "SYR", {"REB"}),
    ("a Russian defence ministry official", "RUS", {"GOV", "MIL"}),
    ("pro-regime forces", "SYR", {"MIL"}),
    ("UN Security Council", "IGOUNO", set()),
    ("the United Nations", "IGOUNO", set()),
    ("Vladimir Putin", "RUS", {"GOV"}),
    ("Syrian President Bashar al-Assad", "SYR", {"GOV"}),
    ("Qassem Soleimani", "IRN", {"MIL"}),
    ("Kremlin", "RUS", {"GOV"}),
    ("President Tayyip Erdogan", "TUR", {"GOV"}),
    ("U.S.", "USA", set()),
]


@pytest.mark.parametrize(("words", "country", "sectors"), EXPECTED)
def test_seed_actor(seed_analysis, words: str, country: str, sectors: set[str]) -> None:
    text = seed_analysis.text
    start = text.index(words)
    actor = actor_at(seed_analysis, start, start + len(words))
    assert actor is not None, words
    assert actor.country == country, (words, actor)
    assert sectors <= set(actor.sectors), (words, actor)


def test_erdogan_is_one_actor(seed_analysis) -> None:
    erdogan = [a for a in seed_analysis.actors if a.name == "Recep Tayyip Erdogan"]
    assert len(erdogan) == 1 and erdogan[0].code == "TURGOV"
    assert {m.text for m in erdogan[0].mentions} >= {"President Tayyip Erdogan",
                                                      "Turkey's President Recep Tayyip Erdogan"}


def test_pro_regime_forces_are_a_militia(seed_analysis) -> None:
    start = seed_analysis.text.index("pro-regime forces")
    actor = actor_at(seed_analysis, start, start + 5)
    assert actor is not None and actor.acled_inter == 3


def test_ids_in_order_of_first_mention(seed_analysis) -> None:
    firsts = [min(m.start for m in a.mentions) for a in seed_analysis.actors]
    assert firsts == sorted(firsts)
    assert [a.id for a in seed_analysis.actors] == [f"a{i}" for i in range(1, len(firsts) + 1)]


def test_every_mention_quotes_the_input(seed_analysis) -> None:
    text = seed_analysis.text
    assert seed_analysis.actors
    for actor in seed_analysis.actors:
        for mention in actor.mentions:
            assert text[mention.start:mention.end] == mention.text
