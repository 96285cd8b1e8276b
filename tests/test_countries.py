"""lookup_country: names, short forms, demonyms and plurals map to ISO 3166 countries."""

from __future__ import annotations

import pytest

from sitrep.countries import country_by_code, lookup_country


@pytest.mark.parametrize(
    ("text", "alpha3"),
    [
        ("U.S.", "USA"), ("the United States", "USA"), ("US", "USA"), ("Americans", "USA"),
        ("Britain", "GBR"), ("UK", "GBR"), ("British", "GBR"),
        ("Syrian", "SYR"), ("Syrians", "SYR"), ("Syrian Arab Republic", "SYR"),
        ("Turkish", "TUR"), ("Turkey's", "TUR"), ("Turkey’s", "TUR"), ("Türkiye", "TUR"),
        ("Iranian", "IRN"), ("Iraqis", "IRQ"), ("Frenchmen", "FRA"), ("Chinese", "CHN"),
        ("Congo", "COD"), ("Republic of the Congo", "COG"), ("Kosovo", "XKX"), ("Palestinians", "PSE"),
    ],
)
def test_known_forms(text: str, alpha3: str) -> None:
    country = lookup_country(text)
    assert country is not None and country.alpha3 == alpha3


@pytest.mark.parametrize("text", ["us", "Idlib", "Kurds", "Moscow", "", "the"])
def test_non_countries(text: str) -> None:
    assert lookup_country(text) is None


def test_country_fields() -> None:
    syria = lookup_country("Syrians")
    assert syria is not None
    assert (syria.alpha2, syria.alpha3, syria.name) == ("SY", "SYR", "Syria")
    assert country_by_code("RUS") is not None and country_by_code("RUS").name == "Russia"
