"""Candidate events looked up by place cell (migration 0010) are exactly those the lookup by days alone
finds, in the same order, in SQLite and PostgreSQL; 0010 gives stored events the cell the merge computes."""

from __future__ import annotations

import json
import random
from typing import Any

from sqlalchemy import delete, insert, inspect, select, text

from sitrep.merge.canonical import by_days, candidates, lookup_params, place_cell
from sitrep.merge.mentions import MentionView
from sitrep.merge.tables import canonical_events
from sitrep.store import Store
from sitrep.store.db import open_engine, writer_of
from tests.store.conftest import to_revision

COUNTRIES = ["UA", "SY", "", None]
REGIONS = ["UA-63", "SY-ID", "", None]


def _stored_event(rng: random.Random, i: int) -> dict[str, Any]:
    """An event near the cell corners around (0, 0) and the antimeridian, or placed at a whole country or
    region, or without a point (or with half of one)."""
    lat: float | None = rng.choice([rng.uniform(-4, 4), rng.randint(-3, 3) + rng.choice([0.0, 1e-9, -1e-9]),
                                    rng.uniform(60, 70)])
    lon: float | None = rng.choice([rng.uniform(-5, 5), rng.uniform(175, 180), float(rng.randint(-2, 2))])
    shape = rng.random()
    if shape < 0.1:
        lat = lon = None
    elif shape < 0.13:
        lon = None
    precision, admin1 = rng.choice([1, 1, 2, 3]), rng.choice(REGIONS)
    return {"id": f"ev-{i:05d}", "kind": rng.choice(["ASSAULT", "PROTEST"]), "violent": False,
            "day_lo": 739000 + rng.randint(-40, 40), "date_precision": rng.choice([1, 1, 2, 3, None]),
            "lat": lat, "lon": lon, "place_precision": precision, "country": rng.choice(COUNTRIES),
            "admin1": admin1, "place_cell": place_cell(lat, lon),
            "actor_keys": [{"key": f"name:{i}", "name": "Kyïv «city»", "specific": True}], "summary": {"words": [i]},
            "mention_count": 1, "source_count": 1}


def _view(rng: random.Random, i: int) -> MentionView:
    lat, lon = rng.choice([(rng.uniform(-4, 4), rng.uniform(-5, 5)), (float(rng.randint(-2, 2)), 0.0),
                           (rng.uniform(60, 70), rng.uniform(175, 180)), (None, None), (89.5, 10.0)])
    day = 739000 + rng.randint(-30, 30)
    return MentionView(document_id=f"d{i}", event_id="e1", kind=rng.choice(["ASSAULT", "PROTEST"]), violent=False,
                       plover_type="ASSAULT", plover_mode=None, cameo=None, acled_event_type=None,
                       acled_sub_event_type=None, outlet=None, url=None, published=None, modality="asserted",
                       day_lo=day, day_hi=day + rng.choice([0, 0, 6, 30]), precision=rng.choice([1, 2, 3]),
                       lat=lat, lon=lon, place_precision=rng.choice([1, 2, 3]), country=rng.choice(COUNTRIES),
                       admin1=rng.choice(REGIONS))


def test_candidates_by_cell_are_those_by_days_in_the_same_order(db_target):
    rng = random.Random(15)
    store = Store(db_target)
    with store.engine.begin() as conn:
        conn.execute(delete(canonical_events))
        rows = [_stored_event(rng, i) for i in range(3000)]
        for row in rows:
            row["day_hi"] = row["day_lo"] + rng.choice([0, 0, 3, 30, 300])
        conn.execute(insert(canonical_events), rows)
    found_some = 0
    with store.engine.connect() as conn:
        for i in range(300):
            view = _view(rng, i)
            params = lookup_params(view)
            assert params is not None
            expected = [r.id for r in by_days(conn, params)]
            found = candidates(conn, view)
            assert [r.id for r in found] == expected, view
            for row in found:  # the JSON columns come as text, decoded only when compared
                i = int(row.id[3:])
                assert json.loads(row.summary) == {"words": [i]}
                assert json.loads(row.actor_keys) == [{"key": f"name:{i}", "name": "Kyïv «city»", "specific": True}]
            found_some += bool(expected)
    store.close()
    assert found_some > 150


def test_stored_cells_and_modalities_are_the_merge_ones(db_target):
    """0010 fills the cell and modality of events stored before it with the values the merge computes in
    Python (no modality where the summary has none: the merge then reads the summary)."""
    engine = open_engine(db_target)
    to_revision(engine, "0009")
    points = [(0.0, 0.0), (-0.5, -0.5), (-1.0, 179.999), (49.99, 36.23), (-33.9, -70.6), (1e-9, -1e-9),
              (-89.5, -180.0), (None, 10.0), (10.0, None), (None, None)]
    with writer_of(engine).begin() as conn:
        conn.execute(text("DELETE FROM canonical_events"))
        for i, (lat, lon) in enumerate(points):
            conn.execute(text("INSERT INTO canonical_events (id, kind, violent, lat, lon, actor_keys, summary, "
                              "mention_count, source_count) VALUES (:id, 'ASSAULT', false, :lat, :lon, '[]', :summary, 1, 1)"),
                         {"id": f"ev-{i}", "lat": lat, "lon": lon,
                          "summary": '{"modality": {"value": "planned", "disputed": false}}' if i % 2 else "{}"})
    engine.dispose()
    store = Store(db_target)
    with store.engine.connect() as conn:
        stored = dict(conn.execute(select(canonical_events.c.id, canonical_events.c.place_cell)).all())
        modalities = dict(conn.execute(select(canonical_events.c.id, canonical_events.c.modality)).all())
        indexes = {i["name"] for i in inspect(conn).get_indexes("canonical_events")}
    store.close()
    assert stored == {f"ev-{i}": place_cell(lat, lon) for i, (lat, lon) in enumerate(points)}
    assert stored["ev-1"] == -1 * 1000 - 1 and stored["ev-7"] is None
    assert modalities == {f"ev-{i}": "planned" if i % 2 else None for i in range(len(points))}
    assert "ix_canonical_events_kind_precision_cell_day" in indexes
