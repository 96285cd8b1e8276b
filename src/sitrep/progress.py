"""Progress of long runs on stderr (rich): what is done, how many, how fast, how long is left.

Shown only when a person is watching: stderr is a terminal and the "sitrep" logger lets INFO through
(`sitrep --quiet` raises it to ERROR). Otherwise `track` hands the items back untouched, at no cost.

    for doc in track(documents, "analysing", total=len(documents), unit="documents"): ...
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

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

T = TypeVar("T")
_REFRESHES = 200  # a bar is redrawn about this many times over a run, not once per item


class RateColumn(ProgressColumn):
    """Items per second, in the task's unit: "41.2 documents/s"."""

    def render(self, task: Task) -> Text:
        unit = task.fields.get("unit", "items")
        return Text(f"{task.speed:,.1f} {unit}/s" if task.speed else f"– {unit}/s")


def shown() -> bool:
    """Whether progress goes to stderr now: a terminal, and the sitrep logger not quietened."""
    return sys.stderr.isatty() and logging.getLogger("sitrep").isEnabledFor(logging.INFO)


def make_progress(*extra: ProgressColumn) -> Progress:
    """A rich Progress on stderr: description, bar, count (of total), rate, elapsed and time left."""
    return Progress(TextColumn("sitrep: {task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                    *extra, TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(),
                    console=Console(file=sys.stderr), transient=False)


def track(items: Iterable[T], description: str, total: int | None = None, unit: str = "items") -> Iterable[T]:
    """The items, with a progress bar while they are consumed (when `shown()`); `total` gives time left."""
    if not shown():
        return items
    return _tracked(items, description, total, unit)


def _tracked(items: Iterable[T], description: str, total: int | None, unit: str) -> Iterator[T]:
    step = max(1, (total or 0) // _REFRESHES)
    with make_progress() as bar:
        task = bar.add_task(description, total=total, unit=unit)
        pending = 0
        for item in items:
            yield item
            pending += 1
            if pending >= step:
                bar.advance(task, pending)
                pending = 0
        bar.advance(task, pending)
