"""Cross-article merging: canonical events, mentions, claims, ceasefires, figures, near-duplicates.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "canonical_events",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("violent", sa.Boolean(), nullable=False),
        sa.Column("plover_type", sa.String(length=32), nullable=True),
        sa.Column("plover_mode", sa.String(length=32), nullable=True),
        sa.Column("cameo", sa.String(length=8), nullable=True),
        sa.Column("acled_event_type", sa.String(length=64), nullable=True),
        sa.Column("acled_sub_event_type", sa.String(length=64), nullable=True),
        sa.Column("day_lo", sa.Integer(), nullable=True),
        sa.Column("day_hi", sa.Integer(), nullable=True),
        sa.Column("date_value", sa.String(length=40), nullable=True),
        sa.Column("date_precision", sa.Integer(), nullable=True),
        sa.Column("place_name", sa.String(length=256), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("place_precision", sa.Integer(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("admin1", sa.String(length=32), nullable=True),
        sa.Column("actor_keys", sa.JSON(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("first_reported", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "ix_canonical_events_kind_precision_day",
        "canonical_events",
        ["kind", "date_precision", "day_lo"],
        unique=False,
    )
    op.create_index(
        "ix_canonical_events_violent_day", "canonical_events", ["violent", "day_lo"], unique=False
    )
    op.create_table(
        "document_copies",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document_id", sa.String(length=512), nullable=False),
        sa.Column("copy_id", sa.String(length=512), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("outlet", sa.String(length=256), nullable=True),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("document_id", "copy_id", name="uq_document_copies_pair"),
    )
    op.create_index(op.f("ix_document_copies_document_id"), "document_copies", ["document_id"], unique=False)
    op.create_table(
        "document_signatures",
        sa.Column("document_id", sa.String(length=512), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("document_id"),
    )
    op.create_table(
        "ceasefires",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("parties", sa.JSON(), nullable=False),
        sa.Column("area_name", sa.String(length=256), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("area_precision", sa.Integer(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("admin1", sa.String(length=32), nullable=True),
        sa.Column("announced", sa.String(length=40), nullable=True),
        sa.Column("start", sa.String(length=40), nullable=True),
        sa.Column("end", sa.String(length=40), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["id"], ["canonical_events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_ceasefires_start", "ceasefires", ["start"], unique=False)
    op.create_table(
        "document_bands",
        sa.Column("band", sa.Integer(), nullable=False),
        sa.Column("hash", sa.BigInteger(), nullable=False),
        sa.Column("document_id", sa.String(length=512), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document_signatures.document_id"], ondelete="CASCADE"),
    )
    op.create_index("ix_document_bands_hash", "document_bands", ["hash"], unique=False)
    op.create_table(
        "event_mentions",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("canonical_id", sa.String(length=40), nullable=False),
        sa.Column("document_id", sa.String(length=512), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column("outlet", sa.String(length=256), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("published", sa.String(length=40), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("view", sa.JSON(), nullable=False),
        sa.Column("event", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["canonical_id"], ["canonical_events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("document_id", "event_id", name="uq_event_mentions_document_event"),
    )
    op.create_index(op.f("ix_event_mentions_canonical_id"), "event_mentions", ["canonical_id"], unique=False)
    op.create_index(op.f("ix_event_mentions_document_id"), "event_mentions", ["document_id"], unique=False)
    op.create_index(op.f("ix_event_mentions_published"), "event_mentions", ["published"], unique=False)
    op.create_table(
        "figures",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("best", sa.Float(), nullable=True),
        sa.Column("low", sa.Float(), nullable=True),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("place_name", sa.String(length=256), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("date", sa.String(length=40), nullable=True),
        sa.Column("canonical_id", sa.String(length=40), nullable=True),
        sa.Column("document_id", sa.String(length=512), nullable=False),
        sa.Column("outlet", sa.String(length=256), nullable=True),
        sa.Column("attributed_to", sa.Text(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["canonical_id"], ["canonical_events.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("pk"),
    )
    op.create_index(op.f("ix_figures_date"), "figures", ["date"], unique=False)
    op.create_index(op.f("ix_figures_document_id"), "figures", ["document_id"], unique=False)
    op.create_index(op.f("ix_figures_kind"), "figures", ["kind"], unique=False)
    op.create_index(op.f("ix_figures_place_name"), "figures", ["place_name"], unique=False)
    op.create_table(
        "ceasefire_violations",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("ceasefire_id", sa.String(length=40), nullable=False),
        sa.Column("canonical_id", sa.String(length=40), nullable=False),
        sa.Column("certainty", sa.String(length=16), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["canonical_id"], ["canonical_events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["ceasefire_id"], ["ceasefires.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("ceasefire_id", "canonical_id", name="uq_ceasefire_violations_pair"),
    )
    op.create_index(
        op.f("ix_ceasefire_violations_canonical_id"), "ceasefire_violations", ["canonical_id"], unique=False
    )
    op.create_index(
        op.f("ix_ceasefire_violations_ceasefire_id"), "ceasefire_violations", ["ceasefire_id"], unique=False
    )
    op.create_table(
        "claims",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("canonical_id", sa.String(length=40), nullable=False),
        sa.Column("mention_pk", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.String(length=512), nullable=False),
        sa.Column("attribute", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=256), nullable=False),
        sa.Column("display", sa.Text(), nullable=False),
        sa.Column("number", sa.Float(), nullable=True),
        sa.Column("outlet", sa.String(length=256), nullable=True),
        sa.Column("attributed_to", sa.Text(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["canonical_id"], ["canonical_events.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["mention_pk"], ["event_mentions.pk"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("pk"),
    )
    op.create_index(op.f("ix_claims_canonical_id"), "claims", ["canonical_id"], unique=False)
    op.create_index(op.f("ix_claims_document_id"), "claims", ["document_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_claims_document_id"), table_name="claims")
    op.drop_index(op.f("ix_claims_canonical_id"), table_name="claims")
    op.drop_table("claims")
    op.drop_index(op.f("ix_ceasefire_violations_ceasefire_id"), table_name="ceasefire_violations")
    op.drop_index(op.f("ix_ceasefire_violations_canonical_id"), table_name="ceasefire_violations")
    op.drop_table("ceasefire_violations")
    op.drop_index(op.f("ix_figures_place_name"), table_name="figures")
    op.drop_index(op.f("ix_figures_kind"), table_name="figures")
    op.drop_index(op.f("ix_figures_document_id"), table_name="figures")
    op.drop_index(op.f("ix_figures_date"), table_name="figures")
    op.drop_table("figures")
    op.drop_index(op.f("ix_event_mentions_published"), table_name="event_mentions")
    op.drop_index(op.f("ix_event_mentions_document_id"), table_name="event_mentions")
    op.drop_index(op.f("ix_event_mentions_canonical_id"), table_name="event_mentions")
    op.drop_table("event_mentions")
    op.drop_index("ix_document_bands_hash", table_name="document_bands")
    op.drop_table("document_bands")
    op.drop_index("ix_ceasefires_start", table_name="ceasefires")
    op.drop_table("ceasefires")
    op.drop_table("document_signatures")
    op.drop_index(op.f("ix_document_copies_document_id"), table_name="document_copies")
    op.drop_table("document_copies")
    op.drop_index("ix_canonical_events_violent_day", table_name="canonical_events")
    op.drop_index("ix_canonical_events_kind_precision_day", table_name="canonical_events")
    op.drop_table("canonical_events")
