"""Rules for clock times: '6 p.m. ET on Thursday', 'one minute past midnight on Jan. 12', 'noon Friday'.

A clock time takes the day stated with it, else the publication date; a stated zone becomes a UTC
offset (US zones follow daylight saving time on the resolved day).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar import month_day_near
from .dates import month_number, resolve_weekday, weekday_number
from .lexicon import ZONES, number_value
from .patterns import DAYNUM, MONTH_NAME, NUMWORD, WEEKDAY, YEAR, ZONE, B
from .rules import Context, Found, ci, rule

_AMPM = r"(?:[ap]\.m\.|[ap]\.m(?![\w.])|[AP]M(?!\w)|[ap]m(?!\w))"
_MINUTES = NUMWORD + r"|a|\d+"
_HOUR_WORD = rf"(?:1[0-2]|0?[1-9]|{NUMWORD})"
_CORE = (
    rf"(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>{_AMPM})"
    rf"|(?P<h24>[01]?\d|2[0-3])[:.](?P<m24>[0-5]\d)(?![\d:])(?=\s*(?:{ZONE}|GMT|local|hours|h\b|on\b|{ci('a.m|p.m')}))"
    rf"|(?P<nmin>{ci(_MINUTES)})\s+minutes?\s+(?P<rel>{ci('past|after|to|before')})\s+"
    rf"(?P<ref>{ci('midnight|noon')}|{_HOUR_WORD}(?:\s*{_AMPM})?)"
    rf"|(?P<quarter>{ci('a quarter|half')})\s+(?P<qrel>{ci('past|to')})\s+(?P<qref>{ci('midnight|noon')}|{_HOUR_WORD})"
    rf"|(?P<oc>{_HOUR_WORD})\s+o['’]clock"
    rf"|(?P<named>{ci('noon|midnight|midday')})"
    rf"|(?P<hm>{_HOUR_WORD})\s+in\s+the\s+(?P<hpart>{ci('morning|afternoon|evening')})"
)
_DAY = (rf"(?:,?\s+(?:on\s+|of\s+)?(?:(?P<wd>{WEEKDAY})|(?P<dw>{ci('today|yesterday|tomorrow|tonight')})"
        rf"|(?P<month>{MONTH_NAME})\s+(?P<day>{DAYNUM})(?:,?\s+(?P<year>{YEAR}))?)(?![\w-]))?")


# '9:20 p.m. (1820 GMT) Monday', 'at 5 in the evening (5 p.m. CDT Sunday)': the day given beside a bracket
_BRACKETED_DAY = (rf"(?:(?=\s*\((?:[^()\n]{{1,24}}\)\s*,?\s*(?:on\s+)?(?P<pwd>{WEEKDAY})"
                  rf"|[^()\n]{{0,24}}?(?<![\w-])(?P<pwd2>{WEEKDAY})\s*\))(?![\w-])))?")


@rule("clock", rf"{B}(?:{_CORE})(?:\s+(?P<zone>{ZONE})|\s+(?P<local>{ci('local time')}))?{_DAY}{_BRACKETED_DAY}", anchor=r"(?i:\d|noon|midnight|midday|clock|morning|afternoon|evening|minute|quarter|half)")
def clock(m: re.Match[str], ctx: Context) -> Found | None:
    hm = clock_time(m)
    if hm is None:
        return None
    day = stated_day(m, ctx)
    offset = zone_offset(m["zone"], day) if m["zone"] else None
    if day is None:
        return Found("TIME", f"XXXX-XX-XXT{hm}", "minute", anchor="none", utc_offset=offset)
    explicit = bool(m["year"])
    return Found("TIME", f"{day.isoformat()}T{hm}", "minute", anchor="absolute" if explicit else "publication",
                 utc_offset=offset)


def clock_time(m: re.Match[str]) -> str | None:
    """'HH:MM' for the matched clock phrase, or None when it is not a valid time."""
    if m["h"]:
        hour = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
        return f"{hour:02d}:{m['min'] or '00'}"
    if m["h24"]:
        return f"{int(m['h24']):02d}:{m['m24']}"
    if m["named"]:
        return "24:00" if m["named"].lower() == "midnight" else "12:00"
    if m["oc"] or m["hm"]:
        named_hour = _hour(m["oc"] or m["hm"])
        if named_hour is None:
            return None
        return f"{named_hour % 12 + (12 if (m['hpart'] or '').lower() in ('afternoon', 'evening') else 0):02d}:00"
    return _offset_time(m)


def _hour(word: str) -> int | None:
    value = number_value(word)
    return int(value) if value and 1 <= value <= 12 else None


def _offset_time(m: re.Match[str]) -> str | None:
    if m["quarter"]:
        minutes, rel, ref = (15 if "quarter" in m["quarter"].lower() else 30), m["qrel"], m["qref"]
    else:
        value = 1 if m["nmin"].lower() == "a" else number_value(m["nmin"])
        if value is None or not 0 < value < 60:
            return None
        minutes, rel, ref = int(value), m["rel"], m["ref"]
    base = _reference_minutes(ref)
    if base is None:
        return None
    total = base + (minutes if rel.lower() in ("past", "after") else -minutes)
    return f"{(total // 60) % 24:02d}:{total % 60:02d}"


def _reference_minutes(ref: str) -> int | None:
    word = ref.lower().strip()
    if word == "midnight":
        return 0
    if word == "noon":
        return 720
    pm = bool(re.search(r"p\.?m", word))
    hour = _hour(re.sub(r"(?<!\s)\s*+[ap]\.?m\.?", "", word))  # a space run is tried once (issue 16)
    return None if hour is None else (hour % 12 + (12 if pm else 0)) * 60


def stated_day(m: re.Match[str], ctx: Context) -> date | None:
    """The day given with the clock time, else the publication date."""
    if m["year"]:
        try:
            return date(int(m["year"]), month_number(m["month"]), int(re.sub(r"\D", "", m["day"])))
        except ValueError:
            return None
    if ctx.dct is None:
        return None
    if m["month"]:
        return month_day_near(ctx.dct, month_number(m["month"]), int(re.sub(r"\D", "", m["day"])), ctx.direction)
    weekday = m["wd"] or m["pwd"] or m["pwd2"]
    if weekday:
        return resolve_weekday(ctx, weekday_number(weekday))
    if m["dw"]:
        return ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(m["dw"].lower(), 0))
    return ctx.dct


def zone_offset(zone: str, day: date | None) -> str:
    standard, daylight = ZONES[zone]
    if daylight and day and _us_daylight_saving(day):
        return daylight
    return standard


def _us_daylight_saving(day: date) -> bool:
    """US rule since 2007: second Sunday of March to first Sunday of November."""
    march = date(day.year, 3, 1)
    start = march + timedelta(days=(6 - march.weekday()) % 7 + 7)
    november = date(day.year, 11, 1)
    end = november + timedelta(days=(6 - november.weekday()) % 7)
    return start <= day < end
