"""The page: one HTML file and its built assets (sitrep/web/static), served by the same app.

Everything it loads comes from this server: no CDN, no tile server; the basemap is country outlines
built into the assets (docs/web.md says how to rebuild them).
"""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from ..errors import ResourceError

router = APIRouter(include_in_schema=False)
WEB = resources.files("sitrep") / "web"
# The page may load only what this server serves; inline styles are Leaflet's own positioning.
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def _index() -> str:
    page = WEB / "static" / "index.html"
    if not page.is_file():
        raise ResourceError("the page's built assets are missing from the package",
                            "rebuild them with `make web` (needs Node) or reinstall sitrep", code="E310")
    return page.read_text("utf-8")


@router.get("/", response_class=HTMLResponse)
def index() -> HTMLResponse:
    return HTMLResponse(_index(), headers={"Content-Security-Policy": CSP, "Cache-Control": "no-cache"})


def mount(app: FastAPI) -> None:
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")
