"""PDF reader: PDFs written here by reportlab (all data fictional)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.exceptions import (
    ChronologyReadError,
    MissingColumnError,
    MissingDependencyError,
)
from scr_timeline.io.pdf import read_pdf, read_pdf_tables

STYLES = getSampleStyleSheet()
LONG = (
    "Child A seen with Mother. A long note that wraps over several lines of its cell, as "
    "agency notes do when they are pasted into a chronology table; weight and sleep discussed."
)


def build(path: Path, story: Sequence[Any], *, header: str | None = "OFFICIAL - SENSITIVE"):
    """Write a landscape PDF with a running page header and "Page N of M" footers."""

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.setFont("Helvetica", 8)
        if header:
            canvas.drawString(40, doc.pagesize[1] - 25, f"{header} - Child A (fictional)")
        canvas.drawString(doc.pagesize[0] / 2, 20, f"Page {doc.page}")

    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(
        list(story), onFirstPage=decorate, onLaterPages=decorate
    )
    return path


def cell(text: str) -> Paragraph:
    return Paragraph(text, STYLES["BodyText"])


@pytest.fixture
def long_table(tmp_path: Path) -> Path:
    """A 40-row GP table over several pages: header repeated, wrapped cells, merges."""
    rows: list[list[Any]] = [["Date", "Practitioner", "Event/Details", "Outcome"]]
    for i in range(40):
        rows.append([f"{i % 28 + 1:02d}/0{3 + i // 28}/2007", f"GP{i % 3 + 1}", cell(LONG), "None"])
    rows.insert(6, ["Period 2: March - June 2007", "", "", ""])  # table row 7
    rows[9][0] = ""  # table row 10: its date cell is merged with the row above
    rows[-1][0] = "31/06/2007"  # the last row: no such day
    table = Table(rows, colWidths=[80, 80, 420, 150], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("SPAN", (0, 6), (-1, 6)),
                ("SPAN", (0, 8), (0, 9)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [Paragraph("Elm Road Surgery: GP records", STYLES["Heading2"]), table]
    return build(tmp_path / "combined.pdf", story)


def test_multi_page_table(long_table: Path):
    chron = read_pdf(long_table)
    ev, rejected = chron.events, chron.rejected
    assert len(ev) + len(rejected) == 40  # every data row, none of the repeated headers
    assert rejected[S.REASON_CODE].tolist() == ["impossible_date"]
    assert set(ev[S.AGENCY].astype(str)) == {"gp"}  # from the heading above the table
    assert set(ev[S.ORGANISATION]) == {"Elm Road Surgery: GP records"}
    assert (ev[S.DETAILS] == LONG).all()  # wrapped lines joined
    pages = ev[S.SOURCE_SHEET].str.extract(r"page (\d+) table 1")[0].astype(int)
    assert pages.min() == 1 and pages.max() >= 3
    # the page header, footer and page numbers are nowhere in the events
    text = " ".join(ev[S.DETAILS].tolist() + ev[S.OUTCOME].tolist())
    assert "OFFICIAL" not in text and "Page " not in text
    # the merged date cell dates both rows it spans
    first = ev[ev[S.SOURCE_SHEET] == "page 1 table 1"].set_index(S.SOURCE_ROW)
    assert first.loc[9, S.START] == first.loc[10, S.START] == pd.Timestamp("2007-03-07")
    sections = chron.warnings[chron.warnings[S.CODE] == "section_row"]
    assert sections[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [["page 1 table 1", 7]]
    assert scr.read(long_table).meta.sources[0].format == "pdf"


def test_rows_counted_per_page(long_table: Path):
    tables, _paragraphs, _title, _notes = read_pdf_tables(long_table)
    assert len(tables) >= 3
    assert tables[1].follows and tables[1].rows[0][0] == "Date"  # header repeated on page 2
    chron = read_pdf(long_table)
    second = chron.events[chron.events[S.SOURCE_SHEET] == tables[1].sheet]
    assert second[S.SOURCE_ROW].min() == 2  # row 1 is the repeated header


def test_continuation_without_header_and_tables_per_agency(tmp_path: Path):
    grid = [("GRID", (0, 0), (-1, -1), 0.5, "black")]
    police = Table([["Date", "Details"], ["01/05/2012", "DV call-out"]], style=grid)
    more = Table([["02/05/2012", "Arrest"], ["03/05/2012", "Bail"]], style=grid)
    gp = Table([["Date", "Details"], ["04/05/2012", "Mother seen"]], style=grid)
    story = [
        Paragraph("Metropolitan Police", STYLES["Heading2"]),
        police,
        PageBreak(),
        more,
        Paragraph("GP records", STYLES["Heading2"]),
        gp,
    ]
    chron = read_pdf(build(tmp_path / "agencies.pdf", story))
    ev = chron.events
    assert ev[S.AGENCY].astype(str).tolist() == ["police", "police", "police", "gp"]
    assert list(zip(ev[S.SOURCE_SHEET], ev[S.SOURCE_ROW], strict=True)) == [
        ("page 1 table 1", 2),
        ("page 2 table 1", 1),
        ("page 2 table 1", 2),
        ("page 2 table 2", 2),
    ]
    assert "table_continued" in set(chron.warnings[S.CODE])


def test_pdf_without_tables_reads_the_narrative(tmp_path: Path):
    body = STYLES["BodyText"]
    story = [
        Paragraph("Health visiting chronology for Child A", STYLES["Title"]),
        Paragraph("On 14 July 1999 HV1 visited Child A at home. " + LONG, body),
        Paragraph("Mother said she was coping.", body),
        PageBreak(),
        Paragraph("14.7.99 - HV2 telephoned Mother.", body),
        Paragraph("Late July 1999: HV1 saw Child A at clinic.", body),
    ]
    chron = read_pdf(build(tmp_path / "narrative.pdf", story))
    ev = chron.events
    assert ev[S.DATE_TEXT].tolist() == ["14 July 1999", "14.7.99", "Late July 1999"]
    assert set(ev[S.AGENCY].astype(str)) == {"health_visiting"}
    assert ev[S.PRACTITIONER].tolist() == ["HV1", "HV2", "HV1"]
    assert list(zip(ev[S.SOURCE_SHEET], ev[S.SOURCE_ROW], strict=True)) == [
        ("page 1", 2),
        ("page 2", 1),
        ("page 2", 2),
    ]
    assert ev[S.DETAILS].iloc[0].endswith("Mother said she was coping.")
    assert "OFFICIAL" not in " ".join(ev[S.DETAILS])
    assert chron.meta.title == "Health visiting chronology for Child A"


def test_scanned_pdf_says_ocr_is_needed(tmp_path: Path):
    from PIL import Image
    from reportlab.pdfgen import canvas

    image = tmp_path / "scan.png"
    Image.new("RGB", (200, 100), "white").save(image)
    path = tmp_path / "scanned.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.drawImage(str(image), 50, 500, width=400, height=200)
    page.showPage()
    page.save()
    with pytest.raises(ChronologyReadError, match=r"scanned\.pdf.*no text layer.*OCR"):
        read_pdf(path)


def test_pdf_with_no_chronology(tmp_path: Path):
    story = [Paragraph("Terms of reference for the review panel.", STYLES["BodyText"])]
    with pytest.raises(MissingColumnError, match=r"no table.*no paragraph starts with a date"):
        read_pdf(build(tmp_path / "tor.pdf", story))


def test_corrupt_pdf(tmp_path: Path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not a PDF body")
    with pytest.raises(ChronologyReadError, match=r"broken\.pdf"):
        read_pdf(path)


def test_missing_dependency_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import sys

    monkeypatch.setitem(sys.modules, "pdfplumber", None)
    with pytest.raises(MissingDependencyError, match=r"scr-timeline\[pdf\]"):
        read_pdf(tmp_path / "x.pdf")
