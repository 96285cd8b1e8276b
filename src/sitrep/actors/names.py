"""Name normalisation shared by the knowledge bases and the within-article grouping."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..wordtables import word_table

_PREFIXES = re.compile(r"^(al|el|ad|as|ash|an|ar|at|az)[-‑]", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
_SUFFIXES = word_table("actors.names.suffixes")


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)  # the same names come back in every article; bounded
def fold(name: str) -> str:
    """Lookup key: accents, case, possessive, periods and spacing folded ("al-Assad's" → "al-assad")."""
    text = strip_accents(name).replace("’", "'").strip()
    text = _POSSESSIVE.sub("", text)
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    return " ".join(text.replace(".", "").casefold().split())


def surname(name: str) -> str:
    """The last word of a person's name, without suffixes (Jr., III) or possessive."""
    words = [w for w in _POSSESSIVE.sub("", name.strip()).split() if w.lower() not in _SUFFIXES]
    return words[-1] if words else name


@lru_cache(maxsize=1 << 16)  # asked for every candidate name of every article; bounded
def surname_key(name: str) -> str:
    """Folded surname without an Arabic article, so "Assad" matches "al-Assad"."""
    return _PREFIXES.sub("", fold(surname(name)))
