"""What several commands share: the one-line error exit, the settings, the --published check, the inputs read as
documents, the merging store, and the event filters (checked by sitrep.query). The commands that live beside
their packages (sitrep batch, sitrep watch …) take these from here, not from sitrep.cli, which registers them."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .errors import ConfigError, SitrepError
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from .errors import InputError
    from .models import Document

F = TypeVar("F", bound=Callable[..., Any])


def fail(error: SitrepError) -> None:
    """One line on stderr; exit status 2 for a usage error (a bad value, a missing database), else 1."""
    click.echo(f"sitrep: error: {error}", err=True)
    sys.exit(2 if isinstance(error, ConfigError) else 1)


def settings_or_fail() -> Settings:
    """The settings, or the one-line error exit when they are wrong."""
    try:
        return load_settings()
    except SitrepError as exc:
        fail(exc)
        raise  # unreachable


def check_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Click callback for --published: an ISO date or a usage error."""
    if value is None:
        return None
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date such as 2020-01-10") from None
    return value


def read_documents(paths: tuple[str, ...], settings: Settings, published: str | None) -> Iterator[Document | InputError]:
    """Documents from files, folders or stdin; --published fills in a date where metadata gives none."""
    from .ingest import read_paths
    from .models import Document

    for item in read_paths(list(paths), settings, stdin=sys.stdin):
        if isinstance(item, Document) and published and not item.published:
            item = item.model_copy(update={"published": published, "published_source": "given"})
        yield item


def open_store(target: str, settings: Settings) -> Any:
    """The store, merging across articles as it stores (sitrep.merge.hooks)."""
    from .merge.hooks import open_store as merging_store

    return merging_store(target, settings)


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
