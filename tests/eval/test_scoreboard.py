"""The scoreboard shows each score beside its baseline and anchor, with the command that made it."""

from __future__ import annotations

from sitrep.eval.common import EvalResult, Metric, prf
from sitrep.eval.scoreboard import render


def test_prf_from_counts():
    assert [round(x, 6) for x in prf(8, 2, 2)] == [0.8, 0.8, 0.8]
    assert prf(0, 0, 5) == (0.0, 0.0, 0.0)
    p, r, f = prf(3, 1, 3)
    assert (round(p, 3), round(r, 3), round(f, 3)) == (0.75, 0.5, 0.6)


def _result(split: str, value: float, n: int) -> EvalResult:
    return EvalResult("time", "tempeval3/TBAQ-cleaned", [
        Metric("value_f1", value, baseline=0.41, anchor="HeidelTime 77.61", n=n),
        Metric("median_error", 12.34, unit="km", n=40)], baseline_name="dateparser", split=split)


def test_render_puts_dev_and_test_side_by_side_with_baseline_anchor_and_command():
    results = [_result("dev", 0.8312, 1000), _result("test", 0.7901, 243)]
    text = render(results, {"time": "`sitrep eval time ../shared/corpora --split dev`"}, limit=None)
    assert "| metric | dev | test | baseline (dateparser) | published anchor |" in text
    assert "| value_f1 | 0.831 (n=1000) | 0.790 (n=243) | 0.410 | HeidelTime 77.61 |" in text
    assert "| median_error | 12.3 km (n=40) | 12.3 km (n=40) | – |  |" in text
    assert "Reproduce: `sitrep eval time ../shared/corpora --split dev`" in text
    assert text.count("## time: tempeval3/TBAQ-cleaned") == 1


def test_split_is_fixed_by_the_document_id_and_about_one_in_five_is_held_out():
    from sitrep.eval.split import select, split_of

    ids = [f"doc-{i}" for i in range(2000)]
    held_out = [i for i in ids if split_of(i) == "test"]
    assert 0.17 < len(held_out) / len(ids) < 0.23
    assert [split_of(i) for i in ids] == [split_of(i) for i in ids]
    assert select(ids, "test", str) == held_out and len(select(ids, "all", str)) == 2000
