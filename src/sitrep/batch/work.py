"""What a worker does: analyse one partition with the pipeline it loaded once, and write its files.

`PipelinePlugin` builds the pipeline (spaCy model, gazetteer, knowledge base) when a Dask worker starts,
so each worker process loads them once, whatever the number of partitions it is given.
"""

from __future__ import annotations

import os
import resource
import time
from typing import Any

from distributed import WorkerPlugin, get_worker

from ..models import DocumentRecord
from ..pipeline import Pipeline
from ..settings import Settings
from ..stage import Analysis
from .output import BatchOutput, Item, PartitionResult
from .schema import TABLES, child_rows, document_row

PLUGIN = "sitrep-pipeline"


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline once per worker process, when the worker starts."""

    name = PLUGIN

    def __init__(self, settings: Settings):
        self.settings = settings
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Any) -> None:
        self.pipeline = Pipeline(self.settings).warm_up()


def run_partition(index: int, items: list[Item], root: str, partition_size: int, print_: str) -> PartitionResult:
    """The Dask task: analyse and write partition `index` on this worker."""
    plugin = get_worker().plugins[PLUGIN]
    assert isinstance(plugin, PipelinePlugin) and plugin.pipeline is not None
    return analyse_partition(plugin.pipeline, index, items, BatchOutput(root, partition_size), print_)


def analyse_partition(pipeline: Pipeline, index: int, items: list[Item], output: BatchOutput,
                      print_: str) -> PartitionResult:
    """Analyse a partition's documents (spaCy parses them in batches) and write its five tables."""
    began = time.perf_counter()
    result = PartitionResult(index)
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    readable = [(item.seq, item.document) for item in items if item.document is not None]
    analysed = dict(zip([seq for seq, _ in readable], pipeline.analyze_many([d for _, d in readable]), strict=True))
    for item in items:
        outcome = analysed.get(item.seq)
        record = _record(item, outcome, result)
        tables["documents"].append(document_row(item.seq, index, item.document, record))
        for name, rows in child_rows(item.seq, record).items():
            tables[name].extend(rows)
        result.events += len(record.events)
    result.seconds = time.perf_counter() - began
    result.worker = f"{os.uname().nodename}:{os.getpid()}"
    result.peak_rss_mb = peak_rss_mb()
    output.write(index, print_, tables, result)
    return result


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM starts afresh when a process execs, whereas
    ru_maxrss keeps the peak of the parent it was forked from (a spawned worker would report its parent's)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _record(item: Item, outcome: Analysis | Exception | None, result: PartitionResult) -> DocumentRecord:
    """The record of one input: analysed, or empty with the reason it failed."""
    if isinstance(outcome, Analysis):
        result.documents += 1
        return outcome.record()
    doc = item.document
    error = item.error if doc is None else f"failed {outcome}"
    if doc is not None:  # an unreadable input was reported by the driver when it read it
        result.failed.append(error or "")
    return DocumentRecord(id=doc.id if doc else f"#{item.seq}", content_hash=doc.content_hash if doc else "",
                          title=doc.title if doc else None, url=doc.url if doc else None,
                          source=doc.source if doc else None, error=error)
