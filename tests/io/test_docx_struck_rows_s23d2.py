"""Word chronologies, s23 struck rows (fictional, built here by python-docx): a row or a
dated paragraph struck through throughout (an entry deleted but left visible), or
blacked out throughout, is a rejected row, as in Excel: nothing is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

docx = pytest.importorskip("docx")
from docx.enum.text import WD_COLOR_INDEX  # noqa: E402
from docx.shared import RGBColor  # noqa: E402


def _table(document, rows, *, struck=(), blacked=()):
    table = document.add_table(rows=len(rows) + 1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Date", "Agency", "Details"], strict=True):
        cell.text = text
    for r, values in enumerate(rows, start=1):
        for cell, value in zip(table.rows[r].cells, values, strict=True):
            run = cell.paragraphs[0].add_run(value)
            run.font.strike = r in struck
            if r in blacked:
                run.font.highlight_color = WD_COLOR_INDEX.BLACK
                run.font.color.rgb = RGBColor(0, 0, 0)
    return table


ROWS = [
    ["12/03/2007", "HV", "HV1 visited Child A at home."],
    ["13/03/2007", "GP", "Entered in error - wrong child"],
    ["14/03/2007", "GP", "Dr B saw Child A."],
    ["15/03/2007", "Police", "PC2 attended."],
]


def test_row_struck_through_throughout_is_a_rejected_row(tmp_path: Path):
    """A Word table's row struck through in every cell had vanished (only a struck_text
    warning named it): now it is a rejected row struck_through, keeping its date text
    and details, with its table and row, as Excel reads such a row; it is no longer in
    the struck_text warning, and every data row is an event or a rejected row."""
    document = docx.Document()
    _table(document, ROWS, struck={2})
    path = tmp_path / "struck.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 4, 5]
    rej = chron.rejected
    assert len(chron.events) + len(rej) == len(ROWS)
    assert rej[[S.SOURCE_FILE, S.SOURCE_SHEET, S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [
        ["struck.docx", "table 1", 3, "struck_through"]
    ]
    assert rej[S.DATE_TEXT].tolist() == ["13/03/2007"]
    assert rej[S.DETAILS].tolist() == ["Entered in error - wrong child"]
    assert rej[S.COLUMN].tolist() == ["Date"]  # the date column's heading, as in Excel
    assert rej[S.REASON].iloc[0].startswith("every cell of the row is struck through in Word")
    assert "struck_text" not in set(chron.warnings["code"])
    assert chron.meta.sources[0].rejected == 1


def test_struck_row_and_struck_words_warned_apart(tmp_path: Path):
    """A row with some words struck stays in the struck_text warning; the row struck
    throughout does not (it is a rejected row)."""
    document = docx.Document()
    table = _table(document, ROWS, struck={2})
    table.rows[4].cells[2].paragraphs[0].add_run(" Mother arrested.").font.strike = True
    path = tmp_path / "struck.docx"
    document.save(path)
    chron = scr.read(path)
    notes = chron.warnings[chron.warnings["code"] == "struck_text"]
    assert notes[S.SOURCE_ROW].tolist() == [5]
    assert "rows 5)" in notes["message"].iloc[0]
    assert chron.events[S.DETAILS].tolist()[-1] == "PC2 attended."


def test_row_blacked_out_throughout_is_rejected_without_its_text(tmp_path: Path):
    """A row blacked out in every cell (a redaction) had vanished with only a
    redacted_text warning: now it is a rejected row `redacted`, its text not repeated."""
    document = docx.Document()
    _table(document, ROWS, blacked={3})
    path = tmp_path / "redacted.docx"
    document.save(path)
    chron = scr.read(path)
    rej = chron.rejected
    assert len(chron.events) + len(rej) == len(ROWS)
    assert rej[[S.SOURCE_SHEET, S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [
        ["table 1", 4, "redacted"]
    ]
    assert rej[S.DATE_TEXT].isna().all() and rej[S.DETAILS].isna().all()
    assert "Dr B" not in " ".join(map(str, rej.to_numpy().ravel()))
    assert "redacted_text" not in set(chron.warnings["code"])


def test_table_of_struck_rows_only_after_a_table(tmp_path: Path):
    """A second table whose only data row is struck through keeps it as a rejected row."""
    document = docx.Document()
    _table(document, ROWS[:1])
    document.add_paragraph("Police")
    _table(document, ROWS[1:2], struck={1})
    path = tmp_path / "two.docx"
    document.save(path)
    chron = scr.read(path)
    assert len(chron.events) == 1
    assert chron.rejected[[S.SOURCE_SHEET, S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [
        ["table 2", 2, "struck_through"]
    ]


def _narrative(tmp_path: Path, *, struck: bool) -> Path:
    document = docx.Document()
    document.add_heading("Chronology - Child A", 1)
    document.add_paragraph("12/03/2007 - HV1 visited Child A at home.")
    para = document.add_paragraph()
    run = para.add_run("13/03/2007 10:00 - GP: Dr B saw Child A. Entered in error.")
    if struck:
        run.font.strike = True
    else:
        run.font.highlight_color = WD_COLOR_INDEX.BLACK
        run.font.color.rgb = RGBColor(0, 0, 0)
    para = document.add_paragraph()
    para.add_run("A note struck out.").font.strike = True
    document.add_paragraph("14/03/2007 - PC2 attended.")
    path = tmp_path / "narrative.docx"
    document.save(path)
    return path


def test_dated_paragraph_struck_through_is_a_rejected_row(tmp_path: Path):
    """A narrative's dated paragraph struck through throughout had vanished (a struck_text
    warning only): now it is a rejected row struck_through with its date text and text,
    numbered as a reader counts the paragraphs (it is on the page); an undated struck
    paragraph stays in the struck_text warning."""
    chron = scr.read(_narrative(tmp_path, struck=True))
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 5]
    rej = chron.rejected
    assert len(chron.events) + len(rej) == 3
    assert rej[[S.SOURCE_SHEET, S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [
        ["paragraph", 3, "struck_through"]
    ]
    assert rej[S.DATE_TEXT].tolist() == ["13/03/2007"]
    assert rej[S.DETAILS].tolist() == ["10:00 GP: Dr B saw Child A. Entered in error."]
    assert rej[S.REASON].iloc[0].startswith("every word of the paragraph is struck through")
    notes = chron.warnings[chron.warnings["code"] == "struck_text"]
    assert notes[S.SOURCE_ROW].tolist() == [4]
    assert "rows 4)" in notes["message"].iloc[0]


def test_dated_paragraph_blacked_out_is_rejected_without_its_text(tmp_path: Path):
    """A dated paragraph blacked out throughout: a rejected row `redacted`, its text
    not repeated."""
    chron = scr.read(_narrative(tmp_path, struck=False))
    rej = chron.rejected
    assert rej[[S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [[3, "redacted"]]
    assert rej[S.DATE_TEXT].isna().all() and rej[S.DETAILS].isna().all()
    assert "Dr B" not in " ".join(map(str, rej.to_numpy().ravel()))
    assert "redacted_text" not in set(chron.warnings["code"])


def test_struck_line_above_the_header_is_no_rejected_row(tmp_path: Path):
    """A row above the header struck through (an old title struck out) is no entry: it
    stays in the struck_text warning, not a rejected row."""
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Draft", "v1", "old layout"], strict=True):
        cell.paragraphs[0].add_run(text).font.strike = True
    for cell, text in zip(table.rows[1].cells, ["Date", "Agency", "Details"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[2].cells, ROWS[0], strict=True):
        cell.text = text
    path = tmp_path / "title.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.events[S.SOURCE_ROW].tolist() == [3]
    assert chron.rejected.empty
    notes = chron.warnings[chron.warnings["code"] == "struck_text"]
    assert notes[S.SOURCE_ROW].tolist() == [1]


def test_struck_row_of_a_table_with_a_column_per_agency(tmp_path: Path):
    """A table with a column per agency ("Date | Police | Health"), one row struck
    through: a rejected row with its date and the struck agency cell's text."""
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    rows = [
        ["Date", "Children's Social Care", "Police", "Health"],
        ["12/03/2007", "", "PC2 attended.", ""],
        ["13/03/2007", "", "", "HV1 visited. Entered in error."],
        ["14/03/2007", "SW1 visited.", "", "Dr B saw Child A."],
    ]
    for r, values in enumerate(rows):
        for cell, value in zip(table.rows[r].cells, values, strict=True):
            cell.paragraphs[0].add_run(value).font.strike = r == 2
    path = tmp_path / "grid.docx"
    document.save(path)
    chron = scr.read(path)
    assert len(chron.events) + len(chron.rejected) == 4
    rej = chron.rejected
    assert rej[[S.SOURCE_ROW, S.REASON_CODE, S.DATE_TEXT, S.DETAILS]].values.tolist() == [
        [3, "struck_through", "13/03/2007", "HV1 visited. Entered in error."]
    ]
