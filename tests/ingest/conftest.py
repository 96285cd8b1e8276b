from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def data() -> Path:
    return DATA
