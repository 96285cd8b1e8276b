"""Documents: list, one with its text, removed spans and record, and POST to analyse and store one."""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Connection

from ..errors import ApiError, InputError, SitrepError
from ..models import Document
from ..query import get_document, list_documents
from ..query.filters import LARGEST
from .deps import connection
from .guard import require_write
from .schemas import DocumentIn, DocumentPage, Error, Stored, StoredDocument

router = APIRouter(tags=["documents"])
Conn = Annotated[Connection, Depends(connection)]


@router.get("/documents", response_model=DocumentPage)
def documents(conn: Conn, limit: int = Query(100, ge=1, le=1000),
              offset: int = Query(0, ge=0, le=LARGEST)) -> JSONResponse:
    """Stored documents with their number of events, in the order they were stored."""
    return JSONResponse(list_documents(conn, limit, offset))


@router.get("/documents/{pk}", response_model=StoredDocument)
def document(pk: int, conn: Conn) -> JSONResponse:
    """One document: the text as given, the spans the cleaner removed, its full record, and the merged
    event of each of its events."""
    found = get_document(conn, pk)
    if found is None:
        raise ApiError(f"no document {pk}", "take a pk from /api/documents or an event's document.pk",
                       code="E601", status=404)
    return JSONResponse(found)


def to_document(body: DocumentIn) -> Document:
    """The posted article as a Document (HTML through the same reader as `sitrep ingest`)."""
    from ..ingest.dates import normalize_date
    from ..ingest.html import html_document

    if (body.text is None) == (body.html is None):
        raise ApiError("give the article as text or as html (one of them)", "send {\"text\": ...} or "
                       "{\"html\": ...}", code="E604", status=422)
    published = normalize_date(body.published) if body.published else None
    if body.published and not published:
        raise ApiError(f"published {body.published!r} is not a date", "give an ISO date such as 2020-01-10",
                       code="E210", status=422)
    name = body.id or body.url or "posted"
    if body.html is not None:
        doc = html_document(body.html, name, origin="api", url=body.url, published=published)
        if isinstance(doc, InputError):
            raise ApiError(str(doc.reason), doc.fix, code=doc.code, status=422)
    else:
        if not body.text or not body.text.strip():
            raise ApiError("the text is empty", "send the article's text", code="E101", status=422)
        doc = Document(id=name, text=body.text, origin="api", url=body.url, published=published,
                       published_source="metadata" if published else None)
    extra = {k: v for k, v in (("title", body.title), ("source", body.source)) if v}
    doc = doc.model_copy(update=extra) if extra else doc
    return doc if body.id or body.url else doc.model_copy(update={"id": f"posted:{doc.content_hash[:16]}"})


class Writer:
    """The pipeline and the store for POSTed documents: loaded on the first write, one write at a time."""

    def __init__(self, target: str, settings: Any):
        self.target, self.settings = target, settings
        self.lock = threading.Lock()
        self.parts: tuple[Any, Any] | None = None

    def _open(self) -> tuple[Any, Any]:
        from ..actors.learned import LearnedKB
        from ..merge.hooks import open_store
        from ..pipeline import Pipeline

        store = open_store(self.target, self.settings)
        learned = LearnedKB(store.engine) if self.settings.learn_actors else None
        return Pipeline(self.settings, learned=learned).warm_up(), store

    def write(self, doc: Document) -> dict[str, Any]:
        with self.lock:
            self.parts = self.parts or self._open()
            pipeline, store = self.parts
            record = pipeline.analyze(doc).record()
            outcome = store.save(doc, record)
        return {"pk": outcome.pk, "id": doc.id, "stored": outcome.stored, "events": outcome.events,
                "record": record.model_dump(mode="json")}

    def close(self) -> None:
        if self.parts:
            self.parts[1].close()


@router.post("/documents", response_model=Stored, status_code=201, dependencies=[Depends(require_write)],
             responses={200: {"model": Stored, "description": "the same content was stored before"},
                        401: {"model": Error}, 403: {"model": Error}, 413: {"model": Error}, 422: {"model": Error}})
def post_document(body: DocumentIn, request: Request) -> JSONResponse:
    """Analyse an article and store it with its events (needs the bearer token)."""
    writer: Writer = request.app.state.writer
    try:
        result = writer.write(to_document(body))
    except ApiError:
        raise
    except SitrepError as exc:
        status = 409 if exc.code == "E506" else 422 if isinstance(exc, InputError) else 503
        raise ApiError(exc.message, exc.fix, code=exc.code, status=status) from None
    return JSONResponse(result, status_code=201 if result["stored"] else 200)
