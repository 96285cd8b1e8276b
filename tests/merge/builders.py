"""Hand-built records for the merge's unit tests: one event per record, fields given directly."""

from __future__ import annotations

from sitrep.models import (
    AcledCode,
    Actor,
    DocumentRecord,
    Event,
    EventDate,
    EventPlace,
    PloverCode,
    Published,
    Quantity,
)

TOWNS = {"Kharkiv": (49.99, 36.23, "UA"), "Izium": (49.21, 37.26, "UA"), "Idlib": (35.93, 36.63, "SY"),
         "Ariha": (35.81, 36.61, "SY"), "Tripoli": (32.89, 13.19, "LY"), "Libya": (26.0, 17.5, "LY")}
ADMIN1 = {"Idlib": "SY-ID", "Ariha": "SY-ID", "Kharkiv": "UA-63", "Izium": "UA-63", "Tripoli": "LY-TB"}


def record(doc: str, *, kind: str = "ASSAULT", mode: str | None = None, day: str = "2024-03-04",
           precision: int = 1, town: str | None = "Kharkiv", place_precision: int = 1,
           actors: tuple[str, ...] = ("RUSMIL",), killed: float | None = None, outlet: str = "Outlet",
           published: str = "2024-03-05", modality: str = "asserted",
           date_source: str = "expression") -> DocumentRecord:
    """A one-event record; actors are CAMEO-style codes whose first three letters are the country."""
    people = [Actor(id=f"a{i}", name=code, code=code, country=code[:3]) for i, code in enumerate(actors)]
    place = None
    if town:
        lat, lon, country = TOWNS[town]
        place = EventPlace(name=town, lat=lat, lon=lon, precision=place_precision, country=country,
                           admin1=ADMIN1.get(town))
    quantities = {"killed": Quantity(best=killed, text=f"{killed:g} killed")} if killed is not None else {}
    event = Event(id="e1", plover=PloverCode(type=kind, mode=mode), acled=AcledCode(event_type=None, sub_event_type=None),
                  sources=[p.id for p in people[:1]], targets=[p.id for p in people[1:]], place=place,
                  date=EventDate(value=day, precision=precision, source=date_source) if day else None,  # type: ignore[arg-type]
                  modality=modality,
                  quantities=quantities)
    return DocumentRecord(id=doc, source=outlet, content_hash=doc, published=Published(value=published, source="given"),
                          actors=people, events=[event])
