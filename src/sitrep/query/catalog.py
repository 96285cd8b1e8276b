"""Who and where: the actors and the places the stored events name, with how many events each."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, or_, select

from ..store.tables import ActorRow, EventRow
from .filters import containing

A, E = ActorRow.__table__.c, EventRow.__table__.c


def list_actors(conn: Connection, q: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Actors by name and code, most often named first; ``q`` matches a part of either."""
    n = func.count().label("documents")
    query = select(A.name, A.code, A.country, n).group_by(A.name, A.code, A.country)
    if q:
        query = query.where(or_(A.name.ilike(containing(q), escape="\\"), A.code.ilike(containing(q), escape="\\")))
    rows = conn.execute(query.order_by(n.desc(), A.name).limit(limit))
    return [{"name": r.name, "code": r.code, "country": r.country, "documents": r.documents} for r in rows]


def list_places(conn: Connection, q: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    """Places events happened at, with their point and how many events; ``q`` matches a part of the name."""
    n = func.count().label("events")
    query = (select(E.place_name, E.geonameid, E.country, E.admin1, func.avg(E.lat).label("lat"),
                    func.avg(E.lon).label("lon"), n)
             .where(E.place_name.is_not(None)).group_by(E.place_name, E.geonameid, E.country, E.admin1))
    if q:
        query = query.where(E.place_name.ilike(containing(q), escape="\\"))
    rows = conn.execute(query.order_by(n.desc(), E.place_name).limit(limit))
    return [{"name": r.place_name, "geonameid": r.geonameid, "country": r.country, "admin1": r.admin1,
             "lat": r.lat, "lon": r.lon, "events": r.events} for r in rows]
