from __future__ import annotations

from sitrep.clean import blocks
from sitrep.clean.duplicates import find_duplicates

LEAD = "The defence ministry said on Friday that it had agreed with its neighbour on a ceasefire from Sunday."


def duplicates(text: str) -> list[tuple[int, int, int | None]]:
    found = find_duplicates(blocks.paragraphs(text))
    for removed in found:
        assert text[removed.start:removed.end] == removed.text
    return [(r.start, r.end, r.duplicate_of) for r in found]


def test_exact_repeat_keeps_the_first():
    text = f"{LEAD}\n\nOther news.\n\n{LEAD}\n"
    second = text.index(LEAD, 1)
    assert duplicates(text) == [(second, second + len(LEAD), 0)]


def test_repeat_with_whitespace_punctuation_and_case_differences():
    copy = "The Defence Ministry said on Friday  that it had agreed with its neighbour -- on a ceasefire from Sunday!"
    text = f"{LEAD}\n{copy}\n"
    assert duplicates(text) == [(len(LEAD) + 1, len(LEAD) + 1 + len(copy), 0)]


def test_re_edited_copy_of_a_long_paragraph():
    copy = LEAD.replace("on Friday that", "Friday that")
    assert len(duplicates(f"{LEAD}\n\n{copy}")) == 1


def test_same_caption_with_different_credit_is_a_duplicate():
    text = ("Smoke rises over the town after the strike. (Jane Sample/Reuters)\n"
            "Smoke rises over the town after the strike. (Omar Example/AFP via Getty Images)\n")
    assert len(duplicates(text)) == 1


def test_short_or_different_paragraphs_are_kept():
    text = "Updated.\nUpdated.\nFour people were killed in the north on Monday.\nSix people were hurt in the south.\n"
    assert duplicates(text) == []


def test_hard_wrapped_paragraphs_are_compared_whole():
    wrapped = ("The defence ministry said on Friday that it had agreed\nwith its neighbour on a ceasefire"
               " from Sunday, and\nthat monitors would be sent to the area")
    text = f"{wrapped}\n\nSomething else happened in the\ncapital later that day, residents\nsaid on the radio\n\n{wrapped}"
    [(start, end, first)] = duplicates(text)
    assert first == 0 and text[start:end] == wrapped
