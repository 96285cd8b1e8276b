"""Photo credits: "(Abdulaziz Ketaz/AFP via Getty Images)", "(Name/Reuters)", "Photo: Name/AFP",
"REUTERS/Name", "(AP Photo/Name)". Only the credit is removed; the caption sentence is kept.

Outside known captions a credit must end its paragraph and look like one: a photographer and an
agency joined by a slash, or a "Photo:" / "Credit:" label. Inside a caption (Document.captions, from
HTML) a bare agency in brackets such as "(Getty Images)" also counts, anywhere in the caption.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..models import Removed
from ..wordtables import word_table
from .blocks import Block

_UPPER = r"[^\W\d_a-z]"
# A name word starts a word (never inside one) and is taken whole (possessive: nothing after it can be a
# word character), so a long unspaced run such as a base64 blob is scanned once, not once per capital.
_NAME_WORD = rf"(?<![\w'’-]){_UPPER}(?:[a-zA-Z]{{0,2}}\.|[\w'’-]*+)"  # "Jane", "Al-Khalidi", "J.", "Jr." but not "Friday."
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|da|van|von|al|el|bin|ibn|la|le|du|dos|del|di))" + "{0,5}"
_LABEL = r"(?:(?:File )?Photo(?:graph|grapher)?s?|Images?|Pictures?|(?:Photo |Image )?Credits?|File)"
_LABEL_SEP = r"\s*(?::|\bby\b|\.\.\.|…)\s*"  # "Photo: ", "Photo by ", "Credit..."

HINTS = word_table("clean.credits.hints")
_HINT = "(?i:" + "|".join(re.escape(h) for h in sorted(HINTS | {"the", "for"}, key=len, reverse=True)) + r")\b"
# An unbracketed agency: one word, then only agency-like words ("AFP via Getty Images", "EPA-EFE/Pool"),
# so that a caption going on after the credit ("Photo: Name/AFP Smoke rises …") is not swallowed.
_AGENCY = rf"[\w&'’.-]+(?:(?:\s+|\s*/\s*)(?:{_HINT}|[A-Z][A-Z&.-]+\b))" + "{0,6}"

_FOR_AGENCY = rf"\s+for\s+(?:The\s+)?{_UPPER}[\w'’.-]*(?:\s+{_UPPER}[\w'’.-]*){{0,4}}"  # "… for The Daily Example"

PAREN = re.compile(r"[(\[]\s*([^()\[\]\n]{2,120}?)\s*[)\]]")  # round or square brackets
LABELLED = re.compile(rf"\b{_LABEL}{_LABEL_SEP}{_NAME}(?:\s*/\s*{_AGENCY}|{_FOR_AGENCY})?")
CAPS = re.compile(rf"\b([A-Z]{{2,}})(?:[ -][A-Z]{{2,}})?\s*/\s*{_NAME}(?:\s*/\s*{_AGENCY})?")
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s+$")
SLASHED = re.compile(rf"{_NAME}\s*/\s*{_AGENCY}")


_TAIL = re.compile(r"[\s.,;:]*$")


def find_credits(text: str, paragraphs: list[Block], captions: list[tuple[int, int]]) -> list[Removed]:
    spans = {span for block in paragraphs for span in _ending_credit(text, block)}
    for start, end in captions:
        spans.update(_caption_credits(text, start, end))
    return [Removed(start=s, end=e, reason="caption_credit", text=text[s:e]) for s, e in sorted(spans)]


def strip_credit(paragraph: str) -> str:
    """The paragraph without a credit at its end (for comparing paragraphs)."""
    span = _credit_ending(paragraph)
    return paragraph[: span[0]] if span else paragraph


def _ending_credit(text: str, block: Block) -> Iterator[tuple[int, int]]:
    """The credit that ends a paragraph, or makes up all of it, if there is one."""
    span = _credit_ending(block.text)
    if span is not None:
        yield block.start + span[0], block.start + span[1]


@lru_cache(maxsize=1024)  # asked twice of each paragraph: by the duplicates pass (strip_credit), then here
def _credit_ending(paragraph: str) -> tuple[int, int] | None:
    """(start, end) in the paragraph of the credit that ends it, or None."""
    for start, end in _candidates(paragraph, in_caption=False):
        if _TAIL.fullmatch(paragraph[end:]):
            return start, end
    return None


def _caption_credits(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    caption = text[start:end]
    for s, e in _candidates(caption, in_caption=True):
        yield start + s, start + e


def _candidates(text: str, in_caption: bool) -> Iterator[tuple[int, int]]:
    """Credit spans in `text`, in order, as offsets into it."""
    for match in PAREN.finditer(text):
        if is_credit(match.group(1), in_caption):
            yield match.span()
    for pattern in (LABELLED, CAPS):
        for match in pattern.finditer(text):
            at_end = bool(_TAIL.fullmatch(text[match.end():]))
            if pattern is CAPS and match.group(1).lower() not in HINTS:  # "US/Mexico" is not a credit
                continue
            if not _inside_parens(text, match.start()) and ("/" in match.group(0) or at_end):
                yield match.start(), _rstrip(text, match.end())
    last = next(reversed(list(SLASHED.finditer(text))), None)
    if last and _TAIL.fullmatch(text[last.end():]) and is_credit(last.group(0), in_caption):
        if in_caption or (_SENTENCE_END.search(text[: last.start()]) and _agency_named(last.group(0))):
            yield last.start(), _rstrip(text, last.end())


def is_credit(inside: str, in_caption: bool) -> bool:
    """Does the text inside brackets read as a photo credit rather than an aside?"""
    if any(c.isdigit() for c in inside) or not re.match(_UPPER, inside.lstrip()):
        return False
    if "/" not in inside:
        words = {w.lower() for w in re.findall(r"[\w'’-]+", inside)}
        return in_caption and bool(words & HINTS) and len(words) <= 6
    left, right = (part.strip() for part in inside.split("/", 1))
    if not re.fullmatch(rf"(?:{_LABEL}{_LABEL_SEP})?{_NAME}", left):
        return False
    return _agency_named(inside) or bool(re.search(rf"\b{_LABEL}(?:{_LABEL_SEP})?$", left)) or len(left.split()) >= 2


def _agency_named(credit: str) -> bool:
    """Is a known kind of photo agency named after the first slash ("Name/AFP via Getty Images")?"""
    right = credit.split("/", 1)[1] if "/" in credit else ""
    return bool({w.lower() for w in re.findall(r"[\w'’-]+", right)} & HINTS)


def _inside_parens(text: str, position: int) -> bool:
    return text.rfind("(", 0, position) > text.rfind(")", 0, position)


def _rstrip(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in " .,;:":
        end -= 1
    return end
