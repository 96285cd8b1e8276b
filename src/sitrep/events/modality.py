"""Whether an event happened, is planned, threatened, requested, denied, conditional or negated.

The modality of a trigger comes from its own words (auxiliaries "will", "would", a negation, the
determiner "no", a modifier such as "planned") and from the words that govern its clause, climbed
through complements and support verbs: "has vowed to recapture" (threatened), "called for a ceasefire"
(requested), "agreed that a ceasefire will be implemented" (planned), "denied carrying out the attack"
(denied), "will expire if the Council cannot reach a deal" (conditional).

Precedence, strongest first: denied, conditional ("if", "unless"), negated, then the cue nearest the
trigger among threatened / requested / planned / a modal ("could collapse", also conditional); with no
cue the event is asserted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..models import Modality

if TYPE_CHECKING:
    from spacy.tokens import Token

DENY = {"deny", "refute", "rebut", "disavow", "dispute"}
NEGATE = {"refuse", "fail", "decline", "avoid", "prevent", "thwart", "foil", "avert", "cancel", "postpone",
          "reject", "block", "veto"}
THREATEN = {"vow", "threaten", "warn", "swear"}
REQUEST = {"call", "urge", "demand", "ask", "appeal", "request", "press", "push", "plead", "beg",
           "implore", "seek", "petition", "lobby", "invite", "encourage"}
PLAN = {"plan", "intend", "prepare", "aim", "schedule", "expect", "agree", "decide", "propose",
        "promise", "pledge", "commit", "hope", "set", "consider", "mull", "discuss", "negotiate",
        "offer", "arrange", "due", "likely", "ready", "poised", "go", "want", "wish", "fight", "try",
        "attempt", "strive", "struggle", "work", "move", "scramble", "race", "rush"}
NEED_COMPLEMENT = {"set", "go", "due", "likely", "ready", "poised", "fight", "try", "attempt", "strive",
                   "struggle", "work", "move", "scramble", "race", "rush"}  # cues only as "set to", "going to" …
VERB_CUES: dict[str, set[str]] = {"denied": DENY, "negated": NEGATE, "threatened": THREATEN,
                                  "requested": REQUEST, "planned": PLAN}
NOUN_CUES: dict[str, set[str]] = {
    "denied": {"denial"},
    "threatened": {"threat", "vow", "warning", "ultimatum", "pledge"},
    "requested": {"call", "demand", "appeal", "request", "plea", "bid", "push"},
    "planned": {"plan", "proposal", "intention", "prospect", "agreement", "deal", "preparation", "decision"},
}
MODIFIER_CUES: dict[str, set[str]] = {
    "planned": {"planned", "proposed", "upcoming", "expected", "future", "scheduled", "prospective",
                "intended", "imminent", "forthcoming", "anticipated", "looming", "next"},
    "maybe": {"possible", "potential", "hypothetical", "would-be", "likely", "feared"},
    "negated": {"failed", "foiled", "thwarted", "aborted", "cancelled", "canceled", "averted"},
}
FUTURE = {"will", "shall", "'ll", "wo"}
HEDGED = {"would", "could", "might", "may", "can", "should", "must", "'d"}
CONDITION_MARKS = {"if", "unless", "provided", "providing", "whether", "lest"}
REPORTING = {"say", "tell", "announce", "state", "report", "add", "claim", "insist", "warn", "note",
             "confirm", "write", "declare", "explain", "allege", "believe", "think", "expect", "suggest"}
TIGHT = {"xcomp", "ccomp", "conj", "oprd", "acomp", "pcomp"}
LOOSE = {"conj", "advcl", "nsubj", "npadvmod", "appos", "relcl"}  # a governor's word cue does not cross these
# Verbs that carry a nominal event's occurrence: "did not carry out strikes", "no truce was implemented".
CARRIERS = {"carry", "conduct", "launch", "stage", "mount", "hold", "make", "sign", "reach", "strike", "implement",
            "happen", "occur", "take", "begin", "start", "resume", "report", "record", "see", "observe", "erupt",
            "break", "materialize", "materialise", "go", "come", "pay", "have", "be", "announce", "declare", "agree"}
CONFIDENCE: dict[str, float] = {"denied": 0.85, "negated": 0.85, "conditional": 0.7, "threatened": 0.8,
                                "requested": 0.8, "planned": 0.8, "maybe": 0.6}
# Dependencies along which a governing word's modality reaches the trigger.
CLIMB = {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "nsubj", "nsubjpass", "conj", "attr", "acl",
         "oprd", "agent", "csubj", "csubjpass", "dative", "compound", "appos"}


def _governors(trigger: Token) -> Iterator[tuple[int, Token]]:
    """The trigger and the words above it whose modality reaches it, with their distance."""
    node, depth = trigger, 0
    yield depth, node
    while (node.dep_ in CLIMB or _purpose(node)) and node.head != node:
        if node.dep_ in ("nsubj", "nsubjpass") and node.pos_ in ("VERB", "AUX"):
            break  # a clause that is a subject does not take the modality of its verb
        if node.dep_ == "acl" and not _purpose(node) and node.head.lemma_.lower() not in _all_nouns():
            break  # "the attack, carried out …": a reduced relative keeps its own modality
        node, depth = node.head, depth + 1
        yield depth, node


def _purpose(token: Token) -> bool:
    """An infinitive of purpose or intent: "fighting to oust", "a deal to extend", "sent troops to protect"."""
    return token.dep_ in ("relcl", "acl", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _all_nouns() -> set[str]:
    return set().union(*NOUN_CUES.values())


def _negated(token: Token) -> bool:
    """A negation on the word itself: "did not attack", "no strikes", "never", "without firing"."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "neither")):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and _no_one(child):  # "no one was hurt"
            return True
    return token.dep_ == "pcomp" and token.head.lower_ == "without"


def _no_one(subject: Token) -> bool:
    if subject.lower_ in ("nobody", "none", "nothing", "noone", "neither"):
        return True
    return any(c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither") for c in subject.children)


def _condition(token: Token) -> bool:
    """Whether the word heads, or is governed by, an "if/unless" clause."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children):
        return True
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
               for c in token.children)


def _auxiliary_cue(token: Token, reported: bool) -> str | None:
    """"will be implemented" → planned; "would halt" → planned under a reporting verb, else conditional."""
    for child in token.children:
        if child.dep_ not in ("aux", "auxpass"):
            continue
        word = child.lower_
        if word in FUTURE or (word == "going" and any(c.lower_ == "to" for c in token.children)):
            return "planned"
        if word in HEDGED:
            return "planned" if word in ("would", "'d") and reported else "maybe"
    return None


def _word_cue(token: Token, depth: int) -> str | None:
    """The modality a governing verb, noun or the trigger's modifiers express."""
    lemma = token.lemma_.lower()
    if depth > 0:
        cues = VERB_CUES if token.pos_ in ("VERB", "AUX", "ADJ") else NOUN_CUES
        found = next((m for m, words in cues.items() if lemma in words), None)
        if found and not (found == "requested" and lemma == "call" and not _calls_for(token)):
            if lemma not in NEED_COMPLEMENT or any(c.dep_ == "xcomp" for c in token.children):
                return found
    for child in token.children:
        if child.dep_ in ("amod", "compound", "advmod"):
            found = next((m for m, words in MODIFIER_CUES.items() if child.lower_ in words), None)
            if found:
                return found
    return None


def _calls_for(token: Token) -> bool:
    """"call" requests only as "call for", "call on", "call to" or "call X to"."""
    return any(c.lower_ in ("for", "on", "to", "upon") or c.dep_ == "xcomp" for c in token.children)


def _reported(token: Token) -> bool:
    """Whether the word's clause is the complement of a reporting verb ("said attacks would halt")."""
    node = token
    while node.dep_ in ("conj", "xcomp") and node.head != node:
        node = node.head
    return node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING


def _cues(trigger: Token) -> list[tuple[int, str]]:
    """Every modality cue on the trigger and its governors, with its distance from the trigger.

    Negation and the negating verbs ("refused to", "denied") reach the trigger only along a tight path:
    complements, coordination, or a noun's own support verb ("did not carry out attacks"); not through
    a preposition or an unrelated subject ("the aid is not helping" does not negate the aid). A
    governing verb's word cue does not pass to a verb coordinated with it or to its subject.
    """
    found: list[tuple[int, str]] = []
    below: Token | None = None
    tight = True
    for depth, node in _governors(trigger):
        via = below.dep_ if below is not None else ""
        if via in ("ccomp", "parataxis") and _reports(node):
            break  # "officials will say that rebels attacked": the speaker's mood is not the event's
        if tight and _negated(node):
            found.append((depth, "negated"))
        if _condition(node) and node.pos_ in ("VERB", "AUX"):
            found.append((depth, "conditional"))
        if _purpose(node):
            found.append((depth, "planned"))
        word = _word_cue(node, depth) if via not in LOOSE else None
        if word in ("denied", "negated") and not tight:
            word = None
        for cue in (word, _auxiliary_cue(node, _reported(node))):
            if cue:
                found.append((depth, cue))
        tight = tight and _tight(node)
        below = node
    return found


def _tight(node: Token) -> bool:
    """Whether a negation above `node` bears on it (see `_cues`)."""
    if node.dep_ in TIGHT:
        return True
    carrier = node.head.lemma_.lower() in CARRIERS
    return node.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") and carrier and node.pos_ in ("NOUN", "PROPN")


def _reports(token: Token) -> bool:
    """A plain reporting verb ("say", "tell"); "warn" and "expect" carry a modality of their own."""
    return token.lemma_.lower() in REPORTING and token.lemma_.lower() not in ("warn", "expect")


def _asserted_confidence(trigger: Token) -> float:
    """How sure an event with no modality cue happened: past tense most, nominal least; a noun carried
    by a past-tense verb ("carried out strikes", "a truce had been implemented") is nearly as sure."""
    if trigger.tag_ in ("VBD", "VBN"):
        return 0.85
    if trigger.pos_ == "VERB":
        return 0.7
    carrier = trigger.head
    if trigger.dep_ in ("dobj", "nsubjpass", "nsubj") and carrier.lemma_.lower() in CARRIERS | {"kill", "hit"}:
        return 0.8 if carrier.tag_ in ("VBD", "VBN") else 0.65
    return 0.6


def modality_of(trigger: Token) -> tuple[Modality, float]:
    """The modality of the event named by `trigger`, with a confidence in [0, 1]."""
    cues = _cues(trigger)
    kinds = {kind for _, kind in cues}
    for strongest in ("denied", "conditional", "negated"):
        if strongest in kinds:
            return strongest, CONFIDENCE[strongest]  # type: ignore[return-value]
    if cues:  # "maybe" is a modal ("could collapse", "a possible strike"): conditional, weaker than "if"
        depth, kind = min(cues)
        modality = "conditional" if kind == "maybe" else kind
        return modality, round(CONFIDENCE[kind] - 0.05 * min(depth, 3), 2)  # type: ignore[return-value]
    return "asserted", _asserted_confidence(trigger)
