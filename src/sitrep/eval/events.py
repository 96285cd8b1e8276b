"""Event coding against public gold records: PLOVER types (plover-gsr) and CAMEO codes (PETRARCH-2).

* ``plover-gsr/PLOVER_GSR_CAMEO.json``: 322 one-event sentences coded in PLOVER draft 0.5b1 (2016).
  sitrep's types are mapped to that draft's names (``coding.plover_2016``: REQUEST → DEMAND,
  ACCUSE → DISAPPROVE or INVESTIGATE, military force → FIGHT; docs/events.md).
* ``petrarch2-validation/PETR2_GSR_validation.xml``: the hand-coded records only (GOLD_*, TEST*, VERB*,
  PASSIVE*; the AFP and OTHER records were coded from PETRARCH-2's own output). Records without an
  event code are left out. A prediction is right when it matches one of the record's codes.

Each sentence runs through the whole pipeline as its own document. Where sitrep finds several events
in a sentence, the most confident one is scored; a sentence with none scores as "NONE". Beside each
score is the majority-class baseline on the same records.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from ..models import Document, Event
from ..pipeline import Pipeline
from ..progress import track
from .common import EvalResult, Metric, prf
from .split import Split, select

GSR = Path("plover-gsr") / "PLOVER_GSR_CAMEO.json"
PETR = Path("petrarch2-validation") / "PETR2_GSR_validation.xml"
HAND_CODED = ("GOLD", "TEST", "VERB", "PASSIVE")
NONE = "NONE"

# A published figure to set beside event-type scores (a different measure on different data).
GDELT_ANCHOR = "GDELT: event code right in 81% of a 50-event manual check"


def load_gsr(path: Path) -> list[tuple[str, str, str]]:
    """(id, text, PLOVER 0.5b1 type) for each example sentence."""
    records = json.loads(path.read_text(encoding="utf-8"))
    return [(r["id"], r["text"], r["event"]) for r in records if r.get("event") != "DOCUMENT"]


def load_petr(path: Path) -> list[tuple[str, str, list[str]]]:
    """(id, text, CAMEO codes) for each hand-coded record with at least one code."""
    raw = path.read_text(encoding="utf-8")
    found = []
    for match in re.finditer(r"<Sentence ([^>]*)>(.*?)<Text>(.*?)</Text>", raw, re.S):
        attrs, codings, text = match.groups()
        ident = re.search(r'id="([^"]+)"', attrs)
        codes = re.findall(r'eventcode="(\d+)"', codings)
        if ident and codes and ident.group(1).split("_")[0].rstrip("0123456789") in HAND_CODED:
            found.append((ident.group(1), " ".join(text.split()), codes))
    return found


def top_event(pipeline: Pipeline, ident: str, text: str, errors: list[str]) -> Event | None:
    """The most confident event sitrep finds in one sentence. A sentence on which a stage fails scores
    as no event, and the failure is listed (so one broken stage does not hide every score)."""
    try:
        events = pipeline.analyze(Document(id=ident, text=text)).events
    except Exception as exc:  # noqa: BLE001 - reported in the result's details, not lost
        errors.append(f"{ident}: {type(exc).__name__}: {exc}")
        return None
    return max(events, key=lambda e: e.confidence, default=None)


def class_scores(pairs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Per-class precision, recall and F1 over (gold, predicted) pairs."""
    scores = {}
    for label in sorted({g for g, _ in pairs}):
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        p, r, f = prf(tp, fp, fn)
        scores[label] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "n": tp + fn}
    return scores


def confusion(pairs: list[tuple[str, str]], top: int = 15) -> list[dict[str, object]]:
    """The most frequent (gold, predicted) mistakes."""
    counts = Counter((g, p) for g, p in pairs if g != p)
    return [{"gold": g, "predicted": p, "count": n} for (g, p), n in counts.most_common(top)]


def evaluate_plover(corpus_root: Path, pipeline: Pipeline, limit: int | None = None,
                    split: Split = "all") -> EvalResult:
    from ..events.coding import plover_2016_of

    records = select(load_gsr(corpus_root / GSR), split, lambda r: r[0])[:limit]
    pairs: list[tuple[str, str]] = []
    errors: list[str] = []
    for ident, text, gold in track(records, "events: PLOVER sentences", len(records), "sentences"):
        event = top_event(pipeline, ident, text, errors)
        pairs.append((gold, plover_2016_of(event) if event else NONE))
    majority = Counter(g for g, _ in pairs).most_common(1)[0][0] if pairs else NONE
    accuracy = _share(pairs, lambda g, p: g == p)
    baseline = _share(pairs, lambda g, p: g == majority)
    return EvalResult(
        task="events", corpus="plover-gsr/PLOVER_GSR_CAMEO", baseline_name=f"majority class ({majority})", split=split,
        metrics=[Metric("plover_type_accuracy", accuracy, baseline=baseline, anchor=GDELT_ANCHOR, n=len(pairs)),
                 Metric("plover_detection_rate", _share(pairs, lambda g, p: p != NONE), n=len(pairs))],
        details={"per_class": class_scores(pairs), "confusion": confusion(pairs), "errors": errors,
                 "scored": "the most confident event per sentence; none found counts as NONE"},
    )


def evaluate_cameo(corpus_root: Path, pipeline: Pipeline, limit: int | None = None,
                   split: Split = "all") -> EvalResult:
    records = select(load_petr(corpus_root / PETR), split, lambda r: r[0])[:limit]
    rows: list[tuple[list[str], str, str]] = []
    errors: list[str] = []
    for ident, text, codes in track(records, "events: CAMEO sentences", len(records), "sentences"):
        event = top_event(pipeline, ident, text, errors)
        rows.append((codes, (event.cameo if event else None) or NONE, ident))
    roots = Counter(c[:2] for codes, _, _ in rows for c in set(codes))
    majority = roots.most_common(1)[0][0] if roots else NONE
    full = Counter(c for codes, _, _ in rows for c in set(codes))
    majority_code = full.most_common(1)[0][0] if full else NONE
    root_pairs = [(codes[0][:2] if all(c[:2] != p[:2] for c in codes) else p[:2], p[:2]) for codes, p, _ in rows]
    return EvalResult(
        task="events", corpus="petrarch2-validation/PETR2_GSR_validation (hand-coded)",
        baseline_name=f"majority root ({majority}) and code ({majority_code})", split=split,
        metrics=[
            Metric("cameo_root_accuracy", _mean(any(c[:2] == p[:2] for c in codes) for codes, p, _ in rows),
                   baseline=_mean(any(c[:2] == majority for c in codes) for codes, _, _ in rows),
                   anchor=GDELT_ANCHOR, n=len(rows)),
            Metric("cameo_code_accuracy", _mean(p in codes for codes, p, _ in rows),
                   baseline=_mean(majority_code in codes for codes, _, _ in rows), n=len(rows)),
        ],
        details={"confusion": confusion(root_pairs), "errors": errors,
                 "predictions": [{"id": i, "gold": c, "predicted": p} for c, p, i in rows]},
    )


def _share(pairs: list[tuple[str, str]], right: Callable[[str, str], bool]) -> float:
    return _mean(right(g, p) for g, p in pairs)


def _mean(values: object) -> float:
    items = list(values)  # type: ignore[call-overload]
    return round(sum(items) / len(items), 4) if items else 0.0


def evaluate(corpus_root: Path, limit: int | None = None, pipeline: Pipeline | None = None,
             split: Split = "all") -> list[EvalResult]:
    """PLOVER type accuracy on plover-gsr and CAMEO accuracy on PETRARCH-2's hand-coded records."""
    pipeline = pipeline or Pipeline()
    return [evaluate_plover(corpus_root, pipeline, limit, split), evaluate_cameo(corpus_root, pipeline, limit, split)]
