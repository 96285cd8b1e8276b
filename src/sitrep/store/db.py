"""Open a store (SQLite file or PostgreSQL URL), migrate it, write analysed documents, read events.

Each document is written in one transaction: the document row, its events and actors, and what
the cross-article stages derive from it. A failure rolls all of it back, so nothing half-written
stays in the database. The same content hash is stored once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, select
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from ..errors import StoreError
from ..models import Document, DocumentRecord, Event
from .derived import event_columns
from .tables import ActorRow, DocumentRow, EventRow

# Hooks run inside the document's transaction after it is written (e.g. cross-article merging).
AfterSave = Callable[[Connection, int, DocumentRecord], None]


def database_url(target: str) -> str:
    """A SQLAlchemy URL for a file path or a URL given by the user."""
    if "://" in target:
        if target.startswith("postgresql://"):
            return "postgresql+psycopg://" + target[len("postgresql://"):]
        return target
    return f"sqlite:///{Path(target).expanduser()}"


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def open_engine(target: str, **options: Any) -> Engine:
    """An engine for the store; ``options`` go to SQLAlchemy (e.g. the server's pool size)."""
    url = database_url(target)
    try:
        engine = create_engine(url, **options)
    except (SQLAlchemyError, ImportError) as exc:
        raise StoreError(f"cannot open database {target!r}: {exc}",
                         "give a file path or a URL such as postgresql://user@host/db", code="E501") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (creates it in a new database)."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("sitrep.store") / "migrations"))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")  # every branch: migrations added side by side (0005, 0006) each apply
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot prepare database {engine.url.render_as_string(hide_password=True)}: "
                         f"{str(exc).splitlines()[0]}", "check that the server is up and you may write to it",
                         code="E502") from None


@dataclass(frozen=True)
class SaveOutcome:
    pk: int
    stored: bool          # False when the same content was stored before
    events: int


class Store:
    """A migrated database with sitrep's tables."""

    def __init__(self, target: str, after_save: list[AfterSave] | None = None):
        self.target = target
        self.engine = open_engine(target)
        migrate(self.engine)
        self.after_save = list(after_save or [])

    def close(self) -> None:
        self.engine.dispose()

    def save(self, document: Document, record: DocumentRecord) -> SaveOutcome:
        """Write one analysed document in one transaction; the same content hash is kept once."""
        try:
            with Session(self.engine) as session, session.begin():
                found = session.scalar(select(DocumentRow).where(DocumentRow.content_hash == document.content_hash))
                if found is not None:
                    return SaveOutcome(found.pk, stored=False, events=len(found.events))
                _refuse_reused_id(session, document)
                row = _document_row(document, record)
                session.add(row)
                session.flush()
                for hook in self.after_save:
                    hook(session.connection(), row.pk, record)
                return SaveOutcome(row.pk, stored=True, events=len(record.events))
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store document {document.id!r}: {str(exc).splitlines()[0]}",
                             "nothing of it was written; check the database and run again", code="E503") from None

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


def _event_row(record: DocumentRecord, ev: Event) -> EventRow:
    place, date = ev.place, ev.date
    return EventRow(
        event_id=ev.id, plover_type=ev.plover.type, plover_mode=ev.plover.mode, cameo=ev.cameo,
        acled_event_type=ev.acled.event_type, acled_sub_event_type=ev.acled.sub_event_type,
        category=ev.category,
        date_value=date.value if date else None, date_start=date.start if date else None,
        date_end=date.end if date else None, date_precision=date.precision if date else None,
        place_name=place.name if place else None, geonameid=place.geonameid if place else None,
        lat=place.lat if place else None, lon=place.lon if place else None,
        country=place.country if place else None, modality=ev.modality,
        source_names=_names(record, ev.sources), target_names=_names(record, ev.targets),
        confidence=ev.confidence, record=(data := ev.model_dump(mode="json")), **event_columns(data),
    )


def _document_row(document: Document, record: DocumentRecord) -> DocumentRow:
    published = record.published.value if record.published else document.published
    row = DocumentRow(
        doc_id=document.id, content_hash=document.content_hash, title=record.title, url=record.url,
        source=record.source, published=published,
        published_source=record.published.source if record.published else None,
        text=document.text, record=record.model_dump(mode="json"),
    )
    row.events = [_event_row(record, ev) for ev in record.events]
    row.actors = [ActorRow(actor_id=a.id, name=a.name, country=a.country, code=a.code,
                           sectors=",".join(a.sectors)) for a in record.actors]
    return row
