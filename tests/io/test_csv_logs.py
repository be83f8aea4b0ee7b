"""Police-log style CSV files: the day written once, over a run of timed rows.

All data fictional ("Child A", "PC1").
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S


def _read(write_text, lines: list[str]):
    return scr.read(write_text("police-log.csv", "\n".join(lines) + "\n"))


def _by_row(chron) -> pd.DataFrame:
    return chron.events.sort_values(S.SOURCE_ROW).set_index(S.SOURCE_ROW)


def _moments(events: pd.DataFrame) -> list[str]:
    """Each event's start, as day and time."""
    return events[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist()


def _warned(chron, code: str) -> pd.DataFrame:
    return chron.warnings[chron.warnings[S.CODE] == code]


def test_timed_rows_under_a_day_written_alone_take_that_day(write_text):
    # the timed rows were rejected (empty date) and the day's row was an empty event
    chron = _read(
        write_text,
        [
            "Date,Time,Officer,Details",
            "12/03/2007,,,",
            ",14:20,PC1,Call received from neighbour",
            ",14:35,PC1,Officers attended the address",
            "13/03/2007,09:00,PC2,Follow-up visit",
        ],
    )
    ev = _by_row(chron)
    assert ev.index.tolist() == [3, 4, 5]
    assert ev[S.START].tolist() == [
        pd.Timestamp("2007-03-12 14:20"),
        pd.Timestamp("2007-03-12 14:35"),
        pd.Timestamp("2007-03-13 09:00"),
    ]
    assert ev[S.DATE_TEXT].tolist()[:2] == ["14:20", "14:35"]  # as written: no date
    assert chron.rejected.empty
    carried = _warned(chron, "time_entry")
    assert carried[S.SOURCE_ROW].tolist() == [3]
    assert "rows 3-4" in carried[S.MESSAGE].iloc[0]
    assert "'12/03/2007'" in carried[S.MESSAGE].iloc[0]
    assert _warned(chron, "section_row")[S.SOURCE_ROW].tolist() == [2]


def test_a_time_alone_in_a_date_time_cell_continues_the_day_above(write_text):
    chron = _read(
        write_text,
        [
            "Date/Time,Officer,Details",
            "12/03/2007 14:20,PC1,Call received",
            "14:35,PC1,Officers attended",
            "1510hrs,PC1,Mother spoken to",
            "12/03/2007 16:00,PC2,Partner arrested",
        ],
    )
    ev = _by_row(chron)
    assert _moments(ev) == [
        "12/03/2007 14:20",
        "12/03/2007 14:35",
        "12/03/2007 15:10",
        "12/03/2007 16:00",
    ]
    assert ev[S.DATE_TEXT].tolist()[1:3] == ["14:35", "1510hrs"]
    assert chron.rejected.empty
    assert _warned(chron, "time_entry")[S.SOURCE_ROW].tolist() == [3]


def test_a_blank_date_beside_a_time_continues_the_day_above(write_text):
    chron = _read(
        write_text,
        [
            "Date,Time,Agency,Details",
            "12/03/2007,14:20,Police,Call received",
            ",14:35,Police,Officers attended",
        ],
    )
    assert _by_row(chron)[S.START].tolist()[1] == pd.Timestamp("2007-03-12 14:35")
    assert chron.rejected.empty


def test_a_time_with_no_day_above_is_not_guessed(write_text):
    chron = _read(
        write_text,
        [
            "Date/Time,Officer,Details",
            "14:35,PC1,Officers attended",
            "12/03/2007 16:00,PC2,Partner arrested",
        ],
    )
    assert chron.rejected[S.SOURCE_ROW].tolist() == [2]
    assert "time of day" in chron.rejected[S.REASON].iloc[0]
    assert _warned(chron, "time_entry").empty


def test_a_time_earlier_than_the_one_above_may_be_the_next_day(write_text):
    chron = _read(
        write_text,
        [
            "Date,Time,Officer,Details",
            "12/03/2007,23:50,PC1,Call received",
            ",00:10,PC1,Officers attended",
            ",00:40,PC1,Partner arrested",
            "13/03/2007,09:00,PC2,Follow-up visit",
        ],
    )
    assert _by_row(chron).index.tolist() == [2, 5]
    rejected = chron.rejected.set_index(S.SOURCE_ROW)
    assert rejected.index.tolist() == [3, 4]
    assert rejected[S.REASON].str.contains("midnight").all()
    assert "row 3's time ('00:10') is earlier than row 2's" in rejected[S.REASON].iloc[1]


@pytest.mark.parametrize(
    ("above", "timed"),
    [
        pytest.param("12/03/2007 14:20", "12.10", id="a-time-that-could-be-a-date"),
        pytest.param("March 2007", "14:20", id="no-one-day-above"),
        pytest.param("w/c 12/03/2007", "14:20", id="a-week-above"),
        pytest.param("12-14/03/2007", "14:20", id="days-above"),
    ],
)
def test_no_day_is_taken_when_it_is_not_certain(write_text, above, timed):
    chron = _read(
        write_text,
        ["Date/Time,Details", f"{above},Call received", f"{timed},Officers attended"],
    )
    assert chron.rejected[S.SOURCE_ROW].tolist() == [3]
    assert _warned(chron, "time_entry").empty


def test_a_day_alone_over_rows_that_are_not_timed_stays_an_event(write_text):
    chron = _read(write_text, ["Date,Details", "12/03/2007,", "13/03/2007,Home visit"])
    assert _by_row(chron).index.tolist() == [2, 3]
    assert _warned(chron, "section_row").empty


def test_a_workbook_log_takes_the_day_above_as_the_csv_does(write_xlsx):
    # a date cell of the sheet's own (a datetime) over times typed or stored as times
    rows = [
        ["Date/Time", "Officer", "Details"],
        [dt.datetime(2007, 3, 12, 14, 20), "PC1", "Call received"],
        ["14:35", "PC1", "Officers attended"],
        [dt.time(15, 10), "PC1", "Mother spoken to"],
        [dt.datetime(2007, 3, 13), None, None],
        [dt.time(0, 5), "PC2", "Follow-up call"],
        [dt.time(0, 1), "PC2", "Call back: after midnight?"],
    ]
    chron = scr.read(write_xlsx("police-log.xlsx", {"Log": rows}))
    ev = _by_row(chron)
    assert ev.index.tolist() == [2, 3, 4, 6]
    assert _moments(ev) == [
        "12/03/2007 14:20",
        "12/03/2007 14:35",
        "12/03/2007 15:10",
        "13/03/2007 00:05",
    ]
    assert ev[S.DATE_TEXT].tolist()[1:] == ["14:35", "15:10", "00:05"]
    assert chron.rejected[S.SOURCE_ROW].tolist() == [7]
    assert "midnight" in chron.rejected[S.REASON].iloc[0]
    assert _warned(chron, "section_row")[S.SOURCE_ROW].tolist() == [5]
    assert _warned(chron, "time_entry")[S.SOURCE_ROW].tolist() == [3, 6]


def test_a_day_without_its_year_over_timed_rows_under_banners(write_text):
    # '12 March' gave no one day without its year: its timed rows were rejected
    chron = _read(
        write_text,
        [
            "Multi-agency chronology: Child A,,,",
            "Date,Time,Practitioner,Details",
            "2007,,,",
            "POLICE,,,",
            "12 March,23:10,PC1,Call from neighbour: shouting heard",
            ",23:40,PC1,Officers attended; Child A seen asleep",
            "HEALTH VISITING,,,",
            "14 March,10:00,HV1,Home visit; bruise to Child A's cheek noted",
            ",10:45,HV1,Phoned GP to share the concern",
        ],
    )
    ev = _by_row(chron)
    assert _moments(ev) == [
        "12/03/2007 23:10",
        "12/03/2007 23:40",
        "14/03/2007 10:00",
        "14/03/2007 10:45",
    ]
    assert ev[S.AGENCY].tolist() == ["police", "police", "health_visiting", "health_visiting"]
    assert chron.rejected.empty
    assert _warned(chron, "time_entry")[S.SOURCE_ROW].tolist() == [6, 9]


@pytest.mark.parametrize(
    "above",
    [
        "12/03/2007 14:20:00",
        "2007-03-12T14:20:00",
        '"12 March 2007, 2.20pm"',
        "Mon 12/03/2007 @ 1420hrs",
        "12/03/2007 at 14.20",
        "12/03/2007 (14:20)",
    ],
)
def test_the_day_is_taken_from_a_date_cell_written_with_its_time(write_text, above):
    chron = _read(write_text, ["Date/Time,Details", f"{above},Call received", "16:00,Arrest"])
    assert _moments(_by_row(chron))[1] == "12/03/2007 16:00"
    assert chron.rejected.empty


def test_a_timed_row_under_another_agency_s_banner_takes_no_day_from_above_it(
    write_text, write_xlsx
):
    # the GP's day was taken over the 'POLICE' banner by the police's first, timed row
    rows = [
        ["Date", "Time", "Practitioner", "Details"],
        ["GP", None, None, None],
        ["12/03/2007", "10:00", "Dr X", "Child A seen with a cough"],
        ["POLICE", None, None, None],
        [None, "23:10", "PC1", "Call received"],
        ["13/03/2007", "09:00", "PC2", "Follow-up visit"],
    ]
    text = "".join(",".join("" if c is None else c for c in r) + "\n" for r in rows)
    for path in (write_text("log.csv", text), write_xlsx("log.xlsx", {"Log": rows})):
        chron = scr.read(path)
        assert _by_row(chron).index.tolist() == [3, 6], path
        assert chron.rejected[S.SOURCE_ROW].tolist() == [5]
        assert _warned(chron, "time_entry").empty
