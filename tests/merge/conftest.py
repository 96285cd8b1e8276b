"""Fixtures for the merge tests: an empty in-memory database with the merge tables."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, create_engine

from sitrep.merge import metadata


@pytest.fixture
def engine() -> Engine:
    eng = create_engine("sqlite://")
    metadata.create_all(eng)
    return eng
