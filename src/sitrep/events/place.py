"""The place of an event: where it happened, not its participants' names. This module owns `Event.place`.

`sentence_place(analysis, trigger)` prefers a place syntactically attached to the trigger ("struck *in* X",
"killed *near* X"), then the most specific place in the sentence (a town before a province before a country; a
place in an "in/at X" adjunct, then the nearest to the trigger on ties). Places standing as actors ("Moscow's
bombardment of Kharkiv", "brokered by Ankara", "Turkey, Russia agree") come last: the capital that acts is not
where the event happens. It falls back to the article's focus place with a precision one step coarser
(``source="focus"``). Precision follows ACLED: 1 the town itself, 2 near a town or part of a region, 3 a region
or country.

`place_of` then skips a place name that is the event's source actor ("Turkey, Russia agree …", "drones
launched by Russia") or any place name that is a subject, an agent, an owner or a partner in its sentence
("which Ankara has been seeking", "backed by Iran", "Turkey's ministry", "an agreement with Turkey"), taking the
next one of the sentence, else the article's focus. A place naming the event noun ("the Idlib ceasefire") is its
place (`place_by_modifier`); an event named in a temporal adjunct takes a place named there (`place_within`).
Each returns the id of the rule that decided, kept in `Event.decided_by["place"]`.

A town or province that lies alone in its country while two or more other places of the article lie
together in another ("Zone" of "the East Zone of Manaus, Amazonas" read as a village abroad) is a
name the gazetteer lacks rather than where the event happened (`abroad_alone`): it is passed over, and
the rule says so (`place.abroad_alone_skipped: …`); nor is it the article's focus. So is a town read in another
country than the container named right after it (`outside_its_container`), and a town read outside the province
its sentence sets the scene in ("In Leon, Guanajuato, gunmen shot a driver in Las Flores", with Las Flores read
300 km away: `outside_the_scene`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ..actors.lexicon import HEADS
from ..models import EventPlace, Place
from ..wordtables import word_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..stage import Analysis


_ATTACH_DEPTH = 3  # steps up from a place's head word to the trigger that still count as attached
_INDEX_KEY = "geo_index"


@dataclass
class PlaceIndex:
    """Located places of one document with their head tokens, and its focus place."""

    places: list[tuple[Place, int]]  # (place, index of its head token)
    focus: Place | None
    strays: dict[int, str] = field(default_factory=dict)  # start of a place passed over → why (`abroad_alone` …)


def _head(doc: Doc, place: Place) -> int:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span.root.i if span is not None and len(span) else 0


def _specificity(place: Place) -> int:
    return place.precision if place.precision is not None else 3


_SIZE_RANK = {"ADM2": 1, "ADM1": 2, "PCLI": 3, "RGN": 3, "CONT": 4}
_ACTOR_DEPS = frozenset({"poss", "nsubj", "nsubjpass", "agent"})
_ADJUNCT_PREPS = word_table("events.place.adjunct_preps")


def _size_rank(place: Place) -> int:
    """Towns and airports 0, counties 1, provinces 2, countries 3, continents 4."""
    return _SIZE_RANK.get(place.feature_code or "", 0)


# Sectors of a body a place can own: "the forces of X", "the government of X" name an actor, not a scene
# ("the people of X" and "the mayor's town" do not count: where civilians are is where things happen to them).
_OWNING_SECTORS = frozenset({"MIL", "REB", "COP", "GOV", "LEG", "JUD", "SPY", "UAF"})


def _owned_body(token: Token) -> bool:
    """ "military forces of Armenia", "the ministry of defence of X": the place is the body's owner."""
    if token.dep_ != "pobj" or token.head.lower_ != "of":
        return False
    body = token.head.head
    return body.pos_ in ("NOUN", "PROPN") and bool(_OWNING_SECTORS & set(HEADS.get(body.lemma_.lower(), ())))


def _role_rank(doc: Doc, head: int) -> int:
    """0 for a place in a locative adjunct ("in X", "near X"), 2 for one standing as an actor
    ("Moscow's bombardment", "Turkey agreed", "brokered by Ankara", "the forces of Armenia"), else 1."""
    token = doc[head]
    if token.dep_ == "pobj" and token.head.lower_ in _ADJUNCT_PREPS:
        return 0
    if token.dep_ in _ACTOR_DEPS or (token.dep_ == "pobj" and token.head.dep_ == "agent") or _owned_body(token):
        return 2
    if token.dep_ == "conj" and token.head.dep_ in _ACTOR_DEPS:  # "Turkey, Russia agree"
        return 2
    return 1


_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})


def _country_of_a_side(doc: Doc, place: Place, head: int) -> bool:
    """A country named in the words of a doer ("pro-Turkey factions shelled …", "Yemen-based rebels attacked …"):
    whose side it is, not where it happened."""
    if not (place.feature_code or "").startswith("PCL"):
        return False
    token = doc[head]
    while token.dep_ in _MODIFIER_DEPS and token.head.i != token.i:
        token = token.head
    return token.i != head and (token.dep_ in _ACTOR_DEPS or (token.dep_ == "conj" and token.head.dep_ in _ACTOR_DEPS))


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
    strays = dict.fromkeys(outside_the_scene(analysis.text, doc, located) if doc is not None else (), "outside_the_scene")
    strays |= dict.fromkeys(outside_container(analysis.text, located), "outside_its_container")
    strays |= dict.fromkeys(abroad_alone(analysis.places), "abroad_alone")
    kept = [p for p in located if p.start not in strays]
    index = PlaceIndex(places=[(p, _head(doc, p)) for p in located] if doc is not None else [],
                       focus=choose_focus(doc, kept) if doc is not None else None, strays=strays)
    analysis.extras[_INDEX_KEY] = index
    return index


def _country_names(places: list[Place]) -> dict[str, set[tuple[str, str]]]:
    """Per country, the distinct places of the article that point at it (a town and the province of its
    name are two): places below a country that lie in it, its own name, its demonyms."""
    names: dict[str, set[tuple[str, str]]] = {}
    for p in places:
        if p.country and p.lat is not None:
            names.setdefault(p.country, set()).add((p.name, p.feature_code or ""))
    return names


def abroad_alone(places: list[Place]) -> frozenset[int]:
    """Starts of the places (below a country) that lie in a country no other name of the article points
    at, while other names point at one country together ("Zone" read as a town abroad in "the East
    Zone of Manaus, Amazonas"): likelier a name the gazetteer lacks than an event abroad
    (rule place.abroad_alone). A reading matched by a near spelling only ("Jaghuri" read as Jaguarari in
    Brazil beside "Ghazni") needs one other name elsewhere."""
    names = _country_names(places)
    strays = set()
    for p in places:
        if p.role != "location" or p.lat is None or not p.country or _size_rank(p) >= 3 or p.feature_code == "PPLC":
            continue
        own = names.get(p.country, set()) - {(p.name, p.feature_code or "")}
        elsewhere = max((len(v) for c, v in names.items() if c != p.country), default=0)
        fuzzy = "fuzzy_match" in (p.features or {})  # a spelling only near the name: one other name outweighs it
        if not own and elsewhere >= (1 if fuzzy else 2):
            strays.add(p.start)
    return frozenset(strays)


# What may stand between a place and the place named as its container: "Kafrun in the northern countryside
# of Hama", "Suq al-Jumaa (Tripoli)", "Ekwulobia town in Aguata LGA", "Funtua, Katsina".
_CONTAINER_GAP = re.compile(r"^(?:\s+(?:district|town|village|city|area|camp|neighbou?rhood|municipality|township|"
                            r"county|commune|locality|suburb|centre|center))?\s*(?:,\s*in\b|,|\(|\bin\b)"
                            r"(?:\s+(?:the|southern|northern|eastern|western|central|rural|countryside|outskirts|"
                            r"province|district|governorate|state|region|area|of))*\s*$", re.IGNORECASE)


def _backs(located: list[Place], place: Place, other: Place) -> tuple[int, bool]:
    """How much the rest of the article backs `place`'s reading: the other mentions in its country, then
    whether that country is the one the article's names point at most (geo's `top_country`)."""
    others = sum(1 for p in located if p.country == place.country and p.start not in (place.start, other.start))
    return others, "top_country" in (place.features or {})


def outside_container(text: str, located: list[Place]) -> frozenset[int]:
    """Starts of the towns read in another country than the place the text names as their container right after
    them ("Bennsh in Idleb" read as Binche in Belgium): a name the gazetteer lacks, or lacks there, not an event
    abroad (rule place.outside_its_container); the container stays the event's place. Unless the container is
    itself read as a town or province abroad that the rest of the article backs less than the first name ("Tanko
    (Dori, Seno)" with a Seno abroad, "Nalerigu, North East region, Ghana" with Haiti's Nord-Est): then the gazetteer
    lacks the container (a district, a new region), and it is the one passed over."""
    strays = set()
    ordered = sorted(located, key=lambda p: p.start)
    for place, after in itertools.pairwise(ordered):
        if not place.country or not after.country or place.country == after.country or _size_rank(place) >= 3:
            continue
        if _size_rank(after) > 3 or after.start - place.end > 60 or "fuzzy_match" in (after.features or {}):
            continue  # a container read from a near spelling ("Araucania" as a town abroad) proves nothing
        if _CONTAINER_GAP.match(text[place.end:after.start]) and not _LIST_GOES_ON.match(text, after.end,
                                                                                          after.end + _LIST_WINDOW):
            misread = (_size_rank(place) == 0 and _size_rank(after) <= 2
                       and _backs(located, place, after) > _backs(located, after, place))
            strays.add(after.start if misread else place.start)
    return frozenset(strays)


# "in Paris, London and Berlin", "Paris, London, Rome or Berlin": the second name goes on into a list that "and"
# or "or" closes, it is no town's container ("San Juan, Lagunillas, Merida state" is a chain of containers)
_LIST_WINDOW = 120  # characters after the second name where the list's "and" must come (bounds the match)
_LIST_GOES_ON = re.compile(r"(?:\s*,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)*\s*,?\s+(?:and|or)\s+[A-Z]")


# "in Monterrey, Nuevo Leon", "near Rapar town (Kachchh, Gujarat)": not a dateline's "AUSTIN, Texas"
_SCENE_OPENER = re.compile(r"(?:\b(?:in|at|near|of|outside)\s+|\(\s*)$", re.IGNORECASE)


def outside_the_scene(text: str, doc: Doc, located: list[Place]) -> frozenset[int]:
    """Starts of the towns read outside the province a sentence sets its scene in ("In Leon, Guanajuato, gunmen shot
    a driver in Las Flores", with "Las Flores" read as a namesake 300 km away): a local name the gazetteer reads
    elsewhere, not a second scene (rule place.outside_the_scene). Only towns with no container of their own named
    beside them; only a province stated with a town inside it, after a preposition of place or in a bracket (a
    dateline sets no scene)."""
    strays: set[int] = set()
    if not any(p.feature_code == "ADM1" for p in located):
        return frozenset()  # no province named: no scene to lie outside of (most articles stop here)
    sentence_starts = [sent.start_char for sent in doc.sents]
    ordered = sorted(located, key=lambda p: p.start)
    for _, group in itertools.groupby(ordered, key=lambda p: bisect.bisect_right(sentence_starts, p.start)):
        here = list(group)  # the located places of one sentence, in text order
        framed = [(town, province) for town, province in itertools.pairwise(here)
                  if (province.feature_code == "ADM1" and _contains(province, town)
                      and _SCENE_OPENER.search(text[max(0, town.start - 12):town.start]) is not None
                      and _CONTAINER_GAP.match(text[town.end:province.start]) is not None)]
        provinces = {province.admin1 for _, province in framed}
        if not provinces:
            continue
        named = {p.start for pair in framed for p in pair}
        for town, after in itertools.zip_longest(here, here[1:]):
            if town.start in named or _size_rank(town) != 0 or town.admin1 in provinces:
                continue
            if after is not None and _CONTAINER_GAP.match(text[town.end:after.start]):
                continue  # "Culiacan, Sinaloa": a scene of its own, stated with its container
            strays.add(town.start)
    return frozenset(strays)


def _named_inside(text: str, outer: Place, places: list[Place]) -> Place | None:
    """The place named just before `outer` as lying in it ("Cosoleacaque, Veracruz", "Kafrun in the
    countryside of Hama", "Douma (Rif Dimashq)"): the finer place the text gives for the same scene."""
    before = [p for p in places if p.end <= outer.start and outer.start - p.end <= 60
              and _CONTAINER_GAP.match(text[p.end:outer.start]) and not _FROM_BEFORE.search(text[:p.start])
              and (_contains(outer, p) or _town_in_town(outer, p))]
    return max(before, key=lambda p: p.end, default=None)


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)  # "families from Bama, in Maiduguri": a home
_SEATS = frozenset({"PPLC", "PPLA", "PPLA2"})


def _town_in_town(outer: Place, inner: Place) -> bool:
    """ "Qamishli in Al-Hasakeh", "Kafr Nabl, Idlib": a town said to lie in a town of its own province. The outer
    name is the province (read as its capital, which bears its name) or the city around a district: either way the
    inner town is the finer place. Not a seat said to lie in a lesser town (a misreading, not a containment)."""
    if (inner.feature_code or "") in _SEATS and (outer.feature_code or "") not in _SEATS:
        return False
    return outer.feature_class == "P" and inner.feature_class in ("P", "S") and outer.country == inner.country \
        and outer.admin1 is not None and outer.admin1 == inner.admin1 and (outer.lat, outer.lon) != (inner.lat, inner.lon)


def _attached(doc: Doc, head: int, trigger: Token) -> bool:
    token = doc[head]
    for _ in range(_ATTACH_DEPTH):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i == trigger.i:
            return True
    return False


def sentence_place(analysis: Analysis, trigger: Token) -> tuple[EventPlace | None, str]:
    """The place of the sentence for the trigger, or the focus, and the rule that chose it (module docstring)."""
    index = build_index(analysis)
    doc, sent = trigger.doc, trigger.sent
    here = [(p, h) for p, h in index.places if sent.start_char <= p.start < sent.end_char]
    if any(p.start not in index.strays for p, _ in here):
        skipped = sorted({index.strays[p.start] for p, _ in here if p.start in index.strays})
        here = [(p, h) for p, h in here if p.start not in index.strays]
        attached = [(p, h) for p, h in here if _attached(doc, h, trigger)]
        not_actors = [(p, h) for p, h in here if _role_rank(doc, h) < 2 and not _country_of_a_side(doc, p, h)]
        pools = [("place.attached", [ph for ph in attached if ph in not_actors]),
                 ("place.sentence_most_specific", not_actors), ("place.attached_though_an_actor", attached),
                 ("place.sentence_any", here)]
        rule, pool = next((name, found) for name, found in pools if found)
        place, _ = min(pool, key=lambda ph: (_specificity(ph[0]), _size_rank(ph[0]), _role_rank(doc, ph[1]),
                                             abs(ph[1] - trigger.i)))
        inner = _named_inside(analysis.text, place, [p for p, _ in here])
        if inner is not None:  # "in Cosoleacaque, Veracruz": the parse may hang the province on the verb
            place, rule = inner, "place.town_before_its_province"
        passed_over = "".join(f"place.{why}_skipped: " for why in skipped)
        return _as_event_place(place, "sentence", _specificity(place)), passed_over + rule
    if index.focus is None:
        return None, "place.none"
    return _as_event_place(index.focus, "focus", min(3, _specificity(index.focus) + 1)), "place.article_focus"


ACTING = frozenset({"nsubj", "nsubjpass", "poss"})
PARTNER_PREPOSITIONS = word_table("events.place.partner_prepositions")
BETWEEN_PLACES = word_table("events.place.between_places")


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
        # "an agreement with Turkey", "fighting against Syria": a party, not where; "the road between X and Y" is where
        return not (root.head.lower_ == "between" and root.head.head.lemma_.lower() in BETWEEN_PLACES)
    return root.dep_ in ACTING or (root.dep_ == "pobj" and root.head.dep_ == "agent")


def _participant(analysis: Analysis, place: Place | EventPlace, participants: set[str]) -> bool:
    if place.start is None or place.end is None:
        return False
    if _acting(analysis, place.start, place.end):
        return True
    # an actor's phrase the name begins ("Kyiv's forces"), not one that ends in it ("traders in Kyiv": where they are)
    return any(place.start <= m.start < place.end for a in analysis.actors if a.id in participants for m in a.mentions)


def place_within(analysis: Analysis, bounds: tuple[int, int]) -> EventPlace | None:
    """The most specific located place named inside [start, end) (an adjunct: "after talks in Jeddah")."""
    index = build_index(analysis)
    inside = [p for p, _ in index.places if bounds[0] <= p.start < bounds[1] and p.start not in index.strays]
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


def _as_event_place(place: Place, source: Literal["sentence", "focus"], precision: int) -> EventPlace:
    return EventPlace(name=place.name, geonameid=place.geonameid, lat=place.lat or 0.0, lon=place.lon or 0.0,
                      precision=precision, country=place.country, admin1=place.admin1, source=source,
                      start=place.start, end=place.end, text=place.text)


def place_of(analysis: Analysis, trigger: Token, participants: set[str]) -> tuple[EventPlace | None, str]:
    """The sentence's place for the trigger, unless it names one of the event's actors (then the next best),
    with the rule that decided."""
    found, rule = sentence_place(analysis, trigger)
    if found is None or found.source != "sentence" or not _participant(analysis, found, participants):
        return found, rule
    index = build_index(analysis)
    sent = trigger.sent
    others = [(p, h) for p, h in index.places if sent.start_char <= p.start < sent.end_char
              and p.start not in index.strays and not _participant(analysis, p, participants)]
    if others:
        place, _ = min(others, key=lambda ph: (ph[0].precision or 3, abs(ph[1] - trigger.i)))
        return _as_event_place(place, "sentence", place.precision or 3), "place.next_after_an_actor_name"
    focus = focus_place(analysis, frozenset(participants))
    return focus, "place.article_focus_after_an_actor_name" if focus else "place.none"


LOCATION_NOUNS = word_table("events.place.location_nouns")


def named_as_location(analysis: Analysis, actor_id: str, sentence: tuple[int, int]) -> bool:
    """Whether the actor's mentions in the sentence are place names standing as locations: "in the Libyan
    capital Tripoli", "the town of Sake" (a parse may still make one a subject; it is where, not who)."""
    doc = analysis.doc
    mentions = [m for a in analysis.actors if a.id == actor_id for m in a.mentions
                if sentence[0] <= m.start < sentence[1]]
    if doc is None or not mentions:
        return False
    places = {p.start for p in analysis.places if p.role == "location"}
    return all(_after_location_noun(doc, m.start) or (m.start in places and _in_locative(doc, m.start))
               for m in mentions)


def _in_locative(doc: Doc, start: int) -> bool:
    """ "shopkeepers in Mashhad", "a rally at Kayes": a place name a preposition of place governs."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    token = doc[span.start]
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS


LOCATIVE_PREPOSITIONS = word_table("events.place.locative_prepositions")


def _after_location_noun(doc: Doc, start: int) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.lower_ == "of" and span.start > 1:
        before = doc[span.start - 2]
    return before.lemma_.lower() in LOCATION_NOUNS


def names_a_town(analysis: Analysis, actor_id: str, countries_too: bool = False) -> bool:
    """Whether every mention of the actor is the name of a located place below a country (a town, site,
    province or region): "struck Kharkiv", "vowed to recapture Idlib", "returned to the streets of Tbilisi"
    name where the event happened or what was fought over, not whom it was done to. Countries stay actors
    ("attacked Ukraine": its government), unless `countries_too` (where the displaced fled to)."""
    places = {(p.start, p.end) for p, _ in build_index(analysis).places
              if countries_too or not (p.feature_code or "").startswith("PCL")}
    mentions = [m for a in analysis.actors if a.id == actor_id for m in a.mentions]
    return bool(mentions) and all((m.start, m.end) in places for m in mentions)


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


MAX_PLACES_TOGETHER = 8  # "protests in Paris, Lyon, Marseille …": more than this is a list, not events told


def places_named_together(analysis: Analysis, place: EventPlace | None, trigger: Token) -> list[Place]:
    """The places named together with the event's place in one phrase of place ("bombs exploded in Kano and
    Kaduna", "protests in Paris, France, and Berlin, Germany"; with no place of its own, countries named together
    on a plural place noun that is the event's: "blasts in the Malian and Nigerien border towns"), none of which
    another of them contains, in text order; [] when the event's place stands alone. ACLED codes one event per
    location, so an event told of several places at once is one event at each (`place.one_event_per_place`)."""
    return _named_with(analysis, place) or _countries_on_a_place_noun(analysis, trigger)


def _named_with(analysis: Analysis, place: EventPlace | None) -> list[Place]:
    doc = analysis.doc
    if doc is None or place is None or place.source != "sentence":
        return []
    index = build_index(analysis)
    heads = {h: p for p, h in index.places if p.lat is not None and p.start not in index.strays}
    own = next((h for h, p in heads.items() if p.start == place.start and p.end == place.end), None)
    if own is None:
        return []
    root = doc[own]
    while root.dep_ in _TOGETHER and root.head.i != root.i:
        root = root.head
    if root.i not in heads or root.dep_ != "pobj" or root.head.lower_ not in LOCATIVE_PREPOSITIONS:
        return []
    chain = _together(root)
    if not _coordinated(chain):
        return []  # "in Coatzacoalcos, Veracruz": a town and what holds it, however the gazetteer reads the second
    return _apart([heads[t.i] for t in chain if t.i in heads])


_TOGETHER = frozenset({"conj", "appos"})  # "Kano and Kaduna"; "Nairobi, Kenya, and Kampala, Uganda"


def _together(root: Token) -> list[Token]:
    """The root and the words joined to it as conjuncts or appositions, in text order."""
    chain, todo = [], [root]
    while todo:
        token = todo.pop()
        chain.append(token)
        todo += [c for c in token.children if c.dep_ in _TOGETHER]
    return sorted(chain, key=lambda t: t.i)


def _coordinated(chain: list[Token]) -> bool:
    """Whether "and"/"or" joins the words: a list of places, not a place and what holds it."""
    return any(c.dep_ == "cc" for t in chain for c in t.children)


def _apart(named: list[Place]) -> list[Place]:
    apart: list[Place] = []
    for p in named:
        if not any(q is not p and _contains(p, q) for q in named) and \
                not any((p.geonameid or p.name) == (q.geonameid or q.name) for q in apart):
            apart.append(p)
    return apart if 2 <= len(apart) <= MAX_PLACES_TOGETHER else []


def _countries_on_a_place_noun(analysis: Analysis, trigger: Token) -> list[Place]:
    """ "blasts outside the consulates in the Malian and Nigerien capitals": a plural place noun governed by a
    preposition of place, attached to the trigger, modified by country adjectives joined by "and"."""
    demonyms = {p.start: p for p in analysis.places if p.lat is not None and (p.feature_code or "").startswith("PCL")}
    for token in trigger.sent:
        if token.tag_ != "NNS" or token.lemma_.lower() not in LOCATION_NOUNS or token.dep_ != "pobj" \
                or token.head.lower_ not in LOCATIVE_PREPOSITIONS \
                or trigger not in list(token.ancestors)[:_ATTACH_DEPTH + 2]:  # "outside the embassies in …"
            continue
        first = next((c for c in token.children if c.dep_ == "amod" and c.idx in demonyms), None)
        if first is None:
            continue
        chain = _together(first)
        if _coordinated(chain):
            return _apart([demonyms[t.idx] for t in chain if t.idx in demonyms])
    return []


def _contains(outer: Place, inner: Place) -> bool:
    """A country holds its towns and provinces; a first-level division its towns ("Nairobi, Kenya")."""
    if outer.country is None or outer.country != inner.country:
        return False
    if (outer.feature_code or "").startswith("PCL"):
        return not (inner.feature_code or "").startswith("PCL")
    return outer.feature_code == "ADM1" and outer.admin1 is not None and outer.admin1 == inner.admin1 \
        and _size_rank(inner) < _size_rank(outer)


def as_event_place(place: Place) -> EventPlace:
    """A place the sentence names, as an event's place at its own precision."""
    return _as_event_place(place, "sentence", place.precision or 3)
