"""Queries over stored events, shared by the CLI and any other face."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session

from ..models import Event
from .tables import DocumentRow, EventRow

if TYPE_CHECKING:
    from .db import EventFilter, StoredEvent


def _by_type(query: Select, value: str) -> Select:
    upper = value.upper()
    return query.where(or_(EventRow.plover_type == upper, EventRow.cameo.startswith(value),
                           EventRow.acled_event_type.ilike(value), EventRow.acled_sub_event_type.ilike(value),
                           EventRow.category.ilike(value)))


def _by_place(query: Select, value: str) -> Select:
    return query.where(or_(EventRow.place_name.ilike(f"%{value}%"), EventRow.country == value.upper()))


def _by_actor(query: Select, value: str) -> Select:
    pattern = f"%{value}%"
    return query.where(or_(EventRow.source_names.ilike(pattern), EventRow.target_names.ilike(pattern)))


def event_query(filters: EventFilter) -> Select:
    query = select(EventRow, DocumentRow).join(DocumentRow)
    if filters.type:
        query = _by_type(query, filters.type)
    if filters.place:
        query = _by_place(query, filters.place)
    if filters.actor:
        query = _by_actor(query, filters.actor)
    if filters.since:
        # an interval ends after the day begins; a date given only by its start begins on or after it
        query = query.where(or_(EventRow.date_end > filters.since + "T00:00",
                                and_(EventRow.date_end.is_(None), EventRow.date_start >= filters.since)))
    if filters.until:
        query = query.where(EventRow.date_start <= filters.until + "T23:59:59")
    query = query.order_by(EventRow.date_start.is_(None), EventRow.date_start, DocumentRow.pk, EventRow.pk)
    return query.limit(filters.limit) if filters.limit else query


def select_events(session: Session, filters: EventFilter) -> list[StoredEvent]:
    from .db import StoredEvent

    return [StoredEvent(document_id=doc.doc_id, title=doc.title, url=doc.url, published=doc.published,
                        event=Event.model_validate(ev.record), source_names=ev.source_names,
                        target_names=ev.target_names)
            for ev, doc in session.execute(event_query(filters)).all()]
