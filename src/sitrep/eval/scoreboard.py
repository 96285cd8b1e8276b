"""Write docs/scoreboard.md: our score, the baseline's and the published anchor, with the command."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

from .common import EvalResult


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


def render(results: list[EvalResult], commands: dict[str, str], limit: int | None) -> str:
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = ["# sitrep scoreboard", "",
             f"Made by `make eval` on {now} at commit {_commit()}"
             + (f", on the first {limit} documents of each corpus" if limit else ", on the whole corpora") + ".",
             "Each number is reproduced by the command under its table. Scores are 0–1 unless a unit is given.", ""]
    for res in results:
        lines += [f"## {res.task}: {res.corpus}", "",
                  f"| metric | sitrep | baseline ({res.baseline_name or 'none'}) | published anchor | n |",
                  "|---|---|---|---|---|"]
        for m in res.metrics:
            lines.append(f"| {m.name} | {_fmt(m.value, m.unit)} | {_fmt(m.baseline, m.unit)} | {m.anchor or ''} | {m.n} |")
        lines += ["", f"Reproduce: `{commands[res.task]}`", ""]
    return "\n".join(lines)


def write_scoreboard(path: Path, results: list[EvalResult], commands: dict[str, str], limit: int | None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(results, commands, limit), encoding="utf-8")
