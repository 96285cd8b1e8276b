"""Country points: countryinfo's point blended with the area centroid of the main landmass."""

import pytest

from sitrep.geo.sources import _blend, main_landmass_centroid, main_landmass_share


def _square(lon, lat, size):
    return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]


def test_centroid_of_the_largest_polygon_only():
    geojson = {"features": [{"geometry": {"type": "MultiPolygon", "coordinates": [
        [_square(0, 0, 10)], [_square(50, 50, 1)]]}}]}
    lat, lon = main_landmass_centroid(geojson)
    assert lat == pytest.approx(5.0) and lon == pytest.approx(5.0)


def test_share_of_the_largest_polygon():
    geojson = {"features": [{"geometry": {"type": "MultiPolygon", "coordinates": [
        [_square(0, 0, 3)], [_square(50, 50, 1)]]}}]}
    assert main_landmass_share(geojson) == pytest.approx(0.9)
    assert main_landmass_share({}) == 0.0


def test_a_country_mostly_one_landmass_leans_to_its_centroid():
    lat, lon = _blend(-27.0, 133.0, (-25.5, 134.5), landmass_share=0.99)
    assert lat == pytest.approx(-26.0) and lon == pytest.approx(134.0)
    assert _blend(-27.0, 133.0, (-25.5, 134.5), landmass_share=0.4) == pytest.approx((-26.25, 133.75))


def test_no_outline_gives_no_centroid():
    assert main_landmass_centroid({}) is None


def test_estimates_a_few_hundred_km_apart_are_blended():
    assert _blend(38.0, -97.0, (39.5, -99.0)) == pytest.approx((38.75, -98.0))


@pytest.mark.parametrize("centroid", [(35.3, 38.3), (-37.3, -71.7), None])
def test_close_or_contradicting_estimates_keep_countryinfo(centroid):
    lat = 35.0 if centroid != (-37.3, -71.7) else -30.0
    lon = 38.0 if centroid != (-37.3, -71.7) else -71.0
    assert _blend(lat, lon, centroid) == (lat, lon)


def test_estimates_over_400_km_apart_keep_countryinfo():
    # a large country whose people live along its southern edge: the landmass centroid lies ~450 km
    # from countryinfo's point, and the two no longer agree on where the middle is
    assert _blend(60.0, -95.0, (57.7, -101.6)) == (60.0, -95.0)
