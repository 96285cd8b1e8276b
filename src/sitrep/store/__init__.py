"""Storage: SQLite by default, PostgreSQL by URL; Alembic migrations; one transaction per document.

Reading is the query layer's (sitrep.query), which the CLI, the API and the page share."""

from .db import SaveOutcome, Store, database_url

__all__ = ["SaveOutcome", "Store", "database_url"]
