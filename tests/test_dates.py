"""Tests for scr_timeline.dates: every written form, the errors, the warnings, the speed path."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from scr_timeline import dates, schema
from scr_timeline.dates import (
    ERROR_CODES,
    FRAME_COLUMNS,
    WARNING_CODES,
    ParsedDates,
    parse_date,
    parse_dates,
    parse_time,
)
from scr_timeline.exceptions import DateParseError, ScrTimelineError

TODAY = dt.date.today()
MONTHS = [
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
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def read(cells: Sequence[object], **kwargs: object) -> ParsedDates:
    return parse_dates(pd.Series(cells, dtype=object), **kwargs)  # type: ignore[arg-type]


def one(cell: object, **kwargs: object) -> pd.Series:
    """The frame row for a single cell."""
    return read([cell], **kwargs).frame.iloc[0]


def codes(parsed: ParsedDates) -> list[tuple[str, object]]:
    return [(code, label) for code, _, label in parsed.warnings]


# --- every written form -----------------------------------------------------------------------

DAY = "day"
MONTH, YEAR = "month", "year"
FORMS = [
    # numeric day/month/year
    ("12/03/2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("12/03/07", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("1/3/07", "2007-03-01", "2007-03-01 23:59:59", DAY),
    ("1.3.07", "2007-03-01", "2007-03-01 23:59:59", DAY),
    ("12-03-2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("12.03.2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("12 / 03 / 2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("22.05/16", "2016-05-22", "2016-05-22 23:59:59", DAY),  # mixed separators
    ("  12/03/2007\n", "2007-03-12", "2007-03-12 23:59:59", DAY),
    # ISO
    ("2007-03-12", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("2007/03/12", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("2007-03-12 14:30", "2007-03-12 14:30", "2007-03-12 14:30:59", "minute"),
    ("2007-03-12T14:30:00", "2007-03-12 14:30", "2007-03-12 14:30:59", "minute"),
    ("2007-03-12T14:30:00.000Z", "2007-03-12 14:30", "2007-03-12 14:30:59", "minute"),
    # words
    ("12 March 2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("12 MARCH 2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("12th Mar 07", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("1st Mar. 2007", "2007-03-01", "2007-03-01 23:59:59", DAY),
    ("12th of March 2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("12-Mar-2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("12 March, 2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("Monday 12 March 2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("Mon 12/03/2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("Monday, 12th March 2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("March 12, 2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("March 12th 2007", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("12 Sept 2007", "2007-09-12", "2007-09-12 23:59:59", DAY),
    ("12 Febuary 2007", "2007-02-12", "2007-02-12 23:59:59", DAY),  # a common misspelling
    ("2007 March 12", "2007-03-12", "2007-03-12 23:59:59", DAY),  # dateutil, checked
    # months
    ("Sept 2007", "2007-09-01", "2007-09-30 23:59:59", "month"),
    ("March 2007", "2007-03-01", "2007-03-31 23:59:59", "month"),
    ("Mar-07", "2007-03-01", "2007-03-31 23:59:59", "month"),
    ("Mar '07", "2007-03-01", "2007-03-31 23:59:59", "month"),
    ("March 07", "2007-03-01", "2007-03-31 23:59:59", "month"),
    ("03/2007", "2007-03-01", "2007-03-31 23:59:59", "month"),
    ("February 2008", "2008-02-01", "2008-02-29 23:59:59", "month"),
    ("December 2007", "2007-12-01", "2007-12-31 23:59:59", "month"),
    # thirds of a month
    ("early March 2007", "2007-03-01", "2007-03-10 23:59:59", "week"),
    ("mid March 2007", "2007-03-11", "2007-03-20 23:59:59", "week"),
    ("mid-March 2007", "2007-03-11", "2007-03-20 23:59:59", "week"),
    ("middle of March 2007", "2007-03-11", "2007-03-20 23:59:59", "week"),
    ("late March 2007", "2007-03-21", "2007-03-31 23:59:59", "week"),
    ("late February 2008", "2008-02-21", "2008-02-29 23:59:59", "week"),
    ("beginning of March 2007", "2007-03-01", "2007-03-10 23:59:59", "week"),
    ("start of June 2007", "2007-06-01", "2007-06-10 23:59:59", "week"),
    ("end of March 2007", "2007-03-21", "2007-03-31 23:59:59", "week"),
    # thirds of a year
    ("early 2007", "2007-01-01", "2007-04-30 23:59:59", "season"),
    ("mid 2007", "2007-05-01", "2007-08-31 23:59:59", "season"),
    ("end of 2007", "2007-09-01", "2007-12-31 23:59:59", "season"),
    # seasons
    ("Spring 2007", "2007-03-01", "2007-05-31 23:59:59", "season"),
    ("Summer 2007", "2007-06-01", "2007-08-31 23:59:59", "season"),
    ("Autumn 2007", "2007-09-01", "2007-11-30 23:59:59", "season"),
    ("Fall 2007", "2007-09-01", "2007-11-30 23:59:59", "season"),
    ("Winter 2007", "2007-12-01", "2008-02-29 23:59:59", "season"),
    ("Winter 2006/07", "2006-12-01", "2007-02-28 23:59:59", "season"),
    ("winter 2006-2007", "2006-12-01", "2007-02-28 23:59:59", "season"),
    # years
    ("2007", "2007-01-01", "2007-12-31 23:59:59", "year"),
    ("2006-2007", "2006-01-01", "2007-12-31 23:59:59", "year"),
    # ranges: start of the first, end of the last, the coarser precision
    ("between 3 and 5 June 2007", "2007-06-03", "2007-06-05 23:59:59", DAY),
    ("3-5 June 2007", "2007-06-03", "2007-06-05 23:59:59", DAY),
    ("3 to 5 June 2007", "2007-06-03", "2007-06-05 23:59:59", DAY),
    ("from 3 to 5 June 2007", "2007-06-03", "2007-06-05 23:59:59", DAY),
    ("3rd - 5th June 2007", "2007-06-03", "2007-06-05 23:59:59", DAY),
    ("12-14/03/2007", "2007-03-12", "2007-03-14 23:59:59", DAY),
    ("12/03 - 14/03/2007", "2007-03-12", "2007-03-14 23:59:59", DAY),
    ("12/03/2007 - 14/03/2007", "2007-03-12", "2007-03-14 23:59:59", DAY),
    ("12/03/2007 to 14/03/2007", "2007-03-12", "2007-03-14 23:59:59", DAY),
    ("2007-03-12 - 2007-03-14", "2007-03-12", "2007-03-14 23:59:59", DAY),
    ("3 June - 5 July 2007", "2007-06-03", "2007-07-05 23:59:59", DAY),
    ("March - April 2007", "2007-03-01", "2007-04-30 23:59:59", "month"),
    ("Dec 2006 - Jan 2007", "2006-12-01", "2007-01-31 23:59:59", "month"),
    ("December - January 2008", "2007-12-01", "2008-01-31 23:59:59", "month"),
    ("12/03/2007 - April 2007", "2007-03-12", "2007-04-30 23:59:59", "month"),
    ("spring - summer 2007", "2007-03-01", "2007-08-31 23:59:59", "season"),
    # weeks
    ("w/c 12/03/07", "2007-03-12", "2007-03-18 23:59:59", "week"),
    ("W/C 12/03/2007", "2007-03-12", "2007-03-18 23:59:59", "week"),
    ("w/c 12 March 2007", "2007-03-12", "2007-03-18 23:59:59", "week"),
    ("wc 12.3.07", "2007-03-12", "2007-03-18 23:59:59", "week"),
    ("week commencing 12/03/2007", "2007-03-12", "2007-03-18 23:59:59", "week"),
    ("week beginning 12 March 2007", "2007-03-12", "2007-03-18 23:59:59", "week"),
    ("w/e 16/03/07", "2007-03-10", "2007-03-16 23:59:59", "week"),
    ("week ending 16 March 2007", "2007-03-10", "2007-03-16 23:59:59", "week"),
    # a time in the cell
    ("12/03/2007 14:30", "2007-03-12 14:30", "2007-03-12 14:30:59", "minute"),
    ("12/03/07 at 2.30pm", "2007-03-12 14:30", "2007-03-12 14:30:59", "minute"),
    ("12/03/2007 1430hrs", "2007-03-12 14:30", "2007-03-12 14:30:59", "minute"),
    ("12/03/2007 2pm", "2007-03-12 14:00", "2007-03-12 14:00:59", "minute"),
    ("12/03/2007, 09:05", "2007-03-12 09:05", "2007-03-12 09:05:59", "minute"),
    ("12.3.07 14.30", "2007-03-12 14:30", "2007-03-12 14:30:59", "minute"),
    ("12 March 2007 12am", "2007-03-12 00:00", "2007-03-12 00:00:59", "minute"),
    ("12 March 2007 at 12 noon", "2007-03-12 12:00", "2007-03-12 12:00:59", "minute"),
    ("12/03/2007 14:00-15:30", "2007-03-12 14:00", "2007-03-12 15:30:59", "minute"),
    # trailing text (warned, tested below)
    ("12/03/2007 (telephone)", "2007-03-12", "2007-03-12 23:59:59", DAY),
    ("12/03/2007 14:30 (tel)", "2007-03-12 14:30", "2007-03-12 14:30:59", "minute"),
    ("March 2007 - HV visit", "2007-03-01", "2007-03-31 23:59:59", "month"),
    # Excel serial as text (warned, tested below)
    ("39153", "2007-03-12", "2007-03-12 23:59:59", DAY),
]


@pytest.mark.parametrize(("text", "start", "end", "precision"), FORMS)
def test_written_forms(text: str, start: str, end: str, precision: str) -> None:
    row = one(text)
    assert (row["start"], row["end"], row["precision"]) == (ts(start), ts(end), precision)
    assert pd.isna(row["error_code"]) and pd.isna(row["error"])
    assert not row["relative"]


@pytest.mark.parametrize(("text", "start", "end", "precision"), FORMS)
def test_written_forms_read_alike_by_the_reference_reader(
    text: str, start: str, end: str, precision: str
) -> None:
    """The vectorised pass and the reference reader agree on every form."""
    fast = parse_dates(pd.Series([text]), dayfirst=True)
    slow = dates._parse_dates(
        pd.Series([text]),
        times=None,
        end_values=None,
        dayfirst=True,
        anchor_relative=False,
        vectorised=False,
    )
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert fast.warnings == slow.warnings


def test_parse_date_gives_start_end_precision() -> None:
    assert parse_date("w/c 12/03/07") == (ts("2007-03-12"), ts("2007-03-18 23:59:59"), "week")
    assert parse_date("04/05/2007", dayfirst=False)[0] == ts("2007-04-05")


APPROXIMATE = [
    ("c. June 2007", "2007-06-01", "month"),
    ("c.June 2007", "2007-06-01", "month"),
    ("circa 2007", "2007-01-01", "year"),
    ("ca. 2007", "2007-01-01", "year"),
    ("approx. 12/03/2007", "2007-03-12", DAY),
    ("approx 12/03/2007", "2007-03-12", DAY),
    ("approximately March 2007", "2007-03-01", "month"),
    ("about March 2007", "2007-03-01", "month"),
    ("around 12 March 2007", "2007-03-12", DAY),
    ("?22 May 2016", "2016-05-22", DAY),
    ("? 22 May 2016", "2016-05-22", DAY),
    ("22 May 2016?", "2016-05-22", DAY),
    ("22/05/2016 (approx)", "2016-05-22", DAY),
    ("22/05/2016 (approx.)", "2016-05-22", DAY),
    ("22/05/2016 (?)", "2016-05-22", DAY),
    ("~ Spring 2007", "2007-03-01", "season"),
    ("c. w/c 12/03/07", "2007-03-12", "week"),
    ("c. early June 2007", "2007-06-01", "week"),
]


@pytest.mark.parametrize(("text", "start", "precision"), APPROXIMATE)
def test_approximate_dates_are_read_and_flagged(text: str, start: str, precision: str) -> None:
    parsed = read([text], dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["precision"], row["approximate"]) == (ts(start), precision, True)
    assert codes(parsed) == [("approximate_date", 0)]
    assert repr(text) in parsed.warnings[0][1]


def test_exact_dates_are_not_approximate() -> None:
    parsed = read(["12/03/2007", "March 2007", "circus"])
    assert parsed.frame["approximate"].tolist() == [False, False, False]


# --- what is not a date ------------------------------------------------------------------------

IMPOSSIBLE = [
    ("31/06/2007", "June has 30 days"),
    ("29/02/2007", "February 2007 has 28 days (2007 is not a leap year)"),
    ("32/01/2007", "January has 31 days"),
    ("13/00/2007", "there is no month 0"),  # a day with no month: a typo?
    ("00/13/2007", "there is no month 13"),
    ("12/13/2007", "there is no month 13 (read as day/month/year)"),
    ("31 June 2007", "June has 30 days"),
    ("2007-02-30", "February 2007 has 28 days"),
    ("30/02/2008", "February 2008 has 29 days"),
    ("w/c 31/06/2007", "June has 30 days"),
    ("30-31 June 2007", "June has 30 days"),
    ("31/06/2007 (tel)", "June has 30 days"),
]


@pytest.mark.parametrize(("text", "reason"), IMPOSSIBLE)
def test_impossible_dates_are_rejected_with_the_reason(text: str, reason: str) -> None:
    row = one(text, dayfirst=True)
    assert pd.isna(row["start"]) and pd.isna(row["end"]) and pd.isna(row["precision"])
    assert row["error_code"] == "impossible_date"
    assert row["error"].startswith(f"cannot read {text!r} as a date: ")
    assert reason in row["error"]


def test_leap_day_in_a_leap_year_is_fine() -> None:
    assert one("29/02/2008")["start"] == ts("2008-02-29")


def test_the_exact_message_for_a_day_that_does_not_exist() -> None:
    assert one("31/06/2007")["error"] == "cannot read '31/06/2007' as a date: June has 30 days"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("12 March", "missing_year"),
        ("Monday 12 March", "missing_year"),
        ("12/03", "missing_year"),
        ("March", "missing_year"),
        ("end of March", "missing_year"),
        ("Dec 12", "missing_year"),  # 12 is not read as a year without a sign it is one
        ("Spring", "missing_year"),
        ("3-5 June", "missing_year"),
        ("garbage", "unreadable_date"),
        ("12", "unreadable_date"),
        ("Diwali 2007", "unreadable_date"),  # a festival whose date is not read
        ("half term 2008", "unreadable_date"),  # which of the three?
        ("Q5 2007", "unreadable_date"),
        ("w/c March 2007", "unreadable_date"),
        ("Summer 2006/08", "unreadable_date"),
        ("0207-03-12", "implausible_date"),
        ("12/03/1850", "implausible_date"),
        ("5-3 June 2007", "reversed_range"),
        ("14/03/2007 - 12/03/2007", "reversed_range"),
        ("", "empty_date"),
        ("   ", "empty_date"),
        (None, "empty_date"),
        (float("nan"), "empty_date"),
        (pd.NA, "empty_date"),
        (pd.NaT, "empty_date"),
        ("unknown", "empty_date"),
        ("N/K", "empty_date"),
        ("?", "empty_date"),
    ],
)
def test_cells_that_are_not_dates(text: object, code: str) -> None:
    row = one(text, dayfirst=True)
    assert pd.isna(row["start"])
    assert row["error_code"] == code
    assert isinstance(row["error"], str) and row["error"]


def test_missing_year_message_says_what_to_do() -> None:
    row = one("12 March")
    assert row["error"] == (
        "'12 March' has no year, and no row above has a date to take it from; write the full "
        "date, e.g. '12 March 2007'"
    )


def test_a_date_without_its_year_takes_the_year_of_the_row_above() -> None:
    """GLOSSARY's "Monday 12 March": the year of the dated row above, or the year after or
    before when the weekday says so or the date would otherwise jump back (Dec -> Jan)."""
    cells = [
        "10/03/2007",
        "Monday 12 March",  # 2007: a Monday
        "14 Mar",
        "Tue 13/03",
        "c. 5 June",
        "20/12/2007",
        "3 January",  # the next year
        "Monday 10 March",  # 2008: a Monday (in 2007 a Saturday)
    ]
    parsed = parse_dates(pd.Series(cells))
    frame = parsed.frame
    assert frame["error_code"].isna().all()
    assert frame["start"].tolist() == [
        ts(d)
        for d in (
            "2007-03-10",
            "2007-03-12",
            "2007-03-14",
            "2007-03-13",
            "2007-06-05",
            "2007-12-20",
            "2008-01-03",
            "2008-03-10",
        )
    ]
    assert frame["approximate"].tolist() == [False] * 4 + [True] + [False] * 3
    inferred = [w for w in parsed.warnings if w[0] == "year_inferred"]
    assert [w[2] for w in inferred] == [1, 2, 3, 4, 6, 7]
    assert inferred[0][1] == (
        "'Monday 12 March' has no year: read as 12/03/2007, in the year of row 0 "
        "('10/03/2007') above"
    )
    assert "in the year after that of row 5 ('20/12/2007')" in inferred[4][1]
    assert not [w for w in parsed.warnings if w[0] == "weekday_mismatch"]


def test_a_relative_date_counts_from_a_date_whose_year_was_inferred() -> None:
    parsed = parse_dates(
        pd.Series(["10/03/2007", "Monday 12 March", "the next day"]), anchor_relative=True
    )
    assert parsed.frame["start"].tolist() == [ts("2007-03-10"), ts("2007-03-12"), ts("2007-03-13")]


def test_a_weekday_no_year_agrees_with_is_kept_with_a_warning() -> None:
    parsed = parse_dates(pd.Series(["10/03/2007", "Friday 12 March"]))
    assert parsed.frame["start"].tolist() == [ts("2007-03-10"), ts("2007-03-12")]
    codes = [w[0] for w in parsed.warnings]
    assert "weekday_mismatch" in codes and "year_inferred" in codes


def test_unreadable_message_names_the_cell_and_the_forms() -> None:
    message = one("garbage")["error"]
    assert message.startswith("cannot read 'garbage' as a date;")
    assert "12/03/2007" in message and "Spring 2007" in message


def test_long_note_in_a_date_cell_is_searched_for_a_leading_date() -> None:
    note = "12/03/2007 " + "mother phoned to say the child was unwell and would not attend " * 5
    parsed = read([note, "x" * 500], dayfirst=True)
    assert parsed.frame["start"].iloc[0] == ts("2007-03-12")
    assert codes(parsed) == [("extra_text", 0)]
    assert len(parsed.frame["error"].iloc[1]) < 200  # the cell is cut short in the message


def test_extra_text_is_warned_with_what_was_ignored() -> None:
    parsed = read(["12/03/2007 (telephone)"], dayfirst=True)
    assert codes(parsed) == [("extra_text", 0)]
    assert "(telephone)" in parsed.warnings[0][1]


def test_weekday_that_does_not_match_keeps_the_date_and_warns() -> None:
    parsed = read(["Tuesday 12 March 2007"])
    assert parsed.frame["start"].iloc[0] == ts("2007-03-12")
    assert codes(parsed) == [("weekday_mismatch", 0)]
    assert "Monday" in parsed.warnings[0][1]


def test_two_digit_years_pivot_on_the_current_year() -> None:
    this_year = TODAY.year % 100
    assert one(f"01/01/{this_year:02d}")["start"].year == TODAY.year
    older = (this_year + 1) % 100
    assert one(f"01/01/{older:02d}")["start"].year == TODAY.year + 1 - 100
    assert one("01/01/00")["start"].year == 2000


# --- relative dates ----------------------------------------------------------------------------

RELATIVE = [
    "2 weeks later",
    "approx. 2 weeks later",
    "the next day",
    "next day",
    "following day",
    "the following day",
    "same day",
    "the same day",
    "3 days later",
    "three days later",
    "a week later",
    "later that day",
    "later the same day",
    "the following week",
    "1 month later",
    "a fortnight later",
    "2 days earlier",
    "the day before",
    "the next morning",
    "a few days later",
    "2 weeks later?",
]


@pytest.mark.parametrize("text", RELATIVE)
def test_relative_dates_are_rejected_by_default(text: str) -> None:
    row = one(text)
    assert row["error_code"] == "relative_date"
    assert row["error"] == (
        f"{text!r} is a relative date; give the real date or pass anchor_relative=True to count "
        "from the previous row"
    )
    assert not row["relative"]


ANCHORED = [
    # anchor 12/03/2007 (a Monday), day precision
    ("2 weeks later", "2007-03-26", "2007-03-26 23:59:59", DAY, False),
    ("3 days later", "2007-03-15", "2007-03-15 23:59:59", DAY, False),
    ("the next day", "2007-03-13", "2007-03-13 23:59:59", DAY, False),
    ("following day", "2007-03-13", "2007-03-13 23:59:59", DAY, False),
    ("same day", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("later that day", "2007-03-12", "2007-03-12 23:59:59", DAY, False),
    ("a week later", "2007-03-19", "2007-03-19 23:59:59", DAY, False),
    ("a fortnight later", "2007-03-26", "2007-03-26 23:59:59", DAY, False),
    ("1 month later", "2007-04-12", "2007-04-12 23:59:59", DAY, False),
    ("2 days earlier", "2007-03-10", "2007-03-10 23:59:59", DAY, False),
    # about n units: n-1 to n+1 units later, precision widened to the unit's
    ("approx. 2 weeks later", "2007-03-19", "2007-04-02 23:59:59", "month", True),
    ("about 3 days later", "2007-03-14", "2007-03-16 23:59:59", "week", True),
    ("a few days later", "2007-03-14", "2007-03-16 23:59:59", "week", True),
    ("the following week", "2007-03-12", "2007-03-26 23:59:59", "month", True),
]


@pytest.mark.parametrize(("text", "start", "end", "precision", "approximate"), ANCHORED)
def test_relative_dates_count_from_the_previous_row(
    text: str, start: str, end: str, precision: str, approximate: bool
) -> None:
    parsed = read(["12/03/2007", text], anchor_relative=True)
    row = parsed.frame.iloc[1]
    assert (row["start"], row["end"], row["precision"]) == (ts(start), ts(end), precision)
    assert row["relative"] and row["approximate"] == approximate
    assert pd.isna(row["error_code"])
    assert ("relative_date_anchored", 1) in codes(parsed)
    anchored = next(m for c, m, _ in parsed.warnings if c == "relative_date_anchored")
    assert "'12/03/2007'" in anchored and "row 0" in anchored


def test_relative_dates_chain_and_skip_rows_without_a_date() -> None:
    parsed = read(
        ["12/03/2007", "garbage", "2 weeks later", "the next day"],
        anchor_relative=True,
    )
    assert parsed.frame["start"].tolist()[2:] == [ts("2007-03-26"), ts("2007-03-27")]
    labels = [label for code, _, label in parsed.warnings if code == "relative_date_anchored"]
    assert labels == [2, 3]


def test_relative_date_keeps_a_coarse_anchor_precision() -> None:
    frame = read(["March 2007", "1 month later"], anchor_relative=True).frame
    assert frame.iloc[1][["start", "end", "precision"]].tolist() == [
        ts("2007-04-01"),
        ts("2007-04-30 23:59:59"),
        "month",
    ]


def test_relative_date_after_a_timed_anchor_is_a_day() -> None:
    frame = read(["12/03/2007 14:30", "later that day", "the next day"], anchor_relative=True)
    rows = frame.frame
    assert rows.iloc[1][["start", "end", "precision"]].tolist() == [
        ts("2007-03-12 14:30"),
        ts("2007-03-12 23:59:59"),
        DAY,
    ]
    assert rows.iloc[2]["start"] == ts("2007-03-13")


def test_relative_date_after_a_range_moves_the_whole_range() -> None:
    frame = read(["3-5 June 2007", "a week later"], anchor_relative=True).frame
    assert frame.iloc[1][["start", "end"]].tolist() == [
        ts("2007-06-10"),
        ts("2007-06-12 23:59:59"),
    ]


def test_relative_date_with_trailing_text_keeps_its_approximation() -> None:
    parsed = read(["12 March 2007", "approx 2 weeks later (tel)"], anchor_relative=True)
    row = parsed.frame.iloc[1]
    assert row["approximate"] and row["precision"] == "month"


def test_month_offsets_keep_to_the_end_of_short_months() -> None:
    frame = read(["31/01/2007", "1 month later"], anchor_relative=True).frame
    assert frame["start"].iloc[1] == ts("2007-02-28")


def test_relative_date_with_nothing_before_it_is_rejected() -> None:
    row = read(["2 weeks later", "12/03/2007"], anchor_relative=True).frame.iloc[0]
    assert row["error_code"] == "relative_date"
    assert "no earlier row has a date" in row["error"]


def test_anchoring_follows_row_order_not_index_labels() -> None:
    values = pd.Series(["12/03/2007", "the next day"], index=["b", "a"])
    parsed = parse_dates(values, anchor_relative=True)
    assert parsed.frame.loc["a", "start"] == ts("2007-03-13")
    assert ("relative_date_anchored", "a") in codes(parsed)


def test_anchored_relative_row_takes_the_time_column() -> None:
    parsed = parse_dates(
        pd.Series(["12/03/2007", "the next day"]),
        times=pd.Series([None, "09:15"]),
        anchor_relative=True,
    )
    assert parsed.frame.iloc[1][["start", "precision"]].tolist() == [
        ts("2007-03-13 09:15"),
        "minute",
    ]


def test_a_blank_date_cell_is_the_day_of_the_row_above_when_anchoring() -> None:
    # a date written once for several rows of one day: with anchor_relative the blank
    # cells below it are that day (its own time cell applies, the row above's time does not)
    values = pd.Series(["12/03/2007 14:30", None, "", "  ", float("nan"), "14/03/2007"])
    parsed = parse_dates(
        values, times=pd.Series([None, "16:00", None, None, None, None]), anchor_relative=True
    )
    frame = parsed.frame
    assert frame["start"].tolist()[1:5] == [ts("2007-03-12 16:00")] + [ts("2007-03-12")] * 3
    assert frame["precision"].tolist()[1:5] == ["minute", "day", "day", "day"]
    assert [c for c, _row in codes(parsed)].count("blank_date_anchored") == 4
    # without the option, and with nothing above, they are rejected as empty
    assert parse_dates(values).frame["error_code"].tolist()[1:5] == ["empty_date"] * 4
    first = parse_dates(pd.Series([None, "12/03/2007"]), anchor_relative=True).frame
    assert first["error_code"].fillna("").tolist() == ["empty_date", ""]
    assert "no row above has a date" in first["error"].iloc[0]


def test_a_zero_date_is_not_a_blank_cell_to_anchor() -> None:
    # "00/00/0000" says the date is not known: it is not a ditto
    parsed = parse_dates(pd.Series(["12/03/2007", "00/00/0000"]), anchor_relative=True)
    assert parsed.frame["error_code"].fillna("").tolist() == ["", "empty_date"]


# --- day first or month first ------------------------------------------------------------------


def test_a_first_field_above_12_proves_day_first_silently() -> None:
    parsed = read(["25/12/2007", "04/05/2007"])
    assert parsed.dayfirst is True
    assert parsed.warnings == []
    assert parsed.frame["start"].tolist() == [ts("2007-12-25"), ts("2007-05-04")]


def test_a_second_field_above_12_means_month_first_for_the_whole_input() -> None:
    cells = ["04/13/2007", "05/06/2007", "12/25/07", "2007-01-02", "12 March 2007"]
    parsed = read(cells * 19)
    assert parsed.dayfirst is False
    assert parsed.frame["start"].tolist()[:5] == [
        ts("2007-04-13"),
        ts("2007-05-06"),
        ts("2007-12-25"),
        ts("2007-01-02"),
        ts("2007-03-12"),
    ]
    assert codes(parsed) == [("month_first", None)]
    message = parsed.warnings[0][1]
    assert message == (
        "dates such as '04/13/2007' show this file writes month first; read all 57 numeric "
        "dates month-first"
    )


def test_month_first_detection_sees_dates_inside_other_forms() -> None:
    parsed = read(["w/c 03/19/2007", "Mon 03/05/2007 (tel)"])
    assert parsed.dayfirst is False
    assert parsed.frame["start"].tolist() == [ts("2007-03-19"), ts("2007-03-05")]


def test_both_orders_present_reads_day_first_and_rejects_the_month_first_rows() -> None:
    parsed = read(["25/12/2007", "04/13/2007", "05/06/2007", "w/c 03/19/2007"])
    assert parsed.dayfirst is True
    frame = parsed.frame
    assert frame["start"].iloc[0] == ts("2007-12-25")
    assert frame["start"].iloc[2] == ts("2007-06-05")
    assert frame["error_code"].tolist()[1::2] == ["month_first_conflict"] * 2
    message = frame["error"].iloc[1]
    assert "'04/13/2007' can only be read month first" in message
    assert "'25/12/2007'" in message and "13 April 2007" in message


def test_only_ambiguous_numeric_dates_read_day_first_with_a_warning() -> None:
    parsed = read(["04/05/2007", "01/02/2007", "March 2007", "03/03/2007"])
    assert parsed.dayfirst is True
    assert parsed.frame["start"].iloc[0] == ts("2007-05-04")
    assert codes(parsed) == [("ambiguous_day_month", None)]
    assert "'04/05/2007'" in parsed.warnings[0][1]
    assert "dayfirst=False" in parsed.warnings[0][1]


def test_no_numeric_dates_no_warning() -> None:
    parsed = read(["12 March 2007", "03/03/2007", "2007-04-05"])
    assert parsed.dayfirst is True and parsed.warnings == []


@pytest.mark.parametrize("dayfirst", [True, False])
def test_the_caller_decides_without_warnings(dayfirst: bool) -> None:
    parsed = read(["04/13/2007", "04/05/2007"], dayfirst=dayfirst)
    assert parsed.dayfirst is dayfirst
    assert parsed.warnings == []
    frame = parsed.frame
    if dayfirst:
        assert frame["error_code"].iloc[0] == "impossible_date"
        assert frame["start"].iloc[1] == ts("2007-05-04")
    else:
        assert frame["start"].tolist() == [ts("2007-04-13"), ts("2007-04-05")]


def test_month_first_reads_ranges_and_weeks_month_first() -> None:
    parsed = read(["w/c 03/12/2007", "03/12/2007 - 03/14/2007"], dayfirst=False)
    assert parsed.frame["start"].tolist() == [ts("2007-03-12"), ts("2007-03-12")]
    assert parsed.frame["end"].iloc[1] == ts("2007-03-14 23:59:59")


def test_end_values_count_towards_the_decision() -> None:
    parsed = parse_dates(
        pd.Series(["04/05/2007"]), end_values=pd.Series(["04/13/2007"]), dayfirst=None
    )
    assert parsed.dayfirst is False
    assert parsed.frame["end"].iloc[0] == ts("2007-04-13 23:59:59")


# --- the time column ---------------------------------------------------------------------------

TIMES = [
    ("14:30", "14:30"),
    ("14.30", "14:30"),
    ("2.30pm", "14:30"),
    ("2.30 p.m.", "14:30"),
    ("2pm", "14:00"),
    ("12pm", "12:00"),
    ("12am", "00:00"),
    ("9am", "09:00"),
    ("1430hrs", "14:30"),
    ("1430 hrs", "14:30"),
    ("1430", "14:30"),
    ("0905", "09:05"),
    ("930", "09:30"),
    ("14:30:00", "14:30"),
    ("14h30", "14:30"),
    ("noon", "12:00"),
    ("midnight", "00:00"),
    (dt.time(14, 30), "14:30"),
    (dt.datetime(1899, 12, 30, 14, 30), "14:30"),
    (pd.Timestamp("2007-03-12 14:30"), "14:30"),
    (pd.Timedelta(hours=14, minutes=30), "14:30"),
    (0.6041666666, "14:30"),
    (0.375, "09:00"),
    (1430, "14:30"),
    (0, "00:00"),
]


@pytest.mark.parametrize(("cell", "expected"), TIMES)
def test_time_column_forms(cell: object, expected: str) -> None:
    parsed = parse_dates(pd.Series(["12 March 2007"]), times=pd.Series([cell], dtype=object))
    row = parsed.frame.iloc[0]
    start = ts(f"2007-03-12 {expected}")
    assert (row["start"], row["end"], row["precision"]) == (
        start,
        start + pd.Timedelta(seconds=59),
        "minute",
    )
    assert parsed.warnings == []


@pytest.mark.parametrize(("cell", "expected"), TIMES[:6])
def test_parse_time(cell: object, expected: str) -> None:
    hour, minute = map(int, expected.split(":"))
    assert parse_time(cell) == dt.time(hour, minute)


@pytest.mark.parametrize(
    ("cell", "minute"),
    [
        ("14:00 - call from school", "14:00"),
        ("23:10 PC1 attended", "23:10"),
        ("1430hrs: visit", "14:30"),
        ("2.30pm phone call", "14:30"),
    ],
)
def test_a_time_cell_with_words_after_its_time_keeps_the_time(cell: str, minute: str) -> None:
    """A time cell an officer wrote on ("23:10 PC1 attended"): the time is read and the
    words named in an extra_text warning (they stay in date_text); it had kept only the
    day (unreadable_time)."""
    parsed = parse_dates(pd.Series(["12 March 2007"]), times=pd.Series([cell]))
    row = parsed.frame.iloc[0]
    assert (row["start"], row["precision"]) == (ts(f"2007-03-12 {minute}"), "minute")
    assert codes(parsed) == [("extra_text", 0)]
    assert repr(cell) in parsed.warnings[0][1] and f"as {minute}" in parsed.warnings[0][1]


@pytest.mark.parametrize("cell", ["25:00", "14:75", "13pm", "14", "teatime", "0.5.3", "2 weeks"])
def test_unreadable_time_keeps_the_day_and_warns(cell: str) -> None:
    parsed = parse_dates(pd.Series(["12 March 2007"]), times=pd.Series([cell]))
    row = parsed.frame.iloc[0]
    assert (row["start"], row["precision"]) == (ts("2007-03-12"), DAY)
    assert codes(parsed) == [("unreadable_time", 0)]
    assert repr(cell) in parsed.warnings[0][1]
    with pytest.raises(DateParseError):
        parse_time(cell)


def test_blank_times_leave_the_day() -> None:
    parsed = parse_dates(
        pd.Series(["12 March 2007"] * 4), times=pd.Series(["", None, np.nan, "  "], dtype=object)
    )
    assert parsed.frame["precision"].tolist() == [DAY] * 4
    assert parsed.warnings == []


def test_a_time_range_in_the_time_column() -> None:
    parsed = parse_dates(pd.Series(["12 March 2007"]), times=pd.Series(["14:00 - 15:30"]))
    row = parsed.frame.iloc[0]
    assert (row["start"], row["end"]) == (ts("2007-03-12 14:00"), ts("2007-03-12 15:30:59"))


def test_an_approximate_time_makes_the_row_approximate() -> None:
    parsed = parse_dates(pd.Series(["12 March 2007"]), times=pd.Series(["approx 14:30"]))
    assert parsed.frame["start"].iloc[0] == ts("2007-03-12 14:30")
    assert bool(parsed.frame["approximate"].iloc[0])
    assert codes(parsed) == [("approximate_date", 0)]


def test_a_time_only_applies_to_single_days() -> None:
    parsed = parse_dates(
        pd.Series(["March 2007", "12/03/2007 09:00", "12/03/2007 14:30", "garbage"]),
        dayfirst=True,
        times=pd.Series(["14:30", "14:30", "14:30", "14:30"]),
    )
    frame = parsed.frame
    assert frame["precision"].tolist()[:3] == ["month", "minute", "minute"]
    assert frame["start"].iloc[1] == ts("2007-03-12 09:00")
    assert codes(parsed) == [("time_ignored", 0), ("time_ignored", 1)]


def test_a_time_does_not_shrink_a_range_of_days() -> None:
    parsed = parse_dates(pd.Series(["3-5 June 2007"]), times=pd.Series(["14:30"]))
    row = parsed.frame.iloc[0]
    assert (row["start"], row["end"]) == (ts("2007-06-03"), ts("2007-06-05 23:59:59"))
    assert codes(parsed) == [("time_ignored", 0)]


def test_datetime_time_column() -> None:
    times = pd.Series([pd.Timestamp("1900-01-01 14:30"), pd.NaT])
    parsed = parse_dates(pd.Series(["12/03/2007", "13/03/2007"]), times=times)
    assert parsed.frame["start"].tolist() == [ts("2007-03-12 14:30"), ts("2007-03-13")]


# --- Excel values ------------------------------------------------------------------------------


def test_excel_serial_numbers() -> None:
    frame = read([39153, 39153.0, 39153.604166667, np.int64(39154), 2007, 3654]).frame
    assert frame["start"].tolist() == [
        ts("2007-03-12"),
        ts("2007-03-12"),
        ts("2007-03-12 14:30"),
        ts("2007-03-13"),
        ts("2007-01-01"),  # a whole number 1900-2100 is a year
        ts("1910-01-01"),  # the first serial read as a date
    ]
    assert frame["precision"].tolist() == [DAY, DAY, "minute", DAY, "year", DAY]


@pytest.mark.parametrize("value", [1, 12.03, 61, 1430, 3653.5])
def test_a_serial_before_1910_is_a_number_typed_in_a_date_cell(value: float) -> None:
    """'12.03' typed into Excel is the number 12.03: 12/01/1900 00:43 as a serial."""
    row = one(value)
    assert row["error_code"] == "implausible_date"
    assert "before 1910" in row["error"] and "type the whole date" in row["error"]


def test_excel_serial_series_of_floats() -> None:
    parsed = parse_dates(pd.Series([39153.0, np.nan, 39153.5]))
    frame = parsed.frame
    assert frame["start"].iloc[0] == ts("2007-03-12")
    assert frame["error_code"].iloc[1] == "empty_date"
    assert frame["start"].iloc[2] == ts("2007-03-12 12:00")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (60, "impossible_date"),
        (0, "empty_date"),  # Excel's day 0: a formula's blank (tests/test_realworld_dates.py)
        (-5, "unreadable_date"),
        (2958465, "implausible_date"),
        (3e7, "unreadable_date"),
        (float("inf"), "unreadable_date"),
    ],
)
def test_implausible_serials(value: float, code: str) -> None:
    assert one(value)["error_code"] == code


def test_serial_text_is_read_and_warned() -> None:
    parsed = read(["39153"])
    assert parsed.frame["start"].iloc[0] == ts("2007-03-12")
    assert codes(parsed) == [("excel_serial_text", 0)]
    assert "'39153' looks like an Excel date serial" in parsed.warnings[0][1]


def test_datetime_objects() -> None:
    cells = [
        dt.datetime(2007, 3, 12),
        dt.datetime(2007, 3, 12, 14, 30, 45),
        dt.date(2007, 3, 12),
        pd.Timestamp("2007-03-12"),
        pd.Timestamp("2007-03-12 14:30", tz="Europe/London"),
        np.datetime64("2007-03-12"),
        dt.datetime(1850, 1, 1),
        dt.time(14, 30),
    ]
    frame = read(cells).frame
    assert frame["start"].tolist()[:6] == [
        ts("2007-03-12"),
        ts("2007-03-12 14:30"),
        ts("2007-03-12"),
        ts("2007-03-12"),
        ts("2007-03-12 14:30"),
        ts("2007-03-12"),
    ]
    assert frame["end"].iloc[1] == ts("2007-03-12 14:30:59")
    assert frame["precision"].tolist()[:6] == [DAY, "minute", DAY, DAY, "minute", DAY]
    assert frame["error_code"].tolist()[6:] == ["implausible_date", "unreadable_date"]


@pytest.mark.parametrize("unit", ["ns", "us", "s"])
def test_datetime64_series(unit: str) -> None:
    moments = [pd.Timestamp("2007-03-12"), pd.Timestamp("2007-03-12 14:30"), pd.NaT]
    values = pd.Series(moments).dt.as_unit(unit)
    frame = parse_dates(values).frame
    assert frame["start"].iloc[:2].tolist() == [ts("2007-03-12"), ts("2007-03-12 14:30")]
    assert frame["precision"].iloc[:2].tolist() == [DAY, "minute"]
    assert frame["error_code"].iloc[2] == "empty_date"


def test_tz_aware_datetime64_series_keeps_the_wall_clock() -> None:
    values = pd.Series(pd.to_datetime(["2007-07-12 14:30"]).tz_localize("Europe/London"))
    assert parse_dates(values).frame["start"].iloc[0] == ts("2007-07-12 14:30")


def test_mixed_cells_as_excel_readers_deliver_them() -> None:
    cells = ["12/03/2007", dt.datetime(2007, 3, 13), 39155, None, "March 2007", True, [1, 2]]
    frame = read(cells).frame
    assert frame["start"].tolist()[:3] == [ts("2007-03-12"), ts("2007-03-13"), ts("2007-03-14")]
    assert frame["precision"].iloc[4] == "month"
    assert frame["error_code"].iloc[[3, 5, 6]].tolist() == [
        "empty_date",
        "unreadable_date",
        "unreadable_date",
    ]
    assert frame["error"].iloc[6] == "cannot read [1, 2] (list) as a date"


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (pd.Series([39153, None], dtype="Int64"), [ts("2007-03-12"), pd.NaT]),
        (pd.Series([39153.5, None], dtype="Float64"), [ts("2007-03-12 12:00"), pd.NaT]),
        (
            pd.Series([dt.date(2007, 3, 12), None], dtype="date32[pyarrow]"),
            [ts("2007-03-12"), pd.NaT],
        ),
        (
            pd.Series([pd.Timestamp("2007-03-12 14:30"), None], dtype="timestamp[ns][pyarrow]"),
            [ts("2007-03-12 14:30"), pd.NaT],
        ),
        (pd.Series(["12/03/2007", None], dtype="string[pyarrow]"), [ts("2007-03-12"), pd.NaT]),
        (pd.Series(pd.to_timedelta([1, 2], unit="D")), [pd.NaT, pd.NaT]),
        (pd.Series([1 + 2j, 3j]), [pd.NaT, pd.NaT]),
        (pd.Series([True, False]), [pd.NaT, pd.NaT]),
    ],
)
def test_column_dtypes(values: pd.Series, expected: list[pd.Timestamp]) -> None:
    frame = parse_dates(values, dayfirst=True).frame
    assert frame["start"].tolist() == expected


def test_categorical_and_string_dtypes() -> None:
    for values in (
        pd.Series(["12/03/2007", "March 2007"], dtype="category"),
        pd.Series(["12/03/2007", "March 2007"], dtype="string"),
    ):
        assert parse_dates(values).frame["precision"].tolist() == [DAY, "month"]


# --- the end-date column -----------------------------------------------------------------------


def test_end_values_set_the_end() -> None:
    parsed = parse_dates(
        pd.Series(["12/03/2007", "March 2007", "12/03/2007", "12/03/2007", "garbage"]),
        end_values=pd.Series(["14/03/2007", "June 2007", "", "c. 20/03/2007", "14/03/2007"]),
    )
    frame = parsed.frame
    assert (
        frame["start"].tolist()[:4] == [ts("2007-03-12"), ts("2007-03-01")] + [ts("2007-03-12")] * 2
    )
    assert frame["end"].tolist()[:4] == [
        ts("2007-03-14 23:59:59"),
        ts("2007-06-30 23:59:59"),
        ts("2007-03-12 23:59:59"),
        ts("2007-03-20 23:59:59"),
    ]
    assert frame["precision"].tolist()[:4] == [DAY, "month", DAY, DAY]
    assert frame["approximate"].tolist()[:4] == [False, False, False, True]
    assert codes(parsed) == [("approximate_date", 3)]
    assert frame["error_code"].iloc[4] == "unreadable_date"


def test_end_before_start_is_ignored_with_a_warning() -> None:
    parsed = parse_dates(pd.Series(["12 March 2007"]), end_values=pd.Series(["10 March 2007"]))
    assert parsed.frame["end"].iloc[0] == ts("2007-03-12 23:59:59")
    assert codes(parsed) == [("end_before_start", 0)]


def test_unreadable_end_date_is_ignored_with_the_reason() -> None:
    parsed = parse_dates(pd.Series(["12 March 2007"]), end_values=pd.Series(["31/06/2007"]))
    assert parsed.frame["end"].iloc[0] == ts("2007-03-12 23:59:59")
    assert codes(parsed) == [("unreadable_end_date", 0)]
    assert "June has 30 days" in parsed.warnings[0][1]


def test_end_values_with_a_time_column() -> None:
    parsed = parse_dates(
        pd.Series(["12 March 2007"]),
        times=pd.Series(["09:00"]),
        end_values=pd.Series(["13/03/2007"]),
    )
    row = parsed.frame.iloc[0]
    assert (row["start"], row["end"], row["precision"]) == (
        ts("2007-03-12 09:00"),
        ts("2007-03-13 23:59:59"),
        DAY,
    )


# --- the frame and the API ---------------------------------------------------------------------


def test_frame_shape_dtypes_and_index() -> None:
    values = pd.Series(["12/03/2007", "garbage", None], index=["r1", "r2", "r3"])
    parsed = parse_dates(values)
    frame = parsed.frame
    assert tuple(frame.columns) == FRAME_COLUMNS
    assert frame.index.equals(values.index)
    assert frame["start"].dtype == "datetime64[ns]" and frame["end"].dtype == "datetime64[ns]"
    assert frame["approximate"].dtype == bool and frame["relative"].dtype == bool
    assert pd.api.types.is_string_dtype(frame["precision"].dtype)
    assert pd.api.types.is_string_dtype(frame["error_code"].dtype)
    assert frame["error_code"].tolist()[1:] == ["unreadable_date", "empty_date"]
    assert set(frame["precision"].dropna()) <= set(schema.PRECISIONS)


def test_empty_input() -> None:
    parsed = parse_dates(pd.Series([], dtype=object))
    assert parsed.frame.empty and tuple(parsed.frame.columns) == FRAME_COLUMNS
    assert parsed.dayfirst is True and parsed.warnings == []


def test_warnings_carry_index_labels_in_row_order() -> None:
    values = pd.Series(["c. 2007", "12/03/2007 (tel)", "?12/03/2007 (tel)"], index=[10, 5, 7])
    parsed = parse_dates(values, dayfirst=True)
    assert codes(parsed) == [
        ("approximate_date", 10),
        ("extra_text", 5),
        ("approximate_date", 7),
        ("extra_text", 7),
    ]


def test_the_input_is_not_modified() -> None:
    values = pd.Series(["12/03/2007", "2 weeks later", None])
    times = pd.Series(["14:30", None, None])
    before, before_times = values.copy(), times.copy()
    parse_dates(values, times=times, end_values=values, anchor_relative=True)
    pd.testing.assert_series_equal(values, before)
    pd.testing.assert_series_equal(times, before_times)


def test_wrong_argument_types_and_shapes() -> None:
    with pytest.raises(TypeError, match="pandas Series"):
        parse_dates(["12/03/2007"])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="same index"):
        parse_dates(pd.Series(["12 March 2007"]), times=pd.Series(["14:30", "15:00"]))
    with pytest.raises(TypeError):
        parse_dates(pd.Series(["12 March 2007"]), end_values="14/03/2007")  # type: ignore[arg-type]


def test_parse_date_raises_with_evidence() -> None:
    with pytest.raises(DateParseError) as info:
        parse_date("31/06/2007")
    err = info.value
    assert isinstance(err, ScrTimelineError) and isinstance(err, ValueError)
    assert err.found == "31/06/2007" and err.expected == "a real calendar date"
    assert str(err) == (
        "cannot read '31/06/2007' as a date: June has 30 days (found '31/06/2007'; "
        "expected a real calendar date)"
    )
    with pytest.raises(DateParseError, match="relative date"):
        parse_date("2 weeks later")


def test_codes_used_are_documented() -> None:
    cells = ["31/06/2007", "12 March", "2 weeks later", "", "x", "0207-01-01", "5-3 June 2007"]
    frame = read([*cells, "25/12/2007", "04/13/2007"]).frame
    assert set(frame["error_code"].dropna()) <= set(ERROR_CODES)
    parsed = read(["c. 2007", "39153", "12/03/2007 x", "Tue 12/03/2007", "04/05/2007"])
    assert {code for code, _, _ in parsed.warnings} <= set(WARNING_CODES)


def test_strict_forms_never_reach_the_reference_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """The speed guarantee: common forms are read by the vectorised pass only."""
    calls: list[str] = []
    original = dates._read_text

    def counting(text: str, norm: str, dayfirst: bool) -> object:
        calls.append(text)
        return original(text, norm, dayfirst)

    monkeypatch.setattr(dates, "_read_text", counting)
    strict = [
        "12/03/2007",
        "12/03/07",
        "1.3.07",
        "2007-03-12",
        "2007-03-12T14:30:00",
        "12 March 2007",
        "12th Mar 07",
        "Monday 12 March 2007",
        "March 12, 2007",
        "March 2007",
        "Mar-07",
        "03/2007",
        "2007",
        "w/c 12/03/07",
        "c. June 2007",
        "?22 May 2016",
        "22/05/2016 (approx)",
        "12/03/07 at 2.30pm",
        "12/03/2007 1430hrs",
        "39153",
    ]
    parsed = read(strict * 3 + ["Spring 2007"])
    assert parsed.frame["error_code"].isna().all()
    assert calls == ["Spring 2007"]


# --- properties --------------------------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "12",
        "3",
        "03",
        "31",
        "29",
        "2",
        "00",
        "13",
        "2007",
        "07",
        "1999",
        "39153",
        "/",
        ".",
        "-",
        " ",
        ":",
        "30",
        "14",
        "pm",
        "am",
        "hrs",
        "th",
        "st",
        "of",
        "march",
        "mar",
        "sept",
        "feb",
        "june",
        "monday",
        "tue",
        "w/c",
        "w/e",
        "week commencing",
        "c.",
        "circa",
        "approx",
        "?",
        "(approx)",
        "early",
        "mid",
        "late",
        "end of",
        "spring",
        "winter",
        "between",
        "and",
        "to",
        "2 weeks later",
        "the next day",
        "same day",
        "at",
        "t",
        ",",
        "(",
        ")",
        "'",
        "x",
        "tel",
        # days and months written as unknown, zero dates, halves, week numbers, day parts
        "??",
        "xx",
        "nk",
        "__",
        "--",
        "0",
        "00000000",
        "20070300",
        "200703131430",
        "1900",
        "h1",
        "first half of",
        "week",
        "wk",
        "late evening",
        "fy",
    ]
)
DATEISH = st.lists(PIECES, max_size=8).map("".join)
NUMBER = st.one_of(st.integers(0, 40), st.sampled_from([2007, 1999, 2100, 2101, 1899, 7, 0]))
SEP = st.sampled_from(["/", ".", "-", " / ", " ", "", ",", "'"])
WORD = st.sampled_from(
    [
        *("march", "Mar", "sept", "febuary", "may", "monday", "Tue", "spring", "of", "the", "th"),
        *("x", "??", "xx", "00", "nk", "h2", "fy", "wk"),
    ]
)
PRE = st.sampled_from(["", "", "c. ", "circa ", "?", "approx ", "about ", "w/c ", "w/e ", "~"])
SUF = st.sampled_from(["", "", "?", " (approx)", " approx", " (tel)", " 14:30", " 2.30pm", " 1430"])
NEAR_DATE = st.tuples(
    PRE, st.lists(st.one_of(NUMBER.map(str), WORD), min_size=1, max_size=4), SEP, SUF
).map(lambda t: t[0] + t[2].join(t[1]) + t[3])
ANY_TEXT = st.one_of(DATEISH, st.text(max_size=30))


def _check_frame(parsed: ParsedDates, n: int) -> None:
    frame = parsed.frame
    assert len(frame) == n
    ok = frame["start"].notna()
    assert (frame["end"].notna() == ok).all()
    assert (frame["start"][ok] <= frame["end"][ok]).all()
    assert frame["precision"][ok].isin(schema.PRECISIONS).all()
    assert frame["precision"][~ok].isna().all()
    assert frame["error_code"][~ok].isin(list(ERROR_CODES)).all()
    assert frame["error_code"][ok].isna().all()
    assert not frame["error"].dropna().str.contains("internal error").any()
    for code, message, _ in parsed.warnings:
        assert code in WARNING_CODES and message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ANY_TEXT, max_size=12), st.sampled_from([None, True, False]), st.booleans())
def test_any_text_gives_an_interval_or_a_reason(
    cells: list[str], dayfirst: bool | None, anchor: bool
) -> None:
    parsed = parse_dates(pd.Series(cells, dtype=object), dayfirst=dayfirst, anchor_relative=anchor)
    _check_frame(parsed, len(cells))


CELLS = st.one_of(
    st.none(),
    ANY_TEXT,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.datetimes(),
    st.dates(),
    st.times(),
    st.booleans(),
    st.decimals(),
    st.lists(st.integers(), max_size=2),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(CELLS, max_size=10), st.lists(CELLS, max_size=10), st.booleans())
def test_any_cells_never_raise(dates_: list[object], others: list[object], anchor: bool) -> None:
    n = len(dates_)
    others = (others + [None] * n)[:n]
    parsed = parse_dates(
        pd.Series(dates_, dtype=object),
        times=pd.Series(others, dtype=object),
        end_values=pd.Series(others[::-1], dtype=object),
        anchor_relative=anchor,
    )
    _check_frame(parsed, n)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(DATEISH, NEAR_DATE), min_size=1, max_size=6), st.booleans())
def test_vectorised_pass_agrees_with_the_reference_reader(cells: list[str], dayfirst: bool) -> None:
    values = pd.Series(cells, dtype=object)
    fast = parse_dates(values, dayfirst=dayfirst)
    slow = dates._parse_dates(
        values,
        times=None,
        end_values=None,
        dayfirst=dayfirst,
        anchor_relative=False,
        vectorised=False,
    )
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert fast.warnings == slow.warnings


def _ordinal(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _read_one(text: str, *, vectorised: bool) -> ParsedDates:
    """One cell read day first, by the vectorised pass or the reference reader alone."""
    return dates._parse_dates(
        pd.Series([text]),
        times=None,
        end_values=None,
        dayfirst=True,
        anchor_relative=False,
        vectorised=vectorised,
    )


def _write(day: dt.date, form: int) -> str | None:
    """``day`` written in form number ``form``; None if that form cannot hold it."""
    d, m, y = day.day, day.month, day.year
    yy = f"{y % 100:02d}"
    month, mon = MONTHS[m - 1], MONTHS[m - 1][:3]
    weekday = WEEKDAYS[day.weekday()]
    two_digit_ok = TODAY.year - 99 <= y <= TODAY.year
    forms = {
        0: f"{d:02d}/{m:02d}/{y}",
        1: f"{d:02d}/{m:02d}/{yy}" if two_digit_ok else None,
        2: f"{d}/{m}/{yy}" if two_digit_ok else None,
        3: f"{d}.{m}.{yy}" if two_digit_ok else None,
        4: f"{d:02d}-{m:02d}-{y}",
        5: f"{d:02d}.{m:02d}.{y}",
        6: f"{y}-{m:02d}-{d:02d}",
        7: f"{d} {month} {y}",
        8: f"{d} {mon} {y}",
        9: f"{d}{_ordinal(d)} {month} {y}",
        10: f"{d}{_ordinal(d)} {mon} {yy}" if two_digit_ok else None,
        11: f"{d}{_ordinal(d)} of {month} {y}",
        12: f"{weekday} {d} {month} {y}",
        13: f"{weekday[:3]} {d:02d}/{m:02d}/{y}",
        14: f"{month} {d}, {y}",
        15: f"{weekday}, {d}{_ordinal(d)} {month.upper()} {y}",
        16: f"{d}-{mon}-{y}",
        17: f"{d} {'Sept' if m == 9 else mon}. {y}",
        18: f"{d:02d}/{m:02d}/{y} 00:00",
        19: f"{d:02d}/{m:02d}/'{yy}" if two_digit_ok else None,
        20: f"({d}/{m}/{y})",
    }
    return forms[form]


@settings(max_examples=400, deadline=None)
@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.integers(min_value=0, max_value=20),
)
def test_a_real_date_written_any_way_reads_back_as_itself(day: dt.date, form: int) -> None:
    text = _write(day, form)
    assume(text is not None)
    expected = pd.Timestamp(day)
    for vectorised in (True, False):
        parsed = _read_one(text, vectorised=vectorised)
        row = parsed.frame.iloc[0]
        precision = "minute" if form == 18 else DAY
        assert (row["start"], row["precision"]) == (expected, precision), text
        assert parsed.warnings == []


def _write_without_day(day: dt.date, form: int) -> tuple[str, str] | None:
    """``day``'s month (or year) written with the day (or day and month) not known, and the
    precision it stands for; None if that form cannot hold it."""
    m, y = day.month, day.year
    yy = f"{y % 100:02d}"
    mon = MONTHS[m - 1][:3]
    two_digit_ok = TODAY.year - 99 <= y <= TODAY.year
    forms: dict[int, tuple[str, str] | None] = {
        0: (f"00/{m:02d}/{y}", MONTH),
        # ('00/01/00' is how Excel shows an empty date cell: never January 2000, see dates.md)
        1: (f"00/{m:02d}/{yy}", MONTH) if two_digit_ok and (m, yy) != (1, "00") else None,
        2: (f"0/{m}/{y}", MONTH),
        3: (f"??/{m:02d}/{y}", MONTH),
        4: (f"xx.{m}.{yy}", MONTH) if two_digit_ok else None,
        5: (f"--/{m:02d}/{y}", MONTH),
        6: (f"NK/{m:02d}/{y}", MONTH),
        7: (f"{y}-{m:02d}-00", MONTH),
        8: (f"{y}-{m:02d}-??", MONTH),
        9: (f"{y}{m:02d}00", MONTH),
        10: (f"?? {MONTHS[m - 1]} {y}", MONTH),
        11: (f"00-{mon.upper()}-{y}", MONTH),
        12: (f"00/00/{y}", YEAR),
        13: (f"{y}-00-00", YEAR),
        14: (f"xx/xx/{yy}", YEAR) if two_digit_ok else None,
        15: (f"00/{m:02d}/{y} 14:30", MONTH),
    }
    return forms[form]


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.integers(min_value=0, max_value=15),
)
def test_a_date_written_without_its_day_reads_back_as_its_month(day: dt.date, form: int) -> None:
    """'00/03/2007', '??/03/07', '2007-03-00', '?? March 2007' are the month of the day;
    '00/00/2007' its year: the whole month (year), and both readers agree."""
    written = _write_without_day(day, form)
    assume(written is not None)
    assert written is not None
    text, precision = written
    first = day.replace(day=1) if precision == MONTH else day.replace(month=1, day=1)
    after = (
        (pd.Timestamp(first) + pd.offsets.MonthBegin(1))
        if precision == MONTH
        else pd.Timestamp(first.replace(year=first.year + 1))
    )
    for vectorised in (True, False):
        parsed = _read_one(text, vectorised=vectorised)
        row = parsed.frame.iloc[0]
        assert (row["start"], row["end"], row["precision"]) == (
            pd.Timestamp(first),
            after - pd.Timedelta(seconds=1),
            precision,
        ), text
        assert row["start"] <= pd.Timestamp(day) <= row["end"]
        assert not row["approximate"]
        warned = [code for code, _, _ in parsed.warnings]
        assert warned == (["time_ignored"] if form == 15 else []), text


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.sampled_from(["FY {y}/{z2}", "FY{y2}/{z2}", "financial year {y}-{z}"]),
)
def test_a_financial_year_holding_a_day_reads_back_as_april_to_march(
    day: dt.date, form: str
) -> None:
    y = day.year if day.month >= 4 else day.year - 1
    text = form.format(y=y, z=y + 1, y2=f"{y % 100:02d}", z2=f"{(y + 1) % 100:02d}")
    assume(TODAY.year - 99 <= y <= TODAY.year or "{y2}" not in form)
    row = one(text, dayfirst=True)
    assert (row["start"], row["end"], row["precision"]) == (
        pd.Timestamp(y, 4, 1),
        pd.Timestamp(y + 1, 4, 1) - pd.Timedelta(seconds=1),
        YEAR,
    ), text
    assert row["start"] <= pd.Timestamp(day) <= row["end"]


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.sampled_from(["H{n} {y}", "{y} H{n}", "{nth} half of {y}", "the {nth} half of {y}"]),
)
def test_a_half_year_holding_a_day_reads_back_as_its_six_months(day: dt.date, form: str) -> None:
    n = 1 if day.month <= 6 else 2
    text = form.format(n=n, y=day.year, nth=("first", "second")[n - 1])
    first = pd.Timestamp(day.year, 1 + 6 * (n - 1), 1)
    for vectorised in (True, False):
        row = _read_one(text, vectorised=vectorised).frame.iloc[0]
        assert (row["start"], row["end"], row["precision"]) == (
            first,
            first + pd.DateOffset(months=6) - pd.Timedelta(seconds=1),
            "season",
        ), text
        assert row["start"] <= pd.Timestamp(day) <= row["end"]


@settings(max_examples=150, deadline=None)
@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.sampled_from(["early", "mid", "late", "mid-"]),
    st.sampled_from(["morning", "afternoon", "evening", "am", "pm"]),
    st.booleans(),
)
def test_a_qualified_part_of_the_day_reads_back_as_the_whole_part(
    day: dt.date, qualifier: str, part: str, first: bool
) -> None:
    """'late evening 12/03/2007' is that day's evening, as 'evening 12/03/2007' is."""
    date = f"{day.day:02d}/{day.month:02d}/{day.year}"
    spaced = qualifier if qualifier.endswith("-") else f"{qualifier} "
    text = f"{spaced}{part} {date}" if first else f"{date} {spaced}{part}"
    plain = f"{part} {date}" if first else f"{date} {part}"
    for vectorised in (True, False):
        row, bare = (_read_one(t, vectorised=vectorised).frame.iloc[0] for t in (text, plain))
        assert (row["start"], row["end"], row["precision"]) == (
            bare["start"],
            bare["end"],
            DAY,
        ), text
        assert (
            pd.Timestamp(day)
            <= row["start"]
            <= row["end"]
            < pd.Timestamp(day) + pd.Timedelta(days=1)
        )


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_excel_serials_and_objects_read_back(day: dt.date) -> None:
    serial = (day - dt.date(1899, 12, 30)).days
    frame = read([serial, float(serial), day, dt.datetime.combine(day, dt.time())]).frame
    assert frame["start"].tolist() == [pd.Timestamp(day)] * 4
    assert frame["precision"].tolist() == [DAY] * 4


def test_decimal_cells() -> None:
    frame = read([Decimal("39153"), Decimal("NaN"), Decimal("sNaN")]).frame
    assert frame["start"].iloc[0] == ts("2007-03-12")
    assert frame["start"].iloc[1:].isna().all()


def test_docs_list_every_error_and_warning_code():
    from pathlib import Path

    from scr_timeline.dates import ERROR_CODES, WARNING_CODES

    text = (Path(__file__).resolve().parents[1] / "docs" / "dates.md").read_text(encoding="utf-8")
    for code in [*ERROR_CODES, *WARNING_CODES]:
        assert f"`{code}`" in text, code


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(CELLS, DATEISH, NEAR_DATE), max_size=12),
    st.lists(st.one_of(st.none(), ANY_TEXT, st.times()), max_size=12),
    st.booleans(),
    st.sampled_from([None, True, False]),
)
def test_the_readers_arrays_say_what_the_frame_says(
    dates_: list[object], times: list[object], anchor: bool, dayfirst: bool | None
) -> None:
    n = len(dates_)
    values = pd.Series(dates_, dtype=object, index=pd.RangeIndex(10, 10 + n))
    time_cells = pd.Series((times + [None] * n)[:n], dtype=object, index=values.index)
    parsed = parse_dates(values, times=time_cells, anchor_relative=anchor, dayfirst=dayfirst)
    found = dates.parse_date_arrays(
        values, times=time_cells, anchor_relative=anchor, dayfirst=dayfirst
    )
    frame = parsed.frame
    assert found.dayfirst == parsed.dayfirst
    assert pd.Series(found.start).equals(pd.Series(frame["start"].to_numpy()))
    assert pd.Series(found.end).equals(pd.Series(frame["end"].to_numpy()))
    names = [schema.PRECISIONS[p] if p >= 0 else None for p in found.precision.tolist()]
    assert names == [None if pd.isna(p) else p for p in frame["precision"].tolist()]
    failed = frame["error_code"].notna().to_numpy()
    assert found.error_code.tolist() == frame["error_code"][failed].tolist()
    assert found.error.tolist() == frame["error"][failed].tolist()
    rows = [values.index[i] for i in found.warning_rows.tolist()]
    arrays = [(code, message, None) for code, message in found.file_warnings] + list(
        zip(found.warning_codes.tolist(), found.warning_messages.tolist(), rows, strict=True)
    )
    assert arrays == parsed.warnings


def test_importing_the_package_compiles_no_date_pattern() -> None:
    """The reference reader's patterns are compiled on first use, not by every process that
    imports the package (they cost a command-line run 10-15 ms); once used they read as
    the compiled patterns do."""
    import subprocess
    import sys

    probe = (
        "import re, scr_timeline\n"
        "from scr_timeline import dates\n"
        "lazy = [v for v in vars(dates).values() if isinstance(v, dates._LazyPattern)]\n"
        "compiled = [v for v in vars(dates).values() if isinstance(v, re.Pattern)]\n"
        "used = [v for v in lazy if 'fullmatch' in vars(v)]\n"
        "print(len(lazy), len(compiled), len(used))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    n_lazy, n_compiled, n_used = map(int, found)
    assert n_lazy > 40 and n_compiled == 0 and n_used == 0
    lazy = dates._rx(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})")
    whole, inside = lazy.fullmatch("12/03"), lazy.search("on 1/2 and")
    assert whole is not None and whole["m"] == "03"
    assert inside is not None and inside["d"] == "1"
    assert lazy.sub("x", "1/2 3/4") == "x x" and lazy.pattern.startswith("(?P<d>")


def test_first_of_january_1900_is_a_placeholder_not_a_date() -> None:
    """01/01/1900 is what case-management systems and spreadsheets show where no date was
    entered: it had been kept as an event of 1900, stretching the timeline back a century.
    A month, a year or a time of day written with it is read as written."""
    cells = [
        "01/01/1900",
        "1900-01-01",
        "01/01/1900 00:00",
        dt.datetime(1900, 1, 1),
        "Jan 1900",
        "1900",
        "01/01/1900 14:30",
        "02/01/1900",
    ]
    frame = read(cells, dayfirst=True).frame
    assert frame["error_code"].tolist()[:4] == ["placeholder_date"] * 4
    assert "no date was entered" in frame["error"].iloc[0]
    assert frame["precision"].tolist()[4:] == ["month", "year", "minute", "day"]
    assert frame["start"].iloc[6] == ts("1900-01-01 14:30")


def test_messages_show_a_workbooks_date_as_a_person_reads_it() -> None:
    """A workbook's date cell in a message had been Python's repr: 'the date
    datetime.datetime(2014, 5, 1, 14, 30) has its own time'."""
    parsed = read([dt.datetime(2014, 5, 1, 14, 30)], times=pd.Series(["09:00"]), dayfirst=True)
    messages = [message for code, message, _ in parsed.warnings if code == "time_ignored"]
    assert messages == ["ignored the time 09:00: the date 01/05/2014 14:30 has its own time"]
