"""Dates as practitioners write them (s24 sweep): a day with no year and a time."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.dates import parse_dates


@pytest.mark.parametrize(
    "cell",
    [
        "20/3 14:45",
        "Tues 20/3 14:45",
        "20 March 14:45",
        "20 Mar 14.45",
        "20 March 1445hrs",
        "March 20 14:45",
        "Tue 20/03 at 2.45pm",
        "20th March @ 14:45",
    ],
)
def test_a_day_with_no_year_and_a_time_takes_the_year_of_the_row_above(cell: str) -> None:
    # it had been rejected (missing_year) although the same day without its time took the
    # year above; '20 March 14:45' had even been 20 March 2014 ('14' read as the year)
    parsed = parse_dates(pd.Series(["16/03/2007", cell]))
    row = parsed.frame.iloc[1]
    assert row["start"] == pd.Timestamp("2007-03-20 14:45")
    assert row["end"] == pd.Timestamp("2007-03-20 14:45:59")
    assert row["precision"] == "minute"
    codes = [code for code, _message, at in parsed.warnings if at == 1]
    assert codes == ["year_inferred"]


def test_with_no_row_to_take_the_year_from_it_is_missing_year() -> None:
    parsed = parse_dates(pd.Series(["20 March 14:45"]))
    assert parsed.frame["error_code"].tolist() == ["missing_year"]


@pytest.mark.parametrize(
    ("cell", "start"),
    [
        ("20 March 14", "2014-03-20"),  # a two-digit year, as '12 Mar 07'
        ("20 March 2007 14:45", "2007-03-20 14:45"),
        ("12/03/2007 14:45", "2007-03-12 14:45"),
    ],
)
def test_dates_with_their_year_read_as_before(cell: str, start: str) -> None:
    assert parse_dates(pd.Series([cell])).frame["start"].iloc[0] == pd.Timestamp(start)


@pytest.mark.parametrize("cell", ["12 03", "12.10", "14:45"])
def test_a_time_or_two_numbers_alone_stay_rejected(cell: str) -> None:
    parsed = parse_dates(pd.Series(["16/03/2007", cell]))
    assert parsed.frame["error_code"].iloc[1] == "unreadable_date"


def test_an_excel_serial_typed_as_text_with_an_apostrophe() -> None:
    # "'39154" (Excel's apostrophe keeping the number as text) had been unreadable, though
    # '39154' and "'13/03/2007" were read
    parsed = parse_dates(pd.Series(["'39154"]))
    assert parsed.frame["start"].tolist() == [pd.Timestamp("2007-03-13")]
    assert [code for code, _message, _row in parsed.warnings] == ["excel_serial_text"]
