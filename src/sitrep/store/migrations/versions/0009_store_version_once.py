"""The change counter goes up once per writing transaction on PostgreSQL, not once per statement.

0008's statement trigger updated the one ``store_version`` row after every statement. A writer that sends
many statements in one transaction (an executemany is one INSERT per row; a bulk load of thousands of
documents) then updated that row thousands of times in one transaction, and PostgreSQL must walk every
earlier version of the row written by the same transaction to find the newest: the cost grew with the
square of the statements (measured on PostgreSQL 15: 20,000 one-row INSERTs in one transaction took 3.7 s,
40,000 took 13.6 s; with this trigger 0.7 s and 1.4 s). Readers only ever see the row as of a commit, so
one increase per transaction is all a cache needs. The trigger marks the transaction as counted in a
transaction-local setting (rolled back with a rolled-back savepoint, so a write after it counts again).
SQLite keeps 0008's row triggers (no versions of a row to walk there).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

PG_NOW = "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint"
ONCE = f"""
CREATE OR REPLACE FUNCTION sitrep_store_changed() RETURNS trigger AS $$
BEGIN
    IF current_setting('sitrep.store_changed', true) = txid_current()::text THEN
        RETURN NULL;  -- counted already in this transaction
    END IF;
    INSERT INTO store_version (id, version) VALUES (1, {PG_NOW})
        ON CONFLICT (id) DO UPDATE SET version = store_version.version + 1;
    PERFORM set_config('sitrep.store_changed', txid_current()::text, true);
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""
EVERY = f"""
CREATE OR REPLACE FUNCTION sitrep_store_changed() RETURNS trigger AS $$
BEGIN
    INSERT INTO store_version (id, version) VALUES (1, {PG_NOW})
        ON CONFLICT (id) DO UPDATE SET version = store_version.version + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(ONCE)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(EVERY)
