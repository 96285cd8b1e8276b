"""What every route gets: a connection to the store for the request, and the gazetteer for place names."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

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


def filter_dependency(default_limit: str | None) -> Callable[..., Awaitable[EventFilter]]:
    """The query string as a checked filter (a bad value is a 400 with code E21x). The cheap dependencies
    are `async def`: they run on the event loop, not each on a trip through the thread pool."""

    async def event_filter(
        since: str | None = Query(None, description="ISO date: events on or after it", examples=["2023-05-01"]),
        until: str | None = Query(None, description="ISO date: events on or before it"),
        bbox: str | None = Query(None, description="west,south,east,north in degrees", examples=["35.5,35,37.5,37"]),
        place: str | None = Query(None, description="place name in any spelling (a province or country finds the "
                                  "events inside it) or a GeoNames id"),
        country: str | None = Query(None, description="ISO 3166 code (SY, SYR) or English name"),
        type: str | None = Query(None, description="PLOVER type, CAMEO code or root, ACLED type or sub-type, or "
                                 "category; several separated by commas", examples=["ASSAULT"]),
        actor: str | None = Query(None, description="actor name (part of it) or code"),
        modality: str | None = Query(None, description="asserted, planned, threatened, requested, denied, …"),
        min_sources: str | None = Query(None, description="only events at least this many sources report"),
        text: str | None = Query(None, description="words in the evidence"),
        sort: str | None = Query(None, description="date (default), -date, sources, -sources"),
        limit: str | None = Query(default_limit, description="events at most (1–1000)"),
        offset: str | None = Query(None, description="events to skip (offset pagination)"),
        cursor: str | None = Query(None, description="next_cursor of the previous page (cursor pagination)"),
    ) -> EventFilter:
        return parse_filter(since=since, until=until, bbox=bbox, place=place, country=country, type=type, actor=actor,
                            modality=modality, min_sources=min_sources, text=text, sort=sort, limit=limit,
                            offset=offset, cursor=cursor, max_limit=MAX_LIMIT)

    return event_filter


event_filter = filter_dependency("100")
export_filter = filter_dependency(None)
