"""The same documents in any order give the same canonical events, claims and ceasefires (issue 16, item 5).

The store merges documents in (published, content_hash) order whatever order they arrive in: a document
that sorts before ones already merged makes the store undo their merging and merge them again after it.
The dev set's articles are stored in shuffled orders, one at a time (each save merges at once, the
worst case for replays), into new databases whose merged tables must be identical.
"""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

from sitrep.merge import merge_after_save
from sitrep.merge.tables import (
    canonical_events,
    ceasefire_violations,
    ceasefires,
    claims,
    document_copies,
    event_mentions,
    figures,
)
from sitrep.models import Document
from sitrep.store import Store

from .devset import load, record_of


def _merged_state(store: Store) -> dict[str, list]:
    def rows(table, *drop):
        keep = [c for c in table.c if c.name not in drop]
        with store.engine.connect() as conn:
            return sorted(repr(tuple(r)) for r in conn.execute(select(*keep)))

    return {"events": rows(canonical_events), "mentions": rows(event_mentions, "pk"),
            "claims": rows(claims, "pk", "mention_pk"), "ceasefires": rows(ceasefires),
            "violations": rows(ceasefire_violations, "pk"), "figures": rows(figures, "pk"),
            "copies": rows(document_copies, "pk")}


def _store_in_order(path: str, articles: list[dict]) -> Store:
    store = Store(path, after_save=[merge_after_save])
    for article in articles:
        store.save(Document(id=article["id"], text=article["text"]), record_of(article))
    return store


@pytest.mark.parametrize("seed", [1, 2])
def test_shuffled_arrivals_merge_alike(tmp_path, seed):
    articles = load()["articles"]
    in_order = sorted(articles, key=lambda a: (a["published"], a["id"]))
    reference = _merged_state(_store_in_order(str(tmp_path / "ordered.db"), in_order))
    assert reference["events"] and reference["claims"] and reference["ceasefires"]
    shuffled = list(articles)
    random.Random(seed).shuffle(shuffled)
    assert shuffled != in_order
    assert _merged_state(_store_in_order(str(tmp_path / f"shuffled{seed}.db"), shuffled)) == reference


def test_reversed_arrivals_merge_alike_when_merged_once_at_the_end(tmp_path):
    articles = sorted(load()["articles"], key=lambda a: (a["published"], a["id"]))
    reference = _merged_state(_store_in_order(str(tmp_path / "ordered.db"), articles))
    store = Store(str(tmp_path / "batch.db"), after_save=[merge_after_save])
    for article in reversed(articles):
        store.save(Document(id=article["id"], text=article["text"]), record_of(article), merge=False)
    assert store.merge_pending() == len(articles)  # one merge each, no replay
    assert _merged_state(store) == reference
