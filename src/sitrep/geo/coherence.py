"""Document coherence: the readings of different names in one article tend to lie together.

A local story names "Brandon", "Albany" and "Douglas County" without ever saying "Minnesota"; each
name alone is ambiguous, but only one state holds a reading of all three. For each candidate we
count the article's *other* names that have some reading in the same province or within about one
degree, each name weighted by how specific it is (a name found in forty states says little), so
that the candidates of ambiguous names pull towards each other before any of them is resolved.
Closer still: two names with readings of their own within 30 km of each other ("Edmonton" and
"Enfield", both in north London) support those readings strongly, unless the two names lie
together in many places.
"""

from __future__ import annotations

import math

from .distance import haversine_km
from .gazetteer import GazPlace
from .normalize import name_key

_CELL_DEGREES = 1.0  # grid cell size; a reading in the same or a neighbouring cell counts as near
_SAME_PROVINCE = 0.6  # a reading in the same province, or near, supports a little; both, fully
_NEAR = 0.6
CLOSE_KM = 30.0  # two readings this close lie together
_FINE_DEGREES = 0.5  # grid for finding close readings: CLOSE_KM fits within one cell either side up to 57° of latitude


def _own_name(c: GazPlace, key: str) -> bool:
    """The reading bears the name itself, or it followed by more words ("Enfield Town"), not a
    former or variant name."""
    own = name_key(c.name)
    return own == key or own.startswith(key + " ")


def _fine_cell(p: GazPlace) -> tuple[int, int]:
    return math.floor(p.lat / _FINE_DEGREES), math.floor(p.lon / _FINE_DEGREES)


def _near(a: GazPlace, b: GazPlace) -> bool:
    return a.id != b.id and haversine_km(a.lat, a.lon, b.lat, b.lon) <= CLOSE_KM


Grid = dict[tuple[int, int], list[GazPlace]]


def _close_in(grid: Grid, p: GazPlace) -> list[GazPlace]:
    """The places of a grid within CLOSE_KM of p."""
    x, y = _fine_cell(p)
    return [q for dx in (-1, 0, 1) for dy in (-1, 0, 1) for q in grid.get((x + dx, y + dy), ()) if _near(p, q)]


def _cell(p: GazPlace) -> tuple[int, int]:
    return math.floor(p.lat / _CELL_DEGREES), math.floor(p.lon / _CELL_DEGREES)


def _local(p: GazPlace) -> bool:
    """Places that locate a story below the country level: towns, airports, counties, provinces."""
    return p.feature_class in ("P", "S") or p.feature_code in ("ADM1", "ADM2")


class Coherence:
    """Where each distinct name of the document could be: its provinces and grid cells."""

    def __init__(self, names: dict[str, list[GazPlace]]):
        self.names: list[tuple[str, frozenset[str], frozenset[tuple[int, int]], float]] = []
        self.points: dict[str, list[GazPlace]] = {}  # per name: its readings that are points (no provinces)
        self._grids: dict[str, Grid] = {}
        self._pairs: dict[tuple[str, str], int] = {}
        self._close: dict[tuple[int, str], float] = {}
        self._support: dict[tuple[int, str], float] = {}
        for key, candidates in names.items():
            local = [c for c in candidates if _local(c)]
            if not local:
                continue
            self.points[key] = [c for c in local if c.feature_code != "ADM1" and _own_name(c, key)]
            grid: Grid = {}
            for c in self.points[key]:
                grid.setdefault(_fine_cell(c), []).append(c)
            self._grids[key] = grid
            admins = frozenset(c.admin1 for c in local if c.admin1)
            cells = frozenset((x + dx, y + dy) for c in local if c.feature_code != "ADM1"
                              for x, y in [_cell(c)] for dx in (-1, 0, 1) for dy in (-1, 0, 1))
            weight = 1.0 / math.sqrt(max(1, len(admins)))
            self.names.append((key, admins, cells, weight))

    def support(self, c: GazPlace, key: str) -> float:
        """Weighted count of the other names with a reading in c's province or near c."""
        if not _local(c):
            return 0.0
        if (id(c), key) not in self._support:  # each pass of the resolver, and each mention of the name, asks again
            self._support[(id(c), key)] = self._count_support(c, key)
        return self._support[(id(c), key)]

    def _count_support(self, c: GazPlace, key: str) -> float:
        cell = _cell(c)
        total = 0.0
        for other, admins, cells, weight in self.names:
            if other != key:
                inside = bool(c.admin1) and c.admin1 in admins
                if c.feature_code == "ADM1":  # a province has no one point to be near: lying in it is all
                    shared = 1.0 if inside else 0.0
                else:
                    shared = (_SAME_PROVINCE if inside else 0.0) + (_NEAR if cell in cells else 0.0)
                total += weight * min(1.0, shared)
        return total

    def close(self, c: GazPlace, key: str) -> float:
        """Other names with a reading within CLOSE_KM of c ("Edmonton" and "Enfield", both in north
        London), each counting 1/n where n is how many such close pairs the two names make between
        them: one close pair is hardly chance, a pair of names that lie together in many states is."""
        if not _local(c) or c.feature_code == "ADM1":
            return 0.0
        if (c.id, key) not in self._close:  # each pass of the resolver asks again
            self._close[(c.id, key)] = sum(1.0 / self._pair_count(key, other) for other, grid in self._grids.items()
                                           if other != key and _close_in(grid, c))
        return self._close[(c.id, key)]

    def _pair_count(self, a: str, b: str) -> int:
        pair = (a, b) if a < b else (b, a)
        if pair not in self._pairs:
            grid = self._grids.get(pair[1], {})
            self._pairs[pair] = max(1, sum(len(_close_in(grid, p)) for p in self.points.get(pair[0], [])))
        return self._pairs[pair]


def coherence_of(mentions: list) -> Coherence:  # list[Mention]; untyped to avoid a cycle
    names: dict[str, list[GazPlace]] = {}
    for m in mentions:
        if m.candidates and not m.demonym:
            names.setdefault(name_key(m.text), m.candidates)
    return Coherence(names)
