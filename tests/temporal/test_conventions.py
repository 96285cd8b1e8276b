"""TimeML conventions the rules follow (no spaCy: directions are given by hand), and tense cues that need
the parse (slow)."""

from datetime import date

import pytest

from sitrep.models import Document
from sitrep.temporal.catalog import all_rules
from sitrep.temporal.detect import detect
from sitrep.temporal.resolve import resolve

RULES = all_rules()
PUBLISHED = date(1989, 10, 26)  # a Thursday


def tag(text: str, direction: str = "none") -> list[tuple[str, str, str | None]]:
    candidates = detect(text, RULES)
    found = resolve(text, candidates, [direction] * len(candidates), PUBLISHED)
    for t in found:
        assert text[t.start:t.end] == t.text
    return [(t.text, t.type, t.value) for t in found]


@pytest.mark.parametrize(("text", "expected"), [
    ("For the year, sales were flat.", [("the year", "DATE", "1989")]),
    ("Sales for the full year rose.", [("the full year", "DATE", "1989")]),
    ("Profit for the year ended May 31 doubled.", [("the year", "DURATION", "P1Y"), ("May 31", "DATE", "1989-05-31")]),
    ("It was built in the 11th century.", [("the 11th century", "DATE", "10")]),
    ("Numbers fell through the nineties.", [("the nineties", "DATE", "199")]),
    ("Rents rose in the summer of nineteen eighty-eight.", [("the summer of nineteen eighty-eight", "DATE", "1988-SU")]),
    ("March nineteen eighty-one. Denver again.", [("March nineteen eighty-one", "DATE", "1981-03")]),
    ("They stay for two more weeks.", [("two more weeks", "DURATION", "P2W")]),
    ("It ended a decades-long battle after their third day-long meeting.",
     [("decades-long", "DURATION", "PXY"), ("day-long", "DURATION", "P1D")]),
    ("It took a couple of years.", [("a couple of years", "DURATION", "P2Y")]),
    ("Orangemen march each July.", [("each July", "SET", "XXXX-07")]),
    ("He said it on ABC's This Week program.", []),
    ("Protesters joined the annual March for Life.", []),
    ("Mr. Smith, 52 years old, will retire.", []),
    ("It adds four flights a week and saves $2 million a year.", []),
    ("Revenue will rise 8.5% annually.", []),
    ("Rallies are held here annually.", [("annually", "SET", "P1Y")]),
    ("The firm will soon sell the unit.", [("soon", "DATE", "FUTURE_REF")]),
    ("He left soon after the vote, as soon as he could.", []),
])
def test_convention(text, expected):
    assert tag(text) == expected


def test_year_ago_is_not_an_anchor_for_a_year_earlier():
    """'a year ago' is counted from the publication date; a later 'a year earlier' is too, not from it."""
    text = "Profit rose from a year ago. Sales rose from a year earlier."
    assert [v for _, _, v in tag(text)] == ["1988", "1988"]


def test_bare_month_day_far_ahead_without_tense_is_last_years():
    assert tag("the Oct. 23 slaying", "none")[0][2] == "1989-10-23"
    assert tag("the Aug. 6 high", "none")[0][2] == "1989-08-06"  # more than three months ahead
    assert tag("a Jan. 2 deadline", "none")[0][2] == "1990-01-02"  # near enough ahead


def test_month_four_months_ahead_is_next_years():
    assert tag("pay the loan by February", "none")[0][2] == "1990-02"


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "value"), [
    ("The bank is to reopen its branch in Lyon Tuesday.", "1989-10-31"),
    ("The group could leave as soon as Tuesday.", "1989-10-31"),
    ("The judge has scheduled a hearing Tuesday.", "1989-10-31"),
    ("The office will be created, effective Feb. 1.", "1990-02-01"),
    ("The offer had been due to expire Tuesday.", "1989-10-24"),
    ("The offer expired Tuesday.", "1989-10-24"),
])
def test_tense_cues(temporal_pipeline, sentence, value):
    analysis = temporal_pipeline.analyze(Document(id="d", text=sentence, published="1989-10-26", published_source="given"))
    assert [t.value for t in analysis.times] == [value]


@pytest.mark.slow
def test_day_month_year_dates_resolve(pipeline):
    """'9 November 2020' style dates (day before month) resolve; they once crashed the stage."""
    from sitrep.models import Document

    text = "The talks will run until 9 November 2020, officials said on 12 January 2020."
    record = pipeline.analyze(Document(id="dm", text=text, published="2020-01-13", published_source="given")).record()
    assert [(t.text, t.value) for t in record.times] == [("9 November 2020", "2020-11-09"),
                                                         ("12 January 2020", "2020-01-12")]


@pytest.mark.slow
def test_a_commitment_in_the_pluperfect_still_points_forward(pipeline):
    """'had agreed to meet in September' (still to come) vs 'had been due to expire on Friday' (overtaken)."""
    from sitrep.models import Document

    text = "Fidan said the two sides had agreed to meet again in September. The deal had been due to expire on Friday."
    record = pipeline.analyze(Document(id="c", text=text, published="2024-07-02", published_source="given")).record()
    assert [(t.text, t.value) for t in record.times] == [("September", "2024-09"), ("Friday", "2024-06-28")]
