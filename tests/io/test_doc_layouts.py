"""Word and PDF chronologies laid out as agency templates lay them out (all data fictional).

Layouts the readers met only here: an entry's text in a row of its own merged across the
table under the entry's dated row.
"""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

import scr_timeline as scr  # noqa: E402
from scr_timeline import schema as S  # noqa: E402

from .test_docx import add_table, save  # noqa: E402

GP_ROWS: list[list[str | None]] = [
    ["Date", "Practitioner", "Type of contact"],
    ["12/03/2007", "GP1", "Surgery"],
    [
        "Child A seen with Mother. Bruise to left cheek, Mother said fell against a table.",
        None,
        None,
    ],
    ["20/03/2007", "GP2", "Telephone"],
    ["Mother phoned for advice about Child A's cough.", None, None],
    ["Analysis: no follow-up appointment was offered.", None, None],
    ["2008", None, None],
    ["02/01/2008", "GP1", "Home visit"],
    ["Child A seen at home; thriving.", None, None],
]
ACROSS = [2, 4, 5, 6, 8]  # the rows (from 0) of one cell across the table


def check_details_across(chron: scr.Chronology, sheet: str) -> None:
    ev = chron.events
    assert chron.rejected.empty
    assert ev[S.SOURCE_ROW].tolist() == [2, 4, 8]
    assert ev[S.SOURCE_SHEET].tolist() == [sheet] * 3
    assert ev[S.DETAILS].tolist() == [GP_ROWS[2][0], GP_ROWS[4][0], GP_ROWS[8][0]]
    # the author's note across the table is the entry's comment, in a column added for it
    assert ev[S.COMMENT].fillna("").tolist() == ["", GP_ROWS[5][0], ""]
    assert ev[S.INJURY].tolist() == [True, False, False]
    assert ev[S.START].dt.year.tolist() == [2007, 2007, 2008]
    codes = chron.warnings.set_index(S.CODE)
    assert codes.loc["details_row", S.MESSAGE].startswith(f"{sheet} row(s) 3, 5, 6, 9:")
    assert codes.loc["section_row", S.SOURCE_ROW] == 7  # the year stays a section


def test_word_entry_text_in_a_row_across_under_its_dated_row(tmp_path: Path):
    """The text of each entry in a row of one cell merged across the table, under the
    entry's date, worker and kind of contact: it is the entry's details (each such row was
    a 'section heading' and the entries had no text: the bruise went unseen)."""
    document = docx.Document()
    document.add_heading("GP chronology - Child A (fictional)", level=2)
    table = add_table(document, GP_ROWS)
    for row in ACROSS:
        table.cell(row, 0).merge(table.cell(row, 2))
    check_details_across(scr.read(save(document, tmp_path, "gp.docx")), "table 1")


def test_pdf_entry_text_in_a_row_across_under_its_dated_row(tmp_path: Path):
    pytest.importorskip("pdfplumber")
    pytest.importorskip("reportlab")
    from reportlab.platypus import Paragraph, Table, TableStyle

    from .test_pdf import STYLES, build

    spans = [("SPAN", (0, row), (-1, row)) for row in ACROSS]
    table = Table([[c or "" for c in row] for row in GP_ROWS], colWidths=[200, 200, 300])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), *spans]))
    story = [Paragraph("GP chronology - Child A (fictional)", STYLES["Heading2"]), table]
    check_details_across(scr.read(build(tmp_path / "gp.pdf", story)), "page 1 table 1")


def test_template_rows_numbered_in_advance_and_left_unused(tmp_path: Path):
    """A template whose rows are numbered in advance ('No.' 1 to 8) with three filled in:
    the five rows holding only their number are no rejected rows ('the date cell is
    empty', one each), but one template_rows warning."""
    document = docx.Document()
    document.add_heading("GP chronology (fictional)", level=2)
    header = ["No.", "Date", "Source", "Details", "Comment/Analysis by author"]
    filled = [[str(n), f"1{n}/03/2007", "GP notes", f"Entry {n}", ""] for n in (1, 2, 3)]
    unused = [[str(n), "", "", "", ""] for n in range(4, 9)]
    add_table(document, [header, *filled, *unused, ["", "", "", "", ""]])
    chron = scr.read(save(document, tmp_path, "gp.docx"))
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3, 4]
    assert chron.rejected.empty
    unused_rows = chron.warnings[chron.warnings[S.CODE] == "template_rows"]
    assert unused_rows[S.SOURCE_ROW].tolist() == [5]
    assert "5 row(s) of table 1 (5, 6, 7, 8, 9)" in unused_rows[S.MESSAGE].iloc[0]


def test_agency_named_only_in_the_page_header(tmp_path: Path):
    """An agency's template that names the agency only at the top of each page (in the
    page header, beside the protective marking), over a table with no agency column and
    no heading: its events are that agency's (they were 'other', with a no_agency
    warning); a heading above the table that names an agency still wins."""
    document = docx.Document()
    header = document.sections[0].header.paragraphs[0]
    header.text = "OFFICIAL-SENSITIVE\tElm Road Surgery - GP chronology"
    document.sections[0].footer.paragraphs[0].text = "Page 1"
    add_table(document, [["Date", "Details"], ["12/03/2007", "Child A seen with Mother."]])
    document.add_heading("Health visiting records", level=2)
    add_table(document, [["Date", "Details"], ["14/03/2007", "HV1 home visit."]])
    chron = scr.read(save(document, tmp_path, "child-a.docx"))
    ev = chron.events
    assert ev[S.AGENCY].astype(str).tolist() == ["gp", "health_visiting"]
    assert ev[S.ORGANISATION].tolist() == [
        "Elm Road Surgery - GP chronology",
        "Health visiting records",
    ]
    assert "no_agency" not in chron.warnings[S.CODE].tolist()


def test_reviewer_note_across_a_table_with_a_comment_column(tmp_path: Path):
    """A note labelled as the reviewer's ('Comment: ...') across a table that has a
    comment column, under an entry: that entry's comment, not its details (where 'should
    have referred' would read as a referral); plain text across stays its details."""
    document = docx.Document()
    document.add_heading("GP chronology (fictional)", level=2)
    rows: list[list[str | None]] = [
        ["Date", "Details", "Comment"],
        ["12/03/2007", "Child A seen with a bruise.", None],
        ["Comment: the GP should have referred to children's social care.", None, None],
        ["14/03/2007", "Mother phoned.", None],
        ["She asked for a home visit, which the GP arranged.", None, None],
    ]
    table = add_table(document, rows)
    for row in (2, 4):
        table.cell(row, 0).merge(table.cell(row, 2))
    ev = scr.read(save(document, tmp_path, "gp.docx")).events
    assert ev[S.DETAILS].tolist() == [
        "Child A seen with a bruise.",
        "Mother phoned.\nShe asked for a home visit, which the GP arranged.",
    ]
    assert ev[S.COMMENT].fillna("").tolist() == [GP_NOTE, ""]
    assert ev[S.EVENT_TYPE].astype(str).iloc[0] != "referral"


GP_NOTE = "Comment: the GP should have referred to children's social care."


@pytest.mark.parametrize(
    ("across", "agency"),
    [
        ("Northshire Healthcare NHS Foundation Trust - Health Visiting Service", "health_visiting"),
        ("Events from the birth of Child A to the family's move to Northtown in 2008", "other"),
        ("Background.", "other"),
    ],
)
def test_a_long_heading_across_the_table_stays_a_heading(across: str, agency: str):
    """A banner or a section's heading across the table, long and with no full stop, in
    a table whose entries do not alternate with rows of text across: it heads the rows
    below it, it is not the text of the entry above it."""
    from scr_timeline.io.document import DocumentTable, parse_document_tables

    table = DocumentTable(
        "table 1",
        [
            ["Date", "Agency", "Details"],
            ["12/03/2007", "GP", "Child A seen."],
            [None, None, None],
            ["14/03/2007", None, "Home visit."],
        ],
        sections=((3, across),),
    )
    chron, _notes, _errors = parse_document_tables([table], source="x.docx", fmt="docx")
    assert chron is not None
    assert chron.events[S.DETAILS].tolist() == ["Child A seen.", "Home visit."]
    assert chron.events[S.AGENCY].astype(str).tolist() == ["gp", agency]


def test_template_guidance_row_left_under_the_header(tmp_path: Path):
    """A template's guidance row left under the header ('dd/mm/yyyy', 'hh:mm', 'Name and
    role', 'Brief description of the contact'): no rejected row ('the date cell holds
    'dd/mm/yyyy', not a date') but a template_rows warning; the entries are read."""
    document = docx.Document()
    document.add_heading("GP chronology (fictional)", level=2)
    header = ["Date\n(dd/mm/yyyy)", "Time\n(24hr)", "Practitioner", "Details of contact"]
    guidance = ["dd/mm/yyyy", "hh:mm", "Name and role", "Brief description of the contact"]
    add_table(document, [header, guidance, ["12/03/2007", "14:30", "GP1", "Child A seen."]])
    chron = scr.read(save(document, tmp_path, "gp.docx"))
    assert chron.events[S.SOURCE_ROW].tolist() == [3]
    assert chron.rejected.empty
    guidance_rows = chron.warnings[chron.warnings[S.CODE] == "template_rows"]
    assert guidance_rows[S.SOURCE_ROW].tolist() == [2]
    assert "unreadable_time" not in chron.warnings[S.CODE].tolist()


def test_a_period_heading_whose_year_no_row_takes_is_a_section_not_also_a_rejected_row():
    """Found by the reliability properties: "March 2007" alone in the agency column over
    "JAN" (no date) was named a section row and rejected for its empty date as well, so the
    table's one data row came out as two."""
    from scr_timeline.io.document import DocumentTable, parse_document_tables

    header = ["Date", "Agency", "Details", "Outcome"]
    cells = [header, [None, "March 2007", None, None], ["JAN", None, None, None]]
    tables = [DocumentTable("page 1 table 1", cells, follows=False, merged=())]
    chron, notes, _errors = parse_document_tables(tables, source="child-a.pdf", fmt="pdf")
    assert chron is not None
    assert [n[S.CODE] for n in notes] == ["section_row"]
    assert chron.rejected[[S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [[3, "missing_year"]]
