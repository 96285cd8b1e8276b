"""One bad input fails itself, with a coded line naming it, and reading goes on (issue 16, item 1)."""

from __future__ import annotations

import os

import pytest

from sitrep.errors import InputError
from sitrep.ingest import read_paths
from sitrep.ingest.boundary import guard_one, guarded
from sitrep.models import Document

STORY = "Troops clashed with rebels near the northern town on Monday, officials said. " * 4


def _read(paths, settings):
    items = list(read_paths([str(p) for p in paths], settings))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def _page(caption: str) -> str:
    return (f"<html><body><article><p>{STORY}</p><figure><img src='x.jpg'><figcaption>{caption}</figcaption>"
            f"</figure>\x02 after<p>{STORY.replace('Monday', 'Tuesday')}</p></article></body></html>")


def test_control_characters_in_and_after_a_caption_are_read(tmp_path, settings):
    page = tmp_path / "a.html"
    page.write_text(_page("Smoke rises \x01 over the town"))
    docs, errors = _read([page], settings)
    assert errors == []
    (doc,) = docs
    assert "Smoke rises over the town" in doc.text
    assert "\x01" not in doc.text


@pytest.mark.parametrize("body", ["<![CDATA[<HTML>]]>", "<![CDATA[<html><body></body></html>]]>",
                                  "<![CDATA[<body>Rebels attacked a town.</body>]]>"])
def test_a_whole_page_as_a_feed_description_is_one_document(tmp_path, settings, body):
    feed = tmp_path / "f.rss"
    feed.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
                    f"<item><title>First item title</title><description>{body}</description></item>"
                    f"<item><title>Second</title><description>Police detained a reporter.</description></item>"
                    f"</channel></rss>")
    docs, errors = _read([feed], settings)
    assert errors == []
    assert [d.id for d in docs] == [f"{feed}#1", f"{feed}#2"]
    assert docs[0].text.strip() in ("First item title", "Rebels attacked a town.")
    assert docs[1].text == "Police detained a reporter."


def test_a_symlink_loop_inside_a_folder_is_reported_and_the_rest_is_read(tmp_path, settings):
    folder = tmp_path / "in"
    folder.mkdir()
    os.symlink(folder / "loop2", folder / "a-loop1")
    os.symlink(folder / "a-loop1", folder / "loop2")
    (folder / "z.txt").write_text(STORY)
    docs, errors = _read([folder], settings)
    assert [d.id for d in docs] == [f"{folder}/z.txt"]
    assert sorted(e.code for e in errors) == ["E104", "E104"]
    assert all("symbolic links" in str(e) for e in errors)


def test_a_fifo_named_on_the_command_line_is_refused_without_blocking(tmp_path, settings):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (tmp_path / "b.txt").write_text(STORY)
    docs, errors = _read([fifo, tmp_path / "b.txt"], settings)
    assert [e.code for e in errors] == ["E104"] and "not a regular file" in str(errors[0])
    assert len(docs) == 1


def test_an_unforeseen_exception_is_one_e111_error_naming_the_input():
    def reader():
        yield Document(id="first", text="One.")
        raise KeyError("boom")

    items = list(guarded(reader(), "feed.xml"))
    assert isinstance(items[0], Document)
    assert isinstance(items[1], InputError) and items[1].code == "E111"
    assert str(items[1]).startswith("[E111] feed.xml: could not be read (KeyError: 'boom')")
    assert "bug in sitrep" in str(items[1])


def test_guard_one_fails_one_document_only():
    def build(text: str) -> Document:
        if "bad" in text:
            raise RecursionError("too deep")
        return Document(id=text, text=text)

    out = [guard_one(build, f"x:{i}", t) for i, t in enumerate(["good", "bad", "fine"])]
    assert [type(o).__name__ for o in out] == ["Document", "InputError", "Document"]
    assert out[1].code == "E111" and "x:1" in str(out[1])
