"""RULES.md, clause by clause: each test names the clause it pins.

Fictional events built in code. Deadlines are worked out by hand from a calendar of England
and Wales bank holidays (written next to each case), never by the code under test.
"""

from __future__ import annotations

import textwrap
from typing import Any

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.chronology import Chronology
from scr_timeline.datasets import list_samples, load_sample
from scr_timeline.rules import analyse, available_rulebooks, load_rulebook
from scr_timeline.rules.templates import uk_date
from scr_timeline.testing import make_events

SUSPICIOUS = {"injury": True, "suspicious_injury": True, "injury_kinds": ("bruise",)}
INJURY = {"agency": "hospital", "event_type": "hospital_attendance", **SUSPICIOUS}
STRATEGY = {"agency": "csc", "event_type": "strategy_discussion"}
REFERRAL = {"agency": "csc", "event_type": "referral"}
DECISION = {"agency": "csc", "event_type": "referral_decision"}
FILLER = {"agency": "other", "event_type": "other"}
CONCERN = {"agency": "education", "event_type": "concern"}
DEFAULTS: dict[str, Any] = {
    "injury": False,
    "suspicious_injury": False,
    "counterparts": (),
    "injury_kinds": (),
    "details": None,
    "outcome": None,
    "duplicate_of": None,
}


def _events(rows: list[tuple[str, dict[str, Any]]]) -> pd.DataFrame:
    columns: dict[str, list[Any]] = {"start": [day for day, _ in rows]}
    for key in sorted({k for _, kw in rows for k in kw}):
        columns[key] = [kw.get(key, DEFAULTS.get(key)) for _, kw in rows]
    return make_events(**columns)


def _run(
    rule: str, rows: list[tuple[str, dict[str, Any]]], *, rulebook: Any = "wt2006", **kw: Any
) -> pd.DataFrame:
    chron = Chronology(_events(rows))
    return analyse(chron, rulebook=rulebook, rules=[rule], **kw).to_frame()


def _due(frame: pd.DataFrame) -> list[str]:
    return [str(d.date()) for d in frame["due"]]


# --- Time: "within N WD" ---------------------------------------------------------------------
@pytest.mark.parametrize(
    ("trigger", "due"),
    [
        ("2007-03-30", "2007-04-02"),  # Friday: Monday
        ("2007-03-31", "2007-04-02"),  # Saturday: Monday
        ("2007-04-01", "2007-04-02"),  # Sunday: Monday
        ("2007-05-26", "2007-05-29"),  # Saturday before the spring bank holiday: Tuesday
        ("2007-04-06", "2007-04-10"),  # Good Friday: Tuesday after Easter Monday
        ("2006-12-23", "2006-12-27"),  # Saturday before Christmas: Wednesday 27th
    ],
)
def test_one_working_day_from_a_weekend_or_holiday_trigger(trigger, due):
    later = str((pd.Timestamp(due) + pd.Timedelta(days=1)).date())
    assert _run("INJ-STRAT", [(trigger, INJURY), (due, STRATEGY), ("2007-09-01", FILLER)]).empty
    out = _run("INJ-STRAT", [(trigger, INJURY), (later, STRATEGY), ("2007-09-01", FILLER)])
    assert out["status"].tolist() == ["late"]
    assert _due(out) == [due]


@pytest.mark.parametrize(
    ("rule", "rulebook", "trigger", "due"),
    [
        # 7 WD from Friday 27 May 2022: 30, 31 May, 1 June; 2 and 3 June are bank holidays
        # (the moved spring bank holiday and the platinum jubilee); 6, 7, 8, 9 June
        ("ASM-INITIAL", "wt2006", "2022-05-27", "2022-06-09"),
        ("ESC-REF-DECISION", "wt2006", "2022-09-16", "2022-09-20"),  # the state funeral
        ("ESC-REF-DECISION", "wt2006", "2023-05-05", "2023-05-09"),  # the coronation
        # 10 WD from Thursday 5 April 2007 (wt2010): 10-13, 16-20, 23 April
        ("ASM-INITIAL", "wt2010", "2007-04-05", "2007-04-23"),
        # 45 WD from Wednesday 1 June 2022 (wt2013): 6 June ... 5 August, 2-3 June skipped
        ("ASM-SINGLE", "wt2013", "2022-06-01", "2022-08-05"),
    ],
)
def test_working_day_deadlines_over_the_2022_and_2023_bank_holidays(rule, rulebook, trigger, due):
    out = _run(rule, [(trigger, REFERRAL), ("2023-12-01", FILLER)], rulebook=rulebook)
    assert _due(out) == [due]


def _zero_wd_book(tmp_path) -> Any:
    path = tmp_path / "same-day.toml"
    path.write_text(
        textwrap.dedent(
            """
            [rulebook]
            name = "same-day"
            extends = "wt2006"

            [rules.INJ-SAME-DAY]
            kind = "response"
            category = "injury_procedure"
            severity = "high"
            trigger = "suspicious_injury"
            expected = { event_type = ["strategy_discussion"] }
            expected_label = "strategy discussion"
            window = "0 WD"
            agency = "csc"
            reference = "a fictional local procedure: a strategy discussion the same day"
            """
        ),
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("trigger", ["2007-03-30", "2007-03-31", "2007-04-01"])
def test_zero_working_days_is_due_the_trigger_day_itself(tmp_path, trigger):
    book = _zero_wd_book(tmp_path)
    same_day = [(trigger, INJURY), (trigger, STRATEGY), ("2007-06-01", FILLER)]
    assert _run("INJ-SAME-DAY", same_day, rulebook=book).empty
    out = _run("INJ-SAME-DAY", [(trigger, INJURY), ("2007-04-02", STRATEGY)], rulebook=book)
    assert out["status"].tolist() == ["late"]
    assert _due(out) == [trigger]  # never the Friday before a weekend trigger
    assert out["delay_working_days"].tolist() == [1]  # Monday is 1 WD after Fri/Sat/Sun


def test_calendar_day_windows_count_weekends():
    # INJ-SKELETAL: 3 days from Friday 30 March 2007 is Monday 2 April
    young = {**INJURY, "child_age_days": 200}
    out = _run("INJ-SKELETAL", [("2007-03-30", young), ("2007-06-01", FILLER)])
    assert _due(out) == ["2007-04-02"]


# --- Time: uncertain dates ---------------------------------------------------------------------
def test_a_week_trigger_counts_from_the_end_of_its_week():
    # "w/c 12/03/07" may be as late as Sunday 18 March: 1 WD is Monday 19 March
    rows = [("w/c 12/03/07", INJURY), ("2007-03-13", STRATEGY), ("2007-06-01", FILLER)]
    assert _run("INJ-STRAT", rows).empty  # on or after the week's start: it counts
    out = _run("INJ-STRAT", [("w/c 12/03/07", INJURY), ("2007-03-20", STRATEGY)])
    assert out["status"].tolist() == ["late"]
    assert _due(out) == ["2007-03-19"]


def test_a_month_trigger_is_answered_by_an_event_inside_the_month():
    rows = [("March 2007", INJURY), ("2007-03-05", STRATEGY), ("2007-06-01", FILLER)]
    assert _run("INJ-STRAT", rows).empty


def test_an_expected_event_must_start_on_or_after_the_triggers_start():
    # a week-precision discussion "w/c 12/03/07" starts on Monday 12 March, before the
    # Wednesday injury: RULES.md judges by its start, so it does not answer it
    rows = [("2007-03-14", INJURY), ("w/c 12/03/07", STRATEGY), ("2007-06-01", FILLER)]
    out = _run("INJ-STRAT", rows)
    assert out["status"].tolist() == ["missing"]


def test_an_expected_event_of_month_precision_counts_from_its_start():
    # "April 2007" may be 1 April: on or before the deadline of Monday 2 April
    rows = [("2007-03-30", INJURY), ("April 2007", STRATEGY), ("2007-06-01", FILLER)]
    assert _run("INJ-STRAT", rows).empty


def test_a_range_trigger_counts_from_its_last_day():
    # "between 3 and 5 June 2007": from Tuesday 5 June, 1 WD is Wednesday 6 June
    out = _run("INJ-STRAT", [("between 3 and 5 June 2007", INJURY), ("2007-06-07", STRATEGY)])
    assert out["status"].tolist() == ["late"]
    assert _due(out) == ["2007-06-06"]


# --- Time: events on the same day keep the chronology's order -----------------------------------
def test_same_day_events_follow_the_sequence_column():
    rows = [
        ("2007-03-12", {**DECISION, "sequence": "2"}),
        ("2007-03-12", {**REFERRAL, "sequence": "1"}),
    ]
    rows.append(("2007-06-01", {**FILLER, "sequence": "3"}))
    assert _run("ESC-REF-DECISION", rows).empty  # the referral (seq 1) came first
    rows[0] = ("2007-03-12", {**DECISION, "sequence": "1"})
    rows[1] = ("2007-03-12", {**REFERRAL, "sequence": "2"})
    out = _run("ESC-REF-DECISION", rows)
    assert out["status"].tolist() == ["missing"]  # the decision (seq 1) came before it


@pytest.mark.parametrize(
    ("decision", "referral"),
    [
        (("2007-03-12", 8), ("2007-03-12", 7)),  # no times: the file's rows decide
        # one file: "12/03/2007 14:30 referral", then "12/03/2007 strategy discussion" with no
        # time: it stays after the timed row above it, although its date starts at midnight
        (("2007-03-12", 3), ("2007-03-12 14:30", 2)),
    ],
)
def test_same_day_events_follow_the_file_rows(decision, referral):
    rows = [
        (decision[0], {**STRATEGY, "source_row": decision[1]}),
        (referral[0], {**REFERRAL, "source_row": referral[1]}),
        ("2007-06-01", {**FILLER, "source_row": 9}),
    ]
    assert _run("ESC-REF-DECISION", rows).empty


def test_a_referral_written_before_the_action_on_it_is_answered_when_read_from_a_file(tmp_path):
    path = tmp_path / "csc.csv"
    path.write_text(
        "Date,Time,Agency,Event,Outcome\n"
        "12/03/2007,14:30,Children's social care,Referral received from police re Child A,\n"
        "12/03/2007,,Children's social care,Strategy discussion with police and health,"
        "S47 to proceed\n"
        "30/05/2007,,Children's social care,Case note,\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    found = analyse(chron, rules=["ESC-REF-DECISION"]).to_frame()
    assert found.empty


def test_times_order_rows_of_different_sources():
    police = {"agency": "police", "event_type": "referral", "counterparts": ("csc",)}
    rows = [
        ("2007-03-12 08:00", {**DECISION, "source_file": "csc.csv"}),
        ("2007-03-12 09:00", {**police, "source_file": "police.csv"}),
        ("2007-06-01", FILLER),
    ]
    out = _run("ESC-REF-DECISION", rows)
    assert out["status"].tolist() == ["missing"]  # csc's 08:00 decision came before it
    rows[0] = ("2007-03-12 15:00", {**DECISION, "source_file": "csc.csv"})
    assert _run("ESC-REF-DECISION", rows).empty


def test_a_record_of_another_file_without_a_time_may_answer_a_timed_trigger_that_day():
    # police "10:15 referral to CSC"; csc's own file says "strategy discussion" that day with
    # no time: which came first is unknown, so the discussion answers the referral
    police = {"agency": "police", "event_type": "referral", "counterparts": ("csc",)}
    rows = [
        ("2007-03-12 10:15", {**police, "source_file": "police.csv"}),
        ("2007-03-12", {**STRATEGY, "source_file": "csc.csv"}),
        ("2007-06-01", {**FILLER, "source_file": "csc.csv"}),
    ]
    assert _run("ESC-REF-DECISION", rows).empty
    # the same two rows in one file, the discussion written first: it came first
    one_file = [(day, {**kw, "source_file": "csc.csv"}) for day, kw in rows]
    one_file[0], one_file[1] = one_file[1], one_file[0]
    assert _run("ESC-REF-DECISION", one_file)["status"].tolist() == ["missing"]


def test_an_untimed_record_of_another_file_answers_inj_refer_only_if_it_involves_the_agency():
    gp = {"agency": "gp", "event_type": "gp_appointment", "source_file": "gp.csv", **SUSPICIOUS}
    csc = {"agency": "csc", "event_type": "referral", "source_file": "csc.csv",
           "details": "Referral received from GP re bruise.", "counterparts": ("gp",)}  # fmt: skip
    rows = [("2007-03-12 10:15", gp), ("2007-03-12", csc), ("2007-06-01", FILLER)]
    assert _run("INJ-REFER", rows).empty
    rows[1] = ("2007-03-12", {**csc, "counterparts": ("education",)})
    assert _run("INJ-REFER", rows)["status"].tolist() == ["missing"]


def test_another_agencys_record_of_the_same_placement_is_not_the_child_leaving_it():
    placement = {"agency": "csc", "event_type": "placement", "counterparts": ("carer",)}
    hv = {"agency": "health_visiting", "event_type": "placement", "source_file": "hv.csv",
          "details": "Child A placed with maternal grandmother."}  # fmt: skip
    rows = [
        ("2007-04-05 14:00", {**placement, "source_file": "csc.csv"}),
        ("2007-04-05", hv),
        ("2007-07-01", FILLER),
    ]
    out = _run("PLC-REG38-APPROVAL", rows)
    assert out["status"].tolist() == ["missing"]


def test_an_untimed_record_of_another_file_answers_a_cluster_from_its_first_day():
    concern = {**CONCERN, "source_file": "school.csv"}
    rows = [
        ("2007-03-01 09:00", concern),
        ("2007-03-01", {**STRATEGY, "source_file": "csc.csv"}),
        ("2007-03-15 09:00", concern),
        ("2007-04-05 09:00", concern),
        ("2007-06-01", FILLER),
    ]
    assert _run("ESC-CUMULATIVE", rows).empty


# --- Time: an event can answer its own trigger ---------------------------------------------------
def test_a_referral_that_records_nfa_answers_itself():
    nfa = {**REFERRAL, "outcome": "NFA - threshold not met"}
    rows = [("2007-03-12", nfa), ("2007-06-01", FILLER)]
    assert _run("ASM-INITIAL", rows).empty
    assert _run("ESC-REF-DECISION", rows).empty


def test_a_strategy_discussion_whose_outcome_records_nfa_answers_conf_icpc():
    sd = {**STRATEGY, "outcome": "No further action; single agency work by school."}
    assert _run("CONF-ICPC", [("2007-03-12", sd), ("2007-06-01", FILLER)]).empty
    assert len(_run("CONF-ICPC", [("2007-03-12", STRATEGY), ("2007-06-01", FILLER)])) == 1


# --- Time: not judged after the end ---------------------------------------------------------------
def test_a_deadline_after_the_death_is_not_judged():
    death = {"agency": "hospital", "event_type": "death"}
    # injury on Thursday 2 August 2007, due Friday 3 August; the child died at 12:20 that day
    rows = [("2007-08-02", INJURY), ("2007-08-03 12:20", death), ("2007-08-20", FILLER)]
    assert _run("INJ-STRAT", rows).empty
    rows[1] = ("2007-08-06 12:20", death)  # died on the Monday: the deadline had passed
    assert _run("INJ-STRAT", rows)["status"].tolist() == ["missing"]


def test_an_involvement_after_the_end_date_is_not_judged():
    sd = {"agency": "csc", "event_type": "strategy_discussion"}
    assert len(_run("SD-HEALTH", [("2016-03-08", sd)], rulebook="wt2013")) == 1
    assert _run("SD-HEALTH", [("2016-03-08", sd)], rulebook="wt2013", end_date="2016-03-07").empty


# --- Episodes ----------------------------------------------------------------------------------
def test_triggers_in_an_open_window_chain_into_one_finding():
    # Monday 2 April (due Tuesday 3), Tuesday 3 (due Wednesday 4), Wednesday 4: one episode
    rows = [("2007-04-02", INJURY), ("2007-04-03", INJURY), ("2007-04-04", INJURY)]
    out = _run("INJ-STRAT", [*rows, ("2007-06-01", FILLER)])
    assert out["trigger_event_id"].tolist() == ["e1"]
    assert out["evidence"].tolist() == ["e1; e2; e3"]
    assert "(and 2 more such events in the same window)" in out["summary"].iloc[0]


def test_a_trigger_after_the_window_closed_is_a_new_finding():
    rows = [("2007-04-02", INJURY), ("2007-04-05", INJURY), ("2007-06-01", FILLER)]
    out = _run("INJ-STRAT", rows)
    assert out["trigger_event_id"].tolist() == ["e1", "e2"]


def test_episodes_of_inj_refer_are_per_agency():
    gp = {"agency": "gp", "event_type": "gp_appointment", **SUSPICIOUS}
    school = {"agency": "education", "event_type": "concern", **SUSPICIOUS}
    out = _run("INJ-REFER", [("2007-04-02", gp), ("2007-04-02", school), ("2007-06-01", FILLER)])
    assert sorted(out["agency"]) == ["education", "gp"]


# --- Duplicates never trigger ---------------------------------------------------------------------
def test_a_contact_recorded_twice_triggers_once_from_the_record_not_marked_duplicate():
    hospital = {**INJURY}
    paediatrics = {"agency": "paediatrics", "event_type": "medical_examination", **SUSPICIOUS}
    rows = [("2007-04-02", hospital), ("2007-04-02", {**paediatrics, "duplicate_of": "e1"})]
    out = _run("INJ-STRAT", [*rows, ("2007-06-01", FILLER)])
    assert out["trigger_event_id"].tolist() == ["e1"]
    assert out["evidence"].tolist() == ["e1"]


def test_a_duplicate_that_alone_says_referral_makes_its_original_trigger():
    # the school's record is a concern; csc's record of the same contact, marked as its
    # duplicate, is the referral: the referral is judged once, from the school's record
    school = {"agency": "education", "event_type": "concern"}
    csc = {**REFERRAL, "details": "Referral from school DSL.", "duplicate_of": "e1"}
    rows = [("2011-09-26", school), ("2011-09-26 14:05", csc), ("2011-12-01", FILLER)]
    out = _run("ASM-INITIAL", rows)
    assert out["trigger_event_id"].tolist() == ["e1"]
    assert _due(out) == ["2011-10-05"]  # 7 WD from Monday 26 September 2011
    rows.insert(2, ("2011-09-26 15:00", {**csc, "details": "Second copy."}))
    assert len(_run("ASM-INITIAL", rows)) == 1  # two copies: still one contact


def test_a_duplicate_of_an_unknown_event_triggers_nothing():
    csc = {**REFERRAL, "duplicate_of": "police-r99"}
    assert _run("ASM-INITIAL", [("2011-09-26", csc), ("2011-12-01", FILLER)]).empty


# --- Accumulation ------------------------------------------------------------------------------
CLUSTER = [("2007-03-01", CONCERN), ("2007-03-15", CONCERN), ("2007-04-05", CONCERN)]


def test_an_expected_event_between_the_first_and_the_kth_answers_the_cluster():
    rows = [*CLUSTER[:2], ("2007-03-20", STRATEGY), CLUSTER[2], ("2007-06-01", FILLER)]
    assert _run("ESC-CUMULATIVE", rows).empty


def test_an_expected_event_before_the_first_does_not():
    rows = [("2007-02-20", STRATEGY), *CLUSTER, ("2007-06-01", FILLER)]
    assert len(_run("ESC-CUMULATIVE", rows)) == 1


def test_duplicates_do_not_count_towards_k():
    rows = [*CLUSTER, ("2007-06-01", FILLER)]
    rows[1] = ("2007-03-15", {**CONCERN, "duplicate_of": "e1"})
    assert _run("ESC-CUMULATIVE", rows).empty


def test_a_cluster_answered_late_says_when_not_none_recorded():
    rows = [*CLUSTER, ("2007-04-24", STRATEGY), ("2007-06-01", FILLER)]
    out = _run("ESC-CUMULATIVE", rows)
    assert out["status"].tolist() == ["missing"]
    summary = out["summary"].iloc[0]
    assert "by 23 April 2007; the first was on 24 April 2007" in summary
    assert "none recorded" not in summary


# --- States -------------------------------------------------------------------------------------
SUPERVISION = {"agency": "csc", "event_type": "supervision"}


def test_case_opens_at_allocation_and_closes_at_a_visit_that_ends_nfa():
    allocation = {"agency": "csc", "event_type": "allocation"}
    visit_nfa = {"agency": "csc", "event_type": "home_visit", "outcome": "NFA. Case closed."}
    rows = [
        ("2007-01-02", allocation),
        ("2007-01-20", visit_nfa),  # closed: no supervision due after it
        ("2007-05-01", FILLER),
    ]
    assert _run("SUP-CADENCE", rows).empty
    rows[1] = ("2007-01-20", {**visit_nfa, "outcome": "Mother seen."})
    assert _run("SUP-CADENCE", rows)["trigger_event_id"].tolist() == ["e1"]


def test_a_case_is_open_from_the_start_of_a_child_protection_plan():
    """A chronology that starts at the ICPC has an open case from it (a plan is only made on
    a case csc holds open): supervision is due within 28 days of the plan's start."""
    icpc = {
        "agency": "csc",
        "event_type": "icpc",
        "details": "ICPC. Child made subject to a CP plan.",
    }
    rows = [("2008-01-03", icpc), ("2008-04-03", FILLER)]
    out = _run("SUP-CADENCE", rows)
    assert out["trigger_event_id"].tolist() == ["e1"]
    assert _due(out) == ["2008-01-31"]  # 28 calendar days after Thursday 3 January 2008
    assert "(from 3 January 2008)" in out["summary"].iloc[0]
    rows.insert(1, ("2008-01-24", SUPERVISION))
    rows.insert(2, ("2008-02-20", SUPERVISION))
    rows.insert(3, ("2008-03-18", SUPERVISION))
    assert _run("SUP-CADENCE", rows).empty


def test_no_further_police_action_does_not_close_the_case():
    police_nfa = {"agency": "police", "event_type": "police_investigation",
                  "outcome": "No further police action."}  # fmt: skip
    rows = [("2007-01-02", REFERRAL), ("2007-01-10", police_nfa), ("2007-05-01", FILLER)]
    out = _run("SUP-CADENCE", rows)
    assert out["trigger_event_id"].tolist() == ["e1"]
    assert "none recorded before the chronology ends" in out["summary"].iloc[0]


def test_a_referral_closed_in_its_own_row_opens_no_case():
    nfa = {**REFERRAL, "outcome": "No further action."}
    assert _run("SUP-CADENCE", [("2007-01-02", nfa), ("2007-05-01", FILLER)]).empty


def test_a_plan_that_ends_and_restarts_is_judged_from_the_restart():
    plan = {"agency": "csc", "event_type": "cp_plan_start"}
    end = {"agency": "csc", "event_type": "cp_plan_end"}
    seen = {"agency": "csc", "event_type": "home_visit", "child_seen": True}
    rows = [
        ("2007-01-08", plan),
        ("2007-01-15", seen),
        ("2007-01-22", end),  # ended: no visits needed until the new plan
        ("2007-06-04", plan),
        ("2007-09-03", FILLER),
    ]
    out = _run("VIS-CP", rows)
    assert out["trigger_event_id"].tolist() == ["e4"]
    # 20 WD from Monday 4 June 2007 (no bank holiday): Monday 2 July
    assert _due(out) == ["2007-07-02"]
    assert "(from 4 June 2007)" in out["summary"].iloc[0]


# --- Vocabulary the rules rely on ----------------------------------------------------------------
def test_a_referral_to_another_agency_is_not_a_referral_to_csc():
    gp_to_paeds = {"agency": "gp", "event_type": "referral", "counterparts": ("paediatrics",)}
    assert _run("ASM-INITIAL", [("2007-03-12", gp_to_paeds), ("2007-06-01", FILLER)]).empty
    gp_to_csc = {"agency": "gp", "event_type": "referral", "counterparts": ("csc",)}
    assert len(_run("ASM-INITIAL", [("2007-03-12", gp_to_csc), ("2007-06-01", FILLER)])) == 1


def test_another_agencys_nfa_does_not_answer_asm_initial():
    police_nfa = {"agency": "police", "event_type": "other", "outcome": "NFA"}
    rows = [("2007-03-12", REFERRAL), ("2007-03-13", police_nfa), ("2007-06-01", FILLER)]
    assert len(_run("ASM-INITIAL", rows)) == 1


# --- Every finding carries its evidence ----------------------------------------------------------
@pytest.mark.parametrize("rulebook", available_rulebooks())
@pytest.mark.parametrize("sample", list_samples()["name"].tolist())
def test_every_finding_carries_evidence_deadline_provenance_and_a_sentence(sample, rulebook):
    chron = load_sample(sample)
    ev = chron.events
    found = analyse(chron, rulebook=rulebook).to_frame()
    for f in found.itertuples(index=False):
        evidence = str(f.evidence).split("; ")
        assert f.trigger_event_id in evidence, f.finding_id
        if not pd.isna(f.observed_event_id):
            assert f.observed_event_id in evidence, f.finding_id
            assert f.observed_start > f.due, f.finding_id  # it came after the deadline
        assert not pd.isna(f.due), f.finding_id
        for eid in evidence:
            row = ev.loc[eid]
            assert isinstance(row[S.SOURCE_FILE], str) and row[S.SOURCE_FILE], eid
            assert int(row[S.SOURCE_ROW]) >= 1, eid
        summary = str(f.summary)
        assert "{" not in summary and summary.endswith(")."), summary
        if f.status != "gap":
            assert uk_date(f.due) in summary, summary
        assert f.reference and f.agency, f.finding_id


# --- Rulebooks ---------------------------------------------------------------------------------
# RULES.md "Default rulebook wt2006" and "Other rulebooks": every rule's window per edition.
WT2006_WINDOWS = {
    "INJ-REFER": "1 WD", "INJ-STRAT": "1 WD", "INJ-MEDICAL": "1 WD", "INJ-SKELETAL": "3 days",
    "INJ-POLICE": "1 WD", "ESC-REF-DECISION": "1 WD", "ESC-CUMULATIVE": "10 WD",
    "ESC-DOMESTIC": "1 WD", "ESC-WNB": "10 WD", "ESC-DISAGREE": "5 WD", "ASM-INITIAL": "7 WD",
    "ASM-CORE": "35 WD", "CONF-ICPC": "15 WD", "CONF-CORE-GROUP": "10 WD",
    "CONF-REVIEW": "6 months", "SUP-CADENCE": "28 days", "SUP-KEY-DECISION": "5 WD",
    "VIS-CP": "20 WD", "PLC-REG38-APPROVAL": "6 weeks", "PLC-CONNECTED": "16 weeks",
}  # fmt: skip
_2013 = {k: v for k, v in WT2006_WINDOWS.items() if k not in ("ASM-INITIAL", "ASM-CORE")}
WINDOWS = {
    "wt2006": WT2006_WINDOWS,
    "wt2010": {**WT2006_WINDOWS, "ASM-INITIAL": "10 WD"},
    "wt2013": {**_2013, "ASM-SINGLE": "45 WD"},
    "wt2015": {**_2013, "ASM-SINGLE": "45 WD"},
    "wt2018": {**_2013, "ASM-SINGLE": "45 WD"},
    "wt2023": {**_2013, "ASM-SINGLE": "45 WD"},
}


@pytest.mark.parametrize("name", available_rulebooks())
def test_every_rulebook_has_the_timescales_of_its_edition(name):
    book = load_rulebook(name)
    windows = {rid: str(r.window) for rid, r in book.rules.items() if r.window is not None}
    assert windows == WINDOWS[name]
    rules = book.rules
    assert str(rules["CONF-REVIEW"].first_window) == "3 months"
    assert str(rules["ESC-CUMULATIVE"].within) == "90 days" and rules["ESC-CUMULATIVE"].count == 3
    assert str(rules["ESC-WNB"].within) == "90 days" and rules["ESC-WNB"].count == 2
    assert str(rules["PLC-CONNECTED"].extended_window) == "24 weeks"
    assert rules["PLC-REG38-CHECKS"].kind == "precedence"
    assert rules["INJ-SKELETAL"].kind == "response"


@pytest.mark.parametrize("name", available_rulebooks())
def test_every_rule_names_its_source_and_local_rules_say_so(name):
    book = load_rulebook(name)
    local = {"INJ-REFER", "INJ-MEDICAL", "ESC-CUMULATIVE", "ESC-DOMESTIC", "ESC-WNB",
             "ESC-DISAGREE", "SUP-CADENCE", "SUP-KEY-DECISION", "VIS-CP"}  # fmt: skip
    for rid, rule in book.rules.items():
        assert len(rule.reference) > 20 and rule.citation, rid
        assert rule.local == (rid in local), rid
        if rule.local:
            assert "local" in rule.reference.lower(), rid


def test_the_rules_that_changed_cite_the_edition_that_changed_them():
    assert "2010" in load_rulebook("wt2010").rules["ASM-INITIAL"].reference
    assert "45 working days" in load_rulebook("wt2013").rules["ASM-SINGLE"].reference
    assert "45 working days" in load_rulebook("wt2015").rules["ASM-SINGLE"].reference
    assert "2018" in load_rulebook("wt2018").rules["SD-PARTIES"].reference
    assert "2023" in load_rulebook("wt2023").rules["SD-PARTIES"].reference


@pytest.mark.parametrize("name", available_rulebooks())
def test_every_working_together_rule_cites_the_edition_of_its_rulebook(name):
    # a 2019 case checked with wt2018 must not cite Working Together 2006 for its timescales
    edition = name.removeprefix("wt")
    for rid, rule in load_rulebook(name).rules.items():
        for text in (rule.reference, rule.citation):
            if "Working Together" in text:
                assert f"Working Together to Safeguard Children {edition}" in rule.reference, rid
                assert f"Working Together {edition}" in rule.citation, rid
