"""CSV, GeoJSON and Parquet from the flat rows (columns.py).

CSV: UTF-8, a header, ISO dates, numbers unquoted, empty for unknown — `pd.read_csv(f,
parse_dates=["event_date"])` types every column. GeoJSON: an RFC 7946 FeatureCollection, one Point
feature per event that has a place (EPSG:4326, longitude first), the row as flat properties, which
QGIS opens as a layer. Parquet: the same columns with their types (dates as dates).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import IO, Any, TextIO

from .columns import COLUMNS, NAMES, flat_row

FORMATS = ("csv", "geojson", "parquet")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json",
               "parquet": "application/vnd.apache.parquet"}


def write_csv(items: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=NAMES, lineterminator="\n")
    writer.writeheader()
    n = 0
    for item in items:
        writer.writerow(flat_row(item))
        n += 1
    return n


def csv_chunks(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The CSV in pieces (for a streamed HTTP response)."""
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=NAMES, lineterminator="\n")
    writer.writeheader()
    for item in items:
        writer.writerow(flat_row(item))
        if buffer.tell() > 1 << 16:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def geojson_features(items: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One Point feature per event with a place; its id is the event's, its properties the flat row."""
    for item in items:
        row = flat_row(item)
        if row["latitude"] is None or row["longitude"] is None:
            continue
        yield {"type": "Feature", "id": row["event_id"],
               "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
               "properties": row}


def geojson_chunks(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    for i, feature in enumerate(geojson_features(items)):
        yield ("," if i else "") + "\n" + json.dumps(feature, ensure_ascii=False)
    yield "\n]}\n"


def write_geojson(items: Iterable[dict[str, Any]], out: TextIO) -> None:
    for chunk in geojson_chunks(items):
        out.write(chunk)


def _arrow_schema() -> Any:
    import pyarrow as pa

    kinds: dict[str, pa.DataType] = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}
    return pa.schema([(name, kinds[kind]) for name, kind in COLUMNS])


def write_parquet(items: Iterable[dict[str, Any]], out: IO[bytes] | str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_row(item) for item in items]
    for row in rows:
        row["event_date"] = date.fromisoformat(row["event_date"]) if row["event_date"] else None
    table = pa.Table.from_pylist(rows, schema=_arrow_schema())
    pq.write_table(table, out)
    return len(rows)
