"""The actors stage: actor mentions → coded actors (country, sectors, CAMEO/ACLED/PLOVER codes).

    phrases.py   which words name an actor (entities, knowledge-base names, nominal heads)
    coding.py    country, sectors, title and kind of each phrase
    words.py     what a phrase's words say (country, title, sectors, place), shared by coding and context
    context.py   country from the article for "the government", "rebels" …
    grouping.py  one actor per real-world entity, every mention kept
    kb.py        the shipped knowledge base and NameSource; learned.py what articles teach
    lookup.py    actor_at / actors_in for the events stage
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..models import Actor, Mention
from ..settings import Settings
from ..stage import Analysis, Stage
from .coding import Candidate, Coder
from .context import resolve_context
from .grouping import group_actors
from .kb import NameSource, ShippedKB
from .lookup import actor_at, actors_in
from .matcher import KBMatcher
from .phrases import find_phrases

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .learned import LearnedKB

DAY = re.compile(r"\d{4}-\d\d-\d\d")

__all__ = ["actor_at", "actors_in", "make_stage", "extract_actors"]


def publication_date(analysis: Analysis) -> str | None:
    if analysis.published is not None:
        return analysis.published.value[:10]
    return analysis.document.published[:10] if analysis.document.published else None


def as_of(analysis: Analysis) -> str | None:
    """The day whose names the text uses ("the Taliban" were rebels before August 2021 and the government after):
    its publication date, or, with none, the first full date it names; an undated note "On 3 May 2020, …" speaks
    of its own day."""
    published = publication_date(analysis)
    if published is not None:
        return published
    return next((t.value[:10] for t in analysis.times if t.value and DAY.match(t.value)), None)


def place_heads(doc: Doc, analysis: Analysis) -> set[int]:
    """Root tokens of places the geo stage found, so country names the NER missed are seen."""
    heads = set()
    for place in analysis.places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is not None and len(span) and span.root.pos_ == "PROPN":
            heads.add(span.root.i)
    return heads


def extract_candidates(analysis: Analysis, names: NameSource, matcher: KBMatcher) -> list[Candidate]:
    """Coded actor mentions of one analysed document, before grouping."""
    doc = analysis.doc
    assert doc is not None
    coder = Coder(names, as_of(analysis), analysis.places)
    phrases = find_phrases(doc, matcher.heads(doc) | place_heads(doc, analysis))
    cands = [c for p in phrases for c in coder.code(p)]
    resolve_context(doc, cands, analysis.places)
    return cands


def quoted(actor: Actor, text: str, cleaned: str) -> Actor:
    """The actor with each mention trimmed to the words it has in the cleaned text and quoting the input:
    a phrase may end in the blank left by a removed span (a photo credit), whose words are not the actor's
    (found by fuzzing: issue 16)."""
    mentions = []
    for m in actor.mentions:
        piece = cleaned[m.start:m.end]
        start = m.start + len(piece) - len(piece.lstrip())
        end = m.start + len(piece.rstrip())
        if end > start:
            mentions.append(Mention(start=start, end=end, text=text[start:end]))
    return actor.model_copy(update={"mentions": mentions})


def make_stage(settings: Settings, learned: LearnedKB | None = None) -> Stage:
    """Build the stage; the shipped knowledge base is loaded here, once per process."""
    shipped = ShippedKB()
    names = NameSource(shipped, learned)
    matcher = KBMatcher(shipped)

    def run(analysis: Analysis) -> None:
        if analysis.doc is None:
            analysis.actors = []
            return
        cands = extract_candidates(analysis, names, matcher)
        actors = group_actors(cands, shipped, as_of(analysis))
        analysis.actors = [quoted(a, analysis.text, analysis.analysis_text) for a in actors]
        if learned is not None and settings.learn_actors:
            learned.remember(cands, publication_date(analysis))

    return Stage("actors", needs=("doc", "places", "times"), adds=("actors",), run=run)


def extract_actors(analysis: Analysis, settings: Settings | None = None) -> None:
    """Run the stage on an analysis whose doc is set (convenience for tests and notebooks)."""
    from ..settings import load_settings

    make_stage(settings or load_settings()).run(analysis)
