"""The output folder of a batch run: one Parquet file per table and partition, written so that a partition
is either wholly there or redone.

    OUT/documents/part-00000.parquet   OUT/events/part-00000.parquet   … (actors, places, times)
    OUT/_done/part-00000.json          written last: the partition's fingerprint and counts
    OUT/_batch.json                    the run's settings (partition size, sitrep version)
    OUT/_SUCCESS                       when every partition of the last run is done

A partition's files are written under OUT/_tmp and moved into place, then its marker is written. A
partition counts as done only when its marker names the same documents (the fingerprint of their ids
and content hashes) and all its files exist; anything else is written again under the same names, so a
partition redone after a worker died replaces what was there and is never counted twice.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import ConfigError
from ..models import Document, DocumentRecord
from ..version import __version__
from .schema import CHILDREN, SCHEMAS, TABLES, plain_rows


@dataclass(frozen=True)
class Item:
    """One input of a partition: a document, or the reason it could not be read."""

    seq: int
    document: Document | None
    error: str | None = None


@dataclass
class PartitionResult:
    index: int
    documents: int = 0
    events: int = 0
    failed: list[str] = field(default_factory=list)  # one line per document the pipeline failed on
    seconds: float = 0.0
    worker: str = ""
    peak_rss_mb: float = 0.0  # the worker process's peak resident memory when it finished the partition
    skipped: bool = False


def fingerprint(items: list[Item]) -> str:
    """What a partition holds: its documents' positions, ids and content hashes, and sitrep's version."""
    digest = hashlib.sha256(__version__.encode())
    for item in items:
        doc = item.document
        line = f"{item.seq}\t{doc.id}\t{doc.content_hash}\t{doc.published}" if doc else f"{item.seq}\t!{item.error}"
        digest.update(line.encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


class BatchOutput:
    """The folder a batch run writes, and reads back for `--load`."""

    def __init__(self, root: str | Path, partition_size: int):
        self.root = Path(root)
        self.partition_size = partition_size

    def prepare(self, inputs: list[str] | None = None) -> None:
        """Create the folder; refuse one written for other inputs or with another partition size (its
        partitions would not line up, and finishing the run would remove them)."""
        self.root.mkdir(parents=True, exist_ok=True)
        manifest = self.root / "_batch.json"
        earlier = json.loads(manifest.read_text(encoding="utf-8")) if manifest.exists() else {}
        if earlier and earlier.get("partition_size") != self.partition_size:
            size = earlier.get("partition_size")
            raise ConfigError(
                f"{self.root} holds a batch run with partitions of {size} documents, not {self.partition_size}",
                f"give --partition-size {size} to resume it, or another --out folder", code="E240")
        if earlier and inputs is not None and earlier.get("inputs") not in (None, inputs):
            raise ConfigError(
                f"{self.root} holds a batch run of other inputs ({' '.join(earlier['inputs'])})",
                "give the same inputs to resume it, or another --out folder", code="E241")
        _write_atomic(manifest, {"partition_size": self.partition_size, "version": __version__,
                                 "inputs": inputs if inputs is not None else earlier.get("inputs")})
        (self.root / "_SUCCESS").unlink(missing_ok=True)

    def marker(self, index: int) -> Path:
        return self.root / "_done" / f"part-{index:05d}.json"

    def is_done(self, index: int, print_: str) -> PartitionResult | None:
        """The recorded result of a partition already written for the same documents, else None."""
        try:
            recorded = json.loads(self.marker(index).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        files = all((self.root / t / part_name(index)).exists() for t in TABLES)
        if recorded.get("fingerprint") != print_ or not files:
            return None
        result = PartitionResult(**recorded["result"])
        result.skipped = True
        return result

    def write(self, index: int, print_: str, tables: dict[str, list[dict[str, Any]]], result: PartitionResult) -> None:
        """Write one partition's five files, then its marker."""
        staging = self.root / "_tmp" / f"{index:05d}-{uuid.uuid4().hex}"
        staging.mkdir(parents=True)
        try:
            for name in TABLES:
                pq.write_table(pa.Table.from_pylist(tables[name], schema=SCHEMAS[name]), staging / name)
            for name in TABLES:
                (self.root / name).mkdir(exist_ok=True)
                os.replace(staging / name, self.root / name / part_name(index))
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        _write_atomic(self.marker(index), {"fingerprint": print_, "result": asdict(result)})

    def finish(self, partitions: int) -> list[int]:
        """Remove partitions past the end (left by an earlier, longer input); mark the run complete."""
        stale = sorted({int(p.stem.split("-")[1]) for t in TABLES for p in (self.root / t).glob("part-*.parquet")
                        if int(p.stem.split("-")[1]) >= partitions})
        for index in stale:
            self.marker(index).unlink(missing_ok=True)
            for name in TABLES:
                (self.root / name / part_name(index)).unlink(missing_ok=True)
        shutil.rmtree(self.root / "_tmp", ignore_errors=True)
        (self.root / "_SUCCESS").write_text("", encoding="utf-8")
        return stale

    def partitions(self) -> list[int]:
        return sorted(int(p.stem.split("-")[1]) for p in (self.root / "documents").glob("part-*.parquet"))

    def read(self, index: int) -> list[tuple[int, Document, DocumentRecord]]:
        """The analysed documents of one partition, rebuilt from its files (failed inputs left out)."""
        tables = {name: plain_rows(pq.read_table(self.root / name / part_name(index))) for name in TABLES}
        children: dict[int, dict[str, list[dict[str, Any]]]] = {}
        for name in CHILDREN:
            for row in tables[name]:
                seq = row.pop("seq")
                row.pop("document_id")
                children.setdefault(seq, {}).setdefault(name, []).append(row)
        return [_rebuild(row, children.get(row["seq"], {})) for row in tables["documents"] if row["error"] is None]


def _rebuild(row: dict[str, Any], children: dict[str, list[dict[str, Any]]]) -> tuple[int, Document, DocumentRecord]:
    doc = Document(id=row["id"], text=row["text"], title=row["title"], url=row["url"], source=row["source"],
                   published=row["metadata_published"], published_source=row["metadata_published_source"],
                   origin=row["origin"], content_hash=row["content_hash"])
    fields = {k: row[k] for k in DocumentRecord.model_fields if k in row}
    record = DocumentRecord.model_validate({**fields, **children})
    return row["seq"], doc, record


def _write_atomic(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    temporary.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(temporary, path)
