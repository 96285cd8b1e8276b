"""Across articles: one record per real event with every source kept, claims, ceasefires, figures.

    merge_record(engine_or_connection, document_id, record, text=...) -> MergeOutcome
        near-duplicate check (duplicates.py) → per event report: view (mentions.py) → candidates by
        kind and day (canonical.py) → decision with reasons (decide.py) → attach, claims (claims.py),
        figures (figures.py) → ceasefire records and violation links (ceasefires.py)
    merge_after_save(conn, pk, record): the same as the store's after-save hook (reads id and text by pk)
    find_near_duplicate(conn, text) -> document id | None
    metadata: the SQLAlchemy tables (tables.py), included in the store's migration

docs/merge.md describes the rules and the measured figures.
"""

from .duplicates import find_near_duplicate, register_document
from .incremental import MergeOutcome, Placement, forget_document, merge_after_save, merge_record
from .tables import metadata

__all__ = ["MergeOutcome", "Placement", "find_near_duplicate", "forget_document", "merge_after_save",
           "merge_record", "metadata", "register_document"]
