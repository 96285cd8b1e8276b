"""The `sitrep` command as a user meets it: exit statuses, one-line errors, records on stdout."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner

from sitrep.cli import _register_extensions, cli
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def run():
    _register_extensions()
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None, stdin: str | None = None):
        return runner.invoke(cli, list(args), env=env, input=stdin, catch_exceptions=False)

    return invoke


@pytest.fixture
def mixed(tmp_path):
    """A folder of two good articles and four bad files."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text((EXAMPLES / "02-airstrike.txt").read_text())
    (folder / "b-empty.txt").write_text("")
    (folder / "c-binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "d-latin1.txt").write_bytes("Les forces armées ont frappé la ville.".encode("latin-1"))
    (folder / "e-good.txt").write_text((EXAMPLES / "04-visit.txt").read_text())
    return folder


def test_schema_is_json_schema_of_the_record(run):
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert {"id", "published", "removed", "times", "places", "actors", "events"} <= set(schema["properties"])


@pytest.mark.slow
def test_analyze_prints_one_record_per_document_in_order(run):
    result = run("analyze", str(EXAMPLES / "06-feed.jsonl"), "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["wire-0001", "wire-0002"]
    assert records[0]["published"]["value"].startswith("2024-03-02")
    assert records[0]["published"]["source"] == "metadata"


@pytest.mark.slow
def test_published_option_fills_in_missing_dates(run):
    result = run("analyze", str(EXAMPLES / "04-visit.txt"), "--published", "2023-03-20", "--format", "json")
    assert result.exit_code == 0, result.stderr
    (record,) = json.loads(result.stdout)
    assert record["published"] == {**record["published"], "value": "2023-03-20", "source": "given"}


@pytest.mark.slow
def test_bad_files_are_reported_and_the_rest_goes_on(run, mixed):
    result = run("analyze", str(mixed), "--format", "jsonl")
    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert len(ids) == 2 and "a-good" in ids[0] and "e-good" in ids[1]
    errors = [line for line in result.stderr.splitlines() if line.startswith("sitrep: failed")]
    assert len(errors) == 3
    assert result.stderr.splitlines()[-1] == "sitrep: 5 documents in: 2 analysed, 0 skipped, 3 failed"
    for name, reason in (("b-empty", "empty"), ("c-binary", "binary"), ("d-latin1", "UTF-8")):
        assert any(name in line and reason.lower() in line.lower() for line in errors), (name, errors)


@pytest.mark.slow
def test_oversized_input_names_the_limit(run, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Troops clashed with rebels near the town. " * 100)
    result = run("analyze", str(big), "--format", "jsonl", env={"SITREP_MAX_BYTES": "1000"})
    assert result.exit_code == 1
    assert result.stdout == ""
    (line,) = [ln for ln in result.stderr.splitlines() if "big.txt" in ln]
    assert "1000" in line


@pytest.mark.parametrize("args", [("analyze", "x.txt", "--published", "last week"),
                                  ("analyze", "x.txt", "--format", "xml"), ("events", "--since", "soon")])
def test_usage_errors_exit_2(run, args):
    assert run(*args).exit_code == 2


@pytest.mark.slow
def test_ingest_stores_once_and_events_reads_back(run, mixed, tmp_path):
    db = str(tmp_path / "s.db")
    first = run("ingest", str(mixed), "--db", db)
    assert first.exit_code == 1  # the bad files failed; the good ones are stored
    assert "5 documents in: 2 stored, 0 skipped, 3 failed;" in first.stderr
    again = run("ingest", str(mixed / "a-good.txt"), "--db", db)
    assert again.exit_code == 0 and "1 documents in: 0 stored, 1 skipped (1 already stored), 0 failed" in again.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (2,)
        stored_events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    listed = run("events", "--db", db, "--format", "jsonl")
    assert listed.exit_code == 0
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    assert len(events) == stored_events > 0
    assert all(e["evidence"] for e in events)


@pytest.mark.slow
def test_console_script_runs_as_a_process(tmp_path):
    """The real entry point, exit status and stdout, as a user's shell sees them."""
    out = subprocess.run([sys.executable, "-m", "sitrep", "analyze", "-", "--format", "jsonl"],
                         input=json.dumps({"id": "x", "text": "Police arrested 12 protesters in Nairobi on Monday."}),
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    (record,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert record["id"] == "x"
