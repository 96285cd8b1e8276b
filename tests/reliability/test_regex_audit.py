"""Every regular expression in the package, run against adversarial strings of 100,000 characters.

A pattern with nested or overlapping quantifiers (a `\\s+` run tried from every position of a long space
run, a name that backtracks through a long unspaced word) takes minutes on such input; a linear one
takes milliseconds. Each pattern is searched from every position (`finditer`, the worst way a caller can
use it) under a bound far above what a linear pattern needs and far below what a quadratic one takes;
a pattern over the bound is interrupted, so the test fails at once rather than hanging.

A few patterns are only ever applied where the input cannot grow (anchored at one position, inside a
window of a few dozen characters, or to shipped data rather than input); they are listed in EXEMPT with
the call that makes them safe, and the test checks that every name in EXEMPT still exists.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
import signal
import string
import time
from collections.abc import Iterator

import pytest

import sitrep

LENGTH = 100_000
BOUND_SECONDS = 2.0  # a linear pattern needs a few ms per string here; a quadratic one, minutes

EXEMPT = {
    "sitrep.clean.lines._CREDIT_LINE": "fullmatch on one line (lines.py: line_reason): anchored at its start",
    "sitrep.clean.lines._CONTRIBUTED": "fullmatch on one line (lines.py: line_reason): anchored at its start",
    "sitrep.temporal.dates._COUNTED": "match at one position, the end of a date (dates.py)",
    "sitrep.temporal.dates._NOUN_AFTER": "match at one position, the end of a date (dates.py)",
    "sitrep.temporal.durations._FRACTION_OF": "match at one position, the end of a duration (durations.py)",
    "sitrep.temporal.durations._RATE_BEFORE_SET": "search within the 30 characters before a match (durations.py)",
    "sitrep.temporal.published.DATELINE_AFTER": "match at one position, after a dateline date (published.py)",
    "sitrep.temporal.relative._NOT_SOON": "match at one position, after 'soon' (relative.py)",
    "sitrep.temporal.relative._SPAN_END": "match at one position, after a span (relative.py)",
    "sitrep.geo.admin1._KIND_SUFFIX": "applied to gazetteer names while the gazetteer is built, never to input",
    "sitrep.eval.time._ATTR": "applied to the attributes of one tag of a gold corpus file, never to input",
}


def _patterns_in(value: object) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                yield item
    elif isinstance(value, list | tuple | frozenset | set):
        for item in value:
            if isinstance(item, re.Pattern) and isinstance(item.pattern, str):
                yield item


def package_patterns() -> dict[str, re.Pattern[str]]:
    """Every compiled pattern held at module level (directly or in a list, tuple, set or dict)."""
    found: dict[str, re.Pattern[str]] = {}
    seen: set[int] = set()
    for info in pkgutil.walk_packages(sitrep.__path__, "sitrep."):
        if ".migrations" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            for i, pattern in enumerate(_patterns_in(value)):
                if id(pattern) not in seen:
                    seen.add(id(pattern))
                    name = f"{info.name}.{attr}" if isinstance(value, re.Pattern) else f"{info.name}.{attr}[{i}]"
                    found[name] = pattern
    return found


def adversarial(length: int = LENGTH) -> dict[str, str]:
    """Long runs of what patterns repeat: one character class, alternations of two, spaces, blobs."""
    rnd = random.Random(16)
    blob = "".join(rnd.choice(string.ascii_letters + string.digits + "+/") for _ in range(length))
    runs = {"lower": "a", "capitalised": "A", "upper": "A", "digits": "1", "hyphenated": "A-", "underscored": "A_",
            "spaces": " ", "newlines": "\n", "words": "Aaa Bbb ", "capital words": "AAA BBB ", "initials": "A.",
            "slashes": "A/", "brackets": "(", "numbers": "12 34 ", "mixed": "Aa1-_'/ .,", "dashes": "a - ",
            "commas": "a, ", "quotes": "'\"", "dotted numbers": "1.2,"}
    out = {name: (unit * (length // len(unit) + 1))[:length] for name, unit in runs.items()}
    out["capitalised"] = "A" + "a" * (length - 1)
    out["base64"] = blob
    out["word then spaces"] = "Aaa" + " " * (length - 3)
    return out


class Overrun(Exception):
    pass


def _interrupt(_signum: int, _frame: object) -> None:
    raise Overrun


def worst_case(pattern: re.Pattern[str], texts: dict[str, str]) -> tuple[float, str]:
    """The longest full scan of any text (seconds, text name); interrupted past the bound."""
    worst = (0.0, "")
    previous = signal.signal(signal.SIGALRM, _interrupt)
    try:
        for name, text in texts.items():
            began = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, BOUND_SECONDS)
            try:
                for _ in pattern.finditer(text):
                    pass
            except Overrun:
                return (float("inf"), name)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            worst = max(worst, (time.perf_counter() - began, name))
    finally:
        signal.signal(signal.SIGALRM, previous)
    return worst


PATTERNS = package_patterns()
TEXTS = adversarial()


def test_the_audit_finds_the_package_patterns():
    assert len(PATTERNS) > 50
    assert "sitrep.clean.credits.SLASHED" in PATTERNS


def test_every_exemption_names_a_pattern_that_exists():
    assert sorted(set(EXEMPT) - set(PATTERNS)) == []


@pytest.mark.parametrize("name", sorted(set(PATTERNS) - set(EXEMPT)))
def test_pattern_is_linear_on_adversarial_input(name):
    seconds, text = worst_case(PATTERNS[name], TEXTS)
    assert seconds < BOUND_SECONDS, f"{name} ran over {BOUND_SECONDS}s on {text!r} ({LENGTH:,} characters)"
