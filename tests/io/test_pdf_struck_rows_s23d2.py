"""PDF chronologies, s23 struck rows (fictional, drawn here with reportlab): a table row
or a dated paragraph struck through throughout (an entry deleted but left visible, as
Word prints it "showing markup") is a rejected row, as in Excel: nothing is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

ROWS = [
    ("12/03/2007", "HV", "HV1 visited Child A at home."),
    ("13/03/2007", "GP", "Entered in error - wrong child"),
    ("14/03/2007", "GP", "Dr B saw Child A."),
    ("15/03/2007", "Police", "PC2 attended."),
]


def _ruled_table(
    path: Path, struck: set[int], *, words: int | None = None, blacked: int | None = None
) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    xs = [60.0, 150.0, 230.0, 540.0]
    top, step = 780.0, 22.0
    rows = [("Date", "Agency", "Details"), *ROWS]
    pdf.setLineWidth(0.8)
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
            if i in struck or (i == words and x == xs[2]):
                width = pdf.stringWidth(text, "Helvetica", 10)
                pdf.line(x + 4, y + 3, x + 4 + width, y + 3)
    if blacked is not None:  # a black box over the row's text
        pdf.setFillColorRGB(0, 0, 0)
        y = top - (blacked + 1) * step
        pdf.rect(xs[0] + 2, y + 3, xs[-1] - xs[0] - 4, step - 6, stroke=0, fill=1)
    pdf.save()
    return path


def test_pdf_table_row_struck_through_throughout_is_a_rejected_row(tmp_path: Path):
    """A ruled table's row struck through in every cell (deleted text printed showing
    markup) had vanished with only a struck_text warning for the page: now it is a
    rejected row struck_through, keeping its date text and details, with its page table
    and row; the warning no longer counts that page when nothing else on it is struck."""
    chron = scr.read(_ruled_table(tmp_path / "struck.pdf", {2}))
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 4, 5]
    rej = chron.rejected
    assert len(chron.events) + len(rej) == len(ROWS)
    assert rej[[S.SOURCE_FILE, S.SOURCE_SHEET, S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [
        ["struck.pdf", "page 1 table 1", 3, "struck_through"]
    ]
    assert rej[S.DATE_TEXT].tolist() == ["13/03/2007"]
    assert rej[S.DETAILS].tolist() == ["Entered in error - wrong child"]
    assert rej[S.REASON].iloc[0].startswith("every cell of the row is struck through in the PDF")
    assert "struck_text" not in set(chron.warnings[S.CODE])


def test_pdf_words_struck_in_a_row_stay_a_warning(tmp_path: Path):
    """Words struck in one cell of a row: the row is an event without them, and the page
    is in the struck_text warning."""
    chron = scr.read(_ruled_table(tmp_path / "words.pdf", {2}, words=4))
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 4, 5]
    assert "PC2" not in str(chron.events[S.DETAILS].iloc[-1])
    assert chron.rejected[S.SOURCE_ROW].tolist() == [3]
    assert (chron.warnings[S.CODE] == "struck_text").sum() == 1


def _narrative(path: Path, *, blacked: bool = False) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10)
    pdf.setLineWidth(0.5)
    lines = [
        ("12/03/2007 - HV1 visited Child A at home.", False),
        ("13/03/2007 - GP: Dr B saw Child A. Entered in error.", True),
        ("14/03/2007 - PC2 attended.", False),
        ("15/03/2007 - SW1 visited.", False),
    ]
    y = 780.0
    for text, struck in lines:
        pdf.drawString(72, y, text)
        if struck and blacked:
            pdf.rect(70, y - 3, pdf.stringWidth(text, "Helvetica", 10) + 4, 14, stroke=0, fill=1)
        elif struck:
            pdf.line(72, y + 3, 72 + pdf.stringWidth(text, "Helvetica", 10), y + 3)
        y -= 24
    pdf.save()
    return path


def test_pdf_dated_paragraph_struck_through_is_a_rejected_row(tmp_path: Path):
    """A narrative's dated paragraph struck through throughout had vanished (a struck_text
    warning for the page only): now it is a rejected row struck_through with its date
    text and text, numbered on the page as a reader counts it; the page leaves the
    warning when nothing else on it is struck."""
    chron = scr.read(_narrative(tmp_path / "narrative.pdf"))
    assert chron.events[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [
        ["page 1", 1],
        ["page 1", 3],
        ["page 1", 4],
    ]
    rej = chron.rejected
    assert len(chron.events) + len(rej) == 4
    assert rej[[S.SOURCE_SHEET, S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [
        ["page 1", 2, "struck_through"]
    ]
    assert rej[S.DATE_TEXT].tolist() == ["13/03/2007"]
    assert rej[S.DETAILS].tolist() == ["GP: Dr B saw Child A. Entered in error."]
    assert "struck_text" not in set(chron.warnings[S.CODE])


def test_pdf_table_row_under_a_black_box_is_rejected_without_its_text(tmp_path: Path):
    """A ruled table's row wholly under a black box (a redaction) had vanished with a
    redacted_text warning only: now it is a rejected row `redacted`, its text not
    repeated, and the page leaves the warning."""
    chron = scr.read(_ruled_table(tmp_path / "boxed.pdf", set(), blacked=3))
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3, 5]
    rej = chron.rejected
    assert len(chron.events) + len(rej) == len(ROWS)
    assert rej[[S.SOURCE_SHEET, S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [
        ["page 1 table 1", 4, "redacted"]
    ]
    assert rej[S.DATE_TEXT].isna().all() and rej[S.DETAILS].isna().all()
    assert "Dr B" not in " ".join(map(str, rej.to_numpy().ravel()))
    assert "redacted_text" not in set(chron.warnings[S.CODE])


def test_pdf_dated_paragraph_under_a_black_box_is_rejected_without_its_text(tmp_path: Path):
    """A narrative's dated paragraph wholly under a black box: a rejected row `redacted`
    numbered where it stands, its text not repeated."""
    chron = scr.read(_narrative(tmp_path / "boxed.pdf", blacked=True))
    assert chron.events[S.SOURCE_ROW].tolist() == [1, 3, 4]
    rej = chron.rejected
    assert rej[[S.SOURCE_SHEET, S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [
        ["page 1", 2, "redacted"]
    ]
    assert rej[S.DATE_TEXT].isna().all() and rej[S.DETAILS].isna().all()
    assert "redacted_text" not in set(chron.warnings[S.CODE])


def test_pdf_unruled_table_row_struck_through_is_a_rejected_row(tmp_path: Path):
    """A table without ruling lines (read by its columns), one row struck through
    throughout: the row had vanished (the rows after it renumbered); now it is a rejected
    row struck_through in its place, with its date text and details."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "unruled.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10)
    pdf.setLineWidth(0.5)
    xs = [60.0, 150.0, 230.0]
    y = 780.0
    for i, cells in enumerate([("Date", "Agency", "Details"), *ROWS]):
        for x, text in zip(xs, cells, strict=True):
            pdf.drawString(x, y, text)
            if i == 2:
                pdf.line(x, y + 3, x + pdf.stringWidth(text, "Helvetica", 10), y + 3)
        y -= 18
    pdf.save()
    chron = scr.read(path)
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 4, 5]
    rej = chron.rejected
    assert len(chron.events) + len(rej) == len(ROWS)
    assert rej[[S.SOURCE_SHEET, S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [
        ["page 1 table 1", 3, "struck_through"]
    ]
    assert rej[S.DATE_TEXT].tolist() == ["13/03/2007"]
    assert rej[S.DETAILS].tolist() == ["Entered in error - wrong child"]
    assert "struck_text" not in set(chron.warnings[S.CODE])
