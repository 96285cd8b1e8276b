"""Runs the stages in order over one document.

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

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import PipelineError, SitrepError
from .models import (
    Actor,
    Document,
    DocumentRecord,
    Event,
    Place,
    Published,
    Removed,
    TimeExpression,
)
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Analysis:
    """The working state of one document as it passes through the stages."""

    document: Document
    settings: Settings
    removed: list[Removed] = field(default_factory=list)
    analysis_text: str = ""  # the input text with removed spans blanked (same length, same offsets)
    doc: Doc | None = None
    published: Published | None = None
    times: list[TimeExpression] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    extras: dict[str, Any] = field(default_factory=dict)  # stage-to-stage hints, never written out

    @property
    def text(self) -> str:
        return self.document.text

    def record(self) -> DocumentRecord:
        d = self.document
        return DocumentRecord(
            id=d.id, title=d.title, url=d.url, source=d.source, content_hash=d.content_hash,
            published=self.published, removed=self.removed, times=self.times, places=self.places,
            actors=self.actors, events=self.events,
        )


@dataclass(frozen=True)
class Stage:
    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]
    run: Callable[[Analysis], None]


def _default_stages(settings: Settings, learned: Any = None) -> list[Stage]:
    from .actors import make_stage as actors_stage
    from .clean import make_stage as clean_stage
    from .events import make_stage as events_stage
    from .geo import make_stage as geo_stage
    from .nlp.stage import make_stage as nlp_stage
    from .temporal import make_stage as temporal_stage

    return [clean_stage(settings), nlp_stage(settings), temporal_stage(settings), geo_stage(settings),
            actors_stage(settings, learned=learned), events_stage(settings)]


def check_order(stages: list[Stage]) -> None:
    available = {"document"}
    for stage in stages:
        missing = [n for n in stage.needs if n not in available]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage adds",
                "put the stage that adds it earlier in the pipeline", code="E401")
        available.update(stage.adds)


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
        return analysis

    def run(self, documents: Iterable[Document | SitrepError]) -> Iterator[DocumentRecord | SitrepError]:
        """Analyse each document in input order; input errors pass through to the caller."""
        for item in documents:
            if isinstance(item, SitrepError):
                yield item
                continue
            yield self.analyze(item).record()
