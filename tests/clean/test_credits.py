"""Photo credits: removed when they look like credits, left alone when they are asides."""

from __future__ import annotations

import pytest

from sitrep.clean import blocks
from sitrep.clean.credits import find_credits, strip_credit


def credits(text: str, captions: list[tuple[int, int]] | None = None) -> list[str]:
    found = find_credits(text, blocks.paragraphs(text), captions or [])
    for removed in found:
        assert text[removed.start:removed.end] == removed.text
    return [r.text for r in found]


@pytest.mark.parametrize("credit", [
    "(Abdul Example/AFP via Getty Images)",
    "(Jane Sample/Reuters)",
    "(Kim Example/The Associated Press)",
    "(AP Photo/Omar Sample)",
    "(Photo: Lee Example/EPA-EFE)",
    "(Sam Sample / Daily Example)",
    "Photo: Sam Sample/AFP",
    "REUTERS/Omar Sample",
    "REUTERS/Omar Sample/File Photo",
    "[File: Sam Sample/AFP]",
    "[Ali Example/Example Wire]",
    "(Photo by Lee Example/Getty Images)",
    "Photograph: Sam Sample/AFP/Getty Images",
    "Credit...Jane Roe for The Daily Example",
    "Sam Sample/AFP via Getty Images",
])
def test_credit_ending_a_caption_paragraph(credit):
    text = f"Headline here\n\nSmoke rises over the town during an air strike on Friday. {credit}\n\nNext paragraph."
    assert credits(text) == [credit]


@pytest.mark.parametrize("paragraph", [
    "The vote passed 52/48 in the upper house (a narrow margin).",
    "Speeds reached 90 km/h (about 56 mph).",
    "The alliance (NATO) said it would respond.",
    "The poll was run by two firms (Reuters/Ipsos).",
    "Officials met on Monday (Jan/Feb talks were cancelled).",
    "He said: \"Photo: not allowed here,\" and left.",
    "The talks were held under the 5+5 format [Turkey/Russia].",
    "Fighting spread along the Syria/Turkey border. Both sides blamed Russia/Iran",
])
def test_asides_are_not_credits(paragraph):
    assert credits(f"Title line\n\n{paragraph}\n\nNext.") == []


def test_place_pairs_with_slashes_in_captions_are_kept():
    text = "Soldiers guard the US/Mexico border on Friday."
    assert credits(text, [(0, len(text))]) == []


def test_credit_in_the_middle_of_a_plain_paragraph_is_left():
    assert credits("A man (Jane Sample/Reuters) spoke to reporters on Friday about the attack.") == []


def test_strip_credit():
    assert strip_credit("Smoke rises. (Jane Sample/Reuters)") == "Smoke rises. "
    assert strip_credit("Smoke rises.") == "Smoke rises."


def test_caption_credit_does_not_swallow_the_caption_after_it():
    text = "Photo: Sam Sample/AFP Smoke rises over the town."
    assert credits(text, [(0, len(text))]) == ["Photo: Sam Sample/AFP"]


def test_unbracketed_credit_at_the_end_of_an_html_caption():
    text = "Families leave the town on foot on Thursday. Jane Roe/Example Press"
    assert credits(text, [(0, len(text))]) == ["Jane Roe/Example Press"]
