"""`sitrep analyze --format jsonl` output passes the public record contract checker, offsets included."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, _need

SITREP = [sys.executable, "-m", "sitrep"]


@pytest.fixture(scope="module")
def checker() -> Path:
    return _need(SHARED / "contract" / "check_records.py", "the record contract checker")


def _inputs(tmp_path: Path, seed_text: str) -> Path:
    """The seed article and the bundled example texts as one JSON Lines input."""
    rows = [{"id": "seed", "text": seed_text}]
    rows += [{"id": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted((ROOT / "examples").glob("*.txt"))]
    path = tmp_path / "input.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.slow
def test_analyze_output_meets_the_contract(tmp_path, checker, seed_text):
    source = _inputs(tmp_path, seed_text)
    analyzed = subprocess.run([*SITREP, "analyze", "-", "--format", "jsonl"], stdin=source.open(),
                              capture_output=True, text=True, timeout=600)
    assert analyzed.returncode == 0, analyzed.stderr
    records = [json.loads(line) for line in analyzed.stdout.splitlines()]
    assert [r["id"] for r in records] == [json.loads(line)["id"] for line in source.read_text().splitlines()]
    assert sum(len(r["events"]) for r in records) > 0
    checked = subprocess.run([sys.executable, str(checker), "--text-from", str(source)], input=analyzed.stdout,
                             capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0, checked.stdout
    assert f"{len(records)} records, 0 contract problems" in checked.stdout
