"""Alembic environment: migrations run on the connection sitrep hands over (see store.db.migrate)."""

from alembic import context

from sitrep.store.tables import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("sitrep migrations run through sitrep.store.db.migrate(), which passes a connection")
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
