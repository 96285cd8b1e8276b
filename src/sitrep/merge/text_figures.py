"""Figures stated outside any event: "Some 3.6 million Syrians have sought shelter in Turkey".

Background numbers (refugees hosted, people displaced over weeks, people living in or needing aid in
a region) are what analysts follow over time, but they rarely belong to one event, so the events
stage does not attach them. Here each amount of people in a sentence (found by the events stage's
`find_amounts`) is classed by the words just after it, placed at the nearest place named in the same
sentence, and dated by the report. Amounts an event already carries are left to that event.
"""

from __future__ import annotations

import re
from typing import Any

from ..events.quantities import find_amounts
from ..models import DocumentRecord, Place

# What the few words after an amount say it counts (the cue nearest the amount wins).
CUES = (
    ("fatalities", re.compile(r"\b(?:killed|dead|died|deaths|lost their lives)\b", re.I)),
    ("injured", re.compile(r"\b(?:wounded|injured|hurt)\b", re.I)),
    ("refugees", re.compile(r"\b(?:refugees|sought (?:shelter|refuge|asylum)|asylum[- ]seekers)\b", re.I)),
    ("displaced", re.compile(r"\b(?:fled|flee|fleeing|displaced|uprooted|evacuated|driven from)\b", re.I)),
    ("in_need", re.compile(r"\b(?:in need|need(?:s)? (?:aid|help|assistance)|dependent on|rely on aid|"
                           r"face hunger|food insecur\w*)\b", re.I)),
    ("population", re.compile(r"\b(?:live|living|reside|residents|inhabitants)\b", re.I)),
)
ANY_CUE = re.compile("|".join(cue.pattern for _, cue in CUES), re.I)
PEOPLE = re.compile(r"^\W*(?:of\s+)?(?:\w+\s+){0,2}?(?:people|persons|civilians|residents|refugees|children|"
                    r"families|villagers|\w+ans|\w+ians|\w+is|\w+ese)\b", re.I)
WINDOW = 60  # characters after an amount in which its cue must appear
_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=\w))+[.!?]?")  # a point inside "3.6" does not end it


def _kind(after: str) -> str | None:
    if not PEOPLE.match(after):
        return None
    window = after[:WINDOW]
    found = [(m.start(), kind) for kind, cue in CUES if (m := cue.search(window))]
    return min(found)[1] if found else None


def _nearest_place(places: list[Place], start: int, end: int, lo: int, hi: int) -> Place | None:
    inside = [p for p in places if lo <= p.start and p.end <= hi and p.role == "location"]
    return min(inside, key=lambda p: min(abs(p.start - end), abs(start - p.end)), default=None)


def figures_from_text(document_id: str, text: str, record: DocumentRecord) -> list[dict[str, Any]]:
    """Figure rows for the people-counts in a text that no event of the record carries."""
    taken = {(q.start, q.end) for e in record.events for q in e.quantities.values()}
    published = record.published.value[:10] if record.published else None
    rows = []
    for sentence in _SENTENCE.finditer(text):
        if not ANY_CUE.search(sentence.group()):  # cheap filter: amounts are costly to look for
            continue
        for s, e, (low, best, high) in find_amounts(sentence.group()):
            start, end = sentence.start() + s, sentence.start() + e
            kind = _kind(text[end:sentence.end()])
            if kind is None or (start, end) in taken or (best is None and low is None):
                continue
            place = _nearest_place(record.places, start, end, sentence.start(), sentence.end())
            rows.append({"kind": kind, "best": best, "low": low, "high": high,
                         "place_name": place.name if place else None, "lat": place.lat if place else None,
                         "lon": place.lon if place else None, "country": place.country if place else None,
                         "date": published, "canonical_id": None, "document_id": document_id,
                         "outlet": record.source, "attributed_to": record.source, "quote": text[start:end],
                         "start": start, "end": end})
    return rows
