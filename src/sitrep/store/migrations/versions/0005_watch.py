"""What `sitrep watch` remembers across restarts: feeds (validators, failures, back-off) and items seen.

Revision ID: 0005
Revises: 0003
"""
import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"  # after the service (0006) and reliability (0004) revisions
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_feeds",
        sa.Column("url", sa.String(2048), primary_key=True),
        sa.Column("etag", sa.Text()),
        sa.Column("last_modified", sa.Text()),
        sa.Column("checked_at", sa.String(32)),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("next_try", sa.String(32)),
        sa.Column("last_error", sa.Text()),
    )
    op.create_table(
        "watch_items",
        sa.Column("key", sa.String(2048), primary_key=True),
        sa.Column("feed_url", sa.String(2048), nullable=False),
        sa.Column("url", sa.Text()),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("first_seen", sa.String(32), nullable=False),
        sa.Column("content_hash", sa.String(64)),
        sa.Column("reason", sa.Text()),
    )
    op.create_index("ix_watch_items_feed_url", "watch_items", ["feed_url"])


def downgrade() -> None:
    op.drop_index("ix_watch_items_feed_url", table_name="watch_items")
    op.drop_table("watch_items")
    op.drop_table("watch_feeds")
