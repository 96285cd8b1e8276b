"""`--load`: store a batch run's output in a database and merge it across articles in published order.

The cross-article merge depends on order (an article joins the events reported before it), so documents
are stored by publication date (the record's, else the metadata's; undated ones last), then input order —
whatever order the partitions were analysed in. Only the small index (seq, date, partition) of every
document is held in memory; records are rebuilt a partition at a time, the last few partitions kept.
Storing is idempotent: a document whose content is already stored is counted and left as it is.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from ..errors import SitrepError
from ..models import Document, DocumentRecord
from .output import BatchOutput, part_name

PARTITIONS_KEPT = 8


@dataclass
class LoadReport:
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    events: int = 0


def load_order(output: BatchOutput) -> list[tuple[int, int]]:
    """(partition, seq) of every analysed document, in published order, then input order."""
    keys = []
    for index in output.partitions():
        table = pq.read_table(output.root / "documents" / part_name(index),
                              columns=["seq", "published", "metadata_published", "error"])
        for row in table.to_pylist():
            if row["error"] is None:
                day = (row["published"] or {}).get("value") or row["metadata_published"]
                keys.append((day is None, day or "", row["seq"], index))
    keys.sort()
    return [(index, seq) for _undated, _day, seq, index in keys]


def in_published_order(output: BatchOutput) -> Iterator[tuple[Document, DocumentRecord]]:
    cache: OrderedDict[int, dict[int, tuple[Document, DocumentRecord]]] = OrderedDict()
    for index, seq in load_order(output):
        if index not in cache:
            cache[index] = {s: (doc, rec) for s, doc, rec in output.read(index)}
            if len(cache) > PARTITIONS_KEPT:
                cache.popitem(last=False)
        cache.move_to_end(index)
        yield cache[index][seq]


def load_output(root: str | Path, store: Any, say: Any = print) -> LoadReport:
    """Store every analysed document of the batch output at `root` with `store.save`, then merge them all once, in
    the store's own merge order (`store.merge_pending`): merging each as it is stored replayed every document of the
    same day stored after it whenever the two orders differ, which grows with the square of the day's documents."""
    report = LoadReport()
    for document, record in in_published_order(BatchOutput(root, 0)):
        try:
            outcome = store.save(document, record, merge=False)
        except SitrepError as exc:
            say(f"not stored: {exc}")
            report.failed += 1
            continue
        report.stored += outcome.stored
        report.duplicates += not outcome.stored
        report.events += outcome.events if outcome.stored else 0
    store.merge_pending()
    return report
