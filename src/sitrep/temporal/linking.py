"""Event dating: the time expression that governs an event's trigger, with ACLED time precision.

Order of preference, as an analyst would read it:
1. a DATE/TIME in the trigger's sentence on the trigger's own syntactic path (the trigger is an ancestor
   of the expression: 'struck on Friday'), then one in the same clause, then the nearest in the sentence;
2. else the last such expression in the two sentences before, within the paragraph (source "anchor");
3. else the publication date (source "report_date").
Durations, sets and vague references ('recently') never date an event. Cheap: the sentence table is
built once per document and kept in `analysis.extras`.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from ..models import EventDate, Published, TimeExpression
from .direction import TokenIndex, governing_verb

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..stage import Analysis

PRECISION = {"second": 1, "minute": 1, "hour": 1, "part_of_day": 1, "day": 1, "week": 2}
ANCHOR_SENTENCES = 2
_CACHE = "temporal_sentences"


def event_date(analysis: Analysis, trigger: Token) -> EventDate:
    """The date of the event whose trigger is `trigger` (a token of `analysis.doc`)."""
    table = _sentence_table(analysis)
    sentence = trigger.sent
    here = [t for t in table.times_in(sentence.start_char, sentence.end_char) if not _as_of(analysis.text, t)]
    if here:
        return to_event_date(_governing(analysis, trigger, here), "expression")
    before = table.times_before(sentence.start_char, analysis.text, ANCHOR_SENTENCES)
    if before:
        return to_event_date(before[-1], "anchor")
    return report_date(analysis)


def _as_of(text: str, time: TimeExpression) -> bool:
    """'the toll as of Tuesday night stood at forty': the time a count or a state was current, not when
    the event it counts happened."""
    return text[max(0, time.start - 8):time.start].lower().rstrip().endswith("as of")


def precision_of(time: TimeExpression) -> int:
    """ACLED precision: 1 a day or finer, 2 a week or a range of days, 3 a month or vaguer."""
    if time.granularity in PRECISION:
        return PRECISION[time.granularity]
    if time.interval is not None and time.interval.start[:10] != time.interval.end[:10]:
        days = _days_between(time.interval.start, time.interval.end)
        return 1 if days <= 1 else 2 if days <= 14 else 3
    return 3


def _days_between(start: str, end: str) -> int:
    from datetime import date

    try:
        return (date.fromisoformat(end[:10]) - date.fromisoformat(start[:10])).days
    except ValueError:
        return 99


def to_event_date(time: TimeExpression, source: str) -> EventDate:
    interval = time.interval
    return EventDate(
        value=time.value, start=interval.start if interval else None, end=interval.end if interval else None,
        precision=precision_of(time), source=source, time_start=time.start, time_end=time.end,
        text=time.text,
    )


def report_date(analysis: Analysis) -> EventDate:
    """The publication date, flagged as the date of the report (the event may be a day or two older)."""
    published = analysis.published
    value = published.value[:10] if published else None
    return EventDate(value=value, start=value, end=None, precision=2, source="report_date")


def weak_publication(analysis: Analysis) -> Published | None:
    """The publication date when it was inferred with a confidence below the setting
    `published_min_confidence`: events are not dated from it (docs/time.md); else None."""
    published = analysis.published
    if published is None or published.trusted(analysis.settings.published_min_confidence):
        return None
    return published


def leans_on_publication(analysis: Analysis, found: EventDate | None) -> bool:
    """Whether an event date was read from the publication date: the report's own day, or an expression
    counted from it ("on Monday", "yesterday", "Jan. 12" with no year), directly or through the expression
    before it ("a day later" after "on Monday")."""
    if found is None:
        return False
    if found.source == "report_date":
        return True
    if found.time_start is None:
        return False
    times = sorted((t for t in analysis.times if t.type in ("DATE", "TIME")), key=lambda t: t.start)
    own = next((t for t in times if t.start == found.time_start and t.end == found.time_end), None)
    if own is None:
        return False
    if own.anchor == "previous":
        earlier = [t for t in times if t.end <= own.start and t.anchor in ("publication", "absolute")]
        return bool(earlier) and earlier[-1].anchor == "publication"
    return own.anchor == "publication"


def unknown_date_rule(published: Published, threshold: float, found: EventDate | None) -> str:
    """The decided_by entry of an event left undated because its date leaned on a weak publication date."""
    leaned = f"the expression {found.text!r}" if found is not None and found.text else "the report's own day"
    return (f"date.unknown: publication date {published.value[:10]} was inferred with confidence "
            f"{published.confidence:.2f}, below published_min_confidence {threshold:.2f}, and the event's date "
            f"is counted from it ({leaned})")


def _governing(analysis: Analysis, trigger: Token, times: list[TimeExpression]) -> TimeExpression:
    """The expression whose verb is the trigger's own clause, then one whose verb governs that clause
    ('said on Friday that it had agreed'), then one in a clause below it, then the nearest."""
    index = analysis.extras.get("temporal_index") or TokenIndex(trigger.doc)
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger, 3)

    def rank(time: TimeExpression) -> tuple[int, int]:
        root = index.span_root(time.start, time.end)
        if root is None:
            return (4, abs(time.start - trigger.idx))
        verb = governing_verb(root)
        distance = abs(root.i - trigger.i)
        if clause is None or verb is None:
            return (3, distance)
        if verb.i == clause.i or _steps_up(root, trigger) is not None and verb.i == trigger.i:
            return (0, distance)
        if _steps_up(clause, verb) is not None:
            return (1, distance)
        if _steps_up(verb, clause) is not None:
            return (2, distance)
        return (3, distance)

    return min(times, key=rank)


def _steps_up(token: Token, ancestor: Token, limit: int = 8) -> int | None:
    current = token
    for steps in range(limit):
        if current.i == ancestor.i:
            return steps
        if current.head.i == current.i:
            return None
        current = current.head
    return None


class _SentenceTable:
    """The datable time expressions of a document in text order, for lookups by character range."""

    def __init__(self, times: list[TimeExpression]):
        self.source = times  # the list it was built from, to notice a replaced list
        self.times = sorted((t for t in times if _datable(t)), key=lambda t: t.start)
        self.starts = [t.start for t in self.times]

    def times_in(self, start: int, end: int) -> list[TimeExpression]:
        low = bisect_right(self.starts, start - 1)
        high = bisect_right(self.starts, end - 1)
        return self.times[low:high]

    def times_before(self, start: int, text: str, sentences: int) -> list[TimeExpression]:
        """Expressions in the few sentences before `start`, not crossing a paragraph break."""
        low = bisect_right(self.starts, start - 1)
        window_start = max(0, start - 600)
        paragraph = text.rfind("\n\n", window_start, start)
        floor = paragraph if paragraph >= 0 else window_start
        sentence_floor = _sentence_floor(text, start, sentences)
        return [t for t in self.times[:low] if t.start >= max(floor, sentence_floor)]


def _sentence_floor(text: str, start: int, sentences: int) -> int:
    position = start
    for _ in range(sentences):
        found = max(text.rfind(". ", 0, position - 1), text.rfind("\n", 0, position - 1))
        if found < 0:
            return 0
        position = found
    return position


def _datable(time: TimeExpression) -> bool:
    return time.type in ("DATE", "TIME") and time.interval is not None


def _sentence_table(analysis: Analysis) -> _SentenceTable:
    table = analysis.extras.get(_CACHE)
    if table is None or table.source is not analysis.times:
        table = _SentenceTable(analysis.times)
        analysis.extras[_CACHE] = table
    return table
