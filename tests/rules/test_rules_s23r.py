"""The rules read as an independent reviewer would, on fictional multi-agency chronologies
written as practitioners write them (stop 23's sweep: neglect over years with missed
appointments, an adolescent missing with CSE concerns, domestic abuse with MARAC, DASH and
police call-outs, a non-mobile baby's bruising seen by the HV, the GP and ED, a private
fostering arrangement). Each test is one reading that was wrong: what the finding said, and
what it says now.

Every deadline is worked out by hand from the England and Wales bank holidays of its year,
never by the code under test. Rows are as a person sees them in the CSV (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

import scr_timeline as scr
from scr_timeline.testing import FindingRow, finding_rows, read_rows

Row = FindingRow


def _read(tmp_path: Path, name: str, rows: str, dob: str | None = None) -> scr.Chronology:
    return read_rows(tmp_path / f"{name}.csv", rows, **({"child_dob": dob} if dob else {}))


_table = finding_rows


def _summary(chron: scr.Chronology, rule: str, rulebook: str = "wt2006") -> list[str]:
    frame = scr.analyse(chron, rulebook=rulebook).to_frame()
    return frame.loc[frame["rule_id"] == rule, "summary"].tolist()


# --- a domestic abuse incident told without the word 'domestic' -------------------------------
# 2019. Sunday 28 July: the neighbour's call, never notified (due Monday 29 July). Sunday
# 25 August: the 999 call, notified by the police's own record (Monday 26 August is the
# summer bank holiday: due Tuesday 27 August).
DA_2019 = """\
14/06/2019,Police,PC6,Domestic incident at home address. Mother assaulted by partner Mr X; Child C (4) present. DASH completed - high risk.,Mr X arrested. Referral to MARAC. PPN submitted to MASH
28/07/2019,Police,PC7,Call from neighbour: shouting at address. Officers attended. Mr X had left. Child C asleep. DASH medium risk.,DA notification not shared - standard risk
25/08/2019,Police,PC8,999 call by Mother: Mr X threatening her with a knife. Child C present. DASH high risk.,Mr X arrested. PPN to MASH
27/08/2019,Children's Social Care,MASH,Contact received from police re incident 25/08. Third incident in 3 months.,Strategy discussion held with DS4 and MASH health nurse. S47 agreed
"""


def test_a_call_out_told_by_its_dash_and_threats_is_a_domestic_incident(tmp_path):
    chron = _read(tmp_path, "da", DA_2019)
    # the 999 call (row 4) had not been a domestic incident (no 'domestic', 'DA', 'assault'),
    # so July's incident, never notified, took its PPN as a notification 20 working days late
    assert _table(chron, "wt2018", "ESC-DOMESTIC") == [
        ("ESC-DOMESTIC", "missing", 3, "2019-07-29", "", None, [3]),
    ]
    (summary,) = _summary(chron, "ESC-DOMESTIC", "wt2018")
    assert "none recorded before the next domestic abuse incident on 25 August 2019" in summary


DA_WORDS_2020 = """\
06/01/2020,Police,PC1,Officers attended. Father punched Mother in the face; Child A (3) in the next room.,Father arrested
13/01/2020,Police,PC2,DVPN served on Mr Y.,
20/01/2020,Police,PC3,Mother reports breach of non-molestation order by ex-partner.,Crime report
27/01/2020,Police,PC4,Child A's older brother (15) threatened by a group of youths in the park.,Words of advice
"""


def test_domestic_abuse_told_in_its_own_terms_needs_a_notification(tmp_path):
    chron = _read(tmp_path, "words", DA_WORDS_2020)
    # Monday 6, 13, 20 January 2020: each due the next day; none notified. Youths in the
    # park threatening a brother are no domestic incident.
    assert _table(chron, "wt2018", "ESC-DOMESTIC") == [
        ("ESC-DOMESTIC", "missing", 2, "2020-01-07", "", None, [2]),
        ("ESC-DOMESTIC", "missing", 3, "2020-01-14", "", None, [3]),
        ("ESC-DOMESTIC", "missing", 4, "2020-01-21", "", None, [4]),
    ]


# --- a private fostering arrangement told again as it goes on ---------------------------------
# 2009: Monday 5 January children's social care hears of the arrangement; the 6 weeks of
# Regulation 38 run to Monday 16 February; the child goes home on Thursday 10 September.
PRIVATE_FOSTERING_2009 = """\
05/01/2009,Education,Teacher1,Child E (9) told teacher she now lives with Mum's friend Ms W as Mum has gone to Spain.,DSL informed CSC by phone
05/01/2009,Children's Social Care,Duty SW,Contact from school: Child E staying with family friend Ms W since before Christmas; Mother abroad.,Private fostering notification. SW4 to visit
14/01/2009,Children's Social Care,SW4,Home visit to Ms W. Child E seen alone.,Private fostering assessment commenced
20/03/2009,Children's Social Care,SW4,Private fostering assessment of Ms W completed - arrangement suitable.,
15/05/2009,Children's Social Care,SW4,PF visit. Child E seen. Settled with Ms W.,
17/07/2009,Children's Social Care,SW4,Private fostering visit. Child E remains with Ms W.,
10/09/2009,Children's Social Care,SW4,Child E returned to Mother's care. PF arrangement ended.,Case closed
"""


def test_a_private_fostering_arrangement_going_on_is_judged_once(tmp_path):
    chron = _read(tmp_path, "pf", PRIVATE_FOSTERING_2009)
    # the assessment of 20 March and the visit of 17 July, more than 6 weeks after the record
    # before them, had each been a new arrangement: three Reg 38 checks and three approvals
    # 'missing' or 'late' for one arrangement. 143 working days from 16 February to
    # 10 September (Easter 10 and 13 April, 4 and 25 May, 31 August 2009).
    assert _table(chron, "wt2006", "PLC-REG38-CHECKS", "PLC-REG38-APPROVAL") == [
        ("PLC-REG38-APPROVAL", "late", 3, "2009-02-16", "2009-09-10", 143, [3, 8]),
        ("PLC-REG38-CHECKS", "missing", 3, "2009-01-05", "", None, [3]),
    ]


def test_a_new_arrangement_after_the_child_went_home_is_judged_again(tmp_path):
    later = PRIVATE_FOSTERING_2009 + (
        "01/02/2010,Children's Social Care,Duty SW,"
        "Call from school: Child E now living with paternal grandmother.,SW4 to visit\n"
    )
    chron = _read(tmp_path, "pf2", later)
    found = _table(chron, "wt2006", "PLC-REG38-CHECKS")
    assert [(rule, row) for rule, _, row, *_ in found] == [
        ("PLC-REG38-CHECKS", 3),
        ("PLC-REG38-CHECKS", 9),
    ]


# --- 'no further bruising' denies a new injury -----------------------------------------------
# 2016: Friday 8 April the health visitor sees the bruises (due Monday 11 April); the GP sees
# them fading on Monday 11 April, told of them by the health visitor. Monday 2 May is the
# early May bank holiday.
BRUISES_2016 = """\
08/04/2016,Health Visiting,HV3,NBV follow up. Child A 4/12 old. 2x small bruises L cheek. M states sibling poked him with a toy.,Advised M to see GP
11/04/2016,GP,Dr C,Seen with M following HV concern re bruising. Bruise L cheek fading. No further bruising.,Discussed with practice safeguarding lead - not thought NAI
29/04/2016,Hospital,ED,Child A (4 months) brought by parents with swelling R thigh. X-ray: spiral fracture R femur. No history of trauma.,Admitted. Paeds informed. Safeguarding referral to MASH
29/04/2016,Children's Social Care,MASH,Referral from ED re unexplained fracture in non-mobile infant.,Strategy meeting held 16:00 - Police (DC2) and SW3. S47 joint investigation agreed
30/04/2016,Paediatrics,Dr P2,CP medical completed by Dr P2. Fracture consistent with NAI.,Skeletal survey and CT head booked for Monday
02/05/2016,Hospital,Radiology,Skeletal survey: 3 healing posterior rib fractures.,Reported to Dr P2
"""


def test_no_further_bruising_is_the_bruise_seen_again_not_a_new_one(tmp_path):
    chron = _read(tmp_path, "bruises", BRUISES_2016, dob="2015-12-10")
    # 'No further bruising' had read as 'further bruising', a new injury: the GP's record of
    # the health visitor's bruise fading was a second failure to refer (due 12 April) and
    # joined the injury findings as a new injury
    assert _table(chron, "wt2015", "INJ-REFER", "INJ-STRAT") == [
        ("INJ-REFER", "missing", 2, "2016-04-11", "", None, [2]),
        # the strategy meeting of 29 April was about the femur fracture seen that day, a
        # new injury: not this bruise's (none recorded before the next suspicious injury)
        ("INJ-STRAT", "missing", 2, "2016-04-11", "", None, [2]),
    ]


def test_new_bruising_is_still_a_new_injury(tmp_path):
    rows = BRUISES_2016.replace("No further bruising.", "New bruising to R ear.")
    chron = _read(tmp_path, "bruises2", rows, dob="2015-12-10")
    # Monday 11 April + 1 WD: Tuesday 12 April
    assert ("INJ-REFER", "missing", 3, "2016-04-12", "", None, [3]) in _table(
        chron, "wt2015", "INJ-REFER"
    )


# --- a strategy discussion inside a referral entry: its own parties ---------------------------
def test_the_referrer_of_an_entry_is_no_party_to_the_strategy_discussion_it_tells_of(tmp_path):
    chron = _read(tmp_path, "strat", BRUISES_2016, dob="2015-12-10")
    # 'Referral from ED re unexplained fracture ... | Strategy meeting held 16:00 - Police
    # (DC2) and SW3': the hospital (the referrer) had counted as health at the discussion
    assert _table(chron, "wt2015", "SD-HEALTH") == [
        ("SD-HEALTH", "missing", 5, "2016-04-29", "", None, [5]),
    ]
    (summary,) = _summary(chron, "SD-PARTIES", "wt2018")
    assert summary.endswith("did not involve health (Working Together 2018, ch. 1).")


def test_a_party_named_in_the_strategy_discussions_own_words_still_counts(tmp_path):
    rows = BRUISES_2016.replace(
        "Police (DC2) and SW3", "Police (DC2) with ED consultant and SW3"
    ).replace("Strategy meeting held 16:00", "Strategy meeting held 16:00 with A&E")
    chron = _read(tmp_path, "strat2", rows, dob="2015-12-10")
    assert _table(chron, "wt2015", "SD-HEALTH") == []
    assert _table(chron, "wt2018", "SD-PARTIES") == []


def test_parties_from_must_be_a_table_of_text_and_event_types(tmp_path):
    import pytest

    from scr_timeline.exceptions import RulebookError
    from scr_timeline.rules.rulebook import load_rulebook

    book = (Path(scr.__file__).parent / "rules" / "rulebooks" / "wt2013.toml").read_text()
    bad = book.replace(
        'unless_event_type = ["strategy_discussion"]', 'unless_event_type = ["strat"]'
    )
    path = tmp_path / "bad.toml"
    path.write_text(bad.replace('extends = "wt2006"', f'extends = "{_WT2006}"'), encoding="utf-8")
    with pytest.raises(RulebookError, match="parties_from"):
        load_rulebook(path)


_WT2006 = (Path(scr.__file__).parent / "rules" / "rulebooks" / "wt2006.toml").as_posix()


# --- a section 47 enquiry whose outcome the record gives is finished ---------------------------
# 2016: Monday 14 March the referral; 45 WD (Good Friday 25 March, Easter Monday 28 March,
# 2 May bank holiday): Thursday 19 May.
CSE_2016 = """\
14/03/2016,Education,DSL1,Child B seen getting into car with older males after school.,Referral to MASH re CSE concerns
14/03/2016,Children's Social Care,MASH,Referral received from school re CSE concerns.,Strategy discussion to be convened
16/03/2016,Children's Social Care,SW5,Strat mtg - police (DS3) and school nurse.,Outcome: S47 enquiry
15/04/2016,Children's Social Care,SW5,S47 outcome - concerns substantiated.,ICPC to be convened
20/06/2016,Children's Social Care,SW5,Home visit. Child B seen.,
"""


def test_an_s47_outcome_given_is_the_assessment_finished(tmp_path):
    chron = _read(tmp_path, "cse", CSE_2016)
    # 'S47 outcome - concerns substantiated' had been no completed enquiry (no 'completed'):
    # ASM-SINGLE missing
    assert _table(chron, "wt2015", "ASM-SINGLE") == []


def test_a_strategy_discussions_outcome_is_no_finished_enquiry(tmp_path):
    rows = "".join(line + "\n" for line in CSE_2016.splitlines() if "S47 outcome" not in line)
    chron = _read(tmp_path, "cse2", rows)
    # (from the school's referral or children's social care's record of it: the school's
    # 'Referral to MASH' in its outcome column is the vocabulary's to read)
    found = [
        (rule, status, due) for rule, status, _, due, *_ in _table(chron, "wt2015", "ASM-SINGLE")
    ]
    assert found == [("ASM-SINGLE", "missing", "2016-05-19")]


# --- a contact closed at the front door is the decision on it ----------------------------------
CLOSED_AT_CONTACT_2010 = """\
01/03/2010,Children's Social Care,Duty SW,Contact received from school re neglect.,Closed at contact - advice given
02/03/2010,Children's Social Care,Duty SW,Referral from GP re Mother's mental health.,No further CSC involvement
03/03/2010,Children's Social Care,MASH,Referral from HV re home conditions.,Closed at MASH - universal services
20/05/2010,Health Visiting,HV1,Home visit. Child A well.,
"""


def test_a_contact_closed_at_the_front_door_is_an_nfa_decision(tmp_path):
    chron = _read(tmp_path, "closed", CLOSED_AT_CONTACT_2010)
    # each had left ESC-REF-DECISION and ASM-INITIAL missing (due Tuesday 2, Wednesday 3,
    # Thursday 4 March; and 10, 11, 12 March under wt2006), and the case open to the end
    rules = ("ESC-REF-DECISION", "ASM-INITIAL", "SUP-CADENCE")
    assert _table(chron, "wt2006", *rules) == []
    assert _table(chron, "wt2010", *rules) == []
    # three referrals in three days, each closed at the front door, are still three concerns
    assert [r[:4] for r in _table(chron, "wt2006", "ESC-CUMULATIVE")] == [
        ("ESC-CUMULATIVE", "missing", 4, "2010-03-17"),
    ]


STEP_DOWN_2016 = """\
01/03/2016,Children's Social Care,MASH,Referral from school re neglect.,Allocated to SW2 for single assessment
11/04/2016,Children's Social Care,SW2,Single assessment signed off.,Step down to Early Help
20/06/2016,Health Visiting,HV1,Home visit. Child A well.,
"""


def test_step_down_to_early_help_closes_the_case(tmp_path):
    chron = _read(tmp_path, "stepdown", STEP_DOWN_2016)
    # 'Step down to Early Help' (not 'stepped') had left the case open to the end: a
    # supervision gap from 1 March to 20 June; now open 1 March to 11 April (41 days)
    assert [r[:4] for r in _table(chron, "wt2015", "SUP-CADENCE")] == [
        ("SUP-CADENCE", "gap", 2, "2016-03-29"),
    ]
    found = scr.analyse(chron, rulebook="wt2015")
    gap = found.to_frame()["finding_id"].iloc[0]
    assert "gap length: 41 days" in found.describe(gap)


# --- a placement under a special guardianship or residence order, a triage 'for assessment' ---
SGO_2012 = """\
05/03/2012,Children's Social Care,SW6,Child F placed with grandparents under SGO.,
01/06/2012,Children's Social Care,SW6,Child G placed with maternal aunt (connected person) under s20.,Reg 24 temporary approval
20/10/2012,Children's Social Care,SW6,Home visit. Child F and Child G seen.,
"""


def test_a_placement_under_an_sgo_is_no_connected_person_placement(tmp_path):
    chron = _read(tmp_path, "sgo", SGO_2012)
    # the SGO placement had wanted a connected-person approval within 16 weeks (25 June);
    # the s20 placement with the aunt still does (1 June + 16 weeks: 21 September)
    assert [r[:4] for r in _table(chron, "wt2010", "PLC-CONNECTED")] == [
        ("PLC-CONNECTED", "missing", 3, "2012-09-21"),
    ]


FOR_ASSESSMENT_2012 = """\
08/06/2012,Children's Social Care,MASH,Referral received from police re DV.,For CSC assessment
20/06/2012,Children's Social Care,SW2,Home visit. Child A seen.,
"""


def test_a_referral_sent_for_assessment_has_its_decision(tmp_path):
    chron = _read(tmp_path, "forassess", FOR_ASSESSMENT_2012)
    # 'For CSC assessment' had been no decision: ESC-REF-DECISION missing (due 11 June)
    assert _table(chron, "wt2010", "ESC-REF-DECISION") == []


# --- 'CP plan removed' ends the plan ---------------------------------------------------------
PLAN_REMOVED_2010 = """\
01/03/2010,Children's Social Care,IRO1,ICPC - Child A subject to CP plan under category of neglect.,
10/03/2010,Children's Social Care,SW1,Core group meeting.,
11/03/2010,Children's Social Care,SW1,Home visit. Child A seen.,
27/05/2010,Children's Social Care,IRO1,Review conference - CP plan removed.,CIN plan
20/09/2010,Children's Social Care,SW1,CIN review.,
"""


def test_a_cp_plan_removed_at_review_has_ended(tmp_path):
    chron = _read(tmp_path, "removed", PLAN_REMOVED_2010)
    # the plan had run on to the end of the chronology (20 September): no visit after
    # 11 March, so a gap to 20 September; now the plan ends at the review of 27 May and the
    # gap with it. 11 March + 20 WD (Easter 2 and 5 April) is 12 April; 52 working days from
    # 11 March to 27 May (3 May bank holiday)
    assert _table(chron, "wt2010", "VIS-CP", "CONF-REVIEW") == [
        ("VIS-CP", "gap", 4, "2010-04-12", "", 52, [4]),
    ]
    not_removed = PLAN_REMOVED_2010.replace("CP plan removed.", "CP plan not to be removed.")
    chron = _read(tmp_path, "kept", not_removed)
    ((*_, delay, _),) = _table(chron, "wt2010", "VIS-CP")
    assert delay is not None and delay > 52


def test_a_health_role_named_before_the_strategy_discussion_is_no_party_to_it(tmp_path):
    rows = BRUISES_2016.replace(
        "Referral from ED re unexplained fracture",
        "Referral from named nurse re unexplained fracture",
    )
    chron = _read(tmp_path, "named", rows, dob="2015-12-10")
    # 'named nurse' (SD-HEALTH's words for health) in the referral, before the discussion
    assert [r[:4] for r in _table(chron, "wt2015", "SD-HEALTH")] == [
        ("SD-HEALTH", "missing", 5, "2016-04-29"),
    ]
    rows = BRUISES_2016.replace("Police (DC2) and SW3", "Police (DC2) with named nurse and SW3")
    chron = _read(tmp_path, "named2", rows, dob="2015-12-10")
    assert _table(chron, "wt2015", "SD-HEALTH") == []


# --- a contact on a case already open, passed to its worker ----------------------------------
OPEN_CASE_2019 = """\
01/03/2019,Children's Social Care,MASH,PPN received re DA 28/02.,Case open to SW3 - passed to allocated worker
05/03/2019,Children's Social Care,MASH,Contact from school.,Info shared with allocated SW
06/03/2019,Children's Social Care,MASH,Referral received from HV.,SW3 informed
20/03/2019,Children's Social Care,SW3,Home visit. Child C seen.,
"""


def test_a_contact_passed_to_the_allocated_worker_has_its_decision(tmp_path):
    chron = _read(tmp_path, "open", OPEN_CASE_2019)
    # each had been ESC-REF-DECISION missing (due 4, 6 and 7 March 2019)
    assert _table(chron, "wt2018", "ESC-REF-DECISION") == []
