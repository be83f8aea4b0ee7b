"""Whether the child was seen, read as a reviewer reads it (session 26): an ambulance crew
that conveyed the child (named as the reviews name children) had the child."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.pipeline import classify_events


def _seen(details: str, agency: str) -> bool | None:
    rows = pd.DataFrame({"details": [details], "outcome": [None], "agency": [agency]})
    got = classify_events(rows)[0]["child_seen"].iloc[0]
    return None if pd.isna(got) else bool(got)


@pytest.mark.parametrize(
    "details",
    [
        "999 call - child fitting. Crew attended; Child A conveyed to ED.",
        "Baby B was conveyed to Riverside ED with Mother.",
        "Both children conveyed to hospital.",
    ],
)
def test_a_child_conveyed_by_the_crew_was_seen(details):
    assert _seen(details, "ambulance") is True


def test_a_parent_conveyed_is_no_child_seen():
    got = _seen("Attended address: Mother unconscious. Mother conveyed to ED.", "ambulance")
    assert got is not True
