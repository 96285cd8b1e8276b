"""Documents, events and actors.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("doc_id", sa.String(512), nullable=False, index=True),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.String(256)),
        sa.Column("published", sa.String(32), index=True),
        sa.Column("published_source", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.Column("stored_at", sa.DateTime, server_default=sa.func.now(), nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("document_pk", sa.Integer, sa.ForeignKey("documents.pk", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("event_id", sa.String(32), nullable=False),
        sa.Column("plover_type", sa.String(32), nullable=False, index=True),
        sa.Column("plover_mode", sa.String(32)),
        sa.Column("cameo", sa.String(8), index=True),
        sa.Column("acled_event_type", sa.String(64)),
        sa.Column("acled_sub_event_type", sa.String(64)),
        sa.Column("category", sa.String(32)),
        sa.Column("date_value", sa.String(32)),
        sa.Column("date_start", sa.String(32), index=True),
        sa.Column("date_end", sa.String(32)),
        sa.Column("date_precision", sa.Integer),
        sa.Column("place_name", sa.String(256), index=True),
        sa.Column("geonameid", sa.Integer),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("country", sa.String(8)),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("source_names", sa.Text, nullable=False),
        sa.Column("target_names", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
    )
    op.create_table(
        "actors",
        sa.Column("pk", sa.Integer, primary_key=True),
        sa.Column("document_pk", sa.Integer, sa.ForeignKey("documents.pk", ondelete="CASCADE"),
                  nullable=False, index=True),
        sa.Column("actor_id", sa.String(32), nullable=False),
        sa.Column("name", sa.String(256), nullable=False, index=True),
        sa.Column("country", sa.String(8)),
        sa.Column("code", sa.String(32), index=True),
        sa.Column("sectors", sa.String(128), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("actors")
    op.drop_table("events")
    op.drop_table("documents")
