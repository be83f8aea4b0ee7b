"""The modern editions' rulebooks (wt2015, wt2018, wt2023) read as an independent reviewer
would, on fictional chronologies of 2016-2024 that go through the real pipeline (CSV ->
``scr.read`` -> classify -> ``scr.analyse``).

Cases: a non-mobile baby's bruise seen by a health visitor and a GP; a MASH contact NFA'd and
re-referred a month later; a child on a plan for neglect with missed visits and core groups; a
teenager at risk of criminal exploitation with two missing episodes; Early Help stepped up to
children's social care and down again; a domestic abuse case with MARAC and PPNs; a baby with
a head injury (serious incident, rapid review); a death.

Every deadline is worked out by hand from the England and Wales bank holidays of its year
(listed with each case), never by the code under test. Rows are as a person sees them in
the CSV (the header is row 1).
"""

from __future__ import annotations

import re
import textwrap
import tomllib
from importlib.resources import files
from pathlib import Path

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline.chronology import Chronology
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.rules import rulebook_in_force
from scr_timeline.rules.predicates import _re2_pattern
from scr_timeline.testing import make_events

_HEADER = "Date,Agency,Practitioner,Details,Outcome\n"

# Bank holidays 2016: Good Friday 25 March, Easter Monday 28 March, 2 May, 30 May.
NIMB_2016 = """\
04/01/2016,Midwifery,MW1,Child A born at term. DOB 04/01/2016.,Discharged home with Mother
17/03/2016,Health Visiting,HV1,Home visit. Child A (10 weeks) has a small bruise to his left upper arm. Mother said his sibling may have grabbed him.,Advised Mother to take Child A to see GP
18/03/2016,GP,GP1,Child A seen with Mother. 1cm bruise left upper arm. Non-mobile baby. Discussed with practice safeguarding lead.,GP1 telephoned MASH and made a referral
18/03/2016,Children's Social Care,MASH SW,Referral received from GP re bruise to non-mobile baby. Strategy discussion held with DC1 (police) and GP1.,S47 enquiry agreed; CP medical to be arranged
21/03/2016,Paediatrics,Dr P1,Child protection medical. Bruise to upper arm; no explanation consistent with it.,Skeletal survey requested
23/03/2016,Hospital,Radiology,Skeletal survey - no fractures.,
24/03/2016,Children's Social Care,TM1,Management oversight: s47 progressing; safety plan with Mother.,
15/04/2016,Children's Social Care,SW1,S47 enquiry completed. Concerns not substantiated; no ICPC.,Case stepped down to Early Help
"""

# Bank holidays 2017: Good Friday 14 April, Easter Monday 17 April, 1 May, 29 May.
REREFERRAL_2017 = """\
06/02/2017,Education,DSL,Child B (6) came to school hungry and unkempt for the third time this week; said Mother's boyfriend shouts at him.,DSL made referral to MASH
07/02/2017,Children's Social Care,MASH SW,Contact received from school. MASH checks completed.,Threshold not met - NFA. Advice to school re Early Help
13/03/2017,Education,DSL,Child B disclosed that Mother's boyfriend hit him with a belt; red marks to the back of his legs.,DSL referred to MASH by phone
14/03/2017,Children's Social Care,MASH SW,Re-referral received from school re marks to Child B's legs.,TM1 decision: strategy discussion
15/03/2017,Children's Social Care,TM1,Strategy discussion held by phone between TM1 and DS2 (police) and school nurse.,S47 enquiry agreed; joint visit
16/03/2017,Paediatrics,Dr P2,Child protection medical. Linear marks to both thighs consistent with being hit with a belt.,Report to CSC and police
05/04/2017,Children's Social Care,IRO1,Initial child protection conference.,Child B made subject to a child protection plan under the category of physical abuse
20/04/2017,Children's Social Care,SW1,Core group meeting.,
24/04/2017,Children's Social Care,SW1,Home visit. Child B seen alone.,
28/04/2017,Children's Social Care,TM1,Supervision - case discussed.,
"""

# Bank holidays 2020: Good Friday 10 April, Easter Monday 13 April, Friday 8 May (VE Day:
# the early May bank holiday moved from Monday 4th), 25 May, 31 August.
NEGLECT_2020 = """\
14/01/2020,Children's Social Care,IRO1,Initial child protection conference.,Child C made subject to a child protection plan under the category of neglect
27/01/2020,Children's Social Care,SW1,Core group meeting.,Plan agreed
03/02/2020,Children's Social Care,SW1,Home visit. Child C seen. Home conditions poor.,
10/02/2020,Children's Social Care,TM1,Supervision - case discussed.,
02/03/2020,Children's Social Care,SW1,Unannounced home visit - no answer; card left.,
09/03/2020,Children's Social Care,SW1,Core group cancelled - SW1 off sick.,To be rearranged
07/04/2020,Children's Social Care,IRO1,Review child protection conference.,Plan continues under the category of neglect
23/04/2020,Children's Social Care,SW1,Virtual visit by video call. Child C seen.,
27/05/2020,Children's Social Care,SW1,Home visit. Child C seen in the garden.,
15/06/2020,Children's Social Care,SW1,Core group meeting.,
22/06/2020,Children's Social Care,TM1,Supervision.,
01/09/2020,Children's Social Care,SW1,Home visit. Child C seen.,
07/10/2020,Children's Social Care,IRO1,Review child protection conference.,Plan continues
"""

# Bank holidays 2021 in the period: none (30 August is before it, 27 December after).
EXPLOITATION_2021 = """\
04/10/2021,Police,PC1,Child D (15) reported missing by Mother after not returning from school.,Missing person investigation; graded medium risk
05/10/2021,Police,PC1,Child D located by police at an address in another city with two adult males; returned home.,PPN submitted to MASH
06/10/2021,Children's Social Care,MASH SW,PPN received from police re missing episode.,Return home interview to be offered
12/10/2021,Children's Social Care,Missing Worker,Return home interview completed with Child D.,Child D would not say where he had been
20/10/2021,Education,DSL,Child D found with cannabis and £400 in cash and a new phone. Concerns re criminal exploitation (county lines).,DSL made referral to MASH
21/10/2021,Children's Social Care,MASH SW,Referral received from school re criminal exploitation concerns.,Strategy discussion held with police and school nurse; s47 agreed; single assessment
22/10/2021,Children's Social Care,TM1,Management oversight: exploitation risk assessment to be completed.,
02/11/2021,Police,PC2,Child D reported missing by Mother.,
04/11/2021,Police,PC2,Child D found by police in a car with adult male at a service station; returned home.,
18/11/2021,Children's Social Care,SW1,Multi-agency child exploitation (MACE) meeting.,Disruption plan agreed
25/11/2021,Children's Social Care,TM1,Supervision.,
"""

# Bank holidays 2022: Good Friday 15 April, Easter Monday 18 April, 2 May, Thursday 2 and
# Friday 3 June (the Platinum Jubilee; no late May Monday), 29 August, 19 September.
EARLY_HELP_2022 = """\
10/01/2022,Early Help,FSW1,Early Help Assessment completed with Mother. Team Around the Family agreed.,TAF every 6 weeks
21/02/2022,Early Help,FSW1,TAF meeting. Child E's school attendance 71%. Mother drinking.,
19/04/2022,Early Help,FSW1,Concerns escalated: Mother intoxicated at school pick-up. Step up to CSC.,Referral to MASH
20/04/2022,Children's Social Care,MASH SW,Contact received from Early Help. Progressed to assessment.,Allocated to SW1
26/04/2022,Children's Social Care,SW1,Home visit. Child E seen.,
12/05/2022,Children's Social Care,TM1,Supervision.,
07/06/2022,Children's Social Care,TM1,Supervision.,
28/06/2022,Children's Social Care,SW1,Single assessment completed. Child in need plan.,
05/07/2022,Children's Social Care,TM1,Supervision.,
12/07/2022,Children's Social Care,SW1,CIN meeting.,
26/09/2022,Children's Social Care,SW1,CIN review. Mother engaging with alcohol service.,Case stepped down to Early Help
30/09/2022,Early Help,FSW1,TAF meeting following step-down from CSC.,
"""

# Bank holidays 2019: Good Friday 19 April, Easter Monday 22 April, 6 May, 27 May, 26 August.
DOMESTIC_2019 = """\
12/01/2015,Midwifery,MW1,Child F born.,
06/07/2019,Police,PC1,Domestic incident: Father assaulted Mother at home; Child F (4) present. DASH completed - high risk.,Father arrested. Referral to MARAC
08/07/2019,Police,PC1,PPN submitted to MASH re domestic incident of 06/07.,
09/07/2019,Children's Social Care,MASH SW,PPN received from police re DA incident. RAG amber.,Single assessment; allocated to SW1
18/07/2019,Voluntary,IDVA,MARAC meeting. Actions: IDVA to support Mother; police flag on address.,
24/07/2019,Children's Social Care,TM1,Supervision.,
02/09/2019,Police,PC2,Domestic incident: Father attended the address in breach of bail and shouted at Mother. Child F present.,Father arrested
20/09/2019,Children's Social Care,SW1,Single assessment completed.,Child in need plan
"""

# Bank holidays 2024: 1 January, Good Friday 29 March, Easter Monday 1 April, 6 May, 27 May.
SERIOUS_HARM_2024 = """\
15/07/2023,Midwifery,MW1,Child G born.,
12/02/2024,Hospital,Dr H1,Child G (7 months) brought to ED by ambulance unresponsive. CT shows subdural haemorrhage; retinal haemorrhages. Admitted to PICU.,Police and CSC informed
12/02/2024,Children's Social Care,EDT SW,Strategy discussion held with police and Dr H1 (hospital).,S47 agreed; siblings to stay with grandmother
13/02/2024,Children's Social Care,TM1,Management oversight: case allocated to SW2.,
21/02/2024,Children's Social Care,SM1,Serious incident notification submitted to the Child Safeguarding Practice Review Panel.,
07/03/2024,Safeguarding Partnership,Business Manager,Rapid review meeting held by the safeguarding partners.,Rapid review sent to the national panel
"""

# Bank holidays 2019 in the period: 26 August (before it).
DEATH_2019 = """\
01/03/2019,Midwifery,MW1,Child H born.,
02/09/2019,Ambulance,Paramedic,Child H found unresponsive at home; CPR; conveyed to ED.,
02/09/2019,Hospital,Dr H2,Child H pronounced dead in ED. Police and CSC informed.,
03/09/2019,Children's Social Care,EDT SW,Strategy discussion held with police and Dr H2 re sibling.,S47 for sibling
03/09/2019,Children's Social Care,TM1,Management oversight: sibling to stay with maternal grandmother under a safety plan.,
12/09/2019,Children's Social Care,HoS,Serious incident notification submitted to Ofsted and the national panel.,
20/09/2019,Safeguarding Partnership,Business Manager,Rapid review meeting held.,
"""

# The rules a reviewer expects of these cases that RULES.md does not (yet) list for any
# edition: a local rulebook adds them, with the named predicates the bundled wt2013 and
# wt2018 carry. Moved into the bundled rulebooks once RULES.md lists them.
PROPOSED = """\
[rulebook]
name = "wt2018-s21"
extends = "wt2018"
title = "Working Together 2018 with return interviews, core group cadence, serious incidents"

[rules.MISSING-RHI]
kind = "response"
category = "timescale"
severity = "medium"
trigger = { is = "missing_return", date_from = "2014-01-01" }
trigger_label = "child's return from a missing episode (from January 2014)"
expected = "return_interview"
expected_label = "return interview offered to the child"
window = "3 days"
agency = "csc"
what = "Child's return from a missing episode"
reference = "DfE, Statutory guidance on children who run away or go missing from home or care (2014): a return interview offered within 72 hours of the child's return"
citation = "DfE missing children guidance 2014"

[rules.CONF-CORE-CADENCE]
kind = "cadence"
category = "timescale"
severity = "medium"
state = "cp_plan"
expected = { event_type = ["core_group"] }
expected_label = "core group meeting"
window = "6 weeks"
agency = "csc"
local = true
reference = "Local child protection procedures: core groups at least every 4 to 6 weeks while the plan lasts (this default takes the least strict)"
citation = "local core group procedure"

[rules.SI-NOTIFY]
kind = "response"
category = "procedure"
severity = "medium"
trigger = "serious_incident"
trigger_label = "serious child safeguarding incident"
expected = "serious_incident_notified"
expected_label = "notification to the Child Safeguarding Practice Review Panel"
window = "5 WD"
agency = "csc"
what = "Serious child safeguarding incident"
reference = "Children Act 2004, s.16C; Working Together to Safeguard Children 2018, ch. 4: the Panel notified within five working days of becoming aware of a serious incident"
citation = "Working Together 2018, ch. 4"

[rules.SI-RAPID-REVIEW]
kind = "response"
category = "procedure"
severity = "medium"
trigger = "serious_incident"
trigger_label = "serious child safeguarding incident"
expected = "rapid_review_done"
expected_label = "rapid review by the safeguarding partners"
window = "15 WD"
agency = "csc"
what = "Serious child safeguarding incident"
reference = "Working Together to Safeguard Children 2018, ch. 4; Panel guidance: a rapid review within 15 working days of becoming aware of the incident"
citation = "Working Together 2018, ch. 4"
"""

Row = tuple[str, str, int, str, str, int | None, list[int]]


def _read(tmp_path: Path, name: str, rows: str) -> scr.Chronology:
    path = tmp_path / f"{name}.csv"
    path.write_text(_HEADER + textwrap.dedent(rows), encoding="utf-8")
    return scr.read(path)


def _proposed(tmp_path: Path) -> Path:
    path = tmp_path / "wt2018-s21.toml"
    path.write_text(PROPOSED, encoding="utf-8")
    return path


def _table(chron: scr.Chronology, rulebook: str | Path, **kw: object) -> list[Row]:
    """(rule, status, trigger row, due, observed date, delay, evidence rows) per finding."""
    frame = scr.analyse(chron, rulebook=rulebook, **kw).to_frame()
    row = {str(k): int(v) for k, v in chron.events["source_row"].items()}
    out = []
    for f in frame.itertuples():
        observed = "" if pd.isna(f.observed_start) else str(f.observed_start.date())
        delay = None if pd.isna(f.delay_working_days) else int(f.delay_working_days)
        evidence = [row[e] for e in str(f.evidence).split("; ")]
        out.append(
            (f.rule_id, str(f.status), int(f.source_row), str(f.due.date()), observed, delay,
             evidence)
        )  # fmt: skip
    return sorted(out, key=lambda t: (t[2], t[0], t[3]))


def _only(table: list[Row], *rules: str) -> list[Row]:
    return [t for t in table if t[0] in rules]


# --- the cases, finding by finding ---------------------------------------------------------------
def test_a_non_mobile_babys_bruise_2016(tmp_path):
    chron = _read(tmp_path, "child-a-2016", NIMB_2016)
    assert rulebook_in_force(chron) == "wt2015"
    assert _table(chron, "in_force") == [
        # the HV saw the bruise on Thursday 17 March and left it to the GP: a non-mobile baby's
        # bruise is every agency's to refer, by Friday 18th; the GP referred the same day (no
        # finding of its own). The strategy discussion on the 18th was in time; the medical on
        # Monday 21st a working day late; the survey due Sunday 20th (3 calendar days)
        ("INJ-MEDICAL", "late", 3, "2016-03-18", "2016-03-21", 1, [3, 6]),
        ("INJ-REFER", "missing", 3, "2016-03-18", "", None, [3]),
        ("INJ-SKELETAL", "late", 3, "2016-03-20", "2016-03-23", 3, [3, 4, 7]),
        # 15 WD from Friday 18 March, Good Friday and Easter Monday out: Tuesday 12 April; the
        # s47's outcome that no conference was needed came on Friday 15th
        ("CONF-ICPC", "late", 5, "2016-04-12", "2016-04-15", 3, [5, 9]),
    ]


def test_a_contact_nfad_then_re_referred_2017(tmp_path):
    chron = _read(tmp_path, "child-b-2017", REREFERRAL_2017)
    assert rulebook_in_force(chron) == "wt2015"
    assert _table(chron, "wt2015") == [
        # the school's first contact was decided the next day (NFA): nothing to find. Its
        # second, Monday 13 March (marks from a belt), wanted the strategy discussion and the
        # police by Tuesday 14th (held Wednesday 15th) and the medical (Thursday 16th)
        ("INJ-MEDICAL", "late", 4, "2017-03-14", "2017-03-16", 2, [4, 7]),
        ("INJ-POLICE", "late", 4, "2017-03-14", "2017-03-15", 1, [4, 6]),
        ("INJ-STRAT", "late", 4, "2017-03-14", "2017-03-15", 1, [4, 6]),
        # the NFA of 7 February closed the case; the school's re-referral of 13 March ("DSL
        # referred to MASH by phone", row 4) reopened it: supervision due 10 April (28 days),
        # first on 28 April
        ("SUP-CADENCE", "gap", 4, "2017-04-10", "2017-04-28", 46, [4, 11]),
        (
            "SUP-KEY-DECISION",
            "missing",
            6,
            "2017-03-22",
            "",
            None,
            [6, 7],
        ),  # oversight only before the next key event (SUP-KEY-DECISION until_next)
        # ICPC Wednesday 5 April, 15 WD after the discussion exactly: in time; core group
        # due Friday 21 April (Good Friday, Easter Monday out), held Thursday 20th
        ("SUP-KEY-DECISION", "late", 8, "2017-04-12", "2017-04-28", 10, [8, 11]),
    ]


def test_a_plan_for_neglect_with_missed_visits_2020(tmp_path):
    chron = _read(tmp_path, "child-c-2020", NEGLECT_2020)
    assert rulebook_in_force(chron) == "wt2018"
    assert _table(chron, "wt2018") == [
        ("SUP-KEY-DECISION", "late", 2, "2020-01-21", "2020-02-10", 14, [2, 5]),
        # seen Monday 3 February; the visit of 2 March reached no one: 20 WD is 2 March, the
        # virtual visit of 23 April the next at which the child was seen
        ("VIS-CP", "gap", 4, "2020-03-02", "2020-04-23", 56, [4, 9]),
        ("SUP-CADENCE", "gap", 5, "2020-03-09", "2020-06-22", 133, [5, 12]),
        # from Thursday 23 April, Friday 8 May (VE Day) out: due Friday 22 May; seen the 27th
        ("VIS-CP", "gap", 9, "2020-05-22", "2020-05-27", 22, [9, 10]),
        ("VIS-CP", "gap", 10, "2020-06-24", "2020-09-01", 68, [10, 13]),
        ("SUP-CADENCE", "gap", 12, "2020-07-20", "", 107, [12]),
        ("VIS-CP", "gap", 13, "2020-09-29", "", 26, [13]),
    ]


def test_the_missed_core_groups_under_a_local_cadence_2020(tmp_path):
    chron = _read(tmp_path, "child-c-2020", NEGLECT_2020)
    found = _only(_table(chron, _proposed(tmp_path)), "CONF-CORE-CADENCE", "CONF-CORE-GROUP")
    assert found == [
        # the first core group within 10 WD (due Tuesday 28 January); the next, cancelled on
        # 9 March, not held until 15 June; none after it to the October review
        ("CONF-CORE-CADENCE", "gap", 3, "2020-03-09", "2020-06-15", 140, [3, 11]),
        ("CONF-CORE-CADENCE", "gap", 11, "2020-07-27", "", 114, [11]),
    ]


def test_a_teenager_at_risk_of_exploitation_2021(tmp_path):
    chron = _read(tmp_path, "child-d-2021", EXPLOITATION_2021)
    assert rulebook_in_force(chron) == "wt2018"
    assert _table(chron, "wt2018") == [
        # the police's 'located ... returned home' (row 3) is a return from a missing episode,
        # not a looked-after child's return home: no SUP-KEY-DECISION. Children's social care
        # decided on the PPN the day it came (row 4: a return interview to be offered): no
        # ESC-REF-DECISION
        ("SUP-CADENCE", "gap", 4, "2021-11-03", "2021-11-25", 50, [4, 12]),
        # the strategy discussion of Thursday 21 October (s47 agreed): 15 WD is 11 November;
        # no conference and no decision against one before the chronology ends
        ("CONF-ICPC", "missing", 7, "2021-11-11", "", None, [7]),
    ]
    found = _only(_table(chron, _proposed(tmp_path)), "MISSING-RHI")
    assert found == [
        # back Tuesday 5 October: interview due Friday 8th (72 hours), held Tuesday 12th
        ("MISSING-RHI", "late", 3, "2021-10-08", "2021-10-12", 2, [3, 5]),
        # back Thursday 4 November: none
        ("MISSING-RHI", "missing", 10, "2021-11-07", "", None, [10]),
    ]


def test_early_help_stepped_up_and_down_2022(tmp_path):
    chron = _read(tmp_path, "child-e-2022", EARLY_HELP_2022)
    assert rulebook_in_force(chron) == "wt2018"
    assert _table(chron, "wt2018") == [
        # Early Help's referral to the MASH of Tuesday 19 April (row 4; the MASH's contact of
        # the 20th joins it): 45 WD with 2 May and the Jubilee's 2 and 3 June out is Friday
        # 24 June; completed Tuesday 28th
        ("ASM-SINGLE", "late", 4, "2022-06-24", "2022-06-28", 2, [4, 5, 9]),
        # supervised 5 July, next none: due 2 August; the case closed at the step-down to
        # Early Help on 26 September (no gap after it)
        ("SUP-CADENCE", "gap", 10, "2022-08-02", "", 83, [10]),
    ]


def test_domestic_abuse_with_marac_and_ppns_2019(tmp_path):
    chron = _read(tmp_path, "child-f-2019", DOMESTIC_2019)
    assert rulebook_in_force(chron) == "wt2018"
    assert _table(chron, "wt2018") == [
        # Saturday 6 July's incident notified on Monday 8th: in time (1 WD from a Saturday).
        # 45 WD from the PPN of Monday 8 July, 26 August out: Tuesday 10 September
        ("ASM-SINGLE", "late", 4, "2019-09-10", "2019-09-20", 8, [4, 5, 9]),
        ("SUP-CADENCE", "gap", 7, "2019-08-21", "", 58, [7]),
        # Monday 2 September's incident: no PPN by Tuesday 3rd
        ("ESC-DOMESTIC", "missing", 8, "2019-09-03", "", None, [8]),
    ]


def test_a_serious_incident_and_its_rapid_review_2024(tmp_path):
    chron = _read(tmp_path, "child-g-2024", SERIOUS_HARM_2024)
    assert rulebook_in_force(chron) == "wt2023"
    table = _table(chron, "wt2023")
    assert table == [
        # Monday 12 February: medical by Tuesday 13th, survey by Thursday 15th, ICPC within
        # 15 WD (Monday 4 March); the strategy discussion named the doctor and the police
        ("INJ-MEDICAL", "missing", 3, "2024-02-13", "", None, [3]),
        ("INJ-SKELETAL", "missing", 3, "2024-02-15", "", None, [3]),
        ("CONF-ICPC", "missing", 4, "2024-03-04", "", None, [4]),
    ]
    found = _only(_table(chron, _proposed(tmp_path)), "SI-NOTIFY", "SI-RAPID-REVIEW")
    assert found == [
        # the Panel notified 5 WD on (Monday 19 February), done Wednesday 21st; the rapid
        # review 15 WD on (Monday 4 March), held Thursday 7th
        ("SI-NOTIFY", "late", 3, "2024-02-19", "2024-02-21", 2, [3, 6]),
        ("SI-RAPID-REVIEW", "late", 3, "2024-03-04", "2024-03-07", 3, [3, 7]),
    ]


def test_a_death_is_judged_for_its_notification_only_past_the_chronologys_end(tmp_path):
    chron = _read(tmp_path, "child-h-2019", DEATH_2019)
    assert rulebook_in_force(chron) == "wt2018"
    # the chronology ends at the death: nothing after it is judged
    assert _table(chron, _proposed(tmp_path)) == []
    table = _table(chron, _proposed(tmp_path), end_date="2019-10-31")
    # Monday 2 September: the Panel notified by Monday 9th, done Thursday 12th; the rapid
    # review by Monday 23rd, held Friday 20th. The strategy discussion of the 3rd named
    # Dr H2 (health), police and children's social care: no SD-PARTIES
    assert _only(table, "SI-NOTIFY", "SI-RAPID-REVIEW", "SD-PARTIES") == [
        ("SI-NOTIFY", "late", 4, "2019-09-09", "2019-09-12", 3, [4, 7]),
    ]


# --- the pieces, one at a time ------------------------------------------------------------------
_ALL = ["wt2006", "wt2010", "wt2013", "wt2015", "wt2018", "wt2023"]


def _events(rows: list[tuple[str, str, str]]) -> Chronology:
    """Events of (date, agency, text), classified as the readers would."""
    events = make_events(
        start=[r[0] for r in rows], agency=[r[1] for r in rows], details=[r[2] for r in rows]
    )
    events, _ = classify_events(events)
    return Chronology(events)


def _found(chron: Chronology, rulebook: str | Path, rule: str) -> list[tuple[str, str]]:
    frame = scr.analyse(chron, rulebook=rulebook, rules=[rule]).to_frame()
    return [(str(s), str(d.date())) for s, d in zip(frame["status"], frame["due"], strict=True)]


@pytest.mark.parametrize("rulebook", _ALL)
@pytest.mark.parametrize(
    "back",
    [
        "Child A located by police at an address in another town; returned home.",
        "Child A returned home after being reported missing overnight.",
        "Child A found safe and well by police and returned home to Mother.",
    ],
)
def test_a_return_from_a_missing_episode_is_no_key_decision(rulebook, back):
    # a looked-after child's return home wants management oversight; a child back from a
    # missing episode does not (wants a return interview)
    chron = _events([
        ("2016-10-04", "police", "Child A reported missing by Mother."),
        ("2016-10-05", "police", back + " PPN submitted to MASH."),
        ("2016-12-01", "csc", "Case file audit."),
    ])  # fmt: skip
    assert chron.events["event_type"].iloc[1] == "return_home"
    assert _found(chron, rulebook, "SUP-KEY-DECISION") == []


@pytest.mark.parametrize("rulebook", _ALL)
def test_a_child_brought_back_to_placement_from_a_missing_episode_is_no_new_placement(rulebook):
    chron = _events([
        ("2016-10-04", "csc", "Child A absconded from placement; returned to placement next day "
                              "by police."),
        ("2016-12-01", "csc", "Case file audit."),
    ])  # fmt: skip
    assert chron.events["event_type"].iloc[0] == "placement"
    assert _found(chron, rulebook, "SUP-KEY-DECISION") == []
    # a new placement after missing episodes is a key decision still
    chron = _events([
        ("2016-10-04", "csc", "Child A placed in a new residential placement after repeated "
                              "missing episodes."),
        ("2016-12-01", "csc", "Case file audit."),
    ])  # fmt: skip
    assert _found(chron, rulebook, "SUP-KEY-DECISION") == [("missing", "2016-10-11")]


@pytest.mark.parametrize("rulebook", _ALL)
def test_a_childs_return_home_from_care_is_still_a_key_decision(rulebook):
    chron = _events([
        ("2016-10-05", "csc", "Child A returned home to Mother's care from foster placement."),
        ("2016-12-01", "csc", "Case file audit."),
    ])  # fmt: skip
    assert _found(chron, rulebook, "SUP-KEY-DECISION") == [("missing", "2016-10-12")]


@pytest.mark.parametrize("rulebook", _ALL)
@pytest.mark.parametrize(
    "decision",
    [
        "PPN received from police re missing episode. Return home interview to be offered.",
        "Police notification of missing episode received. RHI requested from the Missing Service.",
    ],
)
def test_a_return_interview_decided_is_the_decision_on_the_notice(rulebook, decision):
    # the police's notice of a missing episode on Wednesday 5 October 2016, decided the day
    # it came: a return interview is children's social care's response to it
    chron = _events([("2016-10-05", "csc", decision), ("2016-12-01", "csc", "Case file audit.")])
    assert chron.events["event_type"].iloc[0] == "referral"
    assert _found(chron, rulebook, "ESC-REF-DECISION") == []


@pytest.mark.parametrize(
    ("interview", "found"),
    [
        ("Return home interview completed by the Missing Service.", []),
        ("RHI offered by phone - Child A declined.", []),
        ("Independent return interview with Child A at school.", []),
        ("Return home interview to be offered.", [("missing", "2016-10-08")]),
        ("Referral to the Missing Service for an RHI.", [("missing", "2016-10-08")]),
        ("No RHI: Child A not available.", [("missing", "2016-10-08")]),
    ],
)
def test_a_return_interview_held_or_offered_answers_the_return(tmp_path, interview, found):
    chron = _events([
        ("2016-10-04", "police", "Child A reported missing by Mother."),
        ("2016-10-05", "police", "Child A found by police at a friend's address; returned home."),
        ("2016-10-07", "csc", interview),
        ("2016-12-01", "csc", "Case file audit."),
    ])  # fmt: skip
    assert _found(chron, _proposed(tmp_path), "MISSING-RHI") == found


def test_one_return_told_by_two_agencies_wants_one_interview(tmp_path):
    chron = _events([
        ("2016-10-04", "police", "Child A reported missing by Mother."),
        ("2016-10-05", "police", "Child A located by police; returned home."),
        ("2016-10-06", "csc", "Notified that Child A returned home after missing episode."),
        ("2016-12-01", "csc", "Case file audit."),
    ])  # fmt: skip
    assert _found(chron, _proposed(tmp_path), "MISSING-RHI") == [("missing", "2016-10-08")]


def test_a_return_before_the_2014_guidance_is_not_judged(tmp_path):
    chron = _events([
        ("2013-10-04", "police", "Child A reported missing by Mother."),
        ("2013-10-05", "police", "Child A located by police; returned home."),
        ("2013-12-01", "csc", "Case file audit."),
    ])  # fmt: skip
    assert _found(chron, _proposed(tmp_path), "MISSING-RHI") == []


@pytest.mark.parametrize(
    ("notice", "found"),
    [
        ("Serious incident notification submitted to Ofsted.", []),
        ("National Panel notified of the incident.", []),
        ("SIN to be completed by HoS.", [("missing", "2019-09-16")]),
        ("Considered whether to notify the panel.", [("missing", "2019-09-16")]),
    ],
)
def test_a_notification_made_answers_the_serious_incident(tmp_path, notice, found):
    # Monday 9 September 2019: 5 WD is Monday 16th
    chron = _events([
        ("2019-03-01", "midwifery", "Child A born."),
        ("2019-09-09", "hospital", "Child A admitted to PICU with a subdural haemorrhage. "
                                   "Injuries unexplained."),
        ("2019-09-10", "csc", notice),
        ("2019-12-01", "csc", "Case file audit."),
    ])  # fmt: skip
    assert _found(chron, _proposed(tmp_path), "SI-NOTIFY") == found


def test_a_minor_injury_is_no_serious_incident(tmp_path):
    chron = _events([
        ("2019-03-01", "midwifery", "Child A born."),
        ("2019-09-09", "gp", "Small bruise to Child A's cheek; no explanation. Not seriously injured."),
        ("2019-12-01", "csc", "Case file audit."),
    ])  # fmt: skip
    assert _found(chron, _proposed(tmp_path), "SI-NOTIFY") == []


@pytest.mark.parametrize(("rulebook", "rule"), [("wt2013", "SD-HEALTH"), ("wt2015", "SD-HEALTH"),
                                                ("wt2018", "SD-PARTIES"), ("wt2023", "SD-PARTIES")])  # fmt: skip
@pytest.mark.parametrize(
    ("discussion", "missing"),
    [
        ("Strategy discussion held with DS1 (police) and Dr H2.", False),
        ("Strategy discussion held with police and the treating consultant.", False),
        ("Strategy discussion held with police; Dr X unavailable.", True),
        ("Strategy discussion held with police; Dr X did not attend.", True),
        # health in the MASH, and a health practitioner by another name
        ("Strategy discussion held with police and MASH health.", False),
        ("Strategy discussion held: TM1, DC2 (CAIT), MASH health practitioner.", False),
        ("Strategy discussion held with police and the health navigator.", False),
        ("Strategy discussion held with police; MASH health not available.", True),
    ],
)
def test_a_doctor_or_mash_health_is_health_at_the_strategy_discussion(
    rulebook, rule, discussion, missing
):
    year = {"wt2013": "2014", "wt2015": "2016", "wt2018": "2019", "wt2023": "2024"}[rulebook]
    chron = _events([(f"{year}-06-10", "csc", discussion), (f"{year}-08-01", "csc", "Audit.")])
    assert bool(_found(chron, rulebook, rule)) is missing


@pytest.mark.parametrize("rulebook", _ALL)
@pytest.mark.parametrize(
    ("closure", "found"),
    [
        # Monday 26 September 2022: oversight due Monday 3 October
        (
            "CIN review. Mother engaging. Case stepped down to Early Help.",
            [("missing", "2022-10-03")],
        ),
        ("Single assessment completed. NFA - case closed.", [("missing", "2022-10-03")]),
        ("Home visit. Child E seen. Case closed to CSC.", [("missing", "2022-10-03")]),
        # a plan, or a closure of the past, not a closure
        ("CIN review. Case to be closed at the next review.", []),
        ("Single assessment completed; CIN plan. Previous involvement closed in 2017.", []),
        # a contact closed at the front door is the decision on the referral, not a key event
        ("Contact received from school. NFA - case closed.", []),
        # the manager's decision recorded with it
        ("CIN review. Management decision: case stepped down to Early Help.", []),
    ],
)
def test_a_case_closure_written_in_another_record_wants_its_oversight(rulebook, closure, found):
    chron = _events([("2022-09-26", "csc", closure), ("2022-11-30", "csc", "Case file audit.")])
    assert _found(chron, rulebook, "SUP-KEY-DECISION") == found


@pytest.mark.parametrize("rulebook", _ALL)
@pytest.mark.parametrize(
    ("referral", "found"),
    [
        # children's social care sending the child or a parent on to another service
        ("SW1 made a referral to CAMHS for Child D.", []),
        ("Referral made to the NRM re criminal exploitation.", []),
        ("SW1 referred Mother to the drug and alcohol service.", []),
        ("Referral to MARAC completed by SW1.", []),
        # ... named before the word ('MARAC referral made': no 'to' for the text above)
        ("MARAC referral made by SW1.", []),
        ("NRM referral submitted.", []),
        ("CAMHS referral completed and sent.", []),
        # a referral that came in, however worded: its decision due Tuesday 4 June 2019
        ("Referral received from school.", [("missing", "2019-06-04")]),
        ("Re-referral to MASH from HV.", [("missing", "2019-06-04")]),
        ("Referral from police to MASH re DA.", [("missing", "2019-06-04")]),
        ("Contact from police - referral passed to the duty team.", [("missing", "2019-06-04")]),
        ("Referral to Children's Social Care by the DSL.", [("missing", "2019-06-04")]),
        ("Referral to the Children and Families team.", [("missing", "2019-06-04")]),
        ("Referral made to the integrated front door.", [("missing", "2019-06-04")]),
    ],
)
def test_csc_referring_on_to_another_service_is_no_referral_to_csc(rulebook, referral, found):
    chron = _events([("2019-06-03", "csc", referral), ("2019-10-01", "csc", "Case file audit.")])
    assert chron.events["event_type"].iloc[0] == "referral"
    assert _found(chron, rulebook, "ESC-REF-DECISION") == found


@pytest.mark.parametrize("rulebook", _ALL)
@pytest.mark.parametrize(
    ("outcome", "found"),
    [
        # the s47 enquiry concluded with the child in need: no conference is needed
        ("S47 completed - outcome Child in Need plan.", []),
        ("Outcome of s47: CIN.", []),
        (
            "S47 concluded: concerns substantiated but Child A not judged to be at continuing "
            "risk of significant harm; CIN plan.",
            [],
        ),
        ("Section 47 enquiry completed. Continue as child in need.", []),
        # still running, or going to conference: the conference is due Monday 24 June 2019
        ("S47 ongoing; CIN visits continue.", [("missing", "2019-06-24")]),
        (
            "S47 enquiry not yet completed; Child A remains child in need.",
            [("missing", "2019-06-24")],
        ),
        ("Outcome of section 47 enquiries: progress to ICPC.", [("missing", "2019-06-24")]),
        ("S47 completed - ICPC to be convened; CIN plan meanwhile.", [("missing", "2019-06-24")]),
    ],
)
def test_a_s47_concluded_with_the_child_in_need_wants_no_conference(rulebook, outcome, found):
    # strategy discussion Monday 3 June 2019: 15 WD is Monday 24 June
    chron = _events([
        ("2019-06-03", "csc", "Strategy discussion held with police and health. S47 agreed."),
        ("2019-06-14", "csc", outcome),
        ("2019-10-01", "csc", "Case file audit."),
    ])  # fmt: skip
    assert _found(chron, rulebook, "CONF-ICPC") == found


@pytest.mark.parametrize("rulebook", _ALL)
@pytest.mark.parametrize(
    ("review", "ends"),
    [
        # the plan ends, whatever is planned after it
        ("RCPC - CP plan ended; case to be managed under CIN.", True),
        ("RCPC. CPP ceased.", True),
        ("RCPC: CP plan closed.", True),
        ("Review conference: plan ended.", True),
        # an ending only planned
        ("RCPC - plan to end at next review.", False),
        ("RCPC: recommend that the plan ends at the next review.", False),
        ("RCPC: child protection plan to continue.", False),
    ],
)
def test_a_plan_ends_where_the_review_says_so_whatever_follows(rulebook, review, ends):
    # on a plan from Monday 8 January 2024, seen on the 22nd and never again: VIS-CP's gap
    # runs to the review of 2 April when the plan ended there, else to the chronology's end
    chron = _events([
        ("2024-01-08", "csc", "Initial child protection conference. Child C made subject to a "
                              "child protection plan - neglect."),
        ("2024-01-15", "csc", "Core group meeting."),
        ("2024-01-22", "csc", "Home visit. Child C seen."),
        ("2024-04-02", "csc", review),
        ("2024-06-28", "csc", "Case file audit."),
    ])  # fmt: skip
    frame = scr.analyse(chron, rulebook=rulebook, rules=["VIS-CP", "CONF-REVIEW"]).to_frame()
    assert ("ended on 2 April 2024" in frame["summary"].iloc[0]) is ends
    # a plan still running wants its second review by 2 October (6 months): the chronology
    # ends first, so CONF-REVIEW has nothing to say either way
    assert set(frame["rule_id"]) == {"VIS-CP"}


def _texts(spec: object) -> list[str]:
    if isinstance(spec, dict):
        own = [v for k, v in spec.items() if k in ("text", "not_text") and isinstance(v, str)]
        return own + [
            t for k, v in spec.items() if k not in ("text", "not_text") for t in _texts(v)
        ]
    if isinstance(spec, list):
        return [t for v in spec for t in _texts(v)]
    return []


@pytest.mark.parametrize(
    ("name", "predicates"),
    [
        ("wt2006", ["missing_said", "back_from_missing", "key_event_known_to_csc",
                    "referral_to_csc", "no_conference_decision", "csc_referral_action",
                    "cp_plan_ends"]),
        ("wt2013", ["missing_return_said", "return_interview"]),
        ("wt2018", ["serious_incident_said", "serious_incident_notified",
                    "rapid_review_done"]),
    ],
)  # fmt: skip
def test_the_reviewed_wording_runs_under_arrows_re2(name, predicates):
    # Arrow's RE2 searches a text pattern over many rows only when it reads it as Python's re
    # does: no lookarounds, backreferences or possessive repeats in these
    path = files("scr_timeline.rules") / "rulebooks" / f"{name}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for predicate in predicates:
        texts = _texts(data["predicates"][predicate])
        assert texts, predicate
        for text in texts:
            assert _re2_pattern(re.compile(text, re.IGNORECASE)) is not None, (predicate, text)
