"""Dates and times as English chronologies write them (s22 sweep): date and time cells read
through :func:`parse_dates` and through the CSV reader (a Date and a Time column)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.dates import parse_dates, parse_time


def _read(dates: list[str], times: list[str] | None = None) -> tuple[list[str], list[str]]:
    """(start, end) of each row as 'dd/mm/yyyy HH:MM'."""
    values = pd.Series(dates, dtype=object)
    parsed = parse_dates(values, times=None if times is None else pd.Series(times, dtype=object))
    frame = parsed.frame
    return (
        frame["start"].dt.strftime("%d/%m/%Y %H:%M").tolist(),
        frame["end"].dt.strftime("%d/%m/%Y %H:%M").tolist(),
    )


def _codes(parsed_warnings: list[tuple[str, str, object]]) -> list[str]:
    return [code for code, _msg, _label in parsed_warnings]


def _csv(write_text, rows: list[tuple[str, str]]) -> scr.Chronology:
    lines = ["Date,Time,Agency,Details"]
    lines += [f'"{d}","{t}",GP,Child A seen' for d, t in rows]
    return scr.read_csv(write_text("gp.csv", "\n".join(lines) + "\n"))


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        # am or pm written once, after the second of two times with minutes: both are pm
        ("2.30-3.15pm", "12/03/2007 14:30", "12/03/2007 15:15"),
        ("9.30-10.30pm", "12/03/2007 21:30", "12/03/2007 22:30"),
        ("11.30-1.15pm", "12/03/2007 11:30", "12/03/2007 13:15"),  # not 23:30
        ("12.30-1.15pm", "12/03/2007 12:30", "12/03/2007 13:15"),
        ("09:30-1pm", "12/03/2007 09:30", "12/03/2007 13:00"),
        ("0930-1pm", "12/03/2007 09:30", "12/03/2007 13:00"),
        ("2-3pm", "12/03/2007 14:00", "12/03/2007 15:00"),
        ("9.30-10.30", "12/03/2007 09:30", "12/03/2007 10:30"),
    ],
)
def test_a_time_range_with_pm_written_once_is_pm_at_both_ends(written, start, end):
    # '2.30-3.15pm' had been read from 02:30 to 15:15, a twelve-and-a-half-hour visit
    assert _read(["12/03/2007"], [written]) == ([start], [end])
    assert _read([f"12/03/2007 {written}"]) == ([start], [end])


@pytest.mark.parametrize(
    "time_cell",
    [
        "1899-12-30 14:30:00",  # Access, .NET: a time field on its day 0
        "30/12/1899 14:30",
        "00/01/1900 14:30",  # Excel's day 0 as it shows it
        "12/30/1899 2:30:00 PM",  # a US Access export
        "12/03/2007 14:30",  # the row's own date with its time
        "2007-03-12T14:30:00",
    ],
)
def test_a_time_cell_holding_a_date_and_its_time_is_that_time(write_text, time_cell):
    # a database exports its time field with a date: the time had been unreadable_time
    chron = _csv(write_text, [("12/03/2007", time_cell), ("14/03/2007", "09:00")])
    assert chron.events[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist() == [
        "12/03/2007 14:30",
        "14/03/2007 09:00",
    ]
    assert chron.events[S.PRECISION].tolist() == ["minute", "minute"]
    assert chron.warnings[chron.warnings["code"] == "unreadable_time"].empty


def test_a_time_cell_dated_another_day_is_ignored_with_a_warning():
    parsed = parse_dates(
        pd.Series(["12/03/2007", "13/03/2007"]),
        times=pd.Series(["13/03/2007 09:00", "13/03/2007 10:00"]),
    )
    assert parsed.frame["precision"].tolist() == ["day", "minute"]
    assert parsed.frame["start"].dt.strftime("%H:%M").tolist() == ["00:00", "10:00"]
    ((code, message, label),) = parsed.warnings
    assert (code, label) == ("time_ignored", 0)
    assert "'13/03/2007 09:00'" in message and "12/03/2007" in message


@pytest.mark.parametrize(
    "time_cell", ["00:00:00", "12:00:00 AM", "1899-12-30 00:00:00", "2007-03-13 00:00:00"]
)
def test_an_exported_midnight_in_a_time_column_is_no_time(time_cell):
    # as '2007-03-12 00:00:00' in the date cell: a system's date with no time, not midnight
    parsed = parse_dates(pd.Series(["13/03/2007"]), times=pd.Series([time_cell]))
    assert parsed.frame["precision"].tolist() == ["day"]
    assert parsed.frame["end"].dt.strftime("%H:%M").tolist() == ["23:59"]
    assert parsed.warnings == []


def test_a_time_column_giving_00_00_in_several_rows_records_no_time():
    # a case system writes 00:00 where no time was recorded; one 00:00 is the time written
    values = pd.Series(["12/03/2007", "13/03/2007", "14/03/2007", "15/03/2007"])
    parsed = parse_dates(values, times=pd.Series(["00:00", "14:30", "0:00", "09:00"]))
    assert parsed.frame["precision"].tolist() == ["day", "minute", "day", "minute"]
    ((code, message, label),) = parsed.warnings
    assert (code, label) == ("time_ignored", 0)
    assert "00:00 in 2 rows" in message
    once = parse_dates(values, times=pd.Series(["00:00", "14:30", "10:00", "09:00"]))
    assert once.frame["precision"].tolist() == ["minute"] * 4
    assert once.warnings == []
    said = parse_dates(values[:2], times=pd.Series(["midnight", "00:00"]))
    assert said.frame["precision"].tolist() == ["minute", "minute"]


def test_a_time_written_as_excel_stores_it_is_read_with_a_warning():
    # a time cell exported as a number ('0.5' is noon): had been unreadable_time
    values = pd.Series(["12/03/2007", "13/03/2007", "14/03/2007"])
    parsed = parse_dates(values, times=pd.Series(["0.5", "0.604166667", "39153.75"]))
    assert parsed.frame["start"].dt.strftime("%H:%M").tolist() == ["12:00", "14:30", "18:00"]
    assert parsed.frame["precision"].tolist() == ["minute"] * 3
    assert _codes(parsed.warnings) == ["excel_serial_text"] * 3
    assert "'0.5'" in parsed.warnings[0][1] and "12:00" in parsed.warnings[0][1]
    # in such a column '0.25' is 06:00; typed among clock times it is 00:25, as '0.30' is
    fractions = parse_dates(values, times=pd.Series(["0.25", "0.5", "0"]))
    assert fractions.frame["start"].dt.strftime("%H:%M").tolist() == ["06:00", "12:00", "00:00"]
    assert fractions.frame["precision"].tolist() == ["minute", "minute", "day"]  # 0: no time
    typed = parse_dates(values, times=pd.Series(["0.25", "14:30", "9.5"]))
    assert typed.frame["start"].dt.strftime("%H:%M").tolist() == ["00:25", "14:30", "00:00"]
    assert _codes(typed.warnings) == ["unreadable_time"]  # '9.5': 09:05 or 09:50?


@pytest.mark.parametrize(
    ("date_cell", "time_cell"),
    [
        ("12/03/2007", "night"),
        ("12/03/2007", "Overnight"),
        ("12/03/2007", "over night"),
        ("12/03/2007 overnight", ""),
        ("12/03/2007 (overnight)", ""),
        ("12/03/2007 night", ""),
    ],
)
def test_a_night_after_the_date_or_in_the_time_column_runs_into_the_next_day(date_cell, time_cell):
    # as 'night of 12/03/2007': 'overnight' after the date had been moved to the details,
    # and 'night' or 'overnight' in the time column was unreadable_time
    parsed = parse_dates(pd.Series([date_cell, "13/03/2007"]), times=pd.Series([time_cell, ""]))
    frame = parsed.frame
    assert frame["start"].dt.strftime("%d/%m/%Y %H:%M").tolist()[0] == "12/03/2007 00:00"
    assert frame["end"].dt.strftime("%d/%m/%Y %H:%M").tolist()[0] == "13/03/2007 23:59"
    assert frame["precision"].tolist() == ["day", "day"]
    assert parsed.warnings == []


def test_parse_time_reads_one_cell_as_written():
    # a cell read alone is no column: its 00:00:00 is midnight, and a date with a time gives
    # the time
    assert parse_time("00:00:00") == dt.time(0, 0)
    assert parse_time("1899-12-30 14:30:00") == dt.time(14, 30)
    assert parse_time("0.5") == dt.time(12, 0)


@pytest.mark.parametrize(
    "written",
    [
        "12/03/2007 (date approximate)",
        "12/03/2007 - date approximate",
        "12/03/2007 (Date Approx)",
        "12/03/2007 (estimated date)",
        "12/03/2007 (date tbc)",
        "12/03/2007 est",
        "12/03/2007 estimated",
        "12/03/2007 T.B.C.",
    ],
)
def test_a_date_said_to_be_approximate_after_it_is_approximate(written):
    # these had been read as the date with the words moved to the details (extra_text), so
    # the row was not marked approximate
    parsed = parse_dates(pd.Series([written, "13/03/2007"]))
    assert parsed.frame["approximate"].tolist() == [True, False]
    assert parsed.frame["start"].dt.strftime("%d/%m/%Y").tolist() == ["12/03/2007", "13/03/2007"]
    assert _codes(parsed.warnings) == ["approximate_date"]


@pytest.mark.parametrize(
    "written", ["12.03.07 - 14.03.07", "12.03.07-14.03.07", "12.3.07 - 14.3.07"]
)
def test_two_dates_written_with_dots_are_a_range_not_a_date_and_time(written):
    # '12.03.07 - 14.03.07' had been 12/03/2007 14:03 (the second date read as 14:03:07)
    assert _read([written, "13/03/2007"])[0][0] == "12/03/2007 00:00"
    assert _read([written, "13/03/2007"])[1][0] == "14/03/2007 23:59"


def test_a_time_with_seconds_written_with_dots_is_still_a_time():
    assert _read(["12.03.2007 14.30.00", "13/03/2007"]) == (
        ["12/03/2007 14:30", "13/03/2007 00:00"],
        ["12/03/2007 14:30", "13/03/2007 23:59"],
    )


@pytest.mark.parametrize("written", ["Dec 06/Jan 07", "Dec 06 / Jan 07", "Dec '06/Jan '07"])
def test_two_months_with_two_figure_years_and_a_slash_are_both_months(written):
    # had been December 2006 alone, with '/Jan 07' moved to the details
    parsed = parse_dates(pd.Series([written]))
    assert _read([written]) == (["01/12/2006 00:00"], ["31/01/2007 23:59"])
    assert parsed.warnings == []


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("Feb HT 2008", "01/02/2008 00:00", "29/02/2008 23:59"),
        ("Oct HT 2007", "15/10/2007 00:00", "07/11/2007 23:59"),
        ("Oct h/t 2007", "15/10/2007 00:00", "07/11/2007 23:59"),
    ],
)
def test_a_half_term_abbreviated_as_schools_do_is_that_half_term(written, start, end):
    # 'Feb HT 2008' had been unreadable_date
    assert _read([written]) == ([start], [end])


@pytest.mark.parametrize("ditto", ['" "', "\u201c \u201d", "'' ''", ",,", "-do-", "- do -"])
def test_every_ditto_mark_is_the_date_above(ditto):
    # these had been unreadable_date (parse_dates reads a ditto as the row above's date only
    # with anchor_relative; the table readers fill dittos in before)
    rejected = parse_dates(pd.Series(["13/03/2007", ditto]))
    assert rejected.frame["error_code"].tolist()[1] == "relative_date"
    anchored = parse_dates(pd.Series(["13/03/2007", ditto]), anchor_relative=True)
    assert _codes(anchored.warnings) == ["relative_date_anchored"]
    assert anchored.frame["start"].dt.strftime("%d/%m/%Y").tolist() == ["13/03/2007"] * 2


@pytest.mark.parametrize(
    "time_cell",
    [
        *("all day", "All Day", "throughout the day", "various times", "hh:mm", "--:--"),
        *("xx:xx", "T.B.C", "t.b.a.", "Unk.", "N/R", ".", "-:-"),
    ],
)
def test_a_time_cell_giving_no_one_time_keeps_the_day_without_a_warning(time_cell):
    # the day, as 'time unknown' is: these had each given an unreadable_time warning
    parsed = parse_dates(pd.Series(["13/03/2007"]), times=pd.Series([time_cell]))
    assert parsed.frame["precision"].tolist() == ["day"]
    assert parsed.warnings == []


@pytest.mark.parametrize(
    ("date_cell", "time_cell", "start", "end"),
    [
        ("13/03/2007", "from 14:30", "13/03/2007 14:30", "13/03/2007 14:30"),
        ("13/03/2007 from 2pm", "", "13/03/2007 14:00", "13/03/2007 14:00"),
        ("13/03/2007 from 14:00 to 15:00", "", "13/03/2007 14:00", "13/03/2007 15:00"),
        ("13/03/2007", "from 2.30 to 3.15pm", "13/03/2007 14:30", "13/03/2007 15:15"),
        ("13/03/2007", "12 midday", "13/03/2007 12:00", "13/03/2007 12:00"),
        ("13/03/2007", "12:00 noon", "13/03/2007 12:00", "13/03/2007 12:00"),
    ],
)
def test_a_time_from_which_the_event_ran_is_its_start(date_cell, time_cell, start, end):
    # 'from 14:30' had been unreadable_time; '13/03/2007 from 2pm' the day with 'from 2pm'
    # in the details
    parsed = parse_dates(pd.Series([date_cell]), times=pd.Series([time_cell]))
    assert _read([date_cell], [time_cell]) == ([start], [end])
    assert parsed.warnings == []


def test_eight_figures_day_or_month_first_count_in_the_day_first_decision():
    # '03122007' alone had been read as 3 December with nothing said; '12202007' (month
    # first, 20 December) had been unreadable_date
    alone = parse_dates(pd.Series(["03122007"]))
    assert alone.frame["start"].dt.strftime("%d/%m/%Y").tolist() == ["03/12/2007"]
    assert _codes(alone.warnings) == ["ambiguous_day_month"]
    assert "'03122007'" in alone.warnings[0][1]
    us = parse_dates(pd.Series(["12202007", "03122007"]))
    assert us.frame["start"].dt.strftime("%d/%m/%Y").tolist() == ["20/12/2007", "12/03/2007"]
    assert _codes(us.warnings) == ["month_first"]
    # proved day first by another date, or year first: nothing to say
    for values in (["03122007", "13/03/2007"], ["20071203"], ["20121999"]):
        assert parse_dates(pd.Series(values)).warnings == []


@pytest.mark.parametrize(
    ("date_cell", "time_cell", "start"),
    [
        ("13/03/2007 pm", "2.30", "13/03/2007 14:30"),
        ("13/03/2007 evening", "7.30", "13/03/2007 19:30"),
        ("13/03/2007 afternoon", "3", "13/03/2007 12:00"),  # no time: unreadable, the part
        ("13/03/2007 evening", "19:30", "13/03/2007 19:30"),
        ("13/03/2007 am", "9.30", "13/03/2007 09:30"),
    ],
)
def test_a_twelve_hour_time_under_a_part_of_the_day_after_noon_is_that_part_s(
    date_cell, time_cell, start
):
    # '13/03/2007 pm' with the time '2.30' had ignored the time (02:30 is not pm)
    assert _read([date_cell], [time_cell])[0] == [start]
    parsed = parse_dates(pd.Series([date_cell]), times=pd.Series([time_cell]))
    assert "time_ignored" not in _codes(parsed.warnings)


@pytest.mark.parametrize(
    ("written", "start"),
    [
        ("2007-03-12T14:30:00.000+00:00", "12/03/2007 14:30"),
        ("2007-03-12T14:30:00+01:00", "12/03/2007 13:30"),
        ("2007-07-12T23:30:00+00:00", "13/07/2007 00:30"),  # BST
    ],
)
def test_an_iso_time_with_its_utc_offset_says_nothing_of_ignored_text(written, start):
    # the time was moved to UK time, but an extra_text warning said the offset was ignored
    parsed = parse_dates(pd.Series([written]))
    assert parsed.frame["start"].dt.strftime("%d/%m/%Y %H:%M").tolist() == [start]
    assert parsed.warnings == []


def test_a_date_cell_at_midnight_beside_a_time_takes_the_time(write_text):
    # a spreadsheet saved as CSV writes a date formatted with its time as '12/03/2007 00:00':
    # the Time column's 14:30 had been ignored (time_ignored: the date 'has its own time')
    chron = _csv(
        write_text,
        [("12/03/2007 00:00", "14:30"), ("13/03/2007 00:00", ""), ("14/03/2007 00:00", "09:00")],
    )
    assert chron.events[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist() == [
        "12/03/2007 14:30",
        "13/03/2007 00:00",
        "14/03/2007 09:00",
    ]
    assert chron.events[S.PRECISION].tolist() == ["minute", "day", "minute"]
    (message,) = chron.warnings[chron.warnings["code"] == "time_ignored"]["message"]
    assert "00:00 of 3 date cells" in message
    # one such cell beside a time: the time, nothing said; alone, the minute written
    one = parse_dates(
        pd.Series(["12/03/2007 00:00", "13/03/2007 10:00"]), times=pd.Series(["14:30", ""])
    )
    assert one.frame["start"].dt.strftime("%H:%M").tolist() == ["14:30", "10:00"]
    assert one.warnings == []
    alone = parse_dates(pd.Series(["12/03/2007 00:00", "13/03/2007 10:00"]))
    assert alone.frame["precision"].tolist() == ["minute", "minute"]


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("12/03/2007 (1430-1530)", "12/03/2007 14:30", "12/03/2007 15:30"),
        ("12/03/2007 [14:30]", "12/03/2007 14:30", "12/03/2007 14:30"),
        ("12/03/2007 [1430-1530hrs]", "12/03/2007 14:30", "12/03/2007 15:30"),
    ],
)
def test_a_time_in_brackets_after_the_date_is_its_time(written, start, end):
    # these had been the day, the time ignored (extra_text); '(14:30)' was read already
    parsed = parse_dates(pd.Series([written, "13/03/2007"]))
    assert _read([written, "13/03/2007"])[0][0] == start
    assert _read([written, "13/03/2007"])[1][0] == end
    assert parsed.warnings == []


@pytest.mark.parametrize(
    ("time_cell", "start", "end", "details"),
    [
        (
            "14:00-15:00 strategy meeting",
            "12/03/2007 14:00",
            "12/03/2007 15:00",
            "strategy meeting",
        ),
        ("22:00 - 02:00 (overnight)", "12/03/2007 22:00", "13/03/2007 02:00", "(overnight)"),
        (
            "1400-1500hrs - strategy meeting",
            "12/03/2007 14:00",
            "12/03/2007 15:00",
            "strategy meeting",
        ),
        ("14:00 to 15:30 visit", "12/03/2007 14:00", "12/03/2007 15:30", "visit"),
    ],
)
def test_two_times_with_words_after_them_are_the_hours_and_the_words_open_the_details(
    write_text, time_cell, start, end, details
):
    # '14:00-15:00 strategy meeting' had been unreadable_time (the day only), and '14:00 to
    # 15:30 visit' 14:00 with 'to 15:30 visit' in the details
    chron = _csv(write_text, [("12/03/2007", time_cell), ("13/03/2007", "")])
    assert chron.events[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist()[0] == start
    assert chron.events[S.END].dt.strftime("%d/%m/%Y %H:%M").tolist()[0] == end
    assert chron.events[S.DETAILS].tolist()[0] == f"{details}. Child A seen"
    (message,) = chron.warnings[chron.warnings["code"] == "extra_text"]["message"]
    assert f"{start[-5:]}-{end[-5:]}" in message


@pytest.mark.parametrize(
    "time_cell", ["14:30 & 16:00", "14:30, 16:00", "1430/1600", "2.30pm and 4pm"]
)
def test_two_times_listed_in_the_time_cell_place_the_row_across_them_and_say_so(time_cell):
    # two contacts in one row: had been unreadable_time (the day), and '2.30pm and 4pm' a
    # range with nothing said
    parsed = parse_dates(pd.Series(["13/03/2007"]), times=pd.Series([time_cell]))
    assert _read(["13/03/2007"], [time_cell]) == (["13/03/2007 14:30"], ["13/03/2007 16:00"])
    ((code, message, _),) = parsed.warnings
    assert code == "several_dates" and "14:30, 16:00" in message
    between = parse_dates(pd.Series(["13/03/2007"]), times=pd.Series(["between 2.30 and 4pm"]))
    assert between.warnings == []
