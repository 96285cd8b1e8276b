"""Coding: one internal event type → PLOVER type and mode, CAMEO code, ACLED type and sub-type.

The table is sitrep/data/events_types.toml (documented in docs/events.md). Two codes depend on more
than the type: ACLED's territory sub-events turn on who took the ground (a government regains
territory, a non-state actor overtakes it), and PLOVER draft 0.5b1 (2016), used by the PLOVER gold
records, had other names for some of today's categories (`plover_2016`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..models import AcledCode, Actor, Event, PloverCode
from .lexicon import EventType, load_lexicon

# PLOVER 2021 name → draft 0.5b1 name, where a category was renamed; modes that split a
# current category back into its 2016 parts are given per type in events_types.toml.
PLOVER_2016 = {"REQUEST": "DEMAND", "ACCUSE": "DISAPPROVE"}
STATE_SECTORS = frozenset({"GOV", "MIL", "PTY", "SPY", "COP", "JUD", "LEG"})
NON_STATE_SECTORS = frozenset({"REB", "INS", "SEP", "MILITIA", "UAF", "TER", "OPP"})
TERRITORY_TYPES = frozenset({"occupy", "recapture"})


@dataclass(frozen=True)
class Codes:
    plover: PloverCode
    cameo: str | None
    acled: AcledCode
    category: str | None


def code_event(event_type: EventType, sources: list[Actor] | None = None) -> Codes:
    """The three codes and sitrep's category for an internal type (and its source actors)."""
    acled = AcledCode(event_type=event_type.acled, sub_event_type=event_type.acled_sub)
    if event_type.name in TERRITORY_TYPES and sources:
        acled = AcledCode(event_type="Battles", sub_event_type=territory_sub_event(event_type, sources))
    return Codes(
        plover=PloverCode(type=event_type.plover, mode=event_type.mode),
        cameo=event_type.cameo,
        acled=acled,
        category=event_type.category,
    )


def territory_sub_event(event_type: EventType, sources: list[Actor]) -> str:
    """ACLED: a state force taking ground regains territory; anyone else overtakes it."""
    sectors = {s for actor in sources for s in actor.sectors}
    if sectors & STATE_SECTORS or any(a.kind == "state" for a in sources):
        return "Government regains territory"
    if sectors & NON_STATE_SECTORS:
        return "Non-state actor overtakes territory"
    return event_type.acled_sub or "Armed clash"


def plover_2016(event_type: EventType) -> str:
    """The PLOVER draft 0.5b1 category of an internal type (for the 2016 gold records)."""
    if event_type.plover_2016:
        return event_type.plover_2016
    return PLOVER_2016.get(event_type.plover, event_type.plover)


def cameo_root(code: str | None) -> str | None:
    return code[:2] if code else None


def plover_2016_of(event: Event) -> str:
    """The PLOVER 0.5b1 category of a coded event, found back through the type table."""
    kind = _type_by_codes().get((event.plover.type, event.plover.mode, event.cameo))
    if kind is not None:
        return plover_2016(kind)
    return PLOVER_2016.get(event.plover.type, event.plover.type)


@lru_cache(maxsize=1)
def _type_by_codes() -> dict[tuple[str, str | None, str | None], EventType]:
    found: dict[tuple[str, str | None, str | None], EventType] = {}
    for kind in load_lexicon().types.values():
        found.setdefault((kind.plover, kind.mode, kind.cameo), kind)
    return found
