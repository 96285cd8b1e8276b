"""The input errors ingest reports, one constructor per reason, so every message reads alike.

Each names the input, says what is wrong and, where it can, how to fix it. Codes:

    E101 empty          E102 binary         E103 not UTF-8      E104 unreadable
    E105 oversized      E106 bad record     E107 bad feed       E108 bad WARC
    E109 missing path   E110 bad HTML       E111 reader bug (an input no rule foresaw)
    E112 fetch failed   E113 robots.txt disallows
"""

from __future__ import annotations

from ..errors import InputError


def _error(name: str, reason: str, fix: str | None = None, code: str | None = None) -> InputError:
    """An InputError whose message is one line, whatever the underlying exception said."""
    return InputError(" ".join(name.split()), " ".join(reason.split()), fix, code)


def empty(name: str, what: str = "no text") -> InputError:
    return _error(name, f"empty input ({what})", "remove it or give it some text", code="E101")


def binary(name: str, what: str = "contains NUL bytes") -> InputError:
    return _error(name, f"binary, not text ({what})",
                      "sitrep reads plain text, HTML, JSON Lines, RSS/Atom and WARC", code="E102")


def not_utf8(name: str, detail: str, fix: str | None = None) -> InputError:
    return _error(name, f"not UTF-8 ({detail})",
                      fix or "convert it to UTF-8 first, e.g. `iconv -f WINDOWS-1252 -t UTF-8 FILE` for Western European text", code="E103")


def unreadable(name: str, why: str) -> InputError:
    return _error(name, f"cannot be read ({why})", "check that it exists and its permissions", code="E104")


def oversized(name: str, size: int, limit: int) -> InputError:
    return _error(name, f"{size} bytes, over the limit of {limit}",
                      f"raise the max_bytes setting, e.g. SITREP_MAX_BYTES={size}", code="E105")


def bad_record(name: str, reason: str, fix: str | None = None) -> InputError:
    return _error(name, reason, fix or "each line must be a JSON object with a non-empty \"text\"",
                      code="E106")


def bad_feed(name: str, reason: str, fix: str | None = None) -> InputError:
    return _error(name, reason, fix or "check that it is a well-formed RSS or Atom feed", code="E107")


def bad_warc(name: str, reason: str) -> InputError:
    return _error(name, reason, "check that it is a WARC file (.warc or .warc.gz)", code="E108")


def missing(name: str) -> InputError:
    return _error(name, "no such file or folder", "check the path", code="E109")


def bad_html(name: str, reason: str) -> InputError:
    return _error(name, f"HTML that cannot be parsed ({reason})", "check that the file is an HTML page", code="E110")


def reader_bug(name: str, exc: BaseException) -> InputError:
    """An input that made a reader raise what no rule foresaw: a bug, reported as one, and reading goes on."""
    detail = " ".join(str(exc).split())[:200]
    return _error(name, f"could not be read ({type(exc).__name__}: {detail})",
                  "this is a bug in sitrep; please report it with the input", code="E111")


def fetch_failed(url: str, reason: str, fix: str | None = None) -> InputError:
    return _error(url, f"cannot be fetched ({reason})", fix or "check the address; it is tried again later",
                  code="E112")


def disallowed(url: str) -> InputError:
    return _error(url, "robots.txt of its site disallows fetching it",
                  "leave it out, or use the text the feed carries", code="E113")
