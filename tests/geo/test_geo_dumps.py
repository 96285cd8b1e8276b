"""Building the gazetteer from GeoNames dump files (a small fixture in geonames.org's formats)."""

from pathlib import Path

import pytest

from sitrep.errors import ResourceError
from sitrep.geo import build_gazetteer, load_gazetteer
from sitrep.geo.dumps import read_dump_places
from sitrep.geo.normalize import name_key

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "geo" / "geonames"


def test_dump_reader_keeps_places_and_their_latin_alternate_names():
    places = {p.geonameid: p for p in read_dump_places(FIXTURE)}
    village = places[9900001]
    assert village.feature == ("P", "PPL") and village.admin1 == "SY.12"
    assert {"Kafr Testa", "Kafar Testa", "Kafr Tista"} <= village.all_names()
    assert not any(n.startswith("http") or n == "KTT" for n in village.all_names())  # links and codes
    assert 9900002 in places and 9900003 not in places  # a spring is kept, a shopping mall is not
    assert "إدلب" not in places[169389].names


def test_dump_reader_adds_admin1_divisions_with_their_geonames_id():
    places = {p.geonameid: p for p in read_dump_places(FIXTURE)}
    idlib = places[169388]
    assert idlib.feature == ("A", "ADM1") and idlib.admin1 == "SY.12"
    assert idlib.coord_source == "mean_of_cities" and 35 < idlib.lat < 36.5


@pytest.fixture(scope="module")
def dump_gazetteer(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "g.sqlite"
    return load_gazetteer(build_gazetteer(path, FIXTURE))


def test_gazetteer_from_dumps_finds_villages_by_any_spelling(dump_gazetteer):
    assert [p.geonameid for p in dump_gazetteer.lookup(name_key("Kafr Tista"))] == [9900001]
    maarat = dump_gazetteer.lookup(name_key("Maaret al-Numan"))
    assert [p.geonameid for p in maarat] == [167611]
    assert maarat[0].admin1 == "SY-ID"  # GeoNames admin1 codes are relabelled to ISO 3166-2


def test_gazetteer_from_dumps_keeps_countries_and_airports(dump_gazetteer):
    assert dump_gazetteer.country("SY") is not None
    assert any(p.gazetteer_id == "icao:OSLK" for p in dump_gazetteer.lookup(name_key("Hmeymim")))
    damascus = dump_gazetteer.lookup(name_key("Damascus"))
    assert {p.country for p in damascus} == {"SY", "US"}


def test_missing_dump_folder_is_a_resource_error(tmp_path):
    with pytest.raises(ResourceError):
        build_gazetteer(tmp_path / "g.sqlite", tmp_path / "absent")
