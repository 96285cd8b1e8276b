"""Every place in the founding seed article, resolved by the whole pipeline."""

import pytest

pytestmark = pytest.mark.slow


def _places(analysis, text):
    found = [p for p in analysis.places if p.text == text]
    assert found, f"no place with text {text!r}"
    return found


def test_offsets_quote_the_input(seed_analysis):
    for place in seed_analysis.places:
        assert seed_analysis.text[place.start:place.end] == place.text


@pytest.mark.parametrize("text", ["Maaret Al-Numan", "Maarat al-Numan"])
def test_both_spellings_of_maarat_al_numan(seed_analysis, text):
    for place in _places(seed_analysis, text):
        assert place.geonameid == 167611 and place.country == "SY" and place.admin1 == "SY-ID"
        assert place.precision == 1 and place.role == "location"


def test_idlib_province_is_the_admin1(seed_analysis):
    start = seed_analysis.text.index("Idlib province")
    place = next(p for p in seed_analysis.places if p.start == start)
    assert place.feature_code == "ADM1" and place.admin1 == "SY-ID" and place.precision == 3


def test_damascus_is_in_syria_not_maryland(seed_analysis):
    (place,) = _places(seed_analysis, "Damascus")
    assert place.geonameid == 170654 and place.country == "SY"


def test_hmeymim_air_base_is_the_latakia_airfield(seed_analysis):
    (place,) = _places(seed_analysis, "Hmeymim air base")
    assert place.gazetteer_id == "icao:OSLK" and place.country == "SY" and place.precision == 1


def test_baghdad_airport(seed_analysis):
    (place,) = _places(seed_analysis, "Baghdad airport")
    assert place.gazetteer_id == "icao:ORBI" and place.country == "IQ"


@pytest.mark.parametrize(("text", "geonameid"), [("Istanbul", 745044), ("Ankara", 323786), ("Iraq", 99237),
                                                 ("Syria", 163843), ("Turkey", 298795)])
def test_towns_and_countries(seed_analysis, text, geonameid):
    assert {p.geonameid for p in _places(seed_analysis, text)} == {geonameid}


def test_demonyms_are_country_references_not_locations(seed_analysis):
    for text, country in (("Syrian", "SY"), ("Turkish", "TR"), ("Russian", "RU"), ("Syrians", "SY")):
        assert {(p.role, p.country) for p in _places(seed_analysis, text)} == {("demonym", country)}


def test_no_place_from_people_or_common_words(seed_analysis):
    texts = {p.text for p in seed_analysis.places}
    assert not texts & {"Putin", "Assad", "Erdogan", "Soleimani", "East", "Kremlin", "Reuters"}
