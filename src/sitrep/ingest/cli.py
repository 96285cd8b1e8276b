"""`sitrep watch FEEDS.txt --every 10m --db URL`: keep watch over news feeds."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import SitrepError

if TYPE_CHECKING:
    from ..models import Document
    from ..settings import Settings
    from ..store import Store
    from .watch import Ingest, Watcher


def _interval(_ctx: click.Context, _param: click.Parameter, value: str) -> float:
    from .watch import parse_interval

    try:
        return parse_interval(value)
    except (ValueError, KeyError):
        raise click.BadParameter(f"{value!r} is not an interval such as 90s, 10m, 2h or 1d") from None


@click.command()
@click.argument("feeds_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--every", default="10m", callback=_interval, help="How often to poll each feed (90s, 10m, 2h, 1d).")
@click.option("--db", default=None, help="SQLite file or database URL (default: setting `db`, sitrep.db).")
@click.option("--once", is_flag=True, help="Poll every feed once and stop (for cron).")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between two requests to the same site.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds before a fetch is given up.")
def watch(feeds_file: str, every: float, db: str | None, once: bool, delay: float, timeout: float) -> None:
    """Poll the RSS/Atom feeds listed in FEEDS_FILE (one URL a line); fetch, analyse and store each new
    item once; what was seen is remembered in the database across restarts."""
    from .. import cli_common as common
    from .fetch import Fetcher
    from .seen import SeenStore
    from .watch import Watcher, read_feed_list

    settings = common.settings_or_fail()
    feeds, refused = read_feed_list(Path(feeds_file).read_text(encoding="utf-8"))
    for line in refused:
        click.echo(f"sitrep: skipped feed {line!r}: not an http(s) URL", err=True)
    if not feeds:
        raise click.UsageError(f"{feeds_file} lists no http(s) feed URL")
    try:
        store = common.open_store(db or settings.db, settings)
        ingest = _ingester(store, settings)
    except SitrepError as exc:
        common.fail(exc)
        return
    fetcher = Fetcher(settings.max_bytes, timeout=timeout, host_delay=delay)
    watcher = Watcher(feeds, SeenStore(store.engine), fetcher, ingest, every, settings.max_bytes, say=_say)
    try:
        failed = _rounds(watcher, every, once)
    except KeyboardInterrupt:
        click.echo("sitrep: watch stopped", err=True)
        failed = False
    finally:
        fetcher.close()
    sys.exit(1 if failed else 0)


def _rounds(watcher: Watcher, every: float, once: bool) -> bool:
    """Poll round after round (one with --once); True when the last round had a failure."""
    while True:
        began = time.monotonic()
        report = watcher.poll()
        click.echo(f"sitrep: {report.feeds} feeds ({report.unchanged} unchanged, {report.failed} failed, "
                   f"{report.waiting} waiting); {report.new_items} new items: {report.stored} stored "
                   f"({report.from_feed_text} from the feed's text), {report.duplicates} already stored, "
                   f"{report.pending} to retry, {report.item_failures} failed", err=True)
        if once:
            return bool(report.failed or report.item_failures)
        time.sleep(max(1.0, every - (time.monotonic() - began)))


def _ingester(store: Store, settings: Settings) -> Ingest:
    """Analyse one document with the pipeline (learning actors as `ingest` does) and store it."""
    from ..actors.learned import LearnedKB
    from ..pipeline import Pipeline

    pipeline = Pipeline(settings, learned=LearnedKB(store.engine) if settings.learn_actors else None)

    def ingest(document: Document) -> tuple[bool, int]:
        outcome = store.save(document, pipeline.analyze(document).record())
        return outcome.stored, outcome.events

    return ingest


def _say(line: str) -> None:
    click.echo(f"sitrep: {line}", err=True)
