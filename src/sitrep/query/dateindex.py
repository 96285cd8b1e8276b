"""Pages of events by date, answered from the stored dates held in memory (the API's reads).

A page sorted by date with ``since`` or ``until`` asks the database for the first events of a date window:
each new window is a new query that the response cache (api/cache.py) cannot answer, and each costs
milliseconds of planning and index reading. The index keeps, for one version of the store, every dated
event's key in the store's own date order (``date_start``, then ``pk``, as read by ``ORDER BY``) with its
start and end, and for each filter its events' positions in that order, read once from the database by
the filter's own conditions (``other_conditions``, the same SQL as every other face). A page is then a
slice of those positions between the window's bounds, its ``since`` test done on the held dates, and one
read of the page's rows by key. The answer is the one :func:`sitrep.query.events.page_json` gives, byte for
byte (tests/api/test_date_index.py compares them over many filters, dates and cursors, on SQLite and on
PostgreSQL).

What the index leaves to the database (:meth:`DateIndex.page_positions` returns None): sorts by sources, offset
paging, pages without a limit, counts, a cursor into the undated events, and a page the dated events do not
fill when undated ones may follow.
"""

from __future__ import annotations

import threading
import time
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Connection, Integer, any_, bindparam, select, text
from sqlalchemy.dialects.postgresql import ARRAY

from .events import (
    COLUMNS,
    E,
    answer_json,
    cut_page,
    earliest_day,
    filtered_tables,
    item_json,
    joined_tables,
    longest_span,
    other_conditions,
)
from .filters import EventFilter

ROWS = joined_tables(select(*COLUMNS)).where(E.pk.in_(bindparam("pks", expanding=True)))
ROWS_PG = joined_tables(select(*COLUMNS)).where(E.pk == any_(bindparam("pks", type_=ARRAY(Integer))))  # one parameter
MASKS, MASK_BYTES = 256, 32_000_000  # filters whose positions each index keeps, least recently used first out
STEP = 256  # positions tested for ``since`` at first (then four times as many each time)
UNFILTERED = EventFilter(sort="date", limit=None)  # a filter with no condition but its dates


def answerable(f: EventFilter) -> bool:
    """Whether the index can answer the filter's page at all (see the module's note)."""
    return (f.sort in ("date", "-date") and f.limit is not None and not (f.offset and not f.cursor)
            and not (f.cursor is not None and f.cursor[0] is None))


class DateIndex:
    """The dated events of one store version, in the store's date order.

    The order and every bound are read on the dates as text, as the database compares them (one
    ``ORDER BY``): each start and end is held as its rank among all the stored dates (``texts``, sorted), so
    that comparing ranks compares the texts, and a bound given as text is first placed among them by
    bisection. About 30 bytes an event, and one copy of each distinct date; each filter's events 4 bytes each."""

    def __init__(self, version: int, pks: list[int], starts: list[str], ends: list[str | None], max_span: int,
                 item_mb: float = 0):
        self.version, self.max_span = version, max_span
        self.texts = sorted(set(starts) | {e for e in ends if e is not None})
        rank = {text: i for i, text in enumerate(self.texts)}
        self.start_rank = np.fromiter((rank[t] for t in starts), dtype=np.int32, count=len(starts))
        self.end_rank = np.fromiter((-1 if e is None else rank[e] for e in ends), dtype=np.int32, count=len(ends))
        self.pks = np.array(pks, dtype=np.int64)
        self.by_pk = np.argsort(self.pks, kind="stable").astype(np.int32)  # positions in the order of their keys
        self.sorted_pks = self.pks[self.by_pk]
        self.masks: OrderedDict[Any, np.ndarray] = OrderedDict()
        self.mask_bytes = 0
        self.lock = threading.Lock()
        self.items: OrderedDict[int, bytes] = OrderedDict()  # position → the event's item in a page
        self.item_bytes, self.max_item_bytes = 0, item_mb * 1_000_000

    def __len__(self) -> int:
        return len(self.pks)

    def positions_of(self, pks: np.ndarray) -> np.ndarray:
        """The positions of the events with these keys, ascending; keys of undated events are left out."""
        sorted_pks = self.sorted_pks
        at = np.searchsorted(sorted_pks, pks)
        at = np.minimum(at, max(len(sorted_pks) - 1, 0))
        known = sorted_pks[at] == pks if len(sorted_pks) else np.zeros(len(pks), dtype=bool)
        return np.sort(self.by_pk[at[known]]).astype(np.int32)

    def key_of(self, position: int) -> tuple[str, int]:
        """The (date_start, pk) of the event at ``position``: what a cursor is made of."""
        return self.texts[self.start_rank[position]], int(self.pks[position])

    def _starting(self, text: str, after: bool) -> int:
        """The first position whose start is after ``text`` (``after``) or not before it."""
        rank = (bisect_right if after else bisect_left)(self.texts, text)
        return int(np.searchsorted(self.start_rank, rank, side="left"))

    def items_of(self, conn: Connection | None, positions: list[int]) -> list[bytes] | None:
        """Each event's item, kept or read (one query for those not kept); None when one is gone, or when
        one is not kept and there is no connection to read it."""
        with self.lock:
            kept = {p: self.items[p] for p in positions if p in self.items}
            for p in kept:
                self.items.move_to_end(p)
        missing = {int(self.pks[p]): p for p in positions if p not in kept}
        if missing and conn is None:
            return None
        if missing and conn is not None:
            statement = ROWS_PG if conn.dialect.name == "postgresql" else ROWS
            rows = conn.execute(statement, {"pks": list(missing)}).all()
            if len(rows) < len(missing) or any(r.date_start != self.texts[self.start_rank[missing[r.pk]]]
                                               for r in rows):
                return None  # deleted since the index was built, or its key reused by another event (SQLite)
            read = {missing[r.pk]: item_json(r) for r in rows}
            kept.update(read)
            with self.lock:
                for p, item in read.items():
                    if p not in self.items:
                        self.items[p] = item
                        self.item_bytes += len(item)
                while self.item_bytes > self.max_item_bytes and self.items:
                    self.item_bytes -= len(self.items.popitem(last=False)[1])
        return [kept[p] for p in positions]

    @classmethod
    def build(cls, conn: Connection, version: int, item_mb: float = 0) -> DateIndex | None:
        """The index of what ``conn`` sees; None when the store may compare texts otherwise than by their
        characters (a PostgreSQL database whose collation is not C; the dates' own order is checked too),
        which the bisections and the ranks assume."""
        if not _orders_by_character(conn):
            return None
        rows = conn.execute(select(E.pk, E.date_start, E.date_end).where(E.date_start.is_not(None))
                            .order_by(E.date_start.asc(), E.pk.asc())).all()
        starts = [r.date_start for r in rows]
        if any(a > b for a, b in zip(starts, starts[1:], strict=False)):
            return None
        return cls(version, [r.pk for r in rows], starts, [r.date_end for r in rows], longest_span(conn), item_mb)

    def _positions(self, conn: Connection | None, f: EventFilter, gazetteer: Path | None) -> np.ndarray | None:
        """Positions (ascending) of the dated events the filter's conditions other than its dates select; None
        when they were not read yet and there is no connection to read them."""
        key = (replace(f, since=None, until=None, cursor=None, sort="date", limit=None, offset=0), gazetteer)
        with self.lock:
            found = self.masks.get(key)
            if found is not None:
                self.masks.move_to_end(key)
                return found
        if conn is None and key[0] != UNFILTERED:
            return None  # not read yet (and not even its conditions built: a place name reads the gazetteer)
        where = other_conditions(key[0], gazetteer)
        if not where:
            found = np.arange(len(self.pks), dtype=np.int32)
        else:
            assert conn is not None
            query = select(E.pk).select_from(filtered_tables(key[0])).where(*where, E.date_start.is_not(None))
            found = self.positions_of(np.fromiter((pk for (pk,) in conn.execute(query)), dtype=np.int64))
        with self.lock:
            if key not in self.masks:
                self.masks[key] = found
                self.mask_bytes += found.nbytes
            while len(self.masks) > MASKS or self.mask_bytes > MASK_BYTES:
                self.mask_bytes -= self.masks.popitem(last=False)[1].nbytes
        return found

    def _key_position(self, day: str, pk: int, after: bool) -> int:
        """Where the key (day, pk) falls in the order: after it or before it."""
        lo, hi = self._starting(day, after=False), self._starting(day, after=True)
        return lo + int(np.searchsorted(self.pks[lo:hi], pk, side="right" if after else "left"))

    def page_positions(self, conn: Connection | None, f: EventFilter, gazetteer: Path | None) -> list[int] | None:
        """The positions of the page's events (up to ``limit + 1``, the last telling that more follow), in the
        page's order; None when the database must answer (see the module's note)."""
        if not answerable(f):
            return None
        assert f.limit is not None
        want = f.limit + 1
        lo, hi = 0, len(self.pks)
        if f.since:
            earliest = earliest_day(f.since, self.max_span)
            if earliest is not None:
                lo = self._starting(earliest, after=False)
        if f.until:
            hi = self._starting(f.until + "T23:59:59", after=True)
        ascending = f.sort == "date"
        if f.cursor is not None:
            day, pk = f.cursor
            assert day is not None
            if ascending:
                lo = max(lo, self._key_position(day, pk, after=True))
            else:
                hi = min(hi, self._key_position(day, pk, after=False))
        positions = self._positions(conn, f, gazetteer)
        if positions is None:
            return None
        window = positions[int(np.searchsorted(positions, lo)):int(np.searchsorted(positions, hi))]
        if not ascending:
            window = window[::-1]
        keys = self._since(window, f.since, want) if f.since else window[:want]
        if len(keys) < want and not f.until:
            return None  # undated events come after the dated ones: the database's part
        return keys.tolist()

    def _since(self, window: np.ndarray, since: str, want: int) -> np.ndarray:
        """The first ``want`` positions of the window whose event ends after ``since`` begins (no end: that
        starts on or after it), the test of ``_since_condition``, on ranks."""
        ends_after = bisect_right(self.texts, since + "T00:00")  # an end ranked here or later is > since + T00:00
        starts_from = bisect_left(self.texts, since)  # a start ranked here or later is >= since
        kept: list[np.ndarray] = []
        found, at, step = 0, 0, STEP
        while at < len(window) and found < want:  # chunks that grow fourfold: few steps however long the window
            chunk = window[at:at + step]
            at, step = at + step, step * 4
            end = self.end_rank[chunk]
            chunk = chunk[np.where(end >= 0, end >= ends_after, self.start_rank[chunk] >= starts_from)]
            kept.append(chunk)
            found += len(chunk)
        return np.concatenate(kept)[:want] if kept else window[:0]


def _orders_by_character(conn: Connection) -> bool:
    """Whether the store compares texts by their characters, as the ranks do: SQLite always (BINARY);
    PostgreSQL when its collation does (C, POSIX), which a linguistic one does not ("B" < "a" is false there)."""
    if conn.dialect.name != "postgresql":
        return True
    return bool(conn.scalar(text("SELECT 'B' < 'a' AND '-' < '0' AND '0' < 'T' AND 'T' < 't'")))


def indexed_page_json(conn: Connection | None, index: DateIndex, f: EventFilter,
                      gazetteer: Path | None) -> bytes | None:
    """:func:`sitrep.query.events.page_json` (without ``total``) from the index; None when the database
    must answer. Without a connection, from memory alone (no query at all, so the server can answer on its
    event loop): None also when the filter's events or an item of the page were not read yet."""
    positions = index.page_positions(conn, f, gazetteer)
    if positions is None:
        return None
    positions, cursor = cut_page(positions, f, index.key_of)
    items = index.items_of(conn, positions)
    return None if items is None else answer_json(items, cursor, f, None)


class DateIndexes:
    """The index of the latest store version a request saw, for the requests of one worker process.

    Built by the first request of a new version whose page the index can answer (:func:`answerable`), at
    most once every ``every`` seconds and no more often than ten times the last build took (100,000 events:
    about 0.3 s), so that while a store is being written to (a new version a second) pages are read from the
    database rather than rebuilt again and again. Other requests of the same version use the database
    meanwhile. A store whose texts do not compare by their characters is never indexed (``refused``).
    ``item_mb``: megabytes of events' items each index keeps for the pages that follow."""

    def __init__(self, every: float = 5.0, item_mb: float = 0.0):
        self.every, self.item_mb = every, item_mb
        self.index: DateIndex | None = None
        self.built_at, self.took = float("-inf"), 0.0
        self.refused = False
        self.lock = threading.Lock()

    def held(self, version: int | None) -> DateIndex | None:
        """The index of this version, when it is the one held (never one of another version)."""
        index = self.index
        return index if index is not None and version is not None and index.version == version else None

    def get(self, conn: Connection, version: int | None) -> DateIndex | None:
        """The index of this version: held, or built now when allowed; None when the database answers."""
        index = self.held(version)
        if index is not None or version is None or self.refused:
            return index
        if self.index is not None and self.index.version > version:
            return None  # this request read an older version than the one held: the database answers it
        if time.monotonic() - self.built_at < max(self.every, 10 * self.took) or not self.lock.acquire(blocking=False):
            return None
        try:
            self.built_at = time.monotonic()
            built = DateIndex.build(conn, version, self.item_mb)
            self.took = time.monotonic() - self.built_at
            if built is None:
                self.refused = True
            elif self.index is None or built.version > self.index.version:  # never replaced by an older one
                self.index = built
            return built
        finally:
            self.lock.release()
