"""Stored documents: a page of them, and one with its text, its removed spans and its record."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, select

from ..store.tables import DocumentRow, EventRow
from .filters import LARGEST_KEY

D = DocumentRow.__table__.c


def list_documents(conn: Connection, limit: int = 100, offset: int = 0) -> dict[str, Any]:
    counts = (select(EventRow.document_pk, func.count().label("n")).group_by(EventRow.document_pk)
              .subquery())
    query = (select(D.pk, D.doc_id, D.title, D.url, D.source, D.published, D.published_source, counts.c.n)
             .outerjoin(counts, counts.c.document_pk == D.pk).order_by(D.pk).limit(limit).offset(offset))
    items = [{"pk": r.pk, "id": r.doc_id, "title": r.title, "url": r.url, "source": r.source,
              "published": r.published, "published_source": r.published_source, "events": r.n or 0}
             for r in conn.execute(query)]
    total = conn.scalar(select(func.count()).select_from(DocumentRow.__table__))
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def get_document(conn: Connection, pk: int) -> dict[str, Any] | None:
    """The document as stored: text as given, removed spans, and the full record (all offsets into text). None
    when no row has the key (one past a store's largest key included: the database would refuse it)."""
    if abs(pk) > LARGEST_KEY:
        return None
    row = conn.execute(select(DocumentRow.__table__).where(D.pk == pk)).one_or_none()
    if row is None:
        return None
    merged = conn.execute(select(EventRow.event_id, EventRow.canonical_id).where(EventRow.document_pk == pk))
    return {"pk": row.pk, "id": row.doc_id, "title": row.title, "url": row.url, "source": row.source,
            "published": row.published, "published_source": row.published_source, "text": row.text,
            "removed": row.record.get("removed", []), "record": row.record,
            "merged_ids": {event_id: canonical_id for event_id, canonical_id in merged}}


def document_pk(conn: Connection, doc_id: str) -> int | None:
    """The store's key of a document given by its id (the first stored under it)."""
    return conn.scalar(select(D.pk).where(D.doc_id == doc_id).order_by(D.pk).limit(1))
