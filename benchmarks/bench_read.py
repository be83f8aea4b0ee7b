"""Reading benchmarks: CSV into events against plain pandas, Excel calamine against openpyxl.

    python benchmarks/bench_read.py --rows 1000000 --excel-rows 100000

Prints rows/s and the ratios the foundation issue sets targets for:
reading a CSV into events within 3x of ``pandas.read_csv`` on the same file, and
python-calamine at least 5x faster than openpyxl on a 1e5-row sheet.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_chronology

import scr_timeline as scr


def best_of(repeats: int, func: Callable[[], Any]) -> tuple[float, Any]:
    """Best wall time of ``repeats`` runs, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - t0)
    return best, result


def bench_csv(rows: int, folder: Path, repeats: int) -> None:
    path = folder / f"chron-{rows}.csv"
    write_chronology(path, rows, seed=1, fmt="csv")
    t_pandas, frame = best_of(repeats, lambda: pd.read_csv(path))
    t_plain, _ = best_of(repeats, lambda: scr.read_csv(path, classify=False))
    t_ours, chron = best_of(repeats, lambda: scr.read_csv(path))
    accounted = len(chron.events) + len(chron.rejected)
    print(f"CSV {rows:,} rows ({path.stat().st_size / 1e6:.0f} MB)")
    print(f"  pandas.read_csv            {t_pandas:7.2f} s  {rows / t_pandas:12,.0f} rows/s")
    print(f"  scr.read_csv, unclassified {t_plain:7.2f} s  {rows / t_plain:12,.0f} rows/s")
    print(
        f"  scr.read_csv -> events     {t_ours:7.2f} s  {rows / t_ours:12,.0f} rows/s  (classified)"
    )
    print(f"  ratio unclassified/pandas  {t_plain / t_pandas:7.2f}x  (target <= 3x)")
    print(f"  ratio classified / pandas  {t_ours / t_pandas:7.2f}x")
    print(
        f"  rows accounted for: {accounted:,} of {len(frame):,} "
        f"({len(chron.events):,} events, {len(chron.rejected):,} rejected)"
    )


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
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bench_csv(args.rows, folder, args.repeats)
        if args.excel_rows:
            bench_excel(args.excel_rows, folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
