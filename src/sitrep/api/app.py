"""The app: the store opened once, the API under /api, the page at /, one error shape, OpenAPI at
/openapi.json. No interactive docs page (it would load scripts from a CDN)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import orjson
from fastapi import Depends, FastAPI

from ..query import open_reader
from ..settings import Settings, load_settings
from ..version import __version__
from . import documents, errors, events, exports, guard, merged, page

# Connections per worker process: requests run on the server's thread pool (40 threads), each holding one
# connection for its queries; 10 kept open and up to 30 in all, so `--workers 3` stays under PostgreSQL's
# default 100 connections. A request that finds none free waits up to pool_timeout, then gets a 503.
POOL = {"pool_size": 10, "max_overflow": 20, "pool_timeout": 10}


def _engine_options(target: str) -> dict[str, Any]:
    """Pool sizes, and stored JSON records read with orjson (a page of 50 events is ~100 KB of it)."""
    return {**POOL, "json_deserializer": orjson.loads}


def create_app(target: str, settings: Settings | None = None) -> FastAPI:
    """The app over the store at ``target`` (a SQLite file that must exist, or a database URL)."""
    settings = settings or load_settings()
    engine = open_reader(target, **_engine_options(target))
    writer = documents.Writer(target, settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        writer.close()
        engine.dispose()

    app = FastAPI(title="sitrep", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Events read from news about wars and diplomacy, with the words behind every field. "
                  "Errors: {\"error\": {\"code\", \"message\", \"fix\"}}.")
    gazetteer = settings.gazetteer_file()
    app.state.engine, app.state.settings, app.state.writer = engine, settings, writer
    app.state.gazetteer = gazetteer if gazetteer.is_file() else None
    errors.install(app)
    guard.install(app, settings)
    for router in (events.router, documents.router, merged.router, exports.router):
        app.include_router(router, prefix="/api", dependencies=[Depends(guard.require_read)])
    page.mount(app)
    return app
