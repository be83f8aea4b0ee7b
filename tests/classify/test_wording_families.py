"""The glossary's event wording, family by family, as practitioners write it.

Every row is fictional ("Child A", "Mother", "SW1", "Dr X"). Each case was misread before
the vocabulary line or classifier change that reads it; the rules read these columns
(INJ-MEDICAL waits for a medical_examination, INJ-SKELETAL for a skeletal_survey, ESC-WNB
counts dna rows, VIS-CP counts the child seen by children's social care), so each
misreading was a finding wrongly made or wrongly missed.
"""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events


def read(
    agency: str, details: str, outcome: str | None = None, *, practitioner: str | None = None
) -> pd.Series:
    """The classified row of one entry (dated 12/03/2007)."""
    entry = {"agency": agency, "details": details, "outcome": outcome}
    classified, _ = classify_events(
        make_events(start="12/03/2007", practitioner=practitioner, **entry)
    )
    return classified.iloc[0]


def seen(row: pd.Series) -> bool | None:
    """The row's child_seen as True, False or None (NA)."""
    value = row[schema.CHILD_SEEN]
    return None if value is pd.NA else bool(value)


#: (agency, details, event_type, child_seen): one entry per case, family by family below
Case = tuple[str, str, str, bool | None]


# --- medical examinations (INJ-MEDICAL) ---------------------------------------------------
def _medicals(*cases: tuple[str, str]) -> list[Case]:
    return [(agency, details, "medical_examination", True) for agency, details in cases]


MEDICALS: list[Case] = _medicals(
    # the paediatrician named by name, then by role
    ("hospital", "Child A seen by Dr X (paediatric registrar) who examined bruising"),
    ("paediatrics", "Child A seen by Dr X (paediatric registrar) who examined bruising"),
    ("csc", "Child A seen by Dr X (paediatric registrar) who examined bruising"),
    ("csc", "Seen by Dr X consultant paediatrician"),
    ("csc", "Seen by Dr X, consultant paediatrician, at CDC"),
    # the doctor who examines, as the subject
    ("hospital", "Paediatrician examined Child A - 3 bruises to left thigh"),
    ("hospital", "Dr X (Paed SpR) examined CA - bruising noted"),
    ("hospital", "Paeds reg examined baby"),
    ("police", "FME examined Child A at the station"),
    # a paediatric record's own examination
    ("paediatrics", "Examined by Dr X - multiple bruises"),
    ("paediatrics", "Medical - bruising inconsistent with explanation"),
    # the medical shortened, or placed
    ("csc", "Medical at CDC - bruising consistent with NAI"),
    ("csc", "CP med completed by Dr Y - bruises consistent with fingertip grip marks"),
    ("paediatrics", "CPM - 2 bruises to R cheek"),
    ("paediatrics", "Child protection examination by Dr Z"),
    # the child at the medical ('for' is no plan here)
    ("paediatrics", "Child A attended for CP medical with SW1 and Mother"),
    ("csc", "Attended CP medical with Mother and Child A"),
    ("police", "DC1 ATTENDED THE HOSPITAL FOR THE CP MEDICAL"),
    # the forensic medical at the sexual assault referral centre
    ("police", "Child A examined at SARC"),
)
#: a missed appointment in the parent's words
NOT_BROUGHT: list[Case] = [
    ("csc", "Mother did not bring Child A to the appointment", "dna", False),
    ("health_visiting", "Mother did not bring Child A to clinic", "dna", False),
]

#: a social worker's visit that says the child was not seen, in the words used
NOT_SEEN_AT_VISITS: list[Case] = [
    ("csc", "Visited - did not see CA as she was asleep", "home_visit", False),
    ("csc", "Home visit - not seen - at nursery", "home_visit", False),
    ("csc", "Home visit - Child A upstairs, not seen", "home_visit", False),
    ("csc", "Home visit - not able to see the baby", "home_visit", False),
    # 'not seen alone' says the child was seen
    ("csc", "Home visit - CA seen, not seen alone as Mother present", "home_visit", True),
]

#: a parent seen alone is no child seen; a parent who came without the child did not bring it
PARENT_ALONE: list[Case] = [
    ("health_visiting", "HV contact - Mother seen alone, baby at nursery", "health_visit", None),
    ("health_visiting", "Mother attended clinic without baby", "health_visit", False),
    ("health_visiting", "Mother seen without baby", "health_visit", False),
    ("gp", "Mother attended alone", "gp_appointment", False),
    # a social care visit says nothing against the default when only the mother is named
    ("csc", "Home visit - Mother seen alone", "home_visit", True),
    ("csc", "Home visit - Child A seen alone", "home_visit", True),
]

#: the child seen by children's social care away from home, or at the office
SEEN_ELSEWHERE: list[Case] = [
    ("csc", "Child A seen at school by SW", "home_visit", True),
    ("csc", "Mother and Child A came to office", "office_visit", True),
]

#: (agency, details, event_type): what the row is, whatever it says of the child
TYPES: list[tuple[str, str, str]] = [
    # the brief's own cases, read already: kept so they stay so
    ("hospital", "Seen by paediatrician at CDC", "medical_examination"),
    ("csc", "CP medical undertaken", "medical_examination"),
    ("hospital", "skeletal survey completed", "skeletal_survey"),
    # a developmental appointment at the CDC is no child protection medical
    ("paediatrics", "CDC appointment for developmental check", "office_visit"),
    ("csc", "CDC appointment for developmental check", "office_visit"),
    # a looked-after child's statutory health assessment is no CP medical either
    ("csc", "LAC medical completed", "health_visit"),
    ("csc", "Adoption medical", "health_visit"),
    # plans and refusals stay plans; the child taken to the medical is at the medical, as
    # one who 'attended for CP medical' is (the child admitted for one waits for it)
    ("csc", "Child A taken to CDC for CP medical", "medical_examination"),
    ("police", "CHILD A CONVEYED TO HOSPITAL FOR CP MEDICAL", "hospital_attendance"),
    ("csc", "Referred for CP medical", "referral"),
    ("csc", "CP medical booked for tomorrow at 10am", "other"),
    ("csc", "Mother refused consent for CP medical", "other"),
    # a GP's "medical" is the patient's history; a ward review is the admission's
    ("gp", "Medical: asthma reviewed", "other"),
    ("csc", "Medical needs discussed with Mother", "other"),
    ("csc", "Mother attended her medical appointment", "other"),
    ("hospital", "Full exam - chest clear", "other"),
    ("hospital", "Paeds reg reviewed Child A on ward", "hospital_attendance"),
    # --- referrals, decisions and assessments
    ("csc", "Contact rec'd from school re bruise to Child A's arm", "referral"),
    ("csc", "Ref rec'd from HV re home conditions", "referral"),
    ("csc", "N.F.A.", "referral_decision"),
    ("police", "N.F.A. - insufficient evidence", "police_investigation"),
    # --- conferences, written with dots as older records do
    ("csc", "I.C.P.C. held", "icpc"),
    ("csc", "R.C.P.C. - plan continues", "review_conference"),
    # a dash between spaces ends a clause: the ICPC attended, then a report sent
    ("health_visiting", "HV attended ICPC - report submitted", "icpc"),
    ("gp", "GP report sent for ICPC", "information_sharing"),
    # --- a meeting that agreed something was held ('as agreed at' refers back)
    ("csc", "Rehab home agreed at LAC review", "meeting"),
    ("csc", "As agreed at core group, SW visited", "home_visit"),
    # --- placements
    ("csc", "Child A moved to foster carers", "placement"),
    ("csc", "Children moved to emergency foster placement", "placement"),
    # --- health visiting, police and the out-of-hours service
    ("health_visiting", "Clinic attendance - weight 8kg", "health_visit"),
    ("police", "Suspect bailed pending enquiries", "police_investigation"),
    ("police", "CHILD A FOUND UNRESPONSIVE - LIFE PRONOUNCED EXTINCT", "death"),
    ("csc", "EDT contacted by police re Child A", "referral"),
    ("csc", "Call to EDT from hospital", "referral"),
    # a dash ends the reach of a negation: the conference not convened, NFA decided
    ("csc", "ICPC not convened - NFA", "referral_decision"),
    ("police", "Re-referral to CSC - DV incident", "referral"),
    ("csc", "Rereferral from school", "referral"),
    # --- common misspellings of the words the rules wait for
    ("csc", "Startegy discussion held with police", "strategy_discussion"),
    ("csc", "Stratergy meeting held", "strategy_discussion"),
    ("csc", "Strategey discusion", "strategy_discussion"),
    ("csc", "Home visti - CA seen", "home_visit"),
    ("csc", "Visted the family home, children seen", "home_visit"),
    ("csc", "Refferal received from school", "referral"),
    ("csc", "Referall from HV", "referral"),
    ("gp", "Refered to MASH", "referral"),
    ("csc", "Section47 enquiry", "s47_enquiry"),
    ("csc", "Child protection confrence held", "icpc"),
    ("csc", "Review CP conferance - plan continues", "review_conference"),
    ("csc", "Supervison with TM", "supervision"),
    ("csc", "Managment oversight", "management_oversight"),
    # --- a paediatrician's opinion is given on examining the child; a survey done but
    # reported later was done
    ("csc", "Paediatrician's opinion: injuries non-accidental", "medical_examination"),
    ("hospital", "Skeletal survey - results awaited", "skeletal_survey"),
    ("csc", "Strategy discussion minutes awaited", "strategy_discussion"),
]

#: (agency, details, event type named only as a plan or as not done)
PLANS: list[tuple[str, str, str]] = [
    # 're' is 'regarding': a referral talked about, no re-referral
    ("health_visiting", "HV to discuss with safeguarding team re referral", "referral"),
    ("csc", "Core assessment to commence", "core_assessment"),
    ("csc", "S47 to start tomorrow", "s47_enquiry"),
    ("csc", "Agreed s47", "s47_enquiry"),
    ("csc", "Strategy discussion and S47 to be arranged", "strategy_discussion"),
    ("health_visiting", "HV said she would be making a referal", "referral"),
    ("hospital", "Skeletal survey awaited", "skeletal_survey"),
]

#: (agency, details, event type the entry says did not happen: not even a mention)
NOT_DONE: list[tuple[str, str, str]] = [
    ("csc", "Decision not to progress to S47", "s47_enquiry"),
    ("csc", "CP medical not felt necessary", "medical_examination"),
    ("csc", "Strategy discussion not deemed necessary", "strategy_discussion"),
    # a colon after a label does not end the reach of what follows it
    ("csc", "Strategy discussion: not held as case closed", "strategy_discussion"),
    # a planned cue does not reach over a negation: the referral was not made, not advised
    ("gp", "Discussed with CSC duty - advised no referral needed", "referral"),
    ("gp", "Consulted MASH for advice - no referral required", "referral"),
    ("police", "Officer failed to submit PPN", "referral"),
    ("csc", "SW failed to visit", "home_visit"),
]

#: (agency, details, event_type): 'failed to' is no negation of a missed appointment or visit
FAILED_TO: list[tuple[str, str, str]] = [
    ("gp", "Failed to attend", "dna"),
    ("gp", "Failed to bring Child A for 12 month imms", "dna"),
    ("csc", "Home visit - failed to gain access", "dna"),
]

#: (agency, details, main event, event named in a clause of its own as a plan)
HELD_THEN_PLANNED: list[tuple[str, str, str, str]] = [
    ("csc", "Strategy discussion held, S47 to be initiated", "strategy_discussion", "s47_enquiry"),
    ("csc", "Strategy discussion, ICPC to be convened", "strategy_discussion", "icpc"),
    ("csc", "Strategy discussion that S47 to be initiated", "strategy_discussion", "s47_enquiry"),
    ("csc", "Strategy discussion agreed S47 to be initiated", "strategy_discussion", "s47_enquiry"),
    ("police", "STRAT DISC HELD, JOINT S47 TO COMMENCE", "strategy_discussion", "s47_enquiry"),
    (
        "csc",
        "Agreed at strategy discussion that S47 to be initiated",
        "strategy_discussion",
        "s47_enquiry",
    ),
]


@pytest.mark.parametrize(
    ("agency", "details", "event_type", "child_seen"),
    [*MEDICALS, *NOT_BROUGHT, *NOT_SEEN_AT_VISITS, *PARENT_ALONE, *SEEN_ELSEWHERE],
)
def test_event_type_and_child_seen(agency, details, event_type, child_seen):
    row = read(agency, details)
    assert (row[schema.EVENT_TYPE], seen(row)) == (event_type, child_seen)


@pytest.mark.parametrize(("agency", "details", "event_type"), [*TYPES, *FAILED_TO])
def test_event_type(agency, details, event_type):
    assert read(agency, details)[schema.EVENT_TYPE] == event_type


@pytest.mark.parametrize(("agency", "details", "planned"), PLANS)
def test_an_event_planned_or_not_done_is_only_named(agency, details, planned):
    row = read(agency, details)
    assert row[schema.EVENT_TYPE] != planned
    assert planned in row[schema.MENTIONS]


@pytest.mark.parametrize(("agency", "details", "held", "planned"), HELD_THEN_PLANNED)
def test_a_cue_after_the_next_event_is_the_next_events(agency, details, held, planned):
    row = read(agency, details)
    assert (row[schema.EVENT_TYPE], row[schema.MENTIONS]) == (held, (planned,))


@pytest.mark.parametrize(("agency", "details", "not_done"), NOT_DONE)
def test_an_event_the_entry_says_did_not_happen_is_not_named(agency, details, not_done):
    row = read(agency, details)
    assert row[schema.EVENT_TYPE] != not_done
    assert not_done not in row[schema.MENTIONS]


@pytest.mark.parametrize(
    ("agency", "practitioner", "role"),
    [
        ("csc", "Snr Prac", "social_worker"),
        ("csc", "Sr Practitioner", "social_worker"),
        ("hospital", "SpR Paediatrics", "paediatrician"),
        ("hospital", "Registrar (Paeds)", "paediatrician"),
        ("paediatrics", "Consultant in Paediatrics", "paediatrician"),
        # a nursery nurse in a health visiting team is no registered nurse (roles.csv)
        ("health_visiting", "Nursery nurse", "other"),
    ],
)
def test_roles_as_the_practitioner_column_writes_them(agency, practitioner, role):
    assert read(agency, "Home visit", practitioner=practitioner)[schema.ROLE] == role
