"""Find the actors behind a span of text, for the events stage (argument linking, coordination)."""

from __future__ import annotations

from ..models import Actor
from ..stage import Analysis


def _spans(analysis: Analysis) -> list[tuple[int, int, Actor]]:
    """(start, end, actor) for every mention, sorted; cached per analysis in ``extras``."""
    cached = analysis.extras.get("actor_spans")
    if cached is None or cached[0] is not analysis.actors:
        spans = sorted(((m.start, m.end, a) for a in analysis.actors for m in a.mentions), key=lambda x: x[:2])
        cached = (analysis.actors, spans)
        analysis.extras["actor_spans"] = cached
    return cached[1]


def _rank(start: int, end: int, m_start: int, m_end: int) -> tuple[int, int]:
    """Lower is better: a mention holding the span (shortest first); then mentions inside the span
    (earliest first: the head of a noun phrase comes before its "in …"/"of …" parts); then overlaps."""
    if m_start <= start and end <= m_end:
        return (0, m_end - m_start)
    if start <= m_start and m_end <= end:
        return (1, m_start)
    return (2, -(min(end, m_end) - max(start, m_start)))


def actor_at(analysis: Analysis, start: int, end: int) -> Actor | None:
    """The actor with a mention overlapping [start, end); a mention contained in or containing it wins."""
    best: tuple[tuple[int, int], Actor] | None = None
    for m_start, m_end, actor in _spans(analysis):
        if m_start >= end:
            break
        if m_end > start:
            rank = _rank(start, end, m_start, m_end)
            if best is None or rank < best[0]:
                best = (rank, actor)
    return best[1] if best else None


def actors_in(analysis: Analysis, start: int, end: int) -> list[Actor]:
    """All actors with a mention inside [start, end), in order of first mention there."""
    found: dict[str, Actor] = {}
    for m_start, m_end, actor in _spans(analysis):
        if m_start >= end:
            break
        if m_start >= start and m_end <= end:
            found.setdefault(actor.id, actor)
    return list(found.values())
