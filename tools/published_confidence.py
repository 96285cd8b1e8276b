"""How right the inferred publication date is, by confidence, on TempEval-3 TBAQ with the DCT withheld.

    PYTHONPATH=src .venv/bin/python tools/published_confidence.py dev [../shared/corpora]

Prints, for one split part, the documents, those with an inferred date, and per confidence how many were
right and wrong; then, for each threshold, how many wrong dates would still date events. Counts only: no
text from the corpus is printed. docs/time.md keeps the table.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from sitrep.eval.time import SUBSETS, _pipeline, gold_documents
from sitrep.models import Document


def main(split: str, root: Path) -> None:
    pipeline = _pipeline()
    by_confidence: Counter[tuple[float, bool]] = Counter()
    documents = 0
    for subset in SUBSETS:
        for doc in gold_documents(root, subset, None, split):  # type: ignore[arg-type]
            documents += 1
            published = pipeline.analyze(Document(id=doc.id, text=doc.text)).published
            if published is not None:
                by_confidence[(published.confidence, published.value[:10] == doc.dct)] += 1
    inferred = sum(by_confidence.values())
    right = sum(n for (_, ok), n in by_confidence.items() if ok)
    print(f"{split}: {documents} documents, {inferred} with an inferred date, {right} right, {inferred - right} wrong")
    for (confidence, ok), n in sorted(by_confidence.items()):
        print(f"  confidence {confidence:.2f}: {n} {'right' if ok else 'wrong'}")
    for threshold in (0.0, 0.35, 0.5, 0.7, 0.85):
        used_wrong = sum(n for (c, ok), n in by_confidence.items() if c >= threshold and not ok)
        used_right = sum(n for (c, ok), n in by_confidence.items() if c >= threshold and ok)
        print(f"  threshold {threshold:.2f}: used right {used_right}, used wrong {used_wrong} "
              f"({used_wrong / documents:.1%} of documents)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "dev", Path(sys.argv[2] if len(sys.argv) > 2 else "../shared/corpora"))
