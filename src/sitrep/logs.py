"""Logging for the command line: one "sitrep: …" line per message on stderr, at the level asked for.

    sitrep -q …   errors only (and no progress bars)
    sitrep …      notes on what takes long or changes state (building the gazetteer, what was stored)
    sitrep -v …   what each step does, and per-document stage timings

The library only logs (to the "sitrep" logger, whose children are the modules); it never configures
logging. The command line does, here, once per invocation.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO


class _Stderr(logging.StreamHandler):
    """A handler that writes to whatever sys.stderr is when a record comes (click's test runner swaps it)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: TextIO) -> None:
        pass


class _Format(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage()
        if record.levelno >= logging.WARNING:
            return f"sitrep: {record.levelname.lower()}: {message}"
        if record.levelno < logging.INFO:
            return f"sitrep: [{record.name.removeprefix('sitrep.')}] {message}"
        return f"sitrep: {message}"


def level_for(verbose: int, quiet: bool) -> int:
    if quiet:
        return logging.ERROR
    return logging.DEBUG if verbose else logging.INFO


def configure_logging(verbose: int = 0, quiet: bool = False) -> None:
    """Send the "sitrep" logger's records to stderr at the level the flags ask for (replacing any
    handler an earlier call set up)."""
    logger = logging.getLogger("sitrep")
    for handler in [h for h in logger.handlers if isinstance(h, _Stderr)]:
        logger.removeHandler(handler)
    handler = _Stderr()
    handler.setFormatter(_Format())
    logger.addHandler(handler)
    logger.setLevel(level_for(verbose, quiet))
    logger.propagate = False
