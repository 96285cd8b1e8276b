"""Counts of events per day (or ISO week) and PLOVER type, for the page's timeline."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection

from ..errors import ConfigError
from .events import by_type_per_day
from .filters import EventFilter

BUCKETS = ("day", "week")


def _bucket_of(day: str, bucket: str) -> str:
    if bucket == "day":
        return day
    d = date.fromisoformat(day)
    return (d - timedelta(days=d.weekday())).isoformat()  # the week's Monday


def timeline(conn: Connection, f: EventFilter, bucket: str = "day", gazetteer: Path | None = None) -> dict[str, Any]:
    """``{"bucket", "types", "series": [{"date", "counts": {type: n}, "total"}]}``, dates ascending."""
    if bucket not in BUCKETS:
        raise ConfigError(f"unknown bucket {bucket!r}", "give day or week", code="E218")
    series: dict[str, dict[str, int]] = {}
    for day, kind, n in by_type_per_day(conn, f, gazetteer):
        try:
            key = _bucket_of(day, bucket)
        except ValueError:
            continue  # a month- or year-precision date ("2023-04") has no day to count on
        counts = series.setdefault(key, {})
        counts[kind] = counts.get(kind, 0) + n
    types = sorted({k for counts in series.values() for k in counts})
    return {"bucket": bucket, "types": types,
            "series": [{"date": d, "counts": c, "total": sum(c.values())} for d, c in sorted(series.items())]}
