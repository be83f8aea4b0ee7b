"""Wording read as a reviewer reads it (session 26): a conference decided on
("Outcome: ICPC"), placements that go on and housing's placements, a youth offender panel,
a GP's coded concern, section 47 and appointments as practitioners type them, and a failed
visit written beside another event."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.events import classify_event_types


def _read(details: str, agency: str, outcome: str | None = None) -> tuple[str, tuple[str, ...]]:
    rows = pd.DataFrame({"details": [details], "outcome": [outcome], "agency": [agency]})
    got = classify_event_types(rows).iloc[0]
    return str(got["event_type"]), tuple(got["mentions"])


# --- a conference or meeting decided on is not held -------------------------------------------
@pytest.mark.parametrize(
    ("details", "outcome", "planned"),
    [
        ("Outcome: ICPC", None, "icpc"),
        ("Outcome - ICPC to be convened", None, "icpc"),
        ("Decision: ICPC", None, "icpc"),
        ("Outcome ICPC", None, "icpc"),
        ("Outcome: Initial child protection conference", None, "icpc"),
        ("Child A presented with bruising.", "Outcome: ICPC", "icpc"),
        ("Outcome: legal planning meeting", None, "legal_planning_meeting"),
        ("Outcome: strategy discussion", None, "strategy_discussion"),
    ],
)
def test_a_meeting_named_as_the_outcome_is_decided_not_held(details, outcome, planned):
    event_type, mentions = _read(details, "csc", outcome)
    assert event_type != planned
    assert planned in mentions


@pytest.mark.parametrize(
    ("details", "event_type"),
    [
        ("Outcome: ICPC held, CP plan under neglect.", "icpc"),
        ("ICPC held. Outcome: CP plan under neglect.", "icpc"),
        ("Outcome: ICPC - child made subject to CP plan under neglect", "icpc"),
        ("Strategy discussion held. Outcome: ICPC", "strategy_discussion"),
        ("Outcome: NFA", "referral_decision"),
        ("Outcome: case closed", "case_closure"),
    ],
)
def test_an_outcome_that_happened_stays_what_it_records(details, event_type):
    assert _read(details, "csc")[0] == event_type


# --- a placement that goes on, and housing's placements, are no placement in care -----------
@pytest.mark.parametrize(
    "details",
    [
        "Child A settled in placement.",
        "Child A has settled well into placement.",
        "Child A remains in placement; settled.",
        "Placement stable.",
    ],
)
def test_a_placement_that_goes_on_places_no_child(details):
    event_type, mentions = _read(details, "csc")
    assert "placement" not in (event_type, *mentions)


@pytest.mark.parametrize(
    ("details", "outcome"),
    [
        ("Mother presented as homeless with Child A.", "B&B placement"),
        ("Hostel placement arranged for Mother and Child A.", None),
        ("Family moved to a temporary accommodation placement.", None),
    ],
)
def test_housings_placements_are_no_placement_in_care(details, outcome):
    event_type, mentions = _read(details, "housing", outcome)
    assert "placement" not in (event_type, *mentions)


@pytest.mark.parametrize(
    "details",
    [
        "Child A placed in foster placement.",
        "New placement with FC1.",
        "Child A returned to placement late.",
    ],
)
def test_a_placement_made_is_still_one(details):
    assert _read(details, "csc")[0] == "placement"


# --- youth offending -------------------------------------------------------------------------
@pytest.mark.parametrize(
    "details",
    ["Referral order panel held. Sibling B attended with Mother.", "Youth offender panel."],
)
def test_a_referral_order_panel_is_a_meeting_not_a_referral(details):
    event_type, mentions = _read(details, "probation")
    assert event_type == "meeting"
    assert "referral" not in mentions


# --- concerns as a GP codes them ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("Safeguarding concern", "gp"),
        ("Child protection concern", "gp"),
        ("Safeguarding concern", "csc"),
        ("Safegaurding concern", "health_visiting"),
    ],
)
def test_a_coded_safeguarding_concern_is_a_concern(details, agency):
    assert _read(details, agency)[0] == "concern"


@pytest.mark.parametrize(
    ("details", "agency", "event_type"),
    [
        ("Referral to MASH re safeguarding concerns", "csc", "referral"),
        ("Strategy discussion re CP concerns", "csc", "strategy_discussion"),
        (
            "Safeguarding concern raised to LA via ambulance safeguarding team",
            "ambulance",
            "referral",
        ),
        ("Home visit. No safeguarding concerns noted.", "health_visiting", "home_visit"),
    ],
)
def test_a_concern_named_beside_an_event_leaves_the_event(details, agency, event_type):
    assert _read(details, agency)[0] == event_type


def test_no_safeguarding_concerns_is_no_concern():
    event_type, mentions = _read("No safeguarding concerns.", "education")
    assert "concern" not in (event_type, *mentions)


# --- shorthand and typing ------------------------------------------------------------------------
@pytest.mark.parametrize("details", ["Sect 47 enquiry", "Sec47 commenced", "Section 47 enquiry"])
def test_section_47_written_short_is_the_enquiry(details):
    assert _read(details, "csc")[0] == "s47_enquiry"


def test_an_assault_under_section_47_written_short_is_no_enquiry():
    event_type, mentions = _read("Sec 47 assault", "police")
    assert "s47_enquiry" not in (event_type, *mentions)


@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("Missed appointmnet", "gp"),
        ("Appointmnet missed", "health_visiting"),
        ("Mother DNA appoinment at clinic", "midwifery"),
        ("Missed apointment x2", "camhs"),
    ],
)
def test_a_missed_appointment_mistyped_is_missed(details, agency):
    assert _read(details, agency)[0] == "dna"


# --- a visit that did not reach the family, written beside another event --------------------
@pytest.mark.parametrize(
    ("details", "agency", "event_type"),
    [
        ("Referral received from school. Home visit - no reply, card left.", "csc", "referral"),
        ("Strategy discussion held. Home visit this pm - no answer.", "csc", "strategy_discussion"),
        ("Attendance 62%. Home visit - no reply. Card left.", "education", "concern"),
    ],
)
def test_a_failed_visit_beside_another_event_is_a_missed_contact(details, agency, event_type):
    got, mentions = _read(details, agency)
    assert got == event_type
    assert "home_visit" not in mentions
    assert "dna" in mentions


@pytest.mark.parametrize(
    "details",
    [
        "Referral received. Home visit - Mother seen; no reply at first.",
        "Referral received. Home visit completed. Phoned GP - no answer.",
        "Referral received. Home visit - no reply at first; Mother then opened the door.",
    ],
)
def test_a_visit_that_reached_the_family_stays_a_visit(details):
    assert "home_visit" in _read(details, "csc")[1]


@pytest.mark.parametrize(
    ("details", "agency", "event_type"),
    [
        ("Tel to Mo - UTC. Message left.", "health_visiting", "information_sharing"),
        ("Tel con with SW1 re plan.", "health_visiting", "information_sharing"),
        ("Tel consult with Mo re rash.", "gp", "gp_appointment"),
        ("Child A (9 months) bruise to ear. Paeds r/v.", "hospital", "hospital_attendance"),
    ],
)
def test_a_call_and_a_review_written_short(details, agency, event_type):
    assert _read(details, agency)[0] == event_type


# --- a meeting the parent did not attend was held ------------------------------------------
@pytest.mark.parametrize(
    ("details", "agency", "event_type"),
    [
        ("CIN review - Mother DNA.", "csc", "cin_meeting"),
        ("Core group review - Father DNA.", "csc", "core_group"),
        ("LAC review - Mother DNA.", "csc", "meeting"),
        ("Attended CIN review - Mother DNA.", "csc", "cin_meeting"),
        ("TAC review - Mother DNA.", "early_years", "meeting"),
    ],
)
def test_a_review_meeting_the_parent_missed_was_held(details, agency, event_type):
    assert _read(details, agency) == (event_type, ("dna",))


@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("8 month review - DNA.", "health_visiting"),
        ("Development review - Mother DNA.", "health_visiting"),
        ("Clinic appt - WNB", "paediatrics"),
    ],
)
def test_an_appointment_the_child_missed_is_still_missed(details, agency):
    assert _read(details, agency)[0] == "dna"


# --- the family visiting someone is no practitioner's home visit --------------------------
@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("Visiting order issued to Mother; Child A visited Father with Mother.", "probation"),
        ("Mother visited Child A on the ward.", "hospital"),
        ("Child A and Mother visited MGM at weekend.", "csc"),
    ],
)
def test_the_family_visiting_someone_is_no_home_visit(details, agency):
    event_type, mentions = _read(details, agency)
    assert "home_visit" not in (event_type, *mentions)


@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("SW visited; Child A seen.", "csc"),
        ("OM visited Father at approved premises.", "probation"),
        ("Child A visited by SW1 at school.", "csc"),
    ],
)
def test_a_practitioner_who_visited_made_a_visit(details, agency):
    assert _read(details, agency)[0] == "home_visit"
