"""Places: an offline gazetteer and a resolver that puts every place an article names on the map.

    make_stage(settings)        the pipeline stage "geo": needs doc, adds places
    build_gazetteer(path, dir)  build the SQLite gazetteer (from shipped packages or GeoNames dumps)
    find_places(doc, gaz)       spot and resolve the places of a parsed text

See docs/places.md for the data, the rules and the scores.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..models import Place
from ..settings import Settings
from ..stage import Analysis, Stage
from .gazetteer import Gazetteer, build_gazetteer, load_gazetteer, open_gazetteer
from .places import to_place
from .resolve import resolve as resolve_mentions
from .spotting import spot

__all__ = ["Gazetteer", "build_gazetteer", "find_places", "load_gazetteer", "make_stage",
           "open_gazetteer"]


def find_places(doc: Doc, gaz: Gazetteer, text: str | None = None) -> list[Place]:
    """Every place and country demonym in a parsed document, resolved against the gazetteer.
    `text` is the input as given (same offsets as the parsed text); quotes are taken from it."""
    mentions = spot(doc, gaz)
    resolve_mentions(doc, mentions, gaz)
    places = [to_place(m) for m in mentions]
    if text is not None:
        for place in places:
            place.text = text[place.start:place.end]
    return places


def make_stage(settings: Settings) -> Stage:
    """The "geo" stage; the gazetteer is built on first use and loaded once, here."""
    gaz = open_gazetteer(settings.gazetteer_file())

    def run(analysis: Analysis) -> None:
        if analysis.doc is not None:
            analysis.places = find_places(analysis.doc, gaz, analysis.text)

    return Stage("geo", needs=("doc",), adds=("places",), run=run)
