"""Plain text → Document: the text as given; the title is the first line when it reads as a headline."""

from __future__ import annotations

from ..clean.labels import is_section_label, looks_like_headline
from ..clean.lines import line_reason
from ..models import Document


def text_document(text: str, name: str, origin: str | None = None) -> Document:
    return Document(id=name, text=text, title=find_title(text), origin=origin or name)


def find_title(text: str) -> str | None:
    """The first non-empty line when it looks like a headline, after a section label such as "World".

    Only a line followed by more text counts: a one-line input is the story, not its title.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) < 2:
        return None
    if is_section_label(lines[0], lines[1]):
        lines = lines[1:]
    if len(lines) >= 2 and looks_like_headline(lines[0]) and line_reason(lines[0]) is None:
        return lines[0]
    return None
