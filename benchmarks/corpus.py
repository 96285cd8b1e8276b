"""The benchmark corpus, assembled at run time from ../shared/corpora and never copied into the repository.

Real news: the TimeBank and AQUAINT articles (TempEval-3, dated by their DCT), the LGL and the TR-News
articles (dated by their download time), about 950 documents; `repeat_to(docs, 5000)` repeats them
(each copy with its own id) to reach a larger corpus.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from sitrep.models import Document


def timeml_documents(corpora: Path) -> Iterator[Document]:
    from sitrep.eval.time import read_tml

    for subset in ("TimeBank", "AQUAINT"):
        for path in sorted((corpora / "tempeval3" / "TBAQ-cleaned" / subset).glob("*.tml")):
            gold = read_tml(path)
            yield Document(id=f"{subset.lower()}/{gold.id}", text=gold.text, published=gold.dct or None,
                           published_source="metadata" if gold.dct else None)


def geoparsing_documents(corpora: Path) -> Iterator[Document]:
    from lxml import etree

    from sitrep.ingest.dates import normalize_date

    for name in ("lgl.xml", "TR-News.xml"):
        root = etree.parse(str(corpora / "geoparsing-news" / name)).getroot()
        for node in root.iter("article"):
            text = node.findtext("text") or ""
            day = normalize_date((node.findtext("dltime") or "").strip()[:10])
            title = " ".join((node.findtext("title") or "").split()) or None
            yield Document(id=f"{name.split('.')[0].lower()}/{node.get('docid')}", text=text, title=title,
                           published=day, published_source="metadata" if day else None)


def news_documents(corpora: Path) -> list[Document]:
    """About 950 real news articles from the gold corpora (empty ones left out)."""
    docs = [*timeml_documents(corpora), *geoparsing_documents(corpora)]
    return [d for d in docs if d.text.strip()]


def repeat_to(docs: list[Document], size: int) -> list[Document]:
    """The documents repeated in order until there are `size` of them; copies get ids ending in ~N."""
    out = []
    for i in range(size):
        doc = docs[i % len(docs)]
        copy = i // len(docs)
        out.append(doc if copy == 0 else doc.model_copy(update={"id": f"{doc.id}~{copy}"}))
    return out


def write_jsonl(docs: list[Document], path: Path) -> Path:
    """The documents as the JSON Lines `sitrep analyze -` and `sitrep batch` read."""
    with path.open("w", encoding="utf-8") as out:
        for d in docs:
            out.write(json.dumps({"id": d.id, "text": d.text, "title": d.title, "published": d.published}) + "\n")
    return path
