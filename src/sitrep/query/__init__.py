"""The one query layer behind every face: `sitrep events`/`event`/`ceasefires`/`export`, the HTTP API
(sitrep.api) and the page. Each function takes a SQLAlchemy connection and returns JSON-ready dicts.

    parse_filter(since=..., type=..., place=...) -> EventFilter   checks what a reader typed (E21x)
    list_events(conn, filter) -> Page                               events with names, merged ids, spans
    page_json(conn, filter) -> bytes                                 the same page as the API's JSON answer
    iter_events(conn, filter)                                        all of them, in batches (exports)
    timeline(conn, filter, "day"|"week")                             counts per day and PLOVER type
    get_merged_event, list_ceasefires, figures_by_place              the merged records (merged.py)
    list_documents, get_document, list_actors, list_places
    open_reader(target)                                              a missing database is E220, not empty
    store_version(conn)                                              the change counter (caches key on it)
    DateIndexes, answerable, indexed_page_json                       pages by date from dates held in memory

Places match by spelling-insensitive keys and by hierarchy (places.py); type codes are checked
against the coding table (vocab.py).
"""

from .catalog import list_actors, list_places
from .dateindex import DateIndexes, answerable, indexed_page_json
from .documents import document_pk, get_document, list_documents
from .events import Page, count_events, iter_events, list_events, longest_span, page_json
from .filters import EventFilter, parse_date, parse_filter
from .merged import figures_by_place, get_merged_event, list_ceasefires
from .source import open_reader, store_version
from .timeline import timeline

__all__ = ["DateIndexes", "EventFilter", "Page", "answerable", "count_events", "document_pk", "figures_by_place", "get_document",
           "get_merged_event", "indexed_page_json", "iter_events", "list_actors", "list_ceasefires", "list_documents", "list_events",
           "list_places", "longest_span", "open_reader", "page_json", "parse_date", "parse_filter", "store_version", "timeline"]
