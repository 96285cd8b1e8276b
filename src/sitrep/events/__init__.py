"""Events: every reported event of a document as one record, coded in PLOVER, CAMEO and ACLED.

    detect.py         trigger words → mentions of internal event types (lexicon in sitrep/data)
    constructions.py  support verbs, frames, outcomes, instruments: several words → one event
    coding.py         internal type → PLOVER type and mode, CAMEO code, ACLED type and sub-type
    assemble.py       mention → Event, with arguments, place, date, modality, attribution, numbers
    dedupe.py         mentions of one real event → one Event with several evidence spans
    arguments.py, modality.py, attribution.py, quantities.py   the event's arguments (one trigger each)

The stage needs the parse, times, places and actors, and adds `events`.
"""

from __future__ import annotations

from ..models import Event
from ..settings import Settings
from ..stage import Analysis, Stage
from .assemble import build_event
from .backrefs import date_from_main_events, pending_date, temporal_marker
from .constructions import apply_constructions
from .dedupe import Item, merge_mentions
from .detect import Mention, find_mentions
from .lexicon import Lexicon, load_lexicon

DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def extract_events(analysis: Analysis, lexicon: Lexicon) -> list[Event]:
    """The events of one parsed document, merged within the document."""
    if analysis.doc is None:
        return []
    mentions = apply_constructions(find_mentions(analysis.doc, lexicon), lexicon)
    mentions.sort(key=lambda m: m.start)
    sentence_of = {s.start: n for n, s in enumerate(analysis.doc.sents)}
    items, pending = [], []
    for n, m in enumerate(mentions, start=1):
        marker = temporal_marker(m.anchor)
        item = Item(build_event(analysis, m, lexicon, n), lexicon.types[m.type], {sentence_of[m.head.sent.start]},
                    anaphoric=is_anaphoric(m), backref=marker is not None)
        items.append(item)
        waiting = pending_date(marker, item.event) if marker is not None else None
        if waiting is not None:
            pending.append(waiting)
    events = merge_mentions(items)
    date_from_main_events(events, pending, analysis.text)
    return events


def is_anaphoric(mention: Mention) -> bool:
    """ "the attack", "this visit": a definite event noun with no owner, referring back."""
    if not mention.nominal:
        return False
    children = list(mention.head.children)
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in children)
    return definite and not any(c.dep_ in ("poss", "compound", "amod", "nummod", "prep", "acl", "relcl")
                                for c in children)


def make_stage(settings: Settings) -> Stage:
    lexicon = load_lexicon()

    def run(analysis: Analysis) -> None:
        analysis.events = extract_events(analysis, lexicon)

    return Stage("events", needs=("doc", "times", "places", "actors"), adds=("events",), run=run)


__all__ = ["extract_events", "make_stage"]
