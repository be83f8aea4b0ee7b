"""An injury under enquiry seen again by those taking part in the response to it (stop 27,
r3): social care's joint visit and the paediatrician's child protection medical see the
injury a school referred, not a new one; a new injury said so, one to another part of the
body, or one seen more than 14 days on, is still new.

2009: Monday 2 March to Friday 20 March, no bank holidays. Rows are as a person sees them in
the file (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_timeline.testing import finding_rows, read_rows

REFERRED = """\
02/03/2009,Northfield Primary School,DSL,Child F (8) said Mr Y hit him with a belt. {school},Referral to CSC by phone
02/03/2009,Children's Social Care,Duty SW,Referral received from school re {referral},Strategy discussion to be held
03/03/2009,Children's Social Care,TM7,Strategy discussion held by phone (TM7; DS9 CAIT). S47 joint investigation agreed.,
{visit_date},{visit_agency},{visit_by},Joint visit with {partner}. Child F seen; {visit},CP medical to be arranged
"""
# the chronology runs on (deadlines before its end are judged)
LATER = "31/03/2009,Children's Social Care,SW8,Home visit. Child F seen.,\n"
MEDICAL = "06/03/2009,Paediatrics,Dr S,Child protection medical. {medical},\n"


def _rows(
    visit: str,
    *,
    school: str = "Red marks to back of legs seen by DSL.",
    referral: str = "marks to Child F's legs.",
    visit_date: str = "04/03/2009",
    visit_agency: str = "Children's Social Care",
    medical: str | None = None,
) -> str:
    by, partner = ("SW8", "DC9") if visit_agency == "Children's Social Care" else ("DC9", "SW8")
    rows = REFERRED.format(
        school=school,
        referral=referral,
        visit_date=visit_date,
        visit_agency=visit_agency,
        visit_by=by,
        partner=partner,
        visit=visit,
    )
    if medical is not None:
        rows += MEDICAL.format(medical=medical)
    return rows + LATER


def _injury_findings(tmp_path: Path, rows: str) -> list[tuple[object, ...]]:
    chron = read_rows(tmp_path / "enquiry.csv", rows, child_dob="2000-09-01")
    # the visit (row 5) records a suspicious injury, new or not
    assert chron.events["suspicious_injury"].tolist()[3]
    return [f for f in finding_rows(chron, "wt2006") if f[0].startswith("INJ")]


def test_joint_visit_and_medical_see_the_injury_referred(tmp_path: Path) -> None:
    found = _injury_findings(
        tmp_path,
        _rows(
            "linear bruising to back of both thighs. No explanation given.",
            medical="Linear bruises to both thighs consistent with an implement. NAI.",
        ),
    )
    # the school's record of Monday 2nd: referral, strategy discussion and police in time;
    # the medical due Tuesday 3rd, held Friday 6th (3 WD late). The joint visit of the 4th
    # is that injury seen in the enquiry: no strategy discussion or medical of its own
    assert found == [("INJ-MEDICAL", "late", 2, "2009-03-03", "2009-03-06", 3, [2, 6])]


def test_the_police_record_of_the_joint_visit(tmp_path: Path) -> None:
    found = _injury_findings(
        tmp_path, _rows("bruising to back of thighs. No explanation given.", visit_agency="Police")
    )
    # the police's record of the visit is neither a new injury nor one they must refer
    assert found == [("INJ-MEDICAL", "missing", 2, "2009-03-03", "", None, [2])]


def test_a_vague_referral_then_the_injury_described(tmp_path: Path) -> None:
    # no part of the body in the school's or the referral's words: the visit's 'bruising to
    # back of both thighs' cannot differ from them, and is the injury referred
    found = _injury_findings(
        tmp_path,
        _rows(
            "linear bruising to back of both thighs. No explanation given.",
            school="Marks seen by DSL.",
            referral="marks seen by school.",
        ),
    )
    assert found == [("INJ-MEDICAL", "missing", 2, "2009-03-03", "", None, [2])]


@pytest.mark.parametrize(
    "visit",
    [
        "new bruise to left ear, unexplained.",  # said to be new
        "bruise to left ear. No explanation given.",  # another part of the body
        "bruising to upper arm, unexplained.",
        "further marks to back of legs, unexplained.",  # said to be further
        "another bruise on his thigh. No explanation given.",
    ],
)
def test_a_new_injury_during_the_enquiry_is_new(tmp_path: Path, visit: str) -> None:
    found = _injury_findings(tmp_path, _rows(visit))
    # the visit of Wednesday 4th wants a strategy discussion of its own by Thursday 5th
    assert ("INJ-STRAT", "missing", 5, "2009-03-05", "", None, [5]) in found


def test_new_marks_denied_is_the_injury_seen_again(tmp_path: Path) -> None:
    found = _injury_findings(
        tmp_path, _rows("no new marks. Bruising to back of both thighs unexplained.")
    )
    assert not [f for f in found if f[2] == 5]


def test_more_than_14_days_on_is_new(tmp_path: Path) -> None:
    # Friday 20 March, 18 days after the school saw the marks: bruising to the thighs then
    # is a new injury (a strategy discussion due Monday 23rd)
    found = _injury_findings(
        tmp_path, _rows("bruising to back of both thighs, unexplained.", visit_date="20/03/2009")
    )
    assert ("INJ-STRAT", "missing", 5, "2009-03-23", "", None, [5]) in found


def test_no_response_under_way_is_new(tmp_path: Path) -> None:
    # a toddler: social care's own sight of a bruise to the forehead on Monday 2nd (no
    # referral, no strategy discussion), then fresh bruising to the face and head on
    # Thursday 12th: no response was under way, so the second is a new injury
    rows = """\
02/03/2009,Children's Social Care,SW1,Home visit. Child G seen; bruise to forehead. Mother said he fell.,SW1 emailed TM1
12/03/2009,Children's Social Care,SW1,Office visit. Child G seen; bruising to the face and scratches to the head and ears.,Police informed
""" + LATER.replace("Child F", "Child G")
    chron = read_rows(tmp_path / "toddler.csv", rows, child_dob="2007-12-01")
    found = [f[:3] for f in finding_rows(chron, "wt2006", "INJ-STRAT")]
    assert found == [("INJ-STRAT", "missing", 2), ("INJ-STRAT", "missing", 3)]


def test_a_face_to_face_visit_names_no_face(tmp_path: Path) -> None:
    # the school saw a bruise to the cheek; social care's 'face to face visit' two days into
    # the enquiry sees a bruise to the upper arm: another part of the body, a new injury
    rows = _rows(
        "bruise to upper arm, unexplained.",
        school="Bruise to left cheek seen by DSL.",
        referral="bruise to Child F's cheek.",
    ).replace("Joint visit with DC9.", "Face to face visit with DC9.")
    found = _injury_findings(tmp_path, rows)
    assert ("INJ-STRAT", "missing", 5, "2009-03-05", "", None, [5]) in found
    # and a bruise to the face is the cheek's part of the body
    found = _injury_findings(
        tmp_path,
        rows.replace("bruise to upper arm, unexplained.", "bruising to face, unexplained."),
    )
    assert not [f for f in found if f[2] == 5]


def test_a_fracture_found_during_an_enquiry_into_bruising_is_new(tmp_path: Path) -> None:
    found = _injury_findings(
        tmp_path, _rows("spiral fracture of left femur on X-ray, unexplained.")
    )
    assert ("INJ-STRAT", "missing", 5, "2009-03-05", "", None, [5]) in found
    # the fracture referred, seen again in the enquiry, is that injury
    found = _injury_findings(
        tmp_path,
        _rows(
            "fracture of left femur in plaster, unexplained.",
            school="Fractured left leg seen by DSL.",
            referral="Child F's fractured leg.",
        ),
    )
    assert not [f for f in found if f[2] == 5]
