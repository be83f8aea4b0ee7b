"""A young person remanded (stop 28): remanded to local authority accommodation or to
youth detention, the child is looked after by the remand, and children's social care's
placement opens the case (SUP-CADENCE runs while it is open); a remand placement with a
relative is a connected-person placement (PLC-CONNECTED). Bail to a relative's address is
not looked after, and opens nothing.

2014: 5 March a Wednesday; rows as a person sees them in the CSV (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_timeline.testing import finding_rows, read_rows

LATER = "29/09/2014,GP,Dr C,Child B seen for asthma review.,\n"


@pytest.mark.parametrize(
    "words",
    [
        "Child B remanded to LA accommodation. Placed with maternal grandmother under reg 24.",
        "Child B (15) remanded to local authority accommodation; placed in Hillcrest secure children's home.",
        "Child B remanded to youth detention accommodation; placed at Oakhill STC. Looked after by virtue of remand.",
    ],
)
def test_a_remand_placement_opens_the_case(tmp_path: Path, words: str) -> None:
    rows = f'05/03/2014,Children\'s Social Care,SW3,"{words}",\n' + LATER
    chron = read_rows(tmp_path / "remand.csv", rows, child_dob="1999-01-01")
    # no case was open: no supervision was wanted. Now the case is open from Wednesday 5
    # March, with no supervision to 29 September (208 days; due 2 April)
    assert ("SUP-CADENCE", "gap", 2, "2014-04-02", "", 208, [2]) in finding_rows(
        chron, "wt2013", "SUP-CADENCE"
    )


def test_a_remand_to_a_relative_is_a_connected_person_placement(tmp_path: Path) -> None:
    rows = (
        "05/03/2014,Children's Social Care,SW3,"
        "Child B remanded to LA accommodation. Placed with maternal grandmother under reg 24.,\n"
        + LATER
    )
    chron = read_rows(tmp_path / "remand.csv", rows, child_dob="1999-01-01")
    # 16 weeks from Wednesday 5 March: Wednesday 25 June
    assert finding_rows(chron, "wt2013", "PLC-CONNECTED") == [
        ("PLC-CONNECTED", "missing", 2, "2014-06-25", "", None, [2])
    ]


@pytest.mark.parametrize(
    "words",
    [
        "Child B (15) bailed by court to live with maternal grandmother (bail condition of residence). Not looked after.",
        "Remand to LA accommodation to be requested at court tomorrow if no bail address.",
    ],
)
def test_bail_or_a_remand_only_planned_opens_nothing(tmp_path: Path, words: str) -> None:
    rows = f'05/03/2014,Children\'s Social Care,SW3,"{words}",\n' + LATER
    chron = read_rows(tmp_path / "bail.csv", rows, child_dob="1999-01-01")
    assert finding_rows(chron, "wt2013") == []
