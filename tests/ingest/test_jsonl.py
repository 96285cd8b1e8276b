"""JSON Lines: one Document per good line; a bad line is one error naming file:line."""

from __future__ import annotations

from sitrep.errors import InputError
from sitrep.ingest import read_paths
from sitrep.models import Document


def test_records_and_bad_lines(data, settings):
    path = str(data / "records.jsonl")
    items = list(read_paths([path], settings))
    assert len(items) == 7
    first = items[0]
    assert isinstance(first, Document)
    assert (first.id, first.title, first.url, first.source) == ("r1", "Protest dispersed", "https://news.example/r1",
                                                                 "Example Wire")
    assert first.published == "2022-05-02" and first.published_source == "metadata"
    assert items[1].id == f"{path}:2" and items[1].published == "2022-05-06T09:30:00+00:00"
    errors = {i.name: i.reason for i in items if isinstance(i, InputError)}
    assert set(errors) == {f"{path}:3", f"{path}:4", f"{path}:5", f"{path}:6"}
    assert "not valid JSON" in errors[f"{path}:3"]
    assert "not an object" in errors[f"{path}:4"]
    assert "no \"text\"" in errors[f"{path}:5"]
    assert "'last week' is not a date" in errors[f"{path}:6"]
    assert items[6].id == "7"  # a numeric id becomes a string


def test_text_is_kept_exactly(tmp_path, settings):
    text = "  Line one.\r\n\nLine two \u2014 with a dash.  "
    import json

    (tmp_path / "r.jsonl").write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    [document] = list(read_paths([str(tmp_path / "r.jsonl")], settings))
    assert document.text == text


def test_a_file_with_no_records_is_empty(tmp_path, settings):
    (tmp_path / "r.jsonl").write_text("\n\n", encoding="utf-8")
    [error] = list(read_paths([str(tmp_path / "r.jsonl")], settings))
    assert isinstance(error, InputError) and "empty" in error.reason


def test_pathological_lines_are_errors_not_crashes(tmp_path, settings):
    (tmp_path / "r.jsonl").write_text("[" * 100000 + "\n" + '{"text": "ok"}\n', encoding="utf-8")
    error, document = read_paths([str(tmp_path / "r.jsonl")], settings)
    assert isinstance(error, InputError) and error.name.endswith("r.jsonl:1")
    assert document.text == "ok"
