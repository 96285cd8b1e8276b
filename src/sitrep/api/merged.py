"""Ceasefires, humanitarian figures, actors and places."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import JSONResponse
from sqlalchemy import Connection

from ..query import figures_by_place, list_actors, list_ceasefires, list_places, parse_date
from .deps import connection

router = APIRouter(tags=["merged records"])
Conn = Annotated[Connection, Depends(connection)]


@router.get("/ceasefires", response_model=list[dict[str, Any]])
def ceasefires(conn: Conn, place: str | None = Query(None, description="area name (part) or ISO country code"),
               since: str | None = Query(None, description="ISO date: announced or started since")) -> JSONResponse:
    """Each truce: parties, area and point, the start each source claims (side by side), status, and the
    violations reported after it with their place and date."""
    return JSONResponse(list_ceasefires(conn, place, parse_date(since, "since")))


@router.get("/figures", response_model=list[dict[str, Any]])
def figures(conn: Conn, place: str | None = Query(None, description="place name (part) or ISO country code"),
            kind: str | None = Query(None, description="fatalities, injured, casualties, displaced, refugees, "
                                     "in_need, population")) -> JSONResponse:
    """Numbers of people killed, displaced, in need … as series over time per place, each point with its source."""
    return JSONResponse(figures_by_place(conn, place, kind))


@router.get("/actors", response_model=list[dict[str, Any]])
def actors(conn: Conn, q: str | None = Query(None, description="part of a name or code"),
           limit: int = Query(100, ge=1, le=1000)) -> JSONResponse:
    """Actors the stored documents name, most often named first."""
    return JSONResponse(list_actors(conn, q, limit))


@router.get("/places", response_model=list[dict[str, Any]])
def places(conn: Conn, q: str | None = Query(None, description="part of a place name"),
           limit: int = Query(100, ge=1, le=1000)) -> JSONResponse:
    """Places events happened at, with their point and number of events."""
    return JSONResponse(list_places(conn, q, limit))
