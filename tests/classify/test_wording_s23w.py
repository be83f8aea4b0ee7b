"""Entries as agencies write them, misread before the s23 wording round.

Every row is fictional ("Child A", "Mother", "Mo", "SW1"). Each misreading reached a rule:
a missed appointment read as an appointment kept is no ``dna`` for ESC-WNB, a mother's
injuries read as the child's trigger the injury procedures, a return home read as
nothing leaves SUP-KEY-DECISION without its trigger.
"""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.agencies import normalise_agencies
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events


def classified(
    agency: str, details: str, outcome: str | None = None, *, dob: str | None = None
) -> pd.Series:
    """The classified row of one entry (dated 12/03/2007)."""
    events = make_events(start="12/03/2007", agency=agency, details=details, outcome=outcome)
    rows, _ = classify_events(events, child_dob=None if dob is None else pd.Timestamp(dob))
    return rows.iloc[0]


# --- 1. "rearranged" before the appointment it qualifies ----------------------------------
@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("gp", "Not brought to rearranged appt."),
        ("gp", "Child not brought to rearranged appointment."),
        ("health_visiting", "Not brought to rearranged clinic appt."),
        ("gp", "Not brought to rescheduled appt"),
        ("paediatrics", "WNB to re-arranged OPA appointment"),
    ],
)
def test_not_brought_to_a_rearranged_appointment_is_a_missed_one(agency, details):
    row = classified(agency, details)
    assert row[schema.EVENT_TYPE] == "dna"
    assert row[schema.CHILD_SEEN] is False or row[schema.CHILD_SEEN] == False  # noqa: E712


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("gp", "Appt rearranged."),
        ("health_visiting", "Home visit rearranged as Mother unwell."),
        ("gp", "Appt rebooked for next week."),
    ],
)
def test_an_appointment_rearranged_did_not_happen(agency, details):
    assert classified(agency, details)[schema.EVENT_TYPE] == "other"


@pytest.mark.parametrize(
    ("details", "outcome"),
    [("8 week check", "DNA - rebooked"), ("DNA - rearranged", None), ("WNB, rescheduled", None)],
)
def test_a_missed_appointment_rebooked_stays_missed(details, outcome):
    assert classified("gp", details, outcome)[schema.EVENT_TYPE] == "dna"


# --- 2. a return home to a parent written short -------------------------------------------
@pytest.mark.parametrize(
    "details",
    [
        "Child A returned to M's care following the end of the placement.",
        "Child A returned to M\u2019s care.",
        "CA returned home to Mo.",
        "Returned to the care of Fa.",
        "Child returned to F's care.",
    ],
)
def test_a_return_to_a_parent_written_short_is_a_return_home(details):
    assert classified("csc", details)[schema.EVENT_TYPE] == "return_home"


def test_a_return_to_a_place_is_no_return_home():
    assert classified("csc", "Child returned to morning nursery session.")[schema.EVENT_TYPE] != (
        "return_home"
    )


# --- 3. an adult's injuries under a label ---------------------------------------------------
@pytest.mark.parametrize(
    "details",
    [
        "DA incident. Injuries to Mo - bruising to face and cut lip.",
        "Injuries to mother: bruise to cheek.",
        "Mother's injuries - black eye and cut lip.",
        "Injury to victim (Mo): cut lip, bruised eye.",
        "Injuries to Mo.",
    ],
)
def test_injuries_labelled_as_an_adults_are_not_the_childs(details):
    row = classified("police", details, dob="2006-06-01")
    assert not row[schema.INJURY]
    assert not row[schema.SUSPICIOUS_INJURY]


@pytest.mark.parametrize(
    ("details", "kinds"),
    [
        ("Injuries to Mo - cut lip; Child A had a bruise to cheek.", ("bruise",)),
        ("Injuries to Mo - cut lip, baby has bruise to cheek.", ("bruise",)),
        ("Mother's injuries - black eye. Child A had a bruise to his cheek.", ("bruise",)),
        ("Injuries to Child A - bruising to face.", ("bruise",)),
    ],
)
def test_the_childs_injury_beside_an_adults_label_still_counts(details, kinds):
    row = classified("police", details, dob="2006-06-01")
    assert row[schema.INJURY_KINDS] == kinds
    assert row[schema.SUSPICIOUS_INJURY]


# --- 4. an injury said not to be suspicious (RULES.md) --------------------------------------
def test_an_injury_not_thought_suspicious_is_an_injury_suspicious_only_by_age():
    text = "Child A had a cigarette burn on her arm; not thought suspicious by DSL."
    older = classified("education", text)
    assert older[schema.INJURY] and older[schema.INJURY_KINDS] == ("burn",)
    assert not older[schema.SUSPICIOUS_INJURY]  # the wording does not say suspicious
    baby = classified("education", text, dob="2006-06-01")
    assert baby[schema.SUSPICIOUS_INJURY]  # under 24 months: suspicious whatever is said


# --- 5. schools named short, and a saint's name alone ---------------------------------------
@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("St Mary's Primary", "education"),
        ("St Mary's Infants", "education"),
        ("Oakfield Juniors", "education"),
        ("St Mary's Primary School", "education"),
        ("St Mary's Hospital", "hospital"),
        ("Primary Care", "gp"),
        ("Riverside Primary Care Centre", "gp"),
    ],
)
def test_a_school_named_short_is_education(name, code):
    assert normalise_agencies(pd.Series([name]))[schema.AGENCY].tolist() == [code]


def test_a_saints_name_alone_is_no_known_agency():
    # hospitals, schools and churches share them: the reader warns (unknown_agency)
    read = normalise_agencies(pd.Series(["St Mary's", "St Thomas'"]))
    assert read[schema.AGENCY].tolist() == ["other", "other"]
    assert not read["matched"].any()


@pytest.mark.parametrize(
    ("details", "counterparts"),
    [
        ("St Mary's Primary raised concerns about Child A's attendance.", ("education",)),
        ("Referral to Primary School.", ("education",)),
        ("Referral to primary care team.", ("gp",)),
        ("Primary immunisations given. Mother is primary carer.", ("carer", "mother")),
    ],
)
def test_primary_in_narrative_is_a_school_only_in_an_agency_context(details, counterparts):
    assert classified("csc", details)[schema.COUNTERPARTS] == counterparts


# --- 6. police systems in an agency column, not in narrative --------------------------------
@pytest.mark.parametrize("name", ["STORM log", "Storm", "Police STORM"])
def test_the_polices_incident_log_names_the_police(name):
    assert normalise_agencies(pd.Series([name]))[schema.AGENCY].tolist() == ["police"]


@pytest.mark.parametrize(
    ("details", "counterparts"),
    [
        ("Home visit; a storm had damaged the roof.", ()),
        ("Athena came to the door.", ()),
        ("STORM log shows 3 DA call-outs to the address.", ("police",)),
        ("Checked Niche records - nothing known.", ("police",)),
    ],
)
def test_police_system_names_in_narrative_only_in_an_agency_context(details, counterparts):
    assert classified("csc", details)[schema.COUNTERPARTS] == counterparts


# --- 7. children missing education: the local authority's education service ---------------
@pytest.mark.parametrize(
    "details",
    [
        "CME referral to LA.",
        "CME referral made to local authority.",
        "Referral to CME officer as Child A not returned after holiday.",
    ],
)
def test_a_cme_referral_goes_to_education_not_social_care(details):
    row = classified("education", details)
    assert row[schema.EVENT_TYPE] == "referral"
    assert "csc" not in row[schema.COUNTERPARTS]
    assert "police" not in row[schema.COUNTERPARTS]


def test_a_referral_to_the_la_is_still_one_to_social_care():
    assert classified("education", "Referral to LA.")[schema.COUNTERPARTS] == ("csc",)


# --- 8. "SS": a skeletal survey in a medical entry, else social services --------------------
@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("hospital", "SS - NAD."),
        ("hospital", "SS NAD"),
        ("paediatrics", "SS: no fractures seen."),
        ("hospital", "CT head and SS - both clear."),
        ("paediatrics", "Skel survey NAD"),
    ],
)
def test_ss_with_its_result_is_a_skeletal_survey_and_no_injury(agency, details):
    row = classified(agency, details, dob="2006-06-01")
    assert row[schema.EVENT_TYPE] == "skeletal_survey"
    assert not row[schema.INJURY]
    assert row[schema.CHILD_SEEN] == True  # noqa: E712
    assert "csc" not in row[schema.COUNTERPARTS]


def test_ss_requested_with_a_ct_is_a_skeletal_survey_planned():
    row = classified("hospital", "SS and CT head requested.")
    assert "skeletal_survey" in row[schema.MENTIONS]
    assert row[schema.COUNTERPARTS] == ()


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("hospital", "SS informed. SS to visit ward."),
        ("police", "Class A drugs found; SS notified."),
        ("gp", "Referral to SS."),
    ],
)
def test_ss_otherwise_is_social_services(agency, details):
    assert classified(agency, details)[schema.COUNTERPARTS] == ("csc",)


# --- 9. "Mo" and "Fa": the parents as chronologies write them -------------------------------
@pytest.mark.parametrize(
    ("agency", "details", "counterparts"),
    [
        ("gp", "F2F. Mo attended with CA. 3/7 hx cough.", ("mother",)),
        ("gp", "Tel consult with Mo. Low mood.", ("mother",)),
        ("csc", "HV to Mo and Fa.", ("father", "mother")),
        ("csc", "Child A (6 mo old) seen at home.", ()),
    ],
)
def test_mo_and_fa_are_the_parents(agency, details, counterparts):
    assert classified(agency, details)[schema.COUNTERPARTS] == counterparts


def test_a_child_brought_by_mo_was_seen():
    row = classified("hospital", "CA (9/12) brought to ED by Mo. Bruise to L cheek.")
    assert row[schema.CHILD_SEEN] == True  # noqa: E712


# --- 10. adolescents: disclosures, missing episodes, interviews, placements -----------------
@pytest.mark.parametrize(
    "details",
    [
        "Child A seen alone at school. Disclosed boyfriend (19) hit her. Bruise to upper arm seen.",
        "CA said Mo hit her with a belt. Linear bruise to leg.",
    ],
)
def test_an_injury_the_child_says_someone_inflicted_is_suspicious(details):
    row = classified("csc", details)  # no date of birth: the wording alone decides
    assert row[schema.INJURY] and row[schema.SUSPICIOUS_INJURY]


@pytest.mark.parametrize(
    ("details", "outcome"),
    [
        (
            "Child A (14) reported missing by Mo. Located 02:30 at Fa's address, safe and well.",
            None,
        ),
        ("Child A returned home.", "Safe and well check completed."),
        ("Joint visit with SW2. ABE interview with Child A. Did not disclose.", None),
    ],
)
def test_the_police_saw_the_child_at_a_safe_and_well_check_or_an_interview(details, outcome):
    assert classified("police", details, outcome)[schema.CHILD_SEEN] == True  # noqa: E712


@pytest.mark.parametrize(
    ("details", "outcome"),
    [
        (
            "Child A placed in residential unit out of area (s20).",
            "Placement Planning Meeting held.",
        ),
        ("Child placed at secure unit.", None),
    ],
)
def test_a_child_placed_in_a_unit_is_a_placement(details, outcome):
    assert classified("csc", details, outcome)[schema.EVENT_TYPE] == "placement"


# --- 11. a GP system's consultation headings ------------------------------------------------
def test_a_gp_consultation_under_its_headings_is_an_appointment_with_the_child_seen():
    row = classified(
        "gp",
        "Problem: Bruising (new). History: Mo reports CA fell off sofa yesterday. "
        "Examination: 3cm bruise R forearm, no other marks. Comment: ?NAI - d/w HV.",
    )
    assert row[schema.EVENT_TYPE] == "gp_appointment"
    assert row[schema.CHILD_SEEN] == True  # noqa: E712
    assert row[schema.INJURY] and row[schema.SUSPICIOUS_INJURY]


def test_an_examination_declined_saw_no_child():
    row = classified("gp", "Examination: declined by Mo.")
    assert row[schema.EVENT_TYPE] == "other"
    assert pd.isna(row[schema.CHILD_SEEN])


# --- 12. someone else's injury: a sibling, an adult ----------------------------------------
@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("education", "Child A's sibling (Child B) came to school with a bruise on his cheek."),
        (
            "ambulance",
            "Called to address - adult male intoxicated, injured hand. Children present.",
        ),
    ],
)
def test_a_siblings_or_an_adults_injury_is_not_the_childs(agency, details):
    assert not classified(agency, details, dob="2006-06-01")[schema.INJURY]


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("education", "Child A came to school with a bruise on his cheek."),
        ("ambulance", "Called to address - adult male intoxicated. CA has cut to forehead."),
    ],
)
def test_the_childs_own_injury_beside_them_still_counts(agency, details):
    assert classified(agency, details, dob="2006-06-01")[schema.INJURY]


def test_fob_is_the_father_of_the_baby():
    assert classified("midwifery", "Primip, 24/40. Lives with FOB.")[schema.COUNTERPARTS] == (
        "father",
    )


# --- 13. referrals to health services that are no safeguarding agency ----------------------
@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("health_visiting", "Referred to enuresis clinic."),
        ("gp", "Referred to the sleep clinic."),
        ("education", "Referred to school counsellor."),
        ("education", "Referred to Educational Psychologist."),
    ],
)
def test_a_referral_to_a_clinic_or_counsellor_is_not_to_social_care(agency, details):
    row = classified(agency, details)
    assert row[schema.EVENT_TYPE] == "referral"
    assert "csc" not in row[schema.COUNTERPARTS]


def test_a_referral_naming_no_service_still_goes_to_social_care():
    assert classified("gp", "Referred to the duty team.")[schema.COUNTERPARTS] == ("csc",)


# --- 14. a police log's adults ("F1", "M1") -------------------------------------------------
@pytest.mark.parametrize(
    "details",
    [
        "On arrival F1 (Mo) had visible injury to face, says fell. M1 (partner) drunk.",
        "On arrival M1 had cut to hand. CA asleep.",
    ],
)
def test_an_injury_of_a_police_logs_adult_is_not_the_childs(details):
    assert not classified("police", details, dob="2006-06-01")[schema.INJURY]


def test_head_in_a_school_record_is_the_head_teacher():
    events = make_events(
        start="12/03/2007", agency="education", practitioner="Head", details="Phoned MASH."
    )
    rows, _ = classify_events(events)
    assert rows.iloc[0][schema.ROLE] == "teacher"


# --- 15. GP codes, health visiting reviews, ambulance and ED shorthand ----------------------
@pytest.mark.parametrize(
    ("agency", "details", "outcome", "event_type"),
    [
        ("gp", "Child is cause for concern (13If.).", None, "concern"),
        ("gp", "Telephone encounter. Mo requested repeat of sertraline.", None, "gp_appointment"),
        ("health_visiting", "12m review. Walking with support. Few words.", None, "health_visit"),
        ("gp", "No cause for concern.", None, "other"),
    ],
)
def test_shorthand_event_types(agency, details, outcome, event_type):
    assert classified(agency, details, outcome)[schema.EVENT_TYPE] == event_type


@pytest.mark.parametrize(
    ("agency", "details", "outcome"),
    [
        ("ambulance", "Attended - 14 month old fall down stairs.", "Conveyed to ED."),
        ("hospital", "CA 14/12 fall down stairs. Skull XR: linear skull #.", None),
    ],
)
def test_the_child_conveyed_or_x_rayed_was_seen(agency, details, outcome):
    assert classified(agency, details, outcome)[schema.CHILD_SEEN] == True  # noqa: E712


@pytest.mark.parametrize(
    "details",
    [
        "Mo (patient) attended ED with # wrist following assault by partner.",
        "Mother attended A&E with a cut to her hand.",
    ],
)
def test_a_parent_who_attended_hospital_with_an_injury_is_not_the_child(details):
    assert not classified("hospital", details, dob="2006-06-01")[schema.INJURY]


def test_a_child_who_attended_hospital_with_an_injury_still_counts():
    row = classified("hospital", "Child A attended ED with # wrist.", dob="2006-06-01")
    assert row[schema.INJURY_KINDS] == ("fracture",)


# --- 16. visits that did not get in -----------------------------------------------------------
@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("csc", "U/A HV. No answer."),
        ("csc", "Joint visit with PC3 to address. Mo refused entry."),
        ("csc", "HV - Mo declined to let SW in."),
        ("health_visiting", "Home visit. Mo refused to let HV in."),
        ("csc", "Home visit. Mo wouldn't let SW in."),
    ],
)
def test_a_visit_refused_entry_is_a_missed_contact(agency, details):
    row = classified(agency, details)
    assert row[schema.EVENT_TYPE] == "dna"
    assert row[schema.CHILD_SEEN] == False  # noqa: E712
    assert "health_visiting" not in row[schema.COUNTERPARTS]


@pytest.mark.parametrize(
    "details",
    [
        "U/A HV. CA seen.",
        "Home visit - no answer at first; Mo then let SW in. CA seen.",
        "Statutory visit. CA seen alone in bedroom. Mo hostile, refused access to kitchen.",
    ],
)
def test_a_visit_that_got_in_stays_a_visit(details):
    row = classified("csc", details)
    assert row[schema.EVENT_TYPE] == "home_visit"
    assert row[schema.CHILD_SEEN] == True  # noqa: E712


# --- 17. agency columns naming a service of an agency ----------------------------------------
@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Independent Domestic Violence Advisor", "voluntary"),
        ("Independent Domestic Abuse Adviser", "voluntary"),
        ("Conference and Review Service", "csc"),
        ("Safeguarding and Reviewing Unit", "csc"),
        ("Children's Advice and Duty Service", "csc"),
        ("CME Team", "education"),
        ("SS", "csc"),
    ],
)
def test_a_service_named_in_full_is_its_agency(name, code):
    assert normalise_agencies(pd.Series([name]))[schema.AGENCY].tolist() == [code]


def test_a_safeguarding_unit_alone_stays_unknown():
    # hospitals and councils both have one: the reader warns (unknown_agency)
    read = normalise_agencies(pd.Series(["Safeguarding Unit"]))
    assert read[schema.AGENCY].tolist() == ["other"] and not read["matched"].any()


@pytest.mark.parametrize(
    ("details", "counterparts"),
    [
        ("Neighbour said family had gone to Mo's sister's.", ("family",)),
        ("Mo's partner present during visit.", ("partner",)),
        ("CA staying with Mo's mother.", ("grandparent",)),
    ],
)
def test_the_parents_relatives_written_short(details, counterparts):
    assert classified("csc", details)[schema.COUNTERPARTS] == counterparts


def test_an_injury_label_naming_the_child_as_victim_is_the_childs():
    row = classified("police", "Injury to victim (Child A): bruised eye.", dob="2006-06-01")
    assert row[schema.INJURY_KINDS] == ("bruise",)
