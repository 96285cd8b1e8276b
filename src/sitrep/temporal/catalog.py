"""Every time rule, gathered from the modules that define them (dates, relative, clock, durations).

Sits above those modules and rules.py (the contract they share), so that no import runs in a circle.
"""

from __future__ import annotations

from . import clock, dates, durations, relative
from .rules import Rule


def all_rules() -> list[Rule]:
    found: list[Rule] = []
    for module in (dates, relative, clock, durations):
        found.extend(v for v in vars(module).values() if isinstance(v, Rule))
    return found
