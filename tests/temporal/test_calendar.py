"""Calendar arithmetic and TIMEX3 value → interval."""

from datetime import date

import pytest

from sitrep.temporal.calendar import add_months, interval_of, month_day_near, month_near, shift_value


@pytest.mark.parametrize(("value", "expected"), [
    ("2020-01-12", ("2020-01-12", "2020-01-13")),
    ("2019-12", ("2019-12-01", "2020-01-01")),
    ("2020-W02-WE", ("2020-01-11", "2020-01-13")),
    ("2020-W02", ("2020-01-06", "2020-01-13")),
    ("1989-Q3", ("1989-07-01", "1989-10-01")),
    ("1989-H2", ("1989-07-01", "1990-01-01")),
    ("2017", ("2017-01-01", "2018-01-01")),
    ("199", ("1990-01-01", "2000-01-01")),
    ("2020-01-12T00:01", ("2020-01-12T00:01", "2020-01-12T00:02")),
    ("2020-01-10TNI", ("2020-01-10T20:00", "2020-01-11T06:00")),
])
def test_interval_of_values(value, expected):
    assert interval_of(value) == expected


def test_interval_keeps_a_stated_utc_offset():
    assert interval_of("2020-01-09T18:00", "-05:00") == ("2020-01-09T18:00-05:00", "2020-01-09T18:01-05:00")


@pytest.mark.parametrize("value", ["PAST_REF", "P9Y", "XXXX-WXX-5", "2020-13"])
def test_unanchored_values_have_no_interval(value):
    assert interval_of(value) is None


def test_month_day_direction():
    publication = date(2020, 1, 10)
    assert month_day_near(publication, 12, 24, "none") == date(2019, 12, 24)  # 'Dec. 24' in January
    assert month_day_near(publication, 1, 12, "future") == date(2020, 1, 12)
    assert month_day_near(publication, 1, 5, "future") == date(2021, 1, 5)
    assert month_day_near(publication, 4, 1, "past") == date(2019, 4, 1)


def test_month_day_with_a_weekday_picks_the_fitting_year():
    assert month_day_near(date(1998, 4, 1), 4, 25, "none", weekday=5) == date(1998, 4, 25)
    assert month_day_near(date(1999, 4, 1), 4, 25, "none", weekday=5) == date(1998, 4, 25)


def test_month_near_and_shifts():
    assert month_near(date(1989, 10, 30), 1, "none") == 1990
    assert month_near(date(1989, 10, 30), 6, "none") == 1989
    assert shift_value("1989-Q3", -1) == "1988-Q3"
    assert shift_value("PAST_REF", -1) is None
    assert add_months(date(2020, 1, 31), 1) == date(2020, 2, 29)
