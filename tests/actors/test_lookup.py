"""actor_at / actors_in over hand-made actors (no model needed)."""

from __future__ import annotations

from sitrep.actors import actor_at, actors_in
from sitrep.models import Actor, Document, Mention
from sitrep.settings import Settings
from sitrep.stage import Analysis

TEXT = "Russian jets and Syrian artillery pounded the town."


def _analysis() -> Analysis:
    analysis = Analysis(document=Document(id="t", text=TEXT), settings=Settings(), analysis_text=TEXT)
    analysis.actors = [
        Actor(id="a1", name="Russian jets", country="RUS", mentions=[Mention(start=0, end=12, text="Russian jets")]),
        Actor(id="a2", name="Syrian artillery", country="SYR",
              mentions=[Mention(start=17, end=33, text="Syrian artillery")]),
    ]
    return analysis


def test_actor_at_prefers_containment() -> None:
    analysis = _analysis()
    assert actor_at(analysis, 8, 12).id == "a1"          # "jets" inside "Russian jets"
    assert actor_at(analysis, 0, 33).id in ("a1", "a2")  # a span containing both
    assert actor_at(analysis, 34, 41) is None            # "pounded"


def test_actors_in_finds_coordinated_actors() -> None:
    assert [a.id for a in actors_in(_analysis(), 0, 33)] == ["a1", "a2"]
    assert actors_in(_analysis(), 0, 10) == []
