"""Figure captions in an HTML page: found, lifted into plain paragraphs, and placed in the text.

trafilatura drops <figure> and caption blocks, but captions report events of their own ("Smoke rises
over the town during an air strike on Friday"). Before extraction each caption element is replaced by
a plain <p> at the same place, so the extractor usually keeps it in reading order; a caption it still
drops is put back after the paragraph that preceded it on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement, fragment_fromstring

_CAPTION_XPATH = (
    "//figcaption | //*[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]"
    " | //*[@itemprop='caption']"
)
_SKIP_ANCESTORS = {"nav", "footer", "aside", "script", "style", "noscript", "button"}
_SPACED = {"span", "div", "p", "small", "cite", "br", "figcaption"}
_SPACE_BEFORE_PUNCT = re.compile(r"(?<!\s)\s++([.,;:!?)])")  # a space run is tried once, from its start
_MAX_CAPTION = 1000
# What lxml refuses in a text node (C0 controls but tab and line breaks, and two non-characters).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Caption:
    text: str
    anchor: str | None  # text of the paragraph before it on the page, to place it when it goes missing


def lift_captions(tree: HtmlElement) -> list[Caption]:
    """Replace each caption (and the figure around it) by a <p> of its text; return them in page order.

    The outermost caption-like element wins ("div.caption" holding "span.caption-text" and
    "span.credit"), unless it is too long to be a caption, when the ones inside it are tried.
    """
    captions: list[Caption] = []
    seen: set[str] = set()
    root = tree.getroottree().getroot()
    for element in tree.xpath(_CAPTION_XPATH):
        if element.tag in ("button", "img", "a") or _in_furniture(element) or not _attached(element, root):
            continue
        text = caption_text(element)
        if not text or len(text) > _MAX_CAPTION:
            continue
        if text in seen:  # a repeated copy (lightbox, gallery) adds nothing
            _replace(element, "")
            continue
        seen.add(text)
        captions.append(Caption(text, _previous_paragraph(element)))
        _replace(element, text)
    return captions


def _attached(element: HtmlElement, root: HtmlElement) -> bool:
    """False for an element inside a caption or figure already lifted (and so cut from the tree)."""
    return element is root or any(a is root for a in element.iterancestors())


def _in_furniture(element: HtmlElement) -> bool:
    """Inside navigation, a footer, an aside, or a page header (an article's own header is story)."""
    ancestors = [a.tag for a in element.iterancestors()]
    if any(tag in _SKIP_ANCESTORS for tag in ancestors):
        return True
    return "header" in ancestors and not any(tag in ("article", "main") for tag in ancestors)


def caption_text(element: HtmlElement) -> str:
    """The caption's text with words in separate elements (caption, credit) kept apart."""
    parts: list[str] = []
    for node in element.iter():
        if node.tag in _SPACED or "credit" in (node.get("class") or "").lower():
            parts.append(" ")
        if isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        if node is not element and node.tail:
            parts.append(" " if node.tag in _SPACED else "")
            parts.append(node.tail)
    return _SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(_NOT_XML.sub(" ", "".join(parts)).split()))


def _previous_paragraph(element: HtmlElement) -> str | None:
    for node in element.itersiblings(preceding=True):
        text = " ".join(node.text_content().split()) if isinstance(node.tag, str) else ""
        if len(text) > 40:
            return text
    parent = element.getparent()
    return _previous_paragraph(parent) if parent is not None and parent.tag != "body" else None


def _replace(element: HtmlElement, text: str) -> None:
    figure = next((a for a in element.iterancestors() if a.tag == "figure"), None)
    target = figure if figure is not None else element
    paragraph = fragment_fromstring("<p></p>")
    paragraph.text = text
    paragraph.tail = _NOT_XML.sub(" ", target.tail) if target.tail else target.tail
    parent = target.getparent()
    if parent is not None:
        parent.replace(target, paragraph)


def normalize(text: str) -> str:
    """Whitespace-folded form used to find a caption in the extracted text."""
    return re.sub(r"\s+", " ", text).strip()
