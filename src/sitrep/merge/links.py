"""After the merge: each stored event row learns the id of the merged event its report joined."""

from __future__ import annotations

from sqlalchemy import Connection, select, update

from ..models import DocumentRecord
from ..store.tables import DocumentRow, EventRow
from .tables import event_mentions


class LinkMergedEvents:
    """An after-save hook (runs after the merge's, in the same transaction); `undo` unlinks the document's
    events, so the store can replay merging in order (store.db: Store.merge_pending)."""

    def __call__(self, conn: Connection, pk: int, _record: DocumentRecord) -> None:
        doc_id = conn.scalar(select(DocumentRow.doc_id).where(DocumentRow.pk == pk))
        rows = conn.execute(select(event_mentions.c.event_id, event_mentions.c.canonical_id)
                            .where(event_mentions.c.document_id == doc_id)).all()
        for event_id, canonical_id in rows:
            conn.execute(update(EventRow).where(EventRow.document_pk == pk, EventRow.event_id == event_id)
                         .values(canonical_id=canonical_id))

    def undo(self, conn: Connection, pk: int, _record: DocumentRecord) -> None:
        conn.execute(update(EventRow).where(EventRow.document_pk == pk).values(canonical_id=None))


link_merged_events = LinkMergedEvents()
