"""Tests for scr_timeline.classify.injuries: injuries, kinds, negation, suspicion."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.injuries import (
    classify_injuries,
    load_injury_vocabulary,
    under_24_months,
)
from scr_timeline.exceptions import ChronologyReadError
from scr_timeline.testing import make_events


def injuries(details, outcome=None, age=None, **kwargs):
    events = make_events(
        start="2007-03-12",
        details=[details],
        outcome=[outcome],
        child_age_days=pd.array([age], dtype="Int64"),
    )
    return classify_injuries(events, **kwargs).iloc[0]


@pytest.mark.parametrize(
    "text",
    [
        # RULES.md "injury negations never count"
        "No marks or bruises seen.",
        "No injuries noted.",
        "Mother denied any injury.",
        "Checked for bruising, none found.",
        "No evidence of injury.",
        # more ways practitioners write it
        "No bruising.",
        "Nil injuries.",
        "Skin NAD.",
        "Skeletal survey: no fractures seen.",
        "No marks, bruises or other injuries observed.",
        "Bruises reported by the nursery could not be found on examination.",
        "Examined - it is a Mongolian blue spot, not a bruise.",
        "Photographs reviewed: these are eczema, not bruises.",
        # a form's answer after a colon (a body map, a checklist)
        "Bruising: none observed",
        "Injuries: nil",
        "Marks: NAD",
        "Marks or bruises: none seen",
    ],
)
def test_negated_injuries_do_not_count(text):
    assert not injuries(text)[schema.INJURY]


@pytest.mark.parametrize(
    "text",
    [
        "Advised to seek help if any injuries.",
        "Discussed the risk of injury from the stairs.",
        "Nursery to check for bruises at drop-off.",
        "SW would be concerned if bruising appeared again.",
        "Safety advice re burns from the iron.",
        "Safety advice given re stair gates, scalds from hot drinks and blind cords.",
        "Discharged with head injury advice.",
        "X-ray to rule out a fracture.",
        "Father threatened to break her arm; Mother said he had threatened to hurt her before.",
    ],
)
def test_conditional_injuries_do_not_count(text):
    assert not injuries(text)[schema.INJURY]


@pytest.mark.parametrize(
    "text",
    [
        "Mother had a black eye and said partner punched her.",
        "Partner had scratches to his face.",
        "Antenatal appointment: bruise to Mother's upper arm.",
        "Mother presented to A&E with facial injuries after an assault.",
        "Sibling had a bruise on her forehead from a fall at school.",
    ],
)
def test_injuries_to_someone_else_do_not_count(text):
    assert not injuries(text)[schema.INJURY]


def test_the_childs_injury_after_a_parent_is_named_counts():
    assert injuries("Child brought by Mother with a bite mark to the upper arm.")[schema.INJURY]
    assert injuries("Mother had noticed a bruise on Child's arm.")[schema.INJURY]
    assert injuries("Brought to ED by Mother and partner with a swollen left arm.")[schema.INJURY]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Fingertip bruising to both upper arms.", ("bruise",)),
        ("Red marks on the back of her legs.", ("bruise",)),
        ("Spiral fracture of the humerus.", ("fracture",)),
        ("Broken arm after a fall.", ("fracture",)),
        ("X-ray: # radius.", ("fracture",)),
        ("Scald to the forearm from a cup of tea.", ("burn",)),
        ("Cigarette burn on the back of the hand.", ("burn",)),
        ("Attended with a head injury.", ("head_injury",)),
        ("CT: subdural haematoma.", ("head_injury",)),
        ("Skull fracture in a 3-month-old.", ("fracture", "head_injury")),
        ("Adult-sized bite mark to the cheek.", ("bite",)),
        ("Laceration to the chin.", ("laceration",)),
        ("Graze to knee.", ("laceration",)),
        ("Scratch on her arm.", ("laceration",)),
        ("Torn frenulum.", ("laceration",)),
        ("Petechiae behind the ear.", ("petechiae",)),
        ("Swollen wrist.", ("swelling",)),
        ("Black eye.", ("black_eye",)),
        ("Injuries to the face.", ("other",)),
        ("Bruising consistent with non-accidental injury.", ("bruise",)),
        ("Brusing to left arm noted.", ("bruise",)),
    ],
)
def test_injury_kinds(text, kinds):
    row = injuries(text)
    assert row[schema.INJURY]
    assert row[schema.INJURY_KINDS] == kinds


@pytest.mark.parametrize(
    "text",
    [
        "DNA fracture clinic follow-up.",
        "Electricity cut off.",
        "Head circumference plotted.",
        "Skull X-ray requested.",
        "Mother feels burnt out.",
        "Broken window at the front of the flat.",
    ],
)
def test_words_that_only_look_like_injuries(text):
    assert not injuries(text)[schema.INJURY]


def test_a_negated_injury_beside_a_real_one():
    row = injuries("Bruise to left cheek. No other injuries seen.")
    assert row[schema.INJURY_KINDS] == ("bruise",)
    row = injuries("CAIT investigation re fingertip bruising. Mother denied causing any injury.")
    assert row[schema.INJURY_KINDS] == ("bruise",)


def test_the_outcome_column_is_read_too():
    assert injuries("A&E attendance.", outcome="Burn to the hand dressed.")[schema.INJURY]


@pytest.mark.parametrize(
    ("text", "age", "expected"),
    [
        ("Small bruise to thigh.", 200, True),  # under 24 months: suspicious whatever the text
        ("Small bruise to thigh.", 729, True),
        ("Small bruise to thigh.", 730, False),
        ("Small bruise to thigh.", 2000, False),
        ("Unexplained bruise to the ear.", 2000, True),
        ("Bruising; explanation inconsistent with the injuries.", 2000, True),
        ("Bruise not consistent with the explanation given.", 2000, True),
        ("Fracture with no explanation offered.", 2000, True),
        ("Bruise to arm; likely NAI.", 2000, True),
        ("Bruise to arm; no concerns of NAI.", 2000, False),
        ("Bruise to arm; NAI ruled out.", 2000, False),
        ("Unexplained absence from school.", 2000, False),  # suspicious wording, no injury
        ("No bruises seen.", 200, False),
    ],
)
def test_suspicious_injury_as_rules_md_defines_it(text, age, expected):
    assert bool(injuries(text, age=age)[schema.SUSPICIOUS_INJURY]) is expected


def test_without_an_age_only_the_wording_decides():
    assert not injuries("Small bruise to thigh.")[schema.SUSPICIOUS_INJURY]
    assert injuries("Unexplained bruise to thigh.")[schema.SUSPICIOUS_INJURY]


def test_under_24_months_is_exact_with_a_date_of_birth():
    starts = pd.Series(
        pd.to_datetime(
            ["2006-02-28 12:00", "2006-03-01 00:00", "2008-02-29 23:00", "2008-03-01 00:00"]
        )
    )
    assert under_24_months(starts, child_dob="2006-03-01").tolist() == [False, True, True, False]


def test_date_of_birth_takes_precedence_over_a_stored_age():
    events = make_events(
        start=["2009-06-01"],
        details=["Bruise to cheek."],
        outcome=[None],
        child_age_days=pd.array([10], dtype="Int64"),
    )
    out = classify_injuries(events, child_dob="2006-03-01")
    assert not out.iloc[0][schema.SUSPICIOUS_INJURY]


def test_columns_and_index():
    events = make_events(
        start=["2007-03-12"] * 2,
        event_id=["x", "y"],
        details=["No marks seen.", "Bruise."],
        outcome=[None, None],
    )
    out = classify_injuries(events)
    assert list(out.columns) == [schema.INJURY, schema.INJURY_KINDS, schema.SUSPICIOUS_INJURY]
    assert out.index.tolist() == ["x", "y"]
    assert out[schema.INJURY].dtype == bool
    assert out[schema.INJURY_KINDS].tolist() == [(), ("bruise",)]


def test_a_users_file_adds_a_term(tmp_path: Path):
    path = tmp_path / "injuries.csv"
    path.write_text(
        "phrase,kind,injury_kind\nloop marks,term,bruise\nlesion,term,other\n", encoding="utf-8"
    )
    assert not injuries("Lesion on the scalp.")[schema.INJURY]
    assert injuries("Lesion on the scalp.", path=path)[schema.INJURY_KINDS] == ("other",)


def test_a_users_file_with_an_unknown_injury_kind_is_refused(tmp_path: Path):
    path = tmp_path / "injuries.csv"
    path.write_text("phrase,kind,injury_kind\nboo-boo,term,owie\n", encoding="utf-8")
    with pytest.raises(ChronologyReadError, match="owie"):
        load_injury_vocabulary(path)


def test_wrong_input_is_refused():
    with pytest.raises(TypeError):
        classify_injuries("Bruise.")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="outcome"):
        classify_injuries(pd.DataFrame({"details": ["Bruise."]}))


@pytest.mark.parametrize(
    "text",
    [
        "Mother re-interviewed under caution about the bruising of 01/05/2007.",
        "HV disagreed with the plan after the bruising in May.",
        "Seen for asthma. Previous fracture of the left wrist noted in the records.",
        "History of bruising noted from the old records.",
        "Police updated on the injuries seen on 13/12.",
        "Insufficient evidence to charge Mother for the injuries of December 2006 and May 2007.",
        "HV1 disagreed with the decision given repeated unexplained injuries.",
        "Mother talked about the old burn on his hand.",
        "Mother said he had a bruise on his leg 2 weeks ago.",
    ],
)
def test_a_back_reference_to_an_earlier_injury_is_not_a_new_injury(text):
    assert not injuries(text)[schema.INJURY]


@pytest.mark.parametrize(
    "text",
    [
        "Bruises of different ages to forehead, left cheek and chest.",
        "Skeletal survey: old fracture of the left radius and healing rib fractures.",
        "New and old bruises to the back.",
        "A 2-day-old bruise to the cheek.",
        "Following the fall, bruise to forehead noted.",
        "Fading bruise to the forehead, Mother said from the fall on 09/04/2007.",
        "Child B attended 29/07/2012 with a forehead laceration.",
    ],
)
def test_an_injury_observed_now_still_counts(text):
    assert injuries(text)[schema.INJURY]


@pytest.mark.parametrize(
    "text", ["Injuries: bruise to left cheek", "Bruising: 2cm bruise to forehead", "Bruise: yes"]
)
def test_an_injury_given_after_a_colon_counts(text):
    assert injuries(text, age=200)[schema.SUSPICIOUS_INJURY]


@pytest.mark.parametrize(
    "text",
    [
        "Marks on back, thought to be Mongolian blue spots.",
        "Marks on back and buttocks, consistent with Mongolian blue spots.",
        "Bruise-like marks buttocks - MBS",
        "Blue spot mistaken for a bruise by nursery.",
        "Mongolian blue spots, mistaken for bruising by nursery.",
        "Mark on face is a birthmark.",
        "Bruising to face ?Mongolian blue spot.",
        "Mother worried about a mark on baby's bottom; examined - it is a Mongolian blue spot.",
        "Marks on back; these are Mongolian blue spots.",
        "Birth marks on back.",
        "No bruising, birthmark noted on back.",
        "Bruising to forehead has faded.",  # the bruise seen before, not a new one
        "Mother denied any injury.",
        "Injury: none.",
    ],
)
def test_a_skin_condition_explains_the_marks_of_its_own_clause(text):
    assert not injuries(text, age=60)[schema.INJURY]


@pytest.mark.parametrize(
    "text",
    [
        "Bruise to cheek, also blue spots on back noted at birth.",
        "Small bruise L cheek, Mongolian blue spots on sacrum.",
        "Small bruise to forehead and blue spot on sacrum.",
        "Mongolian blue spots on back and bruise on cheek.",
        "Blue spots on back noted at birth, bruise to cheek.",
        "Birthmark on face, bruise to left arm.",
        "Eczema on arms; small bruise to shin.",
        "Bruise to cheek; Mongolian blue spots on back.",
        "Bruise to cheek which is small, blue spots on sacrum.",
    ],
)
def test_a_skin_condition_beside_a_bruise_does_not_cancel_it(text):
    row = injuries(text, age=60)
    assert row[schema.INJURY_KINDS] == ("bruise",)
    assert row[schema.SUSPICIOUS_INJURY]


@pytest.mark.parametrize(
    ("text", "kinds", "suspicious"),
    [
        # a non-accidental head injury queried is a head injury, and a suspicious one (as NAI)
        ("Attended with NAHI query - subdural haemorrhage on CT.", ("head_injury",), True),
        ("Admitted ?NAHI.", ("head_injury",), True),
        ("Abusive head trauma confirmed by neuroradiology.", ("head_injury",), True),
        # the query is of the cause, not of the injury named after it (was 'other')
        ("NAI query - bruising to pinna.", ("bruise",), True),
        # ruled out, or only to be ruled out, it names no injury
        ("No evidence of NAHI.", (), False),
        ("CT to rule out NAHI.", (), False),
        ("Shaken baby (ICON) advice given.", (), False),
        ("CT head to rule out NAHI after a fall; no intracranial injury found.", (), False),
        ("CT head: no acute intracranial injury.", (), False),
    ],
)
def test_a_non_accidental_head_injury_as_clinicians_write_it(text, kinds, suspicious):
    row = injuries(text, age=900)
    assert row[schema.INJURY] == bool(kinds)
    assert tuple(row[schema.INJURY_KINDS]) == kinds
    assert row[schema.SUSPICIOUS_INJURY] == suspicious
