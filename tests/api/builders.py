"""Hand-made stored documents for the API tests (sentences written for these tests), and a tiny
gazetteer file with the same tables as the real one, so that province names resolve without it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sitrep.merge.incremental import merge_after_save
from sitrep.merge.links import link_merged_events
from sitrep.models import (
    AcledCode,
    Actor,
    Attribution,
    Document,
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
from sitrep.store import Store

TEXTS = {
    "shelling": "Rebels shelled the town of Maaret al-Numan on Monday, killing four people, local medics said.",
    "truce": "Government forces and the opposition agreed to a truce in Idlib province starting on Friday.",
    "arrests": "Police arrested 12 protesters outside parliament in Tbilisi on Tuesday.",
}


def span(text: str, words: str) -> dict[str, int | str]:
    start = text.index(words)
    return {"start": start, "end": start + len(words), "text": words}


def _actor(text: str, aid: str, words: str, code: str, country: str) -> Actor:
    return Actor(id=aid, name=words, code=code, country=country, mentions=[Mention(**span(text, words))])


def _date(text: str, words: str, day: str) -> EventDate:
    s = span(text, words)
    return EventDate(value=day, start=f"{day}T00:00", end=f"{day}T23:59", precision=1, time_start=s["start"],
                     time_end=s["end"], text=words)


def shelling() -> DocumentRecord:
    t = TEXTS["shelling"]
    place = EventPlace(name="Maaret al-Numan", lat=35.64, lon=36.67, precision=1, country="SY", admin1="SY-ID",
                       geonameid=170017, **span(t, "Maaret al-Numan"))
    event = Event(id="e1", plover=PloverCode(type="ASSAULT", mode="heavy-weapons"), cameo="194",
                  acled=AcledCode(event_type="Explosions/Remote violence",
                                  sub_event_type="Shelling/artillery/missile attack", inter1=2, inter2=7,
                                  interaction=27),
                  category="conflict", sources=["a1"], place=place, date=_date(t, "Monday", "2020-01-06"),
                  quantities={"killed": Quantity(best=4, **span(t, "four"))},
                  attribution=Attribution(**span(t, "local medics")), trigger=Span(**span(t, "shelled")),
                  evidence=[Span(start=0, end=len(t), text=t)])
    return DocumentRecord(id="shelling", content_hash="", source="Test Wire", actors=[
        _actor(t, "a1", "Rebels", "SYRREB", "SYR")], events=[event],
        published=Published(value="2020-01-07", source="metadata"))


def truce() -> DocumentRecord:
    t = TEXTS["truce"]
    place = EventPlace(name="Idlib", lat=35.9, lon=36.6, precision=3, country="SY", admin1="SY-ID",
                       **span(t, "Idlib"))
    event = Event(id="e1", plover=PloverCode(type="AGREE"), cameo="0871",
                  acled=AcledCode(event_type="Strategic developments", sub_event_type="Agreement"),
                  category="ceasefire", sources=["a1", "a2"], modality="planned", place=place,
                  date=_date(t, "Friday", "2020-01-08"), trigger=Span(**span(t, "agreed")),
                  evidence=[Span(start=0, end=len(t), text=t)])
    return DocumentRecord(id="truce", content_hash="", actors=[
        _actor(t, "a1", "Government forces", "SYRMIL", "SYR"), _actor(t, "a2", "the opposition", "SYROPP", "SYR")],
        events=[event], published=Published(value="2020-01-08", source="metadata"))


def arrests() -> DocumentRecord:
    t = TEXTS["arrests"]
    place = EventPlace(name="Tbilisi", lat=41.69, lon=44.83, precision=1, country="GE", admin1="GE-TB",
                       **span(t, "Tbilisi"))
    event = Event(id="e1", plover=PloverCode(type="COERCE"), cameo="173",
                  acled=AcledCode(event_type="Violence against civilians", sub_event_type="Arrests"),
                  sources=["a1"], targets=["a2"], place=place, date=_date(t, "Tuesday", "2021-03-02"),
                  quantities={"arrested": Quantity(best=12, **span(t, "12"))}, trigger=Span(**span(t, "arrested")),
                  evidence=[Span(start=0, end=len(t), text=t)])
    return DocumentRecord(id="arrests", content_hash="", actors=[
        _actor(t, "a1", "Police", "GEOCOP", "GEO"), _actor(t, "a2", "protesters", "GEOCVL", "GEO")], events=[event])


RECORDS = {"shelling": shelling, "truce": truce, "arrests": arrests}


def fill(target: str) -> None:
    """Store the three documents through the store and the merge, as `sitrep ingest` would."""
    store = Store(target, after_save=[merge_after_save, link_merged_events])
    for name, build in RECORDS.items():
        record = build()
        doc = Document(id=name, text=TEXTS[name], source=record.source)
        store.save(doc, record.model_copy(update={"content_hash": doc.content_hash}))
    store.close()


def tiny_gazetteer(path: Path) -> Path:
    """Two provinces and a country, in the real gazetteer's two tables (places, names by key)."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, gazetteer_id TEXT, name TEXT, "
                     "lat REAL, lon REAL, feature_class TEXT, feature_code TEXT, country TEXT, admin1 TEXT, "
                     "population INTEGER, city TEXT, coord_source TEXT)")
        conn.execute("CREATE TABLE names (place_id INTEGER, name TEXT, key TEXT)")
        rows = [(1, "Idlib", "ADM1", "SY", "SY-ID", ["Idlib", "Idleb"]), (2, "Syria", "PCLI", "SY", "", ["Syria"]),
                (3, "Tbilisi", "ADM1", "GE", "GE-TB", ["Tbilisi"])]
        for pk, name, code, country, admin1, names in rows:
            conn.execute("INSERT INTO places VALUES (?, NULL, NULL, ?, 0, 0, 'A', ?, ?, ?, 0, '', '')",
                         (pk, name, code, country, admin1))
            from sitrep.geo.normalize import name_key

            conn.executemany("INSERT INTO names VALUES (?, ?, ?)", [(pk, n, name_key(n)) for n in names])
    return path
