"""An app factory for uvicorn's worker processes (`sitrep serve --workers N`): the store is named by
$SITREP_SERVE_DB, its cache size by $SITREP_SERVE_CACHE_MB, the rest comes from the settings."""

from __future__ import annotations

import os

from fastapi import FastAPI

from .app import CACHE_MB, ITEMS_MB, create_app


def app() -> FastAPI:
    return create_app(os.environ["SITREP_SERVE_DB"], cache_mb=float(os.environ.get("SITREP_SERVE_CACHE_MB", CACHE_MB)),
                      date_index=os.environ.get("SITREP_SERVE_DATE_INDEX", "1") != "0",
                      items_mb=float(os.environ.get("SITREP_SERVE_ITEMS_MB", ITEMS_MB)))
