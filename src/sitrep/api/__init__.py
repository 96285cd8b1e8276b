"""The HTTP API and the page, one FastAPI app (`sitrep serve`), reading through sitrep.query.

    app.py        create_app(target, settings): the engine, the routers, the page, error handlers
    errors.py     one JSON error shape everywhere: {"error": {"code", "message", "fix"}}; no stack trace
    guard.py      bearer token (constant-time), request size limit, CORS (closed unless configured)
    events.py     GET /api/events, /api/events/{merged_id}, /api/timeline
    documents.py  GET /api/documents, /api/documents/{pk}; POST /api/documents (analyse and store)
    merged.py     GET /api/ceasefires, /api/figures, /api/actors, /api/places
    exports.py    GET /api/export/events.{csv,geojson,parquet}
    page.py       GET / (the page) and /static/* (built assets, sitrep/web/static)

docs/api.md lists every route with its parameters and an example.
"""

from .app import create_app

__all__ = ["create_app"]
