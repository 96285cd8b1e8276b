"""Figures stated outside events: the seed's refugees in Turkey, people in Idlib, people who fled."""

from __future__ import annotations

import re

from sitrep.merge.text_figures import figures_from_text
from sitrep.models import DocumentRecord, Place, Published

PLACES = {"Turkey": (39.0, 35.0, "TR"), "Idlib": (35.9, 36.6, "SY")}


def _record(text: str) -> DocumentRecord:
    places = [Place(start=m.start(), end=m.end(), text=name, name=name, lat=lat, lon=lon, country=cc)
              for name, (lat, lon, cc) in PLACES.items() for m in re.finditer(rf"\b{name}\b", text)]
    return DocumentRecord(id="seed", content_hash="x", source="CBC News", places=places,
                          published=Published(value="2020-01-10", source="given"))


def test_seed_background_figures(seed_text):
    rows = figures_from_text("seed", seed_text, _record(seed_text))
    found = {(r["kind"], r["best"], r["place_name"]) for r in rows}
    assert ("refugees", 3_600_000, "Turkey") in found
    assert ("population", 3_000_000, "Idlib") in found
    assert ("displaced", 100_000, "Idlib") in found
    for row in rows:
        assert seed_text[row["start"]:row["end"]] == row["quote"] and row["date"] == "2020-01-10"


def test_amounts_of_other_things_are_not_figures():
    text = "The army bought 300 tanks in Turkey. Talks lasted 12 hours in Idlib."
    assert figures_from_text("x", text, _record(text)) == []
