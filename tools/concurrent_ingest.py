"""Concurrent writers: N `sitrep ingest` processes on overlapping inputs into one new database.

    .venv/bin/python tools/concurrent_ingest.py [--writers 4] [--pg postgresql://postgres@127.0.0.1:5432/test]

Builds N JSON Lines inputs from examples/ (each holds most of the texts, so they overlap), starts the
N ingests at once into a new SQLite file and into a new PostgreSQL database (created on the server and
dropped afterwards), and compares every table's row count with one ingest of all the texts into a third
new database. Prints one line per database; exits 1 when an ingest failed or a count differs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

ROOT = Path(__file__).resolve().parents[1]
SITREP = [sys.executable, "-m", "sitrep"]
TABLES = ("documents", "events", "actors", "canonical_events", "event_mentions", "claims", "ceasefires",
          "figures", "document_signatures", "document_copies", "failed_documents")


def texts() -> list[str]:
    return [p.read_text() for p in sorted((ROOT / "examples").glob("*.txt"))]


def inputs(folder: Path, writers: int) -> list[Path]:
    corpus = texts()
    keep = max(1, len(corpus) - 1)
    paths = []
    for i in range(writers):
        path = folder / f"in{i}.jsonl"
        rows = [corpus[(i + j) % len(corpus)] for j in range(keep)]
        path.write_text("".join(json.dumps({"id": f"text-{corpus.index(t)}", "text": t}) + "\n" for t in rows))
        paths.append(path)
    return paths


def counts(url: str) -> dict[str, int]:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    present = set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        found = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES if t in present}
    engine.dispose()
    return found


def ingest_all(paths: list[Path], db: str) -> list[int]:
    procs = [subprocess.Popen([*SITREP, "ingest", str(p), "--db", db], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True) for p in paths]
    statuses = []
    for proc in procs:
        _out, err = proc.communicate(timeout=1800)
        statuses.append(proc.returncode)
        if proc.returncode:
            print(err, file=sys.stderr)
    return statuses


def single_run(folder: Path) -> dict[str, int]:
    everything = folder / "all.jsonl"
    everything.write_text("".join(json.dumps({"id": f"text-{i}", "text": t}) + "\n" for i, t in enumerate(texts())))
    db = folder / "single.db"
    subprocess.run([*SITREP, "ingest", str(everything), "--db", str(db)], check=True, capture_output=True)
    return counts(f"sqlite:///{db}")


def new_pg(admin: str) -> tuple[str, str]:
    name = f"sitrep_conc_{uuid.uuid4().hex[:8]}"
    engine = create_engine(admin.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return admin.rsplit("/", 1)[0] + "/" + name, name


def drop_pg(admin: str, name: str) -> None:
    engine = create_engine(admin.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = inputs(folder, args.writers)
        expected = single_run(folder)
        pg_url, pg_name = new_pg(args.pg)
        try:
            for label, db in (("sqlite", str(folder / "shared.db")), ("postgresql", pg_url)):
                statuses = ingest_all(paths, db)
                got = counts(db if "://" in db else f"sqlite:///{db}")
                same = got == expected and not any(statuses)
                ok &= same
                print(f"{label}: {args.writers} writers exit {statuses}; counts {'equal' if same else 'DIFFER'} "
                      f"to one run: {got if not same else expected}")
        finally:
            drop_pg(args.pg, pg_name)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
