"""Find time expressions in a text: run every rule, keep the longest non-overlapping matches.

A match counts only when its rule accepts it (some patterns over-match, e.g. 'May' the verb), so
a longer match that its rule rejects does not hide a shorter one that another rule accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .rules import Context, Rule

_PROBE = Context(dct=date(2000, 6, 15), previous="2000-06-15")
WINDOW = 70  # characters searched on each side of an anchor hit; longer than any expression's reach
# The characters that a case-insensitive pattern takes for an ASCII letter although their lower case is not that
# letter, or whose lower case is longer than one character (Python's re on str): İ ı ſ K. In a text without them,
# (?i:x) matches where x matches the lower-cased text, at the same offsets.
_UNEVEN_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


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
    windows: dict[re.Pattern[str], list[tuple[int, int]]] = {}  # rules that share an anchor search it once
    lowered = text.lower() if _UNEVEN_CASE.search(text) is None else None
    for rule in rules:
        for match in _matches(text, rule, windows, lowered):
            start, end = extent(match)
            if end > start and rule.normalise(match, _PROBE) is not None:
                found.append(Candidate(start, end, rule, match))
    return found


def _matches(text: str, rule: Rule, windows: dict[re.Pattern[str], list[tuple[int, int]]] | None = None,
             lowered: str | None = None) -> list[re.Match[str]]:
    """The rule's matches; with an anchor, searched only in windows around the anchor's hits (fast).
    `windows` keeps each anchor's windows for the next rule with the same anchor; `lowered` is the text in
    lower case when it holds none of _UNEVEN_CASE (a case-insensitive anchor then runs faster over it)."""
    if rule.anchor is None:
        return list(rule.pattern.finditer(text))
    spans = windows.get(rule.anchor) if windows is not None else None
    if spans is None:
        spans = _windows(text, rule.anchor, lowered)
        if windows is not None:
            windows[rule.anchor] = spans
    matches: dict[tuple[int, int], re.Match[str]] = {}
    for low, high in spans:
        for match in rule.pattern.finditer(text, low, high):
            matches.setdefault(match.span(), match)
    return list(matches.values())


def _windows(text: str, anchor: re.Pattern[str], lowered: str | None = None) -> list[tuple[int, int]]:
    caseless = _case_sensitive_form(anchor) if lowered is not None else None
    hits = caseless.finditer(lowered) if caseless is not None and lowered is not None else anchor.finditer(text)
    windows: list[tuple[int, int]] = []
    for hit in hits:
        low, high = max(0, hit.start() - WINDOW), min(len(text), hit.end() + WINDOW)
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((low, high))
    return windows


@lru_cache(maxsize=256)  # one per anchor of the rules
def _case_sensitive_form(anchor: re.Pattern[str]) -> re.Pattern[str] | None:
    """An anchor written `(?i:…)` in lower case, as the same pattern without the flag, to search the lower-cased
    text with: Python's re skips quickly to a possible first letter only in a case-sensitive pattern. None for
    any other anchor (a character class, upper-case letters, a global flag: left as they are)."""
    pattern = anchor.pattern
    if anchor.flags & re.IGNORECASE or not (pattern.startswith("(?i:") and pattern.endswith(")")):
        return None
    body = pattern[4:-1]
    if not body.isascii() or any(c.isupper() or c == "[" for c in body) or not _balanced(body):
        return None
    return re.compile(body, anchor.flags)


def _balanced(body: str) -> bool:
    """Do the parentheses of a pattern close within it (so that `(?i:` … `)` spans the whole anchor)?"""
    depth, escaped = 0, False
    for c in body:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


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
