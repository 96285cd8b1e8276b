"""The rule registry: each rule is a regex plus a function that turns its match into a TIMEX3 value.

Rules are grouped by kind in `dates`, `relative`, `clock` and `durations`, which import this module;
`catalog.all_rules()` gathers them (this module imports none of them).
A normaliser gets the match and a `Context` (publication date, tense direction of the governing verb,
the last absolute date mentioned) and returns a `Found`, or None to reject the match.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Context:
    dct: date | None  # the publication date the text is read against
    direction: str = "none"  # past | future | none: from the tense of the governing verb
    previous: str | None = None  # the last DATE value resolved in the document (for 'a year earlier')
    topic: str | None = None  # the first quarter named in the document: an earnings report's own period


@dataclass(frozen=True)
class Found:
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    granularity: str | None
    mod: str | None = None
    anchor: str = "publication"  # publication | previous | absolute | none
    utc_offset: str | None = None


Normaliser = Callable[[re.Match[str], Context], Found | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    anchor: re.Pattern[str] | None = None  # a cheap pattern every match contains; the rule runs only near it


def ci(fragment: str) -> str:
    """The fragment matched in any letter case."""
    return f"(?i:{fragment})"


# Letters that Unicode case-insensitive matching takes for ASCII ones ("ſpring" matches ci("spring"), the Kelvin
# sign matches "k"), but that str.lower() leaves as they are: the stage folds them before the rules read the text.
_SAME_LENGTH = str.maketrans({"ſ": "s", "\u212a": "K", "ı": "i", "İ": "I"})


def fold_letters(text: str) -> str:
    """The text with those letters as the ASCII ones they match, one for one (offsets stay): what the rules read."""
    return text.translate(_SAME_LENGTH)


def rule(name: str, pattern: str, anchor: str | None = None) -> Callable[[Normaliser], Rule]:
    """Decorator: make a Rule from a normaliser, its pattern and (for slow patterns) an anchor."""
    def wrap(fn: Normaliser) -> Rule:
        return Rule(name, re.compile(pattern), fn, re.compile(anchor) if anchor else None)
    return wrap

