"""Merging time per new article with many articles already stored (synthetic records, SQLite file).

Stores --articles synthetic analysed documents (three events each, a third of them re-reporting an
earlier event, some near-duplicate wire copies) through `merge_record`, each in its own transaction
as the store runs it, then times the merge of the last --measure of them (the commit, shared with
storing the document, is not counted). Prints one markdown line; the issue's target is < 20 ms per article at 10,000.
Usage: python benchmarks/bench_merge.py [--articles 10000] [--measure 300] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import create_engine, event

from sitrep.merge import merge_record, metadata
from sitrep.models import (
    AcledCode,
    Actor,
    DocumentRecord,
    Event,
    EventDate,
    EventPlace,
    PloverCode,
    Published,
)

TYPES = ["ASSAULT", "PROTEST", "CONSULT", "AGREE", "COERCE", "ACCUSE", "AID", "THREATEN"]
START = date(2023, 1, 1)
WORDS = [f"w{i}" for i in range(3000)]


def _world(rng: random.Random) -> tuple[list[tuple[str, float, float]], list[str]]:
    towns = [(f"Town{i}", rng.uniform(-30, 50), rng.uniform(-20, 80)) for i in range(600)]
    actors = [f"{c}{s}" for c in ("SYR", "RUS", "TUR", "UKR", "SDN", "NGA", "YEM", "LBY", "ISR", "IRN")
              for s in ("GOV", "MIL", "REB", "OPP", "CVL", "")]
    return towns, actors


def _event_spec(rng: random.Random, towns: list, actors: list[str]) -> dict:
    town = rng.choice(towns)
    return {"type": rng.choice(TYPES), "day": START + timedelta(days=rng.randrange(730)), "town": town,
            "actors": rng.sample(actors, 2), "killed": rng.choice([None, rng.randrange(1, 60)])}


def _record(i: int, specs: list[dict], rng: random.Random) -> DocumentRecord:
    actors, events = {}, []
    for j, spec in enumerate(specs):
        ids = []
        for code in spec["actors"]:
            actors.setdefault(code, Actor(id=f"a{len(actors)}", name=code, code=code, country=code[:3]))
            ids.append(actors[code].id)
        name, lat, lon = spec["town"]
        quantities = {"killed": {"best": spec["killed"] + rng.randrange(3), "text": "x"}} if spec["killed"] else {}
        events.append(Event(id=f"e{j}", plover=PloverCode(type=spec["type"]), acled=AcledCode(event_type=None,
                            sub_event_type=None), sources=ids[:1], targets=ids[1:],
                            place=EventPlace(name=name, lat=lat, lon=lon, precision=1),
                            date=EventDate(value=spec["day"].isoformat(), precision=1), quantities=quantities))
    last = max(s["day"] for s in specs)
    return DocumentRecord(id=f"d{i}", source=f"outlet{i % 40}", content_hash=str(i), actors=list(actors.values()),
                          published=Published(value=(last + timedelta(days=1)).isoformat(), source="given"),
                          events=events)


def _article(i: int, rng: random.Random, pool: list[dict], towns: list, actors: list[str]) -> tuple:
    specs = [rng.choice(pool) if pool and rng.random() < 0.33 else _event_spec(rng, towns, actors)
             for _ in range(3)]
    pool.extend(specs)
    return _record(i, specs, rng), " ".join(rng.choices(WORDS, k=250))


def _pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    """WAL with NORMAL sync, as a laptop store would run; every article is still its own transaction."""
    dbapi_connection.execute("PRAGMA journal_mode=WAL")
    dbapi_connection.execute("PRAGMA synchronous=NORMAL")


def run(articles: int, measure: int, seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    towns, actors = _world(rng)
    pool: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'bench.db'}")
        event.listen(engine, "connect", _pragmas)
        metadata.create_all(engine)
        times, cpus, last_text = [], [], ""
        for i in range(articles):
            record, text = _article(i, rng, pool, towns, actors)
            if i % 50 == 49:  # a wire copy of the previous article, lightly edited
                text = last_text.replace("w1 ", "w2 ", 3) + " updated"
            with engine.begin() as conn:  # the store's transaction; its commit is the store's cost
                began, cpu = time.perf_counter(), time.process_time()
                merge_record(conn, record.id, record, text=text)
                if i >= articles - measure:
                    times.append(time.perf_counter() - began)
                    cpus.append(time.process_time() - cpu)
            last_text = text
        engine.dispose()
    times.sort()
    return {"median_ms": 1000 * statistics.median(times), "p95_ms": 1000 * times[int(0.95 * (len(times) - 1))],
            "cpu_ms": 1000 * statistics.median(cpus)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--measure", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    result = run(args.articles, min(args.measure, args.articles), args.seed)
    print(f"| merge: time per new article with {args.articles:,} stored (3 events each, SQLite) | "
          f"median {result['median_ms']:.1f} ms wall ({result['cpu_ms']:.1f} ms CPU), p95 {result['p95_ms']:.1f} ms "
          "(target < 20 ms) |")


if __name__ == "__main__":
    main()
