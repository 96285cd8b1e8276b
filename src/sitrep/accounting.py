"""Every input document accounted for: stored (or analysed), skipped with its reason, or failed with its reason.

    in = stored + skipped + failed, always

`Ingest` carries documents from the readers through the pipeline into a store, one at a time, behind a
fault boundary: a document that fails (E1xx unreadable, E4xx not analysed, E5xx not stored) is kept in
the store's failed_documents table with its reason, for `sitrep retry`, and the run goes on; only a
broken setup (E2xx setting, E3xx missing model or gazetteer) ends it. A document whose content is
already stored is skipped before analysis (content hash first), so a re-run after a kill does only
what is left. Merging across articles runs once, at the end (Store.merge_pending).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError, InputError, ResourceError, SitrepError, Skipped, StoreError
from .models import Document, DocumentRecord

SKIP_REASONS = {"E701": "other language", "E702": "already stored", "E703": "duplicate in this run"}
Report = Callable[[str], None]


@dataclass
class Tally:
    done: int = 0                                     # stored (ingest) or analysed (analyze)
    skipped: Counter[str] = field(default_factory=Counter)  # reason → count
    failed: int = 0
    events: int = 0
    weak_published: int = 0  # documents whose inferred publication date was too unsure to date events

    def count(self, record: DocumentRecord, threshold: float, events: int | None = None) -> None:
        """One more document done, with its events (`events`: as many as were stored, when not all of them);
        noted when its publication date was too unsure to date events by."""
        self.done += 1
        self.events += len(record.events) if events is None else events
        if record.published is not None and not record.published.trusted(threshold):
            self.weak_published += 1

    def warning(self, threshold: float) -> str | None:
        """The run's one line about publication dates too unsure to date events, if any document had one."""
        if not self.weak_published:
            return None
        return (f"warning: {self.weak_published} document(s) had no publication date and the one inferred from "
                f"the text has confidence below {threshold:g} (published_min_confidence); their events told "
                f"relative to it are left undated (pass --published to date them)")

    @property
    def total(self) -> int:
        return self.done + sum(self.skipped.values()) + self.failed

    def summary(self, verb: str) -> str:
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
        skipped = f"{sum(self.skipped.values())} skipped" + (f" ({reasons})" if reasons else "")
        return f"{self.total} documents in: {self.done} {verb}, {skipped}, {self.failed} failed"


def fatal(error: SitrepError) -> bool:
    """Errors that no other document would escape (a bad setting, a missing model): they end the run."""
    return isinstance(error, ConfigError | ResourceError)


def input_path(name: str) -> str | None:
    """The file an input error's name points to ("feed.xml#3", "a.jsonl:17" → the file), if it exists."""
    for candidate in (name, name.split(": ", 1)[0], re.sub(r"(?:#\d+|:\d+)$", "", name)):
        if candidate and os.path.isfile(candidate):
            return os.path.abspath(candidate)
    return None


class Ingest:
    """Analyse and store documents, counting each outcome; `report` gets one line per failure or skip."""

    def __init__(self, pipeline: Any, store: Any, report: Report):
        self.pipeline, self.store, self.report = pipeline, store, report
        self.tally = Tally()
        self.seen: dict[str, str] = {}    # content hash → id, this run
        self.failed_keys: set[str] = set()

    def take(self, item: Document | InputError) -> None:
        if isinstance(item, InputError):
            self._failed(item, f"input:{item.name}", item.name, path=input_path(item.name))
            return
        first = self.seen.get(item.content_hash)
        self.seen.setdefault(item.content_hash, item.id)
        if first is not None:
            self._skip(Skipped(f"{item.id}: same content as {first}, earlier in this run", code="E703"), quiet=True)
        elif (stored := self.store.stored_as(item.content_hash)) is not None:
            self._skip(Skipped(f"{item.id}: already stored as {stored}", code="E702"), quiet=True)
        else:
            self._analyse_and_store(item)

    def _analyse_and_store(self, document: Document) -> None:
        try:
            record = self.pipeline.record(document)
            outcome = self.store.save(document, record, merge=False)
        except Skipped as exc:
            self._skip(exc)
            return
        except SitrepError as exc:
            if fatal(exc):
                raise
            self._failed(exc, f"doc:{document.content_hash}", document.id, document=document)
            return
        except Exception as exc:  # the fault boundary: a bug while storing one document fails it alone
            self._failed(StoreError(f"{document.id}: cannot be stored: {type(exc).__name__}: "
                                    f"{' '.join(str(exc).split())[:300]}",
                                    "this is a bug in sitrep; please report it with the document", code="E507"),
                         f"doc:{document.content_hash}", document.id, document=document)
            return
        if outcome.stored:
            self.tally.count(record, self.pipeline.settings.published_min_confidence, outcome.events)
        else:  # another writer stored the same content while this one was analysing it
            self._skip(Skipped(f"{document.id}: already stored", code="E702"), quiet=True)

    def _skip(self, reason: Skipped, quiet: bool = False) -> None:
        self.tally.skipped[SKIP_REASONS.get(reason.code, reason.code)] += 1
        if not quiet:
            self.report(f"skipped {reason}")

    def _failed(self, error: SitrepError, key: str, name: str, path: str | None = None,
                document: Document | None = None) -> None:
        self.tally.failed += 1
        self.failed_keys.add(key)
        self.report(f"failed {error}")
        self.store.record_failure(key, name, error.code, str(error), path=path, document=document)

    def finish(self) -> int:
        """Merge what was stored (in merge order); returns the merge steps taken."""
        return int(self.store.merge_pending())


class Analyse:
    """The same accounting without a store: each analysed record goes to `emit`."""

    def __init__(self, pipeline: Any, report: Report):
        self.pipeline, self.report = pipeline, report
        self.tally = Tally()

    def records(self, items: Iterable[Document | InputError]) -> Iterable[DocumentRecord]:
        for item in items:
            record = self.take(item)
            if record is not None:
                yield record

    def take(self, item: Document | InputError) -> DocumentRecord | None:
        if isinstance(item, InputError):
            self._failed(item)
            return None
        try:
            record: DocumentRecord = self.pipeline.record(item)
        except Skipped as exc:
            self.tally.skipped[SKIP_REASONS.get(exc.code, exc.code)] += 1
            self.report(f"skipped {exc}")
            return None
        except SitrepError as exc:
            if fatal(exc):
                raise
            self._failed(exc)
            return None
        self.tally.count(record, self.pipeline.settings.published_min_confidence)
        return record

    def _failed(self, error: SitrepError) -> None:
        self.tally.failed += 1
        self.report(f"failed {error}")
