"""The words that tell one event from another, for comparing two outlets' reports of it.

Two outlets word one event differently ("suspected bombs exploded outside the embassies" and "the bomb
blasts outside the embassies") but share its salient words: what was hit, with what, who. The key
words of a report are the content words of its evidence sentence, lower-cased and reduced to a crude
stem (plural, -ed and -ing endings off), without function words, reporting verbs, numbers, and the
calendar words that every report of the same day shares anyway.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..wordtables import word_table

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
MIN_LENGTH = 4
MOST_WORDS = 80  # a canonical event keeps at most this many key words (those of its first reports first)
COMMON = word_table("merge.wording.common")


def stem(word: str) -> str:
    """A crude stem: enough to make "embassies"/"embassy", "killed"/"killing"/"kill" one word."""
    w = word.lower().replace("’", "'").removesuffix("'s").strip("'-")
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= MIN_LENGTH - 1:
            return w[: len(w) - len(suffix)] + repl
    return w


@lru_cache(maxsize=8192)
def key_words(text: str | None) -> frozenset[str]:
    """The salient words of a report's sentence (stems), for comparing it with other reports (cached:
    one sentence is compared with every candidate, and its event's words recomputed on each refresh)."""
    if not text:
        return frozenset()
    found = set()
    for match in _WORD.finditer(text):
        word = match.group(0)
        if len(word) >= MIN_LENGTH and word.lower() not in COMMON:
            found.add(stem(word))
    return frozenset(found - COMMON)
