"""The Parquet tables of a batch run, their Arrow schemas drawn from the record contract (models.py).

    documents  one row per input document: the DocumentRecord's own fields (id, title, url, source,
               content_hash, published, removed, error) + seq, partition, text, origin and the metadata date
    events     one row per Event          (all Event fields)          + seq, document_id
    actors     one row per Actor          (all Actor fields)          + seq, document_id
    places     one row per Place          (all Place fields)          + seq, document_id
    times      one row per TimeExpression (all TimeExpression fields) + seq, document_id

`seq` is the document's position in the input (0, 1, 2 …), the key that joins the tables. A nested record
(an event's place, date, attribution) is an Arrow struct, a list a list, a dict (quantities) a map, so
pandas, DuckDB, Polars and Spark read the same fields the JSON record has. The schemas are derived from
the pydantic models, so a field added to the contract appears here without a second list to keep.
"""

from __future__ import annotations

import types
from typing import Any, Literal, Union, get_args, get_origin

import pyarrow as pa
from pydantic import BaseModel

from ..models import Actor, Document, DocumentRecord, Event, Place, TimeExpression

TABLES = ("documents", "events", "actors", "places", "times")
CHILDREN: dict[str, type[BaseModel]] = {"events": Event, "actors": Actor, "places": Place, "times": TimeExpression}
NESTED = {"events", "actors", "places", "times"}  # DocumentRecord fields stored in their own tables
KEYS: list[pa.Field] = [pa.field("seq", pa.int64(), nullable=False), pa.field("document_id", pa.string())]
_SCALARS: dict[Any, pa.DataType] = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type of a pydantic field's annotation."""
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Literal:
        return _SCALARS[type(args[0])]
    if origin in (Union, types.UnionType):
        present = [a for a in args if a is not type(None)]
        return arrow_type(present[0])
    if origin in (list, tuple):
        return pa.list_(arrow_type(args[0]))
    if origin is dict:
        return pa.map_(pa.string(), arrow_type(args[1]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(model_fields(annotation))
    raise TypeError(f"no Arrow type for {annotation!r}")


def model_fields(model: type[BaseModel], leave_out: frozenset[str] = frozenset()) -> list[pa.Field]:
    return [pa.field(name, arrow_type(f.annotation)) for name, f in model.model_fields.items()
            if name not in leave_out]


def _document_schema() -> pa.Schema:
    own = model_fields(DocumentRecord, frozenset(NESTED))
    extra: list[pa.Field] = [pa.field("partition", pa.int32(), nullable=False), pa.field("text", pa.string()),
             pa.field("origin", pa.string()), pa.field("metadata_published", pa.string()),
             pa.field("metadata_published_source", pa.string())]
    return pa.schema([KEYS[0], *own, *extra])


SCHEMAS: dict[str, pa.Schema] = {"documents": _document_schema(),
                                 **{name: pa.schema([*KEYS, *model_fields(model)]) for name, model in CHILDREN.items()}}


def document_row(seq: int, partition: int, document: Document | None, record: DocumentRecord) -> dict[str, Any]:
    """The documents-table row of one document (`document` is None for an input that could not be read)."""
    row = record.model_dump(mode="json", exclude=NESTED)
    row.update(seq=seq, partition=partition, text=document.text if document else None,
               origin=document.origin if document else None,
               metadata_published=document.published if document else None,
               metadata_published_source=document.published_source if document else None)
    return row


def child_rows(seq: int, record: DocumentRecord) -> dict[str, list[dict[str, Any]]]:
    """The rows the record adds to the events, actors, places and times tables."""
    return {name: [{"seq": seq, "document_id": record.id, **item.model_dump(mode="json")}
                   for item in getattr(record, name)] for name in CHILDREN}


def plain(value: Any, kind: pa.DataType) -> Any:
    """A value read from Arrow as the JSON record has it (maps come back from Arrow as pairs)."""
    if value is None:
        return None
    if pa.types.is_map(kind):
        return {k: plain(v, kind.item_type) for k, v in value}
    if pa.types.is_struct(kind):
        return {f.name: plain(value[f.name], f.type) for f in kind}
    if pa.types.is_list(kind):
        return [plain(v, kind.value_type) for v in value]
    return value


def plain_rows(table: pa.Table) -> list[dict[str, Any]]:
    """The table's rows as the JSON records have them."""
    fields = list(table.schema)
    return [{f.name: plain(row[f.name], f.type) for f in fields} for row in table.to_pylist()]
