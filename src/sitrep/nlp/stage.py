"""The nlp stage: parse the cleaned text (same length and offsets as the input) with spaCy.

One Doc per document, shared by every later stage. A batch of documents is parsed with `nlp.pipe`
(`run_batch`), which gives each text the Doc `nlp(text)` would, faster. A text longer than one chunk
(nlp/chunks.py) is parsed on its own, in pieces joined with offsets kept.
"""

from __future__ import annotations

from ..settings import Settings
from ..stage import Analysis, Stage
from . import load_model
from .chunks import CHUNK_CHARS, parse_text
from .tokens import token_table


def make_stage(settings: Settings) -> Stage:
    nlp = load_model(settings.model)

    def run(analysis: Analysis) -> None:
        analysis.doc = parse_text(nlp, analysis.analysis_text)
        token_table(analysis.doc, analysis.analysis_text)  # doc.text == the text parsed

    def run_batch(analyses: list[Analysis]) -> None:
        short = [a for a in analyses if len(a.analysis_text) <= CHUNK_CHARS]
        texts = [a.analysis_text for a in short]
        for analysis, doc in zip(short, nlp.pipe(texts, batch_size=settings.batch_size), strict=True):
            analysis.doc = doc
            token_table(doc, analysis.analysis_text)
        for analysis in analyses:
            if len(analysis.analysis_text) > CHUNK_CHARS:
                run(analysis)

    return Stage("nlp", needs=("analysis_text",), adds=("doc",), run=run, run_batch=run_batch)
