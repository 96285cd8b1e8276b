"""The event's place, not its participants' names: "Turkey backed Syrian rebels" did not happen in Turkey.

geo's `event_place` picks the place attached to the trigger or the most specific one of the sentence.
A country or city name that is the event's source actor ("Turkey, Russia agree …",
"drones launched by Russia") names who acted, not where; so does any place name that is a subject,
an agent, an owner or a partner in its sentence ("which Ankara has been seeking", "backed by Iran", "Turkey's
ministry", "an agreement with Turkey"). Such a place is skipped and the next one of the sentence taken, else the article's focus
(as geo does when a sentence names no place).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors import actor_at
from ..geo import event_place
from ..geo.linking import build_index
from ..models import EventPlace, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..stage import Analysis


ACTING = frozenset({"nsubj", "nsubjpass", "poss"})
PARTNER_PREPOSITIONS = frozenset({"with", "against", "between"})


def _acting(analysis: Analysis, start: int, end: int) -> bool:
    """Whether the place name is a subject, owner or "by" agent in its sentence: an actor's name."""
    doc = analysis.doc
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return False
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:  # "backed by Russia and Iran"
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in PARTNER_PREPOSITIONS:
        return True  # "an agreement with Turkey", "fighting against Syria": a party, not where
    return root.dep_ in ACTING or (root.dep_ == "pobj" and root.head.dep_ == "agent")


def _participant(analysis: Analysis, place: Place | EventPlace, participants: set[str]) -> bool:
    if place.start is None or place.end is None:
        return False
    if _acting(analysis, place.start, place.end):
        return True
    actor = actor_at(analysis, place.start, place.end)
    return actor is not None and actor.id in participants


def place_within(analysis: Analysis, bounds: tuple[int, int]) -> EventPlace | None:
    """The most specific located place named inside [start, end) (an adjunct: "after talks in Jeddah")."""
    inside = [p for p, _ in build_index(analysis).places if bounds[0] <= p.start < bounds[1]]
    if not inside:
        return None
    place = min(inside, key=lambda p: (p.precision or 3, p.start))
    return _as_event_place(place, "sentence", place.precision or 3)


def focus_place(analysis: Analysis, participants: frozenset[str] = frozenset()) -> EventPlace | None:
    """The article's focus place, one step coarser (geo's fallback for a sentence with no place), unless
    that name is an actor here ("drones launched by Russia" in a one-sentence text)."""
    focus = build_index(analysis).focus
    if focus is None or _participant(analysis, focus, set(participants)):
        return None
    return _as_event_place(focus, "focus", min(3, (focus.precision or 3) + 1))


def _as_event_place(place: Place, source: str, precision: int) -> EventPlace:
    return EventPlace(name=place.name, geonameid=place.geonameid, lat=place.lat or 0.0, lon=place.lon or 0.0,
                      precision=precision, country=place.country, admin1=place.admin1, source=source,  # type: ignore[arg-type]
                      start=place.start, end=place.end, text=place.text)


def place_of(analysis: Analysis, trigger: Token, participants: set[str]) -> EventPlace | None:
    """geo's place for the trigger, unless it names one of the event's actors (then the next best)."""
    found = event_place(analysis, trigger)
    if found is None or found.source != "sentence" or not _participant(analysis, found, participants):
        return found
    index = build_index(analysis)
    sent = trigger.sent
    others = [(p, h) for p, h in index.places if sent.start_char <= p.start < sent.end_char
              and not _participant(analysis, p, participants)]
    if others:
        place, _ = min(others, key=lambda ph: (ph[0].precision or 3, abs(ph[1] - trigger.i)))
        return _as_event_place(place, "sentence", place.precision or 3)
    return focus_place(analysis, frozenset(participants))


LOCATION_NOUNS = frozenset({"capital", "city", "town", "village", "province", "region", "district", "port",
                            "state", "county", "governorate", "area", "suburb", "neighbourhood", "neighborhood"})


def named_as_location(analysis: Analysis, actor_id: str, sentence: tuple[int, int]) -> bool:
    """Whether the actor's mentions in the sentence are place names standing as locations: "in the Libyan
    capital Tripoli", "the town of Sake" (a parse may still make one a subject; it is where, not who)."""
    doc = analysis.doc
    mentions = [m for a in analysis.actors if a.id == actor_id for m in a.mentions
                if sentence[0] <= m.start < sentence[1]]
    if doc is None or not mentions:
        return False
    return all(_after_location_noun(doc, m.start) for m in mentions)


def _after_location_noun(doc: Doc, start: int) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.lower_ == "of" and span.start > 1:
        before = doc[span.start - 2]
    return before.lemma_.lower() in LOCATION_NOUNS


def names_a_town(analysis: Analysis, actor_id: str) -> bool:
    """Whether every mention of the actor is the name of a located town or site: "struck Kharkiv",
    "returned to the streets of Tbilisi" name where the event happened (its place), not whom it hit.
    Countries and regions stay actors ("attacked Ukraine")."""
    towns = {(p.start, p.end) for p, _ in build_index(analysis).places if (p.precision or 3) == 1}
    mentions = [m for a in analysis.actors if a.id == actor_id for m in a.mentions]
    return bool(mentions) and all((m.start, m.end) in towns for m in mentions)


MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def modifier_place(analysis: Analysis, trigger: Token) -> Place | None:
    """A place name modifying an event noun: "the Idlib ceasefire", "the Kharkiv attack" say where."""
    heads = {h: p for p, h in build_index(analysis).places if p.lat is not None}
    for child in trigger.children:
        if child.dep_ in MODIFIER_DEPS and child.i in heads:
            return heads[child.i]
    return None


def actors_named_by(analysis: Analysis, place: Place) -> set[str]:
    """The actors whose every mention is this place's name (the actor stage reads place names as actors)."""
    found = set()
    for actor in analysis.actors:
        if actor.mentions and all(m.start == place.start and m.end == place.end for m in actor.mentions):
            found.add(actor.id)
    return found


def place_by_modifier(analysis: Analysis, trigger: Token, place: EventPlace | None,
                      roles: list[list[str]]) -> EventPlace | None:
    """The place named as a modifier of the event noun, which is then no actor of it: it replaces a
    missing place or a vaguer one ("the Idlib ceasefire" reported in a sentence about a country)."""
    named = modifier_place(analysis, trigger)
    if named is None:
        return place
    for ids in roles:
        ids[:] = [i for i in ids if i not in actors_named_by(analysis, named)]
    if place is None or place.source != "sentence" or (place.precision or 3) > (named.precision or 3):
        return _as_event_place(named, "sentence", named.precision or 3)
    return place
