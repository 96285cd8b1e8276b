"""Render records for people (a table) and programs (JSON, JSON Lines). Records only go to stdout."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .models import DocumentRecord, Event

FORMATS = ("table", "json", "jsonl")


def default_format(stream: TextIO) -> str:
    """Table for a person at a terminal, JSON Lines for a pipe."""
    return "table" if stream.isatty() else "jsonl"


def write_json_items(items: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "jsonl":
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
        return
    out.write(json.dumps(list(items), ensure_ascii=False, indent=2) + "\n")


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def table(rows: Sequence[Sequence[str]], headers: Sequence[str], out: TextIO, last_flexible: bool = True) -> None:
    """An aligned table (rich, without borders): a header line, then one line per row, each cell on one
    line; each column as wide as its widest entry, except that the last takes what is left of the
    terminal width (at least 30) and cuts longer cells with "…"."""
    widths = [_column_width(rows, h, i) for i, h in enumerate(headers)]
    if last_flexible and rows:
        room = shutil.get_terminal_size((160, 24)).columns - sum(w + 2 for w in widths[:-1])
        widths[-1] = max(30, min(widths[-1], room))
    grid = Table(box=None, show_edge=False, pad_edge=False, padding=(0, 1), header_style="bold")
    for header, width in zip(headers, widths, strict=True):
        grid.add_column(header, no_wrap=True, overflow="ellipsis", width=width)
    for row in rows:
        grid.add_row(*(Text(" ".join(cell.split())) for cell in row))
    width = sum(w + 2 for w in widths)
    if out.isatty():  # a person reads it: bold headers
        Console(file=out, width=width, markup=False, emoji=False, highlight=False).print(grid)
        return
    buffer = io.StringIO()
    Console(file=buffer, width=width, markup=False, emoji=False, highlight=False, color_system=None).print(grid)
    out.writelines(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _column_width(rows: Sequence[Sequence[str]], header: str, i: int) -> int:
    """Terminal cells the column's widest entry takes (a CJK character takes two)."""
    return max([cell_len(header), *(cell_len(" ".join(r[i].split())) for r in rows)])


def event_row(ev: Event, sources: str, targets: str, doc_id: str) -> list[str]:
    date = ev.date.value if ev.date and ev.date.value else ""
    acled = _clip(ev.acled.sub_event_type or ev.category or "", 22)
    place = _clip(ev.place.name, 18) if ev.place else ""
    who = " → ".join(x for x in (_clip(sources, 24), _clip(targets, 24)) if x)
    evidence = ev.evidence[0].text if ev.evidence else ""
    return [_clip(doc_id.rsplit("/", 1)[-1], 18), ev.id, date, ev.plover.type, ev.cameo or "", acled, ev.modality,
            who, place, evidence]


EVENT_HEADERS = ["doc", "id", "date", "plover", "cameo", "acled/category", "modality", "who", "where", "evidence"]
SUMMARY_HEADERS = ["doc", "id", "merged", "date", "plover", "cameo", "acled/category", "modality", "who", "where",
                   "evidence"]


def _actor_names(actors: list[dict[str, Any]]) -> str:
    return "; ".join(f"{a['name']} ({a['code']})" if a.get("code") else a["name"] for a in actors)


def summary_row(item: dict[str, Any]) -> list[str]:
    """A table row of an event from the query layer (sitrep.query.events.summary)."""
    date, place, acled = item.get("date") or {}, item.get("place") or {}, item["acled"]
    who = " → ".join(x for x in (_clip(_actor_names(item["sources"]), 24), _clip(_actor_names(item["targets"]), 24))
                     if x)
    evidence = item["evidence"][0]["text"] if item["evidence"] else ""
    return [_clip(item["document"]["id"].rsplit("/", 1)[-1], 18), item["event_id"], item["merged_id"] or "",
            date.get("value") or "", item["plover"]["type"], item.get("cameo") or "",
            _clip(acled.get("sub_event_type") or item.get("category") or "", 22), item["modality"] or "", who,
            _clip(place.get("name") or "", 18), evidence]


def names_of(record: DocumentRecord, ids: list[str]) -> str:
    by_id = {a.id: a.name for a in record.actors}
    return "; ".join(by_id.get(i, i) for i in ids)


def record_table(records: Iterable[DocumentRecord], out: TextIO) -> None:
    rows = [event_row(ev, names_of(rec, ev.sources), names_of(rec, ev.targets), _clip(rec.id, 24))
            for rec in records for ev in rec.events]
    table(rows, EVENT_HEADERS, out)
