"""An injury told again weeks later, in a liaison notification or a letter that names the
attendance's date, is that injury (stop 27: a child taken to three hospitals in two ICBs).

Every deadline is worked out by hand from the England and Wales bank holidays of its year.
Rows are as a person sees them in the CSV (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_timeline.testing import finding_rows, read_rows

ATTENDANCES_2023 = """\
14/01/2023,Northgate Hospital ED,ED nurse,Child D (20 months) brought by Mother with burn to right palm. Mother says he touched the oven door.,Dressing applied. Discharged.
10/02/2023,Health Visiting,HV1,{told},
20/02/2023,Westbrook Hospital ED,ED nurse,Child D brought by Father with bruising to both ears and left cheek. Father says he fell in the park.,Discharged home; letter to GP.
30/06/2023,GP,Dr B,Child D seen for immunisations.,
"""


@pytest.mark.parametrize(
    "told",
    [
        "ED liaison notification from Northgate re burn to palm 14/01. Tel call to Mother - healing well.",
        "Letter received from Northgate ED re attendance on 14 January with burn to palm.",
        "Notification from Northgate Hospital: burn to right palm 14/01/23.",
    ],
)
def test_a_notification_weeks_later_naming_the_attendance_is_that_injury(
    tmp_path: Path, told: str
) -> None:
    chron = read_rows(
        tmp_path / "told.csv", ATTENDANCES_2023.format(told=told), child_dob="2021-05-10"
    )
    # the health visitor's record of the notification (row 3), 27 days after the burn, was
    # a new suspicious injury: five injury findings of its own, INJ-REFER for a health
    # visitor only told of it, and a second injury for ESC-CUMULATIVE ('3 suspicious
    # injuries' with the bruising of 20 February). It is the burn of Saturday 14 January
    # (due Monday 16th); the bruising of Monday 20 February is the next injury
    found = finding_rows(chron, "wt2018")
    assert [f[:3] for f in found if f[2] == 3] == []
    assert ("INJ-STRAT", "missing", 2, "2023-01-16", "", None, [2]) in found
    assert [f for f in found if f[0] == "ESC-CUMULATIVE"] == []
    assert [f[2] for f in found if f[0] == "INJ-STRAT"] == [2, 4]


def test_a_new_injury_told_weeks_later_is_still_new(tmp_path: Path) -> None:
    told = "Letter received from Northgate ED re new bruising to face 08/02."
    chron = read_rows(
        tmp_path / "told.csv", ATTENDANCES_2023.format(told=told), child_dob="2021-05-10"
    )
    # a report that says the injury is new is a new injury (its own first record here)
    found = finding_rows(chron, "wt2018", "INJ-STRAT")
    assert [f[2] for f in found] == [2, 3, 4]
