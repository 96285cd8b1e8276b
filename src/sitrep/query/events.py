"""Stored events, filtered, sorted and paged: the one query behind `sitrep events`, `sitrep export`,
GET /events, the exports and the page.

Each event comes back as a plain JSON-ready dict (:func:`summary`): the document it was read from,
its codes in the three vocabularies, its place and date, its actors by name and code, the id of the
merged event it belongs to (what `sitrep event` takes) with that event's number of sources, and the
full record with every span. The event's own part of it and its document's are stored as JSON text with
the event (``events.list_json``, ``events.document_json``, store/derived.py); :func:`page_json` joins a page
of them into the API's answer without decoding them or reading the documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import orjson
from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    func,
    or_,
    select,
    true,
    tuple_,
    union_all,
)

from ..errors import StoreError
from ..merge.tables import canonical_events
from ..store.tables import EventRow
from .filters import EventFilter, TypeFilter, containing, encode_cursor, parse_cursor
from .places import match_place

E, C = EventRow.__table__.c, canonical_events.c
T = TypeVar("T")


COLUMNS = (E.pk, E.document_pk, E.event_id, E.canonical_id, E.date_start, E.list_json, E.document_json,
           C.source_count)


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None
    total: int | None = None


def _type_condition(t: TypeFilter) -> ColumnElement[bool]:
    if t.kind == "plover":
        return E.plover_type == t.value
    if t.kind == "cameo":
        return E.cameo.startswith(t.value)
    column = {"acled_type": E.acled_event_type, "acled_sub_type": E.acled_sub_event_type,
              "category": E.category}[t.kind]
    return func.lower(column) == t.value.lower()


def _place_condition(text: str, gazetteer: Path | None) -> ColumnElement[bool]:
    m = match_place(text, gazetteer)
    options: list[ColumnElement[bool]] = [E.place_name.ilike(containing(m.text), escape="\\")]
    if m.key:
        options += [E.place_key == m.key, E.place_key.startswith(m.key + " ")]
    if m.skeleton:
        options += [E.place_skeleton == m.skeleton, E.place_skeleton.startswith(m.skeleton + " ")]
    if m.admin1:
        options.append(E.admin1.in_(m.admin1))
    if m.countries:
        options.append(E.country.in_(m.countries))
    return or_(*options)


def _bbox_condition(bbox: tuple[float, float, float, float]) -> ColumnElement[bool]:
    west, south, east, north = bbox
    lon = E.lon.between(west, east) if west <= east else or_(E.lon >= west, E.lon <= east)
    return and_(E.lat.between(south, north), lon)


def conditions(f: EventFilter, gazetteer: Path | None = None,
               max_span: int | None = None) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a filter (shared with the timeline's counts). ``max_span`` (:func:`longest_span`)
    adds a lower bound on date_start implied by ``since``, which lets an index seek instead of scan."""
    where: list[ColumnElement[bool]] = []
    if f.since:  # the dates are named parameters, so that a statement can be run again for other dates
        where.append(_since_condition(f.since))
        if max_span is not None:  # the same events, said so that an index on date_start can seek to them
            where += _earliest_start(f.since, max_span)
    return where + other_conditions(f, gazetteer)


def _since_condition(since: str) -> ColumnElement[bool]:
    """Events whose interval ends after ``since`` begins (no end: that start on or after it)."""
    return or_(E.date_end > _since_end(since), and_(E.date_end.is_(None), E.date_start >= _since_day(since)))


def _since_end(since: str) -> Any:
    return bindparam("since_end", since + "T00:00")


def _since_day(since: str) -> Any:
    return bindparam("since_day", since)


def other_conditions(f: EventFilter, gazetteer: Path | None) -> list[ColumnElement[bool]]:
    """The WHERE clauses of a filter but ``since``."""
    where: list[ColumnElement[bool]] = []
    if f.until:
        where.append(E.date_start <= bindparam("until_end", f.until + "T23:59:59"))
    if f.bbox:
        where.append(_bbox_condition(f.bbox))
    if f.place:
        where.append(_place_condition(f.place, gazetteer))
    if f.geonameid is not None:
        where.append(E.geonameid == f.geonameid)
    if f.country:
        where.append(E.country == f.country)
    if f.types:
        where.append(or_(*(_type_condition(t) for t in f.types)))
    if f.actor:
        where.append(or_(E.source_names.ilike(containing(f.actor), escape="\\"),
                         E.target_names.ilike(containing(f.actor), escape="\\")))
    if f.modality:
        where.append(E.modality == f.modality)
    if f.min_sources:
        where.append(C.source_count >= f.min_sources)
    if f.text:
        where.append(E.evidence_text.ilike(containing(f.text), escape="\\"))
    return where


def _earliest_start(since: str, max_span: int) -> list[ColumnElement[bool]]:
    """An event that ends after ``since`` starts at most the longest stored span before it."""
    earliest = earliest_day(since, max_span)
    return [] if earliest is None else [E.date_start >= bindparam("since_earliest", earliest)]


def earliest_day(since: str, max_span: int) -> str | None:
    try:
        return (date.fromisoformat(since) - timedelta(days=max_span + 1)).isoformat()
    except OverflowError:  # before year 1: no bound
        return None


def joined_tables(query: Select) -> Select:
    """The events with their merged events (every event has its document: its part is stored with it)."""
    return query.select_from(EventRow.__table__.outerjoin(canonical_events, C.id == E.canonical_id))


def longest_span(conn: Connection) -> int:
    """The most days any stored event's date interval covers (one probe of ix_events_date_span)."""
    return int(conn.scalar(select(func.max(E.date_span))) or 0)


def _after_cursor(f: EventFilter) -> ColumnElement[bool]:
    """Rows after the cursor in the order of the combined query (dated rows first, then undated)."""
    assert f.cursor is not None
    day, pk = f.cursor
    later = (lambda a, b: a > b) if f.sort == "date" else (lambda a, b: a < b)
    if day is None:
        return and_(E.date_start.is_(None), later(E.pk, pk))
    return or_(later(E.date_start, day), and_(E.date_start == day, later(E.pk, pk)), E.date_start.is_(None))


def _ordered(query: Select, sort: str) -> Select:
    by_date = (E.date_start.asc().nulls_last(), E.pk.asc())
    if sort == "-date":
        by_date = (E.date_start.desc().nulls_last(), E.pk.desc())
    if sort.lstrip("-") == "sources":
        count = C.source_count.desc() if sort == "sources" else C.source_count.asc()
        return query.order_by(count.nulls_last(), *by_date)
    return query.order_by(*by_date)


def events_query(f: EventFilter, gazetteer: Path | None = None, max_span: int | None = None) -> Select:
    """One query for any sort, paged by offset or cursor (exports, offsets, sorts by sources)."""
    query = joined_tables(select(*COLUMNS)).where(*conditions(f, gazetteer, max_span))
    if f.cursor:
        query = query.where(_after_cursor(f))
    query = _ordered(query, f.sort)
    if f.limit:
        query = query.limit(f.limit + 1)
    return query.offset(f.offset) if f.offset and not f.cursor else query


def keyset_queries(f: EventFilter, limit: int, gazetteer: Path | None = None,
                   max_span: int | None = None) -> tuple[Select | None, Select]:
    """A page sorted by date as two index-ordered queries: the first ``limit`` dated events after the
    cursor, by (date_start, pk) either way, then, when those run out, the undated ones by pk (both end
    undated, as the one query's NULLS LAST does; the caller limits the second). Each reads its index in
    order and stops after the page, where NULLS LAST (which no plain index gives in both directions)
    would sort every match first. The dated events are picked by their keys first, from the events
    alone, so that an index holding every column the filter tests (migration 0012) picks them without
    reading the table; the page's columns are then read for those events only."""
    ascending = f.sort == "date"
    where = conditions(f, gazetteer, max_span)
    day, pk = f.cursor if f.cursor else (None, None)
    dated = None
    if f.cursor is None or day is not None:
        order = (E.date_start.asc(), E.pk.asc()) if ascending else (E.date_start.desc(), E.pk.desc())
        parts = _since_parts(f, gazetteer, max_span) or [where]
        branches = [_dated_keys(f, part, ascending).order_by(*order).limit(limit) for part in parts]
        keys = branches[0].with_only_columns(E.pk) if len(branches) == 1 else _merged(branches, ascending, limit)
        dated = joined_tables(select(*COLUMNS)).where(E.pk.in_(keys.correlate(None))).order_by(*order)
    undated = joined_tables(select(*COLUMNS)).where(*where, E.date_start.is_(None))
    if day is None and pk is not None:
        at_pk = bindparam("cursor_pk", pk, type_=Integer)
        undated = undated.where(E.pk > at_pk if ascending else E.pk < at_pk)
    undated = undated.order_by(E.pk.asc() if ascending else E.pk.desc())
    return dated, undated


def _dated_keys(f: EventFilter, where: list[ColumnElement[bool]], ascending: bool) -> Select:
    """The keys and dates of the dated events that ``where`` selects after the filter's cursor, unordered."""
    keys = select(E.pk, E.date_start).select_from(filtered_tables(f)).where(*where, E.date_start.is_not(None))
    if f.cursor is not None and f.cursor[0] is not None:
        day, pk = f.cursor
        at_day, at_pk = bindparam("cursor_day", day, type_=String), bindparam("cursor_pk", pk, type_=Integer)
        keys = keys.where(E.date_start >= at_day if ascending else E.date_start <= at_day,
                          tuple_(E.date_start, E.pk) > tuple_(at_day, at_pk) if ascending
                          else tuple_(E.date_start, E.pk) < tuple_(at_day, at_pk))
    return keys


def _since_parts(f: EventFilter, gazetteer: Path | None,
                 max_span: int | None) -> list[list[ColumnElement[bool]]] | None:
    """``since`` said as two disjoint sets of conditions that each an index can serve in date order: the
    events that start on or after the date, and those that start before it (no earlier than the longest
    stored span allows) and end after it. The single condition (the end after the date, or no end and the
    start on or after it) is an OR that no index seeks by, so every event starting in the longest span
    before the date was read to test it, from the table when the filter's index lacks a column; split, the
    end of an event that started before the date is an index condition, tested on the index entry.
    None when there is no ``since`` or no bound on the earliest start."""
    if not f.since or max_span is None or earliest_day(f.since, max_span) is None:
        return None
    others = other_conditions(f, gazetteer)
    since_day = _since_day(f.since)
    # from the date on, the events that end after it or have no end: one test of date_end, not an OR (which
    # the planner may answer by merging bitmaps of the whole range and sorting them instead of reading in order)
    on_or_after = [E.date_start >= since_day, func.coalesce(E.date_end > _since_end(f.since), true()), *others]
    before = [*_earliest_start(f.since, max_span), E.date_start < since_day, E.date_end > _since_end(f.since), *others]
    return [on_or_after, before]


def _merged(branches: list[Select], ascending: bool, limit: int) -> Select:
    """The first ``limit`` keys of the union of ordered, limited key queries, in the same order."""
    both = union_all(*(select(b.subquery()) for b in branches)).subquery()
    order = (both.c.date_start.asc(), both.c.pk.asc()) if ascending else (both.c.date_start.desc(), both.c.pk.desc())
    return select(both.c.pk).order_by(*order).limit(limit)


def filtered_tables(f: EventFilter) -> Any:
    """The tables a filter's conditions read: the events, and their merged events for ``min_sources``."""
    if f.min_sources:
        return EventRow.__table__.outerjoin(canonical_events, C.id == E.canonical_id)
    return EventRow.__table__


def count_events(conn: Connection, f: EventFilter, gazetteer: Path | None = None) -> int:
    span = longest_span(conn) if f.since else None
    query = joined_tables(select(func.count())).where(*conditions(f, gazetteer, span))
    return int(conn.scalar(query) or 0)


def _page_rows(conn: Connection, f: EventFilter, gazetteer: Path | None, span: int | None) -> list[Any]:
    if f.since and span is None:
        span = longest_span(conn)
    if f.sort.lstrip("-") != "date" or (f.offset and not f.cursor) or f.limit is None:
        return list(conn.execute(events_query(f, gazetteer, span)).all())
    want = f.limit + 1
    (dated, undated), values = _keyset_statements(f, want, gazetteer, span)
    rows = list(conn.execute(dated, values).all()) if dated is not None else []
    if len(rows) < want and not f.until:  # an undated event never starts on or before a date: none to read
        rows += conn.execute(undated.limit(want - len(rows)), values).all()
    return rows


# The keyset statements built for a filter, kept for the next filter that differs only in its dates and cursor
# (the named parameters of conditions() and keyset_queries()): building them again took about a fifth of the
# Python time of a page. The longest span decides only the earliest start, a parameter too.
_STATEMENTS: dict[Any, tuple[Select | None, Select]] = {}
MAX_STATEMENTS = 256


def _keyset_statements(f: EventFilter, limit: int, gazetteer: Path | None,
                       max_span: int | None) -> tuple[tuple[Select | None, Select], dict[str, Any]]:
    """:func:`keyset_queries` for ``f``, and the values of its named parameters."""
    values: dict[str, Any] = {}
    earliest = None
    if f.since:
        values.update(since_end=f.since + "T00:00", since_day=f.since)
        if max_span is not None:
            earliest = earliest_day(f.since, max_span)
            if earliest is not None:
                values["since_earliest"] = earliest
    if f.until:
        values["until_end"] = f.until + "T23:59:59"
    cursor_shape = None
    if f.cursor is not None:
        day, pk = f.cursor
        values["cursor_pk"] = pk
        if day is not None:
            values["cursor_day"] = day
        cursor_shape = (day is not None,)
    shape = (replace(f, since=bool(f.since), until=bool(f.until), cursor=cursor_shape),  # type: ignore[arg-type]
             limit, gazetteer, earliest is not None)
    statements = _STATEMENTS.get(shape)
    if statements is None:
        statements = keyset_queries(f, limit, gazetteer, max_span)
        if len(_STATEMENTS) >= MAX_STATEMENTS:
            _STATEMENTS.clear()
        _STATEMENTS[shape] = statements
    return statements, values


def _page(conn: Connection, f: EventFilter, gazetteer: Path | None,
          span: int | None = None) -> tuple[list[Any], str | None]:
    return cut_page(_page_rows(conn, f, gazetteer, span), f, _row_key)


def cut_page(rows: list[T], f: EventFilter, key: Callable[[T], tuple[str | None, int]]) -> tuple[list[T], str | None]:
    """A page's rows (read one beyond the limit, to tell that more follow) and the cursor to the next page,
    made of the last row's ``key`` (its date_start and pk): rows read from the store or positions of the
    date index (sitrep.query.dateindex)."""
    more = f.limit is not None and len(rows) > f.limit
    rows = rows[: f.limit] if f.limit else rows
    cursor = encode_cursor(*key(rows[-1])) if more and f.sort.lstrip("-") == "date" else None
    return rows, cursor


def _row_key(row: Any) -> tuple[str | None, int]:
    return row.date_start, row.pk


def list_events(conn: Connection, f: EventFilter, gazetteer: Path | None = None, total: bool = False) -> Page:
    """One page of events; ``next_cursor`` is set when more follow (for date sorts). A page sorted by
    date without an offset is read by keyset (:func:`keyset_queries`): its cost does not grow with how
    far the reader has paged, and no COUNT(*) is run unless ``total`` is asked for."""
    rows, cursor = _page(conn, f, gazetteer)
    return Page([summary(r) for r in rows], cursor, count_events(conn, f, gazetteer) if total else None)


def page_json(conn: Connection, f: EventFilter, gazetteer: Path | None = None, total: bool = False,
              max_span: int | None = None) -> bytes:
    """:func:`list_events` as the API's JSON answer (``items``, ``next_cursor``, ``total``, ``limit``,
    ``offset``), the same bytes as encoding it, with each item's stored part joined as it was stored.
    ``max_span``: :func:`longest_span` when the caller knows it (read here otherwise, for ``since``)."""
    rows, cursor = _page(conn, f, gazetteer, max_span)
    total_count = count_events(conn, f, gazetteer) if total else None
    return answer_json([item_json(r) for r in rows], cursor, f, total_count)


def answer_json(items: list[bytes], cursor: str | None, f: EventFilter, total: int | None) -> bytes:
    """The API's answer around a page's items (each :func:`item_json`)."""
    tail = orjson.dumps({"next_cursor": cursor, "total": total, "limit": f.limit, "offset": f.offset})
    return b'{"items":[' + b",".join(items) + b"]," + tail[1:]


def iter_events(conn: Connection, f: EventFilter, gazetteer: Path | None = None,
                batch: int = 500) -> Iterator[dict[str, Any]]:
    """Every event the filter selects, in batches (for exports); ``f.limit`` caps the total."""
    left = f.limit
    page_filter = replace(f, sort="-date" if f.sort == "-date" else "date", limit=batch, offset=0)
    while left is None or left > 0:
        page = list_events(conn, replace(page_filter, limit=min(batch, left) if left else batch), gazetteer)
        yield from page.items
        left = None if left is None else left - len(page.items)
        if not page.next_cursor:
            return
        page_filter = replace(page_filter, cursor=parse_cursor(page.next_cursor))


def _head(row: Any) -> dict[str, Any]:
    """The keys of an item read with the page, in their order: its document, id and merged event."""
    return {"document": {"pk": row.document_pk, **orjson.loads(_stored(row, "document_json"))},
            "event_id": row.event_id, "merged_id": row.canonical_id, "source_count": row.source_count}


def _stored(row: Any, column: str) -> str:
    text = getattr(row, column)
    if text is None:
        raise StoreError(f"stored event {row.pk} has no {column} (it was written by a sitrep older than the "
                         "store's schema)", "stop older sitrep processes writing to this store, then "
                         "store the document again", code="E504")
    return str(text)


def summary(row: Any) -> dict[str, Any]:
    """The JSON shape of one stored event in every list (docs/api.md)."""
    return {**_head(row), **orjson.loads(_stored(row, "list_json"))}


def item_json(row: Any) -> bytes:
    """:func:`summary` of one row as JSON, byte for byte as ``orjson.dumps(summary(row))``, without decoding
    the stored parts (the row's ``document_json`` and ``list_json`` are objects that are never empty)."""
    tail = orjson.dumps({"event_id": row.event_id, "merged_id": row.canonical_id, "source_count": row.source_count})
    return (b'{"document":{"pk":%d,' % row.document_pk + _stored(row, "document_json").encode()[1:] + b","
            + tail[1:-1] + b"," + _stored(row, "list_json").encode()[1:])


def by_type_per_day(conn: Connection, f: EventFilter, gazetteer: Path | None = None) -> list[tuple[str, str, int]]:
    """(day, PLOVER type, count) for the events the filter selects that have a date."""
    day = func.substr(E.date_start, 1, 10)
    query = (joined_tables(select(day.label("day"), E.plover_type, func.count().label("n")))
             .where(*conditions(f, gazetteer, longest_span(conn) if f.since else None), E.date_start.is_not(None))
             .group_by(day, E.plover_type).order_by(day))
    return [(r.day, r.plover_type, int(r.n)) for r in conn.execute(query)]


