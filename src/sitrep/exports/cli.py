"""`sitrep export csv|geojson|parquet [filters] [--out FILE]`: the filtered events in a file for pandas,
QGIS or Arrow; the same filters and rows as `sitrep events` and GET /export/events.{csv,geojson,parquet}."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..cli_common import fail, filter_options, parsed_filter
from ..errors import SitrepError
from .writers import FORMATS, write_csv, write_geojson, write_parquet


def _write(fmt: str, items: Any, out: str | None) -> None:
    if fmt == "parquet":
        write_parquet(items, out or sys.stdout.buffer)
        return
    stream = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        (write_csv if fmt == "csv" else write_geojson)(items, stream)
    finally:
        if out:
            stream.close()


def _export(fmt: str, out: str | None, limit: int | None, values: dict[str, Any]) -> None:
    from ..query import iter_events, open_reader
    from ..settings import load_settings

    settings = load_settings()
    target = values.pop("db") or settings.db
    query = parsed_filter(values, limit)
    engine = open_reader(target)
    partial = Path(out + ".part") if out else None
    try:
        with engine.connect() as conn:
            _write(fmt, iter_events(conn, query, settings.gazetteer_file()), str(partial) if partial else None)
        if partial and out:
            partial.replace(out)  # a failed export leaves no half-written file under the name asked for
    finally:
        engine.dispose()
        if partial:
            partial.unlink(missing_ok=True)


@click.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMATS))
@filter_options
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--out", "-o", default=None, help="File to write (default: stdout).")
def export(fmt: str, out: str | None, limit: int | None, **values: Any) -> None:
    """Write the filtered events as CSV (ACLED's column names), GeoJSON or Parquet."""
    try:
        _export(fmt, out, limit, values)
    except SitrepError as exc:
        fail(exc)
    if out:
        click.echo(f"sitrep: wrote {out}", err=True)
