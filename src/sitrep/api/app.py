"""The app: the store opened once, the API under /api, the page at /, one error shape, OpenAPI at
/openapi.json. No interactive docs page (it would load scripts from a CDN)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

import anyio
import orjson
from fastapi import Depends, FastAPI
from sqlalchemy import Engine

from ..query import DateIndexes, longest_span, open_reader, store_version
from ..settings import Settings, load_settings
from ..store.db import database_url
from ..version import __version__
from . import documents, errors, events, exports, guard, merged, page
from .cache import PerVersion, ResponseCache, VersionReader

# Connections per worker process: requests run on the server's thread pool (40 threads), each holding one
# connection for its queries; 10 kept open and up to 30 in all, so `--workers 3` stays under PostgreSQL's
# default 100 connections. A request that finds none free waits up to pool_timeout, then gets a 503. Each
# connection is checked before use (a round trip of well under a millisecond on loopback), so that after the
# database restarts, requests get new connections instead of failing on the dead ones kept in the pool.
POOL = {"pool_size": 10, "max_overflow": 20, "pool_timeout": 10, "pool_pre_ping": True}
CACHE_MB = 64  # answers kept per worker process (a page of 50 events is about 70 KB)
# Events' items kept per worker process for the pages of date windows (query/dateindex.py): an item is about
# 1.3 KB, so 256 MB holds every item of a store of about 150,000 events.
ITEMS_MB = 256
# Pages of events read from the database at once per worker process; more wait their turn on the event loop.
# Few, so that the threads reading pages do not starve the event loop of the interpreter lock: with 40, an
# answer from the cache waited 80 ms (p50) behind them; with 4, 12 ms, for more requests served in all
# (bench_serve, PostgreSQL, 2 workers: 40 → 299/s, 12 → 338/s, 6 → 335/s, 4 → 378/s, 2 → 324/s).
READERS = 4


def _engine_options(target: str) -> dict[str, Any]:
    """Pool sizes, and stored JSON records read with orjson (a page of 50 events is ~100 KB of it).

    On PostgreSQL, every query is planned for its own values (plan_cache_mode=force_custom_plan): the
    driver prepares a statement run five times, and the server then tends to switch to one generic plan
    for every value, which for a page of events can be a hundred times slower (a bounding box and a
    type: 3 ms planned for its values, 400 ms by the generic plan, a full walk of the primary key)."""
    options: dict[str, Any] = {**POOL, "json_deserializer": orjson.loads}
    if database_url(target).startswith("postgresql"):
        options["connect_args"] = {"options": "-c lock_timeout=60000 -c plan_cache_mode=force_custom_plan"}
    return options


def _autocommit(engine: Engine) -> Engine:
    """The engine (the same pool) with its connections in autocommit: a read of one or two statements then
    costs no BEGIN and no ROLLBACK, two round trips to PostgreSQL each (each statement sees what was
    committed before it, as it does at READ COMMITTED in a transaction; SQLite's driver begins none for
    reads either)."""
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def _version(engine: Engine) -> int | None:
    with engine.connect() as conn:
        return store_version(conn)


def create_app(target: str, settings: Settings | None = None, cache_mb: float = CACHE_MB,
               date_index: bool = True, items_mb: float = ITEMS_MB) -> FastAPI:
    """The app over the store at ``target`` (a SQLite file that must exist, or a database URL), keeping up
    to ``cache_mb`` megabytes of answers until the store changes (0: none), and pages of date windows read
    from the dates held in memory (``date_index``, query/dateindex.py) rather than from the database, with
    up to ``items_mb`` megabytes of events' items kept for them."""
    settings = settings or load_settings()
    engine = open_reader(target, **_engine_options(target))
    writer = documents.Writer(target, settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        _app.state.versions.close()
        writer.close()
        engine.dispose()

    app = FastAPI(title="sitrep", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Events read from news about wars and diplomacy, with the words behind every field. "
                  "Errors: {\"error\": {\"code\", \"message\", \"fix\"}}.")
    gazetteer = settings.gazetteer_file()
    app.state.engine, app.state.settings, app.state.writer = engine, settings, writer
    app.state.cache = ResponseCache(int(cache_mb * 1_000_000))
    app.state.pages = _autocommit(engine)  # GET /api/events: the page, and the longest span once per version
    app.state.spans = PerVersion(longest_span)
    app.state.dates = DateIndexes(item_mb=items_mb) if date_index else None
    app.state.versions = VersionReader(partial(_version, app.state.pages))
    app.state.readers = anyio.CapacityLimiter(READERS)
    app.state.gazetteer = gazetteer if gazetteer.is_file() else None
    errors.install(app)
    guard.install(app, settings)
    for router in (events.router, documents.router, merged.router, exports.router):
        app.include_router(router, prefix="/api", dependencies=[Depends(guard.require_read)])
    page.mount(app)
    return app
