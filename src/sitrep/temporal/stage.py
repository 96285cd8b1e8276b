"""The temporal stage: publication date (given or inferred), then every time expression resolved."""

from __future__ import annotations

from datetime import date

from ..models import Published
from ..settings import Settings
from ..stage import Analysis, Stage
from ..wordtables import word_table
from .catalog import all_rules
from .detect import Candidate, detect
from .direction import TokenIndex, expression_direction
from .published import given_published, infer_published
from .resolve import resolve
from .rules import fold_letters


def make_stage(settings: Settings) -> Stage:
    rules = all_rules()

    def run(analysis: Analysis) -> None:
        text = analysis.analysis_text or analysis.text
        index = TokenIndex(analysis.doc) if analysis.doc is not None else None
        candidates = [c for c in detect(fold_letters(text), rules) if index is None or not _attributive_set(index, c)]
        directions = [expression_direction(index, c.start, c.end) if index else "none" for c in candidates]
        analysis.extras["temporal_index"] = index
        analysis.extras["temporal_candidates"] = (candidates, directions)
        published = given_published(analysis.document) or infer_published(analysis.text, candidates, directions)
        analysis.published = published
        analysis.times = resolve(analysis.text, candidates, directions, publication_day(published))

    return Stage("temporal", needs=("doc",), adds=("published", "times"), run=run)


def publication_day(published: Published | None) -> date | None:
    if published is None:
        return None
    try:
        return date.fromisoformat(published.value[:10])
    except ValueError:
        return None


def _attributive_set(index: TokenIndex, candidate: Candidate) -> bool:
    """'a quarterly dividend', 'monthly payments': an adjective naming a kind of financial product, not a
    time. 'his daily life', 'a weekly radio address' stay: TimeBank annotates those as sets."""
    if candidate.rule.name != "set_word" or candidate.match["word"].lower() not in _PRODUCT_SETS:
        return False
    token = index.at(candidate.start)
    return token is not None and token.tag_ == "JJ" and token.dep_ == "amod"


_PRODUCT_SETS = word_table("temporal.stage.product_sets")
