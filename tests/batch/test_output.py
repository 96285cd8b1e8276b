"""The Parquet output of a batch run: every field of the record contract, read back unchanged, read by
pandas, DuckDB and Polars; partitions done only when their marker matches; stale ones removed."""

from __future__ import annotations

import pytest

from sitrep.batch.output import BatchOutput, Item, PartitionResult, fingerprint
from sitrep.batch.schema import CHILDREN, SCHEMAS, child_rows, document_row
from sitrep.errors import ConfigError
from sitrep.models import (
    AcledCode,
    Actor,
    Attribution,
    Document,
    DocumentRecord,
    Event,
    EventDate,
    EventPlace,
    Interval,
    Mention,
    Place,
    PloverCode,
    Published,
    Quantity,
    Removed,
    Span,
    TimeExpression,
)

TEXT = "Rebels shelled Valdor on Sunday, killing 4 people and wounding at least 11, the governor said."


def _record(doc: Document) -> DocumentRecord:
    """A record with every optional field set, so that each one must survive the round trip."""
    event = Event(
        id="e1", plover=PloverCode(type="ASSAULT", mode="artillery"), cameo="195",
        acled=AcledCode(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
                        inter1=2, inter2=7, interaction=27),
        category="violence", sources=["a1"], targets=["a2"],
        place=EventPlace(name="Valdor", geonameid=123, lat=12.5, lon=-3.25, precision=1, country="XX", admin1="07",
                         source="sentence", start=15, end=21, text="Valdor"),
        date=EventDate(value="2024-05-05", start="2024-05-05T00:00", end="2024-05-06T00:00", precision=1,
                       time_start=22, time_end=31, text="on Sunday"),
        effective=EventDate(value="2024-05", precision=3, source="anchor"),
        modality="asserted", attribution=Attribution(actor="a3", text="the governor said", start=76, end=93),
        quantities={"killed": Quantity(best=4, text="4", start=41, end=42),
                    "injured": Quantity(best=11, low=11, high=None, text="at least 11", start=64, end=75)},
        instrument=Span(start=7, end=14, text="shelled"), trigger=Span(start=7, end=14, text="shelled"),
        evidence=[Span(start=0, end=94, text=TEXT)], confidence=0.8, field_confidence={"place": 0.9, "date": 0.7},
    )
    return DocumentRecord(
        id=doc.id, title="Shelling in Valdor", url="https://news.example/valdor", source="Example Wire",
        content_hash=doc.content_hash,
        published=Published(value="2024-05-06", source="inferred", confidence=0.6, reason="a rule said so",
                            evidence=[Span(start=22, end=31, text="on Sunday")]),
        removed=[Removed(start=0, end=0, reason="byline", text="", duplicate_of=None)],
        times=[TimeExpression(start=22, end=31, text="on Sunday", type="DATE", value="2024-05-05", granularity="day",
                              interval=Interval(start="2024-05-05T00:00", end="2024-05-06T00:00"), mod="APPROX",
                              anchor="publication", utc_offset="+02:00")],
        places=[Place(start=15, end=21, text="Valdor", name="Valdor", geonameid=123, gazetteer_id="g1", lat=12.5,
                      lon=-3.25, feature_class="P", feature_code="PPL", country="XX", admin1="07", precision=1,
                      role="location", confidence=0.75)],
        actors=[Actor(id="a1", name="Rebels", country="XXX", sectors=["REB"], code="XXXREB", kind="group",
                      title=None, acled_inter=2, acled_category="Rebel group", plover_type="REB", kb_id="k1",
                      confidence=0.7, mentions=[Mention(start=0, end=6, text="Rebels")])],
        events=[event],
    )


@pytest.fixture
def written(tmp_path):
    doc = Document(id="valdor-1", text=TEXT, title="Shelling in Valdor", published="2024-05-06",
                   published_source="metadata", origin="wire.jsonl:1")
    record = _record(doc)
    items = [Item(0, doc), Item(1, None, "skipped [E101] empty.txt: empty input (no text)")]
    tables = {name: [] for name in SCHEMAS}
    tables["documents"] = [document_row(0, 0, doc, record),
                           document_row(1, 0, None, DocumentRecord(id="#1", content_hash="", error=items[1].error))]
    for name, rows in child_rows(0, record).items():
        tables[name] = rows
    output = BatchOutput(tmp_path / "out", partition_size=2)
    output.prepare()
    output.write(0, fingerprint(items), tables, PartitionResult(0, documents=1, events=1))
    return output, doc, record, items


def test_every_field_of_the_record_contract_has_a_column():
    for name, model in CHILDREN.items():
        assert SCHEMAS[name].names == ["seq", "document_id", *model.model_fields]
    own = [f for f in DocumentRecord.model_fields if f not in CHILDREN]
    assert all(f in SCHEMAS["documents"].names for f in own)


def test_a_partition_reads_back_as_the_same_document_and_record(written):
    output, doc, record, _items = written
    [(seq, read_doc, read_record)] = output.read(0)  # the unreadable input is left out
    assert seq == 0 and read_record == record
    assert (read_doc.id, read_doc.text, read_doc.published, read_doc.content_hash) == (
        doc.id, doc.text, doc.published, doc.content_hash)


def test_pandas_duckdb_and_polars_read_the_tables(written):
    import duckdb
    import pandas as pd
    import polars as pl

    output, *_ = written
    root = output.root
    events = pd.read_parquet(root / "events")
    assert events.loc[0, "place"]["name"] == "Valdor" and dict(events.loc[0, "quantities"])["killed"]["best"] == 4
    killed = duckdb.sql(f"SELECT quantities['killed'].best, acled.interaction FROM read_parquet('{root}/events/*.parquet')")
    assert killed.fetchall() == [(4.0, 27)]
    documents = pl.read_parquet(root / "documents" / "*.parquet")
    assert documents["error"].to_list() == [None, "skipped [E101] empty.txt: empty input (no text)"]
    assert pl.read_parquet(root / "times" / "*.parquet")["interval"][0]["end"] == "2024-05-06T00:00"


def test_a_partition_is_done_only_for_the_same_documents_and_with_all_its_files(written):
    output, doc, _record, items = written
    assert output.is_done(0, fingerprint(items)).documents == 1
    changed = [Item(0, doc.model_copy(update={"text": TEXT + " More.", "content_hash": ""})), items[1]]
    assert output.is_done(0, fingerprint(changed)) is None
    (output.root / "places" / "part-00000.parquet").unlink()
    assert output.is_done(0, fingerprint(items)) is None


def test_another_partition_size_or_other_inputs_are_refused_and_stale_partitions_are_removed(written):
    output, *_ = written
    with pytest.raises(ConfigError, match="partition-size 2"):
        BatchOutput(output.root, partition_size=3).prepare()
    output.prepare(["archive/"])
    with pytest.raises(ConfigError, match=r"other inputs \(archive/\)"):
        BatchOutput(output.root, partition_size=2).prepare(["archve/"])  # a typo must not wipe the output
    output.prepare(["archive/"])
    for name in SCHEMAS:
        (output.root / name / "part-00000.parquet").rename(output.root / name / "part-00007.parquet")
    assert output.finish(partitions=1) == [7]
    assert not list(output.root.glob("*/part-00007.parquet")) and (output.root / "_SUCCESS").exists()
