"""Who says an event happened: the reporting verb's speaker, "according to X", "reportedly".

Climbing from the trigger through the clauses that contain it, the first of these wins:

* "according to X" / "citing X" attached to the trigger's clause → X;
* a reporting verb ("said", "told", "announced", "was quoted as saying") whose complement holds the
  trigger's clause, before or after it ("Turkey's Defence Ministry said that …", "…, the Kremlin said")
  → its subject; a passive report ("it was reported that") → the verb itself, with no actor;
* a hedge on the trigger's clause ("reportedly", "allegedly", "a reported airstrike") → that word.

A reporting verb reached through an adverbial clause ("…, while Assad thanked Putin") is not the
speaker of the clause it modifies; the climb goes on past it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Attribution
from ..wordtables import word_table
from .actor_phrases import actor_at, actor_of_phrase, actors_in, phrase_bounds

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..stage import Analysis

REPORTING = word_table("events.attribution.reporting")
HEDGES = word_table("events.attribution.hedges")
HEDGE_MODIFIERS = word_table("events.attribution.hedge_modifiers")
# How a clause hangs from the word above it, if that word may be the clause's reporting verb.
REPORTED_BY = {"ccomp", "parataxis", "xcomp", "dobj"}
CLIMB = {"ccomp", "parataxis", "xcomp", "conj", "advcl", "pcomp", "prep", "pobj", "dobj", "nsubj", "acomp",
         "nsubjpass", "acl", "relcl", "attr", "agent", "compound", "appos", "csubj", "oprd", "npadvmod"}


def _clause_chain(trigger: Token) -> list[tuple[Token, str]]:
    """The trigger and each word above it, with the dependency by which the climb reached that word."""
    chain = [(trigger, "")]
    node = trigger
    while node.dep_ in CLIMB and node.head != node and len(chain) < 12:
        chain.append((node.head, node.dep_))
        node = node.head
    return chain


def _according_to(token: Token) -> Token | None:
    """The X of "according to X" or "citing X" under `token`."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                pobj = [c for c in to.children if c.dep_ == "pobj"]
                if to.lower_ == "to" and pobj:
                    return pobj[0]
        if child.dep_ == "advcl" and child.lemma_.lower() == "cite":
            dobj = [c for c in child.children if c.dep_ == "dobj"]
            if dobj:
                return dobj[0]
    return None


def _speaker(verb: Token) -> Token | None:
    """The subject of a reporting verb; for "was quoted as saying", the subject of "quoted"."""
    node = verb
    if node.dep_ in ("pcomp", "advcl") and node.head.dep_ == "prep" and node.head.head.lemma_ == "quote":
        node = node.head.head
    elif node.dep_ == "pcomp" and node.head.head.lemma_ == "quote":
        node = node.head.head
    for child in node.children:
        if child.dep_ in ("nsubj", "nsubjpass") and not (child.dep_ == "nsubjpass" and node.lemma_ != "quote"):
            return child
    if node.dep_ in ("conj", "xcomp") and node.head != node:
        return _speaker(node.head)
    return None


def _hedge(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in HEDGES:
            return child
        if child.dep_ in ("amod", "acl") and child.lower_ in HEDGE_MODIFIERS:
            return child
    return None


def reporting_source(trigger: Token) -> tuple[Token, Token | None] | None:
    """(reporting word, speaker head or None) for the trigger's clause, or None when nothing reports it."""
    chain = _clause_chain(trigger)
    for index, (node, via) in enumerate(chain):
        according = _according_to(node)
        if according is not None and not (via == "conj" and according.i < chain[index - 1][0].left_edge.i):
            return according, according  # (an "according to" inside an earlier conjunct is that one's)
        if index and via in REPORTED_BY and node.lemma_.lower() in REPORTING and node.pos_ in ("VERB", "AUX"):
            return node, _speaker(node)
        hedge = _hedge(node)
        if hedge is not None:
            return hedge, None
    return None


def _attribution(analysis: Analysis, word: Token, speaker: Token | None) -> Attribution:
    if speaker is None or speaker.pos_ == "PRON" and speaker.lower_ == "it":
        start, end = word.idx, word.idx + len(word.text)
        return Attribution(actor=None, text=analysis.document.text[start:end], start=start, end=end)
    start, end = phrase_bounds(speaker)
    actor = actor_of_phrase(analysis, speaker) or actor_at(analysis, start, end)
    actor = actor or next(iter(actors_in(analysis, start, end)), None)
    return Attribution(actor=actor, text=analysis.document.text[start:end], start=start, end=end)


def attribution_of(analysis: Analysis, trigger: Token) -> Attribution | None:
    """The source of the claim that the event named by `trigger` took place, if the text gives one."""
    found = reporting_source(trigger)
    if found is None:
        return None
    return _attribution(analysis, *found)
