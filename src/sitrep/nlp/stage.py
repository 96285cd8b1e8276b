"""The nlp stage: parse the cleaned text (same length and offsets as the input) with spaCy.

A text longer than one chunk (nlp/chunks.py) is parsed in pieces joined with offsets kept.
"""

from __future__ import annotations

from ..settings import Settings
from ..stage import Analysis, Stage
from . import load_model
from .chunks import parse_text


def make_stage(settings: Settings) -> Stage:
    nlp = load_model(settings.model)

    def run(analysis: Analysis) -> None:
        analysis.doc = parse_text(nlp, analysis.analysis_text)

    return Stage("nlp", needs=("analysis_text",), adds=("doc",), run=run)
