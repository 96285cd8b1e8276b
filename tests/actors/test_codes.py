"""CAMEO code, ACLED category and PLOVER type follow from country and sectors."""

from __future__ import annotations

from sitrep.actors.codes import acled_inter, cameo_code, ordered, plover_type


def test_cameo_code() -> None:
    assert cameo_code("TUR", ["GOV", "MIL"]) == "TURGOVMIL"
    assert cameo_code("IGOUNO", ["IGO"]) == "IGOUNO"
    assert cameo_code(None, ["REB"]) == "---REB"
    assert cameo_code(None, []) is None


def test_acled_inter() -> None:
    assert acled_inter(["MIL"]) == 1
    assert acled_inter(["REB"]) == 2
    assert acled_inter(["MIL"], militia=True) == 3
    assert acled_inter(["CVL"], protest="protesters") == 6
    assert acled_inter(["REF"]) == 7
    assert acled_inter(["IGO"]) == 8


def test_order_and_plover() -> None:
    assert ordered(["MIL", "GOV", "MIL"]) == ["GOV", "MIL"]
    assert plover_type([], "state") == "STATE"
    assert plover_type(["REB"], "nominal") == "REB"
