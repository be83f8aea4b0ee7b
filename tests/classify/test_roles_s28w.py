"""School support staff and services named by their abbreviation (session 28)."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify import classify_events, normalise_agencies
from scr_timeline.classify.agencies import agencies_from_clues
from scr_timeline.classify.roles import roles_from_practitioners
from scr_timeline.testing import make_events

STAFF = [
    "TA1",
    "LSA2",
    "HLTA",
    "Teaching Assistant",
    "Learning Support Assistant",
    "Pastoral Lead",
    "Pastoral Manager",
    "Attendance Officer",
    "Learning Mentor",
]


@pytest.mark.parametrize("practitioner", STAFF)
def test_school_support_staff_name_the_school_when_no_agency_is_written(practitioner):
    # a combined chronology with no agency column: the practitioner says who acted
    found = agencies_from_clues(pd.Series([None]), [pd.Series([practitioner])])
    assert found.tolist() == ["education"]


@pytest.mark.parametrize("practitioner", STAFF)
def test_school_support_staff_are_not_teachers(practitioner):
    got = roles_from_practitioners(pd.Series([practitioner]), pd.Series(["education"]))
    assert got.tolist() == ["other"]


@pytest.mark.parametrize(("practitioner", "role"), [("SENDCo", "teacher"), ("DDSL1", "teacher")])
def test_the_school_s_coordinators_are_teachers(practitioner, role):
    got = roles_from_practitioners(pd.Series([practitioner]), pd.Series(["education"]))
    assert got.tolist() == [role]
    found = agencies_from_clues(pd.Series([None]), [pd.Series([practitioner])])
    assert found.tolist() == ["education"]


@pytest.mark.parametrize(
    "details",
    [
        "Home visit. Pastoral lead reported concerns about Child A's hygiene.",
        "Call from LSA: Child A has bruising to the arm.",
        "Learning support assistant noticed Child A was hungry.",
    ],
)
def test_school_support_staff_named_in_narrative_are_the_school(details):
    out, _ = classify_events(make_events(start="01/06/2021", agency="csc", details=details))
    assert "education" in out.iloc[0]["counterparts"]


def test_temporary_accommodation_in_narrative_names_no_school():
    # 'TA' is also temporary accommodation: only a practitioner cell reads it as a TA
    details = "Family placed in TA by housing."
    out, _ = classify_events(make_events(start="01/06/2021", agency="csc", details=details))
    assert "education" not in out.iloc[0]["counterparts"]


@pytest.mark.parametrize("name", ["AMHS", "Northshire AMHS"])
def test_amhs_is_adult_mental_health(name):
    assert normalise_agencies(pd.Series([name]))["agency"].tolist() == ["adult_mental_health"]


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("housing", "Officer visited TA. Child A seen; flat damp, mould on walls."),
        ("housing", "Officers inspected the property with Mother."),
        ("probation", "Officer spoke to Father about his licence conditions."),
    ],
)
def test_a_bare_officer_in_housing_or_probation_s_record_is_their_own(agency, details):
    # the housing officer, the probation officer: no police officer was there
    out, _ = classify_events(make_events(start="01/06/2021", agency=agency, details=details))
    assert "police" not in out.iloc[0]["counterparts"]
    role = roles_from_practitioners(pd.Series(["Officer"]), pd.Series([agency]))
    assert role.tolist() == ["other"]


def test_a_bare_officer_elsewhere_is_still_the_police():
    details = "Officer attended the home following a call from a neighbour."
    out, _ = classify_events(make_events(start="01/06/2021", agency="csc", details=details))
    assert "police" in out.iloc[0]["counterparts"]


@pytest.mark.parametrize(
    "practitioner", ["Dr D (SHO)", "SpR Dr E", "SHO", "Senior House Officer", "A&E SHO"]
)
def test_a_hospital_doctor_s_grade_names_the_hospital(practitioner):
    # a row written 'Health' (a sector) or with no agency, its practitioner a junior doctor
    for written in ("Health", None):
        found = agencies_from_clues(pd.Series([written]), [pd.Series([practitioner])])
        assert found.tolist() == ["hospital"]


@pytest.mark.parametrize(
    ("practitioner", "agency"), [("GP Reg", "gp"), ("Paeds SHO", "paediatrics")]
)
def test_a_grade_beside_its_service_names_that_service(practitioner, agency):
    found = agencies_from_clues(pd.Series(["Health"]), [pd.Series([practitioner])])
    assert found.tolist() == [agency]


def test_a_junior_doctor_s_grade_in_a_paediatric_record_is_a_paediatrician():
    got = roles_from_practitioners(pd.Series(["Dr D (SHO)", "SpR"]), pd.Series(["paediatrics"] * 2))
    assert got.tolist() == ["paediatrician", "paediatrician"]


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("hospital", "Child A seen by senior house officer in ED."),
        ("csc", "Call from ED senior house officer re Child A's injuries."),
    ],
)
def test_a_senior_house_officer_is_no_police_officer(agency, details):
    out, _ = classify_events(make_events(start="01/06/2021", agency=agency, details=details))
    assert "police" not in out.iloc[0]["counterparts"]
