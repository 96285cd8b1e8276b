"""docs/architecture.md keeps up with the code: its error table lists every code the package raises, and its
import layers are the ones `make lint` checks."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT

DOC = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_every_error_code_raised_in_the_package_is_in_the_table():
    raised = {code for path in (ROOT / "src" / "sitrep").rglob("*.py")
              for code in re.findall(r'"(E\d{3})"', path.read_text(encoding="utf-8"))}
    listed = set(re.findall(r"^\| (E\d{3}) \|", DOC, flags=re.M))
    assert raised, "no error code found: the pattern no longer matches how codes are written"
    assert raised - listed == set(), f"codes missing from docs/architecture.md: {sorted(raised - listed)}"


def test_the_layers_drawn_are_the_layers_checked():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["id"] == "layers"]
    block = DOC.split("```\n__main__\n", 1)[1].split("```", 1)[0]
    drawn = ["__main__"] + [line.split("  ")[0].strip() for line in block.splitlines() if line.strip()]
    assert drawn == layers
