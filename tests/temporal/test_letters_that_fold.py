"""Letters that case-insensitive matching reads as ASCII ones (long s, dotless i, dotted capital I, the Kelvin sign)
must not stop the temporal stage: a text holding them is resolved like its plain spelling, its offsets kept."""

from __future__ import annotations

import pytest

from sitrep.models import Document

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, plain", [
    ("Talks resumed in the \u017fpring of 2020 in Kyiv.", "spring of 2020"),
    ("Talks were held th\u0131s morn\u0131ng in Kyiv.", "this morning"),
    ("The two sides met two week\u017f later.", "two weeks"),
])
def test_a_folding_letter_is_read_like_its_plain_spelling(pipeline, text, plain):
    record = pipeline.analyze(Document(id="t", text=text, published="2021-01-01")).record()
    plain_record = pipeline.analyze(Document(id="t", text=text.replace("\u017f", "s").replace("\u0131", "i"),
                                             published="2021-01-01")).record()
    assert [(t.start, t.end, t.value) for t in record.times] == [(t.start, t.end, t.value) for t in plain_record.times]
    assert record.times and all(text[t.start:t.end] == t.text for t in record.times)  # quoted as written
    assert any(plain in t.text.replace("\u017f", "s").replace("\u0131", "i") for t in record.times)
