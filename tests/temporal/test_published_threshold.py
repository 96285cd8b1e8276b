"""A publication date inferred with too little confidence dates no event (setting published_min_confidence).

Hand-written texts: the weekday "Tuesday, March 3" fixes a day but not the year (no year stated), so the
date inferred from it has a low confidence; a wire dateline gives a date sitrep trusts.
"""

from __future__ import annotations

import copy
import subprocess
import sys

import pytest

from sitrep.models import Document

pytestmark = pytest.mark.slow

WEEKDAYS_ONLY = ("Rebels shelled the market town of Kadugli on Monday, killing four civilians, officials said.\n\n"
                 "The army said on Tuesday, March 3, that it had retaken two villages near the town.")
DATELINE = "KHARTOUM, March 3, 2026 — Rebels shelled the market town of Kadugli on Monday, killing four civilians."


def _event(analysis, plover: str):
    return next(e for e in analysis.events if e.plover.type == plover)


def test_events_told_relative_to_an_unsure_publication_date_are_undated(pipeline):
    analysis = pipeline.analyze(Document(id="w", text=WEEKDAYS_ONLY))
    published = analysis.published
    assert published is not None and published.source == "inferred"
    assert published.confidence < pipeline.settings.published_min_confidence
    shelling = _event(analysis, "ASSAULT")
    assert shelling.date is None
    rule = shelling.decided_by["date"]
    assert rule.startswith("date.unknown:") and "'Monday'" in rule and f"{published.confidence:.2f}" in rule


def test_the_same_text_is_dated_when_the_date_is_given_or_trusted(pipeline):
    given = pipeline.analyze(Document(id="g", text=WEEKDAYS_ONLY, published="2026-03-03", published_source="given"))
    assert _event(given, "ASSAULT").date.value == "2026-03-02"
    trusting = copy.copy(pipeline)
    trusting.settings = pipeline.settings.with_(published_min_confidence=0.0)
    inferred = trusting.analyze(Document(id="t", text=WEEKDAYS_ONLY))
    shelling = _event(inferred, "ASSAULT")
    assert shelling.date is not None and shelling.date.value is not None
    assert not shelling.decided_by["date"].startswith("date.unknown")


def test_a_dateline_date_is_trusted(pipeline):
    analysis = pipeline.analyze(Document(id="d", text=DATELINE))
    assert analysis.published is not None and analysis.published.confidence >= pipeline.settings.published_min_confidence
    shelling = _event(analysis, "ASSAULT")
    assert shelling.date is not None and shelling.date.value is not None
    assert shelling.date.value.startswith("2026-03-0")


def test_absolute_dates_stay_when_the_publication_date_is_unsure(pipeline):
    text = WEEKDAYS_ONLY + "\n\nThe same rebels had attacked a convoy on Jan. 9, 2026, killing two soldiers."
    analysis = pipeline.analyze(Document(id="a", text=text))
    assert analysis.published is not None and analysis.published.source == "inferred"
    assert analysis.published.confidence < pipeline.settings.published_min_confidence
    dated = [e.date.value for e in analysis.events if e.date is not None]
    assert "2026-01-09" in dated


def test_analyze_warns_once_with_the_count(tmp_path):
    for n in range(2):
        (tmp_path / f"w{n}.txt").write_text(WEEKDAYS_ONLY.replace("four", ["four", "five"][n]))
    (tmp_path / "d.txt").write_text(DATELINE)
    out = subprocess.run([sys.executable, "-m", "sitrep", "analyze", str(tmp_path), "--format", "jsonl"],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    warnings = [line for line in out.stderr.splitlines() if "published_min_confidence" in line]
    assert len(warnings) == 1 and warnings[0].startswith("sitrep: warning: 2 document(s)")


def test_ingest_warns_once_and_given_dates_silence_it(tmp_path):
    (tmp_path / "w.txt").write_text(WEEKDAYS_ONLY)
    db = tmp_path / "s.db"
    out = subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(tmp_path / "w.txt"), "--db", str(db)],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert sum("published_min_confidence" in line for line in out.stderr.splitlines()) == 1
    out = subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(tmp_path / "w.txt"), "--db",
                          str(tmp_path / "t.db"), "--published", "2026-03-03"], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    assert "published_min_confidence" not in out.stderr
