"""Rules for calendar dates: month-day(-year), month-year, bare months, years, decades, weekdays."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar import iso_week, month_day_near, month_near, weekday_on_or_after, weekday_on_or_before
from .lexicon import MODS, MONTHS, SEASON_CODES, WEEKDAYS
from .patterns import (
    ANCHOR_MONTH,
    ANCHOR_WEEKDAY,
    DAYNUM,
    EDGE,
    MONTH_FULL,
    MONTH_NAME,
    PART,
    WEEKDAY,
    YEAR,
    B,
    E,
)
from .rules import Context, Found, ci, rule

PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_COUNTED = re.compile(
    r"\s+(?:more\s+|other\s+|new\s+)?(?:people|persons|troops|soldiers|men|women|children|civilians|deaths|dead|"
    r"refugees|votes|points|shares|miles|kilometers|km|feet|meters|metres|tons|tonnes|dollars|euros|cases|units|"
    r"members|workers|employees|jobs|homes|houses|cars|vehicles|rockets|missiles|rounds|acres|hectares)\b")


def month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def edge_mod(word: str | None) -> str | None:
    return MODS.get(word.lower()) if word else None


def day_value(day: date | None, part: str | None = None) -> Found:
    value = day.isoformat() if day else None
    if part and value:
        return Found("TIME", f"{value}T{PART_CODE[part.lower()]}", "part_of_day")
    return Found("DATE", value, "day")


@rule("month_day", rf"{B}(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<month>{MONTH_NAME})\s+(?P<day>{DAYNUM}){E}"
      rf"(?:,?\s+(?P<year>{YEAR}){E})?", anchor=ANCHOR_MONTH)
def month_day(m: re.Match[str], ctx: Context) -> Found | None:
    month, day = month_number(m["month"]), int(re.sub(r"\D", "", m["day"]))
    if m["year"]:
        return _absolute_day(int(m["year"]), month, day)
    named_weekday = m.groupdict().get("wd")
    if m["month"] == "May" and not named_weekday and len(m["day"]) > 2:
        return None
    if ctx.dct is None:
        return Found("DATE", f"XXXX-{month:02d}-{day:02d}", "day", anchor="none")
    weekday = weekday_number(named_weekday) if named_weekday else None
    return day_value(month_day_near(ctx.dct, month, day, ctx.direction, weekday))


@rule("day_month", rf"{B}(?:the\s+)?(?P<day>{DAYNUM})\s+(?:of\s+)?(?P<month>{MONTH_NAME})(?:,?\s+(?P<year>{YEAR}))?{E}", anchor=r"\d")
def day_month(m: re.Match[str], ctx: Context) -> Found | None:
    return month_day.normalise(m, ctx)


def _absolute_day(year: int, month: int, day: int) -> Found | None:
    try:
        return Found("DATE", date(year, month, day).isoformat(), "day", anchor="absolute")
    except ValueError:
        return None


@rule("second_day", rf"{B}(?P<month>{MONTH_NAME})\s+{DAYNUM}\s*(?:,\s*)?(?:and|or|to|through|-|–)\s*(?P<x>(?P<day>{DAYNUM}))"
      rf"(?![\w-]|\s*(?:%|percent))(?:,?\s+(?P<year>{YEAR}){E})?", anchor=ANCHOR_MONTH)
def second_day(m: re.Match[str], ctx: Context) -> Found | None:
    """'April 24 and 25': the second day shares the first one's month (and year); 'April 24' is its own match."""
    return month_day.normalise(m, ctx)


@rule("week_of", rf"{B}(?:{ci('the')}\s+)?{ci('week')}\s+of\s+(?P<month>{MONTH_NAME})\s+(?P<day>{DAYNUM}){E}"
      rf"(?:,?\s+(?P<year>{YEAR}){E})?", anchor=r"(?i:week\s+of)")
def week_of(m: re.Match[str], ctx: Context) -> Found | None:
    """'the week of March 6': the (ISO) week that holds the day, which is what the writer pins down."""
    month, day = month_number(m["month"]), int(re.sub(r"\D", "", m["day"]))
    if m["year"]:
        found = _absolute_day(int(m["year"]), month, day)
        named = date.fromisoformat(found.value) if found and found.value else None
    elif ctx.dct is None:
        return Found("DATE", "XXXX-WXX", "week", anchor="none")
    else:
        named = month_day_near(ctx.dct, month, day, ctx.direction)
    if named is None:
        return None
    return Found("DATE", iso_week(named), "week", anchor="absolute" if m["year"] else "publication")


@rule("numeric_date", rf"{B}(?:(?P<iy>{YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)|(?P<um>1[0-2]|0?[1-9])/(?P<ud>[0-3]?\d)/"
      rf"(?P<uy>{YEAR}|\d\d))(?![\w/-])", anchor=r"\d[-/]\d")
def numeric_date(m: re.Match[str], ctx: Context) -> Found | None:
    if m["iy"]:
        return _absolute_day(int(m["iy"]), int(m["im"]), int(m["id"]))
    year = int(m["uy"])
    year += 0 if year > 99 else (1900 if year > 50 else 2000)
    return _absolute_day(year, int(m["um"]), int(m["ud"]))


@rule("month_year", rf"{B}(?:(?P<edge>{ci(EDGE)})[\s-]+)?(?P<month>{MONTH_NAME})(?:\s+of)?,?\s+(?P<year>{YEAR}){E}", anchor=r"\d{4}")
def month_year(m: re.Match[str], ctx: Context) -> Found | None:
    value = f"{int(m['year']):04d}-{month_number(m['month']):02d}"
    return Found("DATE", value, "month", mod=edge_mod(m["edge"]), anchor="absolute")


@rule("month", rf"{B}(?:(?P<edge>{ci(EDGE)})[\s-]+)?(?:(?P<rel>{ci('last|this|next|past|coming|early|late')})\s+)?"
      rf"(?P<month>{MONTH_FULL}){E}(?:,?\s+(?:of\s+)?(?P<yrel>{ci('this|last|next')})\s+year{E})?", anchor=ANCHOR_MONTH)
def month(m: re.Match[str], ctx: Context) -> Found | None:
    number = month_number(m["month"])
    if m["month"].lower() == "may" and not (m["edge"] or m["rel"]) and not _preposition_before(m):
        return None
    if not (m["edge"] or m["rel"] or m["yrel"]) and _NOUN_AFTER.match(m.string, m.end()):
        return None  # 'the March for Life', 'the March of the Mothers': a name, not the month
    if ctx.dct is None:
        return Found("DATE", f"XXXX-{number:02d}", "month", anchor="none")
    rel = (m["rel"] or "").lower()
    if m["yrel"]:
        year = ctx.dct.year + {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
    else:
        year = _month_year(ctx, number, rel)
    return Found("DATE", f"{year:04d}-{number:02d}", "month", mod=edge_mod(m["edge"]))


_NOUN_AFTER = re.compile(r"\s+(?:of\s+the|for)\s+[A-Z]")


def _month_year(ctx: Context, number: int, rel: str) -> int:
    assert ctx.dct is not None
    if rel == "last":
        return ctx.dct.year if number < ctx.dct.month else ctx.dct.year - 1
    if rel in ("next", "coming"):
        return ctx.dct.year if number > ctx.dct.month else ctx.dct.year + 1
    if rel == "this":
        return ctx.dct.year
    return month_near(ctx.dct, number, ctx.direction)


def _preposition_before(m: re.Match[str]) -> bool:
    before = m.string[max(0, m.start() - 12):m.start()].lower().split()
    return bool(before) and before[-1] in ("in", "since", "until", "by", "of", "from", "through", "during",
                                           "before", "after", "last", "this", "next", "till", "to")


@rule("year", rf"{B}(?:(?P<edge>{ci(EDGE + '|the end of|the beginning of|the start of|the middle of')})[\s-]+)?"
      rf"(?:(?P<fiscal>{ci('fiscal|calendar')})(?:\s+year)?\s+)?(?P<year>{YEAR})(?!\s*(?:%|percent)|[\w-]|[.,]\d)",
      anchor=r"\d{4}")
def year(m: re.Match[str], ctx: Context) -> Found | None:
    """A four-digit year, also before a noun ('the 1987 crash'), but not a count ('2000 troops') or a
    figure ($1990, 2082.1)."""
    before = m.string[max(0, m.start() - 2):m.start()]
    if "$" in before or "#" in before:
        return None
    if _COUNTED.match(m.string, m.end()):
        return None
    return Found("DATE", m["year"], "year", mod=edge_mod(m["edge"]), anchor="absolute")


@rule("decade", rf"{B}(?:the\s+)?(?:(?P<edge>{ci('early|late|mid')})[\s-]+)?(?P<cent>1[6-9]|20)?(?P<dec>\d)0'?s{E}"
      rf"|{B}(?:the\s+)?(?:(?P<edge2>{ci('early|late|mid')})[\s-]+)?['’](?P<dec2>\d)0s{E}", anchor=r"\d0['’]?s")
def decade(m: re.Match[str], ctx: Context) -> Found | None:
    if m["dec2"]:
        return Found("DATE", f"19{m['dec2']}", "decade", mod=edge_mod(m["edge2"]), anchor="absolute")
    if not m["cent"]:
        return None
    return Found("DATE", f"{m['cent']}{m['dec']}", "decade", mod=edge_mod(m["edge"]), anchor="absolute")


@rule("weekday", rf"{B}(?:(?P<rel>{ci('last|this|next|past|coming|early|late|the previous|the preceding|the following')})\s+)?(?P<wd>{WEEKDAY})"
      rf"(?:\s+(?P<part>{ci(PART)}))?(?!,?\s+{MONTH_NAME}\s+\d)(?![\w-])", anchor=ANCHOR_WEEKDAY)
def weekday(m: re.Match[str], ctx: Context) -> Found | None:
    number = weekday_number(m["wd"])
    rel = " ".join((m["rel"] or "").lower().split())
    if ctx.dct is None:
        return Found("DATE", f"XXXX-WXX-{number + 1}", "day", anchor="none")
    found = day_value(resolve_weekday(ctx, number, rel), m["part"])
    return Found(found.type, found.value, found.granularity, mod=edge_mod(rel) if rel in ("early", "late") else None)


def resolve_weekday(ctx: Context, number: int, rel: str = "") -> date:
    """A weekday named in a text: back for past tense and 'last', forward for future and 'next'."""
    assert ctx.dct is not None
    if rel in ("the previous", "the preceding", "the following"):
        return _weekday_beside_previous(ctx, number, rel == "the following")
    if rel == "last":
        return weekday_on_or_before(ctx.dct.fromordinal(ctx.dct.toordinal() - 1), number)
    if rel in ("next", "coming"):
        return weekday_on_or_after(ctx.dct.fromordinal(ctx.dct.toordinal() + 1), number)
    if ctx.direction == "future":
        return weekday_on_or_after(ctx.dct, number)
    return weekday_on_or_before(ctx.dct, number)


def _weekday_beside_previous(ctx: Context, number: int, forward: bool) -> date:
    """'the previous Friday', 'the following Monday': the weekday just before (after) the day last named,
    else just before (after) the publication date."""
    assert ctx.dct is not None
    base = ctx.dct
    if ctx.previous and _DAY_VALUE.match(ctx.previous):
        base = date.fromisoformat(ctx.previous[:10])
    if forward:
        return weekday_on_or_after(base + timedelta(days=1), number)
    return weekday_on_or_before(base - timedelta(days=1), number)


_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")


@rule("century", rf"{B}(?:(?P<the>{ci('the')})\s+)?(?:(?P<edge>{ci('early|late|mid')})[\s-]+)?"
      rf"(?P<n>1\d|20|21|[2-9])(?:st|nd|rd|th)[\s-]+(?P<unit>{ci('century')}){E}", anchor=r"(?i:century)")
def century(m: re.Match[str], ctx: Context) -> Found | None:
    """'the 20th century' → 19 (TIMEX3 names a century by its first two digits)."""
    return Found("DATE", f"{int(m['n']) - 1:02d}", "century", mod=edge_mod(m["edge"]), anchor="absolute")


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


@rule("spelled_decade", rf"{B}(?P<x>{ci('the')}\s+(?:(?P<edge>{ci('early|late|mid')})[\s-]+)?"
      rf"(?P<word>{ci('|'.join(_DECADE_WORDS))})){E}", anchor=r"(?i:ties)")
def spelled_decade(m: re.Match[str], ctx: Context) -> Found | None:
    """'the nineties' → 199: the decade of the twentieth century, as news of the time means it."""
    return Found("DATE", f"19{_DECADE_WORDS[m['word'].lower()]}", "decade", mod=edge_mod(m["edge"]),
                 anchor="absolute")


_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"


@rule("spelled_year", rf"{B}(?:(?P<month>{MONTH_FULL})\s+|(?:{ci('the')}\s+)?(?P<season>{ci('spring|summer|fall|autumn|winter')})"
      rf"\s+of\s+)?(?:(?P<the>{ci('the year')})\s+)?(?P<cent>{ci('nineteen|two thousand')})(?:\s+(?:and\s+)?"
      rf"(?P<rest>{ci(f'(?:{_TENS})(?:[- ](?:{_ONES}))?|{_TEENS}|{_ONES}|hundred')}))?{E}", anchor=r"(?i:nineteen|thousand)")
def spelled_year(m: re.Match[str], ctx: Context) -> Found | None:
    """Years spoken in words, as in transcripts: 'nineteen ninety-six', 'the year two thousand', also after a
    month or a season ('March nineteen eighty-one', 'the summer of nineteen eighty-eight')."""
    from .lexicon import number_value

    base = 1900 if m["cent"].lower() == "nineteen" else 2000
    if base == 1900 and not m["rest"]:
        return None
    rest = m["rest"] or ""
    value = 0 if rest.lower() in ("", "hundred") else number_value(rest)
    if value is None or (base == 1900 and rest.lower() != "hundred" and value < 10) or (base == 2000 and not
                                                                                     (m["the"] or rest)):
        return None
    year = base + int(value)
    if m["month"]:
        return Found("DATE", f"{year}-{month_number(m['month']):02d}", "month", anchor="absolute")
    if m["season"]:
        return Found("DATE", f"{year}-{SEASON_CODES[m['season'].lower()]}", "season", anchor="absolute")
    return Found("DATE", str(year), "year", anchor="absolute")
