"""Back-references in temporal adjuncts, the place of an event, agreed truces, outcome verbs, orders and
the start of planned events: each rule on a short made-up text through the whole pipeline."""

from __future__ import annotations

import pytest

from sitrep.models import Document

pytestmark = pytest.mark.slow


def analyse(pipeline, text: str, published: str = "2020-01-10"):
    return pipeline.analyze(Document(id="t", text=text, published=published))


def codes(analysis, ids) -> set[str]:
    known = {a.id: a.code for a in analysis.actors}
    return {known.get(i) or "" for i in ids}


def test_temporal_marker_and_distance(nlp):
    from sitrep.events.backrefs import _distance, main_clause, temporal_marker

    doc = nlp("Smoke rose over the town on Friday, hours after an agreement was struck.")
    struck = next(t for t in doc if t.text == "struck")
    marker = temporal_marker(struck)
    assert marker is not None and marker.text == "after"
    assert _distance(marker) == (0, 1) and main_clause(marker).text == "rose"
    doc = nlp("Putin met Erdogan on Wednesday, a day after paying a visit to Assad.")
    paying = next(t for t in doc if t.text == "paying")
    marker = temporal_marker(paying)
    assert _distance(marker) == (1, 1) and main_clause(marker).text == "met"
    assert temporal_marker(next(t for t in doc if t.text == "met")) is None
    # a gerund with no subject of its own is the step just before, that day; with a subject it may be any day
    doc = nlp("A smuggler died after trading shots with the guards. The army withdrew after the rebels left.")
    assert _distance(temporal_marker(next(t for t in doc if t.text == "trading"))) == (0, 0)
    assert _distance(temporal_marker(next(t for t in doc if t.text == "left"))) is None


def test_a_back_referenced_visit_is_dated_from_the_main_clause(pipeline):
    analysis = analyse(pipeline, "Putin met Erdogan in Istanbul on Wednesday, a day after paying a visit to Damascus.")
    (visit,) = [e for e in analysis.events if e.cameo == "042"]
    assert visit.date.value == "2020-01-07" and visit.date.source == "anchor"
    assert visit.date.text.startswith("a day after")
    assert visit.place.name == "Damascus"  # named inside the adjunct; Istanbul is the meeting's


def test_a_back_reference_merges_with_the_event_it_names(pipeline):
    text = ("Russian President Vladimir Putin visited Damascus on Tuesday.\n\n"
            "Putin met Erdogan in Istanbul on Wednesday, a day after paying a visit to Assad.")
    analysis = analyse(pipeline, text)
    visits = [e for e in analysis.events if e.cameo == "042"]
    assert len(visits) == 1
    assert visits[0].date.value == "2020-01-07" and visits[0].place.name == "Damascus"
    assert len(visits[0].evidence) == 2
    (meeting,) = [e for e in analysis.events if e.cameo == "040"]
    assert meeting.place.name == "Istanbul"


def test_a_source_actor_is_not_the_place(pipeline):
    analysis = analyse(pipeline, "Fighting raged in Idlib. Turkey has for years backed Syrian rebels.")
    (backing,) = [e for e in analysis.events if e.plover.type == "SUPPORT"]
    assert "TUR" in codes(analysis, backing.sources)
    assert backing.place is None or backing.place.name != "Turkey"


def test_a_brokered_truce_is_an_agreement(pipeline):
    analysis = analyse(pipeline, "A truce brokered by local elders took hold late on Tuesday.")
    (truce,) = analysis.events
    assert (truce.plover.type, truce.cameo, truce.acled.sub_event_type) == ("AGREE", "0871", "Agreement")


def test_fighting_that_killed_is_one_clash_and_the_city_is_not_its_source(pipeline):
    text = "Fighting between two armed groups in the Libyan capital Tripoli killed at least 12 people on Tuesday."
    analysis = analyse(pipeline, text)
    (clash,) = analysis.events
    assert (clash.cameo, clash.acled.sub_event_type) == ("190", "Armed clash")
    assert clash.quantities["killed"].best == 12
    assert "Tripoli" not in {a.name for a in analysis.actors if a.id in clash.sources}


def test_shooting_down_drones_is_disrupted_weapons_use(pipeline):
    analysis = analyse(pipeline, "Ukrainian air defences shot down 14 of the 17 drones launched by Russia.")
    (event,) = analysis.events
    assert event.acled.sub_event_type == "Disrupted weapons use"
    assert event.place is None or event.place.name != "Russia"


def test_a_planned_ceasefire_has_its_start(pipeline):
    text = "The ministry said on Friday that it had agreed with Russia that a ceasefire will be implemented on Sunday."
    (ceasefire,) = analyse(pipeline, text).events
    assert ceasefire.modality == "planned" and ceasefire.cameo == "0871"
    assert ceasefire.date.value == "2020-01-10" and ceasefire.effective.value == "2020-01-12"


def test_ordering_patrols_is_mobilising(pipeline):
    analysis = analyse(pipeline, "The provincial government ordered patrols by police and soldiers after riots.")
    assert any(e.plover.type == "MOBILIZE" for e in analysis.events)


@pytest.mark.slow
def test_a_back_reference_is_dated_from_the_event_its_main_clause_reports(pipeline):
    """'The visit came two days after the shelling': the visit is dated elsewhere (Monday), so the
    shelling is dated two days before it, once the article's mentions are merged."""
    from sitrep.models import Document

    text = ("The Polish foreign minister visited Kyiv on Monday. The visit came two days after the shelling "
            "of Kharkiv by Russian artillery.")
    record = pipeline.analyze(Document(id="b", text=text, published="2024-03-06", published_source="given")).record()
    shelling = [e for e in record.events if e.plover.type == "ASSAULT"]
    assert len(shelling) == 1
    assert (shelling[0].date.source, shelling[0].date.value) == ("anchor", "2024-03-02")
