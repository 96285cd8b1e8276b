"""Time evaluation on TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT), TE3 style, beside dateparser.

For each document the gold DCT is given as the publication date (published_source="given") and the
DCT timex itself is not scored. Scores: extent P/R/F1 strict (same characters) and relaxed (overlap),
type accuracy over relaxed matches, and value P/R/F1 (relaxed match with the gold value). The baseline
is dateparser's `search_dates` with the DCT as RELATIVE_BASE, on the same text.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..progress import track
from .common import EvalResult, Metric, prf
from .split import Split, select

CORPUS = "tempeval3/TBAQ-cleaned"
SUBSETS = ("TimeBank", "AQUAINT")
EXAMPLES = 8  # examples kept per error class in the details
ANCHOR_VALUE = "HeidelTime 77.61 / SUTime 67.38 value F1 (TE3 test set)"
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class GoldDoc:
    id: str
    text: str
    dct: str
    timexes: list[Timex]


@dataclass
class Counts:
    """Tallies for one system over a set of documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    documents: int = 0
    dct_inferred: int = 0  # documents whose publication date could be inferred without the DCT
    dct_right: int = 0  # … and was the gold DCT
    dct_week: int = 0  # … or within a week of it
    errors: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def note(self, kind: str, example: str) -> None:
        self.errors[kind] += 1
        shown = self.examples.setdefault(kind, [])
        if len(shown) < EXAMPLES:
            shown.append(example)


# ------------------------------------------------------------------ reading TimeML
def read_tml(path: Path) -> GoldDoc:
    """The <TEXT> of a TimeML file as plain text, with its TIMEX3s as offsets into that text."""
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'<DCT>\s*<TIMEX3[^>]*value="([^"]+)"', raw)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    timexes: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    for tag in _TAG.finditer(body):
        piece = html.unescape(body[position:tag.start()])
        parts.append(piece)
        length += len(piece)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if not tag.group(1):
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            timexes.append(Timex(start, length, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    parts.append(html.unescape(body[position:]))
    return GoldDoc(path.stem, "".join(parts), dct_match.group(1)[:10] if dct_match else "", timexes)


def gold_documents(root: Path, subset: str, limit: int | None = None, split: Split = "all") -> list[GoldDoc]:
    files = select(sorted((root / CORPUS / subset).glob("*.tml")), split, lambda p: p.stem)
    return [read_tml(p) for p in files[:limit]]


# ------------------------------------------------------------------ systems
def sitrep_timexes(pipeline: Any, doc: GoldDoc) -> tuple[list[Timex], str | None]:
    """Our expressions with the gold DCT given, and the publication date we infer without it."""
    from ..models import Document
    from ..temporal.published import infer_published

    analysis = pipeline.analyze(Document(id=doc.id, text=doc.text, published=doc.dct, published_source="given"))
    candidates, directions = analysis.extras["temporal_candidates"]
    inferred = infer_published(doc.text, candidates, directions)
    return [Timex(t.start, t.end, t.type, t.value or "") for t in analysis.times], inferred.value if inferred else None


def dateparser_timexes(doc: GoldDoc) -> list[Timex]:
    """dateparser's search_dates, placed back in the text in order of appearance."""
    from dateparser.search import search_dates

    base = datetime.fromisoformat(doc.dct)
    found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    timexes, cursor = [], 0
    for phrase, moment in found:
        start = doc.text.find(phrase, cursor)
        if start < 0:
            continue
        cursor = start + len(phrase)
        has_time = moment.hour or moment.minute
        value = moment.strftime("%Y-%m-%dT%H:%M") if has_time else moment.strftime("%Y-%m-%d")
        timexes.append(Timex(start, cursor, "TIME" if has_time else "DATE", value))
    return timexes


# ------------------------------------------------------------------ scoring
def score_document(doc: GoldDoc, system: list[Timex], counts: Counts) -> None:
    """Add one document's matches and errors to the tallies."""
    counts.documents += 1
    counts.gold += len(doc.timexes)
    counts.system += len(system)
    used: set[int] = set()
    for gold in doc.timexes:
        match = _best_overlap(gold, system, used)
        shown = doc.text[gold.start:gold.end]
        if match is None:
            counts.note(f"missed {gold.type}", f"{shown!r} {gold.value}")
            continue
        used.add(match)
        found = system[match]
        counts.relaxed += 1
        _tally_match(doc, gold, found, counts)
    for i, found in enumerate(system):
        if i not in used:
            counts.note(f"spurious {found.type}", f"{doc.text[found.start:found.end]!r} {found.value}")


def _best_overlap(gold: Timex, system: list[Timex], used: set[int]) -> int | None:
    best, best_overlap = None, 0
    for i, found in enumerate(system):
        overlap = min(gold.end, found.end) - max(gold.start, found.start)
        if i not in used and overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def _tally_match(doc: GoldDoc, gold: Timex, found: Timex, counts: Counts) -> None:
    shown = f"{doc.text[gold.start:gold.end]!r} vs {doc.text[found.start:found.end]!r}"
    if (gold.start, gold.end) == (found.start, found.end):
        counts.strict += 1
    else:
        counts.note("extent boundary", shown)
    if gold.type == found.type:
        counts.type_ok += 1
    else:
        counts.note(f"type {gold.type} as {found.type}", shown)
    if gold.value == found.value:
        counts.value_ok += 1
    else:
        counts.note(f"value {gold.type}", f"{shown}: gold {gold.value} ours {found.value} (DCT {doc.dct})")


def metrics(ours: Counts, base: Counts) -> list[Metric]:
    def f1(c: Counts, tp: int) -> tuple[float, float, float]:
        return prf(tp, c.system - tp, c.gold - tp)

    rows = []
    for name, tp_of in (("extent_strict", lambda c: c.strict), ("extent_relaxed", lambda c: c.relaxed),
                        ("value", lambda c: c.value_ok)):
        p, r, f = f1(ours, tp_of(ours))
        bp, br, bf = f1(base, tp_of(base))
        anchor = ANCHOR_VALUE if name == "value" else None
        rows += [Metric(f"{name}_p", p, bp, n=ours.gold), Metric(f"{name}_r", r, br, n=ours.gold),
                 Metric(f"{name}_f1", f, bf, anchor=anchor, n=ours.gold)]
    type_acc = ours.type_ok / ours.relaxed if ours.relaxed else 0.0
    base_type = base.type_ok / base.relaxed if base.relaxed else 0.0
    rows.append(Metric("type_accuracy", type_acc, base_type, n=ours.relaxed))
    if ours.documents:
        rows.append(Metric("dct_inferred_accuracy", ours.dct_right / ours.documents, n=ours.documents))
    return rows


def _details(ours: Counts, base: Counts) -> dict[str, Any]:
    return {
        "gold": ours.gold, "system": ours.system, "baseline_system": base.system,
        "dct_inferred": ours.dct_inferred, "dct_right": ours.dct_right, "dct_within_week": ours.dct_week,
        "documents": ours.documents,
        "error_classes": dict(ours.errors.most_common()),
        "examples": ours.examples,
        "baseline_error_classes": dict(base.errors.most_common()),
    }


def _days_apart(first: str, second: str) -> int:
    return abs((date.fromisoformat(first[:10]) - date.fromisoformat(second[:10])).days)


def _pipeline() -> Any:
    from ..clean import make_stage as clean_stage
    from ..nlp.stage import make_stage as nlp_stage
    from ..pipeline import Pipeline
    from ..settings import load_settings
    from ..temporal import make_stage as temporal_stage

    settings = load_settings()
    return Pipeline(settings, [clean_stage(settings), nlp_stage(settings), temporal_stage(settings)])


def evaluate(corpus_root: Path, limit: int | None = None, baseline: bool = True,
             split: Split = "all") -> list[EvalResult]:
    """One EvalResult per subset (TimeBank, AQUAINT) and one for both; `limit` is per subset."""
    pipeline = _pipeline()
    totals, base_totals = Counts(), Counts()
    results = []
    for subset in SUBSETS:
        ours, base = Counts(), Counts()
        documents = gold_documents(corpus_root, subset, limit, split)
        for doc in track(documents, f"time: {subset}", len(documents), "documents"):
            system, inferred = sitrep_timexes(pipeline, doc)
            for counts in (ours, totals):
                score_document(doc, system, counts)
                counts.dct_inferred += inferred is not None
                counts.dct_right += inferred == doc.dct
                counts.dct_week += inferred is not None and _days_apart(inferred, doc.dct) <= 7
            if baseline:
                theirs = dateparser_timexes(doc)
                for counts in (base, base_totals):
                    score_document(doc, theirs, counts)
        results.append(_result(f"{CORPUS}/{subset}", ours, base, split))
    results.append(_result(CORPUS, totals, base_totals, split))
    return results


def _result(name: str, ours: Counts, base: Counts, split: Split) -> EvalResult:
    return EvalResult(task="time", corpus=name, metrics=metrics(ours, base), baseline_name="dateparser.search_dates",
                      details=_details(ours, base), split=split)
