"""`sitrep actors`: list the shipped and learned actor knowledge, and correct learned entries.

    sitrep actors list [--learned | --shipped] [--name TEXT] [--db PATH]
    sitrep actors correct NAME [--country SYR] [--sectors GOV,MIL] [--title President] [--db PATH]
    sitrep actors forget NAME [--db PATH]
"""

from __future__ import annotations

import click
from sqlalchemy import create_engine

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
def list_command(which: str | None, contains: str | None, db: str | None) -> None:
    """List actor entries: source, name, country, sectors, title (and dates seen for learned ones)."""
    if which != "learned":
        for e in ShippedKB().entries:
            if not contains or contains.lower() in e.name.lower():
                dates = f"  {e.valid_from or ''}..{e.valid_to or ''}" if e.valid_from or e.valid_to else ""
                click.echo(_line("shipped", e.name, e.country, e.sectors, e.title, dates))
    if which != "shipped":
        for le in _learned(db).list(contains):
            mark = " (corrected)" if le.corrected else ""
            extra = f"  seen {le.count}x {le.first_seen}..{le.last_seen}{mark}"
            click.echo(_line("learned", le.name, le.country, le.sectors, le.title, extra))


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
