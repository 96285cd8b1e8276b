"""Words to spans to actors: the noun phrase a token heads, and the actor ids found in a span.

Shared by arguments.py and attribution.py, which both import it (and not each other's helpers).
Actor ids come from `sitrep.actors.actor_at` / `actors_in`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors import actor_at as package_actor_at
from ..actors import actors_in as package_actors_in

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..stage import Analysis

__all__ = ["actor_at", "actor_of_phrase", "actors_in", "phrase_bounds"]


def phrase_bounds(token: Token) -> tuple[int, int]:
    """Character bounds of the noun phrase `token` heads, without clauses, appositions and determiners."""
    cut = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep", "case"}
    left = [c for c in token.lefts if c.dep_ not in cut]
    right = [c for c in token.rights if c.dep_ not in cut or (c.dep_ == "prep" and c.lower_ in ("of", "for"))]
    first = left[0].left_edge if left else token
    last = right[-1].right_edge if right else token
    while first.dep_ in ("det", "punct") and first.i < token.i:
        first = first.doc[first.i + 1]
    return first.idx, last.idx + len(last.text)


def actor_at(analysis: Analysis, start: int, end: int) -> str | None:
    """The id of the actor best covering [start, end) (the actors package decides)."""
    actor = package_actor_at(analysis, start, end)
    return actor.id if actor else None


def actors_in(analysis: Analysis, start: int, end: int) -> list[str]:
    """Ids of all actors mentioned within [start, end), in text order, each once."""
    return list(dict.fromkeys(a.id for a in package_actors_in(analysis, start, end) if a.id))


def actor_of_phrase(analysis: Analysis, head: Token) -> str | None:
    """The actor a phrase names: its head word's, else its apposition's ("President … Erdogan"), else any."""
    appositions = [c for c in head.children if c.dep_ == "appos"]
    for token in (head, *appositions):
        found = actor_at(analysis, token.idx, token.idx + len(token.text))
        if found:
            return found
    for token in appositions:
        found = actor_at(analysis, *phrase_bounds(token))
        if found:
            return found
    return None
