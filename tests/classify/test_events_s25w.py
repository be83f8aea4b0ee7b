"""Wording read as a reviewer reads it (session 25): missing episodes written bare, the
child found, a parent's mental health detention, and a conference held that someone asked
for."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.events import classify_event_types


def _read(details: str, agency: str, outcome: str | None = None) -> tuple[str, tuple[str, ...]]:
    rows = pd.DataFrame({"details": [details], "outcome": [outcome], "agency": [agency]})
    got = classify_event_types(rows).iloc[0]
    return str(got["event_type"]), tuple(got["mentions"])


# --- a missing episode written without "reported missing" -----------------------------------
@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("Child A went missing at 18:00 after an argument with Mother.", "police"),
        ("Child A has gone missing from school.", "education"),
        ("Child A absconded from placement at 22:00.", "police"),
        ("CA absconded.", "csc"),
        ("Child A ran away from her foster carers overnight.", "csc"),
        ("Child A failed to return to placement after school.", "csc"),
        ("Child A did not return home after school.", "police"),
        ("Child A not returned from school; whereabouts unknown.", "csc"),
    ],
)
def test_a_missing_episode_written_bare_is_the_incident(details, agency):
    assert _read(details, agency)[0] == "police_incident"


@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("Mother did not return calls.", "health_visiting"),
        ("Mother failed to return the consent form.", "education"),
    ],
)
def test_not_returning_a_call_or_a_form_is_no_missing_episode(details, agency):
    event_type, mentions = _read(details, agency)
    assert "police_incident" not in (event_type, *mentions)


# --- the child found: the end of the episode, read as the child's return --------------------
@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("Located at friend's address at 02:00.", "police"),
        ("Child A found safe and well by officers.", "police"),
        ("Child A traced by police to an address in Northtown.", "csc"),
        ("Child A located safe and well.", "csc"),
    ],
)
def test_the_child_found_is_the_return_from_the_episode(details, agency):
    event_type, mentions = _read(details, agency)
    assert (event_type, "police_incident" in mentions) == ("return_home", True)


def test_a_place_located_somewhere_is_no_child_found():
    event_type, mentions = _read("The flat is located at the top of a tower block.", "housing")
    assert "return_home" not in (event_type, *mentions)


def test_a_placement_named_beside_the_finding_stays_the_placement():
    got = _read(
        "Child A absconded from placement; returned to placement next day by police.", "csc"
    )
    assert got[0] == "placement"


# --- a parent's mental health crisis -------------------------------------------------------
@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("Mother detained under s.2 MHA following crisis.", "csc"),
        ("Mo sectioned overnight.", "health_visiting"),
        ("Father admitted under section 3 of the Mental Health Act.", "gp"),
        ("Mother detained under the Mental Health Act.", "education"),
    ],
)
def test_a_parents_detention_under_the_mental_health_act_is_a_concern(details, agency):
    assert _read(details, agency)[0] == "concern"


def test_a_placement_made_when_the_parent_is_sectioned_stays_the_placement():
    got = _read("Mother sectioned overnight; Child A placed with maternal grandmother.", "csc")
    assert got == ("placement", ("concern",))


def test_a_mental_health_detention_is_no_arrest():
    assert _read("Mother detained under s.2 MHA.", "csc")[0] != "arrest"


# --- a conference held that someone asked for ----------------------------------------------
@pytest.mark.parametrize(
    "details",
    [
        "ICPC held - requested by SW1 following strategy discussion",
        "ICPC held, requested by SW1",
        "Strategy discussion held - requested by police",
    ],
)
def test_a_meeting_held_that_someone_requested_was_held(details):
    assert _read(details, "csc")[0] in ("icpc", "strategy_discussion")


@pytest.mark.parametrize("details", ["ICPC requested", "Strategy discussion - requested by police"])
def test_a_meeting_only_requested_is_still_not_held(details):
    assert _read(details, "csc")[0] == "other"


# --- a baby discharged from hospital to someone's care --------------------------------------
def test_a_discharge_to_someones_care_is_no_case_closure():
    got = _read("Baby A discharged from NNU to care of maternal aunt under s20.", "hospital")
    assert got == ("hospital_attendance", ("placement",))


@pytest.mark.parametrize(
    ("details", "agency"),
    [("Discharged from midwifery care to HV.", "midwifery"), ("Discharged from CAMHS.", "camhs")],
)
def test_a_discharge_from_a_service_is_still_its_closure(details, agency):
    assert _read(details, agency)[0] == "case_closure"


# --- a looked-after child's reviews and plans ----------------------------------------------
@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("PEP review - Child A making progress.", "education"),
        ("PEP - attended by SW and FC.", "education"),
        ("CiC review held.", "csc"),
        ("Pathway plan review.", "csc"),
        ("Placement stability meeting held.", "csc"),
    ],
)
def test_a_looked_after_childs_review_is_a_meeting(details, agency):
    assert _read(details, agency)[0] == "meeting"


def test_a_pep_to_be_arranged_is_not_held():
    assert _read("PEP to be arranged.", "education")[0] == "other"


# --- the police's notification to the MASH inside the incident -------------------------------
@pytest.mark.parametrize(
    ("details", "outcome"),
    [
        ("Domestic incident at the home address. Merlin to MASH.", None),
        ("DA incident; Mother assaulted by partner. Merlin submitted.", None),
        ("Police called to address - verbal argument.", "Merlin raised"),
        ("Police attended DA. Merlins created for both children.", None),
    ],
)
def test_a_merlin_inside_a_police_incident_is_its_referral(details, outcome):
    assert _read(details, "police", outcome) == ("police_incident", ("referral",))


# --- a midwife's concern about the unborn child ----------------------------------------------
@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("Concealed pregnancy.", "midwifery"),
        ("Concealed pregnancy disclosed at 32/40.", "midwifery"),
        ("No antenatal care prior to delivery.", "hospital"),
        ("Unbooked delivery on labour ward.", "hospital"),
    ],
)
def test_a_concealed_or_unbooked_pregnancy_is_a_concern(details, agency):
    assert _read(details, agency)[0] == "concern"


def test_the_birth_a_concealed_pregnancy_is_told_at_stays_the_event():
    got = _read("Concealed pregnancy - Mother presented in labour; no antenatal care.", "midwifery")
    assert got == ("hospital_attendance", ("concern",))


# --- a missing episode told as a state; a return of the child's own accord ----------------------
@pytest.mark.parametrize(
    "details",
    [
        "Child A has been missing since Friday.",
        "Child A was missing for 3 days.",
        "Child A remains missing overnight.",
    ],
)
def test_a_child_missing_for_a_time_is_the_incident(details):
    assert _read(details, "csc")[0] == "police_incident"


def test_a_missing_page_is_no_missing_episode():
    assert _read("The page is missing from the report.", "csc")[0] == "other"


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Child A came back of her own accord.", "return_home"),
        ("Child A returned to care home of own accord at 04:00.", "placement"),
    ],
)
def test_a_return_of_the_childs_own_accord_is_the_return(details, expected):
    assert _read(details, "police")[0] == expected


@pytest.mark.parametrize(
    "details",
    [
        "Father traced by DWP to an address in Leeds.",
        "Father was located at an address in Leeds.",
        "Maternal aunt located at address in Kent.",
        "Father found by police in the park, intoxicated.",
    ],
)
def test_a_parent_or_relative_found_is_no_childs_return(details):
    assert _read(details, "csc")[0] != "return_home"


@pytest.mark.parametrize(
    "details",
    [
        "Money has gone missing from the home.",
        "The letter has been missing since March.",
        "Mother reports her medication went missing.",
    ],
)
def test_a_thing_gone_missing_is_no_missing_episode(details):
    event_type, mentions = _read(details, "csc")
    assert "police_incident" not in (event_type, *mentions)
