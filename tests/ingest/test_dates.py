from __future__ import annotations

import pytest

from sitrep.ingest.dates import normalize_date


@pytest.mark.parametrize(("raw", "value"), [
    ("2020-01-10", "2020-01-10"),
    ("2020-01-10T14:03:00Z", "2020-01-10T14:03:00+00:00"),
    ("Fri, 10 Jan 2020 14:03:00 +0000", "2020-01-10T14:03:00+00:00"),
    ("January 10, 2020", "2020-01-10T00:00:00"),
    ("2020-02-30", None),
    ("yesterday", None),
    ("Friday", None),  # no year: nothing is guessed
    ("", None),
])
def test_normalize_date(raw, value):
    assert normalize_date(raw) == value
