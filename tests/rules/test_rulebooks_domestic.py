"""ESC-DOMESTIC: a police domestic abuse incident is answered by a notification to
children's social care, not by any later csc record.

Fictional rows. A csc home visit two weeks later about something else is no notification;
the police sending one, or csc recording one from the police, is.
"""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.rules import analyse
from scr_timeline.rules.rulebook import available_rulebooks
from scr_timeline.testing import make_events

_INCIDENT = (
    "Call to address, verbal argument between Mother and partner. Child C asleep upstairs. "
    "Not a crime. DASH standard."
)


def _domestic(after: tuple[str, str, str], rulebook: str = "wt2006") -> list[tuple[str, str]]:
    rows = [("11/02/2008", "police", _INCIDENT), after, ("20/03/2008", "csc", "Core group held.")]
    events = make_events(
        start=[d for d, _, _ in rows],
        agency=[a for _, a, _ in rows],
        details=[t for _, _, t in rows],
    )
    events, _ = classify_events(events)
    found = analyse(Chronology(events), rulebook=rulebook, rules=["ESC-DOMESTIC"]).to_frame()
    return list(zip(found["status"].astype(str), found["summary"], strict=True))


@pytest.mark.parametrize("rulebook", available_rulebooks())
def test_an_unrelated_csc_visit_is_no_notification(rulebook):
    visit = ("25/02/2008", "csc", "Home visit. Mother said Child C staying with a friend.")
    ((status, summary),) = _domestic(visit, rulebook)
    assert status == "missing"
    assert "none recorded before the chronology ends" in summary
    assert "25 February 2008" not in summary


@pytest.mark.parametrize(
    "notice",
    [
        ("12/02/2008", "csc", "DA notification received from police re incident on 11/02."),
        ("12/02/2008", "police", "Domestic incident notification sent to CSC."),
    ],
)
def test_a_notification_from_the_police_answers(notice):
    assert _domestic(notice) == []


def test_a_late_notification_is_late():
    notice = ("25/02/2008", "police", "Domestic incident notification sent to CSC.")
    ((status, summary),) = _domestic(notice)
    assert status == "late" and "the first was on 25 February 2008" in summary


@pytest.mark.parametrize(
    ("police", "answered"),
    [
        # the police notifying csc of a domestic incident is not the police told of the bruise
        ("Domestic incident notification sent to CSC. Verbal argument, DASH standard.", False),
        ("PPN submitted to MASH re DA incident at home address.", False),
        # ... but a police record about the injury is
        ("CAIT informed of bruising to Child C; joint visit agreed.", True),
    ],
)
def test_a_domestic_notification_is_no_contact_with_the_police_about_an_injury(police, answered):
    rows = [
        ("11/02/2008", "csc", "Home visit. Bruise to Child C's cheek, Mother unable to explain."),
        ("12/02/2008", "police", police),
    ]
    events = make_events(
        start=[d for d, _, _ in rows],
        agency=[a for _, a, _ in rows],
        details=[t for _, _, t in rows],
    )
    events, _ = classify_events(events, child_dob=pd.Timestamp("2007-09-01"))
    found = analyse(Chronology(events), rules=["INJ-POLICE"]).to_frame()
    assert found.empty == answered, found["summary"].tolist()
