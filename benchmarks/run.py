"""`make bench`: speed and memory of the pipeline, per stage, written to docs/benchmarks.md.

Benchmarks, not timed tests: numbers vary with the machine, so they are measured and reported,
and the targets are checked here by reading them, not by a test that would flake.
Usage: python benchmarks/run.py [--out docs/benchmarks.md] [--repeat 3] [--corpora ../shared/corpora]
"""

from __future__ import annotations

import argparse
import platform
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sitrep.ingest import read_paths
from sitrep.models import Document
from sitrep.pipeline import Pipeline
from sitrep.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"temporal": 0.15, "geo": 0.10, "events": 0.30}  # share of pipeline time, from the issues


def articles(corpora: Path | None) -> list[Document]:
    """The bundled examples, the seed article, and (when present) 40 TR-News articles."""
    settings = load_settings()
    docs = [d for d in read_paths([str(ROOT / "examples")], settings) if isinstance(d, Document)]
    seed = ROOT.parent / "shared" / "seeds" / "000_18c87f106ec3ae84.txt"
    if seed.exists():
        docs.append(Document(id="seed", text=seed.read_text(encoding="utf-8")))
    if corpora and (corpora / "geoparsing-news" / "TR-News.xml").exists():
        from lxml import etree

        tree = etree.parse(str(corpora / "geoparsing-news" / "TR-News.xml"))
        for i, node in enumerate(tree.iter("text")):
            if i >= 40:
                break
            docs.append(Document(id=f"trnews-{i}", text=node.text or ""))
    return docs


def measure(repeat: int, corpora: Path | None) -> dict[str, object]:
    began = time.perf_counter()
    pipeline = Pipeline()
    startup = time.perf_counter() - began
    docs = articles(corpora)
    pipeline.analyze(docs[0])  # warm up lazy loads
    per_stage: dict[str, float] = {}
    chars = 0
    began = time.perf_counter()
    for _ in range(repeat):
        for doc in docs:
            for name, secs in pipeline.analyze(doc).timings.items():
                per_stage[name] = per_stage.get(name, 0.0) + secs
            chars += len(doc.text)
    wall = time.perf_counter() - began
    n = repeat * len(docs)
    return {"startup_s": startup, "docs": n, "wall_s": wall, "per_doc_ms": 1000 * wall / n,
            "docs_per_hour": 3600 * n / wall, "chars_per_doc": chars / n, "per_stage": per_stage,
            "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def extra_benchmarks() -> list[str]:
    """Other benchmark scripts beside this one (each prints markdown lines)."""
    lines = []
    for script in sorted(Path(__file__).parent.glob("bench_*.py")):
        out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=1800)
        lines += [f"### {script.name}", "", out.stdout.strip() or f"(failed: {out.stderr.strip()[-300:]})", ""]
    return lines


def render(m: dict[str, object]) -> str:
    stages: dict[str, float] = m["per_stage"]  # type: ignore[assignment]
    total = sum(stages.values())
    rows = [f"| {name} | {1000 * secs / m['docs']:.1f} | {secs / total:.1%} | "  # type: ignore[operator]
            + (f"≤ {TARGETS[name]:.0%} {'met' if secs / total <= TARGETS[name] else 'NOT met'}" if name in TARGETS else "")
            + " |" for name, secs in stages.items()]
    return "\n".join([
        "# sitrep benchmarks", "",
        f"Measured by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M UTC}, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, {m['docs']} article analyses (bundled examples, the seed article and "
        f"TR-News articles when ../shared is present; {m['chars_per_doc']:.0f} characters on average).", "",
        f"- Pipeline start-up (model, gazetteer, knowledge base): {m['startup_s']:.1f} s",
        f"- Per article: {m['per_doc_ms']:.0f} ms, i.e. {m['docs_per_hour']:,.0f} articles an hour on one core",
        f"- Peak memory (max RSS): {m['max_rss_mb']:.0f} MB", "",
        "| stage | ms per article | share of pipeline time | target |", "|---|---|---|---|", *rows, "",
        *extra_benchmarks(),
    ])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/benchmarks.md")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    args = parser.parse_args()
    corpora = Path(args.corpora) if Path(args.corpora).exists() else None
    text = render(measure(args.repeat, corpora))
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
