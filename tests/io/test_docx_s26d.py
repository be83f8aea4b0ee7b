"""Word chronologies, s26 (fictional, built here by python-docx): documents as review
authors and agencies assemble them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S

docx = pytest.importorskip("docx")

_FORM = [
    ("Agency:", "Northshire Police"),
    ("Name of child:", "Child A"),
    ("Date of birth:", "01/02/2006"),
    ("Completed by:", "DS1"),
    ("Date completed:", "01/06/2008"),
]
_ROWS = [
    ("12/03/2007 14:30", "PC2", "Attended domestic incident. Mother had a cut lip."),
    ("13/03/2007", "DC1", "PPN1 submitted to MASH."),
]


def _table(document, header, rows):
    table = document.add_table(rows=1 if header else 0, cols=len(rows[0]))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells if header else (), header or (), strict=False):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    return table


def test_the_form_table_over_the_chronology_gives_its_agency_and_the_childs_dob(
    tmp_path: Path,
):
    """An agency's template opens with a details table ('Agency:' | 'Northshire Police',
    'Date of birth:' | '01/02/2006', ...) over its chronology table, which has no agency
    column, with an empty paragraph between them: the form was skipped as no chronology
    and nothing of it was read, so the rows took their agency from each officer's code
    (organisation empty, a no_agency warning) and the age-based rules were off
    (no_child_dob). The form's agency is now the table's farthest title line (agency and
    organisation 'Northshire Police'), and its date of birth the child's
    (child_dob_inferred), as an Excel template's form gives them."""
    document = docx.Document()
    document.add_heading("Agency chronology", 1)
    _table(document, None, _FORM)
    document.add_paragraph()
    _table(document, ["Date", "Officer", "Details"], _ROWS)
    path = tmp_path / "chronology.docx"
    document.save(path)
    chron = scr.read(path)
    events = chron.events
    assert events[S.AGENCY].tolist() == ["police", "police"]
    assert events[S.ORGANISATION].tolist() == ["Northshire Police", "Northshire Police"]
    assert chron.meta.child_dob == pd.Timestamp("2006-02-01")
    assert events[S.CHILD_AGE_DAYS].tolist() == [404, 405]
    codes = set(chron.warnings[S.CODE])
    assert {"child_dob_inferred", "table_skipped"} <= codes
    assert not codes & {"no_agency", "no_child_dob"}


def test_a_date_of_birth_given_wins_over_the_form(tmp_path: Path):
    document = docx.Document()
    _table(document, None, _FORM)
    _table(document, ["Date", "Officer", "Details"], _ROWS)
    path = tmp_path / "chronology.docx"
    document.save(path)
    chron = scr.read(path, child_dob="2006-03-01")
    assert chron.meta.child_dob == pd.Timestamp("2006-03-01")
    assert "child_dob_inferred" not in set(chron.warnings[S.CODE])


def test_a_table_of_family_members_after_the_chronology_gives_no_dob(tmp_path: Path):
    """Only forms before the chronology's first table are read: a list of people after
    it ('Date of birth:' | a sibling's) gives no date of birth."""
    document = docx.Document()
    _table(document, ["Date", "Officer", "Details"], _ROWS)
    document.add_heading("People", 2)
    _table(document, None, [("Name:", "Sibling B"), ("Date of birth:", "03/04/2004")])
    path = tmp_path / "chronology.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.meta.child_dob is None


_WPS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
)


def _text_box(text: str) -> object:
    """A text box as Word writes it: a drawing, with its VML copy as the fallback."""
    from docx.oxml import parse_xml

    content = f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    return parse_xml(
        f'<w:r {_WPS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        "<wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>"
        f"{content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        f"{content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_a_text_box_over_an_entry_is_its_comment_not_its_details(tmp_path: Path):
    """A reviewer's note put in a text box anchored in an entry's cell ('Reviewer: HV1
    should have referred to CSC.'): its text was read into the entry's details, as the
    agency's record, so the home visit read as a referral. A text box is now the row's
    comment (in a Comment column added for it), never classified, with a text_box warning
    quoting it."""
    document = docx.Document()
    document.add_heading("Health Visiting chronology", 1)
    table = _table(
        document,
        ["Date", "Practitioner", "Details"],
        [
            ("12/03/2007", "HV1", "Home visit. Bruise to left cheek seen."),
            ("14/03/2007", "HV1", "Home visit. Child A seen and weighed."),
        ],
    )
    table.rows[1].cells[2].paragraphs[0]._p.append(
        _text_box("Reviewer: HV1 should have referred to CSC.")
    )
    path = tmp_path / "hv.docx"
    document.save(path)
    chron = scr.read(path)
    events = chron.events
    assert events[S.DETAILS].tolist() == [
        "Home visit. Bruise to left cheek seen.",
        "Home visit. Child A seen and weighed.",
    ]
    assert events[S.COMMENT].tolist()[0] == "Reviewer: HV1 should have referred to CSC."
    assert events[S.EVENT_TYPE].tolist() == ["home_visit", "home_visit"]
    notes = chron.warnings[chron.warnings[S.CODE] == "text_box"]
    assert notes[S.SOURCE_ROW].tolist() == [2]
    assert "'Reviewer: HV1 should have referred to CSC.'" in notes["message"].iloc[0]


def test_an_imr_titled_for_its_agency_names_the_agency_of_its_chronology(tmp_path: Path):
    """An agency's Individual Management Review titled 'Individual Management Review -
    Northshire Police', with a table of the family and one of the staff involved before
    its chronology (under '4. Chronology'): only the headings since the table before were
    the chronology's title lines, so the agency the document's title names was lost and
    rows naming no officer were 'other' (no_agency, unknown agency). The document's title
    (its title property, else its first heading) is now the farthest title line of a
    table no nearer line names the agency of."""
    document = docx.Document()
    document.add_heading("Individual Management Review - Northshire Police", 0)
    document.add_heading("2. Family composition", 1)
    _table(
        document,
        ["Name", "Relationship to Child A", "Date of birth"],
        [("Child A", "Subject", "01/02/2006"), ("Mother", "Mother", "14/07/1987")],
    )
    document.add_heading("4. Chronology", 1)
    _table(
        document,
        ["Date", "Source", "Event"],
        [
            ("12/03/2007 14:30", "Control room log", "Call from a neighbour reporting shouting."),
            ("13/03/2007", "Crime report", "Crime of common assault recorded."),
        ],
    )
    path = tmp_path / "imr.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.events[S.AGENCY].tolist() == ["police", "police"]
    assert (
        chron.events[S.ORGANISATION].tolist()
        == ["Individual Management Review - Northshire Police"] * 2
    )
    assert "no_agency" not in set(chron.warnings[S.CODE])


def test_the_form_over_a_narrative_gives_the_childs_dob(tmp_path: Path):
    """A narrative report (dated paragraphs, no chronology table) opening with the
    template's details table: its date of birth is the child's, as over a table."""
    document = docx.Document()
    document.add_heading("Police chronology", 1)
    _table(document, None, _FORM)
    document.add_paragraph("12/03/2007 - PC2 attended a domestic incident. Child A present.")
    document.add_paragraph("13/03/2007 - DC1 sent a PPN to the MASH.")
    path = tmp_path / "police.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "13/03/2007"]
    assert chron.meta.child_dob == pd.Timestamp("2006-02-01")
    assert chron.events[S.CHILD_AGE_DAYS].tolist() == [404, 405]
    assert "child_dob_inferred" in set(chron.warnings[S.CODE])
