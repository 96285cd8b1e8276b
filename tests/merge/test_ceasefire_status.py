"""A truce its own report says came apart is collapsed, whatever word the outlet chose."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from sitrep.merge import merge_record
from sitrep.merge.tables import ceasefires
from sitrep.models import Span

from .builders import record


@pytest.mark.parametrize(("sentence", "status"), [
    ("A truce to let civilians leave the city unraveled on Wednesday as shelling resumed.", "collapsed"),
    ("The ceasefire fell apart within hours, residents said.", "collapsed"),
    ("The ceasefire held through the night, residents said.", "in force"),
])
def test_status_follows_what_the_report_says_of_the_truce(engine, sentence, status):
    truce = record("a", kind="RETREAT", mode="ceasefire", day="2024-03-04", published="2024-03-05", actors=())
    truce.events[0].evidence = [Span(start=0, end=len(sentence), text=sentence)]
    merge_record(engine, "a", truce)
    with engine.connect() as conn:
        assert conn.execute(select(ceasefires.c.status)).scalar_one() == status
