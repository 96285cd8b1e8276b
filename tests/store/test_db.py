"""The store writes documents once, in one transaction, and reads back exactly what it wrote."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from sitrep.errors import StoreError
from sitrep.models import (
    AcledCode,
    Actor,
    Document,
    DocumentRecord,
    Event,
    EventDate,
    EventPlace,
    Mention,
    PloverCode,
    Span,
)
from sitrep.query import list_events, parse_filter
from sitrep.store import Store
from sitrep.store.tables import DocumentRow, EventRow

from .conftest import wipe


def _record(doc: Document, plover: str = "ASSAULT", day: str = "2020-01-10", place: str = "Idlib") -> DocumentRecord:
    actor = Actor(id="a1", name="Russian jets", country="RUS", sectors=["MIL"], code="RUSMIL",
                  mentions=[Mention(start=0, end=5, text=doc.text[0:5])])
    event = Event(
        id="e1", plover=PloverCode(type=plover), cameo="195",
        acled=AcledCode(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"),
        sources=["a1"], date=EventDate(value=day, start=f"{day}T00:00", end=f"{day}T23:59", precision=1),
        place=EventPlace(name=place, lat=35.9, lon=36.6, precision=3, country="SY"),
        evidence=[Span(start=0, end=5, text=doc.text[0:5])],
    )
    return DocumentRecord(id=doc.id, content_hash=doc.content_hash, actors=[actor], events=[event])


def _events(store: Store, **filters: str) -> list[dict]:
    """Through the query layer every face reads with (sitrep.query)."""
    with store.engine.connect() as conn:
        return list_events(conn, parse_filter(limit=None, **filters)).items


def _ids(store: Store, **filters: str) -> list[str]:
    return [item["document"]["id"] for item in _events(store, **filters)]


def _count(store: Store, table) -> int:
    with Session(store.engine) as session:
        return session.scalar(select(func.count()).select_from(table))


def test_same_content_is_stored_once(db_target):
    store = Store(db_target)
    doc = Document(id="one", text="Jets struck the town.")
    again = Document(id="two", text="Jets struck   the town.\n")  # same words, other spacing
    assert store.save(doc, _record(doc)).stored
    outcome = store.save(again, _record(again))
    assert not outcome.stored
    assert _count(store, DocumentRow) == 1
    assert _count(store, EventRow) == 1
    store.close()


def test_event_filters(db_target):
    store = Store(db_target)
    for i, (plover, day, place) in enumerate([("ASSAULT", "2020-01-10", "Idlib"), ("AGREE", "2020-01-12", "Ankara")]):
        doc = Document(id=f"d{i}", text=f"Words number {i} here.")
        store.save(doc, _record(doc, plover, day, place))
    assert [i["plover"]["type"] for i in _events(store, type="agree")] == ["AGREE"]
    assert _ids(store, since="2020-01-11") == ["d1"]
    assert _ids(store, since="2020-01-12") == ["d1"]
    assert _ids(store, since="2020-01-13") == []
    assert _ids(store, until="2020-01-10") == ["d0"]
    assert _ids(store, place="idl") == ["d0"]
    assert len(_ids(store, actor="RUSMIL")) == 2
    assert _ids(store, actor="nobody") == []
    store.close()


def test_failed_hook_leaves_nothing_half_written(tmp_path):
    """The document is stored whole and marked not merged; the hook's transaction is rolled back, and
    the next writer merges it (Store.merge_pending)."""
    calls = []

    def broken(conn, pk, record):
        calls.append(pk)
        if len(calls) == 1:
            conn.execute(text("INSERT INTO failed_documents (key, name, code, reason, attempts) "
                              "VALUES ('k', 'n', 'E0', 'r', 1)"))
            conn.execute(text("SELECT no_such_column FROM documents"))

    store = Store(str(tmp_path / "s.db"), after_save=[broken])
    doc = Document(id="x", text="Some text.")
    with pytest.raises(StoreError, match="cannot merge stored documents.*nothing of it was written"):
        store.save(doc, _record(doc))
    assert _count(store, DocumentRow) == 1 and _count(store, EventRow) == 1
    with Session(store.engine) as session:
        assert session.scalar(select(DocumentRow.merged)) is False
        assert session.scalar(select(func.count()).select_from(text("failed_documents"))) == 0
    assert store.merge_pending() == 1
    with Session(store.engine) as session:
        assert session.scalar(select(DocumentRow.merged)) is True
    assert calls == [1, 1]


def test_unreachable_database_is_a_store_error():
    with pytest.raises(StoreError, match="cannot prepare database"):
        Store("postgresql://nobody@127.0.0.1:1/none")


words = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=5,
                max_size=200)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text_=words, title=st.none() | words, pub=st.none() | st.dates().map(lambda d: d.isoformat()))
def test_records_read_back_unchanged(db_target, text_, title, pub):
    wipe(db_target)
    store = Store(db_target)
    doc = Document(id="p", text=text_, title=title, published=pub, published_source="metadata" if pub else None)
    record = _record(doc).model_copy(update={"title": title})
    store.save(doc, record)
    stored = {r.content_hash: r for r in store.documents()}
    assert stored[doc.content_hash] == record
    store.close()


def test_since_counts_events_dated_only_by_their_start(tmp_path):
    store = Store(str(tmp_path / "s.db"))
    doc = Document(id="start-only", text="Troops clashed.")
    record = _record(doc)
    event = record.events[0].model_copy(update={"date": EventDate(value="2024-02-09", start="2024-02-09",
                                                                   precision=2, source="report_date")})
    store.save(doc, record.model_copy(update={"events": [event]}))
    assert _ids(store, since="2024-01-01") == ["start-only"]
    assert _ids(store, since="2024-02-10") == []
    assert _ids(store, until="2024-02-09") == ["start-only"]


def test_one_id_with_two_contents_is_reported_not_stored_twice(db_target):
    store = Store(db_target)
    first = Document(id="wire-1", text="Jets struck the town.")
    second = Document(id="wire-1", text="Rebels shelled the village.")
    assert store.save(first, _record(first)).stored
    with pytest.raises(StoreError) as caught:
        store.save(second, _record(second))
    assert caught.value.code == "E506" and "wire-1" in str(caught.value)
    assert _count(store, DocumentRow) == 1
    store.close()


def test_a_merge_bug_fails_that_document_only_and_retry_merges_it_again(tmp_path):
    """A hook that raises for one document: that document is kept as failed (E505), the others are
    merged, and unmarking it (what `sitrep retry` does) merges it again once the bug is gone."""
    seen: list[str] = []
    broken = {"b"}

    class Hook:
        def __call__(self, conn, pk, record):
            if record.id in broken:
                raise KeyError("no such place")
            seen.append(record.id)

        def undo(self, conn, pk, record):
            seen.remove(record.id)

    store = Store(str(tmp_path / "s.db"), after_save=[Hook()])
    for name in ("a", "b", "c"):
        doc = Document(id=name, text=f"Jets struck the town {name}.")
        store.save(doc, _record(doc).model_copy(update={"id": name}))
    assert sorted(seen) == ["a", "c"]
    (failure,) = store.failures()
    assert failure.code == "E505" and failure.key.startswith("merge:") and "KeyError" in failure.reason
    broken.clear()
    store.unmark_merged(failure.key.removeprefix("merge:"))
    store.merge_pending()
    assert sorted(seen) == ["a", "b", "c"] and store.failures() == []
    store.close()
