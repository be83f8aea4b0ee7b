"""The child protection plan ends where the chronology says so, in whatever row says it.

Fictional rows. A review conference that ends the plan is classified as the conference
(its ``mentions`` hold ``cp_plan_end``); the plan must close there, or VIS-CP and
CONF-REVIEW find gaps for months after the plan ended.
"""

from __future__ import annotations

import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.rules import analyse
from scr_timeline.testing import make_events

_BEFORE = [
    ("02/01/2012", "ICPC - CP plan under category of neglect"),
    ("09/01/2012", "Home visit - Child A seen"),
    ("12/01/2012", "Core group meeting"),
    ("23/01/2012", "Home visit - Child A seen"),
    ("06/02/2012", "Home visit - Child A seen"),
    ("20/02/2012", "Home visit - Child A seen"),
    ("05/03/2012", "Home visit - Child A seen"),
    ("19/03/2012", "Home visit - Child A seen"),
]
_AFTER = [("15/10/2012", "CIN review held"), ("20/12/2012", "Case closed")]


def _findings(review: str) -> list[str]:
    rows = [*_BEFORE, ("29/03/2012", review), *_AFTER]
    events = make_events(
        start=[d for d, _ in rows], agency="csc", details=[text for _, text in rows]
    )
    events, _ = classify_events(events)
    found = analyse(Chronology(events), rules=["CONF-REVIEW", "VIS-CP"]).to_frame()
    return sorted(found["rule_id"])


@pytest.mark.parametrize(
    "review",
    [
        "RCPC - CP plan ceased. Stepped down to CIN",
        "RCPC - child removed from the CP plan",
        "Review conference - no longer subject to a child protection plan",
    ],
)
def test_a_review_conference_that_ends_the_plan_ends_it(review):
    assert _findings(review) == []


def test_a_review_conference_that_plans_the_end_does_not():
    review = "RCPC - plan to continue; to be stepped down to CIN at next review"
    assert _findings(review) == ["CONF-REVIEW", "VIS-CP"]
