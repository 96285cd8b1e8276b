"""Exports of the stored events, from the CLI (`sitrep export`) and the API (GET /export/events.*) alike.

    rows(items)              one flat row per event: ACLED's column names where a column means the
                             same thing, then sitrep's own (columns.py)
    write_csv / geojson / write_parquet    the three formats (writers.py)

The rows come from the query layer (sitrep.query.iter_events), so every export shows what the list,
the API and the page show.
"""

from .columns import COLUMNS, flat_row
from .writers import FORMATS, geojson_features, write_csv, write_geojson, write_parquet

__all__ = ["COLUMNS", "FORMATS", "flat_row", "geojson_features", "write_csv", "write_geojson", "write_parquet"]
