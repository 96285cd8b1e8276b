"""Which reader a file needs: by its extension, else by sniffing its first bytes."""

from __future__ import annotations

import json
import re
from typing import Literal

Format = Literal["text", "html", "jsonl", "feed", "warc", "compressed"]

_BY_EXTENSION: dict[str, Format] = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".warc": "warc", ".warc.gz": "warc",
}
_GZIP = b"\x1f\x8b"
_FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)\b")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def detect_format(name: str, head: bytes) -> Format:
    """The format of a file named `name` whose first bytes are `head`."""
    lower = name.lower()
    for extension in sorted(_BY_EXTENSION, key=len, reverse=True):
        if lower.endswith(extension):
            found = _BY_EXTENSION[extension]
            return "html" if found == "feed" and sniff(head) == "html" else found  # XHTML saved as .xml
    return sniff(head)


def sniff(head: bytes) -> Format:
    """Guess a format from content: WARC, compressed, feed, HTML, JSON Lines, else plain text."""
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if body.startswith(b"WARC/"):
        return "warc"
    if body.startswith(_GZIP):
        return "compressed"
    if body.startswith(b"<?xml") and _FEED_ROOT.search(body[:2048]):
        return "feed"
    if _FEED_ROOT.match(body):
        return "feed"
    if _HTML_START.match(body) or body.startswith(b"<?xml") and b"<html" in body[:2048].lower():
        return "html"
    if body.startswith(b"{") and _first_line_is_object(body):
        return "jsonl"
    return "text"


def _first_line_is_object(body: bytes) -> bool:
    line = body.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
