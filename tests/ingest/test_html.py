"""HTML: trafilatura text, captions kept with offsets, metadata from the page itself."""

from __future__ import annotations

from sitrep.ingest.captions import Caption
from sitrep.ingest.html import html_document, place_captions
from sitrep.models import Document

FILLER = "<p>" + "Residents said the night was quiet for the first time in weeks, and shops reopened. " * 3 + "</p>"


def page(data) -> Document:
    return html_document((data / "page.html").read_text(encoding="utf-8"), "page.html")


def test_metadata_comes_from_the_page(data):
    document = page(data)
    assert document.title == "Shelling hits border town, four killed"
    assert document.published == "2021-03-04T10:15:00+00:00" and document.published_source == "metadata"
    assert document.url == "https://gazette.example/world/shelling-border-town"
    assert document.source == "The Example Gazette"


def test_captions_are_kept_as_paragraphs_in_place_with_offsets(data):
    document = page(data)
    captions = [document.text[s:e] for s, e in document.captions]
    assert captions == [
        "Residents inspect a damaged house in Eastbrook on Thursday. (Jane Roe/Example Press via Wire Images)",
        "Families leave Eastbrook on foot on Thursday afternoon.",
    ]
    paragraphs = document.text.split("\n\n")
    assert paragraphs.index(captions[0]) == 2  # after the paragraph it followed on the page
    assert paragraphs.index(captions[1]) == 4


def test_page_furniture_is_not_text(data):
    document = page(data)
    assert "newsroom at night" not in document.text and "Home" not in document.text
    assert "Artillery fire struck the border town of Eastbrook" in document.text


def test_time_element_gives_the_date_when_no_meta_does():
    html = ("<html><head><title>Talks end - Example</title></head><body><article>"
            "<time datetime='2019-11-02T08:00:00+03:00'>2 Nov</time><h1>Talks end</h1>" + FILLER * 2
            + "</article></body></html>")
    document = html_document(html, "t.html")
    assert document.published == "2019-11-02T08:00:00+03:00"
    assert document.title == "Talks end"  # site name cut from <title>


def test_no_date_in_page_means_none_not_a_guess():
    html = "<html><body><article><h1>Talks end</h1>" + FILLER * 2 + "</article></body></html>"
    document = html_document(html, "t.html", url="https://x.example/2020/01/05/talks")
    assert document.published is None and document.published_source is None


def test_declared_charset_is_used(tmp_path, settings):
    from sitrep.ingest import read_paths

    html = ("<html><head><meta charset='windows-1252'></head><body><article><p>"
            + "Troops left the caf\u00e9 district of the city on Monday after a week of fighting. " * 4
            + "</p></article></body></html>")
    (tmp_path / "p.html").write_bytes(html.encode("windows-1252"))
    [document] = list(read_paths([str(tmp_path / "p.html")], settings))
    assert "caf\u00e9 district" in document.text


def test_a_caption_the_extractor_dropped_goes_back_after_its_anchor():
    paragraphs = ["Headline", "First paragraph of the story.", "Second paragraph."]
    placed, marked = place_captions(paragraphs, [Caption("Smoke rises over the town.", "First paragraph of the story.")])
    assert placed == ["Headline", "First paragraph of the story.", "Smoke rises over the town.", "Second paragraph."]
    assert marked == {2}


def test_a_caption_already_in_the_text_is_only_marked():
    paragraphs = ["One.", "Smoke  rises over the town.", "Two."]
    placed, marked = place_captions(paragraphs, [Caption("Smoke rises over the town.", None)])
    assert placed == paragraphs and marked == {1}


def test_caption_block_with_separate_credit_element_is_one_caption():
    html = ("<html><body><article>" + FILLER
            + "<div class='media-caption'><img src='x.jpg'><span class='caption-text'>Soldiers patrol the square"
              " on Monday.</span><span class='credit'>Omar Sample/Example Press</span></div>"
            + FILLER.replace("Residents", "Neighbours") + "</article></body></html>")
    document = html_document(html, "c.html")
    [(start, end)] = document.captions
    assert document.text[start:end] == "Soldiers patrol the square on Monday. Omar Sample/Example Press"
    assert document.text.count("Omar Sample") == 1


def test_lead_image_caption_in_the_articles_own_header_is_kept():
    html = ("<html><body><header><figure><figcaption>Site logo</figcaption></figure></header><article><header>"
            "<h1>Strike hits depot</h1><figure><img src='x.jpg'><figcaption>Smoke rises over the <em>fuel</em>"
            " depot on Sunday.</figcaption></figure></header>" + FILLER * 2 + "</article></body></html>")
    document = html_document(html, "h.html")
    assert [document.text[s:e] for s, e in document.captions] == ["Smoke rises over the fuel depot on Sunday."]
    assert "Site logo" not in document.text


def test_xhtml_with_an_xml_declaration():
    html = ("<?xml version='1.0' encoding='utf-8'?>\n<html xmlns='http://www.w3.org/1999/xhtml'><body><article>"
            + FILLER * 2 + "</article></body></html>")
    document = html_document(html, "x.xhtml")
    assert document.text.startswith("Residents said the night was quiet")
