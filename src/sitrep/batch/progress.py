"""The progress bar of a batch run (rich, on stderr when it is a terminal) and the count it runs towards.

The count is estimated before the run without parsing anything: one document per plain file, one per
non-blank line of JSON Lines, one per item or entry of a feed, one per response record of a WARC file.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from ..ingest.sniff import detect_format
from ..ingest.sources import Source, find_sources, read_head

_FEED_ITEM = re.compile(rb"<(?:[\w-]+:)?(?:item|entry)\b")
_CHUNK = 1 << 20


def estimate_documents(paths: Iterable[str]) -> int | None:
    """How many documents the inputs hold, counted cheaply; None when one of them is stdin."""
    total = 0
    for arg in paths:
        if arg == "-":
            return None
        for source in find_sources(arg):
            total += 1 if not isinstance(source, Source) else _count(source)
    return total


def _count(source: Source) -> int:
    head = read_head(source, 65536)
    if not isinstance(head, bytes):
        return 1
    kind = detect_format(source.name, head)
    try:
        if kind == "jsonl":
            return max(1, _count_in(source.path, False, lambda chunk: chunk.count(b"\n")))
        if kind == "feed":
            return max(1, _count_in(source.path, False, lambda chunk: len(_FEED_ITEM.findall(chunk))))
        if kind == "warc":
            return max(1, _count_in(source.path, head.startswith(b"\x1f\x8b"), lambda chunk: chunk.count(b"WARC-Type: response")))
    except (OSError, EOFError):
        return 1
    return 1


def _count_in(path: Path, gzipped: bool, count: Callable[[bytes], int]) -> int:
    """Occurrences counted chunk by chunk (a match split across two chunks may be missed: an estimate)."""
    with gzip.open(path, "rb") if gzipped else path.open("rb") as handle:
        return sum(count(chunk) for chunk in iter(lambda: handle.read(_CHUNK), b""))


class RateColumn(ProgressColumn):
    """Documents per second."""

    def render(self, task: Task) -> Text:
        return Text(f"{task.speed:.1f} docs/s" if task.speed else "… docs/s", style="progress.data.speed")


class BatchProgress:
    """Documents done of the estimated total, rate and time left; silent when stderr is not a terminal."""

    def __init__(self, total: int | None, console: Console | None = None):
        self.console = console or Console(stderr=True)
        self.bar = Progress(TextColumn("batch"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                            TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
                            console=self.console, disable=not self.console.is_terminal, speed_estimate_period=60)
        self.task = self.bar.add_task("documents", total=total)
        self.bar.start()

    def advance(self, documents: int, total_at_least: int = 0) -> None:
        task = self.bar.tasks[0]
        if task.total is not None and total_at_least > task.total:  # the estimate was short
            self.bar.update(self.task, total=total_at_least)
        self.bar.advance(self.task, documents)

    def close(self) -> None:
        self.bar.stop()
