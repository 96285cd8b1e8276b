"""The per-Doc token table gives what the Doc's own Spans and Tokens give."""

from __future__ import annotations

import ast
from pathlib import Path

import sitrep
from sitrep.nlp.tokens import token_table


def test_span_texts_are_the_spans_own(nlp):
    doc = nlp("Troops entered  Maaret al-Numan on Friday.\n\nThe U.S. said ééé nothing .")
    table = token_table(doc)
    assert table.text == doc.text
    for i in range(len(doc)):
        assert table.word(i) == doc[i].text
        for j in range(i, len(doc) + 1):
            assert table.span_text(i, j) == doc[i:j].text
    assert table.words == {t.text for t in doc}


def test_built_once_per_doc_and_empty_docs_work(nlp):
    doc = nlp("Rebels shelled the town.")
    assert token_table(doc) is token_table(doc)
    assert token_table(nlp("")).span_text(0, 0) == ""


def test_a_table_built_from_the_parsed_text_is_the_one_built_from_the_doc(nlp):
    text = "Troops entered  Maaret al-Numan on Friday.\n\nThe U.S. said ééé nothing ."
    given, joined = token_table(nlp(text), text), token_table(nlp(text))
    assert (given.text, given.starts, given.ends) == (joined.text, joined.starts, joined.ends)
    assert all(type(n) is int for n in given.starts + given.ends)


STAGES_AFTER_THE_PARSE = ("temporal", "geo", "actors", "events")


def _reads_doc_text(node: ast.AST) -> bool:
    """`doc.text` or `<something>.doc.text`: a spaCy Doc's text, which spaCy joins from every token on each read."""
    if not (isinstance(node, ast.Attribute) and node.attr == "text"):
        return False
    owner = node.value
    return (isinstance(owner, ast.Name) and owner.id == "doc") or (isinstance(owner, ast.Attribute) and owner.attr == "doc")


def test_no_stage_after_the_parse_joins_the_doc_text_again():
    """Read once per call on a mention, `doc.text` cost 3.5 % of the pipeline (docs/benchmarks-history.md);
    the token table keeps the parsed text (`token_table(doc).text`)."""
    root = Path(sitrep.__file__).parent
    files = [f for stage in STAGES_AFTER_THE_PARSE for f in sorted((root / stage).rglob("*.py"))]
    assert len(files) > 20  # the stages are where this test expects them
    found = [f"{f.relative_to(root)}:{node.lineno}" for f in files
             for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))) if _reads_doc_text(node)]
    assert found == []


def test_the_check_sees_a_doc_text_read():
    assert _reads_doc_text(ast.parse("doc.text", mode="eval").body)
    assert _reads_doc_text(ast.parse("sentence.doc.text[0:3]", mode="eval").body.value)
    assert not _reads_doc_text(ast.parse("token_table(doc).text", mode="eval").body)
