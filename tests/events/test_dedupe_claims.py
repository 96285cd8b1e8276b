"""Mentions of one event by different speakers at different times stay apart as disagreeing claims."""

from __future__ import annotations

from sitrep.events.dedupe import disagreeing_claims
from sitrep.models import AcledCode, Attribution, Event, EventDate, PloverCode


def _event(speaker: str | None, value: str, effective: str | None = None) -> Event:
    said = Attribution(text=speaker, start=0, end=len(speaker)) if speaker else None
    return Event(id="e", plover=PloverCode(type="AGREE"), acled=AcledCode(event_type=None, sub_event_type=None),
                 date=EventDate(value=value, precision=1), attribution=said,
                 effective=EventDate(value=effective, precision=1) if effective else None)


def test_different_speakers_and_times_disagree():
    turkish = _event("Turkey's defence ministry", "2020-01-10", effective="2020-01-12T00:01")
    russian = _event("a Russian defence ministry official", "2020-01-09T18:00")
    assert disagreeing_claims(turkish, russian)


def test_same_speaker_or_refined_time_or_no_speaker_do_not():
    assert not disagreeing_claims(_event("Turkey's Defence Ministry", "2020-01-12"),
                                  _event("Turkey's defence ministry", "2020-01-09"))
    assert not disagreeing_claims(_event("the army", "2020-01-12"), _event("rebels", "2020-01-12T00:01"))
    assert not disagreeing_claims(_event(None, "2020-01-12"), _event("rebels", "2020-01-09"))
    assert not disagreeing_claims(_event("the army", "2020-01"), _event("rebels", "2020-01-09"))
