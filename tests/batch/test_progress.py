"""The batch progress bar (documents done of an estimated total, rate, time left) and the CLI's usage checks."""

from __future__ import annotations

import io
import json

from click.testing import CliRunner
from rich.console import Console

from sitrep.batch.progress import BatchProgress, estimate_documents
from sitrep.cli import _register_extensions, cli


def test_the_count_is_estimated_without_parsing(tmp_path):
    (tmp_path / "wire.jsonl").write_text("".join(json.dumps({"text": f"Story {i}."}) + "\n" for i in range(7)))
    (tmp_path / "feed.xml").write_text('<?xml version="1.0"?><rss><channel><item><title>a</title></item>'
                                       "<item><title>b</title></item></channel></rss>")
    (tmp_path / "story.txt").write_text("Soldiers crossed the river at dawn.")
    assert estimate_documents([str(tmp_path)]) == 7 + 2 + 1
    assert estimate_documents([str(tmp_path / "story.txt"), "-"]) is None  # stdin: no total, no time left


def test_the_bar_shows_documents_done_rate_and_time_left():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120, color_system=None)
    progress = BatchProgress(400, console=console)
    progress.advance(200)
    progress.bar.refresh()
    progress.close()
    shown = out.getvalue()
    assert "200/400" in shown and "docs/s" in shown and "left" in shown


def test_the_bar_is_silent_when_stderr_is_not_a_terminal():
    out = io.StringIO()
    progress = BatchProgress(10, console=Console(file=out, force_terminal=False))
    progress.advance(10)
    progress.close()
    assert out.getvalue() == ""


def test_workers_and_scheduler_together_are_a_usage_error(tmp_path):
    _register_extensions()
    result = CliRunner().invoke(cli, ["batch", str(tmp_path), "--out", str(tmp_path / "out"), "--workers", "2",
                                      "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2 and "not both" in result.output


def test_a_published_date_that_is_no_date_is_a_usage_error_before_any_work(tmp_path):
    _register_extensions()
    result = CliRunner().invoke(cli, ["batch", str(tmp_path), "--out", str(tmp_path / "out"),
                                      "--published", "2020-13-45"])
    assert result.exit_code == 2 and "not an ISO date" in result.output
    assert not (tmp_path / "out").exists()
