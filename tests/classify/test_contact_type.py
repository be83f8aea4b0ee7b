"""The type of contact a case system records beside the narrative ("Note Type", "Contact
Type", "Consultation Type"): kept in ``contact_type`` and read where the words place nothing."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import scr_timeline as scr
from scr_timeline import schema as S

CASE_NOTES = (
    "Case Note Date,Note Type,Entered By,Case Note\n"
    "12/03/2007,Home Visit,SW1,Child A seen in the living room; Mother present.\n"
    "14/03/2007,Supervision,TM1,Case discussed; plan agreed.\n"
    "15/03/2007,Strategy Discussion,TM1,Threshold met; s47 to follow.\n"
    "16/03/2007,Telephone Call,SW1,Referral received from school: bruise to Child A's cheek.\n"
    "17/03/2007,Case Note,SW1,Notes typed up from the file.\n"
)


def _read(tmp_path: Path, text: str, name: str = "lcs-case-notes.csv", **options) -> pd.DataFrame:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return scr.read(path, **options).events


def test_the_systems_label_places_rows_the_words_do_not(tmp_path: Path):
    events = _read(tmp_path, CASE_NOTES, agency="csc")
    assert events[S.CONTACT_TYPE].tolist() == [
        "Home Visit",
        "Supervision",
        "Strategy Discussion",
        "Telephone Call",
        "Case Note",
    ]
    assert events[S.EVENT_TYPE].astype(str).tolist()[:3] == [
        "home_visit",
        "supervision",
        "strategy_discussion",
    ]
    # the words decide where they name an event: the call was a referral
    assert events[S.EVENT_TYPE].iloc[3] == "referral"
    assert events[S.EVENT_TYPE].iloc[4] == "other"  # "Case Note" names no event
    assert events[S.EXTRA].isna().all()  # the label is no longer unmapped text
    assert events[S.CHILD_SEEN].iloc[0]  # a home visit at which the child was seen


def test_a_strategy_discussion_by_its_label_involves_the_police(tmp_path: Path):
    events = _read(tmp_path, CASE_NOTES, agency="csc")
    by_words = _read(
        tmp_path,
        "Date,Agency,Details\n15/03/2007,CSC,Strategy discussion: threshold met; s47 to follow.\n",
        name="words.csv",
    )
    assert events[S.COUNTERPARTS].iloc[2] == by_words[S.COUNTERPARTS].iloc[0]


def test_consultation_and_contact_type_headings(tmp_path: Path):
    gp = _read(
        tmp_path,
        "Consultation Date,Consultation Type,Clinician,Entry\n"
        "12/03/2007,Did Not Attend,Dr X,Child A not brought.\n"
        "13/03/2007,Home Visit,Dr X,Reviewed.\n",
        name="emis-gp.csv",
        agency="gp",
    )
    assert gp[S.EVENT_TYPE].astype(str).tolist() == ["dna", "home_visit"]
    police = _read(
        tmp_path,
        "Occurrence Date,Occurrence Type,OIC,Summary\n"
        "12/03/2007,Domestic Incident,PC1,Attended; verbal argument only.\n",
        name="niche.csv",
        agency="police",
    )
    assert police[S.CONTACT_TYPE].tolist() == ["Domestic Incident"]


def test_an_undated_row_with_a_type_of_its_own_is_not_joined_to_the_row_above(tmp_path: Path):
    path = tmp_path / "notes.csv"
    path.write_text(
        "Date,Note Type,Case Note\n12/03/2007,Home Visit,Child A seen.\n,Supervision,Discussed.\n",
        encoding="utf-8",
    )
    chron = scr.read(path, agency="csc")
    assert len(chron.events) == 1 and chron.rejected["reason_code"].tolist() == ["empty_date"]


#: A Liquidlogic / Mosaic export: the case system's step or form beside the narrative.
CASE_STEPS = (
    "Date,Step,Worker,Case Note\n"
    "01/03/2015,Contact,Duty SW,Notes typed up.\n"
    "02/03/2015,Contact Record,Duty SW,Notes typed up.\n"
    "03/03/2015,Contact Outcome,Duty TM,Notes typed up.\n"
    "04/03/2015,Referral,Duty SW,Notes typed up.\n"
    "05/03/2015,Assessment,SW1,Notes typed up.\n"
    "06/03/2015,Strategy Discussion,TM1,Notes typed up.\n"
    "07/03/2015,Section 47,SW1,Notes typed up.\n"
    "08/03/2015,ICPC,IRO1,Notes typed up.\n"
    "09/03/2015,Core Group,SW1,Notes typed up.\n"
    "10/03/2015,Visit,SW1,Notes typed up.\n"
    "11/03/2015,Case Note,SW1,Notes typed up.\n"
    "12/03/2015,MASH Enquiry,MASH,Notes typed up.\n"
    "13/03/2015,Email,SW1,Notes typed up.\n"
    "14/03/2015,Supervised Contact,FSW1,Notes typed up.\n"
)


def test_a_case_systems_steps_are_the_schemas_event_types(tmp_path: Path):
    events = _read(tmp_path, CASE_STEPS, name="lcs-steps.csv", agency="csc")
    assert events[S.EVENT_TYPE].astype(str).tolist() == [
        # a contact record: information received by the front door, before a referral
        # decision (GLOSSARY: "contact received (csc)" is a referral)
        "referral",
        "referral",
        "referral_decision",  # the decision on the contact
        "referral",
        "single_assessment",  # the system's assessment step: the child and family assessment
        "strategy_discussion",
        "s47_enquiry",
        "icpc",
        "core_group",
        "home_visit",
        "other",  # a case note names no event
        "information_sharing",  # the front door's checks with other agencies
        "information_sharing",
        "office_visit",  # family time at the contact centre, no contact record
    ]


def test_contact_in_a_sentence_is_no_contact_record(tmp_path: Path):
    events = _read(
        tmp_path,
        "Date,Agency,Details\n"
        "12/03/2015,CSC,Contact with Child A at school. Seen alone.\n"
        "13/03/2015,CSC,Supervised contact at the contact centre.\n"
        "14/03/2015,CSC,Contact\n",
        name="words-contact.csv",
    )
    assert events[S.EVENT_TYPE].astype(str).tolist() == ["home_visit", "office_visit", "referral"]
