"""Evaluation against public gold data (read at run time from a corpora folder, never shipped).

Each task module (time, geo, actors, events, acled, merge) exposes

    evaluate(corpus_root: Path, limit: int | None = None, split: Split = "all") -> list[EvalResult]

where ``corpus_root`` is the folder holding the corpora (for example /path/to/corpora) and ``split``
the part of each corpus to score (split.py: rules are studied on dev; test is reported beside it). Each
result carries our scores and, beside them, the baseline run on the same documents.
"""

from .common import EvalResult, Metric

TASKS = ("time", "geo", "actors", "events", "acled", "merge")

__all__ = ["TASKS", "EvalResult", "Metric"]
