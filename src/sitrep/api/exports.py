"""Exports of the filtered events: CSV with ACLED's column names, GeoJSON, Parquet (sitrep.exports)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response, StreamingResponse

from ..exports.writers import MEDIA_TYPES, csv_chunks, geojson_chunks, write_parquet
from ..query import EventFilter, iter_events
from .deps import export_filter, gazetteer

router = APIRouter(tags=["exports"])
Filter = Annotated[EventFilter, Depends(export_filter)]
Gazetteer = Annotated[Path | None, Depends(gazetteer)]


def _items(request: Request, f: EventFilter, gaz: Path | None) -> Iterator[dict[str, Any]]:
    with request.app.state.engine.connect() as conn:
        yield from iter_events(conn, f, gaz)


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get("/export/events.csv", response_class=StreamingResponse)
def export_csv(request: Request, f: Filter, gaz: Gazetteer) -> StreamingResponse:
    """The filtered events as CSV: ACLED's columns where they mean the same, then sitrep's (docs/exports.md)."""
    return StreamingResponse(csv_chunks(_items(request, f, gaz)), media_type=MEDIA_TYPES["csv"],
                             headers=_attachment("sitrep-events.csv"))


@router.get("/export/events.geojson", response_class=StreamingResponse)
def export_geojson(request: Request, f: Filter, gaz: Gazetteer) -> StreamingResponse:
    """The filtered events that have a place, as a GeoJSON FeatureCollection of points."""
    return StreamingResponse(geojson_chunks(_items(request, f, gaz)), media_type=MEDIA_TYPES["geojson"],
                             headers=_attachment("sitrep-events.geojson"))


@router.get("/export/events.parquet", response_class=Response)
def export_parquet(request: Request, f: Filter, gaz: Gazetteer) -> Response:
    """The filtered events as a Parquet file with typed columns."""
    buffer = io.BytesIO()
    write_parquet(_items(request, f, gaz), buffer)
    return Response(buffer.getvalue(), media_type=MEDIA_TYPES["parquet"], headers=_attachment("sitrep-events.parquet"))
