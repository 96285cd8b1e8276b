"""WARC archives (.warc, .warc.gz) → one Document per HTML (or plain text) response record.

WARC-Target-URI is the id and url; WARC-Date is the publication date when the page states none
(it is when the page was captured, so the page's own metadata wins). Reading uses `warcio`.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING

from ..errors import InputError
from ..models import Document
from . import errors
from .boundary import guard_one
from .dates import normalize_date
from .decode import decode_declared
from .html import html_document
from .htmlmeta import declared_charset
from .plaintext import text_document

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord  # warcio ships no types: Any to mypy

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w:.-]+)", re.I)


def is_warc(head: bytes) -> bool:
    """Does the file start with a WARC record header, compressed or not?"""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def read_warc(stream: IO[bytes], name: str, max_bytes: int) -> Iterator[Document | InputError]:
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:  # pragma: no cover - warcio is a dependency
        yield errors.bad_warc(name, "reading WARC needs the warcio package (pip install warcio)")
        return
    count = 0
    try:
        for record in ArchiveIterator(stream):
            item = guard_one(record_document, name, record, name, max_bytes)
            if item is not None:
                count += 1
                yield item
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
        yield errors.bad_warc(name, f"not a readable WARC file ({' '.join(str(exc).split())[:200]})")
        return
    if count == 0:
        yield errors.empty(name, "no HTML or text response records in the WARC file")


def record_document(record: ArcWarcRecord, name: str, max_bytes: int) -> Document | InputError | None:
    """A Document for an HTML or text response/resource record; None for any other record."""
    if record.rec_type not in ("response", "resource"):
        return None
    content_type = _content_type(record)
    if "html" not in content_type and "text/plain" not in content_type:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    where = f"{name}: {uri}" if uri else name
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return errors.oversized(where, len(data), max_bytes)
    charset = _charset(content_type) or declared_charset(data)
    text = decode_declared(data, where, charset)
    if isinstance(text, InputError):
        return text
    date = normalize_date(record.rec_headers.get_header("WARC-Date"))
    if "html" in content_type:
        return html_document(text, uri or name, origin=where, url=uri, published=date)
    document = text_document(text, uri or name, origin=where)
    return document.model_copy(update={"url": uri, "published": date,
                                       "published_source": "metadata" if date else None})


def _content_type(record: ArcWarcRecord) -> str:
    headers = record.http_headers if record.rec_type == "response" and record.http_headers else record.rec_headers
    return (headers.get_header("Content-Type") or "").lower()


def _charset(content_type: str) -> str | None:
    match = _CHARSET.search(content_type)
    return match.group(1) if match else None
