"""Roles and own staff read as a reviewer reads them (session 25): a health trust's own
safeguarding nurse, the paediatric liaison nurse."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.counterparts import classify_counterparts
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events


def _counterparts(details: str, agency: str) -> tuple[str, ...]:
    rows = pd.DataFrame(
        {"details": [details], "outcome": [None], "counterparts_text": [None], "agency": [agency]}
    )
    return tuple(classify_counterparts(rows).iloc[0])


@pytest.mark.parametrize("agency", ["hospital", "paediatrics", "camhs", "ambulance"])
@pytest.mark.parametrize(
    "details",
    [
        "Safeguarding nurse reviewed ED attendance; bruise to left ear noted.",
        "Named nurse reviewed the attendance.",
    ],
)
def test_a_trusts_own_safeguarding_nurse_is_no_counterpart_in_its_records(details, agency):
    assert "health_visiting" not in _counterparts(details, agency)


def test_the_safeguarding_nurse_is_health_elsewhere():
    assert "health_visiting" in _counterparts("Strategy discussion with safeguarding nurse.", "csc")


@pytest.mark.parametrize(
    ("practitioner", "role"),
    [
        ("Paediatric liaison", "nurse"),
        ("Paediatric liaison health visitor", "health_visitor"),
        ("Liaison health visitor", "health_visitor"),
    ],
)
def test_the_paediatric_liaison_practitioner_has_a_role(practitioner, role):
    events = make_events(
        start="12/03/2019",
        agency="hospital",
        details="ED attendance notified to HV.",
        practitioner=practitioner,
    )
    rows, _ = classify_events(events)
    assert rows.iloc[0][schema.ROLE] == role
