"""What `sitrep watch` remembers across restarts, in the database it stores documents in.

    watch_feeds   one row per feed: its validators (ETag, Last-Modified) for conditional requests,
                  when it was last checked, its failures in a row, when to try it next and why it failed
    watch_items   one row per feed item seen (by guid, else link): what became of it and how often its
                  page was tried

Migration 0005 creates both tables. Times are ISO 8601 strings in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)

metadata = MetaData()

watch_feeds = Table(
    "watch_feeds", metadata,
    Column("url", String(2048), primary_key=True),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", String(32)),
    Column("failures", Integer, nullable=False, default=0),
    Column("next_try", String(32)),
    Column("last_error", Text),
)

watch_items = Table(
    "watch_items", metadata,
    Column("key", String(2048), primary_key=True),
    Column("feed_url", String(2048), nullable=False, index=True),
    Column("url", Text),
    Column("status", String(16), nullable=False),  # stored, duplicate, feed_text, pending, failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("first_seen", String(32), nullable=False),
    Column("content_hash", String(64)),
    Column("reason", Text),
)

DONE = ("stored", "duplicate", "feed_text", "failed")


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    checked_at: str | None = None
    failures: int = 0
    next_try: str | None = None
    last_error: str | None = None


class SeenStore:
    """Reads and writes the watch tables on the store's engine."""

    def __init__(self, engine: Engine):
        self.engine = engine

    def feed(self, url: str) -> FeedState:
        with self.engine.connect() as conn:
            row = conn.execute(select(watch_feeds).where(watch_feeds.c.url == url)).first()
        return FeedState(**row._mapping) if row else FeedState(url)

    def save_feed(self, state: FeedState) -> None:
        values = {k: v for k, v in vars(state).items() if k != "url"}
        with self.engine.begin() as conn:
            done = conn.execute(update(watch_feeds).where(watch_feeds.c.url == state.url).values(**values))
            if not done.rowcount:
                conn.execute(insert(watch_feeds).values(url=state.url, **values))

    def item(self, key: str) -> tuple[str, int] | None:
        """(status, attempts) of an item seen before, else None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(watch_items.c.status, watch_items.c.attempts)
                               .where(watch_items.c.key == key)).first()
        return (row.status, row.attempts) if row else None

    def save_item(self, key: str, feed_url: str, url: str | None, status: str, now: str,
                  content_hash: str | None = None, reason: str | None = None) -> None:
        with self.engine.begin() as conn:
            _upsert_item(conn, dict(key=key, feed_url=feed_url, url=url, status=status, first_seen=now,
                                    content_hash=content_hash, reason=reason))


def _upsert_item(conn: Connection, values: dict[str, object]) -> None:
    t = watch_items
    row = conn.execute(select(t.c.attempts).where(t.c.key == values["key"])).first()
    if row is None:
        conn.execute(insert(t).values(attempts=1, **values))
        return
    changes = {k: v for k, v in values.items() if k not in ("key", "first_seen")}
    conn.execute(update(t).where(t.c.key == values["key"]).values(attempts=row.attempts + 1, **changes))
