"""Tests for scr_timeline.classify.roles: roles from practitioner cells."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.roles import load_roles, roles_from_practitioners
from scr_timeline.exceptions import ChronologyReadError


def role(practitioner, agency="csc", **kwargs):
    out = roles_from_practitioners(pd.Series([practitioner]), pd.Series([agency]), **kwargs)
    value = out.iloc[0]
    return None if pd.isna(value) else value


# GLOSSARY.md "Roles", as the glossary writes them
@pytest.mark.parametrize(
    ("practitioner", "agency", "expected"),
    [
        ("SW", "csc", "social_worker"),
        ("LSW", "csc", "social_worker"),
        ("allocated worker", "csc", "social_worker"),
        ("NQSW", "csc", "social_worker"),
        ("student social worker", "csc", "social_worker"),
        ("TM", "csc", "team_manager"),
        ("DTM", "csc", "team_manager"),
        ("PM", "csc", "team_manager"),
        ("SM", "csc", "service_manager"),
        ("HoS", "csc", "service_manager"),
        ("HV", "health_visiting", "health_visitor"),
        ("GP", "gp", "gp"),
        ("Midwife", "midwifery", "midwife"),
        ("Paediatrician", "paediatrics", "paediatrician"),
        ("School nurse", "education", "nurse"),
        ("SN", "health_visiting", "nurse"),
        ("PC", "police", "police_officer"),
        ("DC", "police", "police_officer"),
        ("DS", "police", "police_officer"),
        ("DI", "police", "police_officer"),
        ("Teacher", "education", "teacher"),
        ("IRO", "csc", "iro"),
        ("Conference chair", "csc", "iro"),
        ("LA Solicitor", "legal", "lawyer"),
        ("FSW", "voluntary", "family_support_worker"),
        ("Radiologist", "hospital", "other"),
    ],
)
def test_glossary_roles(practitioner, agency, expected):
    assert role(practitioner, agency) == expected


def test_codes_with_numbers_and_names():
    assert role("SW12") == "social_worker"
    assert role("DC 4471", "police") == "police_officer"
    assert role("Det Sgt Khan", "police") == "police_officer"
    assert role("Dr P1 (Consultant Paediatrician)", "paediatrics") == "paediatrician"


def test_the_first_role_named_wins():
    assert role("TM1 / SW1") == "team_manager"
    assert role("SW1 / TM1") == "social_worker"


def test_a_doctor_is_read_through_the_recording_agency():
    assert role("Dr Shah", "gp") == "gp"
    assert role("Dr Shah", "paediatrics") == "paediatrician"
    assert role("Dr Shah", "hospital") == "other"
    assert role("PM", "gp") == "other"  # a practice manager, not a team manager


def test_missing_and_unknown_practitioners():
    out = roles_from_practitioners(pd.Series([None, "", "Receptionist", pd.NA], dtype=object))
    assert out.isna().tolist() == [True, True, False, True]
    assert out.iloc[2] == "other"
    assert list(out.cat.categories) == list(schema.ROLES)


def test_index_is_kept():
    out = roles_from_practitioners(
        pd.Series(["SW1", "HV2"], index=["x", "y"]),
        pd.Series(["csc", "health_visiting"], index=["x", "y"]),
    )
    assert out.to_dict() == {"x": "social_worker", "y": "health_visitor"}


def test_a_users_file_adds_a_role(tmp_path: Path):
    path = tmp_path / "roles.csv"
    path.write_text("phrase,role,agency\nCP coordinator,social_worker,csc\n", encoding="utf-8")
    assert role("CP coordinator") == "other"
    assert role("CP coordinator", path=path) == "social_worker"


def test_a_users_file_with_an_unknown_role_is_refused(tmp_path: Path):
    path = tmp_path / "roles.csv"
    path.write_text("phrase,role\nwizard,sorcerer\n", encoding="utf-8")
    with pytest.raises(ChronologyReadError, match="sorcerer"):
        load_roles(path)


def test_wrong_input_is_refused():
    with pytest.raises(TypeError):
        roles_from_practitioners(["SW1"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("practitioner", "agency", "expected"),
    [
        ("Dr P1", "hospital", "paediatrician"),
        ("Dr P5", "csc", "paediatrician"),
        ("Dr P1 (Consultant Paediatrician)", "hospital", "paediatrician"),
        ("Consultant paediatrician", "hospital", "paediatrician"),
        ("Dr", "gp", "gp"),  # a bare "Dr" in a GP record is a GP
        ("Dr Patel", "gp", "gp"),
    ],
)
def test_a_paediatrician_pseudonymised_as_dr_p1(practitioner, agency, expected):
    assert role(practitioner, agency) == expected


def test_house_style_codes_of_social_care_and_early_help():
    assert role("CSW2") == "social_worker"  # a consultant social worker
    assert role("CSW", "hospital") == "other"  # not read outside a social care record
    assert role("EH Practitioner", "early_years") == "family_support_worker"
    assert role("EH Worker 1", "early_years") == "family_support_worker"


def test_a_hospital_doctor_has_no_role_of_the_vocabulary():
    # schema.ROLES has no hospital doctor: an ED consultant or SHO is no paediatrician
    assert role("ED Consultant", "hospital") == "other"
    assert role("SHO", "hospital") == "other"
    assert role("SHO", "paediatrics") == "paediatrician"
