"""Shapes of the API's requests and responses, for /openapi.json and for clients.

Responses are built by sitrep.query as plain dicts and sent as they are; these models describe them
(extra fields allowed, so a field the query layer adds is never dropped).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..models import AcledCode, EventDate, EventPlace, PloverCode, Span


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorBody(Open):
    code: str = Field(description="sitrep error code, e.g. E211")
    message: str
    fix: str | None = Field(None, description="how to fix it")


class Error(Open):
    error: ErrorBody


class DocumentRef(Open):
    pk: int = Field(description="the store's key: GET /api/documents/{pk}")
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None


class ActorRef(Open):
    id: str
    name: str
    code: str | None = None
    country: str | None = None


class EventItem(Open):
    document: DocumentRef
    event_id: str = Field(description="the event's id within its document (e1, e2 …)")
    merged_id: str | None = Field(None, description="the merged event it belongs to: GET /api/events/{merged_id}")
    source_count: int | None = Field(None, description="how many sources report the merged event")
    plover: PloverCode
    cameo: str | None = None
    acled: AcledCode
    category: str | None = None
    modality: str | None = None
    date: EventDate | None = None
    place: EventPlace | None = None
    sources: list[ActorRef] = []
    targets: list[ActorRef] = []
    evidence: list[Span] = []


class EventPage(Open):
    items: list[EventItem]
    next_cursor: str | None = Field(None, description="pass as cursor= for the next page (date sorts)")
    total: int | None = Field(None, description="every event the filter selects (when total=true)")
    limit: int | None = None
    offset: int = 0


class MergedEvent(Open):
    id: str
    kind: str
    mentions: list[dict[str, Any]] = Field(description="every report, with outlet, document and words")
    claims: dict[str, Any] = Field(description="per attribute: each value with the sources that claim it")
    disputed: list[str] = Field(description="attributes the sources disagree on")


class Timeline(Open):
    bucket: str
    types: list[str]
    series: list[dict[str, Any]]


class DocumentPage(Open):
    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


class StoredDocument(Open):
    pk: int
    id: str
    text: str = Field(description="the text as given; every offset in the record points into it")
    removed: list[dict[str, Any]]
    record: dict[str, Any] = Field(description="the full record (docs/records.md)")


class DocumentIn(BaseModel):
    """An article to analyse and store: its text, or the HTML of its page."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(None, description="plain text (give text or html)")
    html: str | None = Field(None, description="the page's HTML; its article text is extracted")
    id: str | None = Field(None, description="your id for it (default: the URL, else its content hash)")
    title: str | None = None
    published: str | None = Field(None, description="publication date, ISO 8601")
    url: str | None = None
    source: str | None = Field(None, description="the outlet")


class Stored(Open):
    pk: int
    id: str
    stored: bool = Field(description="false when the same content was stored before")
    events: int
    record: dict[str, Any]
