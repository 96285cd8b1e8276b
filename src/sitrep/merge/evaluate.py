"""Pairwise scores of a merge against gold groups, and of violation links against gold pairs.

Pairwise merge precision: of the pairs of reports the merge put in one event, how many are one event
in the gold; recall: of the gold pairs, how many the merge put together. Reports absent from either
side are left out, so the scores measure merging, not detection.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True)
class PairScore:
    true_pairs: int
    predicted_pairs: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.true_pairs if self.true_pairs else 1.0

    def line(self, what: str) -> str:
        return (f"{what}: precision {self.precision:.3f} ({self.correct}/{self.predicted_pairs}), "
                f"recall {self.recall:.3f} ({self.correct}/{self.true_pairs})")


def _pairs(clusters: Mapping[Hashable, Hashable], keep: set[Hashable]) -> set[frozenset[Hashable]]:
    by_cluster: dict[Hashable, list[Hashable]] = {}
    for item, cluster in clusters.items():
        if item in keep:
            by_cluster.setdefault(cluster, []).append(item)
    return {frozenset(p) for members in by_cluster.values() for p in combinations(members, 2)}


def pairwise(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> PairScore:
    """Pairwise precision and recall of a clustering (item → cluster) against the gold one."""
    keep = set(gold) & set(predicted)
    true, found = _pairs(gold, keep), _pairs(predicted, keep)
    return PairScore(len(true), len(found), len(true & found))


def links(gold: set[tuple[Hashable, Hashable]], predicted: set[tuple[Hashable, Hashable]]) -> PairScore:
    """Precision and recall of links (e.g. ceasefire → violation) given as pairs of gold groups."""
    return PairScore(len(gold), len(predicted), len(gold & predicted))
