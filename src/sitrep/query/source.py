"""Opening a store to read: a database that does not exist is an error, never an empty result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from ..errors import ConfigError
from ..store.db import database_url, migrate, open_engine


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
