"""The driver of a batch run: read the inputs, cut them into partitions, hand them to Dask, keep count.

Documents are read once, in input order, and numbered (`seq`); partition k holds documents
k·size … (k+1)·size − 1. At most two partitions per worker are in flight, so the driver's memory stays
flat whatever the corpus size. A partition already written for the same documents is skipped; a
partition whose worker died is run again by Dask on another worker (its files are written under the
same names, so nothing is doubled); a partition that fails outright is reported, and the next run does it.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ResourceError, SitrepError
from ..models import Document
from ..pipeline import chunked
from ..settings import Settings
from .output import BatchOutput, Item, PartitionResult, fingerprint
from .work import PipelinePlugin, run_partition

# Small enough that the last partitions keep every worker busy: the run ends when the worker with the most
# partitions does, and 1,000 documents in partitions of 200 give two workers three and two (a fifth of the run
# on one worker alone); in partitions of 100, five each.
DEFAULT_PARTITION_SIZE = 100
IN_FLIGHT_PER_WORKER = 2


@dataclass
class BatchReport:
    """What a batch run did."""

    partitions: int = 0
    written: int = 0         # partitions analysed in this run
    skipped: int = 0         # partitions already written by an earlier run
    lost: int = 0            # partitions that failed outright (the next run does them)
    documents: int = 0       # documents analysed (in written and skipped partitions)
    unreadable: int = 0      # inputs that could not be read
    failed: int = 0          # documents the pipeline failed on
    events: int = 0
    seconds: float = 0.0
    workers: int = 0
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # per worker process

    def add(self, result: PartitionResult) -> None:
        self.skipped += result.skipped
        self.written += not result.skipped
        self.documents += result.documents
        self.failed += len(result.failed)
        self.events += result.events
        if result.worker and not result.skipped:
            self.peak_rss_mb[result.worker] = max(self.peak_rss_mb.get(result.worker, 0.0), result.peak_rss_mb)


Say = Callable[[str], None]


def run_batch(items: Iterable[Document | SitrepError], out: str | Path, settings: Settings, *,
              workers: int | None = None, scheduler: str | None = None, inputs: list[str] | None = None,
              partition_size: int = DEFAULT_PARTITION_SIZE, say: Say = print, progress: Any = None) -> BatchReport:
    """Analyse every document into partitioned Parquet under `out`, on a local cluster of `workers`
    processes or on the Dask scheduler at `scheduler`. Bad inputs and failed documents are reported
    through `say` (one line each) and written as documents rows with their `error`. `inputs` (the paths
    as given) is recorded, and a folder written for other inputs is refused."""
    began = time.perf_counter()
    output = BatchOutput(out, partition_size)
    output.prepare(inputs)
    report = BatchReport()
    with dask_client(settings, workers, scheduler) as client:
        report.workers = len(client.scheduler_info()["workers"])
        for result in _results(client, output, _partitions(items, partition_size, say, report), report, say):
            report.add(result)
            for line in result.failed:
                say(line)
            if progress is not None:
                progress.advance(result.documents + len(result.failed))
    if not report.lost:
        output.finish(report.partitions)
    report.seconds = time.perf_counter() - began
    return report


def _partitions(items: Iterable[Document | SitrepError], size: int, say: Say,
                report: BatchReport) -> Iterator[tuple[int, list[Item]]]:
    """Numbered partitions of numbered inputs; a bad input is reported here, once, as it is read."""
    for index, chunk in enumerate(chunked(enumerate(items), size)):
        part = []
        for seq, item in chunk:
            if isinstance(item, SitrepError):
                say(f"skipped {item}")
                report.unreadable += 1
                part.append(Item(seq, None, f"skipped {item}"))
            else:
                part.append(Item(seq, item))
        report.partitions = index + 1
        yield index, part


def _results(client: Any, output: BatchOutput, partitions: Iterator[tuple[int, list[Item]]],
             report: BatchReport, say: Say) -> Iterator[PartitionResult]:
    """Results as partitions finish, with at most IN_FLIGHT_PER_WORKER partitions per worker submitted."""
    from distributed import as_completed

    window = IN_FLIGHT_PER_WORKER * max(1, report.workers)
    pending = as_completed()
    for index, part in partitions:
        print_ = fingerprint(part)
        done = output.is_done(index, print_)
        if done is not None:
            yield done
            continue
        pending.add(client.submit(run_partition, index, part, str(output.root), output.partition_size, print_,
                                  key=f"sitrep-partition-{index}-{print_[:16]}", retries=1))
        while pending.count() >= window:
            yield from _collect(next(pending), report, say)
    for future in pending:
        yield from _collect(future, report, say)


def _collect(future: Any, report: BatchReport, say: Say) -> Iterator[PartitionResult]:
    try:
        yield future.result()
    except Exception as exc:  # the worker died too often, or the partition could not be written
        report.lost += 1
        say(f"failed partition {future.key}: {type(exc).__name__}: {exc} (run the same command again to redo it)")


@contextmanager
def dask_client(settings: Settings, workers: int | None, scheduler: str | None) -> Iterator[Any]:
    """A client on the scheduler given, or on a new local cluster of single-threaded worker processes;
    either way each worker loads the pipeline once (PipelinePlugin)."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError) as exc:
            raise ResourceError(f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                                "check the address (tcp://HOST:PORT) and that the scheduler is running",
                                code="E320") from None
        cluster = None
    else:
        cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        _load_pipeline(client, settings)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _load_pipeline(client: Any, settings: Settings) -> None:
    """Have every worker (and every worker that joins later) load the pipeline once."""
    try:
        client.register_plugin(PipelinePlugin(settings))
    except SitrepError:
        raise
    except Exception as exc:  # the workers' own error, e.g. sitrep or its model not installed there
        raise ResourceError(f"the Dask workers could not load sitrep's pipeline: {type(exc).__name__}: {exc}",
                            "install sitrep and its spaCy model where the workers run", code="E321") from None


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
