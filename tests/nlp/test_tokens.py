"""The per-Doc token table gives what the Doc's own Spans and Tokens give."""

from __future__ import annotations

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
