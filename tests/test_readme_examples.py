"""The README's own `sitrep events` examples return rows on the demo database (examples/)."""

from __future__ import annotations

import shlex
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def _examples() -> list[list[str]]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    return [shlex.split(line.split("#")[0])[1:] for line in lines if line.startswith("sitrep events --db sitrep.db")]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = tmp_path_factory.mktemp("readme") / "sitrep.db"
    done = subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(ROOT / "examples"), "--db", str(db)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return db


def test_readme_has_filter_examples():
    assert len(_examples()) >= 3


@pytest.mark.parametrize("args", _examples(), ids=" ".join)
def test_readme_filter_example_returns_rows(demo, args):
    args = [str(demo) if a == "sitrep.db" else a for a in args]
    done = subprocess.run([sys.executable, "-m", "sitrep", *args, "--format", "jsonl"], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), f"no rows for {args}"
