"""The time column read only on the rows with a time (stop 28, speed): the same reading
of every kind of row as before."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scr_timeline.dates import parse_date_arrays


def test_times_beside_every_kind_of_date():
    dates = pd.Series(
        [
            "12/03/2007",
            "12/03/2007 pm",
            "March 2007",
            "13/03/2007",
            "14/03/2007 10:00",
            "15/03/2007",
            "16/03/2007",
            "17/03/2007",
            None,
        ],
        dtype="string[pyarrow]",
    )
    times = pd.Series(
        ["14:30", "2.30", "09:00", "12/03/2007 09:00", "11:00", None, "AM", "nonsense", "10:00"],
        dtype="string[pyarrow]",
    )
    found = parse_date_arrays(dates, times=times)
    assert [str(t)[:16] for t in found.start] == [
        "2007-03-12T14:30",  # the time on its day
        "2007-03-12T14:30",  # '2.30' in the afternoon the date names
        "2007-03-01T00:00",  # a month: its time ignored
        "2007-03-13T00:00",  # a time cell dated another day: ignored
        "2007-03-14T10:00",  # the date cell's own time kept
        "2007-03-15T00:00",  # no time
        "2007-03-16T00:00",  # 'AM': the morning, still a day
        "2007-03-17T00:00",  # an unreadable time: the day
        "NaT",
    ]
    assert str(found.end[6])[:19] == "2007-03-16T11:59:59"
    assert found.precision.tolist() == [0, 0, 3, 1, 0, 1, 1, 1, -1]
    assert found.warning_rows.tolist() == [2, 3, 4, 7]
    assert found.warning_codes.tolist() == [
        "time_ignored",
        "time_ignored",
        "time_ignored",
        "unreadable_time",
    ]
    assert found.warning_messages[1] == (
        "ignored the time cell '12/03/2007 09:00': its date is not the row's date 13/03/2007"
    )


def test_a_big_column_with_times_on_some_rows():
    """Times on every third row of 30,000: each read on its own row, the others days."""
    n = 30_000
    days = pd.date_range("2007-01-01", periods=n // 30, freq="D").strftime("%d/%m/%Y")
    dates = pd.Series(np.repeat(days.to_numpy(), 30), dtype="string[pyarrow]")
    times = pd.Series(
        [f"{9 + i % 8:02d}:{i % 60:02d}" if i % 3 == 0 else None for i in range(n)],
        dtype="string[pyarrow]",
    )
    found = parse_date_arrays(dates, times=times)
    timed = np.arange(n) % 3 == 0
    minutes = (found.start.astype("datetime64[m]") - found.start.astype("datetime64[D]")).astype(
        int
    )
    expected = (9 + np.arange(n) % 8) * 60 + np.arange(n) % 60
    assert (minutes[timed] == expected[timed]).all()
    assert (minutes[~timed] == 0).all()
    assert (found.precision[timed] == 0).all() and (found.precision[~timed] == 1).all()
    assert not len(found.warning_rows)


def test_time_cells_flags_kept_only_where_some_cell_has_them():
    """Words after a time, a fraction of a day, two times: each read and warned as before
    (the per-row flags no cell sets are no longer made; those some cell sets are)."""
    dates = pd.Series(["12/03/2007"] * 5, dtype="string[pyarrow]")
    times = pd.Series(
        ["14:00 - call from school", "0.5", "14:30 & 16:00", "14:30 UTC", None],
        dtype="string[pyarrow]",
    )
    found = parse_date_arrays(dates, times=times)
    assert [str(t)[11:16] for t in found.start] == ["14:00", "12:00", "14:30", "14:30", "00:00"]
    assert str(found.end[2])[11:16] == "16:00"
    assert found.precision.tolist() == [0, 0, 0, 0, 1]
    assert found.warning_codes.tolist() == ["extra_text", "excel_serial_text", "several_dates"]
    assert found.words is not None and found.words.tolist()[0] == "call from school"
    plain = parse_date_arrays(dates, times=pd.Series(["09:00"] * 5, dtype="string[pyarrow]"))
    assert [str(t)[11:16] for t in plain.start] == ["09:00"] * 5
    assert plain.words is None and not len(plain.warning_rows)
