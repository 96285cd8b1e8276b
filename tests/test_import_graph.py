"""The import graph check in `make lint` (import-linter, contracts in pyproject.toml): the package as it is
keeps every contract, and a copy with one circle or one upward import breaks one."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).parent / "lint-imports"
LAZY = "\n\ndef _added_for_the_test():\n    {line}\n    return None\n"


def _lint(tree: Path, *contract: str) -> subprocess.CompletedProcess[str]:
    only = [arg for c in contract for arg in ("--contract", c)]
    return subprocess.run([str(LINT), "--no-cache", *only], cwd=tree, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin"})


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "src" / "sitrep", tmp_path / "src" / "sitrep",
                    ignore=shutil.ignore_patterns("__pycache__", "data", "migrations", "web"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _add(tree: Path, module: str, line: str) -> None:
    path = tree / "src" / "sitrep" / module
    path.write_text(path.read_text(encoding="utf-8") + LAZY.format(line=line), encoding="utf-8")


def test_the_package_keeps_every_contract(tree: Path) -> None:
    result = _lint(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    # resolve.py imports distance.py: distance importing resolve back closes a circle
    ("geo/distance.py", "from . import resolve", "no-circles"),
    # a stage reaching up to a stage that runs after it, even lazily inside a function
    ("geo/places.py", "from ..events import make_stage", "layers"),
    # the public API module sits above the pipeline: only the CLI may import it
    ("settings.py", "from . import analyze_text", "public-api-on-top"),
])
def test_a_circle_or_an_upward_import_breaks_a_contract(tree: Path, module: str, line: str, contract: str) -> None:
    assert _lint(tree, contract).returncode == 0
    _add(tree, module, line)
    result = _lint(tree, contract)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "0 kept, 1 broken" in result.stdout


def test_the_public_api_contract_covers_every_part_of_the_package() -> None:
    """A new module or package under sitrep/ must be listed (a forgotten one could import the root)."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]["contracts"]
    (contract,) = [c for c in contracts if c["id"] == "public-api-on-top"]
    listed = {m.removesuffix(".**") for m in contract["source_modules"]}
    package = ROOT / "src" / "sitrep"
    parts = {f"sitrep.{p.stem}" for p in package.iterdir()
             if (p.suffix == ".py" and p.stem not in ("__init__", "__main__", "cli")) or (p / "__init__.py").exists()}
    assert listed == parts
