"""Tests of the cadence gaps plot: intervals, threshold line, gap findings."""

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


def test_supervision_intervals_threshold_and_gap_findings() -> None:
    chron = Chronology(
        make_events(
            start=["01/03/2007", "20/03/2007", "01/06/2007"],
            agency="csc",
            event_type="supervision",
            event_id=["s1", "s2", "s3"],
        )
    )
    findings = pd.DataFrame(
        {
            "rule_id": ["SUP-CADENCE"],
            "status": ["gap"],
            "agency": ["csc"],
            "trigger_start": pd.to_datetime(["2007-03-20"]),
            "due": pd.to_datetime(["2007-04-17"]),
            "observed_start": pd.to_datetime(["2007-06-01"]),
        }
    )
    _fig, given = plt.subplots()
    ax = plot_gaps(chron, findings, ax=given)
    assert ax is given
    by_gid = {c.get_gid(): c for c in ax.collections}
    assert len(by_gid["scr-intervals-SUP-CADENCE"].get_segments()) == 2
    assert len(by_gid["scr-gap-findings-SUP-CADENCE"].get_segments()) == 1
    (threshold,) = [ln for ln in ax.lines if ln.get_gid() == "scr-threshold-SUP-CADENCE"]
    assert threshold.get_ydata()[0] == pytest.approx(28)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Supervision (children's social care): threshold 28 days" in legend


def test_sample_findings_draw_without_error() -> None:
    import scr_timeline as scr

    chron = scr.load_sample("child-b-agencies")
    ax = plot_gaps(chron, scr.analyse(chron))
    assert any(str(c.get_gid()).startswith("scr-gap-findings-") for c in ax.collections)


def test_the_two_series_differ_in_more_than_colour() -> None:
    """Supervision and child-seen intervals (both with a 28-day threshold: the lines lie on
    one another) must stay apart in greyscale: different markers and dash patterns."""
    import scr_timeline as scr

    chron = scr.load_sample("child-a-combined")
    ax = plot_gaps(chron, scr.analyse(chron))
    by_gid = {c.get_gid(): c for c in ax.collections}
    looks = {
        rule: by_gid[f"scr-answers-{rule}"].get_paths()[0].vertices.tobytes()
        for rule in ("SUP-CADENCE", "VIS-CP")
    }
    assert looks["SUP-CADENCE"] != looks["VIS-CP"]
    assert len(by_gid["scr-interval-ends-VIS-CP"].get_offsets()) == 2 * len(
        by_gid["scr-intervals-VIS-CP"].get_segments()
    )
    dashes = {ln.get_gid(): ln.get_linestyle() for ln in ax.lines}
    assert dashes["scr-threshold-SUP-CADENCE"] != dashes["scr-threshold-VIS-CP"]
    legend = ax.get_legend().legend_handles
    assert len({h.get_marker() for h in legend if h.get_marker() not in (None, "None")}) == 2
