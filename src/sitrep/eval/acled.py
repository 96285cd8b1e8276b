"""ACLED coding against ACLED's own events: type, sub-type, actor categories, date, place, fatalities.

``acled-dev/acled_dev.csv`` holds ACLED events with their coders' notes ("On <date>, <who> <did what> in
<where> …"). Each note runs through the whole pipeline as one document, with no publication date (the note
states its own). The note's **lead ACLED event** is scored: of the events sitrep codes with an ACLED type, the
one it ranks first (highest confidence), as a user exporting sitrep's ACLED events would see it. A note where
sitrep codes no ACLED event scores as "NONE". ACLED codes one event per note, so ``acled_events_per_note``
(the mean number sitrep codes) shows how many more it reports.

ACLED's terms allow measurement and study only: the data is read at run time, never copied, and neither
notes nor anything derived from them is written out by this module (details carry ids and labels only).

Metrics (majority class, or the naive reading named in ``BASELINES``, as baseline):
* ``event_type_accuracy``, ``sub_event_type_accuracy``;
* ``inter1_accuracy``, ``inter2_accuracy`` (ACLED's actor categories; no second side = 0);
* ``actor1_accuracy``: the first side's category is right and, where ACLED's actor name carries a country
  ("Military Forces of Nigeria", "Protesters (India)") and sitrep's actor has one, the countries agree;
* ``date_exact``: the event's day equals ACLED's event_date;
* ``place_within_50km``: the event's point within 50 km of ACLED's;
* ``fatalities_exact``: sitrep's count of killed (0 when none) equals ACLED's fatalities.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..countries import lookup_country
from ..geo.distance import haversine_km
from ..models import Actor, Document, DocumentRecord, Event
from ..pipeline import Pipeline
from .common import EvalResult, Metric
from .events import class_scores, confusion
from .split import Split, select

CSV = Path("acled-dev") / "acled_dev.csv"
NONE = "NONE"
PLACE_KM = 50.0
ANCHOR = "ACLED's own coders; GDELT: event code right in 81% of a 50-event manual check"
BASELINES = {"date_exact": "the first day-precise time expression of the note",
             "place_within_50km": "the first place resolved in the note",
             "fatalities_exact": "0 (no fatality) for every event"}


@dataclass(frozen=True)
class Gold:
    id: str
    notes: str
    date: str            # ISO day
    event_type: str
    sub_event_type: str
    inter1: int
    inter2: int
    actor1: str
    lat: float | None
    lon: float | None
    fatalities: int


def _int(value: str) -> int:
    return int(value) if value.strip().lstrip("-").isdigit() else 0


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _day(value: str) -> str:
    for fmt in ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return ""


def load_events(path: Path, limit: int | None = None, split: Split = "all") -> list[Gold]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [Gold(r["data_id"], r["notes"], _day(r["event_date"]), r["event_type"], r["sub_event_type"],
                     _int(r["inter1"]), _int(r["inter2"]), r["actor1"], _float(r["latitude"]),
                     _float(r["longitude"]), _int(r["fatalities"]))
                for r in csv.DictReader(handle) if r.get("notes", "").strip()]
    return select(rows, split, lambda g: g.id)[:limit]


def lead_event(record: DocumentRecord) -> Event | None:
    return max((e for e in record.events if e.acled.event_type), key=lambda e: e.confidence, default=None)


def country_in_name(name: str) -> str | None:
    """The country an ACLED actor name carries: "Protesters (India)", "Military Forces of Nigeria (2015-)"."""
    for part in re.findall(r"\(([^()]+)\)", name):
        found = lookup_country(part.strip())
        if found is not None:
            return found.alpha3
    match = re.search(r"\bof ([A-Z][A-Za-z' ]+?)(?: \(|$)", name)
    if match:
        found = lookup_country(match.group(1).strip())
        if found is not None:
            return found.alpha3
    return None


def first_side(record: DocumentRecord, event: Event) -> Actor | None:
    known = {a.id: a for a in record.actors}
    return next((known[i] for i in event.sources if i in known), None)


@dataclass
class Row:
    gold: Gold
    type: str
    sub: str
    inter1: int
    inter2: int
    actor1: bool
    date: str | None
    place_km: float | None
    place: str | None
    killed: int
    acled_events: int
    base_date: str | None
    base_place_km: float | None


def _km(gold: Gold, lat: float | None, lon: float | None) -> float | None:
    if gold.lat is None or gold.lon is None or lat is None or lon is None:
        return None
    return haversine_km(gold.lat, gold.lon, lat, lon)


def score_note(gold: Gold, record: DocumentRecord) -> Row:
    event = lead_event(record)
    first_day = next((t.value[:10] for t in record.times if t.value and re.match(r"\d{4}-\d\d-\d\d", t.value)), None)
    first_place = next((p for p in record.places if p.lat is not None), None)
    base_km = _km(gold, first_place.lat, first_place.lon) if first_place else None
    count = sum(1 for e in record.events if e.acled.event_type)
    if event is None:
        return Row(gold, NONE, NONE, 0, 0, False, None, None, None, 0, count, first_day, base_km)
    inter1, inter2 = event.acled.inter1 or 0, event.acled.inter2 or 0
    actor = first_side(record, event)
    named = country_in_name(gold.actor1)
    same_country = named is None or actor is None or actor.country is None or actor.country == named
    killed = event.quantities.get("killed")
    return Row(gold, event.acled.event_type or NONE, event.acled.sub_event_type or NONE, inter1, inter2,
               inter1 == gold.inter1 and same_country,
               event.date.value[:10] if event.date and event.date.value else None,
               _km(gold, event.place.lat, event.place.lon) if event.place else None,
               f"{event.place.name} ({event.place.source}, precision {event.place.precision})" if event.place else None,
               int(killed.best) if killed and killed.best is not None else 0, count, first_day, base_km)


def _share(flags: list[bool]) -> float:
    return round(sum(flags) / len(flags), 4) if flags else 0.0


def _majority(values: list[object]) -> object:
    return Counter(values).most_common(1)[0][0] if values else None


def metrics(rows: list[Row]) -> list[Metric]:
    n = len(rows)
    golds = [r.gold for r in rows]
    top_type, top_sub = _majority([g.event_type for g in golds]), _majority([g.sub_event_type for g in golds])
    top_i1, top_i2 = _majority([g.inter1 for g in golds]), _majority([g.inter2 for g in golds])
    near = [r for r in rows if r.gold.lat is not None]
    return [
        Metric("event_type_accuracy", _share([r.type == r.gold.event_type for r in rows]),
               _share([g.event_type == top_type for g in golds]), ANCHOR, n=n),
        Metric("sub_event_type_accuracy", _share([r.sub == r.gold.sub_event_type for r in rows]),
               _share([g.sub_event_type == top_sub for g in golds]), n=n),
        Metric("inter1_accuracy", _share([r.inter1 == r.gold.inter1 for r in rows]),
               _share([g.inter1 == top_i1 for g in golds]), n=n),
        Metric("inter2_accuracy", _share([r.inter2 == r.gold.inter2 for r in rows]),
               _share([g.inter2 == top_i2 for g in golds]), n=n),
        Metric("actor1_accuracy", _share([r.actor1 for r in rows]), _share([g.inter1 == top_i1 for g in golds]), n=n),
        Metric("date_exact", _share([r.date == r.gold.date for r in rows]),
               _share([r.base_date == r.gold.date for r in rows]), n=n),
        Metric("place_within_50km", _share([r.place_km is not None and r.place_km <= PLACE_KM for r in near]),
               _share([r.base_place_km is not None and r.base_place_km <= PLACE_KM for r in near]), n=len(near)),
        Metric("fatalities_exact", _share([r.killed == r.gold.fatalities for r in rows]),
               _share([r.gold.fatalities == 0 for r in rows]), n=n),
        Metric("detection_rate", _share([r.type != NONE for r in rows]), n=n),
        Metric("acled_events_per_note", round(sum(r.acled_events for r in rows) / n, 3) if n else 0.0, 1.0,
               unit="count", n=n),
    ]


def details(rows: list[Row], errors: list[str]) -> dict[str, object]:
    types = [(r.gold.event_type, r.type) for r in rows]
    subs = [(r.gold.sub_event_type, r.sub) for r in rows]
    inters = [(f"{r.gold.inter1}/{r.gold.inter2}", f"{r.inter1}/{r.inter2}") for r in rows]
    return {"per_type": class_scores(types), "type_confusion": confusion(types),
            "sub_type_confusion": confusion(subs, top=25), "inter_confusion": confusion(inters),
            "errors": errors, "baselines": BASELINES,
            "predictions": [{"id": r.gold.id, "gold": [r.gold.event_type, r.gold.sub_event_type, r.gold.inter1,
                                                       r.gold.inter2, r.gold.fatalities],
                             "predicted": [r.type, r.sub, r.inter1, r.inter2, r.killed], "date": r.date,
                             "place_km": None if r.place_km is None else round(r.place_km, 1), "place": r.place}
                            for r in rows],
            "scored": "the lead (most confident) event per note; none found counts as NONE"}


def evaluate(corpus_root: Path, limit: int | None = None, pipeline: Pipeline | None = None,
             split: Split = "all") -> list[EvalResult]:
    pipeline = pipeline or Pipeline()
    rows, errors = [], []
    for gold in load_events(corpus_root / CSV, limit, split):
        try:
            record = pipeline.analyze(Document(id=gold.id, text=gold.notes)).record()
        except Exception as exc:  # noqa: BLE001 - listed in the details, scored as no event
            errors.append(f"{gold.id}: {type(exc).__name__}: {exc}")
            record = DocumentRecord(id=gold.id, content_hash="")
        rows.append(score_note(gold, record))
    return [EvalResult("acled", "acled-dev/acled_dev.csv (coders' notes)", metrics(rows),
                       baseline_name="majority class; " + "; ".join(f"{k}: {v}" for k, v in BASELINES.items()),
                       details=details(rows, errors), split=split)]
