"""The merge as the store's after-save hook: run after the document is stored, in (published, content_hash)
order, document text read by primary key."""

from __future__ import annotations

from sqlalchemy import select

from sitrep.merge import merge_after_save, metadata
from sitrep.merge.tables import document_copies, event_mentions
from sitrep.models import Document
from sitrep.store import Store

from .builders import record

TEXT = ("Russian artillery shelled residential districts of Kharkiv on Monday, killing five people, the "
        "regional governor said, as rescue teams searched the rubble of two apartment blocks overnight.")


def test_store_hook_merges_and_records_copies(tmp_path):
    store = Store(str(tmp_path / "store.db"))
    metadata.create_all(store.engine)  # the lead's migration includes these tables
    store.after_save.append(merge_after_save)
    store.save(Document(id="wire", text=TEXT), record("wire"))
    # the reprint came out a day later, so it is the copy whichever is stored first
    store.save(Document(id="copy", text=TEXT + " Updated."), record("copy", outlet="Reprinter", published="2024-03-06"))
    store.save(Document(id="other", text="A different report altogether about Kharkiv on Monday."),
               record("other", outlet="Other", killed=6))
    with store.engine.connect() as conn:
        mentions = conn.execute(select(event_mentions.c.document_id, event_mentions.c.canonical_id)).all()
        copies = conn.execute(select(document_copies.c.document_id, document_copies.c.copy_id)).all()
    store.close()
    assert copies == [("wire", "copy")]
    assert sorted(m.document_id for m in mentions) == ["other", "wire"]
    assert len({m.canonical_id for m in mentions}) == 1
