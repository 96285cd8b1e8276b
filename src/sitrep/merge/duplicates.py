"""Near-duplicate documents (wire copies, re-publications, updated versions) by MinHash and LSH.

Each text is reduced to a 128-value MinHash signature over its five-word shingles; the signature is
cut into 16 bands of 8 values and each band hashed. The band hashes are stored in
``document_bands`` (indexed by hash), so finding a new text's candidates is one indexed
query however many documents are stored, and the index needs no rebuilding after a restart. A
candidate is a near-duplicate when the estimated Jaccard similarity of the shingle sets is at least
:data:`SIMILARITY` (the bands make a pair at that similarity a candidate with probability > 0.99).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Final

import numpy as np
from datasketch import MinHash
from sqlalchemy import Connection, bindparam, insert, select

from .tables import document_bands, document_copies, document_signatures

NUM_PERM = 128
BANDS, ROWS = 16, 8
SHINGLE_WORDS = 5
SIMILARITY = 0.8
SCHEME: Final = "affine32"  # datasketch's hashing scheme; stored signatures depend on it
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """Five-word shingles of the lower-cased words (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """A MinHash for seed 1 whose permutations every text reuses (computing them costs a millisecond)."""
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)


def signature(text: str) -> np.ndarray:
    template = _template()
    minhash = MinHash(num_perm=NUM_PERM, seed=1, permutations=template.permutations, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash.hashvalues.astype(np.uint64)


def band_hashes(sig: np.ndarray) -> list[int]:
    """One signed 64-bit hash per band, to fit a BIGINT column."""
    out = []
    for band in range(BANDS):
        chunk = sig[band * ROWS:(band + 1) * ROWS].tobytes()
        out.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little", signed=True))
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


_BANDS = select(document_bands).where(document_bands.c.hash.in_(bindparam("hashes", expanding=True)))
_SIGNATURES = select(document_signatures).where(
    document_signatures.c.document_id.in_(bindparam("ids", expanding=True)))


def _best_candidate(conn: Connection, sig: np.ndarray) -> tuple[str, float] | None:
    wanted = set(enumerate(band_hashes(sig)))
    rows = conn.execute(_BANDS, {"hashes": [h for _, h in wanted]})
    ids = sorted({r.document_id for r in rows if (r.band, r.hash) in wanted})
    if not ids:
        return None
    best: tuple[str, float] | None = None
    for row in conn.execute(_SIGNATURES, {"ids": ids}):
        score = similarity(sig, np.frombuffer(row.signature, dtype=np.uint64))
        if score >= SIMILARITY and (best is None or score > best[1]):
            best = (row.document_id, score)
    return best


def find_near_duplicate(conn: Connection, text: str) -> str | None:
    """The id of a stored document this text nearly duplicates, or None."""
    found = _best_candidate(conn, signature(text))
    return found[0] if found else None


def register_document(conn: Connection, document_id: str, text: str, *, url: str | None = None,
                      outlet: str | None = None, published: str | None = None) -> str | None:
    """Index a new text, or record it as a copy of the document it nearly duplicates (whose id is returned)."""
    sig = signature(text)
    found = _best_candidate(conn, sig)
    if found is not None and found[0] != document_id:
        conn.execute(insert(document_copies), {"document_id": found[0], "copy_id": document_id, "url": url,
                                               "outlet": outlet, "published": published,
                                               "similarity": round(found[1], 3)})
        return found[0]
    if found is None:
        conn.execute(insert(document_signatures), {"document_id": document_id, "signature": sig.tobytes()})
        conn.execute(insert(document_bands), [{"band": i, "hash": h, "document_id": document_id}
                                              for i, h in enumerate(band_hashes(sig))])
    return None
