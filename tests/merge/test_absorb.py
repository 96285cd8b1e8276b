"""A first terse report left alone joins the event once later reports show it is the same one."""

from __future__ import annotations

from sqlalchemy import select

from sitrep.merge import merge_record
from sitrep.merge.tables import canonical_events, event_mentions
from sitrep.models import Span

from .builders import record


def _report(doc: str, sentence: str, **kw):
    rec = record(doc, actors=(), day="2024-03-04", published="2024-03-04", **kw)
    rec.events[0].evidence = [Span(start=0, end=len(sentence), text=sentence)]
    return rec


def test_a_lone_first_report_joins_when_the_event_grows(engine):
    first = merge_record(engine, "terse", _report(
        "terse", "Bombs exploded outside two embassies in the capital, killing dozens.",
        town="Libya", place_precision=3))
    second = merge_record(engine, "reaction", _report(
        "reaction", "The government condemned the bomb blast near the embassy in Tripoli.", town="Tripoli"))
    assert second.placements[0].new  # same day, inside the country, two words: not enough on its own
    third = merge_record(engine, "detail", _report(
        "detail", "Dozens were killed when a bomb exploded outside the embassy in Tripoli.", town="Tripoli"))
    event = third.placements[0].canonical_id
    assert event == second.placements[0].canonical_id
    assert third.absorbed == [first.placements[0].canonical_id]
    with engine.connect() as conn:
        rows = {r.document_id: r for r in conn.execute(select(event_mentions))}
        assert {r.canonical_id for r in rows.values()} == {event}
        assert rows["terse"].reasons[0].startswith(f"joined when {event} grew")
        assert conn.execute(select(canonical_events.c.mention_count)).scalar_one() == 3


def test_a_lone_report_of_another_week_stays_alone(engine):
    earlier = _report("old", "Bombs exploded outside two embassies in the capital, killing dozens.",
                      town="Libya", place_precision=3)
    earlier.events[0].date.value = "2024-02-20"
    merge_record(engine, "old", earlier)
    merge_record(engine, "reaction", _report(
        "reaction", "The government condemned the bomb blast near the embassy in Tripoli.", town="Tripoli"))
    third = merge_record(engine, "detail", _report(
        "detail", "Dozens were killed when a bomb exploded outside the embassy in Tripoli.", town="Tripoli"))
    assert not third.placements[0].new and third.absorbed == []



def test_each_lone_report_near_a_grown_event_is_compared_with_it_alone(engine):
    # two lone first reports among the candidates when the event grows: the one it merges with joins it,
    # the other (too few words in common) keeps its own event and its report
    first = merge_record(engine, "terse", _report(
        "terse", "Bombs exploded outside two embassies in the capital, killing dozens.",
        town="Libya", place_precision=3))
    other = merge_record(engine, "wire", _report(
        "wire", "Smoke rose over the capital after explosions, witnesses said.", town="Libya", place_precision=3))
    merge_record(engine, "reaction", _report(
        "reaction", "The government condemned the bomb blast near the embassy in Tripoli.", town="Tripoli"))
    third = merge_record(engine, "detail", _report(
        "detail", "Dozens were killed when a bomb exploded outside the embassy in Tripoli.", town="Tripoli"))
    event, alone = third.placements[0].canonical_id, other.placements[0].canonical_id
    assert third.absorbed == [first.placements[0].canonical_id]
    with engine.connect() as conn:
        rows = {r.document_id: r for r in conn.execute(select(event_mentions))}
        counts = dict(conn.execute(select(canonical_events.c.id, canonical_events.c.mention_count)).all())
    assert {d: r.canonical_id for d, r in rows.items()} == {"terse": event, "reaction": event, "detail": event,
                                                            "wire": alone}
    assert rows["terse"].reasons[0] == f"joined when {event} grew (first reported alone)"
    assert counts == {event: 3, alone: 1}


def test_the_grown_event_as_recomputed_is_the_event_read_back(engine):
    """absorb_lone_reports compares lone reports with the event as refresh just computed it, not read back:
    the same profile and the same documents either way."""
    from sitrep.merge.canonical import profile_of, refresh

    for doc, town in (("first", "Kharkiv"), ("second", "Kharkiv"), ("third", "Izium")):
        merge_record(engine, doc, _report(doc, "Shelling hit the market square and the rail depot.", town=town,
                                          killed=3.0))
    with engine.begin() as conn:
        cid = conn.execute(select(canonical_events.c.id).order_by(canonical_events.c.mention_count.desc())).first()[0]
        grown = refresh(conn, cid)
        row = conn.execute(select(canonical_events).where(canonical_events.c.id == cid)).one()
        documents = set(conn.execute(select(event_mentions.c.document_id)
                                     .where(event_mentions.c.canonical_id == cid)).scalars())
    assert grown is not None and row.mention_count >= 2
    assert grown.profile(row.kind) == profile_of(row)
    assert {v.document_id for v in grown.views} == documents
