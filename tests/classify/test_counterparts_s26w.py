"""Counterparts read as a reviewer reads them (session 26): an adult safeguarding referral
about a parent goes to adult social care, not children's social care."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.pipeline import classify_events


def _read(details: str, agency: str) -> tuple[str, tuple[str, ...]]:
    rows = pd.DataFrame({"details": [details], "outcome": [None], "agency": [agency]})
    got = classify_events(rows)[0].iloc[0]
    return str(got["event_type"]), tuple(got["counterparts"])


@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("Adult safeguarding referral made re Mother.", "hospital"),
        ("Safeguarding adults referral submitted re Mother's vulnerability.", "police"),
        ("Adult safeguarding referral made for Father.", "ambulance"),
        ("ASC referral made re Mother's care needs.", "gp"),
    ],
)
def test_an_adult_safeguarding_referral_goes_to_no_childrens_social_care(details, agency):
    event_type, counterparts = _read(details, agency)
    assert event_type == "referral"
    assert "csc" not in counterparts


@pytest.mark.parametrize(
    "details",
    [
        "Safeguarding referral made re Child A.",
        "Safeguarding referral made to CSC and adult safeguarding referral re Mother.",
    ],
)
def test_a_safeguarding_referral_about_the_child_still_goes_to_csc(details):
    assert "csc" in _read(details, "hospital")[1]
