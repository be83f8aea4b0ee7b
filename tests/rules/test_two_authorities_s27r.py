"""Two local authorities in one chronology (a sending and a receiving council: 'LA1 CSC'
then 'LA2 CSC', 'Haringey CSC' then 'Enfield CSC'): children's social care's records carry
their council in ``organisation``, and the rules that need "the" local authority (the case
open, the plan, visits on the plan, supervision, the decision on a referral) read each
council's records for its own case (stop 27).

Every deadline is worked out by hand from the England and Wales bank holidays of its year
(2007: Good Friday 6 April, Easter Monday 9 April, 7 and 28 May).
Rows are as a person sees them in the CSV (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from scr_timeline.rules.kinds import authorities
from scr_timeline.rules.predicates import EventView
from scr_timeline.testing import finding_rows, make_events, read_rows

# LA1's plan from Monday 8 January 2007; the family moved; LA2's transfer-in conference of
# Monday 5 March kept the plan. LA1 saw Child A at the grandmother's in its area on the 7th
# and closed its case a week after the conference (12 March).
MOVED_2007 = """\
08/01/2007,LA1 CSC,IRO1,Initial child protection conference. Child A made subject to a child protection plan under the category of neglect.,
10/01/2007,LA1 CSC,SW1,Core group meeting.,
15/01/2007,LA1 CSC,SW1,Home visit. Child A seen.,
05/02/2007,LA1 CSC,TM1,Supervision. Family planning to move to LA2.,
05/03/2007,LA2 CSC,IRO2,Transfer-in child protection conference. Child A to remain subject to a CP plan.,
07/03/2007,LA1 CSC,SW1,Home visit to maternal grandmother's address. Child A seen there.,
12/03/2007,LA1 CSC,TM1,Case closed - transferred to LA2.,
14/03/2007,LA2 CSC,SW5,Core group meeting.,
30/04/2007,LA2 CSC,SW5,Home visit. Child A seen.,
29/06/2007,GP,Dr C,Child A seen for immunisations.,
"""


def test_each_council_sees_the_child_on_its_own_plan(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "moved.csv", MOVED_2007, child_dob="2005-03-01")
    # LA1's visit of 7 March (row 7) counted as a visit on LA2's plan, and LA1's closure of
    # 12 March (row 8), a week after LA2's conference, ended LA2's plan: LA2, which did not
    # see Child A from the conference to 30 April, had no finding. Now: LA1 saw Child A on
    # Monday 15 January (due Monday 12 February), then held the plan to the conference
    # (35 WD); LA2's plan from 5 March is due a visit by Monday 2 April, seen 30 April
    # (38 WD, Easter out); then due Wednesday 30 May (7 and 28 May out), none to Friday
    # 29 June (42 WD)
    assert finding_rows(chron, "wt2006", "VIS-CP") == [
        ("VIS-CP", "gap", 4, "2007-02-12", "", 35, [4]),
        ("VIS-CP", "gap", 6, "2007-04-02", "2007-04-30", 38, [6, 10]),
        ("VIS-CP", "gap", 10, "2007-05-30", "", 42, [10]),
    ]


def test_the_receiving_councils_supervision_and_reviews_are_its_own(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "moved.csv", MOVED_2007, child_dob="2005-03-01")
    # LA1's supervision of 5 February was on time and its case went to LA2 28 days on; LA2
    # held the case and the plan from 5 March with no supervision and no review conference
    # (the first review due 3 months from the transfer-in conference: Tuesday 5 June)
    assert finding_rows(chron, "wt2006", "SUP-CADENCE", "CONF-REVIEW") == [
        ("CONF-REVIEW", "gap", 6, "2007-06-05", "", 116, [6]),
        ("SUP-CADENCE", "gap", 6, "2007-04-02", "", 116, [6]),
    ]


def test_one_councils_referral_is_not_answered_by_the_other_councils_visit(
    tmp_path: Path,
) -> None:
    rows = """\
    05/03/2007,Haringey CSC,SW1,Referral received from school re neglect of Child A.,For initial assessment
    06/03/2007,Haringey CSC,SW1,Home visit. Child A seen.,
    12/03/2007,Haringey CSC,SW1,Initial assessment completed. Family moved to Enfield.,Case closed - transferred to Enfield CSC
    14/03/2007,Enfield CSC,Duty SW,Referral received from Haringey CSC re Child A.,
    16/03/2007,Haringey MASH,SW1,Home visit to old address. Child A seen with Mother collecting belongings.,
    30/06/2007,GP,Dr C,Child A seen for immunisations.,
    """
    chron = read_rows(tmp_path / "haringey.csv", rows, child_dob="2005-03-01")
    # Enfield's referral of Wednesday 14 March (row 5): Haringey's visit of the 16th (row 6)
    # was its 'late' decision. Enfield made none: due Thursday 15th; its initial assessment
    # due Friday 23rd (7 WD)
    assert finding_rows(chron, "wt2006", "ESC-REF-DECISION", "ASM-INITIAL") == [
        ("ASM-INITIAL", "missing", 5, "2007-03-23", "", None, [5]),
        ("ESC-REF-DECISION", "missing", 5, "2007-03-15", "", None, [5]),
    ]


def test_a_referral_allocated_to_a_worker_has_its_decision(tmp_path: Path) -> None:
    rows = """\
    14/03/2007,Enfield CSC,Duty SW,Referral received from Haringey CSC re Child A.,Allocated to SW5
    30/06/2007,GP,Dr C,Child A seen for immunisations.,
    """
    chron = read_rows(tmp_path / "allocated.csv", rows, child_dob="2005-03-01")
    # 'Allocated to SW5' is the contact's decision (ESC-REF-DECISION), not the assessment
    assert finding_rows(chron, "wt2006", "ESC-REF-DECISION", "ASM-INITIAL") == [
        ("ASM-INITIAL", "missing", 2, "2007-03-23", "", None, [2]),
    ]


def test_one_councils_teams_are_one_authority() -> None:
    view = EventView.from_events(
        make_events(
            start=[f"2007-03-0{d}" for d in range(1, 8)],
            agency=["csc", "csc", "csc", "csc", "csc", "csc", "police"],
            organisation=[
                "Haringey CSC",
                "Haringey MASH",
                "London Borough of Haringey Children's Services",
                "Children's Social Care",
                "Riverside locality team",
                "MASH",
                "Enfield Police",
            ],
        )
    )
    # one council, its teams, and records naming no council: one authority (no split)
    assert authorities(view) is None


def test_two_councils_named_in_several_ways() -> None:
    view = EventView.from_events(
        make_events(
            start=[f"2007-03-0{d}" for d in range(1, 7)],
            agency=["csc"] * 6,
            organisation=[
                "Haringey CSC",
                "Enfield Children's Services",
                "London Borough of Enfield",
                "Local Authority 2",
                "Children's Social Care",
                "Haringey MASH",
            ],
        )
    )
    found = authorities(view)
    assert found is not None
    haringey, enfield, la2 = found[0], found[1], found[3]
    assert found.tolist() == [haringey, enfield, enfield, la2, -1, haringey]
    assert len({haringey, enfield, la2}) == 3 and np.all(found[[0, 1, 3]] >= 0)


def test_one_councils_locality_teams_are_not_two_authorities() -> None:
    view = EventView.from_events(
        make_events(
            start=["2007-03-01", "2007-03-02", "2007-03-03"],
            agency=["csc"] * 3,
            organisation=["CSC Hillside Team", "CSC Riverside Locality Team", "CSC"],
        )
    )
    # two team names: places of one council, not two councils (a team named beside its
    # council, 'Haringey Council Leaving Care Team', names the council)
    assert authorities(view) is None


def test_the_timeline_shades_each_councils_plan(tmp_path: Path) -> None:
    from scr_timeline.rules.states import state_periods

    chron = read_rows(tmp_path / "moved.csv", MOVED_2007, child_dob="2005-03-01")
    periods = state_periods(chron, "cp_plan")
    # LA1's plan to LA2's transfer-in conference (row 6), LA2's from it to the end; LA1's
    # closure of 12 March (row 8) ends nothing of LA2's
    rows = dict(zip(chron.events.index, chron.events["source_row"], strict=True))
    assert [
        (rows[o], None if c is pd.NA else rows[c])
        for o, c in zip(periods["opened_by"], periods["closed_by"], strict=True)
    ] == [(2, 6), (6, None)]
