"""The stage contract: the working record of one document (`Analysis`) and what a stage is (`Stage`).

A leaf module: it imports no stage. Every stage imports `Analysis` and `Stage` from here; the pipeline that
strings the stages together (pipeline.py) sits above them, as spaCy's `Language` sits above its factories.

Each stage declares what it needs and what it adds (names of `Analysis` fields), as spaCy's
components do, so that a misordered pipeline fails when it is built, not on the thousandth document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import PipelineError
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
from .settings import Settings

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
    """A step of the pipeline. `run` handles one document; `run_batch`, when a stage has one, handles
    several at once with the same result per document (the nlp stage parses a batch with `nlp.pipe`). `warm`,
    when a stage has one, loads now what the stage loads only when a document first needs it (the clean
    stage's language identifier): `Pipeline.warm_up` calls it in processes that analyse many documents."""

    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]
    run: Callable[[Analysis], None]
    run_batch: Callable[[list[Analysis]], None] | None = None
    warm: Callable[[], None] | None = None  # loads what `run` would otherwise load on first need


def check_order(stages: list[Stage]) -> None:
    available = {"document"}
    for stage in stages:
        missing = [n for n in stage.needs if n not in available]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} needs {', '.join(missing)}, which no earlier stage adds",
                "put the stage that adds it earlier in the pipeline", code="E401")
        available.update(stage.adds)
