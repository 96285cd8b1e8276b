"""The publication date: from the document's metadata when given, else inferred from the text.

Inference uses only what the text states plus calendar reasoning. Every candidate day is scored:
weekdays said in the past should fall shortly before it and those in the future shortly after; bare
month-days should lie near it; a weekday and a month-day that name the same day ('on Sunday' …
'Jan. 12') fix the year to those where that date has that weekday; years stated in the past tense
bound it from below. When several years fit equally, the one closest to the latest stated year wins,
and the reason and a lower confidence say so. Without a weekday that lands on a stated month-day the
year is not fixed, and nothing is inferred (None) rather than a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..models import Document, Published, Span
from .calendar import month_day_near
from .dates import month_number, weekday_number
from .detect import Candidate

WINDOW_DAYS = 10  # weekdays reach at most six days, so a coincidence lies this close
YEARS_AFTER = 12  # years tried after the latest stated one (or before today's when none is stated)
SAME_DAY_WEIGHT = 0.5  # news seldom gives its own day as a month-day, so that match says less
FUTURE_WEIGHT = 0.5  # cost per day of a future-tense mention, against 1 for a past one
SAME_DAY_FUTURE = 2  # a future-tense date is less often the publication day itself


@dataclass(frozen=True)
class Mention:
    kind: str  # weekday | month_day | year | full_date
    direction: str
    start: int
    end: int
    weekday: int = -1
    month: int = 0
    day: int = 0
    year: int = 0


def given_published(document: Document) -> Published | None:
    """The document's own publication date (metadata or given by the caller), as given."""
    if not document.published:
        return None
    source = document.published_source or "metadata"
    return Published(value=document.published, source=source)


def mentions_of(candidates: list[Candidate], directions: list[str]) -> list[Mention]:
    """The facts inference can use: stated weekdays, month-days, years and full dates."""
    found: list[Mention] = []
    for cand, direction in zip(candidates, directions, strict=True):
        found.extend(_mentions(cand, direction))
    return found


def _mentions(cand: Candidate, direction: str) -> list[Mention]:
    g = cand.match.groupdict()
    where = (direction, cand.start, cand.end)
    found = []
    if g.get("wd") and not (g.get("rel") or "").strip() and cand.rule.name != "weekdays_plural":
        # "on Saturdays" is a recurrence, not a day the story can be dated by
        found.append(Mention("weekday", *where, weekday=weekday_number(g["wd"])))
    if g.get("month") and g.get("day"):
        month, day = month_number(g["month"]), int(re.sub(r"\D", "", g["day"]))
        kind = "full_date" if g.get("year") else "month_day"
        found.append(Mention(kind, *where, month=month, day=day, year=int(g.get("year") or 0)))
    elif g.get("year") and cand.rule.name in ("year", "month_year"):
        found.append(Mention("year", *where, year=int(g["year"])))
    return found


# A wire dateline: a place in capitals at the start of a line, then the date, then a dash or the agency
# ("JEDDAH, Saudi Arabia, May 20, 2023 —", "BEIRUT, Jan. 10, 2020 (Reuters) -").
DATELINE_BEFORE = re.compile(r"[A-Z][A-Z'’.\- ]{1,40}(?:,[ \t]*[A-Z][\w'’.\- ]{1,40}){0,2},[ \t]*")
DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?[—–-]")


def infer_published(text: str, candidates: list[Candidate], directions: list[str]) -> Published | None:
    """The publication date the detected expressions (with their tense directions) point to, or None."""
    mentions = mentions_of(candidates, directions)
    dateline = _dateline(text, mentions)
    if dateline is not None:
        return dateline
    month_days = [m for m in mentions if m.kind == "month_day"]
    return _infer_from_month_days(text, mentions, month_days) if month_days else None


def _dateline(text: str, mentions: list[Mention]) -> Published | None:
    """A full date in a dateline is the day the story was filed."""
    for m in mentions:
        if m.kind != "full_date":
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        if DATELINE_BEFORE.fullmatch(text, line_start, m.start) and DATELINE_AFTER.match(text, m.end):
            try:
                day = date(m.year, m.month, m.day)
            except ValueError:
                continue
            return Published(value=day.isoformat(), source="inferred", confidence=0.9,
                             reason="the date in the article's dateline", evidence=[_span(text, m)])
    return None


def _span(text: str, m: Mention) -> Span:
    return Span(start=m.start, end=m.end, text=text[m.start:m.end])


def _candidate_years(mentions: list[Mention]) -> tuple[list[int], int | None]:
    stated = [m.year for m in mentions if m.kind in ("year", "full_date") and 1600 < m.year < 2100]
    if not stated:
        this_year = date.today().year
        return list(range(this_year - YEARS_AFTER, this_year + 1)), None
    latest = max(stated)
    return list(range(latest - 2, latest + YEARS_AFTER + 1)), latest


def _infer_from_month_days(text: str, mentions: list[Mention], month_days: list[Mention]) -> Published | None:
    years, latest = _candidate_years(mentions)
    floor = max((m.year for m in mentions if m.kind in ("year", "full_date") and m.direction != "future"),
                default=None)
    weekdays = [m for m in mentions if m.kind == "weekday"]
    offsets = [[_weekday_offset(w, m) for m in weekdays] for w in range(7)]
    scored: list[tuple[float, date, int]] = []
    for day in _days_to_try(years, month_days):
        cost, coincidences = _cost(day, offsets[day.weekday()], weekdays, month_days)
        if floor is not None and day.year < floor:
            cost += 50
        scored.append((cost, day, coincidences))
    if not scored:
        return None
    return _choose(text, scored, mentions, latest)


def _days_to_try(years: list[int], month_days: list[Mention]) -> set[date]:
    days: set[date] = set()
    for year in years:
        for m in month_days:
            try:
                centre = date(year, m.month, m.day)
            except ValueError:
                continue
            days.update(centre + timedelta(days=k) for k in range(-WINDOW_DAYS, WINDOW_DAYS + 1))
    return days


def _weekday_offset(publication_weekday: int, m: Mention) -> int:
    """Days from a publication on that weekday to the weekday mentioned (negative: before it)."""
    if m.direction == "future":
        return (m.weekday - publication_weekday) % 7
    return -((publication_weekday - m.weekday) % 7)


def _cost(day: date, offsets: list[int], weekdays: list[Mention], month_days: list[Mention]) -> tuple[float, int]:
    """How badly the mentions fit a publication on `day`, and how many days are named both by a
    weekday and by a month-day of compatible tense."""
    cost = 0.0
    for offset, m in zip(offsets, weekdays, strict=True):
        cost += _distance_cost(offset, m.direction)
    resolved: list[tuple[int, Mention]] = []
    for m in month_days:
        found = month_day_near(day, m.month, m.day, m.direction)
        if found is None:
            cost += 60
            continue
        gap = (found - day).days
        cost += _distance_cost(gap, m.direction) / 7
        resolved.append((gap, m))
    same: dict[int, float] = {}
    for offset, w in zip(offsets, weekdays, strict=True):
        for gap, md in resolved:
            if gap == offset:
                same[gap] = max(same.get(gap, 0.0), _coincidence(w, md, gap))
    return cost - 10 * sum(same.values()), len(same)


def _distance_cost(days: int, direction: str) -> float:
    """Past mentions are mostly of the last day or two; future ones reach further, so cost less."""
    if direction == "future":
        return FUTURE_WEIGHT * days + (SAME_DAY_FUTURE if days == 0 else 0)
    return float(abs(days))


def _coincidence(weekday: Mention, month_day: Mention, gap: int) -> float:
    """How much a weekday and a month-day naming the same day say about the year."""
    if weekday.start == month_day.start:
        return 1.0  # 'Tuesday, March 3': one expression, one day
    return _agreement(weekday.direction, month_day.direction) * (SAME_DAY_WEIGHT if gap == 0 else 1.0)


def _agreement(first: str, second: str) -> float:
    """How strongly two mentions of one day agree: same tense fully, one tenseless half, else not."""
    if first == second:
        return 1.0
    return 0.5 if "none" in (first, second) else 0.0


def _choose(text: str, scored: list[tuple[float, date, int]], mentions: list[Mention], latest: int | None
            ) -> Published | None:
    """The best-fitting day; None when neither a stated year nor a weekday/month-day match fixes the year."""
    best_cost = min(s[0] for s in scored)
    best = [s for s in scored if s[0] <= best_cost + 1e-9]
    target = latest if latest is not None else date.today().year
    cost, day, coincidences = min(best, key=lambda s: (abs(s[1].year - target), s[1]))
    if not coincidences:
        return None  # month-days alone fit many days: without a weekday on one of them, do not guess
    years = sorted({s[1].year for s in best})
    reason = _reason(day, coincidences, years, latest)
    confidence = 0.8 * (1.0 if len(years) == 1 else 0.75) * (1.0 if latest else 0.5)
    evidence = [_span(text, m) for m in mentions if m.kind in ("weekday", "month_day", "year")]
    return Published(value=day.isoformat(), source="inferred", confidence=round(confidence, 2), reason=reason,
                     evidence=evidence[:12])


def _reason(day: date, coincidences: int, years: list[int], latest: int | None) -> str:
    parts = [f"publication taken as {day.strftime('%A')} {day.isoformat()}: the day that best fits the weekdays "
             f"and month-days stated (past tense before it, future after it)"]
    if coincidences:
        parts.append(f"{coincidences} weekday(s) fall on a stated month-day, which fixes the year")
    if len(years) > 1:
        shown = ", ".join(str(y) for y in years[:6])
        anchor = f"the latest stated year ({latest})" if latest else "the current year"
        parts.append(f"years equally consistent: {shown}; chose the one closest to {anchor}")
    return "; ".join(parts)
