"""`sitrep actors`: list the shipped and learned actor knowledge, and correct learned entries.

    sitrep actors list [--learned | --shipped] [--name TEXT] [--db PATH]
    sitrep actors correct NAME [--country SYR] [--sectors GOV,MIL] [--title President] [--db PATH]
    sitrep actors forget NAME [--db PATH]
"""

from __future__ import annotations

import sys

import click
from sqlalchemy import create_engine

from ..output import FORMATS, default_format, table, write_json_items
from ..settings import load_settings
from .kb import ShippedKB
from .learned import LearnedKB

_DB_HELP = "Database holding learned actors (default: the `db` setting)."


def _learned(db: str | None) -> LearnedKB:
    from ..store.db import database_url

    return LearnedKB(create_engine(database_url(db or load_settings().db)))


def _line(source: str, name: str, country: str | None, sectors: tuple[str, ...], title: str | None,
          extra: str = "") -> str:
    return f"{source:<8} {name:<34} {country or '-':<8} {','.join(sectors) or '-':<10} {title or '-'}{extra}"


@click.group("actors")
def actors() -> None:
    """Actor knowledge: the shipped base and what articles taught."""


@actors.command("list")
@click.option("--learned", "which", flag_value="learned", help="Only learned entries.")
@click.option("--shipped", "which", flag_value="shipped", help="Only shipped entries.")
@click.option("--name", "contains", help="Only entries whose name contains this text.")
@click.option("--db", help=_DB_HELP)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: table on a terminal, jsonl otherwise).")
def list_command(which: str | None, contains: str | None, db: str | None, fmt: str | None) -> None:
    """List actor entries: source, name, country, sectors, title, and when each is valid or was seen."""
    rows: list[dict[str, object]] = []
    if which != "learned":
        rows += [{"source": "shipped", "name": e.name, "country": e.country, "sectors": list(e.sectors),
                  "title": e.title, "valid_from": e.valid_from, "valid_to": e.valid_to}
                 for e in ShippedKB().entries if not contains or contains.lower() in e.name.lower()]
    if which != "shipped":
        rows += [{"source": "learned", "name": le.name, "country": le.country, "sectors": list(le.sectors),
                  "title": le.title, "first_seen": le.first_seen, "last_seen": le.last_seen, "count": le.count,
                  "corrected": le.corrected} for le in _learned(db).list(contains)]
    fmt = fmt or default_format(sys.stdout)
    if fmt != "table":
        write_json_items(rows, fmt, sys.stdout)
        return
    table([_cells(r) for r in rows], ["source", "name", "country", "sectors", "title", "dates"], sys.stdout)


def _cells(row: dict[str, object]) -> list[str]:
    if row["source"] == "shipped":
        dates = f"{row['valid_from'] or ''}..{row['valid_to'] or ''}" if row["valid_from"] or row["valid_to"] else ""
    else:
        dates = f"seen {row['count']}x {row['first_seen']}..{row['last_seen']}"
        dates += " (corrected)" if row["corrected"] else ""
    sectors = ",".join(row["sectors"]) if isinstance(row["sectors"], list) else ""
    return [str(row["source"]), str(row["name"]), str(row["country"] or "-"), sectors or "-",
            str(row["title"] or "-"), dates]


@actors.command("correct")
@click.argument("name")
@click.option("--country", help="ISO alpha-3 country or IGO code, e.g. SYR.")
@click.option("--sectors", help="Comma-separated CAMEO sectors, e.g. GOV,MIL.")
@click.option("--title", help="Role or title, e.g. President.")
@click.option("--canonical", help="Canonical name to show.")
@click.option("--db", help=_DB_HELP)
def correct_command(name: str, country: str | None, sectors: str | None, title: str | None,
                    canonical: str | None, db: str | None) -> None:
    """Correct a learned entry; later articles will not overwrite it."""
    try:
        entry = _learned(db).correct(name, country=country.upper() if country else None,
                                     sectors=sectors.split(",") if sectors else None, title=title,
                                     canonical=canonical)
    except KeyError:
        raise click.ClickException(f"no learned actor named {name!r}; see `sitrep actors list --learned`") from None
    click.echo(_line("learned", entry.name, entry.country, entry.sectors, entry.title, " (corrected)"))


@actors.command("forget")
@click.argument("name")
@click.option("--db", help=_DB_HELP)
def forget_command(name: str, db: str | None) -> None:
    """Delete a learned entry."""
    if not _learned(db).forget(name):
        raise click.ClickException(f"no learned actor named {name!r}; see `sitrep actors list --learned`")
    click.echo(f"forgot {name}")
