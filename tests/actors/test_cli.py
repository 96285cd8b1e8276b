"""`sitrep actors`: list shipped and learned entries, correct learned ones."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import create_engine

from sitrep.actors.cli import actors
from sitrep.actors.coding import Candidate
from sitrep.actors.learned import LearnedKB


def test_list_shipped() -> None:
    result = CliRunner().invoke(actors, ["list", "--shipped", "--name", "Erdogan"])
    assert result.exit_code == 0
    assert "TUR" in result.output and "President" in result.output


def test_correct_learned(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    kb = LearnedKB(create_engine(f"sqlite:///{db}"))
    kb.remember([Candidate(start=0, end=1, text="x", head=0, kind="person", name="Choguel Maiga", country="MLI",
                           sectors=["GOV"], title="Prime Minister", person_name="Choguel Maiga")], "2021-08-01")
    runner = CliRunner()
    result = runner.invoke(actors, ["correct", "Choguel Maiga", "--sectors", "GOV,MIL", "--db", str(db)])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(actors, ["list", "--learned", "--db", str(db), "--format", "table"])
    assert "GOV,MIL" in listed.output and "(corrected)" in listed.output
    rows = [json.loads(line) for line in runner.invoke(actors, ["list", "--learned", "--db", str(db),
                                                                "--format", "jsonl"]).output.splitlines()]
    assert [(r["name"], r["sectors"], r["corrected"]) for r in rows] == [("Choguel Maiga", ["GOV", "MIL"], True)]
    missing = runner.invoke(actors, ["correct", "Nobody", "--db", str(db)])
    assert missing.exit_code != 0 and "no learned actor" in missing.output
