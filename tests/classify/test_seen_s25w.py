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


# --- a social care visit before the child is born ---------------------------------------------
@pytest.mark.parametrize(
    "details",
    [
        "Home visit to Mother re unborn baby.",
        "Statutory visit - unborn baby.",
        "Pre-birth visit to Mother; home conditions good.",
    ],
)
def test_a_visit_about_an_unborn_child_did_not_see_a_child(details):
    assert _seen(details, "csc") is pd.NA


@pytest.mark.parametrize(
    ("details", "seen"),
    [
        ("Home visit - Child A and unborn sibling.", True),
        ("Home visit. Mother pregnant with second child.", True),
        ("Home visit. Unborn baby discussed; Child A not seen - at nursery.", False),
    ],
)
def test_a_visit_to_a_born_child_is_read_as_before(details, seen):
    assert _seen(details, "csc") == seen
