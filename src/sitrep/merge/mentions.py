"""One event report reduced to what the merge compares: kind, days, place, actors, numbers, source.

A :class:`MentionView` is built from an :class:`~sitrep.models.Event` and the
:class:`~sitrep.models.DocumentRecord` it came from (whose actors its source/target ids name), and is
stored as JSON beside the event, so that canonical events can be recomputed without re-reading records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..models import Actor, DocumentRecord, Event
from .dates import day_range, event_interval, iso
from .kinds import CEASEFIRE, is_violent, kind_of

_POSSESSIVE = re.compile(r"['’]s\b")
_CODE_COUNTRY = re.compile(r"^[A-Z]{3}")


@dataclass
class ActorKey:
    """An actor as the merge compares it: an identity key, its country, and its role in the event."""

    key: str
    name: str
    country: str | None
    role: str  # source | target
    specific: bool = True  # False for a generic coded group ("Russian jets" → RUSMIL) shared by many events


@dataclass
class MentionView:
    document_id: str
    event_id: str
    kind: str
    violent: bool
    plover_type: str
    plover_mode: str | None
    cameo: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    outlet: str | None
    url: str | None
    published: str | None
    modality: str
    day_lo: int | None = None
    day_hi: int | None = None
    precision: int = 3
    when_lo: str | None = None
    when_hi: str | None = None
    date_value: str | None = None
    date_text: str | None = None
    date_span: tuple[int, int] | None = None
    date_source: str | None = None  # "expression", "anchor" or "report_date" (the events stage's EventDate.source)
    effective_value: str | None = None  # a planned event's start ("will take effect at 00:01 on Jan. 12")
    effective_text: str | None = None
    effective_span: tuple[int, int] | None = None
    place_name: str | None = None
    place_text: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_precision: int | None = None
    country: str | None = None
    admin1: str | None = None
    place_span: tuple[int, int] | None = None
    place_party: str | None = None  # a truce's "place" that is one of its parties ("agreements with Turkey")
    actors: list[ActorKey] = field(default_factory=list)
    quantities: dict[str, dict[str, Any]] = field(default_factory=dict)
    attributed_to: str | None = None
    attribution_span: tuple[int, int] | None = None
    trigger: str | None = None
    quote: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The view as JSON-ready data (a shallow copy: dataclasses.asdict is slow on the merge's hot path)."""
        data = dict(self.__dict__)
        data["actors"] = [dict(a.__dict__) for a in self.actors]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MentionView:
        values = dict(data)
        values["actors"] = [ActorKey(**a) for a in data.get("actors", [])]
        for key in ("date_span", "effective_span", "place_span", "attribution_span"):
            values[key] = tuple(data[key]) if data.get(key) else None
        return cls(**values)


def normalise_name(name: str) -> str:
    """Lower-case name without possessives, articles or punctuation: 'the Kremlin's' → 'kremlin'."""
    text = _POSSESSIVE.sub("", name.lower())
    words = re.findall(r"[\w-]+", text)
    return " ".join(w for w in words if w not in {"the", "a", "an"})


def actor_key(actor: Actor | None, fallback: str, role: str) -> ActorKey:
    """Identity key of an actor: its code or knowledge-base id, else its normalised name."""
    if actor is None:
        return ActorKey(key=f"name:{normalise_name(fallback)}", name=fallback, country=None, role=role)
    key = f"kb:{actor.kb_id}" if actor.kb_id else f"code:{actor.code}" if actor.code else \
        f"name:{normalise_name(actor.name)}"
    country = actor.country
    if not country and actor.code and _CODE_COUNTRY.match(actor.code):
        country = actor.code[:3]
    specific = not key.startswith("code:") or actor.kind in ("person", "organization", "group")
    return ActorKey(key=key, name=actor.name, country=country, role=role, specific=specific)


def _actors(event: Event, record: DocumentRecord) -> list[ActorKey]:
    by_id = {a.id: a for a in record.actors}
    keys = [actor_key(by_id.get(i), i, "source") for i in event.sources]
    return keys + [actor_key(by_id.get(i), i, "target") for i in event.targets]


def _published(record: DocumentRecord) -> str | None:
    return record.published.value if record.published else None


def _set_date(view: MentionView, event: Event, published: str | None) -> None:
    span = event_interval(event.date, published)
    if span is None:
        return
    lo, hi, view.precision = span
    view.day_lo, view.day_hi = day_range(lo, hi)
    view.when_lo, view.when_hi = iso(lo), iso(hi)
    if event.date is not None:
        view.date_value, view.date_text, view.date_source = event.date.value, event.date.text, event.date.source
        if event.date.time_start is not None and event.date.time_end is not None:
            view.date_span = (event.date.time_start, event.date.time_end)
        if event.date.source == "report_date" and view.precision == 1:
            view.precision = REPORT_DAY_PRECISION  # the text gave no day: "about the report's day", not that day


# A report the events stage dates only by its publication ("said on Saturday" of Friday's blast) is
# compared as a week-precise one (3 days' slack, no "same day" point), so that reports of one event
# from datelines a day or two apart still meet, and a dated report decides the event's day.
REPORT_DAY_PRECISION = 2


def _set_effective(view: MentionView, event: Event, published: str | None) -> None:
    """When a planned event takes effect, as a UTC minute when a time was given (claims compare it)."""
    when = event.effective
    span = event_interval(when, published) if when is not None and when.value else None
    if when is None or span is None:
        return
    view.effective_value = iso(span[0]) if "T" in (when.value or "") else when.value
    view.effective_text = when.text
    if when.time_start is not None and when.time_end is not None:
        view.effective_span = (when.time_start, when.time_end)


def _set_place(view: MentionView, event: Event) -> None:
    place = event.place
    if place is None:
        return
    view.place_name, view.place_text, view.lat, view.lon = place.name, place.text, place.lat, place.lon
    view.place_precision, view.country, view.admin1 = place.precision, place.country, place.admin1
    if place.start is not None and place.end is not None:
        view.place_span = (place.start, place.end)


def _names_party(event: Event, actors: list[ActorKey]) -> bool:
    """Whether a ceasefire's place is a country that is also one of its actors: "in line with agreements
    with Turkey" says who agreed, not where the guns fall silent."""
    place = event.place
    if place is None or place.precision != 3 or place.admin1:
        return False
    return normalise_name(place.name) in {normalise_name(a.name) for a in actors}


def view_of(event: Event, record: DocumentRecord, document_id: str) -> MentionView:
    """The comparable summary of one event report."""
    view = MentionView(
        document_id=document_id, event_id=event.id, kind=kind_of(event), violent=is_violent(event),
        plover_type=event.plover.type.upper(), plover_mode=event.plover.mode, cameo=event.cameo,
        acled_event_type=event.acled.event_type, acled_sub_event_type=event.acled.sub_event_type,
        outlet=record.source, url=record.url, published=_published(record), modality=event.modality,
        actors=_actors(event, record), quantities={k: q.model_dump() for k, q in event.quantities.items()},
        trigger=event.trigger.text if event.trigger else None,
        quote=event.evidence[0].text if event.evidence else None,
    )
    _set_date(view, event, view.published)
    _set_effective(view, event, view.published)
    if view.kind == CEASEFIRE and _names_party(event, view.actors):
        view.place_party = event.place.name if event.place else None
    else:
        _set_place(view, event)
    if event.attribution is not None:  # the words ("the regional governor"), not the actor id
        view.attributed_to = event.attribution.text
        view.attribution_span = (event.attribution.start, event.attribution.end)
    return view
