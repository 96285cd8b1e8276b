"""The shipped knowledge base: names, surnames, roles by date."""

from __future__ import annotations

from sitrep.actors.kb import ShippedKB

KB = ShippedKB()


def test_full_name_and_surname() -> None:
    assert KB.lookup("Bashar al-Assad").country == "SYR"
    entry = KB.lookup("Assad", "2020-01-10")
    assert entry is not None and (entry.id, entry.sectors, entry.title) == ("assad", ("GOV",), "President")


def test_role_follows_the_date() -> None:
    assert KB.lookup("Cameron", "2012-06-01").title == "Prime Minister"
    assert KB.lookup("Cameron", "2024-01-10").title == "Foreign Secretary"
    assert KB.lookup("Taliban", "2018-01-01").sectors == ("REB",)
    assert KB.lookup("Taliban", "2022-01-01").sectors == ("GOV",)


def test_acled_category_of_a_rival_government_follows_the_date() -> None:
    assert KB.lookup("Houthis", "2015-03-01").acled is None  # a rebel movement then (sectors REB: ACLED 2)
    after = KB.lookup("Houthis", "2020-05-01")
    assert (after.sectors, after.acled) == (("REB",), 1)  # CAMEO keeps REB; ACLED codes its forces as the state's
    assert ShippedKB("x\tX Front\tYEM\tREB\tgroup\t\t\t\t9x").lookup("X Front").acled is None


def test_short_forms_match_only_as_written() -> None:
    assert KB.lookup("UN").country == "IGOUNO"
    assert KB.lookup("un") is None
    assert KB.lookup("Kremlin").sectors == ("GOV",)


def test_leader_holders_on_a_date() -> None:
    holders = KB.holders("USA", frozenset({"President"}), "2019-06-01")
    assert [h.name for h in holders] == ["Donald Trump"]


def test_state_forces_and_armed_groups_known_by_acronym() -> None:
    assert (KB.lookup("FARDC").country, KB.lookup("FARDC").sectors) == ("COD", ("MIL",))
    assert (KB.lookup("CRPF").country, KB.lookup("CRPF").sectors) == ("IND", ("COP",))
    assert (KB.lookup("CODECO").country, KB.lookup("CODECO").sectors) == ("COD", ("REB",))
    assert KB.lookup("CJNG").sectors == ("CRM",)
    assert KB.lookup("QSD").id == KB.lookup("SDF").id == "sdf"  # the Arabic acronym of the same forces
    assert KB.lookup("SPLA", "2015-01-01").sectors == ("MIL",)
    assert KB.lookup("SSPDF", "2020-01-01").country == "SSD"
