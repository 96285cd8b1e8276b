"""Columns derived from a stored event record, for the filters of the query layer (sitrep.query).

One function, used when a document is saved and by migration 0006 to fill rows stored before it:
the place's admin1 code and spelling-insensitive keys, ACLED's inter codes as the events stage set
them (never computed here), and the words of the evidence for free-text search.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..geo.normalize import name_key, skeleton_key

UNBOUNDED_SPAN = 36_600  # an interval end that cannot be read: assume it may reach a century back


def date_span(start: str | None, end: str | None) -> int | None:
    """Whole days from the first to the last day of a date interval (None without an end), stored as
    `events.date_span`: the largest bounds how far before a ``since`` date an overlapping event starts."""
    if not start or not end:
        return None
    try:
        return max(0, date.fromisoformat(end[:10]).toordinal() - date.fromisoformat(start[:10]).toordinal())
    except ValueError:
        return UNBOUNDED_SPAN


def place_keys(name: str | None) -> tuple[str | None, str | None]:
    """The exact and the fuzzy key of a place name (``Ma'arrat`` and ``Maaret`` share the fuzzy one)."""
    if not name:
        return None, None
    return name_key(name) or None, skeleton_key(name) or None


def event_columns(event: dict[str, Any]) -> dict[str, Any]:
    """The derived columns of one event, from its JSON record (``Event.model_dump(mode="json")``)."""
    place = event.get("place") or {}
    acled = event.get("acled") or {}
    key, skeleton = place_keys(place.get("name"))
    words = [span.get("text") or "" for span in event.get("evidence") or []]
    return {
        "admin1": place.get("admin1"), "place_key": key, "place_skeleton": skeleton,
        "inter1": acled.get("inter1"), "inter2": acled.get("inter2"), "interaction": acled.get("interaction"),
        "evidence_text": "\n".join(w for w in words if w) or None,
    }
