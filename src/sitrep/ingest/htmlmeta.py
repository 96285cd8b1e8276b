"""Title, publication date, canonical URL and site name from an HTML page's own metadata.

Only what the page states: Open Graph / article meta tags, JSON-LD (schema.org NewsArticle and kin)
and <time> elements marked as the publication time. Dates are never guessed from the URL or the text;
that is the temporal stage's job, and it must know the difference.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from .dates import normalize_date

_DATE_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.created",
    "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published", "date",
)
_TITLE_META = ("og:title", "twitter:title", "dc.title", "headline")
_ARTICLE_TYPES = re.compile(r"Article|BlogPosting|Report", re.I)
_TITLE_SEPARATOR = re.compile(r"(?<!\s)\s++[|–—-]\s+")  # " | Site name"; a space run is tried once
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)""", re.I)


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    published: str | None = None
    url: str | None = None
    site: str | None = None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes (<meta charset> or http-equiv)."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


def read_metadata(tree: HtmlElement) -> PageMeta:
    metas = _meta_tags(tree)
    ld = list(_json_ld_articles(tree))
    return PageMeta(
        title=_first(*(metas.get(k) for k in _TITLE_META), *(_text(o.get("headline")) for o in ld),
                     _element_text(tree, "//h1"), _clean_title(_element_text(tree, "//title"))),
        published=_first_date(*(_text(o.get("datePublished")) for o in ld), *(metas.get(k) for k in _DATE_META),
                              *_time_elements(tree)),
        url=_first(_attribute(tree, "//link[@rel='canonical']/@href"), metas.get("og:url")),
        site=_first(metas.get("og:site_name"), *(_publisher(o) for o in ld)),
    )


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    """meta property/name/itemprop → content, lower-cased keys, the first of each kept."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and content.strip():
            found.setdefault(key.strip().lower(), content.strip())
    return found


def _json_ld_articles(tree: HtmlElement) -> Iterator[dict]:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        yield from (o for o in _objects(data) if _ARTICLE_TYPES.search(str(o.get("@type", ""))))


def _objects(data: object) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph", []))


def _time_elements(tree: HtmlElement) -> list[str | None]:
    marked = tree.xpath("//time[@itemprop='datePublished' or @pubdate]/@datetime")
    in_article = tree.xpath("//article//time/@datetime")
    return [*marked, *in_article[:1]]


def _publisher(obj: dict) -> str | None:
    publisher = obj.get("publisher")
    return _text(publisher.get("name")) if isinstance(publisher, dict) else None


def _first(*values: str | None) -> str | None:
    return next((v.strip() for v in values if v and v.strip()), None)


def _first_date(*values: str | None) -> str | None:
    return next((d for d in map(normalize_date, values) if d), None)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _element_text(tree: HtmlElement, xpath: str) -> str | None:
    found = tree.xpath(xpath)
    return " ".join(found[0].text_content().split()) if found else None


def _attribute(tree: HtmlElement, xpath: str) -> str | None:
    found = tree.xpath(xpath)
    return str(found[0]) if found else None


def _clean_title(title: str | None) -> str | None:
    """Drop a trailing " | Site name" or " - Site name" from a <title>."""
    if not title:
        return None
    last = next(reversed(list(_TITLE_SEPARATOR.finditer(title))), None)
    if last is None or any(c in "|–—-" for c in title[last.end():]):
        return title.strip() or None
    return title[:last.start()].strip() or None
