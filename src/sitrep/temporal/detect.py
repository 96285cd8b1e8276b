"""Find time expressions in a text: run every rule, keep the longest non-overlapping matches.

A match counts only when its rule accepts it (some patterns over-match, e.g. 'May' the verb), so
a longer match that its rule rejects does not hide a shorter one that another rule accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .rules import Context, Rule

_PROBE = Context(dct=date(2000, 6, 15), previous="2000-06-15")
WINDOW = 70  # characters searched on each side of an anchor hit; longer than any expression's reach


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def extent(match: re.Match[str]) -> tuple[int, int]:
    """The words of the expression: the group named 'x' when the rule marks one, else the whole match."""
    if "x" in match.re.groupindex and match.group("x"):
        start, end = match.span("x")
    else:
        start, end = match.span()
    text = match.string
    while end > start and text[end - 1] in " \t\n,;":
        end -= 1
    return start, end


def find_candidates(text: str, rules: list[Rule]) -> list[Candidate]:
    """All rule matches in the text, each checked by its rule against a probe date."""
    found = []
    for rule in rules:
        for match in _matches(text, rule):
            start, end = extent(match)
            if end > start and rule.normalise(match, _PROBE) is not None:
                found.append(Candidate(start, end, rule, match))
    return found


def _matches(text: str, rule: Rule) -> list[re.Match[str]]:
    """The rule's matches; with an anchor, searched only in windows around the anchor's hits (fast)."""
    if rule.anchor is None:
        return list(rule.pattern.finditer(text))
    matches: dict[tuple[int, int], re.Match[str]] = {}
    for low, high in _windows(text, rule.anchor):
        for match in rule.pattern.finditer(text, low, high):
            matches.setdefault(match.span(), match)
    return list(matches.values())


def _windows(text: str, anchor: re.Pattern[str]) -> list[tuple[int, int]]:
    windows: list[tuple[int, int]] = []
    for hit in anchor.finditer(text):
        low, high = max(0, hit.start() - WINDOW), min(len(text), hit.end() + WINDOW)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then earliest; drop any that overlaps one already kept. Returned in text order."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        if all(cand.end <= s or cand.start >= e for s, e in taken):
            kept.append(cand)
            taken.append((cand.start, cand.end))
    return sorted(kept, key=lambda c: c.start)


def detect(text: str, rules: list[Rule]) -> list[Candidate]:
    return select(find_candidates(text, rules))
