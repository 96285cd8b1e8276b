"""The tables the merge keeps: canonical events and their mentions, claims, ceasefires, figures, copies.

SQLAlchemy Core tables on :data:`metadata`, which the store's Alembic migration includes. Every row
that came from an article names the document (``document_id``, the store's ``documents.doc_id``) and,
where it quotes words, their offsets into that document's text.

    canonical_events ──< event_mentions ──< claims
          │ 1:1                             (one row per attribute value per mention)
      ceasefires ──< ceasefire_violations >── canonical_events (the violent event)
    figures                    (numbers of people per place and date, with their sources)
    document_signatures ──< document_bands   (MinHash/LSH index of near-duplicate texts)
    document_copies            (every URL, outlet and time of a near-duplicate, kept once)
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

canonical_events = Table(
    "canonical_events", metadata,
    Column("id", String(40), primary_key=True),
    Column("kind", String(32), nullable=False, doc="ceasefire, or the PLOVER type"),
    Column("violent", Boolean, nullable=False, default=False, doc="can break a ceasefire"),
    Column("plover_type", String(32)),
    Column("plover_mode", String(32)),
    Column("cameo", String(8)),
    Column("acled_event_type", String(64)),
    Column("acled_sub_event_type", String(64)),
    Column("day_lo", Integer, doc="first day the event may lie in (proleptic ordinal)"),
    Column("day_hi", Integer, doc="last day the event may lie in (proleptic ordinal)"),
    Column("date_value", String(40)),
    Column("date_precision", Integer),
    Column("place_name", String(256)),
    Column("lat", Float),
    Column("lon", Float),
    Column("place_precision", Integer),
    Column("country", String(8)),
    Column("admin1", String(32)),
    Column("actor_keys", JSON, nullable=False, default=list),
    Column("summary", JSON, nullable=False, default=dict, doc="canonical values and disputed attributes"),
    Column("mention_count", Integer, nullable=False, default=0),
    Column("source_count", Integer, nullable=False, default=0),
    Column("first_reported", String(40)),
    Column("modality", String(32), doc="the summary's modality value (asserted, planned …); null: read the summary"),
    Column("place_cell", Integer, doc="the one-degree cell of lat, lon (canonical.place_cell); null without both"),
    Index("ix_canonical_events_kind_precision_day", "kind", "date_precision", "day_lo"),
    Index("ix_canonical_events_kind_precision_cell_day", "kind", "date_precision", "place_cell", "day_lo"),
    Index("ix_canonical_events_kind_precision_country", "kind", "date_precision", "country", "place_precision",
          "day_lo"),
    Index("ix_canonical_events_kind_precision_admin1", "kind", "date_precision", "admin1", "place_precision",
          "day_lo"),
    Index("ix_canonical_events_violent_day", "violent", "day_lo"),
)

event_mentions = Table(
    "event_mentions", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("canonical_id", String(40), ForeignKey("canonical_events.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("document_id", String(512), nullable=False, index=True),
    Column("event_id", String(64), nullable=False),
    Column("outlet", String(256)),
    Column("url", Text),
    Column("published", String(40), index=True),
    Column("score", Float, doc="merge score against the event it joined; null for the first mention"),
    Column("reasons", JSON, nullable=False, default=list, doc="why it was merged (or started a new event)"),
    Column("view", JSON, nullable=False, doc="the comparable summary the merge decided on"),
    Column("event", JSON, nullable=False, doc="the Event record as the pipeline wrote it"),
    UniqueConstraint("document_id", "event_id", name="uq_event_mentions_document_event"),
)

claims = Table(
    "claims", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("canonical_id", String(40), ForeignKey("canonical_events.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("mention_pk", Integer, ForeignKey("event_mentions.pk", ondelete="CASCADE"), nullable=False),
    Column("document_id", String(512), nullable=False, index=True),
    Column("attribute", String(32), nullable=False),
    Column("value", String(256), nullable=False, doc="normalised, compared across sources"),
    Column("display", Text, nullable=False),
    Column("number", Float),
    Column("outlet", String(256)),
    Column("attributed_to", Text),
    Column("quote", Text),
    Column("start", Integer),
    Column("end", Integer),
)

ceasefires = Table(
    "ceasefires", metadata,
    Column("id", String(40), ForeignKey("canonical_events.id", ondelete="CASCADE"), primary_key=True),
    Column("parties", JSON, nullable=False, default=list),
    Column("area_name", String(256)),
    Column("lat", Float),
    Column("lon", Float),
    Column("area_precision", Integer),
    Column("country", String(8)),
    Column("admin1", String(32)),
    Column("announced", String(40)),
    Column("start", String(40), doc="latest start any source claims (UTC ISO); violations count after it"),
    Column("end", String(40)),
    Column("status", String(16), nullable=False, doc="announced | in force | reported broken | collapsed"),
    Column("source_count", Integer, nullable=False, default=0),
    Index("ix_ceasefires_start", "start"),
)

ceasefire_violations = Table(
    "ceasefire_violations", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("ceasefire_id", String(40), ForeignKey("ceasefires.id", ondelete="CASCADE"), nullable=False,
           index=True),
    Column("canonical_id", String(40), ForeignKey("canonical_events.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("certainty", String(16), nullable=False, doc="after start | same day"),
    Column("reasons", JSON, nullable=False, default=list),
    UniqueConstraint("ceasefire_id", "canonical_id", name="uq_ceasefire_violations_pair"),
)

figures = Table(
    "figures", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(24), nullable=False, index=True,
           doc="fatalities | injured | displaced | refugees | in_need | population"),
    Column("best", Float),
    Column("low", Float),
    Column("high", Float),
    Column("place_name", String(256), index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(8)),
    Column("date", String(40), index=True),
    Column("canonical_id", String(40), ForeignKey("canonical_events.id", ondelete="SET NULL")),
    Column("document_id", String(512), nullable=False, index=True),
    Column("outlet", String(256)),
    Column("attributed_to", Text),
    Column("quote", Text),
    Column("start", Integer),
    Column("end", Integer),
)

document_signatures = Table(
    "document_signatures", metadata,
    Column("document_id", String(512), primary_key=True),
    Column("signature", LargeBinary, nullable=False, doc="MinHash hash values, uint64 little-endian"),
)

document_bands = Table(
    "document_bands", metadata,
    Column("band", Integer, nullable=False),
    Column("hash", BigInteger, nullable=False),
    Column("document_id", String(512), ForeignKey("document_signatures.document_id", ondelete="CASCADE"),
           nullable=False),
    Index("ix_document_bands_hash", "hash"),
)

document_copies = Table(
    "document_copies", metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(512), nullable=False, index=True, doc="the copy kept (first seen)"),
    Column("copy_id", String(512), nullable=False),
    Column("url", Text),
    Column("outlet", String(256)),
    Column("published", String(40)),
    Column("similarity", Float, nullable=False),
    UniqueConstraint("document_id", "copy_id", name="uq_document_copies_pair"),
)
