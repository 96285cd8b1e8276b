"""Candidates refused on their columns alone (kind, modality, days, place) are refused exactly as the whole
comparison refuses them, so the merge need not decode their actors and summaries, nor read a lone report."""

from __future__ import annotations

import random
from dataclasses import replace

from sqlalchemy import select

from sitrep.merge import merge_record
from sitrep.merge.canonical import _refused_by_columns, profile_of
from sitrep.merge.decide import Profile, compare, screen
from sitrep.merge.kinds import CEASEFIRE
from sitrep.merge.mentions import ActorKey, MentionView
from sitrep.merge.tables import canonical_events, event_mentions

from .builders import TOWNS, record

KINDS = ["ASSAULT", "PROTEST", CEASEFIRE]
MODALITIES = ["asserted", "asserted", "asserted", "planned", "threatened"]
PLACES = [(49.99, 36.23, "UA", "UA-63"), (49.21, 37.26, "UA", "UA-63"), (49.0, 32.0, "UA", None),
          (35.93, 36.63, "SY", "SY-ID"), (35.81, 36.61, "SY", "SY-ID"), (None, None, "SY", None), (None, None, None, None)]


def _actor(rng: random.Random) -> ActorKey:
    code = rng.choice(["RUSMIL", "UKRMIL", "SYRGOV", "SYRREB"])
    return ActorKey(key=f"code:{code}", name=code, country=code[:3], role="source", specific=rng.random() < 0.5)


def _view(rng: random.Random) -> MentionView:
    lat, lon, country, admin1 = rng.choice(PLACES)
    day = 739000 + rng.randint(-12, 12)
    return MentionView(document_id="d", event_id="e1", kind=rng.choice(KINDS), violent=True, plover_type="ASSAULT",
                       plover_mode=rng.choice([None, "air"]), cameo=None, acled_event_type=None,
                       acled_sub_event_type=None, outlet=None, url=None, published=None,
                       modality=rng.choice(MODALITIES), day_lo=day, day_hi=day + rng.choice([0, 0, 6]),
                       precision=rng.choice([1, 1, 2, 3]), lat=lat, lon=lon, place_precision=rng.choice([1, 2, 3]),
                       country=country, admin1=admin1, actors=[_actor(rng) for _ in range(rng.randint(0, 2))],
                       quantities={"killed": {"best": rng.randint(1, 9)}}, quote="shelling hit the market square")


def _profile(rng: random.Random, view: MentionView) -> Profile:
    other = _view(rng)
    return Profile(kind=view.kind if rng.random() < 0.9 else other.kind, day_lo=other.day_lo, day_hi=other.day_hi, precision=other.precision,
                   lat=other.lat, lon=other.lon, place_precision=other.place_precision, country=other.country,
                   admin1=other.admin1, actor_keys=[dict(a.__dict__) for a in other.actors],
                   plover_mode=other.plover_mode, modality=other.modality, fatalities=rng.choice([None, 4.0]),
                   same_document=rng.random() < 0.2, words=frozenset({"shelling", "market", "square"}))


def test_a_refusal_on_columns_is_the_whole_comparisons_refusal():
    rng = random.Random(15)
    refused = kept = 0
    for _ in range(5000):
        view = _view(rng)
        prof = _profile(rng, view)
        light = screen(view, replace(prof, actor_keys=[], words=frozenset(), fatalities=None, same_document=False))
        whole = compare(view, prof)
        if light.blocked:
            refused += 1
            assert (light.score, light.blocked, light.reasons) == (whole.score, whole.blocked, whole.reasons)
        else:
            kept += 1
            assert screen(view, prof).reasons == whole.reasons[:len(screen(view, prof).reasons)]
    assert refused > 1000 and kept > 1000


def test_lone_reports_refused_on_their_events_columns_would_not_have_merged(engine):
    """Every event known from one report, against every other event: when its columns are refused, its
    report (as stored) is refused too."""
    rng = random.Random(16)
    towns = [*TOWNS, None]
    for i in range(60):
        merge_record(engine, f"doc{i}", record(
            f"doc{i}", kind=rng.choice(["ASSAULT", "PROTEST"]), day=f"2024-03-{rng.randint(1, 12):02d}",
            precision=rng.choice([1, 1, 2]), town=rng.choice(towns), place_precision=rng.choice([1, 2, 3]),
            modality=rng.choice(MODALITIES), actors=tuple(rng.sample(["RUSMIL", "UKRMIL", "SYRGOV"], 1))))
    with engine.connect() as conn:
        rows = list(conn.execute(select(canonical_events)))
        views = {r.canonical_id: MentionView.from_json(r.view) for r in conn.execute(select(event_mentions))}
    lone = [r for r in rows if r.mention_count == 1]
    refused = 0
    for row in lone:
        for other in rows:
            if other.id == row.id:
                continue
            prof = profile_of(other)
            if _refused_by_columns(row, prof):
                refused += 1
                assert compare(views[row.id], prof).blocked
    assert len(lone) > 20 and refused > 500
