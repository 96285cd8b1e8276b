"""A change counter for readers' caches: ``store_version`` holds one row whose ``version`` goes up with
every write to the tables an event list is read from (documents, events, actors, canonical_events),
whoever writes it: `sitrep ingest` in another process, POST /api/documents, the merge, a hand-written
UPDATE. Triggers count, so no writer has to remember to.

A reader that reads the version before its query, and keys what it keeps by it, never serves a page
older than the last committed write (sitrep.api.cache). The counter starts at the clock's microseconds
(so does a row written again after someone emptied the table), and only goes up. On PostgreSQL one trigger per statement (bulk
inserts count once, TRUNCATE too); SQLite has only row triggers (one cheap UPDATE per written row).
The counter row is updated inside the writer's transaction, so it changes exactly when the write
commits; PostgreSQL writers already queue on the writers' advisory lock, so the row's lock adds no wait.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COUNTED = ("documents", "events", "actors", "canonical_events")
OPERATIONS = ("INSERT", "UPDATE", "DELETE")

# The row comes back if someone empties the table: at the clock's microseconds, above any version counted
# before (one write per microsecond is out of reach), so a cache cannot mistake new data for old.
PG_NOW = "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint"
SQLITE_NOW = "CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)"
PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION sitrep_store_changed() RETURNS trigger AS $$
BEGIN
    INSERT INTO store_version (id, version) VALUES (1, {PG_NOW})
        ON CONFLICT (id) DO UPDATE SET version = store_version.version + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    op.create_table("store_version", sa.Column("id", sa.Integer(), primary_key=True),
                    sa.Column("version", sa.BigInteger(), nullable=False))
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.execute(f"INSERT INTO store_version (id, version) VALUES (1, {PG_NOW if postgresql else SQLITE_NOW})")
    if postgresql:
        op.execute(PG_FUNCTION)
        for table in COUNTED:
            op.execute(f"CREATE TRIGGER sitrep_changed_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                       f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION sitrep_store_changed()")
        return
    for table in COUNTED:
        for operation in OPERATIONS:
            op.execute(f"CREATE TRIGGER sitrep_changed_{table}_{operation.lower()} AFTER {operation} ON {table} "
                       f"BEGIN INSERT INTO store_version (id, version) VALUES (1, {SQLITE_NOW}) "
                       "ON CONFLICT (id) DO UPDATE SET version = version + 1; END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in COUNTED:
            op.execute(f"DROP TRIGGER IF EXISTS sitrep_changed_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS sitrep_store_changed()")
    else:
        for table in COUNTED:
            for operation in OPERATIONS:
                op.execute(f"DROP TRIGGER IF EXISTS sitrep_changed_{table}_{operation.lower()}")
    op.drop_table("store_version")
