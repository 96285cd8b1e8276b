"""`sitrep batch INPUT... --out DIR`: the pipeline on Dask workers, out to partitioned Parquet."""

from __future__ import annotations

import sys

import click

from ..cli_common import check_date
from ..errors import SitrepError
from ..settings import Settings


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder of the Parquet output.")
@click.option("--workers", type=click.IntRange(min=1), help="Local worker processes (default: one per core).")
@click.option("--scheduler", help="Address of a running Dask scheduler, tcp://HOST:PORT, instead of local workers.")
@click.option("--partition-size", type=click.IntRange(min=1), default=None,
              help="Documents per partition (default 100); a rerun must use the same.")
@click.option("--published", callback=check_date, help="Publication date for documents whose metadata has none.")
@click.option("--load", "load_url", help="Then store the output in this database (file or URL), merged in published order.")
def batch(paths: tuple[str, ...], out: str, workers: int | None, scheduler: str | None,
          partition_size: int | None, published: str | None, load_url: str | None) -> None:
    """Analyse files, folders or `-` on Dask into partitioned Parquet (documents, events, actors, places,
    times); a rerun skips partitions already written."""
    from .. import cli_common as common
    from .progress import BatchProgress, estimate_documents
    from .run import DEFAULT_PARTITION_SIZE, run_batch

    if workers and scheduler:
        raise click.UsageError("give --workers (a local cluster) or --scheduler (an existing one), not both")
    settings = common.settings_or_fail()
    progress = BatchProgress(estimate_documents(paths))
    try:
        report = run_batch(common.read_documents(paths, settings, published), out, settings, workers=workers,
                           scheduler=scheduler, inputs=list(paths),
                           partition_size=partition_size or DEFAULT_PARTITION_SIZE,
                           say=_say, progress=progress)
    except SitrepError as exc:
        progress.close()
        common.fail(exc)
        return
    progress.close()
    click.echo(f"sitrep: {report.documents} documents analysed into {out} ({report.written} partitions written, "
               f"{report.skipped} already there, {report.lost} lost), {report.unreadable} unreadable, "
               f"{report.failed} failed; {report.events} events; {report.seconds:.1f} s on {report.workers} workers",
               err=True)
    failed = report.unreadable + report.failed + report.lost
    if load_url and not report.lost:
        failed += _load(out, load_url, settings)
    sys.exit(1 if failed else 0)


def _load(out: str, url: str, settings: Settings) -> int:
    from .. import cli_common as common
    from .load import load_output

    try:
        store = common.open_store(url, settings)
        loaded = load_output(out, store, say=_say)
    except SitrepError as exc:
        common.fail(exc)
        return 1
    click.echo(f"sitrep: {loaded.stored} documents stored, {loaded.duplicates} already stored, "
               f"{loaded.failed} failed; {loaded.events} events added to {url}", err=True)
    return loaded.failed


def _say(line: str) -> None:
    click.echo(f"sitrep: {line}", err=True)
