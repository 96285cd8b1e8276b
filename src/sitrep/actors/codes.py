"""Derived codes: CAMEO-style actor code, ACLED actor category and PLOVER actor type.

All three follow from country, sectors and a few flags, so they are computed in one place:
CAMEO concatenates the country (or IGO code) with the sectors ("TUR" + "GOV" + "MIL" → TURGOVMIL);
ACLED's inter codes are 1 state forces, 2 rebel groups, 3 political militias, 4 identity militias,
5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
"""

from __future__ import annotations

ACLED_CATEGORIES = {
    1: "State forces", 2: "Rebel groups", 3: "Political militias", 4: "Identity militias",
    5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other forces",
}
_STATE = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
_CIVILIAN = frozenset({"CVL", "REF", "MED", "BUS", "EDU", "LAB", "AGR", "REL", "HLH", "NGO", "ELI", "PTY", "OPP"})
# PLOVER actor types (sitrep's reading of the PLOVER actor ontology), by sector
_PLOVER = {
    "GOV": "GOV", "MIL": "MIL", "COP": "COP", "SPY": "SPY", "LEG": "LEG", "JUD": "JUD", "REB": "REB",
    "OPP": "OPP", "PTY": "PTY", "UAF": "UAF", "IGO": "IGO", "NGO": "NGO", "CVL": "CVL", "REF": "REF",
    "MED": "MED", "BUS": "BUS", "EDU": "EDU", "LAB": "LAB", "AGR": "AGR", "REL": "REL", "HLH": "HLH",
    "CRM": "CRM", "ELI": "ELI",
}


SECTOR_ORDER = ("IGO", "NGO", "GOV", "MIL", "COP", "SPY", "LEG", "JUD", "REB", "OPP", "PTY", "UAF", "ELI", "CVL",
                "REF", "MED", "BUS", "EDU", "LAB", "AGR", "REL", "HLH", "CRM")


def ordered(sectors: list[str]) -> list[str]:
    """Sectors in CAMEO's customary order (GOV before MIL), duplicates removed."""
    rank = {s: i for i, s in enumerate(SECTOR_ORDER)}
    return sorted(dict.fromkeys(sectors), key=lambda s: rank.get(s, len(rank)))


def cameo_code(country: str | None, sectors: list[str]) -> str | None:
    """CAMEO-style code: country (or IGO code), then the sectors in order; IGO is not repeated."""
    parts = [s for s in sectors if not (s in ("IGO", "NGO") and country and country.startswith(s))]
    code = (country or "---") + "".join(parts)
    return None if code == "---" else code


def acled_inter(sectors: list[str], *, militia: bool = False, protest: str | None = None,
                foreign: bool = False, identity: bool = False) -> int | None:
    """ACLED inter code from sectors; ``protest`` is "rioters" or "protesters" when the head says so."""
    if militia:
        return 4 if identity else 3
    if protest == "rioters":
        return 5
    if protest == "protesters":
        return 6
    if "IGO" in sectors or foreign:
        return 8
    if "REB" in sectors:
        return 2
    if "UAF" in sectors or "CRM" in sectors:  # ACLED codes gangs and unnamed armed groups as political militias
        return 3
    if _STATE & set(sectors):
        return 1
    if _CIVILIAN & set(sectors):
        return 7
    return None


def plover_type(sectors: list[str], kind: str | None) -> str | None:
    """PLOVER actor type: the first sector's type, or STATE for a bare country."""
    for sector in sectors:
        if sector in _PLOVER:
            return _PLOVER[sector]
    return "STATE" if kind == "state" else None
