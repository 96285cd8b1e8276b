"""What articles teach about actors (sitrep.actors.learned), kept apart from the shipped base.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learned_actors",
        sa.Column("name_key", sa.String(256), primary_key=True),
        sa.Column("surname_key", sa.String(128), nullable=False, index=True),
        sa.Column("name", sa.String(256), nullable=False),
        sa.Column("country", sa.String(16)),
        sa.Column("sectors", sa.String(64), nullable=False),
        sa.Column("title", sa.String(128)),
        sa.Column("first_seen", sa.String(10)),
        sa.Column("last_seen", sa.String(10)),
        sa.Column("count", sa.Integer, nullable=False),
        sa.Column("corrected", sa.Boolean, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("learned_actors")
