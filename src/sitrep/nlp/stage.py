"""The nlp stage: parse the cleaned text (same length and offsets as the input) with spaCy.

One Doc per document, shared by every later stage. A batch of documents is parsed with `nlp.pipe`
(`run_batch`), which gives each text the Doc `nlp(text)` would, faster.
"""

from __future__ import annotations

from ..settings import Settings
from ..stage import Analysis, Stage
from . import load_model


def make_stage(settings: Settings) -> Stage:
    nlp = load_model(settings.model)

    def run(analysis: Analysis) -> None:
        analysis.doc = nlp(analysis.analysis_text)

    def run_batch(analyses: list[Analysis]) -> None:
        texts = [a.analysis_text for a in analyses]
        for analysis, doc in zip(analyses, nlp.pipe(texts, batch_size=settings.batch_size), strict=True):
            analysis.doc = doc

    return Stage("nlp", needs=("analysis_text",), adds=("doc",), run=run, run_batch=run_batch)
