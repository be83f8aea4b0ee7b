"""Dates and times as English chronologies write them (s22 sweep): date and time cells read
through :func:`parse_dates` and through the CSV reader (a Date and a Time column)."""

from __future__ import annotations

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline.dates import parse_dates


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
