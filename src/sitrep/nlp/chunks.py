"""Texts longer than the model takes in one piece, parsed in chunks and joined with offsets kept.

spaCy refuses a text over `nlp.max_length` (1,000,000 characters) and needs about a gigabyte of working
memory per 100,000 characters for the parser and entity recogniser. A longer text is cut into pieces of
at most CHUNK_CHARS, at a paragraph break where there is one (else a line break, else a space, else
anywhere), each piece is parsed, and the pieces' Docs are joined with `Doc.from_docs` without adding
any character, so the joined Doc's text is the input and every token offset is an offset into it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

CHUNK_CHARS = 100_000
_BREAKS = ("\n\n", "\n", " ")


def parse_text(nlp: Language, text: str, chunk_chars: int = CHUNK_CHARS) -> Doc:
    """One Doc over `text` whatever its length; `doc.text == text`."""
    if len(text) <= chunk_chars:
        return nlp(text)
    return Doc.from_docs(list(nlp.pipe(split_text(text, chunk_chars))), ensure_whitespace=False)


def split_text(text: str, size: int) -> list[str]:
    """Consecutive pieces of at most `size` characters that join back to `text`."""
    pieces, start = [], 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a piece that starts at `start`: after the last break before `limit`, in the second half."""
    for mark in _BREAKS:
        found = text.rfind(mark, start + (limit - start) // 2, limit)
        if found != -1:
            return found + len(mark)
    return limit
