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

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..errors import ResourceError
from ..geo.distance import haversine_km
from ..geo.normalize import name_key
from ..models import Event, EventDate, EventPlace, Place
from ..nlp.tokens import token_table
from ..wordtables import word_table

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

RULE = "acled.front.fire_across_the_line"
PLACE_RULE = "place.front_settlement"
NAME_TOKENS = 5  # "Zolote - 5", "Kalynove - Borshchuvate": a name is at most this many tokens
PROVINCE_WORDS = word_table("geo.cues.admin_words")
NEAR_WORDS = word_table("geo.cues.near_words")
FIRE_WORDS = word_table("events.fronts.fire_words")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


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
    words: re.Pattern[str]  # the area words, whole
    province_keys: frozenset[str]  # the area words as name keys ("X, Donetsk": where X lies)

    def across(self, holder: int) -> int:
        """The category of the side across the line from the one holding a place."""
        return next(side for side in self.sides if side != holder)

    def held_on(self, date: EventDate | None) -> bool:
        """Whether the event's day (a full ISO date; not a week or a month) lies in the front's period."""
        day = date.value[:10] if date is not None and date.value else ""
        return _DAY.fullmatch(day) is not None and self.start <= day <= self.end


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
        categories = tuple(int(side["inter"]) for side in sides.values())
        if len(set(categories)) != 2:
            raise ValueError(f"front {front['id']} gives both sides the category {categories[0]}")
        words = tuple(front.get("area_words", ()))
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b" if words else r"(?!)")
        fronts.append(Front(front["id"], front["start"], front["end"], front.get("country", ""),
                            frozenset(front.get("admin1", ())), words, settlements, categories, pattern,
                            frozenset(name_key(word) for word in words)))
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
    """Whether the article speaks of the front: one of its words, whole ("DPR", not inside "GDPR"), or the event
    placed in one of its provinces."""
    if place is not None and place.admin1 in front.admin1:
        return True
    return front.words.search(text) is not None


_PLURAL_PROVINCES = frozenset({"regions", "oblasts", "provinces"})


def _name_goes_on(sent: SpacySpan, j: int) -> bool:
    """Whether the words after a settlement's name make it part of another name or a province's ("Donetsk
    People's Republic", "Luhansk Oblast", "Donetsk region", "the Donetsk and Luhansk regions")."""
    if j >= sent.end:
        return False
    doc = sent.doc
    after = doc[j]
    if after.text[:1].isupper() or after.lower_ in PROVINCE_WORDS or after.lower_ in _PLURAL_PROVINCES:
        return True
    return after.lower_ in ("and", ",") and j + 2 < sent.end and doc[j + 1].text[:1].isupper() \
        and doc[j + 2].lower_ in _PLURAL_PROVINCES


@dataclass(frozen=True)
class Named:
    start: int  # character offsets of the name
    end: int
    text: str
    settlement: Settlement
    origin: bool  # "fired from X": where the fire came from, not where it fell


def _stated_elsewhere(sent: SpacySpan, j: int, front: Front, elsewhere: dict[int, bool]) -> bool:
    """Whether the words after a settlement's name put it outside the front ("Olenivka, Crimea", "Pervomaisk in
    Kharkiv region"): a place the gazetteer read outside the front's provinces, after a comma or "in"."""
    doc = sent.doc
    k = j
    while k < sent.end and doc[k].lower_ in (",", "in", "the"):
        k += 1
    return k > j and k < sent.end and elsewhere.get(doc[k].idx, False) \
        and name_key(doc[k].text) not in front.province_keys  # "Nevelske, Donetsk" is the front's, however read


def _fired_from(doc: Doc, i: int, sent: SpacySpan) -> bool:
    """Whether the name at token i is where fire came from: "from" before it, hanging from a word of firing
    ("shells fired from X", "mortar fire from X"), not a distance, a person's home or a sound ("2 km from X")."""
    if i <= sent.start or doc[i - 1].lower_ != "from":
        return False
    return doc[i - 1].head.lemma_.lower() in FIRE_WORDS


def _modifies(doc: Doc, j: int, sent: SpacySpan) -> bool:
    """Whether the name ending before token j modifies the noun after it ("the Donetsk regional administration",
    "Luhansk separatist authorities"): whose body it names, not a place where anything fell."""
    last = doc[j - 1]
    return last.dep_ in ("compound", "amod", "nmod") and j <= last.head.i < sent.end \
        and not any(t.is_punct for t in doc[j:last.head.i])  # "Horlivka, Donetsk region" names a place


def settlements_in(sentences: Iterable[SpacySpan], front: Front,
                   places: Iterable[Place] = ()) -> Iterator[Named]:
    """Each settlement of a front the sentences name: the longest name from each capitalised word, where the
    name ends there (`_name_goes_on`) and is not put elsewhere (`_stated_elsewhere`, from `places`, the
    document's place mentions); not the front's province named after another and a comma ("Zolote-5, Luhansk")."""
    elsewhere = {p.start: p.role == "location" and p.lat is not None and p.admin1 not in front.admin1
                 for p in places}
    provinces = front.province_keys
    for sent in sentences:
        doc, i, last = sent.doc, sent.start, None
        while i < sent.end:
            if not doc[i].text[:1].isupper():
                i += 1
                continue
            for j in range(min(i + NAME_TOKENS, sent.end), i, -1):
                words = doc[i:j]
                key = name_key(words.text)
                found = front.settlements.get(key)
                if found is None or words[-1].is_punct or _name_goes_on(sent, j) or _modifies(doc, j, sent):
                    continue
                container = last is not None and key in provinces \
                    and token_table(doc).text[last:words.start_char].strip() == ","
                if not container and not _stated_elsewhere(sent, j, front, elsewhere):
                    yield Named(words.start_char, words.end_char, words.text, found, _fired_from(doc, i, sent))
                last, i = words.end_char, j - 1
                break
            i += 1


def _fronts_of(date: EventDate | None, text: str, place: EventPlace | None) -> Iterator[Front]:
    return (f for f in load_fronts() if f.held_on(date) and _speaks_of(f, text, place))


# What ACLED's convention covers: fire across the line (shelling, artillery, small arms), not devices set in place
FIRE = frozenset({("Explosions/Remote violence", "Shelling/artillery/missile attack"), ("Battles", "Armed clash")})


@dataclass(frozen=True)
class Across:
    front: Front
    inter1: int
    inter2: int
    why: str


def fire_across(event: Event, sentences: list[SpacySpan], text: str, places: Iterable[Place] = (),
                device: bool = False) -> Across | None:
    """ACLED's sides for fire with no doer of its own on a front, in its sentences (module docstring): the side a
    settlement it was fired from held; else the side across from a known armed target; else the side across the
    line from the settlement it fell near (the one the event is placed at first), and in a clash that
    settlement's holder as the second side."""
    code = event.acled
    if event.sources or device or (code.event_type, code.sub_event_type) not in FIRE:  # a mine, however typed
        return None
    own = event.place.start if event.place is not None else None
    inter2 = code.inter2 or 0
    for front in _fronts_of(event.date, text, event.place):
        named = sorted(settlements_in(sentences, front, places), key=lambda n: n.start != own)
        if not named:
            continue
        origin = next((n for n in named if n.origin), None)
        if origin is not None:
            return Across(front, origin.settlement.holder, inter2, f"fired from {origin.text!r}")
        if inter2 in front.sides:
            return Across(front, front.across(inter2), inter2, f"at forces of side {inter2} near {named[0].text!r}")
        near = named[0]
        holder = near.settlement.holder
        return Across(front, front.across(holder), holder if code.event_type == "Battles" else inter2,
                      f"near {near.text!r}, held by side {holder}")
    return None


FRONT_READING_KM = 15.0  # a gazetteer reading of a settlement this close to the table's point stands


def _gives_way(place: EventPlace | None, text: str, named: Named, front: Front) -> bool:
    """Whether the place found so far gives way to a front settlement its sentence names: none; the article's
    focus; the gazetteer's reading of the settlement's own words outside the front's provinces or far from its
    point; or the front's province written after it ("Zolote-5, Luhansk"). Another place named stands."""
    if place is None or place.source == "focus" or place.start is None:
        return True
    point = named.settlement
    if place.start == named.start:
        return place.admin1 not in front.admin1 or point.lat is None or point.lon is None \
            or haversine_km(place.lat, place.lon, point.lat, point.lon) > FRONT_READING_KM
    return place.start > named.end and text[named.end:place.start].strip() == "," \
        and (place.admin1 in front.admin1 or name_key(place.text or "") in front.province_keys)


def front_place(sentence: SpacySpan, date: EventDate | None, text: str, place: EventPlace | None,
                places: Iterable[Place] = ()) -> EventPlace | None:
    """The settlement of a front an event's sentence names, as the event's place, where the place found so far
    gives way to it (`_gives_way`). A settlement fire came from is not where it fell."""
    for front in _fronts_of(date, text, place):
        named = sorted((n for n in settlements_in([sentence], front, places) if not n.origin),
                       key=lambda n: place is None or n.start != place.start)
        if not named or named[0].settlement.lat is None or named[0].settlement.lon is None \
                or not _gives_way(place, text, named[0], front):
            continue
        first, doc = named[0], sentence.doc
        span = doc.char_span(first.start, first.end, alignment_mode="expand")
        near = span is not None and span.start > 0 and doc[span.start - 1].lower_ in NEAR_WORDS
        return EventPlace(name=first.settlement.name, lat=first.settlement.lat, lon=first.settlement.lon,
                          precision=2 if near else 1, country=front.country or None, source="sentence",
                          start=first.start, end=first.end, text=first.text)
    return None
