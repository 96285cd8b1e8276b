"""Rules added for TimeML signals, earnings periods, parts of the day and deadlines (issue #4). Hand-made
sentences; directions are given by hand except in the slow tests, which need the parse."""

from datetime import date

import pytest

from sitrep.models import Document
from sitrep.temporal.catalog import all_rules
from sitrep.temporal.detect import detect
from sitrep.temporal.resolve import resolve

RULES = all_rules()
PUBLISHED = date(2021, 11, 4)  # a Thursday


def tag(text: str, direction: str = "none") -> list[tuple[str, int, str, str | None]]:
    """(words, start offset, type, value) for each expression; the offsets must give back the words."""
    candidates = detect(text, RULES)
    found = resolve(text, candidates, [direction] * len(candidates), PUBLISHED)
    for t in found:
        assert text[t.start:t.end] == t.text
    return [(t.text, t.start, t.type, t.value) for t in found]


@pytest.mark.parametrize(("text", "expected"), [
    # 'later', 'after', 'before' are signals: the amount before them is a duration, not a date
    ("Four days later, the bridge reopened.", [("Four days", 0, "DURATION", "P4D")]),
    ("A few weeks later the plant closed.", [("A few weeks", 0, "DURATION", "PXW")]),
    ("He resigned several months before he was charged.", [("several months", 12, "DURATION", "PXM")]),
    ("The vigil was held one year after she died.", [("one year", 19, "DURATION", "P1Y")]),
    ("Two hours earlier, a car bomb exploded.", [("Two hours", 0, "DURATION", "PT2H")]),
    ("Three weeks ago the port reopened.", [("Three weeks ago", 0, "DATE", "2021-W41")]),
])
def test_amount_before_a_signal_is_a_duration(text, expected):
    assert tag(text, "past") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Drivers waited a minute and a half at the gate.", [("a minute and a half", 15, "DURATION", "PT1M30S")]),
    ("Shares sank for six trading days in a row.", [("six trading days", 16, "DURATION", "P6D")]),
    ("A second convoy left the city.", []),
    ("She was elected for a second term.", []),
    ("Hold the line for a second, please.", [("a second", 18, "DURATION", "PT1S")]),
])
def test_durations(text, expected):
    assert tag(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Trading is thin these days.", [("these days", 16, "DATE", "PRESENT_REF")]),
    ("Costs will rise in the coming weeks.", [("the coming weeks", 19, "DURATION", "PXW")]),
    ("Exports in the current fiscal year may slow.", [("the current fiscal year", 11, "DATE", "2021")]),
    ("Profit fell last fiscal year.", [("last fiscal year", 12, "DATE", "2020")]),
    ("A vote is set for Election Day.", [("Election Day", 18, "DATE", "2021-11-02")]),
    ("The summit met on June 24 and 25.", [("June 24", 18, "DATE", "2021-06-24"), ("25", 30, "DATE", "2021-06-25")]),
    ("The trial may open the week of Jan. 10.", [("the week of Jan. 10", 19, "DATE", "2022-W02")]),
    ("Demand picked up after the late spring.", [("the late spring", 23, "DATE", "2021-SP")]),
])
def test_periods_and_named_days(text, expected):
    assert tag(text) == expected


def test_part_of_the_day_takes_the_day_last_named():
    text = "Markets fell on Monday. Buyers returned in the afternoon."
    assert tag(text, "past") == [("Monday", 16, "DATE", "2021-11-01"),
                                 ("the afternoon", 43, "TIME", "2021-11-01TAF")]


def test_part_of_the_day_with_a_deictic_day():
    assert tag("Shares rose by mid-afternoon yesterday.") == [
        ("mid-afternoon yesterday", 15, "TIME", "2021-11-03TAF")]


def test_a_part_of_the_day_needs_a_preposition():
    assert tag("The morning paper ran the story.") == []


def test_the_previous_weekday_counts_back_from_the_day_last_named():
    text = "The index closed lower on Friday, down 2% from the previous Friday."
    assert tag(text, "past") == [("Friday", 26, "DATE", "2021-10-29"),
                                 ("the previous Friday", 47, "DATE", "2021-10-22")]


def test_clock_time_takes_the_day_beside_its_bracket():
    text = "The blast came at 11:50 a.m. (0850 GMT) Tuesday, police said."
    assert tag(text, "past")[0] == ("11:50 a.m.", 18, "TIME", "2021-11-02T11:50")
    text = "She will land at 5 in the evening (5 p.m. CDT Friday)."
    assert tag(text, "future")[0] == ("5 in the evening", 17, "TIME", "2021-11-05T17:00")


QUARTERLY_REPORT = ("Acme posted higher third-quarter profit. After a weak second quarter, margins improved. "
                    "The 2021 period included a gain, and costs were lower than in the year-earlier period.")


def test_a_reports_own_quarter_anchors_its_periods():
    """'the 2021 period' is the quarter the report is about (the first one named), not 'a weak second quarter'
    mentioned in passing."""
    values = [(w, v) for w, _, _, v in tag(QUARTERLY_REPORT)]
    assert values == [("third-quarter", "2021-Q3"), ("second quarter", "2021-Q2"),
                      ("The 2021 period", "2021-Q3"), ("the year-earlier period", "2020-Q3")]


@pytest.mark.parametrize(("text", "value"), [
    ("Margins widened during the quarter ended Sept. 30.", "2021-Q3"),
    ("Margins widened during the quarter ended July 31.", "2021-Q2"),  # May-July: mostly the second quarter
])
def test_a_quarter_with_its_end_date(text, value):
    assert tag(text)[0][3] == value


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "value"), [
    ("The agency extended the deadline until Monday.", "2021-11-08"),
    ("Until Monday, officials had not named a suspect.", "2021-11-01"),
    ("The bank extended credit lines through February.", "2022-02"),
    ("On Saturday, the union plans to hold a rally.", "2021-11-06"),
])
def test_deadlines_and_intentions(temporal_pipeline, sentence, value):
    analysis = temporal_pipeline.analyze(Document(id="d", text=sentence, published="2021-11-04",
                                                  published_source="given"))
    assert [t.value for t in analysis.times] == [value]
