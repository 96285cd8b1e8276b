"""The clean stage: find what in a document is not story, report it, and blank it for analysis.

Removed spans (models.Removed, offsets into Document.text): duplicate paragraphs (the first copy is
kept), photo credits inside captions (the caption itself is kept), a section label on the first line,
boilerplate lines and bylines. `analysis_text` is the input with every removed span replaced by spaces
(line breaks kept), so it has the input's length and every offset into it is an offset into the input.
It also leaves a hint for later stages: analysis.extras["captions"], the (start, end) of every caption.

With the `detect_language` setting on (the default), a document mostly in another language is skipped
(errors.Skipped, E701, naming the language) and paragraphs in another language inside an English text
are set aside as `other_language` (language.py), so that no other language is coded as English.
"""

from __future__ import annotations

import re

from ..errors import Skipped
from ..models import Document, Removed
from ..settings import Settings
from ..stage import Analysis, Stage
from . import blocks
from .credits import find_credits
from .duplicates import find_duplicates
from .language import judge, load_identifier
from .lines import find_line_removals

__all__ = ["blank", "caption_spans", "find_removed", "make_stage"]

_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


def make_stage(settings: Settings) -> Stage:
    def run(analysis: Analysis) -> None:
        analysis.removed = find_removed(analysis.document)
        if settings.detect_language:
            analysis.removed = set_aside_languages(analysis.document, analysis.removed)
        analysis.analysis_text = blank(analysis.document.text, analysis.removed)
        analysis.extras["captions"] = caption_spans(analysis.document, analysis.removed)

    return Stage("clean", needs=("document",), adds=("removed", "analysis_text"), run=run,
                 warm=load_identifier if settings.detect_language else None)


def find_removed(document: Document) -> list[Removed]:
    """Every span to set aside, in text order, none overlapping another.

    Whole lines go first, then duplicates among the paragraphs still standing (so a repeated
    "Advertisement" is boilerplate, not a duplicate), then credits in what is left.
    """
    text = document.text
    removed = find_line_removals(blocks.lines(text))
    standing = [p for p in blocks.paragraphs(text) if not _covered(p.start, p.end, removed)]
    removed += find_duplicates(standing)
    standing = [p for p in standing if not _covered(p.start, p.end, removed)]
    removed += find_credits(text, standing, document.captions)
    return _without_overlaps(removed)


def set_aside_languages(document: Document, removed: list[Removed]) -> list[Removed]:
    """The removed spans plus paragraphs in another language; Skipped (E701) when most of it is not English."""
    standing = [p for p in blocks.paragraphs(document.text) if not _covered(p.start, p.end, removed)]
    verdict = judge(document.text, standing)
    if verdict.language:
        raise Skipped(f"{document.id}: not English: {verdict.describe()}",
                      "sitrep codes English news; translate it first, or set detect_language = false to "
                      "analyse it anyway", code="E701")
    return _without_overlaps(removed + verdict.removed) if verdict.removed else removed


def caption_spans(document: Document, removed: list[Removed]) -> list[tuple[int, int]]:
    """Offsets of captions: those the HTML reader marked, and paragraphs that end in a photo credit
    (a plain-text caption), so later stages can tell a caption from the story's own paragraphs."""
    spans = set(document.captions)
    for paragraph in blocks.paragraphs(document.text):
        credit = next((r for r in removed if r.reason == "caption_credit"
                       and paragraph.start < r.start and r.end == paragraph.end), None)
        if credit is not None:
            spans.add((paragraph.start, paragraph.end))
    return sorted(spans)


def blank(text: str, removed: list[Removed]) -> str:
    """The text with each removed span's characters turned to spaces, line breaks kept."""
    pieces, position = [], 0
    for item in sorted(removed, key=lambda r: r.start):
        start = max(item.start, position)
        pieces.append(text[position:start])
        pieces.append(_NOT_LINE_BREAK.sub(" ", text[start:item.end]))
        position = max(position, item.end)
    pieces.append(text[position:])
    return "".join(pieces)


def _covered(start: int, end: int, removed: list[Removed]) -> bool:
    return any(r.start <= start and end <= r.end for r in removed)


def _without_overlaps(removed: list[Removed]) -> list[Removed]:
    kept: list[Removed] = []
    for item in sorted(removed, key=lambda r: (r.start, -r.end)):
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept
