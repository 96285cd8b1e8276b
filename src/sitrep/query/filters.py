"""What a reader may ask of the events, checked once for every face (CLI options, API parameters, page URL).

`parse_filter(...)` takes the raw strings a person typed and returns an :class:`EventFilter`, or
raises a ConfigError (E2xx, exit status 2 on the command line, HTTP 400 from the API) naming the
value and how to fix it: an unknown type code or an invalid date is an error, never an empty result.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from datetime import date

from ..errors import ConfigError
from .vocab import MODALITIES, vocabulary

SORTS = ("date", "-date", "sources", "-sources")
MAX_LIMIT = 1000  # events per API page; the CLI and exports have no cap


@dataclass(frozen=True)
class TypeFilter:
    kind: str   # plover, cameo, acled_type, acled_sub_type, category
    value: str


@dataclass(frozen=True)
class EventFilter:
    since: str | None = None                 # ISO date: events whose interval ends after it begins
    until: str | None = None                 # ISO date: events that start on or before it
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north (degrees)
    place: str | None = None                 # a name (any spelling) of a town, province or country
    geonameid: int | None = None
    country: str | None = None               # ISO 3166-1 alpha-2
    types: tuple[TypeFilter, ...] = ()       # any of them (one per vocabulary value named)
    actor: str | None = None                 # actor name (part of it) or code
    modality: str | None = None
    min_sources: int | None = None
    text: str | None = None                  # words in the evidence
    sort: str = "date"
    limit: int | None = 100
    offset: int = 0
    cursor: tuple[str | None, int] | None = field(default=None)  # (date_start, pk) of the last row seen


def bad(message: str, fix: str, code: str) -> ConfigError:
    return ConfigError(message, fix, code=code)


def parse_date(value: str | None, name: str = "date") -> str | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise bad(f"{name} {value!r} is not a date", "give an ISO date such as 2020-01-10", "E210") from None


def parse_types(value: str | None) -> tuple[TypeFilter, ...]:
    """``ASSAULT``, ``195``, ``Battles``, ``Air/drone strike`` … several separated by commas."""
    if not value:
        return ()
    found = []
    for item in (v.strip() for v in value.split(",") if v.strip()):
        kind = vocabulary().kind_of(item)
        if kind is None:
            raise bad(f"unknown event type {item!r}", "give a PLOVER type (ASSAULT), a CAMEO code or root (19, "
                      "0871), an ACLED event type or sub-type (Battles, Air/drone strike) or a category", "E211")
        found.append(TypeFilter(kind, item.upper() if kind == "plover" else item))
    return tuple(found)


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError:
        raise bad(f"bounding box {value!r} is not four numbers", "give west,south,east,north in degrees, "
                  "e.g. 35.5,35.0,37.5,37.0", "E212") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise bad(f"bounding box {value!r} is outside the globe", "longitudes -180..180, latitudes -90..90, "
                  "south below north", "E212")
    return west, south, east, north


def parse_modality(value: str | None) -> str | None:
    if not value:
        return None
    if value.lower() not in MODALITIES:
        raise bad(f"unknown modality {value!r}", f"give one of {', '.join(MODALITIES)}", "E213")
    return value.lower()


def parse_country(value: str | None) -> str | None:
    """An ISO alpha-2 or alpha-3 code or an English name → alpha-2."""
    if not value:
        return None
    import pycountry

    try:
        return str(pycountry.countries.lookup(value.strip()).alpha_2)
    except LookupError:
        raise bad(f"unknown country {value!r}", "give an ISO code (SY, SYR) or an English name", "E214") from None


LARGEST = 2**63 - 1  # the largest integer SQLite and PostgreSQL (bigint) store: a larger count is no store's
LARGEST_KEY = 2**31 - 1  # the largest primary key a store gives (PostgreSQL integer): a larger one is no row's


def encode_cursor(date_start: str | None, pk: int) -> str:
    return base64.urlsafe_b64encode(json.dumps([date_start, pk]).encode()).decode().rstrip("=")


def parse_cursor(value: str | None) -> tuple[str | None, int] | None:
    if not value:
        return None
    try:
        raw = json.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
        day, pk = raw
        if not (day is None or isinstance(day, str)) or not isinstance(pk, int) or abs(pk) > LARGEST_KEY:
            raise ValueError(value)
    except (ValueError, TypeError):
        raise bad(f"cursor {value!r} is not one this server gave", "use the next_cursor of the previous page",
                  "E215") from None
    return day, pk


def _number(value: str | int | None, name: str, low: int, high: int = LARGEST) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise bad(f"{name} {value!r} is not a whole number", f"give a number of at least {low}", "E216") from None
    if number < low or number > high:
        raise bad(f"{name} {number} is out of range", f"give {low}…{high}", "E216")
    return number


def parse_filter(*, since: str | None = None, until: str | None = None, bbox: str | None = None,
                 place: str | None = None, country: str | None = None, type: str | None = None,
                 actor: str | None = None, modality: str | None = None, min_sources: str | int | None = None,
                 text: str | None = None, sort: str | None = None, limit: str | int | None = 100,
                 offset: str | int | None = 0, cursor: str | None = None,
                 max_limit: int | None = None) -> EventFilter:
    """The checked filter; raises ConfigError (E21x) naming the first bad value."""
    if sort and sort not in SORTS:
        raise bad(f"unknown sort {sort!r}", f"give one of {', '.join(SORTS)}", "E217")
    if cursor and sort and sort.lstrip("-") != "date":
        raise bad("a cursor pages through events sorted by date", "sort by date or -date, or use offset", "E215")
    place_text = (place or "").strip() or None
    number = int(place_text) if place_text and place_text.isdigit() else None
    geonameid = number if number is not None and number <= LARGEST_KEY else None  # no place has a larger id
    return EventFilter(
        since=parse_date(since, "since"), until=parse_date(until, "until"), bbox=parse_bbox(bbox),
        place=None if geonameid else place_text, geonameid=geonameid, country=parse_country(country),
        types=parse_types(type), actor=(actor or "").strip() or None, modality=parse_modality(modality),
        min_sources=_number(min_sources, "min_sources", 1), text=(text or "").strip() or None,
        sort=sort or "date", limit=_number(limit, "limit", 1, max_limit or LARGEST),
        offset=_number(offset, "offset", 0) or 0,
        cursor=parse_cursor(cursor),
    )


def containing(value: str) -> str:
    """A LIKE pattern matching `value` anywhere, its own % and _ taken literally (escape character \\),
    so that `--place '%'` matches a place named with a percent sign, not every event (issue 16)."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
