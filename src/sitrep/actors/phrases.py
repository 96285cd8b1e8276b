"""Actor phrases in a parsed Doc: which tokens head an actor, and which words belong to each.

A head is the root of a PERSON/ORG/GPE/NORP entity, a token matched by the knowledge base, or a
noun listed in the lexicon ("jets", "rebels", "official"). A head that only modifies another head
("Turkey" in "Turkey's Defence Ministry", "ministry" in "a defence ministry official") is folded
into that head's phrase, so the phrase is one actor mention; coordinated heads ("Russian jets and
Syrian artillery") stay separate phrases.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..countries import lookup_country
from ..geo.cues import SCENE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


from .lexicon import CURRENCIES, FLIGHT_VERBS, HEADS

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "flat", "nn", "npadvmod"})
_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "dobj", "mark", "relcl", "advcl"})
_LEADING_SKIP = frozenset({"det", "predet", "nummod", "quantmod", "punct", "cc", "case", "advmod", "prep"})


@dataclass
class Phrase:
    head: Token
    tokens: list[Token]                      # the mention's tokens, in order
    entity: Span | None = None               # the entity the head belongs to, if any
    person: Span | None = None               # a PERSON entity inside the phrase (the name)
    modifiers: list[Token] = field(default_factory=list)
    flight: bool = False                     # "people fleeing"

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def end(self) -> int:
        last = self.tokens[-1]
        return last.idx + len(last.text)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


_HEAD_LEMMAS = "sitrep.head_lemmas"  # per Doc (user_data): token index → head_lemma, asked many times per token


def head_lemma(token: Token) -> str:
    """The lexicon key of a noun: lower-case lemma or singular, joined with a listed compound before it
    ("prime minister"); sentence-initial "Rebels" (tagged as a proper noun) is still "rebel"."""
    known: dict[int, str] = token.doc.user_data.setdefault(_HEAD_LEMMAS, {})
    if token.i not in known:
        known[token.i] = _head_lemma(token)
    return known[token.i]


def _head_lemma(token: Token) -> str:
    forms = (token.lemma_.lower(), token.lower_, _singular(token.lower_))
    if token.i > 0:
        before = token.doc[token.i - 1].lower_
        for form in forms:
            if f"{before} {form}" in HEADS:
                return f"{before} {form}"
    return next((f for f in forms if f in HEADS), forms[0])


def is_lexicon_head(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and head_lemma(token) in HEADS


def entity_index(doc: Doc) -> dict[int, Span]:
    """Token index → actor-like entity (credits such as "Name/Reuters" are skipped)."""
    index: dict[int, Span] = {}
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS and "/" not in ent.text and ent.text.strip():
            for token in ent:
                index[token.i] = ent
    return index


def candidate_heads(doc: Doc, ents: dict[int, Span], extra: set[int]) -> list[Token]:
    """Tokens that head an actor phrase before folding: entity roots, KB matches, lexicon nouns."""
    heads = {ent.root.i for ent in set(ents.values())} | extra
    for token in doc:
        if token.i not in ents and is_lexicon_head(token):
            heads.add(token.i)
    return [doc[i] for i in sorted(heads) if not names_a_thing(doc[i])]


def names_a_thing(token: Token) -> bool:
    """A country word that only says whose money is meant ("the US dollar", "the Turkish lira") names no actor."""
    if token.dep_ not in ("compound", "amod", "nmod"):
        return False
    between = token.doc[token.i + 1:token.head.i + 1] if token.head.i > token.i else [token.head]
    return any(t.lemma_.lower() in CURRENCIES for t in between)  # "the US dollar exchange rate" too


def _owner(token: Token, heads: set[int], ents: dict[int, Span]) -> int | None:
    """The head this token's phrase folds into, if it only modifies another head."""
    ent = ents.get(token.i)
    if ent is not None and ent.root.i != token.i:
        return ent.root.i
    if token.dep_ in _MODIFIER_DEPS and token.head.i != token.i:
        if token.head.i in heads:
            return token.head.i
        return _sibling_head(token, heads)
    if token.dep_ == "conj":
        first = token.head
        while first.dep_ == "conj" and first.head.i != first.i:  # "Tanzanian" in "Kenyan, Ugandan and Tanzanian police"
            first = first.head
        if first.dep_ in _MODIFIER_DEPS and first.head.i in heads and token.i < first.head.i:
            return first.head.i  # "Egyptian" in "French and Egyptian warships"
    if token.dep_ == "appos" and token.head.i in heads and is_lexicon_head(token) \
            and ents.get(token.head.i) is not None and ents[token.head.i].label_ == "PERSON":
        return token.head.i  # "Leila Karimi, Iran's best-known rights activist"
    if token.dep_ == "appos" and token.head.i in heads and ents.get(token.i) is not None \
            and ents[token.i].label_ == "PERSON" and token.head.i not in ents:
        return token.head.i
    return None


def _sibling_head(token: Token, heads: set[int]) -> int | None:
    """A modifier parsed onto the wrong noun ("Israeli" in "Israeli army bulldozers") joins the
    actor noun that follows it among the same noun's modifiers."""
    for sibling in token.head.lefts:
        if sibling.i > token.i and sibling.i in heads and sibling.dep_ in _MODIFIER_DEPS \
                and is_lexicon_head(sibling) and not sibling.ent_type_:
            return sibling.i
    return None


def _phrase_tokens(head: Token, ents: dict[int, Span], absorbed: list[Token]) -> list[Token]:
    """The head, its left modifiers' subtrees, its entity, and folded heads' entities."""
    keep = {head.i}
    for child in head.lefts:
        if child.dep_ in _MODIFIER_DEPS:
            keep.update(t.i for t in modifier_tokens(child))
    for token in [head, *absorbed]:
        ent = ents.get(token.i)
        if ent is not None:
            keep.update(t.i for t in ent)
        if token is not head and token.dep_ == "appos":
            keep.update(t.i for t in token.subtree if t.i >= token.left_edge.i and t.dep_ != "punct")
    ordered = sorted(keep)
    start = _after_a_scene(head, ordered[0])
    ordered = [i for i in ordered if i >= start] or [head.i]
    while len(ordered) > 1 and head.doc[ordered[0]].dep_ in _LEADING_SKIP:
        ordered.pop(0)
    return [head.doc[i] for i in range(ordered[0], ordered[-1] + 1)]


_SCENE_ENTS = frozenset({"GPE", "LOC", "FAC", "DATE"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def _after_a_scene(head: Token, first: int) -> int:
    """Where the phrase starts when the parse hung a scene on it: in "in Celaya, Guanajuato, hospital nurses
    marched" or "On 3 June, unknown gunmen shot …" the names before the last comma are a place or a day set
    before the subject, not its modifiers; so is a name right after a place and a comma ("in Celaya,
    Guanajuato, …": its province, whatever the tagger took it for). A list of countries or peoples stays whole,
    wherever it stands ("On Monday, US, British and French warships", "Kenyan, Ugandan and Tanzanian police")."""
    doc = head.doc
    commas = [i for i in range(first, head.i) if doc[i].text == ","]
    if not commas:
        return first
    last = commas[-1]
    before = [t for t in doc[first:last] if not t.is_punct]
    if any(t.dep_ == "cc" for t in doc[last:head.i]) and before and all(_a_country_word(t) for t in before):
        return first  # "US, British and French warships": one list of modifiers
    before_first = doc[first - 1] if first else None
    scene = before_first is not None and before_first.lower_ in SCENE_WORDS \
        and not any(c.dep_ == "pobj" for c in before_first.children)  # "in" left without its object
    scene = scene or first >= 2 and doc[first - 1].text == "," and doc[first - 2].ent_type_ in _PLACE_ENTS
    if not scene and (any(t.dep_ == "cc" or t.dep_ == "conj" and t.head.i > last for t in doc[first:last])
                      or any(t.dep_ == "conj" and t.head.i < last for t in doc[last:head.i + 1])):
        return first
    if before and all(t.pos_ in ("PROPN", "NUM") or t.ent_type_ in _SCENE_ENTS for t in before) \
            and (scene or any(t.ent_type_ in _SCENE_ENTS for t in before)):
        return last + 1
    return first


def listed_before(chain: list[Token], allowed: Container[Token]) -> list[Token]:
    """A coordinated list with the words a comma adds before its first ("Russian, Turkish and Iranian officials":
    the parse may hang "Russian" on the noun itself), taking only words in `allowed`."""
    chain = list(chain)
    while chain and chain[0].i >= 2 and chain[0].doc[chain[0].i - 1].text == ",":
        before = chain[0].doc[chain[0].i - 2]
        if before not in allowed or before in chain:
            break
        chain.insert(0, before)
    return chain


def _a_country_word(token: Token) -> bool:
    """A country's name or demonym: "Kenyan", "US", "British" (not a province the tagger took for a people)."""
    return lookup_country(token.text) is not None


def modifier_tokens(child: Token) -> list[Token]:
    """A left modifier's words: its whole subtree when that is a short noun-like run, else itself."""
    subtree = list(child.subtree)
    clause = any(t.dep_ in _CLAUSE_DEPS for t in subtree)
    if clause:
        return []
    if len(subtree) > 6 or subtree[-1].i != child.i and subtree[-1].i >= child.head.i:
        return [child]
    return [t for t in subtree if t.dep_ not in ("conj", "cc") or t.head.dep_ in _MODIFIER_DEPS]


def _flight(head: Token) -> Token | None:
    """A participle of flight right after the head ("people fleeing", "civilians displaced"),
    whatever the parser attached it to."""
    for child in head.rights:
        if child.dep_ in ("acl", "amod") and child.lemma_.lower() in FLIGHT_VERBS:
            return child
    following = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if following is not None and following.tag_ in ("VBG", "VBN") and following.lemma_.lower() in FLIGHT_VERBS:
        return following
    return None


def find_phrases(doc: Doc, extra_heads: set[int] | None = None) -> list[Phrase]:
    """Actor phrases of a Doc, in text order."""
    ents = entity_index(doc)
    heads = candidate_heads(doc, ents, extra_heads or set())
    head_ids = {t.i for t in heads}
    owners = {t.i: _owner(t, head_ids, ents) for t in heads}
    folded: dict[int, list[Token]] = {}
    for token in heads:
        top = top_of(token.i, owners)
        if top != token.i:
            folded.setdefault(top, []).append(token)
    phrases = []
    for token in heads:
        if top_of(token.i, owners) != token.i:
            continue
        phrases.append(_build(token, ents, folded.get(token.i, [])))
    return phrases


def top_of(i: int, owners: dict[int, int | None]) -> int:
    seen = set()
    while (owner := owners.get(i)) is not None and i not in seen:
        seen.add(i)
        i = owner
    return i


def _person_of(head: Token, ents: dict[int, Span], absorbed: list[Token]) -> Span | None:
    """The person the phrase names: a PERSON entity holding the head, or one in apposition to it
    ("Turkey's President Recep Tayyip Erdogan"); a name that only modifies ("Bush administration")
    is not."""
    own = ents.get(head.i)
    if own is not None and own.label_ == "PERSON":
        return own
    for token in absorbed:
        ent = ents.get(token.i)
        if token.dep_ == "appos" and ent is not None and ent.label_ == "PERSON":
            return ent
    return None


def _build(head: Token, ents: dict[int, Span], absorbed: list[Token]) -> Phrase:
    tokens = _phrase_tokens(head, ents, absorbed)
    flight = _flight(head)
    if flight is not None:
        tokens = [head.doc[i] for i in range(tokens[0].i, flight.i + 1)]
    person = _person_of(head, ents, absorbed)
    modifiers = [t for t in tokens if t.i != head.i]
    return Phrase(head=head, tokens=tokens, entity=ents.get(head.i), person=person,
                  modifiers=modifiers, flight=flight is not None)
