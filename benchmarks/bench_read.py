"""Reading benchmarks: CSV into events against plain pandas, Excel calamine against openpyxl.

    python benchmarks/bench_read.py --rows 1000000 --excel-rows 100000

Prints rows/s and the ratios the foundation issue sets targets for:
reading a CSV into events within 3x of ``pandas.read_csv`` on the same file, and
python-calamine at least 5x faster than openpyxl on a 1e5-row sheet. With ``--memory``,
also the peak resident memory of each way of reading the file, each in a fresh process
(``VmHWM`` from ``/proc/self/status``, else ``resource.getrusage`` maxrss; issue 6:
reading and classifying <= 3x pandas' peak).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.csv

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_chronology

import scr_timeline as scr
from scr_timeline.io import parse_table
from scr_timeline.io.csv import read_csv_table


def best_of(repeats: int, func: Callable[[], Any]) -> tuple[float, Any]:
    """Best wall time of ``repeats`` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - t0)
    return best, result


def bench_csv(rows: int, folder: Path, repeats: int) -> Path:
    path = folder / f"chron-{rows}.csv"
    write_chronology(path, rows, seed=1, fmt="csv")
    t_pandas, frame = best_of(repeats, lambda: pd.read_csv(path))
    t_arrow, _ = best_of(repeats, lambda: pyarrow.csv.read_csv(path))
    t_plain, _ = best_of(repeats, lambda: scr.read_csv(path, classify=False))
    # the unclassified read in its two halves: the file's cells, then the cells to events
    t_cells, (raw, _facts) = best_of(repeats, lambda: read_csv_table(path))
    t_parse, _ = best_of(repeats, lambda: parse_table(raw, source=path, classify=False))
    # the first classified read matches every distinct sentence; later ones in the same
    # process find the sentences already matched (the classifiers remember them)
    t_first, _ = best_of(1, lambda: scr.read_csv(path))
    t_ours, chron = best_of(repeats, lambda: scr.read_csv(path))
    accounted = len(chron.events) + len(chron.rejected)
    print(f"CSV {rows:,} rows ({path.stat().st_size / 1e6:.0f} MB)")
    print(f"  pandas.read_csv            {t_pandas:7.2f} s  {rows / t_pandas:12,.0f} rows/s")
    print(f"  scr.read_csv, unclassified {t_plain:7.2f} s  {rows / t_plain:12,.0f} rows/s")
    print(
        f"  scr.read_csv -> events     {t_ours:7.2f} s  {rows / t_ours:12,.0f} rows/s  (classified)"
    )
    print(
        f"  scr.read_csv, first        {t_first:7.2f} s  {rows / t_first:12,.0f} rows/s  "
        "(classified, sentences not yet seen by the process)"
    )
    print(f"  ratio unclassified/pandas  {t_plain / t_pandas:7.2f}x  (target <= 3x)")
    print(f"    cells (read_csv_table)   {t_cells:7.2f} s  {t_cells / t_pandas:7.2f}x pandas")
    print(f"    events (parse_table)     {t_parse:7.2f} s  {t_parse / t_pandas:7.2f}x pandas")
    print(f"  ratio classified / pandas  {t_ours / t_pandas:7.2f}x")
    print(f"  pyarrow.csv.read_csv       {t_arrow:7.2f} s  {rows / t_arrow:12,.0f} rows/s")
    print(f"  ratio classified / pyarrow {t_ours / t_arrow:7.2f}x")
    print(
        f"  rows accounted for: {accounted:,} of {len(frame):,} "
        f"({len(chron.events):,} events, {len(chron.rejected):,} rejected)"
    )
    return path


_MEMORY_SCRIPT = """
import resource, sys
mode, path = sys.argv[1], sys.argv[2]
if mode == "pyarrow":
    import pyarrow.csv
    pyarrow.csv.read_csv(path)
elif mode == "pandas":
    import pandas
    pandas.read_csv(path)
else:
    import scr_timeline
    scr_timeline.read_csv(path, classify=mode == "classified")
try:  # the peak of this process's own memory (maxrss would count the parent's at fork)
    with open("/proc/self/status") as status:
        print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_memory_mb(mode: str, path: Path) -> float:
    """Peak resident memory (MB) of a fresh Python process reading ``path`` one way."""
    done = subprocess.run(
        [sys.executable, "-c", _MEMORY_SCRIPT, mode, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout.split()[-1]) / 1024  # KiB


def bench_memory(path: Path) -> None:
    peaks = {m: peak_memory_mb(m, path) for m in ("pandas", "pyarrow", "plain", "classified")}
    print("Peak memory, fresh process each (VmHWM)")
    names = {
        "pandas": "pandas.read_csv",
        "pyarrow": "pyarrow.csv.read_csv",
        "plain": "scr.read_csv, unclassified",
        "classified": "scr.read_csv, classified",
    }
    for mode, peak in peaks.items():
        ratio = peak / peaks["pandas"]
        print(f"  {names[mode]:<27} {peak:8.0f} MB  {ratio:5.2f}x pandas")


def bench_excel(rows: int, folder: Path) -> None:
    path = folder / f"chron-{rows}.xlsx"
    write_chronology(path, rows, seed=2, fmt="xlsx")
    from scr_timeline.io.excel import read_excel_sheets

    t_cal, _ = best_of(1, lambda: read_excel_sheets(path, engine="calamine"))
    t_opx, _ = best_of(1, lambda: read_excel_sheets(path, engine="openpyxl"))
    t_full, chron = best_of(1, lambda: scr.read_excel(path))
    print(f"Excel {rows:,} rows")
    print(f"  cells via python-calamine  {t_cal:7.2f} s  {rows / t_cal:12,.0f} rows/s")
    print(f"  cells via openpyxl         {t_opx:7.2f} s  {rows / t_opx:12,.0f} rows/s")
    print(f"  speed-up calamine/openpyxl {t_opx / t_cal:7.1f}x  (target >= 5x)")
    print(f"  scr.read_excel -> events   {t_full:7.2f} s  ({len(chron.events):,} events)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--excel-rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--memory", action="store_true", help="peak memory per way of reading")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = bench_csv(args.rows, folder, args.repeats)
        if args.memory:
            bench_memory(path)
        if args.excel_rows:
            bench_excel(args.excel_rows, folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
