"""Is a line a section label ("World", "Middle East") or a headline? Shared by ingest (titles) and clean.

A section label is a lone short first line in title case. Three capitalised words could also be a
terse headline, so beyond the common newspaper section names a label must be followed by a line that
itself looks like a headline.
"""

from __future__ import annotations

import re

from ..wordtables import word_table

SECTION_NAMES = word_table("clean.labels.section_names")

_WORD = re.compile(r"[A-Z][\w.'’&-]*|&|and|of|the")
_SEPARATORS = re.compile(r"(?<!\s)\s*+[|›»>/•·–—-]\s*")  # a space run is tried once, from its start
_FINAL_PUNCT = ".!?:;,"


def is_section_label(line: str, next_line: str | None) -> bool:
    """True for a short first line that names a newspaper section rather than saying anything."""
    words = [word for part in _SEPARATORS.split(line.strip()) for word in part.split()]
    if not words or next_line is None or len(line.strip()) > 40 or len(words) > 5:
        return False
    if any(not _WORD.fullmatch(w) for w in words) or any(c.isdigit() for c in line):
        return False
    if line.strip()[-1] in _FINAL_PUNCT and not line.strip().endswith("U.S."):
        return False
    if all(w.lower().strip("&") in SECTION_NAMES or w in ("&", "and", "of", "the") for w in words):
        return True
    return len(words) <= 3 and looks_like_headline(next_line)


def looks_like_headline(line: str) -> bool:
    """Short, capitalised, one sentence at most and no final period: a headline, not a paragraph."""
    text = line.strip()
    if not text or len(text) > 200 or len(text.split()) > 30:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"'‘“"):
        return False
    if len(re.findall(r"[^\W\d_]{3,}", text)) < 2:  # a date line ("Jan. 10, 2020") or a lone name
        return False
    return text[-1] not in ".,;:" or text.endswith("...")
