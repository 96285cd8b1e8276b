"""PLACEHOLDER (being written): the events stage."""

from __future__ import annotations

from ..pipeline import Analysis, Stage
from ..settings import Settings


def make_stage(settings: Settings) -> Stage:
    def run(analysis: Analysis) -> None:
        return None

    return Stage("events", needs=("doc", "times", "places", "actors"), adds=("events",), run=run)
