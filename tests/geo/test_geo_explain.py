"""Each resolved place names the rule, or the scored features, that decided its reading (what
`sitrep analyze --explain` shows); sentences of our own, the real model and the shipped gazetteer."""

import pytest

from sitrep.geo.weights import place_weights
from sitrep.models import Document

pytestmark = pytest.mark.slow


def _places(pipeline, text):
    return {p.text: p for p in pipeline.analyze(Document(id="t", text=text)).places}


def test_a_scored_reading_carries_its_features_as_weight_times_value(pipeline):
    oslo = _places(pipeline, "Officials from Norway met their hosts in Oslo on Tuesday.")["Oslo"]
    weights = place_weights().weights
    assert oslo.rule == "place.scored" and oslo.country == "NO"
    assert oslo.features["capital"] == weights["capital"]
    assert oslo.features["named_country_capital"] == weights["named_country_capital"]
    assert set(oslo.features) <= set(weights)


def test_the_province_the_text_states_shows_in_the_features(pipeline):
    places = _places(pipeline, "Farmers in Springfield, Illinois, said the harvest was late.")
    assert places["Springfield"].admin1 == "US-IL" and places["Springfield"].rule == "place.scored"
    assert places["Springfield"].features["inside_stated"] == place_weights().weights["inside_stated"]


def test_a_reading_a_rule_decided_names_the_rule_and_no_features(pipeline):
    airport = _places(pipeline, "The convoy reached Kandahar airport before dawn.")["Kandahar airport"]
    assert airport.feature_class == "S" and airport.rule == "place.airport" and airport.features == {}
    assert airport.rule in place_weights().rules


def test_a_name_the_gazetteer_lacks_says_so(pipeline):
    places = _places(pipeline, "Troops moved north of Marbelosk, Ukraine, on Monday.")
    lacking = places.get("Marbelosk")
    assert lacking is not None and lacking.geonameid is None and lacking.lat is None
    assert lacking.rule == "place.no_reading" and lacking.rule in place_weights().rules
