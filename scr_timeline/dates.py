"""Read the dates practitioners write in chronologies.

A date cell becomes an interval ``[start, end]`` (``end`` is the last second of the span) with a
precision from :data:`scr_timeline.schema.PRECISIONS`. Uncertain dates stay uncertain: "March 2007"
is the whole of March, "w/c 12/03/07" the seven days from Monday 12 March, "Spring 2007" March to
May. Cells that cannot become a date get a stable ``error_code`` and an ``error`` a person can act
on; nothing raises on bad data.

How it is fast: :func:`parse_dates` factorizes the cells so that each distinct text is read once,
reads the common strict forms (``12/03/2007``, ``2007-03-12``, ``12 March 2007``, ``March 2007``,
each with or without a time, an approximation marker or "w/c") for all distinct texts at once with
pyarrow's regular expressions and numpy, and sends only what is left (ranges, seasons, relative
dates, typos, trailing text) through the Python reader, which is the reference for every form.

Examples
--------
>>> import pandas as pd
>>> from scr_timeline.dates import parse_dates
>>> parsed = parse_dates(pd.Series(["12/03/2007", "March 2007", "31/06/2007"]))
>>> parsed.frame["precision"].tolist()
['day', 'month', nan]
>>> str(parsed.frame.loc[1, "end"])
'2007-03-31 23:59:59'
>>> parsed.frame.loc[2, "error"]
"cannot read '31/06/2007' as a date: June has 30 days"
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import itertools
import numbers
import re
import warnings
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final, NamedTuple, cast

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from scr_timeline import schema
from scr_timeline._prebuilt import regex
from scr_timeline.ages import AgeSpan, age_in_date_cell
from scr_timeline.exceptions import DateParseError

__all__ = [
    "ERROR_CODES",
    "FRAME_COLUMNS",
    "MAX_YEAR",
    "MIN_YEAR",
    "WARNING_CODES",
    "ParsedDates",
    "PreviousDate",
    "parse_date",
    "parse_dates",
    "parse_time",
]

# --- public constants ------------------------------------------------------------------------

#: Earliest and latest plausible year; dates outside are rejected as ``implausible_date``.
MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2100

#: Columns of :attr:`ParsedDates.frame`, in order.
FRAME_COLUMNS: Final[tuple[str, ...]] = (
    schema.START,
    schema.END,
    schema.PRECISION,
    schema.APPROXIMATE,
    schema.RELATIVE,
    schema.ERROR_CODE,
    schema.ERROR,
)

#: Values of ``error_code``: why a cell did not become a date.
ERROR_CODES: Final[dict[str, str]] = {
    "empty_date": (
        "the cell is blank or says the date is unknown (or is a date of zeros, 00/00/0000, or "
        "Excel's empty date, 00/01/1900)"
    ),
    "impossible_date": "no such day: 31/06/2007, 29/02/2007, 31 February, month 13 or 0",
    "implausible_date": f"a real day, but outside {MIN_YEAR}-{MAX_YEAR} (a typo such as 0207)",
    "missing_year": "a day or month with no year ('12 March') and no dated row above or below it",
    "relative_date": "'2 weeks later' with anchor_relative=False, or nothing earlier to count from",
    "reversed_range": "a range that ends before it starts: '5-3 June 2007'",
    "month_first_conflict": "a month-first date in an input whose other dates are day-first",
    "placeholder_date": (
        "01/01/1900, the date case-management systems and spreadsheets fill in where none was "
        "recorded: no event's date"
    ),
    "unreadable_date": "anything else that is not a date",
}

#: Codes of :attr:`ParsedDates.warnings`.
WARNING_CODES: Final[dict[str, str]] = {
    "month_first": "file-level: the input writes month first; all numeric dates read m/d/y",
    "ambiguous_day_month": "file-level: no numeric date shows the order; read day first",
    "day_first_from_weekdays": (
        "file-level: no numeric date shows the order, but the weekdays written beside them "
        "agree only with day first"
    ),
    "approximate_date": "the date (or its time) is marked approximate: c., circa, ?, about",
    "excel_serial_text": "a text cell holding an Excel serial number such as '39153'",
    "extra_text": (
        "a date (or a time) followed by other text; the date was read, and the readers open "
        "the entry's details with the text"
    ),
    "age_dated": (
        "the date cell gives the child's age ('Aged 6 weeks', '6/52'): dated from the date of "
        "birth passed as birth="
    ),
    "several_dates": (
        "a list of dates in one cell ('12/03/07; 19/03/07'): placed from the first to the last"
    ),
    "weekday_mismatch": "the weekday written does not match the date; the date was kept",
    "relative_date_anchored": "a relative date counted from the previous row with a date",
    "blank_date_anchored": (
        "a blank date cell read as the day of the row above (anchor_relative=True: a date "
        "written once for several rows)"
    ),
    "year_inferred": (
        "a date with no year ('Monday 12 March') took its year from the dated rows around it"
    ),
    "unreadable_time": "the time cell could not be read; the row keeps its day",
    "time_ignored": "a time was given for a date that is not a single day",
    "end_before_start": "the end date is before the start; it was ignored",
    "unreadable_end_date": "the end date could not be read; it was ignored",
}

# --- internal constants -------------------------------------------------------------------

_P_MINUTE: Final = schema.PRECISIONS.index("minute")
_P_DAY: Final = schema.PRECISIONS.index("day")
_P_WEEK: Final = schema.PRECISIONS.index("week")
_P_MONTH: Final = schema.PRECISIONS.index("month")
_P_SEASON: Final = schema.PRECISIONS.index("season")
_P_YEAR: Final = schema.PRECISIONS.index("year")

_DAY_S: Final = 86_400
_EPOCH_ORDINAL: Final = dt.date(1970, 1, 1).toordinal()
_EXCEL_EPOCH_SERIAL: Final = 25_569  # 1970-01-01 as an Excel serial (origin 1899-12-30)
_EXCEL_MAX_SERIAL: Final = 2_958_465  # 9999-12-31
#: 1910-01-01 as an Excel serial: a number below it in a date cell is a number typed there
#: ("12.03" is stored as 12.03, 12/01/1900 00:43), not a date anyone meant.
_EXCEL_FIRST_PLAUSIBLE_SERIAL: Final = 3_654
_NAT_I8: Final = np.iinfo(np.int64).min
#: Excel's day 0 (serial 0, shown as 00/01/1900; a datetime of 30 December 1899): an empty
#: date cell that a formula or a copy filled, not a date.
_EXCEL_ZERO_DAY: Final = dt.date(1899, 12, 30).toordinal() - _EPOCH_ORDINAL

_MONTH_NAMES: Final = (
    "",
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
_MONTH_WORDS: Final[dict[str, int]] = {
    name: number
    for number, full in enumerate(_MONTH_NAMES)
    if number
    for name in {full.lower(), full[:3].lower()}
} | {"sept": 9}
_WEEKDAY_NAMES: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_WEEKDAY_WORDS: Final[dict[str, int]] = {
    name: number
    for number, full in enumerate(_WEEKDAY_NAMES)
    for name in {full.lower(), full[:3].lower()}
} | {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}
_WEEK_WORDS: Final[dict[str, int]] = {
    # 1: the week starting that day; 2: the week ending that day
    **dict.fromkeys(
        ("w/c", "w.c", "w.c.", "wc", "w/b", "w.b", "w.b.", "wb", "w/s", "week commencing"),
        1,
    ),
    **dict.fromkeys(("week beginning", "week starting", "week of", "week commencing on"), 1),
    **dict.fromkeys(("w/e", "w.e", "w.e.", "week ending", "week ending on"), 2),
}
_SEASONS: Final[dict[str, int]] = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_PARTS: Final[dict[str, int]] = {
    # 0, 1, 2: first, middle, last third
    "early": 0,
    "beginning": 0,
    "beg": 0,
    "start": 0,
    "beginning of": 0,
    "the beginning of": 0,
    "start of": 0,
    "the start of": 0,
    "mid": 1,
    "middle": 1,
    "middle of": 1,
    "the middle of": 1,
    "late": 2,
    "end": 2,
    "end of": 2,
    "the end of": 2,
}
_PLACEHOLDERS: Final = frozenset(
    {
        "?",
        "??",
        "-",
        "--",
        "n/a",
        "na",
        "n/k",
        "nk",
        "unknown",
        "not known",
        "date unknown",
        "unknown date",
        "tbc",
        "tba",
        "none",
        "nil",
        "x",
        "xx",
        "xx/xx/xxxx",
        "xx/xx/xx",
        "??/??/????",
        "??/??/??",
        "dd/mm/yyyy",
        "dd/mm/yy",
        "date not known",
        "not recorded",
        "date not recorded",
        "no date",
        "no date recorded",
        "undated",
        "not dated",
        "unk",
        "n.k.",
        "n.k",
        "not stated",
        "date unclear",
        # an end not reached, as an End Date column says it: the row ends where it starts
        "ongoing",
        "on-going",
        "on going",
        "continuing",
        "present",
        "to date",
        "current",
        "open",
        "still open",
        "not closed",
        "not ended",
    }
)
_TIME_PLACEHOLDERS: Final = frozenset(
    {"time unknown", "unknown time", "time not known", "time not recorded", "no time", "not timed"}
    # a time cell saying the event took the day, or had no one time: the day, no warning
    | {"all day", "all-day", "whole day", "all day event", "during the day"}
    | {"throughout the day", "various", "various times", "varied"}
    # a template's time left unfilled, or a system's empty time
    | {"hh:mm", "hh.mm", "hhmm", "--:--", "__:__", "xx:xx", "??:??", ":", "n/r", "nr"}
)
_FORMS_HINT: Final = "write it as a date such as 12/03/2007, 12 March 2007, March 2007, w/c 12/03/2007 or Spring 2007"

# The same approximation markers and time grammar are written twice: for pyarrow (RE2) in the
# vectorised pass and for ``re`` in the reference reader; tests check that they agree.
_PRE: Final = (
    r"(?:on or (?:about|around)|circa|approximately|approx\.?|about|around|abt\.?|ca\.?|c\.?"
    r"|~|\?)\s*"
)
_SUF: Final = (
    r"\s*(?:\?|\(\s*(?:approx\.?(?:\s*date)?|approximately|approximate|(?:date\s*)?approx\.?"
    r"|circa|ca\.?|c\.?|est\.?|estimated|estimate|tbc|to be confirmed|unconfirmed|\?)\s*\)"
    r"|approx\.?|approximately|approximate|tbc)"
)
# rarer markers, for the reference reader only (in the vectorised pass's pattern they made it
# three times slower): "est. 12/03/2007", "12/03/2007 (exact date unknown)"
_PRE_MORE: Final = (
    r"(?:estimated|est\.?"
    r"|(?:(?:exact|precise|actual)\s+)?(?:date\s+(?:unknown|not\s+known|unclear|uncertain)"
    r"|unknown\s+date)(?:\s*[-,:;]|\s+(?:in|during))?|unknown\s*[-,:;])\s*"
)
_SUF_MORE: Final = (
    r"\s*(?:\(\s*(?:(?:exact|precise|actual)\s+)?dates?\s+(?:unknown|not\s+known|unclear"
    r"|uncertain)\s*\)|[-,]?\s*(?:exact|precise|actual)\s+date\s+(?:unknown|not\s+known"
    r"|unclear|uncertain)|\s+or\s+(?:thereabouts|so)|-?ish"
    # "(date approximate)", "- date estimated", "(estimated date)", "(date tbc)", "est",
    # "T.B.C."
    r"|\(\s*(?:dates?\s+(?:approximate|approx\.?|estimated|tbc|unconfirmed|to\s+be\s+confirmed)"
    r"|(?:approximate|estimated|unconfirmed)\s+dates?|t\.\s*b\.\s*c\.?)\s*\)"
    r"|[-,]?\s*dates?\s+(?:approximate|approx\.?|estimated|tbc)|\s+est\.?|\s+estimated"
    r"|\s+t\.\s*b\.\s*c\.?)"
)
_TIME: Final = (
    r"(?:(?P<h>\d{1,2})(?:\s*[:.h]\s*(?P<m>\d{2})(?:[:.](?P<s>\d{2})(?:\.\d+)?)?)?"
    r"\s*(?P<ap>[ap]\.?\s?m\.?)?|(?P<h4>\d{1,2})(?P<m4>\d{2}))"
    r"\s*(?P<hrs>hrs?\.?|hours|h)?\s*(?:z|gmt|bst|utc)?"
)
_TAIL_SEP: Final = r"(?:\s*,\s*|\s+at\s+|\s*@\s*|t|\s+)"

_RE2_DAYFORM: Final = (
    rf"^(?P<pre>{_PRE})?"
    r"(?:(?P<wk>w/c|w\.c\.?|wc|w/b|w\.b\.?|wb|week commencing|week beginning|week starting"
    r"|w/e|w\.e\.?|week ending)[:\s]*)?"
    r"(?:(?P<wd>[a-z]{3,9})\.?,?\s*)?"
    r"(?:(?P<na>\d{1,2})\s*[./-]\s*(?P<nb>\d{1,2})\s*[./-]\s*(?P<ny>\d{4}|\d{2})"
    r"|(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    r"|(?P<dd>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]*(?P<dm>[a-z]{3,9})\.?,?[\s-]*"
    r"(?:(?P<dy4>\d{4})|'?(?P<dy2>\d{2}))"
    r"|(?P<um>[a-z]{3,9})\.?\s+(?P<ud>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<uy>\d{4}))"
    rf"(?:{_TAIL_SEP}(?P<time>\d.*?))?"
    rf"(?P<suf>{_SUF})?$"
)
_RE2_OTHERFORM: Final = (
    rf"^(?P<pre>{_PRE})?"
    r"(?:(?P<mm>[a-z]{3,9})\.?(?P<msep>[\s\-/',]*)(?:(?P<my4>\d{4})|(?P<my2>\d{2}))"
    r"|(?P<nm>\d{1,2})[/.-](?P<nmy>\d{4})"
    r"|(?P<yy>\d{4})"
    r"|(?P<ser>\d{5})(?:\.(?P<serf>\d+))?)"
    rf"(?P<suf>{_SUF})?$"
)
_RE2_TIME: Final = rf"^{_TIME}$"
# the midnight a database or Excel export writes after a date that has no time
# ("2007-03-12 00:00:00", "3/12/2007 12:00:00 AM"); a person writing midnight writes "00:00"
_MACHINE_MIDNIGHT: Final = r"^(?:0?0:00:00(?:\.0+)?|12:00:00\s?a\.?m\.?)$"


class _LazyPattern:
    """A regular expression compiled the first time it is used.

    The reference reader has about sixty patterns; compiling them all took every process
    that imports the package (every command-line run) 10-15 ms, most of them never used by
    a file of strict dates. The first use compiles the pattern and puts the compiled
    pattern's methods on this object, so that later calls cost what calls on the compiled
    pattern cost.
    """

    _METHODS: Final = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = regex(self.pattern, re.ASCII)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        value = getattr(compiled, name)
        setattr(self, name, value)  # any other attribute: looked up here once
        return value


def _rx(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled (ASCII) on first use; see :class:`_LazyPattern`."""
    return cast("re.Pattern[str]", _LazyPattern(pattern))


_PY_PRE: Final = _rx(rf"^(?:{_PRE}|{_PRE_MORE})")
_PY_MACHINE_MIDNIGHT: Final = _rx(_MACHINE_MIDNIGHT)
_PY_SUF: Final = _rx(rf"(?:{_SUF}|{_SUF_MORE})$")
_PY_TIME: Final = _rx(_TIME)
_PY_TIME_RANGE: Final = _rx(
    r"(?:(?:between|from)\s+)?(?P<a>.+?)\s*(?:-|to|until|till|(?<=\s)and(?=\s))\s*(?P<b>.+)"
)
# the time after a date ("at midnight" is left out: which end of the day?); the reader also
# takes it after a dash or a label ("12th March 2007 - 2.30pm", "12/03/2007 Time: 14:30")
_PY_TAIL_SEP: Final = rf"(?:{_TAIL_SEP}|\s*-\s*|\s*,?\s*(?:time\s*:?|between|from)\s*)"
_PY_TAIL: Final = rf"(?:{_PY_TAIL_SEP}(?P<time>\d.*|noon|midday|12 noon))?"
# the fields of a numeric date apart: a separator, or spaces between all three ("12 03 07",
# as typed into a cell without the slashes; "12 03/07" mixes them and is no date)
_NUM_SEP1: Final = r"(?:\s*[./-]\s*|(?P<sp>\s+))"
_NUM_SEP2: Final = r"(?(sp)\s+|\s*[./-]\s*)"
_PY_NUM: Final = _rx(
    # "13/03/'07": an apostrophe before a two-digit year, as before a year in words
    rf"(?P<a>\d{{1,2}}){_NUM_SEP1}(?P<b>\d{{1,2}}){_NUM_SEP2}(?P<y>\d{{4}}|'?\d{{2}})" + _PY_TAIL
)
_PY_ISO: Final = _rx(r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})" + _PY_TAIL)
_PY_DMY: Final = _rx(
    r"(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]*(?P<mon>[a-z]{3,10})\.?,?[\s-]*"
    r"(?:(?P<y4>\d{4})|'?(?P<y2>\d{2}))" + _PY_TAIL
)
_PY_MDY: Final = _rx(
    r"(?P<mon>[a-z]{3,10})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _PY_TAIL
)
_PY_MONTH_YEAR: Final = _rx(
    r"(?:the\s+month\s+of\s+)?(?P<mon>[a-z]{3,10})\.?(?P<sep>\s+of\s+|[\s\-/',]*)"
    r"(?:(?P<y4>\d{4})|(?P<y2>\d{2}))"
)
# the year first, as a sortable export writes a month: "2007 March", "2007 Mar"
_PY_YEAR_MONTH: Final = _rx(r"(?P<y>\d{4})[\s,-]+(?P<mon>[a-z]{3,10})\.?")
_PY_NUM_MONTH_YEAR: Final = _rx(r"(?P<m>\d{1,2})[/.-](?P<y>\d{4})")
_PY_YEAR: Final = _rx(r"\d{4}")
_PY_SERIAL: Final = _rx(r"\d{5}(?:\.\d+)?")
#: A date and time with no separators at all, as health systems export a timestamp (HL7):
#: yyyymmddhhmm, yyyymmddhhmmss ('20070312143000'); year first only.
_PY_COMPACT_STAMP: Final = _rx(
    r"(?P<digits>\d{8})(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?P<sec>[0-5]\d)?"
)
#: A date with no separators, as systems export it: yyyymmdd (or ddmmyyyy), maybe a time.
_PY_COMPACT: Final = _rx(r"(?P<digits>\d{8})(?P<rest>(?:t|\s+)\d{1,2}[:.]?\d{2}(?::\d{2})?)?")
# "w/c", "wk comm.", "week beginning", "w/e", "WE", "wk ending", "w/end": (wk_end: ending)
_WEEK_WORD: Final = (
    r"(?:(?:w|wk)(?:\s*[/.]\s*|\s+)?|week\s+)"
    r"(?:c|com|comm|commencing|b|beg|beginning|s|starting|(?P<wk_end>e|end|ending))"
    r"(?![a-z])\.?(?:\s+on(?![a-z]))?"
    r"|(?:week|wk)\s+of(?![a-z])"
)
_PY_WEEK: Final = _rx(rf"(?:{_WEEK_WORD})[:\s]*(?P<rest>.+)")
_PY_WEEKDAY: Final = _rx(r"(?P<wd>[a-z]{3,9})\.?,?\s*(?:the\s+)?(?P<rest>[0-9a-z].*)")
# "the" before the day, as a date is written in words: "the 12th of March 2007"
_PY_THE_DAY: Final = _rx(r"the\s+(?P<rest>\d.*)")
# a year, maybe with the next (a school or financial year: "2007/08"), after a season or a term
_YEAR_OR_PAIR: Final = r"(?:(?P<y4>\d{4})|'?(?P<y2>\d{2}))(?:\s*[/-]\s*(?P<z>\d{4}|\d{2}))?"
_PY_SEASON: Final = _rx(
    r"(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?[\s,]*" + _YEAR_OR_PAIR
)
_PART_RX: Final = (
    "(?:" + "|".join(re.escape(p) for p in sorted(_PARTS, key=len, reverse=True)) + r")(?![a-z])"
)
_PY_PART_MONTH: Final = _rx(
    rf"(?P<part>{_PART_RX})\.?[\s-]*(?P<mon>[a-z]{{3,10}})\.?(?P<sep>[\s,\-/']*)"
    r"(?:(?P<y4>\d{4})|(?P<y2>\d{2}))"
)
_PY_PART_YEAR: Final = _rx(rf"(?P<part>{_PART_RX})\.?[\s-]*(?P<y>\d{{4}}|'?\d{{2}})")
# "late Spring 2007": the month of the season; "early Winter 2007" is December 2007
_PY_PART_SEASON: Final = _rx(
    rf"(?P<part>{_PART_RX})[\s-]*(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?[\s,]*"
    r"(?:(?P<y4>\d{4})|'?(?P<y2>\d{2}))"
)
# "the first week of March 2007", "last week in March 07", "second half of March 2007"
_NTH_WEEK: Final[dict[str, int]] = {
    **dict.fromkeys(("first", "1st"), 0),
    **dict.fromkeys(("second", "2nd"), 1),
    **dict.fromkeys(("third", "3rd"), 2),
    **dict.fromkeys(("fourth", "4th"), 3),
    **dict.fromkeys(("last", "final"), -1),
}
_PY_NTH_WEEK: Final = _rx(
    r"(?:the\s+)?(?P<n>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+"
    r"(?P<unit>week|half)\s+(?:(?:of|in)\s+)?(?P<mon>[a-z]{3,10})\.?(?P<sep>[\s,\-/']*)"
    r"(?:(?P<y4>\d{4})|(?P<y2>\d{2}))"
)
# a decade, maybe a part of it: "1990s", "the '90s", "late 1990s", "mid-90s" (family history)
_PY_DECADE: Final = _rx(
    rf"(?:the\s+)?(?:(?P<part>{_PART_RX})[\s-]*(?:the\s+)?)?'?(?P<y>\d{{3}}0|\d0)'?s"
)
# school terms and the summer holidays, as English schools keep them (generous bounds:
# term dates differ between local authorities and years); "Spring term 2007/08" is 2008
_TERMS: Final[dict[str, tuple[int, int]]] = {
    # first month, number of months
    "autumn term": (9, 4),
    "spring term": (1, 4),
    "summer term": (4, 4),
    "summer holidays": (7, 3),
    "summer holiday": (7, 3),
    "summer hols": (7, 3),
}
_PY_TERM: Final = _rx(
    r"(?:the\s+)?(?P<term>autumn|aut|spring|spr|summer|sum|winter)\.?\s+(?P<kind>term|holidays?|hols)"
    r"(?:\s+of)?[\s,]*" + _YEAR_OR_PAIR
)
# the six half terms of teaching as schools name them: "Spring 1 2007", "Autumn 2 2006",
# "Summer term 2 2007", "Spr 1 2006/07" (from the start of the term or the half-term holiday
# to its end, generous as terms are); first month, number of months
_HALVES_OF_TERMS: Final[dict[tuple[str, str], tuple[int, int]]] = {
    ("autumn", "1"): (9, 2),
    ("autumn", "2"): (10, 3),
    ("spring", "1"): (1, 2),
    ("spring", "2"): (2, 3),
    ("summer", "1"): (4, 2),
    ("summer", "2"): (5, 3),
}
_TERM_ABBREVIATIONS: Final[dict[str, str]] = {"aut": "autumn", "spr": "spring", "sum": "summer"}
_PY_HALF_OF_TERM: Final = _rx(
    r"(?:the\s+)?(?P<term>autumn|aut|spring|spr|summer|sum)\.?\s*(?:term\s*)?(?P<half>[12])"
    r"(?:st|nd)?(?:\s+half(?:[\s-]*term)?)?(?:\s+of)?[\s,]*" + _YEAR_OR_PAIR
)
# festivals: a named day, or the days around it; "over Christmas 2007", "Easter hols 2008"
_FESTIVAL_DAYS: Final[dict[str, tuple[int, int]]] = {
    # a fixed day: month, day (New Year's Day is in the year after a school year's first)
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
}
#: Other days people date things by (month, day; day 0: the third Sunday); Mothering
#: Sunday, three weeks before Easter Sunday, is read with Easter.
_OTHER_DAYS: Final[dict[str, tuple[int, int]]] = {
    "bonfire night": (11, 5),
    "guy fawkes night": (11, 5),
    "halloween": (10, 31),
    "valentines day": (2, 14),
    "fathers day": (6, 0),
}
_EASTER_DAYS: Final[dict[str, int]] = {
    # days after Easter Sunday (dateutil.easter)
    "good friday": -2,
    "easter saturday": -1,
    "easter sunday": 0,
    "easter day": 0,
    "easter monday": 1,
    "whit sunday": 49,
    "whitsunday": 49,
    "whit monday": 50,
}
_FESTIVAL_PERIOD_KINDS: Final = frozenset({"holidays", "holiday", "hols", "break"})
_PY_FESTIVAL: Final = _rx(
    r"(?:(?:over|during)\s+)?(?:the\s+)?"
    r"(?P<name>christmas eve|christmas day|christmas|x-?mas eve|x-?mas day|x-?mas|boxing day"
    r"|new year'?s? eve"
    r"|new year'?s? day|new year|good friday|easter saturday|easter sunday|easter day"
    r"|easter monday|easter weekend|easter|bonfire night|guy fawkes night|hallowe'?en"
    r"|valentine'?s day|mother'?s day|mothering sunday|father'?s day"
    r"|whit sunday|whitsunday|whit monday|whitsun|whit week(?:end)?|whit)"
    r"(?:\s+(?P<kind>holidays?|hols|break|period|week))?(?:\s+of)?[\s,]*" + _YEAR_OR_PAIR
)
# school half terms, named by their month or term: (first month, first day, last month,
# last day), generous because half-term weeks differ between local authorities and years
_HALF_TERMS: Final[dict[str, tuple[int, int, int, int]]] = {
    "february": (2, 1, 2, 29),  # the last day is cut to the month's length
    "may": (5, 15, 6, 7),  # the week of the spring bank holiday (Whitsun)
    "october": (10, 15, 11, 7),  # the last week of October, into November some years
}
_HALF_TERM_NAMES: Final[dict[str, str]] = {
    **dict.fromkeys(("feb", "february", "spring"), "february"),
    **dict.fromkeys(("may", "whit", "whitsun", "summer", "jun", "june"), "may"),
    **dict.fromkeys(("oct", "october", "autumn", "nov", "november"), "october"),
}
_HALF_TERM_WHEN: Final = "|".join(sorted(_HALF_TERM_NAMES, key=len, reverse=True))
_HALF_TERM: Final = r"half[\s-]?term(?:\s+(?:holidays?|hols|break|week))?"
_PY_HALF_TERM: Final = _rx(
    r"(?:(?:over|during|at)\s+)?(?:the\s+)?"
    rf"(?:(?P<w1>{_HALF_TERM_WHEN})\.?\s+(?:{_HALF_TERM}|h/?t)"  # 'Feb HT 2008', 'Oct h/t'
    rf"|{_HALF_TERM}(?:\s+in)?[\s,]*(?P<open>\(\s*)?(?:(?P<w2>{_HALF_TERM_WHEN})\.?)?)"
    r"(?:\s+of)?[\s,]*" + _YEAR_OR_PAIR + r"(?(open)\s*\))"
)
# quarters: of a calendar year ("Q1 2007": January to March) or of a financial year written
# as one ("Q3 2007/08": October to December 2007; its Q1 is April to June)
_QUARTER_WORDS: Final[dict[str, int]] = {
    **dict.fromkeys(("1", "first", "1st"), 1),
    **dict.fromkeys(("2", "second", "2nd"), 2),
    **dict.fromkeys(("3", "third", "3rd"), 3),
    **dict.fromkeys(("4", "fourth", "4th", "last", "final"), 4),
}
#: A financial year named: "FY", "financial year", "fin. year", "financial yr", "fin yr"
_FINANCIAL: Final = r"fy|fin(?:ancial|\.)?\s*(?:year|yr)"
_QUARTER_YEAR: Final = rf"(?P<fy>(?:{_FINANCIAL})\s*)?" + _YEAR_OR_PAIR
_PY_QUARTER: Final = _rx(
    r"(?:(?:the\s+)?(?P<q>first|1st|second|2nd|third|3rd|fourth|4th|last|final)\s+(?:quarter|qtr)"
    r"(?:\s+(?:of|in))?|q(?:tr)?\s*(?P<qn>[1-4])|quarter\s+(?P<qw>[1-4]))"
    rf"[\s,/-]*(?:of\s+)?{_QUARTER_YEAR}"
)
_PY_YEAR_QUARTER: Final = _rx(
    rf"{_QUARTER_YEAR}[\s,/-]*(?:q(?:tr)?\s*(?P<qn>[1-4])|quarter\s+(?P<qw>[1-4]))"
)
# a half of a year: "first half of 2007", "2nd half 2007", "H1 2007", "2007 H2", "H1 2007/08"
_FIRST_HALF: Final = frozenset({"first", "1st"})
_PY_HALF_YEAR: Final = _rx(
    r"(?:(?:the\s+)?(?P<h>first|1st|second|2nd|last|latter)\s+half(?:\s+(?:of|in))?"
    rf"|h(?P<hn>[12]))[\s,/-]+(?:of\s+)?{_QUARTER_YEAR}"
)
_PY_YEAR_HALF: Final = _rx(rf"{_QUARTER_YEAR}[\s,/-]+(?:h(?P<hn>[12]))(?P<h>)")
# a week number ("week 11 2007", "wk 11/2007"): which numbering? (rejected; "2007 wk 11"
# is the year, with the rest named)
_PY_WEEK_NUMBER: Final = _rx(
    r"(?:week|wk)\s*(?:no\.?\s*|number\s*)?(?P<n>\d{1,2})(?:\s+of)?[\s,/-]*(?P<y>\d{4})"
)
# a weekday written after its date: "12/03/2007 Tuesday", "12 March 2007 (Tue)"
_PY_WEEKDAY_AFTER: Final = _rx(
    r"(?P<rest>.*\d)\s*,?\s*(?P<open>\(\s*)?(?P<wd>[a-z]{3,9})\.?(?(open)\s*\))"
)
# a weekday in brackets between the date and its time: "12/03/2007 (Mon) 14:30"
_PY_WEEKDAY_BETWEEN: Final = _rx(
    r"(?P<rest>.*\d)\s*\(\s*(?P<wd>[a-z]{3,9})\.?\s*\)\s*[,-]?\s*(?:at\s+|@\s*)?(?P<time>\d.*)"
)
# a time written as not known after the date: "12/03/2007 time unknown", "(time n/k)"
_PY_NO_TIME: Final = _rx(
    r"[\s,;-]*(?P<open>\(\s*)?(?:time\s*:?\s*(?:unknown|not\s+known|not\s+recorded|n/?k|unk"
    r"|unclear)|unknown\s+time|no\s+time(?:\s+recorded)?|not\s+timed|untimed)(?(open)\s*\))$"
)
# a time in brackets after its date: "12/03/2007 (14:30)", "12 March 2007 (1430hrs)"
_PY_TIME_AFTER: Final = _rx(r"(?P<rest>.*\d)\s*[(\[]\s*(?P<time>[^()\[\]]+?)\s*[)\]]")
# hours and minutes of four figures, from and to: '(1430-1530)', '[0900 to 1000hrs]'
_PY_HHMM_RANGE: Final = _rx(r"\d{4}\s*(?:-|to)\s*\d{4}(?:\s*hrs?)?")
# a time of day alone in a date cell: "14.30", "12:10" ("12.10" could also be 12 October),
# and two numbers apart ("12 03": 12 March with no year, or 12:03?)
_PY_CLOCK: Final = _rx(r"(?P<h>\d{1,2})(?:(?P<sep>[.:])(?P<m>\d{2})|(?P<sp>\s)(?P<m1>\d{1,2}))")
# two consecutive years: a financial or school year such as "2007/08", "2007-2008"
_PY_YEAR_PAIR: Final = _rx(
    rf"(?:(?P<kind>{_FINANCIAL}|school\s+year|academic\s+year)\s*:?\s*)?"
    r"(?P<y>\d{4})\s*[/-]\s*(?P<z>\d{4}|\d{1,2})"
)
# the same named with two-digit years: "FY 07/08", "school year 06-07" (without the name,
# "07/08" is 7 August)
_PY_NAMED_YEAR_PAIR_2: Final = _rx(
    rf"(?P<kind>{_FINANCIAL}|school\s+year|academic\s+year)\s*:?\s*"
    r"(?P<y>\d{2})\s*[/-]\s*(?P<z>\d{2})"
)


# a date blacked out before the chronology was shared: "[REDACTED]", "[date removed]",
# "(date withheld)", "███", "XXXX" (a date masked but for its year, "XX/XX/2007", is that year)
_PY_REDACTED: Final = _rx(
    r"[\[(<]?\s*(?:(?:date\s+)?(?:redacted|removed|withheld|deleted)|redacted\s+date)\s*[\])>]?"
    r"|[█■▇▆]+|x{4,}"
)


def _year_kind(written: str) -> str:
    """The key into _YEAR_KINDS of a year's kind as written ("Fin. Year" -> "financial year")."""
    kind = " ".join(written.split())
    return "financial year" if kind.startswith("fin") else kind


#: The first month of a year that runs across two: a financial year from April, a school
#: (or academic) year from September.
_YEAR_KINDS: Final[dict[str, int]] = {
    "fy": 4,
    "financial year": 4,
    "school year": 9,
    "academic year": 9,
}
# a numeric date whose year has the wrong number of digits: "12/03/207", "12/03/20007"
_PY_BAD_YEAR: Final = _rx(r"\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*(?P<y>\d{1}|\d{3}|\d{5,})")
# a day (or a month) written as unknown, as GP and police systems export a partial date:
# "00/03/2007", "?/03/2007", "??/03/07", "xx/03/2007", "--/03/2007", "__/03/2007",
# "NK/03/2007", "2007-03-00", "2007-03-??", "?? March 2007", "00-Mar-07" (the month);
# "00/00/2007", "xx/xx/07", "2007-00-00", "2007-??-??" (the year). The field in the day's
# place is the day: "03/00/2007" is March only in a file that writes the month first.
_UNKNOWN_FIELD: Final = r"(?:\?+|x+|-+|_+|0{1,2}|nk)"
_UNKNOWN_SEP: Final = r"\s*[./-]\s*"
_PY_UNKNOWN_DAY: Final = _rx(
    rf"{_UNKNOWN_FIELD}{_UNKNOWN_SEP}(?P<m>\d{{1,2}}){_UNKNOWN_SEP}(?P<y>\d{{4}}|\d{{2}})"
)
_PY_UNKNOWN_DAY_MONTH: Final = _rx(
    rf"{_UNKNOWN_FIELD}{_UNKNOWN_SEP}{_UNKNOWN_FIELD}{_UNKNOWN_SEP}(?P<y>\d{{4}}|\d{{2}})"
)
_PY_UNKNOWN_DAY_MONTH_FIRST: Final = _rx(
    rf"(?P<m>\d{{1,2}}){_UNKNOWN_SEP}{_UNKNOWN_FIELD}{_UNKNOWN_SEP}(?P<y>\d{{4}}|\d{{2}})"
)
_PY_UNKNOWN_DAY_YEAR_FIRST: Final = _rx(
    rf"(?P<y>\d{{4}}){_UNKNOWN_SEP}(?:(?P<m>\d{{1,2}})|{_UNKNOWN_FIELD}){_UNKNOWN_SEP}"
    rf"{_UNKNOWN_FIELD}"
)
# the month in words ("?? March 2007", "xx Mar 07", "00-Mar-2007"); a single "?" before a
# day is an approximate day ("?22 May 2016"), one before a month an approximate month
_PY_UNKNOWN_DAY_WORD: Final = _rx(
    r"(?:\?{2,}|x{1,2}|-{2,}|_+|0{1,2}|nk)[\s-]+(?P<mon>[a-z]{3,10})\.?,?[\s-]*"
    r"(?:(?P<y4>\d{4})|'?(?P<y2>\d{2}))"
)
# a time after such a date: "00/03/2007 14:30", "2007-03-00T14:30"
_PY_TIME_TAIL: Final = _rx(rf"{_PY_TAIL_SEP}(?P<time>\d.*)")
#: The start of a cell whose day is written as unknown ("??/03/2007 14:30"): its question
#: marks are the missing day, not an approximation.
_PY_UNKNOWN_LEAD: Final = _rx(
    rf"(?:{_UNKNOWN_FIELD}{_UNKNOWN_SEP}(?:\d|{_UNKNOWN_FIELD}{_UNKNOWN_SEP}\d)"
    rf"|\d{{1,2}}{_UNKNOWN_SEP}{_UNKNOWN_FIELD}{_UNKNOWN_SEP}\d"
    rf"|\d{{4}}{_UNKNOWN_SEP}(?:\d{{1,2}}|{_UNKNOWN_FIELD}){_UNKNOWN_SEP}{_UNKNOWN_FIELD}(?!\d)"
    r"|(?:\?{2,}|x{1,2}|-{2,}|_+|nk)[\s-]+[a-z]{3})"
)
#: A date of zeros, as a database exports an empty date ("00/00/0000", "0000-00-00"), and
#: day 0 of January 1900, as Excel shows an empty date cell ("00/01/1900", "00/01/00").
_PY_ZERO_DATE: Final = _rx(
    r"0{1,2}([./-])0{1,2}\1(?:0{4}|0{2})|0{4}-0{1,2}-0{1,2}|0{8}"
    r"|(?P<excel>0{1,2}([./-])0?1\3(?:1900|00)|1900-0?1-0{1,2})"
)
# a time written before the date: "1430 12/03/2007", "14:30hrs on 12/03/2007"
_PY_TIME_FIRST: Final = _rx(r"\d{1,4}[0-9:.apmhrs ]*[a-z0-9 ,@]*\d.*")  # a cheap test first
_PY_TIME_SPLIT: Final = _rx(r"\s*(?:,|@|\bon\b)\s*|\s+")
# forms with no year: an error on their own, the left end of a range otherwise
_PY_DAY_ONLY: Final = _rx(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?")
_PY_DAY_MONTH: Final = _rx(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?[\s-]*(?P<mon>[a-z]{3,10})\.?")
_PY_MONTH_DAY: Final = _rx(r"(?P<mon>[a-z]{3,10})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?")
_PY_NUM_DAY_MONTH: Final = _rx(r"(?P<a>\d{1,2})\s*[./-]\s*(?P<b>\d{1,2})")
_PY_MONTH_ONLY: Final = _rx(r"(?P<mon>[a-z]{3,10})\.?")
#: A date written without its year and a time after it ('20/3 14:45', 'tues 20 march at
#: 2.30pm', '20 mar 1445hrs'): a time with its minutes or its am, pm or hrs (never '20 3',
#: '20 march 14', which are no time).
_PY_NO_YEAR_TIME: Final = _rx(
    r"(?P<date>[a-z0-9].*?[a-z0-9.])(?:\s*,\s*|\s+at\s+|\s*@\s*|\s+-\s+|\s+)"
    r"(?P<time>\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|hrs?|hours)?"
    r"|\d{1,2}\s*[ap]\.?m\.?|\d{4}\s*(?:hrs?|hours|h))"
)
_PY_SEASON_ONLY: Final = _rx(r"(?P<season>spring|summer|autumn|fall|winter)")
_PY_PART_MONTH_ONLY: Final = _rx(rf"(?P<part>{_PART_RX})[\s-]*(?P<mon>[a-z]{{3,10}})\.?")
_PY_BETWEEN: Final = _rx(
    r"(?:between|from)\s+(?P<l>.+?)(?:\s+(?:and|to|until|till|-)\s+|\s*&\s*)(?P<r>.+)"
)
_PY_BETWEEN_ONE: Final = _rx(r"(?:between|from)\s+(?P<rest>.+)")
_PY_RANGE_SEP: Final = _rx(r"\s*(?:-|(?<![a-z])(?:to|until|till|til)(?![a-z]))\s*")
# a weekend, a night: "over the weekend of 17/03/2007", "night of 12/03/2007", "overnight ..."
_PY_WEEKEND: Final = _rx(
    r"(?:(?:over|during|at)\s+)?(?:the\s+)?week-?end(?:\s+(?:of|beginning|starting))?[:\s]*(?P<rest>.+)"
)
_PY_NIGHT: Final = _rx(
    r"(?:(?:on|during)\s+)?(?:the\s+)?(?:night\s+of|over-?\s*night(?:\s+(?:of|on))?)[:\s]*"
    r"(?P<rest>.+)"
)
# two days with a slash before the month: "21/22 March 2007", "21/22/03/07" (overnight)
_PY_DAY_SLASH: Final = _rx(
    r"(?P<l>\d{1,2}(?:st|nd|rd|th)?)\s*/\s*"
    r"(?P<r>\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:of\s+)?[a-z].*|/\d{1,2}/(?:\d{4}|\d{2})))"
)
# the slash between two months or seasons with their years: 'March/April 2007', 'Winter
# 2006/Spring 2007', 'Dec 06/Jan 07' (a month's two-figure year before the slash)
_PY_WORD_SLASH: Final = _rx(
    r"(?:(?<=[a-z]{2})|(?<=[0-9]{4})|(?<=[a-z][\s'-][0-9]{2})|(?<=[a-z]\s'[0-9]{2}))\s*/\s*(?=[a-z]{2})"
)
_PY_TOKEN_END: Final = _rx(r"[a-z0-9]+")
_PY_NOT_DATE_CHAR: Final = _rx(r"[^a-z0-9 ./\-,:'@]")
_PY_NUMERIC_FIELDS: Final = _rx(
    rf"(?<![0-9./-])(?P<a>[0-9]{{1,2}}){_NUM_SEP1}(?P<b>[0-9]{{1,2}}){_NUM_SEP2}"
    r"(?P<y>[0-9]{4}|[0-9]{2})(?![0-9]|[./-][0-9])"
)

_PY_FOUR_DIGITS: Final = _rx(r"(?<!\d)\d{4}(?!\d)")
_PY_YEAR_FIRST: Final = _rx(r"\d{4}(?!\d)")
_PY_TIME_MARK: Final = _rx(r"\d[:.]\d\d|\d\s*(?:[ap]\.?m\b|hrs?\b|h\b)|noon|midnight")
_PY_WORD: Final = _rx(r"(?<![a-z0-9])[a-z]+")
_DATEUTIL_WORDS: Final = frozenset(
    {*_WEEKDAY_WORDS, "am", "pm", "a", "p", "m", "of", "at", "on", "the", "t", "z", "utc", "gmt"}
    | {"st", "nd", "rd", "th", "h", "hrs"}
)

_NUMBER_WORDS: Final[dict[str, tuple[int, bool]]] = {
    "a": (1, False),
    "an": (1, False),
    "one": (1, False),
    "two": (2, False),
    "three": (3, False),
    "four": (4, False),
    "five": (5, False),
    "six": (6, False),
    "seven": (7, False),
    "eight": (8, False),
    "nine": (9, False),
    "ten": (10, False),
    "eleven": (11, False),
    "twelve": (12, False),
    "a couple of": (2, False),
    "couple of": (2, False),
    "a few": (3, True),
    "few": (3, True),
    "several": (3, True),
}
_REL_N: Final = "|".join(re.escape(w) for w in sorted(_NUMBER_WORDS, key=len, reverse=True))
_PY_REL_COUNT: Final = _rx(
    rf"(?P<n>\d{{1,3}}|{_REL_N})\s+(?P<unit>days?|weeks?|months?|years?|fortnights?)\s+"
    r"(?P<dir>later|after|afterwards|on|earlier|before|previously|prior)"
)
_PY_REL_NEXT: Final = _rx(
    r"(?:the\s+)?(?P<dir>next|following|subsequent|previous|preceding)\s+"
    r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)"
)
_PY_REL_AFTER: Final = _rx(r"(?:the\s+)?(?P<unit>day|week|month|year)\s+(?P<dir>after|before)")
_PY_REL_SAME: Final = _rx(
    r"(?:on\s+)?(?:the\s+)?same\s+(?:day|date)(?:\s+as\s+above)?|(?:that|the\s+same)\s+"
    r"(?:day|morning|afternoon|evening|night)"
    # a ditto in the date cell: the date of the row above
    r"|(?:same\s+)?as\s+(?:above|before|previous|prev\.?)|see\s+above"
    # 'ditto', 'do.', '-do-'; ditto marks, maybe two ('" "', '“ ”', "'' ''", ',,')
    r"|-?\s*(?:ditto|do\.?)\s*-?|[\"\u201c\u201d\u3003](?:\s*[\"\u201c\u201d\u3003])?"
    r"|''(?:\s*'')?|,,"
)
_PY_REL_LATER: Final = _rx(
    r"later\s+(?:on\s+)?(?:that|the\s+same|on\s+the\s+same)\s+(?:day|morning|afternoon|evening"
    r"|night)|later\s+(?:that\s+)?(?:morning|afternoon|evening|night)|later\s+the\s+same\s+day"
)
_REL_UNIT_PRECISION: Final = {"D": _P_WEEK, "W": _P_MONTH, "M": _P_SEASON, "Y": _P_YEAR}

_WARN_ORDER: Final = {code: rank for rank, code in enumerate(WARNING_CODES)}


# --- public API ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedDates:
    """What :func:`parse_dates` read.

    Attributes
    ----------
    frame
        One row per input cell, same index as the input, with columns :data:`FRAME_COLUMNS`:
        ``start`` and ``end`` (``datetime64[ns]``, NaT when the cell is not a date; ``end`` is
        the last second of the span), ``precision`` (one of
        :data:`scr_timeline.schema.PRECISIONS`, NA on failure), ``approximate`` and
        ``relative`` (bool), ``error_code`` (one of :data:`ERROR_CODES`, NA when read) and
        ``error`` (the reason, NA when read).
    dayfirst
        Whether numeric dates were read day first, as decided for the whole input.
    warnings
        ``(code, message, label)`` for flaws worth telling the reviewer about; ``label`` is the
        index label of the row, or None for the whole input. Codes are :data:`WARNING_CODES`.
    """

    frame: pd.DataFrame
    dayfirst: bool
    warnings: list[tuple[str, str, Hashable | None]] = field(default_factory=list)


def parse_dates(
    values: pd.Series,
    *,
    times: pd.Series | None = None,
    end_values: pd.Series | None = None,
    dayfirst: bool | None = None,
    anchor_relative: bool = False,
    birth: object = None,
) -> ParsedDates:
    """Read a column of date cells as intervals.

    Parameters
    ----------
    values
        Date cells as readers deliver them: text, ``datetime``/``date``/``Timestamp`` objects,
        Excel serial numbers, or blanks. Never modified.
    times
        Optional time-of-day cells for the same rows ("14:30", "2.30pm", "1430hrs",
        ``datetime.time``, Excel fractions). A time applies to rows whose date is a single day.
    end_values
        Optional end-date cells for the same rows; when one is read, it gives the row's end.
    dayfirst
        Read numeric dates such as 04/05/2007 day first (True) or month first (False). None
        decides from the input: a first field above 12 proves day first, a second field above 12
        month first; day first when nothing proves either.
    anchor_relative
        Count relative dates ("2 weeks later", "the next day") from the previous row with a date,
        instead of rejecting them.
    birth
        The child's date of birth (a date, a ``Timestamp`` or a text such as "01/02/2007"), or
        None. When given, an age written in the date column ("Aged 6 weeks", "at 4 months",
        "6/52") is dated from it: "6 weeks" is the 7 days from 42 days after the birth
        (precision week), "4 months" the month from 4 months after it, with an
        ``age_dated`` warning. Without it such a cell is rejected, as before.

    Returns
    -------
    ParsedDates
        The frame of intervals, the day-first decision and the warnings. Bad cells never raise:
        they get an ``error_code`` and an ``error``.

    Raises
    ------
    TypeError
        If ``values``, ``times`` or ``end_values`` is not a pandas Series.
    ValueError
        If ``times`` or ``end_values`` does not have the same index as ``values``.
    DateParseError
        If ``birth`` is given but is not one day.

    Notes
    -----
    Spans: a day runs to 23:59:59; a time in the cell or the time column gives that minute;
    "w/c" and "week commencing" the 7 days from that day, "w/e" the 7 days to it;
    "early/mid/late March" days 1-10, 11-20, 21-end (precision ``week``); "early/mid/late
    2007" four-month thirds; seasons are Spring Mar-May, Summer Jun-Aug, Autumn (Fall) Sep-Nov
    and Winter Dec-Feb ("Winter 2007" and "Winter 2007/08" both start in December 2007).
    A range ("3-5 June 2007", "between ... and ...", "March - April 2007") runs from the start of
    its first date to the end of its last, at the coarser precision of the two.

    Two-digit years up to the current year's last two digits are 20xx, the others 19xx. Numbers
    are Excel serials (origin 1899-12-30, Excel's 1900 leap-day bug undone), except whole numbers
    from 1900 to 2100, which are years. Dates outside 1900-2100 are rejected as
    ``implausible_date``.

    A relative date moves its anchor's span (the whole day when the anchor is within one day) by
    the offset; "about n units later" spans n-1 to n+1 units and its precision widens to at least
    ``week`` (days), ``month`` (weeks), ``season`` (months) or ``year``. Vague offsets ("the
    following week", "a few days later") count as about 1 unit and about 3 units.

    Examples
    --------
    >>> import pandas as pd
    >>> cells = pd.Series(["12/03/2007", "w/c 19/03/07", "c. June 2007", "2 weeks later"])
    >>> parsed = parse_dates(cells, anchor_relative=True)
    >>> parsed.frame[["start", "end", "precision"]]
           start                 end precision
    0 2007-03-12 2007-03-12 23:59:59       day
    1 2007-03-19 2007-03-25 23:59:59      week
    2 2007-06-01 2007-06-30 23:59:59     month
    3 2007-06-15 2007-07-14 23:59:59     month
    >>> parsed.frame["approximate"].tolist()
    [False, False, True, False]
    >>> for code, message, row in parsed.warnings:
    ...     print(row, code, message)
    2 approximate_date 'c. June 2007' is marked approximate; placed at 01/06/2007 to 30/06/2007
    3 relative_date_anchored '2 weeks later' counted from row 2 ('c. June 2007'): read as 15/06/2007 to 14/07/2007

    A file that writes month first is detected from its dates:

    >>> parse_dates(pd.Series(["04/13/2007", "05/06/2007"])).dayfirst
    False
    """
    _check_inputs(values, times, end_values)
    return _parse_dates(
        values,
        times=times,
        end_values=end_values,
        dayfirst=dayfirst,
        anchor_relative=anchor_relative,
        vectorised=True,
        birth=birth,
    )


def parse_date(text: object, *, dayfirst: bool = True) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """Read one date cell.

    Parameters
    ----------
    text
        A date as written ("12/03/2007", "March 2007", "w/c 12/03/07", "Spring 2007"), or a
        ``datetime``, ``date`` or Excel serial number.
    dayfirst
        Read numeric dates day first (the UK default) or month first.

    Returns
    -------
    tuple of (pandas.Timestamp, pandas.Timestamp, str)
        The first moment, the last second and the precision.

    Raises
    ------
    DateParseError
        If the cell is not a date; ``found`` holds the cell and ``expected`` what would do.
        Relative dates ("2 weeks later") raise too: they need the row before.

    Examples
    --------
    >>> parse_date("12th Mar 07")
    (Timestamp('2007-03-12 00:00:00'), Timestamp('2007-03-12 23:59:59'), 'day')
    >>> parse_date("late March 2007")
    (Timestamp('2007-03-21 00:00:00'), Timestamp('2007-03-31 23:59:59'), 'week')
    >>> parse_date("29/02/2007")
    Traceback (most recent call last):
    ...
    scr_timeline.exceptions.DateParseError: cannot read '29/02/2007' as a date: February 2007 has 28 days (2007 is not a leap year) (found '29/02/2007'; expected a real calendar date)
    """
    parsed = _parse_dates(
        pd.Series([text], dtype=object),
        times=None,
        end_values=None,
        dayfirst=dayfirst,
        anchor_relative=False,
        vectorised=True,
    )
    row = parsed.frame.iloc[0]
    if pd.isna(row[schema.START]):
        code = str(row[schema.ERROR_CODE])
        raise DateParseError(str(row[schema.ERROR]), found=text, expected=_EXPECTED[code])
    return row[schema.START], row[schema.END], str(row[schema.PRECISION])


def parse_time(value: object) -> dt.time:
    """Read one time-of-day cell.

    Parameters
    ----------
    value
        "14:30", "14.30", "2.30pm", "2pm", "1430hrs", "1430", "14:30:00", "noon", a
        ``datetime.time``, a ``datetime`` (its time) or an Excel day fraction (0.6041... is
        14:30). A range such as "14:00-15:30" gives its start.

    Returns
    -------
    datetime.time
        The time, to the minute.

    Raises
    ------
    DateParseError
        If the cell is not a time.

    Examples
    --------
    >>> parse_time("2.30pm")
    datetime.time(14, 30)
    >>> parse_time(0.6041666)
    datetime.time(14, 30)
    >>> parse_time("25:00")
    Traceback (most recent call last):
    ...
    scr_timeline.exceptions.DateParseError: cannot read '25:00' as a time (found '25:00'; expected a time such as 14:30, 2.30pm or 1430hrs)
    """
    minutes = _time_cells(pd.Series([value], dtype=object), column=False)
    start = int(minutes.start[0])
    if start < 0 or (minutes.part is not None and minutes.part[0]):  # 'AM' is no one time
        what = "an empty cell" if start == _T_EMPTY else repr(value)
        raise DateParseError(
            f"cannot read {what} as a time",
            found=value,
            expected="a time such as 14:30, 2.30pm or 1430hrs",
        )
    return dt.time(start // 60, start % 60)


_EXPECTED: Final[dict[str, str]] = {
    "empty_date": "a date",
    "impossible_date": "a real calendar date",
    "implausible_date": f"a date between {MIN_YEAR} and {MAX_YEAR}",
    "missing_year": "a date with a year",
    "relative_date": "a calendar date (a relative date needs the row before)",
    "reversed_range": "a range whose end is after its start",
    "month_first_conflict": "dates written in one order throughout",
    "placeholder_date": "the real date of the event",
    "unreadable_date": "a date such as 12/03/2007, 12 March 2007, March 2007 or Spring 2007",
}


# --- checks ----------------------------------------------------------------------------------


def _check_inputs(values: pd.Series, times: pd.Series | None, end_values: pd.Series | None) -> None:
    _check_series(values, "values")
    if times is not None:
        _check_series(times, "times")
        _check_same_index(values, times, "times")
    if end_values is not None:
        _check_series(end_values, "end_values")
        _check_same_index(values, end_values, "end_values")


def _check_series(obj: object, name: str) -> None:
    if not isinstance(obj, pd.Series):
        raise TypeError(
            f"{name} must be a pandas Series, not {type(obj).__name__}; wrap it: pd.Series({name})"
        )


def _check_same_index(values: pd.Series, other: pd.Series, name: str) -> None:
    if len(other) != len(values) or not other.index.equals(values.index):
        raise ValueError(
            f"{name} must have the same index as values (the same rows): got {len(other)} rows "
            f"for {len(values)}"
        )


# --- small helpers ---------------------------------------------------------------------------


class _Reject(Exception):
    """Raised inside the reference reader when a form matched but its values are wrong."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class _Span(NamedTuple):
    start: int  # seconds since 1970-01-01, first second
    end: int  # last second
    prec: int  # index into schema.PRECISIONS


class _Rel(NamedTuple):
    n: int
    unit: str  # "D", "W", "M", "Y", "same" (that day), "later" (later that day)
    approx: bool
    part: str | None = None  # a part of that day ("that evening", "the next morning")


class _Result(NamedTuple):
    span: _Span | None
    approx: bool = False
    code: str | None = None
    message: str | None = None
    warnings: tuple[tuple[str, str], ...] = ()
    rel: _Rel | None = None
    rest: str | None = None  # the words after the date in its cell, as written


def _two_digit_year(yy: int) -> int:
    pivot = dt.date.today().year % 100
    century = (dt.date.today().year // 100) * 100
    return century + yy if yy <= pivot else century - 100 + yy


def _year(text: str) -> int:
    text = text.lstrip("'")
    return int(text) if len(text) == 4 else _two_digit_year(int(text))


def _second_year(y: int, z_text: str) -> int:
    """The second year of a pair written after ``y``: '08' of '2007/08' is 2008."""
    return int(z_text) if len(z_text) == 4 else (y // 100) * 100 + int(z_text)


def _month_number(word: str) -> int | None:
    """Month number of a month word; tolerates common misspellings such as 'febuary'."""
    number = _MONTH_WORDS.get(word)
    if number is not None or len(word) < 4:
        return number
    prefix = _MONTH_WORDS.get(word[:3])
    if prefix is None:  # 'mrach', 'agust': the first letter, and at most two slips
        if len(word) < 5:
            return None
        return next(
            (
                n
                for n, full in enumerate(_MONTH_NAMES)
                if n and full[0].lower() == word[0] and _similar(word, full.lower())
            ),
            None,
        )
    full = _MONTH_NAMES[prefix].lower()
    return prefix if _similar(word, full) else None


def _weekday_number(word: str) -> int | None:
    """Number of a weekday word (Monday 0); tolerates misspellings such as 'wednsday'."""
    number = _WEEKDAY_WORDS.get(word)
    if number is not None or len(word) < 6:
        return number
    for number, full in enumerate(_WEEKDAY_NAMES):
        if word[0] == full[0].lower() and _similar(word, full.lower()):
            return number
    return None


def _similar(a: str, b: str) -> bool:
    """Edit distance of at most 2 (and not shorter than 4 letters)."""
    if abs(len(a) - len(b)) > 2:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1] <= 2


def _days(y: int, m: int, d: int) -> int:
    return dt.date(y, m, d).toordinal() - _EPOCH_ORDINAL


def _check_year(y: int, text: str) -> None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise _Reject(
            "implausible_date",
            f"cannot read {_quote(text)} as a date: the year {y} is outside {MIN_YEAR}-{MAX_YEAR}; "
            "check it for a typo",
        )


def _check_month(y: int, m: int, text: str, order: str = "") -> None:
    _check_year(y, text)
    if not 1 <= m <= 12:
        hint = f" (read as {order})" if order else ""
        raise _Reject(
            "impossible_date", f"cannot read {_quote(text)} as a date: there is no month {m}{hint}"
        )


def _day_start(y: int, m: int, d: int, text: str, order: str = "") -> int:
    """First second of a calendar day; _Reject naming the problem if there is no such day."""
    _check_month(y, m, text, order)
    length = calendar.monthrange(y, m)[1]
    if d < 1:
        raise _Reject(
            "impossible_date", f"cannot read {_quote(text)} as a date: there is no day {d}"
        )
    if d > length:
        if m == 2:
            why = f"February {y} has {length} days"
            why += f" ({y} is not a leap year)" if d == 29 else ""
        else:
            why = f"{_MONTH_NAMES[m]} has {length} days"
        raise _Reject("impossible_date", f"cannot read {_quote(text)} as a date: {why}")
    return _days(y, m, d) * _DAY_S


def _day_span(y: int, m: int, d: int, text: str, order: str = "") -> _Span:
    start = _day_start(y, m, d, text, order)
    return _Span(start, start + _DAY_S - 1, _P_DAY)


def _months_span(y: int, m: int, count: int, prec: int) -> _Span:
    """``count`` whole months from month ``m`` of year ``y`` (m may pass 12)."""
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    y2, m2 = y + (m - 1 + count) // 12, (m - 1 + count) % 12 + 1
    return _Span(_days(y, m, 1) * _DAY_S, _days(y2, m2, 1) * _DAY_S - 1, prec)


def _month_span(y: int, m: int, text: str) -> _Span:
    _check_month(y, m, text)
    return _months_span(y, m, 1, _P_MONTH)


def _third_of_month(y: int, m: int, part: int, text: str) -> _Span:
    _check_month(y, m, text)
    first, last = ((1, 10), (11, 20), (21, calendar.monthrange(y, m)[1]))[part]
    return _Span(_days(y, m, first) * _DAY_S, (_days(y, m, last) + 1) * _DAY_S - 1, _P_WEEK)


def _is_third_of_month(span: _Span) -> bool:
    first = dt.date(1970, 1, 1) + dt.timedelta(days=span.start // _DAY_S)
    last = dt.date(1970, 1, 1) + dt.timedelta(days=span.end // _DAY_S)
    return (first.year, first.month) == (last.year, last.month) and (first.day, last.day) in {
        (1, 10),
        (11, 20),
        (21, calendar.monthrange(last.year, last.month)[1]),
    }


def _is_third_of_year(span: _Span) -> bool:
    """Whether ``span`` is January-April, May-August or September-December of one year."""
    first = dt.date(1970, 1, 1) + dt.timedelta(days=span.start // _DAY_S)
    last = dt.date(1970, 1, 1) + dt.timedelta(days=span.end // _DAY_S)
    return (
        first.year == last.year
        and first.day == 1
        and (first.month, last.month) in {(1, 4), (5, 8), (9, 12)}
        and last.day == calendar.monthrange(last.year, last.month)[1]
    )


def _season_span(season: str, y: int, text: str) -> _Span:
    _check_year(y, text)
    return _months_span(y, _SEASONS[season], 3, _P_SEASON)


def _year_span(y: int, text: str) -> _Span:
    _check_year(y, text)
    return _months_span(y, 1, 12, _P_YEAR)


def _add_minutes(day: _Span, minutes: tuple[int, int]) -> _Span:
    start = day.start + minutes[0] * 60
    return _Span(start, day.start + minutes[1] * 60 + 59, _P_MINUTE)


def _year_of(span: _Span) -> int:
    return (dt.date(1970, 1, 1) + dt.timedelta(days=span.start // _DAY_S)).year


def _month_of(span: _Span) -> int:
    return (dt.date(1970, 1, 1) + dt.timedelta(days=span.start // _DAY_S)).month


def _coarser(a: int, b: int) -> int:
    return max(a, b)


def _fmt(seconds: int, with_time: bool = False) -> str:
    moment = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=int(seconds))
    return moment.strftime("%d/%m/%Y %H:%M" if with_time else "%d/%m/%Y")


def _describe(span: _Span) -> str:
    if span.prec == _P_MINUTE and span.end - span.start == 59:
        return _fmt(span.start, True)
    if span.prec == _P_DAY and span.end - span.start == _DAY_S - 1:
        return _fmt(span.start)
    if span.prec == _P_MINUTE or (span.prec == _P_DAY and span.end - span.start < _DAY_S - 1):
        return f"{_fmt(span.start, True)} to {_fmt(span.end, True)}"  # or a part of a day
    return f"{_fmt(span.start)} to {_fmt(span.end)}"


_LONGEST_READ: Final = 80  # longer cells are only searched for a leading date


def _quote(text: object) -> str:
    """A cell as a message shows it: text quoted (cut short if long), a workbook's date or
    time as a person reads it ('01/05/2014 14:30', not datetime.datetime(2014, 5, 1, 14, 30)).

    >>> _quote("12/03/07"), _quote(dt.datetime(2014, 5, 1, 14, 30)), _quote(dt.date(2014, 5, 1))
    ("'12/03/07'", '01/05/2014 14:30', '01/05/2014')
    """
    if isinstance(text, (dt.datetime, np.datetime64)) and not pd.isna(text):
        moment = pd.Timestamp(text)
        if moment.hour or moment.minute or moment.second:
            return f"{moment:%d/%m/%Y %H:%M}"
        return f"{moment:%d/%m/%Y}"
    if isinstance(text, dt.date):
        return f"{text:%d/%m/%Y}"
    if isinstance(text, dt.time):
        return f"{text:%H:%M}"
    shown = repr(text)
    return shown if len(shown) <= 60 else shown[:56] + "...'"


def _approx_message(text: str, span: _Span) -> str:
    return f"{_quote(text)} is marked approximate; placed at {_describe(span)}"


def _extra_message(text: str, span: _Span, rest: str, moved: bool = False) -> str:
    if not moved:  # no words ('12 March 2007 2007'), or not a table's date cell
        return f"{_quote(text)}: read the date as {_describe(span)} and ignored the rest ({_quote(rest)})"
    return (
        f"{_quote(text)}: read the date as {_describe(span)}; the words after it "
        f"({_quote(rest)}) open the entry's details"
    )


#: Words worth opening an entry's details with: one of three letters or more ('DNA',
#: '(tel)', 'phone call'; not the 'at' of '13/03/2007 at 10', nor '2007').
_PY_A_WORD: Final = _rx(r"[^\W\d_]{3}")


def _as_written(text: str, words: str) -> str:
    """``words`` (the end of ``text`` as the reader normalised it: lower case, spaces and
    dashes made plain) as ``text`` has them, when its end reads the same; else ``words``."""
    original = text.strip().rstrip(" ,;:-")
    tail = original[len(original) - len(words) :] if len(words) <= len(original) else ""
    if " ".join(tail.split()).casefold() == words.casefold():
        return tail
    at = original.casefold().rfind(words.casefold())
    return original[at:] if at >= 0 else words


# --- the reference reader for one text (used for what the vectorised pass leaves) ------------


def _glued(s: str, marker_end: int) -> bool:
    """Whether a marker ending in a letter runs on into a word: the 'c' of 'christmas' is
    not 'c.' (circa)."""
    return s[marker_end - 1 : marker_end].isalpha() and s[marker_end : marker_end + 1].isalpha()


def _strip_approx(s: str) -> tuple[str, bool]:
    approx = False
    while True:
        m = _PY_PRE.match(s)
        if m is not None and _glued(s, m.end()):
            m = None
        m = m or _PY_SUF.search(s)
        if m is None or m.end() - m.start() == 0:
            return s, approx
        approx = True
        s = (s[: m.start()] + s[m.end() :]).strip()


def _time_of(text: str) -> tuple[int, int] | None:
    """Minutes after midnight of a time (start, end), or None. Ranges give their two ends."""
    s = text.strip()
    if s in {"noon", "midday", "12 noon", "12 midday", "12:00 noon", "12.00 noon", "12:00 midday"}:
        return 720, 720
    if s.startswith("from ") and (single := _single_time(s[5:].strip())) is not None:
        return single, single  # 'from 14:30': when it began
    if s == "midnight":
        return 0, 0
    single = _single_time(s)
    if single is not None:
        return single, single
    m = _PY_TIME_RANGE.fullmatch(s)
    if m is not None:
        a, b = _single_time(m["a"]), _single_time(m["b"])
        first = _PY_TIME.fullmatch(m["a"])
        second = _PY_TIME.fullmatch(m["b"]) if b is not None else None
        if (
            b is not None
            and second is not None
            and second["ap"]
            and (a is None or (first is not None and not first["ap"] and first["h"]))
        ):
            # "10-11am", "2-3pm", "11-1pm", "2.30-3.15pm": am or pm written once, after the
            # second time, is the first's too ("2.30" alone would be 02:30), unless that puts
            # it after the second ("11.30-1.15pm" starts at 11:30)
            meridiem = _single_time(m["a"] + second["ap"])
            if meridiem is not None:
                a = meridiem - 720 if meridiem > b else meridiem
        if a is not None and b is not None:
            return a, b if b >= a else b + 1440
    return None


def _single_time(s: str) -> int | None:
    m = _PY_TIME.fullmatch(s)
    if m is None:
        return None
    if m["h4"] is not None:
        hour, minute = int(m["h4"]), int(m["m4"])
        ok = hour <= 23
    else:
        hour, minute = int(m["h"]), int(m["m"] or 0)
        if m["ap"]:
            pm = m["ap"][0] == "p"
            # "14.30pm": a 24-hour time with a redundant pm (never "14.30am")
            ok = 1 <= hour <= 12 or (pm and 13 <= hour <= 23 and m["m"] is not None)
            hour = hour % 12 + (12 if pm else 0)
        else:
            ok = hour <= 23 and (m["m"] is not None or m["hrs"] is not None)
    if not ok or minute > 59 or (m["s"] is not None and int(m["s"]) > 59):
        return None
    return hour * 60 + minute


#: A date written with dots after a date ('12.03.07 - 14.03.07'): no time with seconds
#: (14:03:07: a typed time has no seconds, an exported one colons or ':00')
_PY_DOTTED_DATE: Final = _rx(r"\d{1,2}\.(?:0?[1-9]|1[0-2])\.(?:\d{4}|\d{2})")


def _with_time(day: _Span, time_text: str | None) -> _Span | None:
    if time_text is None or _PY_MACHINE_MIDNIGHT.match(time_text.strip()):
        return day
    if _PY_DOTTED_DATE.fullmatch(time_text.strip()) and not time_text.strip().endswith(".00"):
        return None  # '12.03.07 - 14.03.07': two dates, read as a range
    if time_text.strip() == str(_year_of(day)):
        return None  # "12 March 2007 2007": a repeated year, not 20:07 (read with extra text)
    minutes = _time_of(time_text)
    return None if minutes is None else _add_minutes(day, minutes)


class _Reader:
    """Reads one normalised text; collects per-row warnings such as a weekday mismatch."""

    def __init__(
        self, text: str, dayfirst: bool, year_of: _Span | None = None, year_shift: int = 0
    ) -> None:
        self.text = text
        self.dayfirst = dayfirst
        self.warnings: list[tuple[str, str]] = []
        # a date with no year takes the year of ``year_of`` (moved by ``year_shift``)
        self.year_of = year_of
        self.year_shift = year_shift

    # one date or one range, the whole string
    def full(self, s: str) -> _Span | None:
        if _PY_NOT_DATE_CHAR.search(s) and not _PY_BETWEEN.fullmatch(s):
            return self.bracketed(s)  # few forms use brackets, none semicolons and the like
        reject: _Reject | None = None
        try:
            span = self.single(s)
        except _Reject as err:
            span, reject = None, err
        if span is not None:
            return span
        span = self.range(s, reject)
        if span is not None:
            return span
        if reject is not None:
            raise reject
        return None

    def bracketed(self, s: str) -> _Span | None:
        """The forms written with brackets: 'half term (Feb 2008)', '12/03/2007 (Tue)'."""
        if m := _PY_HALF_TERM.fullmatch(s):
            return self.half_term(m)
        m = _PY_WEEKDAY_AFTER.fullmatch(s)
        if m is not None and m["open"] and not _PY_NOT_DATE_CHAR.search(m["rest"]):
            return self.weekday(m["wd"], m["rest"])
        m = _PY_WEEKDAY_BETWEEN.fullmatch(s)
        if m is not None and not _PY_NOT_DATE_CHAR.search(m["rest"] + m["time"]):
            return self.weekday(m["wd"], f"{m['rest']} {m['time']}")  # '12/03/2007 (Mon) 14:30'
        m = _PY_TIME_AFTER.fullmatch(s)
        if m is not None and not _PY_NOT_DATE_CHAR.search(m["rest"]):  # '12/03/2007 (14:30)'
            day = self.single(m["rest"])
            if (
                day is not None
                and day.prec == _P_DAY
                and (_PY_TIME_MARK.search(m["time"]) or _PY_HHMM_RANGE.fullmatch(m["time"]))
            ):
                return _with_time(day, m["time"])
        return None

    def range(self, s: str, reject: _Reject | None) -> _Span | None:
        between = _PY_BETWEEN.fullmatch(s)
        splits = [(between["l"], between["r"])] if between else []
        splits += [(s[: m.start()], s[m.end() :]) for m in _PY_RANGE_SEP.finditer(s)]
        splits += [(s[: m.start()], s[m.end() :]) for m in _PY_WORD_SLASH.finditer(s)]
        if self.dayfirst and (m := _PY_DAY_SLASH.fullmatch(s)):
            splits.append((m["l"], m["r"]))
        for left, right in splits:
            if not left or not right:
                continue
            try:
                last = self.single(right)
                if last is None:
                    continue
                first, inherited = self.left_end(left, last)
                if first is None:
                    continue
            except _Reject as err:
                reject = reject or err
                continue
            if inherited and first.start > last.end and _month_of(first) > _month_of(last):
                first = self.left_end(left, last, year_shift=-1)[0] or first  # Dec - Jan 2008
            if first.start > last.end:
                raise _Reject(
                    "reversed_range",
                    f"cannot read {_quote(self.text)} as a date: the range ends ({_describe(last)}) "
                    f"before it starts ({_describe(first)})",
                )
            return _Span(first.start, last.end, _coarser(first.prec, last.prec))
        if (m := _PY_BETWEEN_ONE.fullmatch(s)) and (span := self.range(m["rest"], None)):
            return span  # "between 3-5 June 2007": the range after the word
        if reject is not None:
            raise reject
        return None

    def left_end(self, s: str, last: _Span, year_shift: int = 0) -> tuple[_Span | None, bool]:
        """The start of a range, taking a missing month and year from its end."""
        if not year_shift:
            try:
                span = self.single(s)
            except _Reject as err:
                if err.code != "missing_year":
                    raise
                span = None
            if span is not None:
                return span, False
        return self.taking_year(s, last, year_shift)

    def taking_year(self, s: str, last: _Span, year_shift: int) -> tuple[_Span | None, bool]:
        """``s`` without a year (or a month), read with those of ``last``."""
        end_day = dt.date(1970, 1, 1) + dt.timedelta(days=last.start // _DAY_S)
        y, mon = end_day.year + year_shift, end_day.month
        if (m := _PY_DAY_ONLY.fullmatch(s)) and last.prec <= _P_DAY:
            return _day_span(y, mon, int(m["d"]), self.text), True
        if (m := _PY_DAY_MONTH.fullmatch(s) or _PY_MONTH_DAY.fullmatch(s)) and (
            month := _month_number(m["mon"])
        ):
            return _day_span(y, month, int(m["d"]), self.text), True
        if m := _PY_NUM_DAY_MONTH.fullmatch(s):
            d, month = self.order(int(m["a"]), int(m["b"]))
            return _day_span(y, month, d, self.text, self.order_name), True
        if (m := _PY_PART_MONTH_ONLY.fullmatch(s)) and (month := _month_number(m["mon"])):
            return _third_of_month(y, month, _PARTS[m["part"]], self.text), True
        if s in _PARTS and last.prec == _P_WEEK and _is_third_of_month(last):
            # "mid to late March 2007", "early-mid March", "mid/late March"
            return _third_of_month(y, mon, _PARTS[s], self.text), True
        if s in _PARTS and last.prec == _P_SEASON and _is_third_of_year(last):
            # "mid to late 2006", "early-mid 2007": four months of that year
            return _months_span(y, 1 + 4 * _PARTS[s], 4, _P_SEASON), True
        if (m := _PY_MONTH_ONLY.fullmatch(s)) and (month := _month_number(m["mon"])):
            return _month_span(y, month, self.text), True
        if m := _PY_SEASON_ONLY.fullmatch(s):
            season_year = y - 1 if m["season"] == "winter" and mon <= 2 else y
            return _season_span(m["season"], season_year, self.text), True
        return None, False

    @property
    def order_name(self) -> str:
        return "day/month/year" if self.dayfirst else "month/day/year"

    def order(self, a: int, b: int) -> tuple[int, int]:
        return (a, b) if self.dayfirst else (b, a)

    def single(self, s: str) -> _Span | None:
        """One date, the whole string; None if no form matches, _Reject if a form is wrong."""
        text = self.text
        if m := _PY_WEEK.fullmatch(s):
            return self.week(2 if m["wk_end"] else 1, m["rest"])
        if "end" in s and (m := _PY_WEEKEND.fullmatch(s)):
            return self.weekend(m["rest"])
        if "night" in s and (m := _PY_NIGHT.fullmatch(s)):
            return self.night(m["rest"])
        if (span := self.unknown_day(s)) is not None:
            return span
        if m := _PY_NUM.fullmatch(s):
            d, month = self.order(int(m["a"]), int(m["b"]))
            day = _day_span(_year(m["y"]), month, d, text, self.order_name)
            return _with_time(day, m["time"])
        if m := _PY_ISO.fullmatch(s):
            day = _day_span(int(m["y"]), int(m["m"]), int(m["d"]), text)
            return _with_time(day, m["time"])
        for rx in (_PY_DMY, _PY_MDY):
            if (m := rx.fullmatch(s)) and (word_month := _month_number(m["mon"])):
                y = _year(m["y"]) if rx is _PY_MDY else _year(m["y4"] or m["y2"])
                return _with_time(_day_span(y, word_month, int(m["d"]), text), m["time"])
        if (
            (m := _PY_MONTH_YEAR.fullmatch(s))
            and (word_month := _month_number(m["mon"]))
            and (m["y4"] or any(c in m["sep"] for c in "-/'") or m["y2"].startswith("0"))
        ):
            return _month_span(_year(m["y4"] or m["y2"]), word_month, text)
        if m := _PY_NUM_MONTH_YEAR.fullmatch(s):
            return _month_span(int(m["y"]), int(m["m"]), text)
        if (m := _PY_YEAR_MONTH.fullmatch(s)) and (word_month := _month_number(m["mon"])):
            return _month_span(int(m["y"]), word_month, text)
        if _PY_YEAR.fullmatch(s):
            return _year_span(int(s), text)
        if m := _PY_SEASON.fullmatch(s):
            return self.season(m)
        if (
            (m := _PY_PART_MONTH.fullmatch(s))
            and (word_month := _month_number(m["mon"]))
            and (m["y4"] or any(c in m["sep"] for c in "-/'") or m["y2"].startswith("0"))
        ):  # "mid-March 07" as "March 07"; "end of March 12" has no year
            y = _year(m["y4"] or m["y2"])
            return _third_of_month(y, word_month, _PARTS[m["part"]], text)
        if m := _PY_PART_SEASON.fullmatch(s):
            y = _year(m["y4"] or m["y2"])
            _check_year(y, text)
            return _months_span(y, _SEASONS[m["season"]] + _PARTS[m["part"]], 1, _P_MONTH)
        if (
            (m := _PY_NTH_WEEK.fullmatch(s))
            and (word_month := _month_number(m["mon"]))
            and (m["y4"] or any(c in m["sep"] for c in "-/'") or m["y2"].startswith("0"))
        ):
            return self.nth_week(m, word_month)
        if m := _PY_TERM.fullmatch(s):
            return self.term(m)
        if m := _PY_HALF_OF_TERM.fullmatch(s):
            return self.half_of_term(m)
        if m := _PY_FESTIVAL.fullmatch(s):
            return self.festival(m)
        if m := _PY_HALF_TERM.fullmatch(s):
            return self.half_term(m)
        if m := _PY_QUARTER.fullmatch(s) or _PY_YEAR_QUARTER.fullmatch(s):
            return self.quarter(m)
        if m := _PY_HALF_YEAR.fullmatch(s) or _PY_YEAR_HALF.fullmatch(s):
            return self.half_year(m)
        if m := _PY_YEAR_PAIR.fullmatch(s):
            kind = _year_kind(m["kind"]) if m["kind"] else None
            span = self.year_pair(int(m["y"]), m["z"], kind)
            if span is not None:
                return span
        if m := _PY_NAMED_YEAR_PAIR_2.fullmatch(s):
            return self.year_pair(_year(m["y"]), m["z"], _year_kind(m["kind"]))
        if m := _PY_BAD_YEAR.fullmatch(s):
            raise _Reject(
                "implausible_date",
                f"cannot read {_quote(text)} as a date: the year {m['y']} has {len(m['y'])} "
                f"digit{'s' if len(m['y']) > 1 else ''}; check it for a typo"
                + self.one_digit_year_hint(m),
            )
        if m := _PY_DECADE.fullmatch(s):
            return self.decade(m)
        if m := _PY_PART_YEAR.fullmatch(s):
            part = _PARTS[m["part"]]
            y = _year(m["y"])
            _check_year(y, text)
            return _months_span(y, 1 + 4 * part, 4, _P_SEASON)
        if (m := _PY_WEEKDAY.fullmatch(s)) and (span := self.weekday(m["wd"], m["rest"])):
            return span
        if m := _PY_THE_DAY.fullmatch(s):  # read here, not by the strict forms: rare
            return self.single(m["rest"])
        if (
            (m := _PY_WEEKDAY_AFTER.fullmatch(s))
            and not m["open"]
            and (span := self.weekday(m["wd"], m["rest"]))
        ):
            return span
        if _PY_TIME_FIRST.fullmatch(s) and (span := self.time_first(s)):
            return span
        if (m := _PY_NO_YEAR_TIME.fullmatch(s)) and _single_time(m["time"]) is not None:
            # a day with no year and a time ('20/3 14:45', 'Tues 20 March at 2.30pm'): the
            # day in the year its neighbours give (missing_year without them), at that time
            timed: _Span | None = None
            try:
                timed = self.single(m["date"])
            except _Reject as err:
                if err.code == "missing_year":
                    raise
            if timed is not None and timed.prec == _P_DAY:
                return _with_time(timed, m["time"])
        if self.no_year(s):
            self.check_day_in_any_year(s)
            if self.year_of is not None:
                # the month of year_of is not wanted here: no day-only form
                whole_month = self.year_of._replace(prec=max(self.year_of.prec, _P_MONTH))
                span, _ = self.taking_year(s, whole_month, self.year_shift)
                if span is None and self.named_without_year(s):
                    # 'Christmas', 'Feb half term', 'Summer term': the form with that year
                    year = _year_of(self.year_of) + self.year_shift
                    span = self.single(f"{s} {year}")
                if span is not None:
                    return span
            raise _Reject(
                "missing_year",
                f"{_quote(text)} has no year; write the full date, e.g. '12 March 2007'",
            )
        return None

    def one_digit_year_hint(self, m: re.Match[str]) -> str:
        """What '13/3/7' may mean ('13/03/2007?'), to write in full; '' for other years."""
        if len(m["y"]) != 1 or not (numbers := _PY_NUM_DAY_MONTH.match(m.group())):
            return ""
        d, month = self.order(int(numbers["a"]), int(numbers["b"]))
        try:
            day = _day_span(2000 + int(m["y"]), month, d, self.text)
        except _Reject:
            return ""
        return f" (is it {_describe(day)}? write the year in full)"

    def check_day_in_any_year(self, s: str) -> None:
        """_Reject a day with no year that no year has ('31st Febuary', '31/04'): no year
        taken from the rows around it could make it a date."""
        if m := _PY_DAY_MONTH.fullmatch(s) or _PY_MONTH_DAY.fullmatch(s):
            d, month = int(m["d"]), _month_number(m["mon"]) or 0
        elif m := _PY_NUM_DAY_MONTH.fullmatch(s):
            d, month = self.order(int(m["a"]), int(m["b"]))
        else:
            return
        if 1 <= month <= 12 and d > (longest := calendar.monthrange(2008, month)[1]):
            at_most = " at most" if month == 2 else ""
            raise _Reject(
                "impossible_date",
                f"cannot read {_quote(self.text)} as a date: {_MONTH_NAMES[month]} has "
                f"{longest} days{at_most}",
            )

    def unknown_day(self, s: str) -> _Span | None:
        """A date whose day (or day and month) is written as unknown: '00/03/2007',
        '??/03/07', '2007-03-00', 'xx March 2007' are the month; '00/00/2007' the year.
        A time after it ('00/03/2007 14:30') is ignored, with a warning: which day?"""
        if not (s[:1] in "?x-_n" or s[:1].isdigit()) or (found := self.unknown_lead(s)) is None:
            return None
        span, rest = found
        if not rest:
            return span
        if not (m := _PY_TIME_TAIL.fullmatch(rest)) or _time_of(m["time"]) is None:
            return None
        if not _PY_MACHINE_MIDNIGHT.fullmatch(m["time"]):
            self.warnings.append(
                (
                    "time_ignored",
                    f"ignored the time {_quote(m['time'])}: the date {_quote(self.text)} does "
                    f"not give its day (read as {_describe(span)})",
                )
            )
        return span

    def unknown_lead(self, s: str) -> tuple[_Span, str] | None:
        """The span of a date with an unknown day at the start of ``s``, and the rest."""
        if m := _PY_UNKNOWN_DAY_MONTH.match(s):
            return _year_span(_year(m["y"]), self.text), s[m.end() :]
        if m := (_PY_UNKNOWN_DAY if self.dayfirst else _PY_UNKNOWN_DAY_MONTH_FIRST).match(s):
            return _month_span(_year(m["y"]), int(m["m"]), self.text), s[m.end() :]
        if m := _PY_UNKNOWN_DAY_YEAR_FIRST.match(s):
            y, month = int(m["y"]), int(m["m"] or 0)
            span = _month_span(y, month, self.text) if month else _year_span(y, self.text)
            return span, s[m.end() :]
        if (m := _PY_UNKNOWN_DAY_WORD.match(s)) and (word_month := _month_number(m["mon"])):
            return _month_span(_year(m["y4"] or m["y2"]), word_month, self.text), s[m.end() :]
        return None

    def decade(self, m: re.Match[str]) -> _Span:
        """Ten years ('1990s'); its early, mid or late part four of them, each overlapping
        the next by a year ('late 1990s' is 1996 to 1999): people round to the decade."""
        y = _year(m["y"])
        _check_year(y, self.text)
        _check_year(y + 9, self.text)
        if m["part"] is None:
            return _months_span(y, 1, 120, _P_YEAR)
        return _months_span(y + 3 * _PARTS[m["part"]], 1, 48, _P_YEAR)

    def nth_week(self, m: re.Match[str], month: int) -> _Span:
        y = _year(m["y4"] or m["y2"])
        _check_month(y, month, self.text)
        length = calendar.monthrange(y, month)[1]
        if m["unit"] == "half":
            if m["n"] not in {"first", "1st", "second", "2nd", "last", "final"}:
                raise _Reject(
                    "unreadable_date",
                    f"cannot read {_quote(self.text)} as a date: a month has two halves",
                )
            first, last = (1, 15) if m["n"] in {"first", "1st"} else (16, length)
        else:
            n = _NTH_WEEK[m["n"]]
            first = length - 6 if n < 0 else 1 + 7 * n
            last = first + 6
        start = _days(y, month, first) * _DAY_S
        return _Span(start, (_days(y, month, last) + 1) * _DAY_S - 1, _P_WEEK)

    def term(self, m: re.Match[str]) -> _Span:
        y = _year(m["y4"] or m["y2"])
        kind = "term" if m["kind"] == "term" else "holidays"
        term = _TERM_ABBREVIATIONS.get(m["term"], m["term"])  # 'Aut term 2007'
        key = f"{term} {kind}"
        if key not in _TERMS:
            raise _Reject(
                "unreadable_date",
                f"cannot read {_quote(self.text)} as a date: English schools have autumn, "
                "spring and summer terms, and the summer holidays",
            )
        if m["z"] is not None:  # a school year: the spring and summer terms are in its second
            z = _second_year(y, m["z"])
            if z != y + 1:
                raise _Reject(
                    "unreadable_date",
                    f"cannot read {_quote(self.text)} as a date: a school year spans two "
                    "consecutive years, as in 'Spring term 2007/08'",
                )
            y = y if term == "autumn" else z
        _check_year(y, self.text)
        first, count = _TERMS[key]
        return _months_span(y, first, count, _P_SEASON)

    def half_of_term(self, m: re.Match[str]) -> _Span:
        """'Spring 1 2007': a half of a term; in a school year's second year unless autumn."""
        term = _TERM_ABBREVIATIONS.get(m["term"], m["term"])
        y = _year(m["y4"] or m["y2"])
        y = self.school_year(m, y, term == "autumn", f"{term.capitalize()} {m['half']}")
        _check_year(y, self.text)
        first, count = _HALVES_OF_TERMS[term, m["half"]]
        return _months_span(y, first, count, _P_MONTH)

    def school_year(self, m: re.Match[str], y: int, in_first: bool, what: str) -> int:
        """The calendar year of a part of the school (or financial) year ``m`` names when it
        writes two years ('2007/08'): ``y`` when the part is in its first, else the second."""
        if m["z"] is None:
            return y
        z = _second_year(y, m["z"])
        if z != y + 1:
            raise _Reject(
                "unreadable_date",
                f"cannot read {_quote(self.text)} as a date: a school or financial year spans "
                f"two consecutive years, as in '{what} 2007/08'",
            )
        return y if in_first else z

    def festival(self, m: re.Match[str]) -> _Span:
        """Christmas, New Year and Easter: a named day, or the days around it."""
        name = m["name"].replace("x-mas", "christmas").replace("xmas", "christmas")
        name = re.sub(r"new years? ", "new year's ", name).replace("new year's'", "new year's")
        kind = m["kind"] or ""
        y = _year(m["y4"] or m["y2"])
        text = self.text
        if name.replace("'", "") in _OTHER_DAYS and not kind:
            return self.other_day(name.replace("'", ""), y, m)
        if name in _EASTER_DAYS or name.startswith(("easter", "mother", "whit")):
            if m["z"] is not None:
                raise _Reject(
                    "unreadable_date",
                    f"cannot read {_quote(text)} as a date: Easter falls in one year; write it as "
                    "'Easter 2008'",
                )
            _check_year(y, text)
            from dateutil.easter import easter

            sunday = easter(y).toordinal() - _EPOCH_ORDINAL
            if name in {"mothering sunday", "mother's day", "mothers day"} and not kind:
                return _Span((sunday - 21) * _DAY_S, (sunday - 20) * _DAY_S - 1, _P_DAY)
            if name in _EASTER_DAYS and not kind:
                day = (sunday + _EASTER_DAYS[name]) * _DAY_S
                return _Span(day, day + _DAY_S - 1, _P_DAY)
            if name == "easter" and kind in _FESTIVAL_PERIOD_KINDS:
                # the school holidays: two weeks near Easter, fixed in April by some
                # local authorities whatever the date of Easter
                end = max(sunday + 22, _days(y, 5, 1))
                return _Span((sunday - 14) * _DAY_S, end * _DAY_S - 1, _P_MONTH)
            if name in {"easter", "easter weekend"} and kind in {"", "period"}:
                return _Span((sunday - 2) * _DAY_S, (sunday + 2) * _DAY_S - 1, _P_WEEK)
            whit = sunday + 49  # Whit Sunday, seven weeks after Easter
            if name == "whit weekend" and kind in {"", "period"}:
                return _Span((whit - 1) * _DAY_S, (whit + 2) * _DAY_S - 1, _P_WEEK)
            if name.startswith("whit") and name not in _EASTER_DAYS:
                # 'Whitsun 2007': the Whit weekend or the Whitsun holiday, the late May
                # half term: generous, both
                first = min(whit - 1, _days(y, 5, 15))
                last = max(whit + 1, _days(y, 6, 7))
                return _Span(first * _DAY_S, (last + 1) * _DAY_S - 1, _P_MONTH)
        else:
            y = self.school_year(m, y, not name.startswith("new year") or "eve" in name, name)
            _check_year(y, text)
            if name in _FESTIVAL_DAYS and not kind:
                return _day_span(y, *_FESTIVAL_DAYS[name], text)
            if name == "christmas" and kind in _FESTIVAL_PERIOD_KINDS:
                # the school holidays, generous: they differ between local authorities
                return _Span(_days(y, 12, 15) * _DAY_S, _days(y + 1, 1, 8) * _DAY_S - 1, _P_MONTH)
            if name == "christmas" and kind in {"", "period"}:
                # Christmas Eve to New Year's Day: the bank holidays and the days between
                return _Span(_days(y, 12, 24) * _DAY_S, _days(y + 1, 1, 2) * _DAY_S - 1, _P_WEEK)
            if name == "new year" and kind in {"", "period"}:
                # New Year's Eve and New Year's Day
                return _Span(_days(y - 1, 12, 31) * _DAY_S, _days(y, 1, 2) * _DAY_S - 1, _P_WEEK)
        raise _Reject(
            "unreadable_date",
            f"cannot read {_quote(text)} as a date: {m['name']} is one day, not a {kind}; write "
            "the day ('Christmas Day 2007') or the period ('Christmas holidays 2007')",
        )

    def other_day(self, name: str, y: int, m: re.Match[str]) -> _Span:
        """Bonfire night, Halloween, Valentine's Day: a fixed day; Father's Day: the third
        Sunday of June."""
        y = self.school_year(m, y, name in {"bonfire night", "guy fawkes night", "halloween"}, name)
        _check_year(y, self.text)
        month, day = _OTHER_DAYS[name]
        if day == 0:  # the third Sunday of the month
            first = _days(y, month, 1)
            day = 1 + (6 - (first + 3) % 7) % 7 + 14
        return _day_span(y, month, day, self.text)

    def half_term(self, m: re.Match[str]) -> _Span:
        """A school half term, by its month or term: 'February half term 2008'."""
        when = m["w1"] or m["w2"]
        if when is None:
            raise _Reject(
                "unreadable_date",
                f"cannot read {_quote(self.text)} as a date: a school year has three half terms "
                "(February, May and October); say which, e.g. 'half term (Feb 2008)'",
            )
        which = _HALF_TERM_NAMES[when]
        y = self.school_year(m, _year(m["y4"] or m["y2"]), which == "october", "October half term")
        _check_year(y, self.text)
        m1, d1, m2, d2 = _HALF_TERMS[which]
        last = min(d2, calendar.monthrange(y, m2)[1])
        return _Span(_days(y, m1, d1) * _DAY_S, (_days(y, m2, last) + 1) * _DAY_S - 1, _P_MONTH)

    def quarter(self, m: re.Match[str]) -> _Span:
        """A quarter of a calendar year ('Q1 2007', 'first quarter of 2007') or of a
        financial year written as one ('Q3 2007/08': its Q1 is April to June)."""
        groups = m.groupdict()
        n = _QUARTER_WORDS[next(groups[g] for g in ("q", "qn", "qw") if groups.get(g))]
        return self.part_of_year(m, n, 3, f"Q{n}", "April to June 2007")

    def half_year(self, m: re.Match[str]) -> _Span:
        """A half of a calendar year ('first half of 2007', 'H2 2007': January to June, July
        to December) or of a financial year written as one ('H1 2007/08': April to
        September 2007)."""
        n = 1 if (m["h"] or "") in _FIRST_HALF or m["hn"] == "1" else 2
        return self.part_of_year(m, n, 6, f"H{n}", "April to September 2007")

    def part_of_year(self, m: re.Match[str], n: int, months: int, name: str, q1: str) -> _Span:
        """The ``n``-th ``months`` months of the year ``m`` names: a calendar year, or a
        financial year from April when it writes both its years."""
        y = _year(m["y4"] or m["y2"])
        if m["z"] is None and m["fy"]:
            raise _Reject(
                "unreadable_date",
                f"cannot read {_quote(self.text)} as a date: write the financial year with both "
                f"its years, as in '{name.replace(str(n), '1')} 2007/08' ({q1})",
            )
        financial = m["z"] is not None
        self.school_year(m, y, True, name)
        _check_year(y, self.text)
        _check_year(y + financial, self.text)
        first = (4 if financial else 1) + months * (n - 1)
        return _months_span(y, first, months, _P_SEASON)

    def year_pair(self, y: int, z_text: str, kind: str | None = None) -> _Span | None:
        """``2007/08``, ``2007-08``, ``2007/2008``, ``2007/8``: both years (a school or
        financial year, which one not said); ``FY 2007/08``, ``school year 2007/08``: that
        year's twelve months (April to March; September to August).

        ``2007-03`` is the ISO year and month; ``2007-08`` is read as the two years, which
        hold August 2007 too. None when neither fits.
        """
        if len(z_text) == 1:
            z = y - y % 10 + int(z_text)
            z += 10 if z < y else 0  # 2009/0
        else:
            z = _second_year(y, z_text)
            if len(z_text) == 2 and z < y:  # 1999/00
                z += 100
        if z != y + 1:
            if kind is not None:
                raise _Reject(
                    "unreadable_date",
                    f"cannot read {_quote(self.text)} as a date: a {kind} spans two "
                    f"consecutive years, as in '{kind} {y}/{(y + 1) % 100:02d}'",
                )
            if len(z_text) == 2 and 1 <= int(z_text) <= 12:  # "2007-03": ISO year and month
                return _month_span(y, int(z_text), self.text)
            return None
        _check_year(y, self.text)
        _check_year(z, self.text)
        if kind is not None:
            return _months_span(y, _YEAR_KINDS[kind], 12, _P_YEAR)
        return _months_span(y, 1, 24, _P_YEAR)

    def time_first(self, s: str) -> _Span | None:
        """A time written before its day: "1430 12/03/2007", "14:30hrs on 12/03/2007"."""
        for split in list(_PY_TIME_SPLIT.finditer(s))[:3]:
            time_text, rest = s[: split.start()], s[split.end() :]
            if not time_text or not rest:
                continue
            if time_text.isdigit() and MIN_YEAR <= int(time_text) <= MAX_YEAR:
                return None  # a year, not a time
            minutes = _time_of(time_text)
            if minutes is None:
                continue
            try:
                day = self.single(rest)
            except _Reject:
                return None
            if day is None or day.prec != _P_DAY:
                return None
            return _add_minutes(day, minutes)
        return None

    def no_year(self, s: str) -> bool:
        if _PY_DAY_MONTH.fullmatch(s) or _PY_NUM_DAY_MONTH.fullmatch(s):
            return True
        if self.named_without_year(s):
            return True
        for rx in (_PY_MONTH_DAY, _PY_MONTH_ONLY, _PY_PART_MONTH_ONLY):
            m = rx.fullmatch(s)
            if m and _month_number(m["mon"]):
                return True
        return bool(_PY_SEASON_ONLY.fullmatch(s))

    def named_without_year(self, s: str) -> bool:
        """Whether ``s`` is a named time of year written without its year: a festival, a
        school term, holiday or half term ('Christmas', 'Feb half term', 'Summer term'):
        read with a year, it is a date."""
        if any(c.isdigit() for c in s) or not _PY_NAMED_PERIOD.search(s):
            return False
        try:
            return _Reader(self.text, self.dayfirst).single(f"{s} 2008") is not None
        except _Reject:
            return False

    def weekend(self, rest: str) -> _Span | None:
        """'weekend of 17/03/2007' (a Saturday), 'weekend 17/18 March 2007': Saturday and
        Sunday, from the Friday when the day named is a Friday."""
        span = self.full(rest)
        if span is None or span.prec > _P_DAY:
            return None
        first = span.start - span.start % _DAY_S
        days = (span.end - first) // _DAY_S + 1
        if days > 1:
            return self.two_or_three_days(span, days)
        weekday = (first // _DAY_S + 3) % 7
        if weekday < 4:
            raise _Reject(
                "unreadable_date",
                f"cannot read {_quote(self.text)} as a date: {_fmt(first)} was a "
                f"{_WEEKDAY_NAMES[weekday]}; which weekend? Write its Saturday, as in "
                f"'weekend of {_fmt(first + (5 - weekday) * _DAY_S)}'",
            )
        start = first - (weekday == 6) * _DAY_S
        return _Span(start, first + (7 - weekday) * _DAY_S - 1, _P_WEEK)

    def two_or_three_days(self, span: _Span, days: int) -> _Span:
        """A weekend written as its days ('17/18 March 2007', '17-18/03/07')."""
        if days > 3:
            raise _Reject(
                "unreadable_date",
                f"cannot read {_quote(self.text)} as a date: a weekend is two or three days, "
                f"not {_describe(span)}",
            )
        return _Span(span.start - span.start % _DAY_S, span.end, _P_WEEK)

    def night(self, rest: str) -> _Span | None:
        """'night of 12/03/2007', 'overnight 12/03/2007': that day and the next morning (the
        next day, as a day); 'overnight 12-13/03/2007': those days."""
        span = self.full(rest)
        if span is None or span.prec > _P_DAY:
            return None
        first = span.start - span.start % _DAY_S
        end = max(span.end, first + 2 * _DAY_S - 1)
        return _Span(first, end, _P_DAY)

    def week(self, kind: int, rest: str) -> _Span:
        if kind == 2 and _PY_RANGE_SEP.search(rest):
            # 'w/e 17-18/03/07': a weekend ('w/e' is written for both)
            try:
                span = self.range(rest, None)
            except _Reject:
                span = None
            if span is not None and span.prec <= _P_DAY:
                return self.two_or_three_days(span, (span.end - span.start) // _DAY_S + 1)
        day = self.single(rest)
        if day is None or day.prec != _P_DAY:
            raise _Reject(
                "unreadable_date",
                f"cannot read {_quote(self.text)} as a date: a week commencing or ending needs one "
                "day, e.g. 'w/c 12/03/2007'",
            )
        if kind == 1:
            return _Span(day.start, day.start + 7 * _DAY_S - 1, _P_WEEK)
        return _Span(day.start - 6 * _DAY_S, day.end, _P_WEEK)

    def season(self, m: re.Match[str]) -> _Span:
        y = _year(m["y4"] or m["y2"])
        if m["z"] is not None:
            z = _second_year(y, m["z"])
            if m["season"] != "winter" or z != y + 1:
                raise _Reject(
                    "unreadable_date",
                    f"cannot read {_quote(self.text)} as a date: only winter spans two years, "
                    "as in 'Winter 2006/07'",
                )
        return _season_span(m["season"], y, self.text)

    def weekday(self, word: str, rest: str) -> _Span | None:
        number = _weekday_number(word)
        if number is None:
            return None
        span = self.single(rest)
        if span is None or span.prec > _P_DAY:
            return None
        actual = (span.start // _DAY_S + 3) % 7
        if actual != number:
            self.warnings.append(
                (
                    "weekday_mismatch",
                    f"{_quote(self.text)}: {_fmt(span.start)} was a {_WEEKDAY_NAMES[actual]}, not a "
                    f"{_WEEKDAY_NAMES[number]}; kept the date",
                )
            )
        return span


_LAST_WORDS: Final = frozenset(
    {*_SEASONS, "am", "pm", "m", "hrs", "hr", "hours", "h", "z", "noon", "midday", "midnight"}
    | {"later", "after", "afterwards", "on", "earlier", "before", "previously", "prior", "date"}
    | {"day", "days", "morning", "afternoon", "evening", "night", "week", "weeks", "month"}
    | {"months", "year", "years", "fortnight", "fortnights"}
)


def _can_end_a_date(token: str) -> bool:
    """Whether a date (or a relative date) can end with this word or number."""
    return (
        token[-1].isdigit()
        or token[0].isdigit()
        or token in _LAST_WORDS
        or (_month_number(token) is not None)
    )


def _relative(s: str) -> _Rel | None:
    if m := _PY_REL_COUNT.fullmatch(s):
        word = m["n"]
        n, approx = (int(word), False) if word.isdigit() else _NUMBER_WORDS[word]
        unit = m["unit"].rstrip("s")
        if unit == "fortnight":
            unit, n = "week", 2 * n
        sign = -1 if m["dir"] in {"earlier", "before", "previously", "prior"} else 1
        return _Rel(sign * n, unit[0].upper(), approx)
    if m := _PY_REL_NEXT.fullmatch(s):
        sign = -1 if m["dir"] in {"previous", "preceding"} else 1
        unit = m["unit"]
        if unit in {"week", "month", "year"}:
            return _Rel(sign, unit[0].upper(), True)
        return _Rel(sign, "D", False, unit if unit in _DAY_PARTS else None)
    if m := _PY_REL_AFTER.fullmatch(s):
        sign = -1 if m["dir"] == "before" else 1
        return _Rel(sign, m["unit"][0].upper(), m["unit"] != "day")
    if _PY_REL_SAME.fullmatch(s):
        return _Rel(0, "same", False, _rel_part(s))
    if _PY_REL_LATER.fullmatch(s):
        return _Rel(0, "later", False, _rel_part(s))
    return None


def _rel_part(s: str) -> str | None:
    """The part of the day a relative date ends with ('later that evening'), or None."""
    word = s.rsplit(" ", 1)[-1]
    return word if word in _DAY_PARTS else None


def _read_text(text: str, norm: str, dayfirst: bool) -> _Result:
    """The reference reader: one cell's text (``norm`` is its normalised form)."""
    try:
        return _read_text_unguarded(text, norm, dayfirst)
    except Exception as err:  # parse_dates never raises on data; keep the row with a reason
        return _Result(
            None,
            code="unreadable_date",
            message=f"cannot read {_quote(text)} as a date (internal error: {err!r}); {_FORMS_HINT}",
        )


def _strip_marks(s: str) -> tuple[str, bool]:
    """``s`` without its approximation markers, and whether it had any; the question marks
    of a day written as unknown ('?/03/2007', '2007-03-??') are no marker."""
    if lead := _PY_UNKNOWN_LEAD.match(s):
        unknown = lead.group().replace("?", "x").replace("_", "x")
        return _strip_approx(unknown + s[lead.end() :])
    return _strip_approx(s)


#: A month's name shortened with an apostrophe, as in old-fashioned or hurried writing:
#: "Sep't", "Feb'y", "Jan'y", "Oct'r", "Nov'r" (not "Mar'07")
_PY_CONTRACTED_MONTH: Final = _rx(r"\b(?P<m>[a-z]{3,4})'(?P<t>[a-z]{1,2})\b")


def _month_uncontracted(m: re.Match[str]) -> str:
    """The month's word for an apostrophe's contraction ("sep't" -> "sept", "feb'y" ->
    "feb"), or the text as it was."""
    if m["m"] + m["t"] == "sept":
        return "sept"
    if m["m"] in _MONTH_WORDS and len(m["m"]) == 3 and len(m["t"]) <= 2:
        return m["m"]
    return m.group()


def _read_text_unguarded(text: str, norm: str, dayfirst: bool) -> _Result:
    if not norm:
        return _Result(None, code="empty_date", message="the date cell is empty")
    if norm in _PLACEHOLDERS:
        return _Result(
            None, code="empty_date", message=f"the date cell holds {_quote(text)}, not a date"
        )
    if _PY_REDACTED.fullmatch(norm):
        return _Result(
            None,
            code="empty_date",
            message=f"the date was redacted ({_quote(text)}): ask the agency for the date",
        )
    if zero := _PY_ZERO_DATE.fullmatch(norm):
        return _Result(
            None, code="empty_date", message=_zero_date_message(text, bool(zero["excel"]))
        )
    s, approx = _strip_marks(norm)
    if "\\" in s:
        s = s.replace("\\", "/")  # '12\03\2007': a backslash typed for the slash
    if "//" in s or ".." in s:
        s = _PY_DOUBLE_SEP.sub(r"\1", s)  # '12/03//2007': a key pressed twice
    if "'" in s:
        s = _PY_CONTRACTED_MONTH.sub(_month_uncontracted, s)  # "Sep't", "Feb'y"
    if not s:
        return _Result(
            None, code="empty_date", message=f"the date cell holds {_quote(text)}, not a date"
        )
    if (unwrapped := _unwrap(s)) != s:
        s, approx_inside = _strip_marks(unwrapped)  # '(approx 12/03/2007)', '"c. March 2007"'
        approx = approx or approx_inside
    if "time" in s or "untimed" in s:
        s = _PY_NO_TIME.sub("", s) or s  # the day, with no word about its time
    if s in _PLACEHOLDERS or s in _TIME_PLACEHOLDERS:
        return _Result(
            None, code="empty_date", message=f"the date cell holds {_quote(text)}, not a date"
        )
    if (clock := _PY_CLOCK.fullmatch(s)) and (message := _clock_message(text, clock, dayfirst)):
        return _Result(None, code="unreadable_date", message=message)
    rel = _relative(s)
    if rel is not None:
        return _relative_result(text, rel._replace(approx=rel.approx or approx), ())
    if (age := _PY_AGE.fullmatch(s)) or _PY_BIRTH.fullmatch(s):
        return _Result(None, code="unreadable_date", message=_age_message(text, age))
    if _PY_AGE_HINT.search(s) and age_in_date_cell(s) is not None:  # '6/52', 'at 9/12'
        return _Result(None, code="unreadable_date", message=_age_message(text, None, True))
    if _PY_SERIAL.fullmatch(s.removeprefix("'")):  # "'39153": Excel's mark of text typed
        return _serial_text_result(text, float(s.removeprefix("'")), approx)
    if (compact := _PY_COMPACT.fullmatch(s)) and (iso := _compact_day(compact["digits"], dayfirst)):
        s = iso + (" " + compact["rest"].lstrip("t ") if compact["rest"] else "")
    elif (stamp := _PY_COMPACT_STAMP.fullmatch(s)) and (
        iso := _compact_day(stamp["digits"][:8], True)
    ) == f"{stamp['digits'][:4]}-{stamp['digits'][4:6]}-{stamp['digits'][6:8]}":
        s = f"{iso} {stamp['h']}:{stamp['m']}" + (f":{stamp['sec']}" if stamp["sec"] else "")
    if ("+" in s or "-" in s) and (offset := _PY_ISO_OFFSET.fullmatch(s)):
        s = offset["stamp"]  # '2007-03-12T14:30:00+01:00': moved to UK time by the caller
    if "gmt" in s or "bst" in s or "utc" in s:
        # '12/03/2007 14:30 (BST)': the clock time; '(UTC)' is moved to it by the caller
        s = _PY_ZONE_BRACKETED.sub("", s)
    if "+" in s or "gmt" in s or "utc" in s or "time" in s or "london" in s:
        # '14:30 GMT+1', '14:30 +0100' (moved to the clock time by the caller), '14:30 GMT
        # Daylight Time' (the clock time)
        s = _PY_ZONE_OFFSET.sub("", s)
        if "gmt" in s or "bst" in s:
            s = _PY_ZONE_BRACKETED.sub("", s)  # 'BST (GMT+1)' left 'BST'
    if (stamp_text := _PY_STAMP_TEXT.fullmatch(s)) is not None:
        # 'Mon Mar 12 14:30:00 GMT 2007': a Java date's (or Unix date's) text
        s = f"{stamp_text['wd']} {stamp_text['d']} {stamp_text['mon']} {stamp_text['y']}"
        s += f" {stamp_text['time']}"
    reader = _Reader(text, dayfirst)
    reject: _Reject | None = None
    span: _Span | None = None
    either = False
    if len(s) <= _LONGEST_READ:  # a long cell is a note: only look for a leading date
        try:
            span = reader.full(s)
        except _Reject as err:
            reject = err
        if span is None and reject is None:
            span, approx_time = _approximate_time(reader, s)
            approx = approx or approx_time
        if span is None and reject is None:
            span = _dateutil(s, dayfirst)
        if span is None and reject is None and " or " in s:
            span = _either(reader, s)
            either = span is not None
        if (
            span is None
            and reject is None
            and (part := _PY_DAY_PART.fullmatch(s) or _PY_DAY_PART_FIRST.fullmatch(s))
        ):
            span = _part_of_day(reader, part)
    warnings: list[tuple[str, str]] = []
    words: str | None = None  # the words after the date, when the cell holds more
    if span is None and reject is None and ("&" in s or "and" in s or "+" in s):
        span = _both(reader, s)
    if span is None and len(s) <= _LONGEST_LIST and _PY_LIST_SEP.search(s):
        several = _several_dates(reader, s)
        if several is not None:
            span, reject = several[0], None
            warnings.append(("several_dates", _several_message(text, several)))
    if span is None and reject is None:
        found = _with_extra_text(reader, s)
        if isinstance(found, _Reject):
            reject = found
        elif isinstance(found, _Rel):
            return _relative_result(text, found._replace(approx=found.approx or approx), ())
        elif found is not None:
            span, rest = found
            written = _as_written(text, rest)
            words = written if _PY_A_WORD.search(written) else None
            warnings.append(("extra_text", _extra_message(text, span, written, words is not None)))
    if span is None:
        if (fixed := _PY_LETTER_IN_NUMBER.sub(_as_digits, norm)) != norm:
            retried = _read_text_unguarded(text, fixed, dayfirst)  # '2o07': a letter o typed
            if retried.span is not None:
                return retried
        if reject is not None:
            return _Result(None, code=reject.code, message=reject.reason)
        return _Result(None, code="unreadable_date", message=_unreadable_message(text, s, reader))
    if either:
        message = f"{_quote(text)} gives two possible dates; placed across both ({_describe(span)})"
        warnings.insert(0, ("approximate_date", message))
    elif approx:
        warnings.insert(0, ("approximate_date", _approx_message(text, span)))
    approx = approx or either
    return _Result(
        span,
        approx=approx,
        warnings=tuple(dict.fromkeys(warnings + reader.warnings)),
        rest=words,
    )


#: A number typed with a letter o for a zero or l for a one: '2o07', '2OO7', '12/O3/2007',
#: 'l2/03/2007' (a whole token of digits and those letters, with at least one of each)
_PY_LETTER_IN_NUMBER: Final = _rx(r"(?<![a-z])(?=[0-9ol]*[0-9])(?=[0-9]*[ol])[0-9ol]{2,}(?![a-z])")


def _as_digits(m: re.Match[str]) -> str:
    return m.group().replace("o", "0").replace("l", "1")


def _part_of_day(reader: _Reader, m: re.Match[str]) -> _Span | None:
    """A day with the part of it written after ('12/03/2007 am', '12/03/2007 afternoon'):
    those hours of the day (precision day, as it is no one minute); None otherwise."""
    word = _day_part_key(m["part"])
    try:
        if word == "night":  # '12/03/2007 night', '12/03/2007 overnight': 'night of ...'
            return reader.night(m["rest"])
        day = reader.full(m["rest"])
    except _Reject:
        return None
    if day is None or day.prec != _P_DAY or day.end - day.start != _DAY_S - 1:
        return None
    first, last = _DAY_PARTS[word]
    return _Span(day.start + first * 60, day.start + last * 60 + 59, _P_DAY)


def _either(reader: _Reader, s: str) -> _Span | None:
    """Two possible dates ('12 or 13 March 2007', '12/03/2007 or 13/03/2007', 'March or
    April 2007'): the span from the first to the last, as a range is read; None otherwise."""
    m = _PY_EITHER.fullmatch(s)
    if m is None:
        return None
    try:
        return reader.full(f"{m['l']} - {m['r']}")
    except _Reject:
        return None


def _approximate_time(reader: _Reader, s: str) -> tuple[_Span | None, bool]:
    """A date whose time is marked approximate ('12/03/2007 approx 14:30', 'c.14:30'): the
    minute, and True. (None, False) when there is no such mark or it does not help."""
    if not any(marker in s for marker in _APPROX_TIME_HINTS):
        return None, False
    plain, found = _PY_APPROX_TIME.subn(" ", s, count=1)
    if not found:
        return None, False
    try:
        span = reader.full(plain)
    except _Reject:
        return None, False
    return span, span is not None


def _unreadable_message(text: str, s: str, reader: _Reader) -> str:
    """Why a cell that is no date was not read: open-ended ('before 12/03/2007'), a time of
    day alone ('1430hrs'), or none of the forms."""
    if (m := _PY_OPEN_ENDED.fullmatch(s)) and len(s) <= _LONGEST_READ:
        try:
            span = reader.full(m["rest"])
        except _Reject:
            span = None
        if span is not None:
            word = m["word"]
            if word == "from":
                return (
                    f"cannot read {_quote(text)} as a date: it says when something started "
                    f"({_describe(span)}) but not when it ended; write the start date, and "
                    "give the end date in the end date column or as a range "
                    "('12/03/2007 - 14/03/2007')"
                )
            how = _OPEN_ENDED_WORDS.get(word, word)
            return (
                f"cannot read {_quote(text)} as a date: it is open-ended ({how} "
                f"{_describe(span)}), and any span would be a guess; write the date, or the "
                "span it lies in as a range ('between <first day> and <last day>')"
            )
    wd = _PY_WEEKDAY.fullmatch(s)
    day_only = wd["rest"] if wd is not None and _weekday_number(wd["wd"]) is not None else s
    if _PY_DAY_ONLY.fullmatch(day_only.removeprefix("the ")) and (
        day_only != s or not day_only.isdigit()  # '14th', 'Monday 12': a plain '12' may be no day
    ):
        return (
            f"cannot read {_quote(text)} as a date: it has a day but no month or year; write "
            "the full date, e.g. '12 March 2007'"
        )
    if not any(c.isdigit() for c in s) and _PY_NAMED_PERIOD.search(s):
        try:  # 'half term': which of the three? (the reason the form with a year would get)
            reader.full(f"{s} 2008")
        except _Reject as err:
            return err.reason
    if m := _PY_WEEK_NUMBER.fullmatch(s):
        n, y = int(m["n"]), int(m["y"])
        monday = ""
        if 1 <= n <= 53 and MIN_YEAR <= y <= MAX_YEAR:
            with contextlib.suppress(ValueError):
                day = dt.date.fromisocalendar(y, n, 1)
                monday = f" (ISO week {n} of {y} began on Monday {day:%d/%m/%Y})"
        return (
            f"cannot read {_quote(text)} as a date: a week number, and weeks are numbered in "
            f"more than one way{monday}; write the week by its Monday, e.g. 'w/c 12/03/2007'"
        )
    if _PY_TIME_MARK.search(s) and (minutes := _time_of(s)) is not None:
        clock = _fmt_minutes(minutes[0])
        return (
            f"cannot read {_quote(text)} as a date: it is a time of day ({clock}) with no date; "
            f"write the date, with the time after it (e.g. '12/03/2007 {clock}') or in the "
            "time column"
        )
    if len(s) <= _LONGEST_READ:
        for token in list(_PY_TOKEN_END.finditer(s))[1:8]:
            try:
                span = reader.full(s[token.start() :])
            except _Reject:
                continue
            words = s[: token.start()].strip(" ,;:-")
            if span is not None and any(c.isalpha() for c in words) and not _is_date_part(words):
                return (
                    f"cannot read {_quote(text)} as a date: it has words before the date "
                    f"({_describe(span)}); if that is when the event happened, write the date "
                    f"alone and put {_quote(words)} in the details"
                )
    return f"cannot read {_quote(text)} as a date; {_FORMS_HINT}"


def _is_date_part(words: str) -> bool:
    """Whether the words before a date found later in a cell hold a month or a time: part of
    a date written another way ('tue mar 13 14:30:00 gmt 2007'), not words to move."""
    return bool(_PY_TIME_MARK.search(words)) or any(
        w in _MONTH_WORDS for w in _PY_WORD.findall(words)
    )


def _both(reader: _Reader, s: str) -> _Span | None:
    """Two dates joined by 'and': months, seasons or years ('March & April 2007') are the
    span of both. None when it is not that (two days are a list: :func:`_several_dates`)."""
    m = _PY_BOTH_DAYS.fullmatch(s)
    if m is None:
        return None
    try:
        span = reader.full(f"{m['a']} - {m['b']}")
    except _Reject:
        return None
    return span if span is not None and span.prec >= _P_MONTH else None


def _several_dates(reader: _Reader, s: str) -> tuple[_Span, list[_Span]] | None:
    """A list of dates in one cell ('12/03/07; 19/03/07; 26/03/07', '12/03/2007 &
    14/03/2007', '12, 19 & 26 March 2007'): the span from the earliest to the latest, and
    the distinct dates in order. None unless every part is a date and two differ.

    A part with no month or year ('12', '12/03') takes them from the next part that has
    them, in the year that does not put it after that part ('20/12, 03/01/2008')."""
    parts = [part for part in _PY_LIST_SEP.split(s) if part]
    if len(parts) < 2:
        return None
    spans: list[_Span | None] = []
    for part in parts:
        try:
            spans.append(reader.full(part))
        except _Reject as err:
            if err.code != "missing_year":
                return None
            spans.append(None)
    later: _Span | None = None
    for i in reversed(range(len(parts))):
        found = spans[i]
        if found is None:
            if later is None or ":" in parts[i]:
                return None  # no date to take the year from, or a time ('14:30')
            try:
                found = reader.taking_year(parts[i], later, 0)[0]
                if found is not None and found.start > later.end:
                    found = reader.taking_year(parts[i], later, -1)[0]
            except _Reject:
                return None
            if found is None:
                return None
            spans[i] = found
        later = found
    days = sorted({span for span in spans if span is not None})
    if len(days) < 2 or any(b.start <= a.end for a, b in itertools.pairwise(days)):
        return None  # one date, or one inside another ('12 March 2007, 2007': its year again)
    prec = max(span.prec for span in days)
    return _Span(days[0].start, max(span.end for span in days), prec), days


def _several_message(text: str, several: tuple[_Span, list[_Span]]) -> str:
    span, days = several
    return (
        f"{_quote(text)} names {len(days)} dates ({', '.join(_describe(d) for d in days)}): "
        f"placed across them, {_describe(span)}; give each its own row if each was an event "
        "of its own"
    )


_OPEN_ENDED_WORDS: Final = {
    "by": "on or before",
    "on or before": "on or before",
    "on or after": "on or after",
    "no earlier than": "on or after",
    "not earlier than": "on or after",
    "no later than": "on or before",
    "not later than": "on or before",
    "prior to": "before",
    "pre": "before",
    "pre-": "before",
    "up to": "before",
    "until": "before",
    "till": "before",
    "post": "after",
    "post-": "after",
    "not before": "on or after",
    "since": "since",
    "after": "after",
    "before": "before",
}
_PY_OPEN_ENDED: Final = _rx(
    r"(?P<word>from|"
    + "|".join(re.escape(w) for w in sorted(_OPEN_ENDED_WORDS, key=len, reverse=True))
    + r")\s*(?P<rest>.+)"
)
# an approximation mark before the time after a date: "12/03/2007 approx 14:30", "c.14:30"
# a list of dates in one cell: "12/03/07; 19/03/07; 26/03/07", "12, 19 & 26 March 2007",
# "12/03/2007 14/03/2007" (two lines of a Word cell): what separates them
_PY_LIST_SEP: Final = _rx(
    r"\s*(?:[,;&+]|\band\b|\bthen\b)\s*"
    r"|(?<=\d)\s+(?=\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}(?!\d)|\d{4}-\d{1,2}-\d{1,2})"
    r"|(?<=\d{4})\s+(?=\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3})"
)
_LONGEST_LIST: Final = 240  # a list of a month's weekly visits, with full years
# words naming a time of year that a year completes: festivals, terms, half terms, holidays
_PY_NAMED_PERIOD: Final = _rx(
    r"christmas|x-?mas|easter|new year|boxing|half[\s-]?term|term\b|holiday|hols|break"
    r"|friday|night|hallowe|valentine|mother|father|whit"
)
# the part of a day after its date: "12/03/2007 am", "12/03/07 (Monday) pm", "12/03/2007
# in the afternoon"; as minutes of the day, first and last (generous: a visit 'in the
# evening' may start at five)
_DAY_PARTS: Final[dict[str, tuple[int, int]]] = {
    "am": (0, 719),
    "morning": (0, 719),
    "early hours": (0, 419),  # a police log's "early hours of 12/03/2007": before seven
    "pm": (720, 1439),
    "afternoon": (720, 1079),
    "lunchtime": (660, 899),
    "evening": (1020, 1439),
}
# "late evening", "mid-morning", "early afternoon": the whole part (it holds the time meant)
_DAY_PART_WORDS: Final = (
    r"(?:(?:early|mid|late)(?:\s*-\s*|\s+)(?=[a-z]))?"
    r"(?P<part>a\.?m\.?|p\.?m\.?|morning|afternoon|evening|lunch\s*time|early\s+hours"
    r"(?:\s+of\s+the\s+morning)?|night|over-?\s*night)"
)
#: A night in a time column ('Night', 'overnight'): the day and the next, as 'night of
#: 12/03/2007' in the date cell is read
_NIGHT_MINUTES: Final = (0, 2 * 1440 - 1)
_PY_DAY_PART: Final = _rx(
    r"(?P<rest>.*[0-9)])\s*[,;-]?\s*(?:(?:in|during|at|over)\s+)?(?:the\s+)?(?P<open>\(\s*)?"
    + _DAY_PART_WORDS
    + r"(?(open)\s*\))"
)
# a part of the day alone, in a time column: "AM", "Morning", "in the afternoon"
_PY_DAY_PART_ALONE: Final = _rx(r"(?:(?:in|during|at)\s+)?(?:the\s+)?" + _DAY_PART_WORDS)
# the part first: "early hours of 12/03/2007", "morning of 12 March 2007", "Night 12/03/2007"
_PY_DAY_PART_FIRST: Final = _rx(
    r"(?:(?:in|during|on|over)\s+)?(?:the\s+)?"
    + _DAY_PART_WORDS
    + r"(?:\s+(?:of|on))?[\s,:]+(?P<rest>[0-9a-z].*)"
)
# two whole dates joined by "and": "12/03/2007 & 14/03/2007" (two days: which is the row's?)
_PY_BOTH_DAYS: Final = _rx(r"(?P<a>[0-9a-z].*?)\s*(?:&|\+|\band\b)\s*(?P<b>[0-9a-z].*)")
# two possible dates: "12 or 13 March 2007", "12/03/2007 or 13/03/2007"
_PY_EITHER: Final = _rx(r"(?P<l>[0-9a-z][^ ]*(?: [^ ]+)*?)\s+or\s+(?P<r>[0-9a-z].*)")
_PY_APPROX_TIME: Final = _rx(
    r"(?:(?<=\d)\s*(?:,|@|\bat\b)?\s*|(?<=\())"  # after the date, or in brackets after it
    r"(?:approx\.?|approximately|about|around|abt\.?|circa|ca\.?|c\.)\s*(?=\d|noon|midday)"
)
_TRAILING: Final = frozenset("-.,;:")
_APPROX_TIME_HINTS: Final = ("ab", "ar", "ap", "ci", "ca", "c.")
_PY_DOUBLE_SEP: Final = _rx(r"(?<=\d)([/.])\1+(?=\d)")


def _clock_message(text: str, m: re.Match[str], dayfirst: bool) -> str | None:
    """Why a date cell holding a time of day ('14.30', '12:10') is not read; None when it
    is not a time ('25.12' is a day and a month with no year). A time is never put on the
    day of the row above, and '12.10' is not taken for 12 October either: it could as well
    be ten past twelve."""
    hour, minute = int(m["h"]), int(m["m"] or m["m1"])
    day, month = (hour, minute) if dayfirst else (minute, hour)
    if m["sp"] and (len(m["m1"]) == 1 or hour > 23 or minute > 59):
        # '12 3': a day and a month with no year (a time has two digits of minutes)
        if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2008, month)[1]):
            return None
        return (
            f"cannot read {_quote(text)} as a date: two numbers, which could be "
            f"{day} {_MONTH_NAMES[month]} with no year; write the whole date (e.g. "
            f"'{day}/{month:02d}/2007')"
        )
    if hour > 23 or minute > 59:
        return None
    clock = f"{hour:02d}:{minute:02d}"
    if m["sep"] != ":" and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2008, month)[1]:
        return (
            f"cannot read {_quote(text)} as a date: it could be the time {clock} or "
            f"{day} {_MONTH_NAMES[month]} with no year; write the whole date (e.g. "
            f"'{day} {_MONTH_NAMES[month]} 2007'), with a time after it or in the time column"
        )
    return (
        f"cannot read {_quote(text)} as a date: it is a time of day ({clock}) with no date; "
        f"write the date, with the time after it (e.g. '12/03/2007 {clock}') or in the time "
        "column"
    )


def _zero_date_message(text: str | None, excel: bool) -> str:
    """Why a date of zeros (or Excel's day 0, ``text`` None for a real date cell) is empty."""
    if excel:
        held = "" if text is None else f"{_quote(text)}, "
        return (
            f"the date cell holds {held}Excel's day 0 (shown as 00/01/1900): how Excel shows "
            "an empty date cell (a formula or a copied cell with no date), not a date; if the "
            "event was in January, write the month and year ('January 2000')"
        )
    return f"the date cell holds {_quote(text)}, a date of zeros as a system exports an empty date"


def _unwrap(s: str) -> str:
    """The date inside quotes, brackets, footnote stars or a label: '"12/03/2007"',
    '[12/03/2007]', '*12/03/2007', '• 12/03/2007', 'Date: 12/03/2007', 'Dated 12/03/2007'."""
    while True:
        inner = _PY_LABEL.sub("", s, count=1)
        if (
            len(inner) > 1
            and (inner[0], inner[-1]) in _WRAPPERS
            and not any(c in inner[1:-1] for c in "\"'[](){}")
        ):
            inner = inner[1:-1]
        inner = inner.strip(" *\u2022\u25aa\u25e6\u00b7")  # stars and list bullets
        # a dash as a bullet, a full stop after the date: '- 12/03/2007', '12/03/07.'
        if inner[:1] == "-" or inner[-1:] in _TRAILING:
            inner = inner.removeprefix("- ").removesuffix(" -").rstrip(".,;:")
        inner = _PY_LIST_NUMBER.sub("", inner, count=1)  # '1. 12/03/2007' (a numbered list)
        if inner == s or not inner:
            return s
        s = inner


# the child's age, a length of time, or the birth, where a date should be: "aged 6 weeks",
# "6 weeks old", "at the age of 3", "2 weeks"; "pre-birth", "at birth", "antenatal"
_PY_AGE: Final = _rx(
    r"(?P<aged>(?:aged?|at(?:\s+the\s+age\s+of)?|when)\s+)?"
    rf"(?P<n>\d{{1,2}}(?:\s*(?:-|to)\s*\d{{1,2}})?|{_REL_N})\s*"
    r"(?P<unit>days?|wks?|weeks?|months?|mths?|yrs?|years?)\.?(?P<old>\s+old)?"
    r"|(?P<aged2>aged?|at\s+the\s+age\s+of)\s+\d{1,2}"
)
# a word or a clinical fraction that may make a cell an age (see ages.age_in_date_cell)
_PY_AGE_HINT: Final = _rx(r"/\s*(?:52|12|7)\b|\bold\b|\bage|\bat\b|\bwhen\b")
_PY_BIRTH: Final = _rx(
    r"(?:(?:at|after|before|prior\s+to|pre|post|around|since|following|soon\s+after)[\s-]*)?"
    r"(?:the\s+)?(?:child'?s\s+|baby'?s\s+)?(?:birth|delivery)"
    r"|(?:ante|pre|post)-?\s*natal(?:ly)?|unborn|in\s+utero|new-?\s*born"
)


def _age_message(text: str, age: re.Match[str] | None, is_age: bool = False) -> str:
    """Why a cell giving an age, a length of time or the birth is no date."""
    if is_age or (age is not None and (age["aged"] or age["old"] or age["aged2"])):
        what = "gives an age, not a date; write the date (the date of birth plus the age), or"
        what += " give the child's date of birth to have it dated"
    elif age is None:
        what = "places the event by the birth, not a date; write the date (of the birth, or a span"
        what += " before or after it)"
    else:
        what = "is a length of time, not a date; write the date (or '2 weeks later' to count it"
        what += " from the row above)"
    return f"cannot read {_quote(text)} as a date: it {what}"


def _relative_result(text: str, rel: _Rel, warnings: tuple[tuple[str, str], ...]) -> _Result:
    return _Result(
        None,
        approx=rel.approx,
        code="relative_date",
        message=(
            f"{_quote(text)} is a relative date; give the real date or pass anchor_relative=True to "
            "count from the previous row"
        ),
        warnings=warnings,
        rel=rel,
    )


_WRAPPERS: Final = frozenset({('"', '"'), ("'", "'"), ("[", "]"), ("(", ")"), ("{", "}")})
_PY_LABEL: Final = _rx(
    r"^(?:date(?:\s+of(?:\s+[a-z]+){1,2})?\s*(?::|-|\s(?=\d))|dated"
    r"|(?:(?:some\s*time|at\s+some\s+point)\s+)?(?:in|during)\s|on\s(?!\s*or\s))\s*"
)
#: A list item's number before a whole date (a Word column numbered as a list, printed):
#: '1. 12/03/2007', '2) 12 march 2007'; never '12. 03. 2007' or '12. march 2007'.
_PY_LIST_NUMBER: Final = _rx(
    r"^\d{1,3}[.)]\s+(?=\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3})"
)
#: A number going on past a cut: "12/03" of "12/03/2007", "14" of the time "14:45".
_PY_CUT_NUMBER: Final = _rx(r"[./:-][0-9]")


def _with_extra_text(reader: _Reader, s: str) -> tuple[_Span, str] | _Reject | _Rel | None:
    """The longest leading date (or relative date) in ``s`` followed by other text."""
    tokens = [m for m in _PY_TOKEN_END.finditer(s)][:10]
    ends = [m.end() for m in tokens if _can_end_a_date(m.group())]
    for end in reversed(ends):
        rest = s[end:].strip()
        head = s[:end].strip(" ,;:-(/")
        if not rest or not head:
            continue
        if _PY_CUT_NUMBER.match(s, end):
            continue  # "12/03" of "prior to 12/03/2007" is not a date followed by text
        rel = _relative(head)
        if rel is not None:
            return rel
        try:
            span = reader.full(head)
        except _Reject as err:
            if err.code == "missing_year" and _PY_FOUR_DIGITS.search(rest):
                continue  # "Monday March 2008" has a year: not a date with no year
            return err
        if span is not None:
            return span, s[end:].strip(" ,;:-")
    return None


def _dateutil(s: str, dayfirst: bool) -> _Span | None:
    """Last resort: dateutil, but only when it found a year, a month and a day by itself."""
    if len(s) > 64 or not _PY_FOUR_DIGITS.search(s) or len(_PY_TIME_MARK.findall(s)) > 1:
        return None  # dateutil keeps the last of two times ('12/03/2007 10:00, 14:30')
    words = _PY_WORD.findall(s)
    if any(w not in _DATEUTIL_WORDS and _month_number(w) is None for w in words):
        return None  # dateutil would fail (or skip words); not worth two calls
    from dateutil import parser

    if _PY_YEAR_FIRST.match(s):
        dayfirst = False  # "2007 03 12" is year, month, day; nobody writes year, day, month
    try:
        one = parser.parse(s, dayfirst=dayfirst, default=dt.datetime(1904, 1, 1, 0, 0))
        two = parser.parse(s, dayfirst=dayfirst, default=dt.datetime(1908, 2, 20, 1, 1))
    except (ValueError, OverflowError, TypeError, ArithmeticError):
        return None
    if (one.year, one.month, one.day) != (two.year, two.month, two.day):
        return None  # dateutil would have invented the year, month or day
    if not MIN_YEAR <= one.year <= MAX_YEAR or str(one.year) not in _PY_FOUR_DIGITS.findall(s):
        return None  # the year came from another number ("3 12 March 2007" is not 2003)
    day = _day_span(one.year, one.month, one.day, s)
    if (one.hour, one.minute) != (two.hour, two.minute) and _PY_TIME_MARK.search(s):
        return None  # dateutil skipped a time ("9am/10am"): the day with the rest named
    if one.hour == two.hour and one.minute != two.minute:
        return None  # a bare hour ("12/03/2007 at 10": 10am or 10pm?): the day, the rest named
    if (one.hour, one.minute) == (two.hour, two.minute):
        if not _PY_TIME_MARK.search(s):
            return None  # a bare number read as a time: "12 March 2007 2007" is not 20:07
        return _add_minutes(day, (one.hour * 60 + one.minute,) * 2)
    return day


_PY_WEEKDAY_FIELDS: Final = _rx(
    r"(?<![a-z])(?P<w1>[a-z]{3,9})\.?,?\s*(?P<a1>\d{1,2})(?:\s*[./-]\s*|(?P<sp1>\s+))"
    r"(?P<b1>\d{1,2})(?(sp1)\s+|\s*[./-]\s*)(?P<y1>\d{4}|\d{2})(?![0-9])"
    r"|(?<![0-9./-])(?P<a2>\d{1,2})(?:\s*[./-]\s*|(?P<sp2>\s+))(?P<b2>\d{1,2})"
    r"(?(sp2)\s+|\s*[./-]\s*)(?P<y2>\d{4}|\d{2})\s*,?\s*\(?(?P<w2>[a-z]{3,9})\b"
)


def _weekday_fields(norm: str) -> list[tuple[str, int, int, int]]:
    """(weekday word, first, second, year) of every numeric date written beside a weekday."""
    found = []
    for m in _PY_WEEKDAY_FIELDS.finditer(norm):
        k = "1" if m["w1"] is not None else "2"
        word, y = m["w" + k], m["y" + k]
        if word in _WEEKDAY_WORDS:
            year = int(y) if len(y) == 4 else _two_digit_year(int(y))
            found.append((word, int(m["a" + k]), int(m["b" + k]), year))
    return found


def _weekday_agrees(word: str, year: int, month: int, day: int) -> bool:
    try:
        return dt.date(year, month, day).weekday() == _WEEKDAY_WORDS[word]
    except ValueError:
        return False


def _numeric_fields(norm: str) -> list[tuple[int, int, int]]:
    """The (first, second, year) fields of every all-numeric d/m/y date in a text; not the
    year of a month in words and a time after it ('13 March 07 - 14.30' is no 07/14/30)."""
    if (compact := _PY_COMPACT.fullmatch(norm)) is not None:
        # eight figures, day or month first ('12032007', '12202007'): the order counts as
        # with slashes; year first ('20070312') proves nothing
        digits = compact["digits"]
        year_first = MIN_YEAR <= int(digits[:4]) <= MAX_YEAR and int(digits[4:6]) <= 12
        if not year_first and MIN_YEAR <= int(digits[4:]) <= MAX_YEAR:
            return [(int(digits[:2]), int(digits[2:4]), int(digits[4:]))]
        return []
    found = []
    for m in _PY_NUMERIC_FIELDS.finditer(norm):
        word = _PY_LAST_WORD.search(norm, 0, m.start())
        if word is None or _month_number(word["w"]) is None:
            found.append((int(m["a"]), int(m["b"]), int(m["y"])))
    return found


_PY_LAST_WORD: Final = _rx(r"(?<![a-z])(?P<w>[a-z]{3,10})\.?,?\s*'?$")


# --- numbers and datetimes -------------------------------------------------------------------


class _Batch:
    """Results for a set of items (distinct cells, or rows): arrays indexed like the items."""

    def __init__(self, n: int) -> None:
        self.start = np.zeros(n, np.int64)
        self.end = np.zeros(n, np.int64)
        self.prec = np.full(n, -1, np.int8)
        self.approx = np.zeros(n, bool)
        self.code: npt.NDArray[np.object_] = np.full(n, None, object)
        self.message: npt.NDArray[np.object_] = np.full(n, None, object)
        self.warnings: npt.NDArray[np.object_] = np.full(n, None, object)
        self.rel: npt.NDArray[np.object_] = np.full(n, None, object)
        self.rest: npt.NDArray[np.object_] = np.full(n, None, object)
        self.has_warnings = np.zeros(n, bool)
        self.is_relative = np.zeros(n, bool)

    def put(self, i: int, result: _Result) -> None:
        if result.span is not None:
            self.start[i], self.end[i], self.prec[i] = result.span
        else:
            self.prec[i] = -1
        self.approx[i] = result.approx
        self.code[i] = result.code
        self.message[i] = result.message
        self.warnings[i] = result.warnings or None
        self.rel[i] = result.rel
        self.rest[i] = result.rest
        self.has_warnings[i] = bool(result.warnings)
        self.is_relative[i] = result.rel is not None

    def warn(self, i: int, warnings: tuple[tuple[str, str], ...]) -> None:
        self.warnings[i] = warnings
        self.has_warnings[i] = True

    def fail(self, where: npt.NDArray[Any], code: str, message: str) -> None:
        self.prec[where] = -1
        self.code[where] = code
        self.message[where] = message


def _serials(values: npt.NDArray[np.float64]) -> _Batch:
    """Excel serial numbers (origin 1899-12-30) as spans; whole numbers 1900-2100 are years."""
    out = _Batch(len(values))
    v = np.asarray(values, dtype=np.float64)
    finite = np.isfinite(v)
    usable = finite & (np.abs(np.where(finite, v, 0)) < 1e8)  # casts below stay exact
    u = np.where(usable, v, 0)
    whole = np.floor(u)
    is_year = usable & (whole == u) & (u >= MIN_YEAR) & (u <= MAX_YEAR)
    in_range = usable & (u >= 1) & (u < _EXCEL_MAX_SERIAL + 1) & ~is_year
    serial = whole.astype(np.int64)
    minutes = np.where(in_range, np.rint((u - whole) * 1440), 0).astype(np.int64)
    days = serial - _EXCEL_EPOCH_SERIAL + (serial < 60) + minutes // 1440
    minutes %= 1440
    years = np.where(in_range, days, 0).astype("M8[D]").astype("M8[Y]").astype(np.int64) + 1970
    early = in_range & (serial < _EXCEL_FIRST_PLAUSIBLE_SERIAL)
    ok = in_range & ~early & (years >= MIN_YEAR) & (years <= MAX_YEAR)
    out.start[ok] = days[ok] * _DAY_S + minutes[ok] * 60
    timed = ok & (minutes > 0)
    out.end[ok] = np.where(timed[ok], out.start[ok] + 59, days[ok] * _DAY_S + _DAY_S - 1)
    out.prec[ok] = np.where(timed[ok], _P_MINUTE, _P_DAY)
    year_idx = np.flatnonzero(is_year)
    if len(year_idx):
        ys = u[year_idx].astype(np.int64)
        starts = ((ys - 1970).astype("M8[Y]").astype("M8[D]").astype(np.int64)) * _DAY_S
        ends = ((ys - 1969).astype("M8[Y]").astype("M8[D]").astype(np.int64)) * _DAY_S - 1
        out.start[year_idx], out.end[year_idx], out.prec[year_idx] = starts, ends, _P_YEAR
    compact = (
        usable & (whole == u) & (u >= MIN_YEAR * 10_000 + 101) & (u <= MAX_YEAR * 10_000 + 1231)
    )
    if compact.any():  # 20070312: a date as systems export it, yyyymmdd
        number = u[compact].astype(np.int64)
        year, month, day = number // 10_000, number // 100 % 100, number % 100
        fits = (month >= 1) & (month <= 12) & (day >= 1)
        first = (np.where(fits, year, 1970) - 1970).astype("M8[Y]").astype("M8[M]")
        first = first + np.where(fits, month - 1, 0).astype("m8[M]")
        length = (first + np.timedelta64(1, "M")).astype("M8[D]") - first.astype("M8[D]")
        fits &= day <= length.astype(np.int64)
        where = np.flatnonzero(compact)[fits]
        at = first[fits].astype("M8[D]").astype(np.int64) + day[fits] - 1
        out.start[where] = at * _DAY_S
        out.end[where] = at * _DAY_S + _DAY_S - 1
        out.prec[where] = _P_DAY
        ok = ok.copy()
        ok[where] = True
    bad = np.flatnonzero(~ok & ~is_year)
    for i in bad:
        number = _number_text(v[i])
        if u[i] == 0 and usable[i]:  # a formula's blank in a date column: Excel's day 0
            out.fail(np.array([i]), "empty_date", _zero_date_message(number, excel=True))
        elif not in_range[i]:
            out.fail(np.array([i]), "unreadable_date", f"cannot read the number {number} as a date")
        elif serial[i] == 60:
            out.fail(
                np.array([i]),
                "impossible_date",
                f"cannot read the Excel serial {number} as a date: it is 29 February 1900, a "
                "day that Excel counts but that does not exist",
            )
        elif early[i]:
            out.fail(
                np.array([i]),
                "implausible_date",
                f"cannot read the number {number} as a date: as an Excel serial it is "
                f"{_fmt(int(days[i]) * _DAY_S)}, before 1910 (a number such as 12.03 typed "
                "into a date cell is stored as a number, not a date; type the whole date)",
            )
        else:
            out.fail(
                np.array([i]),
                "implausible_date",
                f"cannot read the number {number} as a date: as an Excel serial it is "
                f"{_fmt(int(days[i]) * _DAY_S)}, outside {MIN_YEAR}-{MAX_YEAR}",
            )
    return out


def _float(v: object) -> float | None:
    try:
        return float(v)  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError):
        return None


@dataclass(frozen=True)
class _Opaque:
    """An unhashable cell (a list, a dict), kept by its repr."""

    text: str
    kind: str

    def __repr__(self) -> str:
        return self.text


def _hashable(v: object) -> object:
    try:
        hash(v)
    except TypeError:
        return _Opaque(repr(v), type(v).__name__)
    return v


def _number_text(value: float) -> str:
    return str(int(value)) if np.isfinite(value) and value == int(value) else repr(float(value))


def _compact_day(digits: str, dayfirst: bool = True) -> str | None:
    """'20070312' (or '12032007', '03122007' month first) as '2007-03-12'; None unless the
    digits make a real day, or a month or year with its day written as 00 ('20070300' as
    '2007-03-00', '20070000' as '2007-00-00', which the reader takes as the month, the year).

    yyyymmdd and the day-and-month-first order cannot both be real days: a yyyymmdd month
    would be the 19 or 20 of the other order's year.
    """
    day_month = (digits[:2], digits[2:4]) if dayfirst else (digits[2:4], digits[:2])
    for year, month, day in ((digits[:4], digits[4:6], digits[6:]), (digits[4:], *day_month[::-1])):
        y, m, d = int(year), int(month), int(day)
        if not MIN_YEAR <= y <= MAX_YEAR:
            continue
        if 1 <= m <= 12 and (d == 0 or d <= calendar.monthrange(y, m)[1]):
            return f"{y:04d}-{m:02d}-{d:02d}"
        if m == d == 0:
            return f"{y:04d}-00-00"
    return None


def _serial_text_result(text: str, value: float, approx: bool) -> _Result:
    batch = _serials(np.array([value]))
    if batch.prec[0] < 0:
        return _Result(None, code=str(batch.code[0]), message=str(batch.message[0]))
    span = _Span(int(batch.start[0]), int(batch.end[0]), int(batch.prec[0]))
    warnings = [
        (
            "excel_serial_text",
            f"{_quote(text)} looks like an Excel date serial; read it as {_describe(span)}",
        )
    ]
    if approx:
        warnings.insert(0, ("approximate_date", _approx_message(text, span)))
    return _Result(span, approx=approx, warnings=tuple(warnings))


def _datetimes(ns: npt.NDArray[np.int64], valid: npt.NDArray[np.bool_], texts: Any) -> _Batch:
    """Real datetimes (integer seconds since the epoch) as day or minute spans."""
    out = _Batch(len(ns))
    secs = ns
    days = np.floor_divide(secs, _DAY_S)
    of_day = secs - days * _DAY_S
    years = np.where(valid, days, 0).astype("M8[D]").astype("M8[Y]").astype(np.int64) + 1970
    ok = valid & (years >= MIN_YEAR) & (years <= MAX_YEAR)
    timed = ok & (of_day > 0)
    minute_start = secs - of_day % 60
    out.start[ok] = np.where(timed, minute_start, secs)[ok]
    out.end[ok] = np.where(timed, minute_start + 59, days * _DAY_S + _DAY_S - 1)[ok]
    out.prec[ok] = np.where(timed, _P_MINUTE, _P_DAY)[ok]
    bad = np.flatnonzero(valid & ~ok)
    for i in bad:
        if days[i] == _EXCEL_ZERO_DAY and not of_day[i]:  # Excel's 0 as a date: no date
            out.fail(np.array([i]), "empty_date", _zero_date_message(None, excel=True))
        elif days[i] == _EXCEL_ZERO_DAY:
            clock = _fmt_minutes(int(of_day[i]) // 60)
            out.fail(
                np.array([i]),
                "unreadable_date",
                f"cannot read {texts(i)!s} as a date: it is a time of day ({clock}) on Excel's "
                "day 0, with no date; write the date, with the time after it or in the time "
                "column",
            )
        else:
            out.fail(
                np.array([i]),
                "implausible_date",
                f"cannot read {texts(i)!s} as a date: the year {years[i]} is outside "
                f"{MIN_YEAR}-{MAX_YEAR}",
            )
    return out


def _wall_clock_seconds(values: pd.Series) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """Seconds since the epoch (local wall clock) of a datetime column, and which are set.

    Raises TypeError, ValueError or NotImplementedError for a column numpy cannot hold (the
    caller then reads each distinct cell on its own).
    """
    if isinstance(values.dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_localize(None)
    raw = values.to_numpy(dtype="datetime64[s]", na_value=np.datetime64("NaT"))
    valid = ~np.isnat(raw)
    return np.where(valid, raw.astype(np.int64), 0), valid


def _datetime_series(values: pd.Series) -> _Batch:
    secs, valid = _wall_clock_seconds(values)
    out = _datetimes(secs, valid, lambda i: _quote(str(values.iloc[i])))
    out.fail(~valid, "empty_date", "the date cell is empty")
    return out


def _convert_objects(values: pd.Series) -> pd.Series | None:
    """An object column holding only datetimes or only numbers, as a datetime or float column.

    None when the column is mixed or the conversion is not clean (then each distinct cell is
    read on its own).
    """
    kind = pd.api.types.infer_dtype(values, skipna=True)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            if kind in {"datetime", "datetime64", "date"}:
                converted = pd.to_datetime(values, errors="raise")
                if pd.api.types.is_datetime64_any_dtype(converted.dtype):
                    return converted
            elif kind in {"integer", "floating", "mixed-integer-float"}:
                return values.astype(np.float64)
    except (ValueError, TypeError, OverflowError, ArithmeticError, Warning):
        return None
    return None


def _object_seconds(v: object) -> int | None:
    """Seconds since the epoch (wall clock) of a date-like object, or None."""
    if isinstance(v, np.datetime64):
        if np.isnat(v):
            return None
        return int(v.astype("M8[s]").astype(np.int64))
    if isinstance(v, dt.datetime):
        moment = v.replace(tzinfo=None)
        return (moment.date().toordinal() - _EPOCH_ORDINAL) * _DAY_S + (
            moment.hour * 3600 + moment.minute * 60 + moment.second
        )
    if isinstance(v, dt.date):
        return (v.toordinal() - _EPOCH_ORDINAL) * _DAY_S
    return None


# --- text cells, vectorised ------------------------------------------------------------------


def _normalise(texts: list[str]) -> pa.Array:
    """Lower case, one space for any run of white space, plain dashes and quotes."""
    try:
        arr = pa.array(texts, type=pa.large_string())
    except (pa.ArrowException, UnicodeError):
        arr = pa.array(
            [t.encode("utf-8", "replace").decode("utf-8") for t in texts], type=pa.large_string()
        )
    arr = pc.utf8_lower(arr)
    # Excel's mark of a cell typed as text ("'2007-03-12", "'20/03/2007") is no part of it
    quoted = pc.fill_null(pc.starts_with(arr, "'"), False)
    if pc.any(quoted).as_py():
        unmarked = pc.replace_substring_regex(arr.filter(quoted), r"^'(\d+[-/. ]\S)", r"\1")
        arr = pc.replace_with_mask(arr, quoted, unmarked)
    # only texts with a character outside printable ASCII, or a run of spaces, need the rest
    needs = pc.fill_null(pc.match_substring_regex(arr, "[^ -~]|  "), False)
    if pc.any(needs).as_py():
        some = arr.filter(needs)
        some = pc.replace_substring_regex(some, "[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]", "-")
        some = pc.replace_substring_regex(some, "[\u2018\u2019\u201b\u2032`\u00b4]", "'")
        some = pc.replace_substring_regex(
            some, "[\\s\\x0b\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+", " "
        )
        arr = pc.replace_with_mask(arr, needs, some)
    return pc.utf8_trim(arr, " ")


def _in_england(instant: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Seconds since the epoch in UTC (``instant``) as the clock in England read them (GMT
    or BST), in seconds since the epoch of that wall clock."""
    return (
        pd.DatetimeIndex(instant * 10**9, tz="UTC")
        .tz_convert("Europe/London")
        .tz_localize(None)
        .asi8
        // 10**9
    )


def _field_lengths(
    f: pa.Array, rows: npt.NDArray[np.bool_] | None = None
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]] | None:
    """Byte offsets and lengths of a large_string array's strings (0 where null, or where
    ``rows``, when given, is False), read from its buffers in place; None for another kind
    of array."""
    if not isinstance(f, pa.Array) or f.type != pa.large_string():
        return None
    n = len(f)
    offsets = np.frombuffer(f.buffers()[1], dtype=np.int64)[f.offset : f.offset + n + 1]
    lengths = np.diff(offsets)
    if f.null_count:
        lengths = np.where(f.is_valid().to_numpy(zero_copy_only=False), lengths, 0)
    if rows is not None:
        lengths = np.where(rows, lengths, 0)
    return offsets[:-1], lengths


def _group(
    struct: pa.Array, name: str
) -> tuple[pa.Array, npt.NDArray[np.int64], npt.NDArray[np.int64]] | None:
    """A capture group of an extract_regex struct as (its text array, byte offsets,
    lengths): lengths 0 where the group or its row is null, as ``pc.struct_field`` would
    make them null; the child array is reached without an Arrow call. None when the struct
    or the group is of another kind."""
    if not isinstance(struct, pa.StructArray):
        return None
    f = struct.field(name)
    rows = struct.is_valid().to_numpy(zero_copy_only=False) if struct.null_count else None
    found = _field_lengths(f, rows)
    return None if found is None else (f, *found)


def _digit_values(
    f: pa.Array, starts: npt.NDArray[np.int64], lengths: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64] | None:
    """The decimal number each string of digits of ``f`` (at byte ``starts``, of
    ``lengths``) is, -1 where empty, read from the array's bytes with NumPy (a few Arrow
    calls each compiling nothing cost more than this on the few thousand distinct date
    cells of a chronology); None when a string holds anything but ASCII digits or more than
    18 of them (then Arrow's cast decides)."""
    width = int(lengths.max()) if len(lengths) else 0
    if width > 18:
        return None
    out = np.zeros(len(lengths), dtype=np.int64)
    if width:
        data = np.frombuffer(f.buffers()[2], dtype=np.uint8)
        for k in range(width):
            has = np.flatnonzero(lengths > k)
            digit = data[starts[has] + k].astype(np.int64) - 48
            if len(digit) and (int(digit.min()) < 0 or int(digit.max()) > 9):
                return None
            out[has] = out[has] * 10 + digit
    out[lengths == 0] = -1
    return out


def _field_int(struct: pa.Array, name: str) -> npt.NDArray[np.int64]:
    """Digits of a capture group as integers; -1 where the group did not take part."""
    group = _group(struct, name)
    values = _digit_values(*group) if group is not None else None
    if values is not None:
        return values
    f = pc.struct_field(struct, name)
    f = pc.if_else(pc.equal(f, ""), pa.scalar(None, pa.large_string()), f)
    return pc.cast(f, pa.int64()).fill_null(-1).to_numpy(zero_copy_only=False)


def _field_present(struct: pa.Array, name: str) -> npt.NDArray[np.bool_]:
    group = _group(struct, name)
    if group is not None:
        return group[2] > 0
    f = pc.struct_field(struct, name)
    return pc.fill_null(pc.not_equal(f, ""), False).to_numpy(zero_copy_only=False)


def _lookup(struct: pa.Array, name: str, table: dict[str, int]) -> npt.NDArray[np.int64]:
    """Number of a word in ``table``; -1 if absent, -2 if present but unknown."""
    f = pc.struct_field(struct, name)
    keys = pa.array(list(table), type=pa.large_string())
    numbers = np.array([*table.values(), -2], dtype=np.int64)
    idx = pc.index_in(f, value_set=keys).fill_null(len(table)).to_numpy(zero_copy_only=False)
    out = numbers[idx]
    found = _field_lengths(f)
    if found is not None:
        out[found[1] == 0] = -1
    else:
        out[~pc.fill_null(pc.not_equal(f, ""), False).to_numpy(zero_copy_only=False)] = -1
    return out


def _years2(y4: npt.NDArray[np.int64], y2: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    pivot = dt.date.today().year % 100
    century = (dt.date.today().year // 100) * 100
    two = np.where(y2 <= pivot, century + y2, century - 100 + y2)
    return np.where(y4 >= 0, y4, np.where(y2 >= 0, two, -1))


def _vector_times(arr: pa.Array) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.int64]]:
    """Single times in normalised texts: (readable, minutes after midnight)."""
    st = pc.extract_regex(arr, _RE2_TIME)
    matched = st.is_valid().to_numpy(zero_copy_only=False)
    h, m, s = _field_int(st, "h"), _field_int(st, "m"), _field_int(st, "s")
    h4, m4 = _field_int(st, "h4"), _field_int(st, "m4")
    ap = pc.utf8_slice_codeunits(pc.struct_field(st, "ap"), 0, 1).fill_null("")
    am = pc.equal(ap, "a").to_numpy(zero_copy_only=False)
    pm = pc.equal(ap, "p").to_numpy(zero_copy_only=False)
    hrs = _field_present(st, "hrs")
    four = h4 >= 0
    hour = np.where(four, h4, h)
    minute = np.where(four, m4, np.maximum(m, 0))
    ok = matched & (minute <= 59) & (s <= 59)
    with_ap = am | pm
    ok &= np.where(
        four,
        hour <= 23,
        np.where(
            with_ap,
            ((hour >= 1) & (hour <= 12)) | (pm & (hour >= 13) & (hour <= 23) & (m >= 0)),
            (hour <= 23) & ((m >= 0) | hrs),
        ),
    )
    hour = np.where(with_ap & ~four, hour % 12 + np.where(pm, 12, 0), hour)
    return ok, hour * 60 + minute


# a time given in UTC, as systems export it: '2007-07-12T23:30:00Z', '12/07/2007 23:30 UTC';
# or an ISO time with its offset: '2007-07-12T23:30:00+00:00' (only after a 't': in
# '12/07/2007 14:30-15:00' the '-15:00' ends a range)
# or a time with its seconds and an offset, as databases and e-mail headers write it:
# '2007-07-10 09:05:00 +0000', 'Tue, 10 Jul 2007 09:05:00 +0000' (an offset of 14 hours at
# most: '14:30:00-15:30' is no offset)
_RE2_UTC: Final = (
    r"(?:(?:^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}|\d:\d{2}:\d{2}(?:\.\d+)?\s?)"
    r"(?P<sign>[+-])(?P<oh>0\d|1[0-4]):?(?P<om>\d{2})|\d\s*(?:z|utc|[(\[]\s*utc\s*[)\]])"
    # a Java date's text in UTC: 'Tue Jul 10 09:05:00 UTC 2007'
    r"|^[a-z]{3}\s+[a-z]{3}\s+\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s+utc\s+\d{4})$"
)
# an offset from GMT or UTC after a time, as systems and browsers write one: '14:30 GMT+1',
# '14:30 (UTC+01:00)', '14:30:00 GMT+0100 (British Summer Time)' (JavaScript's date text),
# or a plus after a time with no seconds ('14:30 +0100'; a minus there is a range: '09:00
# -10:30'); 'GMT+0' in July is UTC, an hour behind the clock. Looked for only in the texts
# holding 'gmt', 'utc' or '+' (_RE2_ZONE_HINT): it is slow over every distinct date
_RE2_ZONE_OFFSET: Final = (
    r"\d(?:\s*[ap]\.?\s?m\.?)?\s*[(\[]?\s*(?:(?:gmt|utc)\s*(?P<sign>[+-])\s*|\s(?P<plus>\+))"
    r"(?P<oh>0?\d|1[0-4])(?::?(?P<om>\d{2}))?\s*[)\]]?(?:\s*[(\[][a-z ]+[)\]])?$"
)
_RE2_ZONE_HINT: Final = r"gmt|utc|\+"


#: The zone in brackets after a time: '12/03/2007 14:30 (BST)', as a system's date and
#: time are written for a reader (the clock time as written; '(UTC)' see _RE2_UTC)
_PY_ZONE_BRACKETED: Final = _rx(r"(?<=[0-9m])\s*[(\[]\s*(?:gmt|bst|utc)\s*[)\]]$")
#: A date and time as a program prints one (Java's Date.toString, Unix date, C's asctime):
#: 'Mon Mar 12 14:30:00 GMT 2007', 'Mon Mar 12 14:30:00 2007'; the zone of England's clock
#: or none (the clock time as written: a date alone prints as its midnight), or UTC (moved
#: to England's clock by the caller, see _RE2_UTC)
_PY_STAMP_TEXT: Final = _rx(
    r"(?P<wd>[a-z]{3})\s+(?P<mon>[a-z]{3})\s+(?P<d>\d{1,2})\s+"
    r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\s+(?:(?:gmt|bst|utc)\s+)?(?P<y>\d{4})"
)

#: An offset from GMT or UTC after a time ('14:30 GMT+1', '14:30 +0100', JavaScript's
#: '14:30:00 GMT+0100 (British Summer Time)'; moved to the clock time by the caller, see
#: _RE2_ZONE_OFFSET), or the name of England's clock as Windows and databases write its zone
#: ('GMT Standard Time', 'GMT Daylight Time', 'Europe/London', '(UTC+00:00) Dublin,
#: Edinburgh, Lisbon, London': the clock time as written)
_PY_ZONE_OFFSET: Final = _rx(
    r"(?<=[0-9mt])\s*(?:[(\[]?\s*(?:gmt|utc)\s*[+-]\s*(?:0?\d|1[0-4])(?::?\d{2})?\s*[)\]]?"
    r"(?:\s*[(\[][a-z ]+[)\]])?|\s\+(?:0\d|1[0-4]):?\d{2}"
    r"|[(\[]?\s*(?:europe/london|gmt\s+(?:standard|daylight)\s+time|british\s+summer\s+time"
    r"|greenwich\s+mean\s+time)\s*[)\]]?"
    r"|\(\s*utc\s*\+?\s*00:00\s*\)\s*dublin,?\s*edinburgh,?\s*lisbon,?\s*london)$"
)

#: An ISO date and time with its UTC offset, the offset apart (see _RE2_UTC)
_PY_ISO_OFFSET: Final = _rx(
    r"(?P<stamp>\d{4}-\d{2}-\d{2}(?:t\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"|\s\d{2}:\d{2}:\d{2}(?:\.\d+)?))\s?[+-](?:0\d|1[0-4]):?\d{2}"
)


def _utc_to_uk_time(norm: pa.Array, batch: _Batch, where: npt.NDArray[np.int64]) -> None:
    """Move the minutes read from a time in UTC (or with a UTC offset) to the clock time in
    England (GMT in winter, BST in summer): '2007-07-12T23:30:00Z' is 00:30 on 13 July."""
    marked = pc.match_substring_regex(norm, _RE2_UTC).to_numpy(zero_copy_only=False)
    hinted = pc.match_substring_regex(norm, _RE2_ZONE_HINT).to_numpy(zero_copy_only=False)
    hinted &= ~marked
    if hinted.any():  # '14:30 GMT+1', '14:30 +0100'
        near = np.flatnonzero(hinted)
        found = pc.match_substring_regex(norm.take(pa.array(near)), _RE2_ZONE_OFFSET)
        hinted[near] = found.to_numpy(zero_copy_only=False)
    for pattern, chosen in ((_RE2_UTC, marked), (_RE2_ZONE_OFFSET, hinted)):
        if chosen.any():
            _move_to_uk_time(norm, batch, where, pattern, np.flatnonzero(chosen))


def _move_to_uk_time(
    norm: pa.Array,
    batch: _Batch,
    where: npt.NDArray[np.int64],
    pattern: str,
    at: npt.NDArray[np.int64],
) -> None:
    """Move the timed items among the texts ``at`` (matching ``pattern``, its offset in
    groups sign, oh and om; none is UTC) to the clock time in England."""
    items = where[at]
    timed = (batch.prec[items] == _P_MINUTE) & (batch.end[items] - batch.start[items] == 59)
    if not timed.any():
        return
    at, items = at[timed], items[timed]
    offsets = pc.extract_regex(norm.take(pa.array(at)), pattern)
    sign = np.where(
        pc.equal(pc.struct_field(offsets, "sign"), "-").to_numpy(zero_copy_only=False), -1, 1
    )
    hours, minutes = _field_int(offsets, "oh"), _field_int(offsets, "om")
    offset = np.where(
        hours >= 0, sign * (np.maximum(hours, 0) * 3600 + np.maximum(minutes, 0) * 60), 0
    )
    instant = batch.start[items] - offset
    shift = _in_england(instant) - batch.start[items]
    batch.start[items] += shift
    batch.end[items] += shift


class _Strings:
    """The distinct text cells of a column: normalised, with the strict forms extracted.

    Extraction does not depend on the day-first decision; :meth:`resolve` does.
    """

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.norm = _normalise(texts)
        n = len(texts)
        day = pc.extract_regex(self.norm, _RE2_DAYFORM)
        self.day_matched = day.is_valid().to_numpy(zero_copy_only=False)
        self.day = day
        rest = np.flatnonzero(~self.day_matched)
        self.other_idx = rest
        self.other = pc.extract_regex(self.norm.take(pa.array(rest)), _RE2_OTHERFORM)
        self.other_matched = np.zeros(n, bool)
        self.other_matched[rest] = self.other.is_valid().to_numpy(zero_copy_only=False)
        self.na = _field_int(day, "na")
        self.nb = _field_int(day, "nb")
        # evidence for the day-first decision: vectorised fields where the strict numeric
        # form matched, the reference scan for every text that no strict form matched
        self.num_a = np.where(self.day_matched & (self.na >= 0), self.na, -1)
        self.num_b = np.where(self.day_matched & (self.nb >= 0), self.nb, -1)
        self.extra_fields: dict[int, list[tuple[int, int, int]]] = {}
        unmatched = np.flatnonzero(~self.day_matched & ~self.other_matched)
        if len(unmatched):
            norms = self.norm.take(pa.array(unmatched)).to_pylist()
            for i, s in zip(unmatched.tolist(), norms, strict=True):
                if s and any(c.isdigit() for c in s):
                    found = _numeric_fields(s)
                    if found:
                        self.extra_fields[i] = found

    def evidence(self) -> tuple[npt.NDArray[np.bool_], ...]:
        """Per text: (proves day first, proves month first, ambiguous, numeric)."""
        a, b = self.num_a, self.num_b
        numeric = a >= 0
        first = numeric & (a >= 13) & (a <= 31) & (b >= 1) & (b <= 12)
        second = numeric & (b >= 13) & (b <= 31) & (a >= 1) & (a <= 12)
        amb = numeric & (a >= 1) & (a <= 12) & (b >= 1) & (b <= 12) & (a != b)
        for i, found in self.extra_fields.items():
            numeric[i] = True
            for fa, fb, _ in found:
                first[i] |= 13 <= fa <= 31 and 1 <= fb <= 12
                second[i] |= 13 <= fb <= 31 and 1 <= fa <= 12
                amb[i] |= 1 <= fa <= 12 and 1 <= fb <= 12 and fa != fb
        return first, second, amb, numeric

    def weekday_evidence(self) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
        """Per text: whether a weekday written beside a numeric date agrees with reading it
        day first only, and with reading it month first only ('Tuesday 04/12/2007' is
        4 December, a Tuesday; 12 April 2007 was a Thursday)."""
        n = len(self.texts)
        day_only, month_only = np.zeros(n, bool), np.zeros(n, bool)
        wd = _lookup(self.day, "wd", _WEEKDAY_WORDS)
        idx = np.flatnonzero(self.day_matched & (self.na >= 0) & (wd >= 0))
        if len(idx):
            st = self.day.take(pa.array(idx))
            y = _years2(*_split_year(_field_int(st, "ny"), st, "ny"))
            a, b, w = self.na[idx], self.nb[idx], wd[idx]
            as_day, day_ok = _ymd_days(y, b, a)
            as_month, month_ok = _ymd_days(y, a, b)
            agrees_day = day_ok & ((as_day + 3) % 7 == w)
            agrees_month = month_ok & ((as_month + 3) % 7 == w)
            day_only[idx] = agrees_day & ~agrees_month
            month_only[idx] = agrees_month & ~agrees_day
        for i in self.extra_fields:
            for word, fa, fb, year in _weekday_fields(self.norm[i].as_py() or ""):
                agrees = [
                    _weekday_agrees(word, year, month, day) for day, month in ((fa, fb), (fb, fa))
                ]
                day_only[i] |= agrees == [True, False]
                month_only[i] |= agrees == [False, True]
        return day_only, month_only

    def resolve(
        self, dayfirst: bool, out: _Batch, where: npt.NDArray[np.int64], vectorised: bool = True
    ) -> None:
        """Read every text into ``out`` at positions ``where``.

        With ``vectorised=False`` every text goes through the reference reader (for tests).
        """
        n = len(self.texts)
        start = np.zeros(n, np.int64)
        end = np.zeros(n, np.int64)
        prec = np.full(n, -1, np.int8)
        approx = np.zeros(n, bool)
        serial_text = np.zeros(n, bool)
        done = np.zeros(n, bool)
        if vectorised:
            self._resolve_day(dayfirst, start, end, prec, approx, done)
            self._resolve_other(start, end, prec, approx, serial_text, done)
        out.start[where[done]] = start[done]
        out.end[where[done]] = end[done]
        out.prec[where[done]] = prec[done]
        out.approx[where[done]] = approx[done]
        flagged = np.flatnonzero(done & (approx | serial_text))
        for i in flagged.tolist():
            span = _Span(int(start[i]), int(end[i]), int(prec[i]))
            warns: list[tuple[str, str]] = []
            if approx[i]:
                warns.append(("approximate_date", _approx_message(self.texts[i], span)))
            if serial_text[i]:
                msg = f"{_quote(self.texts[i])} looks like an Excel date serial; read it as "
                warns.append(("excel_serial_text", msg + _describe(span)))
            out.warn(int(where[i]), tuple(warns))
        left = np.flatnonzero(~done)
        if len(left):
            norms = self.norm.take(pa.array(left)).to_pylist()
            for i, s in zip(left.tolist(), norms, strict=True):
                out.put(int(where[i]), _read_text(self.texts[i], s, dayfirst))

    def _resolve_day(
        self,
        dayfirst: bool,
        start: npt.NDArray[np.int64],
        end: npt.NDArray[np.int64],
        prec: npt.NDArray[np.int8],
        approx: npt.NDArray[np.bool_],
        done: npt.NDArray[np.bool_],
    ) -> None:
        st = self.day
        idx = np.flatnonzero(self.day_matched)
        if not len(idx):
            return
        st = st.take(pa.array(idx))
        na, nb = self.na[idx], self.nb[idx]
        ny = _years2(*_split_year(_field_int(st, "ny"), st, "ny"))
        iy, im, iday = _field_int(st, "iy"), _field_int(st, "im"), _field_int(st, "id")
        dd, dmon = _field_int(st, "dd"), _lookup(st, "dm", _MONTH_WORDS)
        dy = _years2(_field_int(st, "dy4"), _field_int(st, "dy2"))
        ud, umon, uy = _field_int(st, "ud"), _lookup(st, "um", _MONTH_WORDS), _field_int(st, "uy")
        wd = _lookup(st, "wd", _WEEKDAY_WORDS)
        wk = _lookup(st, "wk", {k: v for k, v in _WEEK_WORDS.items()})
        is_num, is_iso, is_dmy = na >= 0, iy >= 0, dd >= 0
        first, second = (na, nb) if dayfirst else (nb, na)
        y = np.select([is_num, is_iso, is_dmy], [ny, iy, dy], uy)
        m = np.select([is_num, is_iso, is_dmy], [second, im, dmon], umon)
        d = np.select([is_num, is_iso, is_dmy], [first, iday, dd], ud)
        days, valid = _ymd_days(y, m, d)
        valid &= wd != -2
        valid &= (wd < 0) | ((days + 3) % 7 == wd)  # a wrong weekday goes to the reader
        has_time = _field_present(st, "time").copy()
        minutes = np.zeros(len(idx), np.int64)
        if has_time.any():
            t_idx = np.flatnonzero(has_time)
            t_text = pc.struct_field(st, "time").take(pa.array(t_idx))
            t_ok, t_min = _vector_times(t_text)
            minutes[t_idx] = np.where(t_ok, t_min, -1)
            midnight = pc.match_substring_regex(t_text, _MACHINE_MIDNIGHT)
            has_time[t_idx[midnight.to_numpy(zero_copy_only=False)]] = False  # the whole day
            # "12 March 2007 2007": a repeated year is not 20:07 (the reader says what it is)
            year_like = pc.match_substring_regex(t_text, r"^\d{4}$")
            as_year = pc.cast(pc.if_else(year_like, t_text, None), pa.int64()).fill_null(-1)
            repeated = as_year.to_numpy(zero_copy_only=False) == y[t_idx]
            minutes[t_idx[repeated]] = -1
        valid &= minutes >= 0
        valid &= ~_glued_markers(st, self.norm.take(pa.array(idx)))
        valid &= (wk != -2) & ~((wk > 0) & has_time)
        s = days * _DAY_S + minutes * 60
        e = np.where(has_time, s + 59, days * _DAY_S + _DAY_S - 1)
        p = np.where(has_time, _P_MINUTE, _P_DAY)
        week_c, week_e = wk == 1, wk == 2
        e = np.where(week_c, s + 7 * _DAY_S - 1, e)
        s = np.where(week_e, s - 6 * _DAY_S, s)
        p = np.where(wk > 0, _P_WEEK, p)
        ok_idx = idx[valid]
        start[ok_idx], end[ok_idx], prec[ok_idx] = s[valid], e[valid], p[valid]
        approx[ok_idx] = (_field_present(st, "pre") | _field_present(st, "suf"))[valid]
        done[ok_idx] = True

    def _resolve_other(
        self,
        start: npt.NDArray[np.int64],
        end: npt.NDArray[np.int64],
        prec: npt.NDArray[np.int8],
        approx: npt.NDArray[np.bool_],
        serial_text: npt.NDArray[np.bool_],
        done: npt.NDArray[np.bool_],
    ) -> None:
        keep = self.other.is_valid().to_numpy(zero_copy_only=False)
        idx = self.other_idx[keep]
        if not len(idx):
            return
        st = self.other.filter(pa.array(keep))
        mon = _lookup(st, "mm", _MONTH_WORDS)
        my4, my2 = _field_int(st, "my4"), _field_int(st, "my2")
        msep = pc.struct_field(st, "msep").to_pylist() if (my2 >= 0).any() else None
        my2_text = pc.struct_field(st, "my2").to_pylist() if msep is not None else None
        nm, nmy = _field_int(st, "nm"), _field_int(st, "nmy")
        yy = _field_int(st, "yy")
        ser = pc.struct_field(st, "ser").to_pylist() if (_field_int(st, "ser") >= 0).any() else None
        is_mon, is_num, is_year = mon != -1, nm >= 0, yy >= 0
        valid = ~_glued_markers(st, self.norm.take(pa.array(idx)))
        valid &= mon != -2
        if msep is not None and my2_text is not None:
            for j in np.flatnonzero(my2 >= 0).tolist():
                sep, two = msep[j], my2_text[j]
                if not (any(c in sep for c in "-/'") or two.startswith("0")):
                    valid[j] = False
        y = np.select([is_mon, is_num, is_year], [_years2(my4, my2), nmy, yy], -1)
        m = np.select([is_mon, is_num, is_year], [mon, nm, 1], 1)
        months = np.where(is_year, 12, 1)
        first, valid_ymd = _ymd_days(y, m, np.ones_like(y))
        valid &= valid_ymd
        month_index = np.where(valid, (y - 1970) * 12 + (m - 1), 0) + months
        after = month_index.astype("M8[M]").astype("M8[D]").astype(np.int64)
        s = first * _DAY_S
        e = after * _DAY_S - 1
        p = np.where(is_year, _P_YEAR, _P_MONTH)
        is_serial = ~(is_mon | is_num | is_year)
        if ser is not None:
            serf = pc.struct_field(st, "serf").to_pylist()
            values = np.array(
                [
                    float(f"{a}.{b}" if b else a) if a else 0.0
                    for a, b in zip(ser, serf, strict=True)
                ]
            )
            batch = _serials(values)
            ok_ser = is_serial & (batch.prec >= 0)
            s = np.where(is_serial, batch.start, s)
            e = np.where(is_serial, batch.end, e)
            p = np.where(is_serial, batch.prec, p)
            valid = np.where(is_serial, ok_ser, valid)
        else:
            valid &= ~is_serial
        ok_idx = idx[valid]
        start[ok_idx], end[ok_idx], prec[ok_idx] = s[valid], e[valid], p[valid]
        approx[ok_idx] = (_field_present(st, "pre") | _field_present(st, "suf"))[valid]
        serial_text[ok_idx] = is_serial[valid]
        done[ok_idx] = True


def _glued_markers(st: pa.Array, norm: pa.Array) -> npt.NDArray[np.bool_]:
    """Where the approximation marker a strict form took runs on into a word ('c' and
    'hristmas' of 'christmas'); the reference reader decides those (see :func:`_glued`)."""
    pre = pc.struct_field(st, "pre")
    ends_in_letter = pc.fill_null(pc.match_substring_regex(pre, "[a-z]$"), False)
    out = np.zeros(len(st), bool)
    if not pc.any(ends_in_letter).as_py():
        return out
    some = np.flatnonzero(ends_in_letter.to_numpy(zero_copy_only=False))
    markers = pre.take(pa.array(some)).to_pylist()
    texts = norm.take(pa.array(some)).to_pylist()
    for j, marker, text in zip(some.tolist(), markers, texts, strict=True):
        out[j] = _glued(text, len(marker))
    return out


def _split_year(
    values: npt.NDArray[np.int64], st: pa.Array, name: str
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """A year group of 4 or 2 digits as (four-digit, two-digit) arrays."""
    lengths = pc.utf8_length(pc.struct_field(st, name)).fill_null(0).to_numpy(zero_copy_only=False)
    return np.where(lengths == 4, values, -1), np.where(lengths == 2, values, -1)


def _ymd_days(
    y: npt.NDArray[np.int64], m: npt.NDArray[np.int64], d: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """Days since the epoch of (y, m, d) and whether the date exists and is plausible."""
    valid = (y >= MIN_YEAR) & (y <= MAX_YEAR) & (m >= 1) & (m <= 12)
    yy = np.where(valid, y, 1970)
    mm = np.where(valid, m, 1)
    month = (yy - 1970) * 12 + (mm - 1)
    first = month.astype("M8[M]").astype("M8[D]").astype(np.int64)
    length = (month + 1).astype("M8[M]").astype("M8[D]").astype(np.int64) - first
    valid &= (d >= 1) & (d <= length)
    return first + np.where(valid, d, 1) - 1, valid


# --- a whole column --------------------------------------------------------------------------


class _Rows(NamedTuple):
    """Per-row results of one column.

    Numbers are per row; texts stay with the distinct cells (``batch``), reached through
    ``item`` (the row's distinct cell), so that no object array is copied per row.
    """

    start: npt.NDArray[np.int64]
    end: npt.NDArray[np.int64]
    prec: npt.NDArray[np.int8]
    approx: npt.NDArray[np.bool_]
    has_warnings: npt.NDArray[np.bool_]
    is_relative: npt.NDArray[np.bool_]
    item: npt.NDArray[np.int64]
    batch: _Batch


class _Column:
    """One column of cells: each distinct value read once, results mapped back to rows."""

    def __init__(self, values: pd.Series) -> None:
        self.n_rows = len(values)
        self.strings: _Strings | None = None
        self.string_where = np.zeros(0, np.int64)
        self.codes: npt.NDArray[np.int64] | None = None
        if isinstance(values.dtype, pd.CategoricalDtype):
            values = values.astype(object)
        if pd.api.types.is_object_dtype(values.dtype):
            converted = _convert_objects(values)
            values = converted if converted is not None else values
        dtype = values.dtype
        if pd.api.types.is_datetime64_any_dtype(dtype):
            try:
                self.batch = _datetime_series(values)
                return
            except (TypeError, ValueError, NotImplementedError, OverflowError):
                values = values.astype(object)
        if (
            pd.api.types.is_numeric_dtype(dtype)
            and not pd.api.types.is_bool_dtype(dtype)
            and not pd.api.types.is_complex_dtype(dtype)
        ):
            try:
                numbers = values.to_numpy(dtype=np.float64, na_value=np.nan)
            except (TypeError, ValueError, OverflowError):
                values = values.astype(object)
            else:
                self.batch = _serials(numbers)
                self.batch.fail(np.isnan(numbers), "empty_date", "the date cell is empty")
                return
        try:
            codes, uniques = pd.factorize(values, use_na_sentinel=True)
        except TypeError:  # unhashable cells (lists, dicts): keep them as opaque values
            values = pd.Series([_hashable(v) for v in values.tolist()], dtype=object)
            codes, uniques = pd.factorize(values, use_na_sentinel=True)
        items = np.asarray(uniques, dtype=object)
        n = len(items)
        codes = np.asarray(codes, dtype=np.int64)
        codes[codes < 0] = n  # the extra last item stands for every blank cell
        self.codes = codes
        self.batch = _Batch(n + 1)
        self.batch.fail(np.array([n]), "empty_date", "the date cell is empty")
        if isinstance(dtype, pd.StringDtype) or pd.api.types.infer_dtype(items) == "string":
            self.strings = _Strings(items.tolist())
            self.string_where = np.arange(n, dtype=np.int64)
        else:
            self._classify(items)

    def _classify(self, items: npt.NDArray[np.object_]) -> None:
        batch = self.batch
        text_idx: list[int] = []
        texts: list[str] = []
        number_idx: list[int] = []
        numbers_found: list[float] = []
        moment_idx: list[int] = []
        moments: list[int] = []
        for i, v in enumerate(items.tolist()):
            if isinstance(v, str):
                text_idx.append(i)
                texts.append(v)
            elif isinstance(v, bool | np.bool_):
                batch.put(
                    i, _Result(None, code="unreadable_date", message=f"{_quote(v)} is not a date")
                )
            elif isinstance(v, numbers.Real | Decimal) and (number := _float(v)) is not None:
                number_idx.append(i)
                numbers_found.append(number)
            elif isinstance(v, dt.time) and v == dt.time(0):  # Excel's 0 as a time: no date
                batch.put(
                    i, _Result(None, code="empty_date", message=_zero_date_message(None, True))
                )
            elif isinstance(v, dt.time):
                message = f"the date cell holds only a time of day ({v}), no date"
                batch.put(i, _Result(None, code="unreadable_date", message=message))
            elif (secs := _object_seconds(v)) is not None:
                moment_idx.append(i)
                moments.append(secs)
            elif v is None or v is pd.NaT or v is pd.NA:
                batch.fail(np.array([i]), "empty_date", "the date cell is empty")
            else:
                kind = v.kind if isinstance(v, _Opaque) else type(v).__name__
                message = f"cannot read {_quote(v)} ({kind}) as a date"
                batch.put(i, _Result(None, code="unreadable_date", message=message))
        if number_idx:
            found = np.array(numbers_found, dtype=np.float64)
            nums = _serials(found)
            where = np.array(number_idx)
            for name in ("start", "end", "prec", "code", "message"):
                getattr(batch, name)[where] = getattr(nums, name)
            batch.fail(where[np.isnan(found)], "empty_date", "the date cell is empty")
        if moment_idx:
            where = np.array(moment_idx)
            found_moments = np.array(moments, dtype=np.int64)
            valid = np.ones(len(where), bool)
            read = _datetimes(found_moments, valid, lambda j: _quote(items[where[j]]))
            for name in ("start", "end", "prec", "code", "message"):
                getattr(batch, name)[where] = getattr(read, name)
        if text_idx:
            self.strings = _Strings(texts)
            self.string_where = np.array(text_idx, dtype=np.int64)

    def counts(self) -> npt.NDArray[np.int64]:
        """How many rows hold each distinct text."""
        if self.strings is None or self.codes is None:
            return np.zeros(0, np.int64)
        per_item = np.bincount(self.codes, minlength=len(self.batch.start))
        return per_item[self.string_where]

    def resolve(self, dayfirst: bool, vectorised: bool) -> None:
        if self.strings is not None:
            self.strings.resolve(dayfirst, self.batch, self.string_where, vectorised)
            _utc_to_uk_time(self.strings.norm, self.batch, self.string_where)

    def rows(self) -> _Rows:
        """Per-row results."""
        batch = self.batch
        has_warnings, is_relative = batch.has_warnings, batch.is_relative
        if self.codes is None:
            item = np.arange(self.n_rows)
            return _Rows(
                batch.start,
                batch.end,
                batch.prec,
                batch.approx,
                has_warnings,
                is_relative,
                item,
                batch,
            )
        codes = self.codes
        return _Rows(
            batch.start[codes],
            batch.end[codes],
            batch.prec[codes],
            batch.approx[codes],
            has_warnings[codes],
            is_relative[codes],
            codes,
            batch,
        )


def _decide(
    columns: list[_Column], dayfirst: bool | None
) -> tuple[bool, list[tuple[str, str, Hashable | None]], list[tuple[_Column, npt.NDArray[Any]]]]:
    """The day-first decision, file-level warnings and the texts that conflict with it."""
    if dayfirst is not None:
        return dayfirst, [], []
    found = []
    for col in columns:
        if col.strings is not None:
            first, second, ambiguous, numeric = col.strings.evidence()
            found.append((col, first, second, ambiguous, numeric, col.counts()))
    proves_day = sum(int(c[ev].sum()) for _, ev, _, _, _, c in found)
    proves_month = sum(int(c[ev].sum()) for _, _, ev, _, _, c in found)
    ambiguous_rows = sum(int(c[ev].sum()) for _, _, _, ev, _, c in found)
    numeric_rows = sum(int(c[ev].sum()) for _, _, _, _, ev, c in found)

    def example(which: int) -> str:
        for col, *evidence, _ in found:
            hits = np.flatnonzero(evidence[which])
            if len(hits) and col.strings is not None:
                return col.strings.texts[hits[0]]
        return ""

    if proves_month and not proves_day:
        message = (
            f"dates such as {_quote(example(1))} show this file writes month first; read all "
            f"{numeric_rows} numeric dates month-first"
        )
        return False, [("month_first", message, None)], []
    if proves_month and proves_day:
        conflicts = [(col, second) for col, _, second, _, _, _ in found if second.any()]
        return True, [], conflicts
    if not proves_day and ambiguous_rows:
        return _decide_by_weekdays(found, numeric_rows, example(2))
    return True, [], []


def _decide_by_weekdays(
    found: list[tuple[_Column, Any, Any, Any, Any, npt.NDArray[np.int64]]],
    numeric_rows: int,
    ambiguous_example: str,
) -> tuple[bool, list[tuple[str, str, Hashable | None]], list[tuple[_Column, npt.NDArray[Any]]]]:
    """The day-first decision of an input none of whose numeric dates shows the order: the
    weekdays written beside them settle it when they agree with one order only."""
    rows = [0, 0]  # rows whose weekday agrees with day first only, with month first only
    examples = ["", ""]
    for col, _, _, ambiguous, _, counts in found:
        if col.strings is None:
            continue
        for k, agrees in enumerate(col.strings.weekday_evidence()):
            hits = agrees & ambiguous
            rows[k] += int(counts[hits].sum())
            if hits.any() and not examples[k]:
                examples[k] = col.strings.texts[int(np.flatnonzero(hits)[0])]
    by_day, by_month = rows
    if by_month and not by_day:
        message = (
            f"no numeric date shows whether the day or the month comes first, but the weekdays "
            f"written beside {by_month} of them (such as {_quote(examples[1])}) agree only with "
            f"month first; read all {numeric_rows} numeric dates month-first"
        )
        return False, [("month_first", message, None)], []
    if by_day and not by_month:
        message = (
            f"no numeric date shows whether the day or the month comes first, but the weekdays "
            f"written beside {by_day} of them (such as {_quote(examples[0])}) agree only with "
            f"day first; read all {numeric_rows} numeric dates day first"
        )
        return True, [("day_first_from_weekdays", message, None)], []
    disagree = (
        f" (the weekdays written beside them disagree: {by_day} agree only with day first, "
        f"such as {_quote(examples[0])}, and {by_month} only with month first, such as "
        f"{_quote(examples[1])})"
        if by_day
        else ""
    )
    message = (
        f"none of the {numeric_rows} numeric dates (such as {_quote(ambiguous_example)}) shows "
        f"whether the day or the month comes first{disagree}; read them day first (pass "
        "dayfirst=False if this file writes month first)"
    )
    return True, [("ambiguous_day_month", message, None)], []


def _mark_conflicts(conflicts: list[tuple[_Column, npt.NDArray[Any]]], day_example: str) -> None:
    """Reject the month-first texts of an input whose other dates are day first."""
    for col, month_first in conflicts:
        strings = col.strings
        if strings is None:
            continue
        for i in np.flatnonzero(month_first).tolist():
            text = strings.texts[i]
            hint = ""
            for a, b, y in _numeric_fields(strings.norm[i].as_py() or ""):
                if 13 <= b <= 31 and 1 <= a <= 12:
                    year = y if y >= 100 else _two_digit_year(y)
                    hint = f", e.g. '{b} {_MONTH_NAMES[a]} {year}'"
                    break
            message = (
                f"{_quote(text)} can only be read month first, but other dates in this input such as "
                f"{_quote(day_example)} are day first; check the record and write the month as a "
                f"word{hint}"
            )
            where = int(col.string_where[i])
            col.batch.put(where, _Result(None, code="month_first_conflict", message=message))


def _first_day_first_example(columns: list[_Column]) -> str:
    for col in columns:
        if col.strings is not None:
            hits = np.flatnonzero(col.strings.evidence()[0])
            if len(hits):
                return col.strings.texts[hits[0]]
    return ""


# --- time cells ------------------------------------------------------------------------------

_T_EMPTY: Final = -1
_T_BAD: Final = -2


class _Times(NamedTuple):
    start: npt.NDArray[np.int64]  # minutes after midnight, or _T_EMPTY / _T_BAD
    end: npt.NDArray[np.int64]  # the end of a range such as 14:00-15:30, else = start
    approx: npt.NDArray[np.bool_]
    item: npt.NDArray[np.int64]  # the row's distinct cell (into ``texts``)
    texts: npt.NDArray[np.object_]  # repr of each distinct cell where _T_BAD or approximate
    part: npt.NDArray[np.bool_] | None = None  # per row: a part of the day ('am', 'evening')
    # per row: the time opens the cell and words follow it ('14:00 - call from school')
    trailing: npt.NDArray[np.bool_] | None = None
    words: npt.NDArray[np.object_] | None = None  # per distinct cell: those words, or None
    # per row: the day (from 1970) a date and time in the time cell names ('12/03/2007
    # 14:30'), or _NO_DAY (none written, or Excel's day 0: '30/12/1899 14:30')
    on_day: npt.NDArray[np.int64] | None = None
    # per row: a fraction of a day written as a number ('0.5', '0.604166667': a time cell
    # exported as Excel stores a time), read as its time with a warning
    fraction: npt.NDArray[np.bool_] | None = None
    # per row: two times listed ('14:30 & 16:00', '14:30, 16:00'): placed across them
    several: npt.NDArray[np.bool_] | None = None
    # per row: a time from 1:00 to 7:59 written on the twelve-hour clock without am or pm
    # ('2.30'), in a column that writes no time after 13:00 on the 24-hour clock
    twelve: npt.NDArray[np.bool_] | None = None
    # a time after 13:00 written on the 24-hour clock ('14:30', '1430hrs', an Excel time)
    clock24: bool = False
    # per row: the minutes east of UTC its zone says ('14:30 UTC' 0, '14:30 GMT+1' 60), or
    # _NO_ZONE (none written, or England's clock: 'GMT', 'BST')
    zone: npt.NDArray[np.int64] | None = None

    def text(self, row: int) -> object:
        """repr of the row's cell (where it is _T_BAD or approximate)."""
        return self.texts[self.item[row]]


_NO_DAY: Final = np.iinfo(np.int64).min
_NO_ZONE: Final = np.iinfo(np.int64).min
#: A time cell in UTC ('14:30 UTC', '14:30Z', '14:30 (UTC)'), or with an offset from it
#: (see _RE2_ZONE_OFFSET): moved to the clock time in England on the row's day
_RE2_TIME_UTC: Final = r"\d\s*(?:z|utc|[(\[]\s*utc\s*[)\]])$"
_RE2_TIME_ZONE_HINT: Final = r"gmt|utc|\+|\dz$"
#: Two times listed in a time cell, as two contacts of one row are: '14:30 & 16:00',
#: '14:30, 16:00', '1430/1600', '10am and 2pm'
_PY_TWO_TIMES: Final = _rx(
    r"(?P<a>\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|hrs?)?|\d{4})\s*(?:&|\+|,|/|;|\band\b)\s*"
    r"(?P<b>\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|hrs?)?|\d{4})"
)
#: A time written as Excel stores it, a fraction of a day ('0.5', '.75', '0.604166667'),
#: maybe after a date serial ('39153.604166667'); '0.30' (two figures) is 00:30, as typed
_PY_DAY_FRACTION: Final = _rx(r"(?:0|[1-9]\d{4})?\.(?P<frac>\d+)")
#: A date and a time in a time cell, as a database exports a time field with its date
#: ('12/03/2007 14:30', '2007-03-12T14:30:00') or on the day it counts times from (Access
#: and .NET: '30/12/1899 14:30:00', '1899-12-30 14:30:00'; Excel: '00/01/1900 14:30')
_PY_TIME_STAMP: Final = _rx(
    r"(?P<date>\d{1,4}([./-])\d{1,2}\2\d{1,4})(?:\s+|t)"
    r"(?P<t>\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?)z?"
)
#: Day 0 of a time field, as (a, b, c) of a date 'a/b/c': 30 December 1899 (Access, .NET,
#: LibreOffice), 31 December 1899 and '00/01/1900' (Excel), either order
_TIME_ZERO_DAYS: Final = frozenset(
    {(30, 12, 1899), (1899, 12, 30), (12, 30, 1899), (31, 12, 1899), (1899, 12, 31)}
    | {(12, 31, 1899), (0, 1, 1900), (1900, 1, 0), (1, 0, 1900)}
)


def _stamp_day(date: str, dayfirst: bool) -> int | None:
    """The day (from 1970) of the date a time cell gives with its time, _NO_DAY for a time
    field's day 0 (a time with no date), None when it is no single day."""
    fields = tuple(int(f) for f in re.split(r"[./-]", date))
    if fields in _TIME_ZERO_DAYS:
        return _NO_DAY
    found = _read_text(date, date, dayfirst)
    if found.span is None or found.span.prec != _P_DAY:
        return None
    return found.span.start // _DAY_S


def _time_cells(times: pd.Series, dayfirst: bool = True, *, column: bool = True) -> _Times:
    """Per row: the time of day in minutes, or _T_EMPTY / _T_BAD. In a ``column`` (not
    one cell read alone) an export's midnight ('00:00:00') and Excel's '0' are no time."""
    n_rows = len(times)
    if pd.api.types.is_datetime64_any_dtype(times.dtype):
        try:
            secs, valid = _wall_clock_seconds(times)
        except (TypeError, ValueError, NotImplementedError, OverflowError):
            times = times.astype(object)
        else:
            minutes = np.where(valid, (secs % _DAY_S) // 60, _T_EMPTY)
            return _Times(
                minutes,
                minutes.copy(),
                np.zeros(n_rows, bool),
                np.zeros(n_rows, np.int64),
                np.full(1, None, object),
                clock24=bool((minutes >= _AFTERNOON_24).any()),
            )
    try:
        plain = times.astype(object) if isinstance(times.dtype, pd.CategoricalDtype) else times
        codes, uniques = pd.factorize(plain, use_na_sentinel=True)
    except TypeError:
        cells = pd.Series([_hashable(v) for v in times.tolist()], dtype=object)
        codes, uniques = pd.factorize(cells, use_na_sentinel=True)
    items = np.asarray(uniques, dtype=object).tolist()
    n = len(items)
    start = np.full(n + 1, _T_EMPTY, np.int64)
    end = np.full(n + 1, _T_EMPTY, np.int64)
    approx = np.zeros(n + 1, bool)
    part = np.zeros(n + 1, bool)
    trailing = np.zeros(n + 1, bool)
    words: npt.NDArray[np.object_] = np.full(n + 1, None, object)
    text: npt.NDArray[np.object_] = np.full(n + 1, None, object)
    on_day = np.full(n + 1, _NO_DAY, np.int64)
    fraction = np.zeros(n + 1, bool)
    several = np.zeros(n + 1, bool)
    twelve = np.zeros(n + 1, bool)
    clock24 = False
    zone: npt.NDArray[np.int64] | None = None
    str_idx = [i for i, v in enumerate(items) if isinstance(v, str)]
    if str_idx:
        norm = _normalise([items[i] for i in str_idx])
        ok, minutes = _vector_times(norm)
        # '2.30' (not '02:30', '2.30pm'): may be 14:30; '14:30' elsewhere says the 24-hour
        # clock is used (see _twelve_hour_times)
        twelve[str_idx] = pc.match_substring_regex(norm, _RE2_BARE_TWELVE).to_numpy(
            zero_copy_only=False
        )
        clock24 = bool(pc.any(pc.match_substring_regex(norm, _RE2_CLOCK24_CELL)).as_py())
        zoned = pc.match_substring_regex(norm, _RE2_TIME_ZONE_HINT).to_numpy(zero_copy_only=False)
        if zoned.any():  # '14:30 UTC', '14:30 GMT+1', '14:30 +0100'
            zone = _zone_minutes(norm, zoned, str_idx, n + 1) if zone is None else zone
        # an export's midnight ('00:00:00', '12:00:00 AM'): no time, as after a date
        machine = pc.match_substring_regex(norm, _MACHINE_MIDNIGHT).to_numpy(zero_copy_only=False)
        norms: list[str] | None = None
        for j, i in enumerate(str_idx):
            if machine[j] and column:
                continue
            if ok[j]:
                start[i] = end[i] = minutes[j]
                continue
            if norms is None:
                norms = norm.to_pylist()
            s, is_approx = _strip_approx(norms[j])
            if "gmt" in s or "utc" in s or "bst" in s or "+" in s or "time" in s or "london" in s:
                # '14:30 gmt+1', '14:30 (utc)': the time, moved to the clock in England
                # by _apply_times; '14:30 gmt daylight time': the clock's
                s = _PY_ZONE_BRACKETED.sub("", _PY_ZONE_OFFSET.sub("", s))
            text[i] = repr(items[i])
            bare = s.replace(".", "").strip()  # 'T.B.C', 'Unk.', 't.b.a.'
            if (
                not bare
                or s in _PLACEHOLDERS
                or s in _TIME_PLACEHOLDERS
                or bare in _PLACEHOLDERS
                or bare in _TIME_PLACEHOLDERS
                or not bare.strip("-_:?x ")  # '-:-', '__:__'
            ):
                continue  # no time given ("N/K", "time unknown"): the day, without a warning
            both = _time_of(s)
            if " and " in s and not s.startswith("between"):
                both = None  # '10am and 2pm': two times, not a range ('between 2 and 3pm')
            if both is None and (two := _PY_TWO_TIMES.fullmatch(s)):
                first, last = _single_time(two["a"]), _single_time(two["b"])
                if first is not None and last is not None and first < last:
                    both, several[i] = (first, last), True
            if both is None and (spaced := _PY_SPACED_TIME.fullmatch(s)):
                both = _time_of(f"{spaced['h']}:{spaced['m']}")  # '14 30'
            if both is None and (word := _day_part_word(s)) is not None:
                # 'AM', 'Morning': those hours; 'Night', 'overnight': into the next day
                both, part[i] = _DAY_PARTS.get(word, _NIGHT_MINUTES), True
            if both is None and (lead := _PY_LEADING_TIME.fullmatch(s)):
                # a time opening the cell, words after it ('14:00 - call from school',
                # '23:10 PC1 attended'): the time, the words named in a warning
                both = _time_of(lead["t"])
                trailing[i] = both is not None
                if both is not None:
                    words[i] = _as_written(items[i], lead["rest"])
            if both is None and (stamp := _PY_TIME_STAMP.fullmatch(s)):
                # a date and its time ('12/03/2007 14:30', '30/12/1899 14:30:00'): the time,
                # on the row's day; an export's midnight ('12/03/2007 00:00:00') is no time
                day_written = _stamp_day(stamp["date"], dayfirst)
                if day_written is not None:
                    if column and _PY_MACHINE_MIDNIGHT.match(stamp["t"]):
                        continue
                    both = _time_of(stamp["t"])
                    on_day[i] = day_written if both is not None else _NO_DAY
            if s == "0" and column:
                continue  # Excel's empty time (00:00) as a number: no time
            if both is None and (number := _PY_DAY_FRACTION.fullmatch(s)):
                of_day = min(round(float("0." + number["frac"]) * 1440), 1439)
                both, fraction[i] = (of_day, of_day), True
            if both is None:
                start[i] = end[i] = _T_BAD
            else:
                start[i], end[i] = both
                approx[i] = is_approx
        if fraction.any():
            # a column of times kept as fractions of a day: its '0.25' is 06:00 too, not 00:25
            norms = norm.to_pylist() if norms is None else norms
            for j, i in enumerate(str_idx):
                if not fraction[i] and (number := _PY_DAY_FRACTION.fullmatch(norms[j])):
                    start[i] = end[i] = min(round(float("0." + number["frac"]) * 1440), 1439)
                    fraction[i], text[i] = True, repr(items[i])
    for i, v in enumerate(items):
        if isinstance(v, str):
            continue
        minute = _time_value(v)
        if minute is None:
            start[i] = end[i] = _T_BAD
            text[i] = repr(v)
        else:
            start[i] = end[i] = minute
            clock24 |= minute >= _AFTERNOON_24  # an Excel time of the afternoon
    twelve &= start >= 0
    for i in np.flatnonzero(twelve).tolist():
        text[i] = repr(items[i])
    take = np.where(np.asarray(codes) < 0, n, codes)

    def per_row(flags: npt.NDArray[Any], kept: bool) -> npt.NDArray[Any] | None:
        # (a flag no distinct cell has is None: no per-row array of a million falses)
        return flags[take] if kept else None

    return _Times(
        start[take],
        end[take],
        approx[take],
        take,
        text,
        per_row(part, bool(part.any())),
        per_row(trailing, bool(trailing.any())),
        words,
        per_row(on_day, bool((on_day != _NO_DAY).any())),
        per_row(fraction, bool(fraction.any())),
        per_row(several, bool(several.any())),
        per_row(twelve, bool(twelve.any())),
        clock24,
        None if zone is None else zone[take],
    )


def _zone_minutes(
    norm: pa.Array, hinted: npt.NDArray[np.bool_], str_idx: list[int], size: int
) -> npt.NDArray[np.int64] | None:
    """Per distinct time cell (``size`` of them), the minutes east of UTC the zone written
    after its time says, or _NO_ZONE; None when no cell writes one."""
    zone = np.full(size, _NO_ZONE, np.int64)
    near = np.flatnonzero(hinted)
    some = norm.take(pa.array(near))
    utc = pc.match_substring_regex(some, _RE2_TIME_UTC).to_numpy(zero_copy_only=False)
    offsets = pc.extract_regex(some, _RE2_ZONE_OFFSET)
    valid = offsets.is_valid().to_numpy(zero_copy_only=False)
    minus = pc.fill_null(pc.equal(pc.struct_field(offsets, "sign"), "-"), False)
    sign = np.where(minus.to_numpy(zero_copy_only=False), -1, 1)
    hours = np.maximum(_field_int(offsets, "oh"), 0)
    minutes = np.maximum(_field_int(offsets, "om"), 0)
    east = np.where(valid, sign * (hours * 60 + minutes), np.where(utc, 0, _NO_ZONE))
    where = np.asarray(str_idx, dtype=np.int64)[near]
    zone[where] = east
    return zone if (zone != _NO_ZONE).any() else None


#: Minutes after midnight of 13:00: a time from then on written without pm is on the
#: 24-hour clock
_AFTERNOON_24: Final = 13 * 60
#: A time cell (normalised) from 1:00 to 7:59 on the twelve-hour clock, no am or pm:
#: '2.30', '4:15', '02.30' (as a workbook's time typed as the number 2.3 is read) (not
#: '02:30', '2.30pm', '0230', '2')
_RE2_BARE_TWELVE: Final = r"^(?:[1-7][:.]|0[1-7]\.)[0-5]\d$"
#: A time cell on the 24-hour clock after 13:00: '14:30', '14.30', '1430', '1430hrs'
_RE2_CLOCK24_CELL: Final = r"^(?:1[3-9]|2[0-3])[:.]?[0-5]\d(?:[:.][0-5]\d)?(?:\s*hrs?)?$"
#: The same after a date in a date cell: '12/03/2007 2.30', '12/03/2007 at 4.15'
_RE2_BARE_TWELVE_AFTER: Final = r"\s[1-7][:.][0-5]\d$"
_RE2_CLOCK24_AFTER: Final = r"\s(?:1[3-9]|2[0-3])(?:[:.][0-5]\d|[0-5]\d\s*hrs?)\b"


_PY_SPACED_TIME: Final = _rx(r"(?P<h>\d{1,2}) (?P<m>\d{2})(?:\s*hrs?)?")
#: A time opening a time cell with words after it: '14:00 - call from school', '2.30pm
#: phone call', '1430hrs: visit'; a clock's colon or dot, or a unit, so no bare number
_LEADING_TIME: Final = (
    r"(?:\d{1,2}[:.]\d{2}(?:\s*(?:hrs?|am|pm))?|\d{3,4}\s*hrs?|\d{1,2}\s*(?:am|pm))"
)
_PY_LEADING_TIME: Final = _rx(
    # one time, or two ('14:00-15:00 strategy meeting', '22:00 - 02:00 (overnight)')
    rf"(?P<t>(?:{_LEADING_TIME}(?:\s*(?:-|to|until)\s*(?:{_LEADING_TIME}|\d{{3,4}}))?"
    rf"|\d{{4}}\s*(?:-|to|until)\s*{_LEADING_TIME}))"
    r"(?:\s*[,;:\u2013\u2014-]\s*|\s+)(?P<rest>[a-z(].*)"
)


def _day_part_word(s: str) -> str | None:
    """The key into _DAY_PARTS of a time cell naming a part of the day ('AM', 'a.m.',
    'Morning', 'lunch time'), or None."""
    m = _PY_DAY_PART_ALONE.fullmatch(s)
    if m is None:
        return None
    word = _day_part_key(m["part"])
    return word if word in _DAY_PARTS or word == "night" else None


def _day_part_key(written: str) -> str:
    """'a.m.' -> 'am', 'early hours of the morning' -> 'early hours', 'lunch time' ->
    'lunchtime'."""
    key = " ".join(written.replace(".", "").split()[:2]).replace("lunch time", "lunchtime")
    return "night" if key in {"overnight", "over-night", "over night"} else key


def _time_value(v: object) -> int | None:
    """Minutes after midnight of a time cell that is not text."""
    if isinstance(v, dt.datetime | dt.time):
        return v.hour * 60 + v.minute
    if isinstance(v, pd.Timedelta | dt.timedelta):
        seconds = pd.Timedelta(v).total_seconds()
        return int(seconds // 60) if 0 <= seconds < _DAY_S else None
    if isinstance(v, numbers.Real | Decimal) and not isinstance(v, bool | np.bool_):
        x = _float(v)
        if x is None or not np.isfinite(x) or x < 0:
            return None
        if x != int(x):  # an Excel day fraction, or a serial with a time
            return min(round((x - int(x)) * 1440), 1439)
        return 0 if x == 0 else _single_time(str(int(x)))
    return None


# --- the whole job ---------------------------------------------------------------------------


class _State(NamedTuple):
    """The per-row arrays being assembled (mutated in place)."""

    ok: npt.NDArray[np.bool_]
    start: npt.NDArray[np.int64]
    end: npt.NDArray[np.int64]
    prec: npt.NDArray[np.int8]
    approx: npt.NDArray[np.bool_]
    relative: npt.NDArray[np.bool_]
    rows: _Rows  # the date column as read, for codes and messages
    messages: dict[int, str]  # row position -> a message that replaces the cell's
    extra: list[tuple[int, str, str]]  # (row position, warning code, message)
    # per row: the words after the time in the time cell ('14:00 - call from school')
    time_words: npt.NDArray[np.object_] | None = None


def _parse_dates(
    values: pd.Series,
    *,
    times: pd.Series | None,
    end_values: pd.Series | None,
    dayfirst: bool | None,
    anchor_relative: bool,
    vectorised: bool,
    birth: object = None,
) -> ParsedDates:
    state, decided, file_warnings = _read_columns(
        values,
        times=times,
        end_values=end_values,
        dayfirst=dayfirst,
        anchor_relative=anchor_relative,
        vectorised=vectorised,
        birth=birth,
    )
    frame = _frame(values.index, state)
    warnings = file_warnings + _row_warnings(values.index, state.rows, state.extra)
    return ParsedDates(frame=frame, dayfirst=decided, warnings=warnings)


class PreviousDate(NamedTuple):
    """The dated row just before a table's first row, when the table carries on one before
    it (a page of a Word or PDF table): a date with no year or a relative date at the top
    of the table counts from it, as from a row above.

    ``start`` and ``end`` as in the events; ``precision`` one of
    :data:`scr_timeline.schema.PRECISIONS`; ``where`` names the row for a person
    ("page 1 table 1 row 14") and ``text`` is its date cell as written.
    """

    start: pd.Timestamp
    end: pd.Timestamp
    precision: str
    where: str
    text: str

    def span(self) -> _Span:
        return _Span(
            int(pd.Timestamp(self.start).value // 10**9),
            int(pd.Timestamp(self.end).value // 10**9),
            schema.PRECISIONS.index(self.precision),
        )


class DateArrays(NamedTuple):
    """What :func:`parse_date_arrays` read: :class:`ParsedDates` as arrays, no frame.

    ``start`` and ``end`` are ``datetime64[ns]`` (NaT where a row failed); ``precision``
    the position of each row's precision in :data:`scr_timeline.schema.PRECISIONS` (-1
    where it failed); ``error_code`` and ``error`` hold one entry per failed row, in row
    order. Row warnings are in ``warning_rows`` (positions), ``warning_codes`` and
    ``warning_messages``, in the order of :attr:`ParsedDates.warnings`, after the
    file-level ``file_warnings`` (code, message). ``words``: per row, the words written
    after the date in its cell, or after the time in the time cell ('12/03/2007 - phone
    call', '14:00 - call from school'), as written; None where there are none (the
    readers open the entry's details with them), or None for all when no row has any.
    """

    start: npt.NDArray[np.datetime64]
    end: npt.NDArray[np.datetime64]
    precision: npt.NDArray[np.int8]
    error_code: npt.NDArray[np.object_]
    error: npt.NDArray[np.object_]
    dayfirst: bool
    file_warnings: list[tuple[str, str]]
    warning_rows: npt.NDArray[np.int64]
    warning_codes: npt.NDArray[np.object_]
    warning_messages: npt.NDArray[np.object_]
    words: npt.NDArray[np.object_] | None = None


def parse_date_arrays(
    values: pd.Series,
    *,
    times: pd.Series | None = None,
    end_values: pd.Series | None = None,
    dayfirst: bool | None = None,
    anchor_relative: bool = False,
    previous: PreviousDate | None = None,
    headings: Sequence[tuple[int, PreviousDate]] = (),
    birth: object = None,
) -> DateArrays:
    """:func:`parse_dates` for readers: the same reading, as arrays (no per-row text);
    ``previous``: the dated row before the first (see :class:`PreviousDate`); ``headings``:
    the date headings among the rows that are no events ('2007' alone in a row of a Word
    table, a section row), each as (the position of the row it stands above, its date):
    a date without its year below a heading takes the heading's year; ``birth``: the
    child's date of birth, to date an age in the date column (see :func:`parse_dates`).

    Examples
    --------
    >>> found = parse_date_arrays(pd.Series(["12/03/2007", "31/06/2007"]))
    >>> found.precision.tolist(), found.error_code.tolist()
    ([1, -1], ['impossible_date'])
    """
    _check_inputs(values, times, end_values)
    state, decided, file_warnings = _read_columns(
        values,
        times=times,
        end_values=end_values,
        dayfirst=dayfirst,
        anchor_relative=anchor_relative,
        vectorised=True,
        previous=previous,
        headings=headings,
        birth=birth,
    )
    ok = state.ok
    start, end = _moments(state)
    failed = np.flatnonzero(~ok)
    item = state.rows.item[failed]
    codes = state.rows.batch.code[item]
    messages = state.rows.batch.message[item]
    if state.messages:
        at = {i: k for k, i in enumerate(failed.tolist())}
        for i, message in state.messages.items():
            if i in at:
                messages[at[i]] = message
    rows, warn_codes, warn_messages = _row_warning_arrays(state.rows, state.extra)
    return DateArrays(
        start=start,
        end=end,
        precision=np.where(ok, state.prec, -1).astype(np.int8),
        error_code=codes.astype(str).astype(object),
        error=messages.astype(str).astype(object),
        dayfirst=decided,
        file_warnings=[(code, message) for code, message, _ in file_warnings],
        warning_rows=rows,
        warning_codes=warn_codes,
        warning_messages=warn_messages,
        words=_cell_words(state),
    )


def _cell_words(state: _State) -> npt.NDArray[np.object_] | None:
    """Per row: the words after the date in its cell and after the time in the time cell
    (joined by ' - '), None where neither has any; None when no row has any."""
    rest = state.rows.batch.rest
    has_date_words = any(w is not None for w in rest.tolist())
    if not has_date_words and state.time_words is None:
        return None
    words = rest[state.rows.item] if has_date_words else np.full(len(state.ok), None, object)
    if state.time_words is not None:
        both = np.flatnonzero((words != None) & (state.time_words != None))  # noqa: E711
        words = np.where(words == None, state.time_words, words)  # noqa: E711
        for i in both.tolist():
            words[i] = f"{rest[state.rows.item[i]]} - {state.time_words[i]}"
    return words


def _read_columns(
    values: pd.Series,
    *,
    times: pd.Series | None,
    end_values: pd.Series | None,
    dayfirst: bool | None,
    anchor_relative: bool,
    vectorised: bool,
    previous: PreviousDate | None = None,
    headings: Sequence[tuple[int, PreviousDate]] = (),
    birth: object = None,
) -> tuple[_State, bool, list[tuple[str, str, Hashable | None]]]:
    """Read the date, time and end-date columns into per-row arrays."""
    born = _birth_day(birth)
    main = _Column(values)
    columns = [main]
    ends = _Column(end_values) if end_values is not None else None
    if ends is not None:
        columns.append(ends)
    decided, file_warnings, conflicts = _decide(columns, dayfirst)
    for col in columns:
        col.resolve(decided, vectorised)
    _reject_placeholders(main.batch)
    if conflicts:
        _mark_conflicts(conflicts, _first_day_first_example(columns))
    rows = main.rows()
    n = main.n_rows

    def own(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
        # the state's arrays are changed below: a copy, unless ``rows`` gathered them from
        # the distinct cells (new arrays, whose values ``rows`` is not read for again)
        return array.copy() if main.codes is None else array

    state = _State(
        ok=rows.prec >= 0,
        start=own(rows.start),
        end=own(rows.end),
        prec=own(rows.prec),
        approx=own(rows.approx),
        relative=np.zeros(n, bool),
        rows=rows,
        messages={},
        extra=[],
    )
    if born is not None and not state.ok.all():
        _date_ages(state, values, born)
    _midnight_dates_as_days(state)
    time_cells = _time_cells(times, decided) if times is not None else None
    end_rows = ends.rows() if ends is not None else None
    if time_cells is not None:
        _midnights_as_no_time(time_cells, state)
        _apply_times(time_cells, state, None, values, warn_unreadable=True)
        trailing, words = time_cells.trailing, time_cells.words
        if trailing is not None and words is not None and trailing.any():
            state = state._replace(time_words=words[time_cells.item])
    _twelve_hour_times(state, main, time_cells, values)
    if end_rows is not None:
        _apply_ends(end_rows, state, np.arange(n), warn_unreadable=True)
    _infer_years(state, values, decided, time_cells, end_rows, previous, headings)
    if anchor_relative and rows.is_relative.any():
        _anchor(rows, state, values, time_cells, end_rows, previous)
    if anchor_relative and not state.ok.all():
        _blank_as_above(state, values, time_cells, previous)
    if end_rows is not None and end_values is not None:
        _infer_end_years(end_rows, state, end_values, decided)
    return state, decided, file_warnings


def _twelve_hour_times(
    state: _State, main: _Column, cells: _Times | None, values: pd.Series
) -> None:
    """Warn (``twelve_hour_time``) where a time from 1:00 to 7:59 written on the twelve-hour
    clock without am or pm ('2.30', in a time cell or after the date) was read as a time of
    the night (02:30) in a table that writes no afternoon time on the 24-hour clock: the
    practitioner may have meant the afternoon (14:30). The reading is kept; only the
    distinct texts are looked at."""
    clock24 = cells is not None and cells.clock24
    date_bare: npt.NDArray[np.bool_] | None = None
    strings = main.strings
    if strings is not None and main.codes is not None:
        norm = strings.norm
        timed = pc.match_substring_regex(norm, _RE2_BARE_TWELVE_AFTER)
        if pc.any(timed).as_py():
            clock24 |= bool(pc.any(pc.match_substring_regex(norm, _RE2_CLOCK24_AFTER)).as_py())
            per_item = np.zeros(len(main.batch.start), bool)
            per_item[main.string_where] = timed.to_numpy(zero_copy_only=False)
            date_bare = per_item[main.codes]
    in_time = cells is not None and cells.twelve is not None and bool(cells.twelve.any())
    if clock24 or (date_bare is None and not in_time):
        return
    minute = (state.start % _DAY_S) // 60
    night = state.ok & (state.prec == _P_MINUTE) & (minute >= 60) & (minute < 480)
    if not night.any():
        return
    from_time = np.zeros(len(night), bool)
    if cells is not None and cells.twelve is not None:
        from_time = night & cells.twelve & (cells.start == minute)
    from_date = np.zeros(len(night), bool) if date_bare is None else night & date_bare
    for i in np.flatnonzero(from_time | from_date).tolist():
        m = int(minute[i])
        written = cells.text(i) if from_time[i] and cells is not None else _quote(values.iloc[i])
        message = (
            f"the time in {written} has no am or pm: read as {_fmt_minutes(m)}; if "
            f"{_fmt_minutes(m + 720)} was meant, write {_fmt_minutes(m + 720)} or add pm"
        )
        state.extra.append((i, "twelve_hour_time", message))


#: 1 January 1900 (in seconds from 1970): what systems store for a date never entered.
_PLACEHOLDER_DAY: Final = (dt.date(1900, 1, 1).toordinal() - _EPOCH_ORDINAL) * _DAY_S


def _reject_placeholders(batch: _Batch) -> None:
    """Reject the cells that read as 1 January 1900 (the day, or its midnight): the date a
    case-management system or a spreadsheet shows where no date was entered (a database's
    empty date, Excel's serial 1), no event of a child's chronology."""
    found = np.flatnonzero(
        (batch.prec >= 0)
        & (batch.start == _PLACEHOLDER_DAY)
        & (batch.end < _PLACEHOLDER_DAY + _DAY_S)
    )
    if len(found):
        batch.fail(
            found,
            "placeholder_date",
            "01/01/1900 is the date systems fill in where no date was entered, not the date "
            "of an event; give the real date, or leave the cell empty",
        )


def _birth_day(birth: object) -> int | None:
    """The first second of the day of birth, or None; a birth that is no one day raises."""
    if birth is None or birth is pd.NaT or (isinstance(birth, float) and np.isnan(birth)):
        return None
    if isinstance(birth, str):
        start, _, precision = parse_date(birth)
        if precision != "day":
            raise DateParseError(
                f"the date of birth {birth!r} is not one day",
                found=birth,
                expected="one day, such as 01/02/2007",
            )
    else:
        try:
            start = pd.Timestamp(birth)  # type: ignore[arg-type]
        except (TypeError, ValueError) as err:
            raise DateParseError(
                f"cannot read the date of birth {birth!r}",
                found=birth,
                expected="a date, such as 01/02/2007",
            ) from err
    return int(start.normalize().value // 10**9)


def _after_birth(born: int, offset: tuple[int, int]) -> int:
    """The first second of the day ``offset`` (calendar months, days) after the birth (a
    month on from 31 January is the last day of February)."""
    day = dt.date(1970, 1, 1) + dt.timedelta(days=born // _DAY_S)
    y, m = divmod(day.month - 1 + offset[0], 12)
    moved = day.replace(
        year=day.year + y, month=m + 1, day=min(day.day, _month_length(day.year + y, m + 1))
    )
    return (moved.toordinal() - _EPOCH_ORDINAL + offset[1]) * _DAY_S


_AGE_PRECISION: Final = {"day": _P_DAY, "week": _P_WEEK, "month": _P_MONTH, "year": _P_YEAR}


def _date_ages(state: _State, values: pd.Series, born: int) -> None:
    """Date the rows whose date cell is the child's age ('Aged 6 weeks', '6/52') from the
    date of birth ``born``, with an ``age_dated`` warning (and ``approximate_date`` when the
    age is marked so). Only rows the reader rejected as no date are looked at."""
    failed = np.flatnonzero(~state.ok)
    items = state.rows.item[failed]
    maybe = state.rows.batch.code[items] == "unreadable_date"
    failed, items = failed[maybe], items[maybe]
    distinct, first_row = np.unique(items, return_index=True)
    for item, row in zip(distinct.tolist(), failed[first_row].tolist(), strict=True):
        text = values.iloc[row]
        age = age_in_date_cell(text) if isinstance(text, str) else None
        if age is None:
            continue
        start = _after_birth(born, age.first)
        span = _Span(start, _after_birth(born, age.after) - 1, _AGE_PRECISION[age.unit])
        where = failed[items == item]
        state.ok[where] = True
        state.start[where], state.end[where], state.prec[where] = span
        state.approx[where] = age.approximate
        message = _age_dated_message(text, age, born, span)
        for i in where.tolist():
            if age.approximate:
                state.extra.append((i, "approximate_date", _approx_message(text, span)))
            state.extra.append((i, "age_dated", message))


def _age_dated_message(text: str, age: AgeSpan, born: int, span: _Span) -> str:
    when = "at the birth" if age.written == "birth" else f"{age.written} after the birth"
    return f"{_quote(text)} is the child's age: dated {when} ({_fmt(born)}), {_describe(span)}"


def _midnight_dates_as_days(state: _State) -> None:
    """A date column giving 00:00 in two rows or more ('12/03/2007 00:00', as a spreadsheet
    saves a date formatted with its time): a date with no time, not midnight; those rows are
    the day, and the first of them gets a ``time_ignored`` warning counting them. One
    '12/03/2007 00:00' is the minute written."""
    midnight = (
        state.ok
        & (state.prec == _P_MINUTE)
        & (state.start % _DAY_S == 0)
        & (state.end - state.start == 59)
    )
    rows = np.flatnonzero(midnight)
    if len(rows) < 2:
        return
    state.end[rows] = state.start[rows] + _DAY_S - 1
    state.prec[rows] = _P_DAY
    message = (
        f"ignored the time 00:00 of {len(rows)} date cells: a date column giving 00:00 in more "
        "than one row is how a spreadsheet saves a date with no time: read as the day (timed "
        "by the time column where it gives a time)"
    )
    state.extra.append((int(rows[0]), "time_ignored", message))


def _midnights_as_no_time(cells: _Times, state: _State) -> None:
    """A time column giving 00:00 in two rows or more: a system's time left empty, not
    midnight (an event at midnight to the minute is rare, twice rarer still); those rows keep
    their day, and the first of them gets a ``time_ignored`` warning counting them. One
    00:00, or the word 'midnight', is the time written."""
    midnight = (cells.start == 0) & (cells.end == 0)
    if cells.part is not None:
        midnight &= ~cells.part
    if np.count_nonzero(midnight) < 2:
        return
    said = np.array(["midnight" in str(t).lower() for t in cells.texts], dtype=bool)
    midnight &= ~said[cells.item]
    rows = np.flatnonzero(midnight)
    if len(rows) < 2:
        return
    cells.start[rows] = _T_EMPTY
    cells.end[rows] = _T_EMPTY
    message = (
        f"ignored the time 00:00 in {len(rows)} rows: a time column giving 00:00 in more "
        "than one row is how systems export a time not recorded; each row keeps its day"
    )
    state.extra.append((int(rows[0]), "time_ignored", message))


def _apply_times(
    cells: _Times,
    state: _State,
    rows: npt.NDArray[np.int64] | None,
    values: pd.Series,
    *,
    warn_unreadable: bool,
) -> None:
    """Add the time column to the rows whose date is one day (every row for None).

    Only the rows with a time are looked at (a time is 40% of a big file's rows, the
    rest are left as they are); each array below holds those rows, ``timed`` names them.
    """

    def where(mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.int64]:
        return np.flatnonzero(mask) if rows is None else rows[mask]

    timed = where((cells.start if rows is None else cells.start[rows]) >= 0)
    time_start, time_end = cells.start[timed], cells.end[timed]
    prec = state.prec[timed]  # as it was before this step (a copy)
    # a day, or a part of one ('12/03/2007 pm') the time falls in: the minute of that day
    starts, ends = state.start[timed], state.end[timed]
    # a date cell at midnight ('12/03/2007 00:00', a spreadsheet's date with its empty time)
    # beside a time: the day, which the time cell times
    midnight = (prec == _P_MINUTE) & (starts % _DAY_S == 0) & (ends - starts == 59)
    ends = np.where(midnight, starts + _DAY_S - 1, ends)
    one_day = ((prec == _P_DAY) | midnight) & (ends // _DAY_S == starts // _DAY_S)
    moment = starts - starts % _DAY_S + time_start * 60
    in_part = (moment >= starts) & (moment <= ends)
    # a time written on the twelve-hour clock ('2.30', '7.30') in a part of the day after
    # noon ('12/03/2007 pm', 'evening'): that part's (14:30, 19:30), not the morning's
    twelve = (time_start >= 60) & (time_end < 720)
    later = ~in_part & twelve & (moment + 720 * 60 >= starts) & (moment + 720 * 60 <= ends)
    shift = np.zeros(len(cells.start), np.int64)
    shift[timed[later]] = 720
    in_part |= later
    day = state.ok[timed] & one_day & in_part
    # a time cell giving a date with its time ('13/03/2007 09:00') that is not the row's day
    other_day = np.zeros(len(day), bool)
    if cells.on_day is not None:
        written_day = cells.on_day[timed]
        other_day = day & (written_day != _NO_DAY) & (written_day != starts // _DAY_S)
        day &= ~other_day
        for i in timed[other_day].tolist():
            message = (
                f"ignored the time cell {cells.text(i)}: its date is not the row's date "
                f"{_fmt(int(state.start[i]))}"
            )
            state.extra.append((i, "time_ignored", message))
    apply = timed[day]
    day_start = state.start[apply] - state.start[apply] % _DAY_S
    state.start[apply] = day_start + (cells.start[apply] + shift[apply]) * 60
    state.end[apply] = day_start + (cells.end[apply] + shift[apply]) * 60 + 59
    if cells.zone is not None:  # '14:30 UTC', '14:30 GMT+0': to the clock in England
        zoned = apply[cells.zone[apply] != _NO_ZONE]
        if len(zoned):
            instant = state.start[zoned] - cells.zone[zoned] * 60
            moved = _in_england(instant) - state.start[zoned]
            state.start[zoned] += moved
            state.end[zoned] += moved
    # a part of the day ('AM') keeps precision day, as in the date cell
    state.prec[apply] = (
        _P_MINUTE if cells.part is None else np.where(cells.part[apply], _P_DAY, _P_MINUTE)
    )
    state.approx[apply] |= cells.approx[apply]
    for i in apply[cells.approx[apply]].tolist():
        message = f"the time {cells.text(i)} is marked approximate"
        state.extra.append((i, "approximate_date", message))
    if cells.fraction is not None:
        for i in apply[cells.fraction[apply]].tolist():
            message = (
                f"the time cell {cells.text(i)} looks like an Excel time serial (a fraction "
                f"of a day); read it as {_fmt_minutes(int(cells.start[i] + shift[i]))}"
            )
            state.extra.append((i, "excel_serial_text", message))
    if cells.several is not None:
        for i in apply[cells.several[apply]].tolist():
            first = _fmt_minutes(int(cells.start[i] + shift[i]))
            last = _fmt_minutes(int(cells.end[i] + shift[i]))
            message = (
                f"the time cell {cells.text(i)} names 2 times ({first}, {last}): placed across "
                "them; give each its own row if each was an event of its own"
            )
            state.extra.append((i, "several_dates", message))
    if cells.trailing is not None:
        for i in apply[cells.trailing[apply]].tolist():
            read = _fmt_minutes(int(cells.start[i] + shift[i]))
            if cells.end[i] != cells.start[i]:
                read += f"-{_fmt_minutes(int(cells.end[i] + shift[i]) % 1440)}"
            message = (
                f"the time cell {cells.text(i)}: read the time as {read}; the words after it "
                "open the entry's details"
            )
            state.extra.append((i, "extra_text", message))
    if warn_unreadable:
        for i in where((cells.start if rows is None else cells.start[rows]) == _T_BAD).tolist():
            message = (
                f"cannot read the time {cells.text(i)}; kept the day only (expected a time "
                "such as 14:30, 2.30pm or 1430hrs)"
            )
            state.extra.append((i, "unreadable_time", message))
    own_minute = (state.start[timed] % _DAY_S) // 60
    same = (prec == _P_MINUTE) & (own_minute == time_start)
    ignored = timed[state.ok[timed] & ~day & ~same & ~other_day]
    if not len(ignored):
        return
    # the messages put together column-wise (object arrays add element by element), each
    # distinct date quoted once
    written = values.iloc[ignored]
    if pd.api.types.is_string_dtype(written.dtype) and written.dtype != object:
        codes, distinct = pd.factorize(written)  # (no NA: these rows have a date)
        quoted = np.array([_quote(v) for v in distinct], dtype=object)[codes]
    else:  # objects: 1 and True are equal keys but quoted apart
        quoted = np.array([_quote(v) for v in written.to_numpy(dtype=object)], dtype=object)
    minutes, which = np.unique(cells.start[ignored], return_inverse=True)
    clock = np.array([_fmt_minutes(m) for m in minutes.tolist()], dtype=object)
    part_of_day = (state.prec[ignored] == _P_DAY) & (
        state.end[ignored] // _DAY_S == state.start[ignored] // _DAY_S
    )
    what = np.select(
        [state.prec[ignored] == _P_MINUTE, part_of_day],
        [" has its own time", " names another part of the day"],
        " is not a single day",
    ).astype(object)
    clocks = clock[which]
    if cells.part is not None and cells.part[ignored].any():
        named = np.flatnonzero(cells.part[ignored])  # 'ignored the time 'AM'', not 00:00
        clocks[named] = [str(cells.text(int(i))) for i in ignored[named]]
    messages = "ignored the time " + clocks + ": the date " + quoted + what
    state.extra.extend(
        (i, "time_ignored", message)
        for i, message in zip(ignored.tolist(), messages.tolist(), strict=True)
    )


def _fmt_minutes(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _apply_ends(
    ends: _Rows, state: _State, rows: npt.NDArray[np.int64], *, warn_unreadable: bool
) -> None:
    """Take each row's end from the end-date column where it was read."""
    e_ok = ends.prec[rows] >= 0
    use = state.ok[rows] & e_ok
    before = use & (ends.end[rows] < state.start[rows])
    apply = rows[use & ~before]
    state.end[apply] = ends.end[apply]
    state.prec[apply] = np.maximum(state.prec[apply], ends.prec[apply])
    state.approx[apply] |= ends.approx[apply]
    for i in rows[before].tolist():
        span = _Span(int(ends.start[i]), int(ends.end[i]), int(ends.prec[i]))
        message = (
            f"ignored the end date {_describe(span)}: it is before the start "
            f"{_fmt(int(state.start[i]))}"
        )
        state.extra.append((i, "end_before_start", message))
    batch = ends.batch
    for i in apply[ends.has_warnings[apply]].tolist():
        for code, msg in batch.warnings[ends.item[i]]:
            state.extra.append((i, code, f"end date: {msg}"))
    if warn_unreadable:
        for i in rows[~e_ok].tolist():
            item = ends.item[i]
            if batch.code[item] not in {"empty_date", "missing_year"}:  # see _infer_end_years
                message = f"ignored the end date: {batch.message[item]}"
                state.extra.append((i, "unreadable_end_date", message))


def _infer_end_years(ends: _Rows, state: _State, end_values: pd.Series, dayfirst: bool) -> None:
    """An end date written without its year ("16/03" in a To column) takes the year of its
    row's start that puts it nearest the start (a warning ``year_inferred``); one that cannot be
    read so, or whose row has no start, is ignored (``unreadable_end_date``)."""
    e_failed = np.flatnonzero(ends.prec < 0)
    missing = e_failed[ends.batch.code[ends.item[e_failed]] == "missing_year"]
    for i in missing.tolist():
        text = str(end_values.iloc[i])
        if not state.ok[i]:
            continue  # the row is rejected for its start; nothing to end
        start = _Span(int(state.start[i]), int(state.end[i]), int(state.prec[i]))
        found = _with_year_of(text, start, dayfirst)
        if found is None:
            message = f"ignored the end date: {ends.batch.message[ends.item[i]]}"
            state.extra.append((i, "unreadable_end_date", message))
            continue
        if found[0].end < start.start:
            message = (
                f"ignored the end date {_quote(text)} ({_describe(found[0])} in the year of the "
                f"start): it is before the start {_fmt(start.start)}"
            )
            state.extra.append((i, "end_before_start", message))
            continue
        span, approx, _, warnings = found
        state.end[i] = span.end
        state.prec[i] = max(int(state.prec[i]), span.prec)
        state.approx[i] |= approx
        state.extra.append(
            (
                i,
                "year_inferred",
                f"end date {_quote(text)} has no year: read as {_describe(span)}, in the year "
                f"that puts it nearest the start {_fmt(start.start)}",
            )
        )
        state.extra.extend((i, code, f"end date: {message}") for code, message in warnings)


def _shift(seconds: int, n: int, unit: str) -> int:
    """Move a moment by n days, weeks, months or years (months keep the day, or the last)."""
    if unit in {"D", "W"}:
        return seconds + n * (7 if unit == "W" else 1) * _DAY_S
    moment = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=seconds)
    total = moment.year * 12 + moment.month - 1 + n * (12 if unit == "Y" else 1)
    y, m = divmod(total, 12)
    moved = moment.replace(year=y, month=m + 1, day=min(moment.day, _month_length(y, m + 1)))
    return int((moved - dt.datetime(1970, 1, 1)).total_seconds())


def _month_length(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _row_name(label: object) -> str:
    """A row's label as a message names it: 12 (a row number, even a NumPy one), else its
    text."""
    return str(int(label)) if isinstance(label, int | np.integer) else str(label)


def _above(
    anchor: int, state: _State, values: pd.Series, previous: PreviousDate | None
) -> tuple[_Span, str] | None:
    """The span a row counts from, and how a message names it: row ``anchor`` of these
    values, else (-1) the row before them, else None."""
    if anchor >= 0:
        span = _Span(int(state.start[anchor]), int(state.end[anchor]), int(state.prec[anchor]))
        return span, f"row {_row_name(values.index[anchor])} ({_quote(values.iloc[anchor])})"
    if previous is not None:
        return previous.span(), f"{previous.where} ({_quote(previous.text)})"
    return None


def _infer_years(
    state: _State,
    values: pd.Series,
    dayfirst: bool,
    time_cells: _Times | None,
    end_rows: _Rows | None,
    previous: PreviousDate | None = None,
    headings: Sequence[tuple[int, PreviousDate]] = (),
) -> None:
    """Give a date written without its year ("Monday 12 March", "14 Mar", "25.12") a year
    from its neighbours: the dated row above it (a year-less row read before counts) and the
    next row below written with a year.

    The candidates are the years of those rows and the years either side. A weekday written
    with the date rules out the years it does not fit; then, as chronologies are written in
    date order, the year that keeps the rows in the file's order wins, unless it is far
    from them: a row a few days before the row above it is a row out of order, not one a
    year on. Running back from the row above (in a file in date order) counts four times
    the days it runs forward. The file's order is what its dated rows show (ascending
    unless most of them run the other way). Each row gets a ``year_inferred`` warning naming
    the row it took the year from; with no dated row above or below, it stays rejected."""
    rows = state.rows
    failed = np.flatnonzero(~state.ok)
    missing = failed[rows.batch.code[rows.item[failed]] == "missing_year"]
    if not len(missing):
        return
    positions = np.arange(len(state.ok))
    dated = state.ok.copy()  # the rows written with a year
    last_ok = np.maximum.accumulate(np.where(dated, positions, -1))
    after = np.where(dated, positions, len(dated))
    next_ok = np.minimum.accumulate(after[::-1])[::-1]
    order = _file_order(state.start[dated])
    heads = sorted(headings, key=lambda h: h[0])
    head_at = np.array([p for p, _ in heads], dtype=np.int64)
    last_done = -1
    for i in missing.tolist():
        anchor = max(int(last_ok[i - 1]) if i else -1, last_done)
        below = int(next_ok[i + 1]) if i + 1 < len(dated) else len(dated)
        text = str(values.iloc[i])
        row_above = _above(anchor, state, values, previous)
        row_below = None
        if below < len(dated):
            below_span = _Span(
                int(state.start[below]), int(state.end[below]), int(state.prec[below])
            )
            row_below = (
                below_span,
                f"row {_row_name(values.index[below])} ({_quote(values.iloc[below])})",
            )
        k = int(np.searchsorted(head_at, i, side="right"))  # headings above: before k
        if k and head_at[k - 1] > anchor:  # a heading between the row above and this one
            row_above = _heading(heads[k - 1][1])
        if k < len(heads) and head_at[k] <= below:  # one before the next dated row
            row_below = _heading(heads[k][1])
        if row_above is None and row_below is None:
            state.messages[i] = (
                f"{_quote(text)} has no year, and no row above has a date to take it from; "
                "write the full date, e.g. '12 March 2007'"
            )
            continue
        found = _nearest_year(text, row_above, row_below, order, dayfirst)
        if found is None:
            continue
        span, approx, warnings, message, words = found
        if words is not None:  # the same text has the same words: kept with the cell
            rows.batch.rest[rows.item[i]] = words
        state.start[i], state.end[i], state.prec[i] = span
        state.ok[i] = True
        state.approx[i] = approx
        last_done = i
        state.extra.append((i, "year_inferred", message))
        state.extra.extend((i, code, message) for code, message in warnings)
        one = np.array([i])
        if time_cells is not None:
            _apply_times(time_cells, state, one, values, warn_unreadable=False)
        if end_rows is not None:
            _apply_ends(end_rows, state, one, warn_unreadable=False)


def _heading(heading: PreviousDate) -> tuple[_Span, str]:
    return heading.span(), f"the heading {heading.where} ({_quote(heading.text)})"


#: How much more a day back from the row above costs than a day on from it (in a file in
#: date order): a row up to about two months before the row above is taken for a row out
#: of order, one further back for a row in the next year.
_BACKWARD_COST: Final = 4


def _file_order(starts: npt.NDArray[np.int64]) -> int:
    """+1 when the dated rows run forward in time (or nothing shows otherwise: chronologies
    are written in date order), -1 when most run back (newest first), 0 when mixed."""
    steps = np.diff(starts)
    forward, back = int((steps > 0).sum()), int((steps < 0).sum())
    if back > 0 and back >= 2 * forward:
        return -1
    return 1 if forward >= 2 * back else 0


def _gap(x: _Span, other: _Span) -> int:
    """Seconds between two spans (0 when they overlap)."""
    return max(0, x.start - other.end, other.start - x.end)


def _nearest_year(
    text: str,
    above: tuple[_Span, str] | None,
    below: tuple[_Span, str] | None,
    order: int,
    dayfirst: bool,
) -> tuple[_Span, bool, list[tuple[str, str]], str, str | None] | None:
    """``text`` (a date with no year) in the year its neighbours make likeliest (see
    :func:`_infer_years`): its span, whether it is approximate, the reader's warnings, the
    ``year_inferred`` message and the words written after the date to open the entry's
    details ('20/3 DNA'; None when there are none). None when it cannot be read even with
    a year."""
    s, approx = _strip_approx(str(_normalise([text])[0].as_py() or ""))
    if "'" in s:
        s = _PY_CONTRACTED_MONTH.sub(_month_uncontracted, s)  # "Sep't", as read with a year
    neighbour = above if above is not None else below
    if neighbour is None:
        return None
    anchor, named = neighbour
    base = _year_of(anchor)
    years = {_year_of(n[0]) + k for n in (above, below) if n is not None for k in (-1, 0, 1)}
    found = []
    rest: str | None = None  # the words after the date ('20/3 DNA', '20/3 at 10')
    for year in sorted(years):
        reader = _Reader(text, dayfirst, year_of=anchor, year_shift=year - base)
        try:
            span = reader.full(s)
        except _Reject as err:
            if err.code != "missing_year":
                continue  # no such day that year: 29 February
            span = None  # the words after the date ('20/3 dna') read as a date's
        if span is None:
            lead = _with_extra_text(reader, s)
            if isinstance(lead, _Reject):
                continue
            if lead is None or isinstance(lead, _Rel):
                return None
            span, rest = lead
            if not _PY_NOT_ONLY_NUMBERS.search(rest):
                return None  # 'end of March 12': the 12 may be its year, or its day
        wrong_day = any(code == "weekday_mismatch" for code, _ in reader.warnings)
        back = 0
        if above is not None:
            back += max(0, order * (above[0].start - span.start))
        if below is not None:
            back += max(0, order * (span.start - below[0].start))
        near = min(_gap(span, n[0]) for n in (above, below) if n is not None)
        nearest = near if above is None else _gap(span, above[0])
        found.append(
            (
                wrong_day,
                _BACKWARD_COST * back + near,
                abs(year - base),
                span,
                reader.warnings,
                nearest,
            )
        )
    if not found:
        return None
    wrong_day, _, _, span, warnings, _ = best = min(found, key=lambda f: f[:3])
    words: str | None = None
    if rest is not None:
        written = _as_written(text, rest)
        words = written if _PY_A_WORD.search(written) else None
        extra = ("extra_text", _extra_message(text, span, written, words is not None))
        warnings = [*warnings, extra]
    shift = _year_of(span) - base
    where = "above" if above is not None else "below"
    how = _YEAR_SHIFTS.get(shift, f"{_year_of(span)}, {abs(shift)} years from that")
    message = (
        f"{_quote(text)} has no year: read as {_describe(span)}, in the year {how} {named} {where}"
    )
    closest = min((f for f in found if f[0] == wrong_day), key=lambda f: (f[5], f[2]))
    if closest is not best and above is not None:
        direction = "after" if order >= 0 else "before"
        message += (
            f" (the rows run in date order, so it comes {direction} it; "
            f"{_describe(closest[3])} would be nearer)"
        )
    return span, approx, warnings, message, words


#: Words after a date with no year that are more than a number (which may be its year)
_PY_NOT_ONLY_NUMBERS: Final = _rx(r"[^\d\s.,;:/-]")

_YEAR_SHIFTS: Final = {0: "of", 1: "after that of", -1: "before that of"}


def _with_year_of(
    text: str, above: _Span, dayfirst: bool
) -> tuple[_Span, bool, int, list[tuple[str, str]]] | None:
    """``text`` (a date with no year) read in the year of ``above``, the year after or the
    year before: the one whose weekday agrees, then the nearest to ``above``. None when it
    cannot be read even so."""
    s, approx = _strip_approx(str(_normalise([text])[0].as_py() or ""))
    if "'" in s:
        s = _PY_CONTRACTED_MONTH.sub(_month_uncontracted, s)  # "Sep't", as read with a year
    found = []
    for shift in (0, 1, -1):
        reader = _Reader(text, dayfirst, year_of=above, year_shift=shift)
        try:
            span = reader.full(s)
        except _Reject:
            return None
        if span is None:
            return None
        wrong_day = any(code == "weekday_mismatch" for code, _ in reader.warnings)
        found.append((wrong_day, abs(span.start - above.start), shift, span, reader.warnings))
    _, _, shift, span, warnings = min(found, key=lambda f: (f[0], f[1]))
    return span, approx, shift, warnings


def _anchor(
    rows: _Rows,
    state: _State,
    values: pd.Series,
    time_cells: _Times | None,
    end_rows: _Rows | None,
    previous: PreviousDate | None = None,
) -> None:
    """Count relative dates from the previous row with a date, in row order."""
    ok = state.ok
    positions = np.arange(len(ok))
    last_ok = np.maximum.accumulate(np.where(ok, positions, -1))
    last_done = -1
    for i in np.flatnonzero(rows.is_relative).tolist():
        anchor = max(int(last_ok[i - 1]) if i else -1, last_done)
        rel: _Rel = rows.batch.rel[rows.item[i]]
        text = values.iloc[i]
        row_above = _above(anchor, state, values, previous)
        if row_above is None:
            state.messages[i] = (
                f"{_quote(text)} is a relative date and no earlier row has a date to count from; "
                "give the real date"
            )
            continue
        above, named = row_above
        span = _relative_span(rel, above.start, above.end, above.prec)
        state.start[i], state.end[i], state.prec[i] = span
        ok[i] = state.relative[i] = True
        state.approx[i] = rel.approx
        last_done = i
        about = "about " if rel.approx else ""
        message = f"{_quote(text)} counted from {named}: read as {about}{_describe(span)}"
        state.extra.append((i, "relative_date_anchored", message))
        if rel.approx:
            state.extra.append((i, "approximate_date", _approx_message(str(text), span)))
        one = np.array([i])
        if time_cells is not None:
            _apply_times(time_cells, state, one, values, warn_unreadable=False)
        if end_rows is not None:
            _apply_ends(end_rows, state, one, warn_unreadable=False)


def _blank_as_above(
    state: _State, values: pd.Series, time_cells: _Times | None, previous: PreviousDate | None
) -> None:
    """With ``anchor_relative``, a blank date cell (in a row the reader kept: it has an
    agency or details of its own) is the day of the row above with a date, as a ditto is:
    a date written once for several rows of one day. A time in the row's own time cell
    is applied; the row above's time is not."""
    failed = np.flatnonzero(~state.ok)
    blank = [i for i in failed.tolist() if _is_blank_cell(values.iloc[i])]
    if not blank:
        return
    positions = np.arange(len(state.ok))
    last_ok = np.maximum.accumulate(np.where(state.ok, positions, -1))
    for i in blank:
        row_above = _above(int(last_ok[i - 1]) if i else -1, state, values, previous)
        if row_above is None:
            state.messages[i] = "the date cell is empty and no row above has a date"
            continue
        above, named = row_above
        span = _relative_span(_Rel(0, "same", False), above.start, above.end, above.prec)
        state.start[i], state.end[i], state.prec[i] = span
        state.ok[i] = state.relative[i] = True
        message = f"the date cell is empty: read as the date of {named}, {_describe(span)}"
        state.extra.append((i, "blank_date_anchored", message))
        if time_cells is not None:
            _apply_times(time_cells, state, np.array([i]), values, warn_unreadable=False)


def _is_blank_cell(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float):
        return bool(np.isnan(value))
    return isinstance(value, str) and not value.strip()


def _relative_span(rel: _Rel, a_start: int, a_end: int, a_prec: int) -> _Span:
    """The span of a relative date counted from an anchor span; 'that evening', 'the next
    morning': those hours of the day it gives."""
    span = _relative_days(rel, a_start, a_end, a_prec)
    if rel.part is None or span.end - span.start >= _DAY_S or span.prec != _P_DAY:
        return span
    first, last = _DAY_PARTS[rel.part]
    day = span.start - span.start % _DAY_S
    start, end = max(span.start, day + first * 60), day + last * 60 + 59
    return span if start > end else _Span(start, end, _P_DAY)


def _relative_days(rel: _Rel, a_start: int, a_end: int, a_prec: int) -> _Span:
    """The span of a relative date counted from an anchor span, in whole units."""
    if a_start // _DAY_S == a_end // _DAY_S:  # within one day: count from that whole day
        day_start = a_start - a_start % _DAY_S
        base = _Span(day_start, day_start + _DAY_S - 1, _P_DAY)
    else:
        base = _Span(a_start, a_end, a_prec)
    if rel.unit == "same":
        return base
    if rel.unit == "later":
        return _Span(a_start, base.end, base.prec)
    if rel.approx:  # about n units: from n-1 to n+1 units later
        return _Span(
            _shift(base.start, rel.n - 1, rel.unit),
            _shift(base.end + 1, rel.n + 1, rel.unit) - 1,
            _coarser(base.prec, _REL_UNIT_PRECISION[rel.unit]),
        )
    return _Span(
        _shift(base.start, rel.n, rel.unit),
        _shift(base.end + 1, rel.n, rel.unit) - 1,
        base.prec,
    )


_DEFAULT_STR_DTYPE: Final = pd.Series(["x"]).dtype


def _string_column(codes: npt.NDArray[np.int64], categories: list[str]) -> Any:
    """Texts from codes into ``categories`` (-1 for NA), in pandas' default string dtype."""
    default = _DEFAULT_STR_DTYPE
    if isinstance(default, pd.StringDtype) and default.storage == "pyarrow":
        if categories:
            indices = pa.array(codes.astype(np.int32), mask=codes < 0)
            dictionary = pa.DictionaryArray.from_arrays(
                indices, pa.array(categories, pa.large_string())
            )
            texts = pa.chunked_array([dictionary.cast(pa.large_string())])
        else:  # every row NA (no row failed): no dictionary to look up
            texts = pa.chunked_array([pa.nulls(len(codes), pa.large_string())])
        try:
            return pd.arrays.ArrowStringArray(texts, dtype=default)  # type: ignore[call-arg]
        except TypeError:  # pandas without the dtype argument
            return pd.array(texts, dtype=default)
    out = np.array([*categories, None], dtype=object)[codes]
    return pd.array(out, dtype=default) if isinstance(default, pd.StringDtype) else out


def _moments(state: _State) -> tuple[npt.NDArray[np.datetime64], npt.NDArray[np.datetime64]]:
    """Start and end per row as datetime64[ns], NaT where the row failed."""
    nat = np.int64(_NAT_I8)
    starts = np.where(state.ok, state.start * 1_000_000_000, nat).view("M8[ns]")
    ends = np.where(state.ok, state.end * 1_000_000_000, nat).view("M8[ns]")
    return starts, ends


def _frame(index: pd.Index, state: _State) -> pd.DataFrame:
    ok = state.ok
    starts, ends = _moments(state)
    precision = _string_column(
        np.where(ok, state.prec, -1).astype(np.int64), list(schema.PRECISIONS)
    )
    # error codes and messages: dictionary-encoded over the distinct cells
    batch, item = state.rows.batch, state.rows.item
    failed = ~ok
    failed_items, inverse = np.unique(item[failed], return_inverse=True)
    messages = [str(m) for m in batch.message[failed_items].tolist()]
    message_codes = np.full(len(ok), -1, np.int64)
    message_codes[failed] = inverse
    codes_found = [str(c) for c in batch.code[failed_items].tolist()]
    code_names = sorted(set(codes_found))
    code_index = {c: k for k, c in enumerate(code_names)}
    item_code = np.array([code_index[c] for c in codes_found], dtype=np.int64)
    code_codes = np.full(len(ok), -1, np.int64)
    code_codes[failed] = item_code[inverse]
    for i, message in state.messages.items():
        if failed[i]:
            message_codes[i] = len(messages)
            messages.append(message)
    return pd.DataFrame(
        {
            schema.START: starts,
            schema.END: ends,
            schema.PRECISION: precision,
            schema.APPROXIMATE: state.approx & ok,
            schema.RELATIVE: state.relative,
            schema.ERROR_CODE: _string_column(code_codes, code_names),
            schema.ERROR: _string_column(message_codes, messages),
        },
        index=index,
    )


def _row_warnings(
    index: pd.Index, rows: _Rows, extra: list[tuple[int, str, str]]
) -> list[tuple[str, str, Hashable | None]]:
    """Per-row warnings in row order (and in WARNING_CODES order within a row)."""
    positions, codes, messages = _row_warning_arrays(rows, extra)
    if not len(positions):
        return []
    labels = index[positions].tolist()
    return list(zip(codes.tolist(), messages.tolist(), labels, strict=True))


def _row_warning_arrays(
    rows: _Rows, extra: list[tuple[int, str, str]]
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.object_], npt.NDArray[np.object_]]:
    """Per-row warnings as (row positions, codes, messages), in row order and in
    WARNING_CODES order within a row (the cells' own warnings first, then ``extra``).

    A distinct cell's warnings are gathered once and repeated for the rows that hold it.
    """
    flagged = np.flatnonzero(rows.has_warnings)
    distinct, which = np.unique(rows.item[flagged], return_inverse=True)
    found = rows.batch.warnings[distinct].tolist()
    counts = np.array([len(f) for f in found], dtype=np.int64)
    flat = [pair for f in found for pair in f]
    per_row = counts[which]
    firsts = np.cumsum(counts) - counts  # each distinct cell's first warning in ``flat``
    ends = np.cumsum(per_row)
    nth = np.arange(int(ends[-1]) if len(ends) else 0) - np.repeat(ends - per_row, per_row)
    taken = np.repeat(firsts[which], per_row) + nth
    codes = np.empty(len(flat) + len(extra), dtype=object)
    messages = np.empty(len(flat) + len(extra), dtype=object)
    codes[: len(flat)] = [code for code, _ in flat]
    messages[: len(flat)] = [message for _, message in flat]
    codes[len(flat) :] = [code for _, code, _ in extra]
    messages[len(flat) :] = [message for _, _, message in extra]
    pick = np.concatenate([taken, np.arange(len(flat), len(flat) + len(extra))]).astype(np.int64)
    positions = np.concatenate(
        [np.repeat(flagged, per_row), np.array([i for i, _, _ in extra], dtype=np.int64)]
    ).astype(np.int64)
    if not len(pick):
        return positions, codes, messages
    distinct_codes, code_of = np.unique(codes, return_inverse=True)
    ranks = np.array(
        [_WARN_ORDER.get(str(code), len(_WARN_ORDER)) for code in distinct_codes.tolist()],
        dtype=np.int64,
    )
    rank = ranks[code_of[pick]]
    order = np.lexsort((rank, positions))  # stable: ties keep the order above
    return positions[order], codes[pick][order], messages[pick][order]
