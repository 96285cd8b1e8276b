"""Tables for people (rich, no borders): aligned by terminal cells, cut with "…", text never read as markup."""

from __future__ import annotations

import io

from rich.cells import cell_len

from sitrep.output import table


def _lines(rows, headers, last_flexible=True):
    out = io.StringIO()
    table(rows, headers, out, last_flexible=last_flexible)
    return out.getvalue().splitlines()


def test_columns_line_up_by_terminal_cells_and_brackets_stay_text(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    lines = _lines([["1", "Harbour [east] 港口", "note"], ["22", "Quay", "other note"]], ["id", "name", "note"])
    assert lines[0].split() == ["id", "name", "note"]
    assert "Harbour [east] 港口" in lines[1]  # no rich markup: the brackets are kept
    starts = [cell_len(line[: line.index(word)]) for line, word in zip(lines, ("note", "note", "other"), strict=True)]
    assert len(set(starts)) == 1  # the last column starts at the same cell on every line
    assert all(line == line.rstrip() for line in lines)


def test_the_last_column_takes_what_is_left_and_cuts_with_an_ellipsis(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    long = "word " * 40
    lines = _lines([["a", long]], ["id", "evidence"])
    assert cell_len(lines[1]) <= 60 and lines[1].endswith("…")
    monkeypatch.setenv("COLUMNS", "20")  # never narrower than 30 cells, however narrow the terminal
    assert cell_len(_lines([["a", long]], ["id", "evidence"])[1]) == 2 + 2 + 30


def test_a_fixed_table_cuts_nothing(monkeypatch):
    monkeypatch.setenv("COLUMNS", "20")
    lines = _lines([["claim", "a value well over twenty cells wide"]], ["attribute", "value"], last_flexible=False)
    assert lines[1].endswith("a value well over twenty cells wide")


def test_an_empty_table_is_its_header():
    assert _lines([], ["id", "name"]) == ["id  name"]
