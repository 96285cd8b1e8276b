"""Shared result types and small scoring helpers for `sitrep eval`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Metric:
    name: str                      # e.g. "value_f1"
    value: float                   # our score, 0..1 (or km for distances: say so in `unit`)
    baseline: float | None = None  # the baseline's score on the same documents
    anchor: str | None = None      # a published figure to compare with, e.g. "HeidelTime 77.61 (TE3 test)"
    unit: str = "ratio"            # ratio | km | count
    n: int = 0                     # how many gold items the score is over


@dataclass
class EvalResult:
    task: str                      # time | geo | actors | events
    corpus: str                    # e.g. "tempeval3/TBAQ-cleaned"
    metrics: list[Metric]
    baseline_name: str = ""
    details: dict[str, Any] = field(default_factory=dict)  # confusion tables, error classes …
    split: str = "all"             # dev | test | all (eval/split.py)

    def metric(self, name: str) -> Metric:
        for m in self.metrics:
            if m.name == name:
                return m
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
