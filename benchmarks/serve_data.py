"""A store of N realistic events, built in seconds by bulk insert (not the NLP pipeline), for the load
benchmark of GET /api/events (bench_serve.py).

The events are synthesised from real records: the demo database's documents (`make demo`: the
articles of examples/ run through the pipeline) are copied with their events, actors and merged
events. Each copy of an article is shifted to another day within four years and moved by up to half a
degree; each copied event gets a merged event of its own, reported by 1 to 4 sources (most by one),
so the filters on dates, places, types, actors, sources and evidence select realistic shares.

Usage: python benchmarks/serve_data.py TARGET [--events 100000]   (TARGET: a SQLite file or a URL)
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert, select, text

ROOT = Path(__file__).resolve().parents[1]
SOURCE_COUNTS = (1, 1, 1, 1, 1, 1, 2, 2, 3, 4)  # most events have one source


def demo_db() -> Path:
    """The demo database (`make demo`), built from examples/ when missing."""
    db = ROOT / "sitrep.db"
    if not db.exists():
        subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(ROOT / "examples"), "--db", str(db)],
                       check=True, capture_output=True)
    return db


def _shift_day(value: str, days: int) -> str:
    return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]


def _shifted(record: dict[str, Any], days: int, dlat: float, dlon: float) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(json.dumps(record))
    for key in ("date", "effective"):
        when = out.get(key)
        if when:
            for part in ("start", "end", "value"):
                if isinstance(when.get(part), str) and len(when[part]) >= 10 and when[part][4] == "-":
                    when[part] = _shift_day(when[part], days)
    place = out.get("place")
    if place and place.get("lat") is not None:
        place["lat"] = round(max(-90.0, min(90.0, place["lat"] + dlat)), 5)
        place["lon"] = round(max(-180.0, min(180.0, place["lon"] + dlon)), 5)
    return out


def _load_templates(source: Path) -> tuple[list[Any], list[Any], list[Any], dict[str, Any]]:
    from sitrep.merge.tables import canonical_events
    from sitrep.store import Store
    from sitrep.store.tables import ActorRow, DocumentRow, EventRow

    Store(str(source)).close()  # migrated to the newest schema first
    engine = create_engine(f"sqlite:///{source}")
    with engine.connect() as conn:
        docs = conn.execute(select(DocumentRow.__table__)).mappings().all()
        events = conn.execute(select(EventRow.__table__)).mappings().all()
        actors = conn.execute(select(ActorRow.__table__)).mappings().all()
        canon = {r["id"]: r for r in conn.execute(select(canonical_events)).mappings()}
    engine.dispose()
    return list(docs), list(events), list(actors), canon


def synthesise(target: str, count: int, seed: int = 7, batch_docs: int = 400) -> int:
    """Fill ``target`` (created and migrated by the store) with about ``count`` events; returns how many."""
    from sitrep.merge.canonical import place_cell
    from sitrep.merge.tables import canonical_events
    from sitrep.store import Store
    from sitrep.store.derived import actor_names, document_json, listed_json
    from sitrep.store.tables import ActorRow, DocumentRow, EventRow

    docs, events, actors, canon = _load_templates(demo_db())
    by_doc = {d["pk"]: [e for e in events if e["document_pk"] == d["pk"]] for d in docs}
    actors_of = {d["pk"]: [a for a in actors if a["document_pk"] == d["pk"]] for d in docs}
    names_of = {pk: actor_names([(a["actor_id"], a["name"], a["code"], a["country"]) for a in found])
                for pk, found in actors_of.items()}
    store = Store(target)
    rng, made, copy = random.Random(seed), 0, 0
    with store.engine.begin() as conn:
        first_pk = int(conn.scalar(select(text("coalesce(max(pk), 0)")).select_from(DocumentRow.__table__)) or 0) + 1
        while made < count:
            doc_rows: list[dict[str, Any]] = []
            event_rows: list[dict[str, Any]] = []
            actor_rows: list[dict[str, Any]] = []
            canon_rows: list[dict[str, Any]] = []
            for _ in range(batch_docs):
                doc = docs[copy % len(docs)]
                pk = first_pk + copy
                copy += 1
                days, dlat, dlon = rng.randint(-1400, 0), rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5)
                published = _shift_day(doc["published"], days) if doc["published"] else None
                doc_rows.append({**{k: v for k, v in doc.items() if k != "stored_at"}, "pk": pk,
                                 "doc_id": f"{doc['doc_id']}#{copy}", "content_hash": uuid.uuid4().hex,
                                 "published": published, "merged": True})
                document = document_json(doc_rows[-1]["doc_id"], doc["title"], doc["url"], doc["source"], published)
                for ev in by_doc[doc["pk"]]:
                    record = _shifted(ev["record"] if isinstance(ev["record"], dict) else json.loads(ev["record"]),
                                      days, dlat, dlon)
                    d, p = record.get("date") or {}, record.get("place") or {}
                    cid = f"ev-{uuid.UUID(int=rng.getrandbits(128)).hex[:16]}"
                    sources = rng.choice(SOURCE_COUNTS)
                    event_rows.append({**{k: v for k, v in ev.items() if k != "pk"}, "document_pk": pk,
                                       "record": record, "list_json": listed_json(record, names_of[doc["pk"]]),
                                       "document_json": document,
                                       "date_start": d.get("start"), "date_end": d.get("end"),
                                       "date_value": d.get("value"), "lat": p.get("lat"), "lon": p.get("lon"),
                                       "canonical_id": cid})
                    template = canon.get(ev["canonical_id"] or "")
                    base = dict(template) if template else {"kind": ev["plover_type"], "violent": False,
                                                             "actor_keys": [], "summary": {}}
                    canon_rows.append({**base, "id": cid, "mention_count": sources, "source_count": sources,
                                       "date_value": d.get("value"), "lat": p.get("lat"), "lon": p.get("lon"),
                                       "place_cell": place_cell(p.get("lat"), p.get("lon")),
                                       "day_lo": _ordinal(d.get("start"), base.get("day_lo")),
                                       "day_hi": _ordinal(d.get("end") or d.get("start"), base.get("day_hi")),
                                       "first_reported": published})
                actor_rows += [{**{k: v for k, v in a.items() if k != "pk"}, "document_pk": pk}
                               for a in actors_of[doc["pk"]]]
                made += len(by_doc[doc["pk"]])
                if made >= count:
                    break
            conn.execute(insert(DocumentRow.__table__), doc_rows)
            conn.execute(insert(canonical_events), canon_rows)
            conn.execute(insert(EventRow.__table__), event_rows)
            if actor_rows:
                conn.execute(insert(ActorRow.__table__), actor_rows)
        if store.engine.dialect.name == "postgresql":
            conn.execute(text("SELECT setval(pg_get_serial_sequence('documents', 'pk'), max(pk)) FROM documents"))
    with store.engine.connect() as conn:  # fresh statistics for the planner
        conn.execute(text("ANALYZE"))
        conn.commit()
    store.close()
    return made


def _ordinal(value: str | None, fallback: int | None) -> int | None:
    return date.fromisoformat(value[:10]).toordinal() if value else fallback


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("target")
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    began = time.perf_counter()
    n = synthesise(args.target, args.events)
    print(f"{n:,} events stored in {args.target} in {time.perf_counter() - began:.1f} s")


if __name__ == "__main__":
    main()
