"""Tests of the contact network plot: nodes, labels, edge widths."""

from __future__ import annotations

from collections.abc import Iterator

import matplotlib.pyplot as plt
import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.plotting import plot_network
from scr_timeline.testing import make_events


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def _chron() -> Chronology:
    return Chronology(
        make_events(
            start=["02/03/2007", "03/03/2007", "04/03/2007", "06/03/2007"],
            agency=["gp", "gp", "gp", "health_visiting"],
            counterparts=[("health_visiting",), ("health_visiting",), ("csc",), ("csc", "mother")],
        )
    )


def test_agencies_are_labelled_nodes_and_family_optional() -> None:
    ax = plot_network(_chron())
    texts = [t.get_text() for t in ax.texts]
    assert {"GP", "Health visiting", "Children's social care"} <= set(texts)
    assert "Mother" not in texts
    ax2 = plot_network(_chron(), family=True)
    assert "Mother" in [t.get_text() for t in ax2.texts]


def test_edge_width_grows_with_contacts_and_ax_returned() -> None:
    _fig, given = plt.subplots()
    ax = plot_network(_chron(), ax=given)
    assert ax is given
    (edges,) = [c for c in ax.collections if c.get_gid() == "scr-network-edges"]
    widths = sorted(edges.get_linewidths())
    assert len(widths) == 3 and widths[-1] > widths[0]


def _all_pairs(codes: list[str]) -> Chronology:
    """Every agency in contact with every other, a different number of times per pair."""
    start, agency, parts = [], [], []
    for i, a in enumerate(codes):
        for j, b in enumerate(codes[i + 1 :], start=i + 1):
            for k in range(1 + (i * 7 + j * 3) % 5):
                start.append(f"{1 + k:02d}/0{1 + j % 9}/2007")
                agency.append(a)
                parts.append((b,))
    return Chronology(make_events(start=start, agency=agency, counterparts=parts))


def test_edge_counts_do_not_overlap_one_another() -> None:
    # Eight agencies on a circle: the four diameters all cross the centre.
    codes = ["gp", "health_visiting", "csc", "police", "midwifery", "hospital", "education"]
    codes.append("paediatrics")
    ax = plot_network(_all_pairs(codes))
    renderer = ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    counts = [t for t in ax.texts if t.get_text().isdigit()]
    boxes = [t.get_window_extent(renderer) for t in counts]
    assert len(counts) >= 20  # of 28 edges: most still carry their count
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b), "two edge counts drawn over one another"
    notes = [t.get_text() for t in ax.texts if t.get_gid() == "scr-network-note"]
    assert len(counts) == 28 or (notes and f"{28 - len(counts)} of 28" in notes[0])
