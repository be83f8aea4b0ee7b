"""Many small chronologies: read, classify, analyse and write findings per 1,000-row file.

    python benchmarks/bench_small.py --files 40 --rows 1000

The batch regime (issue 6): a partnership runs hundreds of 1,000-row chronologies through
one process per core, so what matters is the fixed cost per call, not rows/s. Each file is
generated with its own seed (no two files are the same), written as CSV, and timed per
stage, in one process (one core): ``scr.read`` (read + dates + classification),
``scr.analyse`` (every wt2006 rule) and ``Findings.to_csv``. The first file is reported
apart (it pays for compiling the vocabularies and the rulebook); the others give the
median and the best per-file times. The issue's target: the whole pipeline <= 10 ms per
1,000-row chronology per core; ``scr.read`` alone is timed against ``pandas.read_csv`` of
the same files.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_chronology

import scr_timeline as scr

TARGET_MS = 10.0


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=40, help="chronologies (seeds 1..N)")
    parser.add_argument("--rows", type=int, default=1000, help="rows per chronology")
    parser.add_argument("--no-analyse", action="store_true", help="time reading only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        paths = [
            write_chronology(Path(tmp) / f"chron-{seed}.csv", args.rows, seed=seed, fmt="csv")
            for seed in range(1, args.files + 1)
        ]
        stages: dict[str, list[float]] = {"pandas.read_csv": [], "scr.read": []}
        if not args.no_analyse:
            stages.update({"scr.analyse": [], "findings.to_csv": [], "pipeline": []})
        out = Path(tmp) / "out"
        out.mkdir()
        for path in paths:
            t0 = time.perf_counter()
            pd.read_csv(path)
            t1 = time.perf_counter()
            chron = scr.read(path)
            t2 = time.perf_counter()
            stages["pandas.read_csv"].append(t1 - t0)
            stages["scr.read"].append(t2 - t1)
            if not args.no_analyse:
                findings = scr.analyse(chron)
                t3 = time.perf_counter()
                findings.to_csv(out)
                t4 = time.perf_counter()
                stages["scr.analyse"].append(t3 - t2)
                stages["findings.to_csv"].append(t4 - t3)
                stages["pipeline"].append(t4 - t1)
    print(f"{args.files} chronologies of {args.rows:,} rows (CSV), one process")
    print(f"  {'stage':<18} {'first file':>11} {'median':>11} {'best':>11}")
    for name, times in stages.items():
        rest = times[1:] or times
        print(
            f"  {name:<18} {_ms(times[0]):>11} {_ms(statistics.median(rest)):>11} "
            f"{_ms(min(rest)):>11}"
        )
    read = statistics.median(stages["scr.read"][1:] or stages["scr.read"])
    plain = statistics.median(stages["pandas.read_csv"][1:] or stages["pandas.read_csv"])
    print(f"  ratio scr.read / pandas.read_csv (median) {read / plain:7.1f}x")
    if not args.no_analyse:
        whole = statistics.median(stages["pipeline"][1:] or stages["pipeline"])
        print(
            f"  pipeline per chronology (median) {whole * 1000:.1f} ms  (target <= {TARGET_MS:.0f} ms)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
