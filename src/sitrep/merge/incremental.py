"""The merge's entry point: one analysed document in, the cross-article records updated.

``merge_record`` runs inside the transaction that stores the document (the store calls it after
writing the document row). For each event report it finds the best canonical event it is a report of
(or starts one), keeps its claims and figures, and relinks ceasefires and violations it touches.
Merging the same document again first forgets what it contributed, so re-analysis is safe.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, delete, select

from ..models import DocumentRecord, Event
from .canonical import absorb_lone_reports, attach, best_match, candidates, refresh
from .ceasefires import link_violent, update_ceasefire
from .decide import Decision
from .duplicates import register_document
from .figures import figure_rows, store_figures
from .kinds import CEASEFIRE
from .mentions import view_of
from .tables import (
    canonical_events,
    claims,
    document_bands,
    document_copies,
    document_signatures,
    event_mentions,
    figures,
)
from .text_figures import figures_from_text

MAX_REFUSALS_KEPT = 5  # why a report did not join the nearest other events, stored with the mention


@dataclass
class Placement:
    """Where one event report went and why."""

    event_id: str
    canonical_id: str
    new: bool
    score: float | None
    reasons: list[str]
    refused: list[str] = field(default_factory=list)


@dataclass
class MergeOutcome:
    document_id: str
    duplicate_of: str | None = None
    placements: list[Placement] = field(default_factory=list)
    figures: int = 0
    absorbed: list[str] = field(default_factory=list)  # lone-report events a joined event took over

    @property
    def created(self) -> list[str]:
        return [p.canonical_id for p in self.placements if p.new]

    @property
    def joined(self) -> list[str]:
        return [p.canonical_id for p in self.placements if not p.new]


@contextmanager
def connected(target: Engine | Connection | Any) -> Iterator[Connection]:
    """A connection from an engine (in a new transaction), a connection, or an ORM session."""
    if isinstance(target, Engine):
        with target.begin() as conn:
            yield conn
    elif isinstance(target, Connection):
        yield target
    else:
        yield target.connection()


def forget_document(conn: Connection, document_id: str) -> set[str]:
    """Remove what a document contributed; return the canonical events that must be recomputed."""
    m = event_mentions
    touched = set(conn.execute(select(m.c.canonical_id).where(m.c.document_id == document_id)).scalars())
    conn.execute(delete(figures).where(figures.c.document_id == document_id))
    if touched:
        conn.execute(delete(claims).where(claims.c.document_id == document_id))
        conn.execute(delete(m).where(m.c.document_id == document_id))
    return touched


def _after(conn: Connection, stale: set[str], cids: set[str]) -> None:
    """Recompute events the document no longer reports, then ceasefire records and violation links."""
    for cid in sorted(stale):
        refresh(conn, cid)
    rows = conn.execute(select(canonical_events.c.id, canonical_events.c.kind, canonical_events.c.violent)
                        .where(canonical_events.c.id.in_(cids))).all()
    for gone in sorted(stale - {r.id for r in rows}):  # no report left: drop its ceasefire and links
        update_ceasefire(conn, gone)
        link_violent(conn, gone)
    for row in rows:
        if row.kind == CEASEFIRE:
            update_ceasefire(conn, row.id)
        elif row.violent:
            link_violent(conn, row.id)


def merge_record(target: Engine | Connection | Any, document_id: str | int, record: DocumentRecord, *,
                 text: str | None = None) -> MergeOutcome:
    """Merge one analysed document's events into the canonical events; with ``text``, first check
    whether it nearly duplicates a stored document, in which case only the copy is recorded."""
    doc_id = str(document_id)
    outcome = MergeOutcome(doc_id)
    with connected(target) as conn:
        if text is not None:
            outcome.duplicate_of = register_document(
                conn, doc_id, text, url=record.url, outlet=record.source,
                published=record.published.value if record.published else None)
            if outcome.duplicate_of:
                return outcome
        forgotten = forget_document(conn, doc_id)
        touched = {place_event(conn, event, record, outcome) for event in record.events}
        if text is not None:
            outcome.figures += store_figures(conn, figures_from_text(doc_id, text, record))
        gone = set(outcome.absorbed)
        _after(conn, (forgotten - touched) | gone, touched | forgotten | gone)
    return outcome


def place_event(conn: Connection, event: Event, record: DocumentRecord, outcome: MergeOutcome) -> str:
    """Attach one event report to its best canonical event (or a new one), keep its figures, and note
    the placement in ``outcome``; returns the canonical id."""
    view = view_of(event, record, outcome.document_id)
    found = candidates(conn, view)
    cid, decision, refused = best_match(conn, view, found)
    explained = Decision(decision.score, decision.blocked, decision.reasons + refused[:MAX_REFUSALS_KEPT])
    new_id, grown = attach(conn, cid, view, event.model_dump(mode="json"), explained)
    score = None if cid is None else decision.score
    outcome.placements.append(Placement(event.id, new_id, cid is None, score, decision.reasons, refused))
    outcome.figures += store_figures(conn, figure_rows(view, new_id))
    if grown is not None:
        outcome.absorbed += absorb_lone_reports(conn, new_id, view, found, grown)
    return new_id


class MergeHook:
    """The store's after-save hook: merge a just-stored document, with its text for the duplicate check;
    `undo` takes back all it contributed, so the store can merge documents in (published, content_hash)
    order whatever order they arrive in (store.db: Store.merge_pending).

    Reads the document's id and text from the store's ``documents`` row ``pk`` (same transaction)."""

    def __call__(self, conn: Connection, pk: int, record: DocumentRecord) -> MergeOutcome:
        from ..store.tables import DocumentRow

        documents = DocumentRow.__table__
        row = conn.execute(select(documents.c.doc_id, documents.c.text).where(documents.c.pk == pk)).one()
        return merge_record(conn, merge_key(conn, pk, row.doc_id), record, text=row.text)

    def undo(self, conn: Connection, pk: int, record: DocumentRecord) -> None:
        from ..store.tables import DocumentRow

        documents = DocumentRow.__table__
        doc_id = conn.execute(select(documents.c.doc_id).where(documents.c.pk == pk)).scalar_one()
        unmerge_document(conn, merge_key(conn, pk, doc_id))


merge_after_save = MergeHook()


def unmerge_document(conn: Connection, document_id: str) -> None:
    """Take back everything merging a document added: its mentions, claims, figures and near-duplicate
    registration; the events it touched are recomputed (and dropped when it was their only report)."""
    conn.execute(delete(document_copies).where(document_copies.c.copy_id == document_id))
    conn.execute(delete(document_bands).where(document_bands.c.document_id == document_id))
    conn.execute(delete(document_signatures).where(document_signatures.c.document_id == document_id))
    touched = forget_document(conn, document_id)
    _after(conn, touched, touched)


def merge_key(conn: Connection, pk: int, doc_id: str) -> str:
    """The document's id, made unique with the start of its content hash when a document merged before
    it has the same id (two inputs may both be called "article.txt"). Documents are merged in
    (published, content_hash) order, so which of two namesakes keeps the bare id does not depend on
    which arrived first; re-merging under an id replaces what it had."""
    from ..store.tables import DocumentRow

    documents = DocumentRow.__table__
    other = conn.execute(select(documents.c.pk).where(documents.c.doc_id == doc_id, documents.c.pk != pk,
                                                      documents.c.merged.is_(True)).limit(1)).first()
    if other is None:
        return doc_id
    content = conn.execute(select(documents.c.content_hash).where(documents.c.pk == pk)).scalar_one()
    return f"{doc_id}#{content[:12]}"
