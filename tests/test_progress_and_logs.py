"""Progress bars and log lines on stderr: shown to a person at a terminal, silenced by --quiet, more with
--verbose; records on stdout untouched."""

from __future__ import annotations

import io
import logging

import pytest
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.logs import configure_logging
from sitrep.progress import track
from tests.conftest import ROOT


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def terminal(monkeypatch):
    """A stand-in for a terminal on stderr; call it in the test body (pytest's capture resets sys.stderr
    between a fixture's setup and the test)."""
    def attach() -> Terminal:
        screen = Terminal()
        monkeypatch.setattr("sys.stderr", screen)
        return screen
    yield attach
    configure_logging()  # leave the sitrep logger as the command line sets it by default


def test_progress_shows_count_rate_and_time_left_at_a_terminal(terminal):
    terminal = terminal()
    configure_logging()
    assert list(track(range(5), "counting", total=5, unit="things")) == [0, 1, 2, 3, 4]
    shown = terminal.getvalue()
    assert "sitrep: counting" in shown and "5/5" in shown and "things/s" in shown and "left" in shown


def test_quiet_and_pipes_get_no_progress_and_the_items_untouched(terminal):
    terminal = terminal()
    configure_logging(quiet=True)
    items = [1, 2, 3]
    assert track(items, "counting", total=3) is items and terminal.getvalue() == ""


def test_no_progress_when_stderr_is_not_a_terminal(monkeypatch):
    monkeypatch.setattr("sys.stderr", io.StringIO())
    configure_logging()
    items = iter([1])
    assert track(items, "counting") is items


@pytest.mark.parametrize(("flags", "level"), [([], logging.INFO), (["-v"], logging.DEBUG), (["-q"], logging.ERROR)])
def test_the_flags_set_the_level(flags, level):
    result = CliRunner().invoke(cli, [*flags, "schema"])
    assert result.exit_code == 0 and logging.getLogger("sitrep").level == level


@pytest.mark.slow
def test_verbose_says_each_documents_stage_timings_and_quiet_only_errors(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Talks between the two delegations resumed in Geneva on Monday.\n")
    runner = CliRunner()
    verbose = runner.invoke(cli, ["-v", "ingest", str(story), "--db", str(tmp_path / "v.db")])
    assert verbose.exit_code == 0, verbose.stderr
    assert any(line.startswith("sitrep: [pipeline]") and "nlp" in line and " ms" in line
               for line in verbose.stderr.splitlines())
    assert "1 stored, 0 skipped, 0 failed" in verbose.stderr
    quiet = runner.invoke(cli, ["-q", "ingest", str(story), str(ROOT / "no-such-file.txt"), "--db",
                                str(tmp_path / "q.db")])
    assert quiet.exit_code == 1
    assert quiet.stderr.splitlines() == [line for line in quiet.stderr.splitlines() if "no-such-file.txt" in line]
    assert len(quiet.stderr.splitlines()) == 1
