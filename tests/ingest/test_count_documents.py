"""How many documents the inputs hold, told cheaply for progress bars (time left), or None when only a
full read could tell."""

from __future__ import annotations

from sitrep.ingest import count_documents, read_paths


def test_a_folder_of_texts_and_a_json_lines_file_count_as_read_paths_yields(tmp_path, settings):
    (tmp_path / "a.txt").write_text("Troops crossed the river at dawn.\n")
    (tmp_path / "b.html").write_text("<html><body><p>Talks resumed on Monday.</p></body></html>")
    (tmp_path / "c.jsonl").write_text('{"id": "1", "text": "One."}\n\n{"id": "2", "text": "Two."}\nnot json\n')
    (tmp_path / "d.txt").write_text("")  # empty: one error line
    paths = [str(tmp_path), str(tmp_path / "missing.txt")]
    assert count_documents(paths) == len(list(read_paths(paths, settings))) == 7


def test_stdin_feeds_and_warc_archives_cannot_be_counted_cheaply(tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_text('<?xml version="1.0"?><rss><channel><item><title>t</title></item></channel></rss>')
    assert count_documents(["-"]) is None
    assert count_documents([str(feed)]) is None
