"""Analysis benchmark: ``analyse`` plus the findings CSV on many 1,000-row chronologies.

    python benchmarks/bench_analyse.py --chronologies 50 --rows 1000

Generates ``--chronologies`` FICTIONAL chronologies with :func:`generate.generate_chronology`
(seeds 1, 2, ...), reads and classifies each with :func:`scr_timeline.io.table.parse_table`
(not timed), then times, for each one, ``scr.analyse(chron, rulebook=...)`` followed by
``findings.to_csv(folder)``: the per-call cost a batch of reviews pays after reading. The
rulebook is loaded once beforehand (it is cached, as in a batch). Prints ms per chronology
(median, mean and best over all chronologies and ``--repeat`` passes) and findings per
chronology. The issue's share for this step: a few ms per 1,000-row chronology (aim <= 4 ms),
inside the 10 ms per chronology for the whole of read, classify, rules and findings CSV.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scr_timeline.chronology import Chronology
from scr_timeline.rules import analyse, load_rulebook

TARGET_MS = 4.0


def chronologies(count: int, rows: int) -> list[Chronology]:
    """``count`` classified chronologies of ``rows`` generated rows (seeds 1..count)."""
    from generate import generate_chronology

    from scr_timeline.io.table import parse_table

    return [
        parse_table(generate_chronology(rows, seed=seed).astype(str), source=f"bench-{seed}.csv")
        for seed in range(1, count + 1)
    ]


def main(argv: list[str] | None = None) -> int:
    """Time analyse + findings CSV per chronology and print ms."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chronologies", type=int, default=50)
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="passes over all chronologies")
    parser.add_argument("--rulebook", default="wt2006")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    chrons = chronologies(args.chronologies, args.rows)
    print(
        f"built {len(chrons)} chronologies of {args.rows:,} rows in {time.perf_counter() - t0:.1f} s"
    )
    book = load_rulebook(args.rulebook)
    times: list[float] = []
    cpu: list[float] = []
    counts: list[int] = []
    with tempfile.TemporaryDirectory() as folder:
        analyse(chrons[0], rulebook=book).to_csv(folder)  # warm: holidays, imports
        for _ in range(args.repeat):
            for chron in chrons:
                c, t = time.process_time(), time.perf_counter()
                findings = analyse(chron, rulebook=book)
                findings.to_csv(folder)
                times.append(time.perf_counter() - t)
                cpu.append(time.process_time() - c)
                counts.append(len(findings))
    ms = [1e3 * t for t in times]
    median = statistics.median(ms)
    print(
        f"analyse + findings CSV ({args.rulebook}, {len(book.rules)} rules), ms per chronology: "
        f"median {median:.2f}, mean {statistics.fmean(ms):.2f}, best {min(ms):.2f} "
        f"({len(ms)} runs; {statistics.fmean(counts):.0f} findings per chronology)"
    )
    print(
        f"CPU time of this process, ms per chronology: median "
        f"{1e3 * statistics.median(cpu):.2f} (wall and CPU differ when the machine is busy)"
    )
    verdict = "meets" if median <= TARGET_MS else "MISSES"
    print(f"{verdict} the aim of {TARGET_MS:.0f} ms per {args.rows:,}-row chronology")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
