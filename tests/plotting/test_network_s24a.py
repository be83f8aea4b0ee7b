"""The contact network of a chronology whose events name no other agency (stop 24)."""

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


def _notes(ax: plt.Axes) -> list[str]:
    return [t.get_text() for t in ax.texts if t.get_gid() == "scr-network-note"]


def test_agencies_with_no_contacts_say_so() -> None:
    chron = Chronology(make_events(start=["02/03/2007", "03/03/2007"], agency=["gp", "police"]))
    ax = plot_network(chron)
    texts = [t.get_text() for t in ax.texts]
    assert {"GP", "Police"} <= set(texts)  # the agencies are still drawn
    assert any("No contacts between agencies" in note for note in _notes(ax))


def test_a_network_with_contacts_has_no_such_note() -> None:
    chron = Chronology(
        make_events(
            start=["02/03/2007", "03/03/2007"],
            agency=["gp", "police"],
            counterparts=[("police",), ()],
        )
    )
    assert not any("No contacts" in note for note in _notes(plot_network(chron)))
