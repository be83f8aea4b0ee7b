"""Agency names read as a reviewer reads them (session 27): NHS 111 and an urgent
treatment centre written as the agency cell alone ("111", "UTC"), and adults' learning
disability and safeguarding teams (not children's social care)."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.agencies import MATCHED, normalise_agencies
from scr_timeline.classify.pipeline import classify_events


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("111", "ambulance"),
        (" 111 ", "ambulance"),
        ("UTC", "hospital"),
        ("utc", "hospital"),
        ("NHS 111", "ambulance"),
        ("Urgent Treatment Centre", "hospital"),
    ],
)
def test_111_and_utc_as_the_whole_cell(name, agency):
    got = normalise_agencies(pd.Series([name]))
    assert got["agency"].iloc[0] == agency
    assert got[MATCHED].iloc[0]


@pytest.mark.parametrize("name", ["Flat 111", "Elstree UTC", "Room 111"])
def test_111_and_utc_inside_a_longer_name_are_not_read(name):
    got = normalise_agencies(pd.Series([name]))
    assert got["agency"].iloc[0] == "other"
    assert not got[MATCHED].iloc[0]


@pytest.mark.parametrize(
    "name",
    [
        "Adult LD Team",
        "Adult Learning Disability Team",
        "Community Learning Disability Team",
        "CLDT",
        "Adult MASH",
        "Safeguarding Adults Team",
    ],
)
def test_adults_learning_disability_and_safeguarding_teams_are_not_csc(name):
    got = normalise_agencies(pd.Series([name]))
    assert got["agency"].iloc[0] == "other"
    assert got[MATCHED].iloc[0]  # named on purpose: no unknown-agency warning


def test_mash_alone_is_still_csc():
    assert normalise_agencies(pd.Series(["MASH"]))["agency"].iloc[0] == "csc"


@pytest.mark.parametrize(
    "details", ["Home visit to Flat 111, Tower Road.", "Time of call 14:05 UTC."]
)
def test_111_and_utc_in_narrative_name_no_counterpart(details):
    rows = pd.DataFrame({"details": [details], "outcome": [None], "agency": ["csc"]})
    got = classify_events(rows)[0].iloc[0]
    assert not {"ambulance", "hospital"} & set(got["counterparts"])


@pytest.mark.parametrize(
    "name", ["Faith setting", "Madrassa", "Northtown Mosque", "Synagogue", "Gurdwara"]
)
def test_faith_settings_are_the_voluntary_sector(name):
    got = normalise_agencies(pd.Series([name]))
    assert got["agency"].iloc[0] == "voluntary"
    assert got[MATCHED].iloc[0]


def test_a_madrassa_teacher_is_no_school():
    rows = pd.DataFrame(
        {
            "details": ["Madrassa teacher noticed bruise on Child A's cheek; informed Mother."],
            "outcome": [None],
            "agency": ["voluntary"],
        }
    )
    got = classify_events(rows)[0].iloc[0]
    assert "education" not in got["counterparts"]


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("Kooth", "camhs"),
        ("HMCTS", "legal"),
        ("British Red Cross", "voluntary"),
        ("Specialist Perinatal Team", "adult_mental_health"),
        ("EHCP Coordinator", "education"),
        ("Perinatal midwife", "midwifery"),
    ],
)
def test_more_services_as_reviewers_meet_them(name, agency):
    got = normalise_agencies(pd.Series([name]))
    assert got["agency"].iloc[0] == agency
    assert got[MATCHED].iloc[0]


@pytest.mark.parametrize("name", ["Language Line", "Interpreter", "Interpreting Service"])
def test_an_interpreter_is_known_and_no_agency(name):
    got = normalise_agencies(pd.Series([name]))
    assert got["agency"].iloc[0] == "other"
    assert got[MATCHED].iloc[0]
