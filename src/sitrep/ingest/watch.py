"""`sitrep watch`: poll RSS/Atom feeds, fetch each new item's page once, ingest it, remember it.

    watcher = Watcher(feeds, SeenStore(store.engine), Fetcher(...), ingest=store_one, every=600)
    watcher.poll()      one round over every feed that is due → RoundReport

Per feed: a conditional request (ETag / Last-Modified from the last poll; 304 means nothing new). Per
new item (by guid, else link; see seen.py): its page is fetched (robots.txt and the per-host delay are
the Fetcher's), its article text extracted and ingested; an item whose page cannot be had — robots.txt
says no, not HTML, too big, gone, or MAX_ATTEMPTS transient failures — is ingested from the text the feed
carries, and says so. A feed that fails is reported and tried again after a back-off that doubles with
each failure in a row (up to MAX_BACKOFF); it never stops the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ..errors import InputError, SitrepError
from ..models import Document
from .decode import decode_declared
from .feeds import FeedEntry, feed_entries
from .fetch import Fetched, Fetcher, FetchError
from .html import html_document
from .htmlmeta import declared_charset
from .seen import DONE, FeedState, SeenStore

MAX_ATTEMPTS = 3                  # transient failures of an item's page before the feed's text is used
MAX_BACKOFF = timedelta(days=1)   # the longest wait before a failing feed is tried again

Ingest = Callable[[Document], tuple[bool, int]]  # analyse and store one document → (newly stored?, events)
Say = Callable[[str], None]


@dataclass
class RoundReport:
    feeds: int = 0
    unchanged: int = 0     # 304 Not Modified
    waiting: int = 0       # in back-off, not due yet
    failed: int = 0        # feeds that failed this round
    new_items: int = 0
    stored: int = 0
    duplicates: int = 0
    from_feed_text: int = 0
    pending: int = 0       # items whose page failed for now; tried again next round
    item_failures: int = 0


def utc_now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Watcher:
    def __init__(self, feeds: list[str], seen: SeenStore, fetcher: Fetcher, ingest: Ingest, every: float,
                 max_bytes: int, say: Say = print, now: Callable[[], datetime] = utc_now):
        self.feeds, self.seen, self.fetcher, self.ingest = feeds, seen, fetcher, ingest
        self.every, self.max_bytes, self.say, self.now = timedelta(seconds=every), max_bytes, say, now

    def poll(self) -> RoundReport:
        """One round: every feed that is due, in the order given."""
        report = RoundReport(feeds=len(self.feeds))
        for url in self.feeds:
            self.poll_feed(url, report)
        return report

    def poll_feed(self, url: str, report: RoundReport) -> None:
        state = self.seen.feed(url)
        now = self.now()
        if state.next_try and stamp(now) < state.next_try:
            report.waiting += 1
            return
        got = self.fetcher.get(url, state.etag, state.last_modified)
        entries = _entries(got, url, self.max_bytes)
        if isinstance(entries, InputError):
            self._feed_failed(state, entries, now, report)
            return
        report.unchanged += isinstance(got, Fetched) and got.status == 304
        for entry in entries:
            self.take(url, entry, report)
        if isinstance(got, Fetched):
            state.etag, state.last_modified = got.etag, got.last_modified
        state.checked_at, state.failures, state.last_error = stamp(now), 0, None
        state.next_try = stamp(now + self.every)
        self.seen.save_feed(state)

    def _feed_failed(self, state: FeedState, error: InputError, now: datetime, report: RoundReport) -> None:
        state.failures += 1
        wait = min(self.every * 2 ** (state.failures - 1), MAX_BACKOFF)
        state.checked_at, state.last_error, state.next_try = stamp(now), str(error), stamp(now + wait)
        self.seen.save_feed(state)
        report.failed += 1
        self.say(f"feed failed ({state.failures} in a row; next try {state.next_try}): {error}")

    def take(self, feed_url: str, entry: FeedEntry | InputError, report: RoundReport) -> None:
        """Ingest one feed item unless it was seen before."""
        if isinstance(entry, InputError):
            self.say(f"skipped {entry}")
            report.item_failures += 1
            return
        before = self.seen.item(entry.key)
        if before is not None and before[0] in DONE:
            return
        report.new_items += before is None
        document, status, reason = self.document_for(entry, before[1] if before else 0)
        if document is None:
            self.seen.save_item(entry.key, feed_url, entry.link, "pending", stamp(self.now()), reason=reason)
            report.pending += 1
            self.say(f"item page not fetched, tried again next round: {reason}")
            return
        self._store(feed_url, entry, document, status, reason, report)

    def _store(self, feed_url: str, entry: FeedEntry, document: Document | InputError, status: str,
               reason: str | None, report: RoundReport) -> None:
        now = stamp(self.now())
        try:
            if isinstance(document, InputError):
                raise document
            stored, _events = self.ingest(document)
        except SitrepError as exc:
            self.seen.save_item(entry.key, feed_url, entry.link, "failed", now, reason=str(exc))
            report.item_failures += 1
            self.say(f"failed {exc}")
            return
        final = status if stored else "duplicate"
        self.seen.save_item(entry.key, feed_url, entry.link, final, now, document.content_hash, reason)
        report.stored += stored
        report.duplicates += not stored
        report.from_feed_text += stored and status == "feed_text"
        if reason:
            self.say(f"used the feed's text for {entry.link}: {reason}")

    def document_for(self, entry: FeedEntry, attempts: int) -> tuple[Document | InputError | None, str, str | None]:
        """The item's page as a Document ("stored"), or the feed's own text ("feed_text") when the page
        cannot be had, or None while a transient failure may still clear."""
        if not entry.link:
            return entry.document, "feed_text", None
        got = self.fetcher.get(entry.link)
        page = page_document(got, entry) if isinstance(got, Fetched) else got
        if not isinstance(page, InputError):
            return page, "stored", None
        if isinstance(page, FetchError) and page.transient and attempts + 1 < MAX_ATTEMPTS:
            return None, "pending", str(page)
        return entry.document, "feed_text", str(page)


def _entries(got: Fetched | InputError, url: str, max_bytes: int) -> list[FeedEntry | InputError] | InputError:
    """The feed's items; none when it has not changed; an error when it could not be fetched or read."""
    if isinstance(got, InputError):
        return got
    if got.status == 304:
        return []
    entries = list(feed_entries(got.body, url, max_bytes))
    if len(entries) == 1 and isinstance(entries[0], InputError) and entries[0].code in ("E107", "E101"):
        return entries[0]  # not a feed, or no items: the feed failed, not an item
    return entries


def page_document(got: Fetched, entry: FeedEntry) -> Document | InputError:
    """The article on an item's page, with the feed's title, date and source where the page has none."""
    if "html" not in got.content_type.lower():
        return FetchError(got.url, f"not an HTML page ({got.content_type or 'no content type'})", transient=False)
    text = decode_declared(got.body, got.url, _charset(got.content_type) or declared_charset(got.body))
    if isinstance(text, InputError):
        return text
    feed = entry.document if isinstance(entry.document, Document) else None
    page = html_document(text, entry.link or got.url, origin=got.url, url=entry.link,
                         published=feed.published if feed else None)
    if isinstance(page, InputError) or feed is None:
        return page
    return page.model_copy(update={"title": page.title or feed.title, "source": page.source or feed.source})


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip("\"'")
    return None


def read_feed_list(text: str) -> tuple[list[str], list[str]]:
    """Feed URLs from a FEEDS.txt (one per line; blank lines and # comments ignored) and the lines refused."""
    feeds: list[str] = []
    refused: list[str] = []
    for line in text.splitlines():
        url = line.split("#", 1)[0].strip()
        if not url:
            continue
        (feeds if url.startswith(("http://", "https://")) else refused).append(url)
    return list(dict.fromkeys(feeds)), refused


def parse_interval(value: str) -> float:
    """Seconds in "90s", "10m", "2h", "1d" (a bare number is seconds); ValueError otherwise."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    number, unit = (value[:-1], value[-1]) if value and value[-1] in units else (value, "s")
    seconds = float(number) * units[unit]
    if seconds <= 0:
        raise ValueError(value)
    return seconds
