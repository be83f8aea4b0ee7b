"""Whether the child was seen, in voices not swept before (session 24)."""

from __future__ import annotations

import pytest

from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events


@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("EHE visit - Mother refused to let officer see Child A.", "education"),
        ("Home visit - Mother would not allow the nurse to see the baby.", "health_visiting"),
        ("Crew attended; Father refused to let paramedics see Child A.", "ambulance"),
    ],
)
def test_a_parent_refusing_to_let_a_professional_see_the_child(details, agency):
    events, _ = classify_events(
        make_events(start=["2019-05-08"], agency=[agency], details=[details])
    )
    assert events["child_seen"].tolist() == [False]
