"""A ceasefire exists only where a text says one was agreed, declared or is in force: through the real
model into a real SQLite database, one sentence at a time."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, select

from sitrep.merge import merge_record, metadata
from sitrep.merge.tables import ceasefires
from sitrep.models import Document

CASES = [
    ("The United Nations called for a ceasefire in the province on Monday.", 0),
    ("Talks on a ceasefire in the province failed on Monday, officials said.", 0),
    ("The ceasefire talks in the province collapsed on Monday, officials said.", 0),
    ("Fighting continued on Monday despite repeated calls for a truce in Darfur.", 0),
    ("The army and the rebels agreed on Monday to a ceasefire in the province of Idlib.", 1),
    ("A ceasefire declared by the militia on Sunday has held in Tripoli, residents said on Monday.", 1),
    ("The two sides signed a truce deal in Doha on Monday.", 1),
    ("Mediators called on both armies to observe a ceasefire around the city from midnight on Sunday.", 1),
]


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "truces"), CASES)
def test_only_a_truce_agreed_declared_or_in_force_is_a_ceasefire(pipeline, tmp_path, sentence, truces):
    engine = create_engine(f"sqlite:///{tmp_path / 'truce.db'}")
    metadata.create_all(engine)
    document = Document(id="d", text=sentence, published="2024-05-06", published_source="given")
    merge_record(engine, "d", pipeline.analyze(document).record(), text=sentence)
    with engine.connect() as conn:
        assert len(conn.execute(select(ceasefires.c.id)).all()) == truces
