"""The gazetteer file: version check, CLI build and search (on the small GeoNames fixture)."""

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.errors import ResourceError
from sitrep.geo.cli import gazetteer
from sitrep.geo.gazetteer import VERSION, load_gazetteer, stored_version

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "geo" / "geonames"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "g.sqlite"
    result = CliRunner().invoke(gazetteer, ["build", "--geonames", str(FIXTURE), "--path", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_build_writes_the_version(built):
    assert stored_version(built) == VERSION


def test_search_lists_candidates_largest_first(built):
    result = CliRunner().invoke(gazetteer, ["search", "Damascus", "--path", str(built), "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["id"] for r in rows[:2]] == [170654, 4354163]
    table = CliRunner().invoke(gazetteer, ["search", "Damascus", "--path", str(built), "--format", "table"])
    assert table.output.splitlines()[1].split()[:2] == ["170654", "Damascus"]


def test_search_finds_transliterations(built):
    result = CliRunner().invoke(gazetteer, ["search", "Maaret el-Nouman", "--path", str(built), "--format", "jsonl"])
    assert json.loads(result.output.splitlines()[0])["id"] == 167611


def test_a_file_from_another_version_is_refused(built, tmp_path):
    old = tmp_path / "old.sqlite"
    old.write_bytes(built.read_bytes())
    with sqlite3.connect(old) as db:
        db.execute("UPDATE meta SET value = 'old' WHERE key = 'version'")
    with pytest.raises(ResourceError):
        load_gazetteer(old)


def test_build_from_a_missing_folder_fails_with_one_line(tmp_path):
    result = CliRunner().invoke(gazetteer, ["build", "--geonames", str(tmp_path / "nope"),
                                            "--path", str(tmp_path / "g.sqlite")])
    assert result.exit_code == 1 and "E311" in result.output
