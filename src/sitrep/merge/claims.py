"""Claims: every attribute of an event as each source reports it, and the canonical value chosen from them.

Nothing is picked silently. Each report contributes one claim per attribute (date, or start for a
ceasefire; place; each number; who is responsible; modality), with who said it and the words. The
canonical value follows a documented rule per attribute, and an attribute whose claims disagree is
marked ``disputed`` with every value and its sources:

* numbers (killed, injured, displaced …): the lowest best estimate, ACLED's most conservative count;
* a ceasefire's start: its effective time when the report gives one (``Event.effective``: "will take
  effect at 00:01 on Jan. 12"; the report's date is then an ``announced`` claim), else its stated date;
  a truce dated only by its report ("despite the truce", "in breach of the ceasefire") makes a
  ``reported`` claim instead. The canonical start is the latest claimed start, so an attack counts as
  a violation only once every source agrees the truce was in force; with no start claimed, the
  earliest report stands for it;
* a date: the most precise value, then the most reported, then the earliest;
* anything else (place, who is responsible for violence, modality): the most reported value, then
  the first reported.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .kinds import CEASEFIRE
from .mentions import MentionView, normalise_name


def _claim(attribute: str, value: str, display: str, view: MentionView,
           span: tuple[int, int] | None = None, number: float | None = None) -> dict[str, Any]:
    return {"attribute": attribute, "value": value[:256], "display": display, "number": number,
            "outlet": view.outlet, "attributed_to": view.attributed_to or view.outlet,
            "quote": view.quote, "start": span[0] if span else None, "end": span[1] if span else None}


def date_value(view: MentionView) -> str | None:
    """A date claim normalised for comparison: UTC minute when a time was given, else the TIMEX value."""
    if view.date_value and "T" in view.date_value and view.when_lo:
        return view.when_lo
    return view.date_value or (view.when_lo[:10] if view.when_lo and view.precision == 1 else None)


def _number_claims(view: MentionView) -> list[dict[str, Any]]:
    out = []
    for name, q in view.quantities.items():
        low, high, best = q.get("low"), q.get("high"), q.get("best")
        shown = f"{best:g}" if best is not None else f"{low:g}-{high:g}" if low is not None and high else "?"
        span = (q["start"], q["end"]) if q.get("start") is not None and q.get("end") is not None else None
        number = best if best is not None else low
        out.append(_claim(name, shown, q.get("text") or shown, view, span, number))
    return out


def claims_of(view: MentionView) -> list[dict[str, Any]]:
    """One claim per attribute this report states."""
    out: list[dict[str, Any]] = []
    when = date_value(view)
    if view.kind == CEASEFIRE and view.effective_value:  # announced on one day, to start on another
        out.append(_claim("start", view.effective_value, view.effective_text or view.effective_value, view,
                          view.effective_span))
        if when:
            out.append(_claim("announced", when, view.date_text or when, view, view.date_span))
    elif when:
        out.append(_claim(_date_attribute(view), when, view.date_text or when, view, view.date_span))
    if view.place_name:
        out.append(_claim("place", view.place_name, view.place_text or view.place_name, view, view.place_span))
    sources = sorted({a.name for a in view.actors if a.role == "source"})
    if sources and view.violent:
        out.append(_claim("responsible", "; ".join(normalise_name(s) for s in sources), "; ".join(sources), view))
    out.append(_claim("modality", view.modality, view.modality, view))
    return out + _number_claims(view)


def _date_attribute(view: MentionView) -> str:
    """A truce dated by its own words claims a start; one dated only by the report ("despite the truce")
    claims only that it was reported by then."""
    if view.kind != CEASEFIRE:
        return "date"
    return "reported" if view.date_source == "report_date" else "start"


def _compatible(a: str, b: str) -> bool:
    """Two values agree when equal or one refines the other (2020-01-12 and 2020-01-12T00:01)."""
    return a == b or a.startswith(b) or b.startswith(a)


def _canonical(attribute: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    numbers = [r for r in rows if r["number"] is not None]
    if numbers and len(numbers) == len(rows):
        return min(numbers, key=lambda r: r["number"])
    if attribute == "start":
        return max(rows, key=lambda r: r["value"])
    counts = Counter(r["value"] for r in rows)
    if attribute == "date":
        return min(rows, key=lambda r: (-len(r["value"]), -counts[r["value"]], r["value"]))
    return max(rows, key=lambda r: counts[r["value"]])


def summarise(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Per attribute: the canonical value, its rule's choice, and whether the sources disagree."""
    by_attribute: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_attribute.setdefault(row["attribute"], []).append(row)
    summary = {}
    for attribute, group in by_attribute.items():
        chosen = _canonical(attribute, group)
        values = sorted({r["value"] for r in group})
        disputed = any(not _compatible(a, b) for a in values for b in values)
        summary[attribute] = {"value": chosen["value"], "display": chosen["display"], "disputed": disputed,
                              "claims": len(group)}
    return summary
