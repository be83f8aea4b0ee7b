"""Dates as systems print them (s26 sweep): offsets from GMT or UTC after a time."""

from __future__ import annotations

import pandas as pd
import pytest

import scr_timeline as scr


def _read(cell: str) -> tuple[pd.Timestamp, list[str]]:
    parsed = scr.parse_dates(pd.Series([cell]))
    codes = [code for code, _message, row in parsed.warnings if row == 0]
    return parsed.frame.loc[0, "start"], codes


@pytest.mark.parametrize(
    ("cell", "start"),
    [
        # GMT+0 (or UTC+0) in summer is UTC, an hour behind the clock: it had been 14:30
        ("12/07/2007 14:30 GMT+0", "2007-07-12 15:30"),
        ("12/07/2007 14:30 UTC+0", "2007-07-12 15:30"),
        ("12/07/2007 23:30 GMT+0", "2007-07-13 00:30"),
        # GMT+1 in summer is the clock (BST); in winter an hour ahead of it
        ("12/07/2007 14:30 GMT+1", "2007-07-12 14:30"),
        ("12/03/2007 14:30 GMT+1", "2007-03-12 13:30"),
        ("12/03/2007 14:30 GMT+0", "2007-03-12 14:30"),
        ("12/07/2007 14:30 (UTC+01:00)", "2007-07-12 14:30"),
        ("12/07/2007 2:30pm GMT+1", "2007-07-12 14:30"),
        # a UTC offset with no seconds ('+0000' had been dropped unseen)
        ("12/07/2007 14:30 +0000", "2007-07-12 15:30"),
        ("12/03/2007 14:30 +0100", "2007-03-12 13:30"),
        # JavaScript's date text, as web-based case systems export it
        ("Thu Jul 12 2007 14:30:00 GMT+0100 (British Summer Time)", "2007-07-12 14:30"),
        ("Mon Mar 12 2007 14:30:00 GMT+0000 (Greenwich Mean Time)", "2007-03-12 14:30"),
        ("12/07/2007 14:30 BST (GMT+1)", "2007-07-12 14:30"),
    ],
)
def test_an_offset_from_gmt_after_a_time_is_moved_to_the_clock_in_england(
    cell: str, start: str
) -> None:
    read, codes = _read(cell)
    assert read == pd.Timestamp(start)
    assert "extra_text" not in codes  # the zone had opened the entry's details


@pytest.mark.parametrize(
    "cell",
    [
        # England's clock as Windows and databases name its zone: the time as written
        "12/07/2007 14:30 GMT Daylight Time",
        "12/07/2007 14:30 Europe/London",
        "12/07/2007 14:30 (UTC+00:00) Dublin, Edinburgh, Lisbon, London",
    ],
)
def test_the_name_of_englands_clock_is_the_clock_time(cell: str) -> None:
    read, codes = _read(cell)
    assert read == pd.Timestamp("2007-07-12 14:30")
    assert "extra_text" not in codes


def test_a_minus_after_a_time_with_no_seconds_is_still_a_range() -> None:
    parsed = scr.parse_dates(pd.Series(["12/07/2007 09:00 -10:30"]))
    assert parsed.frame.loc[0, "start"] == pd.Timestamp("2007-07-12 09:00")
    assert parsed.frame.loc[0, "end"] == pd.Timestamp("2007-07-12 10:30:59")


@pytest.mark.parametrize(
    ("time", "start"),
    [
        # a time column in UTC, as police and hospital systems export one: it had been the
        # clock time (14:30), an hour early in summer; '23:30 UTC' is the next day
        ("14:30 UTC", "2007-07-12 15:30"),
        ("14:30Z", "2007-07-12 15:30"),
        ("14:30 (UTC)", "2007-07-12 15:30"),
        ("23:30 UTC", "2007-07-13 00:30"),
        ("14:30 GMT+0", "2007-07-12 15:30"),
        # an offset had left the time unread ('+0100') or opened the details ('GMT+1')
        ("14:30 +0100", "2007-07-12 14:30"),
        ("2.30pm GMT+1", "2007-07-12 14:30"),
        ("14:30 GMT Daylight Time", "2007-07-12 14:30"),
        ("14:30 (BST)", "2007-07-12 14:30"),
    ],
)
def test_a_time_columns_zone_is_moved_to_the_clock_in_england(time: str, start: str) -> None:
    parsed = scr.parse_dates(pd.Series(["12/07/2007"]), times=pd.Series([time]))
    assert parsed.frame.loc[0, "start"] == pd.Timestamp(start)
    codes = {code for code, _message, row in parsed.warnings if row == 0}
    assert not codes & {"extra_text", "unreadable_time"}


def test_a_time_column_in_utc_in_winter_is_the_clock_time() -> None:
    parsed = scr.parse_dates(
        pd.Series(["12/03/2007"] * 2), times=pd.Series(["14:30 UTC", "14:30 GMT+1"])
    )
    assert parsed.frame["start"].tolist() == [
        pd.Timestamp("2007-03-12 14:30"),
        pd.Timestamp("2007-03-12 13:30"),
    ]
