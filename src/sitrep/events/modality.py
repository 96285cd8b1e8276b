"""Whether an event happened, is planned, threatened, requested, denied, conditional or negated.

The modality of a trigger comes from its own words (auxiliaries "will", "would", a negation, the
determiner "no", a modifier such as "planned") and from the words that govern its clause, climbed
through complements and support verbs: "has vowed to recapture" (threatened), "called for a ceasefire"
(requested), "agreed that a ceasefire will be implemented" (planned), "denied carrying out the attack"
(denied), "will expire if the Council cannot reach a deal" (conditional).

Three more say that the words report no single occurrence:

* hypothetical — a question ("Will the army attack?"), a possibility ("could collapse", "is unlikely to block",
  "a possible strike"), a risk faced ("migrants face the threat of deportation");
* ongoing — a standing relation or state, not an act of the day: "Russia and Iran back Assad", "Turkey has for
  years backed rebels", "rebels are fighting to oust him", "the detained migrants", "have worked together since";
* habitual — what happens regularly: "police arrest dozens every week", "shelling often hits the town".

Precedence, strongest first: denied, conditional ("if", "unless"), negated, then the cue nearest the
trigger among threatened / requested / planned / hypothetical, then habitual and ongoing; with no cue the event
is asserted.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from ..models import Modality
from ..wordtables import word_table, word_tables

if TYPE_CHECKING:
    from spacy.tokens import Token

DENY = word_table("events.modality.deny")
NEGATE = word_table("events.modality.negate")
THREATEN = word_table("events.modality.threaten")
REQUEST = word_table("events.modality.request")
PLAN = word_table("events.modality.plan")
NEED_COMPLEMENT = word_table("events.modality.need_complement")
VERB_CUES: dict[str, frozenset[str]] = {"denied": DENY, "negated": NEGATE, "threatened": THREATEN,
                                        "requested": REQUEST, "planned": PLAN,
                                        "maybe": word_table("events.modality.maybe")}
NOUN_CUES = word_tables("events.modality.noun_cues")
MODIFIER_CUES = word_tables("events.modality.modifier_cues")
DONE_VERBS = word_table("events.modality.done_verbs")
FUTURE = word_table("events.modality.future")
HEDGED = word_table("events.modality.hedged")
OBLIGATION = word_table("events.modality.obligation")
CONDITION_MARKS = word_table("events.modality.condition_marks")
REPORTING = word_table("events.modality.reporting")
TIGHT = {"xcomp", "ccomp", "conj", "oprd", "acomp", "pcomp"}
LOOSE = {"conj", "advcl", "nsubj", "npadvmod", "appos", "relcl"}  # a governor's word cue does not cross these
CARRIERS = word_table("events.modality.carriers")
CONFIDENCE: dict[str, float] = {"denied": 0.85, "negated": 0.85, "conditional": 0.7, "threatened": 0.8,
                                "requested": 0.8, "planned": 0.8, "maybe": 0.6, "hypothetical": 0.7, "ongoing": 0.7,
                                "habitual": 0.7}
# Types that name a standing relation when told in the present or over a span ("X backs Y", "X has long
# armed Y"), and the words that say the act is a span or a habit.
RELATIONS = frozenset({"support", "agree_support", "cooperate", "cooperate_military", "cooperate_economic", "cooperate_intelligence", "aid", "aid_military", "aid_economic", "occupy", "blockade", "fight"})
PROGRESSIVE = word_table("events.modality.progressive")
PERFECT = word_table("events.modality.perfect")
SPAN_WORDS = word_table("events.modality.span_words")
HABIT_WORDS = word_table("events.modality.habit_words")
HABIT_UNITS = word_table("events.modality.habit_units")
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
        if node.dep_ in ("ccomp", "conj") and _semicolon_between(node, node.head):
            break  # "X shelled the town; no one was hurt": a clause after a semicolon is a sentence of its own
        node, depth = node.head, depth + 1
        yield depth, node


def _semicolon_between(a: Token, b: Token) -> bool:
    low, high = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[low + 1:high])


def _purpose(token: Token) -> bool:
    """An infinitive of purpose or intent: "fighting to oust", "a deal to extend", "sent troops to protect"."""
    return token.dep_ in ("relcl", "acl", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _all_nouns() -> set[str]:
    return set().union(*NOUN_CUES.values())


def _negated(token: Token) -> bool:
    """A negation on the word itself: "did not attack", "no strikes", "never", "without firing", "ended without
    an agreement", or on the noun it hangs from by "of" ("no reports of shelling")."""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "neither")):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and _no_one(child):  # "no one was hurt"
            return True
    if token.dep_ in ("pobj", "pcomp") and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        # "no claims of responsibility", "no reports of shelling": the noun the event hangs from is denied
        if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in token.head.head.children):
            return True
    return token.dep_ in ("pcomp", "pobj") and token.head.lower_ == "without"


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
    """"will be implemented" → planned; "would halt" → planned under a reporting verb, else a possibility;
    "must cooperate", "should withdraw" → what someone requires (requested)."""
    for child in token.children:
        if child.dep_ not in ("aux", "auxpass"):
            continue
        word = child.lower_
        if word in FUTURE or (word == "going" and any(c.lower_ == "to" for c in token.children)):
            return "planned"
        if word in OBLIGATION:
            return "requested"
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
            if found == "planned" and carried_out(token):
                continue  # "carried out a planned attack": premeditated, and done
            if found:
                return found
    return None


def carried_out(noun: Token) -> bool:
    """Whether an event noun is what a verb of doing in the past carried out ("carried out a planned attack")."""
    verb = noun.head
    return (noun.dep_ in ("dobj", "nsubjpass") and verb.tag_ in ("VBD", "VBN")
            and verb.lemma_.lower() in DONE_VERBS)


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
        if _purpose(node) and not _gathered_for(node) and not _intervened_to(node):
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
    if node.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return True  # "no request to send troops": what the negated noun asks for
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


def _question(trigger: Token) -> bool:
    """Whether the trigger's sentence asks a question: "Will the army attack the city?"."""
    last = trigger.sent[-1]
    return last.text == "?" or (len(trigger.sent) > 1 and trigger.sent[-2].text == "?" and last.is_space)


def _habitual(trigger: Token) -> bool:
    """ "every week", "each year", "often", "routinely": a habit, not one occurrence."""
    for node in (trigger, trigger.head):
        for child in node.children:
            word = child.lower_
            if child.dep_ in ("advmod", "npadvmod") and word in HABIT_WORDS:
                return True
            if child.dep_ == "npadvmod" and child.lemma_.lower() in HABIT_UNITS and any(
                    d.lower_ in ("every", "each") for d in child.children):
                return True
            if _many_times(child):
                return True
    return False


MANY = word_table("events.modality.many")


def _many_times(child: Token) -> bool:
    """ "arrested him several times", "on numerous occasions": many occurrences told as one (not "fired three
    times": a number of shots is one act)."""
    unit = child
    if child.dep_ == "prep" and child.lower_ == "on":
        unit = next((c for c in child.children if c.dep_ == "pobj"), child)
    elif child.dep_ != "npadvmod":
        return False
    return unit.lemma_.lower() in ("time", "occasion") and any(d.lower_ in MANY for d in unit.children)


def _ongoing(trigger: Token, kind: str | None) -> bool:
    """A standing relation or state rather than an act of the day.

    * a participle that describes a noun: "the detained migrants", "the besieged city";
    * a relation told in the simple present ("Russia and Iran back Assad") or over a span ("has for years
      backed", "have worked together since 2015", "has long armed");
    * a fight in the present progressive with no time said ("rebels are fighting to oust him"): the war goes on.
    """
    if trigger.dep_ == "amod" and trigger.tag_ == "VBN":
        return True
    if kind not in RELATIONS or trigger.pos_ not in ("VERB", "AUX"):
        return False
    if trigger.dep_ == "acl" and trigger.tag_ in ("VBN", "VBG"):
        return True  # "Assad, backed by Russia", "rebels fighting to oust him": what someone is, not did that day
    if _concessive(trigger):
        return True  # "Though Iran and Russia worked together …": background granted, not news
    auxiliaries = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    if kind == "fight":
        undated = not any(t.ent_type_ in ("DATE", "TIME") for t in trigger.sent)
        return trigger.tag_ == "VBG" and bool(auxiliaries & PROGRESSIVE) and undated
    if trigger.tag_ in ("VBZ", "VBP") and not auxiliaries:
        return True
    span = any(t.lower_ in SPAN_WORDS for t in trigger.subtree)
    return span and bool(auxiliaries & PERFECT)


CONCESSIVE = word_table("events.modality.concessive")
GATHERING = word_table("events.modality.gathering")
PROTESTING = word_table("events.modality.protesting")


def _gathered_for(node: Token) -> bool:
    """ "residents gathered to protest": a crowd's purpose is what it is doing, not a plan."""
    return node.lemma_.lower() in PROTESTING and node.head.lemma_.lower() in GATHERING


INTERVENING = word_table("events.modality.intervening")


def _intervened_to(node: Token) -> bool:
    """ "officers intervened to clear the square", "troops moved in to evict them": what forces stepped in to do
    is what they did (or set about doing), not a plan."""
    return node.head.lemma_.lower() in INTERVENING and node.head.i != node.i


def _concessive(trigger: Token) -> bool:
    """A clause that grants background before the news: "Though X and Y worked together, …"."""
    return trigger.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONCESSIVE for c in trigger.children)


class Mood(NamedTuple):
    modality: Modality
    confidence: float
    rule: str  # the cue that decided it: "modality.cue:negated at 0 words up", "modality.question" …


def mood_of(trigger: Token, kind: str | None = None) -> Mood:
    """The modality of the event named by `trigger` (of internal type `kind`), its confidence in [0, 1] and
    the cue that decided it."""
    cues = _cues(trigger)
    kinds = {kind for _, kind in cues}
    for strongest in ("denied", "conditional", "negated"):
        if strongest in kinds:
            depth = min(d for d, k in cues if k == strongest)
            return Mood(strongest, CONFIDENCE[strongest], f"modality.cue:{strongest} {depth} step(s) up")
    if _question(trigger):
        return Mood("hypothetical", CONFIDENCE["hypothetical"], "modality.question")
    if cues:  # "maybe" is a modal or a possibility ("could collapse", "a possible strike"): hypothetical
        depth, found = min(cues)
        modality = "hypothetical" if found == "maybe" else found
        return Mood(modality, round(CONFIDENCE[found] - 0.05 * min(depth, 3), 2),  # type: ignore[arg-type]
                    f"modality.cue:{found} {depth} step(s) up")
    if _habitual(trigger):
        return Mood("habitual", CONFIDENCE["habitual"], "modality.habit_word")
    if _ongoing(trigger, kind):
        return Mood("ongoing", CONFIDENCE["ongoing"], "modality.standing_relation")
    return Mood("asserted", _asserted_confidence(trigger), f"modality.no_cue ({trigger.tag_})")


def modality_of(trigger: Token, kind: str | None = None) -> tuple[Modality, float]:
    """The modality of the event named by `trigger` and its confidence (mood_of without the rule)."""
    mood = mood_of(trigger, kind)
    return mood.modality, mood.confidence
