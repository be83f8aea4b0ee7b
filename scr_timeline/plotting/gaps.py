"""Cadence gaps: intervals between supervision sessions and between visits that saw the child.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> import scr_timeline as scr
>>> chron = scr.load_sample("child-b-agencies")
>>> ax = plot_gaps(chron, scr.analyse(chron))
>>> ax.get_ylabel()
'Days since the previous one'
>>> plt.close(ax.figure)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from .. import schema as S
from ..chronology import Chronology
from ..rules import Findings
from .timeline import OKABE_ITO, events_frame, findings_frame, format_date_axis, new_axes, to_num

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["CADENCE_SERIES", "plot_gaps"]

#: Cadence rules drawn by :func:`plot_gaps`: rule id -> (label, colour). The events that
#: answer each rule are chosen by :func:`_answers`.
CADENCE_SERIES: Final[dict[str, tuple[str, str]]] = {
    "SUP-CADENCE": ("Supervision (children's social care)", OKABE_ITO["blue"]),
    "VIS-CP": ("Child seen by children's social care", OKABE_ITO["green"]),
}

#: What tells the series apart without colour (greyscale print, colour blindness): the
#: marker of their answering events and their intervals' ends, and their threshold's dashes.
_SERIES_LOOK: Final[dict[str, tuple[str, str]]] = {
    "SUP-CADENCE": ("|", "--"),
    "VIS-CP": ("o", ":"),
}


def _answers(ev: pd.DataFrame, rule_id: str) -> pd.Series:
    """Starts of the events that answer a cadence rule (as in the default rulebooks)."""
    csc = ev[S.AGENCY].astype("object").eq("csc")
    if rule_id == "SUP-CADENCE":
        mask = csc & ev[S.EVENT_TYPE].astype("object").eq("supervision")
    else:
        mask = csc & ev[S.CHILD_SEEN].fillna(False).astype(bool)
    return ev.loc[mask.to_numpy(), S.START].dropna().sort_values()


def plot_gaps(
    chron: Chronology | pd.DataFrame,
    findings: Findings | pd.DataFrame,
    *,
    ax: Axes | None = None,
) -> Axes:
    """Draw supervision and child-seen intervals against the cadence threshold.

    For each cadence rule in :data:`CADENCE_SERIES` every interval between two answering
    events (two supervision sessions; two visits at which children's social care saw the
    child) is a horizontal bar spanning the interval, at a height equal to its length in
    days. The rule's threshold (the deadline of its gap findings, measured from the event
    before the gap) is a dashed line in the same colour. The series differ in more than
    colour, so they stay apart in greyscale: supervision is marked with ticks and long
    dashes, child seen with dots and a dotted threshold. The gap findings themselves are
    drawn as thick vermillion bars, from the event before the gap to the event that ended
    it (or to the deadline when nothing ended it).

    Parameters
    ----------
    chron
        A :class:`~scr_timeline.Chronology` or its events table.
    findings
        Findings of :func:`scr_timeline.analyse` (or their frame).
    ax
        The Axes to draw on (default: a new figure).

    Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on. The figure is never shown.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import scr_timeline as scr
    >>> chron = scr.load_sample("child-a-combined")
    >>> ax = plot_gaps(chron, scr.analyse(chron))
    >>> plt.close(ax.figure)
    """
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    ev = events_frame(chron)
    frame = findings_frame(findings)
    if ax is None:
        ax = new_axes((12.0, 4.5))
    ax.set_ylabel("Days since the previous one")
    ax.set_title("Supervision and child-seen intervals against the cadence threshold")
    handles: list[Any] = []
    lo, hi = np.inf, -np.inf
    top = 0.0
    gap_rows = frame[frame["status"].astype("object").eq("gap")] if len(frame) else frame
    for rule_id, (label, colour) in CADENCE_SERIES.items():
        rows = gap_rows[gap_rows["rule_id"].astype("object").eq(rule_id)] if len(frame) else frame
        when = to_num(_answers(ev, rule_id))
        marker, dashes = _SERIES_LOOK.get(rule_id, ("|", "--"))
        size = 60 if marker == "|" else 16
        if len(when) >= 2:
            length = np.diff(when)
            segs = [[(a, d), (b, d)] for a, b, d in zip(when[:-1], when[1:], length, strict=True)]
            bars = LineCollection(segs, colors=colour, linewidths=2.0, zorder=2)
            bars.set_gid(f"scr-intervals-{rule_id}")
            ax.add_collection(bars)
            ends = ax.scatter(
                np.concatenate([when[:-1], when[1:]]),
                np.concatenate([length, length]),
                marker=marker,
                s=size * 0.6,
                color=colour,
                zorder=2.1,
            )
            ends.set_gid(f"scr-interval-ends-{rule_id}")
            ticks = ax.scatter(when, np.zeros_like(when), marker=marker, s=size, color=colour)
            ticks.set_gid(f"scr-answers-{rule_id}")
            handles.append(
                Line2D(
                    [],
                    [],
                    color=colour,
                    lw=2.0,
                    marker=marker,
                    markersize=5,
                    label=f"{label}: interval",
                )
            )
            lo, hi = min(lo, when[0]), max(hi, when[-1])
            top = max(top, float(length.max()))
        if len(rows):
            trig = to_num(rows["trigger_start"])
            due = to_num(rows["due"])
            seen = to_num(rows["observed_start"])
            finish = np.where(np.isnan(seen), due, seen)
            threshold = float(np.nanmedian(due - trig))
            line = ax.axhline(threshold, color=colour, ls=dashes, lw=1.4, zorder=1)
            line.set_gid(f"scr-threshold-{rule_id}")
            handles.append(
                Line2D(
                    [],
                    [],
                    color=colour,
                    ls=dashes,
                    label=f"{label}: threshold {threshold:.0f} days",
                )
            )
            ok = ~np.isnan(trig) & ~np.isnan(finish)
            segs = [[(a, b - a), (b, b - a)] for a, b in zip(trig[ok], finish[ok], strict=True)]
            gaps = LineCollection(
                segs, colors=OKABE_ITO["vermillion"], linewidths=5.0, alpha=0.7, zorder=3
            )
            gaps.set_gid(f"scr-gap-findings-{rule_id}")
            ax.add_collection(gaps)
            if ok.any():
                lo, hi = min(lo, float(trig[ok].min())), max(hi, float(finish[ok].max()))
                top = max(top, float((finish[ok] - trig[ok]).max()), threshold)
    if handles and np.isfinite(lo):
        handles.append(
            Line2D([], [], color=OKABE_ITO["vermillion"], lw=5.0, alpha=0.7, label="Gap finding")
        )
        pad = max((hi - lo) * 0.02, 1.0)
        format_date_axis(ax, lo - pad, hi + pad)
        ax.set_ylim(0, top * 1.1 + 1)
        ax.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
            fontsize="small",
            borderaxespad=0.0,
        )
    else:
        ax.text(
            0.5, 0.5, "No supervision or child-seen events", transform=ax.transAxes, ha="center"
        )
        # no scale to read: axes of 0 to 1 "days" and undated ticks would only mislead
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_ylabel("")
        for side in ("left", "bottom"):
            ax.spines[side].set_visible(False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax
