"""Great-circle distance and how far apart two reports of one place may be at a given precision."""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt

EARTH_KM = 6371.0
RADIUS_KM = {1: 25.0, 2: 75.0, 3: 300.0}  # ACLED geo-precision → largest distance for one place


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres."""
    p1, p2 = radians(lat1), radians(lat2)
    dp, dl = p2 - p1, radians(lon2 - lon1)
    h = sin(dp / 2) ** 2 + cos(p1) * cos(p2) * sin(dl / 2) ** 2
    return 2 * EARTH_KM * asin(min(1.0, sqrt(h)))


def radius_km(precision: int | None) -> float:
    """How far apart two mentions of one place may lie when the vaguer is at this precision."""
    return RADIUS_KM.get(precision or 3, RADIUS_KM[3])
