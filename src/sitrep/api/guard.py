"""Who may read and write, and how much: bearer token, request size limit, CORS, and no NUL in a URL.

Writes need ``Authorization: Bearer <api_token>``, compared in constant time (hmac.compare_digest);
with no token set, writes are refused. Reads are open unless ``api_protect_reads`` is true. A body
larger than ``api_max_request_bytes`` gets 413 before it is read in full. CORS stays closed unless
``api_cors_origins`` names origins.
"""

from __future__ import annotations

import hmac
import json

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import ApiError, ConfigError
from ..settings import Settings


def _presented(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def check_token(request: Request, settings: Settings) -> None:
    token = _presented(request)
    if token is None:
        raise ApiError("this request needs a bearer token", "send the header Authorization: Bearer <api_token>",
                       code="E602", status=401)
    if not hmac.compare_digest(token.encode(), settings.api_token.encode()):
        raise ApiError("the bearer token is not the server's", "send the api_token the server was started with",
                       code="E602", status=401)


def refuse_nul(request: Request) -> None:
    """A NUL character in the path or a query value names nothing a store holds (PostgreSQL refuses it in
    text outright): one clear error, not a failure in the database."""
    if "\x00" in request.scope.get("path", "") or any("\x00" in k or "\x00" in v
                                                       for k, v in request.query_params.multi_items()):
        raise ApiError("the request's path or a query parameter holds a NUL character (%00)",
                       "remove the NUL (\\0) characters from the URL", code="E604", status=422)


async def require_read(request: Request) -> None:
    refuse_nul(request)
    settings: Settings = request.app.state.settings
    if settings.api_protect_reads:
        check_token(request, settings)


def require_write(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if not settings.api_token:
        raise ApiError("writes are disabled on this server", "start it with the setting api_token "
                       "(e.g. SITREP_API_TOKEN=...)", code="E603", status=403)
    check_token(request, settings)


class SizeLimit:
    """ASGI middleware: 413 for a body over the limit, by its Content-Length or as it streams in."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise ApiError(f"request body over {self.max_bytes} bytes", "send a smaller document or raise "
                               "api_max_request_bytes", code="E606", status=413)
            return message

        await self.app(scope, counted, send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"error": {"code": "E606", "message": f"request body over {self.max_bytes} bytes",
                                     "fix": "send a smaller document or raise api_max_request_bytes"}}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def install(app: FastAPI, settings: Settings) -> None:
    if settings.api_protect_reads and not settings.api_token:
        raise ConfigError("api_protect_reads is true but api_token is empty", "set api_token (SITREP_API_TOKEN)",
                          code="E230")
    origins = [o.strip() for o in settings.api_cors_origins.split(",") if o.strip()]
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(SizeLimit, max_bytes=settings.api_max_request_bytes)
