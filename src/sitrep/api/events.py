"""Events: the filtered list, one merged event with every report and claim, the timeline's counts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import anyio
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Connection, Engine

from ..errors import ApiError
from ..query import (
    DateIndexes,
    EventFilter,
    answerable,
    get_merged_event,
    indexed_page_json,
    page_json,
    timeline,
)
from .cache import PerVersion
from .deps import connection, event_filter, filter_openapi, gazetteer, query_filter
from .schemas import EventPage, MergedEvent, Timeline

router = APIRouter(tags=["events"])
Conn = Annotated[Connection, Depends(connection)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Gazetteer = Annotated[Path | None, Depends(gazetteer)]


@router.get("/events", response_model=EventPage, openapi_extra={"parameters": filter_openapi()})
async def events(request: Request, gaz: Gazetteer,
                 total: bool = Query(False, description="also count every event the filter selects")) -> Response:
    """Stored events, filtered, sorted and paged; each with its actors' names, place, date, the merged
    event it belongs to (``merged_id``) and every span of evidence. Answers are kept in memory until the
    store changes (api/cache.py); pages of a date window are read by the dates held in memory
    (query/dateindex.py)."""
    state = request.app.state
    f = query_filter(request)
    key = ("events", f, total)
    version = await state.versions.version()  # first: a write committed before this request is seen
    body = state.cache.get(version, key) if version is not None else None
    if body is None and not total:  # a date window whose events and items the worker holds: no query at all
        index = state.dates.held(version) if state.dates is not None else None
        if index is not None:
            body = indexed_page_json(None, index, f, gaz)
    if body is None:  # the queries on the request's one trip to the thread pool
        body = await anyio.to_thread.run_sync(_page, state.pages, f, gaz, total, state.spans, version,
                                              state.dates, limiter=state.readers)
        if version is not None:
            state.cache.put(version, key, body)
    return Response(body, media_type="application/json")


def _page(engine: Engine, f: EventFilter, gaz: Path | None, total: bool, spans: PerVersion,
          version: int | None, dates: DateIndexes | None) -> bytes:
    with engine.connect() as conn:
        index = dates.get(conn, version) if dates is not None and not total and answerable(f) else None
        body = indexed_page_json(conn, index, f, gaz) if index is not None else None
        if body is not None:
            return body
        return page_json(conn, f, gaz, total=total, max_span=spans.get(conn, version) if f.since else None)


@router.get("/events/{merged_id}", response_model=MergedEvent)
def merged_event(merged_id: str, conn: Conn) -> JSONResponse:
    """One merged event: every report of it, each claim by source with its words and offsets, the
    disputed fields, and its ceasefire links."""
    event = get_merged_event(conn, merged_id)
    if event is None:
        raise ApiError(f"no merged event {merged_id!r}", "take a merged_id from /api/events", code="E601",
                       status=404)
    return JSONResponse(event)


@router.get("/timeline", response_model=Timeline)
def counts(conn: Conn, f: Filter, gaz: Gazetteer,
           bucket: str = Query("day", description="day or week")) -> JSONResponse:
    """Counts of the filtered events per day (or week) and PLOVER type (limit, offset and cursor ignored)."""
    return JSONResponse(timeline(conn, f, bucket, gaz))
