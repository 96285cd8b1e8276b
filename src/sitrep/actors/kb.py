"""The shipped actor knowledge base (data/actors_kb.tsv): people, organisations and armed groups.

Each row is one office or role with validity dates, so "Cameron" in a 2012 article is the prime
minister and in a 2024 article the foreign secretary. Names match exactly as written,
or case-insensitively when they have more than one word; a person's surname alone also matches
when only one person in the base carries it.
:class:`NameSource` looks a name up here, then in the learned store (learned.py).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import Protocol

from .names import fold, surname_key

_TABLE = "actors_kb.tsv"


@dataclass(frozen=True)
class KBEntry:
    id: str
    name: str
    country: str | None
    sectors: tuple[str, ...]
    kind: str
    title: str | None
    valid_from: str | None
    valid_to: str | None
    source: str = "shipped"
    acled: int | None = None  # ACLED's category where its codebook departs from the sectors (a rival government)

    def valid_on(self, date: str | None) -> bool:
        """True when the role was held on that ISO date (or when no date is known)."""
        if not date:
            return True
        day = date[:10]
        return (not self.valid_from or self.valid_from <= day) and (not self.valid_to or day < self.valid_to)


def _parse(line: str) -> tuple[KBEntry, list[str]]:
    cols = (line.split("\t") + [""] * 9)[:9]
    ident, names, country, sectors, kind, title, start, end, acled = cols
    aliases = [n for n in names.split("|") if n]
    entry = KBEntry(ident, aliases[0], country or None, tuple(s for s in sectors.split(",") if s),
                    kind or "organization", title or None, start or None, end or None,
                    acled=int(acled) if acled.strip().isdigit() else None)
    return entry, aliases


class ShippedKB:
    """Name → entries index over the shipped table; load once per process."""

    def __init__(self, text: str | None = None):
        if text is None:
            text = resources.files("sitrep").joinpath("data", _TABLE).read_text("utf-8")
        self.entries: list[KBEntry] = []
        self._exact: dict[str, list[KBEntry]] = defaultdict(list)
        self._folded: dict[str, list[KBEntry]] = defaultdict(list)
        self._surnames: dict[str, set[str]] = defaultdict(set)
        self._by_id: dict[str, list[KBEntry]] = defaultdict(list)
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                self._add(*_parse(line))

    def _add(self, entry: KBEntry, aliases: list[str]) -> None:
        self.entries.append(entry)
        self._by_id[entry.id].append(entry)
        for alias in aliases:
            self._exact[alias].append(entry)
            if " " in alias or "-" in alias:
                self._folded[fold(alias)].append(entry)
            if entry.kind == "person" and " " in alias and len(surname_key(alias)) > 2:
                self._surnames[surname_key(alias)].add(entry.id)

    def names(self) -> list[tuple[str, list[KBEntry]]]:
        """Every exact name with its entries."""
        return list(self._exact.items())

    def lookup(self, name: str, date: str | None = None, *, allow_surname: bool = True) -> KBEntry | None:
        """The entry a name refers to, preferring the role valid on ``date``."""
        rows = self._exact.get(name) or self._folded.get(fold(name))
        if not rows and allow_surname and " " not in name.strip() and name[:1].isupper():
            ids = self._surnames.get(surname_key(name), set())
            if len(ids) == 1:
                rows = self._by_id[next(iter(ids))]
        if not rows:
            return None
        return pick_role(rows, date)

    def holders(self, country: str, roles: frozenset[str], date: str | None) -> list[KBEntry]:
        """People who held one of ``roles`` in ``country`` on ``date`` (for "the Russian leader")."""
        return [e for e in self.entries
                if e.kind == "person" and e.country == country and e.title in roles and e.valid_on(date)]


def pick_role(rows: list[KBEntry], date: str | None) -> KBEntry:
    """The row valid on the date; else the last role ended before it; else the first role.

    A role that has ended is not turned into "former" (CAMEO ELI) here: articles often tell of
    what a person did in office. Only the article's own words ("former", "ousted") do that.
    """
    valid = [e for e in rows if e.valid_on(date)]
    if valid:
        return valid[-1]
    ended = [e for e in rows if date and e.valid_to and e.valid_to <= date[:10]]
    if ended:
        return max(ended, key=lambda e: e.valid_to or "")
    return min(rows, key=lambda e: e.valid_from or "")


class NameLookup(Protocol):
    """Anything that finds the knowledge-base entry a name refers to (the learned store)."""

    def lookup(self, name: str, date: str | None = None, *, allow_surname: bool = True) -> KBEntry | None: ...


class NameSource:
    """Looks names up in the shipped knowledge base, then in the learned one (if any)."""

    def __init__(self, shipped: ShippedKB, learned: NameLookup | None = None):
        self.shipped = shipped
        self.learned = learned

    def lookup(self, name: str, date: str | None, *, allow_surname: bool = True) -> KBEntry | None:
        entry = self.shipped.lookup(name, date, allow_surname=allow_surname)
        if entry is None and self.learned is not None:
            entry = self.learned.lookup(name, date, allow_surname=allow_surname)
        return entry
