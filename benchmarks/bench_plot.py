"""Plot benchmark: render the agency timeline of a synthetic 5,000-event chronology to PNG.

    python benchmarks/bench_plot.py --events 5000

Generates rows with benchmarks/generate.py, reads them with ``parse_table`` and runs the
default rulebook (not timed), then prints the best wall time of several runs of
``plot_timeline(chron, findings=findings)`` plus ``savefig`` (target: a few seconds at most).
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

import scr_timeline as scr
from benchmarks.generate import generate_chronology
from scr_timeline.plotting import plot_timeline


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    raw = generate_chronology(args.events, seed=1).astype(str)
    chron = scr.parse_table(raw, source="synth")
    findings = scr.analyse(chron)
    best = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        ax = plot_timeline(chron, findings=findings)
        ax.figure.savefig(io.BytesIO(), format="png", dpi=100)
        best = min(best, time.perf_counter() - t)
        plt.close(ax.figure)
    print(
        f"plot_timeline + savefig, {len(chron.events)} events, {len(findings)} findings: {best:.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
