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
import numpy.typing as npt
import pandas as pd

from ..chronology import Chronology
from ..graph import KIND, KIND_AGENCY, KIND_FAMILY, LABEL, N_EVENTS, WEIGHT, build_graph
from .timeline import OKABE_ITO, new_axes

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_network"]

_MAX_EDGE_WIDTH: Final = 9.0
_MIN_EDGE_WIDTH: Final = 0.8
_COUNT_FONTSIZE: Final = 7.0
#: Where along an edge its count may go (fraction of the way), in order of preference.
_COUNT_SPOTS: Final = (0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74)
#: The data window of the network (the circle of nodes has radius 1).
_XLIM: Final = (-1.45, 1.45)
#: The agency whose contacts with every other are shown: an agency that recorded or was
#: named on events but had no contact with it is ringed (it never told it anything).
_HUB: Final = "csc"
_YLIM: Final = (-1.3, 1.3)


def plot_network(
    chron: Chronology | pd.DataFrame,
    *,
    family: bool = False,
    ax: Axes | None = None,
) -> Axes:
    """Draw who contacted whom: agencies as nodes, edge width by the number of contacts.

    Contacts in both directions between two agencies are added up into one edge, labelled
    with the count where it overlaps no other count or node (heaviest edges first; a note
    under the network says how many edges have no room for theirs). Nodes sit on a circle in a fixed order (agencies in the order of
    :data:`scr_timeline.schema.AGENCIES`, then family members), so the same chronology
    always gives the same picture. Node size grows with the number of events the node
    took part in. An agency with no contact recorded with children's social care (either
    way), when social care is in the chronology, is ringed with a dashed vermillion line and
    its label says "no contact with CSC": what it saw never reached social care through a
    recorded contact.

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
    ax.set_xlim(*_XLIM)
    ax.set_ylim(*_YLIM)
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
    xy = np.array([pos[n] for n in nodes])
    size = np.array([graph.nodes[n].get(N_EVENTS, 0) for n in nodes], dtype=float)
    size = 120 + 600 * size / max(size.max(), 1.0)
    _label_edges(ax, pos, weights, xy, size)
    if not weights:  # agencies, but no event of one names another: say so, not a bare ring
        ax.text(
            0.5,
            0.5,
            "No contacts between agencies recorded\n(no event names another agency)",
            transform=ax.transAxes,
            ha="center",
            va="center",
            fontsize=10,
            color="#444444",
            gid="scr-network-note",
        )

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
    # agencies that were never in touch with children's social care
    apart = np.zeros(len(nodes), dtype=bool)
    if _HUB in nodes:
        touched = {u if v == _HUB else v for u, v in weights if _HUB in (u, v)}
        apart = np.array(
            [n != _HUB and not is_family[i] and n not in touched for i, n in enumerate(nodes)],
            dtype=bool,
        )
    if apart.any():
        rings = ax.scatter(
            xy[apart, 0],
            xy[apart, 1],
            s=size[apart] * 2.3 + 150,
            facecolors="none",
            edgecolors=OKABE_ITO["vermillion"],
            linewidths=1.6,
            linestyles="--",
            zorder=2.5,
        )
        rings.set_gid("scr-network-no-hub")
        ax.text(
            0.0,
            1.0,
            "Dashed ring: no contact with children's social care recorded",
            transform=ax.transAxes,
            ha="left",
            va="top",
            fontsize=8,
            color=OKABE_ITO["vermillion"],
            gid="scr-network-no-hub-note",
        )
    for n, (px, py), alone in zip(nodes, xy, apart, strict=True):
        label = str(graph.nodes[n].get(LABEL, n)) + ("\nno contact with CSC" if alone else "")
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


def _label_edges(
    ax: Axes,
    pos: dict[str, npt.NDArray[np.float64]],
    weights: dict[tuple[str, str], int],
    node_xy: npt.NDArray[np.float64],
    node_size: npt.NDArray[np.float64],
) -> None:
    """Write each edge's count on it where it overlaps no other count and no node.

    Counts go heaviest edge first, at the middle of the edge or, when that spot is taken (on
    a circle every diameter crosses the centre), further along it. An edge with no free spot
    keeps its width only, and a note under the network says so.
    """
    points = 72.0 / ax.figure.dpi  # points per display pixel
    # Data units per point (equal aspect: the tighter of the two directions).
    per_pt = max(
        (_XLIM[1] - _XLIM[0]) / (ax.bbox.width * points),
        (_YLIM[1] - _YLIM[0]) / (ax.bbox.height * points),
    )
    # Occupied boxes (x0, y0, x1, y1): the nodes first.
    radius = np.sqrt(node_size) / 2 * per_pt
    taken = [
        (x - r, y - r, x + r, y + r)
        for (x, y), r in zip(node_xy.tolist(), radius.tolist(), strict=True)
    ]
    half_h = 0.75 * _COUNT_FONTSIZE * per_pt
    left_out = 0
    for (u, v), w in sorted(weights.items(), key=lambda kv: -kv[1]):
        text = str(w)
        half_w = (0.32 * _COUNT_FONTSIZE * len(text) + 2.0) * per_pt
        for t in _COUNT_SPOTS:
            cx, cy = (pos[u] * (1 - t) + pos[v] * t).tolist()
            cand = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
            if not any(
                cand[0] < b[2] and b[0] < cand[2] and cand[1] < b[3] and b[1] < cand[3]
                for b in taken
            ):
                break
        else:
            left_out += 1
            continue
        taken.append(cand)
        ax.text(
            cx,
            cy,
            text,
            fontsize=_COUNT_FONTSIZE,
            ha="center",
            va="center",
            zorder=2,
            gid="scr-network-count",
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
        )
    if left_out:
        ax.text(
            0.5,
            0.0,
            f"Line width shows the number of contacts; {left_out} of {len(weights)} lines "
            "have no count written (no room)",
            transform=ax.transAxes,
            ha="center",
            va="top",
            fontsize=8,
            color="#444444",
            gid="scr-network-note",
        )
