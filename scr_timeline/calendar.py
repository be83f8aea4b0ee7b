"""Working days and calendar windows, with England and Wales bank holidays.

A working day (WD) is Monday to Friday and not a bank holiday in England and Wales. Bank
holidays come from the ``holidays`` package (country GB, subdivision ENG), never from a list
written here; they are computed once for 1950-2099 and cached as a NumPy array, so every
function works on whole arrays with :func:`numpy.busday_offset` and
:func:`numpy.busday_count`.

Dates go in as anything :func:`numpy.asarray` turns into ``datetime64`` (Timestamps, strings,
``datetime64[ns]`` arrays); day results come back as ``datetime64[D]`` arrays.

Examples
--------
Good Friday (6 April 2007) and Easter Monday (9 April 2007) do not count:

>>> str(add_working_days("2007-04-05", 1))
'2007-04-10'
>>> int(working_days_between("2007-04-05", "2007-04-10"))
1
>>> is_working_day(["2007-12-25", "2007-12-27"]).tolist()
[False, True]
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Final

import numpy as np
import numpy.typing as npt

__all__ = [
    "DAY_NS",
    "UNITS",
    "add_calendar",
    "add_working_days",
    "bank_holidays",
    "end_of_day",
    "is_working_day",
    "shift",
    "to_days",
    "working_days_between",
]

#: Nanoseconds in one day.
DAY_NS: Final = 86_400 * 10**9

#: Window units: working days, calendar days, weeks and calendar months.
UNITS: Final[tuple[str, ...]] = ("WD", "days", "weeks", "months")

_FIRST_YEAR: Final = 1950
_LAST_YEAR: Final = 2099


@lru_cache(maxsize=1)
def bank_holidays() -> npt.NDArray[np.datetime64]:
    """Bank holidays in England and Wales, 1950-2099, as a sorted ``datetime64[D]`` array.

    Examples
    --------
    >>> days = bank_holidays()
    >>> np.datetime64("2006-12-25") in days, np.datetime64("2007-01-01") in days
    (True, True)
    """
    from . import _prebuilt

    days = _prebuilt.bank_holidays()
    if days is None:  # not installed with make, or built for another holidays release
        days = work_out_bank_holidays()
    days.setflags(write=False)
    return days


def work_out_bank_holidays() -> npt.NDArray[np.datetime64]:
    """:func:`bank_holidays` as the ``holidays`` package works them out (about 0.02 s;
    ``make`` keeps the result, see :mod:`scr_timeline._prebuilt`)."""
    years = range(_FIRST_YEAR, _LAST_YEAR + 1)
    try:
        found = _united_kingdom()(subdiv="ENG", years=years)
    except Exception:  # pragma: no cover - a holidays release laid out differently
        import holidays

        found = holidays.country_holidays("GB", subdiv="ENG", years=years)
    return np.array(sorted(found), dtype="datetime64[D]")


def _united_kingdom() -> Any:
    """holidays' ``UnitedKingdom`` class, loaded from its own module file.

    ``holidays.country_holidays("GB")`` (or importing ``holidays.countries.united_kingdom``)
    first runs ``holidays.countries``, which imports every country the package knows: about
    0.1 s, a tenth of a command-line run. The module needs nothing from that package, so it
    is executed on its own (a private copy, not put in ``sys.modules``); the result is
    checked against ``country_holidays`` in the tests.
    """
    import importlib.util

    import holidays  # noqa: F401 - the parent package the module's imports need

    countries = importlib.util.find_spec("holidays.countries")
    if countries is None or not countries.submodule_search_locations:
        raise ImportError("holidays.countries not found")
    path = f"{next(iter(countries.submodule_search_locations))}/united_kingdom.py"
    spec = importlib.util.spec_from_file_location("holidays.countries.united_kingdom", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.UnitedKingdom


@lru_cache(maxsize=1)
def _calendar() -> np.busdaycalendar:
    return np.busdaycalendar(weekmask="1111100", holidays=bank_holidays())


def to_days(dates: Any) -> npt.NDArray[np.datetime64]:
    """The calendar day of each date (``datetime64[D]``), dropping any time of day.

    Examples
    --------
    >>> str(to_days("2007-04-05 14:30"))
    '2007-04-05'
    """
    arr = np.asarray(dates)
    if arr.dtype.kind != "M":
        arr = arr.astype("datetime64[ns]")
    return arr.astype("datetime64[D]")


def is_working_day(dates: Any) -> npt.NDArray[np.bool_]:
    """Whether each date is a working day (Mon-Fri, not an England and Wales bank holiday).

    Examples
    --------
    >>> is_working_day(["2007-04-06", "2007-04-10"]).tolist()
    [False, True]
    """
    return np.asarray(np.is_busday(to_days(dates), busdaycal=_calendar()))


def add_working_days(dates: Any, n: int | npt.ArrayLike) -> npt.NDArray[np.datetime64]:
    """The Nth working day after each date: the deadline day of "within N WD".

    A date that is not a working day first rolls back to the working day before it, so a
    Friday or a Saturday with ``n=1`` gives the Monday (Tuesday when Monday is a bank
    holiday). ``n=0`` gives the date itself: a deadline never falls before its own
    trigger's day (rolling a Saturday back to the Friday would make "within 0 WD" of a
    Saturday due the day before it).

    Examples
    --------
    >>> str(add_working_days("2007-04-07", 1))  # Saturday of Easter weekend -> Tuesday
    '2007-04-10'
    >>> add_working_days(["2006-12-22", "2006-12-29"], 1).astype(str).tolist()
    ['2006-12-27', '2007-01-02']
    >>> str(add_working_days("2007-03-31", 0))  # a Saturday: that same day, not the Friday
    '2007-03-31'
    """
    days = to_days(dates)
    due = np.busday_offset(days, n, roll="backward", busdaycal=_calendar())
    return np.maximum(due, days)


def working_days_between(start: Any, end: Any) -> npt.NDArray[np.int64]:
    """Working days after ``start`` up to and including ``end`` (negative if ``end`` is earlier).

    A non-working ``end`` counts as the working day after it, so an action on the Saturday
    after a Friday deadline is one working day late.

    Examples
    --------
    >>> int(working_days_between("2006-12-22", "2006-12-27"))  # over Christmas
    1
    >>> int(working_days_between("2007-03-30", "2007-03-31"))  # Friday -> Saturday
    1
    """
    first = to_days(start) + np.timedelta64(1, "D")
    last = np.busday_offset(to_days(end), 0, roll="forward", busdaycal=_calendar())
    return np.busday_count(first, last + np.timedelta64(1, "D"), busdaycal=_calendar())


def add_calendar(dates: Any, n: int | npt.ArrayLike, unit: str) -> npt.NDArray[np.datetime64]:
    """Each date's day plus ``n`` calendar days, weeks or months (``datetime64[D]``).

    Months keep the day of the month, clipped to the month's length (31 January plus one
    month is 28 or 29 February).

    Examples
    --------
    >>> add_calendar(["2007-01-31", "2008-01-31"], 1, "months").astype(str).tolist()
    ['2007-02-28', '2008-02-29']
    >>> str(add_calendar("2007-04-05", 6, "weeks"))
    '2007-05-17'
    """
    days = to_days(dates)
    steps = np.asarray(n, dtype="int64")
    if unit == "days":
        return days + steps.astype("timedelta64[D]")
    if unit == "weeks":
        return days + (steps * 7).astype("timedelta64[D]")
    if unit == "months":
        month = days.astype("datetime64[M]")
        day_of_month = (days - month.astype("datetime64[D]")).astype("int64")
        target = month + steps.astype("timedelta64[M]")
        length = ((target + np.timedelta64(1, "M")).astype("datetime64[D]")) - target.astype(
            "datetime64[D]"
        )
        clipped = np.minimum(day_of_month, length.astype("int64") - 1)
        return target.astype("datetime64[D]") + clipped.astype("timedelta64[D]")
    raise ValueError(f"unknown calendar unit {unit!r}; expected one of days, weeks, months")


def shift(dates: Any, n: int | npt.ArrayLike, unit: str) -> npt.NDArray[np.datetime64]:
    """The deadline day ``n`` units after each date's day (``unit`` one of :data:`UNITS`).

    Examples
    --------
    >>> str(shift("2006-12-22", 1, "WD")), str(shift("2006-12-22", 1, "days"))
    ('2006-12-27', '2006-12-23')
    """
    if unit == "WD":
        return add_working_days(dates, n)
    return add_calendar(dates, n, unit)


def end_of_day(days: Any) -> npt.NDArray[np.datetime64]:
    """The last second of each day (``datetime64[ns]``), as events' ``end`` columns use.

    Examples
    --------
    >>> str(end_of_day("2007-04-10"))
    '2007-04-10T23:59:59.000000000'
    """
    start = to_days(days).astype("datetime64[ns]")
    return np.asarray(start + np.timedelta64(DAY_NS - 10**9, "ns"), dtype="datetime64[ns]")
