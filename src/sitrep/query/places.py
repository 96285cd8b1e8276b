"""A place as a reader names it → what it covers: the spellings of its own name and, for a province
or a country, every place inside it.

"Maaret", "Ma'arrat" and "Maarat al-Numan" meet on the spelling-insensitive keys of
sitrep.geo.normalize (stored beside each event by migration 0006); "Idlib" or "Aleppo" named as a
province also finds the events in its towns, through the ISO 3166-2 code the gazetteer gives its
English and local names (read-only; without a built gazetteer only the names stored with the events
are matched).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..geo.normalize import name_key, skeleton_key

_MIN_SKELETON = 3  # letters of a fuzzy key below which a chance match is too likely


@dataclass(frozen=True)
class PlaceMatch:
    key: str | None            # exact key: the event's place is this name, or starts with its words
    skeleton: str | None       # fuzzy key, when long enough to be trusted
    admin1: tuple[str, ...]    # provinces of that name: events anywhere inside them
    countries: tuple[str, ...]  # countries of that name (alpha-2)
    text: str                  # the words as given (a part of the stored place name matches too)


def match_place(text: str, gazetteer: Path | None) -> PlaceMatch:
    key = name_key(text) or None
    skeleton = skeleton_key(text)
    admin1, countries = _areas(key, str(gazetteer)) if key and gazetteer and gazetteer.is_file() else ((), ())
    return PlaceMatch(key=key, skeleton=skeleton if len(skeleton.replace(" ", "")) >= _MIN_SKELETON else None,
                      admin1=admin1, countries=countries, text=text.strip())


@lru_cache(maxsize=4096)
def _areas(key: str, gazetteer: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Provinces (ISO 3166-2 codes) and countries (alpha-2) the gazetteer knows under this key."""
    sql = ("SELECT p.feature_code, p.country, p.admin1 FROM names n JOIN places p ON p.id = n.place_id "
           "WHERE n.key = ? AND (p.feature_code = 'ADM1' OR p.feature_code LIKE 'PCL%')")
    try:
        with sqlite3.connect(f"file:{gazetteer}?mode=ro", uri=True) as conn:
            rows = conn.execute(sql, (key,)).fetchall()
    except sqlite3.Error:
        return (), ()
    admin1 = sorted({a for code, _c, a in rows if code == "ADM1" and a})
    countries = sorted({c for code, c, _a in rows if code.startswith("PCL") and c})
    return tuple(admin1), tuple(countries)
