"""Events: the filtered list, one merged event with every report and claim, the timeline's counts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Connection

from ..errors import ApiError
from ..query import EventFilter, get_merged_event, list_events, timeline
from .deps import FastJSONResponse, connection, event_filter, gazetteer
from .schemas import EventPage, MergedEvent, Timeline

router = APIRouter(tags=["events"])
Conn = Annotated[Connection, Depends(connection)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Gazetteer = Annotated[Path | None, Depends(gazetteer)]


@router.get("/events", response_model=EventPage)
def events(request: Request, f: Filter, gaz: Gazetteer,
           total: bool = Query(False, description="also count every event the filter selects")) -> JSONResponse:
    """Stored events, filtered, sorted and paged; each with its actors' names, place, date, the merged
    event it belongs to (``merged_id``) and every span of evidence."""
    with request.app.state.engine.connect() as conn:  # here, on the request's one trip to the thread pool
        page = list_events(conn, f, gaz, total=total)
    return FastJSONResponse({"items": page.items, "next_cursor": page.next_cursor, "total": page.total,
                         "limit": f.limit, "offset": f.offset})


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
