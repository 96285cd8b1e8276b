"""Time a fresh build of the offline gazetteer from the shipped packages (target: under 2 minutes)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from sitrep.batch.work import peak_rss_mb
from sitrep.geo import build_gazetteer


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        cpu = time.process_time()
        path = build_gazetteer(Path(tmp) / "gazetteer.sqlite")
        wall, cpu = time.perf_counter() - began, time.process_time() - cpu
        size = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 1e6
    rss = peak_rss_mb()  # not ru_maxrss, which keeps the peak of the process that started this one
    verdict = "met" if wall < 120 else "NOT met"
    print(f"- Gazetteer build ({path.name} and its index, {size:.0f} MB): {wall:.1f} s wall, {cpu:.1f} s CPU, "
          f"peak {rss:.0f} MB (target < 120 s: {verdict})")


if __name__ == "__main__":
    main()
