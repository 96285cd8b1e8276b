"""Clean over real news text (the geoparsing gold corpora): it must not blank the words events are made of.

Measured: of 6,407 gold toponyms in TR-News and LGL, only the 2 inside agency reporting credits
("(Reporting by … in New York; …)") fall in removed spans. The floors leave a little room, no more.
Print the numbers with: .venv/bin/python tests/clean/test_corpora.py ../shared/corpora
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from sitrep.clean import find_removed
from sitrep.models import Document

pytestmark = [pytest.mark.slow, pytest.mark.corpora]


def articles(corpora: Path):
    for name in ("TR-News.xml", "lgl.xml"):
        for article in etree.parse(str(corpora / "geoparsing-news" / name)).getroot().iter("article"):
            spans = [(int(t.findtext("start")), int(t.findtext("end"))) for t in article.iter("toponym")]
            yield article.findtext("text") or "", spans


def measure(corpora: Path) -> Counter:
    """Counts: articles, toponyms, toponyms lost to removed spans, and removals by reason."""
    counts: Counter = Counter()
    for text, spans in articles(corpora):
        removed = find_removed(Document(id="x", text=text))
        assert all(text[r.start:r.end] == r.text for r in removed)
        counts["articles"] += 1
        counts["toponyms"] += len(spans)
        counts["toponyms_lost"] += sum(1 for s, e in spans if any(r.start < e and s < r.end for r in removed))
        counts.update(f"removed:{r.reason}" for r in removed)
    return counts


def test_gold_toponyms_are_not_removed(corpora):
    counts = measure(corpora)
    removals = sum(v for k, v in counts.items() if k.startswith("removed:"))
    assert counts["toponyms"] > 6000
    assert counts["toponyms_lost"] <= 5, f"{counts['toponyms_lost']} gold toponyms fell in removed spans"
    assert removals <= 40, f"{removals} removals in {counts['articles']} clean gold articles: over-eager"


if __name__ == "__main__":
    for key, value in sorted(measure(Path(sys.argv[1])).items()):
        print(f"{key}\t{value}")
