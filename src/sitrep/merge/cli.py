"""`sitrep event ID`, `sitrep ceasefires`, `sitrep figures`: the merged records from the command line.

Thin commands over queries.py; the main CLI registers them with ``cli.add_command(...)`` (see
:data:`COMMANDS`). Library errors become one-line click errors.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

import click
from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from .. import output
from ..errors import ConfigError, SitrepError, StoreError
from .queries import get_event, list_ceasefires, list_figures

FORMATS = click.Choice(["table", "json", "jsonl"])


def _read(db: str | None, fetch: Callable[[Connection], Any]) -> Any:
    from ..settings import load_settings

    try:
        return read_store(db or load_settings().db, fetch)
    except SitrepError as exc:
        raise (UsageFailure if isinstance(exc, ConfigError) else click.ClickException)(str(exc)) from None


class UsageFailure(click.ClickException):
    """A usage error (e.g. a database that does not exist): exit status 2."""

    exit_code = 2


def read_store(target: str, fetch: Callable[[Connection], Any]) -> Any:
    """Run ``fetch`` on a connection to the store; StoreError (E504) when the database cannot be read."""
    from ..query.source import sqlite_path
    from ..store.db import open_engine

    path = sqlite_path(target)
    if path is not None and not path.is_file():  # never create an empty database on a mistyped path
        raise ConfigError(f"no database at {target!r}", f"check the path, or create it with `sitrep ingest FILES "
                          f"--db {target}`", code="E220")
    try:
        engine = open_engine(target)
        try:
            with engine.connect() as conn:
                return fetch(conn)
        finally:
            engine.dispose()
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read merged records from {target!r}: {str(exc).splitlines()[0]}",
                         "run `sitrep ingest` on this database first", code="E504") from None


def table(rows: Iterable[dict[str, Any]], columns: list[str]) -> str:
    """A plain aligned text table of the given columns (the same layout as `sitrep events`)."""
    cells = [["" if r.get(c) is None else str(r.get(c)) for c in columns] for r in rows]
    out = io.StringIO()
    output.table(cells, columns, out, last_flexible=False)
    return out.getvalue().rstrip("\n")


def _emit(items: list[dict[str, Any]], fmt: str, columns: list[str]) -> None:
    if fmt in ("json", "jsonl"):
        output.write_json_items(items, fmt, sys.stdout)
    else:
        click.echo(table(items, columns) if items else "(none)")


def claim_rows(event: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per claimed value and source; disputed attributes marked, values side by side."""
    rows = []
    for name, attr in event["claims"].items():
        label = f"{name} (DISPUTED)" if attr.get("disputed") else name
        for value in attr["values"]:
            chosen = "*" if value["value"] == attr.get("value") else ""
            for src in value["sources"]:
                rows.append({"attribute": label, "value": f"{chosen}{value['value']}",
                             "said by": src["attributed_to"], "outlet": src["outlet"],
                             "document": src["document_id"], "words": src["quote"]})
    return rows


def render_event(event: dict[str, Any]) -> str:
    """The table view of `sitrep event ID`."""
    head = (f"event {event['id']}  {event['kind']}  {event['place_name'] or '?'} ({event['country'] or '?'})  "
            f"{event['date_value'] or '?'}  {event['source_count']} source(s), {event['mention_count']} report(s), "
            f"first reported {event['first_reported'] or '?'}")
    parts = [head, "", "sources", table(event["mentions"], ["published", "outlet", "document_id", "attributed_to",
                                                              "score", "url"])]
    if event["copies"]:
        parts += ["", "copies", table(event["copies"], ["published", "outlet", "document_id", "copy_of", "url"])]
    parts += ["", "claims (* = canonical value)", table(claim_rows(event), ["attribute", "value", "said by",
                                                                           "outlet", "document", "words"])]
    if event["ceasefire"]:
        cf = event["ceasefire"]
        parts += ["", f"ceasefire: {cf['status']}; parties {', '.join(cf['parties'])}; area {cf['area']}; "
                      f"announced {cf['announced']}; start {cf['start']}"]
        parts += ["violations", table(event["violations"], ["event_id", "certainty", "reasons"])]
    if event["violates"]:
        parts += ["", "reported violation of", table(event["violates"], ["ceasefire_id", "certainty", "reasons"])]
    return "\n".join(parts)


@click.command("event")
@click.argument("event_id")
@click.option("--db", default=None, help="Database file or URL (default: the `db` setting).")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def event_command(event_id: str, db: str | None, fmt: str) -> None:
    """Show a canonical event with its sources and every claim, disputed ones side by side."""
    event = _read(db, lambda conn: get_event(conn, event_id))
    if event is None:
        raise click.ClickException(f"[E505] no merged event {event_id!r} (list events with `sitrep ceasefires` "
                                   "or `sitrep events`)")
    if fmt == "table":
        click.echo(render_event(event))
    else:
        click.echo(json.dumps(event, ensure_ascii=False, indent=2 if fmt == "json" else None))


@click.command("ceasefires")
@click.option("--place", default=None, help="Area name (substring) or ISO country code.")
@click.option("--since", default=None, help="ISO date: ceasefires announced or started since.")
@click.option("--db", default=None, help="Database file or URL (default: the `db` setting).")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def ceasefires_command(place: str | None, since: str | None, db: str | None, fmt: str) -> None:
    """List ceasefires with their parties, area, start, status and number of reported violations."""
    items = _read(db, lambda conn: list_ceasefires(conn, place, since))
    for item in items:
        item["parties"] = ", ".join(item["parties"]) if fmt == "table" else item["parties"]
    _emit(items, fmt, ["id", "status", "area", "country", "parties", "announced", "start", "violations",
                       "source_count"])


@click.command("figures")
@click.option("--place", default=None, help="Place name (substring) or ISO country code.")
@click.option("--kind", default=None, type=click.Choice(["fatalities", "injured", "casualties", "displaced",
                                                          "refugees", "in_need", "population"]))
@click.option("--db", default=None, help="Database file or URL (default: the `db` setting).")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def figures_command(place: str | None, kind: str | None, db: str | None, fmt: str) -> None:
    """Numbers of people killed, injured, displaced, refugees or in need, per place and date, with sources."""
    items = _read(db, lambda conn: list_figures(conn, place, kind))
    _emit(items, fmt, ["place", "date", "kind", "best", "low", "high", "outlet", "attributed_to", "quote",
                       "event_id"])


COMMANDS = (event_command, ceasefires_command, figures_command)

# The names the main CLI looks up (`sitrep event`, `sitrep ceasefires`, `sitrep figures`).
event, ceasefires, figures = event_command, ceasefires_command, figures_command
