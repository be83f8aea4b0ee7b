"""The rules read as an independent reviewer would, on fictional multi-agency chronologies of
2007-2012 written as practitioners write them (stop 22's sweep: a baby with repeated
bruising, neglect drifting for years, domestic abuse with MARAC and DASH). Each test is one
reading that was wrong: what the finding said, and what it says now.

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


def _findings(chron: scr.Chronology, rulebook: str = "wt2006") -> pd.DataFrame:
    return scr.analyse(chron, rulebook=rulebook).to_frame()


_table = finding_rows


def _summary(chron: scr.Chronology, rule: str, rulebook: str = "wt2006") -> list[str]:
    frame = _findings(chron, rulebook)
    return frame.loc[frame["rule_id"] == rule, "summary"].tolist()


# --- a late action's delay in the rule window's unit ------------------------------------------
# 2007: Monday 18 June the GP's referral; the survey due Thursday 21 June (3 calendar days)
SURVEY_2007 = """\
18/06/2007,GP,GP1,Child A (5 months) brought in by Ms W. Fingertip bruising to both upper arms. No explanation.,Telephone referral to CSC
18/06/2007,Children's Social Care,Duty SW,Referral received from GP1 re fingertip bruising both arms.,Strategy discussion held with DC1 (police) and Dr P1
18/06/2007,Paediatrics,Dr P1,CP medical. Fingertip bruising consistent with forceful gripping.,Report to CSC and police
25/06/2007,Hospital,Radiology,Skeletal survey - no bony injury.,
"""


def test_a_late_action_of_a_window_in_calendar_days_is_told_in_calendar_days(tmp_path):
    chron = _read(tmp_path, "survey", SURVEY_2007, dob="2007-01-10")
    # done Monday 25th: 4 calendar days after Thursday 21st (2 working days: the column)
    assert _table(chron, "wt2006", "INJ-SKELETAL") == [
        ("INJ-SKELETAL", "late", 2, "2007-06-21", "2007-06-25", 2, [2, 5]),
    ]
    (summary,) = _summary(chron, "INJ-SKELETAL")
    assert "the first was on 25 June 2007, 4 days late" in summary
    assert "working day" not in summary
    # a window in working days still counts working days
    found = scr.analyse(chron, rulebook="wt2006")
    assert "working days late: 2" in found.describe(found.to_frame()["finding_id"].iloc[0])


def test_a_gap_is_described_with_its_unit(tmp_path):
    chron = _read(tmp_path, "gap", SUPERVISION_GAP_2007)
    found = scr.analyse(chron, rulebook="wt2006")
    frame = found.to_frame()
    gap = frame.loc[frame["rule_id"] == "SUP-CADENCE", "finding_id"].iloc[0]
    assert "gap length: 91 days" in found.describe(gap)


SUPERVISION_GAP_2007 = """\
18/06/2007,Children's Social Care,Duty SW,Referral received from GP1 re concerns.,Allocated to SW2
21/06/2007,Children's Social Care,TM1,Supervision SW2 - case discussed.,
20/09/2007,Children's Social Care,TM1,Supervision SW2.,
"""


# --- a case closure written inside another entry ----------------------------------------------
CLOSED_IN_IA_2007 = """\
10/04/2007,Health Visiting,HV1,Referral faxed to CSC re concerns about home conditions.,
11/04/2007,Children's Social Care,Duty SW,Referral received from HV re home conditions.,TM1 decision: initial assessment. Allocated to SW1
19/04/2007,Children's Social Care,SW1,Initial assessment completed. Home conditions adequate.,NFA. Case closed
30/05/2007,Health Visiting,HV1,HV home visit. Child A well.,
"""


def test_a_case_closed_inside_an_assessment_is_named_a_case_closure(tmp_path):
    chron = _read(tmp_path, "closed", CLOSED_IN_IA_2007)
    # 19 April (Thursday) + 5 WD: Thursday 26 April; no oversight before the chronology ends
    assert _table(chron, "wt2006", "SUP-KEY-DECISION") == [
        ("SUP-KEY-DECISION", "missing", 4, "2007-04-26", "", None, [4]),
    ]
    (summary,) = _summary(chron, "SUP-KEY-DECISION")
    assert summary.startswith("Case closure recorded by Children's Social Care on 19 April 2007")


# --- a family friend written 'FF', a private fostering arrangement ----------------------------
FF_2007 = """\
18/06/2007,Children's Social Care,Duty SW,Referral received from GP1. Child living with FF Ms W for 3/52 while M away.,TM1: strategy discussion to be held
19/06/2007,Children's Social Care,SW2,Home visit to Ms W. Child A seen.,
15/08/2007,Children's Social Care,SW2,Home visit to Ms W. Child A seen.,
"""

PRIVATE_FOSTERING_2008 = """\
03/03/2008,Education,DSL,Child E (12) says she has been living with a friend of her mother's for two months.,DSL referred to CSC
04/03/2008,Children's Social Care,Duty SW,Referral received from school: Child E privately fostered by Ms V since January.,Initial assessment - SW7
05/03/2008,Children's Social Care,SW7,Home visit to Ms V. Child E seen alone. Not a private fostering arrangement in the view of Mother.,
20/04/2008,Children's Social Care,SW7,Home visit. Child E seen.,
"""


def test_a_family_friend_written_ff_is_a_family_arrangement(tmp_path):
    chron = _read(tmp_path, "ff", FF_2007)
    # known to csc on Monday 18 June 2007: Regulation 38 checks before it, approval within
    # 6 weeks (Monday 30 July); neither recorded
    assert _table(chron, "wt2006", "PLC-REG38-CHECKS", "PLC-REG38-APPROVAL") == [
        ("PLC-REG38-APPROVAL", "missing", 2, "2007-07-30", "", None, [2]),
        ("PLC-REG38-CHECKS", "missing", 2, "2007-06-18", "", None, [2]),
    ]


def test_a_private_fostering_arrangement_known_to_csc_is_a_family_arrangement(tmp_path):
    chron = _read(tmp_path, "pf", PRIVATE_FOSTERING_2008)
    rows = _table(chron, "wt2006", "PLC-REG38-CHECKS", "PLC-REG38-APPROVAL")
    # the referral of Tuesday 4 March 2008 tells of it; the visit that says it is 'not a
    # private fostering arrangement' is no arrangement of its own
    assert [(r[0], r[2]) for r in rows] == [("PLC-REG38-APPROVAL", 3), ("PLC-REG38-CHECKS", 3)]


# --- a past NFA that the referral's checks found ----------------------------------------------
PAST_NFA_2009 = """\
02/11/2009,Education,DSL,Child B head lice again; same clothes all week.,DSL referral to CSC by phone
03/11/2009,Children's Social Care,Duty SW,Contact received from school re neglect. Checks: 2 previous referrals 2007 and 2008 - both NFA.,TM decision - initial assessment. Allocated SW3
17/11/2009,Children's Social Care,SW3,IA home visit. All 3 children seen. Home dirty.,IA continues
24/11/2009,Children's Social Care,SW3,Initial assessment completed. Children in need of services.,CIN plan
01/12/2009,Children's Social Care,TM2,Supervision with TM2.,
15/03/2010,Children's Social Care,TM2,Supervision - drift noted.,
"""


def test_a_past_nfa_found_by_the_checks_is_no_decision_on_this_referral(tmp_path):
    chron = _read(tmp_path, "past-nfa", PAST_NFA_2009)
    assert _table(chron, "wt2006", "ASM-INITIAL", "SUP-CADENCE") == [
        # the school's referral by phone on Monday 2 November (a referral to csc, RULES.md:
        # csc's record of it next day joins it) + 7 WD: Wednesday 11 November; completed
        # on the 24th, 9 WD late
        ("ASM-INITIAL", "late", 2, "2009-11-11", "2009-11-24", 9, [2, 3, 5]),
        # the case stays open from the referral: supervision 1 December, 29 days after it
        # (4 weeks: due 30 November), then 15 March
        ("SUP-CADENCE", "gap", 2, "2009-11-30", "2009-12-01", 29, [2, 6]),
        ("SUP-CADENCE", "gap", 6, "2009-12-29", "2010-03-15", 104, [6, 7]),
    ]


# --- the decision written on the referral's record --------------------------------------------
DECIDED_ON_RECEIPT_2010 = """\
04/10/2010,Police,PC3,Concern for welfare call. Children alone at home at 22:00.,PPN to CSC
06/10/2010,Children's Social Care,SW4,PPN received from police re children left home alone.,Strategy discussion not required. SW4 to visit
12/10/2010,Children's Social Care,SW4,Home visit. Children seen.,
"""


def test_a_decision_written_on_the_referral_answers_it(tmp_path):
    chron = _read(tmp_path, "decided", DECIDED_ON_RECEIPT_2010)
    assert _table(chron, "wt2010", "ESC-REF-DECISION") == []


# --- a section 47 enquiry agreed inside the referral's record ---------------------------------
S47_IN_REFERRAL_2010 = """\
18/11/2010,Education,DSL,Child B (7) came in with bruise on cheek. Says Dad hit him.,DSL tel referral to CSC
18/11/2010,Children's Social Care,Duty SW,Referral from school - Child B says F hit him. Bruise L cheek.,Strategy discussion held with DS4 (CAIT) and DSL. S47 - joint visit
19/11/2010,Children's Social Care,SW4,Joint visit with DC5. Child B seen alone.,
22/11/2010,Paediatrics,Dr P2,CP medical - bruise L cheek consistent with slap.,Report to CSC and police
21/12/2010,Children's Social Care,Chair,ICPC. Child B subject to CP plan - category physical abuse.,
10/02/2011,Children's Social Care,SW4,Home visit. Child B seen.,
"""


def test_an_s47_agreed_at_a_strategy_discussion_held_inside_another_entry_starts_the_core_assessment_clock(
    tmp_path,
):
    chron = _read(tmp_path, "s47", S47_IN_REFERRAL_2010, dob="2003-06-01")
    # Thursday 18 November 2010 + 35 WD (27 and 28 December, 3 January out): 11 January 2011
    assert _table(chron, "wt2010", "ASM-CORE") == [
        ("ASM-CORE", "missing", 3, "2011-01-11", "", None, [3]),
    ]


# --- the event that ends a state is one of its expected events --------------------------------
PLAN_ENDED_AT_REVIEW_2011 = """\
21/12/2010,Children's Social Care,Chair,ICPC. Child B subject to CP plan - category neglect.,
21/03/2011,Children's Social Care,Chair,Review child protection conference. Plan continues.,
22/09/2011,Children's Social Care,Chair,RCPC. CP plan ended; step down to CIN.,
"""


def test_the_review_conference_that_ends_the_plan_is_the_plans_review(tmp_path):
    chron = _read(tmp_path, "rcpc", PLAN_ENDED_AT_REVIEW_2011)
    # 21 March + 6 months: 21 September; the review that ended the plan sat on the 22nd
    assert _table(chron, "wt2010", "CONF-REVIEW") == [
        ("CONF-REVIEW", "gap", 3, "2011-09-21", "2011-09-22", 185, [3, 4]),
    ]
    (summary,) = _summary(chron, "CONF-REVIEW", "wt2010")
    assert "the next was on 22 September 2011" in summary


# --- a notification the police decided not to make --------------------------------------------
NOT_SHARED_2011 = """\
03/01/2011,Police,PC7,DA incident at home address. M called 999 - partner Mr E shouting and threw a mug. Child C (3) asleep upstairs.,DASH completed - standard risk. No arrest
05/01/2011,Police,PPU,DA notification reviewed.,Not shared - standard risk
14/02/2011,Police,PC8,Domestic - verbal argument. Neighbours called police. Children present.,DASH medium. PPN to CSC
15/02/2011,Children's Social Care,MASH,PPN received re DV incident 14/02.,Letter to M with DV support info. NFA
"""


def test_a_notification_not_shared_is_no_notification_and_no_referral(tmp_path):
    chron = _read(tmp_path, "not-shared", NOT_SHARED_2011)
    rows = _table(chron, "wt2010")
    # Monday 3 January 2011 (a bank holiday): due Tuesday 4th; never notified
    assert ("ESC-DOMESTIC", "missing", 2, "2011-01-04", "", None, [2]) in rows
    # the PPU's 'not shared' was no referral: nothing for csc to decide, assess or supervise
    assert not [r for r in rows if r[2] == 3]
    assert [r[0] for r in rows] == ["ESC-DOMESTIC"]


# --- children's social care's record of a PPN, days after the incident ------------------------
LATE_PPN_2011 = """\
14/02/2011,Police,PC8,Domestic - verbal argument. Neighbours called police. Children present.,DASH medium. PPN to CSC
21/04/2011,Police,PC9,DA incident. Mr E assaulted M - punched to face. Child C witnessed.,Mr E arrested. DASH high risk. Referral to MARAC
28/04/2011,Children's Social Care,MASH,Police notification received re DA 21/04 - high risk.,Allocated for initial assessment - SW5
19/05/2011,Children's Social Care,SW5,Initial assessment completed.,Case closed. NFA
"""


def test_a_police_notification_received_a_week_later_is_the_same_incident(tmp_path):
    chron = _read(tmp_path, "late-ppn", LATE_PPN_2011)
    # two incidents, not three concerns
    assert _table(chron, "wt2010", "ESC-CUMULATIVE") == []


# --- the medical a strategy discussion asked for ----------------------------------------------
MEDICAL_AFTER_STRATEGY_2011 = """\
17/06/2011,Police,PC11,Child C (3) has a bruise on his forehead - M says he fell on the step.,Noted on PPN to CSC
20/06/2011,Children's Social Care,Duty SW,PPN received re DA incident 17/06; bruise to Child C forehead.,TM3 decision: strategy discussion
22/06/2011,Children's Social Care,TM3,Strategy discussion - TM3 SW6 DS10 and HV4 by phone.,S47 joint investigation. Child C to have CP medical
23/06/2011,Paediatrics,Dr P3,CP medical Child C. Healing bruise to forehead. Cannot exclude NAI.,Report sent to CSC
24/06/2011,Children's Social Care,SW6,Joint visit with DC12. Children seen.,
"""


def test_the_medical_a_strategy_discussion_asked_for_is_not_a_new_injury(tmp_path):
    chron = _read(tmp_path, "medical", MEDICAL_AFTER_STRATEGY_2011, dob="2007-10-01")
    rows = _table(chron, "wt2010")
    assert not [r for r in rows if r[0].startswith("INJ-")]


# --- the referrer's record and children's social care's record of one referral ---------------
# 2019: Monday 7 January the school's concern and its referral; csc's record of it on the 8th
REFERRED_TWICE_2019 = """\
07/01/2019,Education,DSL2,Child G (14) attendance 64% this term. Seen getting into cars after school with older males. New trainers and phone.,DSL2 referred to MASH
08/01/2019,Children's Social Care,MASH SW,Contact received from school re possible CCE.,Passed to Early Help - EH offer
02/02/2019,Police,PC17,Child G reported missing by M. Found at 04:00 in a flat in another town with two adult males.,Returned home by police
01/03/2019,Early Help,EHP2,TAF review. Child G not attending.,
"""


def test_csc_record_of_an_agencys_referral_is_that_agencys_concern_again(tmp_path):
    chron = _read(tmp_path, "twice", REFERRED_TWICE_2019)
    # a concern and a missing episode: two concerns, not three
    assert _table(chron, "wt2018", "ESC-CUMULATIVE") == []


REFERRED_BY_ANOTHER_2019 = """\
07/01/2019,Education,DSL2,Child G (14) attendance 64% this term. Seen getting into cars after school with older males.,DSL2 referred to MASH
08/01/2019,Children's Social Care,MASH SW,Referral received from GP re Child G's cannabis use.,Passed to Early Help - EH offer
02/02/2019,Police,PC17,Child G reported missing by M. Found at 04:00 in a flat in another town with two adult males.,Returned home by police
01/03/2019,Early Help,EHP2,TAF review. Child G not attending.,
"""


def test_csc_record_of_another_agencys_referral_is_a_concern_of_its_own(tmp_path):
    chron = _read(tmp_path, "another", REFERRED_BY_ANOTHER_2019)
    # the GP's referral is not the school's: three concerns within 90 days, the third on
    # Saturday 2 February; 10 WD: Friday 15 February
    assert _table(chron, "wt2018", "ESC-CUMULATIVE") == [
        ("ESC-CUMULATIVE", "missing", 4, "2019-02-15", "", None, [2, 3, 4]),
    ]


def test_follows_party_needs_follows():
    import pytest

    from scr_timeline.rules.predicates import PredicateError, compile_predicate

    with pytest.raises(PredicateError, match="follows_party"):
        compile_predicate({"follows_party": True}, where="test")


# --- whose referral answers INJ-REFER ---------------------------------------------------------
# 2007: Monday 2 April the A&E attendance; Good Friday 6 and Easter Monday 9 April
A_AND_E_NOT_REFERRED_2007 = """\
02/04/2007,Hospital,ED SHO,A&E attendance. Child A (11/52) brought in by FF Ms W. Bruising behind R ear. Ms W says baby rolled off sofa.,Discharged. Letter to GP and HV
10/04/2007,Health Visiting,HV1,Referral faxed to CSC re bruising behind ear of 3 month old; A&E attendance 02/04.,
12/04/2007,Children's Social Care,Duty SW,Referral received from HV re bruising to 3 month old.,TM1 decision: initial assessment
30/04/2007,GP,Practice nurse,2nd imms given.,
"""


def test_another_agencys_referral_naming_the_attendance_is_not_the_hospitals(tmp_path):
    chron = _read(tmp_path, "ae", A_AND_E_NOT_REFERRED_2007, dob="2007-01-10")
    # the hospital never referred: the health visitor's referral of 10 April names the A&E
    # attendance but is the health visitor's (it had answered as the hospital's, '3 working
    # days late'); children's social care's record of it is of the health visitor's referral
    assert _table(chron, "wt2006", "INJ-REFER") == [
        ("INJ-REFER", "missing", 2, "2007-04-03", "", None, [2]),
    ]


GP_REFERRAL_RECEIVED_2007 = """\
18/06/2007,GP,GP1,Child A (5 months). Fingertip bruising to both upper arms. No explanation.,Advised Mother
19/06/2007,Children's Social Care,Duty SW,Referral received from GP1 by phone re fingertip bruising.,Strategy discussion held with DC1 and Dr P1. CP medical and skeletal survey today
30/06/2007,GP,Practice nurse,Imms given.,
"""


def test_csc_record_of_the_agencys_referral_answers_for_it(tmp_path):
    chron = _read(tmp_path, "gp", GP_REFERRAL_RECEIVED_2007, dob="2007-01-10")
    # Monday 18 June + 1 WD: Tuesday 19th, when children's social care recorded the GP's call
    assert _table(chron, "wt2006", "INJ-REFER") == []


def test_match_via_needs_agency_codes_and_trigger_agency(tmp_path):
    import pytest

    from scr_timeline.exceptions import RulebookError

    path = tmp_path / "bad.toml"
    for line in ('match_via = ["nobody"]', 'match_via = ["csc"]\nmatch = "any"'):
        path.write_text(
            '[rulebook]\nname = "x"\nextends = "wt2006"\n\n[rules.INJ-REFER]\n' + line + "\n",
            encoding="utf-8",
        )
        with pytest.raises(RulebookError, match="match_via"):
            scr.analyse(scr.Chronology(), rulebook=path)


# --- an injury seen healing by the agency that saw it -----------------------------------------
HEALING_2007 = """\
05/03/2007,Health Visiting,HV1,Clinic attendance. Wt 4.4kg. Small bruise L cheek noted - M said caught with dummy clip.,Advice given
19/03/2007,Health Visiting,HV1,HV home visit. Bruise to cheek healed.,Review 4/52
19/03/2007,GP,GP1,Imms. Bruise to cheek healing.,
10/04/2007,Health Visiting,HV1,Clinic. Wt 5kg.,
"""


def test_the_agency_that_saw_an_injury_seeing_it_heal_is_one_failure_to_refer(tmp_path):
    chron = _read(tmp_path, "heal", HEALING_2007, dob="2007-01-10")
    # Monday 5 March + 1 WD: Tuesday 6th; the health visitor's 19 March record of the same
    # bruise healed is no second finding; the GP, seeing it for the first time, is one
    assert _table(chron, "wt2006", "INJ-REFER") == [
        ("INJ-REFER", "missing", 2, "2007-03-06", "", None, [2]),
        ("INJ-REFER", "missing", 4, "2007-03-20", "", None, [4]),
    ]


# --- a referral, days later, of an injury another agency recorded -----------------------------
REFERRED_LATER_2007 = """\
02/04/2007,Hospital,ED SHO,A&E attendance. Child A (11/52) brought in by FF Ms W. Bruising behind R ear. Ms W says baby rolled off sofa.,Discharged. Letter to GP and HV
10/04/2007,Health Visiting,HV1,Referral faxed to CSC re bruising behind ear of 3 month old; A&E attendance 02/04.,
12/04/2007,Children's Social Care,Duty SW,Referral received from HV re bruising to 3 month old.,TM1 decision: initial assessment
19/06/2007,Children's Social Care,TM1,Strategy discussion with DC1 and Dr P1.,CP medical today
"""


def test_a_referral_of_an_injury_another_agency_recorded_is_that_injury_again(tmp_path):
    chron = _read(tmp_path, "later", REFERRED_LATER_2007, dob="2007-01-10")
    rows = _table(chron, "wt2006", "INJ-STRAT")
    # one bruise, one clock: from the A&E record of Monday 2 April (due Tuesday 3rd), not a
    # second from the health visitor's referral of it eight days on
    assert rows == [("INJ-STRAT", "late", 2, "2007-04-03", "2007-06-19", 51, [2, 5])]


def test_a_referral_of_a_new_injury_is_a_new_injury(tmp_path):
    rows = REFERRED_LATER_2007.replace(
        "Referral faxed to CSC re bruising behind ear",
        "Referral faxed to CSC re new bruising to face",
    )
    chron = _read(tmp_path, "new", rows, dob="2007-01-10")
    assert [r[2] for r in _table(chron, "wt2006", "INJ-STRAT")] == [2, 3]


def test_a_referral_that_says_someone_else_was_not_told_is_still_a_referral(tmp_path):
    rows = NOT_SHARED_2011.replace(
        "05/01/2011,Police,PPU,DA notification reviewed.,Not shared - standard risk",
        "05/01/2011,Police,PPU,DA notification sent to CSC. Mother not notified.,Standard risk",
    )
    chron = _read(tmp_path, "sent", rows)
    # the notification of Wednesday 5 January: a working day late for the Monday incident
    # (Tuesday 4th due), no longer missing
    assert ("ESC-DOMESTIC", "late", 2, "2011-01-04", "2011-01-05", 1, [2, 3]) in _table(
        chron, "wt2010", "ESC-DOMESTIC"
    )


# --- a disagreement written inside the entry that plans its escalation ------------------------
# 2008: Thursday 10 January; 5 WD: Thursday 17 January
DISAGREEMENT_2008 = """\
07/01/2008,Health Visiting,HV6,Referral to CSC re neglect of Child J (2) - weight faltering.,
08/01/2008,Children's Social Care,Duty SW,Referral received from HV6 re neglect.,NFA - advice to HV. Case closed
10/01/2008,Health Visiting,HV6,HV6 disagreed with CSC decision to NFA. Discussed with named nurse.,To escalate under LSCB escalation policy
25/01/2008,Health Visiting,Named nurse,Named nurse wrote to CSC TM under escalation protocol (stage 1).,
30/01/2008,Children's Social Care,TM7,TM7 reviewed the referral following challenge from health.,Allocated SW11
"""


def test_a_disagreement_whose_entry_only_plans_the_escalation_waits_for_it(tmp_path):
    chron = _read(tmp_path, "disagree", DISAGREEMENT_2008)
    # the named nurse's letter of Friday 25 January is the escalation: 6 WD late
    assert _table(chron, "wt2006", "ESC-DISAGREE") == [
        ("ESC-DISAGREE", "late", 4, "2008-01-17", "2008-01-25", 6, [4, 5]),
    ]
    escalated = DISAGREEMENT_2008.replace(
        "To escalate under LSCB escalation policy", "Escalated to CSC TM under LSCB policy"
    )
    assert _table(_read(tmp_path, "escalated", escalated), "wt2006", "ESC-DISAGREE") == []


# --- a trigger whose date is not known to the day ---------------------------------------------
WEEK_2007 = """\
w/c 12/03/2007,Children's Social Care,Duty SW,Referral received from school re Child K (6).,TM decision: initial assessment
28/03/2007,Children's Social Care,SW1,Initial assessment completed.,NFA
"""


def test_a_trigger_dated_to_a_week_reads_as_a_date_written_so(tmp_path):
    chron = _read(tmp_path, "week", WEEK_2007)
    # from the week's end, Sunday 18 March, + 7 WD: Tuesday 27 March
    assert _table(chron, "wt2006", "ASM-INITIAL") == [
        ("ASM-INITIAL", "late", 2, "2007-03-27", "2007-03-28", 1, [2, 3]),
    ]
    (summary,) = _summary(chron, "ASM-INITIAL")
    assert summary.startswith(
        "Referral to children's social care recorded by Children's Social Care on a date "
        "written as 'w/c 12/03/2007': no completed initial assessment"
    )


# --- practitioners' shorthand ------------------------------------------------------------------
ABBREVIATED_2008 = """\
07/07/2008,GP,GP6,4/12 baby - 2 x bruises L thigh. M no explanation. NIMB.,Tel ref to CSC duty + faxed MARF
07/07/2008,CSC,Duty SW,MARF rec'd from GP re bruising NIMB.,Strat disc w/ DC24 CAIT + Dr P6 - S47 agreed. CPM today
07/07/2008,Paeds,Dr P6,CPM - 2 bruises L thigh c/w fingertip grip.,
28/07/2008,CSC,IRO,ICPC - CPP cat PA.,CG mtg 06/08
15/09/2008,CSC,SW12,Stat visit - CX seen.,
"""


def test_a_strategy_discussion_written_strat_disc_w_is_held(tmp_path):
    chron = _read(tmp_path, "abbrev", ABBREVIATED_2008, dob="2008-03-01")
    # the strategy discussion of Monday 7 July, on the day of the GP's bruise: in time; the
    # conference on the 28th within 15 WD of it
    assert _table(chron, "wt2006", "INJ-STRAT", "CONF-ICPC") == []


def test_an_organisation_written_as_the_agencys_initials_is_the_agency(tmp_path):
    chron = _read(tmp_path, "abbrev", ABBREVIATED_2008, dob="2008-03-01")
    summaries = _findings(chron)["summary"].tolist()
    assert summaries
    assert not [s for s in summaries if "(CSC)" in s or "(Paeds)" in s]
    assert any("recorded by Children's social care on" in s for s in summaries)


def test_delay_units_name_each_findings_unit(tmp_path):
    chron = _read(
        tmp_path,
        "units",
        PLAN_ENDED_AT_REVIEW_2011
        + "15/11/2011,Children's Social Care,SW4,Home visit. Child B seen.,\n",
    )
    found = scr.analyse(chron, rulebook="wt2010")
    frame = found.to_frame().assign(unit=found.delay_units())
    units = dict(zip(frame["rule_id"], frame["unit"], strict=True))
    # the review conference's gap in calendar days, the visits' in working days
    assert units["CONF-REVIEW"] == "days"
    assert units["VIS-CP"] == "working days"


# --- from 2013 the section 47 enquiry is an assessment ------------------------------------------
S47_COMPLETED_2019 = """\
04/02/2019,Children's Social Care,MASH SW,PPN received re missing episode 02/02.,Return home interview to be offered
05/03/2019,Children's Social Care,TM5,Strategy discussion - TM5 DS19 DSL2 and school nurse.,S47 agreed. Allocated to SW9
05/04/2019,Children's Social Care,SW9,S47 completed - concerns substantiated: CCE.,Outcome: ICPC
02/05/2019,Children's Social Care,Chair,ICPC. Child G subject to CP plan - category neglect.,
"""


def test_a_completed_s47_enquiry_is_the_assessment_from_2013(tmp_path):
    chron = _read(tmp_path, "s47done", S47_COMPLETED_2019)
    # Monday 4 February + 45 WD: Monday 8 April; the enquiry completed on Friday 5 April
    assert _table(chron, "wt2018", "ASM-SINGLE") == []
    ongoing = S47_COMPLETED_2019.replace("S47 completed - concerns", "S47 ongoing - concerns")
    assert [r[:4] for r in _table(_read(tmp_path, "s47on", ongoing), "wt2018", "ASM-SINGLE")] == [
        ("ASM-SINGLE", "missing", 2, "2019-04-08"),
    ]
