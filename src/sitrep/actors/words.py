"""What the words of an actor phrase say: its text, a country, a title, sectors, a place.

Token-level helpers the coder (coding.py) and the context pass (context.py) share; none of them
holds state. Countries are ISO alpha-3 codes (or IGO/NGO), looked up in ``sitrep.countries``, the
knowledge bases (through a :class:`~sitrep.actors.kb.NameSource`) and the places the geo stage resolved.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

import pycountry

from ..countries import Country
from ..countries import lookup_country as _lookup_country
from ..models import Place
from ..nlp.tokens import token_table
from ..wordtables import word_table
from .lexicon import GENERIC_HEADS, HEADS, MODIFIERS, REGIONS, TITLES
from .phrases import head_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .kb import NameSource

ROLE_HEADS = frozenset({"official", "leader", "spokesman", "spokeswoman", "spokesperson", "commander",
                        "delegation", "envoy", "negotiator", "source", "chief", "agent", "adviser", "advisor",
                        "personnel", "administrator", "ruler"}) | GENERIC_HEADS
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "conj", "appos"})
_ARGUMENT_PREPS = word_table("actors.words.argument_preps")
_DIRECTION = re.compile(r"^(?:the\s+)?(?:north|south|east|west|northern|southern|eastern|western|central|"
                        r"north-?eastern|north-?western|south-?eastern|south-?western|upper|lower)\s+",
                        re.IGNORECASE)
_CONTEXT_PREPS = word_table("actors.words.context_preps")
_QUANTITY_WORDS = word_table("actors.words.quantity_words")


@lru_cache(maxsize=1 << 14)  # the same words come back in every article; bounded
def lookup_country(text: str) -> Country | None:
    """`sitrep.countries.lookup_country`, remembered: the coder asks it of every capitalised word."""
    return _lookup_country(text)


def tokens_text(tokens: list[Token]) -> str:
    """The text the tokens span in their Doc, from the first to the last (spaces as written)."""
    if not tokens:
        return ""
    return token_table(tokens[0].doc).span_text(tokens[0].i, tokens[-1].i + 1)


@lru_cache(maxsize=1 << 14)
def strip_possessive(text: str) -> str:
    return re.sub(r"(?<!\s)\s*+['’]s?$", "", text.strip())  # a space run is tried once (issue 16)


def joined_text(tokens: list[Token]) -> str:
    """Lower-case text with spaces around hyphens removed ("pro - regime" → "pro-regime"); of tokens that are not
    one run (a part of "government and loyalist forces"), their own words only."""
    contiguous = all(b.i == a.i + 1 for a, b in zip(tokens, tokens[1:], strict=False))
    text = tokens_text(tokens) if contiguous else " ".join(t.text for t in tokens)
    return re.sub(r"(?<!\s)\s*+-\s*", "-", text.lower())  # a space run is tried once


def country_of_token(token: Token, names: NameSource, date: str | None) -> str | None:
    """Country named by a modifier word or its entity: "Turkey's", "Russian", "U.S.", "Houthi",
    "European Community", "Assad" (through the knowledge bases)."""
    texts = dict.fromkeys((strip_possessive(token.text), strip_possessive(entity_text(token))))
    for text in texts:
        country = lookup_country(text)
        if country is not None:
            return country.alpha3
    if token.text[:1].isupper():
        for text in reversed(list(texts)):
            entry = names.lookup(text, date, allow_surname=True)
            if entry is not None and entry.country:
                return entry.country
    return None


def entity_text(token: Token) -> str:
    """The text of the named entity the token belongs to (the token itself if none)."""
    if not token.ent_type_:
        return token.text
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def modifier_country(tokens: list[Token], names: NameSource, date: str | None) -> str | None:
    """The country nearest the head among the modifier words (right-most wins)."""
    found = None
    for token in tokens:
        if token.pos_ in ("PROPN", "ADJ", "NOUN") and token.text[:1].isupper():
            found = country_of_token(token, names, date) or found
    return found


def find_title(tokens: list[Token]) -> tuple[tuple[str, ...], str] | None:
    """The longest listed title among the words ("Defence Minister" beats "Minister")."""
    words = [t.lower_ for t in tokens]
    best: tuple[int, tuple[tuple[str, ...], str]] | None = None
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            key = " ".join(words[i:i + size])
            if key in TITLES and (best is None or size > best[0]):
                best = (size, TITLES[key])
    return best[1] if best else None


def modifier_sectors(tokens: list[Token]) -> list[str]:
    sectors: list[str] = []
    for token in tokens:
        for sector in MODIFIERS.get(token.lower_, MODIFIERS.get(token.lemma_.lower(), ())):
            if sector not in sectors:
                sectors.append(sector)
    return sectors


def nominal_sectors(lemma: str, modifiers: list[str]) -> list[str]:
    """Combine the head's sectors with its modifiers' ("defence ministry" → GOV, MIL).

    Role words ("official", "group") take their modifiers' sectors; armed forces stay MIL unless a
    modifier says rebel, police or opposition ("security forces" stay MIL, "security chief" is COP).
    """
    head = list(HEADS.get(lemma, ()))
    if "UNNAMED" in modifiers:
        modifiers = [m for m in modifiers if m != "UNNAMED"]
        if head in (["MIL"], ["REB"]):  # "unidentified forces", "unknown militants": an armed group nobody names
            return ["UAF"]  # (ACLED's "Unidentified Armed Group"), not an army or a rebel movement
    if "ARMED" in modifiers:
        modifiers = [m for m in modifiers if m != "ARMED"]
        if head == ["CVL"] or (lemma in GENERIC_HEADS and not modifiers):
            return ["UAF"]
        if "MIL" not in modifiers and lemma in GENERIC_HEADS:
            modifiers = [*modifiers, "MIL"]
    if head == ["MIL"]:
        mods = [m for m in modifiers if m != "SEC"]
        for special in ("REB", "COP", "OPP", "IGO"):
            if special in mods:
                return ["REB"] if special == "OPP" else [special]
        return head
    mods = ["COP" if m == "SEC" else m for m in modifiers]
    if lemma in GENERIC_HEADS and "MIL" in mods:
        return ["REB"]
    if lemma in ROLE_HEADS and mods:
        return mods
    # "criminal" names a gang only as a group's word ("criminal groups"), not a court's or a lawyer's
    extra = [m for m in mods if m not in head and not (m == "GOV" and head != ["GOV"]) and not (m == "CRM" and head)]
    return head + extra


def place_country(places: list[Place], start: int, end: int) -> tuple[str | None, bool]:
    """(alpha-3 country, is capital) of a place the geo stage resolved at this span."""
    for place in places:
        if place.start < end and start < place.end and place.country:
            entry = pycountry.countries.get(alpha_2=place.country)
            alpha3 = entry.alpha_3 if entry is not None else ("XKX" if place.country == "XK" else None)
            return alpha3, place.feature_code == "PPLC"
    return None, False


def appositive_role(tokens: list[Token]) -> tuple[tuple[str, ...], str] | None:
    """Sectors and role from an actor noun set beside a name ("Sidhoum, Algeria's leading activist")."""
    for token in tokens:
        lemma = head_lemma(token)
        if token.dep_ == "appos" and HEADS.get(lemma):
            return HEADS[lemma], lemma.title()
    return None


def prep_country(head: Token, places: list[Place]) -> str | None:
    """Country of an "in X"/"of X" phrase on the head ("Albanians of southern Serbia")."""
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in _CONTEXT_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                found = _object_country(obj, places)
                if found:
                    return found
    return None


def country_name(text: str) -> str | None:
    """Country of a name, also with a direction before it ("South Lebanon") or a region's name."""
    text = strip_possessive(text)
    if text in REGIONS:
        return REGIONS[text]
    country = lookup_country(text) or lookup_country(_DIRECTION.sub("", text))
    return country.alpha3 if country is not None else None


def _object_country(obj: Token, places: list[Place]) -> str | None:
    """The prepositional object's own country, its resolved place, then a country word inside it."""
    own = country_name(entity_text(obj)) if obj.text[:1].isupper() else None
    if own:
        return own
    found = place_country(places, obj.idx, obj.idx + len(obj.text))[0]
    if found:
        return found
    for token in reversed(list(obj.subtree)):
        country = country_name(entity_text(token)) if token.text[:1].isupper() else None
        if country:
            return country
    words = list(obj.subtree)
    return place_country(places, words[0].idx, words[-1].idx + len(words[-1].text))[0]


def counted(head: Token) -> bool:
    """True when the noun is counted or described: "3.6 million Syrians", "thousands of Iraqis",
    "many Syrians", "young Algerians"."""
    if any(c.dep_ in ("nummod", "amod", "quantmod") for c in head.lefts):
        return True
    prep = head.head if head.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "of":
        quantity = prep.head
        return quantity.like_num or quantity.lemma_.lower() in _QUANTITY_WORDS
    return False


def place_feature(places: list[Place], start: int, end: int) -> str | None:
    for place in places:
        if place.start < end and start < place.end:
            return place.feature_code
    return None


def is_agent(token: Token) -> bool:
    """The object of a passive's "by" ("an admission by Moscow")."""
    return token.dep_ == "pobj" and token.head.dep_ == "agent" or (
        token.dep_ == "pobj" and token.head.lower_ == "by")


def is_argument(token: Token) -> bool:
    """True when a place name stands for an actor (subject, object, "against X", "with X")."""
    if token.dep_ in _ARGUMENT_DEPS:
        return True
    return token.dep_ == "pobj" and token.head.lemma_.lower() in _ARGUMENT_PREPS
