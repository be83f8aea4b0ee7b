"""One injury told several times is one injury (s23 rules sweep).

Fictional rows, read through the classifiers as a reviewer's workbook would be (one sheet per
agency). A 4-week-old's bruise: the health visitor's 14:30 visit records it, children's social
care's untimed 'Contact from HV re bruise to cheek' the same day (listed first: its row has no
time), and the health visitor's 'Tel from MASH SW - information shared re bruise' the next day.
RULES.md: the accumulation counts concerns, and an injury at its first record; these had
counted as three suspicious injuries (ESC-CUMULATIVE) and the injury rules as one finding
'and 2 more such events in the same window'. A new injury days later is still a second one.
"""

from __future__ import annotations

import numpy as np
import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.rules import analyse
from scr_timeline.rules.predicates import EventView, PredicateError, compile_predicate
from scr_timeline.rules.rulebook import available_rulebooks, load_rulebook
from scr_timeline.testing import make_events

_CONTACT = (
    "csc",
    "2019-01-28",
    "Contact from HV re bruise to cheek of 4 week old baby. Mother's explanation: sibling "
    "poked with toy.",
    "Strategy discussion not held. NFA - information and advice to HV.",
)
_VISIT = (
    "health_visiting",
    "2019-01-28 14:30",
    "6-8 wk check. Small bruise noted to L cheek of Child A (non-mobile). Mo said sibling (3) "
    "poked her with a toy.",
    "Discussed with safeguarding lead HV2. Advised to refer to MASH. Tel call to MASH 15:40.",
)
_SHARED = (
    "health_visiting",
    "2019-01-29",
    "Tel from MASH SW - information shared re bruise.",
    "MASH to progress.",
)
_FILLER = ("gp", "2019-06-30", "Seen for a cough.")  # the chronology goes on


def _events(rows):
    """Rows of (agency, start, details[, outcome]), each agency on its own sheet in the given
    order."""
    sheets = [r[0] for r in rows]
    row_in_sheet = [sheets[: i + 1].count(s) + 1 for i, s in enumerate(sheets)]
    events = make_events(
        start=[r[1] for r in rows],
        agency=[r[0] for r in rows],
        details=[r[2] for r in rows],
        outcome=[r[3] if len(r) > 3 else None for r in rows],
        child_age_days=[28] * len(rows),
        source_file="case.xlsx",
        source_sheet=sheets,
        source_row=row_in_sheet,
    )
    events, _ = classify_events(events)
    return events


def _selected(events, name, rulebook="wt2018"):
    book = load_rulebook(rulebook)
    view = EventView.from_events(events)
    hit = np.zeros(len(events), dtype=bool)
    hit[view.rows(np.flatnonzero(book.predicates[name].evaluate(view, {})))] = True
    return sorted(events.index[hit])


def _frame(events, rulebook="wt2018", rules=None):
    return analyse(Chronology(events), rulebook=rulebook, rules=rules).to_frame()


@pytest.mark.parametrize("visit", [_VISIT, _VISIT[:3]])  # saying csc was phoned, or not
def test_the_bruise_is_one_injury_and_one_concern(visit):
    events = _events([_CONTACT, visit, _SHARED, _FILLER])
    assert events.loc[["e1", "e2", "e3"], "suspicious_injury"].all()
    # the visit that saw it is the first record; the contact and the call are it told again
    assert _selected(events, "new_suspicious_injury") == ["e2"]
    assert _selected(events, "concern_event") == ["e2"]


@pytest.mark.parametrize("rulebook", available_rulebooks())
def test_the_injury_rules_run_once_from_the_visit_in_every_rulebook(rulebook):
    events = _events([_CONTACT, _VISIT, _SHARED, _FILLER])
    frame = _frame(events, rulebook)
    injury = frame[frame["rule_id"].str.startswith("INJ-")]
    assert len(injury) and set(injury["trigger_event_id"]) == {"e2"}
    assert not injury["summary"].str.contains("more such events").any()
    key = frame[(frame["rule_id"] == "SUP-KEY-DECISION") & (frame["trigger_event_id"] == "e2")]
    assert len(key) == 1 and not key["summary"].str.contains("more such events").any()
    assert set(frame["trigger_event_id"]) <= {"e2"}  # nothing from the contact or the call


def test_the_accumulation_counts_the_bruise_once():
    police = (
        "police",
        "2019-02-13 23:40",
        "Domestic incident at home address. Mo alleges Fa pushed her. Children present.",
    )
    events = _events([_CONTACT, _VISIT, _SHARED, police, _FILLER])
    frame = _frame(events, rules=["ESC-CUMULATIVE"])
    assert frame.empty  # one bruise and one incident: two concerns, not four


def test_a_new_bruise_days_later_is_a_second_injury():
    new = ("health_visiting", "2019-02-01 10:00", "Home visit. New bruise to L ear noted.")
    events = _events([_CONTACT, _VISIT, _SHARED, new, _FILLER])
    assert _selected(events, "new_suspicious_injury") == ["e2", "e4"]
    shared = ("csc", "2019-02-02", "Information shared by HV re new bruise to ear.")
    events = _events([_CONTACT, _VISIT, _SHARED, shared, _FILLER])
    assert _selected(events, "new_suspicious_injury") == ["e2", "e4"]


@pytest.mark.parametrize(
    "told",
    [
        "Information shared with CSC re bruise.",
        "Email to SW re bruise to cheek.",
        "T/C from SW re bruising.",
        "Phone from MASH SW regarding the bruising.",
    ],
)
def test_information_passed_on_about_the_bruise_is_that_bruise(told):
    events = _events([_VISIT, ("health_visiting", "2019-01-30", told), _FILLER])
    assert _selected(events, "new_suspicious_injury") == ["e1"]


def test_information_about_a_bruise_no_party_to_it_recorded_is_judged():
    """The school's bruise passed on to the GP is not the health visitor's bruise."""
    events = _events([_VISIT, ("gp", "2019-01-30", "Email from school re bruise to arm."), _FILLER])
    assert events.loc["e2", "suspicious_injury"]
    # the GP's 'email from school' is a report within 7 days (an earlier rule): still the
    # same injury; but information shared with no party in common and no report words is not
    events = _events(
        [_VISIT, ("education", "2019-01-30", "Information shared with GP re bruise to arm.")]
    )
    assert _selected(events, "new_suspicious_injury") == ["e1", "e2"]


def test_a_referral_and_the_contact_it_made_keep_one_first_record():
    """Both messages, no visit: csc's untimed contact listed before the health visitor's own
    referral of that day; one of them stays the injury's first record."""
    referral = (
        "health_visiting",
        "2019-01-28 15:00",
        "Referral to CSC: bruise to cheek of non-mobile baby seen at clinic.",
    )
    events = _events([_CONTACT, referral, _FILLER])
    assert len(_selected(events, "new_suspicious_injury")) == 1
    assert len(_selected(events, "concern_event")) == 1


def _view():
    return EventView.from_events(
        make_events(
            start=["2019-01-28", "2019-01-28 14:30", "2019-01-29", "2019-01-28"],
            agency=["csc", "health_visiting", "health_visiting", "police"],
            event_type=["referral", "health_visit", "information_sharing", "police_incident"],
            counterparts=[("health_visiting",), ("csc",), ("csc",), ()],
            source_sheet=["csc", "hv", "hv", "police"],
            source_row=[2, 2, 3, 2],
        )
    )


def test_follows_either_order_finds_the_same_day_event_listed_after():
    view = _view()
    later = {"event_type": ["health_visit"]}
    plain = compile_predicate({"follows": later}, where="t")
    either = compile_predicate({"follows": later, "follows_either_order": True}, where="t")
    ids = list(view.ids)
    assert [ids[i] for i in np.flatnonzero(plain.evaluate(view, {}))] == []
    got = [ids[i] for i in np.flatnonzero(either.evaluate(view, {}))]
    assert sorted(got) == ["e1", "e4"]  # not the visit itself, not the next day's call


def test_follows_either_order_with_a_party():
    view = _view()
    spec = {"follows": {"event_type": ["health_visit"]}, "follows_party": True}
    either = compile_predicate({**spec, "follows_either_order": True}, where="t")
    ids = list(view.ids)
    # the police record shares the day but not the health visitor
    assert [ids[i] for i in np.flatnonzero(either.evaluate(view, {}))] == ["e1"]
    own = compile_predicate(
        {"follows": {"agency": ["health_visiting"]}, "follows_party": True,
         "follows_either_order": True},
        where="t",
    )  # fmt: skip
    # the visit is never its own partner
    assert [ids[i] for i in np.flatnonzero(own.evaluate(view, {}))] == ["e1"]


def test_follows_either_order_needs_follows():
    with pytest.raises(PredicateError, match="follows_either_order needs follows"):
        compile_predicate({"follows_either_order": True}, where="t")
    with pytest.raises(PredicateError, match="follows_either_order needs follows"):
        compile_predicate({"follows": "x", "follows_either_order": "yes"}, where="t")


@pytest.mark.parametrize(
    "named",
    [
        ("csc", "2019-02-10", "Multi-agency meeting regarding bruising."),
        ("csc", "2019-02-20", "ICPC re bruising to cheek. Child A made subject of CP plan."),
        ("police", "2019-02-12", "Investigation re: bruise. Mother interviewed under caution."),
    ],
)
def test_a_meeting_about_the_bruise_weeks_later_is_that_bruise(named):
    events = _events([_VISIT, named, _FILLER])
    assert _selected(events, "new_suspicious_injury") == ["e1"]


def test_a_discussion_of_a_new_bruise_within_the_week_is_a_new_injury():
    discussion = (
        "csc",
        "2019-02-01",
        "Strategy discussion re new bruise to ear reported by nursery. S47 agreed.",
    )
    events = _events([_VISIT, discussion, _FILLER])
    assert _selected(events, "new_suspicious_injury") == ["e1", "e2"]
