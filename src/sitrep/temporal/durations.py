"""Rules for durations ('nearly nine-year', 'the past two months', 'several weeks', 'hours') and sets
('daily', 'every week', 'on Tuesdays')."""

from __future__ import annotations

import re

from .dates import month_number, weekday_number
from .lexicon import MODS, UNITS, number_value
from .patterns import (
    ANCHOR_UNIT,
    ANCHOR_WEEKDAY,
    DURATION_MOD,
    MONTH_FULL,
    NUMBER,
    WEEKDAY,
    WEEKDAYS_PLURAL,
    B,
)
from .rules import Context, Found, ci, rule

_UNIT_WORDS = "second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ie)"
_SPAN_WORDS = ci("the past|the last|the next|the first|the coming|the previous|the latest|the following|the final|"
                 "the past few|the last few|the next few|past|last|next|first|recent|in recent|another|"
                 "an additional|each of the past|each of the last|the remaining")


@rule("duration", rf"{B}(?:(?P<span>{_SPAN_WORDS})\s+)?(?:(?P<mod>{ci(DURATION_MOD)})\s+)?(?:(?P<low>{ci(NUMBER)})\s*(?:to|or|-)\s*)?(?P<n>{ci(NUMBER)})[\s-]+"
      rf"(?:{ci('more|additional|further|trading|business|working')}\s+)?(?P<unit>{ci(_UNIT_WORDS)})(?P<plural>s)?"
      rf"(?P<half>\s+{ci('and a half')})?(?P<long>-long|\s+long(?!\s+(?:been|ago|before|after)))?"
      rf"(?![\w-]|\s+(?:ago|from now|hence|old)\b|-old)", anchor=ANCHOR_UNIT)
def duration(m: re.Match[str], ctx: Context) -> Found | None:
    unit = _unit(m["unit"])
    if (m["n"].lower() in ("a", "an") and m["plural"]) or (m["span"] or "").lower().endswith("recent"):
        return None
    if m["n"].lower() == "some" and not m["plural"] or unit == "quarter" and _FRACTION_OF.match(m.string, m.end()):
        return None  # 'some day'; 'three-quarters of', 'a quarter of the vote'
    if unit == "second" and m["n"].lower() in ("a", "one") and not _SECONDS_AFTER.match(m.string, m.end()):
        return None  # 'a second group', 'a second time': the ordinal, not a span of one second
    amount = number_value(m["n"]) if number_value(m["n"]) is not None else _fraction(m["n"])
    if amount is not None and m["half"]:
        amount += 0.5  # 'a minute and a half' → PT1M30S
    if m["n"].lower() in ("a", "an", "one", "per") and _RATE_BEFORE.search(m.string, max(0, m.start() - 20), m.start()):
        return _rate(m, unit)
    mod = MODS.get(" ".join(m["mod"].lower().split())) if m["mod"] else None
    return Found("DURATION", duration_value(amount, unit), UNITS[unit][2], mod=mod, anchor="none")


@rule("long_units", rf"{B}(?P<unit>{ci('hour|day|week|month|year|decade|centur(?:y|ie)')})(?P<plural>s)?-long(?![\w-])",
      anchor=r"(?i:-long)")
def long_units(m: re.Match[str], ctx: Context) -> Found | None:
    """'a day-long meeting' → P1D, 'a decades-long battle' → PXY: a length stated as an adjective."""
    unit = _unit(m["unit"])
    return Found("DURATION", duration_value(None if m["plural"] else 1, unit), UNITS[unit][2], anchor="none")


_SECONDS_AFTER = re.compile(r"(?i)\s*(?:[^\w\s]|$)|\s+(?:later|ago|earlier|before|after|or|and|of|too|longer|more)\b")
_FRACTION_OF = re.compile(r"s?\s+of\b")
_RATE_BEFORE = re.compile(r"(?:\d|%|percent|cents?|dollars?|euros?|pounds?|million|billion|thousand|times|once|twice)\s+$"
                          r"|(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozen))\s+[a-z]+s\s+$")


def _rate(m: re.Match[str], unit: str) -> Found | None:
    """'twice a week' is a set; '$5 a year', '3 percent a year' are rates, not times at all."""
    before = m.string[max(0, m.start() - 8):m.start()].lower()
    if re.search(r"(?:times|once|twice)\s+$", before):
        return Found("SET", duration_value(1, unit), UNITS[unit][2], anchor="none")
    return None


def _unit(word: str) -> str:
    unit = word.lower()
    return "century" if unit.startswith("centur") else unit


def _fraction(text: str) -> float | None:
    match = re.match(r"^(\d+)\s+1/2$", text.strip())
    if match:
        return int(match.group(1)) + 0.5
    if "half" in text.lower():
        return 0.5
    return None


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: P9Y, PT30M, P1.5Y; X for an unknown amount (PXW)."""
    letter, is_time, _ = UNITS[unit]
    if unit in ("decade", "century"):
        letter = "Y"
        amount = None if amount is None else amount * (10 if unit == "decade" else 100)
    if letter == "W2":
        letter, amount = "W", None if amount is None else amount * 2
    if letter == "WE":
        letter, amount = "D", None if amount is None else amount * 2
    if amount is not None and amount < 1 and unit in ("hour", "minute", "day", "year"):
        return _smaller(amount, unit)
    prefix = "PT" if is_time else "P"
    if amount is not None and not float(amount).is_integer() and unit in ("hour", "minute", "day", "year"):
        return prefix + f"{int(amount)}{letter}" + _smaller(amount - int(amount), unit).lstrip("PT")
    number = "X" if amount is None else (str(int(amount)) if float(amount).is_integer() else f"{amount:g}")
    return prefix + number + letter


def _smaller(amount: float, unit: str) -> str:
    step = {"hour": ("PT", 60, "M"), "minute": ("PT", 60, "S"), "day": ("PT", 24, "H"), "year": ("P", 12, "M")}
    prefix, factor, letter = step[unit]
    return f"{prefix}{int(round(amount * factor))}{letter}"


_LEADS = ("the past|the last|the next|the coming|for|over|within|in|take|took|takes|taking|"
          "lasted|last|after")


@rule("vague_duration", rf"{B}(?:(?P<lead>{ci(_LEADS)})\s+)(?P<x>(?:{ci('recent')}\s+)?(?P<unit>{ci(_UNIT_WORDS)})s)"
      rf"(?![\w-])(?!\s+(?:of|ago|later|earlier|before|after)\b)", anchor=ANCHOR_UNIT)
def vague_duration(m: re.Match[str], ctx: Context) -> Found | None:
    unit = _unit(m["unit"])
    if unit in ("second", "night", "weekend", "fortnight", "quarter"):
        return None
    return Found("DURATION", duration_value(None, unit), UNITS[unit][2], anchor="none")


@rule("bare_units", rf"{B}(?P<unit>{ci('hours|days|weeks|months|years|decades')})(?=\s+(?:after|before|later|earlier)\b)", anchor=ANCHOR_UNIT)
def bare_units(m: re.Match[str], ctx: Context) -> Found | None:
    unit = m["unit"].lower().rstrip("s")
    return Found("DURATION", duration_value(None, unit), UNITS[unit][2], anchor="none")


_RATE_BEFORE_SET = re.compile(r"(?:%|percent|million|billion|\d[\d,.]*(?:\s+[a-z]+)?|\baverage)\s+$")
_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
              "hourly": "PT1H", "nightly": "P1D", "quarterly": "P1Q", "biweekly": "P2W", "every day": "P1D"}


@rule("set_word", rf"{B}(?P<word>{ci('daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|biweekly')})(?![\w-])",
      anchor=r"(?i:daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|biweekly)")
def set_word(m: re.Match[str], ctx: Context) -> Found | None:
    if _RATE_BEFORE_SET.search(m.string, max(0, m.start() - 30), m.start()):
        return None  # 'rise 8.5% annually', 'average daily volume': a rate, not a recurring time
    return Found("SET", _SET_WORDS[m["word"].lower()], None, anchor="none")


@rule("every", rf"{B}(?P<q>{ci('every|each|per')})\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUMBER})\s+)?"
      rf"(?:(?P<wd>{WEEKDAY})|(?P<month>{MONTH_FULL})|(?P<unit>{ci(_UNIT_WORDS)})s?)(?![\w-])",
      anchor=r"(?i:every|each|per)")
def every(m: re.Match[str], ctx: Context) -> Found | None:
    if m["month"]:
        return Found("SET", f"XXXX-{month_number(m['month']):02d}", "month", anchor="none")
    if m["wd"]:
        return Found("SET", f"XXXX-WXX-{weekday_number(m['wd']) + 1}", "day", anchor="none")
    unit = _unit(m["unit"])
    amount = number_value(m["n"]) if m["n"] else (2 if m["other"] else 1)
    return Found("SET", duration_value(amount, unit), UNITS[unit][2], anchor="none")


@rule("weekdays_plural", rf"{B}(?P<wd>{WEEKDAYS_PLURAL})(?:\s+(?P<part>{ci('mornings|afternoons|evenings|nights')}))?"
      r"(?![\w-])|" + rf"{B}(?P<wd2>{WEEKDAY})\s+(?P<part2>{ci('mornings|afternoons|evenings|nights')})(?![\w-])", anchor=ANCHOR_WEEKDAY)
def weekdays_plural(m: re.Match[str], ctx: Context) -> Found | None:
    day = weekday_number((m["wd"] or "")[:-1] or m["wd2"]) + 1
    part = m["part"] or m["part2"]
    code = {"m": "TMO", "a": "TAF", "e": "TEV", "n": "TNI"}[part[0].lower()] if part else ""
    return Found("SET", f"XXXX-WXX-{day}{code}", "day", anchor="none")
