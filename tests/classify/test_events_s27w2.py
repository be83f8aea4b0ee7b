"""Wording read as a reviewer reads it (session 27, second sweep): transfer-in conferences
and placements with a connected person."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.events import classify_event_types


def _read(details: str, agency: str = "csc") -> tuple[str, tuple[str, ...]]:
    rows = pd.DataFrame({"details": [details], "outcome": [None], "agency": [agency]})
    got = classify_event_types(rows).iloc[0]
    return str(got["event_type"]), tuple(got["mentions"])


@pytest.mark.parametrize(
    "details",
    [
        "Transfer-in child protection conference held.",
        "Transfer-in child protection conference",
        "TICPC held",
        "TICPC",
        "Transfer in CP conf",
        "Transfer in CP conf held; plan continued under neglect",
        "Transfer-in ICPC held",
        "Transfer-in case conference",
        "Transfer in conference held",
    ],
)
def test_a_transfer_in_conference_is_an_icpc(details):
    assert _read(details) == ("icpc", ())


def test_a_transfer_in_review_conference_is_a_review():
    assert _read("Transfer in review conference held") == ("review_conference", ())


@pytest.mark.parametrize(
    "details",
    ["Transfer-in conference to be arranged", "TICPC booked for 12/03"],
)
def test_a_transfer_in_conference_planned_is_a_mention(details):
    assert _read(details) == ("other", ("icpc",))


@pytest.mark.parametrize("details", ["Transfer in", "Case transferred in from Northshire"])
def test_a_case_transferred_in_is_still_an_allocation(details):
    assert _read(details)[0] == "allocation"


@pytest.mark.parametrize(
    "details",
    [
        "Child A discharged to maternal grandmother (Reg 24 assessment started, viability positive)",
        "Child A moved to aunt's care, Reg 24 approval",
        "Child A discharged from hospital to care of MGM under Reg 24",
    ],
)
def test_a_child_gone_to_a_connected_person_under_reg_24_is_placed(details):
    assert _read(details) == ("placement", ("carer_assessment",))


@pytest.mark.parametrize(
    "details",
    [
        "Child A discharged to foster carers",
        "Baby discharged from SCBU to mother and baby placement",
    ],
)
def test_a_child_discharged_to_foster_care_is_placed(details):
    assert _read(details)[0] == "placement"


@pytest.mark.parametrize(
    "details",
    [
        "Child A discharged home to Mother",
        "Child A moved to live with MGM",
        "Child A discharged to MGM.",
        "Reg 24 assessment of maternal grandmother started",
    ],
)
def test_a_family_arrangement_or_an_assessment_alone_is_no_placement(details):
    assert _read(details)[0] != "placement"
