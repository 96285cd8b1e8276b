"""Shared fixtures. Data in ../shared (the seed article, the gold corpora) is read at run time:
outside CI a test that needs it is skipped with the reason; in CI (CI=true) its absence is an error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED", ROOT.parent / "shared"))
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _need(path: Path, what: str) -> Path:
    if path.exists():
        return path
    if IN_CI:
        pytest.fail(f"{what} not found at {path}: CI runs with ../shared beside the clone")
    pytest.skip(f"{what} not found at {path} (set SITREP_SHARED or put shared/ beside the clone)")


@pytest.fixture(scope="session")
def corpora() -> Path:
    """The folder of public gold corpora (../shared/corpora)."""
    return _need(SHARED / "corpora", "gold corpora")


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return _need(SHARED / "seeds" / "000_18c87f106ec3ae84.txt", "the founding seed article")


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy model, loaded once for the session."""
    from sitrep.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def pipeline():
    from sitrep.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_analysis(pipeline, seed_text):
    """The whole pipeline run once over the seed article (no publication date given). Its publication date is
    inferred right (2020-01-10) but with confidence 0.6, below the default published_min_confidence (0.85), so
    by default its events told relative to it would be undated; the event rules tested on it need the dates,
    so here the threshold is lowered (tests/temporal/test_published_threshold.py tests the default)."""
    import copy

    from sitrep.models import Document

    trusting = copy.copy(pipeline)
    trusting.settings = pipeline.settings.with_(published_min_confidence=0.5)
    return trusting.analyze(Document(id="seed", text=seed_text))
