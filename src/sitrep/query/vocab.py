"""The type codes a filter may name, read from the coding table the events stage codes from.

A filter type that no vocabulary knows is an error (a mistyped code must not look like "no events").
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

MODALITIES = ("asserted", "planned", "threatened", "requested", "denied", "conditional", "negated")


@dataclass(frozen=True)
class Vocabulary:
    plover: frozenset[str]
    cameo: frozenset[str]          # codes and every prefix of them (a root such as 19 or 08)
    acled_types: frozenset[str]     # lower case
    acled_sub_types: frozenset[str]  # lower case
    categories: frozenset[str]      # lower case

    def kind_of(self, value: str) -> str | None:
        """Which vocabulary knows ``value``: plover, cameo, acled_type, acled_sub_type, category."""
        if value.upper() in self.plover:
            return "plover"
        if value in self.cameo:
            return "cameo"
        lower = value.lower()
        for kind, known in (("acled_type", self.acled_types), ("acled_sub_type", self.acled_sub_types),
                            ("category", self.categories)):
            if lower in known:
                return kind
        return None


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    text = resources.files("sitrep").joinpath("data/events_types.toml").read_text("utf-8")
    table = tomllib.loads(text).values()
    cameo = {c[:n] for t in table if (c := t.get("cameo")) for n in range(1, len(c) + 1)}
    return Vocabulary(
        plover=frozenset(t["plover"] for t in table if "plover" in t),
        cameo=frozenset(cameo),
        acled_types=frozenset(t["acled"].lower() for t in table if "acled" in t),
        acled_sub_types=frozenset(t["acled_sub"].lower() for t in table if "acled_sub" in t),
        categories=frozenset(t["category"].lower() for t in table if "category" in t),
    )
