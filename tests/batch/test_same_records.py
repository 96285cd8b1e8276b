"""One result whatever the path: the same few hundred news articles through `analyze`, `ingest`, `batch`
with 1 worker and `batch` with 2 workers give the same records; `--load` stores what `ingest` stored.

The articles are read at run time from ../shared/corpora (never copied here). Learned actor knowledge is
switched off for `ingest`: with it on, an article is coded with what the articles stored before it
taught, which is the one input that makes `ingest` depend on order (docs/batch.md)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from sitrep.batch.output import BatchOutput
from sitrep.models import DocumentRecord
from sitrep.store import Store

SIZE = {"timebank": 100, "lgl": 150, "tr-news": 50}  # 300 documents: about two minutes of CPU per path


def _corpus(corpora, path):
    from benchmarks.corpus import geoparsing_documents, timeml_documents, write_jsonl

    docs, taken = [], dict.fromkeys(SIZE, 0)
    for doc in [*timeml_documents(corpora), *geoparsing_documents(corpora)]:
        kind = doc.id.split("/")[0]
        if kind in taken and taken[kind] < SIZE[kind] and doc.text.strip():
            taken[kind] += 1
            docs.append(doc)
    return write_jsonl(docs, path), len(docs)


def _sitrep(*args, env=None):
    done = subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, timeout=1200,
                          env={**os.environ, "SITREP_LEARN_ACTORS": "false", **(env or {})})
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def _dumps(records):
    return [r.model_dump(mode="json") for r in records]


@pytest.mark.slow
@pytest.mark.corpora
def test_analyze_ingest_and_batch_with_one_and_two_workers_give_the_same_records(corpora, tmp_path):
    source, size = _corpus(corpora, tmp_path / "news.jsonl")
    analyzed = [DocumentRecord.model_validate(json.loads(line))
                for line in _sitrep("analyze", str(source), "--format", "jsonl").stdout.splitlines()]
    assert len(analyzed) == size == 300 and sum(len(r.events) for r in analyzed) > 300

    _sitrep("ingest", str(source), "--db", str(tmp_path / "ingest.db"))
    ingested = list(Store(str(tmp_path / "ingest.db")).documents())
    hashes: set[str] = set()
    first_copies = [r for r in analyzed if not (r.content_hash in hashes or hashes.add(r.content_hash))]
    assert len(first_copies) < size and _dumps(ingested) == _dumps(first_copies)

    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        _sitrep("batch", str(source), "--out", str(out), "--workers", str(workers), "--partition-size", "64",
                "--load", str(tmp_path / f"batch{workers}.db"))
        output = BatchOutput(out, 64)
        batched = [record for index in output.partitions() for _seq, _doc, record in output.read(index)]
        assert _dumps(batched) == _dumps(analyzed), f"batch with {workers} workers"
        loaded = sorted(Store(str(tmp_path / f"batch{workers}.db")).documents(), key=lambda r: r.content_hash)
        assert _dumps(loaded) == _dumps(sorted(ingested, key=lambda r: r.content_hash))
