"""What an entry's wording says happened: planned versus done, negated, referred back to.

Every row is fictional. Each case was misread before the vocabulary line that reads it; the
rules read these columns (a strategy discussion answers INJ-STRAT, an ICPC answers CONF-ICPC,
a home visit with the child seen answers VIS-CP, a family member "carer" in a placement makes
it a family placement for PLC-REG38), so each misreading was a finding wrongly quiet or loud.
"""

from __future__ import annotations

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events


def classify(details: str, agency: str, *, practitioner: str | None = None) -> pd.Series:
    events = make_events(
        start="12/03/2007", agency=agency, details=details, practitioner=practitioner
    )
    out, _ = classify_events(events)
    return out.iloc[0]


@pytest.mark.parametrize(
    ("agency", "details", "planned"),
    [
        # "<who> to <verb>": a plan, as "HV to visit on 12/03"
        ("gp", "Mother to attend A&E", "hospital_attendance"),
        ("police", "Father to attend for voluntary interview", "police_investigation"),
        ("police", "Father due to attend voluntary interview on 20/03", "police_investigation"),
        # booked, scheduled, to take place: not yet held
        ("csc", "ICPC scheduled for 20/03", "icpc"),
        ("csc", "ICPC date set for 20/03", "icpc"),
        ("csc", "Strategy discussion to take place tomorrow", "strategy_discussion"),
        ("gp", "Appointment made for Child A to see paediatrician", "gp_appointment"),
        ("hospital", "Follow-up appointment made in fracture clinic", "hospital_attendance"),
        # what a talk was about is not what the row records
        ("csc", "SW met with Mother to discuss the ICPC", "icpc"),
        ("csc", "Spoke to Mother to discuss the referral", "referral"),
    ],
)
def test_a_plan_is_no_event_of_the_row(agency, details, planned):
    row = classify(details, agency)
    assert row[schema.EVENT_TYPE] == "other"
    assert planned in row[schema.MENTIONS]  # named, as a plan


@pytest.mark.parametrize(
    "details",
    [
        "Visits to increase to weekly",
        "Home visits to continue weekly",
    ],
)
def test_visits_to_come_are_no_visit(details):
    row = classify(details, "csc")
    assert row[schema.EVENT_TYPE] == "other"
    assert "home_visit" not in row[schema.MENTIONS]
    assert pd.isna(row[schema.CHILD_SEEN])  # no visit, so no child seen at it


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("csc", "Strategy discussion not yet held"),
        ("csc", "Strategy discussion has not yet been held"),
        ("csc", "S47 not yet started"),
        ("csc", "S47 not initiated"),
        ("gp", "Referral not yet made to CSC"),
        ("gp", "Referral to CSC not yet sent"),
        ("csc", "SW unable to visit due to sickness"),
    ],
)
def test_an_event_not_yet_done_is_not_even_a_mention(agency, details):
    row = classify(details, agency)
    assert row[schema.EVENT_TYPE] == "other"
    assert row[schema.MENTIONS] == ()


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        ("police", "Father attended for voluntary interview", "police_investigation"),
        (
            "police",
            "Father attended the station for interview under caution",
            "police_investigation",
        ),
        ("health_visiting", "Mother attended for 6-8 week check", "health_visit"),
        # a parent who does not come to a meeting: the meeting goes on
        ("csc", "Mother declined to attend ICPC", "icpc"),
        ("csc", "Mother refused to attend core group", "core_group"),
        ("csc", "Mother unable to attend ICPC", "icpc"),
        # what the row records happening, beside the words that plan or refuse
        ("csc", "Mother declined home visit", "other"),
        ("gp", "Mother failed to attend appointment", "dna"),
        ("csc", "Review CP conf - plan to continue", "review_conference"),
        ("csc", "TM3 oversight - case to remain open.", "management_oversight"),
        ("csc", "Child A made subject to CIN plan", "cin_meeting"),
        ("csc", "Family support session at home", "home_visit"),
        # a professional away from a meeting: no missed appointment of the child (ESC-WNB)
        ("gp", "GP did not attend ICPC - report sent", "information_sharing"),
        ("health_visiting", "HV unable to attend strategy meeting", "other"),
        ("police", "Police did not attend strategy discussion", "other"),
        ("gp", "GP sent apologies for core group", "other"),
        ("csc", "Strategy discussion - police did not attend", "strategy_discussion"),
        ("police", "Officers did not attend", "other"),
        ("health_visiting", "12 month review outstanding", "other"),
        # the child not brought to a medical: a missed appointment, not an examination
        ("paediatrics", "CP medical - Child A DNA", "dna"),
        ("paediatrics", "CP medical - DNA", "dna"),
        ("police", "Officers to conduct welfare check", "other"),
        # a return home to come (SUP-KEY-DECISION, PLC-REG38-APPROVAL read return_home)
        ("csc", "Child to return home", "other"),
        ("csc", "Child A to return home to Mother at weekend", "other"),
        ("csc", "Child returned home to Mother", "return_home"),
        # seen or examined for a medical: done ('for' plans only 'report for ICPC')
        ("paediatrics", "Child A seen for CP medical", "medical_examination"),
        ("paediatrics", "Child A to be seen for CP medical", "other"),
        # an unexplained school absence, written with a dash: a concern (as with a comma)
        ("education", "Child A absent - no contact from parents", "concern"),
        # a parent calling to arrange a visit: no contact about a child (ASM-INITIAL)
        ("csc", "Call from Mother to arrange home visit", "information_sharing"),
        ("csc", "Call from school to report concerns re bruising", "referral"),
    ],
)
def test_what_was_done(agency, details, expected):
    assert classify(details, agency)[schema.EVENT_TYPE] == expected


def test_a_cin_plan_made_at_a_conference_leaves_the_conference_the_event():
    row = classify("ICPC - not made subject to a CP plan; made subject to CIN plan", "csc")
    assert row[schema.EVENT_TYPE] == "icpc"


@pytest.mark.parametrize(
    "details",
    [
        "NAHI not suspected - accidental fall, bump to forehead",
        "NAI not suspected - bump to forehead",
    ],
)
def test_a_negation_does_not_reach_past_a_dash(details):
    row = classify(details, "hospital")
    assert row[schema.INJURY]
    assert "head_injury" in row[schema.INJURY_KINDS]


@pytest.mark.parametrize(
    "details",
    [
        "Home safety - fireguard, stair gate, scalds",  # advice: the dash heads a list
        "No marks or bruises - skin clear",
    ],
)
def test_a_dash_leaves_other_cues_alone(details):
    assert not classify(details, "health_visiting")[schema.INJURY]


@pytest.mark.parametrize("practitioner", ["SHO", "Paed SpR", "ST3", "Reg", "Junior doctor"])
def test_a_doctor_in_training_in_a_paediatric_record_is_a_paediatrician(practitioner):
    row = classify("Child A examined", "paediatrics", practitioner=practitioner)
    assert row[schema.ROLE] == "paediatrician"


@pytest.mark.parametrize(
    "details",
    [
        "LADO referral received re foster carer",
        "Child A placed with foster carers",
        "FC reported bruise",
    ],
)
def test_a_foster_carer_is_not_family(details):
    assert "carer" not in classify(details, "csc")[schema.COUNTERPARTS]


def test_a_relative_approved_as_foster_carer_is_family():
    row = classify("Child placed with kinship foster carer (maternal aunt)", "csc")
    assert "carer" in row[schema.COUNTERPARTS]


FOSTER = """Date,Agency,Details
05/04/2007,CSC,Child A accommodated with foster carers under section 20.
"""


def test_a_foster_placement_asks_for_no_regulation_38_checks(tmp_path):
    path = tmp_path / "csc.csv"
    path.write_text(FOSTER, encoding="utf-8")
    findings = scr.analyse(scr.read(path, child_dob="2004-01-01")).to_frame()
    assert not findings["rule_id"].str.startswith("PLC-REG38").any()


@pytest.mark.parametrize(
    ("agency", "details", "expected", "named"),
    [
        # invited, offered: the conference and the check are to come
        ("csc", "ICPC invitations sent", "information_sharing", ("icpc",)),
        ("csc", "Invitation to ICPC sent to school", "other", ("icpc",)),
        ("health_visiting", "8 month check offered", "other", ()),
        # referred back to: the referral was made before, not on this row's date (ASM-INITIAL)
        ("csc", "Referral previously made by school in January", "other", ("referral",)),
        ("education", "School previously referred to CSC", "other", ("referral",)),
        ("education", "School made a referral to CSC last month", "other", ("referral",)),
        ("csc", "As per strategy discussion, joint visit with police", "home_visit", ()),
        ("csc", "As discussed at core group, SW visited", "home_visit", ()),
        # ... and what stays done
        ("csc", "Previously known to CSC, referral from GP re bruising", "referral", ()),
        ("health_visiting", "Developmental check - support offered", "health_visit", ()),
    ],
)
def test_invited_offered_and_referred_back_to(agency, details, expected, named):
    row = classify(details, agency)
    assert row[schema.EVENT_TYPE] == expected
    assert set(named) <= set(row[schema.MENTIONS])  # named, as a plan or a past event


def test_a_professional_away_from_a_meeting_says_nothing_of_the_child():
    assert classify("GP did not attend ICPC - report sent", "gp")[schema.CHILD_SEEN] is pd.NA


@pytest.mark.parametrize(
    "details", ["Child A was not medically examined", "Child A not examined by paediatrician"]
)
def test_a_child_not_examined_was_not_seen_for_it(details):
    # VIS-CP counts a social care row whose child was seen: this one says nothing of it
    assert classify(details, "csc")[schema.CHILD_SEEN] is pd.NA
