"""The later editions' rulebooks on cases of their own time, finding by finding.

Fictional chronologies dated 2014 (judged under ``wt2013``), 2019 (``wt2018``) and 2024
(``wt2023``), read from CSV as a reviewer would receive them, with actions done in time, late
and never, around Easter, the May bank holidays and weekends. Every deadline below is worked
out by hand from the England and Wales bank holidays of the year (listed with each case),
never by the code under test.
"""

from __future__ import annotations

import itertools
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline.chronology import Chronology
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.rules import rulebook_in_force
from scr_timeline.testing import make_events

_HEADER = "Date,Agency,Practitioner,Details,Outcome\n"

# Bank holidays 2014: Good Friday 18 April, Easter Monday 21 April, 5 May, 26 May, 25 August.
CASE_2014 = """\
10/06/2013,Midwifery,MW1,Child A born at Riverside Hospital. DOB 10/06/2013.,Discharged home with Mother
14/04/2014,Health Visiting,HV1,Home visit. Poor home conditions; Child A in dirty nappy. HV1 made referral to CSC.,Referral sent to CSC
15/04/2014,Children's Social Care,SW1,Referral received from HV re home conditions.,TM1 decision: single assessment to be completed by SW1
17/04/2014,Children's Social Care,SW1,Home visit. Child A seen with Mother.,Single assessment started
02/05/2014,GP,Dr X,Child A brought by Mother. Bruising to left cheek; no explanation given.,Dr X phoned CSC and made referral
06/05/2014,Children's Social Care,SW1,Strategy discussion held with DS1 (police) and Dr X (GP).,Section 47 enquiry agreed; CP medical to be arranged
07/05/2014,Paediatrics,Dr Y,Child protection medical. Bruising to cheek consistent with a slap.,Findings shared with CSC and police
30/05/2014,Children's Social Care,IRO1,Initial child protection conference.,Child A made subject to a child protection plan under the category of physical abuse
12/06/2014,Children's Social Care,SW1,Core group meeting.,Plan reviewed
16/06/2014,Children's Social Care,SW1,Home visit. Child A seen.,
24/06/2014,Children's Social Care,SW1,Single assessment completed and authorised by TM1.,Outcome: continue CP plan
14/07/2014,Children's Social Care,SW1,Home visit. Child A seen.,
18/07/2014,Children's Social Care,TM1,Supervision - case discussed.,
22/08/2014,Children's Social Care,SW1,Strategy discussion between SW1 and DS1 (police) re new bruise reported by nursery.,Agreed single agency response
01/09/2014,Children's Social Care,IRO1,Review child protection conference.,Plan continues
10/10/2014,Children's Social Care,SW1,Home visit. Child A seen.,
"""

# Bank holidays 2019: Good Friday 19 April, Easter Monday 22 April, 6 May, 27 May, 26 August.
CASE_2019 = """\
01/02/2019,Midwifery,MW1,Child A born. DOB 01/02/2019.,Discharged home with Mother
18/04/2019,Police,PC1,Domestic incident at home address: Mother assaulted by partner; Child A present.,Partner arrested
24/04/2019,Police,PC1,PPN submitted to CSC re domestic incident of 18/04.,
24/04/2019,Children's Social Care,MASH SW,PPN received from police re DA incident.,Passed to duty team
25/04/2019,Children's Social Care,SW1,Single assessment commenced. Allocated to SW1.,
03/05/2019,Health Visiting,HV1,Home visit. Bruise on Child A's forehead; Mother unable to explain it.,HV1 phoned MASH and made referral
07/05/2019,Children's Social Care,TM1,Strategy discussion held between TM1 and DS1 (police).,Section 47 enquiry agreed
08/05/2019,Paediatrics,Dr Y,Child protection medical completed.,Bruise likely inflicted
09/05/2019,Hospital,Radiology,Skeletal survey completed - no fractures.,
29/05/2019,Children's Social Care,IRO1,Initial child protection conference.,Child A made subject to a child protection plan under the category of physical abuse
14/06/2019,Children's Social Care,SW1,Core group meeting.,
17/06/2019,Children's Social Care,SW1,Home visit. Child A seen.,
02/07/2019,Children's Social Care,SW1,Single assessment completed and authorised by TM1.,
05/07/2019,Children's Social Care,TM1,Supervision with SW1.,
15/07/2019,Children's Social Care,SW1,Home visit. Child A seen.,
15/08/2019,Hospital,Dr Z,Child A brought to A&E unresponsive; pronounced dead.,
"""

# Bank holidays 2024: Good Friday 29 March, Easter Monday 1 April, 6 May, 27 May, 26 August.
CASE_2024 = """\
05/09/2023,Health Visiting,HV1,New birth visit. Child A born 30/08/2023.,
28/03/2024,Education,DSL,Referral to MASH: Child A's sibling disclosed being hit by Mother's partner.,
28/03/2024,Children's Social Care,MASH SW,Referral received from school.,
02/04/2024,Children's Social Care,TM1,MASH decision: child and family assessment; allocated to SW1.,
24/05/2024,Children's Social Care,SW1,Strategy meeting held with police and health.,S47 enquiries agreed
18/06/2024,Children's Social Care,IRO1,Initial child protection conference.,Child A made subject to a child protection plan; lead child protection practitioner SW1
27/06/2024,Children's Social Care,SW1,Core group meeting.,
01/07/2024,Children's Social Care,SW1,Home visit. Child A seen.,
05/07/2024,Children's Social Care,TM1,Supervision.,
29/07/2024,Children's Social Care,SW1,Home visit. Child A seen.,
20/08/2024,Children's Social Care,SW1,Home visit. Child A seen.,
02/09/2024,Children's Social Care,TM1,Supervision.,
"""


def _read(tmp_path: Path, name: str, rows: str) -> scr.Chronology:
    path = tmp_path / f"{name}.csv"
    path.write_text(_HEADER + textwrap.dedent(rows), encoding="utf-8")
    return scr.read(path)


def _row_of(chron: scr.Chronology) -> dict[str, int]:
    return {str(k): int(v) for k, v in chron.events["source_row"].items()}


def _table(
    chron: scr.Chronology, rulebook: str
) -> list[tuple[str, str, int, str, str, int | None, list[int]]]:
    """(rule, status, trigger row, due, observed date, delay, evidence rows) per finding,
    rows as a person sees them in the CSV (the header is row 1)."""
    frame = scr.analyse(chron, rulebook=rulebook).to_frame()
    row = _row_of(chron)
    out = []
    for f in frame.itertuples():
        observed = "" if pd.isna(f.observed_start) else str(f.observed_start.date())
        delay = None if pd.isna(f.delay_working_days) else int(f.delay_working_days)
        evidence = [row[e] for e in str(f.evidence).split("; ")]
        assert int(f.source_row) == row[f.trigger_event_id]
        out.append(
            (
                f.rule_id,
                str(f.status),
                int(f.source_row),
                str(f.due.date()),
                observed,
                delay,
                evidence,
            )
        )
    return sorted(out, key=lambda t: (t[2], t[0], t[3]))


def _summaries(chron: scr.Chronology, rulebook: str) -> dict[tuple[str, int], str]:
    frame = scr.analyse(chron, rulebook=rulebook).to_frame()
    return {
        (str(r), int(s)): str(t)
        for r, s, t in zip(frame["rule_id"], frame["source_row"], frame["summary"], strict=True)
    }


def test_a_2014_case_under_wt2013(tmp_path):
    chron = _read(tmp_path, "child-a-2014", CASE_2014)
    assert _table(chron, "wt2013") == [
        # the HV's referral of Monday 14 April (row 3, "HV1 made referral to CSC"), received
        # on Tuesday 15th (row 4) with the manager's decision (a single assessment), within a
        # working day: no ESC-REF-DECISION. 45 WD, Good Friday, Easter Monday and both May
        # bank holidays out: due Friday 20 June; completed on Tuesday 24th
        ("ASM-SINGLE", "late", 3, "2014-06-20", "2014-06-24", 2, [3, 4, 12]),
        ("SUP-CADENCE", "gap", 3, "2014-05-12", "2014-07-18", 95, [3, 14]),
        # the GP's bruise of Friday 2 May (row 6), referred in the same entry: strategy
        # discussion due Tuesday 6 May (Monday the 5th a bank holiday), held then, with the
        # police; the medical on the 7th is a working day late; no skeletal survey by Monday
        # 5 May (3 calendar days)
        ("INJ-MEDICAL", "late", 6, "2014-05-06", "2014-05-07", 1, [6, 8]),
        ("INJ-SKELETAL", "missing", 6, "2014-05-05", "", None, [6]),
        # the first oversight: TM1 authorising the single assessment on Tuesday 24 June (a
        # manager agreeing what the entry records), 30 WD after Monday 12 May (26 May out)
        (
            "SUP-KEY-DECISION",
            "missing",
            6,
            "2014-05-12",
            "",
            None,
            [6, 7, 8],
        ),  # oversight only before the next key event (SUP-KEY-DECISION until_next)
        # 15 WD from Tuesday 6 May, 26 May out: Wednesday 28 May; the ICPC sat on Friday 30th
        ("CONF-ICPC", "late", 7, "2014-05-28", "2014-05-30", 2, [7, 9]),
        ("CONF-REVIEW", "gap", 9, "2014-08-30", "2014-09-01", 94, [9, 16]),
        ("SUP-KEY-DECISION", "late", 9, "2014-06-06", "2014-06-24", 12, [9, 12]),
        # seen 14 July, next 10 October: 63 WD (25 August out), 20 allowed: 11 August
        ("VIS-CP", "gap", 13, "2014-08-11", "2014-10-10", 63, [13, 17]),
        ("SUP-CADENCE", "gap", 14, "2014-08-15", "", 84, [14]),
        # the strategy discussion of Friday 22 August (row 15), about a new bruise while
        # Child A was on a plan: no ICPC is due (the plan's review conference follows); the
        # medical due Tuesday 26 August (25th a bank holiday), the survey by Monday 25th
        ("INJ-MEDICAL", "missing", 15, "2014-08-26", "", None, [15]),
        ("INJ-SKELETAL", "missing", 15, "2014-08-25", "", None, [15]),
        ("SD-HEALTH", "missing", 15, "2014-08-22", "", None, [15]),
        ("SUP-KEY-DECISION", "missing", 15, "2014-09-01", "", None, [15]),
    ]


def test_a_2019_case_under_wt2018(tmp_path):
    chron = _read(tmp_path, "child-a-2019", CASE_2019)
    assert _table(chron, "wt2018") == [
        # Thursday 18 April: notification due Tuesday 23rd (Good Friday, Easter Monday out)
        ("ESC-DOMESTIC", "late", 3, "2019-04-23", "2019-04-24", 1, [3, 4]),
        # the PPN of Wednesday 24 April (row 4): the single assessment commenced the next day
        # is the decision on it, in time; but commencing is not completing. 45 WD (Easter
        # Monday, 6 and 27 May out): Friday 28 June; completed Tuesday 2 July
        ("ASM-SINGLE", "late", 4, "2019-06-28", "2019-07-02", 2, [4, 5, 14]),
        ("SUP-CADENCE", "gap", 4, "2019-05-22", "2019-07-05", 72, [4, 15]),
        # the HV's bruise of Friday 3 May (row 7): due Tuesday 7 May (6 May a bank holiday);
        # the skeletal survey by Monday 6 May (3 calendar days), done Thursday 9th
        ("INJ-MEDICAL", "late", 7, "2019-05-07", "2019-05-08", 1, [7, 9]),
        ("INJ-SKELETAL", "late", 7, "2019-05-06", "2019-05-09", 3, [7, 10]),
        # TM1 authorising the single assessment on Tuesday 2 July is the first oversight:
        # 35 WD after Monday 13 May (27 May out)
        (
            "SUP-KEY-DECISION",
            "missing",
            7,
            "2019-05-13",
            "",
            None,
            [7, 8],
        ),  # oversight only before the next key event (SUP-KEY-DECISION until_next)
        ("SD-PARTIES", "missing", 8, "2019-05-07", "", None, [8]),
        # ICPC Wednesday 29 May, in time (15 WD from 7 May, 27 May out); core group due
        # Wednesday 12 June, held Friday 14th
        ("CONF-CORE-GROUP", "late", 11, "2019-06-12", "2019-06-14", 2, [11, 12]),
        ("SUP-KEY-DECISION", "late", 11, "2019-06-05", "2019-07-02", 19, [11, 14]),
        # the chronology ends at the death of 15 August (row 17)
        ("SUP-CADENCE", "gap", 15, "2019-08-02", "", 41, [15]),
        ("VIS-CP", "gap", 16, "2019-08-12", "", 23, [16]),
    ]


def test_a_2024_case_under_wt2023(tmp_path):
    chron = _read(tmp_path, "child-a-2024", CASE_2024)
    assert _table(chron, "wt2023") == [
        # the school's referral of Thursday 28 March (row 3): decision due Tuesday 2 April
        # (Good Friday, Easter Monday out), made then (a child and family assessment);
        # the assessment, due Wednesday 5 June (45 WD; 6 and 27 May out), never completed
        ("ASM-SINGLE", "missing", 3, "2024-06-05", "", None, [3, 4]),
        ("SUP-CADENCE", "gap", 3, "2024-04-25", "2024-07-05", 99, [3, 10]),
        # the strategy meeting of Friday 24 May, with police and health: ICPC due Monday
        # 17 June (27 May out), held Tuesday 18th
        ("CONF-ICPC", "late", 6, "2024-06-17", "2024-06-18", 1, [6, 7]),
        (
            "SUP-KEY-DECISION",
            "missing",
            6,
            "2024-06-03",
            "",
            None,
            [6],
        ),  # oversight only before the next key event (SUP-KEY-DECISION until_next)
        ("SUP-KEY-DECISION", "late", 7, "2024-06-25", "2024-07-05", 8, [7, 10]),
        ("SUP-CADENCE", "gap", 10, "2024-08-02", "2024-09-02", 59, [10, 13]),
    ]


def test_the_assessment_sentences_name_what_was_missing(tmp_path):
    # (each finding's other trigger is the same referral as the receiving agency recorded it
    # that day: one event, so no "and 1 more such event")
    found = _summaries(_read(tmp_path, "child-a-2019", CASE_2019), "wt2018")
    assert found[("ASM-SINGLE", 4)] == (
        "Referral to children's social care recorded by Police on 24 April 2019: no completed "
        "single assessment or NFA decision by 28 June 2019; the first was on 2 July 2019, "
        "2 working days late (Working Together 2018, ch. 1)."
    )
    found = _summaries(_read(tmp_path, "child-a-2024", CASE_2024), "wt2023")
    assert found[("ASM-SINGLE", 3)] == (
        "Referral to children's social care recorded by Education on 28 March 2024: no "
        "completed single assessment or NFA decision by 5 June 2024; none recorded before the "
        "chronology ends (Working Together 2023, ch. 3)."
    )


# --- the pieces, one at a time ------------------------------------------------------------------
def _csc_rows(rows: list[tuple[str, str]], *, rulebook: str, rule: str) -> list[tuple[str, str]]:
    """(status, due) of ``rule``'s findings on children's social care rows (date, text)."""
    events = make_events(start=[d for d, _ in rows], agency="csc", details=[t for _, t in rows])
    events, _ = classify_events(events)
    frame = scr.analyse(Chronology(events), rulebook=rulebook, rules=[rule]).to_frame()
    return [(str(s), str(d.date())) for s, d in zip(frame["status"], frame["due"], strict=True)]


_LATER_EDITIONS = ["wt2013", "wt2015", "wt2018", "wt2023"]


@pytest.mark.parametrize("rulebook", _LATER_EDITIONS)
@pytest.mark.parametrize(
    "decision",
    [
        "MASH decision: child and family assessment; allocated to SW1.",
        "Single assessment commenced.",
        "Referral received from school. Single assessment to be completed.",
    ],
)
def test_a_single_assessment_begun_is_the_decision_on_the_referral(rulebook, decision):
    # Monday 9 June 2014 referral; the decision (or the record that notes it) on Tuesday 10th
    rows = [("09/06/2014", "Referral received from school."), ("10/06/2014", decision)]
    assert (
        _csc_rows(
            [*rows, ("01/09/2014", "Case file audit.")], rulebook=rulebook, rule="ESC-REF-DECISION"
        )
        == []
    )


@pytest.mark.parametrize("rulebook", _LATER_EDITIONS)
@pytest.mark.parametrize(
    "begun",
    [
        "Single assessment commenced.",
        "Child and family assessment started by SW1.",
        "Single assessment allocated to SW1.",
        "MASH decision: child and family assessment; allocated to SW1.",
        "Child and family assessment in progress.",
        "Single assessment ongoing; Mother not at home.",
    ],
)
def test_a_single_assessment_begun_does_not_complete_it(rulebook, begun):
    # referral Monday 9 June 2014: 45 WD (no bank holiday between) is Monday 11 August 2014
    rows = [("09/06/2014", "Referral received from school."), ("11/06/2014", begun)]
    done = ("12/08/2014", "Single assessment completed and authorised by TM1.")
    assert _csc_rows([*rows, done], rulebook=rulebook, rule="ASM-SINGLE") == [
        ("late", "2014-08-11")
    ]
    end = ("01/09/2014", "Case file audit.")
    assert _csc_rows([*rows, end], rulebook=rulebook, rule="ASM-SINGLE") == [
        ("missing", "2014-08-11")
    ]
    in_time = ("11/08/2014", "Child and family assessment completed. Outcome: CIN plan.")
    assert _csc_rows([*rows, in_time, end], rulebook=rulebook, rule="ASM-SINGLE") == []


@pytest.mark.parametrize(
    ("rule", "rulebook", "begun", "done", "due"),
    [
        # referral Friday 30 March 2007: 7 WD, Good Friday 6 and Easter Monday 9 April out
        (
            "ASM-INITIAL",
            "wt2006",
            "Initial assessment commenced.",
            "Initial assessment completed.",
            "2007-04-12",
        ),
        # 10 WD under wt2010: Tuesday 17 April
        (
            "ASM-INITIAL",
            "wt2010",
            "Initial assessment started.",
            "Initial assessment completed.",
            "2007-04-17",
        ),
    ],
)
def test_an_initial_assessment_begun_does_not_complete_it(rule, rulebook, begun, done, due):
    rows = [("30/03/2007", "Referral received from school."), ("02/04/2007", begun)]
    assert _csc_rows([*rows, ("01/05/2007", done)], rulebook=rulebook, rule=rule) == [("late", due)]


def test_a_core_assessment_begun_does_not_complete_it():
    # s47 enquiry Monday 2 April 2007: 35 WD, Easter (6, 9 April) and 7 May out: 24 May 2007
    rows = [("02/04/2007", "Section 47 enquiry."), ("03/04/2007", "Core assessment commenced.")]
    late = [*rows, ("25/05/2007", "Core assessment completed.")]
    assert _csc_rows(late, rulebook="wt2006", rule="ASM-CORE") == [("late", "2007-05-24")]


@pytest.mark.parametrize("rulebook", ["wt2006", "wt2010"])
@pytest.mark.parametrize(
    "discussion",
    [
        "Strategy discussion held between CSC (TM1) and Police CAIT (DC1). Agreed s47 joint "
        "investigation.",
        "Strategy discussion with police. S47 enquiries commenced.",
        "Strategy discussion held. Decision to initiate section 47 enquiries.",
        "Strategy discussion (TM2, SW2, DC1 Met Police CAIT). s47 enquiry.",
        "Strategy discussion held, joint investigation to commence.",
        "Strategy discussion held. Outcome: proceed to S47.",
        "Strategy discussion held. s47 to be undertaken by SW1.",
    ],
)
def test_a_strategy_discussion_that_begins_a_s47_starts_the_core_assessment(rulebook, discussion):
    # Monday 2 April 2007: 35 WD, Easter (6, 9 April) and 7 May out: 24 May 2007; the s47
    # home visit of 4 April is the same enquiry, not the start of another
    rows = [("02/04/2007", discussion), ("04/04/2007", "s47 home visit. Child A seen alone.")]
    assert _csc_rows(
        [*rows, ("01/08/2007", "Case file audit.")], rulebook=rulebook, rule="ASM-CORE"
    ) == [("missing", "2007-05-24")]


@pytest.mark.parametrize(
    "discussion",
    [
        "Strategy discussion held. No s47 - single agency assessment.",
        "Strategy discussion held. Threshold for s47 not met.",
        "Strategy discussion held. To consider whether s47 is needed.",
        "Strategy discussion held. S47 not agreed.",
    ],
)
def test_a_strategy_discussion_that_decides_against_a_s47_starts_no_core_assessment(discussion):
    rows = [("02/04/2007", discussion), ("01/08/2007", "Case file audit.")]
    assert _csc_rows(rows, rulebook="wt2006", rule="ASM-CORE") == []


@pytest.mark.parametrize("rulebook", ["wt2006", "wt2013", "wt2018", "wt2023"])
def test_a_strategy_discussion_on_a_plan_wants_no_initial_conference(rulebook):
    plan = [
        (
            "02/06/2014",
            "Initial child protection conference. Child A made subject to a child protection plan.",
        ),
        ("12/06/2014", "Core group meeting."),
        (
            "01/07/2014",
            "Strategy discussion held with police and health re new bruise. s47 agreed.",
        ),
        ("01/09/2014", "Review child protection conference. Plan continues."),
    ]
    assert _csc_rows(plan, rulebook=rulebook, rule="CONF-ICPC") == []
    # after the plan ended, a strategy discussion wants an ICPC again: 15 WD from Monday
    # 3 November 2014 is Monday 24 November
    ended = [
        *plan,
        ("20/10/2014", "Review child protection conference: child protection plan ended."),
        ("03/11/2014", "Strategy discussion held with police and health. s47 agreed."),
        ("20/12/2014", "Home visit. Child A seen."),
    ]
    assert _csc_rows(ended, rulebook=rulebook, rule="CONF-ICPC") == [("missing", "2014-11-24")]


@pytest.mark.parametrize("rulebook", ["wt2006", "wt2013", "wt2023"])
@pytest.mark.parametrize(
    "outcome",
    [
        "Strategy discussion held with police and health. Threshold for s47 not met.",
        "Strategy discussion held with police and health: agreed single agency response.",
        "Outcome of s47 enquiry: concerns not substantiated; no ICPC. Child in need plan.",
        "S47 enquiries completed - ICPC not required; stepped down to CIN.",
    ],
)
def test_a_decision_that_no_conference_is_needed_answers_conf_icpc(rulebook, outcome):
    rows = [
        ("03/11/2014", "Strategy discussion held with police and health. s47 agreed."),
        ("10/11/2014", outcome),
        ("20/12/2014", "Home visit. Child A seen."),
    ]
    assert _csc_rows(rows, rulebook=rulebook, rule="CONF-ICPC") == []


# --- the wrong edition ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "first", "last"),
    [
        ("wt2006", "2006-04-01", "2010-03-16"),
        ("wt2010", "2010-03-17", "2013-04-14"),
        ("wt2013", "2013-04-15", "2015-03-25"),
        ("wt2015", "2015-03-26", "2018-07-03"),
        ("wt2018", "2018-07-04", "2023-12-14"),
        ("wt2023", "2023-12-15", None),
    ],
)
def test_each_rulebook_says_when_its_guidance_was_in_force(name, first, last):
    book = scr.load_rulebook(name)
    assert str(book.in_force_from.date()) == first  # type: ignore[union-attr]
    assert (None if book.in_force_until is None else str(book.in_force_until.date())) == last


def test_each_edition_follows_the_last_without_a_gap():
    periods = [scr.load_rulebook(n) for n in scr.available_rulebooks()]
    for earlier, later in itertools.pairwise(periods):
        assert earlier.in_force_until + pd.Timedelta(days=1) == later.in_force_from  # type: ignore[operator]


def test_a_2019_case_judged_by_working_together_2006_says_so(tmp_path):
    chron = _read(tmp_path, "child-a-2019", CASE_2019)
    found = scr.analyse(chron, rulebook="wt2006")
    ((code, message),) = found.warnings.itertuples(index=False)
    assert code == "rulebook_period"
    assert message == (
        "The rulebook wt2006 (Working Together to Safeguard Children 2006 (chapter 5)) is for "
        f"events from 1 April 2006 to 16 March 2010, but all {len(found)} findings start from "
        "events dated outside it (18 April 2019 to 15 July 2019), when Working Together to "
        "Safeguard Children 2018 (wt2018) applied: analyse with rulebook='wt2018' to judge "
        "them against the guidance of their time."
    )
    assert "warnings=1" in repr(found)
    assert "class='scr-warning'" in found._repr_html_()
    assert "Safeguard Children 2018 (wt2018) applied" in found._repr_html_()
    assert found.filter(category="timescale").warnings.equals(found.warnings)
    # the edition of the time has nothing to say
    assert scr.analyse(chron, rulebook="wt2018").warnings.empty
    assert "warnings" not in repr(scr.analyse(chron, rulebook="wt2018"))


@pytest.mark.parametrize(
    ("rulebook", "case", "advice"),
    [
        ("wt2023", CASE_2014, "wt2013"),
        ("wt2013", CASE_2024, "wt2023"),
        ("wt2010", CASE_2019, "wt2018"),
    ],
)
def test_a_later_or_earlier_edition_names_the_one_of_the_time(tmp_path, rulebook, case, advice):
    found = scr.analyse(_read(tmp_path, "case", case), rulebook=rulebook)
    assert found.warnings["code"].tolist() == ["rulebook_period"]
    assert f"analyse with rulebook='{advice}'" in found.warnings["message"][0]


def test_a_case_across_two_editions_counts_the_findings_outside(tmp_path):
    # referrals in February 2010 (wt2006) and in May 2010 (wt2010), each never assessed
    rows = """\
        01/02/2010,Children's Social Care,SW1,Referral received from school.,
        04/05/2010,Children's Social Care,SW1,Referral received from GP.,
        01/09/2010,Children's Social Care,SW1,Case file audit.,
        """
    found = scr.analyse(_read(tmp_path, "across", rows), rulebook="wt2006", rules=["ASM-INITIAL"])
    assert len(found) == 2
    ((message,),) = found.warnings[["message"]].itertuples(index=False)
    assert "but 1 of the 2 findings starts from an event dated outside it (4 May 2010)" in message
    assert "Working Together to Safeguard Children 2010 (wt2010) applied" in message


def test_a_case_with_no_findings_is_still_told_when_its_events_are_of_another_time(tmp_path):
    rows = """\
        03/05/2019,Children's Social Care,SW1,Home visit. Child A seen.,
        10/06/2019,Children's Social Care,SW1,Home visit. Child A seen.,
        """
    found = scr.analyse(_read(tmp_path, "quiet", rows), rulebook="wt2006")
    assert len(found) == 0
    assert (
        "but both dated events fall outside it (3 May 2019 to 10 June 2019)"
        in (found.warnings["message"][0])
    )
    # a few events of an earlier time (a parent's history) in a case of the rulebook's own
    # time are no reason to warn
    history = """\
        12/03/2003,Police,PC1,Mother's partner cautioned for assault (previous relationship).,
        03/05/2007,Children's Social Care,SW1,Home visit. Child A seen.,
        10/06/2007,Children's Social Care,SW1,Home visit. Child A seen.,
        """
    assert scr.analyse(_read(tmp_path, "history", history), rulebook="wt2006").warnings.empty


def test_a_local_rulebook_keeps_the_period_of_the_edition_it_extends(tmp_path):
    local = tmp_path / "north-borough.toml"
    local.write_text('[rulebook]\nname = "north-borough"\nextends = "wt2018"\n', encoding="utf-8")
    book = scr.load_rulebook(local)
    assert book.in_force_text == "from 4 July 2018 to 14 December 2023"
    found = scr.analyse(_read(tmp_path, "child-a-2014", CASE_2014), rulebook=local)
    assert (
        "The rulebook north-borough (Working Together to Safeguard Children 2018)"
        in (found.warnings["message"][0])
    )
    # one that says nothing of a period is never warned about
    bare = tmp_path / "bare.toml"
    bare.write_text(
        '[rulebook]\nname = "bare"\n\n[rules.ONE]\nkind = "response"\ncategory = "timescale"\n'
        'severity = "low"\nreference = "local"\nexpected_label = "x"\n'
        'trigger = { event_type = ["referral"] }\nexpected = { event_type = ["icpc"] }\n'
        'window = "1 WD"\n',
        encoding="utf-8",
    )
    assert scr.analyse(_read(tmp_path, "child-a-2014", CASE_2014), rulebook=bare).warnings.empty


def test_working_together_2023_is_cited_from_its_child_protection_chapter():
    # 2023's chapters: 1 a shared responsibility, 2 multi-agency arrangements, 3 providing
    # help, support and protection (assessment, strategy discussions, conferences), 4
    # organisational responsibilities
    book = scr.load_rulebook("wt2023")
    own = [r for r in book.rules.values() if "2023" in r.reference]
    assert {r.id for r in own} >= {"SD-PARTIES", "ASM-SINGLE", "CONF-ICPC", "INJ-STRAT"}
    assert all(r.citation == "Working Together 2023, ch. 3" for r in own)
    assert all("2023, ch. 3:" in r.reference for r in own)


_STRATEGY_2019 = """\
    03/05/2019,Health Visiting,HV1,Home visit. Bruise on Child A's forehead; Mother unable to explain it.,HV1 phoned MASH
    07/05/2019,Children's Social Care,TM1,Strategy discussion held between TM1 and DS1 (police).,Section 47 enquiry agreed
    07/05/2019,{agency},{who},Attended strategy discussion with TM1 (CSC) re bruise to Child A.,
    10/07/2019,Children's Social Care,SW1,Home visit. Child A seen.,
    """


@pytest.mark.parametrize("rulebook", ["wt2018", "wt2023"])
def test_one_strategy_discussion_told_by_two_agencies_is_one_finding(tmp_path, rulebook):
    rows = _STRATEGY_2019.format(agency="Police", who="DS1")
    chron = _read(tmp_path, "strategy", rows)
    found = scr.analyse(chron, rulebook=rulebook, rules=["SD-PARTIES"]).to_frame()
    row = _row_of(chron)
    assert found["source_row"].tolist() == [3]
    assert [row[e] for e in found["evidence"][0].split("; ")] == [3, 4]
    assert found["summary"][0].startswith(
        "Strategy discussion recorded by Children's Social Care on 7 May 2019 did not involve "
        "health"
    )
    # the paediatrician's record of the same discussion is health taking part in it
    rows = _STRATEGY_2019.format(agency="Paediatrics", who="Dr Y")
    found = scr.analyse(_read(tmp_path, "with-health", rows), rulebook=rulebook)
    assert "SD-PARTIES" not in set(found.to_frame()["rule_id"])


def _typed(rows: list[tuple[str, str, str, str, tuple[str, ...]]]) -> Chronology:
    """Events given their agency, type, text and counterparts (no classifier)."""
    return Chronology(
        make_events(
            start=[r[0] for r in rows],
            agency=[r[1] for r in rows],
            event_type=[r[2] for r in rows],
            details=[r[3] for r in rows],
            counterparts=[r[4] for r in rows],
        )
    )


@pytest.mark.parametrize("rulebook", ["wt2006", "wt2018"])
def test_another_agencys_decision_not_to_refer_is_no_csc_decision(rulebook):
    # the school's referral of Monday 9 June 2014; the GP's own decision on another concern
    # two days later ends neither csc's assessment clock nor the open case
    rule = "ASM-INITIAL" if rulebook == "wt2006" else "ASM-SINGLE"
    gp = ("11/06/2014", "gp", "referral_decision", "GP decided no referral needed.", ())
    rows = [
        ("09/06/2014", "csc", "referral", "Referral received from school.", ("education",)),
        gp,
        ("01/09/2014", "csc", "home_visit", "Home visit.", ()),
    ]
    found = scr.analyse(_typed(rows), rulebook=rulebook, rules=[rule, "SUP-CADENCE"]).to_frame()
    assert sorted(found["rule_id"]) == sorted([rule, "SUP-CADENCE"])
    assert found.loc[found["rule_id"] == "SUP-CADENCE", "observed_event_id"].isna().all()
    # the police's record of the MASH's decision is csc's decision
    mash = ("11/06/2014", "police", "referral_decision", "MASH decision: NFA by CSC.", ("csc",))
    found = scr.analyse(_typed([rows[0], mash, rows[2]]), rulebook=rulebook, rules=[rule])
    assert len(found) == 0


@pytest.mark.parametrize("rulebook", ["wt2006", "wt2018"])
@pytest.mark.parametrize(
    "icpc",
    [
        "ICPC - decision: CP plan not required. CIN plan.",
        "ICPC held. Threshold for a child protection plan not met; child in need plan.",
        "ICPC: Child A did not meet the threshold for a child protection plan.",
        "ICPC: agreed that a child protection plan was not necessary.",
    ],
)
def test_a_conference_that_makes_no_plan_starts_none(rulebook, icpc):
    rows = [("02/06/2014", icpc), ("01/10/2014", "Home visit. Child A seen.")]
    for rule in ("CONF-CORE-GROUP", "VIS-CP", "CONF-REVIEW"):
        assert _csc_rows(rows, rulebook=rulebook, rule=rule) == [], rule
    # so a strategy discussion after it still wants an initial conference: 15 WD from
    # Monday 7 July 2014 is Monday 28 July
    later = [rows[0], ("07/07/2014", "Strategy discussion held with police and health."), rows[1]]
    assert _csc_rows(later, rulebook=rulebook, rule="CONF-ICPC") == [("missing", "2014-07-28")]


@pytest.mark.parametrize("rulebook", ["wt2006", "wt2015"])
@pytest.mark.parametrize(
    "icpc",
    [
        "ICPC. Child A and Child B subject to CP plans - category physical abuse.",
        "ICPC held. Both children made subject to child protection plans.",
        "ICPC: category of neglect.",
        "ICPC - CPPs for all three children (emotional abuse).",
    ],
)
def test_a_conference_that_makes_plans_for_siblings_starts_a_plan(rulebook, icpc):
    # Friday 24 April 2015: the first core group is due 10 WD on, Monday 11 May (4 May out)
    rows = [("24/04/2015", icpc), ("01/10/2015", "Case file audit.")]
    assert _csc_rows(rows, rulebook=rulebook, rule="CONF-CORE-GROUP") == [("missing", "2015-05-11")]


@pytest.mark.parametrize("rulebook", ["wt2006", "wt2015"])
def test_a_strategy_discussion_held_inside_another_entry_wants_its_conference(rulebook):
    # Thursday 2 April 2015, a referral whose entry records the discussion held that day: the
    # conference is due 15 WD on (3 and 6 April out), Monday 27 April; oversight 5 WD on
    referral = (
        "02/04/2015",
        "Contact received from school. Strategy discussion held with police (DS2) and school "
        "nurse. S47 agreed.",
    )
    rows = [referral, ("01/10/2015", "Case file audit.")]
    assert _csc_rows(rows, rulebook=rulebook, rule="CONF-ICPC") == [("missing", "2015-04-27")]
    assert _csc_rows(rows, rulebook=rulebook, rule="SUP-KEY-DECISION") == [
        ("missing", "2015-04-13")
    ]


@pytest.mark.parametrize(
    ("decision", "decided"),
    [
        ("PPN received from police. RAG rated amber. Passed to Early Help.", True),
        ("Contact from school. Signposted to universal services.", True),
        ("Referral from HV. No role for CSC.", True),
        ("Referral from GP. Does not meet threshold.", True),
        ("Contact from police. Threshold for social care not met.", True),
        ("PPN from police. For information only.", True),
        ("PPN received. Second DA notification in a month. Early Help offer.", True),
        ("Referral from school. Family referred to TAF.", True),
        ("Referral from school. Allocated to SW1.", False),
        (
            "Referral from school. Legal advice: did not meet the threshold for care proceedings.",
            False,
        ),
        ("Referral from school. Threshold for s47 not met; single assessment.", False),
    ],
)
def test_a_contact_passed_on_without_social_care_is_the_decision_on_it(decision, decided):
    # a referral on Monday 1 June 2015 whose own entry decides it: no assessment is due (else
    # one is 45 WD on, Monday 3 August)
    rows = [("01/06/2015", decision), ("01/10/2015", "Case file audit.")]
    found = _csc_rows(rows, rulebook="wt2015", rule="ASM-SINGLE")
    assert found == ([] if decided else [("missing", "2015-08-03")])


@pytest.mark.parametrize(
    ("rule", "rulebook"),
    [("ASM-INITIAL", "wt2006"), ("ASM-SINGLE", "wt2013"), ("ASM-SINGLE", "wt2023")],
)
def test_a_referral_while_the_child_is_on_a_plan_wants_no_new_assessment(rule, rulebook):
    # the allocated worker takes the nursery's referral into the plan's work: no initial or
    # single assessment of its own is due
    plan = [
        (
            "02/06/2014",
            "Initial child protection conference. Child A made subject to a child protection plan.",
        ),
        ("12/06/2014", "Core group meeting."),
        ("01/07/2014", "Referral received from nursery: Child A hungry and unkempt."),
        ("01/12/2014", "Review child protection conference. Plan continues."),
    ]
    assert _csc_rows(plan, rulebook=rulebook, rule=rule) == []
    # the same referral before any plan is judged
    assert len(_csc_rows(plan[2:], rulebook=rulebook, rule=rule)) == 1


def test_the_review_conference_sentence_reads_as_english(tmp_path):
    found = _summaries(_read(tmp_path, "child-a-2014", CASE_2014), "wt2013")
    assert found[("CONF-REVIEW", 9)] == (
        "While the child was subject to a child protection plan (from 30 May 2014), no review "
        "child protection conference for 94 days after 30 May 2014 (at most 3 months allowed "
        "for the first, so due by 30 August 2014); the next was on 1 September 2014 "
        "(Working Together 2013, ch. 1)."
    )
    # the next gap has the 6 months of every later review: the review of 1 September 2014,
    # then none by 1 March 2015
    later = CASE_2014 + "20/04/2015,Children's Social Care,SW1,Home visit. Child A seen.,\n"
    found = _summaries(_read(tmp_path, "later", later), "wt2013")
    assert "(at most 6 months allowed, so due by 1 March 2015)" in found[("CONF-REVIEW", 16)]


@pytest.mark.parametrize("rulebook", ["wt2006", "wt2018"])
def test_a_case_closed_by_childrens_social_care_ends_the_plan(rulebook):
    # the plan of 2 June 2014, the case closed on 1 August (its plan with it): no visits or
    # review conference are due after, and the strategy discussion of Monday 6 October wants
    # an initial conference of its own, by Monday 27 October (15 WD)
    rows = [
        (
            "02/06/2014",
            "Initial child protection conference. Child A made subject to a child protection plan.",
        ),
        ("12/06/2014", "Core group meeting."),
        ("20/06/2014", "Home visit. Child A seen."),
        ("15/07/2014", "Home visit. Child A seen."),
        ("01/08/2014", "Case closed."),
        ("06/10/2014", "Strategy discussion held with police and health."),
        ("01/12/2014", "Case file audit."),
    ]
    for rule in ("VIS-CP", "CONF-REVIEW"):
        assert _csc_rows(rows, rulebook=rulebook, rule=rule) == [], rule
    assert _csc_rows(rows, rulebook=rulebook, rule="CONF-ICPC") == [("missing", "2014-10-27")]


@pytest.mark.parametrize(
    ("case", "edition"), [(CASE_2014, "wt2013"), (CASE_2019, "wt2018"), (CASE_2024, "wt2023")]
)
def test_in_force_judges_each_case_by_the_edition_of_its_time(tmp_path, case, edition):
    chron = _read(tmp_path, "case", case)
    assert rulebook_in_force(chron) == edition
    found = scr.analyse(chron, rulebook="in_force")
    assert found.rulebook == edition
    assert found.warnings.empty  # no rulebook_period note: the guidance of the time
    expected = scr.analyse(chron, rulebook=edition).to_frame()
    pd.testing.assert_frame_equal(found.to_frame(), expected)


def test_in_force_takes_the_edition_of_most_events_up_to_the_chronologys_end():
    events = make_events(start=["2010-02-01", "2010-05-04", "2010-09-01", "2013-06-01"])
    # three of the four events fall in wt2010's time (17 March 2010 to 14 April 2013)
    assert rulebook_in_force(scr.Chronology(events)) == "wt2010"
    # judged up to an end the user gives, only the first falls before it
    assert rulebook_in_force(scr.Chronology(events), end_date="2010-03-01") == "wt2006"
    # a tie goes to the later edition; no event in any edition's time (2003) or no
    # events at all: the default
    assert rulebook_in_force(scr.Chronology(make_events(start=["2010-02-01", "2010-05-04"]))) == (
        "wt2010"
    )
    assert rulebook_in_force(scr.Chronology(make_events(start=["2003-03-12"]))) == "wt2006"
    assert rulebook_in_force(scr.Chronology()) == "wt2006"
    assert scr.analyse(scr.Chronology(), rulebook="in_force").rulebook == "wt2006"
