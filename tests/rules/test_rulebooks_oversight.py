"""SUP-KEY-DECISION: management oversight recorded inside the entry of the key event.

Fictional rows. Children's social care closing a case with 'Management decision: concerns
reduced, case to close.' records the closure and the manager who decided it: the closure had
its oversight. The same entry saying the closure is still to be discussed with a manager did
not. Every bundled rulebook inherits this from wt2006.
"""

from __future__ import annotations

import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.rules import analyse
from scr_timeline.rules.rulebook import available_rulebooks
from scr_timeline.testing import make_events


def _findings(details: str, outcome: str, *, rulebook: str = "wt2006") -> list[str]:
    events = make_events(
        start=["27/06/2012", "30/07/2012"],
        agency=["csc", "other"],
        event_type=["case_closure", "other"],
        details=[details, "Filler."],
        outcome=[outcome, None],
    )
    events, _ = classify_events(events)
    assert events["event_type"].iloc[0] == "case_closure"
    found = analyse(Chronology(events), rulebook=rulebook, rules=["SUP-KEY-DECISION"])
    return found.to_frame()["status"].astype(str).tolist()


@pytest.mark.parametrize("rulebook", available_rulebooks())
def test_a_closure_a_manager_decided_had_its_oversight(rulebook):
    details = "Management decision: concerns reduced, case to close."
    assert _findings(details, "Case closed. Letters to Mother.", rulebook=rulebook) == []


@pytest.mark.parametrize(
    ("details", "outcome"),
    [
        ("Case closed by SW1.", "Letters to Mother and agencies."),
        ("Case closed by SW1.", "To be discussed with TM1 at next supervision."),
        ("Case closed by SW1; awaiting management decision.", "Letters to Mother."),
    ],
)
def test_a_closure_without_a_managers_decision_still_needs_one(details, outcome):
    assert _findings(details, outcome) == ["missing"]
