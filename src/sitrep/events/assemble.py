"""Mentions → Event records: codes, arguments, place, date, mood, source and numbers, with evidence.

The argument-finding modules (arguments, modality, attribution, quantities) and the time and place
linkers each answer for one trigger token; this module asks them and puts the answers together,
with a confidence per field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..geo import event_place
from ..models import Actor, Event, Span
from ..temporal import event_date
from .arguments import link_arguments
from .attribution import attribution_of
from .coding import code_event
from .detect import Mention
from .lexicon import Lexicon
from .modality import modality_of
from .quantities import quantities_for

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..pipeline import Analysis


def sentence_span(analysis: Analysis, token: Token) -> Span:
    """The sentence that reports the event, trimmed of surrounding white space."""
    sent = token.sent
    text = analysis.text[sent.start_char:sent.end_char]
    lead = len(text) - len(text.lstrip())
    start, end = sent.start_char + lead, sent.start_char + len(text.rstrip())
    return Span(start=start, end=end, text=analysis.text[start:end])


def trigger_span(analysis: Analysis, mention: Mention) -> Span:
    return Span(start=mention.start, end=mention.end, text=analysis.text[mention.start:mention.end])


def _actors(analysis: Analysis, ids: list[str]) -> list[Actor]:
    known = {a.id: a for a in analysis.actors}
    return [known[i] for i in ids if i in known]


def build_event(analysis: Analysis, mention: Mention, lexicon: Lexicon, number: int) -> Event:
    """One Event from one mention (before the mentions of one event are merged)."""
    args = link_arguments(analysis, mention.anchor)
    codes = code_event(lexicon.types[mention.type], _actors(analysis, args.sources))
    modality, modality_confidence = modality_of(mention.focus)
    event = Event(
        id=f"e{number}", plover=codes.plover, cameo=codes.cameo, acled=codes.acled, category=codes.category,
        sources=args.sources, targets=args.targets, instrument=args.instrument,
        place=event_place(analysis, mention.anchor), date=event_date(analysis, mention.anchor),
        modality=modality, attribution=attribution_of(analysis, mention.anchor),
        quantities=quantities_for(analysis, mention.anchor), trigger=trigger_span(analysis, mention),
        evidence=[sentence_span(analysis, mention.head)], confidence=mention.confidence,
    )
    event.field_confidence = field_confidence(event, mention, modality_confidence)
    return event


def field_confidence(event: Event, mention: Mention, modality_confidence: float) -> dict[str, float]:
    """How far to trust each field: the type from the trigger's clause, sub-codes a little less."""
    base = mention.confidence
    scores = {"plover": base, "cameo": round(base * (0.9 if len(event.cameo or "") > 3 else 1.0), 3),
              "acled": base if event.acled.event_type else round(base * 0.9, 3),
              "modality": modality_confidence}
    scores["sources"] = 0.7 if event.sources else 0.0
    scores["targets"] = 0.6 if event.targets else 0.0
    if event.place is not None:
        scores["place"] = 0.8 if event.place.source == "sentence" else 0.5
    if event.date is not None:
        scores["date"] = {1: 0.8, 2: 0.6}.get(event.date.precision, 0.4)
    if event.attribution is not None:
        scores["attribution"] = 0.8
    return scores
