"""Calendar arithmetic on plain dates and TIMEX3 values: shifting, weekdays, and value → interval.

Kept free of spaCy and of any text handling so that the rules and the publication-date inference
can share it and it can be tested on its own.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

SEASONS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 15)}  # month ranges, end exclusive
MONTHS_AHEAD = 4  # a bare month up to this many months after the anchor's is read as this year's
PAST_SLACK_DAYS = 62  # a past-tense verb still lets a bare month-day this far ahead stand
AHEAD_DAYS = 92  # without a tense, a bare month-day further ahead than this is read as last year's
PARTS_OF_DAY = {"MO": (6, 12), "MI": (12, 12), "AF": (12, 18), "EV": (18, 22), "NI": (20, 30), "DT": (9, 17)}


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the last day of the target month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def weekday_on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_on_or_after(anchor: date, weekday: int) -> date:
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


def month_day_near(anchor: date, month: int, day: int, direction: str, weekday: int | None = None) -> date | None:
    """The `month`/`day` nearest the anchor, moved forward for a future-tense verb and back for a past
    one when the nearest lies more than a month ahead; with a stated weekday, the year that fits it."""
    candidates = [_safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)]
    dates = [c for c in candidates if c is not None]
    if weekday is not None and any(d.weekday() == weekday for d in dates):
        dates = [d for d in dates if d.weekday() == weekday]
    if not dates:
        return None
    nearest = min(dates, key=lambda d: abs((d - anchor).days))
    if direction == "future" and nearest < anchor:
        later = [d for d in dates if d >= anchor]
        return min(later) if later else nearest
    slack = PAST_SLACK_DAYS if direction == "past" else AHEAD_DAYS if direction == "none" else None
    if slack is not None and (nearest - anchor).days > slack:
        earlier = [d for d in dates if d <= anchor]
        return max(earlier) if earlier else nearest
    return nearest


def month_near(anchor: date, month: int, direction: str) -> int:
    """The year of the named month nearest the anchor's month, moved by the verb's tense as above."""
    offset = month - anchor.month
    year = anchor.year - 1 if offset > MONTHS_AHEAD else anchor.year + 1 if offset <= MONTHS_AHEAD - 12 else anchor.year
    if direction == "future" and (year, month) < (anchor.year, anchor.month):
        return year + 1
    if direction == "past" and (year, month) > (anchor.year, anchor.month) and (year - anchor.year) * 12 + offset > 1:
        return year - 1
    return year


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def shift_value(value: str, years: int) -> str | None:
    """A DATE value moved by whole years, keeping its granularity (1989-Q3 → 1988-Q3)."""
    match = re.match(r"^(\d{4})(.*)$", value)
    if not match:
        return None
    rest = match.group(2)
    if rest.startswith("-02-29"):
        rest = "-02-28" + rest[6:]
    return f"{int(match.group(1)) + years:04d}{rest}"


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes") if moment.hour or moment.minute else moment.date().isoformat()


def interval_of(value: str, utc_offset: str | None = None) -> tuple[str, str] | None:
    """The absolute [start, end) of a DATE/TIME value, or None when it is not anchored."""
    for pattern, build in _INTERVAL_BUILDERS:
        match = pattern.match(value)
        if match:
            try:
                start, end = build(match)
            except ValueError:
                return None
            zone = utc_offset or ""
            if zone and "T" in value:
                return start.isoformat(timespec="minutes") + zone, end.isoformat(timespec="minutes") + zone
            return _iso(start), _iso(end)
    return None


def _day_interval(m: re.Match[str]) -> tuple[datetime, datetime]:
    start = datetime(int(m["y"]), int(m["m"]), int(m["d"]))
    return start, start + timedelta(days=1)


def _time_interval(m: re.Match[str]) -> tuple[datetime, datetime]:
    day = datetime(int(m["y"]), int(m["m"]), int(m["d"]))
    if m["part"]:
        low, high = PARTS_OF_DAY[m["part"]]
        return day + timedelta(hours=low), day + timedelta(hours=high)
    moment = day + timedelta(hours=int(m["h"]), minutes=int(m["min"] or 0))
    return moment, moment + timedelta(minutes=1 if m["min"] else 60)


def _month_interval(m: re.Match[str]) -> tuple[datetime, datetime]:
    start = datetime(int(m["y"]), int(m["m"]), 1)
    return start, datetime.combine(add_months(start.date(), 1), datetime.min.time())


def _week_interval(m: re.Match[str]) -> tuple[datetime, datetime]:
    monday = datetime.fromisocalendar(int(m["y"]), int(m["w"]), 1)
    if m["we"]:
        return monday + timedelta(days=5), monday + timedelta(days=7)
    return monday, monday + timedelta(days=7)


def _quarter_interval(m: re.Match[str]) -> tuple[datetime, datetime]:
    start = datetime(int(m["y"]), 3 * int(m["q"]) - 2, 1)
    return start, datetime.combine(add_months(start.date(), 3), datetime.min.time())


def _half_interval(m: re.Match[str]) -> tuple[datetime, datetime]:
    start = datetime(int(m["y"]), 6 * int(m["h"]) - 5, 1)
    return start, datetime.combine(add_months(start.date(), 6), datetime.min.time())


def _season_interval(m: re.Match[str]) -> tuple[datetime, datetime]:
    low, high = SEASONS[m["s"]]
    start = datetime(int(m["y"]), 1, 1)
    return (datetime.combine(add_months(start.date(), low - 1), datetime.min.time()),
            datetime.combine(add_months(start.date(), high - 1), datetime.min.time()))


def _year_interval(m: re.Match[str]) -> tuple[datetime, datetime]:
    year = int(m["y"])
    return datetime(year, 1, 1), datetime(year + 1, 1, 1)


def _decade_interval(m: re.Match[str]) -> tuple[datetime, datetime]:
    year = int(m["y"]) * 10
    return datetime(year, 1, 1), datetime(year + 10, 1, 1)


_INTERVAL_BUILDERS = [
    (re.compile(r"^(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)T(?:(?P<h>\d\d)(?::(?P<min>\d\d))?|(?P<part>MO|MI|AF|EV|NI|DT))$"),
     _time_interval),
    (re.compile(r"^(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)$"), _day_interval),
    (re.compile(r"^(?P<y>\d{4})-(?P<m>\d\d)$"), _month_interval),
    (re.compile(r"^(?P<y>\d{4})-W(?P<w>\d\d)(?P<we>-WE)?$"), _week_interval),
    (re.compile(r"^(?P<y>\d{4})-Q(?P<q>[1-4])$"), _quarter_interval),
    (re.compile(r"^(?P<y>\d{4})-H(?P<h>[12])$"), _half_interval),
    (re.compile(r"^(?P<y>\d{4})-(?P<s>SP|SU|FA|WI)$"), _season_interval),
    (re.compile(r"^(?P<y>\d{4})$"), _year_interval),
    (re.compile(r"^(?P<y>\d{3})$"), _decade_interval),
]
