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


# --- 9. the police called during another agency's contact; messages; concerns raised -------
@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        ("csc", "Visit - Mo intoxicated. CA (18m) in cot. Police called", "home_visit"),
        ("police", "Police called to address by neighbour - DV", "police_incident"),
        ("hospital", "Police called - Dad aggressive on ward", "police_incident"),
        ("csc", "Sup w/ TM2 - case reviewed. Drift noted", "supervision"),
        ("csc", "Text to Mo re visit tmrw", "information_sharing"),
        ("csc", "Ring round completed - GP, HV and school: no concerns", "information_sharing"),
        ("health_visiting", "Contact from GP re missed imms", "information_sharing"),
        # social care's contact from another agency is still a contact (a referral)
        ("csc", "Contact from GP re missed imms", "referral"),
        (
            "ambulance",
            "Safeguarding concern raised to LA via ambulance safeguarding team",
            "referral",
        ),
    ],
)
def test_calls_messages_and_concerns_raised(agency, details, expected):
    assert classified(agency, details)[schema.EVENT_TYPE] == expected


def test_a_concern_raised_to_the_local_authority_goes_to_social_care():
    assert "csc" in classified("ambulance", "Concerns reported to MASH")[schema.COUNTERPARTS]


def test_a_prevent_referral_is_no_referral_to_social_care():
    row = classified("probation", "Referral to Prevent")
    assert row[schema.EVENT_TYPE] == "referral"
    assert "csc" not in row[schema.COUNTERPARTS]


# --- 10. injuries and child seen, as social workers write them ------------------------------
@pytest.mark.parametrize(
    ("details", "kind"),
    [
        ("Sub-conjunctival haemorrhage noted in baby's L eye", "other"),
        ("Subconj haemorrhage R eye", "other"),
        ("Self-harm - CA cutting arms", "laceration"),
    ],
)
def test_injuries_written_short(details, kind):
    row = classified("csc", details)
    assert row[schema.INJURY]
    assert kind in row[schema.INJURY_KINDS]


@pytest.mark.parametrize(
    "details", ["Sib has bruise to face", "Mo has cuts to arms from self harm"]
)
def test_someone_else_s_injury(details):
    assert not classified("csc", details)[schema.INJURY]


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("CYP not spoken to alone - Mo present throughout", True),
        ("Baby in pram asleep - observed", True),
        ("Met with YP in cafe", True),
        ("Visit to school to see CA - CA off sick", False),
    ],
)
def test_child_seen_as_social_workers_write_it(details, expected):
    seen = classified("csc", details)[schema.CHILD_SEEN]
    assert seen is not pd.NA
    assert bool(seen) is expected


def test_mo_seen_alone_is_no_sight_of_the_child():
    assert classified("csc", "Mo seen alone at home")[schema.CHILD_SEEN] is pd.NA


# --- 11. social care's plan, meeting and case wording written short ------------------------
@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Child removed from CPP", "cp_plan_end"),
        ("CPP ended", "cp_plan_end"),
        ("Rehab home to Mo", "return_home"),
        ("Child in need mtg", "cin_meeting"),
        ("CIN reivew", "cin_meeting"),
        ("Closed - s17", "case_closure"),
        ("Closed to CSC", "case_closure"),
        ("Transferred to LAC team", "allocation"),
        ("Transfer to long term team", "allocation"),
    ],
)
def test_social_care_wording_written_short(details, expected):
    assert classified("csc", details)[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    ("details", "not_expected"),
    [
        ("Closed bedroom door - CA seen", "case_closure"),
        ("Mo attending drug rehab", "return_home"),
    ],
)
def test_words_that_only_look_like_it(details, not_expected):
    assert classified("csc", details)[schema.EVENT_TYPE] != not_expected


# --- 12. police and health visiting wording ------------------------------------------------
@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        ("police", "Attended re DV - Mo's ex kicked door in. Children present", "police_incident"),
        ("police", "Attended address following reports of shouting", "police_incident"),
        ("police", "Interview of Mo under caution - denies", "police_investigation"),
        (
            "police",
            "Child Abduction Warning Notice issued to adult male re YP",
            "police_investigation",
        ),
        ("health_visiting", "HV - no concerns", "health_visit"),
        ("health_visiting", "Targeted HV - concerns re home conditions", "health_visit"),
        ("gp", "Requested by CSC to provide info for s47", "information_sharing"),
        ("police", "Info request from MASH", "information_sharing"),
    ],
)
def test_police_and_health_visiting_wording(agency, details, expected):
    assert classified(agency, details)[schema.EVENT_TYPE] == expected


# --- 13. the birth as midwives write it ------------------------------------------------------
@pytest.mark.parametrize(
    "details",
    [
        "Delivered by LSCS. Baby girl 3.2kg",
        "Mo gave birth to CA",
        "Mo delivered baby girl at home - BBA",
        "NVD - live male infant",
        "SVD at 39/40",
    ],
)
def test_the_birth_written_short_gives_the_date_of_birth(details):
    from scr_timeline.classify.birth import find_child_dob

    found = find_child_dob(make_events(start="01/03/2006", agency="midwifery", details=details))
    assert found is not None
    assert found.dob == pd.Timestamp("2006-03-01")


@pytest.mark.parametrize("details", ["Delivered leaflet to Mo", "Sibling born - Baby B"])
def test_no_birth_of_the_child(details):
    from scr_timeline.classify.birth import find_child_dob

    assert find_child_dob(make_events(start="01/03/2006", agency="csc", details=details)) is None


def test_early_help_s_practice_manager_is_its_manager():
    from scr_timeline.classify.roles import roles_from_practitioners

    roles = roles_from_practitioners(
        pd.Series(["Practice Manager", "Practice Manager", "Practice Manager"]),
        pd.Series(["early_years", "csc", "gp"]),
    )
    assert roles.tolist() == ["team_manager", "team_manager", "other"]


@pytest.mark.parametrize(
    ("agency", "details"),
    [("early_years", "EH worker HV - Mo and CA seen"), ("csc", "SW1 HV - CA seen alone")],
)
def test_a_worker_s_hv_is_a_home_visit(agency, details):
    row = classified(agency, details)
    assert row[schema.EVENT_TYPE] == "home_visit"
    assert "health_visiting" not in row[schema.COUNTERPARTS]


def test_a_joint_visit_with_the_health_visitor_names_the_health_visitor():
    row = classified("early_years", "Joint visit with HV")
    assert "health_visiting" in row[schema.COUNTERPARTS]


@pytest.mark.parametrize("name", ["Birth to 5 Service", "0-5 Team", "Birth to Five"])
def test_the_birth_to_five_service_is_health_visiting(name):
    from scr_timeline.classify.agencies import normalise_agencies

    assert normalise_agencies(pd.Series([name]))["agency"].tolist() == ["health_visiting"]


# --- 14. one conference in two agencies' records --------------------------------------------
def test_the_convenor_s_minute_and_an_attender_s_record_are_one_conference():
    from scr_timeline.classify.duplicates import find_duplicates

    events = make_events(
        start=["15/03/2015"] * 4,
        agency=["csc", "education", "gp", "police"],
        counterparts=[(), ("csc",), ("csc",), ("csc",)],
        event_type=["icpc", "icpc", "information_sharing", "strategy_discussion"],
        details=[
            "ICPC - CP plan (physical abuse)",
            "Attended ICPC - CP plan",
            "ICPC report sent - unable to attend",
            "Strategy discussion held",
        ],
    )
    # the school's record is the conference social care minuted; the GP's report and the
    # police's strategy discussion are other contacts
    assert find_duplicates(events).tolist() == [pd.NA, events.index[0], pd.NA, pd.NA]


def test_two_meetings_of_different_kinds_on_a_day_stay_two():
    from scr_timeline.classify.duplicates import find_duplicates

    events = make_events(
        start=["15/03/2015"] * 2,
        agency=["csc", "education"],
        counterparts=[(), ()],
        event_type=["core_group", "cin_meeting"],
        details=["Core group held", "CIN meeting attended"],
    )
    assert find_duplicates(events).isna().all()


# --- 15. plans, closures and managers written short -----------------------------------------
@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("CP plan - neglect", "cp_plan_start"),
        ("CPP (emotional abuse)", "cp_plan_start"),
        ("CP plan reviewed at core group", "core_group"),
        ("CIN closed", "case_closure"),
        ("TM sign off of assessment", "management_oversight"),
        ("Mgt decision - progress to S47", "management_oversight"),
    ],
)
def test_plans_closures_and_managers_written_short(details, expected):
    assert classified("csc", details)[schema.EVENT_TYPE] == expected
