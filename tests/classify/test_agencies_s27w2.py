"""Agencies as combined chronologies write them (session 27, second sweep): an integrated
trust decided by the service on the row, trusts abbreviated by their kind, numbered local
authorities."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.agencies import (
    agencies_from_clues,
    agency_from_name,
    normalise_agencies,
)


def _read(name: str) -> tuple[str, bool]:
    got = normalise_agencies(pd.Series([name])).iloc[0]
    return str(got["agency"]), bool(got["matched"])


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("NMUH", "hospital"),
        ("Northshire UH", "hospital"),
        ("UHB", "hospital"),
        ("UHCW", "hospital"),
        ("LTHT", "hospital"),
        ("BEH MHT", "adult_mental_health"),
        ("BSMHFT", "adult_mental_health"),
        ("Northshire MHT", "adult_mental_health"),
        ("LA1", "csc"),
        ("LA2", "csc"),
        ("LA 2", "csc"),
        ("Local Authority 2", "csc"),
        ("Whittington HV", "health_visiting"),
        ("Whittington ED", "hospital"),
        ("Whittington Hospital", "hospital"),
        ("Whittington", "hospital"),
    ],
)
def test_a_trust_abbreviated_by_its_kind_is_that_agency(name, agency):
    assert _read(name) == (agency, True)


@pytest.mark.parametrize(
    "name",
    ["Whittington Health", "Whittington Health NHS Trust", "Northshire CHT", "Northshire FT"],
)
def test_an_integrated_or_community_trust_is_a_sector(name):
    assert _read(name) == ("other", False)
    decided = agencies_from_clues(pd.Series([name]), [pd.Series(["HV service"])])
    assert decided.tolist() == ["health_visiting"]


def test_the_service_on_the_row_decides_an_integrated_trust():
    written = pd.Series(["Whittington Health"] * 3)
    source = pd.Series(["HV service", "Paeds ward", "Community paediatrics"])
    assert agencies_from_clues(written, [source]).tolist() == [
        "health_visiting",
        "hospital",
        "paediatrics",
    ]


@pytest.mark.parametrize("name", ["Night shift", "Left", "Theft", "Sheet1"])
def test_words_ending_like_an_abbreviation_stay_unknown(name):
    assert _read(name) == ("other", False)


def test_a_sheet_named_by_an_abbreviated_trust():
    assert agency_from_name("NMUH.xlsx") == "hospital"
    assert agency_from_name("BEH MHT") == "adult_mental_health"


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("Royal Free CAMHS", "camhs"),
        ("Homerton HV", "health_visiting"),
        ("Homerton midwifery", "midwifery"),
        ("North Middlesex Paediatrics", "paediatrics"),
        ("Royal London Hospital", "hospital"),
        ("Royal Free Named Nurse", "hospital"),
        ("Homerton University Hospital NHS FT", "hospital"),
        ("North Middlesex", "hospital"),
        ("GOSH", "hospital"),
    ],
)
def test_a_named_hospital_hosts_the_service_named_beside_it(name, agency):
    assert _read(name) == (agency, True)


def test_homerton_healthcare_is_an_integrated_trust():
    assert _read("Homerton Healthcare") == ("other", False)
