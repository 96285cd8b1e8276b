"""What several commands share: the one-line error exit, and the event filters (checked by sitrep.query)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from .errors import ConfigError, SitrepError

F = TypeVar("F", bound=Callable[..., Any])


def fail(error: SitrepError) -> None:
    """One line on stderr; exit status 2 for a usage error (a bad value, a missing database), else 1."""
    click.echo(f"sitrep: error: {error}", err=True)
    sys.exit(2 if isinstance(error, ConfigError) else 1)


def filter_options(func: F) -> F:
    """The event filters, shared by `sitrep events` and `sitrep export` (checked by sitrep.query)."""
    options = [
        click.option("--db", default=None, help="SQLite file or database URL (default: setting `db`, sitrep.db)."),
        click.option("--type", "type_", help="PLOVER type (ASSAULT), CAMEO code or root (19, 0871), ACLED type or "
                     "sub-type (Battles, Air/drone strike) or category; several separated by commas."),
        click.option("--since", help="Only events on or after this ISO date."),
        click.option("--until", help="Only events on or before this ISO date."),
        click.option("--place", help="Place name in any spelling (a province or country finds the events in it), "
                     "or a GeoNames id."),
        click.option("--country", help="Country: ISO code (SY, SYR) or English name."),
        click.option("--bbox", help="Bounding box west,south,east,north in degrees."),
        click.option("--actor", help="Actor name or code (part of it)."),
        click.option("--modality", help="asserted, planned, threatened, requested, denied, conditional, negated."),
        click.option("--min-sources", help="Only events that at least this many sources report."),
        click.option("--text", help="Words in the evidence."),
        click.option("--sort", help="date (default), -date, sources, -sources."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def parsed_filter(values: dict[str, Any], limit: int | None, offset: int = 0) -> Any:
    from .query import parse_filter

    return parse_filter(since=values["since"], until=values["until"], bbox=values["bbox"], place=values["place"],
                        country=values["country"], type=values["type_"], actor=values["actor"],
                        modality=values["modality"], min_sources=values["min_sources"], text=values["text"],
                        sort=values["sort"], limit=limit, offset=offset)
