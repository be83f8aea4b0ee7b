"""What a reviewer could not read on the timeline and the cross-review chart (stop 28):
twenty events at one minute drawn as a few, a lone count bar among a lane's markers, count
bars with no scale, rules with findings left out of the chart unsaid."""

from __future__ import annotations

from collections.abc import Iterator

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.plotting import plot_by_rule, plot_timeline
from scr_timeline.testing import make_events


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def _gid(ax: plt.Axes, gid: str) -> list[object]:
    return [a for a in [*ax.texts, *ax.collections] if a.get_gid() == gid]


def test_a_stack_of_events_at_one_minute_says_how_many() -> None:
    starts = ["2010-03-01 10:30"] * 20 + [f"2010-03-{d:02d}" for d in range(2, 20)]
    agencies = ["csc"] * 20 + ["gp"] * 18
    n = len(starts)
    chron = Chronology(make_events(start=starts, agency=agencies, event_type=["home_visit"] * n))
    ax = plot_timeline(chron)
    counts = [t.get_text() for t in _gid(ax, "scr-stack-count")]
    assert counts == ["20"]
    # the GP's single visits a day apart are not counted
    label = _gid(ax, "scr-stack-count")[0]
    assert label.xy[1] == 0.0  # the csc lane (first contact first)


def test_a_few_events_close_together_in_a_lane_of_markers_are_no_lone_bar() -> None:
    rng = np.random.default_rng(0)
    days = pd.Timestamp("2010-01-01") + pd.to_timedelta(rng.integers(0, 700, 600), "D")
    starts = [d.strftime("%Y-%m-%d") for d in days]
    # the GP: forty visits weeks apart, and three on one day
    starts += [f"2010-{m:02d}-{d:02d}" for m in range(1, 13) for d in (3, 17)] + ["2011-03-10"] * 3
    agencies = ["csc"] * 600 + ["gp"] * 27
    n = len(starts)
    chron = Chronology(make_events(start=starts, agency=agencies, event_type=["home_visit"] * n))
    ax = plot_timeline(chron)
    bars = _gid(ax, "scr-density")[0]
    lanes = {round(float(v[:, 1].max())) for v in (p.vertices for p in bars.get_paths())}
    assert lanes == {0}  # the csc lane only: the GP's three are markers
    scale = [t.get_text() for t in _gid(ax, "scr-density-scale")]
    assert len(scale) == 1 and scale[0].startswith("tallest bar: ")
    assert scale[0].endswith(" events in 4 days")


def test_the_cross_review_chart_says_how_many_rules_it_leaves_out() -> None:
    n = 30
    table = pd.DataFrame(
        {
            "rule_id": [f"R-{i:02d}" for i in range(n)],
            "category": ["timescale"] * n,
            "chronologies": list(range(300, 300 - n, -1)),
        }
    ).assign(share=lambda t: t["chronologies"] / 300)
    ax = plot_by_rule(table)
    assert len(ax.patches) == 25
    assert ax.get_title().endswith(
        "(the 25 found in the most; 5 more rules with findings are in the table)"
    )
    plt.close(ax.figure)
    ax = plot_by_rule(table.head(26))
    assert ax.get_title().endswith("1 more rule with findings is in the table)")
    plt.close(ax.figure)
    ax = plot_by_rule(table.head(25))
    assert ax.get_title() == "Rules with findings across the chronologies"
