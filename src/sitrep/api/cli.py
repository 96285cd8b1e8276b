"""`sitrep serve --db sitrep.db [--host 127.0.0.1] [--port 8000]`: the API and the page under uvicorn."""

from __future__ import annotations

import click

from ..cli_common import fail
from ..errors import SitrepError


@click.command("serve")
@click.option("--db", default=None, help="SQLite file (must exist) or database URL (default: setting `db`).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 16),
              help="Processes serving requests (more use more cores).")
@click.option("--cache-mb", default=64.0, show_default=True, type=click.FloatRange(0, 100_000),
              help="Megabytes of answers each process keeps until the store changes (0: none).")
@click.option("--date-index/--no-date-index", default=True, show_default=True,
              help="Read pages of date windows from the stored dates held in memory by each process (about "
              "30 bytes an event), not from the database.")
@click.option("--items-mb", default=256.0, show_default=True, type=click.FloatRange(0, 100_000),
              help="Megabytes of events' items each process keeps for those pages (an event's is about 1.3 KB).")
def serve(db: str | None, host: str, port: int, workers: int, cache_mb: float, date_index: bool,
          items_mb: float) -> None:
    """Serve the HTTP API (/api/…, /openapi.json) and the page (/) over a store."""
    import uvicorn

    from ..settings import load_settings
    from .app import create_app

    try:
        settings = load_settings()
        target = db or settings.db
        create_app(target, settings, cache_mb, date_index, items_mb)  # fails here, with one line, on a missing database or a bad setting
    except SitrepError as exc:
        fail(exc)
    click.echo(f"sitrep: serving {target} on http://{host}:{port}/ (API under /api, OpenAPI at /openapi.json)",
               err=True)
    if workers == 1:
        from .workers import tune_collector

        app = create_app(target, settings, cache_mb, date_index, items_mb)
        tune_collector()
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    import os

    from .workers import serve_workers

    os.environ["SITREP_SERVE_DB"], os.environ["SITREP_SERVE_CACHE_MB"] = target, str(cache_mb)
    os.environ["SITREP_SERVE_DATE_INDEX"] = "1" if date_index else "0"
    os.environ["SITREP_SERVE_ITEMS_MB"] = str(items_mb)
    try:
        status = serve_workers(host, port, workers)  # a socket of its own per worker (api/workers.py)
    except SitrepError as exc:
        fail(exc)
    raise SystemExit(status)
