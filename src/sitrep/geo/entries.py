"""The gazetteer's record: one place with its names, as every source produces it."""

from __future__ import annotations

from dataclasses import dataclass, field

# GeoNames feature codes sitrep uses for entries it makes itself.
COUNTRY = ("A", "PCLI")
CONTINENT = ("L", "CONT")
ADMIN1 = ("A", "ADM1")
ADMIN2 = ("A", "ADM2")
TOWN = ("P", "PPL")
CAPITAL = ("P", "PPLC")
AIRPORT = ("S", "AIRP")
AIR_BASE = ("S", "AIRB")


@dataclass
class Entry:
    """A place before it is stored: ids, point, feature type, containment, size and names."""

    name: str
    lat: float
    lon: float
    feature: tuple[str, str]
    country: str
    admin1: str = ""
    population: int = 0
    geonameid: int | None = None
    gazetteer_id: str | None = None
    city: str = ""  # for airports: the city served, as airportsdata names it
    coord_source: str = "gazetteer"  # how the point was had, e.g. "mean_of_cities" for derived ADM1 points
    names: set[str] = field(default_factory=set)

    def all_names(self) -> set[str]:
        return self.names | {self.name}
