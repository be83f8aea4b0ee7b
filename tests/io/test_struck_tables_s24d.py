"""Word and PDF chronologies, s24: a table struck through throughout (fictional, built
here with python-docx and reportlab) is the table's formatting, as Excel reads a sheet
struck through throughout; a struck table beside tables that are not struck is still
a deletion (rejected rows)."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

docx = pytest.importorskip("docx")
pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

HEADER = ["Date", "Agency", "Details"]
ROWS = [
    ["12/03/2007", "HV", "HV1 visited Child A at home."],
    ["13/03/2007", "GP", "Dr B saw Child A."],
    ["15/03/2007", "Police", "PC2 attended."],
]


def _word_table(document, rows, *, header_struck: bool, struck: bool) -> None:
    table = document.add_table(rows=len(rows) + 1, cols=3)
    for r, values in enumerate([HEADER, *rows]):
        for cell, value in zip(table.rows[r].cells, values, strict=True):
            cell.paragraphs[0].add_run(value).font.strike = header_struck if r == 0 else struck


@pytest.mark.parametrize("header_struck", [True, False])
def test_word_table_struck_throughout_is_read(tmp_path: Path, header_struck: bool):
    """Every row of the only table struck through (the whole table selected and struck,
    header and all, or only its rows): had raised MissingColumnError (no chronology
    header, or no data rows under it); now its rows are events, as in Excel, with one
    struck_text warning saying the table was read as formatting."""
    document = docx.Document()
    document.add_heading("Chronology - Child A", 1)
    _word_table(document, ROWS, header_struck=header_struck, struck=True)
    path = tmp_path / "struck.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == [r[0] for r in ROWS]
    assert chron.events[S.DETAILS].tolist() == [r[2] for r in ROWS]
    assert chron.events[S.AGENCY].tolist() == ["health_visiting", "gp", "police"]
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3, 4]
    assert chron.rejected.empty
    notes = chron.warnings[chron.warnings[S.CODE] == "struck_text"]
    assert len(notes) == 1
    assert "every row of table 1 is struck through in Word" in notes["message"].iloc[0]


def test_word_struck_table_beside_a_table_not_struck_stays_deleted(tmp_path: Path):
    """A document is one chronology: a table struck throughout next to one that is not
    is a withdrawn table, its rows rejected as struck_through, as before."""
    document = docx.Document()
    _word_table(document, ROWS[:1], header_struck=False, struck=False)
    document.add_paragraph("GP")
    _word_table(document, ROWS[1:], header_struck=True, struck=True)
    path = tmp_path / "two.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.events[S.DETAILS].tolist() == [ROWS[0][2]]
    assert chron.rejected[S.REASON_CODE].tolist() == ["struck_through"] * 2
    assert not chron.warnings["message"].str.contains("formatting").any()


def _pdf_table(path: Path, struck: set[int]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    xs = [60.0, 150.0, 230.0, 540.0]
    top, step = 780.0, 22.0
    rows = [HEADER, *ROWS]
    for i in range(len(rows) + 1):
        pdf.line(xs[0], top - i * step, xs[-1], top - i * step)
    for x in xs:
        pdf.line(x, top, x, top - len(rows) * step)
    pdf.setFont("Helvetica", 10)
    pdf.setLineWidth(0.5)
    for i, cells in enumerate(rows):
        y = top - (i + 1) * step + 7
        for x, text in zip(xs, cells, strict=False):
            pdf.drawString(x + 4, y, text)
            if i in struck:
                width = pdf.stringWidth(text, "Helvetica", 10)
                pdf.line(x + 4, y + 3, x + 4 + width, y + 3)
    pdf.save()
    return path


@pytest.mark.parametrize("struck", [{0, 1, 2, 3}, {1, 2, 3}])
def test_pdf_table_struck_throughout_is_read(tmp_path: Path, struck: set[int]):
    """A ruled table printed with every row struck through (header and all, or its rows
    only): had raised MissingColumnError; now read as in Excel, with a struck_text
    warning, and no struck_text warning claiming the text was left out."""
    chron = scr.read(_pdf_table(tmp_path / "struck.pdf", struck))
    assert chron.events[S.DETAILS].tolist() == [r[2] for r in ROWS]
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3, 4]
    assert chron.rejected.empty
    messages = chron.warnings.loc[chron.warnings[S.CODE] == "struck_text", "message"].tolist()
    assert len(messages) == 1 and "read as the table's formatting" in messages[0]


def test_pdf_one_struck_row_is_still_rejected(tmp_path: Path):
    """Only some rows struck: they are deletions (rejected), the others events."""
    chron = scr.read(_pdf_table(tmp_path / "one.pdf", {2}))
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 4]
    assert chron.rejected[S.REASON_CODE].tolist() == ["struck_through"]


def _pdf_unruled(path: Path, struck: set[int]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    xs = [60.0, 150.0, 230.0]
    pdf.setFont("Helvetica", 10)
    pdf.setLineWidth(0.5)
    for i, cells in enumerate([HEADER, *ROWS]):
        y = 760.0 - i * 20
        for x, text in zip(xs, cells, strict=True):
            pdf.drawString(x, y, text)
            if i in struck:
                pdf.line(x, y + 3, x + pdf.stringWidth(text, "Helvetica", 10), y + 3)
    pdf.save()
    return path


@pytest.mark.parametrize("struck", [{0, 1, 2, 3}, {1, 2, 3}])
def test_pdf_unruled_table_struck_throughout_is_read(tmp_path: Path, struck: set[int]):
    """A table without ruling lines printed struck through throughout: had raised
    MissingColumnError (no table, no dated paragraph once the struck text was left
    out); nothing else holding a chronology, it is read with its struck text."""
    chron = scr.read(_pdf_unruled(tmp_path / "plain.pdf", struck))
    assert chron.events[S.DATE_TEXT].tolist() == [r[0] for r in ROWS]
    assert chron.events[S.DETAILS].tolist() == [r[2] for r in ROWS]
    assert chron.rejected.empty
    messages = chron.warnings.loc[chron.warnings[S.CODE] == "struck_text", "message"].tolist()
    assert len(messages) == 1 and "read as the document's formatting" in messages[0]


def test_pdf_unruled_table_one_struck_row_stays_rejected(tmp_path: Path):
    chron = scr.read(_pdf_unruled(tmp_path / "plain.pdf", {2}))
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "15/03/2007"]
    assert chron.rejected[S.REASON_CODE].tolist() == ["struck_through"]


def test_word_narrative_struck_throughout_is_read(tmp_path: Path):
    """A narrative whose every paragraph is struck through had raised
    MissingColumnError; it is now read with its struck text, as formatting."""
    document = docx.Document()
    document.add_heading("Chronology - Child A", 1)
    for text in [
        "12/03/2007 - HV1 visited Child A at home.",
        "14/03/2007 - PC2 attended a domestic incident.",
        "Mother said Child A was asleep.",
    ]:
        document.add_paragraph().add_run(text).font.strike = True
    path = tmp_path / "narrative.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "14/03/2007"]
    assert chron.events[S.DETAILS].tolist() == [
        "HV1 visited Child A at home.",
        "PC2 attended a domestic incident.\nMother said Child A was asleep.",
    ]
    assert chron.rejected.empty
    assert "struck_text" in set(chron.warnings[S.CODE])


def test_word_narrative_one_struck_paragraph_stays_rejected(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph("12/03/2007 - HV1 visited Child A at home.")
    document.add_paragraph().add_run("14/03/2007 - PC2 attended.").font.strike = True
    path = tmp_path / "narrative.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007"]
    assert chron.rejected[S.REASON_CODE].tolist() == ["struck_through"]


def _pdf_pages(path: Path, pages: list[tuple[bool, list[list[str]], set[int]]]) -> Path:
    """Ruled table parts, one per page: (header repeated on the page, rows, struck row
    indices within the page's rows, the header counted as row 0)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    xs = [60.0, 150.0, 230.0, 540.0]
    for with_header, body, struck in pages:
        rows = [HEADER, *body] if with_header else body
        top, step = 780.0, 22.0
        for i in range(len(rows) + 1):
            pdf.line(xs[0], top - i * step, xs[-1], top - i * step)
        for x in xs:
            pdf.line(x, top, x, top - len(rows) * step)
        pdf.setFont("Helvetica", 10)
        pdf.setLineWidth(0.5)
        for i, cells in enumerate(rows):
            y = top - (i + 1) * step + 7
            for x, text in zip(xs, cells, strict=False):
                pdf.drawString(x + 4, y, text)
                if i in struck:
                    width = pdf.stringWidth(text, "Helvetica", 10)
                    pdf.line(x + 4, y + 3, x + 4 + width, y + 3)
        pdf.setLineWidth(1)
        pdf.showPage()
    pdf.save()
    return path


def test_pdf_table_struck_throughout_over_two_pages_with_its_header_repeated(tmp_path: Path):
    """Every row struck on both pages, the header repeated unstruck at the top of the
    second: the table is read as formatting, both pages' rows events."""
    more = [["16/03/2007", "CSC", "SW1 visited."], ["17/03/2007", "GP", "Dr B phoned SW1."]]
    path = _pdf_pages(tmp_path / "two.pdf", [(True, ROWS, {1, 2, 3}), (True, more, {1, 2})])
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == [r[0] for r in [*ROWS, *more]]
    assert chron.rejected.empty


def test_pdf_second_page_row_not_struck_keeps_the_struck_rows_deleted(tmp_path: Path):
    """A row of the next page not struck: the struck rows are deletions."""
    more = [["16/03/2007", "CSC", "SW1 visited."], ["17/03/2007", "GP", "Dr B phoned SW1."]]
    path = _pdf_pages(tmp_path / "two.pdf", [(True, ROWS, {1, 2, 3}), (True, more, {1})])
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == ["17/03/2007"]
    assert chron.rejected[S.REASON_CODE].tolist() == ["struck_through"] * 4


def test_word_table_struck_throughout_after_a_document_control_table(tmp_path: Path):
    """A review's document control table (not struck) is no chronology: the only
    chronology table, struck throughout, is still read as formatting."""
    document = docx.Document()
    control = document.add_table(rows=2, cols=4)
    for r, values in enumerate(
        [["Version", "Date", "Author", "Summary of changes"], ["0.3", "05/06/2008", "TM1", "Draft"]]
    ):
        for cell, value in zip(control.rows[r].cells, values, strict=True):
            cell.text = value
    document.add_heading("Chronology", 1)
    _word_table(document, ROWS, header_struck=True, struck=True)
    path = tmp_path / "review.docx"
    document.save(path)
    chron = scr.read(path)
    assert chron.events[S.DETAILS].tolist() == [r[2] for r in ROWS]
    assert chron.rejected.empty
