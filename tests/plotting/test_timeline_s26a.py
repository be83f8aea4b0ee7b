"""The timeline of a long busy case, as printed for a panel meeting (stop 26)."""

from __future__ import annotations

from collections.abc import Iterator

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.plotting import plot_timeline
from scr_timeline.testing import make_events

AGENCIES = ["csc", "police", "gp", "health_visiting", "hospital", "education"]


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def _busy(n: int, days: int = 730) -> Chronology:
    rng = np.random.default_rng(4)
    start = pd.Timestamp("2017-01-01") + pd.to_timedelta(np.sort(rng.integers(0, days, n)), "D")
    agency = rng.choice(AGENCIES, n)
    other = rng.choice(AGENCIES, n)
    counterparts = [(str(o),) if o != a else () for a, o in zip(agency, other, strict=True)]
    return Chronology(
        make_events(
            start=start.strftime("%Y-%m-%d").tolist(),
            agency=agency.tolist(),
            event_type=["home_visit"] * n,
            counterparts=counterparts,
        )
    )


def _contacts(ax: plt.Axes):  # type: ignore[no-untyped-def]
    (lines,) = [c for c in ax.collections if c.get_gid() == "scr-contacts"]
    return lines


def test_a_two_year_case_marks_every_month_between_the_labels() -> None:
    ax = plot_timeline(_busy(60))
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert len(labels) <= 9 and all(len(t.split()) == 2 for t in labels)  # "Jan 2017"
    minor = ax.xaxis.get_minor_locator()
    assert isinstance(minor, mdates.MonthLocator)
    # (matplotlib leaves out a month mark where a label stands)
    months = [*ax.xaxis.get_minorticklocs(), *ax.get_xticks()]
    assert len(set(months)) >= 24  # every month of the two years marked
    assert {mdates.num2date(m).day for m in months} == {1}


def test_a_short_case_has_no_month_marks_between_day_labels() -> None:
    chron = Chronology(
        make_events(
            start=["2019-03-01", "2019-03-20"], agency=["csc", "gp"], event_type=["referral"] * 2
        )
    )
    ax = plot_timeline(chron)
    assert not isinstance(ax.xaxis.get_minor_locator(), mdates.MonthLocator)


def test_many_contact_connectors_are_drawn_fainter() -> None:
    few = _contacts(plot_timeline(_busy(60)))
    many = _contacts(plot_timeline(_busy(480)))
    assert len(few.get_segments()) < 100 < 300 < len(many.get_segments())
    assert few.get_alpha() == pytest.approx(0.45)
    assert 0.15 <= many.get_alpha() < 0.3
