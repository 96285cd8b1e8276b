"""PLACEHOLDER (being written): the actors stage."""

from __future__ import annotations

from ..pipeline import Analysis, Stage
from ..settings import Settings


def make_stage(settings: Settings) -> Stage:
    def run(analysis: Analysis) -> None:
        return None

    return Stage("actors", needs=("doc", "places"), adds=("actors",), run=run)
