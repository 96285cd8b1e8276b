"""Settled front lines (sitrep/data/fronts.toml): where fire nobody claims came from, and where it was.

Monitors of a front (the OSCE mission in eastern Ukraine, 2015-2022) report "a total of 12 explosions near X"
and do not say who fired. ACLED codes such an event with the forces across the line from X as its first side,
and, for an armed clash, the side holding X as its second. sitrep does the same (`fire_across`, called by the
ACLED coding) for an event that has no doer of its own, when it lies in the period of a listed front, the article
speaks of that front, and its sentence names one of the front's settlements. The event gets no actor: only its
ACLED categories change, and `decided_by["acled"]` names the rule and the settlement.

The same settlements place such events (`front_place`, called by the event-place resolver): the frontline
villages are often missing from the gazetteer or share a name with a larger place elsewhere in the country.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..errors import ResourceError
from ..geo.distance import haversine_km
from ..geo.normalize import name_key
from ..models import Event, EventDate, EventPlace
from ..nlp.tokens import token_table
from ..wordtables import word_table

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

RULE = "acled.front.fire_across_the_line"
PLACE_RULE = "place.front_settlement"
NAME_TOKENS = 5  # "Zolote - 5", "Kalynove - Borshchuvate": a name is at most this many tokens
PROVINCE_WORDS = word_table("geo.cues.admin_words")
NEAR_WORDS = word_table("geo.cues.near_words")


@dataclass(frozen=True)
class Settlement:
    name: str  # the first of its names
    lat: float | None  # none for a name two settlements of the front bear
    lon: float | None
    holder: int  # ACLED category of the side holding it


@dataclass(frozen=True)
class Front:
    id: str
    start: str
    end: str
    country: str
    admin1: frozenset[str]
    area_words: tuple[str, ...]
    settlements: dict[str, Settlement]  # name key → settlement
    sides: tuple[int, ...]  # the categories of the front's sides

    def across(self, holder: int) -> int:
        """The category of the side across the line from the one holding a place."""
        return next(side for side in self.sides if side != holder)

    def held_on(self, date: EventDate | None) -> bool:
        day = date.value[:10] if date is not None and date.value else ""
        return len(day) == 10 and self.start <= day <= self.end


def parse_fronts(raw: dict[str, Any]) -> tuple[Front, ...]:
    """The fronts of a parsed fronts.toml; ValueError names what is wrong (a name held by both sides …)."""
    fronts = []
    for front in raw.get("front", []):
        sides = front["side"]
        if len(sides) != 2:
            raise ValueError(f"front {front['id']} has {len(sides)} sides, not 2")
        settlements: dict[str, Settlement] = {}
        for side in sides.values():
            for entry in side["settlements"]:
                lat, lon = (float(x) for x in entry["at"]) if "at" in entry else (None, None)
                place = Settlement(entry["names"][0], lat, lon, int(side["inter"]))
                for name in entry["names"]:
                    if settlements.setdefault(name_key(name), place).holder != place.holder:
                        raise ValueError(f"front {front['id']} lists {name!r} on both sides")
        fronts.append(Front(front["id"], front["start"], front["end"], front.get("country", ""),
                            frozenset(front.get("admin1", ())), tuple(front.get("area_words", ())), settlements,
                            tuple(int(side["inter"]) for side in sides.values())))
    return tuple(fronts)


@lru_cache(maxsize=1)
def load_fronts() -> tuple[Front, ...]:
    try:
        text = resources.files("sitrep").joinpath("data", "fronts.toml").read_text(encoding="utf-8")
        return parse_fronts(tomllib.loads(text))
    except (OSError, tomllib.TOMLDecodeError, KeyError, ValueError, TypeError) as exc:
        raise ResourceError(f"cannot read the front-line table fronts.toml: {exc!r}",
                            "reinstall sitrep, or fix the table: each [[front]] needs id, start, end and two "
                            "[front.side.*] tables with inter and settlements ({ names = [...], at = [lat, lon] }, "
                            "at optional), no name on both sides", code="E319") from exc


def _speaks_of(front: Front, text: str, place: EventPlace | None) -> bool:
    if place is not None and place.admin1 in front.admin1:
        return True
    return any(word in text for word in front.area_words)


def _name_goes_on(sent: SpacySpan, j: int) -> bool:
    """Whether the words after a settlement's name make it part of another name or a province's ("Donetsk
    People's Republic", "Luhansk Oblast", "Donetsk region")."""
    if j >= sent.end:
        return False
    after = sent.doc[j]
    return after.text[:1].isupper() or after.lower_ in PROVINCE_WORDS


@dataclass(frozen=True)
class Named:
    start: int  # character offsets of the name
    end: int
    text: str
    settlement: Settlement


def settlements_in(sentences: Iterable[SpacySpan], front: Front) -> Iterator[Named]:
    """Each settlement of a front the sentences name: the longest name from each capitalised word, where the
    name ends there (`_name_goes_on`); not a name written after another and a comma, which names where the
    first lies ("Zolote-5, Luhansk")."""
    for sent in sentences:
        i, last = sent.start, None
        while i < sent.end:
            if not sent.doc[i].text[:1].isupper():
                i += 1
                continue
            for j in range(min(i + NAME_TOKENS, sent.end), i, -1):
                words = sent.doc[i:j]
                found = front.settlements.get(name_key(words.text))
                if found is None or words[-1].is_punct or _name_goes_on(sent, j):
                    continue
                between = token_table(sent.doc).text[last:words.start_char] if last is not None else ""
                if between.strip() != ",":  # "X, Luhansk": where X lies
                    yield Named(words.start_char, words.end_char, words.text, found)
                last, i = words.end_char, j - 1
                break
            i += 1


def _fronts_of(date: EventDate | None, text: str, place: EventPlace | None) -> Iterator[Front]:
    return (f for f in load_fronts() if f.held_on(date) and _speaks_of(f, text, place))


def fire_across(event: Event, sentences: list[SpacySpan], text: str) -> tuple[Front, str, int] | None:
    """The front, settlement and holder's category for an event with no doer, in a sentence of its own that
    names a settlement a front's side held on the event's day (the one the event is placed at first)."""
    if event.sources:
        return None
    own = event.place.start if event.place is not None else None
    for front in _fronts_of(event.date, text, event.place):
        named = sorted(settlements_in(sentences, front), key=lambda n: n.start != own)
        if named:
            return front, named[0].text, named[0].settlement.holder
    return None


FRONT_READING_KM = 15.0  # a gazetteer reading of a settlement this close to the table's point stands


def _stands(place: EventPlace | None, sentence: SpacySpan, front: Front, named: Named) -> bool:
    """Whether the place found so far stands against a front settlement its sentence names: a town or district
    of the front's provinces, named in that sentence, neither the settlement's province written after it nor a
    reading of the settlement far from its point."""
    if place is None or place.source != "sentence" or place.start is None or place.precision > 2:
        return False
    if not sentence.start_char <= place.start < sentence.end_char or place.admin1 not in front.admin1:
        return False
    if token_table(sentence.doc).text[named.end:place.start].strip() == ",":  # "Zolote-5, Luhansk": where it lies
        return False
    point = named.settlement
    if place.start != named.start or point.lat is None or point.lon is None:
        return True
    return haversine_km(place.lat, place.lon, point.lat, point.lon) <= FRONT_READING_KM


def front_place(sentence: SpacySpan, date: EventDate | None, text: str,
                place: EventPlace | None) -> EventPlace | None:
    """The settlement of a front an event's sentence names, as the event's place, unless the place found so far
    stands (`_stands`)."""
    for front in _fronts_of(date, text, place):
        named = next(iter(sorted(settlements_in([sentence], front),
                                 key=lambda n: place is None or n.start != place.start)), None)
        if named is None or named.settlement.lat is None or named.settlement.lon is None \
                or _stands(place, sentence, front, named):
            continue
        doc = sentence.doc
        first = doc.char_span(named.start, named.end, alignment_mode="expand")
        near = first is not None and first.start > 0 and doc[first.start - 1].lower_ in NEAR_WORDS
        return EventPlace(name=named.settlement.name, lat=named.settlement.lat, lon=named.settlement.lon,
                          precision=2 if near else 1, country=front.country or None, source="sentence",
                          start=named.start, end=named.end, text=named.text)
    return None
