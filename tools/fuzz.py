"""Fuzz each property of tests/reliability/test_properties.py for a given time (Hypothesis, many rounds).

    .venv/bin/python tools/fuzz.py --seconds 1800 [--examples 2000] [-k pipeline]

Runs each property in rounds of --examples examples (the pipeline's property takes a tenth), each round
with a new seed (from --first-seed on), until --seconds of CPU time have been spent on that property (the
CPU time of its pytest processes, so a run at low priority beside other work fuzzes as long as an idle
one; --wall counts wall-clock time instead); prints per property the rounds, the examples run, the CPU
and wall time, or the first failure (which Hypothesis also keeps in .hypothesis/ and replays
first on every later run). Exits 1 when any property failed.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = "tests/reliability/test_properties.py"


def properties(selector: str | None) -> list[str]:
    listed = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", TESTS] +
                            (["-k", selector] if selector else []), cwd=ROOT, capture_output=True, text=True)
    return [line for line in listed.stdout.splitlines() if "::" in line]


def children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def fuzz(test: str, seconds: float, examples: int, first_seed: int, wall: bool) -> tuple[bool, str]:
    env = {**os.environ, "SITREP_FUZZ_EXAMPLES": str(examples)}
    began, cpu_began, rounds = time.perf_counter(), children_cpu(), 0
    while True:
        rounds += 1
        run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:randomly", test,
                              f"--hypothesis-seed={first_seed + rounds - 1}"],
                             cwd=ROOT, env=env, capture_output=True, text=True)
        spent, cpu = time.perf_counter() - began, children_cpu() - cpu_began
        timing = f"{cpu:.0f} s CPU, {spent:.0f} s wall"
        if run.returncode not in (0, 5):
            return False, f"FAILED in round {rounds} after {timing}:\n{run.stdout[-3000:]}"
        if (spent if wall else cpu) >= seconds:
            each = max(3, examples // 10) if "pipeline" in test else examples
            return True, f"{rounds} rounds, {rounds * each} examples, {timing}, no failure"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1800)
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--first-seed", type=int, default=1, help="seed of the first round (then +1 a round)")
    parser.add_argument("--wall", action="store_true", help="count wall-clock time, not CPU time")
    parser.add_argument("-k", dest="selector")
    args = parser.parse_args()
    failed = False
    for test in properties(args.selector):
        ok, summary = fuzz(test, args.seconds, args.examples, args.first_seed, args.wall)
        failed |= not ok
        print(f"{test.split('::')[-1]}: {summary}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
