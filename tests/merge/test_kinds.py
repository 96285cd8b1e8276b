"""What the merge counts as a ceasefire: a truce agreed, declared or in force, not a war that was ended."""

from __future__ import annotations

import pytest

from sitrep.merge.kinds import CEASEFIRE, kind_of
from sitrep.models import AcledCode, Event, PloverCode, Span


def _coded_truce(sentence: str, trigger: str) -> Event:
    start = sentence.index(trigger)
    return Event(id="e1", plover=PloverCode(type="RETREAT", mode="ceasefire"), cameo="0871",
                 acled=AcledCode(event_type=None, sub_event_type=None),
                 trigger=Span(start=100 + start, end=100 + start + len(trigger), text=trigger),
                 evidence=[Span(start=100, end=100 + len(sentence), text=sentence)])


@pytest.mark.parametrize(("sentence", "trigger", "kind"), [
    ("Allied jets helped end the war in the region a few years ago.", "end", "RETREAT"),
    ("Mediators hope the summit will end the long civil war.", "end", "RETREAT"),
    ("Both armies agreed to end the fighting at midnight.", "end", CEASEFIRE),
    ("Attacks would halt at midnight, the army said.", "halt", CEASEFIRE),
    ("The truce that ended the war took effect in March.", "ended", CEASEFIRE),
])
def test_a_war_that_was_ended_is_no_truce(sentence, trigger, kind):
    assert kind_of(_coded_truce(sentence, trigger)) == kind
