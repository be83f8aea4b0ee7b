"""Headings of case-system exports (s23 sweep): a case note's 'Observation'."""

from __future__ import annotations

import scr_timeline as scr


def _read_csv(tmp_path, text: str, name: str = "export.csv") -> scr.Chronology:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return scr.read(path)


def test_a_case_note_export_observation_column_is_the_details(tmp_path):
    # Liquidlogic-style case notes: the note's text under 'Observation', no details column;
    # it had been the comment (never classified), so the referral and the bruise were lost
    chron = _read_csv(
        tmp_path,
        "Case Note ID,Date/Time,Step,Created By,Observation\n"
        "10231,12/03/2007 14:30,Contact,SW1,Telephone referral from HV1 re bruise on Child A's"
        " cheek.\n"
        "10233,13/03/2007 10:30,Home Visit,SW1,Home visit. Child A seen alone. Bruise fading.\n",
    )
    events = chron.events
    assert events["details"].tolist() == [
        "Telephone referral from HV1 re bruise on Child A's cheek.",
        "Home visit. Child A seen alone. Bruise fading.",
    ]
    assert events["comment"].isna().all()
    assert events["injury"].all()


def test_observation_beside_details_closes_them(tmp_path):
    chron = _read_csv(
        tmp_path,
        "Date,Agency,Details,Observation\n"
        "12/03/2007,GP,Child A seen with Mother.,Bruise to left cheek.\n",
    )
    assert chron.events.iloc[0]["details"] == (
        "Child A seen with Mother.\nObservation: Bruise to left cheek."
    )


def test_a_gp_consultation_examination_closes_the_details(tmp_path):
    # an EMIS-style consultation: the bruise is only under 'Examination', which had been
    # kept in extra (never classified): no injury was read
    chron = _read_csv(
        tmp_path,
        "Date,Time,User,Consultation Type,Problem,History,Examination,Plan\n"
        '12/03/2007,10:30,Dr B,Surgery consultation,Cough,"Mum says fell off sofa.",'
        '"Bruise L cheek 2cm.","Refer to paeds."\n',
        name="emis.csv",
    )
    row = chron.events.iloc[0]
    assert row["details"] == "Cough. Mum says fell off sofa.\nExamination: Bruise L cheek 2cm."
    assert bool(row["injury"])


def test_export_headings_for_the_reason_and_who_acted():
    from scr_timeline.io.headers import map_headings

    assert map_headings(
        ["Date Of Contact", "Contact Reason", "Contact Outcome", "Performed By"]
    ) == {0: "date", 1: "details", 2: "outcome", 3: "practitioner"}
    assert map_headings(["Log Date", "Log Time", "Call Type", "Log Entry", "Operator"]) == {
        0: "date",
        1: "time",
        2: "contact_type",
        3: "details",
        4: "practitioner",
    }
