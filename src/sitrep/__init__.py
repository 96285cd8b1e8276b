"""sitrep: news about wars and diplomacy in, event records with the words behind them out."""

from .errors import SitrepError
from .models import Document, DocumentRecord, Event
from .version import __version__

__all__ = ["Document", "DocumentRecord", "Event", "SitrepError", "analyze_text", "__version__"]


def analyze_text(text: str, *, published: str | None = None, id: str = "doc") -> DocumentRecord:
    """Analyse one text and return its record (loads the model on first use)."""
    from .pipeline import Pipeline

    doc = Document(id=id, text=text, published=published, published_source="given" if published else None)
    return Pipeline().analyze(doc).record()
