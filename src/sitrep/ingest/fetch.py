"""Polite HTTP fetching for `sitrep watch`: conditional requests, a delay per host, a timeout and a size
limit per fetch, and robots.txt respected.

    fetcher = Fetcher(max_bytes=5_000_000, timeout=20, host_delay=1.0)
    got = fetcher.get(url, etag=..., last_modified=...)  → Fetched (status 200 or 304) | InputError

robots.txt is read once per site and kept for ROBOTS_TTL seconds; as RFC 9309 says, a site whose
robots.txt is missing (4xx) may be fetched, one whose robots.txt cannot be reached (5xx, network error)
may not, for now. A failure is an InputError (E112) that says whether trying again later may help.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from ..errors import InputError
from ..version import __version__
from . import errors

USER_AGENT = f"sitrep/{__version__} (news event coder; respects robots.txt)"
ROBOTS_TTL = 24 * 3600.0
ROBOTS_RETRY = 600.0  # an unreachable robots.txt is asked for again after this many seconds
TRANSIENT_STATUS = {408, 425, 429, 500, 502, 503, 504}

Rules = urllib.robotparser.RobotFileParser | bool  # a site's robots.txt, or True/False: allow/deny all


@dataclass(frozen=True)
class Fetched:
    url: str                   # after redirects
    status: int                # 200, or 304 when the conditional request says nothing changed
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None


class FetchError(InputError):
    """A fetch that failed; `transient` when the same request may succeed later (timeouts, 5xx, 429)."""

    def __init__(self, url: str, reason: str, transient: bool):
        error = errors.fetch_failed(url, reason, None if transient else "check the address")
        super().__init__(url, error.reason, error.fix, error.code)
        self.transient = transient


class Fetcher:
    """One HTTP client for a watch: per-host politeness and robots.txt are remembered between fetches."""

    def __init__(self, max_bytes: int, timeout: float = 20.0, host_delay: float = 1.0,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self.max_bytes, self.host_delay = max_bytes, host_delay
        self.client = httpx.Client(timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT})
        self.clock, self.sleep = clock, sleep
        self.last_request: dict[str, float] = {}
        self.robots: dict[str, tuple[float, Rules]] = {}

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched | InputError:
        """Fetch one URL politely; robots.txt of its site is consulted first."""
        if not self.allowed(url):
            return errors.disallowed(url)
        headers = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
        return self._fetch(url, headers)

    def allowed(self, url: str) -> bool:
        site = _site(url)
        checked, rules = self.robots.get(site, (-ROBOTS_TTL, True))
        if self.clock() - checked >= ROBOTS_TTL:
            rules = self._robots(site)
            retry_soon = rules is False  # unreachable: asked again after ROBOTS_RETRY, not a day
            self.robots[site] = (self.clock() - (ROBOTS_TTL - ROBOTS_RETRY if retry_soon else 0), rules)
        return rules if isinstance(rules, bool) else rules.can_fetch(USER_AGENT, url)

    def _robots(self, site: str) -> Rules:
        """The site's rules: True (allow all) when it has no robots.txt, False when it cannot be reached."""
        got = self._fetch(f"{site}/robots.txt", {})
        if isinstance(got, InputError):
            return not (isinstance(got, FetchError) and got.transient) and not got.code == "E105"
        rules = urllib.robotparser.RobotFileParser()
        rules.parse(got.body.decode("utf-8", "replace").splitlines())
        return rules

    def _fetch(self, url: str, headers: dict[str, str]) -> Fetched | InputError:
        self._wait_for(_site(url))
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                return self._read(url, response)
        except httpx.TimeoutException:
            return FetchError(url, "timed out", transient=True)
        except httpx.HTTPError as exc:
            return FetchError(url, f"{type(exc).__name__}: {exc}", transient=True)
        finally:
            self.last_request[_site(url)] = self.clock()

    def _read(self, url: str, response: httpx.Response) -> Fetched | InputError:
        if response.status_code >= 400:
            return FetchError(url, f"HTTP {response.status_code}", response.status_code in TRANSIENT_STATUS)
        declared = int(response.headers.get("Content-Length") or 0)
        if declared > self.max_bytes:
            return errors.oversized(url, declared, self.max_bytes)
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > self.max_bytes:
                return errors.oversized(url, len(body), self.max_bytes)
        h = response.headers
        return Fetched(str(response.url), response.status_code, bytes(body), h.get("Content-Type", ""),
                       h.get("ETag"), h.get("Last-Modified"))

    def _wait_for(self, site: str) -> None:
        """Sleep until `host_delay` seconds have passed since the last request to the same site."""
        last = self.last_request.get(site)
        if last is not None:
            wait = self.host_delay - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)


def _site(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
