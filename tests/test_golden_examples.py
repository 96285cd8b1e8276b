"""Golden files for the bundled examples (trafilatura style): per article, events that must appear and
events that must not, as a careful human coder would code them (tests/data/golden/*.json).

An expectation is a set of fields an event must all have:

    plover, cameo, cameo_root, modality, category      equal
    acled / acled_type                                  ACLED sub-event type / event type equal
    word                                                in the trigger or one of the evidence spans
    trigger                                             the trigger's text
    source / target / actor                             an actor code among the sources / targets / either
    source_name                                         the name of a source actor
    place, attribution                                  contained in the place name / attribution text
    date                                                prefix of the date value
    quantities                                          {kind: best}; quantity_kind: that kind present
    count                                               (must only) exactly this many events match

Known misses are listed in docs/events.md, not dropped silently.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "data" / "golden"
NOT_FIELDS = {"note", "count"}


@pytest.fixture(scope="module")
def analysed(pipeline) -> dict[str, object]:
    """Every example document through the pipeline once, by file name (feeds: by document id)."""
    from sitrep.ingest import read_paths
    from sitrep.settings import Settings

    found: dict[str, object] = {}
    for item in read_paths([str(ROOT / "examples")], Settings()):
        assert not isinstance(item, Exception), item
        name = Path(item.origin or item.id).name
        found[item.id if ".jsonl" in name else name] = pipeline.analyze(item)
    return found


def _codes(analysis, ids: list[str]) -> set[str]:
    known = {a.id: a for a in analysis.actors}
    return {known[i].code or "" for i in ids if i in known}


def _names(analysis, ids: list[str]) -> set[str]:
    known = {a.id: a for a in analysis.actors}
    return {known[i].name for i in ids if i in known}


def _texts(event) -> list[str]:
    return [event.trigger.text if event.trigger else "", *(s.text for s in event.evidence)]


def _check(analysis, event, field: str, want) -> bool:
    """Whether one field of the event matches the expectation."""
    simple = {"plover": event.plover.type, "cameo": event.cameo, "trigger": event.trigger.text, "modality": event.modality,
              "category": event.category, "acled": event.acled.sub_event_type, "acled_type": event.acled.event_type,
              "cameo_root": (event.cameo or "")[:2]}
    if field in simple:
        return simple[field] == want
    if field == "word":
        return any(want in text for text in _texts(event))
    if field in ("source", "target", "actor"):
        ids = {"source": event.sources, "target": event.targets, "actor": event.sources + event.targets}[field]
        return want in _codes(analysis, ids)
    if field == "source_name":
        return want in _names(analysis, event.sources)
    if field == "place":
        return event.place is not None and want in event.place.name
    if field == "attribution":
        return event.attribution is not None and want in event.attribution.text
    if field == "date":
        return event.date is not None and (event.date.value or "").startswith(want)
    if field == "quantities":
        return all(k in event.quantities and event.quantities[k].best == v for k, v in want.items())
    if field == "quantity_kind":
        return want in event.quantities
    raise KeyError(f"unknown golden field {field!r}")


def matches(analysis, expectation: dict) -> list:
    return [e for e in analysis.events
            if all(_check(analysis, e, k, v) for k, v in expectation.items() if k not in NOT_FIELDS)]


def describe(analysis) -> str:
    return "\n".join(f"  {e.plover.type} {e.cameo} {e.acled.sub_event_type} {e.trigger.text!r} {e.modality} "
                     f"src={sorted(_codes(analysis, e.sources))} tgt={sorted(_codes(analysis, e.targets))} "
                     f"place={e.place.name if e.place else None} date={e.date.value if e.date else None}"
                     for e in analysis.events)


def cases() -> list[tuple[str, str, dict]]:
    """(document key, label, golden expectations) for every golden file and feed document."""
    found = []
    for path in sorted(GOLDEN.glob("*.json")):
        golden = json.loads(path.read_text(encoding="utf-8"))
        for key, part in golden.get("documents", {golden["article"]: golden}).items():
            found.append((key, f"{path.stem}:{key}", part))
    return found


@pytest.mark.parametrize(("key", "label", "golden"), cases(), ids=[c[1] for c in cases()])
def test_golden_events(analysed, key: str, label: str, golden: dict) -> None:
    analysis = analysed[key]
    problems = []
    for expectation in golden["must"]:
        found = matches(analysis, expectation)
        wanted = expectation.get("count")
        if not found or (wanted is not None and len(found) != wanted):
            problems.append(f"MISSING ({len(found)} found): {expectation['note']}")
    for expectation in golden["must_not"]:
        if matches(analysis, expectation):
            problems.append(f"UNWANTED: {expectation['note']}")
    assert not problems, f"{label}\n" + "\n".join(problems) + "\nevents:\n" + describe(analysis)


def test_every_example_has_a_golden_file() -> None:
    golden = {json.loads(p.read_text(encoding="utf-8"))["article"] for p in GOLDEN.glob("*.json")}
    examples = {p.name for p in (ROOT / "examples").iterdir() if p.suffix in (".txt", ".html", ".jsonl")}
    assert examples <= golden
