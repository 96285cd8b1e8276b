"""The scoreboard shows each score beside its baseline and anchor, with the command that made it."""

from __future__ import annotations

from sitrep.eval.common import EvalResult, Metric, prf
from sitrep.eval.scoreboard import render


def test_prf_from_counts():
    assert [round(x, 6) for x in prf(8, 2, 2)] == [0.8, 0.8, 0.8]
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)
    p, r, f = prf(3, 1, 3)
    assert (round(p, 3), round(r, 3), round(f, 3)) == (0.75, 0.5, 0.6)


def test_render_puts_baseline_anchor_and_command_beside_each_score():
    res = EvalResult("time", "tempeval3/TBAQ-cleaned", [
        Metric("value_f1", 0.8312, baseline=0.41, anchor="HeidelTime 77.61", n=1200),
        Metric("median_error", 12.34, unit="km", n=40)], baseline_name="dateparser")
    text = render([res], {"time": "sitrep eval time ../shared/corpora"}, limit=None)
    assert "| value_f1 | 0.831 | 0.410 | HeidelTime 77.61 | 1200 |" in text
    assert "| median_error | 12.3 km | – |  | 40 |" in text
    assert "Reproduce: `sitrep eval time ../shared/corpora`" in text
    assert "baseline (dateparser)" in text
