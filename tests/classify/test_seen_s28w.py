"""Another agency's visit passed on in social care's record (session 28)."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify import classify_events
from scr_timeline.testing import make_events


def _seen(details: str, agency: str = "csc", outcome: str | None = None) -> bool | None:
    events = make_events(start="01/06/2021", agency=agency, details=details, outcome=outcome)
    out, _ = classify_events(events)
    value = out.iloc[0]["child_seen"]
    return None if pd.isna(value) else bool(value)


@pytest.mark.parametrize(
    "details",
    [
        "Health visitor visited the family.",
        "HV1 visited; home conditions poor. Child A seen in cot.",
        "Housing officer visited the property.",
        "CGL worker visited Mother at home.",
        "YOT worker visited Child A at home.",
        "Visit by YOT worker; Child A at home.",
        "School nurse (SN2) visited Mother.",
    ],
)
def test_another_agency_s_visit_is_not_social_care_seeing_the_child(details):
    # a social care visit is taken to see the child (RULES.md); this one was not theirs
    assert _seen(details) is None


@pytest.mark.parametrize(
    ("details", "outcome"),
    [
        ("SW1 visited.", None),
        ("HV visited with SW1. Child A seen.", None),
        ("Joint visit: police officers visited with SW1.", None),
        ("Health visitor and SW1 visited.", None),
        ("Home visit. Health visitor visited last week.", None),
        ("Home visit.", "Health visitor visited the family."),
    ],
)
def test_social_care_s_own_or_joint_visit_still_sees_the_child(details, outcome):
    assert _seen(details, outcome=outcome) is True


def test_the_visiting_agency_s_own_record_is_read_as_before():
    # a health visitor's own visit: the text decides ('Child A seen')
    assert _seen("Health visitor visited the family. Child A seen.", "health_visiting") is True
