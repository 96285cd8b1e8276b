"""The clean stage end to end: what is removed, with offsets into the input, and the blanked text."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.clean import blank, find_removed, make_stage
from sitrep.models import Document
from sitrep.settings import Settings
from sitrep.stage import Analysis

ARTICLE = Path(__file__).resolve().parents[1] / "data" / "clean" / "article.txt"


def run(text: str, captions: list[tuple[int, int]] | None = None) -> Analysis:
    analysis = Analysis(document=Document(id="t", text=text, captions=captions or []), settings=Settings())
    make_stage(Settings()).run(analysis)
    return analysis


def assert_offsets(text: str, analysis: Analysis) -> None:
    for removed in analysis.removed:
        assert text[removed.start:removed.end] == removed.text
    assert len(analysis.analysis_text) == len(text)
    assert [i for i, c in enumerate(analysis.analysis_text) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"]


def test_hand_written_article():
    text = ARTICLE.read_text(encoding="utf-8")
    analysis = run(text)
    assert_offsets(text, analysis)
    found = [(r.reason, r.text) for r in analysis.removed]
    assert found == [
        ("section_label", "Middle East"),
        ("byline", "By Jane Doe and John Roe, Example Wire"),
        ("boilerplate", "Advertisement"),
        ("caption_credit", "(Ali Example/Example Press via Wire Images)"),
        ("duplicate_paragraph", found[4][1]),
        ("boilerplate", "Read more: Aid groups warn of shortages as crossing stays shut"),
        ("caption_credit", "Photo: Sam Sample/AFP"),
        ("byline", "(Reporting by Jane Doe; Editing by John Roe)"),
        ("boilerplate", "© 2020 Example Wire. All rights reserved."),
    ]
    duplicate = analysis.removed[4]
    assert duplicate.text.startswith("Authorities re-opened") and duplicate.duplicate_of == text.index("Authorities reopened")
    kept = analysis.analysis_text
    assert "Trucks queue at the crossing near Eastgate on Tuesday morning." in kept
    assert "Drivers said they had waited for days without water." in kept
    assert "Border crossing reopens after three-week closure" in kept
    assert "Example Press" not in kept and "Advertisement" not in kept


def test_nothing_to_remove_leaves_the_text_alone():
    text = "Rebels shelled the airport on Monday.\nThe army said two soldiers were hurt (one seriously).\n"
    analysis = run(text)
    assert analysis.removed == [] and analysis.analysis_text == text


def test_blank_keeps_line_breaks_and_length():
    text = "keep\nDROP ME\r\nkeep"
    removed = find_removed(Document(id="x", text=text))
    assert removed == []
    from sitrep.models import Removed

    blanked = blank(text, [Removed(start=5, end=14, reason="boilerplate")])
    assert blanked == "keep\n       \r\nkeep"


def test_credit_inside_an_html_caption_anywhere():
    text = "Story paragraph one here.\n\nPhoto: Sam Sample/AFP Smoke over the town on Friday.\n\nMore story."
    start = text.index("Photo:")
    analysis = run(text, captions=[(start, text.index("\n\nMore"))])
    assert [(r.reason, r.text) for r in analysis.removed] == [("caption_credit", "Photo: Sam Sample/AFP")]
    assert_offsets(text, analysis)


def test_bare_agency_counts_only_inside_a_caption():
    text = "Lead paragraph of a story.\n\nSoldiers patrol the square. (Getty Images)\n\nEnd."
    assert run(text).removed == []
    start = text.index("Soldiers")
    analysis = run(text, captions=[(start, start + len("Soldiers patrol the square. (Getty Images)"))])
    assert [r.text for r in analysis.removed] == ["(Getty Images)"]


@pytest.mark.slow
def test_seed_article(seed_text):
    analysis = run(seed_text)
    assert_offsets(seed_text, analysis)
    by_reason: dict[str, list] = {}
    for removed in analysis.removed:
        by_reason.setdefault(removed.reason, []).append(removed)
    assert [r.text for r in by_reason["section_label"]] == ["World"]
    [duplicate] = by_reason["duplicate_paragraph"]
    lead = "Turkey's Defence Ministry said on Friday that it had agreed with Russia"
    assert duplicate.text.startswith(lead) and duplicate.duplicate_of == seed_text.index(lead)
    assert duplicate.start == seed_text.index(lead, duplicate.duplicate_of + 1)
    assert [r.text for r in by_reason["caption_credit"]] == [
        "(Abdulaziz Ketaz/AFP via Getty Images)", "(Mahmoud Hassano/Reuters)",
        "(Lefteris Pitarakis/The Associated Press)"]
    assert set(by_reason) == {"section_label", "duplicate_paragraph", "caption_credit"}
    captions = [seed_text[s:e] for s, e in analysis.extras["captions"]]
    assert [c[:30] for c in captions] == ["Smoke billows above buildings ", "Trucks carrying belongings of ",
                                         "Russian President Vladimir Put"]
    kept = analysis.analysis_text
    assert "Smoke billows above buildings in the town of Maaret" in kept
    assert "Trucks carrying belongings of people fleeing from Maarat al-Numan" in kept
    assert "Russian President Vladimir Putin, left, met with Turkey's President Recep Tayyip Erdogan" in kept
    assert kept.count(lead) == 1


def test_html_page_captions_keep_their_sentence_and_lose_their_credit():
    from sitrep.ingest.html import html_document

    page = Path(__file__).resolve().parents[1] / "data" / "ingest" / "page.html"
    document = html_document(page.read_text(encoding="utf-8"), "page.html")
    analysis = Analysis(document=document, settings=Settings())
    make_stage(Settings()).run(analysis)
    assert_offsets(document.text, analysis)
    assert [(r.reason, r.text) for r in analysis.removed] == [
        ("caption_credit", "(Jane Roe/Example Press via Wire Images)")]
    assert "Residents inspect a damaged house in Eastbrook on Thursday." in analysis.analysis_text


def test_stage_declares_what_it_needs_and_adds():
    stage = make_stage(Settings())
    assert (stage.name, stage.needs, stage.adds) == ("clean", ("document",), ("removed", "analysis_text"))
