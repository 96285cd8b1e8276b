"""Ingest: files, folders, feeds, WARC archives and JSON Lines on stdin → Documents, in input order.

    read_paths(["story.txt", "pages/", "-"], settings)  →  Document | InputError, one per input

Formats, chosen by extension and else by sniffing the first bytes:

    .txt (or unknown text)   plain text; title = first line when it reads as a headline
    .html .htm               main text through trafilatura, figure captions kept (Document.captions)
    .jsonl .ndjson, "-"      one record {id, text, title, published, url, source} per line
    .xml .rss .atom          RSS/Atom feed, one Document per item
    .warc .warc.gz           WARC archive, one Document per HTML response record

Bad input never raises: it is an InputError (empty, binary, not UTF-8, unreadable, oversized, a bad
line or item) yielded in its place, and reading goes on. Each reader is also wrapped in a fault boundary
(`guarded`): an exception no rule foresaw becomes an E111 error naming the input, never a traceback
that ends the run. The size limit (settings.max_bytes) applies to
a whole text, HTML or feed file and to each JSON Lines line and WARC record.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import TextIO

from ..errors import InputError
from ..models import Document
from ..settings import Settings
from . import errors
from .boundary import guard_one, guarded
from .decode import decode_declared, decode_utf8
from .feeds import read_feed
from .html import html_document
from .htmlmeta import declared_charset
from .jsonl import read_jsonl, stream_lines
from .plaintext import text_document
from .sniff import detect_format
from .sources import Source, find_sources, read_head, read_limited
from .warc import is_warc, read_warc

__all__ = ["count_documents", "guard_one", "guarded", "read_paths", "read_source"]

Item = Document | InputError


def read_paths(paths: list[str], settings: Settings, stdin: TextIO | None = None) -> Iterator[Item]:
    """Every document (or input error) the paths hold, in the order given; `-` is JSON Lines on stdin."""
    for arg in paths:
        if arg == "-":
            yield from guarded(read_jsonl(stream_lines(stdin or sys.stdin), "stdin", settings.max_bytes), "stdin")
            continue
        for source in guarded(find_sources(arg), arg):
            if isinstance(source, InputError):
                yield source
            else:
                yield from guarded(read_source(source, settings), source.name)


def count_documents(paths: list[str]) -> int | None:
    """How many items `read_paths` will yield, when that is cheap to tell (a text or HTML file is one,
    a JSON Lines file one per non-blank line, an unreadable input one error); None for stdin, feeds and
    WARC archives, whose count needs a full read. For progress (time left), not for checks."""
    total = 0
    for arg in paths:
        if arg == "-":
            return None
        for source in find_sources(arg):
            found = 1 if isinstance(source, InputError) else _items_in(source)
            if found is None:
                return None
            total += found
    return total


def _items_in(source: Source) -> int | None:
    head = read_head(source, 4096)
    if isinstance(head, InputError):
        return 1
    kind = detect_format(source.name, head)
    if kind in ("feed", "warc"):
        return None
    if kind != "jsonl":
        return 1
    try:
        with source.path.open("rb") as handle:
            return max(1, sum(1 for line in handle if line.strip()))  # none at all: one "empty" error
    except OSError:
        return 1


def read_source(source: Source, settings: Settings) -> Iterator[Item]:
    """The documents in one file, by its format."""
    head = read_head(source, 65536)
    if isinstance(head, InputError):
        yield head
        return
    kind = detect_format(source.name, head)
    if kind == "warc" and not is_warc(head):
        yield errors.empty(source.name) if not head else errors.bad_warc(
            source.name, "does not start with a WARC record header (WARC/1.0)")
    elif kind in ("jsonl", "warc"):
        yield from _read_stream(source, kind, settings.max_bytes)
    elif kind == "compressed":
        yield errors.binary(source.name, "compressed data; decompress it first")
    else:
        yield from _read_whole(source, kind, settings.max_bytes)


def _read_stream(source: Source, kind: str, max_bytes: int) -> Iterator[Item]:
    """JSON Lines and WARC are read record by record, so the size limit applies to each record."""
    try:
        with source.path.open("rb") as handle:
            if kind == "jsonl":
                yield from read_jsonl(handle, source.name, max_bytes)
            else:
                yield from read_warc(handle, source.name, max_bytes)
    except OSError as exc:
        yield errors.unreadable(source.name, exc.strerror or str(exc))


def _read_whole(source: Source, kind: str, max_bytes: int) -> Iterator[Item]:
    data = read_limited(source, max_bytes)
    if isinstance(data, InputError):
        yield data
    elif kind == "feed":
        yield from read_feed(data, source.name, max_bytes)
    elif kind == "html":
        text = decode_declared(data, source.name, declared_charset(data))
        yield text if isinstance(text, InputError) else guard_one(html_document, source.name, text, source.name,
                                                                  str(source.path))
    else:
        text = decode_utf8(data, source.name)
        yield text if isinstance(text, InputError) else text_document(text, source.name, str(source.path))

