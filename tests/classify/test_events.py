"""Tests for scr_timeline.classify.events: main event type, mentions, agency context."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.counterparts import classify_counterparts
from scr_timeline.classify.events import classify_event_types, load_event_types
from scr_timeline.exceptions import ChronologyReadError
from scr_timeline.testing import make_events


def classify(details, agency="csc", outcome=None, **kwargs):
    """Event type and mentions of one row."""
    events = make_events(start="2007-03-12", details=[details], outcome=[outcome], agency=agency)
    row = classify_event_types(events, **kwargs).iloc[0]
    return row[schema.EVENT_TYPE], row[schema.MENTIONS]


def test_main_event_and_mentions_of_a_row_naming_several():
    assert classify("Strategy discussion held; agreed s47 and CP medical") == (
        "strategy_discussion",
        ("s47_enquiry", "medical_examination"),
    )


@pytest.mark.parametrize(
    ("details", "outcome", "agency", "expected"),
    [
        ("Referral received from school.", None, "csc", "referral"),
        ("Re-referral from HV: baby losing weight.", None, "csc", "referral"),
        ("Merlin created: child coming to notice.", None, "police", "referral"),
        ("Duty TM reviewed the contact.", "NFA.", "csc", "referral_decision"),
        ("Initial assessment started.", None, "csc", "initial_assessment"),
        ("IA completed, Child seen alone.", None, "csc", "initial_assessment"),
        ("Core assessment signed off by TM.", None, "csc", "core_assessment"),
        ("Child and family assessment completed.", None, "csc", "single_assessment"),
        ("Strat meeting with police and school.", None, "csc", "strategy_discussion"),
        ("S.47 enquiries concluded.", None, "csc", "s47_enquiry"),
        ("ICPC held.", None, "csc", "icpc"),
        ("Child's name placed on the register under neglect.", None, "csc", "cp_plan_start"),
        ("CG meeting: Mother did not attend.", None, "csc", "core_group"),
        ("RCPC: little progress.", None, "csc", "review_conference"),
        ("Child deregistered.", None, "csc", "cp_plan_end"),
        ("CIN review: attendance improved.", None, "csc", "cin_meeting"),
        ("LPM held.", None, "csc", "legal_planning_meeting"),
        ("EPO granted.", None, "csc", "court"),
        ("Child placed with family friend by agreement.", None, "csc", "placement"),
        ("Child rehabilitated home.", None, "csc", "return_home"),
        ("Reg 38 checks started on the carer.", None, "csc", "carer_assessment"),
        ("Statutory visit. Home conditions poor.", None, "csc", "home_visit"),
        ("Seen at the office with Mother.", None, "csc", "office_visit"),
        ("Case discussed in supervision.", None, "csc", "supervision"),
        ("Management oversight: TM reviewed the file.", None, "csc", "management_oversight"),
        ("Case allocated to SW3.", None, "csc", "allocation"),
        ("Case closed.", None, "csc", "case_closure"),
        ("CP medical: bruising.", None, "paediatrics", "medical_examination"),
        ("Bone survey repeat views.", None, "hospital", "skeletal_survey"),
        ("Attended A&E with wheeze.", None, "hospital", "hospital_attendance"),
        ("GP appointment: eczema.", None, "gp", "gp_appointment"),
        ("Developmental check at home.", None, "health_visiting", "health_visit"),
        ("Was not brought for asthma review.", None, "gp", "dna"),
        ("DV call-out: partner left before police arrived.", None, "police", "police_incident"),
        ("Interview under caution.", None, "police", "police_investigation"),
        ("Mother arrested on suspicion of neglect.", None, "police", "arrest"),
        ("HV raised concerns about the baby's weight.", None, "health_visiting", "concern"),
        (
            "HV disagreed with the decision to close the case.",
            None,
            "health_visiting",
            "disagreement",
        ),
        ("Worker escalated concerns to CSC TM.", None, "voluntary", "escalation"),
        ("SW emailed school for an attendance update.", None, "csc", "information_sharing"),
        ("Professionals meeting at the GP surgery.", None, "csc", "meeting"),
        ("Child pronounced dead at 04:10.", None, "police", "death"),
        ("Tenancy renewed.", None, "housing", "other"),
    ],
)
def test_every_event_type_is_recognised(details, outcome, agency, expected):
    assert classify(details, agency, outcome)[0] == expected


@pytest.mark.parametrize(
    ("details", "agency", "expected"),
    [
        # 'NFA' is a referral decision only when children's social care writes it
        ("NFA.", "csc", "referral_decision"),
        ("NFA - no evidence of an offence.", "police", "police_investigation"),
        ("No further police action.", "csc", "police_investigation"),
        # 'contact received' is a referral only for children's social care
        ("Contact received from the school.", "csc", "referral"),
        ("Contact received from the school.", "housing", "other"),
        # 'HV': a home visit in social work notes, a health visitor elsewhere
        ("Unannounced HV: Child seen alone.", "csc", "home_visit"),
        ("Unannounced HV: no reply.", "csc", "dna"),  # a visit, and it did not get in
        ("HV visit: baby weighed.", "health_visiting", "home_visit"),
        ("HV contact at home: baby well.", "health_visiting", "health_visit"),
        # 'CA' alone is ambiguous
        ("CA commenced following the s47.", "csc", "core_assessment"),
        ("CA investigation continues.", "police", "police_investigation"),
        ("CA.", "csc", "other"),
        # 'CP' alone names nothing; 'CP medical' and 'CP conference' do
        ("CP.", "csc", "other"),
        ("CP medical today.", "csc", "medical_examination"),
        ("CP conference held.", "csc", "icpc"),
        # 'DV' alone is an incident only in police records
        ("DV: partner assaulted Mother.", "police", "police_incident"),
        ("Routine DV enquiry completed.", "midwifery", "other"),
    ],
)
def test_ambiguous_abbreviations_depend_on_the_recording_agency(details, agency, expected):
    assert classify(details, agency)[0] == expected


def test_planned_events_are_mentions_not_the_main_event():
    assert classify("TM decision: strategy discussion to be held today.") == (
        "management_oversight",
        ("strategy_discussion",),
    )
    assert classify("Skeletal survey booked.", "hospital") == ("other", ("skeletal_survey",))


def test_events_planned_for_tomorrow_or_advised_are_mentions():
    assert classify("Home visit. Child seen.", outcome="Strategy discussion tomorrow.") == (
        "home_visit",
        ("strategy_discussion",),
    )
    # a visit only planned is not even a mention: the rules read visit mentions as made
    assert classify("Strategy discussion held.", outcome="Joint visit tomorrow.") == (
        "strategy_discussion",
        (),
    )
    assert classify("Named nurse advised to escalate.", "health_visiting") == (
        "other",
        ("escalation",),
    )


def test_an_event_not_needed_is_no_mention():
    assert classify("Supervision with TM1.", outcome="Strategy discussion not needed.") == (
        "supervision",
        (),
    )


def test_past_events_referred_to_are_mentions():
    assert classify("Core assessment commenced following the s47 enquiry.") == (
        "core_assessment",
        ("s47_enquiry",),
    )


def test_a_decision_in_the_outcome_outranks_a_weak_phrase_but_not_the_event():
    assert classify("Meeting with Mother.", outcome="NFA.")[0] == "referral_decision"
    home = classify("Home visit. Child seen.", outcome="NFA.")
    assert home == ("home_visit", ("referral_decision",))


def test_a_managers_decision_that_records_nfa_is_a_referral_decision():
    nfa = "Management decision on the police notification."
    assert classify(nfa, outcome="Threshold not met; signposted.")[0] == "referral_decision"
    assert classify(nfa, outcome="Strategy discussion today.")[0] == "management_oversight"


def test_actions_listed_in_the_outcome_do_not_become_the_main_event():
    # the phone call to CSC in the outcome is no information sharing event: the main event is
    # the detention, in adult mental health's own record an admission (bce6ee7)
    assert (
        classify(
            "Mother detained under the Mental Health Act.",
            "adult_mental_health",
            "CSC informed by phone.",
        )[0]
        == "hospital_attendance"
    )


def test_a_death_is_the_main_event_wherever_it_is_recorded():
    assert (
        classify(
            "Brought in by paramedics; resuscitation started.",
            "hospital",
            "Child pronounced dead at 09:40.",
        )[0]
        == "death"
    )


def test_common_misspellings():
    assert classify("Stratagy discussion with police.")[0] == "strategy_discussion"
    assert classify("Referal recieved from HV.")[0] == "referral"
    assert classify("Initial assesment completed.")[0] == "initial_assessment"


def test_guards_are_not_events():
    event_type, mentions = classify("Referral order panel at the YOT office.", "probation")
    assert event_type != "referral"
    assert "referral" not in mentions
    assert classify("Mother hearing voices.", "adult_mental_health")[0] == "other"
    assert classify("Cardiac arrest in the ambulance.", "ambulance")[1] == ()


def test_a_row_naming_nothing_is_other_with_no_mentions():
    assert classify("Weight 3.45kg.") == ("other", ())
    assert classify(None) == ("other", ())


def test_result_is_index_aligned_and_categorical():
    events = make_events(
        start=["2007-03-12"] * 2,
        event_id=["b", "a"],
        details=["Case closed.", "ICPC held."],
        outcome=[None, None],
        agency="csc",
    )
    out = classify_event_types(events)
    assert out.index.tolist() == ["b", "a"]
    assert list(out[schema.EVENT_TYPE].cat.categories) == list(schema.EVENT_TYPES)


def test_input_is_not_changed():
    events = make_events(start="2007-03-12", details=["ICPC held."], outcome=[None], agency="csc")
    before = events.copy()
    classify_event_types(events)
    pd.testing.assert_frame_equal(events, before)


def test_wrong_input_is_refused():
    with pytest.raises(TypeError):
        classify_event_types(["ICPC held."])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="agency"):
        classify_event_types(pd.DataFrame({"details": ["x"], "outcome": [None]}))


def test_the_shipped_vocabulary_covers_every_event_type():
    table = load_event_types()
    named = set(table.loc[table["kind"] == "event", "event_type"])
    assert named == set(schema.EVENT_TYPES)


def test_a_users_file_extends_the_vocabulary(tmp_path: Path):
    path = tmp_path / "mine.csv"
    path.write_text("phrase,event_type\nteam around the child review,meeting\n", encoding="utf-8")
    assert classify("Team around the child review held.")[0] == "other"
    assert classify("Team around the child review held.", path=path)[0] == "meeting"


def test_a_users_file_with_an_unknown_event_type_names_the_file(tmp_path: Path):
    path = tmp_path / "bad.csv"
    path.write_text("phrase,event_type\ntea party,party\n", encoding="utf-8")
    with pytest.raises(ChronologyReadError, match=r"bad\.csv.*party"):
        load_event_types(path)


def test_a_missing_users_file_is_an_error(tmp_path: Path):
    with pytest.raises(ChronologyReadError, match=r"nowhere\.csv"):
        classify("ICPC held.", path=tmp_path / "nowhere.csv")


@pytest.mark.parametrize(
    ("details", "outcome", "agency", "expected"),
    [
        (
            "Developmental check at home.",
            "No referral made.",
            "health_visiting",
            ("health_visit", ()),
        ),
        ("Bruising noted.", "No child protection referral made.", "paediatrics", ("other", ())),
        (
            "Initial child protection conference. Child D was not made subject to a child "
            "protection plan.",
            "Child in need plan agreed.",
            "csc",
            ("icpc", ()),
        ),
        ("ICPC held: no CP plan.", None, "csc", ("icpc", ())),
        ("Strategy discussion not held.", None, "csc", ("other", ())),
        ("School was not invited to the strategy discussion.", None, "education", ("other", ())),
    ],
)
def test_an_event_the_row_says_did_not_happen_is_not_even_a_mention(
    details, outcome, agency, expected
):
    assert classify(details, agency=agency, outcome=outcome) == expected


def test_a_refused_plan_does_not_start_one_but_a_plan_made_does():
    made = "ICPC: Child made subject to a child protection plan under neglect."
    assert classify(made) == ("icpc", ("cp_plan_start",))
    for refused in (
        "ICPC: Child not made subject to a child protection plan.",
        "ICPC: no CP plan.",
        "ICPC: did not meet threshold for a plan.",
    ):
        assert "cp_plan_start" not in classify(refused)[1]


def test_planned_events_stay_mentions_but_involve_no_one():
    events = make_events(
        start=["2007-03-12", "2007-03-13"],
        details=["Care proceedings to be issued.", "Care proceedings issued."],
        outcome=[None, None],
        agency="csc",
    )
    assert classify_counterparts(events).tolist() == [(), ("legal",)]
    assert classify("Strategy discussion to be held.") == ("other", ("strategy_discussion",))


# the "other" rows of the child-b sample, as GLOSSARY.md reads them
@pytest.mark.parametrize(
    ("details", "outcome", "agency", "expected"),
    [
        # an attempted visit that did not reach the family is a missed contact (ESC-WNB)
        ("No reply at the address.", "Card left.", "health_visiting", "dna"),
        ("Unannounced visit: no answer at the door.", "Calling card left.", "csc", "dna"),
        ("Child B told her teacher that Mr Y hit mummy.", None, "education", "concern"),
        ("Child B upset; said Mr Y smashed the telly.", None, "education", "concern"),
        (
            "Child B absent with no call from Mother.",
            "Office phoned Mother.",
            "education",
            "concern",
        ),
        ("Child B absent again; no reply from Mother.", None, "education", "concern"),
        ("Mother detained for shoplifting food.", "Community resolution.", "police", "arrest"),
        # in the police's own record a detention under the MHA (s.136) is a police incident,
        # no arrest
        ("Father detained under the Mental Health Act.", None, "police", "police_incident"),
        (
            "Attended Riverside Hospital: Child B admitted with scald burns.",
            None,
            "police",
            "police_investigation",
        ),
        (
            "Child B with a laceration to the forehead.",
            "Steri-strips.",
            "hospital",
            "hospital_attendance",
        ),
        ("Sibling seen: severe nappy rash.", "Advice.", "health_visiting", "health_visit"),
        (
            "Outcome of s47 enquiry: concerns not substantiated; no ICPC.",
            None,
            "csc",
            "s47_enquiry",
        ),
        (
            "Request from CSC for a report for the ICPC.",
            "Report sent.",
            "gp",
            "information_sharing",
        ),
        (
            "Notification from CSC about the school's referral.",
            "Strategy discussion on 14/11.",
            "police",
            "information_sharing",
        ),
    ],
)
def test_attempted_visits_disclosures_absences_and_detentions(details, outcome, agency, expected):
    assert classify(details, agency=agency, outcome=outcome)[0] == expected


@pytest.mark.parametrize(
    "text", ["Police CAIT informed", "Paediatric liaison notified.", "Informed police"]
)
def test_a_row_that_only_tells_someone_is_information_sharing(text):
    assert classify(text) == ("information_sharing", ())


def test_telling_someone_after_the_event_stays_a_mention():
    assert classify("Home visit. Mother informed.") == ("home_visit", ("information_sharing",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue after a dash belongs to the event in its own clause
        ("Strategy mtg - S47 to be initiated", ("strategy_discussion", ("s47_enquiry",))),
        (
            "Strategy discussion \u2013 S47 to be initiated",
            ("strategy_discussion", ("s47_enquiry",)),
        ),
        # one event and the cue after it, dash or not: planned
        # (a visit only planned is not even a mention)
        ("Home visit - to be rearranged", ("other", ())),
        ("ICPC - to be held on 12/04", ("other", ("icpc",))),
        # two events and one cue with no dash between them: both planned
        (
            "Strategy meeting and ICPC to be arranged",
            ("other", ("strategy_discussion", "icpc")),
        ),
    ],
)
def test_a_planned_cue_after_a_dash_belongs_to_its_own_clause(text, expected):
    event_type, mentions = classify(text)
    assert (event_type, set(mentions)) == (expected[0], set(expected[1]))


def test_a_negation_after_a_dash_belongs_to_its_own_clause():
    # the conference was held; the plan was not made
    assert classify("ICPC held - not made subject to a CP plan") == ("icpc", ())
    assert classify("ICPC - child not made subject to plan") == ("icpc", ())
    assert classify("ICPC - made subject to a plan under neglect") == ("icpc", ("cp_plan_start",))
    # one event before the negation: it did not happen
    assert classify("Strategy discussion - not held")[0] == "other"
    assert classify("Home visit - cancelled")[0] == "other"


def _recipients(details, agency, outcome=None):
    events = make_events(start="2007-03-12", details=[details], outcome=[outcome], agency=agency)
    return classify_counterparts(events).iloc[0]


@pytest.mark.parametrize(
    ("agency", "details", "outcome", "expected"),
    [
        ("health_visiting", "Advised referral to CSC.", None, "other"),
        ("health_visiting", "Advice re referral to MASH.", None, "other"),
        ("gp", "Plan: referral to children's social care.", None, "other"),
        ("gp", "Plan - MARF to MASH.", None, "other"),
        ("gp", "Bruise to cheek.", "Referral to be made to CSC.", "other"),
        ("hospital", "Bruise to cheek.", "Written referral to follow.", "other"),
        ("gp", "Paediatrician advised strategy discussion.", None, "other"),
    ],
)
def test_a_referral_advised_or_planned_is_no_referral_made(agency, details, outcome, expected):
    event_type, mentions = classify(details, agency, outcome=outcome)
    assert event_type == expected
    assert "information_sharing" not in mentions  # 'advised' is the cue, not an event
    # no recipient: the rules do not see the injury as referred to csc
    assert "csc" not in _recipients(details, agency, outcome)


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        ("health_visiting", "Telephoned CSC to make a referral."),
        ("health_visiting", "Rang MASH to refer."),
        ("education", "Phoned the duty team to make a safeguarding referral."),
        ("gp", "Advised Mother and made referral to CSC."),
        ("hospital", "Referral faxed to duty team."),
        ("education", "MARF submitted."),
    ],
)
def test_a_referral_made_is_a_referral_to_social_care(agency, details):
    assert classify(details, agency)[0] == "referral"
    assert "csc" in _recipients(details, agency)


def test_advised_alone_is_still_advice_given():
    assert classify("Advised re safe sleeping.", "health_visiting")[0] == "information_sharing"
    # advice to escalate stays a mention of the escalation (the regex before 'advised')
    assert classify("Named nurse advised to escalate.", "health_visiting") == (
        "other",
        ("escalation",),
    )


@pytest.mark.parametrize(
    ("agency", "details", "outcome"),
    [
        ("csc", "Visit planned for next week.", None),
        ("health_visiting", "HV to visit on 12/03.", None),
        ("csc", "SW to visit tomorrow.", None),
        ("csc", "Referral received from school.", "SW to visit today."),
        ("csc", "Statutory visit due.", None),
        ("csc", "CP visit overdue.", None),
        ("csc", "Phoned Mother to arrange home visit.", None),
        ("csc", "Planned home visit for 14/03.", None),
        ("csc", "Joint visit with police agreed.", None),
        ("health_visiting", "Visit offered for 20/03.", None),
        ("health_visiting", "Planned new birth visit for 14/03.", None),
        ("csc", "Letter to Mother offering a home visit.", None),
    ],
)
def test_a_visit_only_planned_is_neither_the_event_nor_a_mention(agency, details, outcome):
    event_type, mentions = classify(details, agency, outcome=outcome)
    assert event_type not in ("home_visit", "health_visit")
    assert "home_visit" not in mentions and "health_visit" not in mentions


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        ("csc", "Planned home visit - Child A seen in bedroom.", "home_visit"),
        ("health_visiting", "Planned visit - no reply. Card left.", "dna"),
        ("csc", "Home visit due to concerns from school. Child A seen.", "home_visit"),
        ("csc", "SW went to visit Child A. Child seen.", "home_visit"),
        ("health_visiting", "Planned new birth visit - Mother and baby seen.", "health_visit"),
    ],
)
def test_a_planned_visit_that_took_place_is_a_visit(agency, details, expected):
    assert classify(details, agency)[0] == expected


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        # the child protection plan is no plan of the event after it
        ("CP plan - core group held.", "core_group"),
        ("Child protection plan - visit completed, Child A seen.", "home_visit"),
        # a plan written as a plan still plans
        ("Plan strategy discussion.", "other"),
        ("Plan: strategy discussion.", "other"),
        ("Next steps - strategy discussion.", "other"),
    ],
)
def test_the_cp_plan_is_not_a_plan_cue(details, expected):
    assert classify(details)[0] == expected


@pytest.mark.parametrize(
    ("agency", "details"),
    [
        # however the police notification to children's social care is worded, it is a
        # referral (GLOSSARY: referral), as a PPN or a Merlin is: ESC-REF-DECISION and
        # ASM-INITIAL wait for csc's decision on it, ESC-DOMESTIC takes it as the answer
        ("police", "Domestic incident notification sent to CSC."),
        ("police", "DV notification sent to CSC."),
        ("police", "Domestic abuse notification to MASH."),
        ("police", "Notification of domestic incident sent to children's services."),
        ("police", "Domestic violence report faxed to CSC."),
        ("police", "PPN sent to CSC."),
        ("police", "Merlin to CSC."),
        ("csc", "Domestic incident notification received from police."),
        ("csc", "DA notification received from police re incident on 11/02."),
        ("csc", "PPN received re domestic incident."),
    ],
)
def test_a_police_notification_to_csc_is_a_referral_however_worded(agency, details):
    event_type, _ = classify(details, agency)
    assert event_type == "referral"
    events = make_events(start="2008-02-12", details=[details], agency=agency)
    other = {"police": "csc", "csc": "police"}[agency]
    assert classify_counterparts(events).iloc[0] == (other,)


@pytest.mark.parametrize(
    "details",
    [
        # the call-out itself stays the incident, with its notification a mention
        "DA incident at home address. PPN submitted to MASH.",
        "Domestic incident at the address; Merlin sent to CSC.",
        "Domestic incident: Mother and partner arguing, Child A present.",
    ],
)
def test_the_call_out_is_the_police_incident(details):
    assert classify(details, "police")[0] == "police_incident"


def test_a_domestic_notification_copied_to_another_agency_goes_there():
    events = make_events(
        start="2008-02-12",
        details=["DV notification sent to HV and school."],
        agency="police",
    )
    assert classify_counterparts(events).iloc[0] == ("education", "health_visiting")


@pytest.mark.parametrize(
    ("details", "start", "expected"),
    [
        # a bare 'Assessment' is the statutory assessment of its time: Working Together
        # 2006/2010's initial assessment before 15 April 2013, so ASM-INITIAL finds it
        ("Assessment.", "2008-03-12", "initial_assessment"),
        ("Assessment completed.", "2010-11-02", "initial_assessment"),
        ("Assessment", "2013-04-14", "initial_assessment"),
        # ... and the single assessment from then (ASM-SINGLE)
        ("Assessment", "2013-04-15", "single_assessment"),
        ("Assessment completed.", "2016-05-09", "single_assessment"),
        # named as a single assessment, it is one whenever it is dated
        ("Single assessment completed.", "2012-06-01", "single_assessment"),
        ("C&F assessment started.", "2011-09-05", "single_assessment"),
        # named as initial or core, it is that
        ("Core assessment signed off.", "2016-05-09", "core_assessment"),
    ],
)
def test_a_bare_assessment_is_the_statutory_assessment_of_its_time(details, start, expected):
    events = make_events(start=[start], details=[details], agency="csc")
    assert classify_event_types(events)[schema.EVENT_TYPE].iloc[0] == expected


def test_an_undated_bare_assessment_stays_a_single_assessment():
    rows = pd.DataFrame({"details": ["Assessment"], "outcome": [None], "agency": ["csc"]})
    assert classify_event_types(rows)[schema.EVENT_TYPE].iloc[0] == "single_assessment"


def test_another_agencys_assessment_completed_is_not_social_cares():
    assert classify("Assessment completed.", "camhs")[0] != "single_assessment"
    assert classify("Parenting assessment completed.", "csc")[0] != "single_assessment"


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # a probation 'supervision' is the offender's appointment, not a worker's supervision
        ("probation", "Father attended probation supervision.", "office_visit"),
        ("probation", "Father missed his supervision appointment.", "dna"),
        (
            "probation",
            "OM checked with CSC: Father has contact with Child A.",
            "information_sharing",
        ),
        ("adult_mental_health", "Mother assessed by crisis team after overdose.", "office_visit"),
        (
            "police",
            "Officers forced entry: Mother found unconscious, Child A alone.",
            "police_incident",
        ),
        ("police", "Father arrested for breach of non-molestation order.", "arrest"),
        ("housing", "Tenancy review at the housing office: rent arrears.", "office_visit"),
        ("gp", "Mother seen: low mood. Discussed referral to talking therapies.", "gp_appointment"),
    ],
)
def test_appointments_and_attendances_of_other_services(agency, details, expected):
    assert classify(details, agency)[0] == expected


def test_a_breached_order_is_no_court_hearing_and_a_referral_discussed_is_not_made():
    _, mentions = classify("Father arrested for breach of non-molestation order.", "police")
    assert "court" not in mentions
    events = make_events(
        start=["2007-03-12", "2007-03-12"],
        details=[
            "Father arrested for breach of non-molestation order.",
            "Mother seen: low mood. Discussed referral to talking therapies.",
        ],
        agency=["police", "gp"],
    )
    assert classify_counterparts(events).tolist() == [("father",), ("mother",)]


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        ("gp", "Letter sent to school nurse.", "information_sharing"),
        ("csc", "Letter sent to SEND team requesting EHCP update.", "information_sharing"),
        (
            "health_visiting",
            "Liaison with school nurse re transfer of records.",
            "information_sharing",
        ),
        ("camhs", "Telephone consultation with Child B's social worker.", "information_sharing"),
        # a telephone consultation with the family is the appointment itself
        ("gp", "Telephone consultation with Mother: Child off food.", "gp_appointment"),
        ("hospital", "Paeds reg reviewed Child A on ward.", "hospital_attendance"),
        ("police", "Mother attended police station to report harassment.", "police_incident"),
    ],
)
def test_messages_reviews_and_reports_as_agencies_write_them(agency, details, expected):
    assert classify(details, agency)[0] == expected
