"""Events named inside a temporal adjunct refer back to events the article reports elsewhere.

"met Erdogan on Wednesday, a day after paying a visit to Assad", "hours after an agreement was
struck", "days after the killing of Soleimani": the visit, the agreement and the killing are not new
events of the sentence's day and place; they are the sentence's time frame. Such a mention

* does not take the sentence's place or time expressions, unless they sit inside the adjunct itself
  ("since a renewed assault last month");
* is dated relative to the main clause ("a day after" → the day before the main event's date);
* is merged (dedupe.py) with a matching event reported elsewhere in the article, if there is one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..models import Event, EventDate
from ..temporal import event_date
from ..wordtables import word_table

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..stage import Analysis

MARKERS = word_table("events.backrefs.markers")
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
UNIT_DAYS = {"hour": 0, "day": 1, "week": 7, "month": 30, "year": 365}


def temporal_marker(anchor: Token) -> Token | None:
    """The "after / before / since" word whose adjunct the event's anchor heads, if any ("hours before
    the announcement of the talks": through "of" phrases too)."""
    while anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.pos_ == "NOUN":
        anchor = anchor.head.head
    clause_heads = [anchor] + ([anchor.head] if anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ in ("nsubj", "nsubjpass")
                               else [])  # "hours after the ceasefire began": the noun is its clause's subject
    for head in clause_heads:
        for child in head.children:
            if child.dep_ == "mark" and child.lower_ in MARKERS:
                return child
    if anchor.dep_ in ("pobj", "pcomp") and anchor.head.lower_ in MARKERS and anchor.head.dep_ == "prep":
        return anchor.head
    return None


def _measure(marker: Token) -> Token | None:
    """The measure phrase before the marker: "a day [after]", "hours [after]", "days [after]"."""
    if marker.head.dep_ == "npadvmod" and marker.dep_ == "prep":
        return marker.head  # "met …, a day after paying": the measure noun carries the marker
    return next((c for c in list(marker.children) + list(marker.head.children)
                 if c.dep_ == "npadvmod" and c.i < marker.i), None)


def adjunct_range(marker: Token) -> tuple[int, int]:
    """Character range of the adjunct: the marker's phrase (prep) or the clause it introduces (mark),
    with its measure phrase."""
    tokens = list(marker.head.subtree) if marker.dep_ == "mark" else list(marker.subtree)
    measure = _measure(marker)
    if measure is not None:
        tokens += list(measure.subtree)
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def main_clause(marker: Token) -> Token:
    """The word the adjunct hangs on: the main event's verb (or the noun it dates)."""
    head = marker.head
    if marker.dep_ == "mark" or (head.dep_ == "npadvmod" and marker.dep_ == "prep"):
        return head.head
    return head


def _distance(marker: Token) -> tuple[int, int] | None:
    """How many days lie between the two events ("a day after" → (1, 1), "days after" → (2, 6)),
    from the measure phrase before the marker; None when none is given."""
    measure = _measure(marker)
    phrases = [measure] if measure is not None else []
    if not phrases:
        return (0, 0) if _step_of_one_episode(marker) else None
    words = [t.lower_ for t in phrases[0].subtree if t.i < marker.i]
    unit = next((u for u in UNIT_DAYS if any(re.fullmatch(u + "s?", w) for w in words)), None)
    if unit is None:
        return None
    count = next((NUMBERS.get(w) or (int(w) if w.isdigit() else None) for w in words
                  if w in NUMBERS or w.isdigit()), None)
    days = UNIT_DAYS[unit]
    if count is not None:
        return count * days, count * days
    return (0, 1) if unit == "hour" else (2 * days, 6 * days)


def _step_of_one_episode(marker: Token) -> bool:
    """ "killed after exchanging fire with police", "arrested before boarding the plane": "after" or "before" with
    a gerund that has no subject of its own tells the step just before or after, by the same people: that day."""
    return marker.lower_ in ("after", "before") and any(
        c.dep_ == "pcomp" and c.tag_ == "VBG" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in marker.children)


def relative_date(analysis: Analysis, marker: Token) -> EventDate | None:
    """The back-referenced event's date, from the main clause's stated date and the distance."""
    main = event_date(analysis, main_clause(marker))
    if main.source == "report_date" or not main.value or len(main.value) < 10:
        return None
    try:
        day = date.fromisoformat(main.value[:10])
    except ValueError:
        return None
    near, far = _distance(marker) or (0, 30)
    sign = 1 if marker.lower_ == "before" else -1
    return shifted_date(day, near, far, sign, adjunct_range(marker), analysis.text)


def inside(span_start: int | None, bounds: tuple[int, int]) -> bool:
    return span_start is not None and bounds[0] <= span_start < bounds[1]


@dataclass(frozen=True)
class PendingDate:
    """A back-reference whose main clause had no date of its own ("Putin's visit came days after the
    killing"): once the article's events are merged, it is dated from the event the main clause reports."""

    evidence: tuple[int, int]   # the back-referenced mention's evidence span
    plover_type: str
    main: int                   # offset of the main clause's head word
    near: int
    far: int
    sign: int
    time_start: int
    time_end: int


def pending_date(marker: Token, event: Event) -> PendingDate | None:
    if event.date is None or event.date.source != "report_date" or not event.evidence:
        return None
    near, far = _distance(marker) or (0, 30)
    start, end = adjunct_range(marker)
    return PendingDate((event.evidence[0].start, event.evidence[0].end), event.plover.type,
                       main_clause(marker).idx, near, far, 1 if marker.lower_ == "before" else -1, start, end)


def shifted_date(day: date, near: int, far: int, sign: int, span: tuple[int, int], text: str) -> EventDate:
    """The days `near`..`far` before (sign -1) or after (+1) `day`, as an anchored event date."""
    first, last = sorted((day + timedelta(days=sign * near), day + timedelta(days=sign * far)))
    precision = 1 if first == last else 2 if (last - first).days <= 14 else 3
    return EventDate(value=first.isoformat() if first == last else None, start=first.isoformat(),
                     end=(last + timedelta(days=1)).isoformat(), precision=precision, source="anchor",
                     time_start=span[0], time_end=span[1], text=text[span[0]:span[1]])


def date_from_main_events(events: list[Event], pending: list[PendingDate], text: str) -> None:
    """Date each pending back-reference from the dated event whose evidence holds its main clause."""
    for p in pending:
        holder = next((e for e in events if e.plover.type == p.plover_type
                       and any((s.start, s.end) == p.evidence for s in e.evidence)), None)
        if holder is None or holder.date is None or holder.date.source != "report_date":
            continue
        days = (_day(e) for e in events if e is not holder and any(s.start <= p.main < s.end for s in e.evidence))
        day = next((d for d in days if d is not None), None)
        if day is not None:
            holder.date = shifted_date(day, p.near, p.far, p.sign, (p.time_start, p.time_end), text)
            holder.decided_by["date"] = "date.relative_to_the_main_event's_date"


def _day(event: Event) -> date | None:
    found = event.date
    if found is None or found.source == "report_date" or not found.value or len(found.value) < 10:
        return None
    try:
        return date.fromisoformat(found.value[:10])
    except ValueError:
        return None
