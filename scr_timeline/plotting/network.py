"""The contact network: agencies as nodes, edges as wide as the number of contacts.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> import scr_timeline as scr
>>> ax = plot_network(scr.load_sample("child-a-combined"), family=True)
>>> "Mother" in [t.get_text() for t in ax.texts]
True
>>> plt.close(ax.figure)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import networkx as nx
import numpy as np
import pandas as pd

from ..chronology import Chronology
from ..graph import KIND, KIND_AGENCY, KIND_FAMILY, LABEL, N_EVENTS, WEIGHT, build_graph
from .timeline import OKABE_ITO, new_axes

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_network"]

_MAX_EDGE_WIDTH: Final = 9.0
_MIN_EDGE_WIDTH: Final = 0.8


def plot_network(
    chron: Chronology | pd.DataFrame,
    *,
    family: bool = False,
    ax: Axes | None = None,
) -> Axes:
    """Draw who contacted whom: agencies as nodes, edge width by the number of contacts.

    Contacts in both directions between two agencies are added up into one edge, labelled
    with the count. Nodes sit on a circle in a fixed order (agencies in the order of
    :data:`scr_timeline.schema.AGENCIES`, then family members), so the same chronology
    always gives the same picture. Node size grows with the number of events the node
    took part in.

    Parameters
    ----------
    chron
        A :class:`~scr_timeline.Chronology` or its events table.
    family
        Also draw family members (mother, father, ...) named as counterparts, as squares.
    ax
        The Axes to draw on (default: a new square figure).

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
    >>> ax = plot_network(scr.load_sample("child-b-agencies"))
    >>> len(ax.collections) >= 2
    True
    >>> plt.close(ax.figure)
    """
    from matplotlib.collections import LineCollection

    graph = build_graph(chron)
    kinds = {KIND_AGENCY, KIND_FAMILY} if family else {KIND_AGENCY}
    nodes = [n for n, data in graph.nodes(data=True) if data.get(KIND) in kinds]
    weights: dict[tuple[str, str], int] = {}
    for u, v, data in graph.edges(data=True):
        if u in nodes and v in nodes and u != v:
            key = (u, v) if str(u) < str(v) else (v, u)
            weights[key] = weights.get(key, 0) + int(data.get(WEIGHT, 1))
    nodes = [n for n in nodes if graph.nodes[n].get(N_EVENTS, 0) or any(n in k for k in weights)]

    if ax is None:
        ax = new_axes((8.0, 8.0))
    ax.set_title("Contacts between agencies")
    ax.set_axis_off()
    ax.set_aspect("equal")
    ax.set_xlim(-1.45, 1.45)
    ax.set_ylim(-1.3, 1.3)
    if not nodes:
        ax.text(0.5, 0.5, "No contacts", transform=ax.transAxes, ha="center")
        return ax

    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    pos = nx.circular_layout(simple)
    top = max(weights.values(), default=1)
    segs = [[tuple(pos[u]), tuple(pos[v])] for u, v in weights]
    widths = [
        _MIN_EDGE_WIDTH + (_MAX_EDGE_WIDTH - _MIN_EDGE_WIDTH) * w / top for w in weights.values()
    ]
    edges = LineCollection(segs, linewidths=widths, colors=OKABE_ITO["blue"], alpha=0.45, zorder=1)
    edges.set_gid("scr-network-edges")
    ax.add_collection(edges)
    for (u, v), w in weights.items():
        mid = (pos[u] + pos[v]) / 2
        ax.text(
            mid[0],
            mid[1],
            str(w),
            fontsize=7,
            ha="center",
            va="center",
            zorder=2,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
        )

    xy = np.array([pos[n] for n in nodes])
    size = np.array([graph.nodes[n].get(N_EVENTS, 0) for n in nodes], dtype=float)
    size = 120 + 600 * size / max(size.max(), 1.0)
    is_family = np.array([graph.nodes[n].get(KIND) == KIND_FAMILY for n in nodes])
    for mask, marker, colour, gid in (
        (~is_family, "o", OKABE_ITO["orange"], "scr-network-agencies"),
        (is_family, "s", OKABE_ITO["sky_blue"], "scr-network-family"),
    ):
        if mask.any():
            pts = ax.scatter(
                xy[mask, 0],
                xy[mask, 1],
                s=size[mask],
                marker=marker,
                color=colour,
                edgecolors="black",
                linewidths=0.8,
                zorder=3,
            )
            pts.set_gid(gid)
    for n, (px, py) in zip(nodes, xy, strict=True):
        label = str(graph.nodes[n].get(LABEL, n))
        ax.text(
            px * 1.13,
            py * 1.13,
            label,
            fontsize=9,
            zorder=4,
            ha="left" if px > 0.2 else "right" if px < -0.2 else "center",
            va="bottom" if py > 0.2 else "top" if py < -0.2 else "center",
        )
    return ax
