"""SQLAlchemy models of what sitrep stores: documents, their events and their actors; failed documents.

The full record of each document is kept as JSON beside the columns that queries filter on,
so every face (CLI, API, exports) reads back exactly the record the pipeline wrote.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(512), index=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(256))
    published: Mapped[str | None] = mapped_column(String(32), index=True)
    published_source: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    record: Mapped[dict] = mapped_column(JSON)
    stored_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    # Cross-article merging runs after the document is stored, in (published, content_hash) order
    # (store.db: Store.merge_pending); False until it has run for this document.
    merged: Mapped[bool] = mapped_column(Boolean, server_default=false(), index=True)

    __table_args__ = (Index("ix_documents_merge_order", "published", "content_hash"),)

    events: Mapped[list[EventRow]] = relationship(back_populates="document", cascade="all, delete-orphan")
    actors: Mapped[list[ActorRow]] = relationship(back_populates="document", cascade="all, delete-orphan")


class EventRow(Base):
    __tablename__ = "events"
    # Filters and their date order (migration 0007): a filtered page sorted by date is an index range scan;
    # with the columns the commonest filters test after them (0012), one that needs no visit to the table.
    __table_args__ = (Index("ix_events_country_date_pk", "country", "date_start", "pk", "date_end"),
                      Index("ix_events_lat_lon", "lat", "lon"),
                      Index("ix_events_modality_date", "modality", "date_start", "pk", "date_end"),
                      Index("ix_events_plover_type_date", "plover_type", "date_start", "pk", "date_end"),
                      Index("ix_events_date_start_pk", "date_start", "pk", "date_end", "country", "admin1", "place_key",
                            "place_skeleton", "place_name"),
                      Index("ix_events_acled_type_lower", func.lower(text("acled_event_type")), "date_start", "pk"),
                      Index("ix_events_acled_sub_type_lower", func.lower(text("acled_sub_event_type")), "date_start",
                            "pk"))

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk", ondelete="CASCADE"), index=True)
    event_id: Mapped[str] = mapped_column(String(32))
    plover_type: Mapped[str] = mapped_column(String(32))
    plover_mode: Mapped[str | None] = mapped_column(String(32))
    cameo: Mapped[str | None] = mapped_column(String(8), index=True)
    acled_event_type: Mapped[str | None] = mapped_column(String(64))
    acled_sub_event_type: Mapped[str | None] = mapped_column(String(64))
    category: Mapped[str | None] = mapped_column(String(32))
    date_value: Mapped[str | None] = mapped_column(String(32))
    date_start: Mapped[str | None] = mapped_column(String(32))
    date_end: Mapped[str | None] = mapped_column(String(32))
    date_precision: Mapped[int | None] = mapped_column(Integer)
    place_name: Mapped[str | None] = mapped_column(String(256), index=True)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    country: Mapped[str | None] = mapped_column(String(8))
    modality: Mapped[str] = mapped_column(String(16))
    source_names: Mapped[str] = mapped_column(Text, default="")
    target_names: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[float] = mapped_column(Float)
    record: Mapped[dict] = mapped_column(JSON)
    # added by migration 0006 (store/derived.py fills them; canonical_id is set after the merge)
    admin1: Mapped[str | None] = mapped_column(String(16), index=True)
    place_key: Mapped[str | None] = mapped_column(String(256), index=True)
    place_skeleton: Mapped[str | None] = mapped_column(String(256), index=True)
    inter1: Mapped[int | None] = mapped_column(Integer)
    inter2: Mapped[int | None] = mapped_column(Integer)
    interaction: Mapped[int | None] = mapped_column(Integer)
    evidence_text: Mapped[str | None] = mapped_column(Text)
    canonical_id: Mapped[str | None] = mapped_column(String(40), index=True)
    # added by migration 0007: whole days from the first to the last day of the date interval (no end: null)
    date_span: Mapped[int | None] = mapped_column(Integer, index=True)
    # added by migration 0011: the event's part of its item in every list, as JSON text (store/derived.py
    # listed_json); null only on a row written by a sitrep older than 0011 after the store was migrated
    list_json: Mapped[str | None] = mapped_column(Text)
    # added by migration 0013: the document's part of the same item (store/derived.py document_json); null only
    # on a row written by a sitrep older than 0013 after the store was migrated
    document_json: Mapped[str | None] = mapped_column(Text)

    document: Mapped[DocumentRow] = relationship(back_populates="events")


class ActorRow(Base):
    __tablename__ = "actors"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.pk", ondelete="CASCADE"), index=True)
    actor_id: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(256), index=True)
    country: Mapped[str | None] = mapped_column(String(8))
    code: Mapped[str | None] = mapped_column(String(32), index=True)
    sectors: Mapped[str] = mapped_column(String(128), default="")

    document: Mapped[DocumentRow] = relationship(back_populates="actors")


class StoreVersion(Base):
    """One row (id 1) whose version goes up with every write to documents, events, actors or merged
    events (triggers of migration 0008): what a reader's cache is keyed by."""

    __tablename__ = "store_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)


class FailedRow(Base):
    """A document (or an input) that failed, with its reason, kept until a retry or a later run stores it.

    `key` is ``doc:<content hash>`` for a document that was read but not analysed or stored (its
    `document` JSON is kept, so `sitrep retry` needs no source), ``input:<name>`` for an input that could
    not be read (`path` is the file to read again, when there is one)."""

    __tablename__ = "failed_documents"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(600), unique=True)
    name: Mapped[str] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)
    code: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(Text)
    document: Mapped[dict | None] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    failed_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
