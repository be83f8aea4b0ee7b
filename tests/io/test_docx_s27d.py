"""Word chronologies, s27 (fictional, built here with python-docx): notes marked with
figures typed in superscript."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

docx = pytest.importorskip("docx")


def _raised(paragraph, text: str) -> None:
    run = paragraph.add_run(text)
    run.font.superscript = True


def test_a_note_mark_typed_in_superscript_after_a_date_is_no_part_of_it(tmp_path: Path):
    # "14/03/2007" with a raised "2" read "14/03/20072": no date, so the entry was run
    # into the one above; the notes typed under a "Notes" heading were its text too
    doc = docx.Document()
    doc.add_heading("Health Visiting chronology - Child A", 1)
    first = doc.add_paragraph("12/03/2007 - HV1 visited Child A at home.")
    _raised(first, "1")
    first.add_run(" Mother said the bruise was from a fall.")
    second = doc.add_paragraph("14/03/2007")
    _raised(second, "2")
    second.add_run(" - HV1 phoned Mother; no answer. Card left.")
    doc.add_heading("Notes", 2)
    for mark, note in (
        ("1", "The health visitor's records for this visit were incomplete."),
        ("2", "The date is taken from the GP's letter."),
    ):
        item = doc.add_paragraph()
        _raised(item, mark)
        item.add_run(f" {note}")
    path = tmp_path / "hv.docx"
    doc.save(path)
    events = scr.read(path).events.set_index(S.SOURCE_ROW)
    assert events[S.DATE_TEXT].tolist() == ["12/03/2007", "14/03/2007"]
    assert events.loc[2, S.DETAILS] == (
        "HV1 visited Child A at home.¹ Mother said the bruise was from a fall. "
        "[footnote: The health visitor's records for this visit were incomplete.]"
    )
    assert events.loc[3, S.DETAILS] == (
        "HV1 phoned Mother; no answer. Card left. "
        "[footnote: The date is taken from the GP's letter.]"
    )


def test_other_superscript_stays_as_written(tmp_path: Path):
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Date", "Details"
    table.cell(1, 0).text = "12/03/2007"
    cell = table.cell(1, 1).paragraphs[0]
    cell.add_run("Child A seen on the 1")
    _raised(cell, "st")
    cell.add_run(" floor of the ward.")
    path = tmp_path / "ward.docx"
    doc.save(path)
    details = scr.read(path, agency="hospital").events[S.DETAILS].tolist()
    assert details == ["Child A seen on the 1st floor of the ward."]


def _police_table(tmp_path: Path, notes: list[str]) -> Path:
    doc = docx.Document()
    doc.add_heading("Northshire Police chronology - Child A", 1)
    table = doc.add_table(rows=1, cols=3)
    for cell, heading in zip(table.rows[0].cells, ["Date", "Event", "Outcome"], strict=True):
        cell.text = heading
    for values in (
        ("12/03/2007", "PC1 attended DA incident.[1]", "DASH standard"),
        ("14/03/2007", "PPN submitted to MASH.[2]", "None"),
    ):
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value
    doc.add_paragraph("Notes")
    for note in notes:
        doc.add_paragraph(note)
    path = tmp_path / "police.docx"
    doc.save(path)
    return path


def test_notes_typed_under_a_chronology_table_go_to_the_rows_marking_them(tmp_path: Path):
    # the notes were not read at all (text outside the tables)
    path = _police_table(
        tmp_path,
        [
            "[1] The officer's body-worn video was not retained.",
            "[2] The PPN was not received by MASH until 19/03/2007.",
        ],
    )
    details = scr.read(path).events.set_index(S.SOURCE_ROW)[S.DETAILS]
    assert details[2] == (
        "PC1 attended DA incident.[1]\n[footnote: The officer's body-worn video was not retained.]"
    )
    assert details[3].endswith("[footnote: The PPN was not received by MASH until 19/03/2007.]")


def test_notes_no_row_marks_are_left_as_they_were(tmp_path: Path):
    path = _police_table(tmp_path, ["[1] Body-worn video not retained.", "[3] Not known."])
    details = scr.read(path).events[S.DETAILS].tolist()
    assert details == ["PC1 attended DA incident.[1]", "PPN submitted to MASH.[2]"]


def _table(doc, rows: list[tuple[str, ...]]) -> None:
    table = doc.add_table(rows=0, cols=len(rows[0]))
    for values in rows:
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = value


def test_a_reviews_table_of_learning_points_is_no_chronology(tmp_path: Path):
    # its rows were events ("The HV should have referred ..." as the comment of an
    # 'other' event of health, dated by the episode it draws on)
    doc = docx.Document()
    doc.add_heading("Child Safeguarding Practice Review: Child A", 0)
    doc.add_heading("3. Learning points", 1)
    _table(
        doc,
        [
            ("Date", "Learning point", "Agency"),
            ("12/03/2007", "The HV should have referred the bruising to CSC.", "Health Visiting"),
        ],
    )
    doc.add_heading("Appendix 1: Chronology of significant events", 1)
    _table(
        doc,
        [
            ("Date", "Agency", "Event", "Outcome"),
            ("12/03/2007", "Health Visiting", "HV1 home visit; bruise to left cheek.", "Advice"),
            ("20/03/2007", "Police", "PC2 attended DA incident.", "DASH standard"),
        ],
    )
    path = tmp_path / "review.docx"
    doc.save(path)
    chron = scr.read(path)
    assert chron.events[S.SOURCE_SHEET].tolist() == ["table 2", "table 2"]
    skipped = chron.warnings[chron.warnings["code"].eq("table_skipped")]
    assert "Learning points" in skipped["message"].iloc[0]


def test_a_chronology_under_a_reviews_heading_is_still_read(tmp_path: Path):
    doc = docx.Document()
    doc.add_heading("4. Findings", 1)
    _table(
        doc,
        [
            ("Date", "Event", "Comment"),
            ("12/03/2007", "HV1 home visit; bruise to left cheek.", "No referral made."),
        ],
    )
    path = tmp_path / "review.docx"
    doc.save(path)
    assert len(scr.read(path, agency="health_visiting").events) == 1
