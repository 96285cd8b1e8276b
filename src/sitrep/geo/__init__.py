"""PLACEHOLDER (being written): the geo stage."""

from __future__ import annotations

from ..pipeline import Analysis, Stage
from ..settings import Settings


def make_stage(settings: Settings) -> Stage:
    def run(analysis: Analysis) -> None:
        return None

    return Stage("geo", needs=("doc",), adds=("places",), run=run)
