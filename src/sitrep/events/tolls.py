"""The death toll of a violent event when the text gives it, or updates it, after the sentence that tells it.

News tells an attack first and its toll later: "Gunmen attacked a checkpoint on Monday. Four soldiers died."
or "… killed at least 12 people. By evening the toll had risen to 30." A count of dead (quantities.py
decides what an amount counts) in one of the few sentences after a violent event, in the same paragraph,
is that event's toll unless it belongs to another event that has a doer of its own (a new attack by
someone). Read in text order, the latest figure wins: the text updates its toll, it does not add to it.
In the event's own sentence, a count of dead that no event took fills an event that has none.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ..models import Event
from .quantities import as_quantity, classify_amount, sentence_amounts

if TYPE_CHECKING:
    from ..stage import Analysis

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
AFTER_SENTENCES = 3  # how far after its event a toll is still that event's
RULE = "quantities.latest_toll: a count of dead told after the event, the latest figure wins (tolls.py)"


def update_tolls(analysis: Analysis, events: list[Event]) -> None:
    """Set each violent event's `quantities["killed"]` to the latest toll the text gives for it."""
    if analysis.doc is None:
        return
    violent = sorted((e for e in events if e.acled.event_type in VIOLENT and e.trigger is not None
                      and e.modality == "asserted"), key=lambda e: e.trigger.start if e.trigger else 0)
    if not violent:
        return
    sentences = list(analysis.doc.sents)
    starts = [s.start_char for s in sentences]
    taken = {(q.start, q.end): e for e in events for k, q in e.quantities.items() if k == "killed"}
    for number, sent in enumerate(sentences):
        for tokens, estimate in sentence_amounts(analysis, sent):
            classified = classify_amount(tokens)
            if classified is None or classified[0] != "killed" or estimate[1] is None:
                continue
            quantity = as_quantity(analysis, tokens, estimate)
            holder = taken.get((quantity.start, quantity.end))
            owner = _owner(analysis.text, violent, starts, number, quantity.start or 0)
            if owner is None or holder is owner:
                continue
            if holder is not None and (holder.sources or _sentence(starts, holder) == number):
                continue  # a count of another event, done by someone, or told in that event's own sentence
            if _sentence(starts, owner) == number and "killed" in owner.quantities:
                continue  # the event's own sentence: only fills an event that has no count
            owner.quantities["killed"] = quantity
            owner.decided_by["quantities"] = RULE


def _sentence(starts: list[int], event: Event) -> int:
    position = event.trigger.start if event.trigger else event.evidence[0].start
    return bisect.bisect_right(starts, position) - 1


def _owner(text: str, violent: list[Event], starts: list[int], number: int, position: int) -> Event | None:
    """The last violent event told before `position`, at most AFTER_SENTENCES sentences before and in the
    same paragraph."""
    before = [e for e in violent if e.trigger is not None and e.trigger.start < position
              and 0 <= number - _sentence(starts, e) <= AFTER_SENTENCES]
    if not before:
        return None
    owner = before[-1]
    assert owner.trigger is not None
    return None if "\n\n" in text[owner.trigger.start:position] else owner
