"""The police's own record of its notification of a domestic incident tells of the
incident (stop 28): 'Domestic incident notification completed ... Not shared with CSC -
standard risk' (read as a referral, and so no police_incident) started no ESC-DOMESTIC
clock, though nothing reached children's social care. A notification sent answers itself;
one sent a week after the call-out is that call-out's late answer, not the next call-out.

2007: Monday 5 March to Friday 29 June; no bank holiday in March. Rows are as a person sees
them in the file (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_timeline.testing import finding_rows, read_rows

LATER = "29/06/2007,GP,Dr C,Child A seen for immunisations.,\n"
CALL_OUT = (
    "05/03/2007,Police,PC2,Police attended DA incident; Mr X assaulted Mother. Child A present.,\n"
)


def _domestic(tmp_path: Path, rows: str) -> list[tuple[object, ...]]:
    chron = read_rows(tmp_path / "da.csv", rows + LATER, child_dob="2005-03-01")
    return finding_rows(chron, "wt2006", "ESC-DOMESTIC")


@pytest.mark.parametrize(
    "row",
    [
        "05/03/2007,Police,PC2,Domestic incident notification completed. Mother and partner"
        " argued; Child A (2) present. Not shared with CSC - standard risk.,\n",
        "05/03/2007,Police,PC2,DA notification: verbal argument between Mother and Mr X."
        " Child A present. Notification not sent - standard risk.,\n",
    ],
)
def test_a_domestic_notification_not_shared_wants_one(tmp_path: Path, row: str) -> None:
    # Monday 5th: a notification to children's social care due Tuesday 6th, none made
    assert _domestic(tmp_path, row) == [("ESC-DOMESTIC", "missing", 2, "2007-03-06", "", None, [2])]


@pytest.mark.parametrize(
    "row",
    [
        "05/03/2007,Police,PC2,Domestic incident notification sent to CSC. Mother and partner"
        " argued; Child A (2) present.,\n",
        "05/03/2007,Police,PC2,PPN/Merlin submitted to MASH following DA call-out."
        " Children present.,\n",
    ],
)
def test_a_domestic_notification_sent_answers_itself(tmp_path: Path, row: str) -> None:
    assert _domestic(tmp_path, row) == []


def test_a_late_notification_answers_its_call_out(tmp_path: Path) -> None:
    rows = CALL_OUT + (
        "12/03/2007,Police,PC2,DA notification sent to MASH re assault on Mother by Mr X.,\n"
    )
    # the call-out of Monday 5th, due Tuesday 6th, notified Monday 12th: 4 WD late (7, 8,
    # 9, 12 March); the notification's own record asks for nothing more
    assert _domestic(tmp_path, rows) == [
        ("ESC-DOMESTIC", "late", 2, "2007-03-06", "2007-03-12", 4, [2, 3])
    ]


def test_a_call_out_then_its_notification_that_day(tmp_path: Path) -> None:
    rows = CALL_OUT + (
        "05/03/2007,Police,PC2,DA notification sent to MASH re assault on Mother by Mr X.,\n"
    )
    assert _domestic(tmp_path, rows) == []


@pytest.mark.parametrize(
    "row",
    [
        "05/03/2007,Police,PPU,Referral to MARAC made by PPU.,\n",
        "05/03/2007,Police,PPU,Referred Mother to IDVA service.,\n",
    ],
)
def test_a_referral_to_marac_is_no_incident(tmp_path: Path, row: str) -> None:
    assert _domestic(tmp_path, row) == []
