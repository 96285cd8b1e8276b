"""The merged records as every face shows them: one event with every report and claim, ceasefires
with the start each source claims and the violations reported after them, figures over time.

Built on sitrep.merge.queries (the merge's own reading of its tables), with what a monitor needs
beside it: where each report is stored (to open the article), the violations' places and dates
(for the map and timeline), figures grouped per place.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, select

from ..merge import queries as merge_queries
from ..merge.tables import canonical_events, ceasefire_violations, claims
from ..store.tables import DocumentRow

D = DocumentRow.__table__.c


def _document_pks(conn: Connection, doc_ids: set[str]) -> dict[str, int]:
    if not doc_ids:
        return {}
    rows = conn.execute(select(D.doc_id, D.pk).where(D.doc_id.in_(doc_ids)).order_by(D.pk.desc()))
    return {doc_id: pk for doc_id, pk in rows}


def get_merged_event(conn: Connection, cid: str) -> dict[str, Any] | None:
    """merge.queries.get_event, each report and claim carrying the stored document's key (``document_pk``)."""
    event = merge_queries.get_event(conn, cid)
    if event is None:
        return None
    sources = [s for attr in event["claims"].values() for v in attr["values"] for s in v["sources"]]
    pks = _document_pks(conn, {m["document_id"] for m in event["mentions"]} | {s["document_id"] for s in sources})
    for item in event["mentions"] + sources:
        item["document_pk"] = pks.get(item["document_id"])
    event["disputed"] = sorted(name for name, attr in event["claims"].items() if attr.get("disputed"))
    return event


def _start_claims(conn: Connection, cids: list[str]) -> dict[str, list[dict[str, Any]]]:
    c = claims.c
    rows = conn.execute(select(claims).where(c.canonical_id.in_(cids), c.attribute == "start").order_by(c.pk))
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        out[r.canonical_id].append({"value": r.value, "words": r.display, "said_by": r.attributed_to,
                                    "outlet": r.outlet, "document_id": r.document_id, "start": r.start,
                                    "end": r.end})
    return out


def _violations(conn: Connection, cids: list[str]) -> dict[str, list[dict[str, Any]]]:
    v, ce = ceasefire_violations.c, canonical_events.c
    rows = conn.execute(select(v.ceasefire_id, v.certainty, ce.id, ce.kind, ce.date_value, ce.place_name, ce.lat,
                               ce.lon, ce.source_count)
                        .join(canonical_events, ce.id == v.canonical_id).where(v.ceasefire_id.in_(cids)))
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        out[r.ceasefire_id].append({"event_id": r.id, "type": r.kind, "date": r.date_value, "place": r.place_name,
                                    "lat": r.lat, "lon": r.lon, "certainty": r.certainty,
                                    "source_count": r.source_count})
    return out


def list_ceasefires(conn: Connection, place: str | None = None, since: str | None = None) -> list[dict[str, Any]]:
    """Each truce with its parties, area and point, the start claimed by each source, status and violations."""
    items = merge_queries.list_ceasefires(conn, place, since)
    cids = [i["id"] for i in items]
    starts, violations = _start_claims(conn, cids), _violations(conn, cids)
    points = {r.id: (r.lat, r.lon) for r in conn.execute(
        select(canonical_events.c.id, canonical_events.c.lat, canonical_events.c.lon)
        .where(canonical_events.c.id.in_(cids)))}
    for item in items:
        item["lat"], item["lon"] = points.get(item["id"], (None, None))
        item["claimed_starts"] = starts.get(item["id"], [])
        item["violations"] = violations.get(item["id"], [])
    return items


def figures_by_place(conn: Connection, place: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
    """Figures (killed, displaced, in need …) as series over time per place and kind, each point sourced."""
    series: dict[tuple[str, str], dict[str, Any]] = {}
    for fig in merge_queries.list_figures(conn, place, kind):
        key = (fig["place"] or "(unknown place)", fig["kind"])
        entry = series.setdefault(key, {"place": key[0], "country": fig["country"], "kind": fig["kind"],
                                        "points": []})
        entry["points"].append({k: fig[k] for k in ("date", "best", "low", "high", "outlet", "attributed_to",
                                                    "quote", "document_id", "event_id", "start", "end")})
    return list(series.values())
