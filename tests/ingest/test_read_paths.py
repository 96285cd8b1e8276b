"""read_paths: input order, folder walking, ids, and bad input that never stops the run."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.ingest import read_paths
from sitrep.models import Document
from sitrep.settings import Settings

GOOD = "Troops withdrew from the hill on Monday, the ministry said.\n"


def read(paths: list, settings: Settings, stdin=None) -> list:
    return list(read_paths([str(p) for p in paths], settings, stdin=stdin))


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def only_error(items: list) -> InputError:
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1, items
    return errors[0]


def test_folder_is_walked_in_path_order_skipping_hidden_files(tmp_path, settings):
    write(tmp_path / "b.txt", GOOD)
    (tmp_path / "a").mkdir()
    write(tmp_path / "a" / "z.txt", GOOD)
    write(tmp_path / ".hidden.txt", GOOD)
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "x.txt", GOOD)
    ids = [d.id for d in read([tmp_path], settings)]
    assert ids == [f"{tmp_path}/a/z.txt", f"{tmp_path}/b.txt"]


def test_ids_are_the_path_as_given(tmp_path, settings, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    write(tmp_path / "news" / "one.txt", GOOD)
    assert [d.id for d in read(["news/one.txt", "news"], settings)] == ["news/one.txt", "news/one.txt"]


def test_every_format_in_one_run_in_input_order(data, settings):
    items = read([data / "story.txt", data / "records.jsonl", data / "page.html", data / "feed.rss"], settings)
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.id for d in docs][:3] == [f"{data}/story.txt", "r1", f"{data}/records.jsonl:2"]
    assert docs[-1].id == "https://news.example/clashes-dam"


def test_stdin_is_json_lines(settings):
    stdin = io.StringIO('{"id": "s1", "text": "Rebels took the airport."}\n\nnot json\n')
    items = read(["-"], settings, stdin=stdin)
    assert isinstance(items[0], Document) and items[0].id == "s1"
    assert isinstance(items[1], InputError) and items[1].name == "stdin:3"


def test_stdin_bytes_that_are_not_utf8_are_one_error(settings):
    raw = io.TextIOWrapper(io.BytesIO(b'{"text": "caf\xe9"}\n{"text": "ok"}\n'), encoding="utf-8")
    items = read(["-"], settings, stdin=raw)
    assert "not UTF-8" in str(items[0]) and items[0].name == "stdin:1"
    assert isinstance(items[1], Document) and items[1].text == "ok"


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("Caf\u00e9 bombed in the old town.".encode("latin-1"), "not UTF-8"),
    ("Shelling resumed.".encode("utf-16"), "not UTF-8 (it is UTF-16"),
    (b"\x1f\x8b\x08\x00rest-of-gzip", "compressed"),
])
def test_bad_file_is_one_error_and_the_others_still_come(tmp_path, settings, content, reason):
    bad = write(tmp_path / "bad.txt" if content[:2] != b"\x1f\x8b" else tmp_path / "bad.bin", content)
    good = write(tmp_path / "good.txt", GOOD)
    items = read([bad, good], settings)
    error = only_error(items)
    assert error.name == str(bad) and reason in str(error)
    assert str(bad) in str(error) and "\n" not in str(error)
    assert isinstance(items[1], Document) and items[1].id == str(good)


def test_not_utf8_error_says_where_and_how_to_fix(tmp_path, settings):
    bad = write(tmp_path / "latin.txt", "Troops entered the caf\u00e9 district.".encode("latin-1"))
    message = str(only_error(read([bad], settings)))
    assert "byte 0xE9 at offset" in message and "iconv" in message


def test_oversized_file_names_size_limit_and_setting(tmp_path):
    big = write(tmp_path / "big.txt", "x" * 200)
    error = only_error(read([big], Settings(max_bytes=100)))
    assert error.code == "E105"
    assert "200 bytes" in error.reason and "100" in error.reason and "max_bytes" in str(error)


def test_oversized_json_line_is_one_error(tmp_path):
    path = write(tmp_path / "r.jsonl", '{"text": "' + "y" * 200 + '"}\n{"text": "short"}\n')
    items = read([path], Settings(max_bytes=100))
    assert isinstance(items[0], InputError) and items[0].name == f"{path}:1" and items[0].code == "E105"
    assert isinstance(items[1], Document)


def test_missing_path_is_an_error(tmp_path, settings):
    items = read([tmp_path / "nope.txt", write(tmp_path / "ok.txt", GOOD)], settings)
    assert "no such file" in str(items[0]) and str(tmp_path / "nope.txt") in str(items[0])
    assert isinstance(items[1], Document)


def test_unreadable_file_is_an_error(tmp_path, settings, monkeypatch):
    locked = write(tmp_path / "locked.txt", GOOD)
    original = Path.open

    def refuse(self, *args, **kwargs):
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    items = read([locked, write(tmp_path / "ok.txt", GOOD)], settings)
    assert "cannot be read (Permission denied)" in str(items[0]) and items[0].code == "E104"
    assert isinstance(items[1], Document)


def test_unknown_extension_is_sniffed(tmp_path, settings):
    write(tmp_path / "a.dat", '{"id": "j", "text": "Talks resumed."}\n')
    write(tmp_path / "b.dat", "<!DOCTYPE html><html><body><article><p>" + "Ceasefire holds in the valley. " * 20
          + "</p></article></body></html>")
    write(tmp_path / "c", GOOD)
    items = read([tmp_path], settings)
    assert [type(i).__name__ for i in items] == ["Document"] * 3
    assert items[0].id == "j" and "<" not in items[1].text and items[2].text == GOOD


def test_a_link_back_up_the_tree_is_read_once(tmp_path, settings):
    write(tmp_path / "a.txt", GOOD)
    (tmp_path / "loop").symlink_to(tmp_path)
    assert [d.id for d in read([tmp_path], settings)] == [f"{tmp_path}/a.txt"]


def test_a_pipe_in_a_folder_is_reported_not_read(tmp_path, settings):
    import os

    os.mkfifo(tmp_path / "pipe")
    write(tmp_path / "z.txt", GOOD)
    error, document = read([tmp_path], settings)
    assert "not a regular file" in str(error) and isinstance(document, Document)


def test_sniffing_by_content():
    from sitrep.ingest.sniff import detect_format

    assert detect_format("a.xml", b"<?xml version='1.0'?><html><body></body></html>") == "html"
    assert detect_format("a.xml", b"<?xml version='1.0'?><rss version='2.0'>") == "feed"
    assert detect_format("feed", b"<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>") == "feed"
    assert detect_format("crawl", b"WARC/1.0\r\n") == "warc"
    assert detect_format("notes", b"Troops moved north.") == "text"
