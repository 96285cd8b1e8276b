"""Readers for GeoNames' own dump files, for users who have them (villages matter in conflict news).

A folder may hold, in geonames.org's tab-separated formats:

* ``allCountries.txt`` or ``cities500.txt`` (or cities1000/5000/15000): the geoname table, 19 columns
  (geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code,
  country code, cc2, admin1 … admin4, population, elevation, dem, timezone, modification date);
* ``admin1CodesASCII.txt``: ``CC.code  name  asciiname  geonameid`` per first-level division;
* ``alternateNamesV2.txt`` (or ``alternateNames.txt``): alternateNameId, geonameid, isolanguage,
  alternate name, isPreferredName, isShortName, isColloquial, isHistoric[, from, to].
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from ..errors import ResourceError
from .entries import ADMIN1, Entry
from .sources import usable_name

PLACE_FILES = ("allCountries.txt", "cities500.txt", "cities1000.txt", "cities5000.txt", "cities15000.txt")
_KEEP_CLASSES = frozenset("APLTH")
_KEEP_SPOTS = frozenset({"AIRP", "AIRB", "AIRF", "AIRH", "MILB", "INSM", "CMP"})
_NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc", "tcid", "phon"})


def _rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and not row[0].startswith("#"):
                yield row


def place_file(folder: Path) -> Path:
    """The geoname table in the folder (the fullest one present)."""
    for name in PLACE_FILES:
        if (folder / name).is_file():
            return folder / name
    raise ResourceError(f"no GeoNames place file in {folder}",
                        f"put one of {', '.join(PLACE_FILES)} there (from the GeoNames dump)", code="E313")


def _entry(row: list[str]) -> Entry | None:
    if len(row) < 15 or row[6] not in _KEEP_CLASSES and row[7] not in _KEEP_SPOTS:
        return None
    cc, admin1 = row[8], row[10]
    names = {n for n in row[3].split(",") if usable_name(n)} | ({row[2]} if usable_name(row[2]) else set())
    return Entry(name=row[1], lat=float(row[4]), lon=float(row[5]), feature=(row[6], row[7]), country=cc,
                 admin1=f"{cc}.{admin1}" if admin1 and admin1 != "00" else "",
                 population=int(row[14] or 0), geonameid=int(row[0]), names=names)


def read_geoname_table(path: Path) -> dict[int, Entry]:
    entries = {}
    for row in _rows(path):
        entry = _entry(row)
        if entry is not None:
            entries[entry.geonameid or 0] = entry
    return entries


def add_alternate_names(folder: Path, entries: dict[int, Entry]) -> None:
    """Add the Latin-script alternate names of the places we keep (codes, links and postcodes skipped)."""
    path = next((folder / n for n in ("alternateNamesV2.txt", "alternateNames.txt") if (folder / n).is_file()), None)
    if path is None:
        return
    for row in _rows(path):
        if len(row) < 4 or row[2] in _NOT_NAMES:
            continue
        entry = entries.get(int(row[1]))
        if entry is not None and usable_name(row[3]):
            entry.names.add(row[3])


def add_admin1(folder: Path, entries: dict[int, Entry]) -> None:
    """First-level divisions listed in admin1CodesASCII.txt that the place file lacks, at the middle
    of the box their towns span."""
    path = folder / "admin1CodesASCII.txt"
    if not path.is_file():
        return
    towns: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries.values():
        if entry.feature[0] == "P":
            towns[entry.admin1].append(entry)
    for row in _rows(path):
        if len(row) < 4 or not row[3].isdigit() or int(row[3]) in entries:
            continue
        inside = towns.get(row[0], [])
        if not inside:
            continue
        lat = (min(t.lat for t in inside) + max(t.lat for t in inside)) / 2
        lon = (min(t.lon for t in inside) + max(t.lon for t in inside)) / 2
        entries[int(row[3])] = Entry(name=row[1], lat=lat, lon=lon, feature=ADMIN1, country=row[0].split(".")[0],
                                     admin1=row[0], geonameid=int(row[3]), coord_source="mean_of_cities",
                                     names={row[2]} if usable_name(row[2]) else set())


def read_dump_places(folder: Path) -> list[Entry]:
    """Every kept place of a GeoNames dump folder, with alternate names and admin1 divisions."""
    entries = read_geoname_table(place_file(Path(folder)))
    add_alternate_names(Path(folder), entries)
    add_admin1(Path(folder), entries)
    return list(entries.values())
