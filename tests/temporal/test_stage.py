"""The temporal stage in the pipeline, on hand-written text and on the founding seed article."""

import pytest

from sitrep.models import Document
from sitrep.pipeline import Pipeline
from sitrep.settings import load_settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def temporal_pipeline():
    from sitrep.clean import make_stage as clean_stage
    from sitrep.nlp.stage import make_stage as nlp_stage
    from sitrep.temporal import make_stage

    settings = load_settings()
    return Pipeline(settings, [clean_stage(settings), nlp_stage(settings), make_stage(settings)])


def test_given_publication_date_drives_the_values(temporal_pipeline):
    text = "The army said on Monday that it would withdraw on Thursday."
    analysis = temporal_pipeline.analyze(Document(id="d", text=text, published="2019-06-05",
                                                  published_source="given"))
    assert analysis.published is not None and analysis.published.source == "given"
    assert [(t.text, t.value) for t in analysis.times] == [("Monday", "2019-06-03"), ("Thursday", "2019-06-06")]


SEED_EXPECTED = [
    ("Friday", "2020-01-10"), ("Sunday", "2020-01-12"), ("later this weekend", "2020-W02-WE"),
    ("recent weeks", "PXW"), ("last month", "2019-12"),
    ("one minute past midnight on Jan. 12", "2020-01-12T00:01"), ("several weeks", "PXW"),
    ("6 p.m. ET\xa0on Thursday", "2020-01-09T18:00"), ("nearly nine-year", "P9Y"), ("Dec. 24", "2019-12-24"),
    ("six-year-long", "P6Y"), ("midnight on Friday", "2020-01-10T24:00"), ("over two years", "P2Y"),
    ("Tuesday", "2020-01-07"), ("Wednesday", "2020-01-08"), ("2017", "2017"),
]


def test_seed_publication_date_is_inferred(seed_analysis):
    published = seed_analysis.published
    assert published is not None
    assert (published.value, published.source) == ("2020-01-10", "inferred")
    assert published.reason and published.confidence < 1


def test_seed_expressions(seed_analysis, seed_text):
    found = {(t.text, t.value) for t in seed_analysis.times}
    missing = [pair for pair in SEED_EXPECTED if pair not in found]
    assert not missing
    for t in seed_analysis.times:
        assert seed_text[t.start:t.end] == t.text
    zoned = next(t for t in seed_analysis.times if t.text.startswith("6 p.m."))
    assert zoned.utc_offset == "-05:00"
