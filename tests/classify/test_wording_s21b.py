"""Entries as agencies write them, misread before the vocabulary line that reads them (s21,
second round).

Every row is fictional ("Child A", "Mother", "SW1"). Each misreading reached a rule: early
help's step-up to social care and a police VPRF were no referral to csc (ASM-INITIAL and the
other referral clocks never started), a stab wound was no injury (INJ-REFER and the other
injury rules), a review conference that plans the plan's end was no conference (CONF-REVIEW),
a GP's receipt of the ICPC minutes was the conference, and a survey requested in a list was
done (INJ-SKELETAL).
"""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events


def classified(agency: str, details: str, *, child_dob: str | None = None) -> pd.Series:
    """The classified row of one entry (dated 12/03/2007)."""
    events = make_events(start="12/03/2007", agency=agency, details=details)
    dob = None if child_dob is None else pd.Timestamp(child_dob)
    rows, _ = classify_events(events, child_dob=dob)
    return rows.iloc[0]


# --- 1. early help steps the case up to children's social care: a referral to csc ----------
@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("early_years", "Step up to CSC"),
        ("early_years", "Stepped up to social care"),
        ("early_years", "Case stepped up to children's social care"),
        ("early_years", "Step-up to children's social care agreed by EH manager"),
        ("early_years", "Step up form completed and sent to MASH"),
        ("education", "Step up to CSC"),
        # social care receiving it
        ("csc", "Stepped up from Early Help"),
        ("csc", "Step up request from Early Help"),
    ],
)
def test_a_step_up_is_a_referral_to_social_care(agency, details):
    row = classified(agency, details)
    assert row[schema.EVENT_TYPE] == "referral"
    if agency != "csc":
        assert "csc" in row[schema.COUNTERPARTS]


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        # social care's step down stays its closure, a step up within it no referral
        ("stepped down to Early Help", "case_closure"),
        ("Case stepped down to EH", "case_closure"),
        ("Case stepped up to child protection", "other"),
    ],
)
def test_a_step_down_stays_the_closure(details, expected):
    assert classified("csc", details)[schema.EVENT_TYPE] == expected


# --- 2. the police's vulnerable person referral form ------------------------------------------
@pytest.mark.parametrize(
    "details",
    [
        "VPRF submitted",
        "VPRF1 completed and sent to CSC",
        "VPRF 1 submitted re Child A",
        "Vulnerable Person Referral Form",
    ],
)
def test_a_vprf_is_the_police_notifying_social_care(details):
    row = classified("police", details)
    assert row[schema.EVENT_TYPE] == "referral"
    assert row[schema.COUNTERPARTS] == ("csc",)


def test_a_vprf_received_by_social_care_involves_the_police():
    row = classified("csc", "VPRF received")
    assert row[schema.EVENT_TYPE] == "referral"
    assert "police" in row[schema.COUNTERPARTS]


# --- 3. a knife wound is an injury -------------------------------------------------------------
@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("hospital", "Stab wound to leg"),
        ("hospital", "Stab injury to abdomen"),
        ("police", "Child A stabbed"),
        ("police", "Child A was stabbed in the park"),
        ("police", "YP stabbed in the thigh by unknown male"),
        ("hospital", "Knife wound to arm"),
        ("hospital", "Presented with a knife injury to hand"),
        ("hospital", "Slash wound to face"),
        ("police", "Child A was slashed across the face"),
        ("hospital", "Laceration from a knife to left hand"),
        ("police", "Child A victim of a stabbing"),
    ],
)
def test_a_knife_wound_is_an_injury(agency, details):
    row = classified(agency, details, child_dob="2005-01-01")
    assert bool(row[schema.INJURY]) is True
    assert tuple(row[schema.INJURY_KINDS]) == ("laceration",)
    # a wound is suspicious as any injury is: not at two, with nothing said of it
    assert bool(row[schema.SUSPICIOUS_INJURY]) is False


def test_a_baby_stabbed_is_a_suspicious_injury():
    row = classified("hospital", "Stab wound to leg", child_dob="2006-06-01")
    assert bool(row[schema.SUSPICIOUS_INJURY]) is True


@pytest.mark.parametrize(
    "details",
    [
        # the child stabbed someone, or an adult was stabbed
        "Child A stabbed another boy",
        "YP stabbed a peer",
        "Child A arrested for stabbing another youth",
        "Father stabbed Mother",
        "Mother stabbed by partner",
        "Mother was stabbed",
        "Mother sustained a stab wound to her arm",
        # none
        "No stab wounds",
        "Child A denied being stabbed",
        "Child A found in possession of a knife",
    ],
)
def test_a_wound_not_the_childs_is_none(details):
    assert bool(classified("police", details)[schema.INJURY]) is False


# --- 4. a review conference that plans the plan's end -------------------------------------------
@pytest.mark.parametrize(
    "details",
    [
        "RCPC: CP plan will be ended",
        "RCPC: CP plan to be ended",
        "RCPC - CP plan to be ended at next review",
        "Review conference: CP plan will cease",
        "RCPC: CPP to be ended",
        "Review conference - plan to end",
    ],
)
def test_a_review_conference_planning_the_plans_end_was_held(details):
    assert classified("csc", details)[schema.EVENT_TYPE] == "review_conference"


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        # a conference still to come, or planned together with the ending
        ("CP plan will be ended at next RCPC", "other"),
        ("RCPC and plan to be ended", "other"),
        # the conference's invitations are no ending's words
        ("ICPC invitations sent", "information_sharing"),
    ],
)
def test_a_conference_to_come_stays_planned(details, expected):
    row = classified("csc", details)
    assert row[schema.EVENT_TYPE] == expected


# --- 5. the minutes of a conference, a survey requested in a list -----------------------------
@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("gp", "Received ICPC minutes"),
        ("gp", "ICPC minutes received - CA subject to CP plan under neglect"),
        ("gp", "Minutes of ICPC received"),
        ("health_visiting", "Core group minutes received"),
        ("hospital", "Strategy discussion minutes received"),
        ("education", "Received minutes of strategy discussion"),
    ],
)
def test_the_minutes_received_are_information_not_the_meeting(agency, details):
    row = classified(agency, details)
    assert row[schema.EVENT_TYPE] == "information_sharing"
    assert row[schema.COUNTERPARTS] == ("csc",)


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        # social care's own record of its meetings' minutes records the meeting
        ("ICPC minutes distributed", "icpc"),
        ("Strategy discussion minutes awaited", "strategy_discussion"),
    ],
)
def test_social_cares_minutes_record_its_meeting(details, expected):
    assert classified("csc", details)[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    "details",
    [
        "Skeletal survey, CT head and bloods requested",
        "Skeletal survey, CT head and MRI requested",
        "Skeletal survey, CT head, and bloods requested",
    ],
)
def test_a_list_shares_the_cue_after_its_last_item(details):
    row = classified("hospital", details)
    assert row[schema.EVENT_TYPE] == "other"
    assert "skeletal_survey" in row[schema.MENTIONS]


@pytest.mark.parametrize(
    "details",
    [
        "Skeletal survey done, CT head and bloods requested",
        # a bare comma, no list: the survey stands alone
        "Skeletal survey, CT head requested",
    ],
)
def test_a_survey_done_beside_a_list_stays_done(details):
    assert classified("hospital", details)[schema.EVENT_TYPE] == "skeletal_survey"


@pytest.mark.parametrize(
    "details",
    [
        # a child living with family, as a visit records it: no placement by the local
        # authority (the rulebooks read the arrangement from the words: family_arrangement)
        "Child A staying with maternal aunt",
        "Child A moved to live with grandparents",
    ],
)
def test_a_child_living_with_family_is_no_placement(details):
    assert classified("csc", details)[schema.EVENT_TYPE] == "other"


def test_a_child_placed_with_family_is_a_placement():
    assert classified("csc", "Child A placed with maternal aunt")[schema.EVENT_TYPE] == "placement"


# --- the sweep: police, the front door, conferences, placements, missing ----------------------
@pytest.mark.parametrize(
    ("agency", "details", "expected", "counterparts"),
    [
        # a referral to the National Referral Mechanism goes to no children's social care
        # (ASM-INITIAL had started on it)
        ("police", "NRM referral submitted", "referral", ()),
        ("csc", "Referral to the NRM made - Child A potential victim of CCE", "referral", ()),
        # the police notifying social care by other names
        ("police", "Notification to children's services completed", "referral", ("csc",)),
        ("police", "Child at risk form submitted", "referral", ("csc",)),
        # the front door's decision, whatever it decides (was other)
        ("csc", "MASH decision: progress to assessment", "referral_decision", ()),
        ("csc", "Front door decision - progress to single assessment", "referral_decision", ()),
        # placed by the local authority (SUP-KEY-DECISION)
        ("csc", "Child A placed out of area", "placement", ()),
        ("csc", "Child A placed in semi-independent accommodation", "placement", ()),
        ("csc", "Child A became looked after", "placement", ()),
    ],
)
def test_event_types_of_the_sweep(agency, details, expected, counterparts):
    row = classified(agency, details)
    assert row[schema.EVENT_TYPE] == expected
    assert tuple(row[schema.COUNTERPARTS]) == counterparts


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # a child taken off a school roll or a practice list ends no child protection plan
        # (VIS-CP, CONF-REVIEW had closed the plan on it)
        ("education", "Elective home education - Mother deregistered CA from school", "other"),
        ("education", "Child A deregistered from the school roll", "other"),
        ("csc", "Child A deregistered from the practice", "other"),
        # the plan's end stays one
        ("education", "Child A deregistered from CP register", "cp_plan_end"),
        ("csc", "Child A deregistered", "cp_plan_end"),
    ],
)
def test_a_child_off_a_roll_ends_no_plan(agency, details, expected):
    assert classified(agency, details)[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    ("details", "counterparts"),
    [
        # a cue after a list joined by commas alone is its last item's (SD-PARTIES, INJ-STRAT
        # had found the police absent)
        ("Strategy discussion with police, GP not available", ("police",)),
        ("Strategy discussion with police, school, GP not available", ("education", "police")),
        # a joining word makes it the whole list's, as a cue before the list does
        ("Police and GP not invited to strategy discussion", ()),
        ("Not shared with police, GP", ()),
    ],
)
def test_a_cue_after_a_list_joined_by_commas(details, counterparts):
    assert tuple(classified("csc", details)[schema.COUNTERPARTS]) == counterparts


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # a PPN by its long names is the police notifying social care, no police protection
        ("police", "Police Protection Notification submitted", "referral"),
        ("police", "Public Protection Notice submitted", "referral"),
        ("police", "Child A taken into police protection", "placement"),
        # consent not obtained negates no decision written after it
        ("csc", "Contact: consent not obtained, NFA", "referral_decision"),
        # the assessment's outcome is the assessment's end (ASM-INITIAL had found none); in
        # 2007, the initial assessment of its time
        ("csc", "Assessment outcome: CIN plan", "initial_assessment"),
        ("police", "Child A given a youth caution", "police_investigation"),
    ],
)
def test_event_types_of_the_sweep_continued(agency, details, expected):
    assert classified(agency, details)[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    ("details", "child_seen"),
    [
        # missing or absent at the visit: not there (was social care's visit default, seen:
        # VIS-CP counted them)
        ("Visit - Child A missing at time of visit", False),
        ("Visit to YP at placement - YP absent", False),
        ("Visit - YP missing from placement.", False),
        # absent from school and seen at home is still seen
        ("Home visit - CA absent from school, seen at home", True),
        ("Home visit - CA in school uniform, seen", True),
        # the worker with the child, away from a visit (was not said)
        ("SW met CA at McDonalds", True),
        ("SW took CA for lunch, wishes and feelings explored", True),
    ],
)
def test_child_seen_by_social_care(details, child_seen):
    value = classified("csc", details)[schema.CHILD_SEEN]
    assert value is not pd.NA and bool(value) is child_seen


def test_the_child_taken_by_a_parent_is_not_seen_by_social_care():
    assert classified("csc", "Mother took CA to the GP")[schema.CHILD_SEEN] is pd.NA


def test_a_step_down_to_targeted_early_help_is_the_closure():
    assert classified("csc", "Stepped down to Targeted Early Help")[schema.EVENT_TYPE] == (
        "case_closure"
    )


@pytest.mark.parametrize(
    ("agency", "practitioner", "role"),
    [
        ("csc", "Practice Supervisor", "team_manager"),
        ("health_visiting", "SCPHN", "health_visitor"),
        ("early_years", "EHP1", "family_support_worker"),
        ("early_years", "Family Practitioner", "family_support_worker"),
    ],
)
def test_roles_as_titled_since_2014(agency, practitioner, role):
    events = make_events(
        start="12/03/2007", agency=agency, details="Visit", practitioner=practitioner
    )
    rows, _ = classify_events(events)
    assert rows.iloc[0][schema.ROLE] == role
