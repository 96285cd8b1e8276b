"""The line-break component starts a sentence after every token that holds or is followed by a line break."""

from __future__ import annotations

import pytest

from sitrep.nlp import line_breaks


@pytest.mark.parametrize("text", [
    "TOWN HALL SHUT\nResidents gathered on Friday.\n\nNo one was hurt.",
    "a\nb", "\n", "", "word", "a \n b\n", "Line one\r\nline two", "tabs\t\nand  \n\n spaces\u2028here\n",
])
def test_the_token_after_each_line_break_starts_a_sentence(nlp, text):
    doc = line_breaks(nlp.make_doc(text))
    expected = [i + 1 for i, t in enumerate(doc[:-1]) if "\n" in t.text or "\n" in t.whitespace_]
    assert [t.i for t in doc if t.is_sent_start and t.i > 0] == expected
