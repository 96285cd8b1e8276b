from __future__ import annotations

import pytest

from sitrep.ingest.plaintext import find_title, text_document


def test_story_keeps_text_as_given_and_takes_headline_after_section_label(data):
    text = (data / "story.txt").read_text(encoding="utf-8")
    document = text_document(text, "story.txt")
    assert document.text == text
    assert document.title == "Rebels and army agree to truce in northern valley"


@pytest.mark.parametrize(("text", "title"), [
    ("Army retakes hill town\n\nThe army retook the town on Monday.", "Army retakes hill town"),
    ("Middle East\nTalks collapse in Lakeside\nNegotiators walked out on Friday.", "Talks collapse in Lakeside"),
    ("The army retook the town on Monday.\n\nResidents returned.", None),  # first line is a sentence
    ("Army retakes hill town", None),  # a single line is the story, not a title
    ("Syria Truce Collapses\n\nFighting resumed on Friday in the north.", "Syria Truce Collapses"),
    ("Jan. 10, 2020\n\nFighting resumed on Friday in the north.", None),  # a date line
    ("By Jane Doe, Example Wire\n\nFighting resumed on Friday in the north.", None),  # a byline
])
def test_title_rules(text, title):
    assert find_title(text) == title
