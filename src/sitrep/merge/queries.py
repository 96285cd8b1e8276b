"""Reading the merged records back: one canonical event with its sources and claims, ceasefires, figures.

Every face (CLI, API, page) reads through these functions, so they all show the same thing. Results
are plain JSON-ready dicts.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, or_, select

from .tables import (
    canonical_events,
    ceasefire_violations,
    ceasefires,
    claims,
    document_copies,
    event_mentions,
    figures,
)

EVENT_FIELDS = ("id", "kind", "plover_type", "plover_mode", "cameo", "acled_event_type", "date_value",
                "date_precision", "place_name", "lat", "lon", "place_precision", "country", "mention_count",
                "source_count", "first_reported")


def _mentions(conn: Connection, cid: str) -> list[dict[str, Any]]:
    m = event_mentions
    out = []
    for row in conn.execute(select(m).where(m.c.canonical_id == cid).order_by(m.c.published, m.c.pk)):
        view = row.view
        out.append({"document_id": row.document_id, "event_id": row.event_id, "outlet": row.outlet,
                    "url": row.url, "published": row.published, "attributed_to": view.get("attributed_to"),
                    "quote": view.get("quote"), "score": row.score, "reasons": row.reasons})
    return out


def _claims(conn: Connection, cid: str, summary: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for row in conn.execute(select(claims).where(claims.c.canonical_id == cid).order_by(claims.c.pk)):
        attr = out.setdefault(row.attribute, {**summary.get(row.attribute, {}), "values": {}})
        value = attr["values"].setdefault(row.value, {"value": row.value, "display": row.display, "sources": []})
        value["sources"].append({"outlet": row.outlet, "attributed_to": row.attributed_to,
                                 "document_id": row.document_id, "quote": row.display,
                                 "start": row.start, "end": row.end})
    for attr in out.values():
        attr["values"] = list(attr["values"].values())
    return out


def _copies(conn: Connection, document_ids: list[str]) -> list[dict[str, Any]]:
    c = document_copies
    rows = conn.execute(select(c).where(c.c.document_id.in_(document_ids)).order_by(c.c.published))
    return [{"copy_of": r.document_id, "document_id": r.copy_id, "url": r.url, "outlet": r.outlet,
             "published": r.published, "similarity": r.similarity} for r in rows]


def _violations(conn: Connection, column: Any, cid: str) -> list[dict[str, Any]]:
    v = ceasefire_violations
    return [{"ceasefire_id": r.ceasefire_id, "event_id": r.canonical_id, "certainty": r.certainty,
             "reasons": r.reasons} for r in conn.execute(select(v).where(column == cid))]


def get_event(conn: Connection, cid: str) -> dict[str, Any] | None:
    """A canonical event with every source, every claim (disputed ones flagged) and its ceasefire links."""
    row = conn.execute(select(canonical_events).where(canonical_events.c.id == cid)).one_or_none()
    if row is None:
        return None
    event = {f: getattr(row, f) for f in EVENT_FIELDS}
    event["actors"] = row.actor_keys
    event["mentions"] = _mentions(conn, cid)
    event["copies"] = _copies(conn, sorted({m["document_id"] for m in event["mentions"]}))
    event["claims"] = _claims(conn, cid, (row.summary or {}).get("attributes", {}))
    cf = conn.execute(select(ceasefires).where(ceasefires.c.id == cid)).one_or_none()
    event["ceasefire"] = _ceasefire(cf) if cf else None
    event["violations"] = _violations(conn, ceasefire_violations.c.ceasefire_id, cid) if cf else []
    event["violates"] = _violations(conn, ceasefire_violations.c.canonical_id, cid)
    return event


def _ceasefire(row: Any) -> dict[str, Any]:
    return {"id": row.id, "parties": [p["name"] for p in row.parties or []], "area": row.area_name,
            "country": row.country, "announced": row.announced, "start": row.start, "end": row.end,
            "status": row.status, "source_count": row.source_count}


def list_ceasefires(conn: Connection, place: str | None = None, since: str | None = None) -> list[dict[str, Any]]:
    """Ceasefires, newest first, each with the start claimed by every source (``claimed_starts``);
    ``place`` matches the area name or country code, ``since`` the start."""
    c = ceasefires
    query = select(c).order_by(c.c.start.desc())
    if place:
        query = query.where(or_(c.c.area_name.ilike(f"%{place}%"), c.c.country == place.upper()))
    if since:
        query = query.where(or_(c.c.start >= since, c.c.announced >= since))
    out = []
    for row in conn.execute(query).all():
        item = _ceasefire(row)
        item["violations"] = len(_violations(conn, ceasefire_violations.c.ceasefire_id, row.id))
        item["claimed_starts"] = start_claims(conn, row.id)
        out.append(item)
    return out


def start_claims(conn: Connection, cid: str) -> list[dict[str, Any]]:
    """Every start a source claims for ceasefire ``cid``, in the order stored: the value, the words and
    their offsets in the document, who said it and the outlet (the API adds the same list as
    ``claimed_starts``: sitrep.query.merged)."""
    query = select(claims).where(claims.c.canonical_id == cid, claims.c.attribute == "start").order_by(claims.c.pk)
    return [{"value": r.value, "words": r.display, "said_by": r.attributed_to, "outlet": r.outlet,
             "document_id": r.document_id, "start": r.start, "end": r.end} for r in conn.execute(query)]


def list_figures(conn: Connection, place: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
    """Figures by place, kind and date, each with its source; ``casualties`` means fatalities and injured."""
    f = figures
    query = select(f).order_by(f.c.place_name, f.c.kind, f.c.date, f.c.pk)
    if place:
        query = query.where(or_(f.c.place_name.ilike(f"%{place}%"), f.c.country == place.upper()))
    if kind:
        kinds = ["fatalities", "injured"] if kind == "casualties" else [kind]
        query = query.where(f.c.kind.in_(kinds))
    return [{"kind": r.kind, "best": r.best, "low": r.low, "high": r.high, "place": r.place_name,
             "country": r.country, "date": r.date, "event_id": r.canonical_id, "document_id": r.document_id,
             "outlet": r.outlet, "attributed_to": r.attributed_to, "quote": r.quote, "start": r.start,
             "end": r.end} for r in conn.execute(query)]
