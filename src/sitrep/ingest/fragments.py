"""A short HTML fragment (a feed item's description) → paragraphs of text, captions kept.

Full pages go through trafilatura (html.py); a fragment is already the article, so every block is kept
as a paragraph. Plain text without tags is returned as it is.
"""

from __future__ import annotations

import re

import lxml.html
from lxml.etree import ParserError
from lxml.html import HtmlElement

from .captions import lift_captions
from .html import join_paragraphs, place_captions

_BLOCKS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption",
    "br", "tr", "table", "section", "article", "pre", "header", "footer", "dd", "dt", "hr",
}
_SKIP = {"script", "style", "noscript", "template"}
_TAG = re.compile(r"<[a-zA-Z!/][^>]*>")


def fragment_text(html: str) -> tuple[str, list[tuple[int, int]]]:
    """The fragment's paragraphs joined by blank lines, and the offsets of its captions."""
    if not _TAG.search(html):
        return html.strip(), []
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError, AssertionError):  # lxml asserts on a fragment that is a whole page
        return " ".join(_TAG.sub(" ", html).split()), []
    captions = lift_captions(root)
    return join_paragraphs(*place_captions(block_paragraphs(root), captions))


def block_paragraphs(root: HtmlElement) -> list[str]:
    """Text of each block element, in document order, whitespace folded."""
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = " ".join("".join(buffer).split())
        if text:
            paragraphs.append(text)
        buffer.clear()

    def walk(element: HtmlElement) -> None:
        block = element.tag in _BLOCKS
        if block:
            flush()
        if isinstance(element.tag, str) and element.tag not in _SKIP:
            buffer.append(element.text or "")
            for child in element:
                walk(child)
        if block:
            flush()
        buffer.append(element.tail or "")

    walk(root)
    flush()
    return paragraphs
