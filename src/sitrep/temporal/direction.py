"""Which way a bare date points: the tense and modality of the verb that governs the expression.

'said on Friday' → past (the Friday on or before publication); 'will be implemented on Sunday' and
'would halt on Jan. 12' → future; 'plans to meet on Monday' → future; otherwise none (nearest).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from ..nlp.tokens import token_table
from ..wordtables import word_table

FUTURE_AUX = word_table("temporal.direction.future_aux")
PLAN_VERBS = word_table("temporal.direction.plan_verbs")

INTENT_VERBS = word_table("temporal.direction.intent_verbs")

COMMITMENT_VERBS = word_table("temporal.direction.commitment_verbs")


class TokenIndex:
    """Finds the token at a character offset in a Doc by bisection (built once per document)."""

    def __init__(self, doc: Doc):
        table = token_table(doc)  # (Doc.text joins every token on each access)
        self.doc = doc
        self.text = table.text
        self.starts = table.starts

    def at(self, offset: int) -> Token | None:
        i = bisect_right(self.starts, offset) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def span_root(self, start: int, end: int) -> Token | None:
        """The token of [start, end) whose head lies outside it (the syntactic root of the expression)."""
        first, last = self.at(start), self.at(max(start, end - 1))
        if first is None or last is None:
            return None
        tokens = self.doc[first.i:last.i + 1]
        for token in tokens:
            if not (first.i <= token.head.i <= last.i) or token.head.i == token.i:
                return token
        return first


def governing_verb(token: Token, steps: int = 5) -> Token | None:
    """The nearest verb on the path from the token to the sentence root."""
    current = token
    for _ in range(steps):
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def verb_direction(verb: Token, depth: int = 0) -> str:
    """past | future | none, from the verb's tense, auxiliaries and (for infinitives) the verb above."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX or ("going" in words and "to" in words):
        return "future"
    if "to" in words and depth < 2 and verb.head.i != verb.i:
        if _pluperfect(verb.head) and verb.head.lemma_.lower() not in COMMITMENT_VERBS:
            return "past"  # 'had been due to end Monday': a plan overtaken, so already past
        if verb.head.lemma_.lower() in PLAN_VERBS or _be_to(verb):
            return "future"
        return verb_direction(verb.head, depth + 1)
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if verb.tag_ in ("VBZ", "VBP") and not auxes and verb.lemma_.lower() in INTENT_VERBS:
        return "future"  # 'the league plans a news conference on Tuesday': a plan stated now lies ahead
    if "VBD" in tags or (verb.tag_ == "VBN" and words & {"has", "have", "had", "'s", "'ve"}):
        return "past"
    if verb.tag_ == "VBG" and words & {"is", "are", "'s", "'re", "am"}:
        return "future"
    return "none"


def expression_direction(index: TokenIndex, start: int, end: int) -> str:
    root = index.span_root(start, end)
    if root is None:
        return "none"
    if _EARLIEST.search(index.text, max(0, start - 16), start):
        return "future"  # 'as soon as Tuesday', 'effective Feb. 1': a date still to come
    verb = governing_verb(root)
    bound = _preposition_bound(index.text[max(0, start - 12):start], verb)
    if bound is not None:
        return bound
    if verb is None:
        return "none"
    lemma = verb.lemma_.lower()
    if lemma in SCHEDULE_VERBS and (lemma in ("schedule", "slate") or _through_noun(root, verb)):
        return "future"  # 'has scheduled a press briefing Monday': the thing scheduled lies ahead
    return verb_direction(verb)


def _preposition_bound(before: str, verb: Token | None) -> str | None:
    """'until'/'through' name the end of a span, which may lie after a past-tense verb: 'extended its
    deadline until 9 a.m. Tuesday' points ahead (unless 'until Thursday they had not…' looks back);
    'loans through January' is the nearest January whatever the tense."""
    if _DEADLINE.search(before):
        return "past" if verb is not None and _pluperfect(verb) else "future"
    if _THROUGH.search(before):
        return "none"
    return None


SCHEDULE_VERBS = word_table("temporal.direction.schedule_verbs")
_DEADLINE = re.compile(r"(?i)(?<!\bup )(?<!\bnot )\b(?:until|till)\s+$")
_THROUGH = re.compile(r"(?i)\bthrough\s+$")
_EARLIEST = re.compile(r"(?i)(?:\bas\s+(?:soon|early)\s+as|\beffective)\s+$")


def _through_noun(token: Token, verb: Token) -> bool:
    """Whether the expression hangs from the verb through a noun (its object), not from the verb itself."""
    current = token.head
    while current.i != verb.i and current.head.i != current.i:
        if current.pos_ in ("NOUN", "PROPN"):
            return True
        current = current.head
    return False


def _pluperfect(verb: Token) -> bool:
    return any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for c in verb.children) or (
        verb.dep_ in ("acomp", "xcomp") and any(c.lower_ == "had" for c in verb.head.children))


def _be_to(verb: Token) -> bool:
    """'is to resume trading Tuesday': be + to-infinitive, an arrangement still to come."""
    head = verb.head
    return head.lemma_ == "be" and head.i < verb.i and verb.dep_ in ("xcomp", "ccomp", "attr")
