"""The merge's commands: ceasefires and figures in table, JSON and JSON Lines."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import create_engine

from sitrep.merge import merge_record, metadata
from sitrep.merge.cli import ceasefires_command, event_command, figures_command

from .builders import record


def _db(tmp_path):
    db = tmp_path / "merge.db"
    engine = create_engine(f"sqlite:///{db}")
    metadata.create_all(engine)
    merge_record(engine, "a", record("a", killed=5, outlet="Kyiv Ledger"))
    merge_record(engine, "b", record("b", killed=7, outlet="Eastern Wire"))
    merge_record(engine, "t", record("t", kind="RETREAT", mode="ceasefire", day="2024-03-10", town="Idlib",
                                     place_precision=3, actors=("TURGOV", "RUSGOV")))
    return str(db)


def test_figures_by_place_and_kind_with_sources(tmp_path):
    db = _db(tmp_path)
    result = CliRunner().invoke(figures_command, ["--db", db, "--place", "Kharkiv", "--kind", "casualties",
                                                  "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert sorted((r["best"], r["outlet"]) for r in rows) == [(5, "Kyiv Ledger"), (7, "Eastern Wire")]
    assert {r["kind"] for r in rows} == {"fatalities"} and {r["date"] for r in rows} == {"2024-03-04"}


def test_ceasefires_table_and_filters(tmp_path):
    db = _db(tmp_path)
    table = CliRunner().invoke(ceasefires_command, ["--db", db])
    assert table.exit_code == 0 and "Idlib" in table.output and "TURGOV, RUSGOV" in table.output
    none = CliRunner().invoke(ceasefires_command, ["--db", db, "--place", "Tripoli", "--format", "json"])
    assert json.loads(none.output) == []
    later = CliRunner().invoke(ceasefires_command, ["--db", db, "--since", "2024-04-01", "--format", "json"])
    assert json.loads(later.output) == []


def test_unknown_event_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(event_command, ["ev-nothing", "--db", _db(tmp_path)])
    assert result.exit_code != 0 and "no merged event" in result.output
