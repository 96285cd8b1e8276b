"""Quality floors: `make test` runs each scorer on the held-out test part of the gold corpora and fails
when a score drops under its floor (tests/eval/floors.json, two points under the measured score). Raise
floors as quality rises; never lower one to make a change pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.eval.cli import run_task

FLOORS = {k: v for k, v in json.loads((Path(__file__).parent / "floors.json").read_text(encoding="utf-8")).items()
          if not k.startswith("_")}


@pytest.mark.slow
@pytest.mark.corpora
@pytest.mark.parametrize("task", sorted(FLOORS))
def test_scores_stay_above_their_floors(task, corpora):
    spec = FLOORS[task]
    results = {res.corpus: res for res in run_task(task, corpora, spec["limit"], spec["split"])}
    below = []
    for key, floor in spec["floors"].items():
        corpus, metric = key.rsplit(":", 1)
        value = results[corpus].metric(metric).value
        if value < floor:
            below.append(f"{key} = {value:.3f} < floor {floor}")
    assert not below, "quality dropped: " + "; ".join(below)
