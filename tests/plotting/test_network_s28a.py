"""The network shows the agencies that were never in touch with children's social care
(stop 28)."""

from __future__ import annotations

from collections.abc import Iterator

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.plotting import plot_network
from scr_timeline.testing import make_events


@pytest.fixture(autouse=True)
def _close() -> Iterator[None]:
    yield
    plt.close("all")


def _case(with_csc: bool = True) -> Chronology:
    agencies = ["gp", "gp", "hospital", "education", "csc", "police", "hospital"]
    counterparts = [(), (), ("police",), (), ("police",), ("csc",), ("gp",)]
    if not with_csc:
        agencies[4], counterparts[5] = "housing", ("housing",)
    n = len(agencies)
    days = [f"2010-01-{d:02d}" for d in range(1, n + 1)]
    return Chronology(make_events(start=days, agency=agencies, counterparts=counterparts))


def test_agencies_with_no_contact_with_social_care_are_ringed_and_say_so() -> None:
    ax = plot_network(_case())
    rings = [c for c in ax.collections if c.get_gid() == "scr-network-no-hub"]
    assert len(rings) == 1 and len(rings[0].get_offsets()) == 3
    labels = {t.get_text() for t in ax.texts}
    for name in ("GP", "Hospital", "Education"):
        assert f"{name}\nno contact with CSC" in labels
    assert {"Police", "Children's social care"} <= labels
    notes = [t.get_text() for t in ax.texts if t.get_gid() == "scr-network-no-hub-note"]
    assert notes == ["Dashed ring: no contact with children's social care recorded"]


def test_no_ring_when_social_care_is_not_in_the_chronology() -> None:
    ax = plot_network(_case(with_csc=False))
    assert not [c for c in ax.collections if c.get_gid() == "scr-network-no-hub"]
    assert not [t for t in ax.texts if "no contact with CSC" in t.get_text()]


def test_a_contact_both_agencies_recorded_counts_once() -> None:
    events = make_events(
        start=["2010-01-01", "2010-01-01"],
        agency=["gp", "csc"],
        counterparts=[("csc",), ("gp",)],
    )
    events["duplicate_of"] = pd.array([pd.NA, events.index[0]], dtype="string")
    ax = plot_network(Chronology(events))
    counts = [t.get_text() for t in ax.texts if t.get_gid() == "scr-network-count"]
    assert counts == ["1"]
    assert not [c for c in ax.collections if c.get_gid() == "scr-network-no-hub"]
