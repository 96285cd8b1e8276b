"""A fixed dev/test split of every gold corpus, by a hash of the document id.

Rules are written from the dev part only; the test part reports how they do on text nobody read. A
document is in the test part when the first eight hex digits of SHA-256 over ``"sitrep-split:" + id`` are
0 modulo 5 (about one document in five). The split never changes: a new rule that gains on dev and loses
on test is fitted to dev, not better.

    split_of("doc-17")            → "dev" or "test"
    in_split("doc-17", "all")     → True
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

Split = Literal["dev", "test", "all"]
SPLITS: tuple[Split, ...] = ("dev", "test", "all")
TEST_SHARE = 5  # one document in TEST_SHARE is in the test part

T = TypeVar("T")


def split_of(doc_id: str) -> Literal["dev", "test"]:
    digest = hashlib.sha256(f"sitrep-split:{doc_id}".encode()).hexdigest()
    return "test" if int(digest[:8], 16) % TEST_SHARE == 0 else "dev"


def in_split(doc_id: str, split: Split) -> bool:
    return split == "all" or split_of(doc_id) == split


def select(items: Iterable[T], split: Split, doc_id: Callable[[T], str]) -> list[T]:
    """The items whose document is in the split, in their order (all of them, ids unread, for "all")."""
    if split == "all":
        return list(items)
    return [item for item in items if in_split(doc_id(item), split)]
