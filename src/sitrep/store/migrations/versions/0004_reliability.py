"""Reliability: failed documents kept with their reason; merging in (published, content_hash) order.

Revision ID: 0004
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0006"  # after the service's 0006; the watch's 0005 follows it
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "failed_documents",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=600), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("code", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("document", sa.JSON(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("failed_at", sa.DateTime(), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("key"),
    )
    # SQLite adds a column in place; nothing here may make it copy `documents` (dropping the old table
    # would cascade to its events and actors).
    op.add_column("documents", sa.Column("merged", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.execute("UPDATE documents SET merged = " + ("1" if op.get_bind().dialect.name == "sqlite" else "true"))
    # (documents stored before this revision were merged inside their own transaction)
    op.create_index("ix_documents_merged", "documents", ["merged"], unique=False)
    op.create_index("ix_documents_merge_order", "documents", ["published", "content_hash"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_documents_merge_order", table_name="documents")
    op.drop_index("ix_documents_merged", table_name="documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("merged")
    op.drop_table("failed_documents")
