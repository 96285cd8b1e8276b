"""Dates as intervals: when an event may have happened, in UTC, whatever the precision it was reported at.

Two reports can be of one event when the gap between their day ranges is within the slack of the
vaguer one: a day-precise "Tuesday" and a wire copy's "overnight into Wednesday" must still meet.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from ..models import EventDate

_FULL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_PART_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T(?:MO|MI|AF|EV|NI|DT)$")
SLACK_DAYS = {1: 1, 2: 3, 3: 10}  # ACLED time precision → days of slack on each side


def parse_instant(text: str | None) -> datetime | None:
    """An ISO date or date-time (with or without offset) as naive UTC; None when unreadable."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def value_interval(value: str) -> tuple[datetime, datetime] | None:
    """The interval a TIMEX3-style value denotes (2020, 2020-01, 2020-W02, 2020-01-12, 2020-01-12T00:01)."""
    part = _PART_OF_DAY.match(value)
    if part:
        value = part[1]
    week = _WEEK.match(value)
    if week:
        return _week_interval(int(week[1]), int(week[2]))
    m = _FULL.match(value)
    if not m:
        return None
    if m[4] is None:
        return _calendar_interval(int(m[1]), int(m[2] or 0), int(m[3] or 0))
    instant = parse_instant(value)
    return (instant, instant + timedelta(minutes=1)) if instant else None


def _week_interval(year: int, week: int) -> tuple[datetime, datetime] | None:
    """ISO week ``week`` of ``year``, Monday to Monday; None for a week the year does not have (2021-W53)."""
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    lo = datetime.combine(monday, datetime.min.time())
    return lo, lo + timedelta(days=7)


def _calendar_interval(year: int, month: int, day: int) -> tuple[datetime, datetime] | None:
    """A year (month 0), a month (day 0) or a day; None for a date the calendar does not have."""
    try:
        if not month:
            return datetime(year, 1, 1), datetime(year + 1, 1, 1)
        if not day:
            return datetime(year, month, 1), datetime(year + month // 12, month % 12 + 1, 1)
        lo = datetime(year, month, day)
    except ValueError:
        return None
    return lo, lo + timedelta(days=1)


def event_interval(when: EventDate | None, published: str | None) -> tuple[datetime, datetime, int] | None:
    """(start, end, precision) of an event date; an undated event is placed in the week before its report."""
    if when is not None:
        lo, hi = parse_instant(when.start), parse_instant(when.end)
        if lo and hi and hi > lo:
            return lo, hi, when.precision
        span = value_interval(when.value) if when.value else None
        if span:
            return span[0], span[1], when.precision
    reported = parse_instant(published)
    if reported is None:
        return None
    day = datetime.combine(reported.date(), datetime.min.time())
    return day - timedelta(days=6), day + timedelta(days=1), 2


def day_range(lo: datetime, hi: datetime) -> tuple[int, int]:
    """First and last day (proleptic ordinals, inclusive) an interval touches."""
    last = (hi - timedelta(microseconds=1)).date()
    return lo.date().toordinal(), max(lo.date().toordinal(), last.toordinal())


def day_gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Whole days between two inclusive day ranges; 0 when they overlap."""
    return max(0, b[0] - a[1], a[0] - b[1])


def slack(precision: int) -> int:
    return SLACK_DAYS.get(precision, 10)


def iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="minutes") if value else None
