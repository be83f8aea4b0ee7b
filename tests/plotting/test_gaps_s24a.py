"""The cadence gaps plot of a chronology with nothing to draw (stop 24)."""

from __future__ import annotations

from collections.abc import Iterator

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.plotting import plot_gaps
from scr_timeline.testing import make_events


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def test_no_supervision_says_so_without_a_meaningless_scale() -> None:
    chron = Chronology(
        make_events(start=["01/03/2019", "02/03/2019"], agency=["csc", "gp"], event_type="referral")
    )
    ax = plot_gaps(chron, pd.DataFrame())
    assert any("No supervision" in t.get_text() for t in ax.texts)
    # before: a y axis of 0 to 1 'days since the previous one' and x ticks 0.0 to 1.0
    assert len(ax.get_xticks()) == 0 and len(ax.get_yticks()) == 0
    assert ax.get_ylabel() == ""
