"""Knowledge-base names the statistical NER misses ("Islamic State", "Hezbollah", "Kremlin").

An Aho-Corasick automaton (pyahocorasick) over the exact spellings of organisation and group names,
run once over the text; a name counts where no letter, digit, "_", "/" or "-" touches it (or a "/" joins it
to another name: "Boko Haram/IS", not a credit "Name/Reuters"), the longest at each place and none overlapping,
left to right. Each match marks the root token of its span as an
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
            slashed: list[tuple[int, int]] = []  # touching a "/" ("Boko Haram/IS"): kept when a name is on each side
            for last, size in self._automaton.iter(text):
                start, end = last + 1 - size, last + 1
                before, after = text[start - 1] if start else " ", text[end] if end < len(text) else " "
                if not _joins(before) and not _joins(after):
                    found.append((start, end))
                elif not _joins(before.replace("/", " ")) and not _joins(after.replace("/", " ")):
                    slashed.append((start, end))
            ends, starts = {e for _, e in slashed}, {s for s, _ in slashed}
            found += [(s, e) for s, e in slashed
                      if (text[s - 1:s] != "/" or s - 1 in ends) and (text[e:e + 1] != "/" or e + 1 in starts)]
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
