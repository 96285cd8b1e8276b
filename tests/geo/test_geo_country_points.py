"""Country points: countryinfo's point blended with the area centroid of the main landmass."""

import pytest

from sitrep.geo.sources import _blend, main_landmass_centroid


def _square(lon, lat, size):
    return [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]


def test_centroid_of_the_largest_polygon_only():
    geojson = {"features": [{"geometry": {"type": "MultiPolygon", "coordinates": [
        [_square(0, 0, 10)], [_square(50, 50, 1)]]}}]}
    lat, lon = main_landmass_centroid(geojson)
    assert lat == pytest.approx(5.0) and lon == pytest.approx(5.0)


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
