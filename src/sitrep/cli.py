"""The `sitrep` command: thin commands over the library.

Records go to stdout; progress and messages to stderr. Exit status: 0 all went well, 1 some
document (or the run) failed, 2 a usage error. Library errors become one line.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import click
from rich.progress import TextColumn

from .cli_common import (
    check_date,
    fail,
    filter_options,
    open_store,
    parsed_filter,
    read_documents,
    settings_or_fail,
)
from .errors import SitrepError
from .logs import configure_logging
from .models import DocumentRecord
from .output import (
    FORMATS,
    SUMMARY_HEADERS,
    default_format,
    record_table,
    summary_row,
    table,
    write_json_items,
)
from .progress import make_progress, shown
from .settings import Settings
from .version import __version__

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("sitrep")


def format_option(func: F) -> F:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
                        help="Output format (default: table on a terminal, jsonl otherwise).")(func)


class Progress:
    """Documents done, failed, per second and (when the inputs say how many) time left, on stderr while
    a person watches (see sitrep.progress); silent otherwise."""

    def __init__(self, verb: str, total: int | None):
        self.bar = make_progress(TextColumn("{task.fields[failed]} failed")) if shown() else None
        self.failed = 0
        if self.bar is not None:
            self.task = self.bar.add_task(verb, total=total, unit="documents", failed=0)
            self.bar.start()

    def tick(self, ok: bool) -> None:
        self.failed += 0 if ok else 1
        if self.bar is not None:
            self.bar.update(self.task, advance=1, failed=self.failed)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def count_documents(paths: list[str]) -> int | None:
    """How many documents the inputs hold, when that is cheap to tell (for time left); else None."""
    from .ingest import count_documents as count

    return count(paths)


def _report(message: str) -> None:
    click.echo(f"{chr(13) if sys.stderr.isatty() else ''}sitrep: {message}", err=True)


def _summarise(line: str) -> None:
    """The run's last line (what was stored, skipped, failed), unless `-q` asked for errors only."""
    if logging.getLogger("sitrep").isEnabledFor(logging.INFO):
        click.echo(f"sitrep: {line}", err=True)


def _counted(items: Iterable[Any], progress: Progress, tally: Any) -> Iterator[Any]:
    """The items, ticking the progress line after each with the tally's failures so far."""
    for item in items:
        before = tally.failed
        yield item
        progress.tick(tally.failed == before)
    progress.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="sitrep")
@click.option("-v", "--verbose", count=True, help="Say more on stderr: what each step does, stage timings per document.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr: no progress, no notes.")
def cli(verbose: int, quiet: bool) -> None:
    """sitrep: news about wars and diplomacy in, event records with their evidence out."""
    configure_logging(verbose, quiet)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=check_date, help="Publication date for documents whose metadata has none.")
@click.option("--explain", is_flag=True, help="For each event and place, print every field with the rule that set it.")
@format_option
def analyze(paths: tuple[str, ...], published: str | None, explain: bool, fmt: str | None) -> None:
    """Analyse files, folders or `-` (JSON Lines on stdin); print one record per document."""
    from .accounting import Analyse
    from .pipeline import Pipeline

    settings = settings_or_fail()
    fmt = fmt or default_format(sys.stdout)
    try:
        run = Analyse(Pipeline(settings), _report)
        total = count_documents(list(paths)) if shown() else None
        items = _counted(read_documents(paths, settings, published), Progress("analysed", total), run.tally)
        records = run.records(items)
        if explain:
            from .explain import write_explanations

            write_explanations(records, sys.stdout)
        elif fmt == "table":
            record_table(records, sys.stdout)
        else:
            write_json_items((r.model_dump(mode="json") for r in records), fmt, sys.stdout)
    except SitrepError as exc:
        fail(exc)
    _warn_weak_published(run.tally, settings)
    _summarise(run.tally.summary("analysed"))
    sys.exit(1 if run.tally.failed else 0)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help="SQLite file or database URL (default: setting `db`, sitrep.db).")
@click.option("--published", callback=check_date, help="Publication date for documents whose metadata has none.")
def ingest(paths: tuple[str, ...], db: str | None, published: str | None) -> None:
    """Analyse documents and store them with their events (the same content is stored once).

    Every document ends stored, skipped (already stored, a duplicate, another language) or failed (kept
    with its reason for `sitrep retry`); the last line counts each. Exit status 1 when any failed."""
    settings = settings_or_fail()
    try:
        run = _ingest_run(db or settings.db, settings)
        total = count_documents(list(paths)) if shown() else None
        for item in _counted(read_documents(paths, settings, published), Progress("read", total), run.tally):
            run.take(item)
        run.finish()
    except SitrepError as exc:
        fail(exc)
    _close_run(run, db or settings.db)


@cli.command()
@click.option("--db", default=None, help="SQLite file or database URL (default: setting `db`, sitrep.db).")
def retry(db: str | None) -> None:
    """Try every failed document again (after a fix, or with a larger time_budget).

    A document that was read is analysed again from the copy kept with its failure; an input that could
    not be read is read again from its file. What succeeds leaves the failed list."""
    from .models import Document as Doc

    settings = settings_or_fail()
    try:
        run = _ingest_run(db or settings.db, settings)
        for failure in run.store.failures():
            before = set(run.failed_keys)
            if failure.key.startswith("merge:"):  # stored already; merged again by run.finish()
                run.store.unmark_merged(failure.key.removeprefix("merge:"))
                continue
            if failure.document:
                try:
                    document = Doc.model_validate(failure.document)
                except ValueError as exc:  # kept by another version of sitrep
                    _report(f"cannot retry {failure.name}: its kept copy does not read as a document ({exc})")
                    run.tally.failed += 1
                    continue
                run.take(document)
            elif failure.path:
                for item in read_documents((failure.path,), settings, None):
                    run.take(item)
            else:
                _report(f"cannot retry {failure.name}: no copy kept and no file to read again ({failure.reason})")
                run.tally.failed += 1
                continue
            if failure.key not in run.failed_keys - before:
                run.store.forget_failure(failure.key)
        run.finish()
    except SitrepError as exc:
        fail(exc)
    _close_run(run, db or settings.db)


def _ingest_run(target: str, settings: Settings) -> Any:
    from .accounting import Ingest
    from .actors.learned import LearnedKB
    from .pipeline import Pipeline

    store = open_store(target, settings)
    learned = LearnedKB(store.writer) if settings.learn_actors else None
    return Ingest(Pipeline(settings, learned=learned), store, _report)


def _warn_weak_published(tally: Any, settings: Settings) -> None:
    """Once per run: how many documents had only a publication date too unsure to date events by."""
    line = tally.warning(settings.published_min_confidence)
    if line is not None:
        _report(line)


def _close_run(run: Any, target: str) -> None:
    tally = run.tally
    _warn_weak_published(tally, run.pipeline.settings)
    _summarise(f"{tally.summary('stored')}; {tally.events} events added to {target}")
    sys.exit(1 if tally.failed else 0)


@cli.command()
@filter_options
@click.option("--limit", type=click.IntRange(min=1), help="At most this many events.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many events first.")
@format_option
def events(limit: int | None, offset: int, fmt: str | None, **values: Any) -> None:
    """List stored events, filtered: names of the actors, the merged-event id `sitrep event` takes."""
    from .query import list_events, open_reader

    settings = settings_or_fail()
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
        log.info("%d events", len(found))
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
