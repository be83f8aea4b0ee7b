"""plot_by_rule: what is drawn for the thematic view across chronologies."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from scr_timeline.plotting import plot_by_rule
from scr_timeline.plotting.by_rule import CATEGORY_COLOURS


@pytest.fixture
def by_rule() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "rule_id": ["INJ-STRAT", "SUP-CADENCE", "ESC-WNB", "CONF-REVIEW"],
            "category": ["injury_procedure", "supervision_gap", "missed_escalation", "timescale"],
            "chronologies": [3, 12, 12, 0],
            "share": [0.06, 0.24, 0.24, 0.0],
        }
    )


def test_bars_are_the_share_of_chronologies_most_frequent_first(by_rule):
    ax = plot_by_rule(by_rule)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    # bottom to top: the most frequent rule is at the top; ties in rule-id order
    assert labels == ["INJ-STRAT", "SUP-CADENCE", "ESC-WNB"]
    widths = [p.get_width() for p in ax.patches]
    assert widths == pytest.approx([6.0, 24.0, 24.0])
    colours = [p.get_facecolor() for p in ax.patches]
    from matplotlib.colors import to_rgba

    assert colours[0] == to_rgba(CATEGORY_COLOURS["injury_procedure"])
    assert "CONF-REVIEW" not in labels  # found nowhere: left out
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert sorted(legend) == ["injury_procedure", "missed_escalation", "supervision_gap"]
    assert ax.get_xlabel() == "Chronologies with at least one finding (%)"
    plt.close(ax.figure)


def test_no_findings_anywhere_says_so(by_rule):
    ax = plot_by_rule(by_rule.assign(chronologies=0, share=0.0))
    assert [t.get_text() for t in ax.texts] == ["No findings in any chronology"]
    plt.close(ax.figure)


def test_top_limits_the_rules_and_bad_input_is_refused(by_rule):
    ax = plot_by_rule(by_rule, top=1)
    assert len(ax.patches) == 1
    plt.close(ax.figure)
    with pytest.raises(ValueError, match="lacks the columns"):
        plot_by_rule(by_rule.drop(columns="share"))
    with pytest.raises(TypeError, match="DataFrame"):
        plot_by_rule(object())
