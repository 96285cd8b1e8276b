"""Spelling-insensitive lookup keys for place names.

News and gazetteers spell the same place many ways: "Maaret Al-Numan", "Maarat al-Numan" and
GeoNames' "Ma‘arrat an Nu‘mān"; "Saint Louis" and "St. Louis". Two keys absorb most of it:

* :func:`name_key` folds case, accents, apostrophes and hyphens, drops Arabic articles
  (al-, el-, an-, ash- …) and doubled letters, and spells out St./Mt./Ft.  Equal keys are taken as
  the same name.
* :func:`skeleton_key` further keeps only each word's first letter and its consonants, so
  transliteration variants of vowels ("Maaret" / "Marat", "Noman" / "Numan") meet.  It is a weak
  match, used only for longer names and scored below an exact key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..wordtables import word_table

_APOSTROPHES = "'’‘`´ʻʼʿʾ′"
_SEPARATORS = "-‐‑‒–—_/.,;:()\"“”"
_TRANSLATE = str.maketrans({**{c: "" for c in _APOSTROPHES}, **{c: " " for c in _SEPARATORS}})
_SPECIAL = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ð": "d",
                          "þ": "th", "ħ": "h"})
ARTICLES = word_table("geo.normalize.articles")
_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}
_DOUBLES = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouyhw]")


def _one(doubled: re.Match[str]) -> str:
    """The letter of a run of one letter ("pp" → "p"): what `\\1` gives, without re's template each time."""
    return doubled.group(1)


def fold(text: str) -> str:
    """Lower case, accents stripped, apostrophes removed, separators turned to single spaces.
    Letters outside the Latin script are dropped (such names never match English text)."""
    text = text.casefold().translate(_TRANSLATE)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_SPECIAL)).encode("ascii", "ignore").decode()
    return " ".join(text.split())


def is_latin(text: str) -> bool:
    """True for names written in Latin letters (other scripts are not matched against English text)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith("LATIN") for c in letters if not c.isascii())


def _words(text: str) -> list[str]:
    words = fold(text).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    words = [_ABBREVIATIONS.get(w, w) for w in words]
    if len(words) > 1:
        words = [w for i, w in enumerate(words) if w not in ARTICLES or i == len(words) - 1]
    return words


@lru_cache(maxsize=1 << 16)  # bounded: a long batch must not grow it without limit
def name_key(text: str) -> str:
    """The exact-match key of a place name ("" when nothing is left)."""
    return " ".join(_DOUBLES.sub(_one, w.replace("ou", "u")) for w in _words(text))


def skeleton_key(text: str) -> str:
    """The fuzzy key: each word's first letter plus its consonants, doubled letters merged."""
    parts = []
    for word in name_key(text).split():
        rest = _DOUBLES.sub(_one, _VOWELS.sub("", word[1:].replace("q", "k")))
        parts.append(word[0] + rest)
    return " ".join(parts)
