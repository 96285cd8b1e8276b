"""An app over a small store of hand-made documents, on SQLite and on the real PostgreSQL server
(in CI PostgreSQL must be up: these tests fail, not skip, when it is not)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from sitrep.api import create_app
from sitrep.settings import Settings
from tests.store.conftest import pg_url  # noqa: F401  (the session's PostgreSQL database)

from .builders import fill, tiny_gazetteer

TOKEN = "test-token-7f3a"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def target(request, tmp_path_factory) -> str:
    if request.param == "sqlite":
        path = str(tmp_path_factory.mktemp("api") / "api.db")
    else:
        from tests.store.conftest import wipe_all

        path = request.getfixturevalue("pg_url")
        wipe_all(path)
    fill(path)
    return path


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    gazetteer = tiny_gazetteer(tmp_path_factory.mktemp("gaz") / "gazetteer.sqlite")
    return Settings(gazetteer_path=str(gazetteer), api_token=TOKEN, api_max_request_bytes=10_000)


@pytest.fixture(scope="module")
def client(target, settings) -> Iterator[TestClient]:
    with TestClient(create_app(target, settings), raise_server_exceptions=False) as test_client:
        yield test_client
