"""RSS and Atom: one Document per item with link, date and HTML converted to text."""

from __future__ import annotations

from sitrep.errors import InputError
from sitrep.ingest import read_paths
from sitrep.models import Document


def test_rss_items(data, settings):
    name = str(data / "feed.rss")
    first, second, third = read_paths([name], settings)
    assert first.id == first.url == "https://news.example/ministers-meet"
    assert first.title == "Ministers meet in Lakeside" and first.source == "Example World News"
    assert first.published == "2020-01-10T14:03:00+00:00" and first.published_source == "metadata"
    assert first.text.startswith("The foreign ministers of two neighbouring states met in Lakeside")
    assert "<p>" not in first.text and "Short summary" not in first.text  # content:encoded preferred
    [(start, end)] = first.captions
    assert first.text[start:end] == "The ministers shake hands in Lakeside on Friday. (John Roe/Example Press)"
    assert second.id == "https://news.example/clashes-dam"  # the guid when there is no link
    assert second.text == "Fighters clashed with soldiers near the dam on Saturday, a local monitor said."
    assert second.published == "2020-01-11T08:00:00+00:00"
    assert isinstance(third, InputError) and third.name == f"{name}#3"


def test_atom_entries(data, settings):
    first, second = read_paths([str(data / "feed.atom")], settings)
    assert first.id == first.url == "https://atom.example/aid-convoy"
    assert first.published == "2020-02-03T11:00:00+00:00"  # published, not updated
    assert first.text.startswith("A convoy of twenty trucks") and first.source == "Example Atom Desk"
    assert second.id == "urn:example:entry:2" and second.url is None
    assert second.text == "Negotiators adjourned the talks until next week without agreement."


def test_malformed_feed_is_one_error(tmp_path, settings):
    (tmp_path / "bad.rss").write_text("<rss><channel><item><title>x</channel>", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Shelling resumed on Monday.", encoding="utf-8")
    error, document = read_paths([str(tmp_path)], settings)
    assert isinstance(error, InputError) and "not well-formed XML" in error.reason
    assert error.name == f"{tmp_path}/bad.rss" and isinstance(document, Document)


def test_xml_that_is_not_a_feed(tmp_path, settings):
    (tmp_path / "data.xml").write_text("<?xml version='1.0'?><catalog><book/></catalog>", encoding="utf-8")
    [error] = read_paths([str(tmp_path / "data.xml")], settings)
    assert "not an RSS or Atom feed" in error.reason


def test_external_entities_are_not_resolved(tmp_path, settings):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    feed = (f"<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY x SYSTEM 'file://{secret}'>]>"
            "<rss><channel><item><title>t</title><description>Leak: &x;</description></item></channel></rss>")
    (tmp_path / "f.rss").write_text(feed, encoding="utf-8")
    items = list(read_paths([str(tmp_path / "f.rss")], settings))
    assert all("TOPSECRET" not in getattr(i, "text", "") for i in items)
