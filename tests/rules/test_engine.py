"""The engine: horizon, uncertain dates, episodes, bank holidays, rule selection."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.exceptions import RulebookError
from scr_timeline.rules import analyse
from scr_timeline.rules.engine import horizon
from scr_timeline.rules.rulebook import load_rulebook
from scr_timeline.testing import make_events

INJURY = dict(injury=True, suspicious_injury=True)


def _strat(starts, types, agencies=None, end_date=None, **extra):
    n = len(starts)
    ev = make_events(
        start=starts,
        event_type=types,
        agency=agencies or ["hospital"] * n,
        injury=[t == "hospital_attendance" for t in types],
        suspicious_injury=[t == "hospital_attendance" for t in types],
        **extra,
    )
    return analyse(Chronology(ev), rules=["INJ-STRAT"], end_date=end_date).to_frame()


@pytest.mark.parametrize(
    ("trigger", "in_time", "late"),
    [
        ("2006-12-22", "2006-12-27", "2006-12-28"),  # Christmas
        ("2006-12-29", "2007-01-02", "2007-01-03"),  # New Year
        ("2007-04-05", "2007-04-10", "2007-04-11"),  # Easter
    ],
)
def test_bank_holidays_do_not_count(trigger, in_time, late):
    types = ["hospital_attendance", "strategy_discussion", "other"]
    assert _strat([trigger, in_time, "2007-06-01"], types).empty
    out = _strat([trigger, late, "2007-06-01"], types)
    assert out["status"].tolist() == ["late"]
    assert out["delay_working_days"].tolist() == [1]


def test_uncertain_trigger_counts_from_its_latest_date():
    # "March 2007" may be as late as Saturday 31 March: due Monday 2 April
    types = ["hospital_attendance", "strategy_discussion", "other"]
    assert _strat(["March 2007", "2007-04-02", "2007-06-01"], types).empty
    out = _strat(["March 2007", "2007-04-03", "2007-06-01"], types)
    assert str(out["due"].iloc[0].date()) == "2007-04-02"


def test_uncertain_expected_event_counts_from_its_earliest_date():
    types = ["hospital_attendance", "strategy_discussion", "other"]
    # "early April 2007" may be 1 April: on or before the deadline
    assert _strat(["2007-03-30", "early April 2007", "2007-06-01"], types).empty
    # "w/c 16/04/07" starts after the deadline of Monday 2 April: late
    out = _strat(["2007-03-30", "w/c 16/04/07", "2007-06-01"], types)
    assert out["status"].tolist() == ["late"]


def test_episode_joins_later_triggers_in_the_open_window():
    types = ["hospital_attendance", "hospital_attendance", "strategy_discussion",
             "hospital_attendance", "other"]  # fmt: skip
    starts = ["2007-04-02", "2007-04-03", "2007-04-10", "2007-05-01", "2007-06-01"]
    out = _strat(starts, types)
    assert out["trigger_event_id"].tolist() == ["e1", "e4"]
    assert out["evidence"].tolist() == ["e1; e2; e3", "e4"]
    assert "(and 1 more such event in the same window)" in out["summary"].iloc[0]
    assert out["status"].tolist() == ["late", "missing"]


def test_a_trigger_after_the_answer_starts_a_new_episode():
    types = ["hospital_attendance", "strategy_discussion", "hospital_attendance", "other"]
    out = _strat(["2007-04-02", "2007-04-03", "2007-04-03", "2007-06-01"], types)
    assert out["trigger_event_id"].tolist() == ["e3"]


def test_horizon_prefers_end_date_then_index_event_then_last_event():
    book = load_rulebook()
    ev = make_events(start=["2007-08-01", "2007-08-03 12:20", "2007-08-06"],
                     event_type=["other", "death", "other"])  # fmt: skip
    chron = Chronology(ev)
    assert horizon(chron, book) == pd.Timestamp("2007-08-03 12:20:59")
    assert horizon(chron, book, "2007-09-01") == pd.Timestamp("2007-09-01 23:59:59")
    assert horizon(Chronology(ev.iloc[[0, 2]]), book) == pd.Timestamp("2007-08-06 23:59:59")
    assert horizon(Chronology(ev, end_date="2007-08-02"), book) == pd.Timestamp(
        "2007-08-02 23:59:59"
    )


def test_events_after_the_index_event_are_outside_the_review():
    types = ["hospital_attendance", "death", "strategy_discussion"]
    out = _strat(["2007-07-18", "2007-08-03", "2007-08-04"], types)
    assert out["status"].tolist() == ["missing"]  # the post-death discussion does not count


def test_empty_chronology_and_dataframe_input():
    assert len(analyse(Chronology())) == 0
    ev = make_events(start=["2007-01-01"], event_type="referral", agency="csc")
    assert len(analyse(ev, rules=["ASM-INITIAL"])) == 0  # not judged: ends the same day


def test_unknown_rule_id_is_a_rulebook_error():
    with pytest.raises(RulebookError, match="NOPE"):
        analyse(Chronology(make_events(start=["2007-01-01"])), rules=["NOPE"])


def test_wrong_input_type():
    with pytest.raises(TypeError):
        analyse("not a chronology")  # type: ignore[arg-type]


def test_input_is_not_changed():
    ev = make_events(start=["2007-04-05", "2007-06-01"], agency=["hospital", "other"], **INJURY)
    before = ev.copy()
    analyse(Chronology(ev))
    pd.testing.assert_frame_equal(ev, before)


def test_rulebooks_differ_where_guidance_changed():
    ev = make_events(start=["2007-04-05", "2007-04-19", "2007-09-01"], agency="csc",
                     event_type=["referral", "initial_assessment", "other"])  # fmt: skip
    chron = Chronology(ev)
    assert analyse(chron, rules=["ASM-INITIAL"]).to_frame()["status"].tolist() == ["late"]
    assert analyse(chron, rulebook="wt2010", rules=["ASM-INITIAL"]).to_frame().empty
    assert len(analyse(chron, rulebook="wt2013", rules=["ASM-SINGLE"])) == 1


def test_the_index_event_answers_no_rule():
    """The death ends the chronology; its record ('Child A pronounced dead. Police and CSC
    informed.') is not the referral of the fracture A&E saw two weeks before, nor is another
    agency's record of the death."""
    fracture = ("2007-07-18", "hospital", "hospital_attendance", True, (), None)
    death = ("2007-08-03 12:20", "hospital", "death", True, ("csc", "police"), None)
    police = ("2007-08-03 12:20", "police", "death", False, ("csc", "hospital"), "e2")
    referral = ("2007-07-30", "hospital", "referral", False, ("csc",), None)

    def run(*rows):
        start, agency, types, injury, counterparts, dup = (list(c) for c in zip(*rows, strict=True))
        ev = make_events(start=start, agency=agency, event_type=types, injury=injury,
                         suspicious_injury=injury, counterparts=counterparts, duplicate_of=dup)  # fmt: skip
        return analyse(Chronology(ev), rules=["INJ-REFER", "INJ-POLICE"]).to_frame()

    out = run(fracture, death, police)
    assert out["status"].tolist() == ["missing", "missing"]
    assert out["observed_event_id"].isna().all()
    assert out["evidence"].tolist() == ["e1", "e1"]
    # a referral before the death still answers, late
    late = run(fracture, referral, death)
    assert late["rule_id"].tolist() == ["INJ-REFER", "INJ-POLICE"]
    assert late["status"].tolist() == ["late", "missing"]
    assert late["observed_event_id"].fillna("").tolist() == ["e2", ""]
