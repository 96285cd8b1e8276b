"""Numbers of people an event touched (killed, injured, displaced …) with low/best/high estimates.

Two parts: `parse_quantity` reads one written amount ("at least 6", "hundreds of thousands",
"some 3.6 million") into (low, best, high); `quantities_for` finds the amounts in a trigger's sentence,
decides what each counts (killed, injured, displaced, refugees, arrested, crowd, people_in_need) from
the words it is attached to, and keeps those that belong to the trigger's event.

Conventions (ACLED's conservative ones where ACLED has one; docs/events-arguments.md has the table):
``best`` is the smallest reading the words allow — "tens" 10, "dozens" 12, "hundreds" 100,
"thousands" 1000, "hundreds of thousands" 100000 — and ``high`` the largest (99, 999 …);
"at least N" gives low = best = N; "more than N" low = best = N + 1; "up to N" best = high = N;
"about/some/nearly N" best = N.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..models import Quantity
from ..nlp.tokens import token_table
from ..wordtables import word_table, word_tables

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..stage import Analysis

Estimate = tuple[float | None, float | None, float | None]

# ---------------------------------------------------------------- parsing one amount
UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
        if w != "_"}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
          "dozen": 12, "score": 20, "k": 1000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000,
          "bn": 1_000_000_000}
NUMBER_WORD = "|".join(sorted([*UNITS, *TENS, "hundred", "thousand", "million", "billion", "dozen"],
                              key=len, reverse=True))
# Vague plurals: (best = low, high). "tens of thousands" and the like are built from two of these.
VAGUE = {"tens": (10, 99), "dozens": (12, 99), "scores": (20, 99), "hundreds": (100, 999),
         "thousands": (1000, 9999), "millions": (1_000_000, 9_999_999), "billions": (10**9, 10**10 - 1)}
FEW: dict[str, tuple[float, float | None, float | None]] = {
    "a couple of": (2.0, 2.0, 3.0), "a couple": (2.0, 2.0, 3.0), "a few": (3.0, 3.0, 5.0),
    "a handful of": (2.0, None, 5.0), "a handful": (2.0, None, 5.0), "several": (3.0, 3.0, 9.0),
    "a number of": (3.0, 3.0, None)}

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"(?:hundred|thousand|million|billion|mln|mn|bn|m|k)\b"
WORDS = rf"(?:(?:a|an|one|half\s+a)[\s-]+)?(?:{NUMBER_WORD})\b(?:[\s-]+(?:and[\s-]+)?(?:{NUMBER_WORD})\b)*"
VAGUES = r"(?:tens|dozens|scores|hundreds|thousands|millions|billions)\b(?:\s+(?:of|and)\s+(?:tens\s+of\s+)?" \
         r"(?:thousands|millions|hundreds|billions)\b)?"
FEWS = "|".join(re.escape(k) for k in sorted(FEW, key=len, reverse=True))
CORE = rf"(?:(?:{DIGITS})(?:\s*{SCALE})?|(?:{FEWS})\b(?:\s+(?:dozen|hundred|thousand|million)\b)*|{VAGUES}|{WORDS})"
MODIFIERS = {
    "at_least": r"at\s+least|no\s+(?:fewer|less)\s+than|not\s+less\s+than|a\s+minimum\s+of",
    "more_than": r"more\s+than|over|upwards\s+of|in\s+excess\s+of|above|just\s+over|well\s+over",
    "up_to": r"up\s+to|as\s+many\s+as|as\s+much\s+as|at\s+most|no\s+more\s+than|a\s+maximum\s+of",
    "nearly": r"nearly|almost|close\s+to|just\s+under|approaching",
    "less_than": r"fewer\s+than|less\s+than|under",
    "about": r"about|around|some|roughly|approximately|an\s+estimated|estimated|an\s+approximate|circa|"
             r"perhaps|possibly|reportedly",
}
MODIFIER = "|".join(f"(?P<{k}>{v})" for k, v in MODIFIERS.items())
NUMERIC = rf"(?:{DIGITS})(?:\s*{SCALE})?"
RANGE = (rf"(?:between|from)\s+(?P<lo>{CORE})\s*(?:-|–|to|and)\s*(?P<hi>{CORE})"
         rf"|(?P<lo2>{NUMERIC})\s*(?:-|–)\s*(?P<hi2>{NUMERIC})|(?P<lo3>{CORE})\s+to\s+(?P<hi3>{CORE})")
# Not part of a longer token with digits further on ("2020-01", "1.2.3"); the look-ahead is bounded so that a
# long unspaced run of digits and dots is not rescanned from every position (quadratic: issue 16).
AMOUNT_RE = re.compile(rf"(?:(?:{MODIFIER})\s+)?(?:{RANGE}|(?P<core>{CORE}))(?![\w,.]{{0,64}}\d)", re.IGNORECASE)
# Where an amount can begin: a digit, or the first word of a modifier, a range or a core, followed by what
# AMOUNT_RE needs after it. Found first, so that AMOUNT_RE is tried only there: trying it at every character
# (finditer) was a tenth of sitrep's time beside the parse. The words are a trie (a prefix shared by several
# words is tested once) matched case-sensitively over the folded text (see `_fold`).
_FIRST_WORDS = {re.sub(r"[^a-z].*", "", alt) for v in MODIFIERS.values() for alt in v.split("|")} \
    | {"between", "from", "a", "an", "one", "half"}
_COUNT_WORDS = {"several", "tens", "dozens", "scores", "hundreds", "thousands", "millions", "billions",
                *NUMBER_WORD.split("|")}


_Trie = dict[str, "_Trie"]


def _trie(words: set[str]) -> str:
    """One pattern matching any of `words`, written as a trie: {"at", "an"} → a(?:n|t)?."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        branches = [re.escape(letter) + pattern(child) for letter, child in sorted(node.items()) if letter]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else f"(?:{'|'.join(branches)})"
        return body + ("?" if "" in node else "")

    return pattern(tree)


AMOUNT_START_RE = re.compile(rf"\d|{_trie(_FIRST_WORDS)}[\s-]|{_trie(_COUNT_WORDS)}\b")
# What IGNORECASE matches of AMOUNT_RE's lower-case ASCII letters, one letter for one: the capitals, and the
# four other letters Python's re takes for one of them (dotted and dotless i, long s, Kelvin sign).
_FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
                       "\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _fold(text: str) -> str:
    """`text` with every letter that AMOUNT_RE reads as an ASCII letter made that lower-case letter; the same
    length, and no other character changed (so digits, spaces and word boundaries stay where they were)."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


def _words_value(text: str) -> float | None:
    """Value of a number written in words: "three million", "twenty-five", "a hundred and fifty"."""
    total, current, seen = 0.0, 0.0, False
    for word in re.split(r"[\s-]+", text.lower()):
        if word in ("a", "an") and current == 0.5:  # "half a million"
            continue
        if word in ("a", "an", "one") and not seen:
            current, seen = 1.0, True
        elif word == "half":
            current, seen = 0.5, True
        elif word in UNITS or word in TENS:
            current += UNITS.get(word, TENS.get(word, 0))
            seen = True
        elif word in SCALES:
            current = (current or 1.0) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
        elif word != "and":
            return None
    return total + current if seen else None


def _digits_value(text: str) -> float | None:
    match = re.fullmatch(rf"({DIGITS})\s*({SCALE})?", text.strip(), re.IGNORECASE)
    if not match:
        return None
    value = float(match.group(1).replace(",", ""))
    return value * SCALES[match.group(2).lower()] if match.group(2) else value


def _vague_value(text: str) -> Estimate | None:
    """(low, best, high) of a vague plural ("dozens", "tens of thousands") or a few-word ("several")."""
    lowered = " ".join(text.lower().split())
    if lowered in FEW:
        return FEW[lowered]
    few = next((f for f in FEW if lowered.startswith(f + " ")), None)
    scales = lowered[len(few or ""):].split()
    if few and all(w in SCALES for w in scales):  # "several hundred", "a few dozen", "several hundred thousand"
        factor = 1
        for word in scales:
            factor *= SCALES[word]
        low, best, high = FEW[few]
        return (low * factor, None if best is None else best * factor,
                None if high is None else high * factor)
    parts = list(dict.fromkeys(p for p in re.split(r"(?<!\s)\s++(?:of|and)\s+", lowered) if p))
    if not parts or any(p not in VAGUE for p in parts):
        return None
    unit = 1  # "hundreds of thousands": 100 to 999 units of 1000, so up to 999,999
    for part in parts[1:]:
        unit *= VAGUE[part][0]
    low = VAGUE[parts[0]][0] * unit
    return float(low), float(low), float((VAGUE[parts[0]][1] + 1) * unit - 1)


def core_estimate(text: str) -> Estimate | None:
    """(low, best, high) of an amount with no modifier: exact numbers give low = best = high."""
    vague = _vague_value(text)
    if vague is not None:
        return vague
    value = _digits_value(text)
    if value is None:
        value = _words_value(text)
    return None if value is None else (value, value, value)


def _apply_modifier(kind: str | None, low: float | None, best: float | None, high: float | None) -> Estimate:
    """Adjust an estimate for the word before it (see the module docstring for the conventions)."""
    if kind == "at_least":
        return low, low, None
    if kind == "more_than":
        above = (high if high is not None and high == low else low) or 0
        step = 1 if float(above).is_integer() else 0
        return above + step, above + step, None
    if kind == "up_to":
        return None, high, high
    if kind == "nearly":
        return None, high, high
    if kind == "less_than":
        return None, None, (low - 1 if low is not None and float(low).is_integer() else low)
    if kind == "about":
        return (None, best, None) if low == high else (low, best, high)
    return low, best, high


def _estimate(match: re.Match[str]) -> Estimate | None:
    kind = next((k for k in MODIFIERS if match.group(k)), None)
    if match.group("core"):
        core = core_estimate(match.group("core"))
        return None if core is None else _apply_modifier(kind, *core)
    lo_text = match.group("lo") or match.group("lo2") or match.group("lo3")
    hi_text = match.group("hi") or match.group("hi2") or match.group("hi3")
    lo, hi = core_estimate(lo_text), core_estimate(hi_text)
    if lo is None or hi is None:
        return None
    scale = re.search(rf"\s*({SCALE})$", hi_text, re.IGNORECASE)
    if scale and not re.search(rf"{SCALE}$", lo_text, re.IGNORECASE):  # "3-4 million": the scale is shared
        factor = SCALES[scale.group(1).lower()]
        lo = tuple(None if v is None else v * factor for v in lo)  # type: ignore[assignment]
    if hi[1] is not None and lo[1] is not None and hi[1] < lo[1]:  # "3-4 million": the scale is shared
        return None
    return lo[0], lo[1], hi[2]


def parse_quantity(text: str) -> Estimate | None:
    """(low, best, high) for a written amount such as "at least 6" or "hundreds of thousands".

    The amount must open `text`; words after it ("people", "of them") are ignored. Returns None when
    `text` does not begin with an amount.
    """
    match = AMOUNT_RE.match(text.strip())
    return None if match is None else _estimate(match)


def find_amounts(text: str) -> list[tuple[int, int, Estimate]]:
    """Every amount in `text` as (start, end, estimate), offsets relative to `text`."""
    return amounts_of(text, _amount_matches(text))


def amounts_of(text: str, matches: Iterable[re.Match[str]]) -> list[tuple[int, int, Estimate]]:
    """The matches of AMOUNT_RE that are amounts: not inside a word or a number, with an estimate."""
    found: list[tuple[int, int, Estimate]] = []
    for match in matches:
        if match.start() > 0 and (text[match.start() - 1].isalnum() or text[match.start() - 1] in ".,$€£"):
            continue
        estimate = _estimate(match)
        if estimate is not None:
            found.append((match.start(), match.end(), estimate))
    return found


def _amount_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `AMOUNT_RE.finditer(text)`, trying the pattern only where an amount can begin."""
    at, folded = 0, _fold(text)
    while (start := AMOUNT_START_RE.search(folded, at)) is not None:
        match = AMOUNT_RE.match(text, start.start())
        if match is None:
            at = start.start() + 1
        else:
            yield match
            at = match.end()


# ---------------------------------------------------------------- what an amount counts
KIND_NOUNS = word_tables("events.quantities.kind_nouns")  # nouns that say by themselves what is counted
KIND_VERBS = word_tables("events.quantities.kind_verbs")  # what happened to the counted people
PEOPLE = word_table("events.quantities.people")
NOT_PEOPLE = {"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL", "QUANTITY"}
DIRECT = {"dobj", "nsubj", "nsubjpass", "attr", "amod", "compound", "oprd", "pobj"}
# counts an event can cause
CONSEQUENCES = frozenset({"killed", "injured", "arrested", "displaced"})
KIND_ORDER = ("killed", "injured", "arrested", "displaced", "evacuated", "refugees", "crowd", "people_in_need")


def _amount_head(tokens: list[Token]) -> Token:
    """The token that carries the amount's place in the clause: "hundreds of thousands" → thousands."""
    head = next((t for t in tokens if t.head not in tokens or t.head == t), tokens[-1])
    while head.dep_ in ("nummod", "quantmod", "amod", "compound") and head.head != head:
        head = head.head
    return head


def _counted_noun(head: Token) -> Token:
    """The noun counted: "thousands of people" → people; "12 civilians" → civilians."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lower_ not in VAGUE:
                return pobj
    return head


def _kind_of_noun(noun: Token) -> str | None:
    """The kind a noun names by itself ("dead", "refugees") or through an adjective ("12 people dead")."""
    for word in (noun, *(c for c in noun.children if c.dep_ in ("amod", "acl", "appos", "compound"))):
        lowered = word.lower_
        for kind, nouns in KIND_NOUNS.items():
            if lowered in nouns or word.lemma_.lower() in nouns:
                return kind
    return None


CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "mark", "aux", "auxpass"})


def _kind_of_verb(verb: Token) -> str | None:
    """What a verb says happened to the people counted; "the toll rose to 45" and "left 12 dead" too."""
    lemma = verb.lemma_.lower()
    for kind in KIND_ORDER:
        if lemma in KIND_VERBS[kind] and not (kind == "displaced" and lemma == "leave"):
            return kind
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "attr", "nsubj", "nsubjpass", "dobj"):
            counted = _kind_of_noun(child)
            if counted in ("killed", "injured"):
                return counted
        if child.dep_ == "advcl" and child.lower_ == "dead":  # "shot a shopkeeper dead"
            return "killed"
    if lemma == "leave":
        for state in _left_states(verb):
            counted = _kind_of_noun(state)
            if counted in ("killed", "injured"):
                return counted
    return "displaced" if lemma == "leave" and any(c.dep_ == "dobj" for c in verb.children) else None


def _left_states(verb: Token) -> list[Token]:
    """The state "left" people in when a word comes between and the parser hangs it elsewhere: "leaving two
    guards inside injured" (an adverbial clause, or the complement of "inside")."""
    bare = [c for c in verb.children if c.dep_ == "advcl" and not any(g.dep_ in CLAUSE_DEPS for g in c.children)]
    return bare + [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"]


def _governing_verb(head: Token) -> Token | None:
    """The verb of which the amount is subject or object ("people have fled", "killed 12 people")."""
    if head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "agent", "npadvmod", "oprd"):
        return head.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("VERB", "AUX"):
        return head.head.head
    if head.dep_ == "conj":
        return _governing_verb(head.head)
    return None


def classify_amount(tokens: list[Token]) -> tuple[str, Token] | None:
    """What an amount counts, and the word that says so (a noun like "dead" or a verb like "fled").

    What happened to the people (the verb: killed, arrested …) outranks who they were (the noun:
    "protesters", "refugees"), so "police arrested 30 protesters" counts arrests, not the crowd.
    """
    head = _amount_head(tokens)
    noun = _counted_noun(head)
    if noun.ent_type_ in NOT_PEOPLE or head.ent_type_ in NOT_PEOPLE:
        return None
    noun_kind = _kind_of_noun(noun) or (_kind_of_noun(head) if head != noun else None)
    verb = _governing_verb(head)
    verb_kind = _kind_of_verb(verb) if verb is not None else None
    people = noun_kind is not None or _is_people(noun, tokens)
    if verb is not None and verb_kind in ("killed", "injured", "arrested", "displaced", "evacuated") and people:
        return verb_kind, verb
    if noun_kind:
        return noun_kind, head
    if verb is None or verb_kind is None or not people:
        return None
    if verb_kind == "crowd" and head.dep_ != "nsubj":
        return None
    return verb_kind, verb


def _is_people(noun: Token, tokens: list[Token]) -> bool:
    """Whether the counted noun is people ("civilians", "Syrians") or the bare amount ("killed 12")."""
    return (noun.lower_ in PEOPLE or noun.ent_type_ == "NORP" or noun in tokens
            or noun.lower_ in VAGUE or noun.pos_ == "NUM")


# ---------------------------------------------------------------- which amounts belong to a trigger
def _belongs(trigger: Token, word: Token, kind: str) -> bool:
    """Whether the amount described by `word` (its kind noun or verb) is part of `trigger`'s event.

    Yes when `word` is the trigger or its object; when `word` is a consequence clause under the trigger
    ("attacked the village, killing 7"); when the trigger hangs from `word` as its subject, as "in/by
    the strike" or as a "when" clause ("the strike killed 12", "12 were killed in the strike", "two were
    killed when a bomb exploded"); and for a verb coordinated with one of those ("killed 12 and injured 30").
    """
    if word == trigger or word.head == trigger and word.dep_ in DIRECT:
        return True
    if word.dep_ == "conj" and word.pos_ in ("VERB", "AUX") and _belongs(trigger, word.head, kind):
        return True
    if kind not in CONSEQUENCES:
        return False
    if word in trigger.subtree and word.dep_ in ("advcl", "relcl", "conj", "xcomp", "acl", "pobj", "dobj"):
        return True
    if trigger.dep_ == "advcl" and word in (trigger.head, *trigger.head.conjuncts) and _when(trigger):
        return kind in ("killed", "injured")  # "two were killed when a bomb exploded"
    node = trigger
    while node.head != node and node != word:
        if node.dep_ not in ("nsubj", "nsubjpass", "agent", "pobj", "prep", "compound", "amod", "poss"):
            return False
        node = node.head
        if node.dep_ == "prep" and node.lower_ not in ("in", "during", "by", "after", "since", "from"):
            return False
    return node == word


def _when(clause: Token) -> bool:
    """An adverbial clause of the same moment ("when", "as", "while"), not of a later one ("after")."""
    return any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "as", "while") for c in clause.children)


def _sentence_amounts(sent: SpacySpan) -> list[tuple[list[Token], Estimate]]:
    doc = sent.doc
    results = []
    for start, end, estimate in find_amounts(token_table(doc).span_text(sent.start, sent.end)):  # sent.text
        span = doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
        if span is None or all(t.ent_type_ in NOT_PEOPLE for t in span) or _no_one(span[0]):
            continue
        results.append((list(span), estimate))
    taken = {t.i for tokens, _ in results for t in tokens}
    results.extend(([det, noun], (1.0, 1.0, 1.0)) for det, noun in _single_victims(sent) if noun.i not in taken)
    return results


def _no_one(first: Token) -> bool:
    """"no one was hurt", "not one soldier": a "one" that counts nobody."""
    before = first.nbor(-1).lower_ if first.i > 0 else ""
    return first.lower_ == "one" and before in ("no", "not")


SINGLE_DETS = word_table("events.quantities.single_dets")
SINGLE_VERBS = frozenset(KIND_VERBS["killed"] | KIND_VERBS["injured"] | {"arrest", "detain", "abduct", "kidnap"})
SINGLE_ROLES = frozenset({"dobj", "nsubjpass", "nsubj"})


def _single_victims(sent: SpacySpan) -> list[tuple[Token, Token]]:
    """(article, noun) of each singular person noun that a killing, wounding or arrest verb acts on."""
    found = []
    for noun in sent:
        if noun.tag_ != "NN" or noun.dep_ not in SINGLE_ROLES or noun.ent_type_ in NOT_PEOPLE:
            continue
        det = next((c for c in noun.children if c.dep_ == "det" and c.lower_ in SINGLE_DETS), None)
        verb = noun.head
        if det is None or verb.pos_ not in ("VERB", "AUX") or not _acts_on_one(verb, noun):
            continue
        if any(c.dep_ in ("nummod", "conj") for c in noun.children):
            continue  # "a man and his son": more than one
        found.append((det, noun))
    return found


def _acts_on_one(verb: Token, noun: Token) -> bool:
    """Whether `verb` kills, wounds or arrests `noun` (its object, its passive subject, or the subject of
    "died" / "was found dead"), rather than `noun` doing it."""
    lemma = verb.lemma_.lower()
    if noun.dep_ == "nsubj":
        return lemma in ("die", "perish", "drown") or lemma == "be" and any(
            c.dep_ in ("acomp", "attr") and c.lower_ == "dead" for c in verb.children)
    if lemma in SINGLE_VERBS:
        return True
    if lemma in ("shoot", "stab", "beat", "hack", "burn", "find", "leave"):  # "shot the driver dead"
        if any(c.dep_ == "amod" and c.lower_ == "dead" for c in noun.children):
            return True
        return any(c.dep_ in ("oprd", "acomp", "xcomp", "advmod", "ccomp", "advcl") and c.lower_ == "dead"
                   or c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
                   for c in verb.children)
    return False


def sentence_amounts(analysis: Analysis, sent: SpacySpan) -> list[tuple[list[Token], Estimate]]:
    """The amounts of one sentence (tokens, estimate), computed once per document and sentence."""
    cache = analysis.extras.setdefault("events.quantities", {})
    if sent.start not in cache:
        cache[sent.start] = _sentence_amounts(sent)
    return list(cache[sent.start])


def as_quantity(analysis: Analysis, tokens: list[Token], estimate: Estimate) -> Quantity:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    low, best, high = estimate
    return Quantity(low=low, best=best, high=high, text=analysis.document.text[start:end], start=start, end=end)


def quantities_for(analysis: Analysis, trigger: Token) -> dict[str, Quantity]:
    """Counts of people the event named by `trigger` affected, keyed by kind (killed, injured …).

    Where one sentence gives two counts of one kind, the smaller (ACLED's conservative choice) is kept.
    """
    found: dict[str, Quantity] = {}
    for tokens, estimate in sentence_amounts(analysis, trigger.sent):
        classified = classify_amount(tokens)
        if classified is None or not _belongs(trigger, classified[1], classified[0]):
            continue
        kind = classified[0]
        quantity = as_quantity(analysis, tokens, estimate)
        kept = found.get(kind)
        if kept is None or (quantity.best or 0) < (kept.best or 0):
            found[kind] = quantity
    return found
