"""Whole lines that are not story: a section label on the first line, boilerplate, bylines.

Patterns describe the shapes these lines take on news sites in general ("Advertisement",
"Read more: …", "© 2020 …", "By Jane Doe, Reuters", "(Reporting by …; Editing by …)").
"""

from __future__ import annotations

import re
from typing import Literal

from ..models import Removed
from ..wordtables import word_table
from .blocks import Block
from .labels import is_section_label

LineReason = Literal["caption_credit", "boilerplate", "byline", "section_label"]
MAX_BOILERPLATE = 200
_BOILERPLATE = [re.compile(p, re.I) for p in (
    r"advertisement|advertising|sponsored(?: content)?|ad",
    r"(?:story|article) continues (?:below|after)(?:(?: the)? (?:advertisement|ad))?",
    r"continue reading(?: the main story| below)?",
    r"share(?: this(?: article| story| page| post)?| on \w+)?|tweet|e-?mail|print|copy link|link copied",
    r"(?:read more|related(?: stories| articles| coverage| content)?|more on this(?: story)?|see also|also read"
    r"|recommended|most read|trending|you may also like)(?:\s*[:|].*)?",
    r"sign up (?:for|to|now)\b.*|subscribe(?: now| today)?(?: to\b.*)?|follow (?:us|@\w+) on\b.*",
    r"(?:©|\(c\)).*|copyright\s*(?:©|\(c\))?\s*\d{4}\b.*|.{0,80}\ball rights reserved\.?",
    r"this (?:material|article|story|content) may not be (?:published|reproduced|copied)\b.*",
    r"click here\b.*|skip to (?:main )?content|listen to (?:this )?(?:article|story)\b.*",
    r"(?:image|video|media) caption|please enable javascript\b.*|media playback is unsupported\b.*",
)]
_CREDIT_ONLY = re.compile(r"(?:Image|Photo|Picture)\s+(?:copyright|credit|source)\b.{0,80}|Getty Images", re.I)
_CAPTION_LABEL = re.compile(r"(?:Image|Video|Media|Photo) caption\b[:,]?", re.I)
_BY = re.compile(r"By\s+(?P<names>.+)", re.I)
_CREDIT_LINE = re.compile(
    r"\(?\s*(?:additional |editing |writing )?(?:reporting|writing|editing|compiled|reported|written)\s+by\b.*",
    re.I)
_CONTRIBUTED = re.compile(r".{3,120}\bcontributed(?: reporting)?(?: to)?(?: this)? (?:report|story|article)\.?", re.I)
_STAFF = re.compile(r"(?:staff|agencies|staff and agencies|[\w ]{1,40} and agencies)", re.I)
_NAME_PIECE = re.compile(r"(?:The\s+)?[^\W\d_a-z][\w'’.-]*(?:\s+(?:[^\W\d_a-z][\w'’.-]*|de|al|el|bin|van|von)){0,5}")
_JOINERS = re.compile(r"(?<!\s)\s*+(?:,|\||/|–|—|-|;|\band\b|&|\bin\b)\s*")  # a space run is tried once
_NOT_NAMES = word_table("clean.lines.not_names")


def find_line_removals(lines: list[Block]) -> list[Removed]:
    removed: list[Removed] = []
    if len(lines) >= 2 and is_section_label(lines[0].text, lines[1].text):
        removed.append(_removed(lines[0], "section_label"))
    for line in lines[len(removed):]:
        reason = line_reason(line.text)
        if reason:
            removed.append(_removed(line, reason))
        elif label := _CAPTION_LABEL.match(line.text):
            removed.append(_removed(Block(line.start, line.start + label.end(), label.group(0)), "boilerplate"))
    return removed


def line_reason(line: str) -> LineReason | None:
    """Why a whole line is not story, or None when it may be."""
    if _CREDIT_ONLY.fullmatch(line):
        return "caption_credit"
    if is_boilerplate(line):
        return "boilerplate"
    return "byline" if is_byline(line) else None


def is_boilerplate(line: str) -> bool:
    text = line.strip()
    return len(text) <= MAX_BOILERPLATE and any(p.fullmatch(text) for p in _BOILERPLATE)


def is_byline(line: str) -> bool:
    """"By Jane Doe, Reuters", "By JOHN ROE and JANE DOE", reporting credits and "staff and agencies"."""
    text = line.strip()
    if len(text) > 300:
        return False
    if _CONTRIBUTED.fullmatch(text) or _STAFF.fullmatch(text):
        return True
    if _CREDIT_LINE.fullmatch(text):
        return ";" in text or text.startswith("(") or not text.endswith(".")
    match = _BY.fullmatch(text)
    return match is not None and len(text) <= 100 and _all_names(match.group("names"))


def _all_names(names: str) -> bool:
    pieces = [p for p in _JOINERS.split(names.strip().rstrip(".")) if p]
    if not pieces or len(pieces) > 8 or pieces[0].split()[0].lower().strip(",") in _NOT_NAMES - {"the"}:
        return False
    return all(_NAME_PIECE.fullmatch(p) for p in pieces)


def _removed(line: Block, reason: LineReason) -> Removed:
    return Removed(start=line.start, end=line.end, reason=reason, text=line.text)
