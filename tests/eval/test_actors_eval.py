"""The actors scorer: gold parsing (fast) and a scored run on a subset of the corpora (slow)."""

from __future__ import annotations

import json

import pytest

from sitrep.eval.actors import _locate, _split_code, evaluate


def test_petrarch_codes_split_into_country_and_sectors() -> None:
    assert _split_code("IRQGOVMIL") == ("IRQ", {"GOV", "MIL"})
    assert _split_code("IGOUNOMIL") == ("IGO", {"MIL"})
    assert _split_code("PSEGZA") == ("PSE", set())
    assert _split_code("---REB") == (None, {"REB"})


def test_gold_text_is_found_despite_spacing_and_ellipsis() -> None:
    text = "U.S. and Iranian negotiators met in Oman, and NATO peacekeeping troops arrived."
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


@pytest.mark.slow
def test_scorer_on_a_tiny_hand_made_gold_file(tmp_path) -> None:
    """Three gold actors with known answers: the third's gold country is deliberately not what the text
    says, so country accuracy must be exactly 2/3 and sector accuracy 3/3."""
    from sitrep.eval.actors import PLOVER_FILE, Tally, _metrics, analyse, load_plover, score_plover

    records = [
        {"event": "DOCUMENT"},
        {"text": "Iranian President Hassan Rouhani met Iraqi officials in Baghdad on Monday.", "event": "CONSULT",
         "source": [{"actorText": "Hassan Rouhani", "code": "IRNGOV", "sector": "GOV"}],
         "target": [{"actorText": "Iraqi officials", "code": "IRQGOV", "sector": "GOV"}]},
        {"text": "Russian troops shelled the town overnight.", "event": "ASSAULT",
         "source": [{"actorText": "Russian troops", "code": "CHNMIL", "sector": "MIL"}], "target": []},
    ]
    path = tmp_path / PLOVER_FILE
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(records), encoding="utf-8")
    texts, gold = load_plover(tmp_path)
    ours, base = Tally(), Tally()
    score_plover(gold, analyse(texts), ours, base)
    metrics = {m.name: m for m in _metrics(ours, base)}
    assert metrics["country_accuracy"].n == 3
    assert metrics["country_accuracy"].value == pytest.approx(2 / 3)
    assert metrics["sector_accuracy"].value == pytest.approx(1.0)
