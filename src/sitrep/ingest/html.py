"""HTML page → Document: main text through trafilatura, figure captions kept, metadata from the page.

The text is the article's paragraphs, one per block, separated by blank lines; captions are their own
paragraphs near where they stood on the page, and their offsets go into Document.captions.
"""

from __future__ import annotations

import re

import lxml.html
import trafilatura
from lxml.etree import ParserError, tostring

from ..errors import InputError
from ..models import Document
from . import errors
from .captions import Caption, lift_captions, normalize
from .htmlmeta import read_metadata

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")  # lxml refuses a str that declares an encoding


def html_document(html: str, name: str, origin: str | None = None, url: str | None = None,
                  published: str | None = None) -> Document | InputError:
    """Build a Document from one page; `url`/`published` fill in what the page itself does not say."""
    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (ParserError, ValueError) as exc:
        return errors.bad_html(name, str(exc))
    meta = read_metadata(tree)
    captions = lift_captions(tree)
    paragraphs = _extract(tostring(tree, encoding="unicode"))
    if not paragraphs:
        return errors.empty(name, "no article text found in the HTML")
    text, spans = join_paragraphs(*place_captions(paragraphs, captions))
    date = meta.published or published
    return Document(id=name, text=text, title=meta.title, url=meta.url or url, source=meta.site,
                    published=date, published_source="metadata" if date else None,
                    origin=origin or name, captions=spans)


def _extract(html: str) -> list[str]:
    """The main text's paragraphs; trafilatura's baseline when its main extractor finds nothing."""
    text = trafilatura.extract(html, include_comments=False, include_tables=True, deduplicate=False)
    if not text:
        text = trafilatura.baseline(html)[1]
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def place_captions(paragraphs: list[str], captions: list[Caption]) -> tuple[list[str], set[int]]:
    """The paragraphs with every caption present, and the indexes of the caption paragraphs."""
    paragraphs = list(paragraphs)
    marked: set[int] = set()
    for caption in captions:
        index = _find(paragraphs, caption.text, marked)
        if index is None:
            index = _anchor_index(paragraphs, caption.anchor) + 1
            paragraphs.insert(index, caption.text)
            marked = {i + 1 if i >= index else i for i in marked}
        marked.add(index)
    return paragraphs, marked


def _find(paragraphs: list[str], caption: str, taken: set[int]) -> int | None:
    wanted = normalize(caption)
    return next((i for i, p in enumerate(paragraphs) if i not in taken and normalize(p) == wanted), None)


def _anchor_index(paragraphs: list[str], anchor: str | None) -> int:
    """Index of the paragraph a lost caption followed on the page; the last paragraph when unknown."""
    if anchor:
        head = normalize(anchor)[:80]
        for i, paragraph in enumerate(paragraphs):
            if normalize(paragraph).startswith(head) or head.startswith(normalize(paragraph)[:80]):
                return i
    return len(paragraphs) - 1


def join_paragraphs(paragraphs: list[str], caption_indexes: set[int]) -> tuple[str, list[tuple[int, int]]]:
    """Paragraphs joined by blank lines, and the offsets of those that are captions."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for i, paragraph in enumerate(paragraphs):
        if i in caption_indexes:
            spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    return "\n\n".join(paragraphs), spans
