"""The readers' fault boundary: an exception no rule foresaw fails one input, never the run.

Every reader turns the bad input it knows about into an InputError with its own code. `guarded` and
`guard_one` catch the rest (a bug in sitrep or a library, an input nobody thought of) and turn it into
one E111 error naming the input, so the documents after it are still read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from ..errors import InputError
from . import errors

T = TypeVar("T")


def guarded(items: Iterator[T], name: str) -> Iterator[T | InputError]:
    """The items, until one raises what no rule foresaw: that becomes one E111 error naming `name`."""
    try:
        yield from items
    except Exception as exc:  # the fault boundary: a reader's bug fails this input, not the run
        yield errors.reader_bug(name, exc)


def guard_one(build: Callable[..., T], name: str, *args: Any, **kwargs: Any) -> T | InputError:
    """One document from `build(*args, **kwargs)`, or an E111 error naming `name` when it raises."""
    try:
        return build(*args, **kwargs)
    except Exception as exc:  # the fault boundary around one document
        return errors.reader_bug(name, exc)
