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
    # Seen 10 June: due Monday 8 July; next seen Tuesday 30 July, 36 WD after.
    # Each council's plan is its own (stop 27, two local authorities): Westshire's gaps end
    # at its own closure on 3 June (Eastborough's visit and supervision are not Westshire's:
    # 123 WD from 3 January; 178 days from the supervision of 7 December), and
    # Eastborough's supervision clock runs from its conference that day (due 1 July,
    # supervised 10 July, 37 days)
    assert found == [
        ("SUP-CADENCE", "gap", 2, "2018-12-03", "2018-12-07", 32, [2, 5]),
        ("VIS-CP", "gap", 4, "2019-01-03", "", 123, [4]),
        ("SUP-CADENCE", "gap", 5, "2019-01-04", "", 178, [5]),
        ("SUP-CADENCE", "gap", 16, "2019-07-01", "2019-07-10", 37, [16, 20]),
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


# --- an allegation against foster carers; an emergency move to a family friend ---------------
# 2009 (Child J, 9, accommodated on Monday 2 March). Wednesday 22 April: moved to a family
# friend, Ms L, before any Regulation 38 checks (done Monday 27th); 6 weeks is Wednesday
# 3 June; Ms L never approved, and Child J left on Monday 15 June for a residential placement.
FOSTER_2009 = """\
02/03/2009,Children's Social Care,SW7,Child J (9) accommodated under s20 at Mother's request. Placed with foster carers Mr and Mrs K.,LAC review to be booked
16/03/2009,Children's Social Care,IRO3,LAC review. Child J settled in placement.,
30/03/2009,Children's Social Care,TM7,Supervision - case discussed.,
20/04/2009,Education,DSL,Child J disclosed that foster carer Mr K hit him with a slipper. School nurse saw a bruise to his buttock.,DSL referral to CSC and LADO by phone
20/04/2009,Children's Social Care,LADO,Allegation against foster carer Mr K received from school DSL.,Strategy meeting to be convened
22/04/2009,Children's Social Care,LADO,Strategy meeting (LADO; DC6 police; fostering team manager; SW7). Allegation of physical assault by foster carer.,Police to investigate. Child J to move placement today
22/04/2009,Children's Social Care,SW7,Child J moved to emergency placement with family friend Ms L.,Reg 38 checks to be completed
27/04/2009,Children's Social Care,Fostering SW,Regulation 38 checks on Ms L completed (CRB and home visit).,Ms L temporarily approved
30/04/2009,Police,DC6,Mr K interviewed under caution. Denies allegation.,Bailed
29/05/2009,Children's Social Care,LADO,LADO review meeting. Allegation substantiated.,Mr and Mrs K deregistered as foster carers
15/06/2009,Children's Social Care,SW7,Viability assessment of Ms L: not approved. Child J moved to a residential placement.,
30/06/2009,Children's Social Care,TM7,Supervision.,
10/07/2009,Children's Social Care,SW7,Visit to residential placement. Child J seen.,
"""


def test_a_child_moved_on_in_an_assessments_entry_has_left_the_placement(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "foster.csv", FOSTER_2009, child_dob="2000-01-15")
    # the move to the residential placement, written in the viability assessment's entry,
    # had gone unseen: 'no approval of the carer (or the child leaving the placement) ...
    # none recorded before the chronology ends'. It is the child leaving, 8 WD after the
    # 3 June deadline (4, 5, 8-12, 15 June)
    assert finding_rows(chron, "wt2006", "PLC-REG38-CHECKS", "PLC-REG38-APPROVAL") == [
        ("PLC-REG38-APPROVAL", "late", 8, "2009-06-03", "2009-06-15", 8, [8, 12]),
        ("PLC-REG38-CHECKS", "missing", 8, "2009-04-22", "", None, [8]),
    ]


def test_a_move_only_planned_in_an_assessments_entry_is_no_leaving(tmp_path: Path) -> None:
    rows = FOSTER_2009.replace(
        "Viability assessment of Ms L: not approved. Child J moved to a residential placement.",
        "Viability assessment of Ms L: not approved. Child J to be moved to a residential placement.",
    )
    chron = read_rows(tmp_path / "planned.csv", rows, child_dob="2000-01-15")
    assert finding_rows(chron, "wt2006", "PLC-REG38-APPROVAL") == [
        ("PLC-REG38-APPROVAL", "missing", 8, "2009-06-03", "", None, [8]),
    ]


def test_foster_carers_deregistered_do_not_end_the_childs_plan(tmp_path: Path) -> None:
    # 2009: a plan from Monday 6 April; seen 8 April, then not until 29 June. The LADO's
    # 'Mr and Mrs K deregistered as foster carers' of 29 May had read as the plan ending
    # (a mention of cp_plan_end), so the gap stopped there. 20 WD from Wednesday 8 April
    # (Good Friday 10th, Easter Monday 13th, 4 May out): Monday 11 May; seen 29 June, 54 WD
    # after (25 May out)
    rows = """\
06/04/2009,Children's Social Care,IRO3,ICPC. Child J subject to a child protection plan - physical abuse.,
08/04/2009,Children's Social Care,SW7,Home visit. Child J seen.,
29/05/2009,Children's Social Care,LADO,LADO review meeting. Allegation substantiated.,Mr and Mrs K deregistered as foster carers
29/06/2009,Children's Social Care,SW7,Home visit. Child J seen.,
"""
    chron = read_rows(tmp_path / "dereg.csv", rows, child_dob="2000-01-15")
    assert finding_rows(chron, "wt2006", "VIS-CP") == [
        ("VIS-CP", "gap", 3, "2009-05-11", "2009-06-29", 54, [3, 5]),
    ]


def test_a_child_accommodated_by_social_care_is_an_open_case(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "open.csv", FOSTER_2009, child_dob="2000-01-15")
    # Child J accommodated and placed with foster carers on 2 March had no open case until
    # the school's referral of 20 April: the supervision gap ran from then (due 18 May, 71
    # days). Supervised Monday 30 March (28 days after the placement, in time), then not
    # until 30 June: due Monday 27 April, 92 days
    assert finding_rows(chron, "wt2006", "SUP-CADENCE") == [
        ("SUP-CADENCE", "gap", 4, "2009-04-27", "2009-06-30", 92, [4, 13]),
    ]


def test_a_child_not_brought_written_as_a_health_visit_counts_towards_was_not_brought(
    tmp_path: Path,
) -> None:
    rows = NO_CONTACT_2019.replace("WNB.,Discussed with GP", "WNB.,Letter sent")
    chron = read_rows(tmp_path / "wnb.csv", rows, child_dob="2017-06-10")
    # 'Child G not brought to rearranged 18-month review. WNB.' reads as a health visit that
    # mentions a dna: it had not counted, so the health visitor's two missed reviews (10
    # January, Thursday 14 February) made no cluster. 10 WD after the second: Thursday 28
    # February; the health visitor did nothing more until a visit that reached no one
    frame = finding_rows(chron, "wt2018", "ESC-WNB")
    assert frame == [("ESC-WNB", "missing", 8, "2019-02-28", "", None, [6, 8])]
    # a professional not attending is no child not brought
    rows = rows.replace(
        "Child G not brought to rearranged 18-month review. WNB.",
        "Rearranged 18-month review. HV invited to the CIN meeting - did not attend.",
    )
    chron = read_rows(tmp_path / "invited.csv", rows, child_dob="2017-06-10")
    assert finding_rows(chron, "wt2018", "ESC-WNB") == []
