"""Entries as agencies write them, misread before the vocabulary line that reads them.

Every row is fictional ("Child A", "Mother", "SW1", "TM2"). Each misreading reached a rule:
a decision not to accept a referral was a new referral (ASM-INITIAL, ESC-REF-DECISION,
ESC-CUMULATIVE), a strategy discussion held without the police was no strategy discussion
(INJ-STRAT, CONF-ICPC, SD-PARTIES), a child taken to the CP medical was no medical
(INJ-MEDICAL), a GP's "3/7 hx of bruise" was no injury (INJ-REFER and the other injury
rules).
"""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events


def classified(agency: str, details: str) -> pd.Series:
    """The classified row of one entry (dated 12/03/2007)."""
    rows, _ = classify_events(make_events(start="12/03/2007", agency=agency, details=details))
    return rows.iloc[0]


# --- 1. social care's decision not to accept a referral -------------------------------------
@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("csc", "Referral not accepted - NFA"),
        ("csc", "Referral not accepted by CSC, NFA"),
        ("csc", "Referral not accepted - no role for CSC"),
        ("csc", "Contact not accepted as a referral - NFA"),
        ("csc", "Referral rejected - NFA"),
        # 'declined' had negated the NFA after it: the row was other
        ("csc", "Referral declined, no further action, advice given to referrer"),
        ("csc", "Mother declined services, NFA"),
        # another agency recording social care's decision on its referral
        ("health_visiting", "Referral not accepted by CSC, NFA"),
        ("education", "Referral not accepted by MASH - threshold not met"),
    ],
)
def test_a_referral_not_accepted_is_the_decision_on_it(agency, details):
    row = classified(agency, details)
    assert row[schema.EVENT_TYPE] == "referral_decision"


def test_another_agencys_record_of_the_decision_involves_social_care():
    row = classified("health_visiting", "Referral not accepted by CSC, NFA")
    assert "csc" in row[schema.COUNTERPARTS]


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        # a referral received, with the decision in the same entry, stays the referral
        ("Contact received from GP, no further action - already known to EH", "referral"),
        ("Referral accepted - IA to be completed", "referral"),
        # declined, with no decision written: what did not happen
        ("Referral declined", "other"),
    ],
)
def test_a_referral_received_or_declined_stays_what_it_was(details, expected):
    assert classified("csc", details)[schema.EVENT_TYPE] == expected


# --- 2. a strategy discussion held without a professional -----------------------------------
@pytest.mark.parametrize(
    "details",
    [
        "Police not invited to strategy discussion",
        "Police not invited to the strategy meeting",
        "CAIT were not invited to strategy discussion",
        "Police did not attend strategy discussion",
        "Police not present at strategy discussion",
        "Strategy discussion held without police",
        "Strategy discussion without police input",
    ],
)
def test_social_cares_strategy_discussion_without_the_police_was_held(details):
    row = classified("csc", details)
    assert row[schema.EVENT_TYPE] == "strategy_discussion"
    assert "police" not in row[schema.COUNTERPARTS]  # SD-PARTIES still finds them missing


def test_social_cares_conference_without_the_gp_was_held():
    assert classified("csc", "GP did not attend ICPC - report sent")[schema.EVENT_TYPE] == "icpc"


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        # the agency left out records no strategy discussion of its own
        ("police", "Police not invited to strategy discussion"),
        ("education", "School was not invited to the strategy discussion."),
        ("gp", "GP not invited to strategy discussion."),
        # one that did not happen
        ("csc", "Strategy discussion not held - police unavailable"),
    ],
)
def test_no_strategy_discussion_for_the_agency_left_out(agency, details):
    row = classified(agency, details)
    assert row[schema.EVENT_TYPE] == "other"
    assert "strategy_discussion" not in row[schema.MENTIONS]


# --- 3. the child protection medical: done or planned, as written ---------------------------
@pytest.mark.parametrize(
    "details",
    [
        "Child A taken to hospital for a CP medical",
        "Child A taken to CDC for CP medical",
        "SW1 took Child A to Riverside Hospital for a CP medical.",
        "Child A brought to the CDC for a child protection medical",
    ],
)
def test_the_child_taken_to_the_medical_is_at_the_medical(details):
    row = classified("csc", details)
    assert row[schema.EVENT_TYPE] == "medical_examination"
    assert row[schema.CHILD_SEEN] is not pd.NA and bool(row[schema.CHILD_SEEN]) is True


@pytest.mark.parametrize(
    "details",
    [
        "CP medical arranged at hospital",
        "Child A to be taken to hospital for a CP medical",
        "Referred for CP medical",
        "Admitted to the paediatric ward for a child protection medical.",
    ],
)
def test_a_medical_arranged_or_to_come_is_named_as_a_plan(details):
    row = classified("csc", details)
    assert row[schema.EVENT_TYPE] != "medical_examination"
    assert "medical_examination" in row[schema.MENTIONS]


# --- the sweep: entries read wrongly before ------------------------------------------------
@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        ("csc", "Case supervised by TM2 - plan agreed", "supervision"),
        ("csc", "Supervsion - case not discussed", "other"),
        ("csc", "Decision to close case", "case_closure"),
        ("hospital", "Child A brought into ED by ambulance, unresponsive", "hospital_attendance"),
        ("hospital", "Left ED before being seen by doctor", "hospital_attendance"),
        ("early_years", "Childminder reported concerns to Ofsted", "concern"),
        ("camhs", "CAMHS referral rejected - does not meet threshold", "referral_decision"),
        ("early_years", "Nursery concerns re CA's weight loss", "concern"),
        ("early_years", "Cause for concern form completed", "concern"),
        ("education", "Referral to MASH re concerns about home conditions", "referral"),
    ],
)
def test_event_types_of_the_sweep(agency, details, expected):
    assert classified(agency, details)[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    ("details", "kinds"),
    [
        ("Mum attended with CA - 3/7 hx of bruise R thigh, unable to explain.", ("bruise",)),
        ("2/7 history of swelling L wrist", ("swelling",)),
        ("1/52 hx of burn to R hand", ("burn",)),
    ],
)
def test_a_gps_duration_of_the_complaint_is_an_injury_seen_now(details, kinds):
    row = classified("gp", details)
    assert bool(row[schema.INJURY]) is True
    assert tuple(row[schema.INJURY_KINDS]) == kinds


def test_a_past_history_of_an_injury_is_still_none():
    assert not bool(classified("gp", "PMH: hx of fractured arm age 2")[schema.INJURY])


def test_a_home_visit_by_the_social_worker_names_no_health_visitor():
    row = classified("csc", "HV by SW1 - Child A seen and spoken to alone in bedroom")
    assert row[schema.EVENT_TYPE] == "home_visit"
    assert "health_visiting" not in row[schema.COUNTERPARTS]
    # a health visitor named in a social care entry still is one
    assert (
        "health_visiting"
        in classified("csc", "Joint visit with HV2, baby seen in cot")[schema.COUNTERPARTS]
    )


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("health_visiting", "HV visit - Mother declined to let HV see baby"),
        ("csc", "Home visit - Mother declined to let SW see Child A"),
    ],
)
def test_a_parent_who_declined_to_let_the_worker_see_the_child(agency, details):
    value = classified(agency, details)[schema.CHILD_SEEN]
    assert value is not pd.NA and bool(value) is False


@pytest.mark.parametrize(
    ("agency", "practitioner", "role"),
    [
        ("csc", "SWA", "social_worker"),
        ("health_visiting", "SHV2", "health_visitor"),
    ],
)
def test_roles_as_abbreviated(agency, practitioner, role):
    rows, _ = classify_events(
        make_events(start="12/03/2007", agency=agency, details="Visit", practitioner=practitioner)
    )
    assert rows.iloc[0][schema.ROLE] == role


@pytest.mark.parametrize(
    ("details", "child_seen"),
    [
        # the visit that did not get in (VIS-CP had counted it: social care's default)
        ("Unannounced visit - Mother would not let SW in", False),
        ("Home visit - Father refused to let the SW in", False),
        # direct work with the child is seeing the child, wherever it is ('CA at school'
        # had said away from the home)
        ("Direct work with CA at school", True),
        ("SW1 spent time with Child A alone, completed wishes and feelings work", True),
        ("Wishes and feelings session with Child A", True),
        ("Home visit - CA at school", False),
    ],
)
def test_child_seen_by_social_care(details, child_seen):
    value = classified("csc", details)[schema.CHILD_SEEN]
    assert value is not pd.NA and bool(value) is child_seen


def test_the_ages_and_stages_questionnaire_is_the_developmental_review():
    row = classified("health_visiting", "Ages and Stages questionnaire completed")
    assert row[schema.EVENT_TYPE] == "health_visit"


@pytest.mark.parametrize(
    ("details", "injury", "kinds"),
    [
        # misspelt as written in haste
        ("Bruseing to CA's back", True, ("bruise",)),
        ("Small brusie on forehead", True, ("bruise",)),
        ("Scold to hand", True, ("burn",)),
        ("No bruseing seen", False, ()),
        # the verb is no scald
        ("Mother scolded CA for being rude", False, ()),
        ("Mother would scold him", False, ()),
    ],
)
def test_injuries_misspelt(details, injury, kinds):
    row = classified("csc", details)
    assert bool(row[schema.INJURY]) is injury
    assert tuple(row[schema.INJURY_KINDS]) == kinds


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        # the front door's decision on a contact (a referral to early help made by social
        # care had been a referral, read as one to social care itself: ASM-INITIAL)
        ("MASH RAG: amber. Outcome: Early Help", "referral_decision"),
        ("Contact - information only, no action for CSC", "referral_decision"),
        ("Early Help referral made", "referral_decision"),
        ("Passed to EH hub", "referral_decision"),
        ("Referred to Early Help", "referral_decision"),
        # a referral from early help to social care stays one
        ("Early Help referral received re CA", "referral"),
        ("Referral from Early Help re neglect", "referral"),
    ],
)
def test_a_contact_passed_to_early_help_is_the_decision_on_it(details, expected):
    assert classified("csc", details)[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    ("agency", "details", "counterparts"),
    [
        # a call that did not reach the agency involves it not (INJ-REFER)
        ("gp", "Tried to call CSC - no answer", ()),
        ("early_years", "Nursery contacted CSC - no response", ()),
        # one that reached a worker of it does
        ("gp", "Attempted to contact CSC, spoke to duty SW", ("csc",)),
        ("gp", "Phoned CSC, spoke to duty SW", ("csc",)),
    ],
)
def test_an_attempt_that_did_not_reach_the_agency(agency, details, counterparts):
    assert tuple(classified(agency, details)[schema.COUNTERPARTS]) == counterparts


@pytest.mark.parametrize(
    ("agency", "details", "planned"),
    [
        # the cue after the second event plans the first, joined by 'and', beyond its
        # reach of two words: the survey and the strategy discussion had been done
        # (INJ-SKELETAL, INJ-STRAT answered by a request)
        ("hospital", "Skeletal survey and CT head requested.", "skeletal_survey"),
        ("csc", "Strategy discussion and CP medical to be arranged", "strategy_discussion"),
        ("csc", "Core group and CIN meeting to be arranged", "core_group"),
    ],
)
def test_events_joined_by_and_share_the_cue_after_them(agency, details, planned):
    row = classified(agency, details)
    assert row[schema.EVENT_TYPE] == "other"
    assert planned in row[schema.MENTIONS]


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # more than a joining word between them: the first happened
        ("csc", "Strategy discussion held and CP medical to be arranged", "strategy_discussion"),
        ("hospital", "Skeletal survey done, CT requested", "skeletal_survey"),
    ],
)
def test_an_event_done_beside_one_planned_stays_done(agency, details, expected):
    assert classified(agency, details)[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # a patient leaving the practice is no end of a child protection plan (CONF-REVIEW,
        # VIS-CP had closed the plan on it)
        ("gp", "Deregistered - moved out of area", "other"),
        ("gp", "Child A deregistered from CP register", "cp_plan_end"),
        ("csc", "Child A deregistered", "cp_plan_end"),
        # police logs
        (
            "police",
            "Officers arrived at 23:10, Mother intoxicated, CA asleep in cot, seen",
            "police_incident",
        ),
        (
            "police",
            "STORM log: female caller reports partner assaulted her, 2 children present",
            "police_incident",
        ),
        ("police", "Father charged with assaulting Mother", "police_investigation"),
        (
            "police",
            "Father voluntarily attended police station for interview",
            "police_investigation",
        ),
        ("police", "File submitted to CPS", "police_investigation"),
        ("hospital", "Paediatric consultant review - concerns re NAI.", "medical_examination"),
    ],
)
def test_event_types_of_the_sweep_continued(agency, details, expected):
    assert classified(agency, details)[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    ("agency", "details", "child_seen"),
    [
        ("police", "Officers arrived at 23:10, Mother intoxicated, CA asleep in cot, seen", True),
        ("csc", "Home visit - CA asleep in cot, seen", True),
        ("csc", "Home visit - CA asleep upstairs, not seen", False),
    ],
)
def test_a_child_seen_asleep_and_checked(agency, details, child_seen):
    value = classified(agency, details)[schema.CHILD_SEEN]
    assert value is not pd.NA and bool(value) is child_seen


@pytest.mark.parametrize(
    ("details", "expected", "counterparts"),
    [
        # the special guardians named are no order made (was court, involving the courts)
        ("SGO carers contacted", "other", ("carer",)),
        ("SGO granted to maternal grandparents", "court", ("grandparent", "legal")),
    ],
)
def test_special_guardians_named_are_no_order(details, expected, counterparts):
    row = classified("csc", details)
    assert row[schema.EVENT_TYPE] == expected
    assert tuple(row[schema.COUNTERPARTS]) == counterparts


@pytest.mark.parametrize(
    ("details", "expected", "counterparts"),
    [
        # visits to come are no visit (VIS-CP had counted the child seen)
        ("Covid-19 risk assessment - visits to be virtual", "other", ()),
        ("Home visits to move to fortnightly", "other", ()),
        # the assessment and the service named are not the family
        ("Child and family assessment completed", "single_assessment", ()),
        ("Step down to Family Help", "case_closure", ()),
        # the family seen still is
        ("Home visit - family seen", "home_visit", ("family",)),
    ],
)
def test_wording_of_2018_to_2023(details, expected, counterparts):
    row = classified("csc", details)
    assert row[schema.EVENT_TYPE] == expected
    assert tuple(row[schema.COUNTERPARTS]) == counterparts


def test_virtual_visits_to_come_see_no_child():
    assert (
        classified("csc", "Covid-19 risk assessment - visits to be virtual")[schema.CHILD_SEEN]
        is pd.NA
    )


@pytest.mark.parametrize(
    ("details", "child_seen"),
    [
        # left asleep, or away at a parent's: not seen (was the visit default, seen: VIS-CP)
        ("Visit - CA in bed, not disturbed", False),
        ("Home visit - baby in cot, not woken", False),
        ("Visit - CA at dad's", False),
        ("Visit - CA at her mum's", False),
        # seen there, or seen asleep and checked
        ("Visit - CA seen at dad's", True),
        ("Visit - CA asleep in cot, seen", True),
        ("Visit - Mother not disturbed by the noise, CA seen", True),
    ],
)
def test_a_child_left_asleep_or_away_at_a_visit(details, child_seen):
    value = classified("csc", details)[schema.CHILD_SEEN]
    assert value is not pd.NA and bool(value) is child_seen


@pytest.mark.parametrize(
    ("details", "counterparts"),
    [
        # the parties of a strategy discussion as social care names them (SD-HEALTH,
        # SD-PARTIES): a sergeant is the police, the front door's health practitioner health
        ("Strategy discussion with Sgt Y", ("police",)),
        ("Strategy discussion with MASH police and MASH health", ("health_visiting", "police")),
        ("Strategy discussion - health rep present", ("health_visiting",)),
        # one unavailable took no part
        ("Strategy discussion with police - GP unavailable", ("police",)),
        ("Strategy discussion not held - police unavailable", ()),
    ],
)
def test_the_parties_of_a_strategy_discussion(details, counterparts):
    assert tuple(classified("csc", details)[schema.COUNTERPARTS]) == counterparts
