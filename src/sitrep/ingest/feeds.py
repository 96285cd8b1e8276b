"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds → one Document per item.

The item's HTML (content:encoded, else description; Atom content, else summary) becomes text with its
captions kept; pubDate/published → published (metadata); link → url and id (else guid, else file#n).

`feed_entries` gives each item with its identity (guid/id, else link) and link, for `sitrep watch`,
which remembers the items it has seen and fetches each new item's page once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ..errors import InputError
from ..models import Document
from . import errors
from .boundary import guard_one
from .dates import normalize_date
from .fragments import fragment_text


@dataclass(frozen=True)
class FeedEntry:
    """One feed item: its identity across polls, its link, and the Document of the text the feed carries."""

    key: str
    link: str | None
    document: Document | InputError


def read_feed(data: bytes, name: str, max_bytes: int) -> Iterator[Document | InputError]:
    for entry in feed_entries(data, name, max_bytes):
        yield entry.document if isinstance(entry, FeedEntry) else entry


def feed_entries(data: bytes, name: str, max_bytes: int) -> Iterator[FeedEntry | InputError]:
    """Each item of a feed (or one error for a feed that cannot be read or has no items)."""
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError as exc:
        yield errors.bad_feed(name, f"not well-formed XML ({exc})")
        return
    kind = etree.QName(root).localname.lower()
    if kind not in ("rss", "rdf", "feed"):
        yield errors.bad_feed(name, f"XML whose root is <{etree.QName(root).localname}>, not an RSS or Atom feed")
        return
    items = _children(root, "entry") if kind == "feed" else list(root.iter("{*}item"))
    if not items:
        yield errors.empty(name, "a feed with no items")
    feed_title = _text(_child(root, "title") if kind == "feed" else _child(_child(root, "channel"), "title"))
    for number, item in enumerate(items, start=1):
        where = f"{name}#{number}"
        link = _link(item)
        key = _text(_child(item, "guid")) or _text(_child(item, "id")) or link or where
        yield FeedEntry(key, link, guard_one(item_document, where, item, where, feed_title, max_bytes))


def item_document(item: etree._Element, where: str, source: str | None, max_bytes: int) -> Document | InputError:
    title = _text(_child(item, "title"))
    body = _body(item)
    text, captions = fragment_text(body) if body else ("", [])
    if not text.strip():  # no body, or one with no text ("<![CDATA[<HTML>]]>"): the title is the story
        text, captions = title or "", []
    if not text.strip():
        return errors.bad_feed(where, "feed item has no title, description or content",
                               "give the item a description or leave it out")
    if len(text.encode("utf-8")) > max_bytes:
        return errors.oversized(where, len(text.encode("utf-8")), max_bytes)
    link = _link(item)
    guid = _text(_child(item, "guid")) or _text(_child(item, "id"))
    published = normalize_date(_text(_child(item, "pubDate", "published", "date", "issued", "updated")))
    return Document(id=link or guid or where, text=text, title=title, url=link, source=source,
                    published=published, published_source="metadata" if published else None,
                    origin=where, captions=captions)


def _body(item: etree._Element) -> str | None:
    """The richest text the item carries, as HTML (or plain text)."""
    for names in (("encoded",), ("content",), ("description", "summary")):
        element = _child(item, *names)
        if element is not None:
            html = _inner_html(element)
            if html.strip():
                return html
    return None


def _inner_html(element: etree._Element) -> str:
    """Escaped HTML (RSS) comes back as text; inline XHTML (Atom type="xhtml") as markup."""
    if len(element):
        return (element.text or "") + "".join(etree.tostring(c, encoding="unicode") for c in element)
    return element.text or ""


def _link(item: etree._Element) -> str | None:
    for link in _children(item, "link"):
        href = link.get("href")
        if href and link.get("rel", "alternate") == "alternate":
            return href.strip()
        if not href and link.text and link.text.strip():
            return link.text.strip()
    return None


def _children(element: etree._Element | None, name: str) -> list[etree._Element]:
    if element is None:
        return []
    return [c for c in element if isinstance(c.tag, str) and etree.QName(c).localname == name]


def _child(element: etree._Element | None, *names: str) -> etree._Element | None:
    for name in names:
        found = _children(element, name)
        if found:
            return found[0]
    return None


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    text = " ".join("".join(str(part) for part in element.itertext()).split())
    return text or None
