"""The learned store: remember from an article, look up later, correct by hand."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from sitrep.actors.coding import Candidate
from sitrep.actors.learned import LearnedKB


def _cand(name: str, country: str | None = "MLI", title: str | None = "Prime Minister") -> Candidate:
    return Candidate(start=0, end=len(name), text=name, head=0, kind="person", name=name, country=country,
                     sectors=["GOV"], title=title, person_name=name)


@pytest.fixture()
def kb() -> LearnedKB:
    return LearnedKB(create_engine("sqlite://"))


def test_remember_and_look_up_by_surname(kb: LearnedKB) -> None:
    assert kb.remember([_cand("Choguel Maiga")], "2021-08-01") == 1
    kb.remember([_cand("Choguel Maiga")], "2021-09-15")
    entry = kb.get("Choguel Maiga")
    assert entry is not None
    assert (entry.country, entry.sectors, entry.count) == ("MLI", ("GOV",), 2)
    assert (entry.first_seen, entry.last_seen) == ("2021-08-01", "2021-09-15")
    found = kb.lookup("Maiga")
    assert found is not None and found.source == "learned" and found.country == "MLI"


def test_untitled_or_countryless_people_are_not_learned(kb: LearnedKB) -> None:
    assert kb.remember([_cand("Some Person", title=None), _cand("Other Person", country=None)], None) == 0
    assert kb.list() == []


def test_correction_sticks(kb: LearnedKB) -> None:
    kb.remember([_cand("Choguel Maiga")], "2021-08-01")
    kb.correct("Choguel Maiga", country="MLI", sectors=["GOV", "MIL"], title="Interim Prime Minister")
    kb.remember([_cand("Choguel Maiga", country="SEN")], "2022-01-01")
    entry = kb.get("choguel maiga")
    assert entry is not None and entry.corrected
    assert (entry.country, entry.sectors, entry.title) == ("MLI", ("GOV", "MIL"), "Interim Prime Minister")
    with pytest.raises(KeyError):
        kb.correct("Nobody Known", country="FRA")
