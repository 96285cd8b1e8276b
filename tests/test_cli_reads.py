"""Read commands: a mistyped database, an unknown type code or an invalid date is exit status 2 with
one line, never an empty result (and no empty database is created)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from sitrep.cli import cli
from sitrep.merge.cli import ceasefires_command, event_command


@pytest.mark.parametrize("args", [
    ["events", "--db", "{missing}"],
    ["events", "--db", "{db}", "--type", "ASSAULTT"],
    ["events", "--db", "{db}", "--since", "2020-13-01"],
    ["events", "--db", "{db}", "--modality", "perhaps"],
    ["export", "csv", "--db", "{missing}"],
])
def test_read_errors_exit_2(tmp_path, args):
    from tests.api.builders import fill

    db = tmp_path / "here.db"
    fill(str(db))
    missing = tmp_path / "typo.db"
    from sitrep.exports.cli import export

    cli.add_command(export)
    result = CliRunner().invoke(cli, [a.format(db=db, missing=missing) for a in args])
    assert result.exit_code == 2, result.output
    assert "sitrep: error: [E2" in result.output
    assert not missing.exists()


@pytest.mark.parametrize("command", [event_command, ceasefires_command])
def test_merged_reads_on_a_missing_database_exit_2(tmp_path, command):
    missing = tmp_path / "typo.db"
    args = (["ev-x"] if command is event_command else []) + ["--db", str(missing)]
    result = CliRunner().invoke(command, args)
    assert result.exit_code == 2 and "E220" in result.output
    assert not missing.exists()
