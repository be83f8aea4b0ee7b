"""Entries as agencies write them, misread before the s22 wording round.

Every row is fictional ("Child A", "Mother", "SW1"). Each misreading reached a rule or a
reviewer's reading of who was involved: a social care manager read as a GP practice made
the GP a counterpart (INJ-REFER and the involvement rules count contacts by counterpart).
"""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events


def classified(agency: str, details: str, outcome: str | None = None) -> pd.Series:
    """The classified row of one entry (dated 12/03/2007)."""
    events = make_events(start="12/03/2007", agency=agency, details=details, outcome=outcome)
    rows, _ = classify_events(events)
    return rows.iloc[0]


# --- 1. an agency's own manager or lead, named by a title another agency also uses --------
@pytest.mark.parametrize(
    ("agency", "details", "outcome"),
    [
        ("csc", "Case discussed with practice manager - agreed s47", None),
        ("csc", "Practice manager reviewed case - CIN plan to continue", None),
        ("csc", "Mgmt oversight", "Agreed with Practice Manager: step down"),
        ("early_years", "Case discussed with practice manager - step up agreed", None),
        ("early_years", "Child A collected late, smelling of smoke", "DSL informed"),
    ],
)
def test_a_title_in_its_own_agencys_record_names_no_other_agency(agency, details, outcome):
    assert classified(agency, details, outcome)[schema.COUNTERPARTS] == ()


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # elsewhere the title is still the GP practice's, or the school's
        ("police", "Spoke to practice manager at the surgery", ("gp",)),
        ("hospital", "Letter to practice manager", ("gp",)),
        ("early_years", "Referral to CSC; school DSL informed", ("csc", "education")),
        # in a list, the title is read the recorder's way too; the others stay
        ("csc", "Discussed with HV and practice manager", ("health_visiting",)),
        ("csc", "Discussed with practice manager and GP", ("gp",)),
    ],
)
def test_the_title_elsewhere_and_beside_other_agencies(agency, details, expected):
    assert classified(agency, details)[schema.COUNTERPARTS] == expected


def test_the_same_text_in_two_agencies_records_reads_each_way():
    events = make_events(
        start=["12/03/2007"] * 3,
        agency=["csc", "police", "csc"],
        details=["Discussed with practice manager"] * 3,
    )
    rows, _ = classify_events(events)
    assert rows[schema.COUNTERPARTS].tolist() == [(), ("gp",), ()]


# --- 2. a step-up written as an escalation to social care is a referral to it -------------
@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("early_years", "Case escalated to CSC - step up"),
        ("education", "Case escalated to CSC - step up"),
        ("education", "Escalated to MASH as a referral"),
        ("early_years", "Step up - escalated to MASH"),
        ("early_years", "Concerns escalated to the front door via a step up referral"),
    ],
)
def test_an_escalation_that_is_a_step_up_is_a_referral_to_social_care(agency, details):
    row = classified(agency, details)
    # a step up the continuum of need, no escalation under the professional disagreement
    # policy (ESC-DISAGREE does not take it as one)
    assert row[schema.EVENT_TYPE] == "referral"
    assert "escalation" not in row["mentions"]
    assert "csc" in row[schema.COUNTERPARTS]


@pytest.mark.parametrize(
    "details",
    [
        "Escalated concerns to CSC under escalation policy - unhappy with NFA",
        "Escalated to CSC",
        "Escalated to TM",
    ],
)
def test_an_escalation_that_is_no_step_up_stays_an_escalation(details):
    assert classified("education", details)[schema.EVENT_TYPE] == "escalation"


# --- 3. 'HV' in social care's record: the social worker's home visit ----------------------
@pytest.mark.parametrize(
    "details",
    [
        "HV to Mo. CA seen & spoken to alone. bruise L cheek - mo says fell off sofa",
        "SW1 HV to Mo, CYP seen & spoken to alone",
        "HV to FC - YP seen in her room",
        "Virtual HV (Teams) due to covid. CA seen on camera",
        "Doorstep HV - CA seen",
    ],
)
def test_hv_to_a_person_is_a_home_visit_in_social_care(details):
    row = classified("csc", details, "IA ongoing")
    assert row[schema.EVENT_TYPE] == "home_visit"
    assert "health_visiting" not in row[schema.COUNTERPARTS]
    assert row[schema.CHILD_SEEN] is not pd.NA
    assert bool(row[schema.CHILD_SEEN])


@pytest.mark.parametrize(
    ("agency", "details"),
    [("csc", "Tel call to HV re CA's weight"), ("gp", "Letter from HV to GP re weight")],
)
def test_hv_spoken_to_is_still_the_health_visitor(agency, details):
    assert "health_visiting" in classified(agency, details)[schema.COUNTERPARTS]


# --- 4. a referral to a service that is no safeguarding agency -----------------------------
@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("health_visiting", "2 yr review - speech delay. Referred to SALT"),
        ("gp", "Referral to audiology"),
        ("education", "Referral to SALT and OT"),
        ("early_years", "Ref to Home-Start"),
        ("health_visiting", "Referred to community paediatric physio"),
    ],
)
def test_a_referral_to_a_therapy_or_support_service_is_no_referral_to_csc(agency, details):
    assert "csc" not in classified(agency, details)[schema.COUNTERPARTS]


# --- 5. abbreviations and phrase families ---------------------------------------------------
@pytest.mark.parametrize(
    ("agency", "details", "outcome", "expected"),
    [
        ("csc", "MARAC ref", None, "referral"),
        ("csc", "CAMHS ref made", None, "referral"),
        ("education", "Ref to CSC", None, "referral"),
        ("csc", "Viability assess of MGM completed - negative", None, "carer_assessment"),
        ("csc", "Viab assessment of aunt", None, "carer_assessment"),
        ("education", "Called CSC duty - advice only", None, "information_sharing"),
        ("csc", "LADO consulted re allegation against foster carer", None, "information_sharing"),
        ("police", "Op Encompass notification to school", None, "information_sharing"),
        ("education", "Operation Encompass notification received", None, "information_sharing"),
        ("education", "Attended strat", None, "strategy_discussion"),
        (
            "gp",
            "CA 14yrs, presented with self harm cuts to forearm",
            "Referred to CAMHS",
            "gp_appointment",
        ),
        ("midwifery", "USS - DNA", None, "dna"),
        ("paediatrics", "OPA - WNB", None, "dna"),
    ],
)
def test_abbreviated_entries(agency, details, outcome, expected):
    assert classified(agency, details, outcome)[schema.EVENT_TYPE] == expected


def test_ref_as_a_reference_number_is_no_referral():
    assert (
        classified("education", "Ref: 12345 - letter to parents")[schema.EVENT_TYPE] != "referral"
    )


@pytest.mark.parametrize(
    ("agency", "details", "implied"),
    [
        ("police", "Op Encompass notification to school", "education"),
        ("education", "Operation Encompass notification received", "police"),
        ("education", "Attended strat", "csc"),
    ],
)
def test_the_agency_such_an_entry_involves(agency, details, implied):
    assert implied in classified(agency, details)[schema.COUNTERPARTS]


# --- 6. child seen --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        ("early_years", "Home visit - CA and sibs seen. Home cluttered", True),
        ("housing", "Home visit - Child A & sibling seen", True),
        ("hospital", "DNW - left before being seen", False),
        ("hospital", "Left department before being triaged", False),
        ("csc", "RHI completed - CA went missing w/ friend", True),
    ],
)
def test_child_seen(agency, details, expected):
    seen = classified(agency, details)[schema.CHILD_SEEN]
    assert seen is not pd.NA
    assert bool(seen) is expected


def test_a_return_home_interview_offered_says_nothing_of_seeing():
    assert classified("csc", "Return home interview offered - declined")[schema.CHILD_SEEN] is pd.NA


# --- 7. a parent's injury, the parent written 'Mo' ------------------------------------------
@pytest.mark.parametrize(
    "details",
    [
        "Mo has bruise on arm - says partner grabbed her",
        "Mo had a black eye. Partner arrested",
        "Bruise to Mo's arm",
        "Mo's bf had cut to hand",
    ],
)
def test_mo_s_injury_is_no_injury_to_the_child(details):
    assert not classified("police", details)[schema.INJURY]


@pytest.mark.parametrize(
    "details", ["CA has bruise on arm - Mo says fell", "Mo says CA has a bruise from nursery"]
)
def test_the_child_s_injury_told_by_mo_stays(details):
    assert classified("csc", details)[schema.INJURY]


# --- 8. abbreviated assessments and examinations -------------------------------------------
@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Core assess started. CA seen at nursery", "core_assessment"),
        ("Initial assess completed - NFA", "initial_assessment"),
        ("CA medically examined by Dr P - no injuries found", "medical_examination"),
    ],
)
def test_abbreviated_assessments(details, expected):
    assert classified("csc", details)[schema.EVENT_TYPE] == expected


def test_a_gp_s_examination_is_no_child_protection_medical():
    assert classified("gp", "CA medically examined - chest clear")[schema.EVENT_TYPE] != (
        "medical_examination"
    )
