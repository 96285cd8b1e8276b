"""Canonical events in the database: find candidates for a report, attach it, recompute the event.

Candidates are looked up by kind, date precision and day (one index), never by scanning all
events, so merging stays fast with tens of thousands of events stored. A canonical event's columns
are always recomputed from all of its mentions, so the result does not depend on arrival order more
than the choice of which event each report joined.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from math import cos, floor, radians
from types import SimpleNamespace
from typing import Any

from sqlalchemy import (
    ARRAY,
    Connection,
    Integer,
    Row,
    Text,
    and_,
    any_,
    bindparam,
    cast,
    delete,
    insert,
    or_,
    select,
    union_all,
    update,
)

from .claims import claims_of, summarise
from .dates import SLACK_DAYS, slack
from .decide import CEASEFIRE_SLACK_DAYS, Decision, Profile, compare, fatalities, screen
from .distance import radius_km
from .kinds import CEASEFIRE
from .mentions import MentionView
from .tables import canonical_events, claims, event_mentions, figures
from .wording import MOST_WORDS, key_words

MAX_SLACK = max(max(SLACK_DAYS.values()), CEASEFIRE_SLACK_DAYS)
LONGEST_EVENT_DAYS = 400  # canonical spans are never longer than a year-precise date
LONGEST_NEAR_DAYS = 31  # longest span of a day/week/range-precise date the lookup allows for


def canonical_id(view: MentionView) -> str:
    """A stable id from the first report of the event."""
    digest = hashlib.sha1(f"{view.document_id}\x1f{view.event_id}".encode()).hexdigest()
    return f"ev-{digest[:16]}"


# Statements built once (compiled once by SQLAlchemy's cache), executed with parameters.
_t = canonical_events
_WHOLE_COUNTRY = and_(_t.c.place_precision == 3, _t.c.admin1.is_(None))
_WHOLE_REGION = and_(_t.c.place_precision == 3, _t.c.admin1.is_not(None))
_IN_BOX = or_(_t.c.lat.is_(None), and_(_t.c.lat.between(bindparam("lat_lo"), bindparam("lat_hi")),
                                       _t.c.lon.between(bindparam("lon_lo"), bindparam("lon_hi"))),
              # a whole country holds all its places, however far its point lies from them
              and_(_t.c.country == bindparam("country"), or_(bindparam("whole") == 1, _WHOLE_COUNTRY)),
              # a whole region holds its towns, however far they lie from its point
              and_(_t.c.admin1 == bindparam("admin1"), or_(bindparam("region") == 1, _WHOLE_REGION)))


def _days(e: Any, near: bool) -> Any:
    """The days of day/week/range-precise (``near``) or of vaguer events that may be a report's, on ``e``
    (the table or an alias of it)."""
    if near:
        return and_(e.c.kind == bindparam("kind"), e.c.date_precision.in_([1, 2]),
                    e.c.day_lo.between(bindparam("near_oldest"), bindparam("hi_near")),
                    e.c.day_hi >= bindparam("lo_near"))
    return and_(e.c.kind == bindparam("kind"), e.c.date_precision == 3,
                e.c.day_lo.between(bindparam("oldest"), bindparam("hi")), e.c.day_hi >= bindparam("lo"))


# What a candidate is compared on (best_match, absorb_lone_reports), and no more: a box holds dozens of events.
# The JSON columns come as text, decoded only for those the columns alone do not refuse (most of a box's events
# are too far or on other days: decoding them all was a tenth of the merge).
_COMPARED = ("id", "kind", "violent", "plover_mode", "day_lo", "day_hi", "date_precision", "lat", "lon",
             "place_precision", "country", "admin1", "modality", "mention_count")
_CANDIDATE = [_t.c[name] for name in _COMPARED] + [cast(_t.c[name], Text).label(name)
                                                   for name in ("actor_keys", "summary")]
# Day/week/range-precise events (index: kind, date_precision, day_lo) and vaguer ones, looked up apart
# so that neither lookup scans more days than its slack and the longest span of its class. Ordered, because
# the first of equally good candidates wins: the same reports give the same events whatever plan the database
# picks (PostgreSQL returns rows in its plan's order). A report without a place (or with a box too wide for
# cells) is compared with every event of its kind and days: these two statements.
_NEAR = select(*_CANDIDATE).where(_days(_t, near=True), _IN_BOX) \
    .order_by(_t.c.date_precision, _t.c.day_lo, _t.c.id)
_VAGUE = select(*_CANDIDATE).where(_days(_t, near=False), _IN_BOX).order_by(_t.c.day_lo, _t.c.id)
CELL_ROW = 1000  # place_cell: floor(lat) * CELL_ROW + floor(lon)
MOST_CELLS = 256  # a wider box (near a pole) is looked up by days alone
_CELLS_PADDED = 16  # the cell list is padded to a multiple of this, so that few statement texts are prepared


def place_cell(lat: float | None, lon: float | None) -> int | None:
    """The one-degree cell a point lies in (stored as ``canonical_events.place_cell``), None without one.
    Two cells may share a number only for longitudes beyond ±500, and then a lookup reads more rows, never
    fewer."""
    if lat is None or lon is None:
        return None
    return floor(lat) * CELL_ROW + floor(lon)


def _box_cells(box: dict[str, Any]) -> list[int] | None:
    """Every cell a point inside the box can lie in, padded; None when there are more than MOST_CELLS."""
    lats = range(floor(box["lat_lo"]), floor(box["lat_hi"]) + 1)
    lons = range(floor(box["lon_lo"]), floor(box["lon_hi"]) + 1)
    if len(lats) * len(lons) > MOST_CELLS:
        return None
    cells = [a * CELL_ROW + b for a in lats for b in lons]
    return cells + cells[-1:] * (-len(cells) % _CELLS_PADDED)


def _arms(near: bool, whole: bool, region: bool, array: bool) -> list[Any]:
    """_IN_BOX split into its four alternatives, each of which an index serves: the cells of the box, no
    place, the report's country, its first-level region (whole=1 and region=1 folded in as Python knows them).
    With ``array`` (PostgreSQL) the cells are one array parameter, else an IN list."""
    e = _t.alias("c")
    days = _days(e, near)
    in_cells = e.c.place_cell == any_(bindparam("cells", type_=ARRAY(Integer))) if array \
        else e.c.place_cell.in_(bindparam("cells", expanding=True))
    return [
        select(e.c.id).where(days, in_cells, e.c.lat.between(bindparam("lat_lo"), bindparam("lat_hi")),
                             e.c.lon.between(bindparam("lon_lo"), bindparam("lon_hi"))),
        select(e.c.id).where(days, e.c.place_cell.is_(None), e.c.lat.is_(None)),  # no cell without lat
        select(e.c.id).where(days, e.c.country == bindparam("country"),
                             *([] if whole else [e.c.place_precision == 3, e.c.admin1.is_(None)])),
        select(e.c.id).where(days, e.c.admin1 == bindparam("admin1"),
                             *([] if region else [e.c.place_precision == 3, e.c.admin1.is_not(None)])),
    ]


def _by_cells(whole: bool, region: bool, array: bool) -> Any:
    """One statement for both lookups, by the box's cells: the ids of every alternative, then their rows
    (an event that answers more than one alternative comes back once). Kept short, so that psycopg caches
    its conversion and PostgreSQL its plan."""
    ids = union_all(*_arms(True, whole, region, array), *_arms(False, whole, region, array))
    return select(*_CANDIDATE).where(_t.c.id.in_(ids)).order_by(_t.c.date_precision, _t.c.day_lo, _t.c.id)


_BY_CELLS = {(whole, region, array): _by_cells(whole, region, array)
             for whole in (False, True) for region in (False, True) for array in (False, True)}
_VIEWS = select(event_mentions.c.view).where(event_mentions.c.canonical_id == bindparam("cid")) \
    .order_by(event_mentions.c.pk)
_LONE_VIEWS = select(event_mentions.c.canonical_id, event_mentions.c.view) \
    .where(event_mentions.c.canonical_id.in_(bindparam("cids", expanding=True)))
_CLAIMS = select(claims).where(claims.c.canonical_id == bindparam("cid")).order_by(claims.c.pk)
_UPDATE = update(_t).where(_t.c.id == bindparam("b_id"))
_DELETE = delete(_t).where(_t.c.id == bindparam("b_id"))


def _box(view: MentionView) -> dict[str, Any]:
    """The latitude/longitude box within the largest merge radius of the report's place (the place cell),
    and its country (events placed at a whole country match every place in it, and the other way round)."""
    country = {"country": view.country or "", "whole": int(view.place_precision == 3 and not view.admin1),
               "admin1": view.admin1 or "", "region": int(view.place_precision == 3 and bool(view.admin1))}
    if view.lat is None or view.lon is None:
        return {"lat_lo": -90.0, "lat_hi": 90.0, "lon_lo": -180.0, "lon_hi": 180.0, **country}
    dlat = radius_km(3) / 111.0 + 0.1
    dlon = min(180.0, dlat / max(0.01, cos(radians(min(89.0, abs(view.lat) + dlat)))))
    return {"lat_lo": view.lat - dlat, "lat_hi": view.lat + dlat, "lon_lo": view.lon - dlon, "lon_hi": view.lon + dlon,
            **country}


def lookup_params(view: MentionView) -> dict[str, Any] | None:
    """The days and place box a report's candidates are looked up in (None without a date)."""
    if view.day_lo is None or view.day_hi is None:
        return None
    near = max(slack(view.precision), slack(2), CEASEFIRE_SLACK_DAYS if view.kind == CEASEFIRE else 0)
    lo, hi = view.day_lo - MAX_SLACK, view.day_hi + MAX_SLACK
    return {"kind": view.kind, "hi": hi, "lo": lo, "oldest": lo - LONGEST_EVENT_DAYS,
            "hi_near": view.day_hi + near, "lo_near": view.day_lo - near,
            "near_oldest": view.day_lo - near - LONGEST_NEAR_DAYS, **_box(view)}


def candidates(conn: Connection, view: MentionView) -> list[Row[Any]]:
    """Known events of the same kind within the date slack and the place box of the report.

    Events dated to a day, week or range are looked for within the slack such dates allow (3 days,
    ceasefires 7); month-or-vaguer events within the widest slack (10 days). A report with a point is
    looked up by the cells of its box (one statement), one without by days alone."""
    params = lookup_params(view)
    if params is None:
        return []
    cells = _box_cells(params) if view.lat is not None and view.lon is not None else None
    if cells is None:
        return by_days(conn, params)
    statement = _BY_CELLS[bool(params["whole"]), bool(params["region"]), conn.dialect.name == "postgresql"]
    return list(conn.execute(statement, {**params, "cells": cells}))


def by_days(conn: Connection, params: dict[str, Any]) -> list[Row[Any]]:
    """The candidates of :func:`lookup_params` read by kind and days, the place box checked row by row."""
    return list(conn.execute(_NEAR, params)) + list(conn.execute(_VAGUE, params))


def profile_of(row: Row[Any]) -> Profile:
    return _profile(row, row.actor_keys, row.summary)


def _profile(row: Any, actor_keys: Any, summary: Any) -> Profile:
    """A stored event's profile from its columns and its decoded actor keys and summary."""
    summary = summary or {}
    return Profile(kind=row.kind, day_lo=row.day_lo, day_hi=row.day_hi, precision=row.date_precision or 3,
                   lat=row.lat, lon=row.lon, place_precision=row.place_precision, country=row.country,
                   admin1=row.admin1, actor_keys=actor_keys or [], plover_mode=row.plover_mode,
                   modality=summary.get("modality", {}).get("value", "asserted"),
                   fatalities=summary.get("fatalities"), words=frozenset(summary.get("words", ())))


def _reported_by(conn: Connection, view: MentionView) -> set[str]:
    """Ceasefires the report's own document already reports (one query, ceasefire reports only)."""
    if view.kind != CEASEFIRE:
        return set()
    m = event_mentions
    query = select(m.c.canonical_id).where(m.c.document_id == view.document_id)
    return set(conn.execute(query).scalars())


def _screen_profile(row: Row[Any]) -> Profile:
    """What a candidate (:func:`candidates`) is screened on: its columns and modality, no JSON decoded."""
    return Profile(kind=row.kind, day_lo=row.day_lo, day_hi=row.day_hi, precision=row.date_precision or 3,
                   lat=row.lat, lon=row.lon, place_precision=row.place_precision, country=row.country,
                   admin1=row.admin1, actor_keys=[], plover_mode=row.plover_mode, modality=row.modality)


def _candidate_profile(row: Row[Any]) -> Profile:
    """The whole profile of a candidate, its JSON columns decoded from the text they came as."""
    return _profile(row, json.loads(row.actor_keys), json.loads(row.summary))


def best_match(conn: Connection, view: MentionView,
               found: list[Row[Any]]) -> tuple[str | None, Decision, list[str]]:
    """The best event of ``found`` (the report's candidates) the report merges with (or None), its decision,
    and why the others were refused. A candidate whose kind, modality, days or place refuse the report
    (``screen``: no actor, word or count is read to refuse it) is not decoded further."""
    best: tuple[str | None, Decision] = (None, Decision(reasons=["no known event it merges with"]))
    refused = []
    mine = _reported_by(conn, view)
    for row in found:
        decision = screen(view, _screen_profile(row)) if row.modality is not None else Decision()
        if not decision.blocked:
            prof = _candidate_profile(row)
            prof.same_document = row.id in mine
            decision = compare(view, prof)
        if decision.merges(view.kind) and (best[0] is None or decision.score > best[1].score):
            best = (row.id, decision)
        elif not decision.merges(view.kind):
            refused.append(f"not {row.id}: score {decision.score:.2f}; " + "; ".join(decision.reasons))
    return best[0], best[1], refused


@dataclass
class Recomputed:
    """An event as :func:`refresh` just wrote it: its columns (but id and kind) and its reports."""

    columns: dict[str, Any]
    views: list[MentionView]

    def profile(self, kind: str) -> Profile:
        """The event's profile, as :func:`profile_of` would read it back."""
        return _profile(SimpleNamespace(kind=kind, **self.columns), self.columns["actor_keys"],
                        self.columns["summary"])


def attach(conn: Connection, cid: str | None, view: MentionView, event: dict[str, Any],
           decision: Decision) -> tuple[str, Recomputed | None]:
    """Store the report as a mention of event ``cid`` (a new event when None) with its claims; returns the
    event's id and, when it joined a known event, that event as recomputed."""
    found = claims_of(view)
    score = None if cid is None else decision.score
    if cid is None:  # a new event is computed from this one report, without reading it back
        cid = canonical_id(view)
        conn.execute(insert(canonical_events), {"id": cid, "kind": view.kind,
                                                **_columns([view], _summary([view], found))})
    pk = conn.execute(insert(event_mentions).returning(event_mentions.c.pk), {
        "canonical_id": cid, "document_id": view.document_id, "event_id": view.event_id, "outlet": view.outlet,
        "url": view.url, "published": view.published, "score": score, "reasons": decision.reasons,
        "view": view.to_json(), "event": event}).scalar_one()
    conn.execute(insert(claims), [dict(c, canonical_id=cid, mention_pk=pk, document_id=view.document_id)
                                  for c in found])
    return cid, None if score is None else refresh(conn, cid)


def absorb_lone_reports(conn: Connection, cid: str, view: MentionView, found: list[Row[Any]],
                        grown: Recomputed) -> list[str]:
    """Events known from one report that event ``cid``, now that ``view`` joined it, merges with: their
    report moves to it and they are dropped; returns their ids. ``found`` are the report's candidates as
    :func:`best_match` saw them: since then only event ``cid`` changed (the report and its claims were
    attached to it), and it is skipped here, so looking them up again would return the same rows.

    Reports are merged as they arrive, so the first report of an event is compared with nothing, and a
    later one with only what was known then: a wire's first terse line ("bombs exploded in the capital")
    stays alone while later reports gather. When an event grows, the lone reports near the new one are
    compared again with what it has become. Never a report of an article the event already holds (the
    events stage keeps an article's reports apart when they are of different events). ``grown`` is event
    ``cid`` as :func:`attach` just recomputed it (its profile and the documents of its reports, not read back)."""
    prof = grown.profile(view.kind)
    holds = {v.document_id for v in grown.views}
    absorbed = []
    alone = [r for r in found if r.id != cid and r.mention_count == 1 and not _refused_by_columns(r, prof)]
    lone_views = _lone_views(conn, [r.id for r in alone])
    for other in alone:
        (data,) = lone_views[other.id]  # exactly one report, as mention_count says
        lone = MentionView.from_json(data)
        decision = compare(lone, prof)
        if lone.document_id in holds or not decision.merges(lone.kind):
            continue
        reasons = [f"joined when {cid} grew (first reported alone)"] + decision.reasons
        conn.execute(update(event_mentions).where(event_mentions.c.canonical_id == other.id)
                     .values(canonical_id=cid, score=decision.score, reasons=reasons))
        conn.execute(update(claims).where(claims.c.canonical_id == other.id).values(canonical_id=cid))
        conn.execute(update(figures).where(figures.c.canonical_id == other.id).values(canonical_id=cid))
        conn.execute(_DELETE, {"b_id": other.id})
        holds.add(lone.document_id)
        absorbed.append(other.id)
    if absorbed:
        refresh(conn, cid)
    return absorbed


def _refused_by_columns(row: Row[Any], prof: Profile) -> bool:
    """Whether a lone report's event (a candidate row) is refused by ``prof`` on its columns alone, so that
    its report need not be read. The columns of an event known from one report are that report's kind, modality,
    days and place (no place at all when the report has no point, when its country is not compared either),
    so when :func:`screen` refuses them it refuses the report."""
    if row.modality is None:  # stored before 0010 without a modality value: read the report
        return False
    columns = MentionView(document_id="", event_id="", kind=row.kind, violent=row.violent, plover_type="",
                          plover_mode=row.plover_mode, cameo=None, acled_event_type=None, acled_sub_event_type=None,
                          outlet=None, url=None, published=None, modality=row.modality, day_lo=row.day_lo,
                          day_hi=row.day_hi, precision=3 if row.date_precision is None else row.date_precision,
                          lat=row.lat, lon=row.lon,
                          place_precision=row.place_precision, country=row.country, admin1=row.admin1)
    return screen(columns, prof).blocked


def _lone_views(conn: Connection, cids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The stored views of events' reports, by event, in one query: at a million events a report has
    dozens of lone candidates, and one query each was most of the merge's round trips."""
    out: dict[str, list[dict[str, Any]]] = {cid: [] for cid in cids}
    if cids:
        for row in conn.execute(_LONE_VIEWS, {"cids": cids}):
            out[row.canonical_id].append(row.view)
    return out


def _most(values: list[Any]) -> Any:
    counted = Counter(v for v in values if v is not None)
    return counted.most_common(1)[0][0] if counted else None


def _date_of(views: list[MentionView]) -> MentionView | None:
    dated = [v for v in views if v.day_lo is not None]
    if not dated:
        return None
    common = Counter((v.day_lo, v.day_hi) for v in dated)
    return min(dated, key=lambda v: (v.precision, -common[(v.day_lo, v.day_hi)], v.day_lo))


def _place_of(views: list[MentionView]) -> MentionView | None:
    placed = [v for v in views if v.lat is not None]
    common = Counter(v.place_name for v in placed)
    return min(placed, key=lambda v: (v.place_precision or 3, -common[v.place_name])) if placed else None


def _actor_keys(views: list[MentionView]) -> list[dict[str, Any]]:
    seen: dict[str, dict[str, Any]] = {}
    for view in views:
        for a in view.actors:
            seen.setdefault(a.key, {"key": a.key, "name": a.name, "country": a.country, "specific": a.specific})
    return list(seen.values())


def _canonical_date(summary: dict[str, Any]) -> str | None:
    attributes = summary.get("attributes", {})
    chosen = attributes.get("start") or attributes.get("date")
    return chosen["value"] if chosen else None


def _columns(views: list[MentionView], summary: dict[str, Any]) -> dict[str, Any]:
    first = views[0]
    when, where = _date_of(views), _place_of(views)
    outlets = {v.outlet or v.document_id for v in views}
    published = [v.published for v in views if v.published]
    return {
        "plover_type": first.plover_type, "plover_mode": _most([v.plover_mode for v in views]),
        "cameo": _most([v.cameo for v in views]), "acled_event_type": _most([v.acled_event_type for v in views]),
        "acled_sub_event_type": _most([v.acled_sub_event_type for v in views]),
        "violent": any(v.violent for v in views),
        "day_lo": when.day_lo if when else None, "day_hi": when.day_hi if when else None,
        "date_value": _canonical_date(summary) or ((when.date_value or when.when_lo) if when else None),
        "date_precision": when.precision if when else None,
        "place_name": where.place_name if where else None, "lat": where.lat if where else None,
        "lon": where.lon if where else None, "place_precision": where.place_precision if where else None,
        "place_cell": place_cell(where.lat, where.lon) if where else None,
        "modality": summary["modality"].get("value", "asserted"),
        "country": where.country if where else None, "admin1": where.admin1 if where else None,
        "actor_keys": _actor_keys(views), "summary": summary, "mention_count": len(views),
        "source_count": len(outlets), "first_reported": min(published) if published else None,
    }


def _summary(views: list[MentionView], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Canonical values and disputes of the claims, plus what profiles and ceasefires read."""
    summary: dict[str, Any] = {"attributes": summarise(rows)}
    summary["modality"] = summary["attributes"].get("modality", {"value": "asserted"})
    counts = [f for f in (fatalities(v) for v in views) if f is not None]
    summary["fatalities"] = min(counts) if counts else None
    words: dict[str, None] = {}
    for view in views:
        words.update(dict.fromkeys(sorted(key_words(view.quote))))
    summary["words"] = list(words)[:MOST_WORDS]
    when = _date_of(views)
    summary["when_lo"], summary["when_hi"] = (when.when_lo, when.when_hi) if when else (None, None)
    if views[0].kind == CEASEFIRE:
        starts = [r["value"] for r in rows if r["attribute"] == "start"]
        reported = [r["value"] for r in rows if r["attribute"] == "reported"]
        summary["start"] = max(starts) if starts else min(reported) if reported else None
    return summary


def refresh(conn: Connection, cid: str) -> Recomputed | None:
    """Recompute an event's canonical columns and claim summary from all its mentions (None: it had none
    left, and is dropped)."""
    views = [MentionView.from_json(r.view) for r in conn.execute(_VIEWS, {"cid": cid})]
    if not views:
        conn.execute(_DELETE, {"b_id": cid})
        return None
    rows = [r._asdict() for r in conn.execute(_CLAIMS, {"cid": cid})]
    columns = _columns(views, _summary(views, rows))
    conn.execute(_UPDATE, {**columns, "b_id": cid})
    return Recomputed(columns, views)
