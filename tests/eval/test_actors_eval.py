"""The actors scorer: gold parsing (fast) and a scored run on a subset of the corpora (slow)."""

from __future__ import annotations

import pytest

from sitrep.eval.actors import _locate, _split_code, evaluate


def test_petrarch_codes_split_into_country_and_sectors() -> None:
    assert _split_code("IRQGOVMIL") == ("IRQ", {"GOV", "MIL"})
    assert _split_code("IGOUNOMIL") == ("IGO", {"MIL"})
    assert _split_code("PSEGZA") == ("PSE", set())
    assert _split_code("---REB") == (None, {"REB"})


def test_gold_text_is_found_despite_spacing_and_ellipsis() -> None:
    text = "U.S. and Russian negotiators return to Geneva, and NATO peacekeeping troops arrived."
    assert _locate(text, "U.S. ... negotiators") == (0, 4)
    start, end = _locate(text, "NATO  peacekeeping troops")
    assert text[start:end] == "NATO peacekeeping troops"
    assert _locate(text, "Moscow") is None


@pytest.mark.slow
@pytest.mark.corpora
def test_scores_beat_the_baseline(corpora) -> None:
    plover, petrarch = evaluate(corpora, limit=60)
    for result in (plover, petrarch):
        for name in ("country_accuracy", "sector_accuracy"):
            metric = result.metric(name)
            assert metric.n > 0
            assert metric.value > metric.baseline, (result.corpus, name, metric)
    assert plover.metric("coverage").value > 0.8
    assert "error_classes" in plover.details
