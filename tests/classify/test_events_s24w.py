"""Wording read as a reviewer reads it (session 24): a missing child found, a referral
written only in the outcome, coercive control, and the voices of services not swept before
(family court, LADO, elective home education, CAMHS liaison)."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.events import classify_event_types


def _read(details: str, agency: str, outcome: str | None = None) -> tuple[str, tuple[str, ...]]:
    rows = pd.DataFrame({"details": [details], "outcome": [outcome], "agency": [agency]})
    got = classify_event_types(rows).iloc[0]
    return str(got["event_type"]), tuple(got["mentions"])


# --- a missing child found: the end of the missing episode is recorded --------------------------
# (the main event stays the return home, which the rulebooks read as a child back from a
# missing episode; a main police_incident would count the episode twice as a concern)
@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("Located by police at friend's address. Returned home.", "police"),
        (
            "Child A found safe and well at 03:00 by officers in town centre and returned home",
            "police",
        ),
        ("Child A returned home at 02:00 after being reported missing overnight.", "csc"),
        ("Returned home of her own accord at 01:30.", "police"),
        ("Child A absconded from placement; returned home to Mother's care by police.", "police"),
    ],
)
def test_a_missing_child_found_records_the_missing_episode(details, agency):
    event_type, mentions = _read(details, agency)
    assert (event_type, "police_incident" in mentions) == ("return_home", True)


@pytest.mark.parametrize(
    "details",
    [
        "Child A returned home to Mother's care from foster placement.",
        "Rehabilitated home to Mother following final hearing.",
    ],
)
def test_a_return_home_from_care_stays_a_return_home(details):
    event_type, mentions = _read(details, "csc")
    assert (event_type, "police_incident" in mentions) == ("return_home", False)


def test_the_return_home_interview_is_not_the_return():
    assert _read("Return home interview completed with Child A.", "csc")[0] != "return_home"


# --- a referral written only in the outcome --------------------------------------------------
@pytest.mark.parametrize(
    ("details", "agency", "outcome"),
    [
        ("Child A spoken to re CSE concerns.", "police", "Referral to MASH re CSE"),
        (
            "Child B seen getting into car with older males after school.",
            "education",
            "Referral to MASH re CSE concerns",
        ),
        ("Child A has a new phone and expensive clothes.", "education", "Referred to CSC."),
    ],
)
def test_a_referral_made_in_the_outcome_of_a_row_naming_nothing_is_the_referral(
    details, agency, outcome
):
    assert _read(details, agency, outcome)[0] == "referral"


@pytest.mark.parametrize(
    ("details", "agency", "outcome", "event_type"),
    [
        # a referral only advised or planned is no referral made
        ("Child A spoken to re CSE concerns.", "police", "Advised referral to MASH", "other"),
        ("Child A spoken to re CSE concerns.", "police", "Referral to be made to MASH", "other"),
        # a row whose details name an event stays it
        (
            "Home visit. Home conditions poor.",
            "health_visiting",
            "Referral to CSC re neglect",
            "home_visit",
        ),
    ],
)
def test_a_referral_not_made_or_beside_an_event_is_not_the_main_event(
    details, agency, outcome, event_type
):
    assert _read(details, agency, outcome)[0] == event_type


# --- coercive control and economic abuse ---------------------------------------------------------
@pytest.mark.parametrize(
    ("details", "agency", "event_type"),
    [
        ("Mr X controlling her finances", "health_visiting", "concern"),
        (
            "Mother said Mr X controlling her finances and checking her phone.",
            "health_visiting",
            "concern",
        ),
        (
            "Coercive control by Mr X - Mother not allowed money or to leave the house.",
            "csc",
            "concern",
        ),
        (
            "Mother reports partner controlling her and stops her seeing friends.",
            "adult_mental_health",
            "concern",
        ),
        ("Mother reported coercive control by ex-partner.", "police", "police_incident"),
        # told at an appointment: the appointment stays the event
        ("Mother attended - low mood. Partner controls her finances.", "gp", "gp_appointment"),
    ],
)
def test_coercive_control_is_domestic_abuse(details, agency, event_type):
    assert _read(details, agency)[0] == event_type


# --- voices not swept before ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("details", "agency", "outcome", "event_type"),
    [
        # elective home education: off the school roll, no child protection plan ended
        (
            "Mother deregistered Child A to elective home education.",
            "education",
            "EHE visit offered - declined",
            "other",
        ),
        ("Mother deregistered Child A for EHE.", "csc", None, "other"),
        # the plan's end is still read
        ("Child A deregistered; to continue as CIN.", "csc", None, "cp_plan_end"),
        # LADO: a meeting about an adult who works with children, not a strategy discussion
        (
            "Allegation against nursery worker - slapped Child A. LADO strategy meeting held.",
            "csc",
            None,
            "meeting",
        ),
        ("Allegations management meeting re foster carer.", "csc", None, "meeting"),
        # family court: a section 37 direction
        ("s.37 direction made - CSC to report within 8 weeks.", "legal", None, "court"),
        ("Section 37 report filed with the court.", "csc", None, "court"),
        # CAMHS liaison in A&E
        (
            "Child A assessed in A&E following overdose of 20 paracetamol.",
            "camhs",
            None,
            "hospital_attendance",
        ),
    ],
)
def test_voices_not_swept_before(details, agency, outcome, event_type):
    assert _read(details, agency, outcome)[0] == event_type


@pytest.mark.parametrize(
    ("details", "agency", "event_type", "mentions"),
    [
        # care proceedings issued ('of' is otherwise a cue that the event is past)
        ("Issue of care proceedings - first hearing (CMH) listed.", "legal", "court", ()),
        # a MAPPA referral is a referral, and not to children's social care (no default
        # recipient: the row is not a meeting that mentions a referral)
        ("MAPPA referral made re Mr X (Category 2).", "probation", "referral", ()),
        # the child at the dentist's; a missed dental appointment is a missed appointment
        ("Dental check - Child A (3) has multiple carious teeth.", "other", "office_visit", ()),
        ("Child A was not brought to dental appointment.", "other", "dna", ("office_visit",)),
        # a CAMHS inpatient admission
        (
            "Child A weighed - BMI 14.2. Admitted to Tier 4 unit.",
            "camhs",
            "hospital_attendance",
            (),
        ),
        # a nursery's unexplained absence over days or weeks
        ("Child A absent for 2 weeks with no contact from family.", "early_years", "concern", ()),
    ],
)
def test_more_voices_not_swept_before(details, agency, event_type, mentions):
    assert _read(details, agency) == (event_type, mentions)


def test_a_mappa_referral_goes_to_no_one_the_row_does_not_name():
    from scr_timeline.classify.pipeline import classify_events
    from scr_timeline.testing import make_events

    events, _ = classify_events(
        make_events(
            start=["2018-03-11"], agency=["probation"], details=["MAPPA referral made re Mr X."]
        )
    )
    assert "csc" not in events["counterparts"].iloc[0]


@pytest.mark.parametrize(
    ("details", "agency", "event_type"),
    [
        # 'of' in a service's name is no cue that the visit was past
        ("Out of hours GP home visit to Child A - chest infection.", "gp", "home_visit"),
        ("Out of hours contact from police re DV.", "csc", "referral"),
        # a place at nursery or school is no placement in care, a pupil referral unit no
        # referral
        ("Child A started nursery placement (2-year-old funding).", "early_years", "other"),
        ("Pupil referral unit placement started.", "education", "other"),
        ("Child A placed in foster placement.", "csc", "placement"),
        (
            "Multi-agency risk assessment conference - Mother high risk case.",
            "voluntary",
            "meeting",
        ),
    ],
)
def test_names_of_services_and_places_are_not_events(details, agency, event_type):
    assert _read(details, agency)[0] == event_type


@pytest.mark.parametrize(
    ("details", "agency", "event_type", "mentions"),
    [
        # an officer of another service attending is not the police attending (a
        # police_incident is a concern ESC-CUMULATIVE counts)
        ("Probation officer attended ICPC.", "probation", "icpc", ()),
        ("Housing officer attended core group.", "housing", "core_group", ()),
        # the police attending a meeting attended the meeting
        ("Police officer attended ICPC.", "police", "icpc", ()),
        ("Police attended strategy meeting.", "police", "strategy_discussion", ()),
        ("Police attended the core group.", "csc", "core_group", ()),
        # the police attending an address is the incident, as before
        ("Officers attended the address - Mother assaulted.", "csc", "police_incident", ()),
        ("Police attended and arrested Mr X.", "csc", "police_incident", ("arrest",)),
        ("Officers attended, Mother intoxicated.", "police", "police_incident", ()),
        # a welfare report the family court ordered
        ("Cafcass section 7 report filed.", "legal", "court", ()),
    ],
)
def test_who_attended_what(details, agency, event_type, mentions):
    assert _read(details, agency) == (event_type, mentions)


@pytest.mark.parametrize(
    ("details", "agency", "event_type"),
    [
        # adult safeguarding (Care Act 2014): no strategy discussion about the child
        ("Adult safeguarding strategy meeting re Mother.", "adult_mental_health", "meeting"),
        ("Section 42 enquiry opened re Mother.", "csc", "meeting"),
        ("Strategy meeting held re Child A.", "csc", "strategy_discussion"),
        # a closure order shuts premises; it closes no case
        ("Closure order granted on Mother's flat.", "csc", "other"),
        ("Closure of case agreed by TM.", "csc", "case_closure"),
    ],
)
def test_adult_safeguarding_and_closure_orders(details, agency, event_type):
    assert _read(details, agency)[0] == event_type


@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("Mother controlling her diabetes with diet.", "health_visiting"),
        ("Mother finding it hard controlling her temper with Child A.", "csc"),
        ("Controlling her blood sugars well.", "midwifery"),
    ],
)
def test_a_mother_controlling_her_own_condition_is_no_coercive_control(details, agency):
    assert _read(details, agency)[0] != "concern"
