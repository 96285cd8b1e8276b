"""Intervals of TIMEX3-style values, as the merge compares them."""

from __future__ import annotations

from datetime import datetime

import pytest

from sitrep.merge.dates import value_interval


@pytest.mark.parametrize(("value", "lo", "hi"), [
    ("2020", datetime(2020, 1, 1), datetime(2021, 1, 1)),
    ("2020-12", datetime(2020, 12, 1), datetime(2021, 1, 1)),
    ("2020-02-29", datetime(2020, 2, 29), datetime(2020, 3, 1)),
    ("2020-W53", datetime(2020, 12, 28), datetime(2021, 1, 4)),
    ("2020-01-12TMO", datetime(2020, 1, 12), datetime(2020, 1, 13)),
    ("2020-01-12T00:01", datetime(2020, 1, 12, 0, 1), datetime(2020, 1, 12, 0, 2)),
])
def test_value_interval(value, lo, hi):
    assert value_interval(value) == (lo, hi)


@pytest.mark.parametrize("value", ["2021-W53", "2020-W00", "2020-13", "2021-02-29", "PAST_REF", ""])
def test_values_the_calendar_lacks_have_no_interval(value):
    assert value_interval(value) is None
