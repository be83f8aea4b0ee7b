"""The child seen, read as a reviewer reads it (session 27): a parent's appointment that
notes how the child looked ('Child A in pram, appeared well')."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.pipeline import classify_events


def _seen(details: str, agency: str = "gp") -> object:
    rows = pd.DataFrame({"details": [details], "outcome": [None], "agency": [agency]})
    return classify_events(rows)[0].iloc[0]["child_seen"]


@pytest.mark.parametrize(
    "details",
    [
        "Mother seen re low mood; started sertraline. Child A in pram, appeared well.",
        "Mother seen. Child A present, appeared well.",
        "Baby asleep in pram and looked content.",
    ],
)
def test_how_the_child_looked_says_the_child_was_seen(details):
    assert _seen(details) == True  # noqa: E712 - a nullable boolean


@pytest.mark.parametrize(
    "details",
    ["Child A not seen, appeared well per Mother.", "Child A not present; looked well per Mother."],
)
def test_how_the_child_looked_by_someone_elses_account_is_not(details):
    assert _seen(details) is pd.NA or not _seen(details)


@pytest.mark.parametrize(
    "details",
    [
        "Mother said Child A appeared well.",
        "Mother reports baby looked unwell overnight.",
        "Tel call: Mother stated that baby appeared settled.",
    ],
)
def test_how_the_child_looked_in_a_parents_account_is_no_sight_of_the_child(details):
    assert _seen(details) is pd.NA


@pytest.mark.parametrize(
    "details", ["HV noted that baby looked well.", "Home visit: Child A appeared well."]
)
def test_how_the_child_looked_to_the_worker_is_still_seen(details):
    assert _seen(details) == True  # noqa: E712 - a nullable boolean
