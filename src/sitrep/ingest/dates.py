"""Publication dates as found in metadata (ISO 8601, RFC 822, loose strings) → ISO 8601 strings."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import parsedate_to_datetime

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def normalize_date(raw: str | None) -> str | None:
    """ISO 8601 for a date or date-time string; None when it cannot be read as one.

    A bare date stays a date ("2020-01-10"); a date-time keeps its time and UTC offset when given.
    """
    if raw is None or not str(raw).strip():
        return None
    text = str(raw).strip()
    if _ISO_DATE.match(text):
        return text if _valid_date(text) else None
    for parse in (_from_iso, _from_rfc822, _from_loose):
        value = parse(text)
        if value is not None:
            return value.isoformat()
    return None


def _valid_date(text: str) -> bool:
    try:
        datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        return False
    return True


def _from_iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _from_rfc822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _from_loose(text: str) -> datetime | None:
    """Strings like "January 10, 2020 3:05 PM"; only when a year is present, so nothing is guessed."""
    if not re.search(r"\b(1[89]|20)\d{2}\b", text):
        return None
    from dateutil import parser

    try:
        return parser.parse(text, fuzzy=False)
    except (ValueError, OverflowError):
        return None
