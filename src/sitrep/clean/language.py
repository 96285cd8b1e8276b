"""Which language a text is in, so that what is not English is skipped or set aside, never mis-coded.

The identifier is py3langid (BSD-3-Clause; its model ships inside the wheel, nothing is downloaded),
run per paragraph. A paragraph is judged only when it has MIN_LETTERS letters and the identifier is at
least CONFIDENT sure of a language that is not English (nor an English-based one it confuses with
English, such as Nigerian Pidgin); anything shorter or less sure counts as English, so a terse English
headline is never thrown out. Then, by letters:

* most of the text is in other languages → the document is skipped with the largest of them;
* otherwise each confidently non-English paragraph is set aside (Removed reason ``other_language``)
  and the rest is analysed as English.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..models import Removed
from ..wordtables import word_table
from .blocks import Block

MIN_LETTERS = 40
CONFIDENT = 0.95  # for text in Latin letters; text mostly in another script needs no such certainty
ENGLISH_SHARE = 0.5  # the document is analysed when at least this share of its letters is English
# what the identifier says for some plain English text
ENGLISH_LIKE = frozenset({"en", "pcm", "sco"})


@dataclass(frozen=True)
class Verdict:
    language: str | None  # the main non-English language when the document is not English, else None
    share: float          # share of the letters that are English (1.0 when nothing was judged)
    removed: list[Removed]

    def describe(self) -> str:
        return f"{self.language} ({1 - self.share:.0%} of the text; English {self.share:.0%})"


def load_identifier() -> None:
    """Load the language identifier now (about a second of CPU), not when a paragraph first needs it."""
    _identifier()


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def letters(text: str) -> int:
    return sum(map(str.isalpha, text))


_FUNCTION_WORDS = word_table("clean.language.function_words")
CLEARLY_ENGLISH = 0.18


def clearly_english(text: str) -> bool:
    words = text.lower().split()
    return len(words) >= 12 and sum(w in _FUNCTION_WORDS for w in words) >= CLEARLY_ENGLISH * len(words)


def paragraph_language(text: str) -> str | None:
    """The language of a paragraph when it is confidently not English, else None."""
    count = letters(text)
    if count < MIN_LETTERS or clearly_english(text):
        return None
    language, confidence = _identifier().classify(text)
    sure = confidence >= CONFIDENT or latin_letters(text) < count / 2
    return language if sure and language not in ENGLISH_LIKE else None


def latin_letters(text: str) -> int:
    return sum(1 for c in text if c.isalpha() and (c.isascii() or "\u00c0" <= c <= "\u024f"))


def judge(text: str, paragraphs: list[Block]) -> Verdict:
    """Is the text English, and which of its paragraphs are in another language?"""
    other: Counter[str] = Counter()
    foreign: list[Block] = []
    total = 0
    for block in paragraphs:
        count = letters(block.text)
        total += count
        language = paragraph_language(block.text)
        if language:
            other[language] += count
            foreign.append(block)
    share = 1.0 - sum(other.values()) / total if total else 1.0
    if share < ENGLISH_SHARE:
        return Verdict(other.most_common(1)[0][0], share, [])
    removed = [Removed(start=b.start, end=b.end, reason="other_language", text=text[b.start:b.end]) for b in foreign]
    return Verdict(None, share, removed)
