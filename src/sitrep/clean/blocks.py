"""Lines and paragraphs of a text as offset spans (leading/trailing whitespace trimmed).

A paragraph is a block between blank lines when the text is hard-wrapped; otherwise every line is a
paragraph (web and JSON Lines texts put one paragraph per line, sometimes with blank lines between).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\r\n]+")
_BLANK_LINES = re.compile(r"(?:\r?\n[ \t\f\v]*){2,}")
_SENTENCE_END = re.compile(r"""[.!?:"'”’)\]]\s*$""")


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    text: str


def trimmed(text: str, start: int, end: int) -> Block | None:
    """The span start:end without surrounding whitespace; None when only whitespace."""
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    begin = start + piece.index(stripped[0])
    return Block(begin, begin + len(stripped), stripped)


def lines(text: str) -> list[Block]:
    found = (trimmed(text, m.start(), m.end()) for m in _LINE.finditer(text))
    return [b for b in found if b is not None]


def paragraphs(text: str) -> list[Block]:
    if not is_hard_wrapped(text):
        return lines(text)
    found, start = [], 0
    for match in _BLANK_LINES.finditer(text):
        found.append(trimmed(text, start, match.start()))
        start = match.end()
    found.append(trimmed(text, start, len(text)))
    return [b for b in found if b is not None]


def is_hard_wrapped(text: str) -> bool:
    """True when most lines that run on into another line stop mid-sentence (wrapped at a width)."""
    ends = [line for line, following in _pairs(text) if following.strip() and line.strip()]
    open_ended = sum(1 for line in ends if not _SENTENCE_END.search(line))
    return len(ends) >= 2 and open_ended > len(ends) / 2


def _pairs(text: str) -> list[tuple[str, str]]:
    split = text.splitlines()
    return list(zip(split, split[1:], strict=False))
