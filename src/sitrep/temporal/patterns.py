"""Regex fragments shared by the rules, built once from the word tables in `lexicon`.

Month and weekday names are matched case-sensitively (capitalised or upper case) so that the verbs
'may' and 'march' and the noun 'sun' are not dates; other words are matched in any case.
"""

from __future__ import annotations

from .lexicon import MODS, NUMBERS, ORDINALS, VAGUE_NUMBERS, ZONES, alternation

B = r"(?<![\w'’-])"  # start of a word
E = r"(?![\w-])"  # end of a word (a trailing period may already be consumed)

_MONTH_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
_WEEKDAY_FULL = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAY_ABBR = ["Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun"]


def _cased(words: list[str]) -> list[str]:
    return words + [w.upper() for w in words]


MONTH_NAME = "(?:" + alternation(_cased(_MONTH_FULL)) + "|(?:" + alternation(_cased(_MONTH_ABBR)) + r")\.?)"
MONTH_FULL = "(?:" + alternation(_cased(_MONTH_FULL)) + ")"
WEEKDAY = "(?:" + alternation(_cased(_WEEKDAY_FULL)) + "|(?:" + alternation(_WEEKDAY_ABBR) + r")\.)"
WEEKDAYS_PLURAL = "(?:" + alternation([w + "s" for w in _WEEKDAY_FULL]) + ")"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
NUMWORD = alternation([w for w in NUMBERS if " " not in w and w not in ("a", "an")])
NUMBER = (rf"(?:\d+(?:[.,]\d+)?(?:\s+1/2)?|(?:{NUMWORD})(?:[- ](?:{NUMWORD}))?|an?|half\s+an?|a\s+half"
          rf"|a\s+dozen|{alternation(VAGUE_NUMBERS)})")
ORDINAL = alternation(ORDINALS)
MOD = alternation([m for m in MODS if not m.startswith("the ") and m not in ("early", "late", "mid")])
# 'about two weeks': the TimeML standard leaves 'about' out of a duration's extent
DURATION_MOD = alternation([m for m in MODS if not m.startswith("the ") and m not in ("early", "late", "mid", "about")])
EDGE = r"(?:early|late|mid|earlier|later)"
ZONE = "(?:" + alternation(ZONES) + r")(?![\w])"
PART = r"(?:morning|afternoon|evening|night)"
UNIT = r"(?:second|minute|hour|day|night|week|weekend|fortnight|month|quarter|year|decade|century|centurie)"
RELWORD = r"(?:last|this|next|past|coming|previous|current|following)"

# anchors: cheap patterns that every match of a slow rule contains (see detect._matches)
ANCHOR_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
ANCHOR_WEEKDAY = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN)"
ANCHOR_UNIT = r"(?i:\b(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur))"
ANCHOR_PERIOD = r"(?i:\b(?:week|month|year|decade|century|spring|summer|fall|autumn|winter))"
ANCHOR_SEASON = r"(?i:spring|summer|fall|autumn|winter)"
