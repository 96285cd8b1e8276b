"""The `sitrep` command: thin commands over the library.

Records go to stdout; progress and messages to stderr. Exit status: 0 all went well, 1 some
document (or the run) failed, 2 a usage error. Library errors become one line.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, TypeVar

import click

from . import __version__
from .cli_common import fail, filter_options, parsed_filter
from .errors import InputError, SitrepError
from .models import Document, DocumentRecord
from .output import (
    FORMATS,
    SUMMARY_HEADERS,
    default_format,
    record_table,
    summary_row,
    table,
    write_json_items,
)
from .settings import Settings, load_settings

F = TypeVar("F", bound=Callable[..., Any])


def _settings() -> Settings:
    try:
        return load_settings()
    except SitrepError as exc:
        fail(exc)
        raise  # unreachable


def format_option(func: F) -> F:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                        help="Output format (default: table on a terminal, jsonl otherwise).")(func)


def _check_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO date such as 2020-01-10") from None
    return value


class Progress:
    """A one-line counter on stderr, shown only when stderr is a terminal."""

    def __init__(self, verb: str):
        self.verb, self.done, self.failed = verb, 0, 0
        self.live = sys.stderr.isatty()

    def tick(self, ok: bool) -> None:
        self.done += 1
        self.failed += 0 if ok else 1
        if self.live:
            click.echo(f"\r{self.verb} {self.done} documents ({self.failed} failed)", err=True, nl=False)

    def close(self) -> None:
        if self.live:
            click.echo("", err=True)


def read_documents(paths: tuple[str, ...], settings: Settings, published: str | None) -> Iterator[Document | InputError]:
    """Documents from files, folders or stdin; --published fills in a date where metadata gives none."""
    from .ingest import read_paths

    for item in read_paths(list(paths), settings, stdin=sys.stdin):
        if isinstance(item, Document) and published and not item.published:
            item = item.model_copy(update={"published": published, "published_source": "given"})
        yield item


def analysed(paths: tuple[str, ...], settings: Settings, published: str | None, verb: str,
             learned: Any = None) -> Iterator[tuple[Document, DocumentRecord]]:
    """Run the pipeline over every document, `batch_size` at a time (spaCy parses them together);
    report bad ones on stderr and keep going."""
    from .pipeline import Pipeline, chunked

    pipeline = Pipeline(settings, learned=learned)
    progress = Progress(verb)
    for chunk in chunked(read_documents(paths, settings, published), settings.batch_size):
        results = iter(pipeline.analyze_many([item for item in chunk if isinstance(item, Document)]))
        for item in chunk:
            result = item if isinstance(item, SitrepError) else next(results)
            if isinstance(result, SitrepError):
                _failed(f"{'skipped' if isinstance(item, SitrepError) else 'failed'} {result}")
                progress.tick(False)
                continue
            assert isinstance(item, Document)
            yield item, result.record()
            progress.tick(True)
    progress.close()


def _failed(line: str) -> None:
    click.echo(f"sitrep: {line}", err=True)
    ctx = click.get_current_context()
    ctx.meta["failed"] = ctx.meta.get("failed", 0) + 1


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
def cli() -> None:
    """sitrep: news about wars and diplomacy in, event records with their evidence out."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_check_date, help="Publication date for documents whose metadata has none.")
@format_option
def analyze(paths: tuple[str, ...], published: str | None, fmt: str | None) -> None:
    """Analyse files, folders or `-` (JSON Lines on stdin); print one record per document."""
    settings = _settings()
    fmt = fmt or default_format(sys.stdout)
    try:
        records = (rec for _doc, rec in analysed(paths, settings, published, "analysed"))
        if fmt == "table":
            record_table(records, sys.stdout)
        else:
            write_json_items((r.model_dump(mode="json") for r in records), fmt, sys.stdout)
    except SitrepError as exc:
        fail(exc)
    sys.exit(1 if click.get_current_context().meta.get("failed") else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help="SQLite file or database URL (default: setting `db`, sitrep.db).")
@click.option("--published", callback=_check_date, help="Publication date for documents whose metadata has none.")
def ingest(paths: tuple[str, ...], db: str | None, published: str | None) -> None:
    """Analyse documents and store them with their events (the same content is stored once)."""
    from .actors.learned import LearnedKB

    settings = _settings()
    ctx = click.get_current_context()
    stored = duplicates = events = 0
    try:
        store = open_store(db or settings.db, settings)
        learned = LearnedKB(store.engine) if settings.learn_actors else None
        for doc, record in analysed(paths, settings, published, "stored", learned):
            try:
                outcome = store.save(doc, record)
            except SitrepError as exc:
                click.echo(f"sitrep: not stored: {exc}", err=True)
                ctx.meta["failed"] = ctx.meta.get("failed", 0) + 1
                continue
            stored += outcome.stored
            duplicates += not outcome.stored
            events += outcome.events if outcome.stored else 0
    except SitrepError as exc:
        fail(exc)
    failed = ctx.meta.get("failed", 0)
    click.echo(f"sitrep: {stored} documents stored, {duplicates} already stored, {failed} failed; "
               f"{events} events added to {db or settings.db}", err=True)
    sys.exit(1 if failed else 0)


def open_store(target: str, settings: Settings) -> Any:
    from .store import Store

    return Store(target, after_save=after_save_hooks(settings))


def after_save_hooks(settings: Settings) -> list[Any]:
    """What runs inside each document's transaction after it is stored: cross-article merging."""
    from .merge.incremental import merge_after_save
    from .store.links import link_merged_events

    return [merge_after_save, link_merged_events]


@cli.command()
@filter_options
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many events first.")
@format_option
def events(limit: int | None, offset: int, fmt: str | None, **values: Any) -> None:
    """List stored events, filtered: names of the actors, the merged-event id `sitrep event` takes."""
    from .query import list_events, open_reader

    settings = _settings()
    fmt = fmt or default_format(sys.stdout)
    target = values.pop("db") or settings.db
    try:
        query = parsed_filter(values, limit, offset)
        engine = open_reader(target)
        with engine.connect() as conn:
            found = list_events(conn, query, settings.gazetteer_file()).items
        engine.dispose()
    except SitrepError as exc:
        fail(exc)
    if fmt == "table":
        table([summary_row(item) for item in found], SUMMARY_HEADERS, sys.stdout)
        click.echo(f"{len(found)} events", err=True)
        return
    write_json_items(found, fmt, sys.stdout)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the record `sitrep analyze` writes."""
    click.echo(json.dumps(DocumentRecord.model_json_schema(), indent=2))


def _register_extensions() -> None:
    """Commands that live beside the parts they serve (eval, gazetteer, actors, merging)."""
    from .actors.cli import actors
    from .api.cli import serve
    from .batch.cli import batch
    from .eval.cli import eval_command
    from .exports.cli import export
    from .geo.cli import gazetteer
    from .ingest.cli import watch
    from .merge.cli import ceasefires, event, figures

    for command in (eval_command, gazetteer, actors, event, ceasefires, figures, serve, export, batch, watch):
        cli.add_command(command)


def main() -> None:
    _register_extensions()
    try:
        cli(standalone_mode=True)
    except SitrepError as exc:
        fail(exc)
