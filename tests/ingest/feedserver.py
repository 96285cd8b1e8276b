"""A local HTTP server on 127.0.0.1 serving fixture feeds and pages, for `sitrep watch` tests.

Routes are set per test: path → Route(status, body, content type, ETag, delay). A request whose
If-None-Match equals the route's ETag gets 304. Every request is logged (path, headers, time).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes | str = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    delay: float = 0.0


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [h.path for h in self.hits]

    def start(self) -> FeedServer:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                owner.hits.append(Hit(self.path, dict(self.headers), time.monotonic()))
                route = owner.routes.get(self.path, Route("not here", status=404, content_type="text/plain"))
                time.sleep(route.delay)
                body = route.body.encode("utf-8") if isinstance(route.body, str) else route.body
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(body)))
                if route.etag:
                    self.send_header("ETag", route.etag)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def rss(items: list[tuple[str, str, str]], title: str = "Test Wire") -> str:
    """An RSS 2.0 feed of (guid, link, description) items."""
    body = "".join(f"<item><title>Item {guid}</title><link>{link}</link><guid>{guid}</guid>"
                   f"<pubDate>Mon, 06 May 2024 09:00:00 +0000</pubDate><description>{text}</description></item>"
                   for guid, link, text in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{body}</channel></rss>'


def page(headline: str, *paragraphs: str) -> str:
    """An HTML article page."""
    ps = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
            f"{ps}</article></body></html>")
