"""Country from context for actors whose words do not say whose they are.

"the government", "rebels" and "pro-regime forces" belong to a country the article has already
named. In order: a prepositional phrase on the head ("opposition groups in Zimbabwe"), the one
country the sentence names, then the country the article names most (its focus).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


from ..models import Place
from ..wordtables import word_table
from .coding import Candidate
from .words import place_country, prep_country

_FOCUS_MENTIONS = 2  # a focus named this often outweighs a town read in a country named nowhere else
_SEATS = ("PPLC", "PPLA")  # a capital or a province's seat is read by its own name, not by coincidence


def _is_state_country(code: str | None) -> bool:
    return code is not None and code != "" and not code.startswith(("IGO", "NGO"))


def sentence_starts(doc: Doc) -> list[int]:
    """Token index → index of the first token of its sentence (one pass over the doc)."""
    starts = [0] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            starts[i] = sent.start
    return starts


def _rooted(doc: Doc, places: list[Place]) -> list[tuple[Place, int]]:
    """Each place with the token its words hang from (places whose offsets fall outside the doc's tokens
    are left out)."""
    rooted = []
    for place in places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None:
            rooted.append((place, span.root.i))
    return rooted


def country_mentions(doc: Doc, candidates: list[Candidate], rooted: list[tuple[Place, int]],
                     once: bool = True) -> list[tuple[int, int, str]]:
    """(sentence start, token, country) for each country mention, coded actors' and resolved places', in
    the order of the text; a name that is both a place and an actor ("Syria", a country and its state; "Kano" as a
    town and its people) counts once, as a place, so that no name weighs twice a place the actors stage does not
    code (a district the gazetteer reads that the NER took for no place); with ``once`` false, twice."""
    starts = sentence_starts(doc)
    spans = [(place.start, place.end) for place, _ in rooted if place.country and place.role == "location" and once]
    found = [(starts[c.head], c.head, c.country) for c in candidates
             if c.country and _is_state_country(c.country) and not c.needs_context
             and not any(s < c.end and c.start < e for s, e in spans)]
    for place, root in rooted:
        if place.country and place.role == "location":
            country, _ = place_country([place], place.start, place.end)
            if country:
                found.append((starts[root], root, country))
    return sorted(found)


_SIDE_WORDS = word_table("actors.context.side_words")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})


def _words(text: str) -> set[str]:
    """The lower-case words of a mention, without determiners and possessive endings."""
    words = {re.sub(r"['’]s?$", "", w) for w in text.lower().split()}
    return {w for w in words if w and w not in _DETERMINERS}


def _other_side(text: str, earlier: set[str]) -> bool:
    """Whether a mention's own words, not the earlier mention's, say which side it is on ("regime forces" after
    "Turkish forces"): then it is another group, not the earlier one named again."""
    own = _words(text) - earlier
    return any(w in _SIDE_WORDS or w.startswith(("pro-", "anti-")) for w in own)


def _town_readings(rooted: list[tuple[Place, int]]) -> set[int]:
    """Tokens of places read as towns (not capitals or provincial seats): the readings most often a
    coincidence of spelling ("Rangel" of a Brazilian city's neighbourhood read as a town in Angola)."""
    return {root for place, root in rooted
            if place.precision == 1 and place.role == "location" and place.feature_code not in _SEATS}


def _focus(found: list[tuple[int, int, str]]) -> str | None:
    """The country named most; among those named as often, the one named first (a story names its scene
    in its opening words: "in Recife, Pernambuco, ..." before a neighbourhood read as a town abroad)."""
    counts = Counter(c for _, _, c in found)
    first: dict[str, int] = {}
    for _, token, country in found:
        first.setdefault(country, token)
    return max(counts, key=lambda c: (counts[c], -first[c]), default=None)


def _lone_towns(found: list[tuple[int, int, str]], towns: set[int], focus: str | None) -> set[int]:
    """Town readings in a country that nothing else in the text names, in a text whose focus country is
    named at least twice (a clan named like a Scottish town in a Somali story): too weak to give an actor
    its country."""
    counts = Counter(c for _, _, c in found)
    if focus is None or counts[focus] < _FOCUS_MENTIONS:
        return set()
    return {token for _, token, country in found if token in towns and country != focus and counts[country] == 1}


def _sentence_country(head: Token, in_sentence: list[tuple[int, str]], places: list[Place],
                      focus: str | None) -> str | None:
    """"in X" on the head; else the sentence's only country; else the focus country when the sentence
    names it; else the country mentioned nearest the head."""
    country = prep_country(head, places)
    countries = {c for _, c in in_sentence}
    if country is None and len(countries) == 1:
        country = next(iter(countries))
    if country is None and focus in countries:
        country = focus
    return country or _nearest(head.i, in_sentence)


def _nearest(head: int, mentions: list[tuple[int, str]]) -> str | None:
    return min(mentions, key=lambda m: abs(m[0] - head))[1] if mentions else None


def resolve_context(doc: Doc, candidates: list[Candidate], places: list[Place]) -> None:
    """Fill in ``country`` for candidates that need it, and lower their confidence.

    Order: an earlier mention with the same head that said whose ("the ministry" after "Saudi
    Arabia's foreign ministry"); "in X" on the head; the sentence's only country; the article's focus
    country when the sentence names it; the nearest country in the sentence; the focus country.
    """
    rooted = _rooted(doc, places)
    found = country_mentions(doc, candidates, rooted)
    starts = sentence_starts(doc)
    focus = _focus(found)
    # a town read in a country the text names nowhere else: counted as a place and as its people ("police in
    # Gaziantep" is not lone beside "Syrians … in Syria")
    lone = _lone_towns(country_mentions(doc, candidates, rooted, once=False), _town_readings(rooted), focus)
    if lone:
        found = [f for f in found if f[1] not in lone]
        dropped = [place for place, root in rooted if root in lone]
        places = [p for p in places if not any(p is d for d in dropped)]
    earlier: dict[str, tuple[str, set[str]]] = {}  # head word → country and words of its latest mention that said whose
    for cand in sorted(candidates, key=lambda c: c.start):
        if not cand.needs_context:
            if cand.country and cand.head_word:
                earlier[cand.head_word] = (cand.country, _words(cand.text))
            continue
        if cand.head_word in earlier and not _other_side(cand.text, earlier[cand.head_word][1]):
            cand.country = earlier[cand.head_word][0]  # "the ministry said" after "Saudi Arabia's foreign
            # ministry"; not "regime forces" after "Turkish forces": a word of its own names another side
            cand.confidence = min(cand.confidence, 0.6)
            continue
        head = doc[cand.head]
        in_sentence = [(i, c) for s, i, c in found if s == starts[head.i]]
        cand.country = _sentence_country(head, in_sentence, places, focus) or focus
        cand.confidence = min(cand.confidence, 0.5)
