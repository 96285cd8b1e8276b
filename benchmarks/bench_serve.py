"""Load on GET /api/events: 50 concurrent clients on 127.0.0.1 for a fixed time, against `sitrep serve`
over 100,000 stored events, on SQLite and on PostgreSQL. Reports throughput, p50/p99 latency, errors.

The events are synthesised from real records: the demo database's documents (`make demo`) are copied
with their events, each copy shifted to another date (within four years) and moved up to half a degree.
Traffic goes only to 127.0.0.1; every loop is bounded in time. Not a timed test: figures are reported.

Usage: python benchmarks/bench_serve.py [--events 100000] [--seconds 20] [--clients 50]
       [--pg postgresql://postgres@127.0.0.1:5432/test] [--update docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import socket
import statistics
import subprocess
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import create_engine, insert, select, text

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    "type=ASSAULT&since={d0}&until={d1}", "country=UA&since={d0}", "bbox=30,10,50,45&type=CONSULT",
    "place=Tbilisi&sort=-date", "modality=planned&since={d0}&until={d1}", "type=Battles&min_sources=1",
    "actor=RUSMIL&since={d0}", "type=19&country=SD", "place=Khartoum&until={d1}", "text=water%20cannon",
]


def demo_db() -> Path:
    db = ROOT / "sitrep.db"
    if not db.exists():
        subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(ROOT / "examples"), "--db", str(db)],
                       check=True, capture_output=True)
    return db


def _shifted(record: dict, days: int, dlat: float, dlon: float) -> dict:
    out = json.loads(json.dumps(record))
    for key in ("date", "effective"):
        when = out.get(key)
        if when and when.get("start"):
            for part in ("start", "end"):
                if when.get(part):
                    day = date.fromisoformat(when[part][:10]) + timedelta(days=days)
                    when[part] = day.isoformat() + when[part][10:]
            when["value"] = when["start"][:10] if when.get("precision") == 1 else when.get("value")
    if out.get("place"):
        out["place"]["lat"] = round(out["place"]["lat"] + dlat, 5)
        out["place"]["lon"] = round(out["place"]["lon"] + dlon, 5)
    return out


def synthesise(target: str, count: int) -> int:
    """Fill ``target`` (migrated by the store) with copies of the demo documents and their events."""
    from sitrep.store import Store
    from sitrep.store.tables import ActorRow, DocumentRow, EventRow

    store = Store(target)
    source = create_engine(f"sqlite:///{demo_db()}")
    with source.connect() as conn:
        docs = conn.execute(select(DocumentRow.__table__)).mappings().all()
        events = conn.execute(select(EventRow.__table__)).mappings().all()
        actors = conn.execute(select(ActorRow.__table__)).mappings().all()
    rng, made, copy = random.Random(7), 0, 0
    with store.engine.begin() as conn:
        while made < count:
            doc_rows, event_rows, actor_rows = [], [], []
            for doc in docs:
                copy += 1
                pk = 1_000_000 + copy
                days, dlat, dlon = rng.randint(-1400, 0), rng.uniform(-0.5, 0.5), rng.uniform(-0.5, 0.5)
                doc_rows.append({**doc, "pk": pk, "doc_id": f"{doc['doc_id']}#{copy}",
                                 "content_hash": uuid.uuid4().hex, "stored_at": None})
                for ev in (e for e in events if e["document_pk"] == doc["pk"]):
                    record = _shifted(ev["record"] if isinstance(ev["record"], dict) else json.loads(ev["record"]),
                                      days, dlat, dlon)
                    d, p = record.get("date") or {}, record.get("place") or {}
                    event_rows.append({**ev, "pk": None, "document_pk": pk, "record": record,
                                       "date_start": d.get("start"), "date_end": d.get("end"),
                                       "date_value": d.get("value"), "lat": p.get("lat"), "lon": p.get("lon")})
                actor_rows += [{**a, "pk": None, "document_pk": pk} for a in actors if a["document_pk"] == doc["pk"]]
            for row in doc_rows:
                row.pop("stored_at")
            conn.execute(insert(DocumentRow.__table__), doc_rows)
            conn.execute(insert(EventRow.__table__), [{k: v for k, v in r.items() if k != "pk"} for r in event_rows])
            conn.execute(insert(ActorRow.__table__), [{k: v for k, v in r.items() if k != "pk"} for r in actor_rows])
            made += len(event_rows)
        if store.engine.dialect.name == "postgresql":
            conn.execute(text("ANALYZE"))
    store.close()
    return made


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _client(port: int, until: float, latencies: list[float], errors: list[str], rng: random.Random) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    while time.perf_counter() < until:
        d0 = date(2021, 1, 1) + timedelta(days=rng.randint(0, 900))
        query = rng.choice(QUERIES).format(d0=d0, d1=d0 + timedelta(days=rng.randint(30, 365)))
        request = f"GET /api/events?{query}&limit=50 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
        began = time.perf_counter()
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(re.search(rb"content-length: (\d+)", head, re.I).group(1))  # type: ignore[union-attr]
        await reader.readexactly(length)
        latencies.append(time.perf_counter() - began)
        if not head.startswith(b"HTTP/1.1 200"):
            errors.append(head.split(b"\r\n", 1)[0].decode())
    writer.close()


async def _load(port: int, clients: int, seconds: float) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    errors: list[str] = []
    until = time.perf_counter() + seconds
    await asyncio.gather(*(_client(port, until, latencies, errors, random.Random(i)) for i in range(clients)))
    return latencies, errors


def measure(target: str, clients: int, seconds: float, workers: int) -> dict[str, float]:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", target, "--port", str(port),
                               "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        asyncio.run(_load(port, clients, 3))  # warm-up: connections, caches, plans
        latencies, errors = asyncio.run(_load(port, clients, seconds))
    finally:
        server.terminate()
        server.wait(timeout=20)
    ordered = sorted(latencies)
    return {"requests": len(ordered), "rps": len(ordered) / seconds, "p50_ms": 1000 * statistics.median(ordered),
            "p99_ms": 1000 * ordered[int(0.99 * (len(ordered) - 1))], "errors": len(errors)}


def _pg_database(admin_url: str) -> str:
    name = f"sitrep_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return admin_url.rsplit("/", 1)[0] + "/" + name


def _drop(admin_url: str, url: str) -> None:
    admin = create_engine(admin_url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)'))
    admin.dispose()


def render(rows: list[tuple[str, int, dict[str, float]]], clients: int, seconds: float, workers: int) -> str:
    lines = [f"GET /api/events with filters (10 kinds, random dates; 50 per page): {clients} concurrent clients on "
             f"127.0.0.1 for {seconds:.0f} s after a 3 s warm-up, `sitrep serve --workers {workers}`, client and "
             "server on the same 2-core machine.", "",
             "| store | events | requests | throughput | p50 | p99 | errors | target |", "|---|---|---|---|---|---|---|---|"]
    for name, n, m in rows:
        target = (f"p99 ≤ 100 ms, 0 errors: {'met' if m['p99_ms'] <= 100 and not m['errors'] else 'NOT met'}"
                  if name == "PostgreSQL" else "reported")
        lines.append(f"| {name} | {n:,} | {m['requests']:,} | {m['rps']:.0f}/s | {m['p50_ms']:.1f} ms | "
                     f"{m['p99_ms']:.1f} ms | {m['errors']} | {target} |")
    return "\n".join(lines)


def update(path: Path, body: str) -> None:
    """Replace this benchmark's own section of docs/benchmarks.md (or add it); the rest is left as it is."""
    content = path.read_text(encoding="utf-8") if path.exists() else "# sitrep benchmarks\n"
    section = f"### bench_serve.py\n\n{body}\n"
    pattern = re.compile(r"### bench_serve\.py\n.*?(?=\n### |\Z)", re.S)
    content = pattern.sub(section.rstrip("\n"), content) if pattern.search(content) else content.rstrip() + "\n\n" + section
    path.write_text(content.rstrip() + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--update", default=None, help="write the section into this markdown file")
    args = parser.parse_args()
    rows = []
    sqlite_path = ROOT / "build" / "bench-serve.db"
    sqlite_path.parent.mkdir(exist_ok=True)
    sqlite_path.unlink(missing_ok=True)
    n = synthesise(str(sqlite_path), args.events)
    rows.append(("SQLite", n, measure(str(sqlite_path), args.clients, args.seconds, args.workers)))
    sqlite_path.unlink(missing_ok=True)
    url = _pg_database(args.pg)
    try:
        n = synthesise(url, args.events)
        rows.append(("PostgreSQL", n, measure(url, args.clients, args.seconds, args.workers)))
    finally:
        _drop(args.pg, url)
    body = render(rows, args.clients, args.seconds, args.workers)
    if args.update:
        update(Path(args.update), body)
    print(body)


if __name__ == "__main__":
    main()
