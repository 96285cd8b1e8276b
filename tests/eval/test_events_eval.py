"""The events scorer: gold readers and evaluate() on tiny hand-written corpora in the real formats."""

from __future__ import annotations

import json

import pytest

from sitrep.eval.events import GSR, PETR, class_scores, confusion, evaluate, load_gsr, load_petr

GSR_RECORDS = [
    {"id": "DOC", "event": "DOCUMENT"},
    {"id": "G1", "event": "FIGHT", "text": "Government jets bombed rebel positions near the border on Monday."},
    {"id": "G2", "event": "CONSULT", "text": "The prime minister visited Cairo on Tuesday."},
    {"id": "G3", "event": "DEMAND", "text": "The opposition demanded the resignation of the cabinet."},
]
PETR_XML = """<Validation>
<Sentences>
<Sentence category="GOLD" date="20150101" id="GOLD_1" evaluate="true"/>
<EventCoding eventcode="173" sourcecode="X" targetcode="Y" />
<Text>
Police arrested forty people in the capital.
</Text>
<Sentence category="AFP" date="20150101" id="AFP_1" evaluate="true"/>
<EventCoding eventcode="040" sourcecode="X" targetcode="Y" />
<Text>
This silver-coded record is left out.
</Text>
<Sentence category="VERB" date="20150101" id="VERB_2" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="X" targetcode="Y" />
<Text>
The president visited Moscow.
</Text>
<Sentence category="TEST" date="20150101" id="TEST_3" evaluate="true"/>
<Text>
A record without a code is left out.
</Text>
</Sentences>
</Validation>
"""


@pytest.fixture()
def corpus(tmp_path):
    (tmp_path / GSR).parent.mkdir(parents=True)
    (tmp_path / GSR).write_text(json.dumps(GSR_RECORDS), encoding="utf-8")
    (tmp_path / PETR).parent.mkdir(parents=True)
    (tmp_path / PETR).write_text(PETR_XML, encoding="utf-8")
    return tmp_path


def test_readers_keep_hand_coded_records_only(corpus):
    assert [r[0] for r in load_gsr(corpus / GSR)] == ["G1", "G2", "G3"]
    assert load_petr(corpus / PETR) == [("GOLD_1", "Police arrested forty people in the capital.", ["173"]),
                                        ("VERB_2", "The president visited Moscow.", ["042"])]


def test_class_scores_and_confusion():
    pairs = [("AGREE", "AGREE"), ("AGREE", "CONSULT"), ("CONSULT", "CONSULT")]
    scores = class_scores(pairs)
    assert scores["AGREE"] == {"precision": 1.0, "recall": 0.5, "f1": 0.667, "n": 2}
    assert scores["CONSULT"]["precision"] == 0.5
    assert confusion(pairs) == [{"gold": "AGREE", "predicted": "CONSULT", "count": 1}]


@pytest.mark.slow
def test_evaluate_scores_both_corpora_beside_the_baseline(corpus, pipeline):
    plover, cameo = evaluate(corpus, pipeline=pipeline)
    assert plover.metric("plover_type_accuracy").value == 1.0
    assert plover.metric("plover_type_accuracy").baseline == pytest.approx(1 / 3, abs=0.01)
    assert plover.metric("plover_type_accuracy").n == 3
    assert cameo.metric("cameo_root_accuracy").value == 1.0
    assert cameo.metric("cameo_code_accuracy").value == 1.0
    assert cameo.metric("cameo_root_accuracy").baseline == 0.5
    assert "per_class" in plover.details and "confusion" in cameo.details
