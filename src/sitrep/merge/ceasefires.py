"""Ceasefires and their reported violations.

A canonical event of kind ``ceasefire`` is kept as a ceasefire record: parties (its actors), area (its
place), announced (first report), start (the *latest* start any source claims, see claims.py) and a
status. A violent event is linked as a reported violation when all of these hold, each with a reason:

* it involves a party: a shared actor, or an actor of a party's country (when no report names the
  parties, any violence in the area counts);
* it lies in the area: within the radius of the area's precision (region 300 km, town 25 km), in
  the same first-level division, or anywhere in the country when the area is a whole country;
* it came after the start: the middle of the event's time interval is at or after the start, so an
  attack "on Sunday" breaks a truce from 00:01 Sunday, but a strike hours before it does not.

Status: ``announced`` until the start has passed by the latest report of the ceasefire itself (its
publication date; a truce reported on Friday to start on Sunday is announced, not in force), then ``in force``;
``reported broken`` once a violation is linked; ``collapsed`` when reports say so or violations were
reported on three or more days.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Row, and_, delete, insert, select

from .dates import parse_instant
from .distance import km_between, radius_km
from .tables import canonical_events, ceasefire_violations, ceasefires, event_mentions

COLLAPSE_WORDS = re.compile(r"\b(?:collaps\w*|broke down|break down|breakdown|ended|in tatters|abandon\w*|"
                            r"unravel\w*|fell apart|falls apart|crumbl\w*)\b", re.I)
COLLAPSE_DAYS = 3
LONGEST_TRUCE_DAYS = 400  # violations are looked for up to this long after a start


def _party_reasons(cf: Row[Any], ev: Row[Any]) -> list[str] | None:
    parties = cf.parties or []
    if not parties:  # "the truce took hold around Tripoli": whoever fights there breaks it
        return ["the ceasefire's reports name no parties: any violence in its area counts"]
    keys = {p["key"] for p in parties}
    countries = {p["country"] for p in parties if p.get("country")}
    for actor in ev.actor_keys or []:
        if actor["key"] in keys:
            return [f"party {actor['name']} involved"]
        if actor.get("country") in countries:
            return [f"{actor['name']} is of party country {actor['country']}"]
    return None


def _area_reasons(cf: Row[Any], ev: Row[Any]) -> list[str] | None:
    if cf.admin1 and ev.admin1 and cf.country == ev.country and cf.admin1 == ev.admin1:
        return [f"in the same region as {cf.area_name}"]
    if cf.country and not cf.admin1 and cf.area_precision == 3 and ev.country == cf.country:
        return [f"in {cf.area_name}, the country the ceasefire covers"]
    if None in (cf.lat, cf.lon, ev.lat, ev.lon):
        return None
    km = km_between(cf.lat, cf.lon, ev.lat, ev.lon)
    if km <= radius_km(cf.area_precision):
        return [f"{ev.place_name} is {km:.0f} km from {cf.area_name}"]
    return None


def _time_reasons(cf: Row[Any], ev: Row[Any]) -> tuple[str, list[str]] | None:
    start = parse_instant(cf.start)
    summary = ev.summary or {}
    lo, hi = parse_instant(summary.get("when_lo")), parse_instant(summary.get("when_hi"))
    if start is None or lo is None or hi is None:
        return None
    if lo >= start:
        return "after start", [f"on {summary['when_lo']}, after the start {cf.start}"]
    if lo + (hi - lo) / 2 >= start:
        return "probably after", [f"{summary['when_lo']} to {summary['when_hi']}, mostly after the start {cf.start}"]
    return None


def violation(cf: Row[Any], ev: Row[Any]) -> tuple[str, list[str]] | None:
    """(certainty, reasons) when the violent event is a reported violation of the ceasefire."""
    if cf.id == ev.id:
        return None
    parties, area, when = _party_reasons(cf, ev), _area_reasons(cf, ev), _time_reasons(cf, ev)
    if parties is None or area is None or when is None:
        return None
    return when[0], parties + area + when[1]


def _link(conn: Connection, cf: Row[Any], ev: Row[Any]) -> bool:
    found = violation(cf, ev)
    if found:
        conn.execute(insert(ceasefire_violations).values(ceasefire_id=cf.id, canonical_id=ev.id,
                                                         certainty=found[0], reasons=found[1]))
    return found is not None


def _status(conn: Connection, cf_id: str, start: str | None, latest: str | None) -> str:
    linked = list(conn.execute(
        select(canonical_events.c.day_lo).join(ceasefire_violations,
                                               ceasefire_violations.c.canonical_id == canonical_events.c.id)
        .where(ceasefire_violations.c.ceasefire_id == cf_id)))
    quotes = conn.execute(select(event_mentions.c.view).where(event_mentions.c.canonical_id == cf_id))
    if any(COLLAPSE_WORDS.search(v.view.get("quote") or "") for v in quotes) or \
            len({r.day_lo for r in linked}) >= COLLAPSE_DAYS:
        return "collapsed"
    if linked:
        return "reported broken"
    begun, now = parse_instant(start), _report_time(latest)
    return "in force" if begun and now and begun <= now else "announced"


def _report_time(published: str | None) -> datetime | None:
    """When a report came out; a publication date without a time counts as the end of that day."""
    when = parse_instant(published)
    if when is not None and published and len(published) == 10:
        when += timedelta(days=1)
    return when


def update_ceasefire(conn: Connection, cid: str) -> None:
    """Write the ceasefire record of canonical event ``cid`` and relink its violations."""
    ev = conn.execute(select(canonical_events).where(canonical_events.c.id == cid)).one_or_none()
    conn.execute(delete(ceasefire_violations).where(ceasefire_violations.c.ceasefire_id == cid))
    conn.execute(delete(ceasefires).where(ceasefires.c.id == cid))
    if ev is None:
        return
    summary = ev.summary or {}
    conn.execute(insert(ceasefires).values(
        id=cid, parties=ev.actor_keys or [], area_name=ev.place_name, lat=ev.lat, lon=ev.lon,
        area_precision=ev.place_precision, country=ev.country, admin1=ev.admin1, announced=ev.first_reported,
        start=summary.get("start"), end=None, status="announced", source_count=ev.source_count))
    cf = conn.execute(select(ceasefires).where(ceasefires.c.id == cid)).one()
    start = parse_instant(cf.start)
    if start is not None:
        t = canonical_events
        day = start.date().toordinal()
        query = select(t).where(and_(t.c.violent.is_(True), t.c.day_lo >= day - 1,
                                     t.c.day_lo <= day + LONGEST_TRUCE_DAYS))
        for row in conn.execute(query).all():
            _link(conn, cf, row)
    _set_status(conn, cf)


def _set_status(conn: Connection, cf: Row[Any]) -> None:
    latest = conn.execute(select(event_mentions.c.published).where(event_mentions.c.canonical_id == cf.id)
                          .order_by(event_mentions.c.published.desc()).limit(1)).scalar()
    status = _status(conn, cf.id, cf.start, latest)
    conn.execute(ceasefires.update().where(ceasefires.c.id == cf.id).values(status=status))


def link_violent(conn: Connection, cid: str) -> None:
    """Relink a violent canonical event to every ceasefire it may have broken."""
    ev = conn.execute(select(canonical_events).where(canonical_events.c.id == cid)).one_or_none()
    v = ceasefire_violations
    touched = set(conn.execute(select(v.c.ceasefire_id).where(v.c.canonical_id == cid)).scalars())
    if touched:
        conn.execute(delete(v).where(v.c.canonical_id == cid))
    if ev is not None and (ev.summary or {}).get("when_hi"):
        upto = parse_instant(ev.summary["when_hi"]) or datetime.max
        since = (upto - timedelta(days=LONGEST_TRUCE_DAYS)).isoformat(timespec="minutes")
        query = select(ceasefires).where(and_(ceasefires.c.start >= since, ceasefires.c.start < ev.summary["when_hi"]))
        touched |= {cf.id for cf in conn.execute(query).all() if _link(conn, cf, ev)}
    if touched:
        for cf in conn.execute(select(ceasefires).where(ceasefires.c.id.in_(touched))).all():
            _set_status(conn, cf)
