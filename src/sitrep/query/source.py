"""Opening a store to read: a database that does not exist is an error, never an empty result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.engine import make_url

from ..errors import ConfigError
from ..store.db import database_url, migrate, open_engine
from ..store.tables import StoreVersion


def sqlite_path(target: str) -> Path | None:
    """The file behind a SQLite target (None for another database or an in-memory one)."""
    url = make_url(database_url(target))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def open_reader(target: str, **options: Any) -> Engine:
    """An engine on an existing store, migrated to the newest schema (E220 when the file is missing)."""
    path = sqlite_path(target)
    if path is not None and not path.is_file():
        raise ConfigError(f"no database at {target!r}", "check the path, or create it with "
                          f"`sitrep ingest FILES --db {target}` (or `make demo` for sitrep.db)", code="E220")
    engine = open_engine(target, **options)
    migrate(engine)
    return engine


def store_version(conn: Connection) -> int | None:
    """The store's change counter (migration 0008): it goes up with every committed write to documents,
    events, actors or merged events, by any process. Read it before the query whose answer is kept.
    None when its row is gone (someone emptied the table): then nothing may be served from a cache."""
    version = conn.execute(_VERSION).scalar()
    return None if version is None else int(version)


_VERSION = select(StoreVersion.version).where(StoreVersion.id == 1)
