"""PDF chronologies, s25 (fictional, drawn here with reportlab): pages as reviews and
agencies print them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import scr_timeline as scr
from scr_timeline import schema as S

pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

BODY = [
    "12/03/2007 - HV1 visited Child A at home. Mother said the",
    "bruise on the arm was from a fall at nursery.",
    "",
    "14/03/2007 - GP: Dr B saw Child A, bruising to the cheek",
    "noted. No referral made.",
    "",
    "20/03/2007 - SW1 home visit, Child A seen alone in her room.",
]


def _body_page(path: Path) -> tuple[Any, float]:
    """A canvas holding the title and the running text BODY, and the page's height."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawString(60, height - 60, "Chronology - Child A")
    pdf.setFont("Helvetica", 10)
    for i, line in enumerate(BODY):
        pdf.drawString(60, height - 100 - 14 * i, line)
    return pdf, height


def _page_with_box(path: Path, box_lines: list[str], *, fill: bool = False) -> Path:
    pdf, height = _body_page(path)
    if fill:
        pdf.setFillGray(0.9)
        pdf.rect(400, height - 220, 150, 110, stroke=0, fill=1)
        pdf.setFillGray(0)
    else:
        pdf.rect(400, height - 220, 150, 110)
    for i, line in enumerate(box_lines):
        pdf.drawString(405, height - 125 - 13 * i, line)
    pdf.showPage()
    pdf.save()
    return path


@pytest.mark.parametrize("fill", [False, True])
def test_boxed_note_beside_the_text_is_no_text_of_the_entries(tmp_path: Path, fill: bool):
    """A review's 'Key learning point' box (drawn, or shaded) beside the chronology's
    paragraphs: each of its lines was read into the line of the entry level with it
    ('... from a fall at nursery. Key learning point: Bruising in a non-mobile 14/03/2007
    ...'), so two entries ran together. The box is now read apart from the text and,
    opening with no date, is left out with a sidebar_not_read warning quoting it."""
    path = _page_with_box(
        tmp_path / "review.pdf",
        ["Key learning point:", "Bruising in a non-mobile", "child must be referred to", "CSC."],
        fill=fill,
    )
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "14/03/2007", "20/03/2007"]
    assert chron.events[S.DETAILS].tolist() == [
        "HV1 visited Child A at home. Mother said the bruise on the arm was from a fall at "
        "nursery.",
        "GP: Dr B saw Child A, bruising to the cheek noted. No referral made.",
        "SW1 home visit, Child A seen alone in her room.",
    ]
    notes = chron.warnings[chron.warnings[S.CODE] == "sidebar_not_read"]
    assert notes["message"].tolist() == [
        "page 1: a note set beside the text (a sidebar: a box or a margin column) was not "
        "read as text of the entries beside it: 'Key learning point: Bruising in a "
        "non-mobile child must be referred to CSC.'"
    ]


def test_boxed_entry_beside_the_text_is_an_entry_of_its_own(tmp_path: Path):
    """A box beside the text that opens with a date (a key event set apart) is an entry of
    its own, not lines of the entries level with it."""
    path = _page_with_box(
        tmp_path / "review.pdf", ["13/03/2007 - Police:", "PC2 attended after a", "999 call."]
    )
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == [
        "12/03/2007",
        "13/03/2007",
        "14/03/2007",
        "20/03/2007",
    ]
    assert chron.events[S.DETAILS].tolist()[1] == "Police: PC2 attended after a 999 call."
    assert chron.events[S.DETAILS].tolist()[2] == (
        "GP: Dr B saw Child A, bruising to the cheek noted. No referral made."
    )
    assert "sidebar_not_read" not in set(chron.warnings[S.CODE])


def _page_with_margin(path: Path, margin: list[tuple[int, str]]) -> Path:
    pdf, height = _body_page(path)
    for i, text in margin:
        pdf.drawString(440, height - 100 - 14 * i, text)
    pdf.showPage()
    pdf.save()
    return path


def test_note_in_the_right_margin_is_no_text_of_the_entries(tmp_path: Path):
    """A reviewer's note printed in the right margin without a box, level with the
    entries: its lines had run into the entries' lines as for a box."""
    path = _page_with_margin(
        tmp_path / "review.pdf",
        [(0, "Reviewer: was the"), (1, "bruise referred to"), (2, "CSC by the HV?")],
    )
    chron = scr.read(path)
    assert chron.events[S.DETAILS].tolist()[0] == (
        "HV1 visited Child A at home. Mother said the bruise on the arm was from a fall at nursery."
    )
    assert chron.warnings.loc[chron.warnings[S.CODE] == "sidebar_not_read", "message"].str.endswith(
        "'Reviewer: was the bruise referred to CSC by the HV?'"
    ).tolist() == [True]


def test_worker_beside_each_entry_is_still_read(tmp_path: Path):
    """The worker's code printed at the right of each entry's first line is no margin
    note: it stays the entry's text."""
    path = _page_with_margin(tmp_path / "review.pdf", [(0, "HV1"), (3, "GP1"), (6, "SW1")])
    chron = scr.read(path)
    assert chron.events[S.DETAILS].str.contains("HV1|GP1|SW1").all()
    assert "sidebar_not_read" not in set(chron.warnings[S.CODE])


def test_excel_row_numbers_printed_beside_the_sheet_are_no_column(tmp_path: Path):
    """An Excel sheet printed to PDF with its row and column headings and no gridlines:
    the row numbers left of each row ('1' by the header, '2', '3' ...) were read as a
    column headed '1', so each event's extra held '1: 2', '1: 3'. They are now left out;
    the column letters over the header ('A B C D') were already no title."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    path = tmp_path / "combined.pdf"
    pdf = canvas.Canvas(str(path), pagesize=landscape(A4))
    height = landscape(A4)[1]
    widths = [70, 90, 80, 400]
    rows = [("Date", "Agency", "Practitioner", "Details")] + [
        (f"{day:02d}/03/2007", agency, worker, text)
        for day, (agency, worker, text) in enumerate(
            [
                ("Health Visiting", "HV1", "Home visit, Child A seen."),
                ("GP", "Dr B", "Child A seen with bruise to cheek."),
                ("Police", "PC2", "Attended address, DA incident."),
            ],
            start=1,
        )
    ]
    pdf.setFont("Helvetica", 9)
    x = 60
    for letter, width in zip("ABCD", widths, strict=True):
        pdf.drawCentredString(x + width / 2, height - 56, letter)
        x += width
    for k, row in enumerate(rows):
        y = height - 78 - 18 * k
        pdf.drawRightString(54, y, str(k + 1))
        x = 60
        for width, text in zip(widths, row, strict=True):
            pdf.drawString(x + 2, y, text)
            x += width
    pdf.showPage()
    pdf.save()
    chron = scr.read(path)
    assert chron.events[S.AGENCY].tolist() == ["health_visiting", "gp", "police"]
    assert chron.events[S.PRACTITIONER].tolist() == ["HV1", "Dr B", "PC2"]
    assert chron.events[S.EXTRA].isna().all()


def test_footer_opening_with_the_print_date_is_no_event(tmp_path: Path):
    """A footer printed on each page opening with the day and time of printing and ending
    with the page number ('01/04/2020 14:32  Child A chronology  Page 1 of 2'): a line
    starting with a date came back as a running line only word for word, so the page
    numbers made it an event of 01/04/2020 on every page. Its date is now matched as
    written and the rest with its digits aside."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "chronology.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    pages = [
        ["12/03/2007 - HV1 visited Child A at home.", "14/03/2007 - GP saw Child A."],
        ["20/03/2007 - SW1 home visit, Child A seen.", "22/03/2007 - PC2 attended."],
    ]
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 10)
        for i, line in enumerate(lines):
            pdf.drawString(60, height - 80 - 28 * i, line)
        pdf.drawString(60, 40, f"01/04/2020 14:32    Child A chronology    Page {number} of 2")
        pdf.showPage()
    pdf.save()
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == [
        "12/03/2007",
        "14/03/2007",
        "20/03/2007",
        "22/03/2007",
    ]


def test_case_notes_with_author_before_date_printed_to_pdf(tmp_path: Path):
    """A case system's notes printed to PDF, each a 'Created by:' / 'Date:' / 'Subject:'
    block over its text, ruled off: a PDF joins a paragraph's lines into one ('Created
    by: SW1 Date: 12/03/2007 14:30 Subject: ...'), and a paragraph whose date label came
    after its author's was no entry, so the file raised MissingColumnError (no paragraph
    starts with a date). The date label after the other labels now opens the entry."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "case-notes.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    height = A4[1]
    pdf.setFont("Helvetica-Bold", 12)
    pdf.drawString(60, height - 50, "Case Notes Report - Child A")
    pdf.setFont("Helvetica", 10)
    blocks = [
        ["Created by: SW1", "Date: 12/03/2007 14:30", "Subject: Home visit", "Child A seen."],
        ["Created by: TM1", "Date: 13/03/2007", "Subject: Supervision", "Case discussed."],
    ]
    y = height - 80
    for block in blocks:
        pdf.line(60, y + 8, 530, y + 8)
        y -= 8
        for line in block:
            pdf.drawString(60, y, line)
            y -= 13
        y -= 10
    pdf.showPage()
    pdf.save()
    chron = scr.read(path)
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007 14:30", "13/03/2007"]
    assert chron.events[S.PRACTITIONER].tolist() == ["SW1", "TM1"]
    assert chron.events[S.DETAILS].tolist() == [
        "Subject: Home visit Child A seen.",
        "Subject: Supervision Case discussed.",
    ]


def test_each_page_takes_the_agency_its_running_header_names(tmp_path: Path):
    """Two agencies' chronologies printed one after the other into one PDF, each page
    headed with its agency's name ('Northshire Police' on pages 1-2, 'Elm Road Surgery'
    on pages 3-4) over a 'Date | Details' table: every table took the first running
    header's agency, and the GP's table was read as the police table going on. Each
    page now takes the agency its own running header names, and a table on the first
    page of another agency does not carry on the one before."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "combined.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    pages = [
        ("Northshire Police", "12/03/2007", "Attended address after 999 call."),
        ("Northshire Police", "14/03/2007", "Strategy discussion with CSC."),
        ("Elm Road Surgery", "13/03/2007", "Child A seen with bruise to cheek."),
        ("Elm Road Surgery", "20/03/2007", "Mother phoned for results."),
    ]
    for number, (agency, date, text) in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 9)
        pdf.drawString(60, height - 30, agency)
        pdf.drawRightString(width - 60, height - 30, "OFFICIAL-SENSITIVE")
        pdf.setFont("Helvetica", 10)
        for k, row in enumerate([("Date", "Details"), (date, text)]):
            y = height - 90 - 18 * k
            pdf.rect(60, y, 80, 18)
            pdf.rect(140, y, 380, 18)
            pdf.drawString(62, y + 5, row[0])
            pdf.drawString(142, y + 5, row[1])
        pdf.setFont("Helvetica", 9)
        pdf.drawCentredString(width / 2, 30, f"Page {number} of 4")
        pdf.showPage()
    pdf.save()
    chron = scr.read(path)
    events = chron.events.sort_values(S.SOURCE_SHEET)
    assert events[S.AGENCY].tolist() == ["police", "police", "gp", "gp"]


def _ruled_pdf(path: Path, rows: list[tuple[str, ...]], widths: list[int]) -> Path:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=landscape(A4))
    height = landscape(A4)[1]
    pdf.setFont("Helvetica", 9)
    for k, row in enumerate(rows):
        y = height - 60 - 18 * k
        x = 60
        for width, text in zip(widths, row, strict=True):
            pdf.rect(x, y, width, 18)
            pdf.drawString(x + 2, y + 5, text)
            x += width
    pdf.showPage()
    pdf.save()
    return path


ENTRIES = [
    ("01/03/2007", "Health Visiting", "HV1", "Home visit, Child A seen."),
    ("02/03/2007", "GP", "Dr B", "Child A seen with bruise to cheek."),
]


def test_excel_headings_printed_in_the_grid_are_no_column(tmp_path: Path):
    """An Excel sheet printed with gridlines and its headings: the column letters and row
    numbers are printed in cells of the grid, so the row numbers were a column headed
    '1' and each event's extra held '1: 2'. They are now no column."""
    rows = [("", "A", "B", "C", "D"), ("1", "Date", "Agency", "Practitioner", "Details")]
    rows += [(str(k), *entry) for k, entry in enumerate(ENTRIES, start=2)]
    chron = scr.read(_ruled_pdf(tmp_path / "sheet.pdf", rows, [25, 70, 90, 80, 300]))
    assert chron.events[S.PRACTITIONER].tolist() == ["HV1", "Dr B"]
    assert chron.events[S.EXTRA].isna().all()


def test_entry_numbers_of_a_template_stay_read(tmp_path: Path):
    """A template's entry numbers under their heading ('No.') are the table's own column."""
    rows = [("No.", "Date", "Agency", "Practitioner", "Details")]
    rows += [(str(k), *entry) for k, entry in enumerate(ENTRIES, start=1)]
    chron = scr.read(_ruled_pdf(tmp_path / "chronology.pdf", rows, [25, 70, 90, 80, 300]))
    assert chron.events[S.DETAILS].tolist() == [entry[3] for entry in ENTRIES]
    assert chron.events[S.SEQUENCE].astype(str).tolist() == ["1", "2"]
