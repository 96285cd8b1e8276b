"""Every regular expression in the package, run against adversarial strings of 100,000 characters.

A pattern with nested or overlapping quantifiers (a `\\s+` run tried from every position of a long space
run, a name that backtracks through a long unspaced word) takes minutes on such input; a linear one
takes milliseconds. Each pattern is searched from every position (`finditer`, the worst way a caller can
use it) under a bound far above what a linear pattern needs and far below what a quadratic one takes;
a pattern over the bound is interrupted, so the test fails at once rather than hanging.

Patterns are found at module level (directly or inside lists, tuples and dicts), in the registries built
at run time (the time rules and their anchors, the knowledge-base name matcher), and as string literals
given to the `re` module inline (found by reading the source).

A few patterns are only ever applied where the input cannot grow (anchored at one position, inside a
window of a few dozen characters, or to shipped data rather than input); they are listed in EXEMPT with
the call that makes them safe, and the test checks that every name in EXEMPT still exists.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import random
import re
import signal
import string
import time
from collections.abc import Iterator
from pathlib import Path

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
    "sitrep.events.place._LIST_GOES_ON": "match at one position, right after a place, within 120 characters "
                                         "(place.py: outside_container)",
    "sitrep.eval.time._ATTR": "applied to the attributes of one tag of a gold corpus file, never to input",
}


def _patterns_in(value: object, depth: int = 0) -> Iterator[re.Pattern[str]]:
    """Patterns in a value: itself, or inside lists, tuples, sets and dicts (three levels deep)."""
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield value
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)
    elif depth < 3 and isinstance(value, list | tuple | frozenset | set):
        for item in value:
            yield from _patterns_in(item, depth + 1)


def _modules() -> Iterator[tuple[str, object]]:
    for info in pkgutil.walk_packages(sitrep.__path__, "sitrep."):
        if ".migrations" not in info.name and not info.name.endswith("__main__"):
            yield info.name, importlib.import_module(info.name)


def _registered() -> Iterator[tuple[str, re.Pattern[str]]]:
    """Patterns built at run time: the time rules (and their anchors). (The knowledge-base names are found by
    an Aho-Corasick automaton, linear in the text, not a regular expression.)"""
    from sitrep.temporal.catalog import all_rules

    for rule in all_rules():
        yield f"sitrep.temporal rule {rule.name}", rule.pattern
        if rule.anchor is not None:
            yield f"sitrep.temporal rule {rule.name} (anchor)", rule.anchor


_RE_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
_FLAGS_AT = {"compile": 1, "sub": 4, "subn": 4, "split": 3}  # position of `flags` (else 2)


def _literal_calls(path: Path, module: str) -> Iterator[tuple[str, re.Pattern[str]]]:
    """Patterns written inline as `re.search(r"...", text)`: string literals given to the re module."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
                and node.func.attr in _RE_CALLS and node.args):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            at = _FLAGS_AT.get(node.func.attr, 2)
            flags = [k.value for k in node.keywords if k.arg == "flags"] + node.args[at:at + 1]
            yield f"{module}:{node.lineno}", re.compile(first.value, _flags(flags))


def _flags(nodes: list[ast.expr]) -> int:
    value = 0
    for node in nodes:
        for part in ast.walk(node):
            if isinstance(part, ast.Attribute) and isinstance(part.value, ast.Name) and part.value.id == "re":
                value |= int(getattr(re, part.attr))
    return value


def package_patterns() -> dict[str, re.Pattern[str]]:
    """Every pattern of the package: held at module level (directly or in containers), registered at
    run time, or written inline as a literal; each once, under the first name found."""
    found: dict[str, re.Pattern[str]] = {}
    seen: set[tuple[str, int]] = set()

    def add(name: str, pattern: re.Pattern[str]) -> None:
        if (pattern.pattern, pattern.flags) not in seen:
            seen.add((pattern.pattern, pattern.flags))
            found[name] = pattern

    for module_name, module in _modules():
        for attr, value in vars(module).items():
            for i, pattern in enumerate(_patterns_in(value)):
                add(f"{module_name}.{attr}" if isinstance(value, re.Pattern) else f"{module_name}.{attr}[{i}]",
                    pattern)
        source = getattr(module, "__file__", None)
        if source:
            for name, pattern in _literal_calls(Path(source), module_name):
                add(name, pattern)
    for name, pattern in _registered():
        add(name, pattern)
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
    assert len(PATTERNS) > 150
    names = set(PATTERNS)
    assert {"sitrep.clean.credits.SLASHED"} <= names
    assert any(n.startswith("sitrep.temporal rule ") for n in names)
    assert any(n.startswith("sitrep.clean.credits:") for n in names)  # an inline literal


def test_every_exemption_names_a_pattern_that_exists():
    assert sorted(set(EXEMPT) - set(PATTERNS)) == []


@pytest.mark.parametrize("name", sorted(set(PATTERNS) - set(EXEMPT)))
def test_pattern_is_linear_on_adversarial_input(name):
    seconds, text = worst_case(PATTERNS[name], TEXTS)
    assert seconds < BOUND_SECONDS, f"{name} ran over {BOUND_SECONDS}s on {text!r} ({LENGTH:,} characters)"
