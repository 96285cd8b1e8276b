"""The offline gazetteer: built once into SQLite, loaded into memory as a name-key index.

`build_gazetteer(path)` gathers places from the shipped packages (or from GeoNames dumps), writes
them to SQLite with the format version in a ``meta`` table, and pickles the in-memory index beside
it (``<file>.index.pickle``) so that a process loads it in about a second. `open_gazetteer()`
builds on first use and rebuilds a file written by another version.
"""

from __future__ import annotations

import logging
import os
import pickle
import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..errors import ResourceError
from ..progress import track
from ..version import __version__
from .entries import ADMIN1, Entry
from .normalize import name_key, skeleton_key

if TYPE_CHECKING:
    from .admin1 import CityIndex

log = logging.getLogger(__name__)

VERSION = "32"
_INDEX_VERSION = f"{VERSION}.2"  # the pickled indexes' layout: rebuilt from the SQLite file when it changes
_MIN_SKELETON = 7  # shorter keys make too many chance collisions to be matched fuzzily
_SPELLING_SIMILARITY = 0.85  # difflib ratio of two spellings of one name ("al hasakeh", "al hasakah": 0.9)


class GazPlace(NamedTuple):
    """One stored place, as the resolver reads it."""

    id: int
    geonameid: int | None
    gazetteer_id: str | None
    name: str
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str
    admin1: str
    population: int
    city: str
    coord_source: str


@dataclass
class Gazetteer:
    """Places plus exact-key and skeleton-key indexes over all their names."""

    places: list[GazPlace]
    keys: dict[str, tuple[int, ...]]
    skeletons: dict[str, tuple[str, ...]]  # skeleton key → the name keys that have it
    by_country: dict[str, int] = field(default_factory=dict)   # alpha-2 → the country's place id
    by_admin1: dict[str, int] = field(default_factory=dict)    # admin1 code → the ADM1 place id
    airports: dict[str, tuple[int, ...]] = field(default_factory=dict)  # served city key → airport ids

    def lookup(self, key: str) -> list[GazPlace]:
        return [self.places[i] for i in self.keys.get(key, ())]

    def lookup_fuzzy(self, key: str) -> list[GazPlace]:
        """Places named by a spelling of KEY: a name with its skeleton (its consonants) that is also
        written nearly the same ("al hasakeh" for Al Hasakah). The skeleton alone matches too much: a
        village spelled "Bolotene" shares one with Beledweyne's "Beletuen"."""
        ids: set[int] = set()
        for other in self.skeletons.get(skeleton_key(key), ()):
            if SequenceMatcher(None, key, other).ratio() >= _SPELLING_SIMILARITY:
                ids.update(self.keys[other])
        return [self.places[i] for i in sorted(ids)]

    def country(self, alpha2: str) -> GazPlace | None:
        i = self.by_country.get(alpha2)
        return None if i is None else self.places[i]

    def admin1(self, code: str) -> GazPlace | None:
        i = self.by_admin1.get(code)
        return None if i is None else self.places[i]

    def airports_serving(self, city_key: str) -> list[GazPlace]:
        return [self.places[i] for i in self.airports.get(city_key, ())]

    def capital(self, alpha2: str) -> GazPlace | None:
        """The country's capital (its most populous PPLC), for "the Georgian capital"."""
        i = self._towns[0].get(alpha2)
        return None if i is None else self.places[i]

    def largest_town(self, alpha2: str) -> GazPlace | None:
        """The country's most populous town, for "Kazakhstan's largest city"."""
        i = self._towns[1].get(alpha2)
        return None if i is None else self.places[i]

    @cached_property
    def _towns(self) -> tuple[dict[str, int], dict[str, int]]:
        """(capital, largest town) place ids per country; computed on first use, not stored, so that
        an index pickled before these existed still serves them."""
        capitals: dict[str, int] = {}
        largest: dict[str, int] = {}
        for p in self.places:
            if p.feature_class != "P":
                continue
            for table, wanted in ((capitals, p.feature_code == "PPLC"), (largest, True)):
                best = table.get(p.country)
                if wanted and (best is None or self.places[best].population < p.population):
                    table[p.country] = p.id
        return capitals, largest


# ---------------------------------------------------------------- build
def collect_entries(geonames_dir: Path | None = None) -> list[Entry]:
    """Every place the gazetteer will hold, from GeoNames dumps if given, else the shipped packages."""
    from .admin1 import city_index, read_admin
    from .sources import read_airports, read_cities, read_continents, read_countries, read_regions

    if geonames_dir is not None:
        from .dumps import read_dump_places

        places = read_dump_places(geonames_dir)
        cities = [e for e in places if e.feature[0] == "P"]
    else:
        cities = list(read_cities())
        places = cities
    airports = list(read_airports())
    countries = list(read_countries(cities)) + list(read_continents()) + list(read_regions())
    known = {e.geonameid for e in places if e.geonameid}
    index = city_index(cities)  # relabelling below changes no key of it: it serves both
    admin1, relabel = read_admin(cities, airports, index)
    for entry in places + admin1:
        entry.admin1 = relabel.get(entry.admin1, entry.admin1)
    _place_airports(airports, index)
    have_admin1 = {e.admin1 for e in places if e.feature == ADMIN1}  # from dumps: theirs come first
    admin1 = [e for e in admin1 if e.feature != ADMIN1 or e.admin1 not in have_admin1]
    extra = [e for e in countries + admin1 if not e.geonameid or e.geonameid not in known]
    return places + extra + airports


def _place_airports(airports: list[Entry], index: CityIndex) -> None:
    """Give each airport the province of the town it serves, and the name it goes by ("Heathrow")."""
    import airportsdata

    from .sources import own_airport_name

    by_icao = airportsdata.load("ICAO")
    for airport in airports:
        town = index.get((airport.country, name_key(airport.city)))
        if town is not None:
            airport.admin1 = town.admin1
        row = by_icao.get((airport.gazetteer_id or "").removeprefix("icao:"))
        if not row or not row.get("iata"):
            continue  # only airports with a passenger code go by a name of their own in the news

        def is_town(text: str, country: str = airport.country) -> bool:
            return (country, name_key(text)) in index

        own = own_airport_name(airport.name, airport.city, is_town)
        if own:
            airport.names.add(own)


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, gazetteer_id TEXT, name TEXT, lat REAL,
  lon REAL, feature_class TEXT, feature_code TEXT, country TEXT, admin1 TEXT, population INTEGER,
  city TEXT, coord_source TEXT);
CREATE TABLE names (place_id INTEGER, name TEXT, key TEXT);
"""


def write_sqlite(path: Path, entries: list[Entry]) -> None:
    """Write entries to a fresh SQLite file (written beside, then moved into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    with sqlite3.connect(tmp) as db:
        db.executescript(_SCHEMA)
        db.execute("INSERT INTO meta VALUES ('version', ?)", (VERSION,))
        db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", (
            (i, e.geonameid, e.gazetteer_id, e.name, e.lat, e.lon, e.feature[0], e.feature[1], e.country,
             e.admin1, e.population, e.city, e.coord_source) for i, e in enumerate(entries)))
        db.executemany("INSERT INTO names VALUES (?,?,?)", (
            (i, n, name_key(n)) for i, e in enumerate(track(entries, "writing places", len(entries), "places"))
            for n in sorted(e.all_names())))
        db.execute("CREATE INDEX names_key ON names (key)")
    db.close()
    os.replace(tmp, path)


def build_gazetteer(path: Path, geonames_dir: Path | None = None) -> Path:
    """Build the SQLite gazetteer at `path` (and its index pickle); return the path."""
    if geonames_dir is not None and not Path(geonames_dir).is_dir():
        raise ResourceError(f"GeoNames folder {geonames_dir} does not exist",
                            "give the folder holding cities500.txt or allCountries.txt", code="E311")
    path = Path(path)
    began = time.perf_counter()
    log.info("building the gazetteer at %s (once per version: about a minute, about 900 MB of memory)", path)
    write_sqlite(path, collect_entries(Path(geonames_dir) if geonames_dir else None))
    gazetteer = _index_from_sqlite(path)
    _write_pickle(_pickle_path(path), gazetteer)
    log.info("gazetteer built: %s places in %.0f s", f"{len(gazetteer.places):,}", time.perf_counter() - began)
    return path


# ---------------------------------------------------------------- load
def _pickle_path(path: Path) -> Path:
    return path.with_name(path.name + ".index.pickle")


def _write_pickle(target: Path, gazetteer: Gazetteer) -> None:
    tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
    with tmp.open("wb") as handle:
        pickle.dump((_INDEX_VERSION, gazetteer), handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, target)


def stored_version(path: Path) -> str | None:
    """The format version written in a gazetteer file, or None if it is missing or unreadable."""
    if not path.is_file():
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _index_from_sqlite(path: Path) -> Gazetteer:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        places = [GazPlace(*row) for row in db.execute("SELECT * FROM places ORDER BY id")]
        names = db.execute("SELECT place_id, key FROM names").fetchall()
    return make_index(places, names)


def make_index(places: list[GazPlace], names: list[tuple[int, str]]) -> Gazetteer:
    """Build the in-memory indexes from stored places and (place id, name key) pairs."""
    keys: dict[str, set[int]] = defaultdict(set)
    skeletons: dict[str, set[str]] = defaultdict(set)
    for place_id, key in track(names, "indexing names", len(names), "names"):
        if key:
            keys[key].add(place_id)
            if len(key) >= _MIN_SKELETON:
                skeletons[skeleton_key(key)].add(key)
    gazetteer = Gazetteer(places, {k: tuple(v) for k, v in keys.items()},
                          {k: tuple(v) for k, v in skeletons.items()})
    airports: dict[str, list[int]] = defaultdict(list)
    for p in places:
        if p.feature_code == "PCLI":
            gazetteer.by_country.setdefault(p.country, p.id)
        elif p.feature_code == "ADM1" and p.admin1:
            gazetteer.by_admin1.setdefault(p.admin1, p.id)
        elif p.feature_class == "S" and p.city:
            airports[name_key(p.city)].append(p.id)
    gazetteer.airports = {k: tuple(v) for k, v in airports.items()}
    return gazetteer


def load_gazetteer(path: Path) -> Gazetteer:
    """Load a built gazetteer: from its index pickle when current, else from the SQLite file."""
    path = Path(path)
    if stored_version(path) != VERSION:
        raise ResourceError(f"gazetteer {path} is missing or from another version",
                            "run `sitrep gazetteer build`", code="E312")
    pickled = _pickle_path(path)
    if pickled.is_file() and pickled.stat().st_mtime >= path.stat().st_mtime:
        with pickled.open("rb") as handle:
            version, gazetteer = pickle.load(handle)
        if version == _INDEX_VERSION:
            return gazetteer
    gazetteer = _index_from_sqlite(path)
    _write_pickle(pickled, gazetteer)
    return gazetteer


def open_gazetteer(path: Path) -> Gazetteer:
    """The gazetteer at `path`, built first if it is missing or was written by another version."""
    found = stored_version(Path(path))
    if found != VERSION:
        log.info("the gazetteer at %s is %s; sitrep %s needs format %s", path,
                 "missing" if found is None else f"format {found}", __version__, VERSION)
        build_gazetteer(Path(path))
    return load_gazetteer(Path(path))
