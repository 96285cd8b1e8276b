"""Figures over time: how many people were killed, injured, displaced, are refugees or in need, per
place and date, each with the source that gave it and the words.

Figures come from the numbers the events stage attached to each event (``Event.quantities``), placed
and dated as the event is (an undated figure takes the report's date), so one can follow e.g. the
displaced from a region across months of reports without merging the numbers into one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert

from .mentions import MentionView
from .tables import figures

# Quantity names of the events stage → figure kinds; counts of arrests or crowds are not figures.
KINDS = {"killed": "fatalities", "dead": "fatalities", "fatalities": "fatalities", "injured": "injured",
         "wounded": "injured", "displaced": "displaced", "refugees": "refugees",
         "people_in_need": "in_need", "in_need": "in_need", "population": "population"}
CASUALTIES = ("fatalities", "injured")


def figure_kind(quantity_name: str) -> str | None:
    return KINDS.get(quantity_name.lower())


def figure_rows(view: MentionView, canonical_id: str | None) -> list[dict[str, Any]]:
    """One figure row per people-count the report gives."""
    rows = []
    date = (view.when_lo or "")[:10] if view.precision == 1 else (view.published or "")[:10]
    for name, q in view.quantities.items():
        kind = figure_kind(name)
        if kind is None or (q.get("best") is None and q.get("low") is None):
            continue
        rows.append({"kind": kind, "best": q.get("best"), "low": q.get("low"), "high": q.get("high"),
                     "place_name": view.place_name, "lat": view.lat, "lon": view.lon, "country": view.country,
                     "date": date or None, "canonical_id": canonical_id, "document_id": view.document_id,
                     "outlet": view.outlet, "attributed_to": view.attributed_to or view.outlet,
                     "quote": q.get("text"), "start": q.get("start"), "end": q.get("end")})
    return rows


def store_figures(conn: Connection, rows: list[dict[str, Any]]) -> int:
    if rows:
        conn.execute(insert(figures), rows)
    return len(rows)
