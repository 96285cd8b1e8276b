"""The time budget of one document: past it, the document fails with its reason and the run goes on.

`time_limit(seconds)` interrupts the block it guards by raising `OverBudget` from a SIGALRM timer, so a
stage stuck in Python code or a regular expression (CPython's matcher checks for signals) is stopped
where it is. Signals reach only the main thread, so elsewhere (a worker thread) the block runs on and
the pipeline's check between stages is what enforces the budget. `OverBudget` is a BaseException, like
KeyboardInterrupt, so that a stage's own `except Exception` cannot swallow it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class OverBudget(BaseException):
    """The document's time budget ran out (raised by the timer of `time_limit`)."""


def _expire(_signum: int, _frame: FrameType | None) -> None:
    raise OverBudget


def can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise OverBudget inside the block after `seconds` (main thread only; 0 or less: no limit)."""
    if seconds <= 0 or not can_interrupt():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
