"""Runs the stages in order over one document; the one module that knows every stage.

Each stage declares what it needs and what it adds (names of `Analysis` fields), as spaCy's
components do, so that a misordered pipeline fails when it is built, not on the thousandth document.

    ingest → Document
    clean     needs document                       adds removed, analysis_text
    nlp       needs analysis_text                  adds doc
    temporal  needs doc                            adds published, times
    geo       needs doc                            adds places
    actors    needs doc, places, times             adds actors
    events    needs doc, times, places, actors     adds events

`Pipeline.run` and `analyze_many` take documents in batches so that spaCy parses them together
(`nlp.pipe`); every other stage still sees one document, and each record is the one `analyze` gives.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

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

__all__ = ["Analysis", "Pipeline", "Stage", "check_order", "chunked"]
log = logging.getLogger(__name__)
T = TypeVar("T")


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
        _settle()

    def warm_up(self) -> Pipeline:
        """Load now what stages otherwise load when a document first needs it (`Stage.warm`), and keep it out of
        the collector's passes: for processes that analyse many documents (batch workers, the server,
        benchmarks), so that no document pays for a load. `analyze` of one text does not need it."""
        for stage in self.stages:
            if stage.warm is not None:
                stage.warm()
        _settle()
        return self

    def analyze(self, document: Document) -> Analysis:
        """One document through every stage, within the time budget (setting `time_budget`, E403)."""
        analysis = Analysis(document=document, settings=self.settings, analysis_text=document.text)
        budget = self.settings.time_budget
        began = time.perf_counter()
        try:
            with time_limit(budget):
                for stage in self.stages:
                    _run_one(stage, analysis)
                    if budget > 0 and time.perf_counter() - began > budget:
                        raise OverBudget
        except OverBudget:
            raise over_budget(document, budget, analysis) from None
        if log.isEnabledFor(logging.DEBUG):
            log.debug("%s: %s", document.id, ", ".join(f"{k} {1000 * v:.0f} ms" for k, v in analysis.timings.items()))
        return analysis

    def analyze_many(self, documents: list[Document]) -> list[Analysis | PipelineError]:
        """Analyse documents together: a stage with `run_batch` (spaCy's parse) takes them all at once.
        Each document gets the Analysis `analyze` gives it, or the PipelineError that failed it alone; each
        keeps its own time budget (its share of a batch's time counts against it)."""
        results: list[Analysis | PipelineError] = [
            Analysis(document=d, settings=self.settings, analysis_text=d.text) for d in documents]
        budget = self.settings.time_budget
        for stage in self.stages:
            live = [a for a in results if isinstance(a, Analysis)]
            if stage.run_batch is not None and len(live) > 1 and _run_batch(stage, live):
                continue
            for i, item in enumerate(results):
                if not isinstance(item, Analysis):
                    continue
                spent = sum(item.timings.values())
                try:
                    if budget > 0 and spent > budget:
                        raise OverBudget
                    with time_limit(budget - spent if budget > 0 else 0):
                        _run_one(stage, item)
                except OverBudget:
                    results[i] = over_budget(item.document, budget, item)
                except PipelineError as exc:
                    results[i] = exc
        return results

    def record(self, document: Document) -> DocumentRecord:
        """The document's record, with the same fault boundary as `analyze` (building the record included)."""
        return _record(self.analyze(document))

    def run(self, documents: Iterable[Document | SitrepError],
            batch_size: int | None = None) -> Iterator[DocumentRecord | SitrepError]:
        """Records in input order, analysed `batch_size` documents at a time (setting `batch_size`);
        input errors pass through, and a document the pipeline fails on becomes its PipelineError."""
        for chunk in chunked(documents, batch_size or self.settings.batch_size):
            docs = [item for item in chunk if isinstance(item, Document)]
            analysed = iter(self.analyze_many(docs))
            for item in chunk:
                if isinstance(item, SitrepError):
                    yield item
                    continue
                result = next(analysed)
                if isinstance(result, PipelineError):
                    yield result
                    continue
                try:
                    yield _record(result)
                except PipelineError as exc:
                    yield exc


def _settle() -> None:
    """Keep what is loaded by now (the spaCy model, the gazetteer's index, the knowledge bases: millions of
    objects that live as long as the process) out of the garbage collector's full passes, which would walk
    them all again and again while documents are analysed (gc.freeze; about half a millisecond a document)."""
    gc.collect()
    gc.freeze()


def _record(analysis: Analysis) -> DocumentRecord:
    try:
        return analysis.record()
    except Exception as exc:  # a record that does not validate is a bug, reported for this document
        raise PipelineError(f"{analysis.document.id}: the record cannot be built: {type(exc).__name__}: "
                            f"{' '.join(str(exc).split())[:300]}",
                            "this is a bug in sitrep; please report it with the document", code="E402") from exc


def over_budget(document: Document, budget: int, analysis: Analysis) -> PipelineError:
    done = ", ".join(analysis.timings) or "none"
    return PipelineError(f"{document.id}: not analysed within the time budget of {budget} s "
                         f"({len(document.text):,} characters; stages finished: {done})",
                         "raise the time_budget setting (e.g. SITREP_TIME_BUDGET=300) or split the text",
                         code="E403")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items (the last one shorter), in order, read lazily."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _run_one(stage: Stage, analysis: Analysis) -> None:
    began = time.perf_counter()
    try:
        stage.run(analysis)
    except SitrepError:
        raise
    except Exception as exc:  # a bug in a stage fails this document, not the whole run
        raise PipelineError(
            f"{analysis.document.id}: stage {stage.name!r} failed: {type(exc).__name__}: "
            f"{' '.join(str(exc).split())[:300]}",
            "this is a bug in sitrep; please report it with the document", code="E402") from exc
    analysis.timings[stage.name] = time.perf_counter() - began


def _run_batch(stage: Stage, analyses: list[Analysis]) -> bool:
    """Run a stage over a batch; False when it failed, so that each document is then run alone and
    only the one that fails is lost. Each document's timing is its share of the batch by length."""
    assert stage.run_batch is not None
    began = time.perf_counter()
    try:
        stage.run_batch(analyses)
    except SitrepError:
        raise
    except Exception:
        return False
    spent = time.perf_counter() - began
    total = sum(len(a.analysis_text) for a in analyses) or 1
    for analysis in analyses:
        analysis.timings[stage.name] = spent * len(analysis.analysis_text) / total
    return True
