from __future__ import annotations

import pytest

from sitrep.clean.labels import is_section_label
from sitrep.clean.lines import is_boilerplate, is_byline, line_reason


@pytest.mark.parametrize(("line", "following", "expected"), [
    ("World", "Turkey and Russia agree to ceasefire", True),
    ("Middle East", "Talks collapse in Lakeside", True),
    ("World News | Africa", "Talks collapse", True),
    ("Politics", "The minister resigned on Friday after the vote.", True),  # a known section name
    ("Truce Collapses", "Fighting resumed on Friday in the north.", False),  # a terse headline
    ("Rebels seize the airport in a dawn raid", "More text.", False),
    ("World", None, False),
])
def test_section_label(line, following, expected):
    assert is_section_label(line, following) is expected


@pytest.mark.parametrize("line", [
    "Advertisement", "ADVERTISEMENT", "Share this article", "Read more: Talks to resume next week",
    "Sign up for our daily newsletter", "© 2020 Example Media", "Copyright 2019 The Example Press. All rights reserved.",
    "Story continues below advertisement", "RELATED: Ceasefire talks stall", "READ MORE | Talks stall",
    "Story continues below", "Example Media Ltd. All rights reserved.",
])
def test_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Read more about the talks in our explainer, the minister told parliament on Friday.",
    "Share prices fell sharply in the capital on Monday.",
    "Advertisements for the rally were torn down overnight.",
    "Copyright claims against the broadcaster rose sharply in 2020, the regulator said.",
])
def test_story_lines_are_not_boilerplate(line):
    assert not is_boilerplate(line) and line_reason(line) is None


@pytest.mark.parametrize("line", [
    "By Jane Doe, Reuters", "By JANE DOE and JOHN ROE", "By Jane Doe | The Example Press",
    "(Reporting by Jane Doe in Lakeside; Editing by John Roe)", "Staff and agencies",
    "Example Press writer Jane Doe in Lakeside contributed to this report.",
])
def test_byline(line):
    assert is_byline(line)


@pytest.mark.parametrize("line", [
    "By Friday, the army had retaken the town.", "By Sunday", "By the time rescuers arrived, six were dead.",
    "Reporting by the state broadcaster suggested the talks had failed.",
])
def test_sentences_starting_with_by_are_not_bylines(line):
    assert not is_byline(line)


def test_credit_only_line():
    assert line_reason("Image copyright Getty Images") == "caption_credit"


def test_caption_label_prefix_is_removed_and_the_caption_kept():
    from sitrep.clean import find_removed
    from sitrep.models import Document

    text = "Story line one is here.\nImage source, Example Wire\nImage caption, Smoke rises over the port on Monday\n"
    removed = find_removed(Document(id="x", text=text))
    assert [(r.reason, r.text) for r in removed] == [
        ("caption_credit", "Image source, Example Wire"), ("boilerplate", "Image caption,")]
