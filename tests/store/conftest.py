"""Databases for storage tests: a fresh SQLite file, and a fresh PostgreSQL database per session."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from tests.conftest import IN_CI

PG_ADMIN_URL = os.environ.get("SITREP_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
# The session's database is named PREFIX_<random>: on a server shared with other work, a prefix of one's own
PG_PREFIX = os.environ.get("SITREP_TEST_PG_PREFIX", "sitrep_test")


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A new, empty PostgreSQL database, dropped at the end of the session."""
    try:
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            name = f"{PG_PREFIX}_{uuid.uuid4().hex[:10]}"
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError as exc:
        reason = f"PostgreSQL not reachable at {PG_ADMIN_URL}: {str(exc).splitlines()[0]}"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    yield url
    create_engine(url).dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request, tmp_path) -> str:
    """A SQLite file of its own, or the session's PostgreSQL database emptied for this test."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    url = request.getfixturevalue("pg_url")
    wipe(url)
    return url


def wipe(target: str) -> None:
    """Empty sitrep's tables (cascading to every table that refers to documents)."""
    from sitrep.store import Store

    store = Store(target)
    with store.engine.begin() as conn:
        if store.engine.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE documents CASCADE"))
        else:
            conn.execute(text("DELETE FROM documents"))
    store.close()


def wipe_all(target: str) -> None:
    """Empty every table sitrep keeps, the merged records too (the API tests start from nothing)."""
    from sitrep.store import Store

    store = Store(target)
    with store.engine.begin() as conn:
        tables = [r[0] for r in conn.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version' "
            "AND tablename <> 'spatial_ref_sys'"))]
        conn.execute(text(f"TRUNCATE {', '.join(tables)} CASCADE"))
    store.close()


def to_revision(engine, revision: str) -> None:
    """Bring the store behind ``engine`` to migration ``revision``: down to it first when the database already has
    migrations (the session's PostgreSQL database is at the newest), then up to it."""
    from importlib import resources

    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from sitrep.store.db import writer_of

    config = Config()
    config.set_main_option("script_location", str(resources.files("sitrep.store") / "migrations"))
    with writer_of(engine).begin() as conn:
        config.attributes["connection"] = conn
        if inspect(conn).has_table("alembic_version"):
            command.downgrade(config, revision)
        command.upgrade(config, revision)
