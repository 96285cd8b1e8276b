"""Milliseconds per article through `Pipeline().analyze`, one article at a time, for comparing two trees.

Reads the first 150 articles of TR-News (../shared/corpora/geoparsing-news/TR-News.xml), warms up on
five, then times three passes and prints the milliseconds per article of each. Every tree since the
stage contract (1050cbb) runs it unchanged, so two trees compare side by side:

    farm-bench -n 5 --warmup 0 --timeout 1200 \\
      --vs "sh -c 'exec env PYTHONPATH=/tmp/old/src .venv/bin/python benchmarks/per_article.py old >>/tmp/old.txt'" \\
      -- sh -c 'exec .venv/bin/python benchmarks/per_article.py new >>/tmp/new.txt'

(with the other tree checked out at /tmp/old by `git worktree add /tmp/old COMMIT`). Quote the median
of the later passes; the first carries the lazy loads.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from lxml import etree

from sitrep.models import Document
from sitrep.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "geoparsing-news" / "TR-News.xml"


def main() -> None:
    label = sys.argv[1] if len(sys.argv) > 1 else "tree"
    if not CORPUS.is_file():
        sys.exit(f"per_article: {CORPUS} is missing (the shared corpora sit beside the repository)")
    texts = [node.text or "" for node in etree.parse(str(CORPUS)).iter("text")][:150]
    docs = [Document(id=f"t{i}", text=text, published="2020-01-01") for i, text in enumerate(texts)]
    pipeline = Pipeline()
    for doc in docs[:5]:
        pipeline.analyze(doc)
    passes = []
    for _ in range(3):
        began = time.perf_counter()
        for doc in docs:
            pipeline.analyze(doc)
        passes.append((time.perf_counter() - began) / len(docs) * 1000)
    print(label, "ms/article per pass:", " ".join(f"{p:.1f}" for p in passes))


if __name__ == "__main__":
    main()
