"""Benchmark :func:`scr_timeline.dates.parse_dates` on realistic chronology date cells.

Generates ``--rows`` date strings for days in 2000-2010: 95% strict numeric forms (dd/mm/yyyy,
dd/mm/yy, d.m.yy, ISO) and 5% fuzzy forms ("12th March 2007", "March 2007", "early June 2006",
"w/c 12/03/07", "c. June 2007", "?22 May 2006", "Spring 2007"). Times:

- ``parse_dates`` on all rows;
- a row-by-row ``dateutil.parser.parse`` loop on a sample (``--sample`` rows), the naive way;
- ``pd.to_datetime(format="%d/%m/%Y")`` on the dd/mm/yyyy rows alone, the strict baseline.

Run: ``python benchmarks/bench_dates.py --rows 1000000``
"""

from __future__ import annotations

import argparse
import contextlib
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from scr_timeline.dates import parse_dates

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SEASONS = ("Spring", "Summer", "Autumn", "Winter")
PARTS = ("early", "mid", "late")


def make_dates(rows: int, *, seed: int = 0, fuzzy_share: float = 0.05) -> pd.Series:
    """``rows`` date cells as a chronology would hold them (text)."""
    rng = np.random.default_rng(seed)
    days = pd.date_range("2000-01-01", "2010-12-31", freq="D")
    picked = days[rng.integers(0, len(days), rows)]
    d, m, y = picked.day.to_numpy(), picked.month.to_numpy(), picked.year.to_numpy()
    kind = rng.random(rows)
    fuzzy = kind < fuzzy_share
    strict_kind = rng.integers(0, 4, rows)
    fuzzy_kind = rng.integers(0, 7, rows)
    out = np.empty(rows, dtype=object)
    formats = {
        0: lambda i: f"{d[i]:02d}/{m[i]:02d}/{y[i]}",
        1: lambda i: f"{d[i]:02d}/{m[i]:02d}/{y[i] % 100:02d}",
        2: lambda i: f"{d[i]}.{m[i]}.{y[i] % 100:02d}",
        3: lambda i: f"{y[i]}-{m[i]:02d}-{d[i]:02d}",
    }
    fuzzies = {
        0: lambda i: f"{d[i]}{_ordinal(int(d[i]))} {MONTHS[m[i] - 1]} {y[i]}",
        1: lambda i: f"{MONTHS[m[i] - 1]} {y[i]}",
        2: lambda i: f"{PARTS[d[i] % 3]} {MONTHS[m[i] - 1]} {y[i]}",
        3: lambda i: f"w/c {d[i]:02d}/{m[i]:02d}/{y[i] % 100:02d}",
        4: lambda i: f"c. {MONTHS[m[i] - 1]} {y[i]}",
        5: lambda i: f"?{d[i]} {MONTHS[m[i] - 1][:3]} {y[i]}",
        6: lambda i: f"{SEASONS[m[i] % 4]} {y[i]}",
    }
    # build each distinct (form, day) once, then take: generation is not what is measured
    for code, make in formats.items():
        sel = np.flatnonzero(~fuzzy & (strict_kind == code))
        out[sel] = _render(make, sel, picked)
    for code, make in fuzzies.items():
        sel = np.flatnonzero(fuzzy & (fuzzy_kind == code))
        out[sel] = _render(make, sel, picked)
    return pd.Series(out, dtype="str" if _has_str_dtype() else object)


def _render(make: Callable[[int], str], sel: np.ndarray, picked: pd.DatetimeIndex) -> np.ndarray:
    """Render each distinct day once, then take (generation is not what is measured)."""
    codes, uniques = pd.factorize(picked[sel])
    first = np.zeros(len(uniques), dtype=np.int64)
    first[codes[::-1]] = sel[::-1]
    rendered = np.empty(len(first), dtype=object)
    rendered[:] = [make(int(i)) for i in first]
    return rendered[codes]


def _ordinal(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _has_str_dtype() -> bool:
    return str(pd.Series(["x"]).dtype) == "str"


def _best(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows to parse")
    parser.add_argument("--sample", type=int, default=50_000, help="rows for the dateutil loop")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args(argv)

    from dateutil import parser as dateutil_parser

    values = make_dates(args.rows)
    n = len(values)
    print(f"{n:,} rows, {values.nunique():,} distinct texts, dtype {values.dtype}")

    t_ours = _best(lambda: parse_dates(values), args.repeat)
    parsed = parse_dates(values)
    failed = int(parsed.frame["start"].isna().sum())
    print(
        f"parse_dates:                 {t_ours:8.3f} s  {n / t_ours:14,.0f} rows/s  ({failed} failed)"
    )

    sample = values.iloc[: args.sample].tolist()

    def dateutil_loop() -> None:
        for text in sample:
            with contextlib.suppress(ValueError, OverflowError):
                dateutil_parser.parse(text, dayfirst=True, fuzzy=True)

    t_du = _best(dateutil_loop, 1)
    print(
        f"dateutil loop ({len(sample):,} rows):  {t_du:8.3f} s  {len(sample) / t_du:14,.0f} rows/s"
    )

    strict = values[values.str.fullmatch(r"\d{2}/\d{2}/\d{4}")]
    t_pd = _best(lambda: pd.to_datetime(strict, format="%d/%m/%Y"), args.repeat)
    print(
        f"pd.to_datetime strict ({len(strict):,}): {t_pd:8.3f} s  "
        f"{len(strict) / t_pd:14,.0f} rows/s"
    )
    ours = n / t_ours
    print(f"parse_dates / dateutil loop: {ours / (len(sample) / t_du):8.1f}x")
    print(f"parse_dates / strict to_datetime: {ours / (len(strict) / t_pd):8.2f}x")


if __name__ == "__main__":
    main()
