"""The pipeline checks stage order before any document runs, and a failing stage fails one document."""

from __future__ import annotations

import pytest

from sitrep.errors import PipelineError
from sitrep.models import Document
from sitrep.pipeline import Analysis, Pipeline, Stage, check_order
from sitrep.settings import Settings


def _stage(name: str, needs: tuple[str, ...], adds: tuple[str, ...], run=lambda a: None) -> Stage:
    return Stage(name, needs=needs, adds=adds, run=run)


def test_misordered_stages_fail_at_build_time():
    with pytest.raises(PipelineError, match="stage 'events' needs doc"):
        check_order([_stage("events", ("doc",), ("events",)), _stage("nlp", ("document",), ("doc",))])


def test_a_stage_bug_becomes_a_pipeline_error_naming_document_and_stage():
    def broken(analysis: Analysis) -> None:
        raise ValueError("boom")

    pipeline = Pipeline(Settings(), stages=[_stage("clean", ("document",), ("removed",), broken)])
    with pytest.raises(PipelineError) as caught:
        pipeline.analyze(Document(id="doc-7", text="Some text."))
    assert "doc-7" in str(caught.value) and "'clean'" in str(caught.value) and "ValueError: boom" in str(caught.value)


def test_run_passes_input_errors_through_in_order():
    from sitrep.errors import InputError

    pipeline = Pipeline(Settings(), stages=[])
    bad = InputError("b.txt", "empty file")
    out = list(pipeline.run([Document(id="a", text="x"), bad, Document(id="c", text="y")]))
    assert [getattr(o, "id", None) for o in out] == ["a", None, "c"] and out[1] is bad


def test_warm_up_loads_what_stages_load_on_first_need():
    """A long-running process loads the clean stage's language identifier before the first document, not
    while one is being analysed; a stage without a warm step is left alone; with language detection off
    nothing is loaded for it."""
    from sitrep.clean import make_stage as clean_stage
    from sitrep.clean.language import _identifier

    warmed: list[str] = []
    other = Stage("other", needs=("document",), adds=("x",), run=lambda a: None, warm=lambda: warmed.append("other"))
    assert clean_stage(Settings(detect_language=False)).warm is None
    _identifier.cache_clear()
    pipeline = Pipeline(Settings(), stages=[clean_stage(Settings()), other, _stage("plain", ("x",), ("y",))])
    assert _identifier.cache_info().currsize == 0 and warmed == []
    assert pipeline.warm_up() is pipeline
    assert _identifier.cache_info().currsize == 1 and warmed == ["other"]
