"""Code one actor phrase: kind, canonical name, country, sectors and title.

Country comes, in order, from the knowledge base entry, from the phrase's own words (demonyms,
country names, possessives: "Turkey's Defence Ministry", "Russian jets") and, for phrases that name
an institution or armed group without saying whose ("the government", "rebels", "pro-regime
forces"), from the article context later (``needs_context``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..countries import Country
from ..models import Place
from ..nlp.tokens import token_table
from .kb import KBEntry, NameSource
from .lexicon import (
    CAPITALS,
    ETHNIC,
    FORMER,
    HEADS,
    HERDERS,
    IDENTITY,
    IDENTITY_HEADS,
    MILITIA_HEADS,
    MODIFIERS,
    MULTINATIONAL,
    NON_STATE_FORCES,
    PEOPLE_NOUNS,
    PRIVATE_FORCES,
    PRO_GOVERNMENT,
    STATE_GUARDS,
)
from .names import fold
from .phrases import Phrase, head_lemma, is_lexicon_head, listed_before
from .words import (
    ROLE_HEADS,
    appositive_role,
    counted,
    country_name,
    country_of_token,
    entity_text,
    find_title,
    is_agent,
    is_argument,
    joined_text,
    lookup_country,
    modifier_country,
    modifier_sectors,
    nominal_sectors,
    place_country,
    place_feature,
    prep_country,
    strip_possessive,
    tokens_text,
)

_PROTESTERS = {"protester": "protesters", "protestor": "protesters", "demonstrator": "protesters",
               "rioter": "rioters", "mob": "rioters"}
_ARMED = frozenset({"MIL", "COP", "REB", "UAF", "SPY"})
_CIVIL = frozenset({"OPP", "MED", "LAB", "EDU", "REL", "JUD", "HLH", "REF", "BUS", "NGO"})
_MUST_HAVE_COUNTRY = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "REB", "OPP", "CVL", "REF", "UAF"})

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


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
    identity: bool = False  # a militia of an ethnic group, clan, tribe or community (ACLED: identity militia)
    owner_acled: int | None = None  # the ACLED category of the group whose forces these are ("pro-Houthi fighters")
    other_forces: bool = False  # guards or fighters for hire, several states' forces (ACLED: other forces, 8)
    protest: str | None = None
    needs_context: bool = False
    person_name: str | None = None
    head_word: str = ""
    people: bool = False
    place: bool = False
    confidence: float = 0.7
    label: str = ""  # the words that name one group among its kind: "GNA" forces, "pro-Houthi" fighters
    plural: bool = False  # a plural count noun ("men", not "police"): "a man" and "a group of men" are two actors


@dataclass
class Coder:
    """Turns phrases into coded candidates; holds the knowledge bases (load once per process)."""

    names: NameSource
    date: str | None = None
    places: list[Place] = field(default_factory=list)

    def code(self, phrase: Phrase) -> list[Candidate]:
        """Coded candidates of a phrase: one, or one per country in "French and Egyptian warships"."""
        cand = self._code_one(phrase)
        shared = self._shared_head(phrase) if cand is None or (cand.kb is None and not cand.sectors) else None
        if shared is not None:  # "between Beni Amer and Al Qasimi tribesmen": the first name's tribesmen too
            return [shared]
        if cand is None:
            return []
        if cand.kind in ("nominal", "organization") and cand.kb is None:
            parts = split_coordination(cand, phrase, self.names, self.date)
            return parts if len(parts) > 1 else self._split_sides(cand, phrase)
        return [cand]

    def _shared_head(self, phrase: Phrase) -> Candidate | None:
        """A name that nothing codes, joined by "and" to a group noun that another name modifies ("ANC and EFF
        supporters", "Beni Amer and Al Qasimi tribesmen"): the noun is the first name's too, coded with it."""
        head = phrase.head
        if head.pos_ != "PROPN" or head.ent_type_ in ("GPE", "LOC", "FAC") or self._is_place(phrase.start, phrase.end):
            return None  # "Moscow and other cities": a place, not a group
        noun = next((c for c in head.children if c.dep_ == "conj" and c.i > head.i), None)
        if noun is None or noun.tag_ not in ("NNS", "NNPS") or not is_lexicon_head(noun) or not any(
                c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" for c in noun.children):
            return None
        if any(c.dep_ in ("det", "nummod", "poss") for c in noun.children):
            return None  # "killed Ahmed Nasser and three Hamas fighters": a group of its own
        tokens = [t for t in phrase.tokens if t.dep_ != "det"]
        part = Phrase(head=noun, tokens=[*tokens, noun], modifiers=tokens)
        coded = self._nominal(part)
        if coded is None:
            return None
        text = tokens_text(phrase.tokens)
        return replace(coded, start=phrase.start, end=phrase.end, text=text, head=head.i,
                       name=f"{strip_possessive(text)} {noun.text}")

    def _split_sides(self, cand: Candidate, phrase: Phrase) -> list[Candidate]:
        """"government and opposition forces", "GNA and LNA forces": coordinated words before one group noun
        that name two sides of one country, each coded as its own group (coded alike, they stay one actor:
        "state and municipal police")."""
        chain = coordinated_modifiers(phrase)
        if len(chain) < 2 or cand.kind != "nominal" or not any(c.dep_ == "cc" for t in chain for c in t.children):
            return [cand]  # "in X, Y, workers": places in a list, not sides
        if any(t.ent_type_ in ("GPE", "LOC", "FAC") or self._is_place(t.idx, t.idx + len(t.text)) for t in chain):
            return [cand]
        if any(t.ent_type_ and t.ent_iob_ == "I" for t in phrase.head.doc[chain[0].i + 1:chain[-1].i + 1]):
            return [cand]  # one name with "and" in it ("Immigration and Customs Enforcement")
        tail = [t for t in phrase.modifiers if t.i > chain[-1].i and t not in chain]  # "affiliated" forces
        coded = []
        for token in chain:
            words = own_words(token)
            part = Phrase(head=phrase.head, tokens=sorted([*words, *tail, phrase.head], key=lambda t: t.i),
                          modifiers=[*words, *tail], flight=phrase.flight)
            sub = self._nominal(part)
            if sub is None:
                return [cand]
            coded.append((words, sub))
        if len({(c.sectors and c.sectors[0], c.country, c.owner_acled, c.label, c.militia, c.identity, c.other_forces)
                for _, c in coded}) < 2:
            return [cand]
        if not any(c.militia or _ARMED & set(c.sectors) for _, c in coded):
            return [cand]  # "elderly and disabled residents": kinds of one group, not sides
        text_of = token_table(phrase.head.doc).text  # not doc.text, which joins every token again
        parts = []
        for words, sub in coded[:-1]:
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            text = text_of[start:end]
            parts.append(replace(sub, start=start, end=end, text=text, head=cand.head,
                                 name=f"{text} {phrase.head.text}", confidence=cand.confidence))
        words, last = coded[-1]
        start = words[0].idx
        text = text_of[start:cand.end]
        parts.append(replace(last, start=start, end=cand.end, text=text, head=cand.head, name=text,
                             confidence=cand.confidence))
        return parts

    def _code_one(self, phrase: Phrase) -> Candidate | None:
        if phrase.person is not None:
            return self._person(phrase)
        ent = phrase.entity
        if ent is not None and ent.label_ in ("GPE", "NORP", "LOC") and ent.root.i == phrase.head.i:
            return self._place_or_people(phrase)
        named = lookup_country(strip_possessive(ent.text)) if ent is not None and ent.label_ == "ORG" else None
        if named is not None:
            return self._state(phrase, named)
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
        head = phrase.head
        return Candidate(start=phrase.start, end=phrase.end, text=tokens_text(phrase.tokens), head=head.i,
                         kind=kind, name=name, head_word=head_lemma(head),
                         plural=head.tag_ in ("NNS", "NNPS") and head.lower_ != head.lemma_.lower())

    def _person(self, phrase: Phrase) -> Candidate | None:
        assert phrase.person is not None
        name = strip_possessive(phrase.person.text)
        first = lookup_country(phrase.person[0].text) if phrase.head.tag_ in ("NNS", "NNPS") else None
        if first is not None:
            return self._people(phrase, first.alpha3)
        if (named := lookup_country(name)) is not None:  # "Sri Lanka", "Benin" taken for people by the NER
            return self._state(phrase, named)
        if self._is_place(phrase.person.start_char, phrase.person.end_char) and self.names.lookup(name, None) is None:
            return None  # a town the NER took for a person ("Maaret al-Numan")
        entry = self.names.lookup(name, self.date)
        if entry is not None and entry.kind != "person":
            return self._organisation(phrase, entry)  # a known group the NER took for a person ("Boko Haram")
        rest = [t for t in phrase.tokens if t.i < phrase.person.start or t.i >= phrase.person.end]
        cand = self._base(phrase, "person", name)
        cand.person_name = name
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
        if ent.label_ == "NORP" and (one_of_a_people(phrase.head) or of_people(phrase.head) or owners(ent)):
            return self._people(phrase, country.alpha3, counted_as_people=True)
        return self._state(phrase, country)

    def _state(self, phrase: Phrase, country: Country) -> Candidate:
        cand = self._base(phrase, "state", country.name)
        cand.country, cand.head_word, cand.confidence = country.alpha3, "", 0.9
        return cand

    def _people(self, phrase: Phrase, country: str | None, counted_as_people: bool = False) -> Candidate:
        """A people named by its plural ("Syrians", "ethnic Albanians", "Kurds"). Bare ("the
        Palestinians reject …") it stands for its side, coded by country alone; counted or described
        ("4,000 Syrians", "young Algerians") it is people, CVL. A minority ("ethnic …") belongs to the
        country it lives in (from context)."""
        cand = self._base(phrase, "nominal", tokens_text([t for t in phrase.tokens if t.dep_ != "det"]))
        cand.head_word, cand.people = fold(phrase.head.text), True
        ethnic = any(t.lower_ in ETHNIC for t in phrase.modifiers)
        where = prep_country(phrase.head, self.places)
        cand.country = where or (None if ethnic else country or modifier_country(phrase.modifiers, self.names,
                                                                                  self.date))
        cand.sectors = ["REF"] if phrase.flight else ["CVL"] if counted(phrase.head) or ethnic or counted_as_people \
            else []
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
        texts.append(tokens_text(phrase.tokens))
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
        """A group named by a common noun ("Syrian troops", "Hamas officials"); None when nothing codes it."""
        lemma = head_lemma(phrase.head)
        cand = self._base(phrase, "nominal", tokens_text([t for t in phrase.tokens if t.dep_ != "det"]))
        cand.head_word = lemma
        self._code_modifiers(cand, phrase, lemma)
        title = find_title([*phrase.modifiers, phrase.head])
        cand.title = title[1] if title else None
        cand.protest = _PROTESTERS.get(lemma)
        if phrase.entity is not None and phrase.entity.label_ == "ORG":
            cand.kind = "organization"
        if not cand.sectors and cand.country is None:
            return None  # "the group", "the side": nothing to code
        cand.country = _nominal_country(cand, phrase)
        cand.needs_context = cand.country is None
        cand.confidence = 0.7 if cand.country else 0.5
        return cand

    def _code_modifiers(self, cand: Candidate, phrase: Phrase, lemma: str) -> None:
        """Sectors and country from the words before the head: an owner the knowledge base knows
        ("Hamas official", "UN troops"), then words that override the sectors ("pro-government", "former")."""
        mods = phrase.modifiers
        cand.sectors = nominal_sectors(lemma, modifier_sectors(mods))
        cand.country = modifier_country(mods, self.names, self.date)
        owner = self._kb_modifier(mods)
        if owner is not None and any(t.lower_ in ("anti", "anti-") for t in mods):
            cand.country = owner.country or cand.country
            owner = None  # "anti-Houthi forces" fight the Houthis: they are not theirs
        if owner is not None:
            cand.country = owner.country or cand.country
            cand.owner_acled = owner.acled
            if lemma in ROLE_HEADS:
                cand.sectors = list(owner.sectors)
            elif ARMED_GROUPS & set(owner.sectors) and (lemma in MILITIA_HEADS or "UAF" in cand.sectors):
                cand.sectors = list(owner.sectors)  # "Taliban snipers", "ADF militiamen": members of the group
        text = joined_text(phrase.tokens)
        civil = bool(set(HEADS.get(lemma, ())) & _CIVIL)  # "pro-Russian activists" are activists, not a militia
        cand.militia = not civil and (any(word in text for word in PRO_GOVERNMENT) or (
            "MIL" in cand.sectors and any(word in text.split() for word in NON_STATE_FORCES)))
        if cand.militia:
            cand.sectors = ["MIL"]
        elif lemma in MILITIA_HEADS and "REB" not in cand.sectors:
            cand.militia = True  # a militia nobody calls rebels: ACLED's political militia …
            named = owner is None and phrase.head.text.islower()  # not a name of its own ("People's Militia")
            cand.identity = lemma in IDENTITY_HEADS or any(identity_word(t, named) for t in mods) \
                or of_a_community(phrase.head)  # … or a people's ("militiamen from the Saad clan")
        elif "UAF" in cand.sectors and owner is None and (lemma in IDENTITY or any(t.lower_ in IDENTITY or (
                t.ent_type_ == "NORP" and lookup_country(t.text) is None) for t in mods)):
            cand.militia = cand.identity = True  # "Fulani gunmen", "armed herders": a people's armed men (ACLED:
            # identity militia)
        elif lemma in HERDERS and owner is None and _a_doer(phrase.head):
            cand.sectors = ["UAF"]  # "herders killed ten farmers": the doers are a community's armed men
            cand.militia = cand.identity = True
        words = set(text.split())
        cand.other_forces = (any(word in text for word in PRIVATE_FORCES) and not STATE_GUARDS & words) or (
            "MIL" in cand.sectors and bool(MULTINATIONAL & words))
        cand.label = naming_label(mods, self.names, self.date)
        if phrase.flight:
            cand.sectors = ["REF"]
        if any(t.lower_ in FORMER for t in mods):
            cand.sectors = ["ELI"]

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

    def _unknown_org(self, phrase: Phrase) -> Candidate | None:
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


def _nominal_country(cand: Candidate, phrase: Phrase) -> str | None:
    """The country a coded nominal keeps, or the code CAMEO gives a group of no stated country."""
    country = cand.country
    if any(t.lower_ in ETHNIC for t in phrase.modifiers):
        country = None  # "ethnic Albanian guerrillas" in Macedonia: the country they live in
    if country is None and cand.sectors == ["NGO"]:
        return "NGO"  # CAMEO codes an unnamed non-governmental organisation as NGO
    if country is None and "peacekeep" in joined_text(phrase.tokens):
        return "IGO"  # peacekeepers of no stated country serve an international organisation
    return country


def coordinated_modifiers(phrase: Phrase) -> list[Token]:
    """The words before the head that a conjunction joins ("Hungarian" and "Romanian" of "Hungarian and
    Romanian officials"), with those a comma adds before them ("Czech, Hungarian and Romanian officials")."""
    chain = [t for t in phrase.modifiers
             if t.dep_ == "conj" and t.head in phrase.modifiers or any(c.dep_ == "conj" for c in t.children)]
    return listed_before(chain, phrase.modifiers)


def own_words(token: Token) -> list[Token]:
    """A coordinated modifier with its own words, not those of what it is joined to ("pro-Hadi" of "pro-Hadi
    and tribal forces")."""
    joined = {t.i for c in token.children if c.dep_ in ("conj", "cc", "punct") and c.i > token.i for t in c.subtree}
    return [t for t in token.subtree if t.i not in joined]


def split_coordination(cand: Candidate, phrase: Phrase, names: NameSource, date: str | None) -> list[Candidate]:
    """"Hungarian and Romanian officials" → a Hungarian and a Romanian actor with the same sectors;
    each but the last is mentioned by its own modifier word."""
    chain = coordinated_modifiers(phrase)
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


ARMED_GROUPS = frozenset({"REB", "UAF"})


def naming_label(mods: list[Token], names: NameSource, date: str | None) -> str:
    """The modifiers that tell one group of a kind from another in an article: names and acronyms that are no
    country ("GNA forces", "LNA forces"; "Hamas officials", "Fatah officials") and sides ("pro-Houthi", "anti-Houthi"
    forces); not words that give a sector ("Defence Ministry", "Government forces") or a country ("Turkish")."""
    words = []
    for token in mods:
        lower = token.lower_
        if lower in HEADS or lower in MODIFIERS or token.is_sent_start:
            continue
        if not token.text[:1].isupper() or country_of_token(token, names, date) is not None and not _side_of(token):
            continue
        words.append(f"{_side_of(token)}-{lower}" if _side_of(token) else lower)
    return " ".join(words)


def _side_of(token: Token) -> str:
    """ "pro" or "anti" before a hyphen: the side a group is on ("pro-Houthi", "anti-government")."""
    if token.i < 2:
        return ""
    hyphen, prefix = token.nbor(-1), token.nbor(-2)
    return prefix.lower_ if hyphen.text == "-" and prefix.lower_ in ("pro", "anti") else ""


def one_of_a_people(head: Token) -> bool:
    """A demonym used as a noun for one person: "shot a Palestinian", "another Afghan was hurt"."""
    as_noun = head.pos_ in ("NOUN", "PROPN") or head.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "conj")
    return as_noun and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in head.children)


def owners(ent: Span) -> bool:
    """A demonym joined to "owned" ("a Palestinian-owned house", "Kurdish-owned shops"): the people who own
    it, not their state."""
    after = ent.doc[ent.end:ent.end + 2]
    return len(after) == 2 and after[0].text in ("-", "‑") and after[1].lower_ == "owned"


def of_people(head: Token) -> bool:
    """A demonym describing people the next noun names ("twelve Sudanese herders", "Afghan villagers"): those
    people, not their state."""
    noun = head.head
    return (head.dep_ in ("amod", "compound", "nmod") and noun.i != head.i and noun.tag_ in ("NNS", "NNPS")
            and noun.lemma_.lower() in PEOPLE_NOUNS)


def _a_doer(head: Token) -> bool:
    """The subject of its clause, or the agent of a passive ("attacked by nomads"), also as a conjunct."""
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head.dep_ == "nsubj" or (head.dep_ == "pobj" and head.head.dep_ == "agent")


def of_a_community(head: Token) -> bool:
    """A militia said to come from a community ("militiamen from the Saad clan", "militias of two rival tribes",
    "fighters from the village"): a people's armed men (ACLED: identity militia)."""
    return any(p.dep_ == "prep" and p.lower_ in ("from", "of") and any(
        o.dep_ == "pobj" and (o.lemma_.lower() in IDENTITY or any(c.lower_ in IDENTITY for c in o.children))
        for o in p.children) for p in head.children)


def identity_word(token: Token, unknown: bool) -> bool:
    """A word that names a community rather than a state: "tribal", "clan", or, when the knowledge base knows
    no organisation of that name (``unknown``), a people's proper name ("Fulani militia", "Druze militiamen");
    a nationality named by its country ("Nigerian militia") is not one."""
    if token.lower_ in IDENTITY:
        return True
    return (unknown and (token.ent_type_ == "NORP" or token.tag_ in ("NNP", "NNPS"))
            and lookup_country(token.text) is None)
