"""Merging time per new article on PostgreSQL with 10,000 and with 1,000,000 events stored.

In a database of its own (created and dropped here): --seed synthetic articles (bench_merge.py's
generator: three events each, a third re-reporting an earlier event) are merged one by one with
`merge_record`, to about 10,000 canonical events; --measure new articles are then merged and timed.
The store is then grown to --events canonical events inside PostgreSQL (INSERT … SELECT over
generate_series): each stored event, its mentions, claims, figures and text signatures are copied with
new ids, the place moved by up to half a degree, the days kept — so the same world and the same two
years hold a hundred times as many events, as a big store would. VACUUM ANALYZE (what autovacuum does to a
store that grew over months: statistics, and the visibility map its index-only lookups need), then --measure more new
articles are timed. The first store is analysed before its articles are timed, as autovacuum would have
done (its default analyses a table once a tenth of it changed; the CI server runs with it off). The time
counted is the merge inside the document's transaction, not the commit.
Prints markdown lines. Usage: python benchmarks/bench_merge_pg.py [--admin URL] [--events 1000000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
import uuid

from bench_merge import _article, _world  # type: ignore[import-not-found]  # benchmarks/ is the script's folder
from sqlalchemy import Engine, create_engine, func, select, text

from sitrep.merge import merge_record, metadata
from sitrep.merge.tables import canonical_events, event_mentions

ADMIN = os.environ.get("SITREP_BENCH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
COPIED = {  # table: the SELECT list of one copy (k is the copy's number), in column order
    "canonical_events": None, "event_mentions": None, "figures": None, "document_signatures": None,
    "document_bands": None, "claims": None,
}
RENAMED = ("id", "canonical_id", "document_id")


def _moved(k: str) -> str:
    """How far (degrees) copy k moves a point, on both axes."""
    return f"((({k} * 37) % 100) - 50) / 100.0"


def _select_list(table, k: str = "k") -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    names, exprs = [], []
    for column in table.columns:
        if column.primary_key and column.autoincrement is True or column.name == "pk":
            continue
        name = f'"{column.name}"'
        if column.name in RENAMED:
            expr = f"{name} || '~' || {k}"
        elif column.name in ("lat", "lon"):
            expr = f"{name} + {_moved(k)}"
        elif column.name == "place_cell":  # the moved point's cell (sitrep.merge.canonical.place_cell)
            lat, lon = (f'CAST(floor(t."{axis}" + {_moved(k)}) AS INTEGER)' for axis in ("lat", "lon"))
            expr = f"({lat} * 1000 + {lon})"
        elif column.name == "hash":
            expr = f"{name} + {k}"
        elif column.name == "mention_pk":
            expr = "m2.pk"
        else:
            expr = name
        names.append(name)
        exprs.append(expr)
    return names, exprs


def grow(engine: Engine, copies: int) -> None:
    """Copy every stored (original) row `copies` times with new ids, in the order foreign keys need."""
    with engine.begin() as conn:
        for table in (t for t in metadata.sorted_tables if t.name in COPIED):
            names, exprs = _select_list(table)
            source = f"{table.name} AS t, generate_series(1, {copies}) AS k"
            where = "t.document_id NOT LIKE '%~%'" if "document_id" in table.c else "t.id NOT LIKE '%~%'"
            if table.name == "claims":
                source = ("claims AS t JOIN event_mentions m ON m.pk = t.mention_pk "
                          f"CROSS JOIN generate_series(1, {copies}) AS k JOIN event_mentions m2 "
                          "ON m2.document_id = m.document_id || '~' || k AND m2.event_id = m.event_id")
            exprs = [e if e == "m2.pk" or e.startswith("(") else e.replace('"', 't."', 1) for e in exprs]
            conn.execute(text(f"INSERT INTO {table.name} ({', '.join(names)}) SELECT {', '.join(exprs)} "
                              f"FROM {source} WHERE {where}"))
    analyze(engine, "VACUUM ANALYZE")  # as autovacuum leaves a store grown over months


def analyze(engine: Engine, command: str = "ANALYZE") -> None:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(command))


def merge_articles(engine: Engine, state: dict, count: int, timed: bool) -> list[float]:  # type: ignore[type-arg]
    times = []
    for _ in range(count):
        i = state["i"] = state["i"] + 1
        record, body = _article(i, state["rng"], state["pool"], *state["world"])
        with engine.begin() as conn:
            began = time.perf_counter()
            merge_record(conn, f"{state['run']}-{record.id}", record, text=body)
            times.append(time.perf_counter() - began)
    return times if timed else []


def stored(engine: Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        return (conn.execute(select(func.count()).select_from(canonical_events)).scalar_one(),
                conn.execute(select(func.count()).select_from(event_mentions)).scalar_one())


def line(times: list[float], events: tuple[int, int]) -> str:
    times = sorted(times)
    median, p95 = 1000 * statistics.median(times), 1000 * times[int(0.95 * (len(times) - 1))]
    verdict = "met" if median <= 20 else "NOT met"
    return (f"| merge on PostgreSQL: time per new article with {events[0]:,} events stored "
            f"({events[1]:,} reports) | median {median:.1f} ms, p95 {p95:.1f} ms (target ≤ 20 ms median: {verdict}) |")


def run(admin_url: str, seed: int, target: int, measure: int) -> list[str]:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"sitrep_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = create_engine(admin_url.rsplit("/", 1)[0] + "/" + name)
    try:
        metadata.create_all(engine)
        rng = random.Random(7)
        state = {"i": 0, "rng": rng, "pool": [], "world": _world(rng), "run": "orig"}
        merge_articles(engine, state, seed, timed=False)
        analyze(engine)  # autovacuum (on by default, off in the CI server) analyses a table once 10 % of it changed
        lines = [line(merge_articles(engine, state, measure, timed=True), stored(engine))]
        began = time.perf_counter()
        grow(engine, max(1, round(target / stored(engine)[0]) - 1))
        grown = time.perf_counter() - began
        lines.append(line(merge_articles(engine, state, measure, timed=True), stored(engine)))
        lines.append(f"| (the store was grown to {stored(engine)[0]:,} events inside PostgreSQL in {grown:.0f} s) | |")
        return lines
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin", default=ADMIN, help="a PostgreSQL database URL whose server may create databases")
    parser.add_argument("--seed", type=int, default=3700, help="articles merged one by one first (~10,000 events)")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--measure", type=int, default=300)
    args = parser.parse_args()
    print("\n".join(run(args.admin, args.seed, args.events, args.measure)))


if __name__ == "__main__":
    main()
