"""JSON Lines → Documents: one record {id, text, title, published, url, source} per line.

A bad line is one InputError naming `file:line`; the lines after it are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import IO

from ..errors import InputError
from ..models import Document
from . import errors
from .boundary import guard_one
from .dates import normalize_date
from .decode import decode_utf8

_STRING_FIELDS = ("title", "url", "source")


def read_jsonl(lines: Iterable[bytes | str], name: str, max_bytes: int) -> Iterator[Document | InputError]:
    """One Document or InputError per non-blank line, in order; an input with no records is one error."""
    count = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        count += 1
        where = f"{name}:{number}"
        yield guard_one(parse_line, where, line, where, max_bytes)
    if count == 0:
        yield errors.empty(name)


def stream_lines(stream: IO[bytes] | IO[str]) -> Iterator[bytes | str]:
    """Lines of a text or binary stream; a text stream's own buffer is used, so encoding is checked here."""
    buffer = getattr(stream, "buffer", None)
    yield from (buffer if buffer is not None else stream)


def parse_line(line: bytes | str, where: str, max_bytes: int) -> Document | InputError:
    size = len(line) if isinstance(line, bytes) else len(line.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        return errors.oversized(where, size, max_bytes)
    text = decode_utf8(line.rstrip(b"\r\n"), where) if isinstance(line, bytes) else line.rstrip("\r\n")
    if isinstance(text, InputError):
        return text
    try:
        record = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        at = "" if exc.msg.endswith(" at") else " at"
        return errors.bad_record(where, f"not valid JSON ({exc.msg}{at} column {exc.colno})")
    except RecursionError:
        return errors.bad_record(where, "JSON nested too deeply to read")
    if not isinstance(record, dict):
        return errors.bad_record(where, f"a JSON {type(record).__name__}, not an object")
    return record_document(record, where)


def record_document(record: dict, where: str) -> Document | InputError:
    """A Document from one record; `where` (file:line) is the id when the record has none."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return errors.bad_record(where, "no \"text\" (missing, empty or not a string)")
    published = record.get("published")
    date = normalize_date(str(published)) if published not in (None, "") else None
    if published not in (None, "") and date is None:
        return errors.bad_record(where, f"\"published\" value {published!r} is not a date",
                                 "use ISO 8601, e.g. 2020-01-10 or 2020-01-10T14:05:00Z")
    record_id = record.get("id")
    fields = {k: str(record[k]) for k in _STRING_FIELDS if record.get(k) not in (None, "")}
    return Document(id=str(record_id) if record_id not in (None, "") else where, text=text,
                    published=date, published_source="metadata" if date else None, origin=where, **fields)
