"""One JSON error shape for every failure: ``{"error": {"code", "message", "fix"}}`` with the HTTP status.

Library errors keep their code (E21x a bad filter value → 400, E5xx the store → 503); a database that
cannot be reached (stopped, restarting, every connection busy) is a 503 with E504 and a Retry-After, never
a 500: the server keeps running and answers again once the database is back. Routing errors, validation
errors and anything unexpected get E6xx. No response ever carries a stack trace: an
unexpected error is logged on the server and answered with E600.
"""

from __future__ import annotations

import logging
import sqlite3
import time

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException

from ..errors import ApiError, ConfigError, SitrepError, StoreError

log = logging.getLogger("sitrep.api")
HTTP_CODES = {404: ("E601", "no such resource", "see /openapi.json for the routes"),
              405: ("E605", "method not allowed here", "see /openapi.json for the methods of each route")}


def error_response(status: int, code: str, message: str, fix: str | None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "fix": fix}}, status_code=status)


def _status(exc: SitrepError) -> int:
    if isinstance(exc, ApiError):
        return exc.status
    if isinstance(exc, ConfigError):
        return 400
    return 503 if isinstance(exc, StoreError) else 422


async def on_sitrep_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, SitrepError)
    return error_response(_status(exc), exc.code, exc.message, exc.fix)


async def on_http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code, message, fix = HTTP_CODES.get(exc.status_code, ("E600", str(exc.detail), None))
    return error_response(exc.status_code, code, message if exc.status_code in HTTP_CODES else str(exc.detail), fix)


async def on_validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "request"
    return error_response(422, "E604", f"{where}: {first.get('msg', 'invalid request')}",
                          "see the route's schema in /openapi.json")


async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error serving %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "E600", "internal error; it was logged on the server",
                          "try again; if it persists, report it with the time of the request")


RETRY_AFTER = "2"  # seconds; a restarting PostgreSQL is usually back within a few
SQLITE_UNAVAILABLE = ("locked", "unable to open", "disk I/O")
LOG_EVERY = 10.0  # seconds between two warnings of one outage: not one line per refused request


class Outage:
    """Refused requests counted between warnings, so that a stopped database under load logs a line every
    LOG_EVERY seconds (with the count) rather than thousands."""

    def __init__(self) -> None:
        self.logged_at: float | None = None
        self.refused = 0

    def note(self, what: str, reason: str) -> None:
        self.refused += 1
        now = time.monotonic()
        if self.logged_at is None or now - self.logged_at >= LOG_EVERY:
            log.warning("the database is unavailable (%d request(s) refused with 503 since the last warning; "
                        "latest %s): %s", self.refused, what, reason)
            self.logged_at, self.refused = now, 0


def unavailable(exc: Exception) -> bool:
    """The database could not be reached or was lost mid-query, as opposed to a query's own error (a bug)."""
    if isinstance(exc, PoolTimeout):
        return True
    if isinstance(exc, DBAPIError) and isinstance(exc.orig, sqlite3.Error):  # SQLite says "operational" of a
        return any(w in str(exc.orig) for w in SQLITE_UNAVAILABLE)  # missing table too: that one is a bug
    return isinstance(exc, (OperationalError, InterfaceError)) or (
        isinstance(exc, DBAPIError) and exc.connection_invalidated)


async def on_database_error(request: Request, exc: Exception) -> JSONResponse:
    if not unavailable(exc):
        return await on_unexpected(request, exc)
    reason = " ".join(str(getattr(exc, "orig", None) or exc).split())[:200]
    outage: Outage = request.app.state.outage
    outage.note(f"{request.method} {request.url.path}", reason)
    response = error_response(503, "E504", "the database cannot be reached just now",
                              "try again in a few seconds; if it persists, check that the database server is running")
    response.headers["Retry-After"] = RETRY_AFTER
    return response


def install(app: FastAPI) -> None:
    app.add_exception_handler(SitrepError, on_sitrep_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.state.outage = Outage()
    app.add_exception_handler(DBAPIError, on_database_error)
    app.add_exception_handler(PoolTimeout, on_database_error)
    app.add_exception_handler(Exception, on_unexpected)
