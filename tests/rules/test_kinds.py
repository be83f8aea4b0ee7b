"""Every rule of every bundled rulebook: answered in time, on the deadline, late, missing,
and not judged because the chronology ends first."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.rules import analyse, load_rulebook
from scr_timeline.testing import make_events

SUSPICIOUS = {"injury": True, "suspicious_injury": True, "injury_kinds": ("bruise",)}

# rule id -> (rulebook, trigger event, expected event, trigger day, deadline day).
# Deadlines are worked out by hand from a calendar, not by the code under test: Thursday
# 5 April 2007 is followed by Good Friday and Easter Monday; 7 May and 28 May 2007 are bank
# holidays.
RESPONSE: dict[str, tuple[str, dict[str, Any], dict[str, Any], str, str]] = {
    "INJ-REFER": (
        "wt2006",
        {"agency": "gp", "event_type": "gp_appointment", **SUSPICIOUS},
        {"agency": "gp", "event_type": "referral", "counterparts": ("csc",)},
        "2007-04-05",
        "2007-04-10",
    ),
    "INJ-STRAT": (
        "wt2006",
        {"agency": "hospital", "event_type": "hospital_attendance", **SUSPICIOUS},
        {"agency": "csc", "event_type": "strategy_discussion"},
        "2007-04-05",
        "2007-04-10",
    ),
    "INJ-MEDICAL": (
        "wt2006",
        {"agency": "hospital", "event_type": "hospital_attendance", **SUSPICIOUS},
        {"agency": "paediatrics", "event_type": "medical_examination"},
        "2007-04-05",
        "2007-04-10",
    ),
    "INJ-SKELETAL": (
        "wt2006",
        {
            "agency": "hospital",
            "event_type": "hospital_attendance",
            "child_age_days": 300,
            **SUSPICIOUS,
        },
        {"agency": "hospital", "event_type": "skeletal_survey"},
        "2007-04-05",
        "2007-04-08",  # 3 calendar days
    ),
    "INJ-POLICE": (
        "wt2006",
        {"agency": "hospital", "event_type": "hospital_attendance", **SUSPICIOUS},
        {"agency": "police", "event_type": "information_sharing"},
        "2007-04-05",
        "2007-04-10",
    ),
    "ESC-REF-DECISION": (
        "wt2006",
        {"agency": "csc", "event_type": "referral"},
        {"agency": "csc", "event_type": "referral_decision"},
        "2006-12-22",
        "2006-12-27",  # Christmas
    ),
    "ESC-DOMESTIC": (
        "wt2006",
        {
            "agency": "police",
            "event_type": "police_incident",
            "details": "Domestic incident: police attended after an argument.",
        },
        {"agency": "police", "event_type": "information_sharing", "counterparts": ("csc",)},
        "2006-12-29",
        "2007-01-02",  # New Year
    ),
    "ESC-DISAGREE": (
        "wt2006",
        {"agency": "health_visiting", "event_type": "disagreement"},
        {"agency": "health_visiting", "event_type": "escalation"},
        "2007-04-05",
        "2007-04-16",
    ),
    "ASM-INITIAL": (
        "wt2006",
        {"agency": "csc", "event_type": "referral"},
        {"agency": "csc", "event_type": "initial_assessment"},
        "2007-04-05",
        "2007-04-18",
    ),
    "ASM-CORE": (
        "wt2006",
        {"agency": "csc", "event_type": "s47_enquiry"},
        {"agency": "csc", "event_type": "core_assessment"},
        "2007-04-05",
        "2007-05-30",
    ),
    "CONF-ICPC": (
        "wt2006",
        {"agency": "csc", "event_type": "strategy_discussion"},
        {"agency": "csc", "event_type": "icpc"},
        "2007-04-05",
        "2007-04-30",
    ),
    "CONF-CORE-GROUP": (
        "wt2006",
        {"agency": "csc", "event_type": "cp_plan_start"},
        {"agency": "csc", "event_type": "core_group"},
        "2007-04-05",
        "2007-04-23",
    ),
    "SUP-KEY-DECISION": (
        "wt2006",
        {"agency": "csc", "event_type": "strategy_discussion"},
        {"agency": "csc", "event_type": "supervision"},
        "2007-04-05",
        "2007-04-16",
    ),
    "PLC-REG38-APPROVAL": (
        "wt2006",
        {"agency": "csc", "event_type": "placement", "counterparts": ("carer",)},
        {"agency": "csc", "event_type": "carer_assessment", "details": "Carer approved."},
        "2007-04-05",
        "2007-05-17",  # 6 weeks
    ),
    "PLC-CONNECTED": (
        "wt2006",
        {"agency": "csc", "event_type": "placement", "counterparts": ("carer",)},
        {"agency": "csc", "event_type": "carer_assessment", "details": "Carer approved."},
        "2012-04-05",
        "2012-07-26",  # 16 weeks
    ),
    "ASM-SINGLE": (
        "wt2013",
        {"agency": "csc", "event_type": "referral"},
        {"agency": "csc", "event_type": "single_assessment"},
        "2007-04-05",
        "2007-06-13",  # 45 WD
    ),
}

FILLER = {"agency": "other", "event_type": "other"}


def _chron(rows: list[tuple[str, dict[str, Any]]]) -> Chronology:
    columns: dict[str, list[Any]] = {"start": [r[0] for r in rows]}
    keys = sorted({k for _, kw in rows for k in kw})
    defaults = {
        "injury": False,
        "suspicious_injury": False,
        "counterparts": (),
        "injury_kinds": (),
        "details": None,
        "child_age_days": None,
    }
    for key in keys:
        columns[key] = [kw.get(key, defaults.get(key)) for _, kw in rows]
    return Chronology(make_events(**columns))


def _after(day: str, days: int) -> str:
    return str((pd.Timestamp(day) + pd.Timedelta(days=days)).date())


def _run(rule: str, rows: list[tuple[str, dict[str, Any]]], **kw: Any) -> pd.DataFrame:
    book = RESPONSE[rule][0] if rule in RESPONSE else "wt2006"
    return analyse(_chron(rows), rulebook=book, rules=[rule], **kw).to_frame()


def test_every_response_rule_is_covered():
    rules = {
        rid
        for name in ("wt2006", "wt2013", "wt2018")
        for rid, r in load_rulebook(name).rules.items()
        if r.kind == "response"
    }
    assert rules == set(RESPONSE)


@pytest.mark.parametrize("rule", list(RESPONSE))
class TestResponse:
    def test_answered_in_time(self, rule):
        _, trig, exp, day, _due = RESPONSE[rule]
        rows = [(day, trig), (_after(day, 1), exp), (_after(day, 200), FILLER)]
        assert _run(rule, rows).empty

    def test_answered_exactly_on_the_deadline(self, rule):
        _, trig, exp, day, due = RESPONSE[rule]
        rows = [(day, trig), (f"{due} 23:30", exp), (_after(due, 200), FILLER)]
        assert _run(rule, rows).empty

    def test_late(self, rule):
        _, trig, exp, day, due = RESPONSE[rule]
        late = _after(due, 1)
        rows = [(day, trig), (late, exp), (_after(due, 200), FILLER)]
        out = _run(rule, rows)
        assert out["status"].tolist() == ["late"]
        assert str(out["due"].iloc[0].date()) == due
        assert out["observed_event_id"].tolist() == ["e2"]
        assert out["delay_working_days"].iloc[0] >= 1
        assert out["finding_id"].tolist() == [f"{rule}:e1"]

    def test_missing(self, rule):
        _, trig, _exp, day, due = RESPONSE[rule]
        out = _run(rule, [(day, trig), (_after(due, 1), FILLER)])
        assert out["status"].tolist() == ["missing"]
        assert out["observed_event_id"].isna().all()
        assert "none recorded before the chronology ends" in out["summary"].iloc[0]

    def test_not_judged_when_the_chronology_ends_first(self, rule):
        _, trig, _exp, day, due = RESPONSE[rule]
        assert _run(rule, [(day, trig), (_after(due, -1), FILLER)]).empty  # a day short
        assert _run(rule, [(day, trig)], end_date=_after(due, -1)).empty
        # a chronology that ends at the close of the deadline day does judge it
        assert len(_run(rule, [(day, trig), (due, FILLER)])) == 1

    def test_duplicates_never_trigger(self, rule):
        _, trig, _exp, day, due = RESPONSE[rule]
        rows = [(day, {**trig, "duplicate_of": "x"}), (_after(due, 30), FILLER)]
        assert _run(rule, rows).empty


def test_delay_is_counted_in_working_days():
    _, trig, exp, day, _due = RESPONSE["INJ-STRAT"]
    out = _run("INJ-STRAT", [(day, trig), ("2007-04-13", exp)])  # due Tue 10, done Fri 13
    assert out["delay_working_days"].tolist() == [3]


def test_the_trigger_can_answer_itself():
    both = {**RESPONSE["INJ-REFER"][1], "counterparts": ("csc",)}
    assert _run("INJ-REFER", [("2007-04-05", both), ("2007-06-01", FILLER)]).empty


def test_inj_refer_expects_the_agency_that_saw_the_injury():
    _, trig, _exp, day, _due = RESPONSE["INJ-REFER"]
    other = {"agency": "police", "event_type": "referral", "counterparts": ("csc",)}
    out = _run("INJ-REFER", [(day, trig), (day, other), ("2007-06-01", FILLER)])
    assert out["status"].tolist() == ["missing"]
    assert out["agency"].tolist() == ["gp"]


def test_an_event_before_the_trigger_does_not_answer_it():
    _, trig, exp, day, _due = RESPONSE["ESC-REF-DECISION"]
    out = _run("ESC-REF-DECISION", [(day, exp), (day, trig), ("2007-06-01", FILLER)])
    assert out["status"].tolist() == ["missing"]  # same day, listed before the referral


def test_connected_person_extension_gives_24_weeks():
    _, trig, exp, day, _due = RESPONSE["PLC-CONNECTED"]
    ext = {
        "agency": "csc",
        "event_type": "other",
        "details": "Temporary approval extended by 8 weeks.",
    }
    rows = [(day, trig), ("2012-07-20", ext), ("2012-09-20", exp), ("2013-06-01", FILLER)]
    assert _run("PLC-CONNECTED", rows).empty
    out = _run("PLC-CONNECTED", [(day, trig), ("2012-09-20", exp), ("2013-06-01", FILLER)])
    assert out["status"].tolist() == ["late"]


def test_regulation_38_or_connected_person_by_placement_date():
    _, trig, _exp, _day, _due = RESPONSE["PLC-CONNECTED"]
    rows = [("2011-03-31", trig), ("2013-06-01", FILLER)]
    assert _run("PLC-CONNECTED", rows).empty
    assert _run("PLC-REG38-APPROVAL", rows)["status"].tolist() == ["missing"]


# --- precedence ---------------------------------------------------------------------------------
PLACEMENT = {"agency": "csc", "event_type": "placement", "counterparts": ("carer",)}
CHECKS = {"agency": "csc", "event_type": "carer_assessment"}


class TestPrecedence:
    def test_checks_before_the_placement(self):
        assert _run("PLC-REG38-CHECKS", [("2007-03-01", CHECKS), ("2007-04-05", PLACEMENT)]).empty

    def test_checks_on_the_day_of_the_placement(self):
        rows = [("2007-04-05 15:00", PLACEMENT), ("2007-04-05 17:00", CHECKS)]
        assert _run("PLC-REG38-CHECKS", rows).empty

    def test_checks_the_day_after_are_missing(self):
        rows = [("2007-04-05", PLACEMENT), ("2007-04-06", CHECKS)]
        out = _run("PLC-REG38-CHECKS", rows)
        assert out["status"].tolist() == ["missing"]
        assert str(out["due"].iloc[0].date()) == "2007-04-05"

    def test_no_checks_at_all(self):
        out = _run("PLC-REG38-CHECKS", [("2007-04-05", PLACEMENT)])
        assert out["status"].tolist() == ["missing"]
        assert "Regulation 38" in out["summary"].iloc[0]

    def test_placement_after_the_end_is_not_judged(self):
        rows = [("2007-04-05", PLACEMENT)]
        assert _run("PLC-REG38-CHECKS", rows, end_date="2007-04-01").empty

    def test_relative_placement_recognised_from_the_text(self):
        text = {"agency": "csc", "event_type": "placement", "details": "Placed with maternal aunt."}
        assert len(_run("PLC-REG38-CHECKS", [("2007-04-05", text)])) == 1
        foster = {"agency": "csc", "event_type": "placement", "details": "Foster placement."}
        assert _run("PLC-REG38-CHECKS", [("2007-04-05", foster)]).empty


# --- cadence ---------------------------------------------------------------------------------------
CASE_OPEN = {"agency": "csc", "event_type": "referral"}
NFA = {"agency": "csc", "event_type": "referral_decision"}
SUPERVISION = {"agency": "csc", "event_type": "supervision"}
PLAN = {"agency": "csc", "event_type": "cp_plan_start"}
PLAN_END = {"agency": "csc", "event_type": "cp_plan_end"}
SEEN = {"agency": "csc", "event_type": "home_visit", "child_seen": True}
NOT_SEEN = {"agency": "csc", "event_type": "home_visit", "child_seen": False}
REVIEW = {"agency": "csc", "event_type": "review_conference"}

# rule -> (state opener, expected event, first deadline from 5 April 2007)
CADENCE = {
    "SUP-CADENCE": (CASE_OPEN, SUPERVISION, "2007-05-03"),  # 28 days
    "VIS-CP": (PLAN, SEEN, "2007-05-08"),  # 20 WD over Easter and May Day
    "CONF-REVIEW": (PLAN, REVIEW, "2007-07-05"),  # 3 months
}


@pytest.mark.parametrize("rule", list(CADENCE))
class TestCadence:
    def test_in_time(self, rule):
        opener, exp, due = CADENCE[rule]
        rows = [("2007-04-05", opener), (_after(due, -3), exp), (_after(due, 5), FILLER)]
        assert _run(rule, rows).empty

    def test_exactly_on_the_deadline(self, rule):
        opener, exp, due = CADENCE[rule]
        rows = [("2007-04-05", opener), (due, exp), (_after(due, 5), FILLER)]
        assert _run(rule, rows).empty

    def test_late_is_a_gap(self, rule):
        opener, exp, due = CADENCE[rule]
        rows = [("2007-04-05", opener), (_after(due, 1), exp), (_after(due, 5), FILLER)]
        out = _run(rule, rows)
        assert out["status"].tolist() == ["gap"]
        assert out["trigger_event_id"].tolist() == ["e1"]
        assert out["observed_event_id"].tolist() == ["e2"]
        assert str(out["due"].iloc[0].date()) == due

    def test_missing_until_the_end_is_a_gap(self, rule):
        opener, _exp, due = CADENCE[rule]
        out = _run(rule, [("2007-04-05", opener), (_after(due, 1), FILLER)])
        assert out["status"].tolist() == ["gap"]
        assert out["observed_event_id"].isna().all()
        assert "before the chronology ends" in out["summary"].iloc[0]

    def test_not_judged_when_the_chronology_ends_first(self, rule):
        opener, _exp, due = CADENCE[rule]
        assert _run(rule, [("2007-04-05", opener), (_after(due, -1), FILLER)]).empty


def test_cadence_counts_from_each_expected_event():
    rows = [
        ("2007-01-02", CASE_OPEN),
        ("2007-01-20", SUPERVISION),
        ("2007-03-01", SUPERVISION),
        ("2007-03-05", FILLER),
    ]
    out = _run("SUP-CADENCE", rows)
    assert out["trigger_event_id"].tolist() == ["e2"]  # 20 Jan -> 1 Mar is 40 days
    assert out["delay_working_days"].tolist() == [40]


def test_state_closes_and_reopens():
    rows = [
        ("2007-01-02", CASE_OPEN),
        ("2007-01-10", NFA),  # closed: no supervision needed until it reopens
        ("2007-03-01", CASE_OPEN),
        ("2007-03-05", SUPERVISION),
        ("2007-05-10", FILLER),
    ]
    out = _run("SUP-CADENCE", rows)
    assert out["trigger_event_id"].tolist() == ["e4"]  # only the reopened spell has a gap
    assert str(out["due"].iloc[0].date()) == "2007-04-02"


def test_a_state_that_ends_late_is_a_gap_up_to_its_end():
    rows = [("2007-04-05", PLAN), ("2007-05-20", PLAN_END), ("2007-12-01", FILLER)]
    out = _run("VIS-CP", rows)
    assert out["status"].tolist() == ["gap"]
    assert "none before it ended on 20 May 2007" in out["summary"].iloc[0]
    assert _run("CONF-REVIEW", rows).empty  # ended before the first review was due


def test_child_not_seen_does_not_count():
    rows = [("2007-04-05", PLAN), ("2007-04-20", NOT_SEEN), ("2007-05-20", FILLER)]
    assert len(_run("VIS-CP", rows)) == 1


def test_review_conferences_six_monthly_after_the_first():
    rows = [
        ("2007-04-05", PLAN),
        ("2007-07-01", REVIEW),
        ("2008-01-01", REVIEW),
        ("2008-01-20", FILLER),
    ]
    assert _run("CONF-REVIEW", rows).empty
    rows[2] = ("2008-01-02", REVIEW)
    out = _run("CONF-REVIEW", rows)
    assert str(out["due"].iloc[0].date()) == "2008-01-01"


def test_icpc_that_makes_a_plan_opens_the_state():
    icpc = {
        "agency": "csc",
        "event_type": "icpc",
        "details": "Child made subject to a child protection plan.",
    }
    no_plan = {
        "agency": "csc",
        "event_type": "icpc",
        "details": "Child was not made subject to a child protection plan.",
    }
    assert len(_run("VIS-CP", [("2007-04-05", icpc), ("2007-06-01", FILLER)])) == 1
    assert _run("VIS-CP", [("2007-04-05", no_plan), ("2007-06-01", FILLER)]).empty


@pytest.mark.parametrize(
    ("details", "opens"),
    [
        ("ICPC - CP plan under category of physical abuse", True),
        ("ICPC held. Placed on a plan, category neglect.", True),
        ("ICPC: no CP plan; CIN plan agreed", False),
    ],
)
def test_an_icpc_written_as_practitioners_write_it_opens_the_plan(details, opens):
    icpc = {"agency": "csc", "event_type": "icpc", "details": details}
    found = _run("VIS-CP", [("2007-04-05", icpc), ("2007-06-01", FILLER)])
    assert len(found) == (1 if opens else 0)


# --- accumulation ---------------------------------------------------------------------------------
CONCERN = {"agency": "education", "event_type": "concern"}
STRATEGY = {"agency": "csc", "event_type": "strategy_discussion"}
DNA = {"agency": "gp", "event_type": "dna"}
GP_REFERRAL = {"agency": "gp", "event_type": "referral", "counterparts": ("csc",)}

# rule -> (trigger, count, expected); the cluster's last trigger is on 5 April 2007 and
# the deadline 10 WD later is 23 April 2007.
ACCUMULATION = {"ESC-CUMULATIVE": (CONCERN, 3, STRATEGY), "ESC-WNB": (DNA, 2, GP_REFERRAL)}
DAYS = ["2007-03-01", "2007-03-15", "2007-04-05"]


@pytest.mark.parametrize("rule", list(ACCUMULATION))
class TestAccumulation:
    def rows(self, rule):
        trig, k, _exp = ACCUMULATION[rule]
        return [(d, trig) for d in DAYS[-k:]]

    def test_answered_in_time(self, rule):
        exp = ACCUMULATION[rule][2]
        rows = [*self.rows(rule), ("2007-04-12", exp), ("2007-06-01", FILLER)]
        assert _run(rule, rows).empty

    def test_answered_on_the_deadline(self, rule):
        exp = ACCUMULATION[rule][2]
        rows = [*self.rows(rule), ("2007-04-23", exp), ("2007-06-01", FILLER)]
        assert _run(rule, rows).empty

    def test_late_is_still_missing(self, rule):
        exp = ACCUMULATION[rule][2]
        rows = [*self.rows(rule), ("2007-04-24", exp), ("2007-06-01", FILLER)]
        out = _run(rule, rows)
        assert out["status"].tolist() == ["missing"]
        k = ACCUMULATION[rule][1]
        assert out["trigger_event_id"].tolist() == [f"e{k}"]
        assert out["evidence"].tolist() == ["; ".join(f"e{i}" for i in range(1, k + 1))]
        assert str(out["due"].iloc[0].date()) == "2007-04-23"

    def test_missing(self, rule):
        out = _run(rule, [*self.rows(rule), ("2007-06-01", FILLER)])
        assert out["status"].tolist() == ["missing"]

    def test_not_judged(self, rule):
        assert _run(rule, [*self.rows(rule), ("2007-04-20", FILLER)]).empty

    def test_too_far_apart_is_no_cluster(self, rule):
        trig, k, _exp = ACCUMULATION[rule]
        rows = [("2006-10-01", trig), *[(d, trig) for d in DAYS[-(k - 1):]],
                ("2007-06-01", FILLER)]  # fmt: skip
        assert _run(rule, rows).empty


def test_concerns_by_the_deadline_join_the_unanswered_cluster():
    """Seven concerns in seven working days and no strategy discussion are one lapse, not
    two findings (e1-e3 and e4-e6, as a scan restarting after the K-th gave): the concerns
    that follow by the cluster's deadline (24 January, 10 WD after e3) join it as
    evidence, and the sentence counts them all."""
    days = ["2007-01-08", "2007-01-09", "2007-01-10", "2007-01-11", "2007-01-12",
            "2007-01-15", "2007-01-16"]  # fmt: skip
    rows = [(d, CONCERN) for d in days] + [("2007-06-01", FILLER)]
    out = _run("ESC-CUMULATIVE", rows)
    assert out["trigger_event_id"].tolist() == ["e3"]  # the clock starts at the K-th
    assert out["evidence"].tolist() == ["; ".join(f"e{i}" for i in range(1, 8))]
    assert str(out["due"].iloc[0].date()) == "2007-01-24"
    assert (
        out["summary"]
        .iloc[0]
        .startswith(
            "7 concerns raised between 8 January 2007 and 16 January 2007: no strategy discussion"
        )
    )


def test_next_cluster_starts_after_the_last_that_joined():
    """After the deadline a new cluster is a new lapse; an answered cluster takes no more."""
    days = [
        "2007-01-08",
        "2007-01-09",
        "2007-01-10",
        "2007-01-11",  # e1-e4: one lapse
        "2007-03-01",
        "2007-03-02",
        "2007-03-05",
    ]  # fmt: skip  (e5-e7: a second)
    rows = [(d, CONCERN) for d in days] + [("2007-06-01", FILLER)]
    out = _run("ESC-CUMULATIVE", rows)
    assert out["trigger_event_id"].tolist() == ["e3", "e7"]
    assert out["evidence"].tolist() == ["e1; e2; e3; e4", "e5; e6; e7"]
    answered = [*rows[:3], ("2007-01-10", STRATEGY), *rows[3:]]  # strategy discussion e4
    out = _run("ESC-CUMULATIVE", answered)
    # e1-e3 answered by the strategy discussion: e5 (11 January, after it) starts afresh
    assert out["trigger_event_id"].tolist() == ["e7"]
    assert out["evidence"].tolist() == ["e5; e6; e7; e8"]


def test_wnb_counts_each_agencys_missed_contacts_on_its_own():
    """RULES.md: ESC-WNB expects a referral, a contact with another agency or a home visit
    "by the same agency": the agency whose missed contacts they are. A GP appointment and
    a health visiting clinic the child was not brought to are one each: neither knew of
    two, and neither is named as the agency that should have escalated two."""
    hv_dna = {"agency": "health_visiting", "event_type": "dna"}
    rows = [("2007-03-15", DNA), ("2007-04-05", hv_dna), ("2007-06-01", FILLER)]
    assert _run("ESC-WNB", rows).empty
    rows = [("2007-03-01", DNA), ("2007-03-15", hv_dna), ("2007-04-05", DNA),
            ("2007-04-12", hv_dna), ("2007-06-01", FILLER)]  # fmt: skip
    out = _run("ESC-WNB", rows)
    assert out["agency"].tolist() == ["gp", "health_visiting"]
    assert out["evidence"].tolist() == ["e1; e3", "e2; e4"]
    assert out["trigger_event_id"].tolist() == ["e3", "e4"]


def test_wnb_answered_only_by_an_agency_that_saw_the_dnas():
    hv_visit = {"agency": "csc", "event_type": "home_visit"}
    rows = [
        ("2007-03-15", DNA),
        ("2007-04-05", DNA),
        ("2007-04-10", hv_visit),
        ("2007-06-01", FILLER),
    ]
    assert len(_run("ESC-WNB", rows)) == 1
    rows[2] = ("2007-04-10", {"agency": "gp", "event_type": "home_visit"})
    assert _run("ESC-WNB", rows).empty


# --- involvement -----------------------------------------------------------------------------------
class TestInvolvement:
    def test_health_involved_as_counterpart(self):
        sd = {"agency": "csc", "event_type": "strategy_discussion", "counterparts": ("gp",)}
        assert _run_book("wt2013", "SD-HEALTH", [("2016-03-08", sd)]).empty

    def test_health_missing(self):
        sd = {"agency": "csc", "event_type": "strategy_discussion", "counterparts": ("police",)}
        out = _run_book("wt2013", "SD-HEALTH", [("2016-03-08", sd)])
        assert out["status"].tolist() == ["missing"]
        assert "did not involve health" in out["summary"].iloc[0]

    def test_parties_missing_police_and_health(self):
        sd = {"agency": "csc", "event_type": "strategy_discussion"}
        out = _run_book("wt2018", "SD-PARTIES", [("2019-03-08", sd)])
        assert "did not involve police or health" in out["summary"].iloc[0]

    def test_another_agencys_record_of_the_same_meeting_counts(self):
        sd = {"agency": "csc", "event_type": "strategy_discussion", "counterparts": ("gp",)}
        dup = {"agency": "police", "event_type": "strategy_discussion", "duplicate_of": "e1"}
        assert _run_book("wt2018", "SD-PARTIES", [("2019-03-08", sd), ("2019-03-08", dup)]).empty

    @pytest.mark.parametrize(
        ("details", "involved"),
        [
            ("Strategy discussion with police and health", True),
            ("Strat disc: SW, police, health", True),
            ("Strategy discussion - health rep present", True),
            ("Strategy discussion held with police & health colleagues", True),
            ("Strategy discussion with police; health not invited", False),
            ("Strategy discussion with police, health were not available", False),
            ("Strategy discussion, health concerns discussed", False),
            ("Strategy discussion with police", False),
            # health named by a role
            ("Strategy discussion held MASH SW, DS Police, named nurse", True),
            ("Strategy discussion with DC1 and the designated doctor", True),
            ("Strategy meeting: SW1, DS2, consultant paediatrician", True),
            ("Strategy discussion with police; named nurse unavailable", False),
        ],
    )
    def test_health_named_in_the_record_counts(self, details, involved):
        sd = {"agency": "csc", "event_type": "strategy_discussion", "details": details}
        assert _run_book("wt2013", "SD-HEALTH", [("2016-03-08", sd)]).empty == involved
        sd["counterparts"] = ("police",)
        parties = _run_book("wt2018", "SD-PARTIES", [("2019-03-08", sd)])
        assert parties.empty == involved


def _run_book(book: str, rule: str, rows: list[tuple[str, dict[str, Any]]]) -> pd.DataFrame:
    return analyse(_chron(rows), rulebook=book, rules=[rule]).to_frame()


def test_wnb_sentence_names_what_was_missed_and_who_recorded_it():
    """A visit whose words say it reached no one is a missed contact (a dna) as much as an
    appointment the child was not brought to: the sentence names each kind, not
    "appointments" for both."""
    hv = {"agency": "health_visiting", "event_type": "dna"}
    rows = [
        ("2007-03-01", {**hv, "details": "Child A not brought to HV clinic for weight check."}),
        ("2007-03-15", {**hv, "details": "Planned visit - no reply. Card left."}),
        ("2007-04-05", {**hv, "details": "Home visit - no answer. Neighbour said family away."}),
        ("2007-04-12", {**hv, "details": "NAV"}),
        ("2007-06-01", FILLER),
    ]
    out = _run("ESC-WNB", rows)
    assert out["summary"].tolist() == [
        "1 home visit that reached no one and 1 appointment the child was not brought to, "
        "recorded by Health visiting between 1 March 2007 and 15 March 2007: no referral, "
        "contact with another agency or home visit by 29 March 2007; none recorded before "
        "the chronology ends (RCGP 'was not brought'; local procedure).",
        "2 home visits that reached no one, recorded by Health visiting between 5 April 2007 "
        "and 12 April 2007: no referral, contact with another agency or home visit by 26 "
        "April 2007; none recorded before the chronology ends (RCGP 'was not brought'; local "
        "procedure).",
    ]


def test_cumulative_sentence_counts_the_concerns_by_kind():
    rows = [
        ("2007-03-01", {"agency": "gp", "event_type": "gp_appointment", **SUSPICIOUS}),
        ("2007-03-15", {"agency": "police", "event_type": "police_incident"}),
        ("2007-04-05", {"agency": "health_visiting", "event_type": "home_visit", **SUSPICIOUS}),
        ("2007-06-01", FILLER),
    ]
    (summary,) = _run("ESC-CUMULATIVE", rows)["summary"].tolist()
    assert summary.startswith(
        "2 suspicious injuries and 1 police incident between 1 March 2007 and 5 April 2007: "
        "no strategy discussion"
    )


def test_cumulative_counts_an_injury_once_not_again_as_it_heals():
    """The injury seen again as it heals ('scratches healing', 'scabs') is the same concern,
    not a second and a third."""
    injury = {"agency": "csc", "event_type": "office_visit", **SUSPICIOUS,
              "details": "Bruising to the face and scratches to the head."}  # fmt: skip
    rows = [
        ("2007-05-01", injury),
        ("2007-05-08", {**injury, "event_type": "home_visit",
                        "details": "Home visit. Child A seen; scratches healing."}),
        ("2007-05-09", {**injury, "agency": "health_visiting", "event_type": "home_visit",
                        "details": "Home visit. Child A had scabs on his scalp."}),
        ("2007-06-20", FILLER),
    ]  # fmt: skip
    assert _run("ESC-CUMULATIVE", rows).empty
    rows[1] = ("2007-05-08", {**injury, "details": "New bruise to the cheek."})
    rows[2] = ("2007-05-09", {**injury, "details": "Fresh bruising to the ear."})
    assert len(_run("ESC-CUMULATIVE", rows)) == 1


def test_a_domestic_incident_is_not_answered_by_the_next_ones_notification():
    """Each incident is notified on its own: a non-crime domestic report never sent to
    children's social care is not 'late' because the next incident's record, months later,
    says 'MERLIN notification to CSC'; that notification is the next incident's."""
    quiet = {
        "agency": "police",
        "event_type": "police_incident",
        "details": "Domestic: Mother and partner arguing. Non-crime domestic report.",
    }
    notified = {**quiet, "details": "Domestic: Mother called police. MERLIN to CSC.",
                "counterparts": ("csc",)}  # fmt: skip
    rows = [("2011-08-20", quiet), ("2012-02-03", notified), ("2012-06-01", FILLER)]
    out = _run("ESC-DOMESTIC", rows)
    assert out["status"].tolist() == ["missing"]
    assert out["observed_event_id"].isna().all() and out["evidence"].tolist() == ["e1"]
    assert out["summary"].iloc[0] == (
        "Domestic abuse incident recorded by Police on 20 August 2011: no notification to "
        "children's social care by 22 August 2011; none recorded before the next domestic "
        "abuse incident on 3 February 2012 (local domestic abuse procedure)."
    )
    # a notification of its own, late but before the next incident, is late
    sent = ("2011-08-24", {"agency": "police", "event_type": "information_sharing",
                           "counterparts": ("csc",)})  # fmt: skip
    out = _run("ESC-DOMESTIC", [rows[0], sent, *rows[1:]])
    assert out["status"].tolist() == ["late"] and out["observed_event_id"].tolist() == ["e2"]


@pytest.mark.parametrize(
    ("trigger", "named"),
    [
        ({"agency": "csc", "event_type": "case_closure"}, "Case closure recorded by Children's social care"),
        ({"agency": "csc", "event_type": "icpc"},
         "Initial child protection conference recorded by Children's social care"),
        ({"agency": "paediatrics", "event_type": "medical_examination", "counterparts": ("csc",),
          **SUSPICIOUS, "child_age_days": 56},
         "Suspicious injury (bruising, child aged 8 weeks), known to children's social care, "
         "recorded by Paediatrics"),
    ],
)  # fmt: skip
def test_key_decision_sentence_names_the_key_event(trigger, named):
    (summary,) = _run("SUP-KEY-DECISION", [("2007-04-03", trigger), ("2007-06-01", FILLER)])[
        "summary"
    ].tolist()
    assert summary.startswith(f"{named} on 3 April 2007: no supervision or management oversight")


def test_cumulative_counts_an_incident_once_not_again_as_its_notification():
    """The police's MERLIN to children's social care the morning after a domestic incident,
    and children's social care's record of receiving it, are that incident again: with the
    school's account of it, two concerns, not four."""
    incident = ("2012-02-03", {"agency": "police", "event_type": "police_incident"})
    merlin = ("2012-02-04", {"agency": "police", "event_type": "referral",
                             "counterparts": ("csc",)})  # fmt: skip
    received = ("2012-02-06", {"agency": "csc", "event_type": "referral",
                               "counterparts": ("police",)})  # fmt: skip
    school = ("2012-02-06", {"agency": "education", "event_type": "concern"})
    end = ("2012-06-01", FILLER)
    assert _run("ESC-CUMULATIVE", [incident, merlin, received, school, end]).empty
    # csc's record naming the police notification only in words ('PPN received')
    ppn = ("2012-02-06", {"agency": "csc", "event_type": "referral", "counterparts": (),
                          "details": "PPN received re DA incident 03/02."})  # fmt: skip
    assert _run("ESC-CUMULATIVE", [incident, merlin, ppn, school, end]).empty
    # a referral of its own (the school's, to csc) is a concern
    referral = ("2012-02-20", {"agency": "education", "event_type": "referral",
                               "counterparts": ("csc",)})  # fmt: skip
    (summary,) = _run("ESC-CUMULATIVE", [incident, merlin, school, referral, end])[
        "summary"
    ].tolist()
    assert summary.startswith(
        "1 police incident, 1 referral to children's social care and 1 concern raised between "
        "3 February 2012 and 20 February 2012"
    )


def test_police_own_call_out_about_something_else_is_no_contact_about_the_injury():
    """INJ-POLICE: the police's domestic call-out a fortnight after the GP saw the baby's
    bruise ('PPN submitted to MASH') is about the assault on Mother, not the bruise; a police
    record that names the injury, or a child protection step, is contact about it."""
    bruise = ("2007-03-05", {"agency": "gp", "event_type": "gp_appointment", **SUSPICIOUS})
    call_out = (
        "2007-03-19",
        {
            "agency": "police",
            "event_type": "police_incident",
            "counterparts": ("csc",),
            "details": "DA incident at home address. Partner arrested "
            "for assault on Mother. PPN submitted to MASH.",
        },
    )
    end = ("2007-06-01", FILLER)
    out = _run("INJ-POLICE", [bruise, call_out, end])
    assert out["status"].tolist() == ["missing"]
    about_it = (
        "2007-03-19",
        {
            **call_out[1],
            "details": "Police attended: bruising to baby reported by GP. CAIT informed.",
        },
    )
    out = _run("INJ-POLICE", [bruise, about_it, end])
    assert out["status"].tolist() == ["late"] and out["observed_event_id"].tolist() == ["e2"]
