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

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
MIN_LENGTH = 4
MOST_WORDS = 80  # a canonical event keeps at most this many key words (those of its first reports first)
# Function words, reporting verbs and calendar words: shared by reports of different events alike.
COMMON = frozenset("""
about above after again against also among another around because been before being below between both
came could does doing down during each even every from further have having here hers herself himself
into itself just more most much must near next none only other others ours over same several should
since some still such than that their theirs them then there these they this those through under until
upon very were what when where which while whom whose will with within without would your yours
said says saying told tell telling according report reported reports reporting added statement
people official officials spokesman spokeswoman also later earlier least including
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning evening night
january february march april june july august september october november december week weeks year years
month months hour hours time times
""".split())


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
