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

An age written in the date column ("Aged 6 weeks", "at 4 months", "6/52") is read by
:func:`age_in_date_cell` as offsets from the birth, for :mod:`scr_timeline.dates` to date
the row when the child's date of birth is known.

Examples
--------
>>> days, unread = parse_ages(pd.Series(["9 months", "6/52", "2y 3m", "Unborn", "x"]))
>>> days.tolist(), unread
([274, 42, 822, <NA>, <NA>], ['x'])
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from scr_timeline._prebuilt import regex

__all__ = ["AgeSpan", "age_in_date_cell", "parse_ages", "written_ages"]

_NUMBER: Final = r"(\d+(?:\.\d+)?)"
_UNITS: Final[dict[str, float]] = {"y": 365.25, "m": 30.4375, "w": 7.0, "d": 1.0}
#: One amount with its unit ("3 months", "2y", "6 wks").
_PART: Final = regex(
    _NUMBER
    + r"\s*(?:(?P<y>y(?:ea)?rs?|y\.?o\.?|y)|(?P<m>months?|mths?|mo?s?|mnths?)"
    + r"|(?P<w>weeks?|wks?|w)|(?P<d>days?|d))\b\.?",
    re.IGNORECASE,
)
#: The whole cell: amounts with units, optionally joined by "and" or commas.
_WHOLE: Final = regex(
    r"(?:approx\.?|approximately|about|c\.|aged?)?\s*"
    + rf"(?:{_PART.pattern}[\s,]*(?:and\s+|&\s*)?)+"
    + r"(?:old)?\.?",
    re.IGNORECASE,
)
_FRACTION: Final = regex(r"(\d{1,2})\s*/\s*(12|52|7)")
_DAY_N: Final = regex(r"day\s*(\d{1,2})", re.IGNORECASE)
_FRACTION_UNITS: Final[dict[str, float]] = {"12": 30.4375, "52": 7.0, "7": 1.0}
_NEWBORN: Final = regex(r"new\s*-?\s*born|neonat\w*|birth|at birth", re.IGNORECASE)
_NO_AGE: Final = regex(
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


class AgeSpan(NamedTuple):
    """An age written in a date cell, as the span of days it names after the birth.

    ``first`` and ``after`` are (calendar months, days) from the date of birth to the first
    day of the span and to the day after its last: "6 weeks" is ((0, 42), (0, 49)), "4
    months" ((4, 0), (5, 0)), "6-8 weeks" ((0, 42), (0, 63)), "at birth" ((0, 0), (0, 1)).
    ``unit`` is the unit written last ("day", "week", "month" or "year"): an age to the
    week is any day of that week. ``approximate``: marked so ("about 6 weeks").
    """

    first: tuple[int, int]
    after: tuple[int, int]
    unit: str
    approximate: bool
    written: str  # the age as read, for a message ("6 weeks", "4 months")


_APPROX: Final = r"(?:approx\.?|approximately|about|around|roughly|c\.|ca\.?|circa|~)"
#: An age where a date should be: "Aged 6 weeks", "at 4 months", "6 weeks old", "age: 2y
#: 3m", "at the age of 9 months", "4 months of age", "6/52", "at 9/12", "about 6-8 weeks".
_DATE_CELL_AGE: Final = regex(
    rf"(?P<approx>{_APPROX}\s*)?"
    r"(?P<mark>(?:aged?\s*:?|at(?:\s+the\s+age\s+of)?|when(?:\s+aged?)?)\s+)?"
    rf"(?P<approx2>{_APPROX}\s*)?"
    r"(?P<age>\d.*?|new\s*-?\s*born|neonate|birth)"
    r"(?P<old>\s+(?:old|of\s+age))?"
    r"(?P<query>\s*\?|\s*\(\s*approx\.?\s*\))?",
    re.IGNORECASE,
)
_UNIT_NAMES: Final[dict[str, str]] = {"y": "year", "m": "month", "w": "week", "d": "day"}
_RANGE_OF_UNIT: Final = regex(
    _NUMBER + r"\s*(?:-|to)\s*" + _NUMBER + r"\s*(?P<unit>[a-z]+)\.?", re.IGNORECASE
)


def _offset(amount: float, unit: str) -> tuple[tuple[int, int], str]:
    """(months, days) for an amount of a unit, and the unit it is exact to: a fraction of a
    year is whole months, of a month whole weeks, of a week whole days."""
    if amount != int(amount):
        if unit == "y":
            return (round(amount * 12), 0), "m"
        if unit == "m":
            return (0, 7 * round(amount * 30.4375 / 7)), "w"
        return (0, round(amount * _UNITS[unit])), "d"
    whole = int(amount)
    if unit == "y":
        return (12 * whole, 0), unit
    if unit == "m":
        return (whole, 0), unit
    return (0, whole * int(_UNITS[unit])), unit


def _one_unit(unit: str) -> tuple[int, int]:
    return {"y": (12, 0), "m": (1, 0), "w": (0, 7), "d": (0, 1)}[unit]


def _plus(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return a[0] + b[0], a[1] + b[1]


def _unit_of(word: str) -> str | None:
    part = _PART.fullmatch("1 " + word)
    return None if part is None else next(u for u in _UNITS if part.group(u))


def age_in_date_cell(text: str) -> AgeSpan | None:
    """The child's age written where a date should be, or None when ``text`` is no age.

    An amount of time counts as an age only when it says so ("aged", "at", "old", "of
    age"): "2 weeks" alone is a length of time ("2 weeks later"?). The clinical fraction
    "6/52" is always an age in weeks (there is no month 52); "9/12" and "3/7" are ages
    only with such a word ("at 9/12", "3/7 old"), as alone they are dates with no year.

    Examples
    --------
    >>> age_in_date_cell("Aged 6 weeks")
    AgeSpan(first=(0, 42), after=(0, 49), unit='week', approximate=False, written='6 weeks')
    >>> age_in_date_cell("at 4 months").first, age_in_date_cell("6/52").after
    ((4, 0), (0, 49))
    >>> age_in_date_cell("2 weeks") is None, age_in_date_cell("9/12") is None
    (True, True)
    """
    cell = " ".join(text.split()).strip(" .")
    m = _DATE_CELL_AGE.fullmatch(cell)
    if m is None:
        return None
    marked = bool(m["mark"] or m["old"])
    approximate = bool(m["approx"] or m["approx2"] or m["query"])
    age = m["age"]
    if _NEWBORN.fullmatch(age):  # 'at birth'; 'newborn' alone may be the first weeks
        return AgeSpan((0, 0), (0, 1), "day", approximate, "birth") if m["mark"] else None
    if fraction := _FRACTION.fullmatch(age):
        n, per = int(fraction.group(1)), fraction.group(2)
        if per != "52" and not marked:
            return None  # '9/12' alone is 9 December
        unit = {"12": "m", "52": "w", "7": "d"}[per]
        first, unit = _offset(n, unit)
        written = f"{n} {_UNIT_NAMES[unit]}{'s' if n != 1 else ''}"
        return AgeSpan(
            first, _plus(first, _one_unit(unit)), _UNIT_NAMES[unit], approximate, written
        )
    if not marked:
        return None
    if (span := _RANGE_OF_UNIT.fullmatch(age)) and (range_unit := _unit_of(span["unit"])):
        first, _ = _offset(float(span.group(1)), range_unit)
        last, exact_last = _offset(float(span.group(2)), range_unit)
        if last < first:
            return None
        return AgeSpan(
            first, _plus(last, _one_unit(exact_last)), _UNIT_NAMES[exact_last], approximate, age
        )
    if not _WHOLE.fullmatch(age):
        return None
    first, smallest = (0, 0), "y"
    for part in _PART.finditer(age):
        unit = next(u for u in _UNITS if part.group(u))
        offset, exact = _offset(float(part.group(1)), unit)
        first = _plus(first, offset)
        smallest = exact
    return AgeSpan(
        first, _plus(first, _one_unit(smallest)), _UNIT_NAMES[smallest], approximate, age
    )


# --- ages written in an entry's words ----------------------------------------------------------
# (lower-cased pieces of text, as :class:`scr_timeline.classify._text.Pool` holds them)
_TEXT_UNITS: Final = (
    r"(?P<u>months?|mths?|mnths?|mos?|weeks?|wks?|days?)"  # the unit an age is written in
)
#: An age about someone in an entry, the forms a child's age is written in beside it:
#: "child a (5 months)", "child a (aged 7/12)", "aged 6 weeks", "age: 9 months", "a
#: 6-month-old", "6 week old baby", "baby (2/52)", "7/12 old". Years are left alone: too
#: coarse to count a date of birth from, and a parent's age is written in them.
_AGE_IN_TEXT: Final = regex(
    # in brackets after the child ("child a (5 months)", "baby (2/52)"): after another
    # word a figure in brackets is as often how long something lasted ("cough (2/52)")
    r"\b(?:child(?:\s+[a-z]\b)?|baby|infant|toddler|son|daughter|newborn|ca|cx)\s*"
    r"\((?:\s*aged?:?)?\s*(?P<pn>\d{1,2}(?:\.5)?)\s*(?:"
    + _TEXT_UNITS.replace("?P<u>", "?P<pu>")
    + r"|/\s*(?P<pf>12|52))(?:\s*old)?\s*[),;]"
    + r"|\baged?:?\s*(?:approx\.?\s*|about\s*|approximately\s*|c\.\s*)?"
    + r"(?P<an>\d{1,2}(?:\.5)?)\s*(?:"
    + _TEXT_UNITS.replace("?P<u>", "?P<au>")
    + r"|/\s*(?P<af>12|52))(?!\s*(?:pregnan|gestation))\b"
    + r"|\b(?P<on>\d{1,2})[\s-]*(?:(?P<ou>month|week|day)s?[\s-]*|/\s*(?P<of>12|52)\s*)old\b"
)
#: Words before a bracket whose figure is not an age ("sentence (12 months)", "bail (6
#: weeks)"), and before or after a figure that is a time span or a pregnancy, not an age.
_NOT_AN_AGE_BEFORE: Final = regex(
    r"\b(?:sentence|order|ban|bail|suspended|prison|custody|injunction|period|course|plan"
    r"|history|duration|contract|tenancy|review|trial|pregnant|pregnancy|gestation|for|in"
    r"|within|after|before|every|last|next|over|past|since|until|than)\s*$"
)
#: A figure with a unit an age is written in (RE2, for Arrow): the pieces worth reading.
_MAYBE_AN_AGE: Final = (
    r"\d\s*(?:/\s*(?:12|52)|[\s-]*(?:months?|mths?|mnths?|mos?|weeks?|wks?|days?)\b)"
)
_NOT_AN_AGE_AFTER: Final = regex(
    r"\s*(?:ago|pregnan|gestation|later|earlier|before|after|previously|prior)"
)


def written_ages(pieces: pd.Series) -> np.ndarray:
    """The age, in days, that each lower-cased piece of an entry gives someone in the forms
    a child's age is written beside its name ("child a (5 months) seen", "baby (2/52)",
    "aged 7/12", "a 6-month-old"); NaN where a piece gives none, or two that disagree.

    Examples
    --------
    >>> written_ages(pd.Series(["child a (5 months) appeared well", "baby (2/52) seen",
    ...     "mother 19yrs", "sentence (12 months)", "6-week-old child a seen", "4 weeks ago"]))
    array([152.,  14.,  nan,  nan,  42.,  nan])
    """
    out = np.full(len(pieces), np.nan)
    if not len(pieces):
        return out
    # the few pieces with a figure and a unit, found by Arrow over them all at once
    maybe = pc.match_substring_regex(
        pa.array(pieces.array, type=pa.large_string()), _MAYBE_AN_AGE, ignore_case=True
    )
    for i in np.flatnonzero(np.asarray(maybe.fill_null(False), dtype=bool)):
        text = str(pieces.iat[int(i)])
        found: set[float] = set()
        for m in _AGE_IN_TEXT.finditer(text):
            if _NOT_AN_AGE_BEFORE.search(text, 0, m.start()) and not m.group("an"):
                continue
            if _NOT_AN_AGE_AFTER.match(text, m.end()):
                continue
            amount = next(g for g in (m.group("pn"), m.group("an"), m.group("on")) if g)
            unit = next((g for g in (m.group("pu"), m.group("au"), m.group("ou")) if g), None)
            fraction = next((g for g in (m.group("pf"), m.group("af"), m.group("of")) if g), None)
            per = _FRACTION_UNITS[fraction] if fraction else _UNITS[(unit or "d")[0]]
            found.add(round(float(amount) * per))
        if len(found) == 1:
            out[i] = found.pop()
    return out
