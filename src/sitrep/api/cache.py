"""Responses kept in memory, keyed by what was asked and by the store's version.

A cached answer is served only for the version of the store it was computed at: each request reads
the change counter (migration 0008, one indexed row) before anything else, and a version other than
the cache's empties the cache. The counter is bumped by triggers in the writer's own transaction, so
once any writer (POST /api/documents, `sitrep ingest` in another process, the merge) has committed,
the next request sees a new version and is answered from the database. The key is the checked filter
(sitrep.query.EventFilter), so two spellings of one query share an answer. Each worker process keeps
its own cache, bounded in bytes, least recently used first out. ``max_bytes`` 0 keeps nothing.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import Connection


class ResponseCache:
    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.version: int | None = None
        self.entries: OrderedDict[Hashable, bytes] = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0
        self.lock = threading.Lock()

    def get(self, version: int, key: Hashable) -> bytes | None:
        with self.lock:
            if self.version is None or version > self.version:  # the counter only goes up
                self.entries.clear()
                self.size, self.version = 0, version
            body = self.entries.get(key) if version == self.version else None
            if body is None:
                self.misses += 1
                return None
            self.entries.move_to_end(key)
            self.hits += 1
            return body

    def put(self, version: int, key: Hashable, body: bytes) -> None:
        if len(body) > self.max_bytes // 8:  # one huge page does not flush the rest
            return
        with self.lock:
            if version != self.version:  # the store changed while this answer was read: keep nothing
                return
            old = self.entries.pop(key, None)
            self.size += len(body) - (len(old) if old is not None else 0)
            self.entries[key] = body
            while self.size > self.max_bytes:
                _key, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped)


class PerVersion:
    """One value read from the store once per version of it (the longest span of a stored event's dates,
    which every ``since`` filter needs), instead of once per request. The version is the one the request
    read first; the value is read after it, so it reflects that version or a later one."""

    def __init__(self, read: Callable[[Connection], int]):
        self.read = read
        self.kept: tuple[int, int] | None = None  # (version, value): replaced whole, so threads share it

    def get(self, conn: Connection, version: int | None) -> int:
        kept = self.kept
        if kept is not None and version is not None and kept[0] == version:
            return kept[1]
        value = self.read(conn)
        if version is not None:
            self.kept = (version, value)
        return value


class VersionReader:
    """The store's version for the requests of one event loop, read once for many of them.

    A request joins the next read of the counter that has not yet been sent, or starts one; reads run one
    at a time, on a thread of their own (not the server's pool, where they would queue behind the pages
    being read). Every request that waits on a read arrived before the read was sent, so each sees every
    write committed before it arrived, while 25 requests arriving together cost one query instead of 25."""

    def __init__(self, read: Callable[[], int | None]):
        self.read = read
        self.loop: asyncio.AbstractEventLoop | None = None
        self.lock = asyncio.Lock()
        self.next: asyncio.Future[int | None] | None = None
        self.tasks: set[asyncio.Task[None]] = set()
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sitrep-version")

    async def version(self) -> int | None:
        loop = asyncio.get_running_loop()
        if loop is not self.loop:  # a new loop (a test client's): start afresh on it
            self.loop, self.lock, self.next = loop, asyncio.Lock(), None
        if self.next is None:
            self.next = loop.create_future()
            task = loop.create_task(self._run())
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        return await asyncio.shield(self.next)

    async def _run(self) -> None:
        async with self.lock:
            future, self.next = self.next, None  # who comes from now on waits for the following read
            assert future is not None
            try:
                value = await asyncio.get_running_loop().run_in_executor(self.thread, self.read)
            except Exception as exc:  # noqa: BLE001 - handed to every waiting request, which raises it
                future.set_exception(exc)
            else:
                future.set_result(value)

    def close(self) -> None:
        self.thread.shutdown(wait=False)
