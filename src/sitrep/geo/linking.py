"""Where an event happened: the place in the trigger's own sentence, else the article's focus.

`event_place(analysis, trigger)` prefers a place syntactically attached to the trigger
("struck *in* X", "killed *near* X"), then the most specific place in the sentence (a town before a
province before a country; a place in an "in/at X" adjunct, then the nearest to the trigger on ties).
Places standing as actors ("Moscow's bombardment of Kharkiv", "brokered by Ankara", "Turkey, Russia
agree") come last: the capital that acts is not where the event happens. It falls back to the article's
focus place with a precision one step coarser (``source="focus"``). Precision follows ACLED:
1 the town itself, 2 near a town or part of a region, 3 a region or country.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..models import EventPlace, Place
from ..stage import Analysis

_ATTACH_DEPTH = 3  # steps up from a place's head word to the trigger that still count as attached
_INDEX_KEY = "geo_index"


@dataclass
class PlaceIndex:
    """Located places of one document with their head tokens, and its focus place."""

    places: list[tuple[Place, int]]  # (place, index of its head token)
    focus: Place | None


def _head(doc: Doc, place: Place) -> int:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span.root.i if span is not None and len(span) else 0


def _specificity(place: Place) -> int:
    return place.precision if place.precision is not None else 3


_SIZE_RANK = {"ADM2": 1, "ADM1": 2, "PCLI": 3, "RGN": 3, "CONT": 4}
_ACTOR_DEPS = frozenset({"poss", "nsubj", "nsubjpass", "agent"})
_ADJUNCT_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around", "into", "on", "within",
                            "throughout", "off"})


def _size_rank(place: Place) -> int:
    """Towns and airports 0, counties 1, provinces 2, countries 3, continents 4."""
    return _SIZE_RANK.get(place.feature_code or "", 0)


def _role_rank(doc: Doc, head: int) -> int:
    """0 for a place in a locative adjunct ("in X", "near X"), 2 for one standing as an actor
    ("Moscow's bombardment", "Turkey agreed", "brokered by Ankara"), else 1."""
    token = doc[head]
    if token.dep_ == "pobj" and token.head.lower_ in _ADJUNCT_PREPS:
        return 0
    if token.dep_ in _ACTOR_DEPS or (token.dep_ == "pobj" and token.head.dep_ == "agent"):
        return 2
    if token.dep_ == "conj" and token.head.dep_ in _ACTOR_DEPS:  # "Turkey, Russia agree"
        return 2
    return 1


def choose_focus(doc: Doc, places: list[Place]) -> Place | None:
    """The place the article is about: most mentioned (locative uses count double), headline first."""
    weights: dict[tuple[float, float], float] = {}
    first: dict[tuple[float, float], Place] = {}
    for place in places:
        key = (place.lat or 0.0, place.lon or 0.0)
        first.setdefault(key, place)
        head = doc.char_span(place.start, place.end, alignment_mode="expand")
        locative = head is not None and head.start > 0 and doc[head.start - 1].dep_ == "prep"
        early = place.start < 300
        weights[key] = weights.get(key, 0.0) + 1.0 + (1.0 if locative else 0.0) + (0.5 if early else 0.0)
    if not weights:
        return None
    best = max(weights, key=lambda k: (weights[k], -_specificity(first[k])))
    return first[best]


def build_index(analysis: Analysis) -> PlaceIndex:
    """Index the analysis' located places (cached in analysis.extras)."""
    cached = analysis.extras.get(_INDEX_KEY)
    if isinstance(cached, PlaceIndex):
        return cached
    doc = analysis.doc
    located = [p for p in analysis.places if p.role == "location" and p.lat is not None and p.lon is not None]
    index = PlaceIndex(places=[(p, _head(doc, p)) for p in located] if doc is not None else [],
                       focus=choose_focus(doc, located) if doc is not None else None)
    analysis.extras[_INDEX_KEY] = index
    return index


def _attached(doc: Doc, head: int, trigger: Token) -> bool:
    token = doc[head]
    for _ in range(_ATTACH_DEPTH):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i == trigger.i:
            return True
    return False


def _event_place(place: Place, source: str, precision: int) -> EventPlace:
    return EventPlace(name=place.name, geonameid=place.geonameid, lat=place.lat or 0.0, lon=place.lon or 0.0,
                      precision=precision, country=place.country, admin1=place.admin1, source=source,
                      start=place.start, end=place.end, text=place.text)


def event_place(analysis: Analysis, trigger: Token) -> EventPlace | None:
    """The place of the event whose trigger word is `trigger` (see module docstring)."""
    index = build_index(analysis)
    doc, sent = trigger.doc, trigger.sent
    here = [(p, h) for p, h in index.places if sent.start_char <= p.start < sent.end_char]
    if here:
        attached = [(p, h) for p, h in here if _attached(doc, h, trigger)]
        not_actors = [(p, h) for p, h in here if _role_rank(doc, h) < 2]
        pool = [ph for ph in attached if ph in not_actors] or not_actors or attached or here
        place, _ = min(pool, key=lambda ph: (_specificity(ph[0]), _size_rank(ph[0]), _role_rank(doc, ph[1]),
                                             abs(ph[1] - trigger.i)))
        return _event_place(place, "sentence", _specificity(place))
    if index.focus is None:
        return None
    return _event_place(index.focus, "focus", min(3, _specificity(index.focus) + 1))
