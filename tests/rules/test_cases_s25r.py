"""The rules read as an independent reviewer would, on fictional multi-agency chronologies
written as practitioners write them (stop 25's sweep: a baby's fractures found on a skeletal
survey and discharged home before any strategy discussion, a sibling already on a plan; a
toddler not seen for months while the family moved between two local authorities).

Every deadline is worked out by hand from the England and Wales bank holidays of its year.
Rows are as a person sees them in the CSV (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

from scr_timeline.testing import finding_rows, read_rows

# --- a toddler no one saw for months; the family moved to another authority ----------------
# 2018-19 (Child G born 10 June 2017). Westshire's plan from Monday 5 November 2018; the
# family moved to Eastborough in March 2019; Eastborough's transfer-in conference of Monday
# 3 June kept the plan, and Westshire closed its case that day (listed after it).
NO_CONTACT_2019 = """\
05/11/2018,Westshire CSC,IRO1,ICPC. Child G subject to a child protection plan under the category of neglect.,Core group within 10 WD
19/11/2018,Westshire CSC,SW1,Core group meeting. Mother and HV1 attended.,
03/12/2018,Westshire CSC,SW1,Statutory visit. Child G seen in the home.,
07/12/2018,Westshire CSC,TM1,Supervision. Case discussed.,
10/01/2019,Health Visiting,HV1,Child G (19 months) not brought to 18-month developmental review.,Letter sent offering new appointment
14/01/2019,Westshire CSC,SW1,Statutory visit - no reply. Card left.,
14/02/2019,Health Visiting,HV1,Child G not brought to rearranged 18-month review. WNB.,Discussed with GP
25/02/2019,Westshire CSC,IRO1,Review child protection conference. Mother did not attend.,CP plan to continue
20/03/2019,GP,Dr B,Child G not brought for MMR booster.,Second letter sent
01/04/2019,Early Years,Nursery Manager,Child G has not attended nursery since 04/03/2019. Funded 2-year-old place withdrawn.,
15/04/2019,Health Visiting,HV1,Home visit - no reply. Card left.,
17/04/2019,Westshire CSC,SW1,Home visit. No reply. Neighbour said the family moved to Eastborough about three weeks ago.,Discussed with TM1
23/04/2019,Westshire CSC,TM1,Transfer-in request sent to Eastborough CSC. Case to transfer when conference held.,
24/04/2019,Eastborough CSC,MASH SW,Notification received from Westshire: Child G subject to a CP plan. New address confirmed.,Transfer-in conference to be arranged. Allocated to SW5
03/06/2019,Eastborough CSC,IRO2,Transfer-in child protection conference. Child G to remain subject to a CP plan - neglect.,
03/06/2019,Westshire CSC,TM1,Case closed - transferred to Eastborough.,
10/06/2019,Eastborough CSC,SW5,Home visit. Child G seen: thin and pale. Weight below 0.4th centile.,
20/06/2019,Eastborough CSC,SW5,Core group meeting.,
10/07/2019,Eastborough CSC,TM5,Supervision.,
30/07/2019,Eastborough CSC,SW5,Home visit. Child G seen.,
"""


def test_a_plan_handed_on_at_a_transfer_in_conference_runs_on(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "no-contact.csv", NO_CONTACT_2019, child_dob="2017-06-10")
    found = finding_rows(chron, "wt2018", "VIS-CP", "SUP-CADENCE")
    # Westshire's closure 'transferred to Eastborough' had ended the plan and the case on
    # 3 June, the day Eastborough's transfer-in conference kept the plan: the child seen on
    # 10 June and next on 30 July was never judged, and the supervision gap stopped at the
    # closure. Seen 3 December 2018: 20 WD (25, 26 December and 1 January out) is Thursday
    # 3 January 2019; next seen 10 June (128 WD: Easter 19, 22 April, 6 and 27 May out).
    # Seen 10 June: due Monday 8 July; next seen Tuesday 30 July, 36 WD after
    assert found == [
        ("SUP-CADENCE", "gap", 2, "2018-12-03", "2018-12-07", 32, [2, 5]),
        ("VIS-CP", "gap", 4, "2019-01-03", "2019-06-10", 128, [4, 18]),
        ("SUP-CADENCE", "gap", 5, "2019-01-04", "2019-07-10", 215, [5, 20]),
        ("VIS-CP", "gap", 18, "2019-07-08", "2019-07-30", 36, [18, 21]),
    ]


def test_a_transfer_in_conference_only_asked_for_keeps_nothing_open(tmp_path: Path) -> None:
    rows = NO_CONTACT_2019.replace(
        "Transfer-in child protection conference. Child G to remain subject to a CP plan - neglect.",
        "Transfer-in conference to be arranged - date awaited.",
    )
    chron = read_rows(tmp_path / "asked.csv", rows, child_dob="2017-06-10")
    found = finding_rows(chron, "wt2018", "VIS-CP")
    assert found == [("VIS-CP", "gap", 4, "2019-01-03", "", 123, [4])]
