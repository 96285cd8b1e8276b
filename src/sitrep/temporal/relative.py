"""Rules for expressions read against the publication date or the previous date: 'yesterday',
'last month', 'this weekend', 'the third quarter', 'a year earlier', 'recently', 'two weeks ago'."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar import add_months, iso_week, month_day_near, quarter_of, shift_value
from .lexicon import MODS, MONTHS, ORDINALS, SEASON_CODES, number_value
from .patterns import (
    ANCHOR_PERIOD,
    ANCHOR_SEASON,
    ANCHOR_UNIT,
    DAYNUM,
    EDGE,
    MONTH_NAME,
    NUMBER,
    ORDINAL,
    YEAR,
    B,
    E,
)
from .rules import Context, Found, ci, rule

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_DEICTIC_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "presently": "PRESENT_REF",
    "at present": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "the present": "PRESENT_REF", "at the moment": "PRESENT_REF", "right now": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF", "earlier": "PAST_REF", "in the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the coming days": "FUTURE_REF",
    "the coming weeks": "FUTURE_REF", "the coming months": "FUTURE_REF", "the coming years": "FUTURE_REF",
    "coming days": "FUTURE_REF", "coming weeks": "FUTURE_REF", "coming months": "FUTURE_REF",
    "coming years": "FUTURE_REF", "as soon as possible": "FUTURE_REF", "soon": "FUTURE_REF",
}
_REF_WORDS = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _REFS if w != "earlier"),
                             key=len, reverse=True))
_REF_ANCHOR = f"(?i:{'|'.join(sorted({re.escape(w.split()[-1]) for w in _REFS if w != 'earlier'}))})"  # each one's last word


_COMING_UNITS = {"days": "D", "weeks": "W", "months": "M", "years": "Y"}
_NOT_SOON = re.compile(r"\s+(?:after|afterwards?|as|thereafter)\b")
_NOT_SOON_BEFORE = re.compile(r"(?i)\bas\s+$")


def _ref_key(text: str) -> str:
    return " ".join(text.lower().split())


@rule("deictic_day", rf"{B}(?:(?P<edge>{ci('later|earlier|early|late')})\s+)?(?P<word>{ci('today|tonight|yesterday|tomorrow')})"
      rf"(?:\s+(?P<part>{ci('morning|afternoon|evening|night')}))?{E}", anchor=r"(?i:today|tonight|yesterday|tomorrow)")
def deictic_day(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.dct is None:
        return Found("DATE", None, "day", anchor="none")
    day = ctx.dct + timedelta(days=_DEICTIC_DAYS[m["word"].lower()])
    part = (m["part"] or ("night" if m["word"].lower() == "tonight" else "")).lower()
    if part:
        return Found("TIME", f"{day.isoformat()}T{_part(part)}", "part_of_day")
    return Found("DATE", day.isoformat(), "day")


def _part(word: str) -> str:
    return {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}[word]


@rule("this_part", rf"{B}(?:(?P<rel>{ci('this|last|later this|earlier this')})\s+(?P<part>{ci('morning|afternoon|evening|night')})"
      rf"|(?P<over>{ci('overnight')})){E}", anchor=r"(?i:morning|afternoon|evening|night)")
def this_part(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.dct is None:
        return None
    part = (m["part"] or "night").lower()
    day = ctx.dct - timedelta(days=1) if (m["rel"] or "").lower() == "last" else ctx.dct
    return Found("TIME", f"{day.isoformat()}T{_part(part)}", "part_of_day")


@rule("day_part", rf"{B}{ci('in|by|during|through|until|since|at|before|after|throughout')}\s+(?P<x>(?:{ci('the')}\s+)?"
      rf"(?:(?P<edge>{ci('mid|late|early')})[\s-]?)?(?P<part>{ci('morning|afternoon|evening')}){E}(?!\s+of\b)"
      rf"(?:\s+(?P<word>{ci('yesterday|today|tomorrow')}){E})?)", anchor=r"(?i:morning|afternoon|evening)")
def day_part(m: re.Match[str], ctx: Context) -> Found | None:
    """'in the morning', 'by mid-afternoon', 'at mid-afternoon yesterday': that part of the day last named
    (a news story's day), else of the publication date."""
    if ctx.dct is None:
        return None
    if m["word"]:
        day = ctx.dct + timedelta(days=_DEICTIC_DAYS[m["word"].lower()])
    else:
        day = _previous_date(ctx, "day") or ctx.dct
    return Found("TIME", f"{day.isoformat()}T{_part(m['part'].lower())}", "part_of_day",
                 anchor="publication" if m["word"] or day == ctx.dct else "previous")


@rule("ref", rf"{B}(?P<word>{ci(_REF_WORDS)}){E}", anchor=_REF_ANCHOR)
def ref(m: re.Match[str], ctx: Context) -> Found | None:
    if m["word"].lower() == "soon" and (ctx.direction == "past" or _NOT_SOON.match(m.string, m.end())
                                        or _NOT_SOON_BEFORE.search(m.string, max(0, m.start() - 4), m.start())):
        return None  # 'was soon released', 'soon after', 'as soon as': not a reference to the future
    key = _ref_key(m["word"])
    if "coming" in key and key.split()[-1] in _COMING_UNITS:  # 'the coming weeks': a stretch ahead, as TimeBank has it
        return Found("DURATION", f"PX{_COMING_UNITS[key.split()[-1]]}", None, anchor="none")
    return Found("DATE", _REFS[_ref_key(m["word"])], None, anchor="publication")


@rule("period", rf"{B}(?:(?P<edge>{ci(EDGE + '|the end of|the beginning of|the start of|the middle of|the rest of')})\s+)?"
      rf"(?P<rel>{ci('last|this|next|past|coming|previous|current|the current|the past|the coming|the next|the last|the previous')})"
      rf"\s+(?:(?P<fiscal>{ci('fiscal')})\s+)?(?P<unit>{ci('week|weekend|month|year|decade|century|spring|summer|fall|autumn|winter')}){E}",
      anchor=ANCHOR_PERIOD)
def period(m: re.Match[str], ctx: Context) -> Found | None:
    rel, unit = _ref_key(m["rel"]), m["unit"].lower()
    if ctx.dct is None or m["unit"].istitle():
        return None  # 'This Week', 'Next Year': a title (a TV show, a book), not a time
    if m["fiscal"] and unit != "year":
        return None  # only a year is fiscal ('the current fiscal year', 'last fiscal year')
    step = {"last": -1, "past": -1, "previous": -1, "the past": -1, "the last": -1, "the previous": -1,
            "next": 1, "coming": 1, "the next": 1, "the coming": 1}.get(rel, 0)
    value, granularity = shifted_period(ctx.dct, unit, step)
    return Found("DATE", value, granularity, mod=_mod(m["edge"]))


def _mod(edge: str | None) -> str | None:
    return MODS.get(_ref_key(edge)) if edge else None


def shifted_period(dct: date, unit: str, step: int) -> tuple[str, str]:
    """The calendar period of `unit` that contains the date, moved by `step` periods."""
    if unit in ("week", "weekend"):
        week = iso_week(dct + timedelta(weeks=step))
        return (week + "-WE", "week") if unit == "weekend" else (week, "week")
    if unit == "month":
        return add_months(dct, step).strftime("%Y-%m"), "month"
    if unit == "decade":
        return str(dct.year // 10 + step), "decade"
    if unit == "century":
        return str(dct.year // 100 + step), "century"
    if unit in SEASON_CODES:
        return f"{dct.year + step}-{SEASON_CODES[unit]}", "season"
    return str(dct.year + step), "year"


@rule("the_weekend", rf"{B}(?P<the>{ci('the|that')})\s+weekend{E}", anchor="weekend")
def the_weekend(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.dct is None:
        return None
    dct = ctx.dct
    if ctx.direction == "past" and dct.weekday() < 5:
        dct -= timedelta(weeks=1)
    return Found("DATE", iso_week(dct) + "-WE", "week")


@rule("season", rf"{B}(?:(?P<edge>{ci(EDGE)})\s+)?(?:(?P<rel>{ci('last|this|next|the')})\s+)?"
      rf"(?:(?P<edge2>{ci('early|late|mid')})[\s-]+)?(?P<season>{ci('spring|summer|fall|autumn|winter')})(?:\s+(?:of\s+)?(?P<year>{YEAR}))?{E}", anchor=ANCHOR_SEASON)
def season(m: re.Match[str], ctx: Context) -> Found | None:
    """'last spring', 'the early summer', 'winter 1994': a season, this year's unless moved by 'last'/'next'
    or by a past-tense verb for one that has not come yet."""
    code = SEASON_CODES[m["season"].lower()]
    mod = _mod(m["edge"] or m["edge2"])
    if m["year"]:
        return Found("DATE", f"{m['year']}-{code}", "season", mod=mod, anchor="absolute")
    rel = (m["rel"] or "").lower()
    if rel == "" or ctx.dct is None:
        return None
    step = {"last": -1, "next": 1}.get(rel, 0)
    if rel == "the" and ctx.direction == "past" and SEASON_MONTHS[code] > ctx.dct.month:
        step = -1
    return Found("DATE", f"{ctx.dct.year + step}-{code}", "season", mod=mod)


_QUARTER_WORDS = ci("fiscal|calendar|latest|current|last|past|previous|recent|same|year-earlier|year-ago|comparable")


@rule("quarter", rf"{B}(?:(?P<the>{ci('the|this|that|last|next|its')})\s+(?![\w]+-quarter))?(?:(?P<yrel>{ci('this|last|next')})\s+year['’]s\s+)?(?:(?P<year1>{YEAR})\s+)?"
      rf"(?:(?P<words>(?:{_QUARTER_WORDS})(?:[\s-]+(?:{_QUARTER_WORDS}))*)[\s-]+)?"
      rf"(?:(?P<ord>{ci(ORDINAL)})[\s-]+(?:(?:fiscal|calendar)[\s-]+)?)?(?P<unit>quarter|half|period){E}"
      rf"(?:,?\s+(?:of\s+)?(?:(?:fiscal|calendar)\s+)?(?P<year2>{YEAR}){E})?"
      rf"(?:(?=\s+(?:ended|ending)\s+(?P<endm>{MONTH_NAME})\s+(?P<endd>{DAYNUM}){E}))?", anchor=r"(?i:quarter|half|period)")
def quarter(m: re.Match[str], ctx: Context) -> Found | None:
    words = (m["words"] or "").lower()
    if not (m["ord"] or m["the"] or words or m["year1"] or m["year2"]):
        return None
    if m["unit"] == "period" and m["ord"]:
        return None
    letter = "Q" if m["unit"] == "quarter" else "H"
    stated = m["year1"] or m["year2"]
    if m["ord"]:
        index = ORDINALS[m["ord"].lower()]
        if letter == "H" and index > 2:
            return None
        year = int(stated) if stated else _quarter_year(ctx, index, letter, m["yrel"])
        if year and ("earlier" in words or "ago" in words):
            year -= 1
        value = f"{year}-{letter}{index}" if year else f"XXXX-{letter}{index}"
        return Found("DATE", value, m["unit"], anchor="absolute" if stated else "publication")
    return _quarter_by_context(m, ctx, words)


def _quarter_year(ctx: Context, index: int, letter: str, yrel: str | None) -> int | None:
    """A quarter named without a year: this year's, unless it has not begun and the verb is not future."""
    if ctx.dct is None:
        return None
    if yrel:
        return ctx.dct.year + {"last": -1, "next": 1}.get(yrel.lower(), 0)
    current = quarter_of(ctx.dct) if letter == "Q" else (ctx.dct.month - 1) // 6 + 1
    return ctx.dct.year - 1 if index > current and ctx.direction != "future" else ctx.dct.year


def _quarter_by_context(m: re.Match[str], ctx: Context, words: str) -> Found | None:
    """'the quarter', 'that quarter', 'the latest period': with an end date ('the quarter ended July 31') the
    quarter that date closes; else the report's own quarter (the first one it names: a later 'second
    quarter' is only compared with it), else the last one mentioned; else the latest one reported (the
    one before the publication date's), or the current one when so called."""
    if m["unit"] == "half" or ctx.dct is None:
        return None
    latest = any(w in words for w in ("latest", "current", "recent"))
    if m["unit"] == "period" and not (latest or m["year1"]):
        return None
    ended = _quarter_ended(m, ctx)
    if ended is not None and m["unit"] == "quarter" and not m["year1"]:
        return Found("DATE", ended, "quarter", anchor="publication")
    anchor = "previous"
    named = ctx.topic or ctx.previous
    if named and re.match(r"^\d{4}-Q\d$", named) and not latest:
        value = named
        if m["year1"] or m["year2"]:
            value = f"{m['year1'] or m['year2']}{value[4:]}"
    else:
        day = ctx.dct if "current" in words else ctx.dct - timedelta(days=92)
        value, anchor = f"{m['year1'] or m['year2'] or day.year}-Q{quarter_of(day)}", "publication"
    if "earlier" in words or "ago" in words:
        value = shift_value(value, -1) or value
    return Found("DATE", value, "quarter", anchor=anchor)


def _quarter_ended(m: re.Match[str], ctx: Context) -> str | None:
    """'the quarter ended July 31': the calendar quarter holding most of the three months up to that day
    (a fiscal quarter May-July is mostly the second), so fiscal and calendar quarters both come out right."""
    if not m["endm"] or ctx.dct is None:
        return None
    end = month_day_near(ctx.dct, MONTHS[m["endm"].lower().rstrip(".")], int(re.sub(r"\D", "", m["endd"])), "past")
    if end is None:
        return None
    middle = end - timedelta(days=45)
    return f"{middle.year}-Q{quarter_of(middle)}"


@rule("same_period", rf"{B}(?P<edge>{ci('earlier|later|early|late')}\s+)?(?P<rel>{ci('that|the same|the following|the next|the previous|the prior|the preceding')})"
      rf"\s+(?P<unit>{ci('day|year|month|week')}){E}", anchor=ANCHOR_UNIT)
def same_period(m: re.Match[str], ctx: Context) -> Found | None:
    """'that year', 'the following day', 'earlier that day': read against the last date mentioned."""
    unit, rel = m["unit"].lower(), _ref_key(m["rel"])
    step = {"the following": 1, "the next": 1, "the previous": -1, "the prior": -1, "the preceding": -1}.get(rel, 0)
    base = _previous_date(ctx, unit)
    if base is None:
        return None
    value, granularity = shifted_period(base, unit, step)
    if unit == "day":
        value, granularity = (base + timedelta(days=step)).isoformat(), "day"
    return Found("DATE", value, granularity, anchor="previous")


def _previous_date(ctx: Context, unit: str) -> date | None:
    """The last date mentioned, as a day, when it is at least as fine as `unit` ('the following month'
    after 'in March' works; 'the following day' after 'in March' does not)."""
    match = _CALENDAR_VALUE.match(ctx.previous or "")
    if match is None:
        return None
    needed = {"day": "d", "week": "d", "month": "m", "year": "y"}[unit]
    if match[needed] is None:
        return None
    return date(int(match["y"]), int(match["m"] or 1), int(match["d"] or 1))


_CALENDAR_VALUE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d))?)?")


_YEAR_END = "year-end|year end|year's end|the end of the year"


@rule("year_end", rf"{B}(?:(?P<the>{ci('the|around|at')})\s+)?(?P<word>{ci(_YEAR_END)}){E}", anchor=r"(?i:year)")
def year_end(m: re.Match[str], ctx: Context) -> Found | None:
    if ctx.dct is None:
        return None
    return Found("DATE", str(ctx.dct.year), "year", mod="END")


@rule("the_year", rf"{B}(?P<x>{ci('the')}\s+(?:(?P<fiscal>fiscal|full|calendar)\s+)?year){E}(?!\s+(?:ago|earlier|later|before|after|of|in)\b|\s+\d)",
      anchor=r"(?i:year)")
def the_year(m: re.Match[str], ctx: Context) -> Found | None:
    """'the year ended Sept. 30' is a span of a year (DURATION); 'for the year', 'the full year', 'earlier in
    the year' name the current (fiscal) year, a DATE, as TimeBank annotates them."""
    if _SPAN_END.match(m.string, m.end()) or ctx.dct is None:
        return Found("DURATION", "P1Y", "year", anchor="none")
    return Found("DATE", str(ctx.dct.year), "year")


_SPAN_END = re.compile(r"\s+(?:ended|ending|ends|through|to\s+date)\b")


@rule("nine_months", rf"{B}(?:the\s+)?(?:(?:first|latest|year-earlier|past|last)\s+)?(?P<n>{NUMBER})\s+months{E}"
      rf"(?=\s+(?:of|ended|ending|through|to)\b)", anchor=r"months")
def nine_months(m: re.Match[str], ctx: Context) -> Found | None:
    n = number_value(m["n"])
    return Found("DURATION", f"P{int(n)}M", "month", anchor="none") if n else None


@rule("year_earlier", rf"{B}(?:(?P<the>the)\s+)?(?P<words>{ci('year-earlier|year-ago|a year earlier|a year ago|year earlier')})"
      rf"(?:\s+(?P<noun>quarter|period))?{E}", anchor=r"(?i:year)")
def year_earlier(m: re.Match[str], ctx: Context) -> Found | None:
    """'a year earlier' moves the previous date back a year; 'a year ago' the previous quarter, else today."""
    if ctx.dct is None or (m["the"] and not m["noun"]):
        return None
    previous = ctx.topic if m["noun"] and ctx.topic else ctx.previous  # 'the year-earlier period': the report's own
    if "ago" in m["words"].lower() and not (previous and "-Q" in previous):
        previous = None
    shifted = shift_value(previous or str(ctx.dct.year), -1)
    granularity = "quarter" if "-Q" in (shifted or "") else None
    return Found("DATE", shifted, granularity, anchor="previous" if previous else "publication")


@rule("ago", rf"{B}(?:(?P<mod>{ci('about|nearly|almost|more than|less than|some|roughly|just|only|over|at least')})\s+)?"
      rf"(?P<n>{ci(NUMBER)})[\s-]+(?P<unit>{ci('second|minute|hour|day|week|month|year|decade|centurie|century')})s?"
      rf"\s+(?P<dir>{ci('ago|earlier|later|before|after|from now|hence|back')})(?![\w-])(?:(?<=[aA][gG][oO])|(?!\s+(?:the|a|an|his|her|its|their|"
      rf"this|that|[A-Z]\w*|\w+ed|\w+ing)\b))", anchor=r"(?i:ago|earlier|later|before|after|from now|hence|back)")
def ago(m: re.Match[str], ctx: Context) -> Found | None:
    """'two weeks ago', 'a month from now': a date counted from the publication date. 'Three days later',
    'a week before the vote' are not: TimeML tags the amount as a DURATION and the word after it as a
    signal, so this rule leaves them to the duration rule. Only 'two years earlier' keeps the dated
    reading ('a year earlier' in an earnings report names the year-earlier period)."""
    n = number_value(m["n"])
    unit = m["unit"].lower().replace("centurie", "century")
    direction = m["dir"].lower()
    if _is_signal(direction, unit):
        return None
    forward = direction in ("later", "after", "from now", "hence")
    anchor_prev = direction in ("earlier", "later", "before", "after") and ctx.previous is not None
    if ctx.dct is None or n is None:
        return Found("DATE", "FUTURE_REF" if forward else "PAST_REF", None)
    steps = int(n) if forward else -int(n)
    if anchor_prev and unit == "year" and ctx.previous:
        return Found("DATE", shift_value(ctx.previous, steps), None, mod=_mod(m["mod"]), anchor="previous")
    value, granularity = _moved(ctx.dct, unit, steps)
    return Found("DATE", value, granularity, mod=_mod(m["mod"]))


def _is_signal(direction: str, unit: str) -> bool:
    """Whether the word after the amount is a TimeML signal, leaving the amount a plain duration."""
    return direction in ("later", "after", "before") or (direction == "earlier" and unit != "year")


def _moved(dct: date, unit: str, steps: int) -> tuple[str | None, str]:
    if unit in ("second", "minute", "hour"):
        return dct.isoformat(), "day"
    if unit == "day":
        return (dct + timedelta(days=steps)).isoformat(), "day"
    if unit == "week":
        return iso_week(dct + timedelta(weeks=steps)), "week"
    if unit == "month":
        return add_months(dct, steps).strftime("%Y-%m"), "month"
    if unit == "decade":
        return str(dct.year + 10 * steps), "year"
    if unit == "century":
        return str(dct.year // 100 + steps), "century"
    return str(dct.year + steps), "year"


@rule("holiday", rf"{B}(?:(?P<rel>{ci('last|next|this')})\s+)?(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|"
      rf"Independence\s+Day|Election\s+Day|Halloween|Easter(?:\s+Sunday)?)(?:,?\s+(?P<year>{YEAR}))?{E}",
      anchor=r"Christmas|New\s+Year|Thanksgiving|Independence|Election|Halloween|Easter")
def holiday(m: re.Match[str], ctx: Context) -> Found | None:
    year = int(m["year"]) if m["year"] else (ctx.dct.year if ctx.dct else None)
    if year is None:
        return None
    day = _holiday_date(" ".join(m["name"].split()), year)
    if day is None:
        return None
    dct = ctx.dct
    if not m["year"] and dct:
        name = " ".join(m["name"].split())
        options = [d for d in (_holiday_date(name, year + k) for k in (-1, 0, 1)) if d is not None]
        if ctx.direction == "past" or (m["rel"] or "").lower() == "last":
            options = [d for d in options if d <= dct] or options
        elif ctx.direction == "future" or (m["rel"] or "").lower() == "next":
            options = [d for d in options if d >= dct] or options
        day = min(options, key=lambda d: abs((d - dct).days)) if options else None
    return Found("DATE", day.isoformat() if day else None, "day", anchor="absolute" if m["year"] else "publication")


def _holiday_date(name: str, year: int) -> date | None:
    fixed = {"Christmas": (12, 25), "Christmas Day": (12, 25), "Christmas Eve": (12, 24), "New Year's": (1, 1),
             "New Year's Day": (1, 1), "New Year's Eve": (12, 31), "Independence Day": (7, 4), "Halloween": (10, 31)}
    if name in fixed:
        return date(year, *fixed[name])
    if name.startswith("Thanksgiving"):
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "Election Day":  # US: the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    return None
