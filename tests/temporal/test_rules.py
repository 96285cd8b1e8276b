"""Detection and normalisation without spaCy: directions are given by hand."""

from datetime import date

import pytest

from sitrep.temporal.catalog import all_rules
from sitrep.temporal.detect import detect
from sitrep.temporal.resolve import resolve

RULES = all_rules()
PUBLISHED = date(2020, 1, 10)  # a Friday


def tag(text: str, direction: str = "none", published: date | None = PUBLISHED):
    candidates = detect(text, RULES)
    return resolve(text, candidates, [direction] * len(candidates), published)


def only(text: str, direction: str = "none"):
    found = tag(text, direction)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


@pytest.mark.parametrize(("text", "words", "kind", "value"), [
    ("It happened on Jan. 12, 2019 in the city.", "Jan. 12, 2019", "DATE", "2019-01-12"),
    ("Trucks are shown Dec. 24 near the border.", "Dec. 24", "DATE", "2019-12-24"),
    ("The fighting began in March 2011.", "March 2011", "DATE", "2011-03"),
    ("Prices rose last month.", "last month", "DATE", "2019-12"),
    ("a ceasefire later this weekend", "later this weekend", "DATE", "2020-W02-WE"),
    ("He visited Syria in 2017.", "2017", "DATE", "2017"),
    ("The talks failed in the 1990s.", "the 1990s", "DATE", "199"),
    ("Profit fell in the third quarter.", "the third quarter", "DATE", "2019-Q3"),
    ("They met yesterday.", "yesterday", "DATE", "2020-01-09"),
    ("Officials said so recently.", "recently", "DATE", "PAST_REF"),
    ("born in nineteen ninety-six", "nineteen ninety-six", "DATE", "1996"),
    ("their nearly nine-year civil war", "nearly nine-year", "DURATION", "P9Y"),
    ("a six-year-long operation", "six-year-long", "DURATION", "P6Y"),
    ("for several weeks", "several weeks", "DURATION", "PXW"),
    ("the past two months", "the past two months", "DURATION", "P2M"),
    ("after 5 1/2 hours of talks", "5 1/2 hours", "DURATION", "PT5H30M"),
    ("Patrols run daily.", "daily", "SET", "P1D"),
    ("They meet every Tuesday.", "every Tuesday", "SET", "XXXX-WXX-2"),
])
def test_expressions(text, words, kind, value):
    found = only(text)
    assert (found.text, found.type, found.value) == (words, kind, value)
    assert text[found.start:found.end] == found.text


def test_clock_time_with_a_zone_and_a_day():
    found = only("implemented at 6 p.m. ET on Thursday, officials said", direction="past")
    assert (found.text, found.value, found.utc_offset) == ("6 p.m. ET on Thursday", "2020-01-09T18:00", "-05:00")
    assert found.interval is not None and found.interval.start == "2020-01-09T18:00-05:00"


def test_clock_phrase_past_midnight():
    found = only("would halt at one minute past midnight on Jan. 12 under the deal", direction="future")
    assert (found.text, found.type, found.value) == ("one minute past midnight on Jan. 12", "TIME", "2020-01-12T00:01")


def test_zone_follows_daylight_saving():
    found = tag("at 9 a.m. EDT on July 4", direction="none")[0]
    assert found.utc_offset == "-04:00"
    summer = tag("at 9 a.m. ET on July 4")[0]
    assert summer.utc_offset == "-04:00"


@pytest.mark.parametrize(("direction", "value"), [("past", "2020-01-05"), ("future", "2020-01-12")])
def test_weekday_direction(direction, value):
    assert only("on Sunday", direction=direction).value == value


def test_weekday_said_on_the_publication_day_is_that_day():
    assert only("said on Friday", direction="past").value == "2020-01-10"


def test_may_the_verb_is_not_a_month():
    assert tag("Officials said they may return.") == []
    assert only("They left in May.", direction="past").value == "2019-05"


def test_year_earlier_reads_the_previous_quarter():
    found = tag("Profit rose in the third quarter, up from a year earlier.")
    assert [t.value for t in found] == ["2019-Q3", "2018-Q3"]
    assert found[1].anchor == "previous"


def test_numbers_that_are_not_years():
    assert tag("It cost $1990 and 2000 people came; the index closed at 2082.1.") == []
    assert [t.value for t in tag("Reforms after the 1987 crash held.")] == ["1987"]


def test_rates_and_fractions_are_not_durations():
    assert tag("It costs $5 a year and took three-quarters of the vote.") == []
    assert [(t.type, t.value) for t in tag("They meet twice a week.")] == [("SET", "P1W")]


def test_without_a_publication_date_values_stay_unanchored():
    found = tag("on Friday", published=None)
    assert found[0].value == "XXXX-WXX-5" and found[0].anchor == "none" and found[0].interval is None


_EVERY_RULE = (
    "Right now, on Wednesday, Jan. 12, 2019, and again on 3/4/2021 (or 2021-03-04), officials said that "
    "currently the talks, held at 10:30 a.m. local time yesterday morning, resume later today and in the "
    "coming weeks; that weekend, the same day, the following month and the year before were quiet, daily "
    "patrols and twice-monthly flights aside. Nowadays, as soon as possible, in the near term, the fiscal "
    "year ended Sept. 30; 2,000 people came the year after, for three years, in the past, these days."
)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
@pytest.mark.parametrize("text", [_EVERY_RULE, _EVERY_RULE.upper(), _EVERY_RULE.lower()])
def test_rules_searched_near_their_anchor_find_what_a_search_of_the_whole_text_finds(rule, text):
    from sitrep.temporal.detect import _matches

    assert [m.span() for m in _matches(text, rule, {}, text.lower())] == [m.span() for m in rule.pattern.finditer(text)]
