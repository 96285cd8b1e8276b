"""What every route gets: a connection to the store for the request, and the gazetteer for place names."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

from fastapi import Query, Request
from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from ..query import EventFilter, parse_filter
from ..query.filters import MAX_LIMIT


def connection(request: Request) -> Iterator[Connection]:
    """One connection for the request, given back to the pool after the answer was sent. The database may
    go away in between (a restart): the answer stands, and the connection is dropped rather than failing
    a response that has already started."""
    conn = request.app.state.engine.connect()
    try:
        yield conn
    finally:
        try:
            conn.close()
        except DBAPIError:  # the rollback on giving it back failed: the pool must not keep it
            with contextlib.suppress(SQLAlchemyError):  # already closed and dropped, as a rule
                conn.invalidate()


async def gazetteer(request: Request) -> Path | None:
    return request.app.state.gazetteer


# The filter's query parameters: name → (description, examples), for every route that takes a filter.
FILTER_PARAMETERS: dict[str, tuple[str, list[str] | None]] = {
    "since": ("ISO date: events on or after it", ["2023-05-01"]),
    "until": ("ISO date: events on or before it", None),
    "bbox": ("west,south,east,north in degrees", ["35.5,35,37.5,37"]),
    "place": ("place name in any spelling (a province or country finds the events inside it) or a GeoNames id",
              None),
    "country": ("ISO 3166 code (SY, SYR) or English name", None),
    "type": ("PLOVER type, CAMEO code or root, ACLED type or sub-type, or category; several separated by commas",
             ["ASSAULT"]),
    "actor": ("actor name (part of it) or code", None),
    "modality": ("asserted, planned, threatened, requested, denied, …", None),
    "min_sources": ("only events at least this many sources report", None),
    "text": ("words in the evidence", None),
    "sort": ("date (default), -date, sources, -sources", None),
    "limit": ("events at most (1–1000)", None),
    "offset": ("events to skip (offset pagination)", None),
    "cursor": ("next_cursor of the previous page (cursor pagination)", None),
}


def _q(name: str, default: str | None = None) -> Any:
    description, examples = FILTER_PARAMETERS[name]
    return Query(default, description=description, examples=examples)


def filter_dependency(default_limit: str | None) -> Callable[..., Awaitable[EventFilter]]:
    """The query string as a checked filter (a bad value is a 400 with code E21x). The cheap dependencies
    are `async def`: they run on the event loop, not each on a trip through the thread pool."""

    async def event_filter(
        since: str | None = _q("since"), until: str | None = _q("until"), bbox: str | None = _q("bbox"),
        place: str | None = _q("place"), country: str | None = _q("country"), type: str | None = _q("type"),
        actor: str | None = _q("actor"), modality: str | None = _q("modality"),
        min_sources: str | None = _q("min_sources"), text: str | None = _q("text"), sort: str | None = _q("sort"),
        limit: str | None = _q("limit", default_limit), offset: str | None = _q("offset"),
        cursor: str | None = _q("cursor"),
    ) -> EventFilter:
        return parse_filter(since=since, until=until, bbox=bbox, place=place, country=country, type=type, actor=actor,
                            modality=modality, min_sources=min_sources, text=text, sort=sort, limit=limit,
                            offset=offset, cursor=cursor, max_limit=MAX_LIMIT)

    return event_filter


event_filter = filter_dependency("100")
export_filter = filter_dependency(None)


def query_filter(request: Request, default_limit: str | None = "100") -> EventFilter:
    """:data:`event_filter` read straight from the query string, for GET /api/events: the same values (the
    last of a repeated name), the same checks, without FastAPI's checks of fourteen optional strings, which
    cost about 0.3 ms of CPU a request, more than answering it from the cache. Its route documents the
    parameters with :func:`filter_openapi`."""
    values = request.query_params
    return parse_filter(**{name: values.get(name) for name in FILTER_PARAMETERS if name != "limit"},
                        limit=values.get("limit", default_limit), max_limit=MAX_LIMIT)


def filter_openapi(default_limit: str | None = "100") -> list[dict[str, Any]]:
    """The filter's parameters as OpenAPI describes them for a route whose signature declares them (each an
    optional string), for a route that reads them with :func:`query_filter`."""
    parameters = []
    for name, (description, examples) in FILTER_PARAMETERS.items():
        schema: dict[str, Any] = {"anyOf": [{"type": "string"}, {"type": "null"}], "description": description}
        if name == "limit" and default_limit is not None:
            schema["default"] = default_limit
        if examples:
            schema["examples"] = examples
        schema["title"] = name.replace("_", " ").title()
        parameters.append({"name": name, "in": "query", "required": False, "schema": schema,
                           "description": description})
    return parameters
