"""Lexicon entries written from the CAMEO codebook's definitions (offers of aid, cuts in aid, alert status,
expelling aid agencies, denials of permission): each yields the code the codebook gives."""

from __future__ import annotations

import pytest

from sitrep.models import Document

pytestmark = pytest.mark.slow

CASES = [
    ("Japan offered troops to the peacekeeping mission.", "AGREE", "033"),
    ("Canada is ready to contribute 500 troops to a peacekeeping force.", "AGREE", "033"),
    ("The agency reduced food supplies to the camp.", "SANCTION", "162"),
    ("Army units were put on high alert along the border.", "MOBILIZE", "152"),
    ("The government forced aid agencies out of the region.", "SANCTION", "166"),
    ("Israel denied entry to the UN envoy.", "REJECT", "120"),
    ("The governor ordered patrols in the capital.", "MOBILIZE", "150"),
]


@pytest.mark.parametrize(("text", "plover", "cameo"), CASES)
def test_codebook_entry(pipeline, text: str, plover: str, cameo: str) -> None:
    events = pipeline.analyze(Document(id="t", text=text, published="2024-01-10")).events
    assert [(e.plover.type, e.cameo) for e in events] == [(plover, cameo)]


def test_reducing_weapons_is_not_cutting_aid(pipeline) -> None:
    events = pipeline.analyze(Document(id="t", text="The talks are on reducing nuclear missiles.")).events
    assert all(e.cameo != "162" for e in events)
