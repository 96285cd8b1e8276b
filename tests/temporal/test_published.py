"""Publication date: given metadata wins; otherwise it is inferred from weekdays, month-days and years."""

import pytest

from sitrep.models import Document
from sitrep.temporal.catalog import all_rules
from sitrep.temporal.detect import detect
from sitrep.temporal.published import given_published, infer_published

RULES = all_rules()


def infer(text: str, directions: dict[str, str]):
    """Infer with the direction of each expression given by its words (default none)."""
    candidates = detect(text, RULES)
    found = [directions.get(text[c.start:c.end], "none") for c in candidates]
    return infer_published(text, candidates, found)


def test_metadata_date_is_used_as_given():
    published = given_published(Document(id="d", text="x", published="2020-01-10", published_source="metadata"))
    assert published is not None and (published.value, published.source) == ("2020-01-10", "metadata")
    assert given_published(Document(id="d", text="x")) is None


def test_weekday_and_month_day_for_the_same_day_fix_the_year():
    text = ("The minister said on Friday that the truce will start on Sunday. Shelling will stop on Jan. 12. "
            "He last visited in 2017.")
    published = infer(text, {"Friday": "past", "Sunday": "future", "Jan. 12": "future", "2017": "past"})
    assert published is not None
    assert published.value == "2020-01-10" and published.source == "inferred"
    assert "2017" in (published.reason or "") and 0 < published.confidence < 1
    assert any(span.text == "Sunday" for span in published.evidence)


def test_a_weekday_stated_with_its_date():
    published = infer("The vote on Tuesday, March 3 was close.", {})
    assert published is not None and published.value.endswith("-03-03")
    assert published.value[:4] in {"2015", "2020", "2026"}


def test_no_guess_from_month_days_or_full_dates_alone():
    assert infer("Talks held on Sept. 3, 1998 and Oct. 1 failed.", {}) is None


def test_a_recurring_weekday_dates_nothing():
    # "on Wednesdays" is a set of days: it neither dates the story nor breaks inference
    assert infer("The library lends tools on Wednesdays. The market opens on first Sundays.", {}) is None
    published = infer("The market opens on Saturdays. The vote on Tuesday, March 3 was close.", {})
    assert published is not None and published.value.endswith("-03-03")


def test_nothing_to_go_on():
    assert infer("Fighting continued.", {}) is None


@pytest.mark.slow
@pytest.mark.parametrize("text, expected", [
    ("KHARTOUM, Sudan, May 20, 2023 — Troops shelled the city on Sunday.", "2023-05-20"),
    ("BEIRUT, Jan. 10, 2020 (Reuters) - Jets struck the town on Thursday.", "2020-01-10"),
])
def test_a_dateline_gives_the_publication_date(pipeline, text, expected):


    published = pipeline.analyze(Document(id="d", text=text)).record().published
    assert published is not None and (published.value, published.source) == (expected, "inferred")
    assert published.reason == "the date in the article's dateline"
    assert text[published.evidence[0].start:published.evidence[0].end] == published.evidence[0].text


@pytest.mark.slow
def test_a_date_mid_sentence_is_not_a_dateline(pipeline):


    text = "Officials said the truce signed on May 20, 2023 - a week ago - still held."
    published = pipeline.analyze(Document(id="d", text=text)).record().published
    assert published is None or published.reason != "the date in the article's dateline"
