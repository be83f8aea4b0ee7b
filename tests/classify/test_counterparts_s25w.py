"""Counterparts read as a reviewer reads them (session 25): an agency's officer is that
agency's, not the police."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.counterparts import classify_counterparts


def _counterparts(details: str, agency: str = "csc") -> tuple[str, ...]:
    rows = pd.DataFrame(
        {"details": [details], "outcome": [None], "counterparts_text": [None], "agency": [agency]}
    )
    return tuple(classify_counterparts(rows).iloc[0])


@pytest.mark.parametrize(
    "details",
    [
        "Email from Elective Home Education officer re visit.",
        "Call from Home Education officer; Child A seen at home.",
        "Discussed with Children Missing Education officers.",
    ],
)
def test_an_agencys_officer_is_that_agency_not_the_police(details):
    got = _counterparts(details)
    assert "education" in got and "police" not in got


@pytest.mark.parametrize(
    "details",
    [
        "Strategy discussion with officer from CAIT.",
        "Mother and officer spoke at the door.",
        "Children missing education officer and police officer visited.",
    ],
)
def test_a_police_officer_named_beside_them_stays_the_police(details):
    assert "police" in _counterparts(details)
