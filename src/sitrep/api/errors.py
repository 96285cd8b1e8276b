"""One JSON error shape for every failure: ``{"error": {"code", "message", "fix"}}`` with the HTTP status.

Library errors keep their code (E21x a bad filter value → 400, E5xx the store → 503); routing errors,
validation errors and anything unexpected get E6xx. No response ever carries a stack trace: an
unexpected error is logged on the server and answered with E600.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import ApiError, ConfigError, SitrepError, StoreError

log = logging.getLogger("sitrep.api")
HTTP_CODES = {404: ("E701", "no such resource", "see /openapi.json for the routes"),
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


def install(app: FastAPI) -> None:
    app.add_exception_handler(SitrepError, on_sitrep_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(Exception, on_unexpected)
