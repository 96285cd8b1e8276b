"""Knowledge-base names the statistical NER misses ("Islamic State", "Hezbollah", "Kremlin").

An Aho-Corasick automaton (pyahocorasick) over the exact spellings of organisation and group names,
run once over the text; a name counts where no letter, digit, "_", "/" or "-" touches it, the longest
at each place and none overlapping, left to right. Each match marks the root token of its span as an
actor head.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import ahocorasick

from ..nlp.tokens import token_table
from .kb import ShippedKB

if TYPE_CHECKING:
    from spacy.tokens import Doc


def _joins(char: str) -> bool:
    """A character that would make a name part of a longer word: a letter, digit, "_", "/" or "-"."""
    return char.isalnum() or char in "_/-"


class KBMatcher:
    """Exact-spelling matcher over the names of organisations and groups; built once per process."""

    def __init__(self, shipped: ShippedKB):
        self._automaton = ahocorasick.Automaton()
        for name in {name for name, rows in shipped.names() if any(e.kind != "person" for e in rows)}:
            if name:
                self._automaton.add_word(name, len(name))
        self._automaton.make_automaton()

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each name found: the longest at each start, none overlapping, left to right."""
        found = []
        if len(self._automaton):
            for last, size in self._automaton.iter(text):
                start, end = last + 1 - size, last + 1
                if (start == 0 or not _joins(text[start - 1])) and (end == len(text) or not _joins(text[end])):
                    found.append((start, end))
        chosen: list[tuple[int, int]] = []
        for start, end in sorted(found, key=lambda se: (se[0], -se[1])):
            if not chosen or start >= chosen[-1][1]:
                chosen.append((start, end))
        return chosen

    def heads(self, doc: Doc) -> set[int]:
        """Token index of the root of each knowledge-base name found in the doc."""
        found = set()
        for start, end in self.spans(token_table(doc).text):  # (Doc.text joins every token on each call)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                found.add(span.root.i)
        return found
