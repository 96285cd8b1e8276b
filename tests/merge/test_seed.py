"""The founding article: its two ceasefire start claims shown side by side with their sources."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, select

from sitrep.merge import merge_record, metadata
from sitrep.merge.cli import event_command
from sitrep.merge.queries import get_event
from sitrep.merge.tables import ceasefire_violations, ceasefires

from .devset import record_of

IDLIB = ["Idlib region", "Idlib", 35.93, 36.63, 3, "SY", "Idlib"]


def seed_article(text: str) -> dict:
    """The seed's ceasefire reports and the air strike, annotated by hand as the stages should code them."""
    turkish = {"id": "e1", "type": "AGREE", "trigger": "agreed", "modality": "planned",
               "sources": [["Turkey's Defence Ministry", "TURGOV", "TUR"]], "targets": [["Russia", "RUSGOV", "RUS"]],
               "place": IDLIB, "date": ["one minute past midnight on Jan. 12", "2020-01-12T00:01", 1],
               "attribution": "Turkey's defence ministry"}
    russian = {"id": "e2", "type": "RETREAT", "mode": "ceasefire", "cameo": "0871",
               "trigger": "a ceasefire had already been implemented",
               "sources": [["Russia", "RUSGOV", "RUS"]], "targets": [["Turkey", "TURGOV", "TUR"]], "place": IDLIB,
               "date": ["6 p.m. ET\xa0on Thursday", "2020-01-09T18:00-05:00", 1],
               "attribution": "a Russian defence ministry official"}
    strike = {"id": "e3", "type": "ASSAULT", "mode": "heavy-weapons", "acled": "Explosions/Remote violence",
              "trigger": "airstrike", "sources": [["pro-regime forces", "SYRMIL", "SYR"]],
              "place": ["Maaret Al-Numan", "Maarat al-Numan", 35.64, 36.67, 1, "SY", "Idlib"],
              "date": ["on Friday, hours after", "2020-01-10", 1]}
    return {"id": "seed", "outlet": "CBC News", "published": "2020-01-10", "text": text,
            "events": [turkish, russian, strike]}


def _merged(tmp_path, seed_text):
    db = tmp_path / "seed.db"
    engine = create_engine(f"sqlite:///{db}")
    metadata.create_all(engine)
    outcome = merge_record(engine, "seed", record_of(seed_article(seed_text)), text=seed_text)
    return engine, db, outcome


def test_two_start_claims_one_ceasefire(tmp_path, seed_text):
    engine, _, outcome = _merged(tmp_path, seed_text)
    by_event = {p.event_id: p.canonical_id for p in outcome.placements}
    assert by_event["e1"] == by_event["e2"] != by_event["e3"]
    with engine.connect() as conn:
        event = get_event(conn, by_event["e1"])
        start = event["claims"]["start"]
        assert start["disputed"]
        said = {v["value"]: v["sources"][0] for v in start["values"]}
        assert said["2020-01-12T00:01"]["attributed_to"] == "Turkey's defence ministry"
        assert said["2020-01-09T23:00"]["attributed_to"] == "a Russian defence ministry official"
        for source in said.values():
            assert seed_text[source["start"]:source["end"]] == source["quote"]
        cf = conn.execute(select(ceasefires)).one()
        assert cf.start == "2020-01-12T00:01"  # the latest claim: in force once every source agrees
        assert conn.execute(select(ceasefire_violations)).all() == []  # the strike came hours before


def test_event_command_shows_both_claims_side_by_side(tmp_path, seed_text):
    _, db, outcome = _merged(tmp_path, seed_text)
    cid = outcome.placements[0].canonical_id
    result = CliRunner().invoke(event_command, [cid, "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = [line for line in result.output.splitlines() if line.startswith("start (DISPUTED)")]
    assert len(rows) == 2
    assert any("*2020-01-12T00:01" in r and "Turkey's defence ministry" in r for r in rows)
    assert any("2020-01-09T23:00" in r and "a Russian defence ministry official" in r and "6 p.m. ET" in r
               for r in rows)
    print("\n" + result.output)


@pytest.mark.slow
def test_real_pipeline_shows_both_start_claims_and_judges_status_by_publication(tmp_path, seed_analysis, seed_text):
    """Through the real stages: the events stage keeps the Russian official's claim apart (another
    speaker, another time), the merge joins it to the truce as a second start claim; the start is the
    effective time (Sunday 00:01), after the Friday publication, so the truce is only announced."""
    engine = create_engine(f"sqlite:///{tmp_path / 'real.db'}")
    metadata.create_all(engine)
    outcome = merge_record(engine, "seed", seed_analysis.record(), text=seed_text)
    with engine.connect() as conn:
        cf = conn.execute(select(ceasefires)).one()
        event = get_event(conn, cf.id)
    assert len(outcome.placements) > len(set(outcome.created))
    start = event["claims"]["start"]
    assert start["disputed"]
    said = {v["value"]: v["sources"][0] for v in start["values"]}
    assert said["2020-01-12T00:01"]["attributed_to"].lower() == "turkey's defence ministry"
    assert said["2020-01-09T23:00"]["attributed_to"] == "Russian defence ministry official"
    assert seed_text[said["2020-01-09T23:00"]["start"]:said["2020-01-09T23:00"]["end"]] == "6 p.m. ET\xa0on Thursday"
    assert (cf.announced, cf.start, cf.status) == ("2020-01-10", "2020-01-12T00:01", "announced")
    assert cf.area_name == "Idlib"
