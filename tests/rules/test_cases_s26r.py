"""The rules read as an independent reviewer would, on fictional multi-agency chronologies
written as practitioners write them (stop 26's sweep: a toddler bruised again and again,
explained as falls, first looked after by a family friend; online sexual exploitation of
a 12-year-old over Easter; a baby on a plan from a pre-birth conference).

Every deadline is worked out by hand from the England and Wales bank holidays of its year.
Rows are as a person sees them in the CSV (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

from scr_timeline.testing import finding_rows, read_rows

# --- a toddler bruised again and again, explained as falls ---------------------------------
# 2006-07 (Child A born 1 March 2006). The plan from Friday 12 January 2007; the child died
# on Sunday 3 June 2007.
TODDLER_2007 = """\
11/12/2006,Riverside Hospital A&E,Triage nurse,Child A (9 months) brought to A&E by Mother with bruising to forehead and left cheek. Mother states he fell down the stairs.,Seen by SHO. Referred to paediatric registrar. Admitted to ward.
12/12/2006,Paediatrics,Dr B,Child protection medical on ward. Bruising to face chest and shoulders. Explanation of fall not consistent with the pattern of bruising.,Referral to CSC by phone. Skeletal survey requested.
12/12/2006,Children's Social Care,SW1,Referral received from Dr B consultant paediatrician re bruising to Child A.,Strategy discussion to be held with police CAIT.
13/12/2006,Police,DC1,Strategy discussion held with CSC (SW1 and TM1) and Dr B. Joint investigation agreed.,s47 enquiry. Child A not to return home to Mother pending enquiries.
14/12/2006,Riverside Hospital,Radiology,Skeletal survey: no fractures seen.,
15/12/2006,Children's Social Care,SW1,Child A discharged from the ward into the care of family friend Ms F while enquiries continue. Mother agreed.,
19/12/2006,Police,DC1,Mother interviewed under caution re assault on Child A. Denies. Released on bail.,
12/01/2007,Children's Social Care,IRO1,Initial child protection conference. Child A made subject of a child protection plan under the category of physical abuse.,Child A to return home to Mother. Core group to be arranged.
15/01/2007,Children's Social Care,SW1,Child A returned home to Mother from Ms F.,
26/01/2007,Children's Social Care,SW1,Core group meeting. HV1 and Mother attended.,
05/02/2007,Health Visiting,HV1,Home visit. Child A seen. Small bruise to left ear. Mother said Child A fell against the coffee table. Mother's friend 'Jay' present.,Informed SW1 by phone.
06/02/2007,GP,Dr C,Child A seen with Mother. Nappy rash and scratches to face. Mother said the dog scratched him.,Advice given.
15/02/2007,Children's Social Care,SW1,Statutory visit. Child A asleep upstairs - not seen.,
02/03/2007,Riverside Hospital A&E,ED nurse,Child A brought by Mother with swelling to scalp. Mother reports fell from bed.,Discharged home.
05/03/2007,Children's Social Care,SW1,Home visit. Child A seen with face smeared with chocolate. Bruise to forehead noted.,
23/03/2007,Children's Social Care,TM1,Supervision. Case discussed.,
09/04/2007,Police,DC1,CPS advised no further action against Mother - insufficient evidence.,Bail cancelled.
12/04/2007,Children's Social Care,IRO1,Review child protection conference. Child A to remain subject to a CP plan.,
20/04/2007,Health Visiting,HV1,Child A not brought to clinic for weighing. DNA.,
25/04/2007,Children's Social Care,SW1,Home visit. Child A seen briefly. Man's car outside; Mother denies having a partner.,
01/06/2007,Paediatrics,Dr D,Child A seen at child development centre. Miserable and withdrawn. Not examined fully as Child A distressed.,Review in 2 months.
03/06/2007,Ambulance,Paramedic,999 call. Child A found unresponsive in cot.,Taken to Riverside Hospital.
03/06/2007,Riverside Hospital A&E,Consultant,Child A pronounced dead.,Police and CSC informed.
"""


def test_the_answer_after_the_next_injury_is_the_next_injurys(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "toddler.csv", TODDLER_2007, child_dob="2006-03-01")
    found = finding_rows(chron, "wt2006", "INJ-POLICE")
    # the health visitor's bruise of Monday 5 February (row 12; the GP's scratches of the
    # 6th, row 13, join it) was never told to the police; the next injury came on 2 March
    # (row 15). The police's record of 9 April (row 18) had been this bruise's 'late'
    # answer, 43 working days on: the GP's scratches, within the bruise's window, had
    # hidden the 2 March injury as the next one. It is the March injury's (its deadline
    # Monday 5 March; 24 working days late: Easter 6 and 9 April out)
    assert found[1:] == [
        ("INJ-POLICE", "missing", 12, "2007-02-06", "", None, [12, 13]),
        ("INJ-POLICE", "late", 15, "2007-03-05", "2007-04-09", 24, [15, 16, 18]),
    ]
    frame = __import__("scr_timeline").analyse(chron, rules=["INJ-POLICE"]).to_frame()
    assert (
        "none recorded before the next suspicious injury on 2 March 2007"
        in (frame["summary"].iloc[1])
    )


def test_a_child_discharged_into_a_family_friends_care_is_placed_with_her(
    tmp_path: Path,
) -> None:
    chron = read_rows(tmp_path / "toddler.csv", TODDLER_2007, child_dob="2006-03-01")
    # 'discharged from the ward into the care of family friend Ms F while enquiries
    # continue' (row 7, Friday 15 December 2006) was no placement: no Regulation 38 checks
    # were asked for. The child went home on 15 January, within the 6 weeks
    assert finding_rows(chron, "wt2006", "PLC-REG38-CHECKS", "PLC-REG38-APPROVAL") == [
        ("PLC-REG38-CHECKS", "missing", 7, "2006-12-15", "", None, [7]),
    ]


def test_a_babysitting_friend_is_still_no_placement(tmp_path: Path) -> None:
    rows = TODDLER_2007.replace(
        "Child A discharged from the ward into the care of family friend Ms F while enquiries continue. Mother agreed.",
        "Child A discharged from the ward home to Mother. Family friend Ms F to babysit on Saturday.",
    )
    chron = read_rows(tmp_path / "toddler.csv", rows, child_dob="2006-03-01")
    assert finding_rows(chron, "wt2006", "PLC-REG38-CHECKS") == []


def test_a_move_into_a_friends_care_only_planned_is_not_the_placement(tmp_path: Path) -> None:
    rows = TODDLER_2007.replace(
        "Strategy discussion held with CSC (SW1 and TM1) and Dr B. Joint investigation agreed.,",
        "Strategy discussion held with CSC (SW1 and TM1) and Dr B. Joint investigation agreed."
        " Child A to be discharged to the care of a family friend.,",
    )
    chron = read_rows(tmp_path / "toddler.csv", rows, child_dob="2006-03-01")
    # the police's note of the plan (row 5, 13 December) is not the placement: the move on
    # the 15th (row 7) is, and is judged once
    assert finding_rows(chron, "wt2006", "PLC-REG38-CHECKS") == [
        ("PLC-REG38-CHECKS", "missing", 7, "2006-12-15", "", None, [7]),
    ]


def test_a_gap_to_a_chronology_ending_on_a_sunday_counts_no_monday(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "toddler.csv", TODDLER_2007, child_dob="2006-03-01")
    found = finding_rows(chron, "wt2006", "VIS-CP")
    # seen Wednesday 25 April; 20 WD (7 May out) is Thursday 24 May; the child died on
    # Sunday 3 June: 25 working days (28 May out), not 26 with the Monday after the end
    assert found[-1] == ("VIS-CP", "gap", 21, "2007-05-24", "", 25, [21])


# --- online sexual exploitation of a 12-year-old over Easter --------------------------------
# 2024 (Child E born 5 September 2011). Good Friday 29 March, Easter Monday 1 April.
ONLINE_2024 = """\
27/03/2024,Northfield Academy,DSL,Child E (12) disclosed to form tutor that an adult male she met on Snapchat has been sending her sexual images. He has asked to meet her.,DSL referral to MASH by phone and online form. Parents informed.
28/03/2024,Children's Social Care,MASH SW,Contact received from Northfield Academy re online sexual exploitation of Child E. Police checks requested.,RAG rating amber. Pending police information.
02/04/2024,Children's Social Care,MASH TM,MASH decision: threshold for s47 met. Strategy discussion to be arranged.,
02/04/2024,Police,DC4,Online CSE referral received from MASH re Child E. Child E's phone to be seized.,
04/04/2024,Children's Social Care,TM3,Strategy discussion held (TM3; DS4 police; DSL Northfield Academy). S47 enquiry agreed - joint investigation.,ICPC to be convened.
09/04/2024,Police,DC4,ABE interview of Child E.,
26/04/2024,Children's Social Care,IRO4,Initial child protection conference. Child E made subject to a child protection plan under the category of sexual abuse.,Core group within 10 working days
13/05/2024,Children's Social Care,SW4,Core group meeting.,
"""


def test_a_referral_the_police_received_from_the_mash_is_not_one_to_csc(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "online.csv", ONLINE_2024, child_dob="2011-09-05")
    # the police's 'Online CSE referral received from MASH' (row 5, Tuesday 2 April) had
    # read as a referral to children's social care: a decision due Wednesday 3rd, 'late' at
    # the strategy discussion of the 4th. Children's social care sent it; only the school's
    # referral (row 2) wants a decision, and the MASH recorded it the next day
    assert finding_rows(chron, "wt2023", "ESC-REF-DECISION") == []
    # the strategy discussion of Thursday 4 April: 15 WD (6 May is after) is Thursday 25th
    assert finding_rows(chron, "wt2023", "CONF-ICPC", "SD-PARTIES") == [
        ("CONF-ICPC", "late", 6, "2024-04-25", "2024-04-26", 1, [6, 8]),
        ("SD-PARTIES", "missing", 6, "2024-04-04", "", None, [6]),
    ]


def test_a_referral_social_care_made_to_another_agency_starts_no_clock(tmp_path: Path) -> None:
    rows = """\
    12/06/2023,CAMHS,CAMHS clinician,Referral received from CSC re Child E's self-harm.,Triage appointment offered
    14/06/2023,Family Support Service,FSW2,Referred to us by SW4 for parenting support for Mother.,
    20/06/2023,CAMHS,CAMHS clinician,Child E seen for triage.,
    """
    chron = read_rows(tmp_path / "sent.csv", rows, child_dob="2011-09-05")
    assert finding_rows(chron, "wt2023", "ESC-REF-DECISION") == []


# --- a baby on a plan from a pre-birth conference --------------------------------------------
# 2020-21 (Child C born Friday 15 January 2021). The pre-birth conference of Thursday
# 10 December 2020 made the plan; social care first saw Child C on the day of the birth.
PRE_BIRTH_2021 = """\
10/09/2020,Midwifery,MW1,Booking appointment at 20 weeks. Mother has a learning disability.,Referral to MASH for pre-birth assessment by phone.
10/09/2020,Children's Social Care,MASH SW,Referral received from community midwife re unborn baby.,Allocated to SW6 for child and family assessment (pre-birth)
19/11/2020,Children's Social Care,TM6,Strategy discussion held by phone: TM6; SW6; DC7 police; community midwife MW1. S47 enquiry agreed (unborn).,Pre-birth ICPC to be convened
10/12/2020,Children's Social Care,IRO6,Pre-birth initial child protection conference. Unborn baby to be made subject to a child protection plan at birth - neglect.,Core group within 10 working days
17/12/2020,Children's Social Care,SW6,Core group meeting (pre-birth). Parent and baby placement being sought.,
15/01/2021,Midwifery,Delivery suite,Child C born at 38 weeks at Riverside Hospital.,
15/01/2021,Children's Social Care,SW6,Hospital visit. Child C born today. Seen with Mother on the postnatal ward.,
03/02/2021,Children's Social Care,SW6,Statutory visit to the parent and baby placement. Child C seen.,
15/03/2021,Children's Social Care,SW6,Statutory visit. Child C seen.,
"""


def test_a_child_cannot_be_seen_before_the_birth(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "prebirth.csv", PRE_BIRTH_2021, child_dob="2021-01-15")
    # the plan made on 10 December 2020 had a gap of 23 working days to the birth visit of
    # 15 January (due 12 January): an unborn child cannot be seen. From the birth, seen 3
    # February; 20 WD is Wednesday 3 March; next seen 15 March, 28 WD after
    assert finding_rows(chron, "wt2018", "VIS-CP") == [
        ("VIS-CP", "gap", 9, "2021-03-03", "2021-03-15", 28, [9, 10]),
    ]


def test_with_no_date_of_birth_a_pre_birth_plan_runs_from_the_conference(
    tmp_path: Path,
) -> None:
    rows = PRE_BIRTH_2021.replace(
        "15/01/2021,Midwifery,Delivery suite,Child C born at 38 weeks at Riverside Hospital.,\n", ""
    ).replace("Child C born today. ", "")
    chron = read_rows(tmp_path / "prebirth.csv", rows)
    found = finding_rows(chron, "wt2018", "VIS-CP")
    # no date of birth given or recorded: the plan runs from the conference. 20 WD from
    # Thursday 10 December 2020 (25, 28 December and 1 January out) is Tuesday 12 January;
    # seen Friday 15th, 23 working days after
    assert found[0] == ("VIS-CP", "gap", 5, "2021-01-12", "2021-01-15", 23, [5, 7])


def test_a_plan_ended_before_the_birth_is_not_judged(tmp_path: Path) -> None:
    rows = PRE_BIRTH_2021.replace(
        "Core group meeting (pre-birth). Parent and baby placement being sought.",
        "Review conference. CP plan ended - Mother moved to a mother and baby unit.",
    )
    chron = read_rows(tmp_path / "prebirth.csv", rows, child_dob="2021-01-15")
    assert finding_rows(chron, "wt2018", "VIS-CP") == []


# --- a disabled child on a child in need plan; medication not given --------------------------
# 2016 (Child B born 10 February 2005). The chronology starts mid-case, at a CIN review.
DISABLED_2016 = """\
07/01/2016,CSC Disability Team,SW2,CIN review. Child B (cerebral palsy; epilepsy; gastrostomy fed). Short breaks at Oak Lodge 2 nights per month continue.,CIN plan continues
21/01/2016,Riverside Hospital,Neurology OPD,Neurology outpatient clinic - Child B not brought. DNA.,New appointment sent
18/02/2016,Riverside Hospital,Gastroenterology OPD,Gastroenterology clinic - Child B was not brought. Second missed appointment.,Discharged from clinic per DNA policy.
10/03/2016,Riverside Hospital A&E,ED registrar,Child B brought by ambulance following prolonged seizure. Sodium valproate levels undetectable.,Admitted to children's ward. Ward sister made referral to CSC.
10/03/2016,CSC MASH,MASH SW,Referral received from Riverside Hospital re neglect of medical needs of Child B. Open to Disability Team.,Passed to allocated worker SW2
24/03/2016,CSC Disability Team,TM2,Supervision. Case discussed.,
14/04/2016,CSC Disability Team,SW2,Home visit. Child B seen.,
"""


def test_a_chronology_starting_at_a_cin_review_has_an_open_case(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "disabled.csv", DISABLED_2016, child_dob="2005-02-10")
    # the child in need review of 7 January (row 2) is held only on a case children's
    # social care holds open: the supervision gap runs from it (28 days: due 4 February;
    # next supervision 24 March, 77 days), not from the hospital's referral of 10 March
    assert finding_rows(chron, "wt2015", "SUP-CADENCE") == [
        ("SUP-CADENCE", "gap", 2, "2016-02-04", "2016-03-24", 77, [2, 7]),
    ]
    # the hospital's two missed clinics (21 January, 18 February): 10 WD after the second
    # is Thursday 3 March; the referral of 10 March came after
    assert finding_rows(chron, "wt2015", "ESC-WNB") == [
        ("ESC-WNB", "missing", 4, "2016-03-03", "", None, [3, 4]),
    ]


# --- a chronology that starts mid-plan, at a review conference -----------------------------
# 2019 (Child F born 1 May 2016). Good Friday 19 April, Easter Monday 22 April, 6 and 27 May.
MID_PLAN_2019 = """\
14/01/2019,Children's Social Care,IRO5,Review child protection conference. CP plan to continue under the category of neglect.,
21/01/2019,Children's Social Care,SW5,Home visit. Child F seen.,
15/03/2019,Children's Social Care,SW5,Home visit. Child F seen.,
29/03/2019,Children's Social Care,SW5,Home visit. Child F seen.,
10/07/2019,Children's Social Care,IRO5,Review child protection conference. CP plan continues.,
"""


def test_a_chronology_starting_at_a_review_conference_has_a_plan(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "midplan.csv", MID_PLAN_2019, child_dob="2016-05-01")
    # no plan had started in the chronology, so the child's visits were never judged. Seen
    # Monday 21 January: 20 WD is Monday 18 February; next seen 15 March, 39 WD after.
    # Seen Friday 29 March: 20 WD is Tuesday 30 April; none to the end on 10 July, 69 WD
    assert finding_rows(chron, "wt2018", "VIS-CP") == [
        ("VIS-CP", "gap", 3, "2019-02-18", "2019-03-15", 39, [3, 4]),
        ("VIS-CP", "gap", 5, "2019-04-30", "", 69, [5]),
    ]
    # the next review within 6 months of the one seen (by 14 July), not within the 3 months
    # a plan's first review has; the case is open from the conference (supervision due 11
    # February; none to 10 July, 177 days)
    assert finding_rows(chron, "wt2018", "CONF-REVIEW", "SUP-CADENCE") == [
        ("SUP-CADENCE", "gap", 2, "2019-02-11", "", 177, [2]),
    ]


def test_a_plans_first_review_is_still_due_within_3_months(tmp_path: Path) -> None:
    rows = MID_PLAN_2019.replace(
        "Review child protection conference. CP plan to continue under the category of neglect.",
        "Initial child protection conference. Child F made subject to a child protection plan"
        " under the category of neglect.",
    )
    chron = read_rows(tmp_path / "icpc.csv", rows, child_dob="2016-05-01")
    assert finding_rows(chron, "wt2018", "CONF-REVIEW") == [
        ("CONF-REVIEW", "gap", 2, "2019-04-14", "2019-07-10", 177, [2, 6]),
    ]


def test_a_referral_phoned_through_and_its_receipt_are_one_event(tmp_path: Path) -> None:
    import scr_timeline as scr

    chron = read_rows(tmp_path / "toddler.csv", TODDLER_2007, child_dob="2006-03-01")
    frame = scr.analyse(chron, rules=["ASM-INITIAL", "SUP-KEY-DECISION"]).to_frame()
    # the paediatrician's medical that phoned the referral through (row 3) and social
    # care's 'Referral received from Dr B' (row 4), the same day: one referral, not '(and 1
    # more such event in the same window)'; the key events beside the injury are the
    # strategy discussion of the 13th alone (the referral that day is the injury told again)
    first = frame.groupby("rule_id")["summary"].first()
    assert "more such event" not in first["ASM-INITIAL"]
    assert "(and 1 more such event in the same window)" in first["SUP-KEY-DECISION"]


def test_the_police_named_only_in_a_plan_are_not_yet_told(tmp_path: Path) -> None:
    chron = read_rows(tmp_path / "toddler.csv", TODDLER_2007, child_dob="2006-03-01")
    # A&E's bruising of Monday 11 December 2006 (row 2): social care's 'Strategy
    # discussion to be held with police CAIT' of the 12th (row 4) had been the contact with
    # the police; the police took part first in the strategy discussion of the 13th (row 5)
    assert finding_rows(chron, "wt2006", "INJ-POLICE")[0] == (
        "INJ-POLICE",
        "late",
        2,
        "2006-12-12",
        "2006-12-13",
        1,
        [2, 5],
    )
    told = TODDLER_2007.replace(
        "Strategy discussion to be held with police CAIT.",
        "Strategy discussion to be held with police CAIT. DS1 informed by phone.",
    )
    chron = read_rows(tmp_path / "told.csv", told, child_dob="2006-03-01")
    assert finding_rows(chron, "wt2006", "INJ-POLICE")[0][2] == 12
