"""One error shape, no stack traces, closed CORS, token-guarded writes, a request size limit."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from sitrep.api import create_app
from sitrep.errors import ConfigError

from .builders import fill
from .conftest import TOKEN


def test_openapi_is_served_and_lists_the_routes(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{merged_id}", "/api/ceasefires", "/api/documents",
            "/api/export/events.csv"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 404  # no interactive docs: they would load a CDN


def test_unknown_route_and_method_use_the_error_shape(client):
    assert client.get("/api/nothing").json()["error"]["code"] == "E601"
    response = client.delete("/api/events")
    assert response.status_code == 405 and response.json()["error"]["code"] == "E605"


def test_writes_need_the_token(client):
    body = {"text": "A sentence."}
    assert client.post("/api/documents", json=body).status_code == 401
    wrong = client.post("/api/documents", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "E602"


def test_body_over_the_limit_is_413(client):
    big = {"text": "word " * 5000}
    response = client.post("/api/documents", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413 and response.json()["error"]["code"] == "E606"


def test_a_bad_document_is_422_before_any_analysis(client):
    response = client.post("/api/documents", json={"text": "x", "html": "<p>x</p>"},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "E604"
    response = client.post("/api/documents", json={"txt": "x"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "E604"


def test_cors_is_closed_by_default(client):
    response = client.get("/api/events", headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 200 and "access-control-allow-origin" not in response.headers


def test_reads_can_be_protected(target, settings):
    with TestClient(create_app(target, settings.with_(api_protect_reads=True))) as guarded:
        assert guarded.get("/api/events").status_code == 401
        assert guarded.get("/api/events", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    with pytest.raises(ConfigError):
        create_app(target, settings.with_(api_protect_reads=True, api_token=""))


def test_writes_are_off_without_a_token(target, settings):
    with TestClient(create_app(target, settings.with_(api_token=""))) as open_client:
        response = open_client.post("/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer x"})
    assert response.status_code == 403 and response.json()["error"]["code"] == "E603"


def test_an_unexpected_failure_is_500_without_a_stack_trace(tmp_path, settings):
    path = str(tmp_path / "broken.db")
    fill(path)
    app = create_app(path, settings)
    with app.state.engine.begin() as conn:
        conn.execute(text("ALTER TABLE events RENAME COLUMN list_json TO list_json_gone"))  # read by every page
    with TestClient(app, raise_server_exceptions=False) as broken:
        response = broken.get("/api/events")
    assert response.status_code == 500
    assert response.json()["error"]["code"] == "E600"
    assert "Traceback" not in response.text and "sqlite" not in response.text.lower()


def test_a_missing_database_is_refused_at_start(tmp_path, settings):
    with pytest.raises(ConfigError) as caught:
        create_app(str(tmp_path / "nope.db"), settings)
    assert caught.value.code == "E220"
    assert not (tmp_path / "nope.db").exists()
