"""The timeline of a case quiet for years between two busy stretches (stop 27)."""

from __future__ import annotations

from collections.abc import Iterator

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.plotting import plot_timeline
from scr_timeline.testing import make_events


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def _case(days: list[str]) -> Chronology:
    n = len(days)
    return Chronology(
        make_events(
            start=days, agency=(["csc", "police", "gp"] * n)[:n], event_type=["home_visit"] * n
        )
    )


def test_a_quiet_stretch_of_years_is_drawn_narrow_with_a_note() -> None:
    days = [f"2015-{m:02d}-10" for m in range(1, 12)] + [f"2020-{m:02d}-10" for m in range(1, 12)]
    ax = plot_timeline(_case(days))
    notes = [t.get_text() for t in ax.texts if t.get_gid() == "scr-quiet-note"]
    assert notes == ["No events recorded: 4 years 2 months"]
    # the two busy years take nearly all the width; the four quiet ones very little
    x = ax.transData.transform([(mdates.date2num(pd.Timestamp(d)), 0) for d in days])[:, 0]
    left, right = ax.transAxes.transform([(0, 0), (1, 0)])[:, 0]
    busy = (x[10] - x[0]) + (x[-1] - x[11])
    assert busy > 0.7 * (right - left) and x[11] - x[10] < 0.15 * (right - left)
    # no tick labels crowded into the quiet stretch, and the busy part read to the month
    ticks = [mdates.num2date(t).year for t in ax.get_xticks()]
    assert not {2016, 2017, 2018, 2019} & set(ticks)
    assert len([t for t in ax.get_xticklabels() if t.get_text()]) >= 4


def test_a_case_with_no_long_quiet_stretch_is_drawn_as_before() -> None:
    days = [f"2021-03-{d:02d}" for d in (2, 3, 4, 5, 8, 10, 12, 15, 17, 19, 22, 23)]
    ax = plot_timeline(_case(days))
    assert ax.get_xscale() == "linear"
    assert not [t for t in ax.texts if t.get_gid() == "scr-quiet-note"]
    lo, hi = ax.get_xlim()
    assert lo > mdates.date2num(pd.Timestamp("2021-02-28"))
    assert hi < mdates.date2num(pd.Timestamp("2021-03-26"))
