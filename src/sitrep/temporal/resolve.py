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
    for cand, direction in zip(candidates, directions, strict=True):
        found = cand.rule.normalise(cand.match, Context(dct=dct, direction=direction, previous=previous))
        if found is None:
            continue
        expressions.append(to_record(text, cand, found))
        if found.type == "DATE" and found.anchor != "previous" and found.value and _ANCHORABLE.match(found.value):
            previous = found.value
    return expressions


def to_record(text: str, cand: Candidate, found: Found) -> TimeExpression:
    span = interval_of(found.value, found.utc_offset) if found.value and found.type in ("DATE", "TIME") else None
    return TimeExpression(
        start=cand.start, end=cand.end, text=text[cand.start:cand.end], type=found.type,  # type: ignore[arg-type]
        value=found.value, granularity=found.granularity, mod=found.mod,
        interval=Interval(start=span[0], end=span[1]) if span else None,
        anchor=found.anchor, utc_offset=found.utc_offset,  # type: ignore[arg-type]
    )
