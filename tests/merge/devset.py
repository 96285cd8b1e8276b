"""The merge dev set (tests/data/merge/devset.json) as DocumentRecords built from its hand annotations."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sitrep.models import (
    AcledCode,
    Actor,
    Attribution,
    DocumentRecord,
    Event,
    EventDate,
    EventPlace,
    Mention,
    PloverCode,
    Published,
    Quantity,
    Span,
)

DEVSET = Path(__file__).resolve().parents[1] / "data" / "merge" / "devset.json"


def load() -> dict[str, Any]:
    return json.loads(DEVSET.read_text(encoding="utf-8"))


def find(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def span(text: str, quote: str) -> Span:
    start, end = find(text, quote)
    return Span(start=start, end=end, text=quote)


def sentence(text: str, start: int) -> Span:
    """The sentence around an offset, as the evidence span."""
    begin = max((m.end() for m in re.finditer(r"[.!?]\s+", text[:start])), default=0)
    found = re.search(r"[.!?](\s|$)", text[start:])
    end = start + found.end() if found else len(text)
    return Span(start=begin, end=end, text=text[begin:end])


class _Actors:
    """Collects the document's actors, one per (quote, code)."""

    def __init__(self, text: str):
        self.text, self.actors, self.ids = text, [], {}

    def ids_of(self, entries: list[list[Any]]) -> list[str]:
        out = []
        for quote, code, country in entries:
            key = (quote, code)
            if key not in self.ids:
                self.ids[key] = f"a{len(self.ids) + 1}"
                s, e = find(self.text, quote)
                self.actors.append(Actor(id=self.ids[key], name=quote, code=code, country=country,
                                         mentions=[Mention(start=s, end=e, text=quote)]))
            out.append(self.ids[key])
        return out


def _place(text: str, p: list[Any]) -> EventPlace:
    quote, name, lat, lon, precision, country, admin1 = p
    s, e = find(text, quote)
    return EventPlace(name=name, lat=lat, lon=lon, precision=precision, country=country, admin1=admin1,
                      start=s, end=e, text=quote)


def _date(text: str, d: list[Any]) -> EventDate:
    s, e = find(text, d[0])
    return EventDate(value=d[1], precision=d[2], start=d[3] if len(d) > 3 else None,
                     end=d[4] if len(d) > 4 else None, time_start=s, time_end=e, text=d[0])


def _event(text: str, ann: dict[str, Any], actors: _Actors) -> Event:
    trigger = span(text, ann["trigger"])
    quantities = {}
    for name, (quote, best) in ann.get("quantities", {}).items():
        s, e = find(text, quote)
        quantities[name] = Quantity(best=best, text=quote, start=s, end=e)
    attribution = None
    if ann.get("attribution"):
        s, e = find(text, ann["attribution"])
        attribution = Attribution(text=ann["attribution"], start=s, end=e)
    acled = ann.get("acled")
    return Event(
        id=ann["id"], plover=PloverCode(type=ann["type"], mode=ann.get("mode")), cameo=ann.get("cameo"),
        acled=AcledCode(event_type=acled, sub_event_type=None),
        sources=actors.ids_of(ann.get("sources", [])), targets=actors.ids_of(ann.get("targets", [])),
        place=_place(text, ann["place"]) if ann.get("place") else None,
        date=_date(text, ann["date"]) if ann.get("date") else None,
        modality=ann.get("modality", "asserted"), attribution=attribution, quantities=quantities,
        trigger=trigger, evidence=[sentence(text, trigger.start)])


def record_of(article: dict[str, Any]) -> DocumentRecord:
    text = article["text"]
    actors = _Actors(text)
    events = [_event(text, ann, actors) for ann in article["events"]]
    return DocumentRecord(id=article["id"], source=article["outlet"], url=f"https://example.org/{article['id']}",
                          content_hash=article["id"], published=Published(value=article["published"], source="given"),
                          actors=actors.actors, events=events)


def gold_groups(data: dict[str, Any]) -> dict[tuple[str, str], str]:
    return {(a["id"], e["id"]): e["group"] for a in data["articles"] for e in a["events"]}
