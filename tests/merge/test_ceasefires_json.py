"""`sitrep ceasefires --format json` lists, for each truce, the start each source claims with its words."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine

from sitrep.merge import merge_record, metadata
from sitrep.merge.cli import ceasefires_command


@pytest.mark.slow
def test_ceasefires_json_gives_every_source_start_with_its_words(tmp_path, seed_analysis, seed_text):
    db = tmp_path / "truce.db"
    engine = create_engine(f"sqlite:///{db}")
    metadata.create_all(engine)
    merge_record(engine, "seed", seed_analysis.record(), text=seed_text)
    engine.dispose()
    result = CliRunner().invoke(ceasefires_command, ["--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    (truce,) = json.loads(result.output)
    claims = {c["value"]: c for c in truce["claimed_starts"]}
    assert set(claims) == {"2020-01-12T00:01", "2020-01-09T23:00"}
    assert truce["start"] == "2020-01-12T00:01"
    russian = claims["2020-01-09T23:00"]
    assert russian["said_by"] == "Russian defence ministry official"
    assert (russian["document_id"], russian["outlet"]) == ("seed", None)
    assert seed_text[russian["start"]:russian["end"]] == russian["words"] == "6 p.m. ET\xa0on Thursday"
    assert claims["2020-01-12T00:01"]["said_by"].lower() == "turkey's defence ministry"
