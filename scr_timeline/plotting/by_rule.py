"""Across many reviews: how many chronologies each rule found something in.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> import pandas as pd
>>> table = pd.DataFrame({"rule_id": ["INJ-MEDICAL", "SUP-CADENCE"],
...                       "category": ["injury_procedure", "supervision_gap"],
...                       "chronologies": [12, 30], "share": [0.12, 0.3]})
>>> ax = plot_by_rule(table)
>>> [t.get_text() for t in ax.get_yticklabels()]
['INJ-MEDICAL', 'SUP-CADENCE']
>>> plt.close(ax.figure)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import pandas as pd

from .timeline import OKABE_ITO, new_axes

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["CATEGORY_COLOURS", "plot_by_rule"]

#: One colour per finding category (Okabe-Ito, readable with colour-blindness).
#: How many rules :func:`plot_by_rule` draws by default: those found in the most chronologies.
TOP_RULES: Final = 25

CATEGORY_COLOURS: Final[dict[str, str]] = {
    "injury_procedure": OKABE_ITO["vermillion"],
    "missed_escalation": OKABE_ITO["orange"],
    "supervision_gap": OKABE_ITO["blue"],
    "timescale": OKABE_ITO["sky_blue"],
    "procedure": OKABE_ITO["green"],
    "placement": OKABE_ITO["purple"],
    "child_not_seen": OKABE_ITO["yellow"],
}


def plot_by_rule(
    by_rule: pd.DataFrame | Any,
    *,
    top: int = TOP_RULES,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars: the share of chronologies with at least one finding from each rule.

    Parameters
    ----------
    by_rule
        :meth:`scr_timeline.batch.BatchResult.by_rule` (columns ``rule_id``, ``category``,
        ``chronologies`` and ``share``), or the BatchResult itself.
    top
        Draw the ``top`` rules found in the most chronologies (rules found nowhere are
        left out); the title says how many rules with findings are not drawn.
    ax
        Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes
    """
    method = None if isinstance(by_rule, pd.DataFrame) else getattr(by_rule, "by_rule", None)
    table = method() if callable(method) else by_rule
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"by_rule must be a DataFrame or a BatchResult, not {type(table).__name__}")
    missing = {"rule_id", "category", "chronologies", "share"} - set(table.columns)
    if missing:
        raise ValueError(f"by_rule lacks the columns {sorted(missing)}")
    shown = table[table["chronologies"] > 0].sort_values(
        ["chronologies", "rule_id"], ascending=[False, True], kind="stable"
    )
    left_out = max(len(shown) - top, 0)
    shown = shown.head(top).iloc[::-1]  # most frequent at the top
    if ax is None:
        ax = new_axes((9, max(2.5, 0.32 * len(shown) + 1.3)))
    title = "Rules with findings across the chronologies"
    if left_out:  # the reader is told that rules with findings are not drawn
        title += (
            f"\n(the {len(shown)} found in the most; {left_out} more rule"
            f"{' with findings is' if left_out == 1 else 's with findings are'} in the table)"
        )
    ax.set_title(title)
    if shown.empty:
        ax.text(0.5, 0.5, "No findings in any chronology", ha="center", va="center")
        ax.set_axis_off()
        return ax
    categories = shown["category"].astype(str)
    colours = [CATEGORY_COLOURS.get(c, OKABE_ITO["grey"]) for c in categories]
    positions = range(len(shown))
    share = shown["share"].astype(float).to_numpy() * 100
    ax.barh(positions, share, color=colours, height=0.7)
    ax.set_yticks(list(positions), shown["rule_id"].astype(str).tolist())
    for y, (pct, n) in enumerate(zip(share, shown["chronologies"], strict=True)):
        ax.text(float(pct), y, f" {int(n)}", va="center", fontsize=8)
    ax.set_xlabel("Chronologies with at least one finding (%)")
    ax.set_xlim(0, max(100.0, float(share.max()) * 1.1))
    ax.grid(axis="x", alpha=0.3)
    from matplotlib.patches import Patch

    seen = list(dict.fromkeys(categories))
    ax.legend(
        handles=[Patch(color=CATEGORY_COLOURS.get(c, OKABE_ITO["grey"]), label=c) for c in seen],
        loc="lower right",
        fontsize=8,
        frameon=False,
    )
    return ax
