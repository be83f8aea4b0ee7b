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
    EmptyChronologyError,
    MissingColumnError,
    MissingDependencyError,
)
from scr_timeline.io.document import DocumentTable, parse_document_tables
from scr_timeline.io.pdf import read_pdf, read_pdf_tables
from scr_timeline.testing import assert_chronology_accounts_for

from ..conftest import CHROMIUM, run_chromium

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


def read_narrative(path: Path, *paragraphs: tuple[str, str]) -> Any:
    """Read a PDF of (style name, text) paragraphs, built with :func:`build`."""
    return read_pdf(build(path, [Paragraph(text, STYLES[style]) for style, text in paragraphs]))


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


def test_summary_of_key_dates_is_not_read_again(tmp_path: Path):
    """A 'Key dates' table after the chronology: its rows on days the chronology has
    events on are rejected as summary_duplicate, not read twice."""
    grid = [("GRID", (0, 0), (-1, -1), 0.5, "black")]
    chronology = Table(
        [
            ["Date", "Agency", "Details"],
            ["12/03/2007", "GP", "Child A seen by GP1, bruise to the cheek"],
            ["14/03/2007", "CSC", "Strategy discussion with police"],
        ],
        style=grid,
    )
    key = Table(
        [["Date", "Key event"], ["12/03/2007", "Bruise seen by GP"], ["14/03/2007", "Strategy"]],
        style=grid,
    )
    story = [
        Paragraph("Combined chronology", STYLES["Heading2"]),
        chronology,
        PageBreak(),
        Paragraph("Key dates", STYLES["Heading2"]),
        key,
    ]
    chron = read_pdf(build(tmp_path / "review.pdf", story))
    assert chron.events[S.SOURCE_SHEET].tolist() == ["page 1 table 1"] * 2
    assert chron.rejected[S.REASON_CODE].tolist() == ["summary_duplicate"] * 2
    assert chron.rejected[S.SOURCE_SHEET].tolist() == ["page 2 table 1"] * 2
    assert_chronology_accounts_for(chron, 4)


def test_year_rows_give_their_year_to_dates_without_one(tmp_path: Path):
    """A year row spanning the table ("2007") over dates written without their year:
    they take its year (they were rejected as missing_year) and it is no event."""
    style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("SPAN", (0, 1), (-1, 1))]
    style.append(("SPAN", (0, 4), (-1, 4)))
    table = Table(
        [
            ["Date", "Agency", "Details"],
            ["2007", "", ""],
            ["12 March", "GP", "Child A seen by GP1 with a bruise"],
            ["14 March", "CSC", "Strategy discussion"],
            ["2008", "", ""],
            ["3 January", "Police", "Domestic incident"],
        ],
        style=style,
    )
    chron = read_pdf(build(tmp_path / "combined.pdf", [table]))
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "12/03/2007",
        "14/03/2007",
        "03/01/2008",
    ]
    assert chron.rejected.empty
    sections = chron.warnings[chron.warnings[S.CODE] == "section_row"]
    assert sections[S.SOURCE_ROW].tolist() == [2, 5]


def broken_row_story(**table_options: Any) -> tuple[list[Any], str]:
    """A GP table whose 9th row is too tall for what is left of page 1: it breaks across
    the page. Returns the story and that row's whole text."""
    whole = " ".join([LONG] * 12) + " Bruise to the left cheek noted at the end."
    rows: list[list[Any]] = [["Date", "Agency", "Event/Details", "Outcome"]]
    for i in range(14):
        rows.append([f"{i + 1:02d}/03/2007", "GP", cell(whole if i == 8 else LONG), "Advice."])
    table = Table(rows, colWidths=[80, 80, 420, 150], splitInRow=1, **table_options)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return [Paragraph("GP records", STYLES["Heading2"]), table], whole


def test_row_broken_across_pages_is_one_event(tmp_path: Path):
    story, whole = broken_row_story()
    chron = read_pdf(build(tmp_path / "broken.pdf", story))
    ev = chron.events
    assert len(ev) == 14 and chron.rejected.empty
    broken = ev[ev[S.START] == pd.Timestamp("2007-03-09")]
    assert broken[S.DETAILS].tolist() == [whole]  # both halves, in order
    assert broken[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [["page 1 table 1", 10]]
    joined = chron.warnings[chron.warnings[S.CODE] == "row_continued"]
    assert joined[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [["page 2 table 1", 1]]
    assert "page 1 table 1 row 10" in joined[S.MESSAGE].iloc[0]
    assert bool(broken[S.INJURY].iloc[0])  # the bruise is in the half on page 2


def test_undated_row_with_an_agency_on_the_next_page_is_not_joined():
    """A row at the top of the next page that names its agency is a row of its own (an
    undated event: rejected for the reviewer to date), not the end of the row above."""
    first = DocumentTable(
        "page 1 table 1", [["Date", "Agency", "Details"], ["01/03/2007", "GP", "Seen"]]
    )
    more = DocumentTable("page 2 table 1", [["", "Police", "Call-out"]], follows=True)
    chron, notes, _ = parse_document_tables([first, more], source="x.pdf", fmt="pdf")
    assert chron is not None
    assert chron.events[S.DETAILS].tolist() == ["Seen"]
    assert chron.rejected[[S.SOURCE_SHEET, S.REASON_CODE]].values.tolist() == [
        ["page 2 table 1", "empty_date"]
    ]
    assert "row_continued" not in {n["code"] for n in notes}


def test_broken_row_under_a_repeated_header_is_joined():
    first = DocumentTable(
        "page 1 table 1",
        [["Date", "Agency", "Details", "Outcome"], ["01/03/2007", "GP", "Child A seen with", None]],
    )
    more = DocumentTable(
        "page 2 table 1",
        [
            ["Date", "Agency", "Details", "Outcome"],
            [None, None, "Mother.", "Advice."],
            ["02/03/2007", "GP", "Weighed", None],
        ],
        follows=True,
    )
    chron, notes, _ = parse_document_tables([first, more], source="x.pdf", fmt="pdf")
    assert chron is not None and chron.rejected.empty
    assert chron.events[S.DETAILS].tolist() == ["Child A seen with Mother.", "Weighed"]
    assert chron.events[S.OUTCOME].iloc[0] == "Advice."

    joined = [(n["code"], n[S.SOURCE_ROW]) for n in notes if n["code"] == "row_continued"]
    assert joined == [("row_continued", 2)]
    # one warning for the document: 01/03/2007 and 02/03/2007 cannot show the order
    assert [n["code"] for n in notes].count("ambiguous_day_month") == 1
    assert "ambiguous_day_month" not in set(chron.warnings[S.CODE])


def test_day_or_month_first_is_decided_for_the_whole_document():
    """Page 1 cannot show the order (03/04/2007); page 2 shows month first (04/13/2007):
    page 1 is read month first too, with one warning for the document."""
    first = DocumentTable("page 1 table 1", [["Date", "Details"], ["03/04/2007", "Seen"]])
    more = DocumentTable("page 2 table 1", [["04/13/2007", "Weighed"]], follows=True)
    chron, notes, _ = parse_document_tables([first, more], source="x.pdf", fmt="pdf")
    assert chron is not None
    assert chron.events[S.START].tolist() == [
        pd.Timestamp("2007-03-04"),
        pd.Timestamp("2007-04-13"),
    ]
    assert [n["code"] for n in notes if n["code"] in ("month_first", "ambiguous_day_month")] == [
        "month_first"
    ]
    alone, notes, _ = parse_document_tables([first], source="x.pdf", fmt="pdf")
    assert alone is not None and alone.events[S.START].tolist() == [pd.Timestamp("2007-04-03")]


def test_dates_at_the_top_of_a_page_count_from_the_page_before():
    """A year-less or relative date in the first row of a page's table takes the last
    date of the table on the page before (the same table, carried on)."""
    first = DocumentTable("page 1 table 1", [["Date", "Details"], ["10/03/2007", "Seen"]])
    more = DocumentTable(
        "page 2 table 1", [["Monday 12 March", "Visit"], ["the next day", "Call"]], follows=True
    )
    chron, _, _ = parse_document_tables(
        [first, more], source="x.pdf", fmt="pdf", anchor_relative=True
    )
    assert chron is not None and chron.rejected.empty
    assert chron.events[S.START].tolist() == [
        pd.Timestamp("2007-03-10"),
        pd.Timestamp("2007-03-12"),
        pd.Timestamp("2007-03-13"),
    ]
    inferred = chron.warnings[chron.warnings[S.CODE] == "year_inferred"]
    assert "in the year of page 1 table 1 row 2 ('10/03/2007') above" in inferred[S.MESSAGE].iloc[0]
    # a table of its own (not carried on) has no row above its first
    alone = DocumentTable("page 2 table 1", [["Date", "Details"], ["Monday 12 March", "Visit"]])
    chron, _, _ = parse_document_tables([first, alone], source="x.pdf", fmt="pdf")
    assert chron is not None
    assert chron.rejected[S.REASON_CODE].tolist() == ["missing_year"]


def print_html(pdf: Path, style: str, body: str) -> Path:
    """Print a page of HTML (its style sheet and body) to ``pdf`` with Chromium."""
    html = pdf.with_suffix(".html")
    html.write_text(
        f"<html><head><style>{style}</style></head><body>{body}</body></html>", encoding="utf-8"
    )
    done = run_chromium("--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    return pdf


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_row_cut_by_the_page_without_a_border(tmp_path: Path):
    """Chromium prints a table row broken across pages with no border at the cut (and the
    header repeated on the next page): the row's first half is still read, and joined."""
    whole = " ".join([LONG] * 14) + " Bruise to the left cheek noted at the end."
    body = "".join(
        f"<tr><td>{i + 1:02d}/03/2007</td><td>GP</td><td>{whole if i == 8 else LONG}</td>"
        "<td>Advice.</td></tr>"
        for i in range(14)
    )
    chron = read_pdf(
        print_html(
            tmp_path / "printed.pdf",
            "table{border-collapse:collapse;width:100%} td,th{border:1px solid black;"
            "vertical-align:top;padding:3px;font:11pt Arial}",
            "<h2>GP records</h2><table><thead><tr><th>Date</th><th>Agency</th><th>Event/Details"
            f"</th><th>Outcome</th></tr></thead><tbody>{body}</tbody></table>",
        )
    )
    ev = chron.events
    assert len(ev) == 14 and chron.rejected.empty
    assert ev.loc[ev[S.START] == pd.Timestamp("2007-03-09"), S.DETAILS].tolist() == [whole]
    assert "row_continued" in set(chron.warnings[S.CODE])


def unruled_story(*, repeat_header: bool) -> tuple[list[Any], str]:
    """A 30-row multi-agency table printed without ruling lines (as Excel prints without
    gridlines), headings centred; row 12 is long enough to break across the page."""
    whole = " ".join([LONG] * 10) + " Bruise to the left cheek."
    agencies = ["Police", "GP", "Health Visiting", "CSC"]
    rows: list[list[Any]] = [["Date", "Agency", "Practitioner", "Event/Details", "Outcome"]]
    for i in range(30):
        text = whole if i == 10 else LONG if i % 3 else "Home visit."
        rows.append(
            [
                f"{i % 28 + 1:02d}/03/2007",
                agencies[i % 4],
                f"SW{i % 3 + 1}",
                cell(text),
                cell("Advice given." if i % 2 else "NFA"),
            ]
        )
    table = Table(
        rows,
        colWidths=[70, 90, 70, 400, 120],
        splitInRow=0 if repeat_header else 1,
        repeatRows=1 if repeat_header else 0,
    )
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, 0), "CENTER")])
    )
    return [Paragraph("Multi-agency chronology: Child A", STYLES["Heading2"]), table], whole


@pytest.mark.parametrize("repeat_header", [False, True])
def test_table_without_ruling_lines_is_read_by_its_columns(tmp_path: Path, repeat_header: bool):
    story, whole = unruled_story(repeat_header=repeat_header)
    chron = read_pdf(build(tmp_path / "printed-from-excel.pdf", story))
    ev = chron.events.sort_values([S.SOURCE_SHEET, S.SOURCE_ROW])
    assert len(ev) == 30 and chron.rejected.empty
    agencies = ["police", "gp", "health_visiting", "csc"]
    assert ev[S.AGENCY].astype(str).tolist() == [agencies[i % 4] for i in range(30)]
    assert ev[S.PRACTITIONER].tolist() == [f"SW{i % 3 + 1}" for i in range(30)]
    details = [whole if i == 10 else LONG if i % 3 else "Home visit." for i in range(30)]
    assert ev[S.DETAILS].tolist() == details  # wrapped lines joined, no column bleeding in
    assert ev[S.OUTCOME].tolist() == ["Advice given." if i % 2 else "NFA" for i in range(30)]
    assert ev[S.SOURCE_SHEET].iloc[0] == "page 1 table 1" and ev[S.SOURCE_ROW].iloc[0] == 2
    codes = set(chron.warnings[S.CODE])
    assert "table_without_rules" in codes
    assert ("row_continued" in codes) is not repeat_header  # row 12 broken by the page


def test_heading_line_over_running_text_is_not_a_table(tmp_path: Path):
    """ "Date" and "Details" set apart on a line, then paragraphs running across: no blank
    space runs down between the headings, so the page is read as a narrative."""
    body = STYLES["BodyText"]
    story = [
        Table([["Date", "Details"]], colWidths=[100, 300]),
        Paragraph("The family moved to the area in 2011 and registered with the GP.", body),
        Paragraph("Mother had two older children who lived with their father.", body),
        Paragraph("14 July 2012: the health visitor (HV1) saw Child A at home.", body),
        Paragraph("Nothing further was recorded by any agency that summer.", body),
    ]
    chron = read_pdf(build(tmp_path / "narrative.pdf", story))
    assert "table_without_rules" not in set(chron.warnings[S.CODE])
    assert "narrative_read" in set(chron.warnings[S.CODE])
    assert chron.events[S.DETAILS].tolist() == [
        "the health visitor (HV1) saw Child A at home.\nNothing further was recorded by any "
        "agency that summer."
    ]


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


def test_pdf_narrative_with_dates_in_larger_print(tmp_path: Path):
    """Each entry's date set as a heading (larger print) above its paragraphs: the date
    heads the entry, which was the preamble (the first) or glued to the entry above."""
    chron = read_narrative(
        tmp_path / "narrative.pdf",
        ("Title", "Health visiting chronology for Child A"),
        ("Heading3", "12 March 2007"),
        ("BodyText", "HV1 visited. Child A seen with a bruise to the cheek."),
        ("Heading3", "14/03/2007"),
        ("BodyText", "HV2 telephoned Mother."),
    )
    ev = chron.events
    assert ev[S.DATE_TEXT].tolist() == ["12 March 2007", "14/03/2007"]
    assert ev[S.DETAILS].tolist() == [
        "HV1 visited. Child A seen with a bruise to the cheek.",
        "HV2 telephoned Mother.",
    ]
    assert ev[S.SOURCE_ROW].tolist() == [2, 4]


def test_narrative_set_in_two_columns_is_read_column_by_column(tmp_path: Path):
    """A review's narrative chronology set in two columns (under a title across both):
    each column's lines are read in turn (a line of the page ran across both columns, one
    entry's words mixed with another's), an entry running on from the foot of the left
    column to the top of the right one is one entry, and the running header and footer
    are still no text."""
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    width, height = A4
    half = (width - 100) / 2
    frames = [
        Frame(40, height - 110, width - 80, 50, id="title"),
        Frame(40, 40, half, height - 160, id="left"),
        Frame(60 + half, 40, half, height - 160, id="right"),
    ]

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(40, height - 25, "OFFICIAL-SENSITIVE - Child A (fictional)")
        canvas.drawString(width / 2, 20, f"Page {doc.page} of 1")

    path = tmp_path / "review.pdf"
    document = BaseDocTemplate(str(path), pagesize=A4)
    document.addPageTemplates([PageTemplate(frames=frames, onPage=decorate)])
    story: list[Any] = [Paragraph("Chronology of events across agencies", STYLES["Heading2"])]
    story += [
        Paragraph(
            f"{day:02d}/03/2007 - HV{day % 3 + 1} visited Child A at home; Mother and Child A "
            f"were seen and advice was given about sleep and safety (entry {day}).",
            STYLES["BodyText"],
        )
        for day in range(1, 29)
    ]
    document.build(story)
    chron = read_pdf(path)
    ev = chron.events
    assert ev[S.DATE_TEXT].tolist() == [f"{day:02d}/03/2007" for day in range(1, 29)]
    assert all(
        text.endswith(f"(entry {day}).") and "/03/2007" not in text
        for day, text in zip(range(1, 29), ev[S.DETAILS], strict=True)
    )
    assert ev[S.PRACTITIONER].tolist() == [f"HV{day % 3 + 1}" for day in range(1, 29)]
    assert chron.meta.title is None or "OFFICIAL" not in chron.meta.title
    assert not any("OFFICIAL" in text or "Page" in text for text in ev[S.DETAILS])


def test_rows_of_a_table_without_rules_or_header_are_not_read_as_two_columns(tmp_path: Path):
    """Date and agency on the left, details on the right, no header and no rules: a page
    of rows (each line one entry), not running text set in two columns."""
    rows = [
        [f"{day:02d}/03/2007", ("GP", "Health Visiting", "Police")[day % 3], f"Entry {day} seen."]
        for day in range(1, 15)
    ]
    table = Table(rows, colWidths=[80, 150, 300])
    chron = read_pdf(build(tmp_path / "contacts.pdf", [table]))
    assert chron.events[S.DETAILS].str.endswith("seen.").all()
    assert len(chron.events) == 14


def test_narrative_with_agency_subheadings_in_bold(tmp_path: Path):
    """Agency subheadings in bold, in the body's print size, over runs of dated entries:
    they give the agency of the entries under them (the police entry was health visiting,
    with "Police" added to the entry above)."""
    chron = read_narrative(
        tmp_path / "combined.pdf",
        ("Title", "Combined chronology (fictional)"),
        ("BodyText", "<b>Health Visiting</b>"),
        ("BodyText", "12/03/2007 - HV1 visited. Child A seen."),
        ("BodyText", "<b>Police</b>"),
        ("BodyText", "20/03/2007 - Domestic incident at the home."),
    )
    ev = chron.events
    assert ev[S.AGENCY].astype(str).tolist() == ["health_visiting", "police"]
    assert ev[S.DETAILS].tolist() == [
        "HV1 visited. Child A seen.",
        "Domestic incident at the home.",
    ]


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


def test_column_rules_only_with_the_date_in_the_second_column(tmp_path: Path):
    """A table drawn with column rules and no row rules, its columns "Agency | Date |
    Event | Outcome" (the date not first), over two pages with the header repeated and
    "OFFICIAL-SENSITIVE" banners above and below each page: one event per row, and no
    banner or page number in any event."""
    note = "Child A seen with Mother; a long note about the visit that wraps in its cell. " * 2
    agencies = ["Police", "GP", "CSC"]
    data: list[list[Any]] = [["Agency", "Date", "Event / contact", "Action / outcome"]]
    for day in range(1, 25):
        data.append(
            [agencies[day % 3], f"{day:02d}/03/2007", cell(f"Contact {day}: {note}"), "Advice"]
        )
    table = Table(
        data,
        repeatRows=1,
        colWidths=[70, 70, 400, 150],
        style=[
            ("LINEBEFORE", (0, 0), (-1, -1), 0.5, "black"),
            ("BOX", (0, 0), (-1, -1), 0.5, "black"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ],
    )

    def banners(canvas: Any, doc: Any) -> None:
        canvas.setFont("Helvetica-Bold", 9)
        canvas.drawCentredString(doc.pagesize[0] / 2, doc.pagesize[1] - 25, "OFFICIAL-SENSITIVE")
        canvas.drawCentredString(doc.pagesize[0] / 2, 30, "OFFICIAL-SENSITIVE")
        canvas.drawString(doc.pagesize[0] - 120, 18, f"Page {doc.page} of 2")

    path = tmp_path / "combined.pdf"
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(
        [Paragraph("Multi-agency chronology", STYLES["Heading2"]), table],
        onFirstPage=banners,
        onLaterPages=banners,
    )
    chron = read_pdf(path)
    ev = chron.events
    assert len(ev) == 24 and chron.rejected.empty
    assert ev[S.AGENCY].astype(str).tolist() == [
        ["police", "gp", "csc"][day % 3] for day in range(1, 25)
    ]
    assert ev[S.DETAILS].tolist() == [f"Contact {day}: {note}".strip() for day in range(1, 25)]
    assert set(ev[S.OUTCOME]) == {"Advice"}
    text = " ".join(ev[S.DETAILS].tolist() + ev[S.OUTCOME].tolist() + ev[S.DATE_TEXT].tolist())
    assert "OFFICIAL" not in text and "Page" not in text


def test_entry_typed_over_several_rows_of_a_ruled_table_is_joined(tmp_path: Path):
    """A Word chronology printed to PDF whose author typed each paragraph of an entry as a
    row of its own: the undated rows with only narrative text join the dated row above."""
    rows: list[list[Any]] = [
        ["Date", "Agency", "Event/Details", "Outcome"],
        ["12/03/2007", "Health Visiting", "Home visit. Child A seen with Mother.", "Advice"],
        ["", "", "Bruise to the left cheek noted; Mother said he fell.", ""],
        ["", "", "HV1 to discuss with the GP.", ""],
        ["14/03/2007", "GP", "Telephone call from HV1.", ""],
        ["", "Police", "Call-out to the home.", ""],  # names its agency: a row of its own
    ]
    table = Table(rows, colWidths=[80, 110, 380, 120])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    chron = read_pdf(build(tmp_path / "hv.pdf", [table]))
    ev = chron.events
    assert ev[S.DETAILS].tolist() == [
        "Home visit. Child A seen with Mother.\nBruise to the left cheek noted; Mother said "
        "he fell.\nHV1 to discuss with the GP.",
        "Telephone call from HV1.",
    ]
    assert bool(ev[S.INJURY].iloc[0])
    joined = chron.warnings[chron.warnings[S.CODE] == "row_continued"]
    assert joined[S.SOURCE_ROW].tolist() == [3, 4]
    assert chron.rejected[[S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [[6, "empty_date"]]
    assert_chronology_accounts_for(chron, 5)


def test_continuation_rows_at_the_top_of_the_next_page_are_all_joined():
    first = DocumentTable(
        "page 1 table 1",
        [
            ["Date", "Agency", "Details", "Outcome"],
            ["01/03/2007", "GP", "Child A seen with", "Advice"],
        ],
    )
    more = DocumentTable(
        "page 2 table 1",
        [
            [None, None, "Mother.", "given."],
            [None, None, "Bruise to the arm noted.", None],
            [None, None, "GP1 to refer.", "Referral."],  # beside two of the row's cells
            ["02/03/2007", "GP", "Weighed", None],
        ],
        follows=True,
    )
    chron, notes, _ = parse_document_tables([first, more], source="x.pdf", fmt="pdf")
    assert chron is not None
    assert chron.events[S.DETAILS].tolist() == [
        "Child A seen with Mother.\nBruise to the arm noted.",
        "Weighed",
    ]
    assert chron.events[S.OUTCOME].iloc[0] == "Advice given."
    assert chron.rejected[[S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [[3, "empty_date"]]
    assert [n[S.SOURCE_ROW] for n in notes if n["code"] == "row_continued"] == [1, 2]


def test_a_page_holding_only_the_end_of_a_row_is_not_reported_skipped():
    first = DocumentTable(
        "page 1 table 1", [["Date", "Details"], ["01/03/2007", "Child A seen with"]]
    )
    more = DocumentTable("page 2 table 1", [[None, "Mother."]], follows=True)
    chron, notes, _ = parse_document_tables([first, more], source="x.pdf", fmt="pdf")
    assert chron is not None
    assert chron.events[S.DETAILS].tolist() == ["Child A seen with Mother."]
    assert [n["code"] for n in notes if n[S.SOURCE_SHEET] == "page 2 table 1"] == [
        "table_continued",
        "row_continued",
    ]


PANEL = (
    "The panel found that the bruise seen on 08/03/2007 should have been referred to "
    "children's social care under the bruising protocol, and that the GP was not told. "
)


@pytest.mark.parametrize(
    ("heading", "n"),
    [(True, 6), (False, 6), (True, 22), (False, 22)],  # 22 rows: the prose is on page 2
)
def test_prose_after_a_table_without_ruling_lines_ends_it(tmp_path: Path, heading: bool, n: int):
    """A published review: the chronology printed without ruling lines, then the analysis
    (a heading and paragraphs, or paragraphs only) on the same page (under the table's
    header, or on the next page of a table whose header is not repeated). The prose
    running across the columns is not the table's (nor does it hide the table's columns),
    and it is not added to the last event."""
    agencies = ["Health Visiting", "Police", "GP", "Children's Social Care"]
    rows: list[list[Any]] = [["Date", "Agency", "Event", "Outcome / Action"]]
    for i in range(n):
        text = LONG if i % 3 else "Home visit."
        rows.append([f"{i + 1:02d}/03/2007", agencies[i % 4], cell(text), "NFA"])
    table = Table(rows, colWidths=[75, 110, 420, 140])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    after = [Paragraph("3. Analysis", STYLES["Heading1"])] if heading else []
    after += [Paragraph(PANEL * 2, STYLES["BodyText"]) for _ in range(3)]
    story = [Paragraph("2. Chronology", STYLES["Heading1"]), table, *after]
    chron = read_pdf(build(tmp_path / "review.pdf", story))
    ev = chron.events
    codes = ["health_visiting", "police", "gp", "csc"]
    assert ev[S.AGENCY].astype(str).tolist() == [codes[i % 4] for i in range(n)]
    assert ev[S.DETAILS].tolist() == [LONG if i % 3 else "Home visit." for i in range(n)]
    assert ev[S.OUTCOME].tolist() == ["NFA"] * n
    assert chron.rejected.empty
    assert "table_without_rules" in set(chron.warnings[S.CODE])


@pytest.mark.parametrize("align", ["TOP", "BOTTOM"])
def test_header_of_a_table_without_ruling_lines_wrapped_over_lines(tmp_path: Path, align: str):
    """Narrow columns wrap their headings ("Date and time" / "of contact"); set at the
    top of the header row or at its bottom (the long heading then starts a line above the
    others). The wrapped lines are the header, not a row; the time under the date joins it."""
    header = [
        cell("<b>Date and time of contact</b>"),
        cell("<b>Agency</b>"),
        cell("<b>Event</b>"),
        cell("<b>Outcome / Action taken by the agency</b>"),
    ]
    agencies = ["Health Visiting", "Police", "GP", "Children's Social Care"]
    rows: list[list[Any]] = [header]
    for i in range(8):
        date = cell(f"{i + 1:02d}/03/2007<br/>14:30")
        rows.append([date, agencies[i % 4], cell(LONG if i % 3 else "Home visit."), "NFA"])
    table = Table(rows, colWidths=[75, 110, 420, 140])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("VALIGN", (0, 0), (-1, 0), align)])
    )
    chron = read_pdf(build(tmp_path / "review.pdf", [table]))
    assert chron.rejected.empty
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist() == [
        f"{i + 1:02d}/03/2007 14:30" for i in range(8)
    ]
    assert ev[S.AGENCY].astype(str).tolist()[:2] == ["health_visiting", "police"]
    assert ev[S.OUTCOME].tolist() == ["NFA"] * 8
    assert ev[S.SOURCE_ROW].tolist() == list(range(2, 10))
    tables, _paragraphs, _title, _notes = read_pdf_tables(tmp_path / "review.pdf")
    assert tables[0].rows[0] == [
        "Date and time of contact",
        "Agency",
        "Event",
        "Outcome / Action taken by the agency",
    ]


@pytest.mark.parametrize("ruled", [True, False])
@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ([f"{i + 1:02d}/04/2007" for i in range(8)], "%d/%m/%Y"),
        ([f"{i + 1} September 2007" for i in range(8)], "%-d %B %Y"),
    ],
)
def test_dates_broken_by_a_narrow_date_column(
    tmp_path: Path, ruled: bool, dates: list[str], expected: str
):
    """A date column too narrow for its dates breaks them with no hyphen ("01/04/200" /
    "7", "1 Septem" / "ber 2007"): the pieces are joined back, and each row is dated."""
    agencies = ["Health Visiting", "Police", "GP", "Children's Social Care"]
    rows: list[list[Any]] = [["Date", "Agency", "Event", "Outcome"]]
    for i, date in enumerate(dates):
        rows.append([cell(date), agencies[i % 4], cell(LONG if i % 3 else "Home visit."), "NFA"])
    table = Table(rows, colWidths=[58, 110, 420, 140])
    style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    table.setStyle(
        TableStyle(style + ([("GRID", (0, 0), (-1, -1), 0.5, "black")] if ruled else []))
    )
    path = build(tmp_path / "review.pdf", [table])
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        printed = pdf.pages[0].extract_text()
    assert dates[0] not in printed  # as printed, the date does not fit on one line
    chron = read_pdf(path)
    assert chron.rejected.empty
    assert chron.events[S.START].dt.strftime(expected).tolist() == dates
    assert chron.events[S.DATE_TEXT].tolist() == dates


@pytest.mark.parametrize("ruled", [True, False])
def test_prose_above_a_table_gives_no_title_line(tmp_path: Path, ruled: bool):
    """A chronology that begins after the review's prose: the heading above is its title,
    not the last line of the paragraph between them."""
    prose = "This chronology was compiled from the agency chronologies by the lead reviewer. " * 3
    rows: list[list[Any]] = [["Date", "Details"], ["12/03/2007", cell("Seen by GP1.")]]
    table = Table(rows, colWidths=[80, 500])
    if ruled:
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    story = [
        Paragraph("Appendix 1: Elm Road Surgery chronology", STYLES["Heading2"]),
        Paragraph(prose, STYLES["BodyText"]),
        table,
    ]
    chron = read_pdf(build(tmp_path / "review.pdf", story))
    assert chron.meta.title == "Appendix 1: Elm Road Surgery chronology"
    assert chron.events[S.AGENCY].astype(str).tolist() == ["gp"]
    assert chron.events[S.ORGANISATION].tolist() == ["Appendix 1: Elm Road Surgery chronology"]


@pytest.mark.parametrize("ruled", [True, False])
def test_table_lines_in_a_narrow_page_margin_are_not_running_headers(tmp_path: Path, ruled: bool):
    """Printed with narrow margins (as browsers print), the first lines of a page's table
    lie where running headers do; a line there that comes back at the same place on
    another page (the same wrapped words of a long note) is still the table's text, since
    the line above it is the page's own."""
    agencies = ["Health Visiting", "Police", "GP", "Children's Social Care"]
    rows: list[list[Any]] = [["Date", "Agency", "Event", "Outcome"]]
    # each note's last line is its own (a number in words); the lines before it are alike
    notes = [f"{LONG} Entry {' '.join(['more'] * (i + 1))}." for i in range(40)]
    for i in range(40):
        rows.append([f"{i % 28 + 1:02d}/05/2008", agencies[i % 4], cell(notes[i]), "NFA"])
    table = Table(rows, colWidths=[75, 110, 420, 140])
    style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    table.setStyle(
        TableStyle(style + ([("GRID", (0, 0), (-1, -1), 0.5, "black")] if ruled else []))
    )
    path = tmp_path / "printed.pdf"

    def footer(canvas: Any, doc: Any) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(doc.pagesize[0] / 2, 10, f"Page {doc.page}")

    SimpleDocTemplate(str(path), pagesize=landscape(A4), topMargin=15, bottomMargin=25).build(
        [table], onFirstPage=footer, onLaterPages=footer
    )
    chron = read_pdf(path)
    assert len(chron.events) == 40 and chron.rejected.empty
    assert chron.events.sort_values([S.SOURCE_SHEET, S.SOURCE_ROW])[S.DETAILS].tolist() == notes


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("Microsoft Word - Child A combined chronology v3.docx", "Child A combined chronology v3"),
        ("chronology-final.html", "chronology-final"),
        ("Microsoft Word - Document1", "Elm Road Surgery chronology"),  # Word's default
        ("Untitled", "Elm Road Surgery chronology"),
    ],
)
def test_title_property_written_by_the_printing_program(tmp_path: Path, written: str, title: str):
    """Word and browsers print the file's name as the PDF's title ("Microsoft Word -
    X.docx"): the title is the name without the program and extension, and a default
    name ("Document1") is no title (the heading above the table is)."""
    table = Table([["Date", "Details"], ["12/03/2007", "Seen by GP1"]])
    path = tmp_path / "gp.pdf"
    story = [Paragraph("Elm Road Surgery chronology", STYLES["Heading2"]), table]
    SimpleDocTemplate(str(path), title=written).build(story)
    assert read_pdf(path).meta.title == title


@pytest.mark.parametrize("prose", [False, True])
def test_two_columns_without_ruling_lines_under_centred_headings(tmp_path: Path, prose: bool):
    """ "Date | Details", the headings centred over their columns: a note's wrapped lines
    start left of the centred "Details" and run past it, yet are the table's (only a line
    running from the date column across is prose after the table)."""
    rows: list[list[Any]] = [["Date", "Details"]]
    rows += [[f"{i + 1:02d}/03/2007", cell(LONG)] for i in range(6)]
    table = Table(rows, colWidths=[80, 500])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, 0), "CENTER")])
    )
    after = [Paragraph(PANEL * 2, STYLES["BodyText"])] if prose else []
    story = [Paragraph("GP records", STYLES["Heading2"]), table, *after]
    chron = read_pdf(build(tmp_path / "gp.pdf", story))
    assert chron.events[S.DETAILS].tolist() == [LONG] * 6
    assert chron.rejected.empty


def test_title_set_close_above_a_header_without_ruling_lines_stays_a_title(tmp_path: Path):
    """A title line right above the header, as close as a cell's lines: the header is the
    line that reads as one by itself; the title still names the agency."""
    rows: list[list[Any]] = [["Date", "Event", "Outcome"]]
    rows += [[f"{i + 1:02d}/03/2007", cell(LONG), "NFA"] for i in range(4)]
    table = Table(rows, colWidths=[80, 420, 140])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, 0), 0)])
    )
    title = Paragraph("Elm Road Surgery", STYLES["BodyText"])
    chron = read_pdf(build(tmp_path / "gp.pdf", [title, table]))
    assert chron.events[S.AGENCY].astype(str).tolist() == ["gp"] * 4
    assert chron.events[S.ORGANISATION].tolist() == ["Elm Road Surgery"] * 4
    tables, _paragraphs, _title, _notes = read_pdf_tables(tmp_path / "gp.pdf")
    assert tables[0].rows[0] == ["Date", "Event", "Outcome"]


def test_word_bullets_from_the_symbol_and_wingdings_fonts(tmp_path: Path):
    """A PDF made from Word gives its list bullets as private-use characters of the
    Symbol and Wingdings fonts: they ran each item into the one before, with a stray
    '\\uf0b7' in the text. Built with reportlab's bundled Vera font, its bullet glyph
    mapped to those characters as Word's PDFs map them."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont("VeraWordBullets", "Vera.ttf")
    for private in (0xF0B7, 0xF0A7):  # Symbol's bullet, Wingdings' square
        font.face.charToGlyph[private] = font.face.charToGlyph[0x2022]
    pdfmetrics.registerFont(font)
    style = ParagraphStyle("list", fontName="VeraWordBullets", fontSize=9, leading=11)
    items = "\uf0b7 Strategy discussion held with DS1<br/>\uf0b7 Section 47 agreed<br/>"
    rows = [
        ["Date", "Agency", "Details"],
        ["14/03/2007", "CSC", Paragraph(items + "\uf0a7 Letter to GP", style)],
    ]
    table = Table(rows, colWidths=[80, 100, 400])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    chron = read_pdf(build(tmp_path / "csc.pdf", [table]))
    assert chron.events[S.DETAILS].tolist() == [
        "• Strategy discussion held with DS1\n• Section 47 agreed\n▪ Letter to GP"
    ]


def test_continued_notes_between_the_parts_of_a_table(tmp_path: Path):
    """'Continued on next page' under a table and '(continued)' over its next part: the
    parts were taken for two tables, the end of the broken entry for an undated row."""
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")])
    header = ["Date", "Agency", "Details", "Outcome"]
    first = Table([header, ["12/03/2007", "GP", "Child A seen; Mother said", "None"]])
    second = Table(
        [header, ["", "", "he fell from the sofa.", ""], ["14/03/2007", "Police", "DV", "-"]]
    )
    first.setStyle(grid)
    second.setStyle(grid)
    story = [
        Paragraph("Combined chronology", STYLES["Heading2"]),
        first,
        Paragraph("Continued on next page", STYLES["BodyText"]),
        PageBreak(),
        Paragraph("(continued)", STYLES["BodyText"]),
        second,
    ]
    chron = read_pdf(build(tmp_path / "combined.pdf", story))
    assert chron.events[S.DETAILS].tolist() == [
        "Child A seen; Mother said he fell from the sofa.",
        "DV",
    ]
    assert chron.rejected.empty
    assert "row_continued" in chron.warnings[S.CODE].tolist()


def test_a_word_broken_at_a_soft_hyphen_is_joined(tmp_path: Path):
    """An optional hyphen at a line end (Word's, a typesetter's) gave 'strat\\xad egy'."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("VeraSoftHyphen", "Vera.ttf"))
    rows = [
        ["Date", "Agency", "Details"],
        ["14/03/2007", "CSC", "Held a strat\xad\negy discussion with police (DS1)"],
    ]
    table = Table(rows, colWidths=[80, 100, 400])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("FONTNAME", (0, 0), (-1, -1), "VeraSoftHyphen"),
            ]
        )
    )
    chron = read_pdf(build(tmp_path / "csc.pdf", [table]))
    assert chron.events[S.DETAILS].tolist() == ["Held a strategy discussion with police (DS1)"]


def test_the_time_of_a_date_cell_broken_by_the_page_joins_its_row():
    """A browser prints a row across pages between the lines of its cells: the date cell's
    second line, its time ("25/01/2008" / "14:24"), opens the next page's part of the
    row. It was a rejected row ('a time of day with no date') and the entry was cut."""
    header = ["Date/Time", "Agency", "Event", "Outcome"]
    first = DocumentTable(
        "page 1 table 1", [header, ["25/01/2008", "GP", "Child A seen; Mother said", None]]
    )
    second = DocumentTable(
        "page 2 table 1",
        [
            header,
            ["14:24", None, "he fell from the sofa.", "Referral"],
            ["26/01/2008", "Police", "DV", "NFA"],
        ],
        follows=True,
    )
    chron, notes, _errors = parse_document_tables(
        [first, second], source="gp.pdf", fmt="pdf", classify=False
    )
    ev = chron.events
    assert ev[S.START].tolist() == [pd.Timestamp("2008-01-25 14:24"), pd.Timestamp("2008-01-26")]
    assert ev[S.DETAILS].tolist()[0] == "Child A seen; Mother said he fell from the sofa."
    assert ev[S.OUTCOME].tolist() == ["Referral", "NFA"]
    assert chron.rejected.empty
    assert [n[S.CODE] for n in notes] == ["row_continued"]


@pytest.mark.parametrize(("width", "height"), [(300, 430), (680, 430)])
def test_a_scanned_page_among_typed_pages_is_reported(tmp_path: Path, width: int, height: int):
    """A scanned letter set on a page of a typed chronology, under the document's running
    header and footer ("OFFICIAL - SENSITIVE", "Page 2"): a portrait scan on a landscape
    page covers a third of it, and the page was passed over in silence."""
    from PIL import Image as Picture
    from reportlab.platypus import Image

    scan = tmp_path / "letter.png"
    Picture.new("RGB", (width, height), "white").save(scan)
    header = ["Date", "Agency", "Event/Details", "Outcome"]

    def table(dates: Sequence[str]) -> Table:
        rows = [header] + [[d, "GP", cell("Child A seen by GP1."), "None"] for d in dates]
        drawn = Table(rows, colWidths=[80, 80, 400, 150], repeatRows=1)
        drawn.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
        return drawn

    story = [
        Paragraph("GP chronology", STYLES["Heading2"]),
        table(["01/03/2007", "02/03/2007"]),
        PageBreak(),
        Image(str(scan), width=width, height=height),
        PageBreak(),
        table(["21/03/2007"]),
    ]
    chron = read_pdf(build(tmp_path / "gp.pdf", story))
    assert len(chron.events) == 3
    unread = chron.warnings[chron.warnings[S.CODE] == "page_without_text"]
    assert unread[S.SOURCE_SHEET].tolist() == ["page 2"]
    assert "OCR" in unread[S.MESSAGE].iloc[0]


def test_a_police_log_of_timed_lines_under_a_date(tmp_path: Path):
    """Lines opening with a time under a dated line, with no space between them: they
    were joined to the dated entry above."""
    log = "<br/>".join(
        [
            "12/03/2007 22:40 Call received from a neighbour reporting shouting.",
            "22:55 PC1 and PC2 attended. Mother had a cut lip; Child A seen asleep.",
            "23:30 Mr B arrested for assault.",
            "13/03/2007 09:15 Notification sent to CSC.",
        ]
    )
    chron = read_narrative(
        tmp_path / "police.pdf", ("Heading2", "Police chronology: Child A"), ("BodyText", log)
    )
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m %H:%M").tolist() == [
        "12/03 22:40",
        "12/03 22:55",
        "12/03 23:30",
        "13/03 09:15",
    ]
    assert ev[S.DETAILS].iloc[2] == "Mr B arrested for assault."
    assert (ev[S.AGENCY].astype(str) == "police").all()


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_agency_written_once_for_a_block_of_rows_over_pages(tmp_path: Path):
    """A combined chronology printed with each agency's name in one cell merged down over
    its block of rows (as Word prints a vertically merged cell): the tall cell made the
    table look unruled, so only each block's first row had an agency; and the block the
    page breaks shows its name on the first page only."""
    agencies = ["Health Visiting", "GP", "Police", "Children's Social Care"]
    body = ""
    for block, agency in enumerate(agencies):
        for j in range(6):
            first = f'<td rowspan="6">{agency}</td>' if j == 0 else ""
            text = f"[{block * 6 + j}] " + LONG * (5 if j == 2 else 1)
            body += (
                f"<tr><td>{block * 7 + j + 1:02d}/03/2007<br>{9 + j}:30</td>{first}"
                f"<td>{text}</td><td>Review</td></tr>"
            )
    chron = read_pdf(
        print_html(
            tmp_path / "combined.pdf",
            "@page{size:A4;margin:20mm 15mm} table{border-collapse:collapse;width:100%} "
            "td,th{border:1px solid black;vertical-align:top;padding:2px 4px;font:10pt Arial}",
            "<h2>Chronology</h2><table><thead><tr><th>Date</th><th>Agency</th>"
            "<th style='width:60%'>Event/Details</th><th>Outcome</th></tr></thead>"
            f"<tbody>{body}</tbody></table>",
        )
    )
    ev = chron.events
    assert ev[S.DETAILS].str.extract(r"^\[(\d+)\]")[0].astype(int).tolist() == list(range(24))
    assert ev[S.AGENCY].astype(str).tolist() == [
        code for code in ["health_visiting", "gp", "police", "csc"] for _ in range(6)
    ]
    assert ev[S.START].dt.strftime("%H:%M").tolist()[:3] == ["09:30", "10:30", "11:30"]
    assert "table_without_rules" not in chron.warnings[S.CODE].tolist()
    assert "no_agency" not in chron.warnings[S.CODE].tolist()
    carried = chron.warnings[chron.warnings[S.CODE] == "merged_cell_carried"]
    assert len(carried) >= 1 and all(row == 2 for row in carried[S.SOURCE_ROW])


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (.ci/run installs it)")
def test_date_written_once_for_a_day_of_entries_over_pages(tmp_path: Path):
    """Each day's date in one cell merged down over its entries: where the page breaks a
    day, the entries at the top of the next page had an empty date cell and were rejected."""
    body = ""
    for day in range(8):
        for j in range(4):
            first = f'<td rowspan="4">{day + 1:02d}/03/2007</td>' if j == 0 else ""
            text = f"[{day * 4 + j}] " + LONG * (3 if j == 2 else 1)
            agency = ["HV", "GP", "Police", "CSC"][j]
            body += f"<tr>{first}<td>{9 + j}:30</td><td>{agency}</td><td>{text}</td></tr>"
    chron = read_pdf(
        print_html(
            tmp_path / "days.pdf",
            "@page{size:A4;margin:20mm 15mm} table{border-collapse:collapse;width:100%} "
            "td,th{border:1px solid black;vertical-align:top;padding:2px 4px;font:10pt Arial}",
            "<h2>Chronology</h2><table><thead><tr><th>Date</th><th>Time</th><th>Agency</th>"
            "<th style='width:60%'>Event/Details</th></tr></thead>"
            f"<tbody>{body}</tbody></table>",
        )
    )
    assert chron.rejected.empty
    ev = chron.events
    assert ev[S.DETAILS].str.extract(r"^\[(\d+)\]")[0].astype(int).tolist() == list(range(32))
    assert ev[S.START].dt.strftime("%d %H:%M").tolist() == [
        f"{day + 1:02d} {9 + j:02d}:30" for day in range(8) for j in range(4)
    ]
    carried = chron.warnings[chron.warnings[S.CODE] == "merged_cell_carried"]
    assert len(carried) >= 1 and "'Date'" in carried[S.MESSAGE].iloc[0]


def test_lines_typed_in_the_last_rows_under_the_entries_are_no_rejected_rows(tmp_path: Path):
    # 'End of chronology' and a key in the table's last rows were rejected as unreadable
    # dates; the table runs over two pages, its header repeated
    rows: list[list[Any]] = [["Date", "Practitioner", "Details"]]
    rows += [[f"{day:02d}/03/2007", "HV1", cell(LONG)] for day in range(1, 13)]
    rows += [["End of chronology", "", ""], ["Key:", "", ""], ["HV", "Health visitor", ""]]
    table = Table(rows, colWidths=[100, 100, 500], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    path = build(tmp_path / "hv.pdf", [Paragraph("Health Visiting", STYLES["Heading2"]), table])
    chron = read_pdf(path)
    assert len(chron.events) == 12 and chron.rejected.empty
    footers = chron.warnings[chron.warnings[S.CODE] == "footer_row"]
    texts = footers[S.MESSAGE].str.extract(r"event: '(.*)'$")[0].tolist()
    assert texts == ["End of chronology", "Key:", "HV Health visitor"]
    # the page breaks the key: its last line is alone under the header repeated on page 2
    assert footers[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [
        ["page 1 table 1", 14],
        ["page 1 table 1", 15],
        ["page 2 table 1", 2],
    ]
    assert "table_skipped" not in set(chron.warnings[S.CODE])  # page 2 holds its foot alone


def test_list_bullets_in_a_font_that_maps_no_glyph_to_a_character(tmp_path: Path):
    """A bullet glyph with no character in the PDF (reportlab's list bullet, as a symbol
    font embedded without its map gives it) came out as '(cid:127)' in the details."""
    from reportlab.platypus import ListFlowable, ListItem

    items = ListFlowable(
        [ListItem(cell("bruise to left cheek")), ListItem(cell("Mother's account inconsistent"))],
        bulletType="bullet",
    )
    rows = [["Date", "Agency", "Details"], ["14/03/2007", "CSC", [cell("Concerns:"), items]]]
    table = Table(rows, colWidths=[80, 100, 400])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    chron = read_pdf(build(tmp_path / "csc.pdf", [table]))
    assert chron.events[S.DETAILS].tolist() == [
        "Concerns:\n• bruise to left cheek\n• Mother's account inconsistent"
    ]


@pytest.mark.parametrize("repeat", [1, 0])
def test_a_table_with_a_column_per_agency_over_pages(tmp_path: Path, repeat: int):
    """'Date | Children's Social Care | Police' with each cell what that agency did: an
    event per filled cell, on every page, with or without the header repeated (page 2
    is then read under page 1's headings)."""
    rows: list[list[Any]] = [["Date", "Children's Social Care", "Police"]]
    for day in range(1, 29):
        csc = cell(LONG) if day % 2 else ""
        rows.append([f"{day:02d}/03/2007", csc, f"Police entry {day}" if day % 3 == 0 else ""])
    table = Table(rows, colWidths=[80, 400, 200], repeatRows=repeat)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    chron = read_pdf(build(tmp_path / "grid.pdf", [table]))
    counts = chron.events[S.AGENCY].astype(str).value_counts()
    assert (counts["csc"], counts["police"], counts["other"]) == (14, 9, 10)  # 10: a date alone
    assert chron.rejected.empty
    assert {s.split(" table")[0] for s in chron.events[S.SOURCE_SHEET]} >= {"page 1", "page 2"}
    police = chron.events[chron.events[S.AGENCY] == "police"]
    assert sorted(police[S.DETAILS]) == sorted(f"Police entry {d}" for d in range(3, 29, 3))


def sideways_page(page: Any, turn: int, rows: Sequence[Sequence[str]], *, title: str) -> None:
    """Draw a ruled table on a portrait A4 page as a landscape page turned ``turn``
    degrees (90: its text runs up the page, -90: down it, 0: across) and end the page."""
    width, height = A4
    page.saveState()
    if turn == 90:
        page.translate(width, 0)
    elif turn == -90:
        page.translate(0, height)
    page.rotate(turn)
    down = width if turn else height
    page.setFont("Helvetica-Bold", 12)
    page.drawString(40, down - 50, title)
    widths, top, tall = [30, 70, 70, 300, 100], down - 70, 20
    for r, cells in enumerate(rows):
        x = 40.0
        for w, text in zip(widths, cells, strict=True):
            page.rect(x, top - (r + 1) * tall, w, tall)
            page.setFont("Helvetica", 9)
            page.drawString(x + 3, top - (r + 1) * tall + 6, text)
            x += w
    page.restoreState()
    page.setFont("Helvetica", 8)
    page.drawString(width / 2, 20, "OFFICIAL-SENSITIVE")  # the footer stays upright
    page.showPage()


def test_a_landscape_table_set_sideways_on_a_portrait_page(tmp_path: Path):
    """A landscape table printed on portrait pages without turning them (its text runs up
    or down the page) is read as the page turned (it gave reversed letters: 'etaD', no
    header found, and the whole file was an error); an upright page and a page the PDF
    itself turns (/Rotate) are read as they are."""
    from reportlab.pdfgen import canvas

    header = ["No.", "Date", "Agency", "Details", "Outcome"]

    def rows(first: int, agency: str) -> list[list[str]]:
        return [header] + [
            [str(n), f"{n:02d}/03/2007", agency, f"Entry {n}: Child A seen at home.", "None"]
            for n in range(first, first + 3)
        ]

    path = tmp_path / "sideways.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    sideways_page(page, 0, rows(1, "GP"), title="GP records")
    sideways_page(page, 90, rows(4, "Police"), title="Police records")
    sideways_page(page, -90, rows(7, "HV"), title="Health visiting records")
    page.setPageRotation(90)  # turned by the PDF for display: read as shown
    sideways_page(page, 90, rows(10, "CSC"), title="Children's social care records")
    page.save()
    chron = read_pdf(path)
    ev = chron.events
    assert chron.rejected.empty
    assert ev[S.START].dt.day.tolist() == list(range(1, 13))
    assert ev[S.AGENCY].astype(str).tolist() == (
        ["gp"] * 3 + ["police"] * 3 + ["health_visiting"] * 3 + ["csc"] * 3
    )
    assert ev[S.DETAILS].tolist() == [f"Entry {n}: Child A seen at home." for n in range(1, 13)]
    assert ev[S.SOURCE_SHEET].tolist() == [f"page {p} table 1" for p in range(1, 5) for _ in "abc"]
    assert ev[S.SOURCE_ROW].tolist() == [2, 3, 4] * 4
    turned = chron.warnings[chron.warnings[S.CODE] == "page_turned"]
    assert turned[S.MESSAGE].str.startswith("pages 2-3:").tolist() == [True]


def outlined_page(page: Any, lines: int = 30) -> None:
    """A page of 'text' drawn as outlines: rows of small filled curves, no characters."""
    for line in range(lines):
        for k in range(50):
            x, y = 40 + k * 9, 780 - line * 18
            path = page.beginPath()
            path.moveTo(x, y)
            path.curveTo(x + 2, y + 6, x + 4, y + 6, x + 6, y)
            page.drawPath(path, fill=1, stroke=0)
    page.showPage()


def test_pdf_of_text_drawn_as_outlines_says_it_has_no_text_layer(tmp_path: Path):
    """A PDF whose text was printed as outlines (shapes, no characters) is an error that
    says it has no text layer and needs OCR (it was 'the PDF holds no text', as for a
    blank file); a page of outlines among typed pages is a page_without_text warning (it
    was skipped without a word); a blank PDF says it is blank."""
    from reportlab.pdfgen import canvas

    path = tmp_path / "outlined.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    outlined_page(page)
    page.save()
    with pytest.raises(ChronologyReadError, match=r"outlined\.pdf.*no text layer.*outlines.*OCR"):
        read_pdf(path)

    mixed = tmp_path / "mixed.pdf"
    page = canvas.Canvas(str(mixed), pagesize=A4)
    page.drawString(40, 800, "12/03/2007 - GP: Child A seen by GP1.")
    page.showPage()
    outlined_page(page)
    page.save()
    chron = read_pdf(mixed)
    assert chron.events[S.SOURCE_SHEET].tolist() == ["page 1"]
    missing = chron.warnings[chron.warnings[S.CODE] == "page_without_text"]
    assert missing[S.SOURCE_SHEET].tolist() == ["page 2"]
    assert "drawn as shapes" in missing[S.MESSAGE].iloc[0]

    blank = tmp_path / "blank.pdf"
    page = canvas.Canvas(str(blank), pagesize=A4)
    page.showPage()
    page.save()
    with pytest.raises(EmptyChronologyError, match=r"blank\.pdf.*no text layer.*blank"):
        read_pdf(blank)


def test_ligatures_in_a_table_without_ruling_lines_are_read_as_their_letters(tmp_path: Path):
    """A PDF that draws 'fi', 'ff', 'fl' as one glyph each ('noti\ufb01ed'), in a table
    without ruling lines (here written by matplotlib): the words read as their letters
    (each ligature came twice, 'noti\ufb01\ufb01ed', and the words were no words)."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    text = "Police noti\ufb01ed; sta\ufb00 \ufb02agged a signi\ufb01cant bruise."
    figure = plt.figure(figsize=(11.69, 8.27))
    figure.text(0.05, 0.95, "CSC chronology (fictional)", fontsize=14, weight="bold")
    for x, heading in ((0.05, "Date"), (0.18, "Worker"), (0.3, "Details"), (0.75, "Outcome")):
        figure.text(x, 0.9, heading, fontsize=10, weight="bold")
    for i in range(6):
        for x, cell_text in ((0.05, f"1{i}/03/2007"), (0.18, "SW1"), (0.3, text), (0.75, "NFA")):
            figure.text(x, 0.86 - i * 0.04, cell_text, fontsize=10)
    path = tmp_path / "typeset.pdf"
    with matplotlib.rc_context({"pdf.fonttype": 42}):
        figure.savefig(path)
    plt.close(figure)
    chron = read_pdf(path)
    assert (
        chron.events[S.DETAILS].tolist()
        == ["Police notified; staff flagged a significant bruise."] * 6
    )
    assert chron.events[S.OUTCOME].tolist() == ["NFA"] * 6


def test_agency_named_only_in_the_running_header(tmp_path: Path):
    """A table over pages with no agency column, under a heading that names no agency,
    whose agency is printed at the top of each page beside the protective marking: its
    events are that agency's (they were 'other', a no_agency warning per page)."""
    rows: list[list[Any]] = [["Date", "Worker", "Details"]]
    rows += [[f"{day:02d}/03/2007", "AB", cell(LONG)] for day in range(1, 25)]
    table = Table(rows, colWidths=[80, 80, 500], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    story = [Paragraph("Chronology of involvement: Child B", STYLES["Heading2"]), table]
    path = build(
        tmp_path / "child-b.pdf", story, header="OFFICIAL-SENSITIVE      Northshire Police"
    )
    chron = read_pdf(path)
    ev = chron.events
    assert len(ev) == 24 and len(set(ev[S.SOURCE_SHEET])) > 1
    assert set(ev[S.AGENCY].astype(str)) == {"police"}
    assert "no_agency" not in chron.warnings[S.CODE].tolist()
