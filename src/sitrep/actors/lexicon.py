"""Word tables for nominal actors: heads, modifiers and titles → CAMEO-style sectors.

Written by hand from the CAMEO and ACLED codebooks' sector definitions. A nominal actor is a noun
phrase whose head is listed in ``HEADS`` ("jets", "rebels", "ministry", "official"); modifiers in
``MODIFIERS`` add or change sectors ("defence ministry" → GOV+MIL, "riot police" → COP).
"""

from __future__ import annotations

from pydantic import BaseModel

from ..geo.cues import CURRENCY_WORDS
from ..wordtables import typed_table, word_table


class SectorWords(BaseModel):
    """One group of the lexicon: words that give these sectors (an empty list: sectors from the modifiers)."""

    sectors: tuple[str, ...]
    words: tuple[str, ...]


class Title(BaseModel):
    sectors: tuple[str, ...]
    role: str


def _by_word(groups: list[SectorWords]) -> dict[str, tuple[str, ...]]:
    """Word → sectors, in the file's order (a word in two groups takes the later group's sectors)."""
    return {word: group.sectors for group in groups for word in group.words}


HEADS = _by_word(typed_table("actors.lexicon.heads", list[SectorWords]))  # head lemma → sectors
GENERIC_HEADS = frozenset(k for k, v in HEADS.items() if not v)

MODIFIERS = _by_word(typed_table("actors.lexicon.modifiers", list[SectorWords]))  # → sectors added to the head's

# nouns whose country modifier names no actor: "the US dollar", "the Turkish lira", "Greek bonds" (the currencies
# are the geo stage's table, where the same words keep a country word from being a place)
CURRENCIES = CURRENCY_WORDS | frozenset({"real", "currency", "bond", "bonds", "stock", "stocks", "shares"})

PRO_GOVERNMENT = word_table("actors.lexicon.pro_government")
PRIVATE_FORCES = word_table("actors.lexicon.private_forces")
STATE_GUARDS = word_table("actors.lexicon.state_guards")
MULTINATIONAL = word_table("actors.lexicon.multinational")
IDENTITY_HEADS = word_table("actors.lexicon.identity_heads")
HERDERS = word_table("actors.lexicon.herders")
PEOPLE_NOUNS = word_table("actors.lexicon.people_nouns")
# words that make forces a non-state armed group however they are named: "resistance forces" fight beside or
# against a state, never as one (ACLED: political militia)
NON_STATE_FORCES = frozenset({"resistance"})
MILITIA_HEADS = word_table("actors.lexicon.militia_heads")
IDENTITY = word_table("actors.lexicon.identity")
# a modifier that makes a people a minority where it lives ("ethnic Albanians in Serbia")
ETHNIC = frozenset({"ethnic"})
FORMER = word_table("actors.lexicon.former")
FLIGHT_VERBS = word_table("actors.lexicon.flight_verbs")

# person titles (lower case) → (sectors, role). The longest title in the phrase wins.
TITLES = {title: (t.sectors, t.role) for title, t in typed_table("actors.lexicon.titles", dict[str, Title]).items()}

LEADER_ROLES = word_table("actors.lexicon.leader_roles")

# capitals that stand for their governments ("Moscow said"), used when the geo stage has not resolved the name
CAPITALS = typed_table("actors.lexicon.capitals", dict[str, str])  # → alpha-3 code

# regions and territories news names as places of a country (CAMEO codes the West Bank and Gaza as PSE)
REGIONS = typed_table("actors.lexicon.regions", dict[str, str])  # → alpha-3 code
