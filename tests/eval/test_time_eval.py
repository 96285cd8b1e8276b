"""The time scorer: TimeML reading, TE3-style matching, and evaluate() on tiny hand-made gold files."""

from pathlib import Path

import pytest

from sitrep.eval.time import Counts, Timex, evaluate, metrics, read_tml, score_document

DATA = Path(__file__).resolve().parents[1] / "data" / "eval" / "time"
TIMEBANK = DATA / "tempeval3" / "TBAQ-cleaned" / "TimeBank" / "hand0001.tml"


def test_read_tml_gives_plain_text_offsets_and_skips_the_dct():
    doc = read_tml(TIMEBANK)
    assert doc.dct == "2020-01-10"
    assert [doc.text[t.start:t.end] for t in doc.timexes] == ["Friday", "this month", "two weeks", "Dec. 24"]
    assert "<" not in doc.text and "talks & aid" in doc.text
    assert doc.timexes[2] == Timex(doc.timexes[2].start, doc.timexes[2].end, "DURATION", "P2W")


def test_scoring_strict_relaxed_and_value():
    doc = read_tml(TIMEBANK)
    friday, month, weeks, december = doc.timexes
    system = [
        friday,  # exact
        Timex(month.start - 6, month.end, "DATE", "2020-01"),  # 'after this month': relaxed only
        Timex(weeks.start, weeks.end, "DURATION", "P14D"),  # right extent, wrong value
        Timex(0, 3, "DATE", "PRESENT_REF"),  # spurious
    ]
    counts = Counts()
    score_document(doc, system, counts)
    assert (counts.gold, counts.system, counts.strict, counts.relaxed, counts.value_ok) == (4, 4, 2, 3, 2)
    assert counts.errors["missed DATE"] == 1 and counts.errors["spurious DATE"] == 1
    assert counts.errors["extent boundary"] == 1 and counts.errors["value DURATION"] == 1
    by_name = {m.name: m for m in metrics(counts, Counts())}
    assert by_name["extent_strict_f1"].value == pytest.approx(0.5)
    assert by_name["value_f1"].value == pytest.approx(0.5)
    assert by_name["extent_relaxed_f1"].baseline == 0.0


@pytest.mark.slow
def test_evaluate_on_hand_made_gold():
    results = evaluate(DATA)
    assert [r.corpus for r in results] == ["tempeval3/TBAQ-cleaned/TimeBank", "tempeval3/TBAQ-cleaned/AQUAINT",
                                           "tempeval3/TBAQ-cleaned"]
    total = results[-1]
    assert total.metric("value_f1").n == 7
    assert total.metric("value_f1").value >= 0.85
    assert total.metric("extent_strict_f1").value >= 0.85
    assert total.metric("value_f1").baseline is not None
    assert total.baseline_name == "dateparser.search_dates"
    assert "error_classes" in total.details
