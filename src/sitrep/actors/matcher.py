"""Knowledge-base names the statistical NER misses ("Islamic State", "Hezbollah", "Kremlin").

A single regular expression over the exact spellings of organisation and group names, run on the
text; each match marks the root token of its span as an actor head.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .kb import ShippedKB

if TYPE_CHECKING:
    from spacy.tokens import Doc


class KBMatcher:
    """Exact-spelling matcher over the names of organisations and groups; built once per process."""

    def __init__(self, shipped: ShippedKB):
        names = sorted({name for name, rows in shipped.names() if any(e.kind != "person" for e in rows)},
                       key=len, reverse=True)
        alternation = "|".join(re.escape(n) for n in names)
        self._pattern = re.compile(rf"(?<![\w/-])(?:{alternation})(?![\w/-])")

    def heads(self, doc: Doc) -> set[int]:
        """Token index of the root of each knowledge-base name found in the doc."""
        found = set()
        for match in self._pattern.finditer(doc.text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and len(span):
                found.add(span.root.i)
        return found
