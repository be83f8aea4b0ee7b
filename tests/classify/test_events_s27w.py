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


# --- a meeting that agreed a plan was held ---------------------------------------------------
@pytest.mark.parametrize(
    ("details", "agency", "event_type"),
    [
        ("Plan agreed at core group.", "csc", "core_group"),
        ("Birth plan agreed at pre-birth planning meeting.", "midwifery", "meeting"),
        ("Plans made at CIN meeting for respite.", "csc", "cin_meeting"),
    ],
)
def test_a_meeting_that_agreed_a_plan_was_held(details, agency, event_type):
    assert _read(details, agency)[0] == event_type


@pytest.mark.parametrize("details", ["Plan: core group.", "Plan core group next week."])
def test_a_meeting_planned_is_still_planned(details):
    event_type, mentions = _read(details, "csc")
    assert event_type != "core_group" and "core_group" in mentions


# --- midwifery and the family court -------------------------------------------------------------
@pytest.mark.parametrize(
    ("details", "agency", "event_type"),
    [
        ("Mother booked at 10 weeks; no concerns.", "midwifery", "office_visit"),
        ("Booked at 12 wks.", "midwifery", "office_visit"),
        ("FHDRA - safeguarding letter filed.", "legal", "court"),
        ("First hearing dispute resolution appointment held.", "legal", "court"),
    ],
)
def test_a_booking_and_a_private_law_hearing(details, agency, event_type):
    assert _read(details, agency)[0] == event_type


# --- absent from placement: the police's lower category of missing, no placement ------------
@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("Child A absent from placement; returned 02:00.", "police"),
        ("Child A absent from placement overnight.", "csc"),
        ("Absent episode - Child A not at placement at curfew.", "police"),
        ("Child A reported absent by carers.", "police"),
    ],
)
def test_absent_from_placement_is_a_missing_episode_not_a_placement(details, agency):
    event_type, mentions = _read(details, agency)
    assert event_type == "police_incident"
    assert "placement" not in mentions


def test_absent_from_school_is_no_missing_episode():
    assert _read("Child A absent from school today.", "education")[0] != "police_incident"


# --- a youth court sentence ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "details",
    [
        "Child A made subject to a referral order (6 months).",
        "Child A sentenced to a 12 month youth rehabilitation order.",
    ],
)
def test_a_referral_order_made_is_the_courts_sentence(details):
    assert _read(details, "probation")[0] == "court"


def test_a_referral_order_panel_is_still_a_meeting():
    assert _read("Referral order panel held.", "probation")[0] == "meeting"
