"""Word tables for time expressions: months, weekdays, number words, units, zones, qualifiers.

General English only; every regex fragment the rules use is built here from these tables.
"""

from __future__ import annotations

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5, "a half": 0.5, "dozen": 12, "a dozen": 12, "half-a-dozen": 6,
}
VAGUE_NUMBERS = ("several", "a few", "few", "a couple of", "a couple", "couple of", "many", "some",
                 "dozens of", "hundreds of", "a number of", "numerous")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# unit word -> (TIMEX3 duration letter, is a time unit, granularity)
UNITS = {
    "second": ("S", True, "second"), "minute": ("M", True, "minute"), "hour": ("H", True, "hour"),
    "day": ("D", False, "day"), "night": ("D", False, "day"), "week": ("W", False, "week"),
    "weekend": ("WE", False, "week"), "fortnight": ("W2", False, "week"), "month": ("M", False, "month"),
    "quarter": ("Q", False, "quarter"), "year": ("Y", False, "year"), "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"),
}
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
# zone abbreviation -> (standard offset, daylight offset or None when the zone has none)
ZONES = {
    "GMT": ("+00:00", None), "UTC": ("+00:00", None), "Z": ("+00:00", None), "BST": ("+01:00", None),
    "CET": ("+01:00", None), "CEST": ("+02:00", None), "EET": ("+02:00", None), "MSK": ("+03:00", None),
    "ET": ("-05:00", "-04:00"), "EST": ("-05:00", None), "EDT": ("-04:00", None),
    "CT": ("-06:00", "-05:00"), "CST": ("-06:00", None), "CDT": ("-05:00", None),
    "MT": ("-07:00", "-06:00"), "MST": ("-07:00", None), "MDT": ("-06:00", None),
    "PT": ("-08:00", "-07:00"), "PST": ("-08:00", None), "PDT": ("-07:00", None),
}
# qualifier before a duration or date -> TIMEX3 mod
MODS = {
    "about": "APPROX", "around": "APPROX", "nearly": "APPROX", "almost": "APPROX", "some": "APPROX",
    "roughly": "APPROX", "approximately": "APPROX", "more than": "MORE_THAN", "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "less than": "LESS_THAN", "under": "LESS_THAN", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "fewer than": "LESS_THAN", "just over": "MORE_THAN",
    "early": "START", "earlier": None, "late": "END", "later": None, "mid": "MID", "the end of": "END",
    "the beginning of": "START", "the start of": "START", "the middle of": "MID",
}


def alternation(words: object) -> str:
    """A regex alternation of the words, longest first so that 'sept' wins over 'sep'."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in items)


def number_value(text: str) -> float | None:
    """'nine' → 9, 'twenty-five' → 25, '3.5' → 3.5, 'several' → None."""
    word = " ".join(text.lower().replace("-", " ").split())
    if word in NUMBERS:
        return NUMBERS[word]
    try:
        return float(word.replace(",", ""))
    except ValueError:
        pass
    parts = word.split()
    if len(parts) == 2 and all(p in NUMBERS for p in parts):
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None
