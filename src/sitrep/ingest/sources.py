"""Paths given on the command line → the files to read, each with a stable, readable name.

A file argument is named as given; files found in a folder argument are named by the folder as
given joined with their path inside it, so the same command always yields the same ids. Folders are
walked in sorted path order; hidden files and folders (a leading dot) are skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from . import errors


@dataclass(frozen=True)
class Source:
    """One file to read: where it is and the name documents and errors from it carry."""

    path: Path
    name: str


def find_sources(arg: str) -> Iterator[Source | InputError]:
    """The files one argument stands for, or an error when it names nothing readable."""
    path = Path(arg)
    if path.is_dir():
        yield from _walk(path, arg, set())
    elif path.exists() and not path.is_file():  # a FIFO or device would block or make no sense to read
        yield errors.unreadable(arg, "not a regular file")
    elif path.exists() or path.is_symlink():
        yield Source(path, arg)
    else:
        yield errors.missing(arg)


def _walk(folder: Path, name: str, visited: set[str]) -> Iterator[Source | InputError]:
    """Files under a folder in sorted order; a folder reached twice through links is read once."""
    real = os.path.realpath(folder)
    if real in visited:
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield errors.unreadable(name, exc.strerror or str(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = f"{name.rstrip('/')}/{entry.name}"
        try:
            kind = "dir" if entry.is_dir() else "file" if entry.is_file() else "other"
        except OSError as exc:  # a symbolic link loop, a vanished entry
            yield errors.unreadable(child, exc.strerror or str(exc))
            continue
        if kind == "dir":
            yield from _walk(Path(entry.path), child, visited)
        elif kind == "file":
            yield Source(Path(entry.path), child)
        else:  # a socket, pipe or device would block or make no sense to read
            yield errors.unreadable(child, "not a regular file")


def read_limited(source: Source, limit: int) -> bytes | InputError:
    """The file's bytes, or an error when it is unreadable or larger than `limit` bytes."""
    try:
        size = source.path.stat().st_size
        if size > limit:
            return errors.oversized(source.name, size, limit)
        with source.path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        return errors.unreadable(source.name, exc.strerror or str(exc))
    if len(data) > limit:  # grew while we read, or a special file with no size
        return errors.oversized(source.name, len(data), limit)
    if not data:
        return errors.empty(source.name)
    return data


def read_head(source: Source, size: int = 4096) -> bytes | InputError:
    """The first bytes of a file, to sniff its format."""
    try:
        with source.path.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        return errors.unreadable(source.name, exc.strerror or str(exc))
