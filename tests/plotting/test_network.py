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
