"""A pipeline of the stages the time tagger needs (clean, parse, time), shared by the temporal tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def temporal_pipeline():
    from sitrep.clean import make_stage as clean_stage
    from sitrep.nlp.stage import make_stage as nlp_stage
    from sitrep.pipeline import Pipeline
    from sitrep.settings import load_settings
    from sitrep.temporal import make_stage

    settings = load_settings()
    return Pipeline(settings, [clean_stage(settings), nlp_stage(settings), make_stage(settings)])
