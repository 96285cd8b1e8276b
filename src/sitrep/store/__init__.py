"""Storage: SQLite by default, PostgreSQL by URL; Alembic migrations; one transaction per document."""

from .db import EventFilter, SaveOutcome, Store, StoredEvent, database_url

__all__ = ["EventFilter", "SaveOutcome", "Store", "StoredEvent", "database_url"]
