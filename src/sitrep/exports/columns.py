"""One flat row per event. ACLED's column names where a column means the same thing as ACLED's
(ACLED Codebook: event_date, time_precision, event_type, sub_event_type, actor1, assoc_actor_1, inter1,
actor2, assoc_actor_2, inter2, interaction, iso, country, admin1, location, latitude, longitude,
geo_precision, source, notes, fatalities), then sitrep's own columns, prefixed by nothing but named
for what they hold (plover_type, cameo, modality, evidence …).

Differences from ACLED's files, on purpose: a value sitrep did not read is empty, never 0 (a visit has
no `fatalities`, not zero of them); `iso` is ACLED's numeric ISO 3166 code; `notes` is the sentence
that reports the event; inter1/inter2/interaction are the events stage's (null until it sets them).
"""

from __future__ import annotations

from typing import Any

import pycountry

from ..countries import country_by_code

# (name, type) — type drives the Parquet schema and tells a reader of the CSV what to expect
COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "string"), ("event_date", "date"), ("year", "int"), ("time_precision", "int"),
    ("event_type", "string"), ("sub_event_type", "string"),
    ("actor1", "string"), ("assoc_actor_1", "string"), ("inter1", "int"),
    ("actor2", "string"), ("assoc_actor_2", "string"), ("inter2", "int"), ("interaction", "int"),
    ("iso", "int"), ("country", "string"), ("admin1", "string"), ("location", "string"),
    ("latitude", "float"), ("longitude", "float"), ("geo_precision", "int"),
    ("source", "string"), ("notes", "string"), ("fatalities", "int"),
    # sitrep's own
    ("merged_id", "string"), ("source_count", "int"), ("document_id", "string"), ("url", "string"),
    ("published", "string"), ("plover_type", "string"), ("plover_mode", "string"), ("cameo", "string"),
    ("category", "string"), ("modality", "string"), ("date_value", "string"), ("effective", "string"),
    ("actor1_code", "string"), ("actor2_code", "string"), ("country_code", "string"), ("admin1_code", "string"),
    ("geonameid", "int"), ("attribution", "string"), ("injured", "int"), ("displaced", "int"),
    ("refugees", "int"), ("arrested", "int"), ("people_in_need", "int"), ("trigger", "string"),
    ("evidence", "string"), ("evidence_start", "int"), ("evidence_end", "int"), ("confidence", "float"),
)
NAMES = tuple(name for name, _ in COLUMNS)


def _country(alpha2: str | None) -> tuple[int | None, str | None]:
    """ACLED's numeric iso and the short English name news uses (Syria, not Syrian Arab Republic)."""
    found = pycountry.countries.get(alpha_2=alpha2) if alpha2 else None
    if not found:
        return None, None
    named = country_by_code(str(found.alpha_3))
    return int(found.numeric), named.name if named else str(found.name)


def _admin1(code: str | None) -> str | None:
    found = pycountry.subdivisions.get(code=code) if code else None
    return str(found.name) if found else code


def _number(quantities: dict[str, Any], key: str) -> int | None:
    best = (quantities.get(key) or {}).get("best")
    return None if best is None else int(best)


def _sides(actors: list[dict[str, Any]]) -> tuple[str | None, str | None, str | None]:
    """ACLED's actor and its associated actors ("; "-separated), and the actor's code."""
    if not actors:
        return None, None, None
    rest = "; ".join(a["name"] for a in actors[1:]) or None
    return actors[0]["name"], rest, actors[0].get("code")


def _event_date(date: dict[str, Any] | None) -> str | None:
    start = (date or {}).get("start")
    return start[:10] if start else None


def flat_row(item: dict[str, Any]) -> dict[str, Any]:
    """The export row of one event from the query layer (sitrep.query.events.summary)."""
    place, date, acled, q = item.get("place") or {}, item.get("date") or {}, item["acled"], item["quantities"]
    actor1, assoc1, code1 = _sides(item["sources"])
    actor2, assoc2, code2 = _sides(item["targets"])
    iso, country = _country(place.get("country"))
    evidence = item["evidence"][0] if item["evidence"] else {}
    event_date = _event_date(date)
    return {
        "event_id": f"{item['document']['pk']}-{item['event_id']}", "event_date": event_date,
        "year": int(event_date[:4]) if event_date else None, "time_precision": date.get("precision"),
        "event_type": acled.get("event_type"), "sub_event_type": acled.get("sub_event_type"),
        "actor1": actor1, "assoc_actor_1": assoc1, "inter1": acled.get("inter1"),
        "actor2": actor2, "assoc_actor_2": assoc2, "inter2": acled.get("inter2"),
        "interaction": acled.get("interaction"), "iso": iso, "country": country,
        "admin1": _admin1(place.get("admin1")), "location": place.get("name"), "latitude": place.get("lat"),
        "longitude": place.get("lon"), "geo_precision": place.get("precision"),
        "source": item["document"].get("source"), "notes": evidence.get("text"), "fatalities": _number(q, "killed"),
        "merged_id": item["merged_id"], "source_count": item["source_count"], "document_id": item["document"]["id"],
        "url": item["document"].get("url"), "published": item["document"].get("published"),
        "plover_type": item["plover"]["type"], "plover_mode": item["plover"].get("mode"), "cameo": item.get("cameo"),
        "category": item.get("category"), "modality": item.get("modality"), "date_value": date.get("value"),
        "effective": (item.get("effective") or {}).get("value"), "actor1_code": code1, "actor2_code": code2,
        "country_code": place.get("country"), "admin1_code": place.get("admin1"), "geonameid": place.get("geonameid"),
        "attribution": (item.get("attribution") or {}).get("text"), "injured": _number(q, "injured"),
        "displaced": _number(q, "displaced"), "refugees": _number(q, "refugees"), "arrested": _number(q, "arrested"),
        "people_in_need": _number(q, "people_in_need"), "trigger": (item.get("trigger") or {}).get("text"),
        "evidence": evidence.get("text"), "evidence_start": evidence.get("start"), "evidence_end": evidence.get("end"),
        "confidence": item.get("confidence"),
    }
