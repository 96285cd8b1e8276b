"""Turn detected candidates into TimeExpression records, in text order, against a publication date.

Each expression is read with the direction of its governing verb and the last date resolved before
it (so 'a year earlier' after 'the third quarter' is the year-earlier quarter).
"""

from __future__ import annotations

import re
from datetime import date

from ..models import Interval, TimeExpression
from .calendar import interval_of
from .detect import Candidate
from .rules import Context, Found

_ANCHORABLE = re.compile(r"^\d{4}(?:-(?:Q\d|H\d|\d\d(?:-\d\d)?|W\d\d))?$")


def resolve(text: str, candidates: list[Candidate], directions: list[str], dct: date | None) -> list[TimeExpression]:
    """TimeExpressions for the candidates; directions[i] is past|future|none for candidates[i]."""
    expressions = []
    previous: str | None = None
    topic: str | None = None
    for cand, direction in zip(candidates, directions, strict=True):
        context = Context(dct=dct, direction=direction, previous=previous, topic=topic)
        found = cand.rule.normalise(cand.match, context)
        if found is None:
            continue
        expressions.append(to_record(text, cand, found))
        if _anchors_later(cand, found):
            previous = found.value
            if topic is None and _QUARTER.match(found.value or ""):
                topic = found.value
    return expressions


def _anchors_later(cand: Candidate, found: Found) -> bool:
    """Whether later expressions ('that year', 'a year earlier') read against this one: a DATE stated in its
    own right, not one itself counted back from another ('a year ago', 'the year-earlier quarter')."""
    if found.type != "DATE" or found.anchor == "previous" or not found.value or not _ANCHORABLE.match(found.value):
        return False
    return cand.rule.name != "year_earlier" and not _COUNTED_BACK.search(cand.match.group(0))


_QUARTER = re.compile(r"^\d{4}-Q[1-4]$")
_COUNTED_BACK = re.compile(r"(?i)\b(?:ago|earlier)\b")


def to_record(text: str, cand: Candidate, found: Found) -> TimeExpression:
    span = interval_of(found.value, found.utc_offset) if found.value and found.type in ("DATE", "TIME") else None
    return TimeExpression(
        start=cand.start, end=cand.end, text=text[cand.start:cand.end], type=found.type,
        value=found.value, granularity=found.granularity, mod=found.mod,
        interval=Interval(start=span[0], end=span[1]) if span else None,
        anchor=found.anchor, utc_offset=found.utc_offset,
    )
