"""Code one actor phrase: kind, canonical name, country, sectors and title.

Country comes, in order, from the knowledge base entry, from the phrase's own words (demonyms,
country names, possessives: "Turkey's Defence Ministry", "Russian jets") and, for phrases that name
an institution or armed group without saying whose ("the government", "rebels", "pro-regime
forces"), from the article context later (``needs_context``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import pycountry

from ..countries import Country, lookup_country
from ..models import Place
from .kb import KBEntry, ShippedKB
from .lexicon import (
    CAPITALS,
    ETHNIC,
    FORMER,
    GENERIC_HEADS,
    HEADS,
    MODIFIERS,
    PRO_GOVERNMENT,
    REGIONS,
    TITLES,
)
from .names import fold
from .phrases import Phrase, head_lemma

ROLE_HEADS = frozenset({"official", "leader", "spokesman", "spokeswoman", "spokesperson", "commander",
                        "delegation", "envoy", "negotiator", "source", "chief", "agent", "adviser", "advisor",
                        "personnel", "administrator", "ruler"}) | GENERIC_HEADS
_PROTESTERS = {"protester": "protesters", "protestor": "protesters", "demonstrator": "protesters",
               "rioter": "rioters", "mob": "rioters"}
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "conj", "appos"})
_ARGUMENT_PREPS = frozenset({"against", "with", "by", "between"})
_DIRECTION = re.compile(r"^(?:the\s+)?(?:north|south|east|west|northern|southern|eastern|western|central|"
                        r"north-?eastern|north-?western|south-?eastern|south-?western|upper|lower)\s+",
                        re.IGNORECASE)
_CONTEXT_PREPS = frozenset({"in", "of", "from", "inside"})
_QUANTITY_WORDS = frozenset({"hundred", "thousand", "million", "dozen", "score", "group", "number", "crowd",
                             "hundreds", "thousands", "millions", "dozens", "scores"})
_MUST_HAVE_COUNTRY = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "REB", "OPP", "CVL", "REF", "UAF"})

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class NameSource:
    """Looks names up in the shipped knowledge base, then in the learned one (if any)."""

    def __init__(self, shipped: ShippedKB, learned: object | None = None):
        self.shipped = shipped
        self.learned = learned

    def lookup(self, name: str, date: str | None, *, allow_surname: bool = True) -> KBEntry | None:
        entry = self.shipped.lookup(name, date, allow_surname=allow_surname)
        if entry is None and self.learned is not None:
            entry = self.learned.lookup(name, date, allow_surname=allow_surname)  # type: ignore[attr-defined]
        return entry


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    head: int
    kind: str
    name: str
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    title: str | None = None
    kb: KBEntry | None = None
    militia: bool = False
    protest: str | None = None
    needs_context: bool = False
    person_name: str | None = None
    head_word: str = ""
    people: bool = False
    place: bool = False
    confidence: float = 0.7


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i:tokens[-1].i + 1].text


def strip_possessive(text: str) -> str:
    return re.sub(r"\s*['’]s?$", "", text.strip())


def _joined(tokens: list[Token]) -> str:
    """Lower-case text with spaces around hyphens removed ("pro - regime" → "pro-regime")."""
    return re.sub(r"\s*-\s*", "-", _text(tokens).lower())


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
    extra = [m for m in mods if m not in head and not (m == "GOV" and head != ["GOV"])]
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


@dataclass
class Coder:
    """Turns phrases into coded candidates; holds the knowledge bases (load once per process)."""

    names: NameSource
    date: str | None = None
    places: list[Place] = field(default_factory=list)

    def code(self, phrase: Phrase) -> list[Candidate]:
        """Coded candidates of a phrase: one, or one per country in "French and Egyptian warships"."""
        cand = self._code_one(phrase)
        if cand is None:
            return []
        if cand.kind in ("nominal", "organization") and cand.kb is None:
            return split_coordination(cand, phrase, self.names, self.date)
        return [cand]

    def _code_one(self, phrase: Phrase) -> Candidate | None:
        if phrase.person is not None:
            return self._person(phrase)
        ent = phrase.entity
        if ent is not None and ent.label_ in ("GPE", "NORP", "LOC") and ent.root.i == phrase.head.i:
            return self._place_or_people(phrase)
        if ent is not None and ent.label_ == "ORG" and lookup_country(strip_possessive(ent.text)) is not None:
            return self._state(phrase, lookup_country(strip_possessive(ent.text)))  # type: ignore[arg-type]
        entry = self._kb_entry(phrase)
        if entry is not None:
            return self._organisation(phrase, entry)
        if self._is_lexicon(phrase):
            return self._nominal(phrase)
        country = lookup_country(strip_possessive(phrase.head.text)) if phrase.head.text[:1].isupper() else None
        if country is not None and ent is None:  # a country word the NER missed
            if phrase.head.tag_ in ("NNS", "NNPS"):
                return self._people(phrase, country.alpha3)
            return self._state(phrase, country)
        if ent is not None and ent.label_ == "ORG":
            return self._unknown_org(phrase)
        return None

    # ---------------------------------------------------------------- kinds
    def _base(self, phrase: Phrase, kind: str, name: str) -> Candidate:
        return Candidate(start=phrase.start, end=phrase.end, text=_text(phrase.tokens), head=phrase.head.i,
                         kind=kind, name=name, head_word=head_lemma(phrase.head))

    def _person(self, phrase: Phrase) -> Candidate | None:
        assert phrase.person is not None
        name = strip_possessive(phrase.person.text)
        if phrase.head.tag_ in ("NNS", "NNPS") and lookup_country(phrase.person[0].text) is not None:
            return self._people(phrase, lookup_country(phrase.person[0].text).alpha3)  # type: ignore[union-attr]
        if lookup_country(name) is not None:  # "Sri Lanka", "Benin" taken for people by the NER
            return self._state(phrase, lookup_country(name))  # type: ignore[arg-type]
        if self._is_place(phrase.person.start_char, phrase.person.end_char) and self.names.lookup(name, None) is None:
            return None  # a town the NER took for a person ("Maaret al-Numan")
        rest = [t for t in phrase.tokens if t.i < phrase.person.start or t.i >= phrase.person.end]
        cand = self._base(phrase, "person", name)
        cand.person_name = name
        entry = self.names.lookup(name, self.date)
        title = find_title(rest)
        country = modifier_country(rest, self.names, self.date)
        former = any(t.lower_ in FORMER for t in rest)
        title = title or appositive_role(rest)
        if entry is not None and entry.kind == "person":
            cand.kb, cand.name = entry, entry.name
            cand.country = entry.country or country
            cand.sectors = list(title[0]) if title and title[0] else list(entry.sectors)  # the article's title wins
            cand.title = title[1] if title else entry.title
            cand.confidence = 0.9
        else:
            cand.country = country
            cand.sectors = list(title[0]) if title else []
            cand.title = title[1] if title else None
            cand.needs_context = title is not None and country is None
        if former and cand.sectors != ["ELI"]:
            cand.sectors, cand.title = ["ELI"], f"former {cand.title}" if cand.title else "former official"
        return cand

    def _is_place(self, start: int, end: int) -> bool:
        return any(p.start < end and start < p.end and p.role == "location" for p in self.places)

    def _place_or_people(self, phrase: Phrase) -> Candidate | None:
        ent = phrase.entity
        assert ent is not None
        country = lookup_country(strip_possessive(ent.text))
        if country is None:
            return self._city(phrase) if ent.label_ in ("GPE", "LOC") else self._group_name(phrase)
        if ent.label_ == "NORP" and phrase.head.tag_ in ("NNS", "NNPS") and phrase.head.text.endswith("s"):
            return self._people(phrase, country.alpha3)
        return self._state(phrase, country)

    def _state(self, phrase: Phrase, country: Country) -> Candidate:
        cand = self._base(phrase, "state", country.name)
        cand.country, cand.head_word, cand.confidence = country.alpha3, "", 0.9
        return cand

    def _people(self, phrase: Phrase, country: str | None) -> Candidate:
        """A people named by its plural ("Syrians", "ethnic Albanians", "Kurds"). Bare ("the
        Palestinians reject …") it stands for its side, coded by country alone; counted or described
        ("4,000 Syrians", "young Algerians") it is people, CVL. A minority ("ethnic …") belongs to the
        country it lives in (from context)."""
        cand = self._base(phrase, "nominal", _text([t for t in phrase.tokens if t.dep_ != "det"]))
        cand.head_word, cand.people = fold(phrase.head.text), True
        ethnic = any(t.lower_ in ETHNIC for t in phrase.modifiers)
        where = prep_country(phrase.head, self.places)
        cand.country = where or (None if ethnic else country or modifier_country(phrase.modifiers, self.names,
                                                                                  self.date))
        cand.sectors = ["REF"] if phrase.flight else ["CVL"] if counted(phrase.head) or ethnic else []
        cand.needs_context = cand.country is None
        return cand

    def _city(self, phrase: Phrase) -> Candidate | None:
        """A town or region as an actor (PLOVER: cities CVL; a capital as subject or object GOV)."""
        ent = phrase.entity
        assert ent is not None
        country, capital = place_country(self.places, ent.start_char, ent.end_char)
        part = country_name(ent.text)
        region = part is not None
        if region:  # "South Lebanon", "West Bank": part of a country, not a town
            country, capital = part, False
        if country is None and ent.text in CAPITALS:
            country, capital = CAPITALS[ent.text], True
        if country is None:
            return None
        feature = place_feature(self.places, ent.start_char, ent.end_char)
        cand = self._base(phrase, "nominal", ent.text)
        cand.country, cand.head_word, cand.place = country, fold(ent.text), True
        if capital and (ent.root.dep_ in ("nsubj", "nsubjpass", "dobj") or is_agent(ent.root)):
            cand.sectors, cand.kind = ["GOV"], "state"
        elif not capital and not region and (feature is None or feature.startswith("PPL")):
            cand.sectors = ["CVL"]
        cand.confidence = 0.6 if is_argument(ent.root) else 0.4
        return cand

    def _group_name(self, phrase: Phrase) -> Candidate | None:
        """A NORP that the knowledge base knows as a group ("Houthis", "Taliban")."""
        entry = self._kb_entry(phrase)
        if entry is not None:
            return self._organisation(phrase, entry)
        if phrase.head.tag_ in ("NNS", "NNPS") and phrase.head.text.endswith("s"):
            return self._people(phrase, None)
        return None

    def _kb_entry(self, phrase: Phrase) -> KBEntry | None:
        texts = [phrase.entity.text] if phrase.entity is not None else []
        texts.append(_text(phrase.tokens))
        if not self._is_lexicon(phrase):
            texts.append(phrase.head.text)
        for text in texts:
            entry = self.names.lookup(strip_possessive(text), self.date, allow_surname=False)
            if entry is not None and entry.kind != "person":
                return entry
        return None

    def _is_lexicon(self, phrase: Phrase) -> bool:
        return head_lemma(phrase.head) in HEADS

    def _organisation(self, phrase: Phrase, entry: KBEntry) -> Candidate:
        cand = self._base(phrase, entry.kind if entry.kind in ("organization", "group") else "organization",
                          entry.name)
        cand.kb, cand.sectors, cand.confidence = entry, list(entry.sectors), 0.9
        cand.country = entry.country or modifier_country(phrase.modifiers, self.names, self.date)
        cand.needs_context = cand.country is None
        return cand

    def _nominal(self, phrase: Phrase) -> Candidate | None:
        lemma = head_lemma(phrase.head)
        mods = phrase.modifiers
        joined = _joined(phrase.tokens)
        cand = self._base(phrase, "nominal", _text([t for t in phrase.tokens if t.dep_ != "det"]))
        cand.head_word = lemma
        cand.sectors = nominal_sectors(lemma, modifier_sectors(mods))
        cand.country = modifier_country(mods, self.names, self.date)
        owner = self._kb_modifier(mods)
        if owner is not None:  # "Hamas official", "UN troops", "Red Cross officials"
            cand.country = owner.country or cand.country
            if lemma in ROLE_HEADS:
                cand.sectors = list(owner.sectors)
        cand.militia = any(word in joined for word in PRO_GOVERNMENT)
        if cand.militia:
            cand.sectors = ["MIL"]
        if phrase.flight:
            cand.sectors = ["REF"]
        if any(t.lower_ in FORMER for t in mods):
            cand.sectors = ["ELI"]
        title = find_title([*mods, phrase.head])
        cand.title = title[1] if title else None
        cand.protest = _PROTESTERS.get(lemma)
        if phrase.entity is not None and phrase.entity.label_ == "ORG":
            cand.kind = "organization"
        if not cand.sectors and cand.country is None:
            return None  # "the group", "the side": nothing to code
        if any(t.lower_ in ETHNIC for t in mods):
            cand.country = None  # "ethnic Albanian guerrillas" in Macedonia: the country they live in
        if cand.country is None and cand.sectors == ["NGO"]:
            cand.country = "NGO"  # CAMEO codes an unnamed non-governmental organisation as NGO
        if cand.country is None and "peacekeep" in joined:
            cand.country = "IGO"  # peacekeepers of no stated country serve an international organisation
        cand.needs_context = cand.country is None
        cand.confidence = 0.7 if cand.country else 0.5
        return cand

    def _place_inside(self, ent: Span) -> str | None:
        """Country of a place named inside an organisation's name ("Baghdad University")."""
        for token in ent:
            if token.text in CAPITALS:
                return CAPITALS[token.text]
        return place_country(self.places, ent.start_char, ent.end_char)[0]

    def _kb_modifier(self, mods: list[Token]) -> KBEntry | None:
        for token in reversed(mods):
            for text in dict.fromkeys((strip_possessive(entity_text(token)), strip_possessive(token.text))):
                entry = self.names.lookup(text, self.date, allow_surname=False)
                if entry is not None and entry.kind != "person":
                    return entry
        return None

    def _unknown_org(self, phrase: Phrase) -> Candidate:
        ent = phrase.entity
        assert ent is not None
        name = strip_possessive(ent.text)
        entry = self.names.lookup(name, self.date)
        title = find_title([t for t in phrase.tokens if t.i < ent.start])
        if (entry is None or entry.kind == "person") and title is not None and len(ent) > 1:
            phrase.person = ent  # "Vice-President Moody Awori": a titled name the NER took for an organisation
            return self._person(phrase)
        if entry is not None and entry.kind == "person":  # a known person the NER took for an organisation
            cand = self._base(phrase, "person", entry.name)
            cand.kb, cand.person_name, cand.country = entry, name, entry.country
            cand.sectors, cand.title, cand.confidence = list(entry.sectors), entry.title, 0.8
            return cand
        cand = self._base(phrase, "organization", name)
        inner = [t for t in ent if head_lemma(t) in HEADS]
        if inner:
            cand.sectors = list(HEADS[head_lemma(inner[-1])])
        cand.country = modifier_country(list(phrase.tokens), self.names, self.date) or self._place_inside(ent)
        cand.needs_context = cand.country is None and bool(set(cand.sectors) & _MUST_HAVE_COUNTRY)
        cand.confidence = 0.5
        return cand


def split_coordination(cand: Candidate, phrase: Phrase, names: NameSource, date: str | None) -> list[Candidate]:
    """"Hungarian and Romanian officials" → a Hungarian and a Romanian actor with the same sectors;
    each but the last is mentioned by its own modifier word."""
    chain = [t for t in phrase.modifiers
             if t.dep_ == "conj" and t.head in phrase.modifiers or any(c.dep_ == "conj" for c in t.children)]
    coded = [(t, country_of_token(t, names, date)) for t in chain if t.i != phrase.head.i]
    coded = [(t, c) for t, c in coded if c is not None]
    if len({c for _, c in coded}) < 2:
        return [cand]
    parts = []
    for token, country in coded[:-1]:
        part = replace(cand, start=token.idx, end=token.idx + len(token.text), text=token.text,
                       country=country, name=f"{token.text} {cand.head_word}")
        part.needs_context = False
        parts.append(part)
    last, country = coded[-1]
    text = cand.text[last.idx - cand.start:]
    parts.append(replace(cand, start=last.idx, text=text, country=country, name=text, needs_context=False))
    return parts
