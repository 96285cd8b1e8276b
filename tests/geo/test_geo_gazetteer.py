"""The gazetteer file: version check, CLI build and search (on the small GeoNames fixture)."""

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.errors import ResourceError
from sitrep.geo.cli import gazetteer
from sitrep.geo.gazetteer import VERSION, GazPlace, load_gazetteer, make_index, stored_version
from sitrep.geo.normalize import name_key

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "geo" / "geonames"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "g.sqlite"
    result = CliRunner().invoke(gazetteer, ["build", "--geonames", str(FIXTURE), "--path", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_build_writes_the_version(built):
    assert stored_version(built) == VERSION


def test_build_if_missing_leaves_a_current_gazetteer_alone(built):
    """`make install` runs it so that the first analysis does not build; a current file is not rebuilt."""
    before = built.stat().st_mtime_ns
    result = CliRunner().invoke(gazetteer, ["build", "--if-missing", "--path", str(built)])
    assert result.exit_code == 0, result.output
    assert built.stat().st_mtime_ns == before and stored_version(built) == VERSION


def test_build_if_missing_builds_a_missing_file_from_the_given_dumps(tmp_path):
    """--if-missing with --geonames builds from those dumps (the fixture's few places), not from the shipped data."""
    path = tmp_path / "g.sqlite"
    result = CliRunner().invoke(gazetteer, ["build", "--if-missing", "--geonames", str(FIXTURE), "--path", str(path)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(path) as db:
        fixture_places = db.execute("SELECT COUNT(*) FROM places").fetchone()[0]
    assert stored_version(path) == VERSION and 0 < fixture_places < 10_000


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


def _no_town(_text):
    return False


def test_an_airport_goes_by_the_name_left_when_city_and_kind_words_go():
    from sitrep.geo.sources import own_airport_name

    assert own_airport_name("London Heathrow Airport", "London", _no_town) == "Heathrow"
    assert own_airport_name("Ottawa / Macdonald-Cartier International Airport", "Ottawa", _no_town) == "Macdonald-Cartier"
    # a town named first is cut even when airportsdata lists another city
    assert own_airport_name("Toronto Pearson International Airport", "Mississauga",
                            lambda text: text == "Toronto") == "Pearson"


def test_an_airport_named_only_after_its_town_or_region_goes_by_no_name_of_its_own():
    from sitrep.geo.sources import own_airport_name

    assert own_airport_name("Los Angeles International Airport", "Los Angeles", _no_town) == ""
    assert own_airport_name("Kirkwall Airport", "Orkney Islands", lambda text: text == "Kirkwall") == ""
    assert own_airport_name("Northeast Ohio Regional Airport", "Ashtabula", _no_town) == ""
    assert own_airport_name("Wheeling Ohio County Airport", "Wheeling", _no_town) == ""
    assert own_airport_name("Boeing Field King County International Airport", "Seattle", _no_town) == ""
    assert own_airport_name("Livengood Camp Airport", "Livengood", lambda text: text == "Livengood") == ""


def _place(place_id: int, name: str, country: str) -> GazPlace:
    return GazPlace(place_id, place_id, None, name, 0.0, 0.0, "P", "PPL", country, "", 1000, "", "geonames")


def test_a_fuzzy_match_is_a_spelling_of_the_name_not_only_its_consonants():
    """Two names with one skeleton: the spelling that differs in a vowel or two matches; the one that
    shares only the consonants ("Belotuna" for a village spelled "Bolotene") does not."""
    places = [_place(0, "Al Hasakah", "SY"), _place(1, "Belotuna", "SO"), _place(2, "Bolotena", "UA")]
    gaz = make_index(places, [(p.id, name_key(p.name)) for p in places])
    assert [p.name for p in gaz.lookup_fuzzy(name_key("al-Hasakeh"))] == ["Al Hasakah"]
    assert [p.country for p in gaz.lookup_fuzzy(name_key("Bolotene"))] == ["UA"]
    assert gaz.lookup_fuzzy(name_key("Bolotene")) == gaz.lookup_fuzzy(name_key("Bolotena"))
