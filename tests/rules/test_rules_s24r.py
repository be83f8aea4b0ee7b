"""The rules read as an independent reviewer would, on fictional multi-agency chronologies
written as practitioners write them (stop 24's sweep: fabricated or induced illness across
three trusts, intrafamilial sexual abuse disclosed at school, child criminal exploitation,
an infant's abusive head injury after earlier attendances, a child in need plan stepped up
to a child protection plan after a transfer in). Each test is one reading that was wrong:
what the finding said, and what it says now.

Every deadline is worked out by hand from the England and Wales bank holidays of its year,
never by the code under test. Rows are as a person sees them in the CSV (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import scr_timeline as scr
from scr_timeline.testing import FindingRow, finding_rows, read_rows

Row = FindingRow


def _read(tmp_path: Path, name: str, rows: str, dob: str | None = None) -> scr.Chronology:
    return read_rows(tmp_path / f"{name}.csv", rows, **({"child_dob": dob} if dob else {}))


def _frame(chron: scr.Chronology, rulebook: str) -> pd.DataFrame:
    return scr.analyse(chron, rulebook=rulebook).to_frame()


_table = finding_rows


_INJURY_RULES = ("INJ-REFER", "INJ-STRAT", "INJ-MEDICAL", "INJ-SKELETAL", "INJ-POLICE")


# --- an infant's head injury after a bruise in ED and a torn frenulum at the GP's -------------
# 2012 (Baby D born 10 January). Wednesday 14 March: ED sees a bruise to the cheek of a
# 9-week-old (due Thursday 15 March; the skeletal survey by Saturday 17 March). Friday
# 20 April: the GP sees a torn frenulum (due Monday 23 April, the survey by Monday 23 April).
# Tuesday 8 May: the subdural haematoma, referred, discussed and reported to the police that
# day; the survey and medical on Wednesday 9 May. Nobody acted on the first two injuries.
HEAD_INJURY_2012 = """\
14/03/2012,Northtown Hospital,ED SHO,Baby D (9 weeks) brought by Mother: crying and vomiting. Small bruise to left cheek; Mother said caught by sibling's toy.,Discharged. No referral
02/04/2012,Southvale Hospital,ED Nurse,Baby D brought by Father: not feeding and irritable. Examined - no injuries noted.,Discharged home
20/04/2012,GP,Dr B3,Mother brought Baby D: bleeding from mouth. Torn upper lip frenulum. Mother said bottle pushed in too hard.,Advice given. Review if concerned
08/05/2012,Ambulance,Paramedic,999 call by Father: baby floppy and not breathing properly.,Conveyed to Northtown ED
08/05/2012,Northtown Hospital,ED Consultant,CT head: acute subdural haematoma and retinal haemorrhages. No explanation given by parents.,Referral to CSC by phone. Police informed
08/05/2012,Children's Social Care,EDT SW,Referral received from Northtown Hospital re subdural haematoma to Baby D. Strategy discussion held with DS3 CAIT and Dr P4.,S47 enquiry. Baby D to remain in hospital
09/05/2012,Paediatrics,Dr P4,Skeletal survey shows two posterior rib fractures. Child protection medical completed.,
10/05/2012,Police,DS3,Parents arrested on suspicion of GBH and interviewed.,Bailed
11/05/2012,Children's Social Care,TM4,Legal planning meeting. Threshold for care proceedings met.,Apply for ICO
15/05/2012,Court,,ICO granted. Baby D placed with foster carers on discharge.,
31/05/2012,Children's Social Care,IRO,ICPC. Baby D subject to a child protection plan under category of physical abuse.,
"""


def test_the_response_to_a_later_injury_is_not_a_late_response_to_an_earlier_one(tmp_path):
    chron = _read(tmp_path, "aht", HEAD_INJURY_2012, dob="2012-01-10")
    # the bruise of 14 March and the torn frenulum of 20 April had each read as 'late': the
    # strategy discussion, medical, survey and police contact about the head injury of 8 May
    # taken as theirs ('the first was on 8 May 2012, 35 working days late'). They were never
    # answered: missing, up to the next injury
    assert _table(chron, "wt2010", *_INJURY_RULES) == [
        ("INJ-MEDICAL", "missing", 2, "2012-03-15", "", None, [2]),
        ("INJ-POLICE", "missing", 2, "2012-03-15", "", None, [2]),
        ("INJ-REFER", "missing", 2, "2012-03-15", "", None, [2]),
        ("INJ-SKELETAL", "missing", 2, "2012-03-17", "", None, [2]),
        ("INJ-STRAT", "missing", 2, "2012-03-15", "", None, [2]),
        ("INJ-MEDICAL", "missing", 4, "2012-04-23", "", None, [4]),
        ("INJ-POLICE", "missing", 4, "2012-04-23", "", None, [4]),
        ("INJ-REFER", "missing", 4, "2012-04-23", "", None, [4]),
        ("INJ-SKELETAL", "missing", 4, "2012-04-23", "", None, [4]),
        ("INJ-STRAT", "missing", 4, "2012-04-23", "", None, [4]),
    ]
    frame = _frame(chron, "wt2010")
    strat = frame.loc[frame["rule_id"] == "INJ-STRAT", "summary"].tolist()
    assert "none recorded before the next suspicious injury on 20 April 2012" in strat[0]
    assert "none recorded before the next suspicious injury on 8 May 2012" in strat[1]
    # the hospital's failure to refer runs to its own next injury, not the GP's
    (refer, _) = frame.loc[frame["rule_id"] == "INJ-REFER", "summary"].tolist()
    assert "none recorded before the next suspicious injury on 8 May 2012" in refer
    # the head injury itself was answered the same day and the next: no finding of its own;
    # the conference came 2 WD after Tuesday 29 May (15 WD from 8 May 2012)
    assert _table(chron, "wt2010", "CONF-ICPC") == [
        ("CONF-ICPC", "late", 7, "2012-05-29", "2012-05-31", 2, [7, 12]),
    ]


def test_an_answer_before_the_next_injury_is_still_a_late_answer(tmp_path):
    # the ED's referral two days after the bruise, before the next injury: late, not missing
    rows = HEAD_INJURY_2012.replace(
        "02/04/2012,Southvale Hospital,ED Nurse,Baby D brought by Father",
        "16/03/2012,Northtown Hospital,ED liaison nurse,Referral to CSC re bruise to cheek of "
        "Baby D seen 14/03.,\n02/04/2012,Southvale Hospital,ED Nurse,Baby D brought by Father",
    )
    chron = _read(tmp_path, "aht2", rows, dob="2012-01-10")
    assert _table(chron, "wt2010", "INJ-REFER")[0] == (
        "INJ-REFER", "late", 2, "2012-03-15", "2012-03-16", 1, [2, 3],
    )  # fmt: skip


# --- a review conference that decides to end the plan -----------------------------------------
# 2019: the plan starts on Friday 1 February; the child is seen on 15 February, 1 and
# 25 March; the review conference of Monday 1 April ends it (a child in need visit on
# 1 August, the chronology ends on 1 October). Had the plan run on, the child was next seen
# by csc 20 WD after 25 March: Wednesday 24 April (Good Friday 19 and Easter Monday
# 22 April 2019).
def _plan_ended_by(tmp_path: Path, words: str) -> list[Row]:
    rows = f"""\
    01/02/2019,Children's Social Care,IRO,ICPC. Child H made subject to a child protection plan - neglect.,
    15/02/2019,Children's Social Care,SW3,Core group. Home visit after. Child H seen.,
    01/03/2019,Children's Social Care,SW3,Home visit. Child H seen.,
    25/03/2019,Children's Social Care,SW3,Home visit. Child H seen.,
    01/04/2019,Children's Social Care,IRO,{words},
    01/08/2019,Children's Social Care,SW3,CIN visit. Child H seen.,
    01/10/2019,Children's Social Care,SW3,CIN meeting.,
    """
    chron = _read(tmp_path, "ended", rows)
    return _table(chron, "wt2018", "VIS-CP", "CONF-REVIEW")


def test_a_review_conference_deciding_to_end_the_plan_ends_it(tmp_path):
    # 'Unanimous decision to end the child protection plan', 'CP plan to end' had left the
    # plan running: visits 'missed' for months after it ended (VIS-CP due 24 April and
    # 30 August 2019)
    for words in (
        "RCPC. Unanimous decision to end the child protection plan. CIN plan.",
        "RCPC: CP plan to end. CIN.",
        "Review conference - agreed to end the CP plan; step down to CIN.",
    ):
        assert _plan_ended_by(tmp_path, words) == [], words


def test_a_plan_to_end_later_or_on_a_condition_runs_on(tmp_path):
    for words in (
        "RCPC: CP plan to continue.",
        "RCPC: CP plan to end at the next review if progress is maintained.",
        "RCPC - recommend the CP plan is to end in 3 months.",
    ):
        assert [(r, s, row, due) for r, s, row, due, *_ in _plan_ended_by(tmp_path, words)] == [
            ("VIS-CP", "gap", 5, "2019-04-24"),
            ("VIS-CP", "gap", 7, "2019-08-30"),
        ], words


# --- children's social care's record of the injury listed above the record that saw it --------
# 2012: Wednesday 14 March, no times. Children's social care's contact from the ED liaison
# nurse (with the strategy discussion and the police) is listed above the ED's own record of
# the bruise, as a combined chronology ordered by agency lists them. The medical and the
# survey follow on Thursday 15 March.
TOLD_ABOVE_2012 = """\
14/03/2012,Children's Social Care,MASH,Contact from Northtown ED liaison: Baby D 9/52 seen in ED with bruise L cheek; explanation sibling's toy.,Strategy discussion held with DS3 and Dr P4. CP medical and skeletal survey today
14/03/2012,Northtown Hospital,ED SHO,Baby D 9/52 brought by M - crying ++ and vomiting. Small bruise L cheek. M states caught by sibling's toy.,Referred to paediatrics
15/03/2012,Paediatrics,Dr P4,CP medical. Bruise L cheek - unexplained. Skeletal survey NAD.,
"""


def test_a_record_of_the_injury_listed_above_the_record_that_saw_it_answers_it(tmp_path):
    chron = _read(tmp_path, "above", TOLD_ABOVE_2012, dob="2012-01-10")
    # the ED's bruise (row 3) had 'no referral to children's social care', 'no strategy
    # discussion' and 'no contact with the police', all three in the record above it: a
    # contact from the ED about the bruise cannot have come before the ED saw it
    assert _table(chron, "wt2010", *_INJURY_RULES) == []


def test_a_record_above_of_another_agencys_injury_does_not_answer(tmp_path):
    rows = TOLD_ABOVE_2012.replace(
        "Contact from Northtown ED liaison: Baby D 9/52 seen in ED with bruise L cheek; "
        "explanation sibling's toy.",
        "Contact from nursery: Baby D has a bruise to the arm.",
    ).replace(
        "Strategy discussion held with DS3 and Dr P4. CP medical and skeletal survey today",
        "Strategy discussion held with DS3.",
    )
    chron = _read(tmp_path, "above2", rows, dob="2012-01-10")
    # the nursery's bruise, told above the ED's own, is no referral by the ED, and its
    # strategy discussion (without the hospital) is not the ED's bruise's
    assert _table(chron, "wt2010", "INJ-REFER", "INJ-STRAT") == [
        ("INJ-REFER", "missing", 3, "2012-03-15", "", None, [3]),
        ("INJ-STRAT", "missing", 3, "2012-03-15", "", None, [3]),
    ]


# --- one conference told by every agency that attended ----------------------------------------
# 2024: the strategy discussion on Wednesday 7 February; the ICPC on Monday 26 February, in
# children's social care's minutes and in the school's, the school nurse's and the police's
# records; the first core group on Thursday 14 March, 3 WD after Monday 11 March (10 WD).
ONE_CONFERENCE_2024 = """\
07/02/2024,Children's Social Care,TM3,Strategy discussion held with PC6 school DSL and school nurse.,S47 enquiry
26/02/2024,Children's Social Care,IRO,ICPC. Child H made subject to a child protection plan under the category of neglect.,
26/02/2024,Education,DSL,DSL attended ICPC. Child H made subject to a CP plan - neglect.,School to attend core groups
26/02/2024,Health Visiting,School nurse,Attended ICPC. Child H now subject to CP plan.,
26/02/2024,Police,PC6,Attended ICPC. CP plan made.,
14/03/2024,Children's Social Care,SW3,Core group meeting.,
"""


def test_one_conference_told_by_four_agencies_is_one_event(tmp_path):
    chron = _read(tmp_path, "icpc", ONE_CONFERENCE_2024, dob="2016-09-09")
    # the late core group and the conference's missing oversight had each said '(and 3 more
    # such events in the same window)' of the one conference; in one combined table the
    # school's, the school nurse's and the police's records of it are now linked as copies
    # of social care's minutes (duplicate_of), which alone trigger
    assert _table(chron, "wt2023", "CONF-CORE-GROUP", "SUP-KEY-DECISION") == [
        ("SUP-KEY-DECISION", "missing", 2, "2024-02-14", "", None, [2]),
        ("CONF-CORE-GROUP", "late", 3, "2024-03-11", "2024-03-14", 3, [3, 7]),
        ("SUP-KEY-DECISION", "missing", 3, "2024-03-04", "", None, [3]),
    ]
    assert chron.events["duplicate_of"].tolist()[2:5] == ["icpc-r3"] * 3
    frame = _frame(chron, "wt2023")
    assert not frame["summary"].str.contains("more such event").any()
    # a second, different key event in the window is still counted
    rows = ONE_CONFERENCE_2024.replace(
        "14/03/2024,", "28/02/2024,Children's Social Care,SW3,Child H placed with foster "
        "carers under s20.,\n14/03/2024,",
    )  # fmt: skip
    frame = _frame(_read(tmp_path, "icpc2", rows, dob="2016-09-09"), "wt2023")
    (summary,) = frame.loc[
        (frame["rule_id"] == "SUP-KEY-DECISION") & frame["summary"].str.contains("conference"),
        "summary",
    ]
    assert "(and 1 more such event in the same window)" in summary


# --- what answers the initial conference ------------------------------------------------------
# 2016: the strategy discussion on Friday 11 March; the ICPC is due 15 WD on, Tuesday 5 April
# (Good Friday 25 and Easter Monday 28 March out). Nothing but the row under test follows
# until a visit on 1 June.
def _conference_answered_by(tmp_path: Path, agency: str, words: str) -> list[Row]:
    rows = f"""\
    11/03/2016,Children's Social Care,TM1,Strategy discussion held with DC3 and school nurse.,S47 agreed
    18/03/2016,{agency},SW1,{words},
    01/06/2016,Children's Social Care,SW1,Home visit. Child F seen.,
    """
    return _table(_read(tmp_path, "icpc", rows), "wt2015", "CONF-ICPC", "SUP-KEY-DECISION")


def test_the_polices_nfa_in_a_social_care_record_is_no_decision_against_a_conference(tmp_path):
    # 'NFA by police' in children's social care's record had read as children's social
    # care's NFA decision, answering CONF-ICPC (and closing the case)
    found = _conference_answered_by(
        tmp_path, "Children's Social Care", "Police NFA - CPS advised no charge. S47 continues."
    )
    assert ("CONF-ICPC", "missing", 2, "2016-04-05", "", None, [2]) in found
    # children's social care's own NFA still answers
    found = _conference_answered_by(
        tmp_path, "Children's Social Care", "Outcome of S47 - no further action by CSC."
    )
    assert [f for f in found if f[0] == "CONF-ICPC"] == []


def test_a_conference_only_requested_is_not_held(tmp_path):
    # 'ICPC request sent to conference team' (an icpc event) had answered CONF-ICPC and been
    # an initial conference wanting management oversight
    found = _conference_answered_by(
        tmp_path, "Children's Social Care", "ICPC request sent to conference team."
    )
    assert [(f[0], f[1], f[2]) for f in found] == [
        ("CONF-ICPC", "missing", 2),
        ("SUP-KEY-DECISION", "missing", 2),
    ]
    found = _conference_answered_by(
        tmp_path, "Children's Social Care",
        "ICPC held - requested by SW1 on 14/03. Child F made subject to a CP plan.",
    )  # fmt: skip
    assert [f[0] for f in found if f[0] == "CONF-ICPC"] == []


# --- an escalation made, told with 'to' -------------------------------------------------------
# 2019: the paediatrician disagrees on Monday 3 June; stage 2 within 5 WD, Monday 10 June.
def _disagreement(tmp_path: Path, outcome: str) -> list[Row]:
    rows = f"""\
    03/06/2019,Paediatrics,Dr P2,Dr P2 disagrees with CSC decision to NFA; considers FII threshold met.,{outcome}
    30/07/2019,GP,Dr B1,Routine review.,
    """
    return _table(_read(tmp_path, "disagree", rows), "wt2018", "ESC-DISAGREE")


def test_an_escalation_to_a_manager_is_made_not_planned(tmp_path):
    # 'Escalation to TM under escalation policy' had read as an escalation only planned ('to
    # ... escalation'): the disagreement wanted one that its own record made
    assert _disagreement(tmp_path, "Escalation to TM under escalation policy") == []
    for planned in ("To escalate under escalation policy", "Dr P2 to formally escalate to TM"):
        assert _disagreement(tmp_path, planned) == [
            ("ESC-DISAGREE", "missing", 2, "2019-06-10", "", None, [2]),
        ], planned


# --- a plan and case passed to another local authority ----------------------------------------
# 2019: the plan from Friday 1 February, the child seen on 1 and 25 March; on 1 April the plan
# passes to another authority. Had it stayed here: a review conference due 1 May, a visit
# due Wednesday 24 April (Easter 19 and 22 April out).
def _after_transfer(tmp_path: Path, words: str) -> list[str]:
    rows = f"""\
    01/02/2019,Children's Social Care,IRO,ICPC. Child H made subject to a child protection plan - neglect.,
    15/02/2019,Children's Social Care,SW3,Core group.,
    01/03/2019,Children's Social Care,SW3,Home visit. Child H seen.,
    25/03/2019,Children's Social Care,SW3,Home visit. Child H seen.,
    01/04/2019,Children's Social Care,TM3,{words},
    01/08/2019,GP,Dr B1,Routine review.,
    """
    chron = _read(tmp_path, "moved", rows)
    return [f[0] for f in _table(chron, "wt2018", "CONF-REVIEW", "VIS-CP", "SUP-CADENCE")]


def test_a_plan_transferred_to_another_authority_ends_here(tmp_path):
    # the plan had run on after it passed to Northshire: CONF-REVIEW and VIS-CP wanted a
    # conference and visits of the authority that no longer held it (and SUP-CADENCE
    # supervision of a case it no longer held)
    for words in (
        "CP plan transferred to Northshire LA.",
        "Family moved to Northshire. Case transferred out; Northshire held transfer-in conference.",
        "Case and CP plan transferred to Northshire County Council.",
    ):
        # no supervision from 1 February to the transfer (due 1 March)
        assert _after_transfer(tmp_path, words) == ["SUP-CADENCE"], words


def test_a_move_between_teams_or_a_planned_transfer_ends_nothing(tmp_path):
    for words in (
        "Case transferred to the long-term team. SW4 allocated.",
        "Family moving to Northshire: transfer out to be requested.",
    ):
        assert _after_transfer(tmp_path, words) == ["CONF-REVIEW", "SUP-CADENCE", "VIS-CP"], words


# --- children's social care's record of a referral listed above the referrer's ----------------
# 2008: Wednesday 12 March, no times: the decision on the referral is due Thursday 13 March.
REFERRAL_ABOVE_2008 = """\
12/03/2008,Children's Social Care,Duty SW,Referral received from Dr P2 consultant paediatrician re possible FII.,For strategy discussion. Allocated to SW1
12/03/2008,Paediatrics,Dr P2 consultant,Review of records from three trusts: 14 attendances in 10 weeks. Concern re fabricated or induced illness.,Referral to CSC by phone and letter
02/06/2008,Children's Social Care,SW1,Initial assessment completed.,
"""


def test_a_referral_told_above_the_referrers_record_has_its_decision(tmp_path):
    chron = _read(tmp_path, "ref", REFERRAL_ABOVE_2008, dob="2003-02-11")
    # the paediatrician's referral (row 3) had 'no decision or action by children's social
    # care by 13 March 2008; the first was on 2 June 2008': the decision is in the record
    # above it, of the referral received from Dr P2
    assert _table(chron, "wt2006", "ESC-REF-DECISION") == []
    # the initial assessment, due Tuesday 25 March (7 WD; Good Friday 21 and Easter Monday
    # 24 March out), is one finding for the one referral
    assert _table(chron, "wt2006", "ASM-INITIAL") == [
        ("ASM-INITIAL", "late", 2, "2008-03-25", "2008-06-02", 47, [2, 3, 4]),
    ]


def test_a_referral_closed_in_the_record_above_it_is_decided(tmp_path):
    rows = """\
    10/03/2016,Children's Social Care,MASH SW,Referral received from school re Child F's lateness.,NFA - advice to school
    10/03/2016,Education,DSL,Referral to MASH: Child F late most days.,
    01/07/2016,Education,DSL,Attendance review.,
    """
    # the school's referral (row 3) had wanted a single assessment by 13 May 2016 (45 WD;
    # 25 and 28 March, 2 May out), its NFA being in the record above it
    assert _table(_read(tmp_path, "nfa", rows), "wt2015", "ASM-SINGLE", "ESC-REF-DECISION") == []
