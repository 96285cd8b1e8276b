"""Find the words that name places: gazetteer matches over capitalised tokens, checked against context.

spaCy's small model misses many places (it tags "Maaret Al-Numan" as a person), so every
capitalised token sequence is looked up in the gazetteer by its spelling-insensitive key
(longest match first). A match is kept when its context supports a place: a place-like entity
label, a preposition or "town of" before it, a kind word after it ("province", "airport"), or a
candidate large enough to be a well-known place. Country demonyms ("Syrian", "Turkish") become
demonym mentions. GPE/LOC entities the gazetteer lacks are kept unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..nlp.tokens import token_table
from ..wordtables import word_table
from . import cues
from .countries import country_of
from .gazetteer import Gazetteer, GazPlace
from .normalize import ARTICLES, name_key, skeleton_key

MAX_TOKENS = 6
_REJECT_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL",
                            "WORK_OF_ART", "LAW", "LANGUAGE", "EVENT", "PRODUCT"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_FRAGMENT_LABELS = _PLACE_LABELS | {"ORG", "PERSON"}  # entities whose first word may be matched alone
_NAME_LABELS = frozenset({"LANGUAGE", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})  # names, not numbers
_IN_WORDS = word_table("geo.spotting.in_words")
_WELL_KNOWN = 20_000  # population above which a proper-noun match needs no other support
_LOCAL_TOWN = 10_000  # "a Gainesville man": towns this size; smaller namesakes are mostly common words
_BIG_CITY = 100_000  # a city this size is a place even where the model reads a product or a language
_MILLION = 1_000_000  # a city this size may stand for a government that speaks ("Moscow said")
_FRAGMENT_KNOWN = 50_000  # a name opening a longer one that is a city this size still locates it
_WEAK_START = word_table("geo.spotting.weak_start")
_HYPHENS = frozenset({"-", "‑", "‐"})  # hyphen-minus, non-breaking and Unicode hyphens between an article and a name


@dataclass
class Mention:
    """A stretch of text that may name a place, with its gazetteer candidates and context."""

    i: int                      # first token
    j: int                      # token after the last
    start: int                  # character offsets into the input text
    end: int
    text: str
    candidates: list[GazPlace] = field(default_factory=list)
    label: str = ""             # spaCy entity label over the first token, if any
    fuzzy: bool = False         # matched by skeleton key only
    kind: str = ""              # cue: "admin", "town" or "airport"
    near: bool = False          # "near X", "outside X"
    locative: bool = False      # a preposition stands before it
    target: bool = False        # what an attack hits: "jets struck X", "strikes on X"
    coarse: bool = False        # placed at the province said to contain it (the town itself is unknown)
    demonym: str | None = None  # alpha-2 of the country a demonym refers to
    containers: list[int] = field(default_factory=list)  # indexes of mentions said to contain it
    resolved: GazPlace | None = None
    confidence: float = 0.0
    rule: str = ""              # id of the rule that decided (or rejected) the reading: place_weights.toml [rules]
    features: dict[str, float] = field(default_factory=dict)  # feature id → weight × value, when the score decided


def _span_text(doc: Doc, i: int, j: int) -> str:
    return token_table(doc).span_text(i, j)  # doc[i:j].text, without building the Span


def _entity_of(doc: Doc) -> list[Span | None]:
    """For each token, the entity span covering it (or None). An entity that runs across a bracket
    ("Kisangani (Makiso" read as a work of art), or across a comma ("Castilla, Piura" read as one organisation), is
    the model's slip over a place and its container: it is cut there, each part keeping the label, so that each
    name is read on its own."""
    owner: list[Span | None] = [None] * len(doc)
    brackets = cues.OPENING_BRACKETS | cues.CLOSING_BRACKETS | {","}
    for ent in doc.ents:
        start = ent.start
        for k in range(ent.start, ent.end + 1):
            if k == ent.end or doc[k].text in brackets:
                part = Span(doc, start, k, label=ent.label_) if k > start else None
                for t in range(start, k):
                    owner[t] = part
                start = k + 1
    return owner


def _capitalised(text: str) -> bool:
    return text[:1].isupper()


def _longest_match(doc: Doc, i: int, gaz: Gazetteer) -> tuple[int, list[GazPlace]]:
    """The longest token run from i whose key is a gazetteer name: (end token, candidates).
    A run followed by a name-continuing word ("Dublin Road") is part of another name: none."""
    words = token_table(doc)
    for j in range(min(len(doc), i + MAX_TOKENS), i, -1):
        if not _capitalised(words.word(j - 1)):  # (the cheap test first: no Token object made)
            continue
        last = doc[j - 1]
        if last.is_punct or "\n" in _span_text(doc, i, j):
            continue
        found = gaz.lookup(name_key(_span_text(doc, i, j)))
        if found and j - i == 1 and last.lower_ in cues.OF_NAME_HEADS and cues.word_after(doc, j) == "of":
            return j, []  # "Gulf of Aden", "Sea of Azov": a longer name whose head alone names elsewhere
        if found and j - i == 1 and _acronym(doc, i):
            found = [c for c in found if c.feature_code in ("PCLI", "ADM1")]  # "EU" is no town called Eu
        if found:
            return (j, found) if not cues.continues_name(doc, j) else (j, [])
    return i, []


def _acronym(doc: Doc, i: int) -> bool:
    """A two- or three-letter upper-case word in mixed-case text ("EU", "UN"): an acronym, not a
    town's name (an upper-case headline, "RYE, N.Y. —", is not mixed-case)."""
    word = doc[i].text
    if not (2 <= len(word) <= 3 and word.isalpha() and word.isupper()):
        return False
    neighbours = [t.text for t in doc[max(0, i - 3):i + 4] if t.is_alpha and t.i != i and len(t.text) > 3]
    return any(not n.isupper() for n in neighbours)


def _state_abbreviation(doc: Doc, i: int, gaz: Gazetteer) -> tuple[int, Mention | None] | None:
    """"Alexandria, La.", "Gatineau, Que.", "in W. Va.": a press abbreviation of a state or province.
    Returns (next token, mention) — the mention None where the abbreviation stands for no place here —
    or None when the token is no such abbreviation."""
    if token_table(doc).word(i).replace(" ", "") not in _STATE_PREFIXES:
        return _undotted_state(doc, i, gaz)  # (the same answer as below, without building the spans)
    for j in (i + 3, i + 2, i + 1):
        text = doc[i:j].text.replace(" ", "") if j <= len(doc) else ""
        code = cues.STATE_ABBREVIATIONS.get(text)
        if code is None:
            continue
        before = doc[i - 1].text if i > 0 else ""
        dotted = text.count(".") > 1  # "B.C.", "N.Y.", "W. Va.": not also an ordinary word
        state = gaz.admin1(code)
        after = doc[j] if j < len(doc) else None
        modifier = after is not None and after.is_alpha and after.text.islower()  # "another Neb. jail"
        if state is not None and (before == "," or dotted or before in cues.LOCATIVE or doc[i].is_sent_start
                                  or before[:1].isupper() or modifier):
            return j, _mention(doc, i, j, [state], "GPE")
        return j, None
    return _undotted_state(doc, i, gaz)


_STATE_PREFIXES = frozenset(key[:k] for key in cues.STATE_ABBREVIATIONS for k in range(len(key) + 1))


def _undotted_state(doc: Doc, i: int, gaz: Gazetteer) -> tuple[int, Mention | None] | None:
    """"EDMONTON, Ky (WBKO)", "LOUISVILLE, KY--", "Vellore, TN", "Jaunpur (UP)": a state written without its
    period, or as a code, right after "Town," or "Town (" and ending the name (punctuation or the end follows;
    the bracket closed). Where the town is known, the code must name a state it lies in ("Vellore, TN" is Tamil
    Nadu, not Tennessee); after a bracket it must, so that a credit ("WASHINGTON (AP)") names no state."""
    codes = cues.UNDOTTED_STATES.get(doc[i].text)
    if codes is None or i < 2 or doc[i - 1].text not in (",", "(") or not doc[i - 2].text[:1].isupper():
        return None
    bracket = doc[i - 1].text == "("
    after = doc[i + 1].text if i + 1 < len(doc) else ""
    if after[:1].isalnum() or (bracket and after != ")"):
        return None
    states = [s for s in map(gaz.admin1, codes) if s is not None]
    town = _town_readings(doc, i - 1, gaz)
    state = next((s for s in states if any(r.admin1 == s.admin1 for r in town)), None)
    if state is None and not town and not bracket and states:
        state = states[0]  # an unknown town: the code's first reading
    return None if state is None else (i + 1, _mention(doc, i, i + 1, [state], "GPE"))


def _town_readings(doc: Doc, mark: int, gaz: Gazetteer) -> list[GazPlace]:
    """The gazetteer's readings of the capitalised name that ends right before token `mark` (a comma or a
    bracket): "Vellore" in "Vellore, TN"."""
    start = mark
    while start > max(0, mark - MAX_TOKENS) and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_punct:
        start -= 1
    return gaz.lookup(name_key(_span_text(doc, start, mark))) if start < mark else []


def _county_abbreviation(doc: Doc, i: int, j: int, gaz: Gazetteer) -> Mention | None:
    """"Plymouth Co.", "PLYMOUTH CO.": a county written short, looked up as "Plymouth County"."""
    if j >= len(doc) or doc[j].text.rstrip(".").lower() != "co":
        return None
    if i > 0 and _capitalised(doc[i - 1].text) and doc[i - 1].is_alpha and not doc[i].is_sent_start:
        return None  # "Philip Morris Co.": the end of a longer name, a company's
    end = j + 1 if doc[j].text.endswith(".") else j + 2 if j + 1 < len(doc) and doc[j + 1].text == "." else 0
    counties = [c for c in gaz.lookup(name_key(_span_text(doc, i, j) + " county")) if c.feature_code == "ADM2"]
    if not end or not counties:
        return None
    return _mention(doc, i, end, counties, "GPE")


def _mention(doc: Doc, i: int, j: int, candidates: list[GazPlace], label: str) -> Mention:
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
    kind = cues.kind_cue(doc, i, j)
    if kind == "admin" and j < len(doc) and doc[j].lower_ == "lga" and (
            doc[j].text != "LGA" or not any(c.country == "NG" for c in candidates)
            or (j + 1 < len(doc) and doc[j + 1].pos_ == "NOUN")):
        kind = ""  # a Local Government Area is Nigeria's, and ends the name ("Delta LGA terminal" is LaGuardia's)
    return Mention(i=i, j=j, start=start, end=end, text=doc[i:j].text, candidates=candidates,
                   label=label, kind=kind, near=cues.is_near(doc, i),
                   locative=cues.is_locative(doc, i), target=cues.is_target(doc, i, j))


def _big(candidates: list[GazPlace]) -> bool:
    return any(c.feature_code in ("PCLI", "ADM1") or c.population >= _WELL_KNOWN for c in candidates)


def _between_commas(doc: Doc, m: Mention) -> bool:
    """"of 412 Birch Ave., Fairfax, was": an address or "Town, State" list item."""
    before = doc[m.i - 1].text if m.i > 0 else ""
    after = doc[m.j].text if m.j < len(doc) else ""
    return before == "," and after in (",", ".", "")


def _after_a_name(doc: Doc, m: Mention) -> bool:
    """ "in Balcova, Izmir", "(West Rand, Gauteng)": a name after another name and a comma, as a province or a
    city is written after the place it holds (the small model may take it for a person)."""
    return m.i > 1 and doc[m.i - 1].text == "," and doc[m.i - 2].pos_ == "PROPN" and _capitalised(doc[m.i - 2].text)


def _names_someone(doc: Doc, m: Mention, owner: list[Span | None]) -> bool:
    """"Ararat Mirzoyan": a place name that is the first name of a person (or of a people) that follows."""
    if m.j >= len(doc) or doc[m.j - 1].dep_ != "compound" or doc[m.j].pos_ != "PROPN":
        return False
    nxt = owner[m.j]
    return nxt is not None and nxt.label_ in ("PERSON", "NORP") and nxt.start == m.j


def _common_word(doc: Doc, m: Mention) -> bool:
    """A sentence's capitalised first word that the same text also writes in lower case ("Crystal
    methamphetamine …" beside "crystal meth"): a common word, not the town that bears it."""
    if m.j - m.i != 1 or not doc[m.i].is_sent_start:
        return False
    return doc[m.i].lower_ in token_table(doc).words


def _town_of_state(doc: Doc, end: int, candidates: list[GazPlace], gaz: Gazetteer) -> bool:
    """"Leonard of Ada, Oklahoma", "Hugo, Oklahoma": the name is followed by ", <state>" and one of
    its readings lies in that state — whatever the model made of the name."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    for j in (end + 4, end + 3, end + 2):
        if j > len(doc):
            continue
        text = doc[end + 1:j].text
        code = cues.STATE_ABBREVIATIONS.get(text.replace(" ", ""))
        states = {code} if code else {c.admin1 for c in gaz.lookup(name_key(text)) if c.feature_code == "ADM1"}
        if any(c.admin1 in states for c in candidates if c.feature_class == "P"):
            return True
    return False


def _province_of_town(doc: Doc, ent: Span, gaz: Gazetteer) -> bool:
    """"in Santarem, Para": a name the model reads as a thing, after "<town>, ", that is the name of a province
    holding a town or district of that name — the province the text places the town in."""
    if ent.label_ not in _NAME_LABELS or ent.start < 2 or doc[ent.start - 1].text != ",":
        return False
    provinces = {c.admin1 for c in gaz.lookup(name_key(ent.text)) if c.feature_code == "ADM1"}
    if not provinces:
        return False
    end = ent.start - 1
    for i in range(end - 1, max(0, end - MAX_TOKENS) - 1, -1):  # the town's words, back to the punctuation before
        if doc[i].is_punct:
            return False
        if _capitalised(doc[i].text) and any(c.admin1 in provinces and c.feature_code != "ADM1"
                                             for c in gaz.lookup(name_key(_span_text(doc, i, end)))):
            return True
    return False


def _province_by_kind(doc: Doc, ent: Span, gaz: Gazetteer) -> bool:
    """"Lara state", "Kogi State": a name the model reads as a thing, right before the word for a province, that is
    the name of a province — the kind word says what it is."""
    return (ent.label_ in _NAME_LABELS and ent.end < len(doc) and doc[ent.end].lower_ in cues.ADMIN_WORDS
            and any(c.feature_code == "ADM1" for c in gaz.lookup(name_key(ent.text))))


def _someone(doc: Doc, i: int, j: int, candidates: list[GazPlace]) -> bool:
    """A person or an organisation, whatever the gazetteer holds: "his wife, Dora", "Oudshoorn said",
    "Xinhua reported" (but "Moscow said" is the Russian government speaking from a place)."""
    return cues.kin_appositive(doc, i) or (cues.speaks(doc, i, j) and not _may_speak(candidates))


def _may_speak(candidates: list[GazPlace]) -> bool:
    """Places whose name stands for a government that speaks ("Moscow said", "Ottawa told",
    "Britain said"): countries, provinces, capitals and cities of a million people."""
    return any(c.feature_code in ("PCLI", "ADM1", "PPLC") or c.population >= _MILLION for c in candidates)


def _plausible(doc: Doc, m: Mention, ent: Span | None, owner: list[Span | None], gaz: Gazetteer) -> bool:
    """Does the context support reading this match as a place?"""
    if _town_of_state(doc, m.j, m.candidates, gaz):
        return True
    if _hyphened_on(doc, m, gaz):
        return False
    label = ent.label_ if ent is not None else ""
    if _someone(doc, m.i, m.j, m.candidates):
        return False
    supported = (m.locative or m.target or bool(m.kind) or _dateline(doc, m) or cues.bracketed_after_name(doc, m.i, m.j)
                 or (cues.local_modifier(doc, m.i, m.j)
                     and any(c.feature_class == "P" and c.population >= _LOCAL_TOWN for c in m.candidates)))
    if not supported and label not in _PLACE_LABELS and (_names_someone(doc, m, owner) or _common_word(doc, m)):
        return False
    if doc[m.j - 1].lower_ in cues.ADMIN_WORDS:  # a gazetteer name ending in "Parish", "County" …
        return True
    if label in _FRAGMENT_LABELS and ent is not None and _fragment(doc, m, ent, gaz):
        return False
    if label in _PLACE_LABELS and ent is not None:
        first = _name_start(doc, ent.start, m.i)
        while first < m.i and doc[first].lower_ in cues.COMPASS:  # "Northeast Georgia", "West Africa"
            first += 1
        # not a word inside a longer entity ("East" in "the Middle East"), nor the head of an
        # "X of Y" name ("Gulf" in "the Gulf of Aden")
        return m.i == first and not (m.j < ent.end and doc[m.j].lower_ == "of")
    if label == "PERSON" and ent is not None:  # (the label is the entity's)
        # the entity may run on over the kind of place ("(Biu LGA, Borno)", "in Kaduna State", "the area of X district"
        # read as a person), where a bracket, a comma, a preposition of scene or "<kind of place> of" stands before it
        # ("fans of Wright State" name a university)
        before, kind_before = cues.word_before(doc, m.i), cues.word_before(doc, m.i, 1)
        run_on = (ent.end == m.j + 1 and m.kind == "admin"
                  and (before in cues.SCENE_WORDS | {"(", ","} or before == "of" and kind_before in cues.CONTAINER_KIND_WORDS))
        whole = _name_start(doc, ent.start, m.i) >= m.i and ent.end - (1 if run_on else 0) <= m.j
        return whole and (supported or _between_commas(doc, m) or (_after_a_name(doc, m) and _big(m.candidates))
                          or any(c.feature_code == "PCLI" for c in m.candidates))
    if label == "NORP":  # the small model's tag for some cities ("Aleppo"); demonyms were taken earlier
        return supported or _big(m.candidates)
    if label == "ORG":  # organisations named after a place: "Rapides Parish Fire District", "Turkey's army"
        at_start = ent is not None and m.i == _name_start(doc, ent.start, m.i)
        named_on = m.j < (ent.end if ent is not None else 0) and doc[m.j].pos_ == "PROPN"
        return supported or (at_start and not named_on and any(c.feature_class == "A" for c in m.candidates))
    tokens = [t for t in doc[m.i:m.j] if _capitalised(t.text)]
    if not all(t.pos_ == "PROPN" for t in tokens):
        return supported and m.j - m.i > 1
    if not supported and _names_a_thing(doc, m):
        return False
    return supported or _big(m.candidates) or m.j - m.i > 1


def _name_start(doc: Doc, start: int, i: int) -> int:
    """Where the name of an entity that starts at `start` begins, up to token i: past "the", and past a lower-case Arabic
    article with its hyphen ("the Idlib countryside", "al-Hasakeh"; the gazetteer's keys leave the article out)."""
    k = start + (1 if doc[start].lower_ == "the" and i > start else 0)
    while k < i and (_is_article(doc[k]) or doc[k].text in _HYPHENS):
        k += 1
    return k


def _is_article(token: Token) -> bool:
    """A lower-case Arabic article as romanised before a name ("al", "el", "ash")."""
    return token.text.islower() and token.text in ARTICLES


def _names_a_thing(doc: Doc, m: Mention) -> bool:
    """A word the model tags as no place, person or group, set before a common noun ("a Molotov cocktail"),
    that the gazetteer knows only by another name of a town (Perm was once Molotov), not by a spelling of its
    own ("the Idleb front"): the name of a thing."""
    if m.j - m.i != 1:
        return False
    word, head = doc[m.i], doc[m.i].head
    return (word.dep_ in ("compound", "amod") and head.i == m.j and head.pos_ == "NOUN" and head.text.islower()
            and all(skeleton_key(c.name) != skeleton_key(m.text) for c in m.candidates))


def _hyphened_on(doc: Doc, m: Mention, gaz: Gazetteer) -> bool:
    """The match is an article or particle that runs into the next word through a hyphen, with no space ("Al-Qasr",
    "El-Nour"): the first part of one name ("Al" is also a town in Norway), unless the next word is a place of the
    same country. A place named before a hyphen ("the Kahnuj-Jiroft road") stays one."""
    text = token_table(doc).text  # not doc.text, which joins every token again on each call
    end = m.end - 1 if m.text.endswith(("-", "‑")) else m.end
    if name_key(text[m.start:end]) not in cues.NAME_PARTICLES:
        return False
    if end >= len(text) - 1 or text[end] not in "-‑" or not text[end + 1].isalpha():
        return False
    word = re.match(r"[^\W\d_]+", text[end + 1:])
    countries = {c.country for c in m.candidates}
    return word is None or not any(c.country in countries for c in gaz.lookup(name_key(word.group())))


def _fragment(doc: Doc, m: Mention, ent: Span, gaz: Gazetteer) -> bool:
    """The match is only the first word(s) of a longer name the model read as one place, a name the
    gazetteer lacks, and names nothing well known itself: "Ain" of "Ain Tamra", "Bar" of "Bar Hadid".
    Not when what follows is a kind word ("Paletwa Town", "Hamra district"), a possessive, a country or
    province ("Sanaa Yemen"), another place after a hyphen ("the Homs-Hama road"), nor when the name ends
    in a facility's word ("Mosul Dam", "Kyiv Central Station"): the place opening it locates the facility."""
    rest = doc[m.j:ent.end]
    if m.i != ent.start + (1 if ent[0].lower_ == "the" else 0) or not len(rest):
        return False
    if any(c.population >= _FRAGMENT_KNOWN for c in m.candidates):
        return False
    nxt, last = rest[0], ent[-1].lower_.rstrip(".")
    word = nxt.lower_.rstrip(".")
    if (nxt.text in ("'s", "’s") or word in cues.CONTAINER_KIND_WORDS or word in cues.NAME_CONTINUERS
            or last in cues.NAME_CONTINUERS or last in cues.AIRPORT_WORDS or last in cues.CONTAINER_KIND_WORDS):
        return False
    if nxt.is_punct and nxt.text not in ("-", "‑"):
        return False
    words = [t for t in rest if not t.is_punct]
    if not words:
        return False
    if nxt.text in ("-", "‑") and gaz.lookup(name_key(words[0].text)):
        return False
    after = gaz.lookup(name_key(_span_text(doc, words[0].i, ent.end)))
    return not any(c.feature_code in ("PCLI", "ADM1") for c in after)


def _country_word(doc: Doc, i: int, ent: Span | None, gaz: Gazetteer) -> tuple[int, str, bool] | None:
    """(end token, alpha-2, used as a place name?) when the text at token i is a country word the
    gazetteer lacks: a demonym or adjective ("Syrian", "Sri Lankan", "Turks"), or a short form ("U.S.")."""
    if ent is not None and ent.label_ == "PERSON" and ent.start < i:
        return None
    for j in range(min(len(doc), i + 3), i, -1):
        if not _capitalised(doc[j - 1].text):
            continue
        text = _span_text(doc, i, j)
        if any(c.feature_code == "PCLI" for c in gaz.lookup(name_key(text))):
            return None
        alpha2 = country_of(text)
        if alpha2:
            as_name = ent is not None and ent.label_ in _PLACE_LABELS and doc[j - 1].dep_ not in ("amod", "compound")
            return j, alpha2, as_name
    return None


def _fuzzy(doc: Doc, ent: Span, gaz: Gazetteer) -> list[GazPlace]:
    key = name_key(ent.text)
    if len(key) < 7:
        return []
    return gaz.lookup_fuzzy(key)


def _attacked_name(doc: Doc, ent: Span) -> bool:
    """A name the model mislabels as a language or a work ("strikes on Ariha"), that an attack hits, or
    that the text calls a town or province ("in Tiko town", "in Kwara state") or follows with a bracket."""
    if ent.label_ not in _NAME_LABELS:
        return False
    kind = cues.word_after(doc, ent.end)
    bracket = kind == "(" or "(" in ent.text  # "in Tiko (Fako)": the model ran a name into its bracket
    return cues.is_target(doc, ent.start, ent.end) or (
        (kind in cues.TOWN_WORDS or kind in cues.ADMIN_WORDS or bracket)
        and cues.word_before(doc, ent.start) in cues.LOCATIVE)


def _mislabelled_city(doc: Doc, ent: Span, gaz: Gazetteer) -> bool:
    """A city of 100,000+ people the model reads as a product, a language, a work or even a date ("in a
    Winnipeg jail", "in Syria, in Aleppo?", "regularly in Winnipeg"), or a town of 10,000+ read as a name of a
    thing after a preposition of place: its own name, alone in the entity."""
    if len(ent) != 1 or not ent[0].is_alpha or not _capitalised(ent.text):
        return False
    # a smaller town will do after a preposition of place, where the model's label names a thing ("a protest in
    # Ravar" read as a product), never a date or a number ("in March" is a month before it is a town)
    least = _LOCAL_TOWN if ent.label_ in _NAME_LABELS and cues.is_locative(doc, ent.start) else _BIG_CITY
    return any(c.feature_class == "P" and c.population >= least for c in _own_name_readings(doc, ent.start, ent.end, gaz))


def _dateline(doc: Doc, m: Mention) -> bool:
    """"DETROIT The U.S. …", "EDMONTON, Ky. (WBKO) —": an upper-case name opening the text, then
    punctuation or a capitalised word (not "AMEL center offers …")."""
    if any(not t.is_space for t in doc[:m.i]) or m.j >= len(doc):
        return False
    words = [t.text for t in doc[m.i:m.j] if t.is_alpha]
    after = doc[m.j].text
    return (bool(words) and all(w.isupper() and len(w) >= 3 for w in words)
            and (after in (",", "(", "—", "–", "-", "--", ":") or after[:1].isupper()))


def _spot_at(doc: Doc, i: int, owner: list[Span | None], gaz: Gazetteer) -> tuple[int, Mention | None]:
    """Try to read a mention starting at token i: (next token to look at, mention or None)."""
    tok, ent = doc[i], owner[i]
    if (ent is not None and ent.label_ in _REJECT_LABELS and not _attacked_name(doc, ent)
            and not _mislabelled_city(doc, ent, gaz) and not _province_of_town(doc, ent, gaz)
            and not _province_by_kind(doc, ent, gaz)
            and not (ent.end < len(doc) and doc[ent.end].text == ","  # ", <state>" follows: look the name up
                     and _town_of_state(doc, ent.end, _own_name_readings(doc, ent.start, ent.end, gaz), gaz))):
        return ent.end, None
    state = _state_abbreviation(doc, i, gaz)
    if state is not None:
        return state
    j, candidates = _longest_match(doc, i, gaz)
    county = _county_abbreviation(doc, i, max(j, i + 1), gaz)
    if county is not None:
        return county.j, county
    country_word = _country_word(doc, i, ent, gaz)
    if country_word is not None and country_word[0] >= j:
        j, alpha2, as_name = country_word
        country = gaz.country(alpha2)
        m = _mention(doc, i, j, [country] if country is not None else [], ent.label_ if ent is not None else "")
        m.demonym = None if as_name else alpha2
        return j, m
    if j > i and not candidates:
        return j, None
    fuzzy = False
    if not candidates and ent is not None and ent.start == i and ent.label_ in _PLACE_LABELS | {"PERSON"}:
        j, candidates, fuzzy = ent.end, _fuzzy(doc, ent, gaz), True
    if not candidates:
        return i + 1, None
    m = _mention(doc, i, j, candidates, ent.label_ if ent is not None else "")
    m.fuzzy = fuzzy
    if not m.locative and _scene_before_article(doc, i, candidates):
        m.locative = True
    if j - i == 1 and tok.lower_ in cues.DIRECTIONS | cues.CONTAINER_KIND_WORDS:
        return i + 1, None  # "Area" of "Western Area Urban": a kind of place alone names none
    if j - i == 1 and tok.lower_ in cues.NAME_HEADS and j < len(doc) and (
            _capitalised(doc[j].text) or doc[j].lower_.rstrip("-") in cues.NAME_PARTICLES):
        return i + 1, None  # "Wadi" of "Wadi Zamzam" or "Wadi al-Rabi": a part of a name the gazetteer lacks
    if not _plausible(doc, m, ent, owner, gaz) or (fuzzy and ent is not None and ent.label_ == "PERSON"
                                                 and not (m.locative or m.target)):
        m.confidence = -1.0  # rejected here; kept only if the same name is a place elsewhere in the text
    return (j, m) if m.confidence >= 0 else (i + 1, m)


def _with_article(doc: Doc, m: Mention) -> Mention:
    """The mention widened over the lower-case Arabic article that opens its name ("al-Hasakeh", "el Hermel"), once
    it is read: the record quotes the name as the text writes it, and the word before it is the article's."""
    k = _article_at(doc, m.i)
    if k == m.i:
        return m
    m.i, m.start, m.text = k, doc[k].idx, doc[k:m.j].text
    m.locative = m.locative or cues.is_locative(doc, k)
    return m


def _article_at(doc: Doc, i: int) -> int:
    """The token where a lower-case Arabic article opens the name that token i goes on with, else i."""
    if i >= 2 and doc[i - 1].text in _HYPHENS and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return i - 2 if _is_article(doc[i - 2]) else i
    return i - 1 if i >= 1 and doc[i - 1].text in ("al", "el") else i  # spaced, only where no English word


def _scene_before_article(doc: Doc, i: int, candidates: list[GazPlace]) -> bool:
    """"near al-Bukamal", "in el Hermel": a lower-case Arabic article (which the gazetteer's keys leave out) opens the
    name, and a preposition of scene stands before the article, as it would before the name; the name is a town of
    10,000 people or more ("members of al-Shabaab" is no such scene, nor a hamlet that bears the group's name)."""
    k = _article_at(doc, i)
    return (k < i and cues.word_before(doc, k) in cues.SCENE_WORDS
            and any(c.feature_class == "P" and c.population >= _LOCAL_TOWN for c in candidates))


def _unresolved(doc: Doc, mentions: list[Mention], gaz: Gazetteer, people: set[str],
                surnames: set[str]) -> list[Mention]:
    """GPE/LOC entities no kept gazetteer match covers. Where the entity's own words are a gazetteer
    name, the model's label is the support the spotter lacked ("Florida Highway Patrol", "the Woodstock
    District Chamber": a place name opening an organisation's); else they are places we know are there
    but cannot put on the map."""
    covered = {k for m in mentions for k in range(m.i, m.j)}
    out = []
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC") and not any(k in covered for k in range(ent.start, ent.end)):
            i = ent.start + (1 if ent[0].lower_ == "the" and len(ent) > 1 else 0)
            j = ent.end - (1 if ent[-1].text in ("'s", "’s") and ent.end - i > 1 else 0)
            if not any(t.text[:1].isupper() for t in doc[i:j]):
                continue  # the model's slip on a lower-case word ("aren’t" as a GPE)
            if j - i == 1 and doc[i].lower_ in cues.DIRECTIONS:
                continue  # "South" of "South Main St.": a compass word alone names no place
            readings = _own_name_readings(doc, i, j, gaz)
            whole = j
            j, readings = _known_start(doc, i, j, readings, gaz)
            if j < whole and _hyphened_on(doc, _mention(doc, i, j, readings, ent.label_), gaz):
                j, readings = whole, []  # "Al" of "Al-Qasr" is no town in Norway: the whole name, unplaced
            fuzzy = not readings and doc[i].lower_ in cues.NAME_PARTICLES  # "al-Hasakeh": Al Hasakah spelled otherwise
            if fuzzy:
                readings = _fuzzy(doc, doc[i:j], gaz)
            if _someone(doc, i, j, readings):
                continue
            m = _mention(doc, i, j, readings, ent.label_)
            m.fuzzy = fuzzy and bool(readings)
            if not _a_person_named(doc, m, people, surnames):
                out.append(m)
    return out


def _known_start(doc: Doc, i: int, j: int, readings: list[GazPlace], gaz: Gazetteer) -> tuple[int, list[GazPlace]]:
    """An entity the gazetteer does not know whose first words name a place ("Montreal East Mayor",
    "Allegheny County Court"): those words, unless a dropped word makes it a landform ("Catawba
    River" is no town), or they are a name head or a compass word alone."""
    end = j
    while not readings and end - i > 1:
        end -= 1
        if doc[end].lower_ in cues.LANDFORMS or doc[end].lower_ == "of":  # "Gulf of Aden" is no "Gulf"
            return j, readings
        if end - i == 1 and (doc[i].lower_ in cues.NAME_HEADS or doc[i].lower_ in cues.COMPASS):
            return j, []  # "Wadi Zamzam" is no "Wadi", "Eastern Qaryatain" no province called Eastern
        readings = _own_name_readings(doc, i, end, gaz)
    return (end, readings) if readings else (j, readings)


def _own_name_readings(doc: Doc, i: int, j: int, gaz: Gazetteer) -> list[GazPlace]:
    """Places whose own name (not a former or variant one: "Market" for Marquette) the words are;
    none for a lower-case word or an acronym ("EU" is no town called Eu)."""
    if not _capitalised(doc[i].text) or (j - i == 1 and _acronym(doc, i)):
        return []
    key = name_key(_span_text(doc, i, j))
    return [c for c in gaz.lookup(key) if name_key(c.name) == key]


_SAINT_WORDS = word_table("geo.spotting.saint_words")
_NAME_LINKS = word_table("geo.spotting.name_links")


def _joined_by_links(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Names a linking word joins into one ("Shakhta imeni Gagarina"): one place that the gazetteer lacks, not a
    village abroad and a town; it is then read where the text says it lies ("…, Donetsk")."""
    joined: list[Mention] = []
    for m in mentions:
        last = joined[-1] if joined else None
        if last is not None and last.j + 1 == m.i and doc[last.j].lower_ in _NAME_LINKS:
            joined[-1] = Mention(i=last.i, j=m.j, start=last.start, end=m.end, text=doc[last.i:m.j].text,
                                 label=last.label, locative=last.locative, near=last.near)
        else:
            joined.append(m)
    return joined


def _saint(doc: Doc, i: int) -> bool:
    """"St. Petersburg", "Ft. Worth", "ST. PAUL": an abbreviation opening a place name, not a street."""
    word = token_table(doc).word(i)
    if len(word) > 4 or word.title() not in _SAINT_WORDS:
        return False
    k = i + 2 if i + 1 < len(doc) and doc[i + 1].text == "." else i + 1  # "ST", ".", "PAUL"
    return k < len(doc) and _capitalised(doc[k].text) and not doc[k].is_punct


def _a_person_named(doc: Doc, m: Mention, people: set[str], surnames: set[str]) -> bool:
    """A one-word name that is a word of a person the document names in full ("Henry" after
    "Chiquita Raquel Henry"); when it is that person's surname ("Mayor Ryan Bingham … Bingham
    will"), even where the model tags it a place, unless a preposition or a kind word says place
    or a well-known place bears the name ("Jack London" does not take London off the map)."""
    if m.j - m.i != 1 or m.kind or m.text not in people:
        return False
    if m.label not in _PLACE_LABELS:  # "in Kindia" beside "Prefecture de Kindia" read as a person
        owned = cues.word_after(doc, m.j) in ("'s", "’s")  # "at Carter's Diner": a person's business
        return owned or not (cues.word_before(doc, m.i) in _IN_WORDS or cues.bracketed_after_name(doc, m.i, m.j)
                             or _scene_before_article(doc, m.i, m.candidates))
    return m.text in surnames and not m.locative and not _big(m.candidates)


_COMPANY_WORDS = word_table("geo.spotting.company_words")


def _company_names(doc: Doc) -> set[str]:
    """The names the document gives companies, from the word that ends them ("Acme Co.", "Ajax Brewing
    Co.", "Ajax Brewery"): the capitalised words right before it, and the first of them alone."""
    words, names = token_table(doc), set[str]()
    if not any(w.lower() in _COMPANY_WORDS for w in words.words):
        return names
    for k in range(1, len(doc)):
        if words.word(k).lower() not in _COMPANY_WORDS or not words.word(k)[:1].isupper():
            continue
        start = k
        while start > 0 and _capitalised(words.word(start - 1)) and words.word(start - 1).isalpha() \
                and words.word(start - 1).lower() not in _COMPANY_WORDS and not doc[start].is_sent_start:
            start -= 1
        if start < k:
            names.add(_span_text(doc, start, k))
            names.add(words.word(start))
    return names


def _a_company_named(doc: Doc, m: Mention, companies: set[str]) -> bool:
    """A name the document gives a company ("Hershey" beside "Hershey Co."), as itself or right before the word
    that ends the company's name: the company, not a small town that bears the name, unless a preposition of
    place stands before it ("the plant in Hershey") or a kind word says place. A well-known place keeps its
    name ("Boston Scientific Corp." does not take Boston off the map)."""
    if m.kind or m.text not in companies or _big(m.candidates):
        return False
    return cues.word_before(doc, m.i) not in _IN_WORDS


def _currency(doc: Doc, m: Mention) -> bool:
    """"the US dollar", "Turkish lira": a country word naming a currency is no place of the story."""
    country = bool(m.demonym) or any(c.feature_code == "PCLI" for c in m.candidates)
    return country and cues.word_after(doc, m.j) in cues.CURRENCY_WORDS


def _person_words(doc: Doc) -> set[str]:
    """Words of the people the document names in full ("Chiquita Raquel Henry"): a later bare "Henry"
    is that person, not a town."""
    return {t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}


def spot(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """All place and demonym mentions in the document, in text order."""
    owner = _entity_of(doc)
    people = _person_words(doc)
    surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    companies = _company_names(doc)
    mentions: list[Mention] = []
    words = token_table(doc)
    i = 0
    while i < len(doc):
        word = words.word(i)
        if not _capitalised(word) and (len(word) > 4 or not _saint(doc, i)):  # most words: no Token object made
            i += 1
            continue
        tok = doc[i]
        if not _saint(doc, i) and (
                not _capitalised(tok.text) or tok.is_punct or tok.like_num or tok.lower_ in _WEAK_START
                or len(tok.text) == 1  # "D-Story City", "Class D": a letter names no place
                or tok.lower_.rstrip(".") in cues.NAME_CONTINUERS or tok.lower_ in cues.NOT_PLACE_STARTS
                or tok.lower_ in cues.ADMIN_WORDS):
            i += 1
            continue
        i, found = _spot_at(doc, i, owner, gaz)
        if found is not None and _currency(doc, found):
            continue
        if found is not None and not _a_person_named(doc, found, people, surnames) \
                and not _a_company_named(doc, found, companies):
            mentions.append(found)
    mentions = _joined_by_links(doc, [_with_article(doc, m) for m in _one_name_one_reading(mentions)])
    mentions.extend(_unresolved(doc, mentions, gaz, people, surnames))
    mentions.extend(phrase for m in mentions if (phrase := _capital_phrase(doc, m, gaz)) is not None)
    return sorted(mentions, key=lambda m: m.start)


_CAPITAL_WORDS = {"capital": "capital", "largest": "largest", "biggest": "largest"}


def _country_code(m: Mention) -> str:
    """The country a demonym or a country name that is no province's refers to ("" otherwise)."""
    if m.demonym:
        return m.demonym
    countries = [c for c in m.candidates if c.feature_code == "PCLI"]
    provinces = [c for c in m.candidates if c.feature_code == "ADM1"]  # "Georgia's capital" may be Atlanta
    return countries[0].country if len(countries) == 1 and not provinces else ""


def _capital_words(doc: Doc, m: Mention) -> tuple[int, str] | None:
    """(end token, "capital" or "largest") for "the Georgian capital", "Kazakhstan's capital",
    "Kazakhstan's largest city"."""
    k = m.j
    if not m.demonym:
        if _word_at(doc, k) not in ("'s", "’s"):
            return None
        k += 1
    word = _CAPITAL_WORDS.get(_word_at(doc, k))
    if word == "capital":
        return k + 1, word
    if word == "largest" and _word_at(doc, k + 1) in ("city", "town"):
        return k + 2, word
    return None


def _capital_phrase(doc: Doc, m: Mention, gaz: Gazetteer) -> Mention | None:
    """"the Georgian capital", "Kazakhstan's largest city": a phrase that names a town through its
    country, read as the capital (or largest town) — unless the town's own name follows ("the
    Georgian capital, Tbilisi"), which is then the mention. The phrase is a mention beside the
    country word's own: "Georgian" still says which country the story is about."""
    alpha2 = _country_code(m)
    found = _capital_words(doc, m) if alpha2 else None
    if found is None:
        return None
    end, word = found
    k = end + (1 if _word_at(doc, end) == "," else 0)
    if k < len(doc) and _capitalised(doc[k].text) and not doc[k].is_sent_start:
        return None
    town = gaz.capital(alpha2) if word == "capital" else gaz.largest_town(alpha2)
    if town is None:
        return None
    phrase = _mention(doc, m.i, end, [town], m.label)
    phrase.kind = "town"
    return phrase


def _word_at(doc: Doc, i: int) -> str:
    """Lower-case text of token i ("" outside the text): lets phrase checks run off either end."""
    return doc[i].lower_ if 0 <= i < len(doc) else ""


def _one_name_one_reading(mentions: list[Mention]) -> list[Mention]:
    """A name the context supports as a place somewhere in the text is a place everywhere in it
    ("Alexandria woman charged …" in a headline, where the model reads a person)."""
    accepted = {name_key(m.text) for m in mentions if m.confidence >= 0}
    kept = [m for m in mentions if m.confidence >= 0 or name_key(m.text) in accepted]
    covered: set[int] = set()
    out = []
    for m in sorted(kept, key=lambda m: (m.confidence < 0, m.i)):
        if not covered.intersection(range(m.i, m.j)):
            m.confidence = max(m.confidence, 0.0)
            covered.update(range(m.i, m.j))
            out.append(m)
    return out
