"""Learned actor knowledge: what articles teach about people, kept apart from the shipped base.

When an article says "Syrian President Bashar al-Assad", the pipeline remembers Assad → SYR, GOV,
"President", with the first and last publication dates it was seen, so that a later article's bare
"Assad said" is coded. Entries live in their own table (``learned_actors``); a user can list and
correct them (``sitrep actors``); a corrected entry is never overwritten by later articles.

The lead's Alembic migration creates the table from :data:`learned_actors` (on :data:`metadata`),
or from ``learned_actors_table(other_metadata)``.
"""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    Row,
    String,
    Table,
    and_,
    insert,
    select,
    update,
)
from sqlalchemy.exc import InterfaceError, OperationalError

from ..errors import StoreError
from .coding import Candidate
from .kb import KBEntry
from .names import fold, surname_key

metadata = MetaData()


def learned_actors_table(meta: MetaData) -> Table:
    """The ``learned_actors`` table on the given MetaData (for the Alembic migration)."""
    return Table(
        "learned_actors", meta,
        Column("name_key", String(256), primary_key=True, doc="folded full name, e.g. 'bashar al-assad'"),
        Column("surname_key", String(128), index=True, nullable=False, doc="folded surname, e.g. 'assad'"),
        Column("name", String(256), nullable=False, doc="canonical name as first written"),
        Column("country", String(16), doc="ISO alpha-3 or IGO code"),
        Column("sectors", String(64), nullable=False, default="", doc="comma-separated CAMEO sectors"),
        Column("title", String(128), doc="role or title, e.g. 'President'"),
        Column("first_seen", String(10), doc="publication date of the first article that taught it"),
        Column("last_seen", String(10), doc="publication date of the latest such article"),
        Column("count", Integer, nullable=False, default=1),
        Column("corrected", Boolean, nullable=False, default=False, doc="set by a user; never overwritten"),
    )


learned_actors = learned_actors_table(metadata)


@dataclass(frozen=True)
class LearnedEntry:
    name_key: str
    name: str
    country: str | None
    sectors: tuple[str, ...]
    title: str | None
    first_seen: str | None
    last_seen: str | None
    count: int
    corrected: bool

    def as_kb(self) -> KBEntry:
        return KBEntry(id=self.name_key, name=self.name, country=self.country, sectors=self.sectors,
                       kind="person", title=self.title, valid_from=None, valid_to=None, source="learned")


def _entry(row: Row[Any]) -> LearnedEntry:
    m = row._mapping
    return LearnedEntry(m["name_key"], m["name"], m["country"], tuple(s for s in m["sectors"].split(",") if s),
                        m["title"], m["first_seen"], m["last_seen"], m["count"], m["corrected"])


def teachable(cand: Candidate) -> bool:
    """A person named with a title and a country the article states ("Syrian President Bashar
    al-Assad"), not already in the shipped base, and with at least two words in the name."""
    return (cand.kind == "person" and cand.kb is None and cand.title is not None and cand.country is not None
            and not cand.needs_context and bool(cand.person_name) and " " in (cand.person_name or ""))


@contextmanager
def reachable(what: str) -> Iterator[None]:
    """A database that cannot be reached (stopped, restarting, the connection lost) is a store error for the
    document being analysed, not a bug in the stage that asked (E402): the document can be tried again."""
    try:
        yield
    except (OperationalError, InterfaceError) as exc:
        reason = " ".join(str(exc.orig or exc).split())[:200]
        raise StoreError(f"cannot {what}: the database cannot be reached ({reason})",
                         "try again once the database answers (`sitrep retry` retries failed documents)",
                         code="E504") from None


class LearnedKB:
    """The learned store on a SQLAlchemy engine; creates its table if missing."""

    def __init__(self, engine: Engine):
        self.engine = engine
        metadata.create_all(engine, tables=[learned_actors])

    # ---------------------------------------------------------------- reading
    def get(self, name: str) -> LearnedEntry | None:
        with reachable("read the learned actors"), self.engine.connect() as conn:
            row = conn.execute(select(learned_actors).where(learned_actors.c.name_key == fold(name))).first()
        return _entry(row) if row else None

    def lookup(self, name: str, date: str | None = None, *, allow_surname: bool = True) -> KBEntry | None:
        """The learned person a full name, or an unambiguous surname, refers to."""
        entry = self.get(name)
        if entry is None and allow_surname and " " not in name.strip() and name[:1].isupper():
            with reachable("read the learned actors"), self.engine.connect() as conn:
                rows = conn.execute(select(learned_actors).where(
                    learned_actors.c.surname_key == surname_key(name)).limit(2)).all()
            entry = _entry(rows[0]) if len(rows) == 1 else None
        return entry.as_kb() if entry else None

    def list(self, contains: str | None = None) -> list[LearnedEntry]:
        query = select(learned_actors).order_by(learned_actors.c.name_key)
        if contains:
            query = query.where(learned_actors.c.name_key.contains(fold(contains)))
        with self.engine.connect() as conn:
            return [_entry(r) for r in conn.execute(query)]

    # ---------------------------------------------------------------- writing
    def remember(self, cands: Iterable[Candidate], published: str | None) -> int:
        """Store what an article teaches; returns how many entries were added or refreshed."""
        seen = published[:10] if published else Date.today().isoformat()
        taught = {fold(c.person_name or c.name): c for c in cands if teachable(c)}
        with reachable("store the learned actors"), self.engine.begin() as conn:
            for key, cand in taught.items():
                self._upsert(conn, key, cand, seen)
        return len(taught)

    def _upsert(self, conn: Connection, key: str, cand: Candidate, seen: str) -> None:
        table = learned_actors
        row = conn.execute(select(table).where(table.c.name_key == key)).first()
        values = {"country": cand.country, "sectors": ",".join(cand.sectors), "title": cand.title}
        if row is None:
            conn.execute(insert(table).values(
                name_key=key, surname_key=surname_key(cand.person_name or cand.name), name=cand.person_name,
                first_seen=seen, last_seen=seen, count=1, corrected=False, **values))
            return
        entry = _entry(row)
        changes: dict[str, object] = {"count": entry.count + 1,
                                      "first_seen": min(entry.first_seen or seen, seen),
                                      "last_seen": max(entry.last_seen or seen, seen)}
        if not entry.corrected and seen >= (entry.last_seen or ""):
            changes.update(values)  # the latest article's title wins (people change office)
        conn.execute(update(table).where(table.c.name_key == key).values(**changes))

    def correct(self, name: str, *, country: str | None = None, sectors: builtins.list[str] | None = None,
                title: str | None = None, canonical: str | None = None) -> LearnedEntry:
        """Set fields of a learned entry by hand and mark it corrected; KeyError if it is unknown."""
        changes: dict[str, object] = {"corrected": True}
        for column, value in (("country", country), ("title", title), ("name", canonical)):
            if value is not None:
                changes[column] = value
        if sectors is not None:
            changes["sectors"] = ",".join(s.upper() for s in sectors)
        with self.engine.begin() as conn:
            done = conn.execute(update(learned_actors).where(
                and_(learned_actors.c.name_key == fold(name))).values(**changes))
        if not done.rowcount:
            raise KeyError(name)
        entry = self.get(name)
        assert entry is not None
        return entry

    def forget(self, name: str) -> bool:
        with self.engine.begin() as conn:
            done = conn.execute(learned_actors.delete().where(learned_actors.c.name_key == fold(name)))
        return bool(done.rowcount)
