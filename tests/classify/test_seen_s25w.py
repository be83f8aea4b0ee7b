"""Whether the child was seen, read as a reviewer reads it (session 25): the police's
record of the child's ABE interview written with the child first."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events


def _seen(details: str, agency: str = "police") -> object:
    events = make_events(start="12/03/2019", agency=agency, details=details)
    rows, _ = classify_events(events)
    return rows.iloc[0][schema.CHILD_SEEN]


@pytest.mark.parametrize(
    "details",
    [
        "PPU - Child A ABE interview completed. Disclosed sexual abuse by Mother's partner.",
        "Child A's ABE interview undertaken at CAIT suite.",
        "CA video interview conducted by DC3.",
    ],
)
def test_the_childs_abe_interview_held_saw_the_child(details):
    assert _seen(details) == True  # noqa: E712


def test_an_abe_interview_to_be_arranged_says_nothing_of_seeing():
    assert _seen("Child A ABE interview to be arranged.") is pd.NA
