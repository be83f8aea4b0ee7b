"""The child's age as chronologies write it in an "Age" column: "9 months", "6/52", "2y 3m".

Many multi-agency chronology templates have a column for the child's age at each event.
When no date of birth is known, that column is what the age-based rules (a bruise in a baby
under 24 months) can count from: :func:`parse_ages` turns it into days.

Forms read (case and spacing free, "old" and "approx." ignored):

- years, months, weeks and days, written out or abbreviated, alone or together:
  "2 years 3 months", "2y 3m", "1yr 2mths", "18 months", "6 wks", "10 days", "2.5 yrs";
- the clinical fractions: "9/12" (months), "6/52" (weeks), "3/7" (days);
- "newborn", "neonate", "birth", "day 1" (0 days, and "day N" N - 1 days);
- "unborn", "pre-birth", "antenatal", "pregnancy", "not born", "n/a", "-": no age (the
  child was not born yet, or nobody wrote one); these are not reported as unread.

Months count 30.4375 days and years 365.25, so an age in months is the age in days to
within a day or two: enough for an under-24-months test and for a report's "aged 9 months".
A bare number has no unit and is not guessed at: it is unread, as is anything else.

Examples
--------
>>> days, unread = parse_ages(pd.Series(["9 months", "6/52", "2y 3m", "Unborn", "x"]))
>>> days.tolist(), unread
([274, 42, 822, <NA>, <NA>], ['x'])
"""

from __future__ import annotations

import re
from typing import Final

import numpy as np
import pandas as pd

__all__ = ["parse_ages"]

_NUMBER: Final = r"(\d+(?:\.\d+)?)"
_UNITS: Final[dict[str, float]] = {"y": 365.25, "m": 30.4375, "w": 7.0, "d": 1.0}
#: One amount with its unit ("3 months", "2y", "6 wks").
_PART: Final = re.compile(
    _NUMBER
    + r"\s*(?:(?P<y>y(?:ea)?rs?|y\.?o\.?|y)|(?P<m>months?|mths?|mo?s?|mnths?)"
    + r"|(?P<w>weeks?|wks?|w)|(?P<d>days?|d))\b\.?",
    re.IGNORECASE,
)
#: The whole cell: amounts with units, optionally joined by "and" or commas.
_WHOLE: Final = re.compile(
    r"(?:approx\.?|approximately|about|c\.|aged?)?\s*"
    + rf"(?:{_PART.pattern}[\s,]*(?:and\s+|&\s*)?)+"
    + r"(?:old)?\.?",
    re.IGNORECASE,
)
_FRACTION: Final = re.compile(r"(\d{1,2})\s*/\s*(12|52|7)")
_DAY_N: Final = re.compile(r"day\s*(\d{1,2})", re.IGNORECASE)
_FRACTION_UNITS: Final[dict[str, float]] = {"12": 30.4375, "52": 7.0, "7": 1.0}
_NEWBORN: Final = re.compile(r"new\s*-?\s*born|neonat\w*|birth|at birth", re.IGNORECASE)
_NO_AGE: Final = re.compile(
    r"un-?born|pre-?\s*birth|ante-?natal|pregnan\w*|not (?:yet )?born|in utero|n/?a|-+|\?+"
    r"|not known|unknown|n/?k",
    re.IGNORECASE,
)


def _days(text: str) -> float | None:
    """Days of one distinct age cell; NaN when it says there is no age; None if unread."""
    cell = " ".join(text.split()).strip(" .")
    if not cell or _NO_AGE.fullmatch(cell):
        return float("nan")
    if _NEWBORN.fullmatch(cell):
        return 0.0
    if day := _DAY_N.fullmatch(cell):
        return max(int(day.group(1)) - 1, 0)
    if fraction := _FRACTION.fullmatch(cell.removesuffix(" old")):
        return int(fraction.group(1)) * _FRACTION_UNITS[fraction.group(2)]
    if not _WHOLE.fullmatch(cell):
        return None
    total = 0.0
    for part in _PART.finditer(cell):
        unit = next(u for u in _UNITS if part.group(u))
        total += float(part.group(1)) * _UNITS[unit]
    return total


def parse_ages(values: pd.Series) -> tuple[pd.arrays.IntegerArray, list[str]]:
    """Each cell's age in days, to the nearest day (``<NA>`` where there is none), and
    the distinct cells that could not be read (in order of first appearance).

    Each distinct cell is read once.
    """
    codes, distinct = pd.factorize(values.astype("string"), use_na_sentinel=True)
    read = [_days(str(text)) for text in distinct]
    unread = [str(text) for text, days in zip(distinct, read, strict=True) if days is None]
    table = np.array([np.nan if d is None else d for d in read] + [np.nan], dtype=float)
    days = table[codes]  # code -1 (an empty cell) takes the NaN at the end
    missing = np.isnan(days)
    whole = np.rint(np.where(missing, 0.0, days)).astype(np.int64)
    return pd.arrays.IntegerArray(whole, missing), unread
