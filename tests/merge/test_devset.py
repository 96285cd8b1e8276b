"""Pairwise merge and violation scores on the hand-written dev set (tests/data/merge/devset.json)."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select

from sitrep.merge import merge_record
from sitrep.merge.evaluate import links, pairwise
from sitrep.merge.tables import ceasefire_violations

from .devset import gold_groups, load, record_of

PRECISION_FLOOR, RECALL_FLOOR = 0.95, 0.85


def _merge_all(engine, articles):
    predicted = {}
    for article in articles:
        outcome = merge_record(engine, article["id"], record_of(article), text=article["text"])
        for placement in outcome.placements:
            predicted[(article["id"], placement.event_id)] = placement.canonical_id
    return predicted


def _group_of_events(gold, predicted):
    votes: dict[str, Counter] = {}
    for mention, cid in predicted.items():
        votes.setdefault(cid, Counter())[gold[mention]] += 1
    return {cid: counts.most_common(1)[0][0] for cid, counts in votes.items()}


@pytest.mark.parametrize("order", ["published", "reversed"])
def test_pairwise_merge_meets_floors(engine, order):
    data = load()
    articles = sorted(data["articles"], key=lambda a: (a["published"], a["id"]), reverse=order == "reversed")
    gold = gold_groups(data)
    score = pairwise(gold, _merge_all(engine, articles))
    print("\n" + score.line(f"merge dev set ({order} order)"))
    assert score.precision >= PRECISION_FLOOR
    assert score.recall >= RECALL_FLOOR


def test_distractors_merge_with_nothing(engine):
    data = load()
    gold = gold_groups(data)
    predicted = _merge_all(engine, sorted(data["articles"], key=lambda a: a["published"]))
    members = Counter(predicted.values())
    for mention, group in gold.items():
        if group.startswith("D"):
            assert members[predicted[mention]] == 1, f"distractor {mention} was merged"


def test_violations_meet_floors(engine):
    data = load()
    gold = gold_groups(data)
    predicted = _merge_all(engine, sorted(data["articles"], key=lambda a: a["published"]))
    group = _group_of_events(gold, predicted)
    with engine.connect() as conn:
        found = {(group[r.ceasefire_id], group[r.canonical_id]) for r in conn.execute(select(ceasefire_violations))}
    score = links({tuple(p) for p in data["violations"]}, found)
    print("\n" + score.line("ceasefire violations"))
    assert score.precision >= PRECISION_FLOOR
    assert score.recall >= RECALL_FLOOR
