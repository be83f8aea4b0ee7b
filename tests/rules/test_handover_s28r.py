"""A council's handover sentence that names the receiving council (stop 28).

'Case transferred to Enfield CSC' (recorded by Haringey) did not read as a transfer out
(only 'LA', 'council', 'borough'... named a council there): Haringey's case and plan ran on
to the end of the chronology. 'Attended transfer in conference held by Enfield CSC'
(Haringey's record of Enfield's conference) opened nothing of Enfield's: Enfield's visits
and core group were no answer to Haringey's plan, and Enfield's plan was never seen. Now a
record that says which council held the meeting is that council's (its conference hands the
case and the plan over), and a transfer to a council named with its social care ends the
sender's case and plan.

2007: Good Friday 6 April, Easter Monday 9 April, 7 and 28 May. Rows are as a person sees
them in the CSV (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from scr_timeline.rules.kinds import authorities
from scr_timeline.rules.predicates import EventView
from scr_timeline.rules.states import state_periods
from scr_timeline.testing import finding_rows, make_events, read_rows

MOVED = """\
08/01/2007,Haringey CSC,IRO1,Initial child protection conference. Child A made subject to a child protection plan under the category of neglect.,
10/01/2007,Haringey CSC,SW1,Core group meeting.,
15/01/2007,Haringey CSC,SW1,Home visit. Child A seen.,
05/02/2007,Haringey CSC,TM1,Supervision. Family moved to Enfield.,
{handover}
14/03/2007,Enfield CSC,SW5,Core group meeting.,
30/04/2007,Enfield CSC,SW5,Home visit. Child A seen.,
29/06/2007,GP,Dr C,Child A seen for immunisations.,
"""


@pytest.mark.parametrize(
    "handover",
    [
        "05/03/2007,Haringey CSC,SW1,Attended transfer in conference held by Enfield CSC. Child A"
        " remains subject to CP plan. Case transferred to Enfield CSC.,",
        "05/03/2007,Haringey CSC,TM1,Case transferred to Enfield CSC. Transfer in conference"
        " held by Enfield.,",
        "05/03/2007,Haringey CSC,SW1,Transfer-in conference in Enfield. Child A remains subject"
        " to a CP plan.,",
    ],
)
def test_the_receiving_councils_conference_told_by_the_sender(
    tmp_path: Path, handover: str
) -> None:
    chron = read_rows(
        tmp_path / "moved.csv", MOVED.format(handover=handover), child_dob="2005-03-01"
    )
    # Haringey's plan ran to 29 June: a visit gap of 115 days from 15 January, Enfield's
    # visit of 30 April no answer; Enfield's core group of 14 March no answer to the
    # conference (CONF-CORE-GROUP missing). Now Haringey's plan ends at Enfield's conference
    # on Monday 5 March (35 days from 15 January, due 12 February); Enfield's plan runs from
    # it, its first visit due Monday 2 April, seen 30 April (38 days); then due Wednesday
    # 30 May, none to 29 June (42 days); its core group on 14 March is in time (due 19th)
    assert finding_rows(chron, "wt2006", "VIS-CP", "CONF-CORE-GROUP") == [
        ("VIS-CP", "gap", 4, "2007-02-12", "", 35, [4]),
        ("VIS-CP", "gap", 6, "2007-04-02", "2007-04-30", 38, [6, 8]),
        ("VIS-CP", "gap", 8, "2007-05-30", "", 42, [8]),
    ]
    plan = state_periods(chron, "cp_plan")
    assert [str(d.date()) for d in plan["start"]] == ["2007-01-08", "2007-03-05"]
    assert plan["closed_by"].isna().tolist() == [False, True]


@pytest.mark.parametrize(
    "words",
    [
        "Case transferred to Enfield CSC.",
        "CP plan and case transferred to Enfield Children's Services.",
    ],
)
def test_a_transfer_to_a_council_named_with_its_social_care_ends_the_case(
    tmp_path: Path, words: str
) -> None:
    handover = f"05/03/2007,Haringey CSC,TM1,{words},"
    chron = read_rows(
        tmp_path / "moved.csv", MOVED.format(handover=handover), child_dob="2005-03-01"
    )
    # Haringey's case and plan end on Monday 5 March (no Enfield conference is recorded, so
    # no plan of Enfield's is known); Enfield's case opens at its core group of 14 March
    plan = state_periods(chron, "cp_plan")
    assert [
        (str(a.date()), str(b.date())) for a, b in zip(plan["start"], plan["end"], strict=True)
    ] == [("2007-01-08", "2007-03-05")]
    case = state_periods(chron, "case_open")
    assert [str(d.date()) for d in case["start"]] == ["2007-01-08", "2007-03-14"]
    assert finding_rows(chron, "wt2006", "VIS-CP") == [
        ("VIS-CP", "gap", 4, "2007-02-12", "", 35, [4])
    ]


@pytest.mark.parametrize(
    "words",
    [
        "Case transferred to the long term CSC team.",
        "Case transferred to duty CSC team for allocation.",
        "Case to be transferred to Enfield CSC once the family have moved.",
    ],
)
def test_a_move_within_the_council_or_a_planned_transfer_ends_nothing(
    tmp_path: Path, words: str
) -> None:
    handover = f"05/03/2007,Haringey CSC,TM1,{words},"
    chron = read_rows(
        tmp_path / "moved.csv", MOVED.format(handover=handover), child_dob="2005-03-01"
    )
    case = state_periods(chron, "case_open")
    assert str(case["start"].iloc[0].date()) == "2007-01-08"
    assert str(case["end"].iloc[0].date()) != "2007-03-05"


def test_a_meeting_held_by_another_council_is_that_councils() -> None:
    view = EventView.from_events(
        make_events(
            start=["2007-03-01", "2007-03-02", "2007-03-03", "2007-03-04"],
            agency=["csc", "csc", "csc", "csc"],
            organisation=["LA1 CSC", "LA2 CSC", "LA1 CSC", "LA1 CSC"],
            details=[
                "Home visit. Child A seen.",
                "Core group.",
                "Attended transfer in conference held by LA 2. CP plan continues.",
                "Strategy discussion held by phone with DC1.",
            ],
        )
    )
    of = authorities(view)
    assert of is not None
    assert of.tolist() == [0, 1, 1, 0]
    assert np.all(of >= 0)


ONE_COUNCIL = """\
08/01/2007,LA1 CSC,IRO1,Initial child protection conference. Child A made subject to a child protection plan under the category of neglect.,
10/01/2007,LA1 CSC,SW1,Core group meeting.,
15/01/2007,LA1 CSC,SW1,Home visit. Child A seen.,
05/02/2007,LA1 CSC,TM1,Supervision.,
05/03/2007,LA1 CSC,SW1,{handover},
29/06/2007,GP,Dr C,Child A seen for immunisations.,
"""


@pytest.mark.parametrize(
    "handover",
    [
        "Attended transfer in conference held by LA2. Child A remains subject to a CP plan.",
        "Transfer-in conference chaired by Northshire County Council IRO. CP plan continues there.",
    ],
)
def test_the_receiving_council_named_only_in_the_senders_words(
    tmp_path: Path, handover: str
) -> None:
    rows = ONE_COUNCIL.format(handover=handover)
    chron = read_rows(tmp_path / "one.csv", rows, child_dob="2005-03-01")
    # every record is LA1's: its plan ran to 29 June (a visit gap of 115 days from 15
    # January). The conference another council held is that council's: LA1's plan ends
    # there (35 days from 15 January, due 12 February)
    plan = state_periods(chron, "cp_plan")
    assert [str(d.date()) for d in plan["start"]] == ["2007-01-08", "2007-03-05"]
    assert ("VIS-CP", "gap", 4, "2007-02-12", "", 35, [4]) in finding_rows(
        chron, "wt2006", "VIS-CP"
    )


@pytest.mark.parametrize(
    "words",
    [
        "Strategy discussion held by phone (TM1, DS2). S47 agreed.",
        "Review conference chaired by IRO2. Plan continues.",
        "Strategy discussion held by LA1 CSC with DS2.",
    ],
)
def test_a_meeting_held_by_no_other_council_names_none(tmp_path: Path, words: str) -> None:
    rows = ONE_COUNCIL.format(handover=words)
    chron = read_rows(tmp_path / "one.csv", rows, child_dob="2005-03-01")
    plan = state_periods(chron, "cp_plan")
    assert [str(d.date()) for d in plan["start"]] == ["2007-01-08"]
