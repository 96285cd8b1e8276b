"""Random SIGKILLs into `sitrep ingest`: nothing lost, nothing doubled, each re-run does only what is left.

    .venv/bin/python tools/kill_ingest.py [--kills 20] [--documents 200] [--db sqlite|postgresql] [--seed 1]

Writes --documents distinct articles (read at run time from ../shared/corpora, LGL; else the examples
with a numbered closing line) as one folder, then
runs `sitrep ingest` on it again and again, killing each run with SIGKILL at a random moment (between
most of the model's load and a share of the work, so most kills land in the middle of the work), until
--kills kills were made or everything is stored and merged; then one run to the end. Only kills made
while work remained count (the run stops killing once nothing is left to interrupt). After every run it checks that
no content is stored twice and that the stored count never went down; at the end, that every table
holds what one uninterrupted run into a new database holds. Prints one line per run and a verdict.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

ROOT = Path(__file__).resolve().parents[1]
SITREP = [sys.executable, "-m", "sitrep", "ingest"]
TABLES = ("documents", "events", "actors", "canonical_events", "event_mentions", "claims", "ceasefires",
          "ceasefire_violations", "figures", "document_signatures", "document_copies", "failed_documents")


CORPUS = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared")) / "corpora" / "geoparsing-news" / "lgl.xml"


def articles(count: int) -> list[str]:
    """Distinct real news articles read at run time from ../shared (never copied into the repository);
    without them, the examples with a numbered closing line (near-duplicates of each other)."""
    if CORPUS.exists():
        from lxml import etree

        texts = [t.text for t in etree.parse(str(CORPUS)).getroot().iter("text") if t.text and t.text.strip()]
        if len(texts) >= count:
            return texts[:count]
    examples = [p.read_text() for p in sorted((ROOT / "examples").glob("*.txt"))]
    return [f"{examples[i % len(examples)]}\nReport number {i} of the wire's daily summary.\n" for i in range(count)]


def write_inputs(folder: Path, count: int) -> None:
    for i, body in enumerate(articles(count)):
        (folder / f"doc{i:03d}.txt").write_text(body)


def engine_url(db: str) -> str:
    return db.replace("postgresql://", "postgresql+psycopg://") if "://" in db else f"sqlite:///{db}"


def counts(db: str) -> dict[str, int]:
    engine = create_engine(engine_url(db))
    present = set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        found = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES if t in present}
        if "documents" in present:
            found["distinct contents"] = conn.execute(text("SELECT count(DISTINCT content_hash) FROM documents")).scalar_one()
            found["canonical ids"] = hash(tuple(conn.execute(text("SELECT id FROM canonical_events ORDER BY id")).scalars()))
    engine.dispose()
    return found


def finished(db: str, total: int) -> bool:
    """All documents stored and merged: a kill now would interrupt no work."""
    engine = create_engine(engine_url(db))
    try:
        with engine.connect() as conn:
            merged = conn.execute(text("SELECT count(*) FROM documents WHERE merged")).scalar_one()
    except Exception:  # no table yet: nothing stored
        merged = 0
    engine.dispose()
    return merged >= total


def run_once(folder: Path, db: str, kill_after: float | None) -> tuple[str, str]:
    proc = subprocess.Popen([*SITREP, str(folder), "--db", db], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    if kill_after is not None:
        try:
            proc.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            return "killed", ""
    _out, err = proc.communicate(timeout=1800)
    return f"exit {proc.returncode}", (err.strip().splitlines() or [""])[-1]


def new_database(kind: str, folder: Path, admin: str) -> tuple[str, str | None]:
    if kind == "sqlite":
        return str(folder / f"{uuid.uuid4().hex[:6]}.db"), None
    name = f"sitrep_kill_{uuid.uuid4().hex[:8]}"
    engine = create_engine(engine_url(admin), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return admin.rsplit("/", 1)[0] + "/" + name, name


def drop(admin: str, name: str | None) -> None:
    if name:
        engine = create_engine(engine_url(admin), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        write_inputs(folder, args.documents)
        clean_db, clean_name = new_database(args.db, Path(tmp), args.pg)
        empty = Path(tmp) / "empty"
        empty.mkdir()
        (empty / "one.txt").write_text("Police detained three reporters in the capital on Tuesday.")
        began = time.perf_counter()
        run_once(empty, str(Path(tmp) / "load.db"), None)
        load = time.perf_counter() - began
        began = time.perf_counter()
        run_once(folder, clean_db, None)
        full = time.perf_counter() - began
        expected = counts(clean_db)
        db, name = new_database(args.db, Path(tmp), args.pg)
        print(f"one uninterrupted run: {full:.0f} s (model load {load:.0f} s); {expected}", flush=True)
        ok, stored_before, kills = True, 0, 0
        try:
            runs = 0
            while kills < args.kills and not finished(db, args.documents):
                runs += 1
                status, last = run_once(folder, db, rnd.uniform(0.8 * load, load + 1.5 * (full - load) / args.kills))
                kills += status == "killed"
                now = counts(db).get("documents", 0)
                distinct = counts(db).get("distinct contents", 0)
                ok &= now >= stored_before and now == distinct
                print(f"run {runs:2d}: {status} (kills so far {kills}); documents stored {stored_before} -> {now} {last}",
                      flush=True)
                stored_before = now
            status, last = run_once(folder, db, None)
            print(f"final run: {status}; {last}")
            got = counts(db)
            same = got == expected and status == "exit 0"
            ok &= same
            print(f"after {kills} kills during the work: {'every table equals one uninterrupted run' if same else 'DIFFERS'}: {got}"
                  + ("" if same else f" (expected {expected})"))
        finally:
            drop(args.pg, name)
            drop(args.pg, clean_name)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
