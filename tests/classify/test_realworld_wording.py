"""Event text as practitioners in English agencies write it: terse, abbreviated, in the
house style of each agency (social care, police, GP, health visiting, midwifery, hospital,
school, nursery, CAMHS, housing, probation and youth offending, drug and alcohol services).

Every row here is fictional. Each case was classified wrongly, or not at all, before the
vocabulary line that fixes it was added; the rules read these columns (a strategy
discussion answers INJ-STRAT, a dna counts towards ESC-WNB, a child not seen at a visit
counts against VIS-CP), so each case is a finding that fires, or stays quiet, rightly.
"""

from __future__ import annotations

from typing import Final

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema
from scr_timeline.classify.agencies import normalise_agencies
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events


def classify(
    details: str,
    agency: str,
    *,
    outcome: str | None = None,
    practitioner: str | None = None,
    age_days: int | None = None,
) -> pd.Series:
    events = make_events(
        start="12/03/2007",
        agency=agency,
        details=details,
        outcome=outcome,
        practitioner=practitioner,
        child_age_days=pd.array([age_days], dtype="Int64"),
    )
    out, _ = classify_events(events)
    return out.iloc[0]


# --- event types ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # children's social care
        ("csc", "Strat disc held with police & health - S47 agreed", "strategy_discussion"),
        ("csc", "Strat. discussion held", "strategy_discussion"),
        ("csc", "Sup'n with TM - case discussed", "supervision"),
        ("csc", "Sup with TM", "supervision"),
        ("csc", "Case discussed with TM1", "management_oversight"),
        ("csc", "Mgmt oversight - case reviewed", "management_oversight"),
        ("csc", "Step down to early help", "case_closure"),
        ("csc", "Assessment completed - stepped down to EH", "case_closure"),
        ("csc", "Stepped down to CIN", "cp_plan_end"),
        ("csc", "CP plan - category neglect", "cp_plan_start"),
        ("csc", "Review CP conf - plan to continue", "review_conference"),
        ("csc", "Initial CP conf", "icpc"),
        ("csc", "Core grp meeting", "core_group"),
        ("csc", "Legal planning mtg - threshold for PLO met", "legal_planning_meeting"),
        ("csc", "Pre-proceedings meeting held with parents", "legal_planning_meeting"),
        ("csc", "Paed exam at CDC", "medical_examination"),
        ("csc", "Contact - anon caller re children left alone", "referral"),
        ("csc", "MASH - RAG rated red - passed to assessment team", "referral_decision"),
        ("csc", "Lateral checks completed", "information_sharing"),
        ("csc", "Email to school", "information_sharing"),
        ("csc", "Liaised with school", "information_sharing"),
        ("csc", "FGC held", "meeting"),
        ("csc", "Mum cancelled home visit", "other"),
        # police
        ("police", "PPN submitted to MASH", "referral"),
        ("police", "Vulnerable child report completed", "referral"),
        ("police", "Call from neighbour re shouting. Officers attd.", "police_incident"),
        ("police", "Safe and well check", "police_incident"),
        ("police", "Suspect interviewed, RUI", "police_investigation"),
        ("police", "Achieving Best Evidence interview with Child A", "police_investigation"),
        ("police", "Child taken into police protection", "placement"),
        # GP
        ("gp", "F2F appt - rash to trunk", "gp_appointment"),
        ("gp", "O/E - bruising to buttocks", "gp_appointment"),
        ("gp", "Failed to bring child to immunisations", "dna"),
        ("gp", "8 week check - DNA", "dna"),
        # health visiting and midwifery
        ("health_visiting", "12 month review DNA", "dna"),
        ("health_visiting", "New birth visit - DNA", "dna"),
        ("health_visiting", "No access - card left", "dna"),
        ("health_visiting", "HV unable to gain access", "dna"),
        ("health_visiting", "Baby clinic attendance", "health_visit"),
        ("midwifery", "ANC attended - no concerns", "office_visit"),
        # hospital
        ("hospital", "MIU attendance - cut to finger", "hospital_attendance"),
        ("hospital", "Triage - 2cm laceration to forehead, glued", "hospital_attendance"),
        ("hospital", "Left before being seen", "hospital_attendance"),
        ("hospital", "Seen by Paed Reg - bruise to ear", "medical_examination"),
        # school and nursery
        ("education", "Child not collected at end of day", "concern"),
        ("early_years", "Pre-existing injury form completed - scratch to cheek", "concern"),
        ("early_years", "Nursery staff noticed bruise to CA's ear", "concern"),
        # CAMHS, probation and youth offending, drug and alcohol services
        ("camhs", "Choice appointment attended", "office_visit"),
        ("camhs", "Discharged from CAMHS after 2 DNAs", "case_closure"),
        ("probation", "YOS appointment - YP attended", "office_visit"),
        ("substance_misuse", "Keywork session - Mother reports using heroin daily", "office_visit"),
        # a service's own first appointment is not the statutory initial assessment that
        # answers ASM-INITIAL; housing a family (or a refuge) is not a child's placement
        ("camhs", "Initial assessment by CAMHS - low mood", "office_visit"),
        ("substance_misuse", "Initial assessment with Mother", "office_visit"),
        ("hospital", "Initial assessment in ED - alert, playing", "hospital_attendance"),
        ("housing", "Family accommodated in B&B", "other"),
        ("voluntary", "Mother and children accommodated in refuge", "other"),
    ],
)
def test_event_type_as_practitioners_write_it(agency, details, expected):
    assert classify(details, agency)[schema.EVENT_TYPE] == expected


def test_an_icpc_that_makes_a_plan_mentions_the_plan():
    row = classify("ICPC - CP plan under category of physical abuse", "csc")
    assert row[schema.EVENT_TYPE] == "icpc"
    assert "cp_plan_start" in row[schema.MENTIONS]


def test_agreed_nfa_is_the_decision_not_a_plan():
    row = classify("Case discussed with TM", "csc", outcome="Agreed NFA.")
    assert row[schema.EVENT_TYPE] == "referral_decision"


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # what the new phrases must leave alone
        ("csc", "Discussed with TM in supervision", "supervision"),
        ("csc", "RCPC - CP plan ceased. Stepped down to CIN", "review_conference"),
        ("csc", "ICPC - Mother DNA", "icpc"),
        ("police", "DC1 spoke to Mother at the hospital", "other"),
        ("gp", "Appointment booked for 2 weeks", "other"),
        ("csc", "Initial assessment commenced", "initial_assessment"),
    ],
)
def test_the_new_phrases_leave_these_alone(agency, details, expected):
    assert classify(details, agency)[schema.EVENT_TYPE] == expected


def test_a_referral_to_marac_is_not_a_referral_to_social_care():
    row = classify("DASH risk assessment - high risk, referred to MARAC", "police")
    assert row[schema.EVENT_TYPE] == "referral"
    assert "csc" not in row[schema.COUNTERPARTS]


# --- whether the child was seen (VIS-CP counts children's social care's sightings) -----------
@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        ("csc", "Home visit - Cx not seen", False),
        ("csc", "Home visit - CYP not seen", False),
        ("csc", "Home visit - YP not at home", False),
        ("csc", "Home visit - mum seen, CA at nursery", False),
        ("csc", "Home visit - unable to gain entry", False),
        ("csc", "Cx not seen", False),
        ("csc", "CA seen at school by SW", True),
        ("csc", "Home visit - child not injured, playing", True),  # 'not in' is not 'not injured'
        ("health_visiting", "HV to home, CA seen & weighed", True),
        ("health_visiting", "HV unable to gain access", False),
    ],
)
def test_child_seen_as_practitioners_write_it(agency, details, expected):
    seen = classify(details, agency)[schema.CHILD_SEEN]
    assert not pd.isna(seen)
    assert bool(seen) is expected


def test_a_cancelled_visit_says_nothing_about_the_child():
    assert classify("Mum cancelled home visit", "csc")[schema.CHILD_SEEN] is pd.NA


@pytest.mark.parametrize(
    ("details", "event_type", "seen"),
    [
        ("Home visit - only mum present", "home_visit", False),
        ("Home visit - CA was at grandparents", "home_visit", False),
        ("Home visit - mum refused SW entry", "home_visit", False),  # attempted, not cancelled
        ("Home visit - visited mum only", "home_visit", False),
        ("Home visit to Mother only", "home_visit", False),
        ("Home visit with Father alone", "home_visit", False),
        ("Home visit - Child A was seen and spoken to alone", "home_visit", True),
    ],
)
def test_a_social_care_visit_says_whether_the_child_was_seen(details, event_type, seen):
    row = classify(details, "csc")
    assert row[schema.EVENT_TYPE] == event_type
    assert row[schema.CHILD_SEEN] is not pd.NA
    assert bool(row[schema.CHILD_SEEN]) is seen


# --- injuries ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("details", "kinds"),
    [
        ("CA banged head on table", ("head_injury",)),
        ("Bang to head at nursery", ("head_injury",)),
        ("Mum says CA hurt his arm at school", ("other",)),
        # a mark with a body part or a word that describes it (see the names below)
        ("Mark on cheek", ("bruise",)),
        ("Mark noted on left cheek", ("bruise",)),
        ("2cm mark to forehead", ("bruise",)),
        ("Mark to Child A's face", ("bruise",)),
        ("Mark to the back of his head", ("bruise",)),
        ("Nursery reported a mark on CA's face", ("bruise",)),
        ("Mum slapped CA, red mark to face", ("bruise",)),
    ],
)
def test_injuries_as_practitioners_write_them(details, kinds):
    row = classify(details, "csc")
    assert row[schema.INJURY]
    assert row[schema.INJURY_KINDS] == kinds


@pytest.mark.parametrize(
    "details",
    [
        "Mother banged her head on the cupboard",  # someone else's (guards the new term)
        "Bruise to cheek has faded",  # a follow-up of an earlier injury
        "Bruising now resolved",
    ],
)
def test_not_an_injury_seen_now(details):
    assert not classify(details, "csc")[schema.INJURY]


@pytest.mark.parametrize(
    "details",
    [
        "Bruise to cheek, mum unsure how caused",
        "Bruise to ear - no account given",
        "Bruise - mechanism unclear",
        "Vague history - bruise to L arm",
        "Injury not in keeping with developmental stage",
        "Non-mobile baby with bruise to thigh",
        "Paed opinion: injuries unlikely to be accidental",
    ],
)
def test_the_wording_makes_an_injury_suspicious_without_an_age(details):
    row = classify(details, "paediatrics")
    assert row[schema.INJURY]
    assert row[schema.SUSPICIOUS_INJURY]


# --- roles -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("practitioner", "agency", "expected"),
    [
        ("SP1", "csc", "social_worker"),
        ("Senior Prac", "csc", "social_worker"),
        ("Duty Manager", "csc", "team_manager"),
        ("Paed Reg", "hospital", "paediatrician"),
        ("PS 123", "police", "police_officer"),
        ("DDSL", "education", "teacher"),
    ],
)
def test_roles_as_practitioners_write_them(practitioner, agency, expected):
    row = classify("Seen.", agency, practitioner=practitioner)
    assert row[schema.ROLE] == expected


# --- house styles, second round: each row was misread before its vocabulary line ----------------
@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # GP: remote consultations, missed contacts, letters filed into the record
        ("gp", "Tel consult with mum re D&V", "gp_appointment"),
        ("gp", "Telephone triage - mum reports fever", "gp_appointment"),
        ("gp", "eConsult from mother - child scratching", "gp_appointment"),
        ("gp", "Failed encounter x2", "dna"),
        ("gp", "A&E letter scanned - attended with head injury", "information_sharing"),
        ("gp", "Discharge summary received from hospital", "information_sharing"),
        ("gp", "Child protection case conference report sent to CSC", "information_sharing"),
        ("gp", "Invite to ICPC received", "information_sharing"),
        # health visiting and midwifery
        ("health_visiting", "Primary birth visit", "health_visit"),
        ("health_visiting", "NBV - baby feeding well", "health_visit"),
        ("health_visiting", "ASQ-3 completed - no concerns", "health_visit"),
        ("health_visiting", "2-2½ year review", "health_visit"),
        ("health_visiting", "Growth check at clinic", "health_visit"),
        ("midwifery", "ANC - DNA", "dna"),
        ("midwifery", "Dating scan attended", "office_visit"),
        ("midwifery", "Birth plan meeting", "meeting"),
        ("midwifery", "Transferred to HV care", "case_closure"),
        # police
        ("police", "MISPER report - Child A missing overnight", "police_incident"),
        ("police", "Coin submitted to MASH", "referral"),
        ("police", "CPS decision - no charge", "police_investigation"),
        ("police", "S46 PP taken", "placement"),
        ("police", "Police powers of protection used", "placement"),
        ("police", "Crimed as ABH", "police_investigation"),
        ("police", "Crime - s47 assault", "police_investigation"),  # OAPA s47 is ABH
        ("police", "Breach of bail", "police_investigation"),
        ("police", "VA interview with suspect", "police_investigation"),
        ("police", "Call from Mother reporting partner kicked door in", "police_incident"),
        ("police", "DVPO granted at magistrates", "court"),
        ("police", "Body worn video reviewed", "police_investigation"),
        ("police", "Child A found wandering in street by police", "police_incident"),
        # children's social care
        ("csc", "SA completed - NFA", "single_assessment"),
        ("csc", "PLO letter sent to parents", "legal_planning_meeting"),
        ("csc", "Letter before proceedings sent", "legal_planning_meeting"),
        ("csc", "Closed to CSC", "case_closure"),
        ("csc", "EDT contact - Mother drunk, children alone", "referral"),
        ("csc", "Out of hours contact from police", "referral"),
        ("csc", "IRH", "court"),
        ("csc", "LAC review", "meeting"),
        ("csc", "TM authorised closure", "case_closure"),  # closes the case-open state
        ("csc", "S47 strat", "strategy_discussion"),
        ("csc", "SD held with police and health", "strategy_discussion"),
        ("csc", "ISD held", "strategy_discussion"),
        ("csc", "CP review", "review_conference"),
        ("csc", "Transfer-in conference", "icpc"),
        ("csc", "Child in Need plan review", "cin_meeting"),
        ("csc", "Child Protection Enquiry", "s47_enquiry"),
        ("csc", "Child removed from CP plan", "cp_plan_end"),
        ("csc", "Taken off the child protection plan", "cp_plan_end"),
        ("csc", "Children removed from mother's care - PP", "placement"),
        # hospital
        ("hospital", "Paed liaison form sent to HV", "information_sharing"),
        ("hospital", "LWBS", "hospital_attendance"),
        ("hospital", "DNW - did not wait", "hospital_attendance"),
        ("hospital", "Took own discharge", "hospital_attendance"),
        ("hospital", "Presented with # L femur", "hospital_attendance"),
        ("hospital", "Booked into ED 02:13", "hospital_attendance"),
        ("hospital", "Ambulance arrival - unresponsive baby", "hospital_attendance"),
        ("hospital", "Reviewed by paeds", "medical_examination"),
        ("hospital", "Seen by paeds SpR", "medical_examination"),
        ("hospital", "Paeds review - bruising consistent with history", "medical_examination"),
        # school and nursery
        ("early_years", "Nursery noted bruise to cheek", "concern"),
        ("early_years", "Key person noted CA hungry on arrival", "concern"),
        ("education", "Persistent absence - EWO letter sent", "concern"),
        # ambulance, CAMHS, voluntary services
        ("ambulance", "Cat 1 call - baby not breathing", "hospital_attendance"),
        ("ambulance", "See and treat - not conveyed", "hospital_attendance"),
        ("camhs", "CAMHS assessment", "office_visit"),
        ("camhs", "Seen by CAMHS clinician - self harm", "office_visit"),
        ("voluntary", "Outreach session with Mother", "office_visit"),
        # longer entries
        (
            "health_visiting",
            "Contact with MASH re concerns - advised to complete referral",
            "information_sharing",
        ),
        ("midwifery", "Missed ANC appt x2 - letter sent", "dna"),
        ("midwifery", "Discharged from maternity services to HV", "case_closure"),
        (
            "midwifery",
            "Pre-birth conference held - baby to be made subject to CP plan at birth",
            "icpc",
        ),
        (
            "police",
            "Mother reported that ex-partner breached non-molestation order",
            "police_incident",
        ),
        ("csc", "HV by SW1 - home conditions poor. Children seen.", "home_visit"),
        ("csc", "Visit to Child A at foster placement - seen alone", "home_visit"),
        # missed appointments (ESC-WNB counts them; a school absence is not one)
        ("gp", "CNB to asthma clinic", "dna"),
        ("gp", "FTA x2 - letter sent", "dna"),
        ("gp", "Non-attendance at 12 month imms", "dna"),
        ("hospital", "Non-attender - fracture clinic", "dna"),
        ("gp", "No show", "dna"),
        ("education", "School non-attendance; EWO involved", "concern"),
    ],
)
def test_event_types_in_more_house_styles(agency, details, expected):
    assert classify(details, agency)[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # what the phrases above must leave alone
        ("csc", "ICPC - Mother invited, did not attend", "icpc"),  # social care runs it
        ("gp", "Attended ICPC", "icpc"),
        ("police", "Call from SW re Child A", "other"),  # not a call from the public
        ("hospital", "Fracture clinic - WNB", "dna"),
        ("midwifery", "Did not attend scan", "dna"),
        ("csc", "Section 47 enquiry commenced", "s47_enquiry"),
        ("police", "Joint s47 investigation with CSC", "s47_enquiry"),
        ("csc", "RCPC - child removed from the CP plan", "review_conference"),
        ("csc", "TM agreed to progress to ICPC", "management_oversight"),
        ("csc", "Transfer in from another LA", "allocation"),
        ("gp", "Mother concerned Child was hurt at contact with Father", "concern"),
    ],
)
def test_the_second_round_leaves_these_alone(agency, details, expected):
    assert classify(details, agency)[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    ("details", "kinds"),
    [
        ("Bruiseing to buttocks", ("bruise",)),
        ("Torn upper lip frenum", ("laceration",)),
        ("Rib #s on skeletal survey", ("fracture",)),
        ("SDH on CT", ("head_injury",)),
        ("Bleed on the brain", ("head_injury",)),
        ("Lump on head", ("head_injury", "swelling")),
        ("Bump to forehead", ("head_injury", "swelling")),
        ("Fell off bed and hit head", ("head_injury",)),
        ("Haematoma to scalp", ("swelling",)),
        ("Fell off sofa, HI, no LOC", ("head_injury",)),
        ("Pulled elbow", ("other",)),
        ("Nursemaid's elbow", ("other",)),
        ("CA bruises easily - 3 bruises on shins", ("bruise",)),
    ],
)
def test_more_injuries_as_practitioners_write_them(details, kinds):
    row = classify(details, "csc")
    assert row[schema.INJURY]
    assert set(row[schema.INJURY_KINDS]) == set(kinds)


@pytest.mark.parametrize(
    "details",
    [
        "Mum fell and hit her head on the door",  # hers
        "CT - no SDH",
        "No lump on head",
        "Mother has a haematoma on her arm",
        "Starting again from scratch with the plan",
        "Got good marks in spelling test",
        "Benefits cut, rent arrears",
        "Mother cut her hand while cooking",  # her own: a woman and 'her'
        "Father cut his hand punching a window",
        "Sibling (Child B) had a bruise to the forehead",
        # 'mark' as a name, a shop or a skin condition (blue spots are not bruises)
        "Marked as urgent",
        "Mark (father's friend) present at visit",
        "Mark arrested",
        "Mark to attend meeting",
        "Mark on bail",
        "Mother and Mark at home",
        "Mark's flat visited",
        "Mother works at Marks & Spencer",
        "Mother shopping at Marks and Spencer",
        "Mark on mother's arm",  # hers
        "Birthmark on back",
        "Mongolian blue spot noted on lower back",
        "Bruise-like marks buttocks - MBS",
        # a procedure or a tendency, not an injury seen
        "HI advice given",
        "Bruising protocol followed",
        "As per bruising in non-mobile babies protocol",
        "Mother reports Child A is clumsy and bruises easily",
        "Discussed safe sleeping and scalds",  # advice about hazards
        "Home safety - fireguard, stair gate, scalds",
    ],
)
def test_more_injuries_that_are_not_the_childs_now(details):
    assert not classify(details, "csc")[schema.INJURY]


@pytest.mark.parametrize(
    ("practitioner", "agency", "expected"),
    [
        ("ASYE", "csc", "social_worker"),
        ("AP1", "csc", "social_worker"),
        ("Advanced Practitioner", "csc", "social_worker"),
        ("Paed SpR", "hospital", "paediatrician"),
        ("ENP", "hospital", "nurse"),
        ("PN", "gp", "nurse"),
        ("Insp", "police", "police_officer"),
        ("OIC", "police", "police_officer"),
        ("HT", "education", "teacher"),
        ("FN1", "health_visiting", "health_visitor"),
        ("Cons Paed", "hospital", "paediatrician"),
        ("EHW", "early_years", "family_support_worker"),
        ("Early Help Practitioner", "early_years", "family_support_worker"),
    ],
)
def test_more_roles_as_practitioners_write_them(practitioner, agency, expected):
    assert classify("Seen.", agency, practitioner=practitioner)[schema.ROLE] == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("EDS", "csc"),
        ("CWD Team", "csc"),
        ("WiA", "voluntary"),
        ("CYPMHS", "camhs"),
        ("Children and Young People's Mental Health Service", "camhs"),
        ("Healthy Child Programme", "health_visiting"),
        ("PPD", "police"),
    ],
)
def test_agency_names_as_written_in_agency_columns(written, expected):
    agency = normalise_agencies(pd.Series([written]))[schema.AGENCY]
    assert str(agency.iloc[0]) == expected


def test_a_review_conference_that_removes_the_child_from_the_plan_mentions_the_end():
    row = classify("RCPC - child removed from the CP plan", "csc")
    assert row[schema.EVENT_TYPE] == "review_conference"
    assert "cp_plan_end" in row[schema.MENTIONS]


@pytest.mark.parametrize(
    ("details", "kinds"),
    [
        ("Mother burnt his hand with a cigarette", ("burn",)),  # his: the child's
        ("Father bruised her arm when grabbing her", ("bruise",)),
        ("Child A cut her finger at nursery", ("laceration",)),
    ],
)
def test_an_adult_who_hurt_the_child_does_not_make_it_the_adults_injury(details, kinds):
    row = classify(details, "csc")
    assert row[schema.INJURY]
    assert row[schema.INJURY_KINDS] == kinds


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("health_visiting", "Safeguarding referral completed"),
        ("education", "IRF submitted"),
        ("hospital", "Faxed referral to duty team"),
        ("education", "Request for support to front door"),
    ],
)
def test_a_referral_by_its_local_name_goes_to_social_care(agency, details):
    row = classify(details, agency)
    assert row[schema.EVENT_TYPE] == "referral"
    assert "csc" in row[schema.COUNTERPARTS]  # INJ-REFER and ASM-INITIAL read this


def test_a_safeguarding_referral_elsewhere_is_not_to_social_care():
    row = classify("Safeguarding referral to paediatrics", "health_visiting")
    assert row[schema.EVENT_TYPE] == "referral"
    assert "csc" not in row[schema.COUNTERPARTS]


@pytest.mark.parametrize(
    "details",
    [
        "Spiral # humerus - delay in seeking medical attention",
        "Bruising - mechanism not consistent",
        "Burn to hand - explanation implausible",
        "Bruise to ear - different explanations given by parents",
        "# skull - history changed twice",
        "Rib fractures - no history of trauma",
        "Bruising to back - parents unable to account for injury",
        "Bruise to face - unwitnessed",
        "Burn to foot - pattern suggests immersion",
        "Bruising to ear in 3 year old - TEN-4 positive",
        "Sentinel injury",
        "Healing fractures of different ages",
        # a child's or a witness's account that a carer caused it: inflicted
        "CA came into school with a mark on her neck. When asked, CA said 'mummy did it'.",
        "Bruise to cheek - CA says Dad hit him",
        "Injuries unlikely to be accidental",  # 'NAI unlikely.' is no suspicion; this is one
        # a professional who queries NAI records an injury whose cause is in doubt: it is
        # one (INJ-STRAT, INJ-MEDICAL and INJ-POLICE must see it), and a suspicious one
        "Query NAI",
        "?NAI",
        "Admitted ?NAI",
        "Referred to paeds query NAI",
        "Suspected NAI - strategy discussion requested",
        "Concerns re possible NAI",
    ],
)
def test_the_signs_clinicians_record_make_an_injury_suspicious(details):
    row = classify(details, "hospital", age_days=1500)  # over two: the text decides
    assert row[schema.INJURY]
    assert row[schema.SUSPICIOUS_INJURY]


@pytest.mark.parametrize(
    "details",
    [
        "No delay in seeking medical attention - bruise to shin",
        "Bruise to shin - history consistent, no concerns",
        "Bruise to arm - mum says sibling hit him",  # no carer's hand in it
        "Bruise to shin from football; mother hit her head last week",
    ],
)
def test_an_injury_with_a_consistent_account_is_not_suspicious(details):
    row = classify(details, "hospital", age_days=1500)
    assert row[schema.INJURY]
    assert not row[schema.SUSPICIOUS_INJURY]


@pytest.mark.parametrize(
    ("details", "member"),
    [
        ("SF present at visit", "partner"),  # stepfather: the mother's partner
        ("Sibs seen", "sibling"),
        ("Stepmum attended", "family"),  # the father's partner, not the mother
        ("GM present", "grandparent"),
        ("CA staying with MGPs", "grandparent"),
    ],
)
def test_family_members_as_social_workers_abbreviate_them(details, member):
    found = classify(details, "csc")[schema.COUNTERPARTS]
    assert member in found
    assert "mother" not in found


def test_a_parent_seen_by_adult_mental_health_is_no_appointment_of_the_child():
    row = classify("Mother seen by CMHT: low mood", "adult_mental_health")
    assert row[schema.EVENT_TYPE] == "other"


@pytest.mark.parametrize(
    ("agency", "details", "outcome"),
    [
        ("health_visiting", "Developmental review", "WNB"),
        ("gp", "8 week check", "DNA - rebooked"),
        ("paediatrics", "CP medical", "Child not brought"),
        ("hospital", "Outpatient appointment", "DNA - discharged to GP"),
    ],
)
def test_an_appointment_whose_outcome_is_a_dna_did_not_happen(agency, details, outcome):
    row = classify(details, agency, outcome=outcome)
    assert row[schema.EVENT_TYPE] == "dna"  # ESC-WNB counts it


@pytest.mark.parametrize(
    ("agency", "details", "outcome", "expected"),
    [
        ("csc", "ICPC", "Mother DNA", "icpc"),  # the conference went ahead
        ("health_visiting", "Developmental review", "Attended. Previous DNA noted", "health_visit"),
        ("health_visiting", "Developmental review", "Seen, no DNA", "health_visit"),
    ],
)
def test_an_outcome_that_mentions_a_dna_leaves_these_alone(agency, details, outcome, expected):
    assert classify(details, agency, outcome=outcome)[schema.EVENT_TYPE] == expected


# --- lines of a cell ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("details", "injury"),
    [
        # a cue on the next line is not about the line above (a cell typed over lines, or a
        # row that carried on the one above and was joined to it with a line break)
        ("2cm bruise left cheek\nAdvised, review if worse", True),
        ("Bruise to forehead noted\nPlan: to be seen by GP if concerns", True),
        ("No bruising seen\nMother reports a fall", False),
        ("Bruise to shin\nNo other marks", True),
    ],
)
def test_a_line_break_ends_the_reach_of_a_cue(details: str, injury: bool):
    row = classify(details, "health_visiting", age_days=200)
    assert bool(row[schema.INJURY]) is injury


# --- NAI queried, considered or set aside (RULES.md: suspicious_injury) -------------------------
def test_ruling_out_nai_names_no_injury_but_makes_the_injury_named_suspicious():
    assert not classify("Skeletal survey to rule out NAI", "hospital", age_days=1500)[schema.INJURY]
    row = classify("Bruise to forehead, skeletal survey to rule out NAI", "hospital", age_days=1500)
    assert row[schema.INJURY]
    assert row[schema.SUSPICIOUS_INJURY]


@pytest.mark.parametrize(
    ("details", "injury"),
    [
        ("NAI not suspected", False),
        ("NAI unlikely", False),
        ("?NAI - ruled out", False),
        ("NAI screen negative", False),
        ("Bruise to cheek, NAI screen negative", True),
        ("Bruise to shin, NAI not suspected", True),  # the bruise stays, not suspicious
        ("Bruise to shin - NAI unlikely.", True),
        ("Bruise to shin, TEN-4 negative", True),
        ("Bruise ?NAI - ruled out by paeds", True),
        ("Injuries not consistent with NAI", True),
    ],
)
def test_an_nai_set_aside_is_no_suspicion(details, injury):
    row = classify(details, "hospital", age_days=1500)
    assert bool(row[schema.INJURY]) is injury
    assert not row[schema.SUSPICIOUS_INJURY]


# --- an adult victim's injuries ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("agency", "details", "injury"),
    [
        ("police", "Victim (mother) sustained bruising to face", False),
        ("police", "Mother assaulted - cut to lip", False),
        ("police", "Injured party: mother, cut to head", False),
        ("police", "Injured party: Child A, bruise to face", True),
        ("csc", "Child B (sibling) # arm", False),
        ("police", "Victim (Child A) sustained bruising to face", True),
        ("csc", "Mother assaulted CA - bruise to cheek", True),
    ],
)
def test_an_adult_victims_injury_is_not_the_childs(agency, details, injury):
    assert bool(classify(details, agency)[schema.INJURY]) is injury


# --- a strategy discussion that agrees a s47 enquiry, and the enquiry's end ----------------------
@pytest.mark.parametrize(
    ("details", "expected", "mentioned"),
    [
        # the discussion answers INJ-STRAT and starts CONF-ICPC, in whichever order it is written
        ("S47 agreed at strategy discussion", "strategy_discussion", ("s47_enquiry",)),
        ("Strategy discussion - S47 agreed", "strategy_discussion", ("s47_enquiry",)),
        ("Outcome of strategy discussion: S47 agreed", "strategy_discussion", ("s47_enquiry",)),
        # alone, the agreed enquiry is the event (ASM-CORE starts at it), as is its end
        ("S47 agreed", "s47_enquiry", ()),
        ("S47 completed", "s47_enquiry", ()),
        ("S47 completed - concerns substantiated", "s47_enquiry", ()),
    ],
)
def test_a_strategy_discussion_that_agrees_a_s47_is_the_discussion(details, expected, mentioned):
    row = classify(details, "csc")
    assert row[schema.EVENT_TYPE] == expected
    assert row[schema.MENTIONS] == mentioned


def test_a_strategy_discussion_outcome_told_to_a_gp_is_the_telling():
    row = classify("Letter received - outcome of strategy discussion", "gp")
    assert row[schema.EVENT_TYPE] == "information_sharing"


# --- house styles, third round: each row was misread before its vocabulary line -----------------
@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # social care: plans, orders, placements and the front door as written
        ("csc", "Child made subject to CPP - neglect", "cp_plan_start"),
        ("csc", "SGO granted to MGM", "court"),
        ("csc", "Reg 24 placement with aunt", "placement"),  # PLC-CONNECTED starts here
        ("csc", "Professional challenge from HV re decision", "disagreement"),
        ("csc", "Notification from police - DV incident at home address", "referral"),
        ("csc", "Contact progressed to assessment", "referral_decision"),
        ("csc", "SV - child seen alone", "home_visit"),
        ("csc", "IRO review", "meeting"),
        ("csc", "Section 17 assessment", "single_assessment"),  # ASM-SINGLE's assessment
        ("csc", "Pre-birth assessment", "single_assessment"),
        ("csc", "Direct work session with CA", "home_visit"),  # the child seen (VIS-CP)
        ("ambulance", "Crew attended - baby unresponsive", "hospital_attendance"),
        ("paediatrics", "Child development clinic - global delay", "office_visit"),
        # police
        ("police", "Call to address - reports of shouting", "police_incident"),
        ("police", "Attended address - children present", "police_incident"),
        ("police", "DASH completed - medium risk", "police_incident"),
        ("police", "ViST submitted", "referral"),
        ("police", "Harassment warning issued", "police_investigation"),
        # GP, health visiting, midwifery: weeks and months as clinicians write them
        ("gp", "Imms given", "gp_appointment"),
        ("gp", "6/52 check", "gp_appointment"),
        ("health_visiting", "6-8/52 check", "health_visit"),
        ("health_visiting", "9/12 review", "health_visit"),
        ("health_visiting", "6-8/52 check - DNA", "dna"),
        ("health_visiting", "PNC", "health_visit"),
        ("health_visiting", "Postnatal contact", "health_visit"),
        ("midwifery", "Booked at 22/40 - late booker", "office_visit"),
        ("midwifery", "Unbooked - presented in labour", "hospital_attendance"),
        # school
        ("education", "CPOMS entry - child upset", "concern"),
        ("education", "MyConcern log", "concern"),
        ("education", "EHCP review", "meeting"),
    ],
)
def test_event_types_in_a_third_round_of_house_styles(agency, details, expected):
    assert classify(details, agency)[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        ("police", "PNC checks completed", "information_sharing"),  # Police National Computer
        ("police", "DASH risk assessment - high risk, referred to MARAC", "referral"),
        ("csc", "Reg 24 assessment completed", "carer_assessment"),
        ("education", "DSL phoned MASH - logged on CPOMS", "information_sharing"),
    ],
)
def test_the_third_round_leaves_these_alone(agency, details, expected):
    assert classify(details, agency)[schema.EVENT_TYPE] == expected


# --- a social care visit at which the child was not seen (VIS-CP counts the sightings) ----------
@pytest.mark.parametrize(
    ("details", "seen"),
    [
        ("Home visit - CA in bed asleep, not woken", False),
        ("Home visit - CA asleep, not disturbed", False),
        ("Home visit - baby asleep in pram, not seen", False),
        ("Home visit - children with father for the weekend", False),
        ("Home visit - mother would not let SW see CA", False),
        ("Home visit - mother refused to let SW see the child", False),
        # what the new cues leave alone
        ("Home visit - baby asleep in cot, seen", True),
        ("Home visit - children seen, staying with GM while mum in hospital", True),
        ("Home visit - N/A", True),
    ],
)
def test_a_visit_says_when_the_child_was_not_seen(details, seen):
    row = classify(details, "csc")
    assert row[schema.EVENT_TYPE] == "home_visit"
    assert row[schema.CHILD_SEEN] is not pd.NA
    assert bool(row[schema.CHILD_SEEN]) is seen


# --- a visit that did not reach the family is a missed contact, not a visit -------------------
@pytest.mark.parametrize(
    ("agency", "details", "outcome"),
    [
        ("health_visiting", "Planned visit - no reply. Card left.", "Re-arrange."),
        ("csc", "Home visit - no answer. Neighbour said family away.", "Will revisit."),
        ("csc", "Home visit - NA", None),  # no access
        ("csc", "Home visit - NR", None),  # no reply
        ("csc", "Home visit - nobody in", None),
        ("csc", "Failed home visit", None),
        ("csc", "Attempted home visit", None),
        ("csc", "Home visit - curtains closed, no response", None),
        ("csc", "Unannounced visit. Curtains closed, no answer.", "Calling card left."),
        ("csc", "Attempted home visit - CA seen at window", "No answer at the door."),
        ("health_visiting", "NAV - card left", None),
        ("health_visiting", "New birth visit: no access.", "Letter to Mother with a new date."),
        ("health_visiting", "HV visit - unable to gain access.", None),
        ("midwifery", "Day 5 postnatal visit - family not at home.", "Card left."),
        ("csc", "Statutory visit: no-one home.", "Will try again tomorrow."),
        ("csc", "Home visit. Family not at home.", None),
    ],
)
def test_a_visit_that_did_not_reach_the_family_is_a_missed_contact(agency, details, outcome):
    row = classify(details, agency, outcome=outcome)
    assert row[schema.EVENT_TYPE] == "dna"  # ESC-WNB counts it, and it is no visit
    assert "home_visit" not in row[schema.MENTIONS]
    assert row[schema.CHILD_SEEN] is not pd.NA and not row[schema.CHILD_SEEN]


@pytest.mark.parametrize(
    ("agency", "details", "outcome", "expected"),
    [
        # the family was reached after all: a visit
        ("csc", "Home visit. No answer at first; Mother then opened the door.", None, "home_visit"),
        (
            "csc",
            "Home visit - no reply initially, then Mother let SW in. Child seen.",
            None,
            "home_visit",
        ),
        ("csc", "Home visit. Mother has no access to a car; Child seen.", None, "home_visit"),
        ("csc", "Home visit. Child seen. Phoned school - no answer.", None, "home_visit"),
        (
            "csc",
            "Home visit. Mother seen; no reply from the GP to her letters.",
            None,
            "home_visit",
        ),
        # no visit at all: a phone call or a police attendance with no answer
        ("csc", "Phoned Mother - no answer.", None, "information_sharing"),
        (
            "police",
            "Officers attended after a 999 call; no answer at the door.",
            None,
            "police_incident",
        ),
        ("education", "Child absent; no reply from Mother.", None, "concern"),
    ],
)
def test_no_answer_elsewhere_leaves_the_event_alone(agency, details, outcome, expected):
    assert classify(details, agency, outcome=outcome)[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        # a parent who declines to attend does not stop the meeting (CONF-ICPC, CONF-CORE-GROUP)
        ("ICPC - Mother declined to attend", "icpc"),
        ("Core group - father refused to attend", "core_group"),
        ("Strategy discussion - police declined to attend", "strategy_discussion"),
        # what was itself declined or refused did not happen
        ("Home visit refused", "other"),
        ("Referral declined", "other"),
        ("CP medical refused by mother", "other"),
    ],
)
def test_a_meeting_a_parent_declined_to_attend_went_ahead(details, expected):
    assert classify(details, "csc")[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        # queried, counterfactual or put off: none of these answers INJ-STRAT, INJ-REFER or
        # CONF-ICPC
        ("csc", "?Strategy discussion"),
        ("csc", "Query strategy discussion"),
        ("csc", "Strategy discussion should have been held"),
        ("csc", "No evidence that a strategy discussion took place"),
        ("gp", "?referral to CSC"),
        ("gp", "Should have been referred to CSC"),
        ("csc", "ICPC postponed"),
        ("csc", "ICPC rescheduled to 12/04"),
    ],
)
def test_an_event_queried_or_that_should_have_happened_did_not(agency, details):
    assert classify(details, agency)[schema.EVENT_TYPE] == "other"


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        ("csc", "TM advised", "management_oversight"),
        ("csc", "Referral received - query neglect", "referral"),
        ("csc", "Contact from school - query bruising", "referral"),
        ("hospital", "Attended ED ?fracture", "hospital_attendance"),
        ("gp", "Seen with mum, ?viral", "gp_appointment"),
    ],
)
def test_a_query_after_the_event_leaves_it_alone(agency, details, expected):
    assert classify(details, agency)[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # missed appointments (ESC-WNB), and a parent's missed meeting, which is not one
        ("gp", "Missed imms", "dna"),
        ("hospital", "Child was not brought to follow-up", "dna"),  # not 'to follow': planned
        ("gp", "Mother DNA 6-8 week check with baby", "dna"),
        ("csc", "Mother DNA core group", "core_group"),
        ("csc", "Parents DNA CIN meeting", "cin_meeting"),
        ("health_visiting", "No access x2", "dna"),
        # police notifications by other names
        ("police", "PVP submitted", "referral"),
        ("police", "Adult and child PPNs submitted", "referral"),
    ],
)
def test_missed_appointments_meetings_and_notifications(agency, details, expected):
    assert classify(details, agency)[schema.EVENT_TYPE] == expected


# --- professional disagreement (ESC-DISAGREE waits for an escalation after one) ----------------
@pytest.mark.parametrize(
    ("agency", "details", "outcome"),
    [
        (
            "health_visiting",
            "HV raised concerns with SW about lack of progress on CP plan. SW did not agree.",
            "HV to discuss with named nurse.",
        ),
        ("health_visiting", "HV did not agree with the decision to step down to CIN.", None),
        ("education", "DSL felt threshold was met but MASH NFA'd the referral.", None),
        ("gp", "GP queried the decision not to hold a strategy discussion.", None),
        ("police", "DS unhappy with the outcome of the strategy discussion.", None),
        ("csc", "SW1 and HV not in agreement about the home conditions.", None),
    ],
)
def test_a_professional_disagreement_as_practitioners_write_it(agency, details, outcome):
    assert classify(details, agency, outcome=outcome)[schema.EVENT_TYPE] == "disagreement"


@pytest.mark.parametrize(
    ("agency", "details", "outcome"),
    [
        (
            "health_visiting",
            "HV disagreed with the NFA; escalated to team manager as disagreed.",
            None,
        ),
        (
            "csc",
            "Professional disagreement: HV challenged the decision to close the case.",
            "Escalated to SM under the escalation policy.",
        ),
        (
            "health_visiting",
            "Escalation under the resolving professional differences policy.",
            None,
        ),
    ],
)
def test_a_disagreement_the_row_records_as_escalated_is_the_escalation(agency, details, outcome):
    row = classify(details, agency, outcome=outcome)
    assert row[schema.EVENT_TYPE] == "escalation"  # what ESC-DISAGREE waits for happened


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("HV disagreed with the decision. Will escalate if no response by Friday.", "disagreement"),
        ("Mother disagreed with the plan.", "other"),  # a parent's: no professional disagreement
        ("Father did not agree with the decision; said he would appeal.", "other"),
        ("Mother did not agree to a CP medical.", "medical_examination"),
        ("Father challenged the decision at the ICPC.", "icpc"),
    ],
)
def test_a_disagreement_not_escalated_or_not_professional(details, expected):
    assert classify(details, "csc")[schema.EVENT_TYPE] == expected


# --- staff supervision, and a parent's supervision of a child (SUP-CADENCE counts the first) ---
@pytest.mark.parametrize(
    ("agency", "details", "outcome"),
    [
        (
            "health_visiting",
            "Home visit. Baby seen and weighed, 3.6kg.",
            "Discussed safe sleeping / supervision. No further action.",
        ),
        ("csc", "Home visit. Lack of supervision of the children noted.", None),
        ("health_visiting", "Advice given re supervision around water and bath safety.", None),
        ("health_visiting", "Discussed supervision with Mother.", None),
        ("early_years", "Children left without supervision in the garden.", None),
        ("csc", "Supervised contact at the family centre; Father arrived late.", None),
        ("csc", "Poor parental supervision: Child found in the road.", None),
    ],
)
def test_supervision_of_a_child_is_not_supervision_of_a_worker(agency, details, outcome):
    row = classify(details, agency, outcome=outcome)
    assert row[schema.EVENT_TYPE] != "supervision"
    assert "supervision" not in row[schema.MENTIONS]


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("csc", "Supervision with TM. Case discussed."),
        ("csc", "Case discussed in supervision with TM1."),
        ("csc", "Reflective supervision - SW1 and TM2."),
        ("health_visiting", "Safeguarding supervision with named nurse - case discussed."),
        ("csc", "Supervision: discussed supervision of the children by Mother's partner."),
    ],
)
def test_staff_supervision_as_practitioners_write_it(agency, details):
    assert classify(details, agency)[schema.EVENT_TYPE] == "supervision"


# --- a whole chronology, read as a reviewer reads it ---------------------------------------------
#: A fictional multi-agency chronology in the style of a Child Safeguarding Practice Review
#: appendix (Child D, born June 2015; Sibling E, 9; Mother; her partner Mr Z): midwifery,
#: probation, adult mental health, police, children's social care, early help, health
#: visiting, school, GP, drug and alcohol services, housing, CAMHS, hospital, paediatrics.
CSPR_APPENDIX: Final = """\
Date,Agency,Practitioner,Event / contact,Outcome / action
03/02/2015,Midwifery,CMW1,Booking at 11/40. Mother disclosed historic cannabis use and anxiety. Routine enquiry re DV - none disclosed. Partner Mr Z not present.,Referral to perinatal mental health. GP informed.
17/03/2015,Midwifery,CMW1,20 week scan - NAD. Mother attended alone.,Next ANC at 28/40.
02/04/2015,Probation,OM1,Mr Z supervision appointment. Reports relationship with Mother is going well; denies alcohol use. Licence conditions discussed.,Next appt 2 weeks.
21/04/2015,Adult Mental Health,CPN1,Initial assessment by perinatal mental health team. Mother low mood and anxiety; no thoughts of self harm.,Allocated to CPN1. Sertraline started by GP.
14/05/2015,Midwifery,CMW2,Missed ANC appt. Phoned Mother - no answer.,Letter sent with new appointment.
28/05/2015,Police,PC 2231,"DA incident at home address. Mother (pregnant, 34/40) reported Mr Z pushed her against a wall. Mr Z arrested. Sibling E (9) present, spoken to by officers - appeared frightened.",DASH medium. PPN submitted to MASH. Mr Z charged and bailed with conditions not to contact Mother.
29/05/2015,Children's Social Care,MASH SW,PPN received from police re DA incident 28/05. Checks with health and school.,Stepped down to Early Help. Letter to Mother.
01/06/2015,Probation,OM1,Police informed probation of Mr Z's arrest. Mr Z recalled? - discussed with SPO.,Not recalled. Extra reporting weekly.
10/06/2015,Early Help,FSW1,Early Help assessment started. Home visit - Mother and Sibling E seen. Mother said Mr Z has moved out.,EHA to be completed. TAF to be arranged.
19/06/2015,Maternity,Labour ward,Child D born at 39/40 by SVD. Weight 3.2kg. Mr Z present at the birth.,Discharged home day 1. Midwifery safeguarding team informed re bail conditions.
22/06/2015,Midwifery,CMW2,Day 3 postnatal visit. Baby feeding well. Mr Z at the home.,Transferred to HV care on day 10.
30/06/2015,Health Visiting,HV1,New birth visit. Baby weighed 3.3kg. Mr Z present; Mother said he is 'just visiting'. EPDS 16.,GP informed of EPDS. HV to visit in 2/52.
14/07/2015,Health Visiting,HV1,Planned home visit - no reply. Card left.,Re-arrange.
16/07/2015,School,DSL,Sibling E disclosed to class teacher that Mr Z 'shouts at mum and she cries'. E appeared tired and hungry.,DSL phoned MASH. Referral form completed.
17/07/2015,Children's Social Care,Duty SW2,Contact from school re Sibling E's disclosure. Previous PPN noted.,Threshold for assessment met. Allocated to SW3 for single assessment.
22/07/2015,Children's Social Care,SW3,Unannounced home visit. Mother and Mr Z present. Child D seen asleep in Moses basket. Sibling E at school.,Mr Z's presence breaches bail conditions - police to be informed.
22/07/2015,Children's Social Care,SW3,Telephone call to police re Mr Z at the address.,Police to check bail conditions.
27/07/2015,GP,Dr X,Mother attended with baby for 6 week check. Baby examined - NAD. Mother tearful; sertraline increased.,Review 4 weeks.
04/08/2015,Substance Misuse,Keyworker1,Mr Z attended drug and alcohol service for assessment. Reports drinking 6-8 cans a day.,Offered keywork sessions.
11/08/2015,Children's Social Care,SW3,Supervision with TM1. Single assessment discussed. Concerns re DA and Mr Z's drinking.,Strategy discussion not needed at present. Complete assessment.
18/08/2015,Health Visiting,HV1,Home visit. Baby seen and weighed. Discussed safe sleeping / supervision. Mother reports Mr Z now living back at home.,Information shared with SW3.
25/08/2015,Children's Social Care,SW3,Home visit - no answer. Neighbour said family away for the week.,Will revisit.
02/09/2015,Substance Misuse,Keyworker1,Mr Z DNA keywork session.,Text reminder sent.
09/09/2015,Substance Misuse,Keyworker1,Mr Z DNA second keywork session.,Discharged from service after 2 DNAs. GP informed.
10/09/2015,Children's Social Care,SW3,Single assessment completed. Risk from DA and parental alcohol misuse.,TM1 agreed step down to CIN plan. HV disagreed with the decision - felt threshold for s47 was met.
14/09/2015,Health Visiting,HV1,HV contacted named nurse for safeguarding supervision re disagreement with CSC decision.,Named nurse advised to escalate under the resolving professional differences policy.
16/09/2015,Health Visiting,Named Nurse,Escalation to CSC team manager under the escalation policy re step down to CIN.,TM1 to review.
18/09/2015,Children's Social Care,TM1,Management oversight: escalation from health reviewed. CIN plan to continue; decision upheld.,HV informed of outcome by email.
05/10/2015,Police,PC 4410,Call from neighbour re shouting. Officers attended. Mr Z and Mother arguing; Child D asleep upstairs. Not seen.,DASH standard. PPN submitted.
06/10/2015,Children's Social Care,SW3,CIN meeting held with HV and school. Mother attended. Mr Z did not attend.,CIN plan reviewed.
12/10/2015,Housing,Housing Officer,Tenancy visit. Complaints from neighbours about noise. Mother seen at the door.,Warning letter re antisocial behaviour.
20/10/2015,CAMHS,Clinician1,Sibling E seen at CAMHS for initial appointment re anxiety and poor sleep.,Further appointments offered.
03/11/2015,CAMHS,Clinician1,Sibling E was not brought to CAMHS appointment.,Letter to Mother.
17/11/2015,CAMHS,Clinician1,Sibling E not brought again.,Discharged back to GP. School informed.
25/11/2015,Health Visiting,HV1,Attempted home visit - curtains closed and no answer.,Letter left. HV to discuss with SW3.
26/11/2015,Health Visiting,HV1,Telephone call to SW3 re two no access visits and concerns re Mr Z.,SW3 to do unannounced visit.
30/11/2015,Children's Social Care,SW3,Unannounced visit. Child D seen through the window by SW3; Mother would not open the door.,TM1 informed. Police welfare check requested.
30/11/2015,Police,PC 5512,Welfare check at request of CSC. Child D seen and appeared well. Mother and Mr Z present.,Information shared with CSC.
08/12/2015,Children's Social Care,TM1,Strategy discussion by phone: TM1 DS Brown (CAIT) and HV1. Agreed s47 enquiry.,Joint visit tomorrow.
09/12/2015,Police,DC Green,Joint home visit with SW3. Child D seen and examined by SW3 - no marks seen. Mother and Mr Z spoken to separately.,Police investigation - no further action.
14/12/2015,Adult Mental Health,CPN1,Mother seen at home by CPN. Low mood ongoing; reports Mr Z 'controlling'. Baby seen in cot.,CPN to share with SW3.
05/01/2016,Children's Social Care,IRO1,ICPC. Child D and Sibling E made subject to CP plans under the category of emotional abuse. Father (Mr Z) attended part of conference.,Core group within 10 working days.
14/01/2016,Children's Social Care,SW3,Core group meeting. Mother attended; Mr Z did not. HV and school present.,Written agreement re Mr Z's drinking.
21/01/2016,Probation,OM1,Mr Z supervision appointment - disclosed relapse. Licence conditions reviewed.,Referral to drug and alcohol service. CSC informed.
02/02/2016,A&E,ED doctor,"Child D, 7 months, brought in by ambulance. Mother reports baby fell from the sofa. Bruising to L ear and cheek. CT head: no bleed.",Admitted. Paediatric registrar informed. CSC emergency duty team informed.
03/02/2016,Paediatrics,Dr P1,Child protection medical. Bruising to ear inconsistent with a fall from a sofa. Skeletal survey: no fractures.,Referral to CSC. Strategy discussion requested.
03/02/2016,Children's Social Care,TM2,Strategy meeting at hospital with police and paediatrician. S47 agreed; Child D not to be discharged to parents.,Legal advice to be sought.
05/02/2016,Children's Social Care,SW3,Legal planning meeting. Threshold for proceedings met.,Issue care proceedings. Child D to be placed with maternal grandmother under interim care order.
10/02/2016,Children's Social Care,SW3,Child D placed with maternal grandmother (Reg 24 / connected person placement).,Viability assessment of grandmother to be completed.
12/02/2016,Children's Social Care,SW3,Supervised contact at family centre. Mother and Child D. Mr Z did not attend.,Contact went well.
"""

#: Per row of CSPR_APPENDIX (its source_row): the event type, whether the child was seen
#: (None: the text does not say) and the counterparts, as a reviewer reads them.
CSPR_EXPECTED: Final = {
    2: ("office_visit", None, ("adult_mental_health", "gp", "mother", "partner")),
    3: ("office_visit", False, ("mother",)),
    4: ("other", None, ("mother",)),
    5: ("office_visit", None, ("gp", "mother")),
    6: ("dna", False, ("mother",)),
    7: ("police_incident", None, ("csc", "mother", "sibling")),
    8: ("referral", None, ("early_years", "education", "mother", "police")),
    9: ("information_sharing", None, ("police",)),
    10: ("home_visit", None, ("mother", "sibling")),
    11: ("other", None, ()),
    12: ("health_visit", True, ("health_visiting",)),
    13: ("health_visit", True, ("gp", "mother")),
    14: ("dna", False, ()),
    15: ("concern", None, ("csc", "mother", "sibling")),
    16: ("referral", None, ("education", "sibling")),
    17: ("home_visit", True, ("mother", "sibling")),
    18: ("information_sharing", None, ("police",)),
    19: ("gp_appointment", True, ("mother",)),
    20: ("office_visit", None, ()),
    21: ("supervision", None, ()),
    22: ("home_visit", True, ("csc", "mother")),
    23: ("dna", False, ("family",)),
    24: ("dna", False, ()),
    25: ("dna", False, ("gp",)),
    26: ("disagreement", None, ("health_visiting",)),
    27: ("supervision", None, ("csc",)),
    28: ("escalation", None, ("csc",)),
    29: ("management_oversight", None, ("health_visiting",)),
    30: ("police_incident", False, ("csc", "mother")),
    31: ("cin_meeting", None, ("education", "health_visiting", "mother")),
    32: ("home_visit", None, ("mother",)),
    33: ("office_visit", None, ("sibling",)),
    34: ("dna", False, ("mother", "sibling")),
    35: ("dna", False, ("education", "gp", "sibling")),
    36: ("dna", False, ()),
    37: ("information_sharing", None, ("csc",)),
    38: ("dna", False, ("mother", "police")),
    39: ("police_incident", True, ("csc", "mother")),
    40: ("strategy_discussion", None, ("health_visiting", "police")),
    41: ("home_visit", True, ("csc", "mother")),
    42: ("home_visit", True, ("mother",)),
    43: ("icpc", None, ("father", "sibling")),
    44: ("core_group", None, ("education", "health_visiting", "mother")),
    45: ("other", None, ("csc", "substance_misuse")),
    46: ("hospital_attendance", True, ("ambulance", "csc", "mother", "paediatrics")),
    47: ("medical_examination", True, ("csc",)),
    48: ("strategy_discussion", None, ("family", "hospital", "paediatrics", "police")),
    49: ("legal_planning_meeting", None, ("grandparent", "legal")),
    50: ("placement", None, ("grandparent",)),
    51: ("office_visit", True, ("mother",)),
}


def test_a_cspr_appendix_reads_as_a_reviewer_reads_it(tmp_path):
    path = tmp_path / "child-d-appendix.csv"
    path.write_text(CSPR_APPENDIX, encoding="utf-8")
    chron = scr.read(path)
    assert chron.rejected.empty
    events = chron.events.set_index(schema.SOURCE_ROW)
    assert sorted(events.index) == sorted(CSPR_EXPECTED)
    wrong = []
    for row, (event_type, seen, counterparts) in CSPR_EXPECTED.items():
        got = events.loc[row]
        got_seen = None if pd.isna(got[schema.CHILD_SEEN]) else bool(got[schema.CHILD_SEEN])
        found = (str(got[schema.EVENT_TYPE]), got_seen, tuple(got[schema.COUNTERPARTS]))
        if found != (event_type, seen, counterparts):
            wrong.append((row, got[schema.DETAILS][:60], found))
    assert not wrong


def test_the_cspr_appendix_visits_that_did_not_happen_count_as_missed_contacts(tmp_path):
    path = tmp_path / "child-d-appendix.csv"
    path.write_text(CSPR_APPENDIX, encoding="utf-8")
    events = scr.read(path).events.set_index(schema.SOURCE_ROW)
    for row in (14, 23, 36, 38):  # no reply, no answer, curtains closed, not let in
        assert events.loc[row, schema.EVENT_TYPE] == "dna"
        assert "home_visit" not in events.loc[row, schema.MENTIONS]
    # the health visitor's advice on supervision is no supervision of the health visitor
    assert "supervision" not in events.loc[22, schema.MENTIONS]


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        ("csc", "Sup - case discussed with TM, actions agreed.", "supervision"),
        ("early_years", "Child A collected by Mr Z, who appeared under the influence.", "concern"),
        ("midwifery", "Antenatal appointment - Mother DNA.", "dna"),
        ("gp", "8 week check - Mum DNA.", "dna"),
        # what they leave alone
        ("csc", "Supportive conversation with Mother.", "other"),
        ("csc", "Home visit. Mother appeared under the influence; Child seen.", "home_visit"),
    ],
)
def test_event_types_seen_in_the_appendix_round(agency, details, expected):
    assert classify(details, agency)[schema.EVENT_TYPE] == expected


@pytest.mark.parametrize(
    ("agency", "details", "seen"),
    [
        ("hospital", "Child A, 14 months, attended ED with mother. Burn to left hand.", True),
        (
            "police",
            "Officers attended address. Children asleep upstairs, checked on by officers.",
            True,
        ),
        ("substance_misuse", "Mother attended keywork session with baby in pram.", True),
        ("gp", "Baby seen with mother. Cough for 3 days. O/E chest clear.", True),
        ("police", "Officers attended. Children asleep upstairs, not checked on.", False),
        ("hospital", "Mother attended ED with facial injuries following an assault.", None),
        ("gp", "Mother attended the surgery with her partner re her own low mood.", None),
    ],
)
def test_child_seen_in_the_appendix_round(agency, details, seen):
    got = classify(details, agency)[schema.CHILD_SEEN]
    assert (None if pd.isna(got) else bool(got)) is seen


@pytest.mark.parametrize(
    "details",
    ["Clare's Law disclosure made to Mother.", "DVDS disclosure to Mother re Mr Z's history."],
)
def test_a_disclosure_scheme_is_the_police_telling(details):
    assert classify(details, "police")[schema.EVENT_TYPE] == "information_sharing"


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # a parent's call about an appointment is no contact raising a child (ESC-REF-DECISION)
        ("csc", "Phone call from Mother cancelling the visit.", "information_sharing"),
        ("csc", "Call from Mother to rearrange the home visit.", "information_sharing"),
        ("csc", "Mother phoned to cancel the CIN meeting.", "information_sharing"),
        ("csc", "Phone call from Mother - worried about her partner's drinking.", "referral"),
        # a social worker seeing the child at school is a visit; a school nurse a health contact
        ("csc", "Contact with Child A at school. Seen alone.", "home_visit"),
        ("csc", "School visit, CA seen alone.", "home_visit"),
        ("education", "Child A seen by school nurse - weight and height measured.", "health_visit"),
    ],
)
def test_calls_about_appointments_and_visits_at_school(agency, details, expected):
    assert classify(details, agency)[schema.EVENT_TYPE] == expected


def test_a_cancelled_visit_is_no_mention():
    row = classify("Phone call from Mother cancelling the visit.", "csc")
    assert "home_visit" not in row[schema.MENTIONS]  # no csc action on a referral


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("police", "Domestic - verbal only. Both children present and seen by officers."),
        ("ambulance", "Crew attended. Baby not breathing. CPR commenced. Conveyed to hospital."),
    ],
)
def test_the_police_and_the_ambulance_crew_saw_the_child(agency, details):
    seen = classify(details, agency)[schema.CHILD_SEEN]
    assert not pd.isna(seen) and bool(seen)


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("csc", "Unannounced - no reply."),
        ("csc", "Door knock - no answer."),
        ("health_visiting", "Telephoned - no reply. Visit attempted - no reply. Letter left."),
    ],
)
def test_terse_attempted_visits_are_missed_contacts(agency, details):
    row = classify(details, agency)
    assert row[schema.EVENT_TYPE] == "dna"
    assert "home_visit" not in row[schema.MENTIONS]


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        ("health_visiting", "Attempted contact by phone - no answer.", "information_sharing"),
        ("csc", "Phoned Mother - no answer. Visit planned for Friday.", "information_sharing"),
        (
            "csc",
            "Joint visit with police - no answer. Police forced entry; Child found alone.",
            "home_visit",
        ),
    ],
)
def test_a_call_unanswered_or_a_visit_that_got_in_is_no_missed_contact(agency, details, expected):
    assert classify(details, agency)[schema.EVENT_TYPE] == expected


# --- a referral advised, planned or promised is not a referral made ---------------------------
# (agency, details, outcome, event type, counterparts): as a reviewer reads each row. A
# referral only advised or planned has no recipient, so INJ-REFER and the escalation rules
# do not see the injury as referred; one made (by phone, form or fax) is a referral to csc.
ADVICE_PLANS_AND_HISTORY: Final = [
    # GP
    (
        "gp",
        "Child A seen with Mother. 2cm bruise L cheek, Mother unsure how caused.",
        "Advised referral to CSC.",
        "gp_appointment",
        ("mother",),
    ),
    (
        "gp",
        "Bruise to R ear noted.",
        "Discussed with safeguarding lead - plan to refer to CSC.",
        "other",
        (),
    ),
    ("gp", "Bruise to cheek.", "Plan: referral to children's social care.", "other", ()),
    ("gp", "Bruise to cheek.", "Referral to be made to CSC.", "other", ()),
    ("gp", "Bruise to cheek.", "Will make a referral to MASH.", "other", ()),
    ("gp", "GP advised Mother to self-refer to CSC.", None, "information_sharing", ("mother",)),
    (
        "gp",
        "Mother attended with Child A, cough. Mother disclosed previous involvement with "
        "children's services re older sibling.",
        "Advised. Review 1/52.",
        "gp_appointment",
        ("mother", "sibling"),
    ),
    (
        "gp",
        "Child A seen. Bruise to forehead.",
        "Referred to paediatrics for CP medical. CSC informed.",
        "gp_appointment",
        ("csc", "paediatrics"),
    ),
    # health visiting
    (
        "health_visiting",
        "Home visit. Small bruise to Child A's thigh noted. Mother's explanation vague.",
        "HV to make referral to CSC today.",
        "home_visit",
        ("mother",),
    ),
    ("health_visiting", "Advised referral to CSC.", None, "other", ()),
    ("health_visiting", "HV to refer to CSC today.", None, "other", ()),
    (
        "health_visiting",
        "Discussed with named nurse.",
        "Advice: refer to MASH if further bruising seen.",
        "other",
        (),
    ),
    (
        "health_visiting",
        "Home visit. Bruise to ear noted.",
        "Referral made to CSC by telephone; MARF completed.",
        "home_visit",
        ("csc",),
    ),
    ("health_visiting", "Telephoned CSC to make a referral.", None, "referral", ("csc",)),
    ("health_visiting", "Rang MASH to refer.", None, "referral", ("csc",)),
    (
        "health_visiting",
        "Advised Mother and made referral to CSC.",
        None,
        "referral",
        ("csc", "mother"),
    ),
    (
        "health_visiting",
        "New birth visit. Mother disclosed DV by ex-partner; police involved in the past.",
        "Advised re DV services.",
        "health_visit",
        ("mother", "partner"),
    ),
    (
        "health_visiting",
        "Telephone call from Mother; family known to CSC in previous area.",
        "HV to request records.",
        "information_sharing",
        ("family", "mother"),
    ),
    (
        "health_visiting",
        "Mother reports she had a social worker as a child.",
        "Noted.",
        "other",
        ("mother",),
    ),
    # A&E
    (
        "hospital",
        "Child A, 9 months, attended with bruise to cheek. Explanation inconsistent.",
        "Referral to CSC to be made by ward staff.",
        "hospital_attendance",
        (),
    ),
    (
        "hospital",
        "Child A brought by ambulance with head injury.",
        "Paediatric registrar informed. Safeguarding referral faxed to CSC.",
        "hospital_attendance",
        ("ambulance", "csc", "paediatrics"),
    ),
    (
        "hospital",
        "Child A seen in ED, fall from sofa.",
        "Safeguarding checks - known to CSC. Discharged.",
        "hospital_attendance",
        (),
    ),
    # school
    (
        "education",
        "Child A arrived with bruise on arm; said Dad hit him.",
        "DSL completed MARF and sent to MASH.",
        "concern",
        ("csc", "father"),
    ),
    (
        "education",
        "Child A disclosed Mum's boyfriend hit her.",
        "DSL to contact CSC for advice.",
        "concern",
        ("partner",),
    ),
    (
        "education",
        "Welfare concerns discussed at team meeting.",
        "Plan: referral to early help.",
        "meeting",
        (),
    ),
    (
        "education",
        "Mother told DSL that the family had previous involvement with police.",
        "Noted on file.",
        "other",
        ("family", "mother"),
    ),
    # police
    (
        "police",
        "DA incident at home address. Mother assaulted by partner. Children present.",
        "PPN to be submitted to MASH.",
        "police_incident",
        ("mother", "partner"),
    ),
    (
        "police",
        "Call from neighbour re shouting.",
        "Officers attended. Family known to CSC. PPN submitted.",
        "police_incident",
        ("csc", "family"),
    ),
    (
        "police",
        "Concern for welfare call.",
        "Officers attended; advised Mother to contact CSC.",
        "police_incident",
        ("mother",),
    ),
    (
        "police",
        "Mr Y arrested for assault on Mother.",
        "Referral to CSC via PPN.",
        "arrest",
        ("csc", "mother"),
    ),
    # housing
    (
        "housing",
        "Tenancy visit. Property in poor condition, Child A present.",
        "Housing officer to refer to CSC.",
        "home_visit",
        (),
    ),
    (
        "housing",
        "Mother approached housing; fleeing DV.",
        "Advised to contact the police and CSC.",
        "other",
        ("mother",),
    ),
    (
        "housing",
        "Rent arrears letter sent.",
        "Mother advised to seek support from CAB.",
        "other",
        ("mother",),
    ),
    (
        "housing",
        "Housing officer concerned about home conditions.",
        "Referral made to CSC.",
        "concern",
        ("csc",),
    ),
    # midwifery
    (
        "midwifery",
        "Booking. Mother disclosed previous CSC involvement with older children, now adopted.",
        "Pre-birth referral to be considered.",
        "office_visit",
        ("mother",),
    ),
    (
        "midwifery",
        "Antenatal appt.",
        "Referral to CSC sent re concerns about substance misuse.",
        "office_visit",
        ("csc",),
    ),
    # the strategy discussion arranged earlier and held today still involved the police
    (
        "csc",
        "Strategy discussion with police previously arranged; held today.",
        None,
        "strategy_discussion",
        ("police",),
    ),
    ("csc", "Concerns made known to CSC by phone.", None, "information_sharing", ()),
    (
        "education",
        "Mother told school the family had a social worker when they lived in Kent.",
        None,
        "other",
        ("family", "mother"),
    ),
    (
        "hospital",
        "Child A, 7 months, brought with burn to hand; Mother vague about how.",
        "Referral to CSC to be completed by paediatric team.",
        "hospital_attendance",
        ("mother",),
    ),
    ("education", "Child A hungry and unkempt again.", "DSL informed.", "concern", ()),
    # a second round: recommendations, referrals weighed or queried, more history
    ("health_visiting", "Recommendation: referral to CAMHS.", None, "other", ()),
    ("gp", "Referral to CSC considered but not made.", None, "other", ()),
    ("gp", "GP considered referral to CSC but felt not needed.", None, "other", ()),
    ("gp", "?Referral to CSC", None, "other", ()),
    ("health_visiting", "Previous CP plan with Borough CSC ended 2005.", None, "other", ()),
    (
        "health_visiting",
        "Mother said CSC were involved when she was a child.",
        None,
        "other",
        ("mother",),
    ),
    ("education", "Previous incidents reported to police by neighbours.", None, "other", ()),
    ("health_visiting", "Visit offered for 20/03 - Mother agreed.", None, "other", ("mother",)),
    ("csc", "Joint visit with police. Child A seen.", None, "home_visit", ("police",)),
    (
        "csc",
        "Strategy discussion held. Police considered the evidence.",
        None,
        "strategy_discussion",
        ("police",),
    ),
    ("gp", "Discussed with CSC duty who advised a referral.", None, "other", ("csc",)),
    ("gp", "Referral to CSC made.", None, "referral", ("csc",)),
    (
        "health_visiting",
        "Concerns made known to CSC by phone.",
        None,
        "information_sharing",
        ("csc",),
    ),
]


@pytest.mark.parametrize(
    ("agency", "details", "outcome", "event_type", "counterparts"), ADVICE_PLANS_AND_HISTORY
)
def test_advice_plans_and_history_are_not_contacts(
    agency, details, outcome, event_type, counterparts
):
    row = classify(details, agency, outcome=outcome)
    assert (str(row[schema.EVENT_TYPE]), tuple(row[schema.COUNTERPARTS])) == (
        event_type,
        counterparts,
    )


REFERRAL_ADVISED: Final = (
    "Date,Agency,Practitioner,Details,Outcome\n"
    "05/03/2007,GP,Dr X,Mother attended with Child A. Bruise to L cheek; Mother unsure how.,{}\n"
    "20/03/2007,Health Visiting,HV1,Home visit. Child A weighed.,Next visit in 2/52.\n"
)


@pytest.mark.parametrize(
    ("outcome", "referred"),
    [
        ("Advised referral to CSC.", False),
        ("Plan: refer to children's social care.", False),
        ("GP to make referral to CSC today.", False),
        ("Referral to be made to CSC.", False),
        ("Referral made to CSC.", True),
        ("Telephoned CSC to make a referral.", True),
        ("Advised Mother and made referral to CSC.", True),
    ],
)
def test_an_injury_only_advised_for_referral_is_not_referred(tmp_path, outcome, referred):
    path = tmp_path / "gp.csv"
    path.write_text(REFERRAL_ADVISED.format(outcome), encoding="utf-8")
    chron = scr.read(path, child_dob="2006-11-01")
    rules = scr.analyse(chron).to_frame()["rule_id"].tolist()
    assert ("INJ-REFER" not in rules) is referred


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # a manager named by code records a decision (SUP-KEY-DECISION, ESC-DISAGREE read it)
        ("csc", "TM1 decision: proceed to s47.", "management_oversight"),
        ("csc", "DTM2's decision - NFA, signpost to Early Help.", "management_oversight"),
        ("csc", "PM1 decision: step down to CIN.", "management_oversight"),
        ("csc", "Case reviewed by HoS - agreed to proceed to PLO.", "management_oversight"),
        ("csc", "HoS agreed s20 accommodation.", "management_oversight"),
        ("csc", "ATM authorised the assessment.", "management_oversight"),
        ("csc", "TM3 oversight - case to remain open.", "management_oversight"),
        ("csc", "TM2 reviewed the case: visits to increase.", "management_oversight"),
        ("csc", "Head of Service decision: issue care proceedings.", "management_oversight"),
        # the police's label in a social care entry: the call-out is still the police's
        ("csc", "[Police] attended home address following DA incident.", "police_incident"),
        ("csc", "(Police) attended the address; Child A asleep.", "police_incident"),
        # information shared, as practitioners shorten it
        ("csc", "Info shared with police and school.", "information_sharing"),
        ("police", "Information passed to CSC (EDT).", "information_sharing"),
        ("education", "Details forwarded to the school nurse.", "information_sharing"),
        ("csc", "Information from A/E: attended with head injury.", "information_sharing"),
        ("csc", "Update from SN at school: weight loss.", "information_sharing"),
        ("csc", "Message left for GP surgery.", "information_sharing"),
        # ... as the weaker phrase: what the information is wins
        ("csc", "Information from police: Merlin re DA.", "referral"),
        # 'HV' opening a social work entry is a home visit, not the health visitor
        ("csc", "HV - CYP seen and spoken to alone.", "home_visit"),
        ("csc", "HV: Cx asleep, not woken.", "home_visit"),
        ("gp", "Child A reviewed in surgery.", "gp_appointment"),
        # imaging in a hospital record is the child at the hospital, unless more is named
        ("hospital", "CT head to rule out NAHI.", "hospital_attendance"),
        ("hospital", "CT head and skeletal survey: no fractures.", "skeletal_survey"),
        # a plan stepped down, a stay in hospital ended, an attendance only advised
        ("csc", "Case stepped down from CP to CIN.", "cp_plan_end"),
        (
            "hospital",
            "Left ward against medical advice with Child A.",
            "hospital_attendance",
        ),
        (
            "hospital",
            "Father removed Child A from the ward against medical advice.",
            "hospital_attendance",
        ),
        ("gp", "Advised to attend A&E if worse.", "information_sharing"),
        ("gp", "Advised Mother to take Child A to A&E.", "information_sharing"),
        ("gp", "Attended A&E; advised to see GP in 2 days.", "hospital_attendance"),
    ],
)
def test_wording_of_the_glossary_round(agency, details, expected):
    row = classify(details, agency)
    assert row[schema.EVENT_TYPE] == expected


def test_a_referral_inside_a_visit_and_an_assessment_outcome_are_read():
    # checked in the glossary round and found read already; kept so they stay so
    visit = classify("Home visit. HV1 made referral to CSC re home conditions.", "health_visiting")
    assert visit[schema.EVENT_TYPE] == "home_visit"
    assert "referral" in visit[schema.MENTIONS]
    assert visit[schema.COUNTERPARTS] == ("csc",)
    assessment = classify("Assessment completed - outcome CIN.", "csc")  # dated 2007
    assert assessment[schema.EVENT_TYPE] == "initial_assessment"
