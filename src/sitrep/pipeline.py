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
        analysis = Analysis(document=document, settings=self.settings, analysis_text=document.text)
        for stage in self.stages:
            began = time.perf_counter()
            try:
                stage.run(analysis)
            except SitrepError:
                raise
            except Exception as exc:  # a bug in a stage fails this document, not the whole run
                raise PipelineError(
                    f"{document.id}: stage {stage.name!r} failed: {type(exc).__name__}: {exc}",
                    "this is a bug in sitrep; please report it with the document", code="E402") from exc
            analysis.timings[stage.name] = time.perf_counter() - began
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s: %s", document.id, ", ".join(f"{k} {1000 * v:.0f} ms" for k, v in analysis.timings.items()))
        return analysis

    def run(self, documents: Iterable[Document | SitrepError]) -> Iterator[DocumentRecord | SitrepError]:
        """Analyse each document in input order; input errors pass through to the caller."""
        for item in documents:
            if isinstance(item, SitrepError):
                yield item
                continue
            yield self.analyze(item).record()
