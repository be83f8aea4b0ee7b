"""Dates as agencies' tables write them (s23 sweep): a time on the twelve-hour clock with no
am or pm."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from scr_timeline.dates import ParsedDates, parse_dates


def ts(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def codes(parsed: ParsedDates) -> list[tuple[str, object]]:
    return [(code, label) for code, _, label in parsed.warnings]


def test_an_afternoon_time_written_without_pm_is_read_as_written_and_flagged() -> None:
    # a social worker's '2.30' visit: read as 02:30 (the cell cannot say more), but the
    # reviewer is told it may be 14:30; it had been read as 02:30 with no word
    parsed = parse_dates(
        pd.Series(["12/03/2007", "13/03/2007", "14/03/2007", "15/03/2007"]),
        times=pd.Series(["2.30", "10:00", "4:15", "9.30"]),
    )
    assert parsed.frame["start"].tolist() == [
        ts("2007-03-12 02:30"), ts("2007-03-13 10:00"), ts("2007-03-14 04:15"),
        ts("2007-03-15 09:30"),
    ]  # fmt: skip
    assert codes(parsed) == [("twelve_hour_time", 0), ("twelve_hour_time", 2)]
    message = parsed.warnings[0][1]
    assert "'2.30'" in message and "02:30" in message and "14:30" in message


@pytest.mark.parametrize("time", ["02:30", "2.30pm", "2pm", "0230", "1430", "7.30am", "8.30"])
def test_a_time_that_says_its_half_of_the_day_is_not_flagged(time: str) -> None:
    parsed = parse_dates(pd.Series(["13/03/2007"]), times=pd.Series([time]))
    assert codes(parsed) == []


def test_a_table_on_the_24_hour_clock_is_not_flagged() -> None:
    # a police log writing '23:10' writes '2:30' for half past two in the night
    parsed = parse_dates(
        pd.Series(["12/03/2007", "13/03/2007"]), times=pd.Series(["23:10", "2:30"])
    )
    assert parsed.frame["start"].iloc[1] == ts("2007-03-13 02:30")
    assert codes(parsed) == []
    excel = parse_dates(
        pd.Series(["12/03/2007", "13/03/2007"]), times=pd.Series([dt.time(15, 0), "2.30"])
    )
    assert codes(excel) == []


def test_a_time_after_the_date_is_flagged_too() -> None:
    parsed = parse_dates(pd.Series(["12/03/2007 2.30", "13/03/2007 10:00", "14/03/2007 3.15pm"]))
    assert parsed.frame["start"].iloc[0] == ts("2007-03-12 02:30")
    assert codes(parsed) == [("twelve_hour_time", 0)]
    on_24 = parse_dates(pd.Series(["12/03/2007 2.30", "13/03/2007 14:10"]))
    assert codes(on_24) == []


def test_a_part_of_the_day_after_noon_already_places_the_time() -> None:
    parsed = parse_dates(pd.Series(["13/03/2007 pm"]), times=pd.Series(["2.30"]))
    assert parsed.frame["start"].iloc[0] == ts("2007-03-13 14:30")
    assert codes(parsed) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Sep't 2007", "2007-09-01", "2007-09-30 23:59:59"),
        ("12 Sep't 2007", "2007-09-12", "2007-09-12 23:59:59"),
        ("Feb'y 2008", "2008-02-01", "2008-02-29 23:59:59"),
        ("3rd Jan'y 2008", "2008-01-03", "2008-01-03 23:59:59"),
        ("Oct'r 2007", "2007-10-01", "2007-10-31 23:59:59"),
        # an apostrophe before the year is no contraction
        ("Mar'07", "2007-03-01", "2007-03-31 23:59:59"),
        ("Dec'06/Jan'07", "2006-12-01", "2007-01-31 23:59:59"),
    ],
)
def test_a_month_shortened_with_an_apostrophe_is_the_month(text: str, start: str, end: str):
    # "Sep't 2007" had been rejected as unreadable
    parsed = parse_dates(pd.Series([text]), dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["end"]) == (ts(start), ts(end))
    assert codes(parsed) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # school terms abbreviated as a school's log writes them
        ("Aut term 2007", "2007-09-01", "2007-12-31 23:59:59"),
        ("Spr. term 2007/08", "2008-01-01", "2008-04-30 23:59:59"),
        ("Sum hols 2007", "2007-07-01", "2007-09-30 23:59:59"),
        # a financial year abbreviated
        ("Fin Year 2006/07", "2006-04-01", "2007-03-31 23:59:59"),
        ("fin. year 2006-07", "2006-04-01", "2007-03-31 23:59:59"),
        ("Financial yr 06/07", "2006-04-01", "2007-03-31 23:59:59"),
        ("Q3 Fin Year 2007/08", "2007-10-01", "2007-12-31 23:59:59"),
        # a quarter abbreviated after its ordinal
        ("3rd Qtr 2007", "2007-07-01", "2007-09-30 23:59:59"),
        # 'beg.' with its full stop, as 'beg' is read
        ("beg. Sept 2007", "2007-09-01", "2007-09-10 23:59:59"),
    ],
)
def test_abbreviated_terms_financial_years_and_quarters(text: str, start: str, end: str):
    # each had been rejected as unreadable
    parsed = parse_dates(pd.Series([text]), dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["end"]) == (ts(start), ts(end))
    assert codes(parsed) == []


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        # Whit Sunday is seven weeks after Easter Sunday (8 April 2007, 23 March 2008)
        ("Whit Sunday 2008", "2008-05-11", "2008-05-11 23:59:59", "day"),
        ("Whit Monday 2007", "2007-05-28", "2007-05-28 23:59:59", "day"),
        ("Whit weekend 2007", "2007-05-26", "2007-05-28 23:59:59", "week"),
        # the Whit weekend or the Whitsun holiday (the late May half term): both
        ("Whitsun 2007", "2007-05-15", "2007-06-07 23:59:59", "month"),
        ("Whitsun holidays 2008", "2008-05-10", "2008-06-07 23:59:59", "month"),
    ],
)
def test_whitsun_is_read_from_easter(text: str, start: str, end: str, precision: str):
    # each had been rejected ('words before the date')
    parsed = parse_dates(pd.Series([text]), dayfirst=True)
    row = parsed.frame.iloc[0]
    assert (row["start"], row["end"], row["precision"]) == (ts(start), ts(end), precision)


def test_a_contracted_month_without_its_year_takes_the_year_above() -> None:
    parsed = parse_dates(pd.Series(["12/05/2007", "Sep't"]), dayfirst=True)
    row = parsed.frame.iloc[1]
    assert (row["start"], row["end"]) == (ts("2007-09-01"), ts("2007-09-30 23:59:59"))
    assert codes(parsed) == [("year_inferred", 1)]
