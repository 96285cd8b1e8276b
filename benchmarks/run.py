"""`make bench`: throughput and memory of the pipeline against spaCy alone, of `batch` on 1 and 2 workers,
per stage, and the other benchmark scripts beside this one; written to docs/benchmarks.md.

Benchmarks, not timed tests: numbers vary with the machine and with what else runs on it, so they are
measured and reported, and the targets are checked here by reading them, never by a test that would flake.
spaCy alone and the pipeline are measured side by side in one process, chunk by chunk, alternating which
goes first, so that other load on the machine weighs on both alike: their ratio holds better than either.
Each is timed by the wall clock and by this process's CPU time; on a machine shared with other work the
CPU-time ratio is the steadier of the two (it does not count the time the process waited for a core).

The corpus is assembled at run time from ../shared/corpora (benchmarks/corpus.py), never copied here.
Usage: python benchmarks/run.py [--out docs/benchmarks.md] [--docs 5000] [--chunk 250] [--batch-docs 2000]
       [--skip-batch] [--skip-others]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from corpus import news_documents, repeat_to, write_jsonl

from sitrep.batch.work import peak_rss_mb
from sitrep.models import Document
from sitrep.pipeline import Pipeline, chunked
from sitrep.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"temporal": 0.15, "geo": 0.10, "events": 0.30}  # share of pipeline time, from the issues
RATIO_TARGET, SPEEDUP_TARGET, RATE_TARGET, MEMORY_TARGET_MB = 0.80, 1.7, 12.0, 1536


def spacy_alone(model: str) -> Any:
    """The same model package with the components the pipeline keeps, and nothing of sitrep's."""
    import spacy

    from sitrep.nlp import USED_COMPONENTS, model_name

    nlp = spacy.load(model_name(model))
    for unused in [c for c in nlp.component_names if c not in USED_COMPONENTS]:
        nlp.remove_pipe(unused)
    return nlp


def side_by_side(docs: list[Document], chunk: int) -> dict[str, Any]:
    """spaCy alone and the full pipeline over the same documents, chunk by chunk, in one process."""
    settings = load_settings()
    pipeline, nlp = Pipeline(settings).warm_up(), spacy_alone(settings.model)
    pipeline.analyze_many(docs[:settings.batch_size])  # fill the caches that fill on first use (names, lexicons)
    list(nlp.pipe([d.text for d in docs[:settings.batch_size]], batch_size=settings.batch_size))
    spacy_s, pipeline_s, ratios, stages, cpu = 0.0, 0.0, [], {}, [0.0, 0.0]
    for n, part in enumerate(chunked(docs, chunk)):
        took = [0.0, 0.0]
        for which in ((0, 1) if n % 2 == 0 else (1, 0)):
            began, began_cpu = time.perf_counter(), time.process_time()
            if which == 0:
                list(nlp.pipe([d.text for d in part], batch_size=settings.batch_size))
            else:
                _pipeline_chunk(pipeline, part, settings.batch_size, stages)
            took[which] = time.perf_counter() - began
            cpu[which] += time.process_time() - began_cpu
        spacy_s, pipeline_s = spacy_s + took[0], pipeline_s + took[1]
        ratios.append(took[0] / took[1])
    return {"spacy_s": spacy_s, "pipeline_s": pipeline_s, "ratios": ratios, "per_stage": stages,
            "spacy_cpu_s": cpu[0], "pipeline_cpu_s": cpu[1], "max_rss_mb": peak_rss_mb()}


def _pipeline_chunk(pipeline: Pipeline, docs: list[Document], batch_size: int, stages: dict[str, float]) -> None:
    for batch in chunked(docs, batch_size):
        for analysis in pipeline.analyze_many(batch):
            if isinstance(analysis, Exception):
                raise analysis
            analysis.record()
            for name, secs in analysis.timings.items():
                stages[name] = stages.get(name, 0.0) + secs


def batch_runs(docs: list[Document], workers: tuple[int, int] = (1, 2)) -> dict[int, dict[str, Any]]:
    """`sitrep batch` (the library call behind it) on the corpus as JSON Lines with 1 and 2 workers, in the order
    1, 2, 2, 1 so that other work on the machine weighs on both alike; each keeps its faster run (the one less
    disturbed), and both runs are reported."""
    from sitrep.batch import run_batch
    from sitrep.ingest import read_paths

    settings, results = load_settings(), {}
    with tempfile.TemporaryDirectory() as tmp:
        source = write_jsonl(docs, Path(tmp) / "corpus.jsonl")
        began = time.perf_counter()
        read = sum(1 for _ in read_paths([str(source)], settings))
        results[0] = {"wall_s": time.perf_counter() - began, "docs": read, "rss": [], "runs": []}  # the driver alone
        for k, n in enumerate((*workers, *reversed(workers))):
            began = time.perf_counter()
            report = run_batch(read_paths([str(source)], settings), Path(tmp) / f"out{k}", settings, workers=n,
                               say=lambda line: None)
            wall = time.perf_counter() - began
            best = results.setdefault(n, {"wall_s": wall, "docs": report.documents, "rss": [], "runs": []})
            best["runs"].append(wall)
            if wall <= best["wall_s"]:
                best.update(wall_s=wall, rss=sorted(report.peak_rss_mb.values()))
    return results


def extra_benchmarks() -> list[str]:
    """Other benchmark scripts beside this one (each prints markdown lines)."""
    lines = []
    for script in sorted(Path(__file__).parent.glob("bench_*.py")):
        out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=3000)
        lines += [f"### {script.name}", "", out.stdout.strip() or f"(failed: {out.stderr.strip()[-300:]})", ""]
    return lines


def _verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def render(docs: list[Document], m: dict[str, Any], batches: dict[int, dict[str, Any]], extra: list[str],
           took_min: float, commit: str) -> str:
    n, words = len(docs), sum(len(d.text.split()) for d in docs)
    ratio = m["spacy_s"] / m["pipeline_s"]
    rows = [_rate_row("spaCy alone (same model and components, nlp.pipe, batch 64)", n, words, m["spacy_s"]),
            _rate_row("full pipeline, 1 process", n, words, m["pipeline_s"])]
    rows += [_rate_row(f"`batch`, {k} worker{'s' if k > 1 else ''} (wall, with start-up)", b["docs"],
                       round(words * b["docs"] / n), b["wall_s"])
             if k else _rate_row("the `batch` driver reading the JSON Lines alone", b["docs"], round(words * b["docs"] / n),
                                 b["wall_s"])
             for k, b in sorted(batches.items(), key=lambda kb: kb[0] or 99)]
    r = sorted(m["ratios"])
    lines = [
        "# sitrep benchmarks", "",
        f"Measured by `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M UTC} at commit {commit}: "
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}. "
        f"Corpus: {n:,} documents, the {len(news_documents_cache):,} news articles of TimeBank/AQUAINT, LGL and "
        f"TR-News (read from ../shared/corpora at run time) repeated; {words / n:.0f} words per document on average. "
        f"Load on the machine while measuring (1-minute load average at the end): {os.getloadavg()[0]:.1f}. "
        f"The whole run took {took_min:.0f} minutes.", "",
        "## Throughput", "",
        "| what | documents/s | words/s |", "|---|---|---|", *rows, "",
        f"- Pipeline / spaCy-alone throughput, side by side in one process: **{ratio:.2f}** "
        f"(chunks of {len(docs) // max(1, len(r))}: min {r[0]:.2f}, median {statistics.median(r):.2f}, max {r[-1]:.2f}; "
        f"target ≥ {RATIO_TARGET:.2f}: {_verdict(ratio >= RATIO_TARGET)})",
        f"- The same by this process's CPU time (the steadier figure while other work shares the cores): "
        f"**{m['spacy_cpu_s'] / m['pipeline_cpu_s']:.2f}** (spaCy alone {1000 * m['spacy_cpu_s'] / n:.1f} ms per "
        f"document, the pipeline {1000 * m['pipeline_cpu_s'] / n:.1f} ms)",
        f"- Peak memory of that process (spaCy alone and the pipeline both loaded): {m['max_rss_mb']:.0f} MB",
    ]
    lines += _batch_lines(batches)
    lines += _projection(m, batches, n)
    stages = m["per_stage"]
    total = sum(stages.values())
    lines += ["", "## Where the pipeline's time goes", "", "| stage | ms per article | share of pipeline time | target |",
              "|---|---|---|---|"]
    lines += [f"| {name} | {1000 * secs / n:.1f} | {secs / total:.1%} | "
              + (f"≤ {TARGETS[name]:.0%} {_verdict(secs / total <= TARGETS[name])}" if name in TARGETS else "") + " |"
              for name, secs in stages.items()]
    lines += ["", "Earlier rounds, the conditions each was measured in, and what was tried and not kept: "
              "[benchmarks-history.md](benchmarks-history.md)."]
    return "\n".join([*lines, "", "## Other benchmarks", "", *extra])


def _projection(m: dict[str, Any], batches: dict[int, dict[str, Any]], n: int) -> list[str]:
    """What a 32-core machine and a 10-node cluster would do, from the rates measured here."""
    if 1 not in batches or 2 not in batches:
        return []
    one = batches[1]["docs"] / batches[1]["wall_s"]
    efficiency = (batches[1]["wall_s"] / batches[2]["wall_s"]) / 2
    reading = batches[0]["docs"] / batches[0]["wall_s"]
    peak = max(max(b["rss"]) for k, b in batches.items() if k and b["rss"]) / 1024
    cores32, nodes = 32 * one * min(1.0, efficiency), 10 * 32 * one * min(1.0, efficiency)
    return ["", "### What more cores would do", "",
            f"One worker process here analyses {one:.1f} articles/s (with start-up; spaCy alone {n / m['spacy_s']:.1f}/s "
            f"on one core) and two reach {efficiency:.0%} of twice that. Workers share nothing but the input, so a "
            f"32-core machine with 32 workers would analyse about {cores32:.0f} articles/s ({3600 * cores32:,.0f} an "
            f"hour) if each core is as fast as these and the {efficiency:.0%} efficiency holds, and needs "
            f"{32 * peak:.0f} GB of memory ({peak:.1f} GB per worker); ten such nodes on one Dask scheduler about "
            f"{nodes:,.0f} articles/s. Two ceilings are not in the workers: the driver reads and cuts the input "
            f"in one process — {reading:,.0f} JSON Lines documents/s here, far above that for JSON Lines, but HTML "
            f"and WARC inputs pay their text extraction there too — and `--load` stores and merges one article "
            f"at a time in one transaction each (the merge figures below), which bounds loading, not analysis."]


def _batch_lines(batches: dict[int, dict[str, Any]]) -> list[str]:
    batches = {k: b for k, b in batches.items() if k}
    if not batches:
        return ["- `batch` not measured (--skip-batch)"]
    lines = []
    if 1 in batches and 2 in batches:
        speedup = batches[1]["wall_s"] / batches[2]["wall_s"]
        runs = "; ".join(f"{k} worker{'s' if k > 1 else ''} {', '.join(f'{w:.0f}' for w in b['runs'])} s"
                         for k, b in sorted(batches.items()))
        lines.append(f"- `batch` 2 workers / 1 worker: **{speedup:.2f}×** on {batches[1]['docs']:,} documents, the faster "
                     f"of two runs each, run in the order 1, 2, 2, 1 ({runs}; target ≥ {SPEEDUP_TARGET}: "
                     f"{_verdict(speedup >= SPEEDUP_TARGET)})")
    best = max(b["docs"] / b["wall_s"] for b in batches.values())
    lines.append(f"- Best rate on this machine: **{best:.1f} articles/s** ({3600 * best:,.0f} an hour; target ≥ "
                 f"{RATE_TARGET:.0f}/s: {_verdict(best >= RATE_TARGET)})")
    for k, b in batches.items():
        peak = max(b["rss"]) if b["rss"] else 0
        lines.append(f"- Peak resident memory per worker, {k} worker{'s' if k > 1 else ''}: "
                     f"{', '.join(f'{x:.0f} MB' for x in b['rss'])} (target ≤ 1.5 GB: {_verdict(peak <= MEMORY_TARGET_MB)})")
    return lines


def _rate_row(what: str, n: int, words: int, seconds: float) -> str:
    return f"| {what} | {n / seconds:.1f} | {words / seconds:,.0f} |"


def _commit() -> str:
    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    return out.stdout.strip() or "unknown"


news_documents_cache: list[Document] = []


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="docs/benchmarks.md")
    parser.add_argument("--docs", type=int, default=5000, help="corpus size (the ~950 articles repeated)")
    parser.add_argument("--chunk", type=int, default=250, help="documents per side-by-side chunk")
    parser.add_argument("--corpora", default=str(ROOT.parent / "shared" / "corpora"))
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--batch-docs", type=int, default=2000,
                        help="documents for the batch runs (four of them: 1, 2, 2 and 1 workers)")
    parser.add_argument("--skip-others", action="store_true", help="leave out the bench_*.py scripts")
    args = parser.parse_args()
    began = time.perf_counter()
    commit = _commit()  # the code measured is the code at the start (a later commit may land meanwhile)
    news_documents_cache.extend(news_documents(Path(args.corpora)))
    docs = repeat_to(news_documents_cache, args.docs)
    measured = side_by_side(docs, args.chunk)
    batches = {} if args.skip_batch else batch_runs(docs[:args.batch_docs])
    extra = [] if args.skip_others else extra_benchmarks()
    text = render(docs, measured, batches, extra, (time.perf_counter() - began) / 60, commit)
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
