"""`sitrep analyze --explain`: every field of every event (and every place), with the rule that set it.

Each resolver records what decided its field in `Event.decided_by` (places: `Place.rule` and `Place.features`
where the place resolver scored candidates); this module only lays that out for a person:

    e1  ASSAULT 195  "shelled"  asserted  confidence 0.83
      type        ASSAULT 195 (shelling) · ACLED Explosions/Remote violence / Shelling/artillery/missile attack
                  ← lexicon.verb:shell
      acled       Explosions/Remote violence / Shelling/artillery/missile attack, inter 2/7 (27)
                  ← erv.shelling: acts=attack means=shelling cues=- sides=2/7
      …
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from .models import Actor, DocumentRecord, Event, Place

FIELDS = ("type", "acled", "sources", "targets", "place", "date", "modality", "attribution", "quantities",
          "confidence")


def _actors(ids: list[str], actors: dict[str, Actor]) -> str:
    named = [f"{actors[i].name} ({actors[i].code or '—'}, ACLED {actors[i].acled_inter or '—'})"
             for i in ids if i in actors]
    return "; ".join(named) or "—"


def _values(event: Event, actors: dict[str, Actor]) -> dict[str, str]:
    acled = event.acled
    place = event.place
    date = event.date
    return {
        "type": f"{event.plover.type} {event.cameo or ''} ({event.category or '—'})".strip(),
        "acled": (f"{acled.event_type} / {acled.sub_event_type}, inter {acled.inter1}/{acled.inter2}"
                  f" ({acled.interaction})" if acled.event_type else "no ACLED event"),
        "sources": _actors(event.sources, actors),
        "targets": _actors(event.targets, actors),
        "place": (f"{place.name} ({place.country or '—'}, precision {place.precision}, "
                  f"{place.text!r} from the {place.source})" if place else "—"),
        "date": (f"{date.value} (precision {date.precision}{', ' + repr(date.text) if date.text else ''})"
                 if date and date.value else "—"),
        "modality": event.modality,
        "attribution": f"{event.attribution.text!r}" if event.attribution else "—",
        "quantities": ", ".join(f"{k} {q.best:g} ({q.text!r})" for k, q in event.quantities.items()
                                if q.best is not None) or "—",
        "confidence": f"{event.confidence:.2f}",
    }


def explain_event(event: Event, actors: dict[str, Actor]) -> list[str]:
    trigger = event.trigger.text if event.trigger else ""
    lines = [f"{event.id}  {event.plover.type} {event.cameo or ''}  {trigger!r}  {event.modality}  "
             f"confidence {event.confidence:.2f}"]
    values = _values(event, actors)
    for field in FIELDS:
        lines.append(f"  {field:<11} {values[field]}")
        lines.append(f"  {'':<11} ← {event.decided_by.get(field, 'not set (no value)')}")
    return lines


def explain_place(place: Place) -> str:
    rule = getattr(place, "rule", None)
    features = getattr(place, "features", None) or {}
    scored = ", ".join(f"{k} {v:+.2f}" for k, v in sorted(features.items(), key=lambda kv: -abs(kv[1]))[:5])
    how = rule or "—"
    return f"  {place.text!r} → {place.name} ({place.country or '—'}, precision {place.precision}) ← {how}" + (
        f" [{scored}]" if scored else "")


def explain_record(record: DocumentRecord) -> list[str]:
    actors = {a.id: a for a in record.actors}
    lines = [f"== {record.id}" + (f" (published {record.published.value}, {record.published.source})"
                                  if record.published else " (no publication date)")]
    for event in record.events:
        lines += explain_event(event, actors)
    if record.places:
        lines.append("places")
        lines += [explain_place(p) for p in record.places]
    return lines


def write_explanations(records: Iterable[DocumentRecord], out: TextIO) -> None:
    for record in records:
        out.write("\n".join(explain_record(record)) + "\n\n")
