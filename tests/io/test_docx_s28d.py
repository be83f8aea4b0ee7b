"""Word chronologies, s28 (fictional): 'Cont.' rows, entries of other days in a sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

docx = pytest.importorskip("docx")


def _table(doc, rows, header=("Date", "Practitioner", "Event")):
    table = doc.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    for row in ([header] if header else []) + list(rows):
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    return table


def test_rows_whose_date_cell_says_continued_carry_on_the_entry_above(tmp_path: Path):
    # "Cont." / "Cont'd" in the date cell was read as a date that could not be read: the
    # row was rejected (unreadable_date) and its text lost to the entry it carries on
    from docx.enum.text import WD_BREAK

    doc = docx.Document()
    doc.add_heading("Health Visiting chronology - Child A", 1)
    _table(
        doc,
        [
            ("12/03/2007", "HV1", "Home visit, Child A seen. Bruise to left cheek."),
            ("Cont.", "HV1", "Mother said Child A fell from sofa. Advice given."),
            ("14/03/2007", "HV1", "Phone call to Mother, no answer."),
        ],
    )
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _table(
        doc,
        [
            ("(continued)", "HV1", "Letter sent offering new appointment."),
            ("20/03/2007", "HV2", "Clinic, Child A weighed."),
        ],
        header=None,
    )
    path = tmp_path / "hv.docx"
    doc.save(path)
    chron = scr.read(path)
    assert chron.rejected.empty
    events = chron.events.set_index([S.SOURCE_SHEET, S.SOURCE_ROW])
    assert len(events) == 3
    assert events.loc[("table 1", 2), S.DETAILS] == (
        "Home visit, Child A seen. Bruise to left cheek.\n"
        "Mother said Child A fell from sofa. Advice given."
    )
    assert events.loc[("table 1", 2), S.PRACTITIONER] == "HV1"
    assert events.loc[("table 1", 4), S.DETAILS] == (
        "Phone call to Mother, no answer.\nLetter sent offering new appointment."
    )
    joined = chron.warnings[chron.warnings["code"] == "row_continued"]
    assert joined["source_row"].tolist() == [3, 1]
    assert "'Cont.'" in joined["message"].iloc[0]


def test_a_continued_row_with_no_row_above_stays_rejected(tmp_path: Path):
    doc = docx.Document()
    _table(doc, [("Cont.", "HV1", "Advice given."), ("12/03/2007", "HV1", "Home visit.")])
    path = tmp_path / "hv.docx"
    doc.save(path)
    chron = scr.read(path)
    assert chron.rejected["value"].tolist() == ["Cont."]


def test_an_entry_of_another_day_opening_a_sentence_in_a_cell_is_warned(tmp_path: Path):
    # only an entry on a line of its own was noticed; written on in the same line, the
    # phone call two days later was dated with the visit, unnoticed
    doc = docx.Document()
    doc.add_heading("GP chronology - Child A", 1)
    _table(
        doc,
        [
            (
                "12/03/2007",
                "GP notes",
                "Child A seen by Dr B for cough. 14/03/07 phone call from Mother re rash.",
            ),
            ("20/03/2007", "GP notes", "Seen at 10.30. Weight 9.2 kg. Next review 27/03/2007."),
        ],
        header=("Date", "Source", "Details"),
    )
    path = tmp_path / "gp.docx"
    doc.save(path)
    chron = scr.read(path)
    warned = chron.warnings[chron.warnings["code"] == "entries_in_one_cell"]
    assert warned["source_row"].tolist() == [2]
    assert "14/03/07 phone call from Mother" in warned["message"].iloc[0]
    assert len(chron.events) == 2


def test_a_sections_heading_naming_its_agency_heads_that_agencys_table(tmp_path: Path):
    # "Section B: Northshire Police" was taken for a period's subheading ("Section 2",
    # "Phase 1") of the section above, so the police table took health visiting's agency
    doc = docx.Document()
    doc.add_heading("Child A - merged chronology", 1)
    header = ("Date", "Source", "Details of contact", "Significance / analysis")
    doc.add_heading("2. Health Visiting Service (Northshire Healthcare NHS Trust)", 2)
    _table(doc, [("12/03/2007", "HV1 diary", "Home visit, Child A seen.", "")], header)
    doc.add_heading("Section B: Northshire Police", 2)
    _table(
        doc,
        [("20/03/2007", "CAD 123", "PC1 attended DA incident.", "No Merlin was submitted.")],
        header,
    )
    doc.add_heading("Part C - GP", 2)
    _table(doc, [("21/03/2007", "EMIS", "Child A seen by Dr B.", "")], header)
    path = tmp_path / "merged.docx"
    doc.save(path)
    events = scr.read(path).events.set_index(S.SOURCE_SHEET)
    assert events.loc["table 1", S.AGENCY] == "health_visiting"
    assert events.loc["table 2", S.AGENCY] == "police"
    assert events.loc["table 2", S.ORGANISATION] == "Northshire Police"
    assert events.loc["table 2", S.COMMENT] == "No Merlin was submitted."
    assert events.loc["table 3", S.AGENCY] == "gp"


def test_a_row_giving_the_date_above_again_marked_continued_carries_on_that_entry(
    tmp_path: Path,
):
    # "12/03/2007 (cont.)" under the 12/03/2007 entry was a second event of that day, its
    # details opening "(cont.)."; "20/03/2007 contd" under another day stays a row
    doc = docx.Document()
    doc.add_heading("Health Visiting chronology - Child A", 1)
    _table(
        doc,
        [
            ("12/03/2007", "HV1", "Home visit, Child A seen. Bruise to left cheek."),
            ("12/03/2007 (cont.)", "HV1", "Mother said Child A fell from sofa."),
            ("14/03/2007", "HV1", "Phone call to Mother, no answer."),
            ("20/03/2007 contd", "HV2", "Clinic."),
        ],
    )
    path = tmp_path / "hv.docx"
    doc.save(path)
    events = scr.read(path).events.set_index(S.SOURCE_ROW)
    assert sorted(events.index) == [2, 4, 5]
    assert events.loc[2, S.DETAILS] == (
        "Home visit, Child A seen. Bruise to left cheek.\nMother said Child A fell from sofa."
    )


def test_an_email_thread_pasted_into_word_is_an_entry_per_email(tmp_path: Path):
    # no table and no paragraph opening with a date: MissingColumnError
    doc = docx.Document()
    for text in (
        "From: SW1 <sw1@northshire.gov.uk>\nSent: 14 March 2007 16:20\nTo: HV1 <hv1@nhs.net>"
        "\nSubject: RE: Child A - bruising",
        "Thanks HV1. Strategy discussion arranged for tomorrow 10am.",
        "SW1\nSocial Worker\nNorthshire Children's Services",
        "From: HV1 <hv1@nhs.net>",
        "Sent: 12 March 2007 14:05",
        "To: Duty Team <duty@northshire.gov.uk>",
        "Subject: Child A - bruising",
        "I visited Child A today and saw a bruise to the left cheek. I am making a referral.",
        "Regards",
        "HV1",
        "Health Visitor",
    ):
        doc.add_paragraph(text)
    path = tmp_path / "emails.docx"
    doc.save(path)
    chron = scr.read(path)
    events = chron.events.set_index(S.SOURCE_ROW)
    assert sorted(events.index) == [1, 4]
    assert events.loc[4, S.AGENCY] == "health_visiting"
    assert events.loc[4, S.PRACTITIONER] == "HV1"
    assert events.loc[4, S.EVENT_TYPE] == "referral"
    assert events.loc[1, S.AGENCY] == "csc"
    assert "email_text" in set(chron.warnings["code"])
