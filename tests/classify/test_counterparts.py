"""Tests for scr_timeline.classify.counterparts: agencies and family members involved."""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_timeline import schema
from scr_timeline.classify.counterparts import (
    classify_counterparts,
    counterpart_vocabulary,
    load_counterpart_cues,
    load_family_members,
)
from scr_timeline.exceptions import ChronologyReadError
from scr_timeline.testing import make_events


def counterparts(details, agency="csc", outcome=None, listed=None, **kwargs):
    events = make_events(
        start="2007-03-12",
        details=[details],
        outcome=[outcome],
        counterparts_text=[listed],
        agency=agency,
    )
    return classify_counterparts(events, **kwargs).iloc[0]


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Seen at the HIV clinic.", ()),  # 'HV' is not in 'HIV'
        ("Record edited.", ()),  # 'ED' is not in 'edited'
        ("Letter from the PCT.", ()),  # 'PC' is not in 'PCT'
        ("Met with Mother at the office.", ("mother",)),  # 'met' is not the Met
        ("Concerns about Mother's mental health.", ("mother",)),
        ("Mother's drug and alcohol use.", ("mother",)),
        ("Returned to the family home.", ()),
        ("Unannounced HV: no reply.", ()),  # a home visit, not a health visitor
        # where a child was is no contact with the school or the nursery
        ("Home visit. Child D seen asleep. Sibling E at school.", ("sibling",)),
        ("Home visit - Child at nursery, Mother seen.", ("mother",)),
        ("Children were in school; Mother and partner present.", ("mother", "partner")),
    ],
)
def test_word_boundaries_and_guards(details, expected):
    assert counterparts(details) == expected


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Visit to school: Child seen with the DSL.", ("education",)),
        ("Information from school: Child at school today, appeared tired.", ("education",)),
        ("Class teacher spoke to Mother at the school gate.", ("education", "mother")),
    ],
)
def test_a_school_that_took_part_is_still_a_counterpart(details, expected):
    assert counterparts(details) == expected


def test_agencies_named_in_the_narrative_and_by_practitioner_codes():
    assert counterparts(
        "Strategy discussion with DC Green (CAIT), HV2 and the school DSL.",
        outcome="Paediatrician informed; A&E notes requested.",
    ) == ("education", "health_visiting", "hospital", "paediatrics", "police")
    assert counterparts("Discussed with TM.", agency="health_visiting") == ("csc",)


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Mother and partner arguing.", ("mother", "partner")),
        ("Mum's boyfriend hit her.", ("partner",)),  # names the partner, not the mother
        ("Mr X refused to engage.", ("partner",)),
        ("Child to stay with MGM.", ("grandparent",)),
        ("Placed with a family friend.", ("carer",)),
        ("Seen with his older brother.", ("sibling",)),
        ("Letter to parents.", ("family",)),
        ("Baby's father visits most evenings.", ("father",)),
        ("Viability assessment of the maternal aunt.", ("family",)),
    ],
)
def test_family_members(details, expected):
    assert counterparts(details) == expected


def test_the_child_is_a_counterpart_only_when_listed():
    assert counterparts("Home visit. Child seen.") == ()
    assert counterparts("Home visit.", listed="Mother, Child A, HV1") == (
        "child",
        "health_visiting",
        "mother",
    )


def test_the_recording_agency_is_never_its_own_counterpart():
    assert counterparts(
        "Police attended; DC Green and PC 12 spoke to Mother.", agency="police"
    ) == ("mother",)
    assert counterparts("SW1 and TM1 discussed the case.") == ()


@pytest.mark.parametrize(
    ("details", "agency", "expected"),
    [
        # a referral by another agency goes to children's social care ...
        ("Referral made.", "gp", ("csc",)),
        ("Midwife referred unborn baby.", "midwifery", ("csc",)),
        # ... unless the text names another recipient
        ("GP referred Child to community paediatrics.", "gp", ("paediatrics",)),
        ("Referral to NSPCC service for therapy accepted.", "voluntary", ()),
        # children's social care's own referral records have no csc counterpart
        ("Referral received.", "csc", ()),
        # a police notification goes to children's social care
        ("Merlin created: child coming to notice.", "police", ("csc",)),
        # a court order involves the courts
        ("EPO granted.", "csc", ("legal",)),
    ],
)
def test_counterparts_implied_by_the_event(details, agency, expected):
    assert counterparts(details, agency) == expected


def test_result_is_a_sorted_tuple_without_duplicates():
    out = counterparts("Police, school, police and Mother; school again.")
    assert out == ("education", "mother", "police")


def test_a_users_family_file(tmp_path: Path):
    path = tmp_path / "family.csv"
    path.write_text("phrase,member\ngodmother,family\n", encoding="utf-8")
    assert counterparts("Godmother collected Child.") == ()
    assert counterparts("Godmother collected Child.", vocabularies={"family_members": path}) == (
        "family",
    )


def test_a_users_agency_alias_file(tmp_path: Path):
    path = tmp_path / "aliases.csv"
    path.write_text("alias,agency\nBright Futures,voluntary\n", encoding="utf-8")
    assert counterparts(
        "Referred to Bright Futures.", agency="education", vocabularies={"agency_aliases": path}
    ) == ("voluntary",)


def test_a_users_family_file_with_an_unknown_member_is_refused(tmp_path: Path):
    path = tmp_path / "family.csv"
    path.write_text("phrase,member\nlodger,lodger\n", encoding="utf-8")
    with pytest.raises(ChronologyReadError, match="lodger"):
        load_family_members(path)


def test_vocabulary_puts_family_guards_before_agency_aliases():
    vocab = counterpart_vocabulary()
    met = vocab.index[vocab["phrase"].str.lower() == "met"].tolist()
    assert vocab.loc[met[0], "code"] == ""  # the guard comes first and wins
    assert set(vocab["code"]) - {""} <= set(schema.AGENCIES) | set(schema.FAMILY_MEMBERS)


# RULES.md: an injury seen and not referred is the pattern the rules look for, so an agency
# named in a contact that did not happen must not count as a contact
@pytest.mark.parametrize(
    ("details", "outcome", "agency", "expected"),
    [
        (
            "Head injury; discharged home.",
            "Liaison form sent to HV. CSC not told.",
            "hospital",
            ("health_visiting",),
        ),
        ("Child not brought for immunisations.", "Appointment re-sent. HV not told.", "gp", ()),
        ("Home visit.", "Not shared with SW1.", "voluntary", ()),
        ("Home visit.", "Not shared with CSC.", "voluntary", ()),
        ("Strategy discussion (TM2, DC1). Health not present.", None, "csc", ("police",)),
        ("Burn to the hand.", "Police were not informed.", "hospital", ()),
        ("Bruise to cheek seen.", "No referral to CSC.", "gp", ()),
        ("Bruise to cheek seen.", "GP did not refer to children's social care.", "gp", ()),
        ("Strategy discussion held without health; school not invited.", None, "csc", ()),
        ("Strategy discussion (TM1, DC1). School and GP not invited.", None, "csc", ("police",)),
        ("Home visit.", "Not shared with SW1 or the GP.", "voluntary", ()),
        ("Police informed, CSC not told.", None, "hospital", ("police",)),
        ("TM1 agreed the plan. Police view not sought.", None, "csc", ()),
        ("Core group meeting. HV1 sent apologies.", None, "csc", ()),
        ("Logged; no call to CSC as it was assumed CSC knew.", None, "education", ()),
    ],
)
def test_an_agency_in_a_contact_that_did_not_happen_is_not_a_counterpart(
    details, outcome, agency, expected
):
    assert counterparts(details, agency=agency, outcome=outcome) == expected


@pytest.mark.parametrize(
    ("details", "agency", "expected"),
    [
        ("s47 agreed. CP medical to be arranged.", "csc", ()),
        ("GP will refer to CSC.", "gp", ()),
        ("GP to make a referral to CSC.", "gp", ()),
        ("HV2 to contact CSC about home conditions.", "health_visiting", ()),
        ("Plan to contact the school.", "csc", ()),
        ("To be discussed with police at the MARAC.", "csc", ()),
        ("Advised to attend A&E if worse.", "gp", ()),
        ("Advised to see the GP.", "health_visiting", ()),
        ("Legal advice to be sought.", "csc", ()),
        ("Bail extended pending CPS advice.", "police", ()),
        ("Agreed threshold met for legal planning meeting.", "csc", ()),
    ],
)
def test_a_planned_contact_is_not_a_counterpart(details, agency, expected):
    assert counterparts(details, agency=agency) == expected


@pytest.mark.parametrize(
    ("details", "agency", "expected"),
    [
        ("Referral made to CSC.", "gp", ("csc",)),  # contacts that happened still count
        ("GP referred Child to paediatrics; CSC not told.", "gp", ("paediatrics",)),
        ("Mother went to see the GP.", "health_visiting", ("gp", "mother")),
        ("Child to stay with MGM.", "csc", ("grandparent",)),
        ("Core group. Mother did not attend.", "csc", ("mother",)),  # family members stay
        ("Professionals meeting to discuss Mother's non-engagement.", "csc", ("mother",)),
    ],
)
def test_contacts_that_happened_and_family_members_still_count(details, agency, expected):
    assert counterparts(details, agency=agency) == expected


def test_a_paediatrician_pseudonymised_as_dr_p1_is_paediatrics():
    assert counterparts("Strategy discussion (TM2, SW2, DC1, Dr P1).") == (
        "paediatrics",
        "police",
    )
    assert counterparts("Result to Dr P3.", agency="hospital") == ("paediatrics",)
    assert counterparts("Seen by Dr Patel.", agency="gp") == ()


def test_a_users_cue_file(tmp_path: Path):
    path = tmp_path / "cues.csv"
    path.write_text("phrase,kind\nkept in the dark,negation_after\n", encoding="utf-8")
    assert counterparts("Police kept in the dark.") == ("police",)
    assert counterparts("Police kept in the dark.", vocabularies={"counterpart_cues": path}) == ()


def test_a_users_cue_file_with_an_unknown_kind_is_refused(tmp_path: Path):
    path = tmp_path / "cues.csv"
    path.write_text("phrase,kind\nmaybe,perhaps\n", encoding="utf-8")
    with pytest.raises(ChronologyReadError, match="perhaps"):
        load_counterpart_cues(path)
    path.write_text("phrase,kind,match\n(unclosed,negation_before,regex\n", encoding="utf-8")
    with pytest.raises(ChronologyReadError, match="does not compile"):
        load_counterpart_cues(path)


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # a history a parent tells, or a record shows, is no contact with that agency
        (
            "midwifery",
            "Booking. Mother disclosed previous involvement with CSC re older sibling.",
            ("mother", "sibling"),
        ),
        ("midwifery", "Mother disclosed previous CSC involvement as a child.", ("mother",)),
        ("health_visiting", "Family known to CSC in another area.", ("family",)),
        ("gp", "Father known to police for drug offences.", ("father",)),
        ("education", "Family previously open to children's social care.", ("family",)),
        ("health_visiting", "Mother has a history with police re DV.", ("mother",)),
        ("education", "Previous referrals to CSC noted on file.", ()),
        ("health_visiting", "DV disclosed; police involved in the past.", ()),
        ("health_visiting", "Mother reports she had a social worker as a child.", ("mother",)),
        # ... but telling an agency now is a contact
        ("health_visiting", "Concerns made known to CSC by phone.", ("csc",)),
        ("gp", "Spoke to previous HV about Mother's low mood.", ("health_visiting", "mother")),
        ("csc", "Strategy discussion with police previously arranged; held today.", ("police",)),
    ],
)
def test_an_agency_in_the_familys_history_is_no_counterpart(agency, details, expected):
    assert counterparts(details, agency) == expected


@pytest.mark.parametrize(
    ("agency", "details", "outcome", "expected"),
    [
        ("health_visiting", "Advised referral to CSC.", None, ()),
        ("health_visiting", "Discussed with named nurse.", "Advice: refer to MASH if worse.", ()),
        ("gp", "Plan: refer to children's social care.", None, ()),
        ("gp", "Bruise seen.", "Referral to CSC to be made by the practice.", ()),
        ("gp", "GP advised Mother to self-refer to CSC.", None, ("mother",)),
        ("police", "DA incident.", "PPN to be submitted to MASH.", ()),
        # 'send' is the verb here, not SEND (special educational needs)
        ("hospital", "Paediatric liaison nurse to send referral to CSC.", None, ()),
        ("housing", "Arrears.", "Mother advised to seek support from CAB.", ("mother",)),
        # a plan and an action in one entry: the referral was made
        ("health_visiting", "Advised Mother and made referral to CSC.", None, ("csc", "mother")),
        ("gp", "Advised by CSC that the case is closed.", None, ("csc",)),
    ],
)
def test_an_agency_advised_or_planned_is_no_counterpart(agency, details, outcome, expected):
    assert counterparts(details, agency, outcome=outcome) == expected


def test_the_history_kinds_are_cue_kinds(tmp_path: Path):
    cues = load_counterpart_cues()
    assert {"history_before", "history_after"} <= set(cues["kind"])
    own = tmp_path / "cues.csv"
    own.write_text("phrase,kind\nin the old days,history_after\n", encoding="utf-8")
    assert counterparts("Police in the old days.", "gp") == ("police",)
    assert (
        counterparts("Police in the old days.", "gp", vocabularies={"counterpart_cues": own}) == ()
    )


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # a police notification involves the police and children's social care, whoever
        # records it: the csc record of one received answers ESC-DOMESTIC as the police's does
        ("csc", "PPN received re DA incident 19/03.", ("police",)),
        ("csc", "Merlin received: Child A present at DV incident.", ("police",)),
        ("police", "PPN submitted to MASH.", ("csc",)),
        # one only planned, or none, involves no one
        ("police", "PPN to be submitted.", ()),
        ("csc", "No PPN received.", ()),
        # a referral form goes to children's social care unless the row names another agency
        ("education", "DSL completed online referral form.", ("csc",)),
        ("education", "Front door referral completed.", ("csc",)),
        ("gp", "Referral submitted.", ("csc",)),
        ("health_visiting", "Completed an online referral to the GP.", ("gp",)),
        ("education", "DSL to complete referral form.", ()),
        # children's social care convenes every strategy discussion: another agency's record
        # of one involves it, named or not
        ("police", "Strategy discussion attended. Joint s47 agreed.", ("csc",)),
        ("health_visiting", "HV attended strat meeting re bruising.", ("csc",)),
        ("education", "DSL attended strategy meeting - disclosure discussed.", ("csc",)),
        ("police", "Strategy discussion with CSC and police.", ("csc",)),
        # and so is every conference, core group and CIN meeting
        ("health_visiting", "Attended ICPC: HV report presented.", ("csc",)),
        ("education", "Core group held at school.", ("csc",)),
        ("gp", "RCPC - GP report sent.", ("csc",)),
        # one only planned, or one the agency was left out of, involves no one
        ("gp", "Strategy discussion to be held tomorrow.", ()),
        ("gp", "GP not invited to strategy discussion.", ()),
        # social care's own record keeps the agencies it names, and no more
        ("csc", "Strategy discussion with DC1.", ("police",)),
    ],
)
def test_a_notification_or_a_meeting_involves_the_agencies_it_always_does(
    agency, details, expected
):
    assert counterparts(details, agency) == expected


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # an alias that is also an ordinary word names no agency as that word
        ("gp", "GP to send letter to HV.", ("health_visiting",)),
        ("health_visiting", "HV will send copy of report to school.", ("education",)),
        ("csc", "No answer at the front door.", ()),
        ("police", "Officers forced entry through the front door.", ()),
        ("csc", "Mother's first response was to blame Child A.", ("mother",)),
        ("csc", "Mother said this was a turning point.", ("mother",)),
        ("csc", "Mother took a cab to the police station.", ("mother", "police")),
        ("csc", "Worker supporting families in the area.", ()),
        ("csc", "Mother goes to church on Sundays.", ("mother",)),
        # ... and still names it in an agency context
        ("health_visiting", "Referral sent to SEND.", ("education",)),
        ("gp", "Discussed with SEND.", ("education",)),
        ("gp", "SEND officer phoned re EHCP.", ("education",)),
        ("health_visiting", "Referral to the Front Door.", ("csc",)),
        ("health_visiting", "Front Door advised referral to early help.", ("csc",)),
        ("csc", "Referred to Family Lives for parenting support.", ("voluntary",)),
        ("housing", "Mother referred to CAB for debt advice.", ("mother", "voluntary")),
        ("csc", "Church leader raised concerns about Child A.", ("voluntary",)),
    ],
)
def test_an_alias_that_is_an_ordinary_word_needs_an_agency_context(agency, details, expected):
    assert counterparts(details, agency) == expected


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Child had surgery on his hand last year.", ()),
        ("Mother had surgery.", ("mother",)),
        ("Mother using legal highs.", ("mother",)),
        ("Mother works in a charity shop.", ("mother",)),
        ("Father is in prison.", ("father",)),
        ("Father released from prison.", ("father",)),
        ("Father on probation.", ("father",)),
        ("Mother receiving housing benefit.", ("mother",)),
        ("Mother's housing situation discussed.", ()),
        ("Mother said she had no hope of getting housing.", ("mother",)),
        ("Child is not in education.", ()),
        ("School holidays; Child at home.", ()),
        ("Mother was late for the school run.", ("mother",)),
        ("Mother has two other children in care.", ("mother",)),
        ("Neonatal abstinence syndrome noted.", ()),
        # the agencies themselves are still read
        ("Seen at the surgery by Dr X.", ("gp",)),
        ("Letter to prison healthcare re Father's medication.", ("father", "gp")),
        ("Discussed with Father's probation officer.", ("father", "probation")),
        ("Housing officer visited with SW1.", ("housing",)),
        ("Children in Care team informed.", ()),
    ],
)
def test_ordinary_words_around_an_alias_are_no_agency(details, expected):
    assert counterparts(details) == expected


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # a reference to another agency's activity is no contact on the day
        ("csc", "Police investigation was continuing.", ()),
        ("csc", "Police investigation ongoing; SW1 visited Mother.", ("mother",)),
        ("csc", "As per police advice last month, no contact with Father.", ("father",)),
        ("csc", "The school had previously raised concerns about hygiene.", ()),
        ("csc", "School previously raised concerns about hygiene.", ()),
        ("health_visiting", "Mother said she saw the GP two weeks ago.", ("mother",)),
        ("csc", "Mother said police had been called to a previous address.", ("mother",)),
        # a contact on the day still is one
        ("csc", "Phoned police re Father's bail conditions.", ("father", "police")),
        ("csc", "Police attended the home address with SW1.", ("police",)),
        ("gp", "Letter to school re Child A's attendance.", ("education",)),
        ("csc", "Strategy discussion with police and school.", ("education", "police")),
        ("csc", "Police confirmed the investigation is ongoing.", ("police",)),
    ],
)
def test_a_reference_to_another_agencys_activity_is_no_counterpart(agency, details, expected):
    assert counterparts(details, agency) == expected


def test_a_users_alias_that_is_an_ordinary_word_can_be_read_only_in_context(tmp_path: Path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,agency\nHope,voluntary\n", encoding="utf-8")
    cues = tmp_path / "cues.csv"
    cues.write_text("phrase,kind\nhope,word\n", encoding="utf-8")
    texts = ["Mother said she had no hope.", "Referred to Hope for counselling."]
    plain = [counterparts(t, vocabularies={"agency_aliases": aliases}) for t in texts]
    assert plain == [("mother", "voluntary"), ("voluntary",)]
    both = {"agency_aliases": aliases, "counterpart_cues": cues}
    assert [counterparts(t, vocabularies=both) for t in texts] == [("mother",), ("voluntary",)]
    kinds = set(load_counterpart_cues()["kind"])
    assert {"word", "context_before", "context_after", "context_title", "guard"} <= kinds


def test_a_step_only_planned_involves_no_one():
    assert counterparts("Supervision with TM1: case reviewed, plan to progress to PLO.") == ()
    assert counterparts("Case progressed to PLO.") == ("legal",)


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ("Family moved to a hostel after eviction.", ("family",)),
        ("Mother and Child A living in temporary accommodation.", ("mother",)),
        ("Nursery had a visit from an Ofsted inspector.", ("early_years",)),
        # the agencies themselves are still read
        ("Hostel manager phoned re Mother's visitors.", ("housing", "mother")),
        ("Spoke to Inspector X re the police investigation.", ("police",)),
    ],
)
def test_where_a_family_lives_and_other_inspectors_are_no_agency(details, expected):
    assert counterparts(details) == expected


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # 'voluntary' names the voluntary sector only in an agency context
        ("csc", "Referred to voluntary services for support.", ("voluntary",)),
        ("csc", "Mother referred to voluntary sector counselling.", ("mother", "voluntary")),
        ("police", "Father attended for voluntary interview.", ("father",)),
        ("csc", "Child A accommodated under s20 voluntary agreement.", ()),
    ],
)
def test_voluntary_is_the_sector_only_in_an_agency_context(agency, details, expected):
    assert counterparts(details, agency) == expected


def test_an_ordinary_word_alias_after_engaging_with_is_an_agency():
    assert counterparts("Mother engaging with Family Action.") == ("mother", "voluntary")
    assert counterparts("Family action plan agreed.") == ("family",)


def test_an_event_with_no_recording_agency_known_implies_no_agency():
    # the agency a conference involves may be the one that recorded it
    assert counterparts("ICPC held.", agency=None) == ()
    assert counterparts("ICPC held.", agency="gp") == ("csc",)
    assert counterparts("ICPC held with the GP.", agency=None) == ("gp",)


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        # a contact the entry says was not made involves no one: 'Police not called' had
        # answered INJ-POLICE (contact with the police) for the GP's bruise
        ("Bruise to cheek. Police not called.", ()),
        ("Police not yet phoned.", ()),
        ("Referral not yet made to CSC.", ()),
        ("Referral was not sent to MASH.", ()),
        ("CP medical not required.", ()),
        # made, it does
        ("Referral made to CSC.", ("csc",)),
        ("Police called and attended.", ("police",)),
        ("Police not required to attend; CSC informed.", ("csc",)),
    ],
)
def test_a_contact_not_made_involves_no_one(details, expected):
    assert counterparts(details, agency="gp") == expected
