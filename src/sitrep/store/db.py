"""Open a store (SQLite file or PostgreSQL URL), migrate it, write analysed documents, read events.

Writers serialise: every write transaction goes through `Store.writer`, which on SQLite begins with
BEGIN IMMEDIATE (WAL journal, busy timeout: the next writer waits instead of failing) and on PostgreSQL
first takes one transaction-scoped advisory lock. So any number of processes may write to one database,
new or existing: the schema is created or migrated once, and the same content is stored once, the
later writer finding it "already stored", never an error. Reads (`Store.engine`) take no lock.

Each document is written in one transaction (the document row, its events and actors). Cross-article
merging (the `after_save` hooks) runs after it, one document per transaction, in the order of
(published, content_hash) whatever the order documents arrive in: a document that sorts before ones
already merged first undoes their merging, and they are merged again after it (`merge_pending`). A
document stored but not yet merged is marked so, and the next writer merges it, so a kill at any
moment loses nothing and leaves nothing half-written.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    Connection,
    Engine,
    and_,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from ..errors import StoreError
from ..models import Document, DocumentRecord, Event
from .derived import actor_names, date_span, document_json, event_columns, listed_json
from .tables import ActorRow, DocumentRow, EventRow, FailedRow

log = logging.getLogger(__name__)

# Hooks run after a document is written, in merge order (e.g. cross-article merging); what a hook returns
# is not used.
AfterSave = Callable[[Connection, int, DocumentRecord], object]
WRITER = "sitrep_writer"
# One advisory lock for every sitrep writer on a PostgreSQL database (a fixed 63-bit number).
LOCK_KEY = int.from_bytes(hashlib.sha256(b"sitrep writer").digest()[:8], "big") >> 1


class Undoable(Protocol):
    """An after-save hook that can take back what it did for one document (merging can be replayed)."""

    def __call__(self, conn: Connection, pk: int, record: DocumentRecord) -> None: ...

    def undo(self, conn: Connection, pk: int, record: DocumentRecord) -> None: ...


def database_url(target: str) -> str:
    """A SQLAlchemy URL for a file path or a URL given by the user."""
    if "://" in target:
        if target.startswith("postgresql://"):
            return "postgresql+psycopg://" + target[len("postgresql://"):]
        return target
    return f"sqlite:///{Path(target).expanduser()}"


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    dbapi_connection.isolation_level = None  # sqlite3: autocommit in the driver; we emit BEGIN ourselves
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    deadline = time.monotonic() + _WAL_WAIT
    while True:  # a new file's first switch to WAL can answer "locked" at once, without the busy timeout
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    cursor.close()


_WAL_WAIT = 30.0  # seconds a new connection retries the switch to WAL while other processes create the file


def _sqlite_begin(conn: Connection) -> None:
    """A real transaction for DDL too; a writer's takes the write lock at once (no upgrade deadlock)."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITER) else "BEGIN")


def _postgres_begin(conn: Connection) -> None:
    if conn.get_execution_options().get(WRITER):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({LOCK_KEY})")


def open_engine(target: str, timeout: int = 60, **options: Any) -> Engine:
    """An engine for the store; ``options`` go to SQLAlchemy (e.g. the server's pool size); a writer
    waits up to ``timeout`` seconds for another's lock."""
    url = database_url(target)
    try:
        if url.startswith("sqlite"):
            options.setdefault("connect_args", {}).setdefault("timeout", timeout)
        elif url.startswith("postgresql"):
            options.setdefault("connect_args", {}).setdefault("options", f"-c lock_timeout={timeout * 1000}")
        engine = create_engine(url, **options)
    except (SQLAlchemyError, ImportError) as exc:
        raise StoreError(f"cannot open database {target!r}: {exc}",
                         "give a file path or a URL such as postgresql://user@host/db", code="E501") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "begin", _postgres_begin)
    return engine


def writer_of(engine: Engine) -> Engine:
    """The same database, for writing: its transactions are serialised across processes."""
    return engine.execution_options(**{WRITER: True})


_MIGRATE_TRIES = 5


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (creates it in a new database), under the writers' lock."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("sitrep.store") / "migrations"))
    try:
        for attempt in range(_MIGRATE_TRIES):
            try:
                with writer_of(engine).begin() as connection:
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
                break
            except OperationalError as exc:  # SQLite: several processes creating one new file at once
                if engine.dialect.name != "sqlite" or "locked" not in str(exc) or attempt == _MIGRATE_TRIES - 1:
                    raise
                time.sleep(0.2 * (attempt + 1))
        log.debug("database %s: schema at the newest revision", engine.url.render_as_string(hide_password=True))
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot prepare database {engine.url.render_as_string(hide_password=True)}: "
                         f"{str(exc).splitlines()[0]}", "check that the server is up and you may write to it",
                         code="E502") from None


@dataclass(frozen=True)
class SaveOutcome:
    pk: int
    stored: bool          # False when the same content was stored before
    events: int


def _order_key(row: Any) -> tuple[str, str]:
    return (row.published or "", row.content_hash)


_ORDER = (func.coalesce(DocumentRow.published, ""), DocumentRow.content_hash)


def _after_in_order(key: tuple[str, str]) -> Any:
    published, content = _ORDER
    return or_(published > key[0], and_(published == key[0], content > key[1]))


class Store:
    """A migrated database with sitrep's tables."""

    def __init__(self, target: str, after_save: list[AfterSave] | None = None, timeout: int = 60):
        self.target = target
        self.engine = open_engine(target, timeout)
        self.writer = writer_of(self.engine)
        migrate(self.engine)
        self.after_save = list(after_save or [])

    def close(self) -> None:
        self.engine.dispose()

    def _failed(self, action: str, exc: SQLAlchemyError, code: str = "E503") -> StoreError:
        return StoreError(f"cannot {action}: {str(exc).splitlines()[0]}",
                          "nothing of it was written; check the database and run again", code=code)

    def stored_as(self, content_hash: str) -> str | None:
        """The id of the stored document with this content, if any (to skip it before analysis)."""
        try:
            with self.engine.connect() as conn:
                return conn.scalar(select(DocumentRow.doc_id).where(DocumentRow.content_hash == content_hash))
        except SQLAlchemyError as exc:
            raise self._failed("read the database", exc, "E504") from None

    def save(self, document: Document, record: DocumentRecord, merge: bool = True) -> SaveOutcome:
        """Write one analysed document in one transaction; the same content hash is kept once.

        With `merge` (the default) the after-save hooks then run for every document waiting for them;
        without, they wait for the next `merge_pending()` (a batch merges once, at its end)."""
        try:
            outcome = self._insert(document, record)
        except SQLAlchemyError as exc:
            raise self._failed(f"store document {document.id!r}", exc) from None
        if merge and outcome.stored:
            self.merge_pending()
        return outcome

    def _insert(self, document: Document, record: DocumentRecord) -> SaveOutcome:
        with Session(self.writer) as session, session.begin():
            found = session.scalar(select(DocumentRow).where(DocumentRow.content_hash == document.content_hash))
            if found is not None:
                return SaveOutcome(found.pk, stored=False, events=len(found.events))
            _refuse_reused_id(session, document)
            row = _document_row(document, record)
            row.merged = not self.after_save
            session.add(row)
            session.flush()
            keys = {f"doc:{document.content_hash}", f"input:{document.id}", f"input:{document.origin}"}
            session.execute(delete(FailedRow).where(FailedRow.key.in_(keys)))
            return SaveOutcome(row.pk, stored=True, events=len(record.events))

    # ---------------------------------------------------------------- merging in order
    def merge_pending(self) -> int:
        """Run the after-save hooks for every stored document still waiting, in merge order; returns
        how many hook runs (merges and undos) it took. Each step is its own short transaction."""
        steps = 0
        try:
            while self._merge_step():
                steps += 1
        except SQLAlchemyError as exc:
            raise self._failed("merge stored documents", exc) from None
        return steps

    def _merge_step(self) -> bool:
        with self.writer.begin() as conn:
            pending = conn.execute(select(DocumentRow.pk, DocumentRow.published, DocumentRow.content_hash)
                                   .where(DocumentRow.merged.is_(False)).order_by(*_ORDER).limit(1)).first()
            if pending is None:
                return False
            undoable = all(hasattr(hook, "undo") for hook in self.after_save)
            if undoable and self._undo_later(conn, _order_key(pending)):
                return True
            self._apply_hooks(conn, pending.pk, pending.content_hash)
            conn.execute(update(DocumentRow).where(DocumentRow.pk == pending.pk).values(merged=True))
            return True

    def _apply_hooks(self, conn: Connection, pk: int, content_hash: str) -> None:
        """Run the hooks for one document behind a fault boundary: a hook's bug rolls back what it did for
        this document, which is kept as failed (E505, `sitrep retry` merges it again) and counts as merged,
        so the documents after it are still merged. A database that fails (a lost connection, a lock
        waited for too long) is no document's fault: that ends the step."""
        savepoint = conn.begin_nested()
        try:
            record = self._record(conn, pk)
            for hook in self.after_save:
                hook(conn, pk, record)
        except OperationalError:
            raise
        except Exception as exc:  # the fault boundary around one document's merge
            savepoint.rollback()
            doc_id = conn.execute(select(DocumentRow.doc_id).where(DocumentRow.pk == pk)).scalar_one()
            reason = f"{doc_id}: stored, but merging it failed: {type(exc).__name__}: {' '.join(str(exc).split())[:300]}"
            conn.execute(delete(FailedRow).where(FailedRow.key == f"merge:{content_hash}"))
            conn.execute(insert(FailedRow).values(key=f"merge:{content_hash}", name=doc_id, code="E505",
                                                  reason=f"[E505] {reason} (this is a bug in sitrep; please report "
                                                         "it; `sitrep retry` merges it again)", attempts=1))
            return
        savepoint.commit()

    def unmark_merged(self, content_hash: str) -> None:
        """Merge a stored document again at the next `merge_pending` (for `sitrep retry`)."""
        with self.writer.begin() as conn:
            conn.execute(update(DocumentRow).where(DocumentRow.content_hash == content_hash).values(merged=False))
            conn.execute(delete(FailedRow).where(FailedRow.key == f"merge:{content_hash}"))

    def _undo_later(self, conn: Connection, key: tuple[str, str]) -> bool:
        """Undo the merging of the latest merged document after `key`; False when there is none.

        One document per step (per transaction), latest first, so that a long replay never holds the
        writers' lock for long; after each step the merged documents are again merged in order."""
        latest = conn.execute(select(DocumentRow.pk).where(DocumentRow.merged.is_(True), _after_in_order(key))
                              .order_by(*(c.desc() for c in _ORDER)).limit(1)).scalar()
        if latest is None:
            return False
        record = self._record(conn, latest)
        for hook in reversed(self.after_save):
            hook.undo(conn, latest, record)  # type: ignore[attr-defined]  # checked by the caller
        conn.execute(update(DocumentRow).where(DocumentRow.pk == latest).values(merged=False))
        return True

    @staticmethod
    def _record(conn: Connection, pk: int) -> DocumentRecord:
        stored = conn.execute(select(DocumentRow.record).where(DocumentRow.pk == pk)).scalar_one()
        return DocumentRecord.model_validate(stored)

    # ---------------------------------------------------------------- failures
    def record_failure(self, key: str, name: str, code: str, reason: str, path: str | None = None,
                       document: Document | None = None) -> None:
        """Keep (or update) a failed document or input with its reason, for `sitrep retry`."""
        values = {"name": name, "code": code, "reason": reason, "path": path,
                  "document": document.model_dump(mode="json") if document else None}
        try:
            with self.writer.begin() as conn:
                attempts = conn.scalar(select(FailedRow.attempts).where(FailedRow.key == key))
                if attempts is None:
                    conn.execute(insert(FailedRow).values(key=key, attempts=1, **values))
                else:
                    conn.execute(update(FailedRow).where(FailedRow.key == key)
                                 .values(attempts=attempts + 1, failed_at=func.now(), **values))
        except SQLAlchemyError as exc:
            raise self._failed(f"record the failure of {name!r}", exc) from None

    def failures(self) -> list[FailedRow]:
        with Session(self.engine, expire_on_commit=False) as session:
            return list(session.scalars(select(FailedRow).order_by(FailedRow.pk)))

    def forget_failure(self, key: str) -> None:
        with self.writer.begin() as conn:
            conn.execute(delete(FailedRow).where(FailedRow.key == key))

    # ---------------------------------------------------------------- reading
    def documents(self) -> Iterator[DocumentRecord]:
        with Session(self.engine) as session:
            for row in session.scalars(select(DocumentRow).order_by(DocumentRow.pk)):
                yield DocumentRecord.model_validate(row.record)


def _refuse_reused_id(session: Session, document: Document) -> None:
    """Another content under an id already stored is reported, not stored a second time under it."""
    other = session.scalar(select(DocumentRow.pk).where(DocumentRow.doc_id == document.id).limit(1))
    if other is not None:
        raise StoreError(f"document id {document.id!r} is already stored with other content",
                         "give each document its own id (JSON Lines `id`); the first one is kept", code="E506")


def _names(record: DocumentRecord, ids: list[str]) -> str:
    by_id = {a.id: a for a in record.actors}
    return "; ".join(f"{by_id[i].name} ({by_id[i].code})" if by_id[i].code else by_id[i].name
                     for i in ids if i in by_id)


def _event_row(record: DocumentRecord, ev: Event, actors: dict[str, dict[str, Any]], document: str) -> EventRow:
    place, date = ev.place, ev.date
    return EventRow(
        event_id=ev.id, plover_type=ev.plover.type, plover_mode=ev.plover.mode, cameo=ev.cameo,
        acled_event_type=ev.acled.event_type, acled_sub_event_type=ev.acled.sub_event_type,
        category=ev.category,
        date_value=date.value if date else None, date_start=date.start if date else None,
        date_end=date.end if date else None, date_precision=date.precision if date else None,
        date_span=date_span(date.start, date.end) if date else None,
        place_name=place.name if place else None, geonameid=place.geonameid if place else None,
        lat=place.lat if place else None, lon=place.lon if place else None,
        country=place.country if place else None, modality=ev.modality,
        source_names=_names(record, ev.sources), target_names=_names(record, ev.targets),
        confidence=ev.confidence, record=(data := ev.model_dump(mode="json")), **event_columns(data),
        list_json=listed_json(data, actors), document_json=document,
    )


def _document_row(document: Document, record: DocumentRecord) -> DocumentRow:
    published = record.published.value if record.published else document.published
    row = DocumentRow(
        doc_id=document.id, content_hash=document.content_hash, title=record.title, url=record.url,
        source=record.source, published=published,
        published_source=record.published.source if record.published else None,
        text=document.text, record=record.model_dump(mode="json"),
    )
    actors = actor_names([(a.id, a.name, a.code, a.country) for a in record.actors])
    document_part = document_json(row.doc_id, row.title, row.url, row.source, row.published)
    row.events = [_event_row(record, ev, actors, document_part) for ev in record.events]
    row.actors = [ActorRow(actor_id=a.id, name=a.name, country=a.country, code=a.code,
                           sectors=",".join(a.sectors)) for a in record.actors]
    return row
