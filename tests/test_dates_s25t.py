"""Dates as practitioners write them (s25 sweep): a program's date text, England's clock
zone in brackets, and a day with no year followed by words."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.dates import parse_date_arrays, parse_dates


@pytest.mark.parametrize(
    ("cell", "start", "end"),
    [
        ("Mon Mar 12 14:30:00 GMT 2007", "2007-03-12 14:30", "2007-03-12 14:30:59"),
        ("Tue Jul 10 09:05:00 BST 2007", "2007-07-10 09:05", "2007-07-10 09:05:59"),
        ("Mon Mar 12 14:30:00 2007", "2007-03-12 14:30", "2007-03-12 14:30:59"),
        # a date alone, as such a program prints it: its midnight is no time
        ("Mon Mar 12 00:00:00 GMT 2007", "2007-03-12", "2007-03-12 23:59:59"),
    ],
)
def test_a_date_as_a_program_prints_it(cell: str, start: str, end: str) -> None:
    # a Java Date's text (a case system's audit export) had been rejected as unreadable
    row = parse_dates(pd.Series([cell])).frame.iloc[0]
    assert row["start"] == pd.Timestamp(start)
    assert row["end"] == pd.Timestamp(end)


def test_a_wrong_weekday_in_a_programs_date_is_said() -> None:
    parsed = parse_dates(pd.Series(["Tue Mar 12 14:30:00 GMT 2007"]))
    assert parsed.frame["start"].iloc[0] == pd.Timestamp("2007-03-12 14:30")
    assert [w[0] for w in parsed.warnings] == ["weekday_mismatch"]


@pytest.mark.parametrize(
    "cell", ["12/03/2007 14:30 (BST)", "12/03/2007 2.30pm (GMT)", "12/03/2007 14:30 [BST]"]
)
def test_the_clocks_zone_in_brackets_is_part_of_the_time(cell: str) -> None:
    # '(BST)' had been taken for words after the date, and opened the entry's details
    found = parse_date_arrays(pd.Series([cell]))
    assert found.start[0] == pd.Timestamp("2007-03-12 14:30")
    assert found.words is None
    assert "extra_text" not in list(found.warning_codes)


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("20/3 DNA", "DNA"),
        ("20 March - home visit", "home visit"),
        ("Tue 20/3 (tel)", "(tel)"),
        ("20/3 14:30 - strategy discussion", "strategy discussion"),
        ("20/3 at 10", None),  # a bare hour: named, not moved
    ],
)
def test_a_day_with_no_year_and_words_after_it_takes_the_year_above(
    cell: str, words: str | None
) -> None:
    # they had been rejected (missing_year): the year was looked for in the date alone,
    # never in a date followed by words, though '20/3' and '20/03/2007 DNA' were each read
    found = parse_date_arrays(pd.Series(["16/03/2007", cell]))
    assert found.precision[1] >= 0
    assert pd.Timestamp(found.start[1]).normalize() == pd.Timestamp("2007-03-20")
    got = None if found.words is None else found.words[1]
    assert got == words
    codes = set(found.warning_codes[found.warning_rows == 1])
    assert {"year_inferred", "extra_text"} <= codes


@pytest.mark.parametrize(
    ("cell", "start", "end"),
    [
        # UTC is not the clock in England in summer: moved to it
        ("Tue Jul 10 09:05:00 UTC 2007", "2007-07-10 10:05", "2007-07-10 10:05:59"),
        ("Mon Mar 12 14:30:00 UTC 2007", "2007-03-12 14:30", "2007-03-12 14:30:59"),
        ("Tue Jul 10 00:00:00 UTC 2007", "2007-07-10", "2007-07-10 23:59:59"),  # a date alone
    ],
)
def test_a_program_date_in_utc_is_moved_to_the_clock_in_england(
    cell: str, start: str, end: str
) -> None:
    found = parse_date_arrays(pd.Series([cell]))
    assert found.start[0] == pd.Timestamp(start)
    assert found.end[0] == pd.Timestamp(end)


def test_a_number_after_a_part_of_a_month_with_no_year_is_not_ignored() -> None:
    # 'end of March 12' may be March 2012: not read as March 2007 ignoring the 12
    found = parse_date_arrays(pd.Series(["16/03/2007", "end of March 12"]))
    assert found.error_code.tolist() == ["missing_year"]


@pytest.mark.parametrize(
    ("cell", "start"),
    [
        # a time in UTC in summer had been read as the clock time, an hour early
        ("2007-07-10 09:05:00 +0000", "2007-07-10 10:05"),
        ("Tue, 10 Jul 2007 09:05:00 +0000", "2007-07-10 10:05"),
        ("2007-07-10 23:30:00 +0000", "2007-07-11 00:30"),
        ("2007-07-10 09:05:00+01:00", "2007-07-10 09:05"),
        ("Mon, 12 Mar 2007 14:30:00 +0000", "2007-03-12 14:30"),  # GMT in March
        # hours, not an offset
        ("12/07/2007 14:30:00-15:30", "2007-07-12 14:30"),
        ("2007-07-10 09:05-10:00", "2007-07-10 09:05"),
    ],
)
def test_a_time_with_its_utc_offset_after_its_seconds(cell: str, start: str) -> None:
    found = parse_date_arrays(pd.Series([cell]))
    assert found.start[0] == pd.Timestamp(start)
    assert "extra_text" not in list(found.warning_codes)


@pytest.mark.parametrize(
    ("cell", "start"),
    [
        # '(UTC)' had been words opening the details, and the time left an hour early
        ("10/07/2007 09:05 (UTC)", "2007-07-10 10:05"),
        ("10/07/2007 09:05 [UTC]", "2007-07-10 10:05"),
        ("12/03/2007 14:30 (UTC)", "2007-03-12 14:30"),
    ],
)
def test_utc_in_brackets_after_a_time(cell: str, start: str) -> None:
    found = parse_date_arrays(pd.Series([cell]))
    assert found.start[0] == pd.Timestamp(start)
    assert found.words is None
