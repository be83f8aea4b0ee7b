"""Word chronologies, s25 (fictional, built here by python-docx): documents as
practitioners leave them."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _change(kind: str, text: str, n: int) -> object:
    tag = "delText" if kind == "del" else "t"
    return parse_xml(
        f'<w:{kind} {_W} w:id="{n}" w:author="TM1" w:date="2020-03-13T09:00:00Z">'
        f'<w:r><w:{tag} xml:space="preserve">{text}</w:{tag}></w:r></w:{kind}>'
    )


def _table(document, rows):
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Date", "Agency", "Details"], strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
    return table


def test_unaccepted_tracked_changes_are_read_as_accepted_with_a_warning(tmp_path: Path):
    """A chronology sent with its manager's tracked changes still in it (a date corrected
    from 13/03 to 14/03, 'Bruise to cheek.' deleted, 'Mark on left arm noted.'
    inserted): it was read as Word shows it with the changes accepted, but nothing said
    the document held changes nobody had accepted. A tracked_changes warning now counts
    them and names where they are."""
    document = docx.Document()
    document.add_heading("Chronology - Child A", 1)
    table = _table(
        document,
        [("12/03/2007", "Health Visiting", "HV1 visited. Child A seen."), ("", "GP", "Dr B.")],
    )
    para = table.rows[1].cells[2].paragraphs[0]
    para._p.append(_change("del", " Bruise to cheek.", 1))
    para._p.append(_change("ins", " Mark on left arm noted.", 2))
    para = table.rows[2].cells[0].paragraphs[0]
    para._p.append(_change("del", "13/03/2007", 3))
    para._p.append(_change("ins", "14/03/2007", 4))
    para = document.add_paragraph("Prepared by TM1.")
    para._p.append(_change("ins", " Checked.", 5))
    path = tmp_path / "chronology.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "14/03/2007"]
    assert chron.events[S.DETAILS].iloc[0] == "HV1 visited. Child A seen. Mark on left arm noted."
    notes = chron.warnings[chron.warnings[S.CODE] == "tracked_changes"]
    assert notes["message"].tolist() == [
        "the document still has tracked changes neither accepted nor rejected (3 "
        "insertion(s), 2 deletion(s), in table 1, paragraph(s) 2): they were read as if "
        "accepted (deleted text left out, inserted text read); accept or reject them in "
        "Word (Review > Accept or Reject) and check those entries"
    ]
    assert notes[S.SOURCE_SHEET].tolist() == ["table 1"]


def test_no_tracked_changes_warning_without_changes(tmp_path: Path):
    document = docx.Document()
    _table(document, [("12/03/2007", "Health Visiting", "HV1 visited.")])
    path = tmp_path / "chronology.docx"
    document.save(path)
    assert "tracked_changes" not in set(scr.read(path).warnings[S.CODE])


def test_each_section_takes_the_agency_its_own_page_header_names(tmp_path: Path):
    """A panel's document put together from two agencies' chronologies, each a section
    with its agency's name in its page header ('Northshire Police', then 'Elm Road
    Surgery') over a table with no agency column and the same title: every table took
    the first header's agency, so the GP's entries were the police's. Each table now
    takes the agency of its own section's header (a section whose header names none
    still takes the one before)."""
    from docx.enum.section import WD_SECTION

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Northshire Police\tOFFICIAL-SENSITIVE"

    def chronology(rows):
        document.add_paragraph("Chronology of contact with Child A")
        table = document.add_table(rows=1, cols=2)
        table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Date", "Details"
        for date, text in rows:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = date, text

    chronology([("12/03/2007", "Attended address after 999 call, Child A present.")])
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "Elm Road Surgery\tOFFICIAL-SENSITIVE"
    chronology([("13/03/2007", "Child A seen with bruise to cheek.")])
    section = document.add_section(WD_SECTION.NEW_PAGE)
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "OFFICIAL-SENSITIVE"
    chronology([("20/03/2007", "Mother phoned for results.")])
    path = tmp_path / "combined.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.events[S.SOURCE_SHEET].tolist() == ["table 1", "table 2", "table 3"]
    assert chron.events[S.AGENCY].tolist() == ["police", "gp", "gp"]
