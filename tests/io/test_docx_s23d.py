"""Word chronologies, s23 documents sweep (fictional, built here by python-docx): text
redacted in Word by highlighting it black."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

docx = pytest.importorskip("docx")
from docx.enum.text import WD_COLOR_INDEX  # noqa: E402
from docx.shared import RGBColor  # noqa: E402


def _black(run, *, colour: bool = True) -> None:
    run.font.highlight_color = WD_COLOR_INDEX.BLACK
    if colour:
        run.font.color.rgb = RGBColor(0, 0, 0)


def test_text_highlighted_black_is_a_redaction(tmp_path: Path):
    """A name blacked out in Word (black text highlighted black: a black box on the page)
    had been read into the details, as the file still holds it; now it is left out, as
    under a PDF's black box, with a redacted_text warning naming the rows. Automatic
    text on black (which Word shows white) and text highlighted yellow are read."""
    document = docx.Document()
    document.add_heading("Chronology - Child A", 1)
    para = document.add_paragraph("12/03/2007 - HV1 visited Child A at home. Mother's partner ")
    _black(para.add_run("Partner X"))
    para.add_run(" was present.")
    para = document.add_paragraph("14/03/2007 - GP1 saw Child A. ")
    _black(para.add_run("Seen with Mother."), colour=False)
    para = document.add_paragraph("15/03/2007 - HV1 phoned Mother: ")
    run = para.add_run("weight static")
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    run.font.color.rgb = RGBColor(0, 0, 0)
    path = tmp_path / "narrative.docx"
    document.save(path)
    chron = scr.read(path)
    details = chron.events.sort_values(S.SOURCE_ROW)[S.DETAILS].tolist()
    assert details == [
        "HV1 visited Child A at home. Mother's partner  was present.",
        "GP1 saw Child A. Seen with Mother.",
        "HV1 phoned Mother: weight static",
    ]
    notes = chron.warnings[chron.warnings["code"] == "redacted_text"]
    assert notes[S.SOURCE_ROW].tolist() == [2]


def test_a_redaction_in_a_table_cell(tmp_path: Path):
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Date", "Agency", "Details"], strict=True):
        cell.text = text
    table.rows[1].cells[0].text = "12/03/2007"
    table.rows[1].cells[1].text = "Police"
    para = table.rows[1].cells[2].paragraphs[0]
    para.add_run("PC2 spoke to ")
    _black(para.add_run("Neighbour Y of 1 Any Street"))
    para.add_run(", a neighbour.")
    table.rows[2].cells[0].text = "14/03/2007"
    table.rows[2].cells[1].text = "GP"
    table.rows[2].cells[2].text = "Dr B saw Child A."
    path = tmp_path / "table.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.events.sort_values(S.SOURCE_ROW)[S.DETAILS].tolist() == [
        "PC2 spoke to , a neighbour.",
        "Dr B saw Child A.",
    ]
    notes = chron.warnings[chron.warnings["code"] == "redacted_text"]
    assert notes[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [["table 1", 2]]


def test_a_line_break_in_the_middle_of_a_sentence_splits_no_entry(tmp_path: Path):
    """Entries typed on lines of one paragraph are split at each line opening with a
    date, but not where the line above leads on to it ("... an appointment for" /
    "14/03/2007 at 10:00. Mother agreed."): that had been an event of its own, the
    appointment not yet kept."""
    document = docx.Document()
    document.add_heading("Chronology - Child A", 1)
    para = document.add_paragraph("12/03/2007 - HV1 visited Child A and booked a clinic visit for")
    para.add_run().add_break()
    para.add_run("14/03/2007 at 10:00. Mother agreed.")
    para.add_run().add_break()
    para.add_run("20/03/2007 - PC2 attended a domestic incident.")
    path = tmp_path / "lines.docx"
    document.save(path)
    chron = scr.read(path)
    ev = chron.events.sort_values(S.START)
    assert ev[S.DETAILS].tolist() == [
        "HV1 visited Child A and booked a clinic visit for\n14/03/2007 at 10:00. Mother agreed.",
        "PC2 attended a domestic incident.",
    ]


def test_text_struck_through_is_left_out_as_in_the_pdf(tmp_path: Path):
    """Words struck through in a Word chronology (its author's deletion left visible:
    "the bruise was from a fall" struck, the correction after it; a row struck through
    throughout, "entered in error") had been read as text and as an event; the same
    document printed to PDF leaves them out (struck_text). Now Word does too, with a
    struck_text warning naming the rows."""
    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Date", "Agency", "Details"], strict=True):
        cell.text = text
    rows = [
        ["12/03/2007", "HV", "HV1 visited. Mother said "],
        ["13/03/2007", "GP", "Entered in error - wrong child"],
        ["14/03/2007", "GP", "Dr B saw Child A."],
    ]
    for r, values in enumerate(rows, start=1):
        for cell, value in zip(table.rows[r].cells, values, strict=True):
            run = cell.paragraphs[0].add_run(value)
            run.font.strike = r == 2
    para = table.rows[1].cells[2].paragraphs[0]
    para.add_run("the bruise was from a fall").font.strike = True
    para.add_run(" Child A fell from the sofa.")
    path = tmp_path / "struck.docx"
    document.save(path)
    chron = scr.read(path)
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert ev[S.DETAILS].tolist() == [
        "HV1 visited. Mother said  Child A fell from the sofa.",
        "Dr B saw Child A.",
    ]
    notes = chron.warnings[chron.warnings["code"] == "struck_text"]
    assert notes[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [["table 1", 2]]
    # the row struck throughout is a rejected row (struck_through, as in Excel), so the
    # warning names only the row whose words were partly struck
    assert "(rows 2)" in notes["message"].iloc[0]
    struck = chron.rejected[chron.rejected["reason_code"] == "struck_through"]
    assert struck[S.SOURCE_ROW].tolist() == [3]
    assert "Entered in error" in str(struck.iloc[0].to_dict())
    assert len(chron.events) + len(chron.rejected) == 3


def test_black_text_on_a_dark_grey_highlight_is_read(tmp_path: Path):
    """Dark grey (#808080) leaves black text readable: no redaction."""
    document = docx.Document()
    para = document.add_paragraph("12/03/2007 - HV1 visited. ")
    run = para.add_run("Seen with Mother.")
    run.font.highlight_color = WD_COLOR_INDEX.GRAY_50
    run.font.color.rgb = RGBColor(0, 0, 0)
    path = tmp_path / "grey.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.events[S.DETAILS].tolist() == ["HV1 visited. Seen with Mother."]
    assert "redacted_text" not in set(chron.warnings["code"])
