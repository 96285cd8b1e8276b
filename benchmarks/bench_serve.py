"""Load on GET /api/events: 50 concurrent clients on 127.0.0.1 for a fixed time, against `sitrep serve`
over 100,000 stored events, on SQLite and on PostgreSQL. Reports throughput, p50/p99 latency, errors.

The events are synthesised from real records by serve_data.py (the demo articles copied, shifted in
time and place, bulk-inserted). Traffic goes only to 127.0.0.1; every client is bounded in time and in
number of requests. Not a timed test: figures are reported, with the machine's load average, since
other work on the same cores weighs on every figure.

Usage: python benchmarks/bench_serve.py [--events 100000] [--seconds 20] [--clients 50] [--workers 2]
       [--pg postgresql://postgres@127.0.0.1:5432/test] [--sqlite-only] [--update docs/benchmarks.md]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import resource
import socket
import subprocess
import sys
import threading
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from serve_data import synthesise
from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[1]
MAX_REQUESTS = 100_000  # per client: the run is bounded in count as well as in time
QUERIES = [
    "type=ASSAULT&since={d0}&until={d1}", "country=UA&since={d0}", "bbox=30,10,50,45&type=CONSULT",
    "place=Tbilisi&sort=-date", "modality=planned&since={d0}&until={d1}", "type=Battles&min_sources=1",
    "actor=RUSMIL&since={d0}", "type=19&country=SD", "place=Khartoum&until={d1}", "text=water%20cannon",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _client(port: int, until: float, latencies: list[float], errors: list[str], rng: random.Random,
                  by_kind: dict[int, list[float]]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for _ in range(MAX_REQUESTS):
        if time.perf_counter() >= until:
            break
        d0 = date(2021, 1, 1) + timedelta(days=rng.randint(0, 900))
        kind = rng.randrange(len(QUERIES))
        query = QUERIES[kind].format(d0=d0, d1=d0 + timedelta(days=rng.randint(30, 365)))
        request = f"GET /api/events?{query}&limit=50 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
        began = time.perf_counter()
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(re.search(rb"content-length: (\d+)", head, re.I).group(1))  # type: ignore[union-attr]
        await reader.readexactly(length)
        latencies.append(time.perf_counter() - began)
        by_kind.setdefault(kind, []).append(latencies[-1])
        if not head.startswith(b"HTTP/1.1 200"):
            errors.append(head.split(b"\r\n", 1)[0].decode())
    writer.close()


async def _load(port: int, clients: int, seconds: float,
                by_kind: dict[int, list[float]] | None = None) -> tuple[list[float], list[str]]:
    latencies: list[float] = []
    kinds: dict[int, list[float]] = {} if by_kind is None else by_kind
    errors: list[str] = []
    until = time.perf_counter() + seconds
    await asyncio.gather(*(_client(port, until, latencies, errors, random.Random(i), kinds) for i in range(clients)))
    return latencies, errors


def _quantile(ordered: list[float], q: float) -> float:
    return 1000 * ordered[int(q * (len(ordered) - 1))] if ordered else float("nan")


TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu(pid: int) -> float | None:
    """CPU seconds (user + system) a process has used so far, from /proc (None once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICK


def _descendants(root: int) -> set[int]:
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(stat.parent.name))
    found, todo = {root}, [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


class CpuMeter:
    """CPU used by the server's processes and by the database's backends serving it, sampled every
    0.5 s from /proc (a backend that ends between two samples loses its last half second), and by this
    process (the load generator). Linux only; elsewhere every figure is nan."""

    def __init__(self, server_pid: int, target: str):
        self.server_pid, self.target = server_pid, target
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.kind: dict[int, str] = {}
        self.stop = threading.Event()
        self.engine = None
        if target.startswith("postgresql"):
            self.engine = create_engine(target.replace("postgresql://", "postgresql+psycopg://"))

    def _pids(self) -> dict[int, str]:
        pids = {pid: "server" for pid in _descendants(self.server_pid)}
        if self.engine is not None:
            with self.engine.connect() as conn:
                pids.update({int(pid): "database" for pid in conn.scalars(text(
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"))})
        return pids

    def _sample(self, baseline: bool) -> None:
        for pid, kind in self._pids().items():
            used = _cpu(pid)
            if used is None:
                continue
            self.kind[pid] = kind
            self.first.setdefault(pid, used if baseline else 0.0)
            self.last[pid] = used

    def _run(self) -> None:
        while not self.stop.wait(0.5):
            self._sample(False)

    def __enter__(self) -> CpuMeter:
        self.client0 = resource.getrusage(resource.RUSAGE_SELF)
        self._sample(True)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._sample(False)
        self.stop.set()
        self.thread.join()
        client = resource.getrusage(resource.RUSAGE_SELF)
        self.client = client.ru_utime + client.ru_stime - self.client0.ru_utime - self.client0.ru_stime
        if self.engine is not None:
            self.engine.dispose()

    def seconds(self, kind: str) -> float:
        if kind == "client":
            return self.client
        return sum(self.last[p] - self.first[p] for p, k in self.kind.items() if k == kind)


def measure(target: str, clients: int, seconds: float, workers: int, cache_mb: float | None = None,
            date_index: bool = True, items_mb: float | None = None) -> dict[str, Any]:
    port = _free_port()
    cache = ["--cache-mb", str(cache_mb)] if cache_mb is not None else []
    cache += [] if date_index else ["--no-date-index"]
    cache += ["--items-mb", str(items_mb)] if items_mb is not None else []
    server = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", target, "--port", str(port),
                               "--workers", str(workers), *cache], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        asyncio.run(_load(port, clients, 3))  # warm-up: connections, caches, plans
        load_before = os.getloadavg()[0]
        by_kind: dict[int, list[float]] = {}
        with CpuMeter(server.pid, target) as meter:
            latencies, errors = asyncio.run(_load(port, clients, seconds, by_kind))
        load_after = os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(timeout=20)
    ordered = sorted(latencies)
    return {"requests": len(ordered), "rps": len(ordered) / seconds, "p50_ms": _quantile(ordered, 0.50),
            "p95_ms": _quantile(ordered, 0.95), "p99_ms": _quantile(ordered, 0.99), "errors": len(errors),
            "load_before": load_before, "load_after": load_after,
            "cpu_ms": {k: 1000 * meter.seconds(k) / max(1, len(ordered)) for k in ("server", "database", "client")},
            "kinds": {QUERIES[k]: (len(v), _quantile(sorted(v), 0.5), _quantile(sorted(v), 0.99))
                      for k, v in sorted(by_kind.items())}}


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


def render(rows: list[tuple[str, int, dict[str, Any]]], clients: int, seconds: float, workers: int) -> str:
    lines = [f"GET /api/events with filters (10 kinds, random dates; 50 per page): {clients} concurrent clients on "
             f"127.0.0.1 for {seconds:.0f} s after a 3 s warm-up, each sending its next request when the last is "
             f"answered, `sitrep serve --workers {workers}`; client, server and database on the same "
             f"{os.cpu_count()}-core machine. Load: the 1-minute load average before and after each run.", "",
             "| store | events | requests | throughput | p50 | p95 | p99 | errors | CPU per request: server + database "
             "+ client | load | target |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, n, m in rows:
        target = (f"p99 ≤ 100 ms, 0 errors: {'met' if m['p99_ms'] <= 100 and not m['errors'] else 'NOT met'}"
                  if name == "PostgreSQL" else "reported")
        lines.append(f"| {name} | {n:,} | {m['requests']:,} | {m['rps']:.0f}/s | {m['p50_ms']:.1f} ms | "
                     f"{m['p95_ms']:.1f} ms | {m['p99_ms']:.1f} ms | {m['errors']} | {_cpu_cell(m['cpu_ms'])} | "
                     f"{m['load_before']:.1f} → {m['load_after']:.1f} | {target} |")
    lines += ["", "Per kind of query (requests, p50, p99 under the same load):", "",
              "| query | " + " | ".join(name for name, _n, _m in rows) + " |", "|---|" + "---|" * len(rows)]
    for query in QUERIES:
        cells = [m["kinds"].get(query) for _name, _n, m in rows]
        lines.append(f"| `{query}` | " + " | ".join(f"{c[0]}: {c[1]:.0f} / {c[2]:.0f} ms" if c else "–" for c in cells)
                     + " |")
    return "\n".join(lines)


def _cpu_cell(cpu: dict[str, float]) -> str:
    parts = [f"{cpu['server']:.2f}", f"{cpu['database']:.2f}" if cpu["database"] else "–", f"{cpu['client']:.2f}"]
    return " + ".join(parts) + f" = {sum(cpu.values()):.2f} ms"


def update(path: Path, body: str) -> None:
    """Replace this benchmark's own section of docs/benchmarks.md (or add it); the rest is left as it is."""
    content = path.read_text(encoding="utf-8") if path.exists() else "# sitrep benchmarks\n"
    section = f"### bench_serve.py\n\n{body}\n"
    pattern = re.compile(r"### bench_serve\.py\n.*?(?=\n### |\Z)", re.S)
    content = pattern.sub(section.rstrip("\n"), content) if pattern.search(content) else content.rstrip() + "\n\n" + section
    path.write_text(content.rstrip() + "\n", encoding="utf-8")


def _count(target: str) -> int:
    from sitrep.store import Store

    store = Store(target)
    with store.engine.connect() as conn:
        n = int(conn.scalar(text("SELECT count(*) FROM events")) or 0)
    store.close()
    return n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--sqlite-only", action="store_true")
    parser.add_argument("--cache-mb", type=float, default=None, help="the server's --cache-mb (0: no response cache)")
    parser.add_argument("--no-date-index", action="store_true", help="the server's --no-date-index")
    parser.add_argument("--items-mb", type=float, default=None, help="the server's --items-mb")
    parser.add_argument("--stores", nargs="+", metavar="FILE_OR_URL",
                        help="measure these stores (SQLite files, PostgreSQL URLs), already filled by serve_data.py "
                        "(no synthesis, nothing dropped)")
    parser.add_argument("--update", default=None, help="write the section into this markdown file")
    args = parser.parse_args()
    rows = []
    if args.stores:
        for target in args.stores:
            name = "PostgreSQL" if target.startswith("postgresql") else "SQLite"
            rows.append((name, _count(target), measure(target, args.clients, args.seconds, args.workers, args.cache_mb,
                                                           not args.no_date_index, args.items_mb)))
        body = render(rows, args.clients, args.seconds, args.workers)
        if args.update:
            update(Path(args.update), body)
        print(body)
        return
    sqlite_path = ROOT / "build" / "bench-serve.db"
    sqlite_path.parent.mkdir(exist_ok=True)
    sqlite_path.unlink(missing_ok=True)
    n = synthesise(str(sqlite_path), args.events)
    rows.append(("SQLite", n, measure(str(sqlite_path), args.clients, args.seconds, args.workers, args.cache_mb,
                                                           not args.no_date_index, args.items_mb)))
    sqlite_path.unlink(missing_ok=True)
    if not args.sqlite_only:
        url = _pg_database(args.pg)
        try:
            n = synthesise(url, args.events)
            rows.append(("PostgreSQL", n, measure(url, args.clients, args.seconds, args.workers, args.cache_mb,
                                                           not args.no_date_index, args.items_mb)))
        finally:
            _drop(args.pg, url)
    body = render(rows, args.clients, args.seconds, args.workers)
    if args.update:
        update(Path(args.update), body)
    print(body)


if __name__ == "__main__":
    main()
