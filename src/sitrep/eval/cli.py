"""`sitrep eval`: run the scorers on gold corpora read at run time (never shipped with sitrep)."""

from __future__ import annotations

import importlib
import json
import logging
import os
import sys
from pathlib import Path

import click

from . import TASKS
from .common import EvalResult
from .split import SPLITS, Split

log = logging.getLogger(__name__)


def corpus_root(given: str | None) -> Path:
    root = given or os.environ.get("SITREP_CORPORA")
    if not root:
        raise click.UsageError("give the corpora folder (for example /path/to/corpora) or set SITREP_CORPORA")
    path = Path(root)
    if not path.is_dir():
        raise click.BadParameter(f"{path} is not a folder", param_hint="CORPUS_PATH")
    return path


def run_task(task: str, root: Path, limit: int | None, split: Split = "all") -> list[EvalResult]:
    module = importlib.import_module(f"sitrep.eval.{task}")
    results: list[EvalResult] = module.evaluate(root, limit=limit, split=split)
    return results


def _print_results(results: list[EvalResult]) -> None:
    for res in results:
        click.echo(f"{res.task} on {res.corpus}, {res.split} part (baseline: {res.baseline_name or 'none'})")
        for m in res.metrics:
            base = f"{m.baseline:.3f}" if m.baseline is not None else "–"
            click.echo(f"  {m.name:<28} {m.value:8.3f}   baseline {base:>8}   n={m.n}")


def _command(name: str, root: Path, limit: int | None, split: str) -> str:
    return f"sitrep eval {name} {root} --split {split}" + (f" --limit {limit}" if limit else "")


@click.command("eval")
@click.argument("task", type=click.Choice((*TASKS, "all")))
@click.argument("corpus_path", required=False)
@click.option("--split", type=click.Choice(SPLITS), default=None,
              help="Part of each corpus: dev (rules are studied here), test (held out) or all. "
                   "Default: all, or dev and test side by side with --scoreboard.")
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N documents of each corpus.")
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON.")
@click.option("--scoreboard", type=click.Path(dir_okay=False), help="Also write a markdown scoreboard here.")
def eval_command(task: str, corpus_path: str | None, split: Split | None, limit: int | None, as_json: bool,
                 scoreboard: str | None) -> None:
    """Score sitrep against gold data in CORPUS_PATH (the folder holding tempeval3/, geoparsing-news/ …)."""
    root = corpus_root(corpus_path)
    tasks = TASKS if task == "all" else (task,)
    splits: tuple[Split, ...] = (split,) if split else (("dev", "test") if scoreboard else ("all",))
    results: list[EvalResult] = []
    commands: dict[str, str] = {}
    for name in tasks:
        for part in splits:
            log.info("evaluating %s (%s) …", name, part)
            results += run_task(name, root, limit, part)
        commands[name] = " and ".join(f"`{_command(name, root, limit, part)}`" for part in splits)
    if as_json:
        json.dump([r.to_dict() for r in results], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        _print_results(results)
    if scoreboard:
        from .scoreboard import write_scoreboard

        write_scoreboard(Path(scoreboard), results, commands, limit)
        log.info("wrote %s", scoreboard)
