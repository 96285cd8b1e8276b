"""Reliability: failed documents kept with their reason; merging in (published, content_hash) order.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
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
    with op.batch_alter_table("documents") as batch:
        # documents stored before this revision were merged inside their own transaction
        batch.add_column(sa.Column("merged", sa.Boolean(), server_default=sa.true(), nullable=False))
    with op.batch_alter_table("documents") as batch:
        batch.alter_column("merged", server_default=sa.false(), existing_type=sa.Boolean())
        batch.create_index("ix_documents_merged", ["merged"], unique=False)
        batch.create_index("ix_documents_merge_order", ["published", "content_hash"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_index("ix_documents_merge_order")
        batch.drop_index("ix_documents_merged")
        batch.drop_column("merged")
    op.drop_table("failed_documents")
