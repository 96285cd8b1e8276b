"""Event dating from a trigger token: governing expression, anchor, or the report date."""

import pytest

from sitrep.models import Document
from sitrep.temporal import event_date

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def analyze():
    from sitrep.clean import make_stage as clean_stage
    from sitrep.nlp.stage import make_stage as nlp_stage
    from sitrep.pipeline import Pipeline
    from sitrep.settings import load_settings
    from sitrep.temporal import make_stage

    settings = load_settings()
    pipeline = Pipeline(settings, [clean_stage(settings), nlp_stage(settings), make_stage(settings)])
    return lambda text: pipeline.analyze(Document(id="d", text=text, published="2020-01-10",
                                                  published_source="given"))


def trigger(analysis, word):
    return next(t for t in analysis.doc if t.text == word)


def test_the_expression_in_the_triggers_clause_wins(analyze):
    analysis = analyze("The ministry said on Friday that a ceasefire will be implemented on Sunday.")
    date = event_date(analysis, trigger(analysis, "implemented"))
    assert (date.value, date.precision, date.source, date.text) == ("2020-01-12", 1, "expression", "Sunday")
    said = event_date(analysis, trigger(analysis, "said"))
    assert said.value == "2020-01-10" and said.time_start == analysis.text.index("Friday")


def test_vaguer_expressions_get_vaguer_precision(analyze):
    analysis = analyze("Towns were shelled last month. Rebels attacked a base this week.")
    assert event_date(analysis, trigger(analysis, "shelled")).precision == 3
    assert event_date(analysis, trigger(analysis, "attacked")).precision == 2


def test_fallbacks(analyze):
    analysis = analyze("Troops entered the town on Tuesday. They burned houses.\n\nRefugees fled.")
    burned = event_date(analysis, trigger(analysis, "burned"))
    assert (burned.value, burned.source) == ("2020-01-07", "anchor")
    fled = event_date(analysis, trigger(analysis, "fled"))
    assert (fled.value, fled.source, fled.precision) == ("2020-01-10", "report_date", 2)


def test_a_time_a_count_was_current_does_not_date_the_event(analyze):
    analysis = analyze("Rebels shelled the town on Tuesday. Officials gave figures as of Thursday for the "
                       "people wounded in the shelling.")
    date = event_date(analysis, trigger(analysis, "wounded"))
    assert (date.value, date.source) == ("2020-01-07", "anchor")
