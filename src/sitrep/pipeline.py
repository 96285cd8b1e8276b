"""Runs the stages in order over one document; the one module that knows every stage.

Each stage declares what it needs and what it adds (names of `Analysis` fields), as spaCy's
components do, so that a misordered pipeline fails when it is built, not on the thousandth document.

    ingest → Document
    clean     needs document                       adds removed, analysis_text
    nlp       needs analysis_text                  adds doc
    temporal  needs doc                            adds published, times
    geo       needs doc                            adds places
    actors    needs doc, places                    adds actors
    events    needs doc, times, places, actors     adds events
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from typing import Any

from .actors import make_stage as actors_stage
from .budget import OverBudget, time_limit
from .clean import make_stage as clean_stage
from .errors import PipelineError, SitrepError
from .events import make_stage as events_stage
from .geo import make_stage as geo_stage
from .models import Document, DocumentRecord
from .nlp.stage import make_stage as nlp_stage
from .settings import Settings, load_settings
from .stage import Analysis, Stage, check_order
from .temporal import make_stage as temporal_stage

__all__ = ["Analysis", "Pipeline", "Stage", "check_order"]
log = logging.getLogger(__name__)


def _default_stages(settings: Settings, learned: Any = None) -> list[Stage]:
    return [clean_stage(settings), nlp_stage(settings), temporal_stage(settings), geo_stage(settings),
            actors_stage(settings, learned=learned), events_stage(settings)]


class Pipeline:
    def __init__(self, settings: Settings | None = None, stages: list[Stage] | None = None,
                 learned: Any = None):
        """`learned`: a `sitrep.actors.learned.LearnedKB` to read and teach actor knowledge (with a store)."""
        self.settings = settings or load_settings()
        self.stages = stages if stages is not None else _default_stages(self.settings, learned)
        check_order(self.stages)

    def analyze(self, document: Document) -> Analysis:
        """Run every stage over one document within its time budget.

        Fails only with a SitrepError naming the document: a stage's bug (E402), the budget spent (E403),
        or a stage's own error (a Skipped document, E6xx, included); never with a bare exception."""
        analysis = Analysis(document=document, settings=self.settings, analysis_text=document.text)
        budget = self.settings.time_budget
        began = time.perf_counter()
        try:
            with time_limit(budget):
                for stage in self.stages:
                    self._run_stage(stage, analysis)
                    if budget > 0 and time.perf_counter() - began > budget:
                        raise OverBudget
        except OverBudget:
            raise over_budget(document, budget, analysis) from None
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s: %s", document.id, ", ".join(f"{k} {1000 * v:.0f} ms" for k, v in analysis.timings.items()))
        return analysis

    def _run_stage(self, stage: Stage, analysis: Analysis) -> None:
        began = time.perf_counter()
        try:
            stage.run(analysis)
        except SitrepError:
            raise
        except Exception as exc:  # a bug in a stage fails this document, not the whole run
            raise PipelineError(
                f"{analysis.document.id}: stage {stage.name!r} failed: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}",
                "this is a bug in sitrep; please report it with the document", code="E402") from exc
        analysis.timings[stage.name] = time.perf_counter() - began

    def record(self, document: Document) -> DocumentRecord:
        """The document's record, with the same fault boundary as `analyze` (building the record included)."""
        analysis = self.analyze(document)
        try:
            return analysis.record()
        except Exception as exc:  # a record that does not validate is a bug, reported for this document
            raise PipelineError(f"{document.id}: the record cannot be built: {type(exc).__name__}: "
                                f"{' '.join(str(exc).split())[:300]}",
                                "this is a bug in sitrep; please report it with the document", code="E402") from exc

    def run(self, documents: Iterable[Document | SitrepError]) -> Iterator[DocumentRecord | SitrepError]:
        """Analyse each document in input order; input errors pass through to the caller."""
        for item in documents:
            if isinstance(item, SitrepError):
                yield item
                continue
            yield self.record(item)


def over_budget(document: Document, budget: int, analysis: Analysis) -> PipelineError:
    done = ", ".join(analysis.timings) or "none"
    return PipelineError(f"{document.id}: not analysed within the time budget of {budget} s "
                         f"({len(document.text):,} characters; stages finished: {done})",
                         "raise the time_budget setting (e.g. SITREP_TIME_BUDGET=300) or split the text",
                         code="E403")
