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
