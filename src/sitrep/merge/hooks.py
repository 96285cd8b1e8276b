"""A store wired for merging across articles: after each document is saved, in merge order, the merge runs
(incremental.py) and each stored event row learns the merged event it joined (links.py); both can be undone,
so the store can replay merging when an earlier document arrives late (store.db: Store.merge_pending).

The CLI's `ingest` and the API's POST /documents open their store here.
"""

from __future__ import annotations

from ..settings import Settings
from ..store import Store
from ..store.db import AfterSave
from .incremental import merge_after_save
from .links import link_merged_events


def after_save_hooks(settings: Settings) -> list[AfterSave]:
    """What runs after each document is stored, in merge order: cross-article merging."""
    return [merge_after_save, link_merged_events]


def open_store(target: str, settings: Settings) -> Store:
    """The store at `target` (a SQLite file or a database URL), merging as it stores."""
    return Store(target, after_save=after_save_hooks(settings), timeout=settings.db_timeout)
