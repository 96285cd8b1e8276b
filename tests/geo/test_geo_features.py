"""The place resolver's feature vectors and weight table, on hand-made mentions of invented places
(no model): each feature of sitrep/data/place_weights.toml has a case here where it holds, the code
computes no feature the table lacks, and a score is the sum of the table's weight × value."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from sitrep.errors import ResourceError
from sitrep.geo.coherence import coherence_of
from sitrep.geo.gazetteer import GazPlace
from sitrep.geo.scoring import Context
from sitrep.geo.spotting import Mention
from sitrep.geo.weights import parse_weights, place_weights

TABLE = place_weights()


def _place(name, code, country="ZZ", admin1="", population=0, lat=10.0, lon=10.0, pid=1):
    fclass = {"PCLI": "A", "ADM1": "A", "ADM2": "A", "CONT": "L", "RGN": "L", "AIRP": "S"}.get(code, "P")
    return GazPlace(pid, pid, None, name, lat, lon, fclass, code, country, admin1, population, "", "")


def _mention(text, *candidates, **fields):
    return Mention(i=0, j=1, start=0, end=len(text), text=text, candidates=list(candidates), **fields)


def _features(target, mention, others=(), resolved=False, small=frozenset()):
    mentions = [mention, *others]
    context = Context(mentions, resolved=resolved, coherence=coherence_of(mentions), small_countries=small)
    return context.features(target, mention)


def _resolved(mention, place, confidence=1.0):
    mention.resolved, mention.confidence = place, confidence
    return mention


TOWN = _place("Varnholm", "PPL", "ZZ", "ZZ-01", 999, pid=10)
COUNTRY = _place("Norland", "PCLI", "NL", pid=20)
PROVINCE = _place("Karvel", "ADM1", "ZZ", "ZZ-02", pid=30)


def _kind(code, **fields):
    place = _place("Dunmere", code, pid=40)
    return _features(place, _mention("Dunmere", place, **fields))


def _variant():
    state = _place("New Norland", "ADM1", "QQ", "QQ-05", pid=41)
    return _features(state, _mention("Norland", COUNTRY, state))


def _short_form():
    town = _place("Brackwell upon Tarn", "PPL", pid=42)
    return _features(town, _mention("Brackwell", town))


def _alternate():
    town = _place("Eastholm", "PPL", pid=43)
    return _features(town, _mention("Oldholm", town))


def _evidence(town_country, named, capital=False):
    """A town of `town_country` in an article that names the country `named` twice."""
    town = _place("Varnholm", "PPLC" if capital else "PPL", town_country, pid=44)
    other = _place("Norland", "PCLI", named, pid=45)
    return _features(town, _mention("Varnholm", town), [_mention("Norland", other), _mention("Norland", other)])


def _province_share():
    mine = _place("Varnholm", "PPL", "ZZ", "ZZ-01", pid=46)
    near = _place("Tolsby", "PPL", "ZZ", "ZZ-01", lat=40.0, lon=40.0, pid=47)
    return _features(mine, _mention("Varnholm", mine), [_resolved(_mention("Tolsby", near), near)], resolved=True)


def _band(degrees):
    """A town with another town of the article `degrees` of latitude away (111 km a degree)."""
    mine = _place("Varnholm", "PPL", "ZZ", "ZZ-01", pid=48)
    other = _place("Tolsby", "PPL", "ZZ", "ZZ-09", lat=10.0 + degrees, pid=49)
    return _features(mine, _mention("Varnholm", mine), [_resolved(_mention("Tolsby", other), other)], resolved=True)


def _namesake():
    province = _place("Karvel", "ADM1", "ZZ", "ZZ-02", pid=50)
    city = _place("Karvel", "PPL", "ZZ", "ZZ-02", 250_000, pid=51)
    return _features(province, _mention("Karvel", province, city))


def _coherent():
    """Two ambiguous names of the article, each with a reading in one province."""
    mine = _place("Varnholm", "PPL", "ZZ", "ZZ-01", pid=52)
    elsewhere = _place("Varnholm", "PPL", "ZZ", "ZZ-07", lat=-30.0, pid=53)
    other = _place("Tolsby", "PPL", "ZZ", "ZZ-01", lat=11.5, pid=54)
    return _features(mine, _mention("Varnholm", mine, elsewhere), [_mention("Tolsby", other)])


def _close():
    mine = _place("Varnholm", "PPL", "ZZ", "ZZ-01", pid=55)
    other = _place("Tolsby", "PPL", "ZZ", "ZZ-01", lat=10.1, pid=56)  # 11 km away
    return _features(mine, _mention("Varnholm", mine), [_mention("Tolsby", other)])


def _stated(province_code_of_town):
    """'Varnholm, Karvel': the text says Karvel (a province of ZZ-02) contains the town."""
    town = _place("Varnholm", "PPL", "ZZ", province_code_of_town, pid=57)
    mention = _mention("Varnholm", town, containers=[1])
    return _features(town, mention, [_mention("Karvel", PROVINCE)])


def _contains():
    """The province that contains a reading of a name the text says it contains."""
    town = _place("Varnholm", "PPL", "ZZ", "ZZ-02", pid=58)
    province = _mention("Karvel", PROVINCE)
    return _features(PROVINCE, province, [_mention("Varnholm", town, containers=[0])])


CASES = {
    "country_called_town": lambda: _kind("PCLI", kind="town"),
    "country": lambda: _kind("PCLI"),
    "continent": lambda: _kind("CONT"),
    "region": lambda: _kind("RGN"),
    "province_or_county": lambda: _kind("ADM1"),
    "admin_cue": lambda: _kind("ADM1", kind="admin"),
    "county": lambda: _kind("ADM2"),
    "country_name_variant": _variant,
    "airport_cued": lambda: _kind("AIRP", kind="airport"),
    "airport_uncued": lambda: _kind("AIRP"),
    "population": lambda: _features(TOWN, _mention("Varnholm", TOWN)),
    "capital": lambda: _kind("PPLC"),
    "short_form": _short_form,
    "alternate_name": _alternate,
    "town_cue": lambda: _kind("PPL", kind="town"),
    "town_under_admin_cue": lambda: _kind("PPL", kind="admin"),
    "fuzzy_match": lambda: _kind("PPL", fuzzy=True),
    "country_share": lambda: _evidence("NL", "NL"),
    "small_country_province": lambda: _features(PROVINCE, _mention("Karvel", PROVINCE), small=frozenset({"ZZ"})),
    "unseen_capital": lambda: _evidence("ZZ", "NL", capital=True),
    "named_country_capital": lambda: _evidence("NL", "NL", capital=True),
    "top_country": lambda: _evidence("NL", "NL"),
    "province_share": _province_share,
    "within_50km": lambda: _band(0.3),
    "within_100km": lambda: _band(0.7),
    "within_300km": lambda: _band(2.0),
    "city_namesake": _namesake,
    "coherence": _coherent,
    "close_reading": _close,
    "inside_stated": lambda: _stated("ZZ-02"),
    "outside_stated": lambda: _stated("ZZ-01"),
    "contains_named": _contains,
}


def test_every_feature_of_the_table_has_a_case_and_no_case_is_missing_from_it():
    assert list(CASES) == list(TABLE.weights)


@pytest.mark.parametrize("feature", list(CASES))
def test_the_feature_holds_in_its_case(feature):
    found = CASES[feature]()
    assert feature in found and found[feature] > 0
    assert set(found) <= set(TABLE.weights)
    order = list(TABLE.weights)
    assert [order.index(f) for f in found] == sorted(order.index(f) for f in found)  # added in the table's order


def test_a_county_named_as_container_says_nothing_of_a_town_elsewhere():
    """'Varnholm, Karvel Parish' where the only Karvel Parish known is a county of another country: a county's
    extent is not in the gazetteer, so the town is neither inside nor outside what the text names."""
    town = _place("Varnholm", "PPL", "ZZ", "ZZ-01", 999, pid=59)
    county = _place("Karvel Parish", "ADM2", "QQ", "QQ-01", pid=61)
    found = _features(town, _mention("Varnholm", town, containers=[1]), [_mention("Karvel Parish", county)])
    assert "outside_stated" not in found and "inside_stated" not in found


def test_a_district_of_the_province_named_beside_it_makes_a_shared_name_the_province():
    """"Hays district, Karvel" (or "(Hays, Karvel)"): a district of the province Karvel is named, so Karvel is the
    province, not its namesake city, as when a town of the province is named."""
    province = _place("Karvel", "ADM1", "ZZ", "ZZ-02", pid=62)
    city = _place("Karvel", "PPL", "ZZ", "ZZ-02", 250_000, pid=63)
    district = _place("Hallin", "ADM2", "ZZ", "ZZ-02", pid=64)
    alone = _features(province, _mention("Karvel", province, city))
    beside = _features(province, _mention("Karvel", province, city),
                       [_resolved(_mention("Hallin", district), district)], resolved=True)
    assert "city_namesake" in alone and "city_namesake" not in beside


def test_features_that_do_not_hold_are_left_out():
    found = _kind("PPL")
    assert "capital" not in found and "fuzzy_match" not in found and "country" not in found


def test_a_town_of_999_people_scores_three_powers_of_ten_at_the_table_weight():
    context = Context([_mention("Varnholm", TOWN)], resolved=False, coherence=coherence_of([]))
    found = context.features(TOWN, _mention("Varnholm", TOWN))
    assert found["population"] == pytest.approx(3.0)
    assert context.contributions(found)["population"] == pytest.approx(3.0 * TABLE.weights["population"])
    assert context.score(TOWN, _mention("Varnholm", TOWN)) == pytest.approx(sum(context.contributions(found).values()))


def test_the_weights_come_from_the_table():
    """With the country weight turned down, a country loses to a big namesake town: the table decides."""
    town = _place("Norland", "PPL", "QQ", "QQ-01", 5_000_000, pid=60)
    mention = _mention("Norland", COUNTRY, town)
    raw = {"feature": [f.model_dump(exclude_none=True) for f in TABLE.feature],
           "parameters": dict(TABLE.parameters), "rules": dict(TABLE.rules)}
    shipped = Context([mention], resolved=False, coherence=coherence_of([mention]))
    assert shipped.score(COUNTRY, mention) > shipped.score(town, mention)
    for feature in raw["feature"]:
        if feature["id"] == "country":
            feature["weight"] = 1.0
    lowered = Context([mention], resolved=False, coherence=coherence_of([mention]), weights=parse_weights(raw))
    assert lowered.score(COUNTRY, mention) < lowered.score(town, mention)


def test_a_malformed_table_is_a_resource_error_with_its_code():
    with pytest.raises(ResourceError) as caught:
        parse_weights({"feature": [{"id": "country", "weight": "heavy", "means": "x"}], "parameters": {}, "rules": {}})
    assert caught.value.code == "E314" and "weight" in str(caught.value)
    twice = {"id": "country", "weight": 1.0, "means": "x"}
    with pytest.raises(ResourceError):
        parse_weights({"feature": [twice, twice], "parameters": {}, "rules": {}})


def _rule_ids_in(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("place.")
            and " " not in node.value}


def test_every_rule_id_the_resolver_records_is_in_the_table_and_back():
    import sitrep.geo.resolve as resolve

    assert _rule_ids_in(Path(resolve.__file__)) == set(TABLE.rules)
