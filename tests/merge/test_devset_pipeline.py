"""The dev set end to end: the real pipeline's records merged, scored against the hand-made groups.

The pipeline's events are matched to the gold ones by their words (trigger, or evidence of an event
of the gold type, covering the gold trigger); pipeline events matching none are left out, so this measures merging of what the
stages found. Printed for the scoreboard; the floors guard against merging different events and losing merges.
"""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from sitrep.merge import merge_record
from sitrep.merge.evaluate import links, pairwise
from sitrep.merge.tables import ceasefire_violations
from sitrep.models import Document

from .devset import find, load

PRECISION_FLOOR = 0.95
VIOLATION_RECALL_FLOOR = 0.95  # measured 1.000 (3/3), precision 1.000 (3/3), 2026-11-25
RECALL_FLOOR = 0.90  # measured 0.917 (22/24), 2026-11-25 session 2: a floor that fails if merging through the stages gets worse


def _gold_event(article: dict, event) -> str | None:
    """The gold group of a pipeline event: its trigger overlaps the gold trigger, or it has the gold
    event's PLOVER type and its evidence covers the gold trigger."""
    trigger = [(event.trigger.start, event.trigger.end)] if event.trigger else []
    evidence = [(e.start, e.end) for e in event.evidence]
    for ann in article["events"]:
        start, end = find(article["text"], ann["trigger"])
        spans = trigger + (evidence if event.plover.type == ann["type"] else [])
        if any(s < end and start < e for s, e in spans):
            return ann["group"]
    return None


@pytest.mark.slow
def test_devset_through_the_pipeline(pipeline, engine):
    data = load()
    gold, predicted = {}, {}
    for article in sorted(data["articles"], key=lambda a: (a["published"], a["id"])):
        document = Document(id=article["id"], text=article["text"], source=article["outlet"],
                            published=article["published"], published_source="given")
        record = pipeline.analyze(document).record()
        outcome = merge_record(engine, article["id"], record, text=article["text"])
        events = {e.id: e for e in record.events}
        for placement in outcome.placements:
            group = _gold_event(article, events[placement.event_id])
            if group is not None:
                gold[(article["id"], placement.event_id)] = group
                predicted[(article["id"], placement.event_id)] = placement.canonical_id
    score = pairwise(gold, predicted)
    print(f"\nmatched {len(gold)} pipeline events to gold; " + score.line("merge dev set through the pipeline"))
    assert gold, "the pipeline found none of the dev set's events"
    assert score.precision >= PRECISION_FLOOR
    assert score.recall >= RECALL_FLOOR
    violations = _violations(engine, gold, predicted)
    print(violations.line("ceasefire violations through the pipeline"))
    assert violations.precision >= PRECISION_FLOOR
    assert violations.recall >= VIOLATION_RECALL_FLOOR


def _violations(engine, gold: dict, predicted: dict):
    """Violation links between canonical events, each named by the gold group most of its matched
    reports belong to, against the dev set's gold links (as for merging, a link to a pipeline event that
    matches no gold event is left out: "with sporadic gunfire reported" is a breach nobody annotated)."""
    votes: dict[str, Counter] = {}
    for mention, cid in predicted.items():
        votes.setdefault(cid, Counter())[gold[mention]] += 1
    group = {cid: counts.most_common(1)[0][0] for cid, counts in votes.items()}
    with engine.connect() as conn:
        rows = conn.execute(select(ceasefire_violations)).all()
    found = {(group[r.ceasefire_id], group[r.canonical_id]) for r in rows  # links of unmatched events are left out
             if r.ceasefire_id in group and r.canonical_id in group}
    return links({tuple(p) for p in load()["violations"]}, found)
