"""Columns derived from a stored event record, for the filters of the query layer (sitrep.query).

One function, used when a document is saved and by migration 0006 to fill rows stored before it:
the place's admin1 code and spelling-insensitive keys, ACLED's inter codes as the events stage set
them (never computed here), and the words of the evidence for free-text search.

And the event's part of its item in every list of events (:func:`listed_json`) and its document's
(:func:`document_json`), serialised once when it is stored, so that a page of events is read as text
and joined, not decoded and encoded again per read nor joined with the documents.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import orjson

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


# The keys of an event's record that every list shows (docs/api.md), in their order; the document, the
# event's id, its merged event and that event's number of sources come first and are read with the page.
LISTED = ("plover", "cameo", "acled", "category", "modality", "date", "effective", "place", "sources", "targets",
          "attribution", "quantities", "trigger", "instrument", "evidence", "confidence")


def listed_json(event: dict[str, Any], actors: dict[str, dict[str, Any]]) -> str:
    """``events.list_json``: the listed keys of one event record (``Event.model_dump(mode="json")``) as a
    JSON object, its source and target actor ids replaced by ``{id, name, code, country}`` from ``actors``
    (the document's actors by id; an id without one keeps the id as its name)."""

    def named(ids: list[str] | None) -> list[dict[str, Any]]:
        return [actors.get(i, {"id": i, "name": i, "code": None, "country": None}) for i in ids or []]

    item = {key: event.get(key) for key in LISTED}
    item.update(sources=named(event.get("sources")), targets=named(event.get("targets")),
                quantities=event.get("quantities") or {}, evidence=event.get("evidence") or [])
    return orjson.dumps(item).decode()


def actor_names(actors: list[tuple[str, str, str | None, str | None]]) -> dict[str, dict[str, Any]]:
    """A document's actors, as (id, name, code, country), by id: what :func:`listed_json` names them by."""
    return {a[0]: {"id": a[0], "name": a[1], "code": a[2], "country": a[3]} for a in actors}


def document_json(doc_id: str, title: str | None, url: str | None, source: str | None, published: str | None) -> str:
    """``events.document_json``: the document's part of an event's item in every list but its key (``pk``,
    read with the page), as a JSON object: ``{id, title, url, source, published}``, the values of the
    document's row (a document's row is never rewritten once stored; a new content is a new document)."""
    return orjson.dumps({"id": doc_id, "title": title, "url": url, "source": source, "published": published}).decode()
