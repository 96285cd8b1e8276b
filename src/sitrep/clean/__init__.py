"""PLACEHOLDER (being written): the clean stage."""

from __future__ import annotations

from ..pipeline import Analysis, Stage
from ..settings import Settings


def make_stage(settings: Settings) -> Stage:
    def run(analysis: Analysis) -> None:
        return None

    return Stage("clean", needs=("document",), adds=("removed", "analysis_text"), run=run)
