"""Write docs/scoreboard.md: our score on the dev and test parts, the baseline's and the published anchor."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

from .common import EvalResult, Metric


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10)
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                               text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return out.stdout.strip() + ("+changes" if dirty else "") if out.returncode == 0 else "unknown"


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "ratio":
        return f"{value:.3f}"
    if unit == "km":
        return f"{value:.1f} km"
    return f"{value:g}"


def _groups(results: list[EvalResult]) -> dict[tuple[str, str], dict[str, EvalResult]]:
    """Results by (task, corpus), then by split, in the order they came."""
    groups: dict[tuple[str, str], dict[str, EvalResult]] = {}
    for res in results:
        groups.setdefault((res.task, res.corpus), {})[res.split] = res
    return groups


def _row(name: str, by_split: dict[str, EvalResult], splits: list[str]) -> str:
    found: dict[str, Metric] = {}
    for split in splits:
        try:
            found[split] = by_split[split].metric(name)
        except KeyError:
            continue
    last = found[splits[-1]] if splits[-1] in found else next(iter(found.values()))
    cells = [(_fmt(found[s].value, found[s].unit) + f" (n={found[s].n})") if s in found else "–" for s in splits]
    return f"| {name} | " + " | ".join(cells) + f" | {_fmt(last.baseline, last.unit)} | {last.anchor or ''} |"


def render(results: list[EvalResult], commands: dict[str, str], limit: int | None) -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = ["# sitrep scoreboard", "",
             f"Made by `make eval` on {now} at commit {_commit()}"
             + (f", on the first {limit} documents of each part" if limit else ", on the whole corpora") + ".",
             "Each corpus is split by a fixed hash of the document id (src/sitrep/eval/split.py): rules are studied",
             "on **dev** only; **test** is held out and is where the floors of `make test` sit. The baseline is",
             "scored on the last part shown. Scores are 0–1 unless a unit is given; n is the number of gold items.",
             ""]
    for (task, corpus), by_split in _groups(results).items():
        splits = list(by_split)
        first = next(iter(by_split.values()))
        lines += [f"## {task}: {corpus}", "",
                  "| metric | " + " | ".join(splits) + f" | baseline ({first.baseline_name or 'none'}) | published anchor |",
                  "|---|" + "---|" * len(splits) + "---|---|"]
        lines += [_row(m.name, by_split, splits) for m in first.metrics]
        lines += ["", f"Reproduce: {commands[task]}", ""]
    return "\n".join(lines)


def write_scoreboard(path: Path, results: list[EvalResult], commands: dict[str, str], limit: int | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(results, commands, limit), encoding="utf-8")
