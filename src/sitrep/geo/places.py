"""Resolved mentions → `models.Place` records (role, precision, ids) for the analysis."""

from __future__ import annotations

from ..models import Place
from .spotting import Mention

_UNRESOLVED_CONFIDENCE = 0.2


def precision_of(m: Mention) -> int | None:
    """ACLED geo-precision: 1 the town (or airport) itself, 2 near a town or in a district, 3 a region or
    country."""
    place = m.resolved
    if place is None:
        return None
    if m.coarse:  # a town the gazetteer lacks, placed at the province the text puts it in
        return 2
    if place.feature_code == "ADM2":  # ACLED codes an event known to its district at precision 2
        return 2
    if place.feature_class == "A" or place.feature_code == "RGN":  # provinces, countries, regions
        return 3
    return 2 if m.near else 1


def to_place(m: Mention) -> Place:
    """The public record of one mention; unresolved place names keep their words but no point."""
    p = m.resolved
    role = "demonym" if m.demonym else "location"
    if p is None:
        return Place(start=m.start, end=m.end, text=m.text, name=m.text, role=role,
                     confidence=_UNRESOLVED_CONFIDENCE, rule=m.rule or None)
    return Place(start=m.start, end=m.end, text=m.text, name=p.name, geonameid=p.geonameid,
                 gazetteer_id=p.gazetteer_id, lat=p.lat, lon=p.lon, feature_class=p.feature_class,
                 feature_code=p.feature_code, country=p.country or None, admin1=p.admin1 or None,
                 precision=precision_of(m), role=role, confidence=m.confidence, rule=m.rule or None,
                 features=dict(m.features))
