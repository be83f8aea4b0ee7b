"""A parent detained under the Mental Health Act, read as a reviewer reads it (session 26):
in the police's own record the officers' attendance (an incident), in adult mental health's
the parent's admission; elsewhere still a concern."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.events import classify_event_types


def _read(details: str, agency: str, outcome: str | None = None) -> tuple[str, tuple[str, ...]]:
    rows = pd.DataFrame({"details": [details], "outcome": [outcome], "agency": [agency]})
    got = classify_event_types(rows).iloc[0]
    return str(got["event_type"]), tuple(got["mentions"])


# --- a parent detained under the Mental Health Act, in the detaining agency's own record ----
@pytest.mark.parametrize(
    ("details", "outcome"),
    [
        ("Mother detained under s.136 MHA at the bridge.", "Taken to place of safety"),
        ("Father detained under the Mental Health Act.", None),
        ("Officers attended; Mother sectioned under s.136.", None),
    ],
)
def test_the_polices_own_mental_health_detention_is_an_incident(details, outcome):
    assert _read(details, "police", outcome)[0] == "police_incident"


def test_an_arrest_stays_the_arrest_beside_a_later_detention():
    assert _read("Father arrested for assault; later detained under s.136.", "police") == (
        "arrest",
        ("police_incident",),
    )


@pytest.mark.parametrize(
    "details",
    [
        "Mother detained under s.2 MHA.",
        "Mother detained under the Mental Health Act.",
        "Mo sectioned under section 3 following MHA assessment.",
    ],
)
def test_adult_mental_healths_own_detention_is_the_parents_admission(details):
    assert _read(details, "adult_mental_health")[0] == "hospital_attendance"


def test_an_mha_assessment_alone_admits_no_one():
    got = _read("MHA assessment at home. Mother not detained.", "adult_mental_health")
    assert "hospital_attendance" not in (got[0], *got[1])


@pytest.mark.parametrize(
    ("details", "agency"),
    [("Mother detained under s.2 MHA following crisis.", "csc"), ("Mo sectioned.", "gp")],
)
def test_elsewhere_a_parents_detention_is_still_a_concern(details, agency):
    assert _read(details, agency)[0] == "concern"
