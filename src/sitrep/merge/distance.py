"""How far apart two reports of one place may be at a given precision; the distance itself is the
package's one great-circle distance (geo/distance.py), here under the name merging has used."""

from __future__ import annotations

from ..geo.distance import haversine_km as km_between

__all__ = ["RADIUS_KM", "km_between", "radius_km"]

RADIUS_KM = {1: 25.0, 2: 75.0, 3: 300.0}  # ACLED geo-precision → largest distance for one place


def radius_km(precision: int | None) -> float:
    """How far apart two mentions of one place may lie when the vaguer is at this precision."""
    return RADIUS_KM.get(precision or 3, RADIUS_KM[3])
