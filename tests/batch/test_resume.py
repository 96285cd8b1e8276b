"""A batch run on real Dask workers: a killed worker's partition is redone, never lost or doubled; a rerun
skips the partitions already written and redoes only what is missing; bad inputs are reported and kept."""

from __future__ import annotations

import json
import os
import signal

import pyarrow.parquet as pq
import pytest

from sitrep.batch import run_batch
from sitrep.errors import InputError
from sitrep.models import Document
from sitrep.settings import Settings

TOWNS = ["Valdor", "Port Serin", "Kestral", "Amberley", "Noth", "Halvik", "Drumlin", "Essary"]
SENTENCES = [
    "Rebel fighters attacked an army post near {town} on Tuesday, killing {n} soldiers, a local official said.",
    "The government of Estmark accused its neighbour of shelling villages around {town}.",
    "Police in {town} arrested {n} protesters who had blocked the main road to the airport.",
    "Aid agencies said {n} families had fled {town} since the fighting began last week.",
    "Delegations from both sides met in {town} and agreed to exchange {n} prisoners by Friday.",
]
SIZE, PARTITION = 48, 4


def _documents() -> list[Document | InputError]:
    docs: list[Document | InputError] = []
    for i in range(SIZE):
        town = TOWNS[i % len(TOWNS)]
        text = " ".join(s.format(town=town, n=3 + i + j) for j, s in enumerate(SENTENCES * 3))
        docs.append(Document(id=f"story-{i:02d}", text=text, published=f"2024-05-{1 + i % 28:02d}",
                             published_source="metadata"))
    docs[5] = InputError("broken.txt", "empty input (no text)", code="E101")
    return docs


def _table(out, name):
    return pq.read_table(out / name).to_pylist()


class KillABusyWorker:
    """Progress that, when the first partition is done, kills a worker process in the middle of another."""

    def __init__(self) -> None:
        self.killed: list[int] = []

    def advance(self, documents: int) -> None:
        from distributed import get_client

        client = get_client()
        busy = [worker for worker, keys in client.processing().items() if keys]
        if self.killed or not busy:
            return
        pids = client.run(os.getpid, workers=busy[:1])
        for pid in pids.values():
            os.kill(pid, signal.SIGKILL)
            self.killed.append(pid)


@pytest.mark.slow
def test_a_killed_worker_loses_nothing_and_a_rerun_redoes_only_what_is_missing(tmp_path):
    out = tmp_path / "out"
    said: list[str] = []
    killer = KillABusyWorker()
    report = run_batch(_documents(), out, Settings(), workers=2, partition_size=PARTITION, say=said.append,
                       progress=killer)
    assert killer.killed, "a worker was busy and was killed"
    assert (report.partitions, report.lost, report.documents, report.unreadable) == (12, 0, SIZE - 1, 1)
    assert any("broken.txt" in line for line in said)
    documents = _table(out, "documents")
    assert sorted(d["seq"] for d in documents) == list(range(SIZE))  # each document once, none lost
    assert [d["error"] is not None for d in documents].count(True) == 1
    events = [(e["seq"], e["id"]) for e in _table(out, "events")]
    assert events and len(events) == len(set(events))  # no partition written twice
    assert (out / "_SUCCESS").exists()

    before = {name: _table(out, name) for name in ("documents", "events", "actors", "places", "times")}
    (out / "_done" / "part-00003.json").unlink()
    (out / "events" / "part-00007.parquet").unlink()
    again = run_batch(_documents(), out, Settings(), workers=1, partition_size=PARTITION, say=said.append)
    assert (again.written, again.skipped, again.documents) == (2, 10, SIZE - 1)
    assert {name: _table(out, name) for name in before} == before
    markers = [json.loads((out / "_done" / f"part-{i:05d}.json").read_text()) for i in range(12)]
    assert sum(m["result"]["documents"] for m in markers) == SIZE - 1


def test_a_scheduler_that_cannot_be_reached_is_one_clear_error(tmp_path):
    from sitrep.errors import ResourceError

    with pytest.raises(ResourceError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        run_batch([], tmp_path / "out", Settings(), scheduler="tcp://127.0.0.1:9")


@pytest.mark.slow
def test_an_existing_scheduler_is_used_and_its_workers_load_the_pipeline(tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        report = run_batch(_documents()[:8], tmp_path / "out", Settings(), scheduler=cluster.scheduler_address,
                           partition_size=PARTITION, say=lambda line: None)
        assert cluster.workers  # the cluster outlives the run: sitrep closes only its own client
    assert (report.workers, report.partitions, report.documents, report.unreadable) == (1, 2, 7, 1)
    assert len(_table(tmp_path / "out", "events")) == report.events > 0
