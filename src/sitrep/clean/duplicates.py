"""Duplicate paragraphs: a paragraph repeating an earlier one exactly or nearly is reported, the first kept.

"Nearly" means equal once case, whitespace, punctuation and a trailing photo credit are set aside, or,
for paragraphs of fifteen words or more, nine tenths of the words in the same order (a re-edited copy):
twice their longest common subsequence of words over the words of both, rapidfuzz's Indel ratio.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from rapidfuzz import fuzz

from ..models import Removed
from .blocks import Block
from .credits import strip_credit

MIN_KEY_CHARS = 25
NEAR_MIN_WORDS = 15
NEAR_RATIO = 0.9
MIN_SHARED_TRIGRAMS = 0.5
_NON_WORD = re.compile(r"[\W_]+")


def find_duplicates(paragraphs: list[Block]) -> list[Removed]:
    removed: list[Removed] = []
    first_by_key: dict[str, Block] = {}
    near = NearCopies()
    for block in paragraphs:
        key = paragraph_key(block.text)
        if len(key) < MIN_KEY_CHARS:
            continue
        original = first_by_key.get(key) or near.find(key.split())
        if original is not None:
            removed.append(Removed(start=block.start, end=block.end, reason="duplicate_paragraph",
                                   text=block.text, duplicate_of=original.start))
            continue
        first_by_key[key] = block
        near.add(key.split(), block)
    return removed


def paragraph_key(text: str) -> str:
    """Lower-case words only: what two copies of a paragraph share despite re-typing."""
    folded = unicodedata.normalize("NFKC", strip_credit(text)).casefold()
    return " ".join(_NON_WORD.sub(" ", folded).split())


class NearCopies:
    """Earlier long paragraphs, indexed by word trigrams so that a near copy is found without comparing
    every pair (a copy with a tenth of its words changed still shares most of its trigrams)."""

    def __init__(self) -> None:
        self.kept: list[tuple[list[str], Block]] = []
        self.index: dict[tuple[str, ...], list[int]] = {}

    def add(self, words: list[str], block: Block) -> None:
        if len(words) < NEAR_MIN_WORDS:
            return
        for gram in set(_trigrams(words)):
            self.index.setdefault(gram, []).append(len(self.kept))
        self.kept.append((words, block))

    def find(self, words: list[str]) -> Block | None:
        if len(words) < NEAR_MIN_WORDS:
            return None
        grams = set(_trigrams(words))
        shared: Counter[int] = Counter(i for gram in grams for i in self.index.get(gram, ()))
        for i, count in shared.most_common():
            if count < len(grams) * MIN_SHARED_TRIGRAMS:
                break
            if _similar(self.kept[i][0], words):
                return self.kept[i][1]
        return None


def _trigrams(words: list[str]) -> list[tuple[str, ...]]:
    return [tuple(words[i:i + 3]) for i in range(len(words) - 2)]


def _similar(a: list[str], b: list[str]) -> bool:
    if min(len(a), len(b)) / max(len(a), len(b)) < NEAR_RATIO:
        return False
    cutoff = 100 * NEAR_RATIO
    return fuzz.ratio(a, b, processor=None, score_cutoff=cutoff) >= cutoff
