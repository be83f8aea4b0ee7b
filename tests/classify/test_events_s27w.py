"""Wording read as a reviewer reads it (session 27)."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.events import classify_event_types


def _read(details: str, agency: str, outcome: str | None = None) -> tuple[str, tuple[str, ...]]:
    rows = pd.DataFrame({"details": [details], "outcome": [outcome], "agency": [agency]})
    got = classify_event_types(rows).iloc[0]
    return str(got["event_type"]), tuple(got["mentions"])


# --- advice given before is no information shared now ----------------------------------------
@pytest.mark.parametrize(
    "details",
    [
        "Grade 2 pressure sore to sacrum; Mother not repositioning Child A as advised.",
        "Mother not giving medication as previously advised.",
    ],
)
def test_as_advised_shares_no_information(details):
    event_type, mentions = _read(details, "paediatrics")
    assert "information_sharing" not in (event_type, *mentions)


def test_advice_given_still_shares_information():
    assert _read("Mother advised re feeding.", "health_visiting")[0] == "information_sharing"
