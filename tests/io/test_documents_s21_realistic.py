"""Chronologies as IMR authors and review panels write them, read row by row (fictional).

Each document is built here (python-docx for Word, reportlab for PDF, plain text): an
agency's narrative IMR section with the author's analysis under its entries, IMR tables
("Date/time | Source | Event | Comment/analysis") with continuation rows and merged cells,
a combined chronology with an agency column and year rows over dates without their year,
a police table over several pages with its header repeated and the page's header and
footer, a PDF narrative under year headings, a school's text file, a Markdown table and a
block of labelled lines. Every row's date, agency, details and source_row is checked, and
every input row is an event or a rejected row with its reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

docx = pytest.importorskip("docx")
pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")
from docx.oxml import OxmlElement  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import getSampleStyleSheet  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: E402

import scr_timeline as scr  # noqa: E402
from scr_timeline import schema as S  # noqa: E402

STYLES = getSampleStyleSheet()


def add_table(document: Any, rows: Sequence[Sequence[str | None]]) -> Any:
    """A Word table of ``rows``, its first row a header repeated on each page."""
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            if value is not None:
                table.cell(r, c).text = value
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    return table


def build_pdf(path: Path, story: Sequence[Any]) -> Path:
    """A landscape PDF with a running page header (a protective marking and the review's
    name) and a page number in the footer."""

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(
            40, doc.pagesize[1] - 25, "OFFICIAL - SENSITIVE - Northshire SCR Child A (fictional)"
        )
        canvas.drawString(doc.pagesize[0] / 2, 20, f"Page {doc.page}")

    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(
        list(story), onFirstPage=decorate, onLaterPages=decorate
    )
    return path


def rows_of(chron: scr.Chronology, *columns: str) -> list[tuple[Any, ...]]:
    """The events in document order (sheet, row), as tuples of ``columns`` (dates as
    dd/mm/yyyy, categories as text, missing values as None)."""
    ev = chron.events.sort_values([S.SOURCE_SHEET, S.SOURCE_ROW])
    out = []
    for column in columns:
        values = ev[column]
        if column in (S.START, S.END):
            values = values.dt.strftime("%d/%m/%Y")
        values = values.astype(object).where(values.notna(), None)
        out.append([str(v) if column == S.AGENCY and v is not None else v for v in values])
    return list(zip(*out, strict=True))


def accounted(chron: scr.Chronology) -> dict[tuple[str, int], str]:
    """Each (sheet, row) of an event ("event") or a rejected row (its reason code)."""
    out: dict[tuple[str, int], str] = {}
    for sheet, row in chron.events[[S.SOURCE_SHEET, S.SOURCE_ROW]].itertuples(index=False):
        assert (str(sheet), int(row)) not in out
        out[str(sheet), int(row)] = "event"
    rejected = chron.rejected[[S.SOURCE_SHEET, S.SOURCE_ROW, S.REASON_CODE]]
    for sheet, row, code in rejected.itertuples(index=False):
        assert (str(sheet), int(row)) not in out
        out[str(sheet), int(row)] = str(code)
    return out


def warned(chron: scr.Chronology, code: str) -> list[int]:
    rows = chron.warnings.loc[chron.warnings[S.CODE] == code, S.SOURCE_ROW]
    return [int(r) for r in rows.dropna()]


# 1 -------------------------------------------------------------------------------------------
def test_health_visiting_imr_narrative_in_word(tmp_path: Path):
    """An IMR's chronology section: numbered dated paragraphs, the author's analysis under
    some of them, "w/c", a range, "c. June 2007", a year heading over "14 January", a
    month entry ("Feb 08: ..."), then the report's own analysis section."""
    document = docx.Document()
    document.add_heading("Individual Management Review: Northshire Healthcare NHS Trust", 1)
    document.add_paragraph("Health Visiting Service")
    document.add_heading("3. Chronology of involvement", 2)
    for text in [
        "3.1 On 12 March 2007 HV1 completed the new birth visit at the home address. Child A "
        "was seen and weighed.",
        "Analysis by IMR author: the visit was within the expected timescale.",
        "3.2 w/c 19/03/2007 HV1 attempted two home visits; no reply on either occasion.",
        "3.3 12-14/04/2007 Child A admitted to the children's ward with bronchiolitis.",
        "3.4 c. June 2007 Mother told HV1 by telephone that her partner had moved in.",
        "Analysis by IMR author: the arrival of a new adult was not explored.",
    ]:
        document.add_paragraph(text)
    document.add_heading("2008", 3)
    document.add_paragraph(
        "3.5 14 January - HV1 saw Child A at clinic; a bruise to the left cheek."
    )
    document.add_paragraph("3.6 Feb 08: HV1 discussed the family in safeguarding supervision.")
    document.add_heading("4. Analysis", 2)
    document.add_paragraph("4.1 In January 2008 the bruise should have been referred to CSC.")
    path = tmp_path / "hv-imr.docx"
    document.save(path)

    chron = scr.read(path)
    assert rows_of(chron, S.SOURCE_ROW, S.START, S.END, S.PRECISION, S.AGENCY) == [
        (4, "12/03/2007", "12/03/2007", "day", "health_visiting"),
        (6, "19/03/2007", "25/03/2007", "week", "health_visiting"),
        (7, "12/04/2007", "14/04/2007", "day", "health_visiting"),
        (8, "01/06/2007", "30/06/2007", "month", "health_visiting"),
        (11, "14/01/2008", "14/01/2008", "day", "health_visiting"),
        (12, "01/02/2008", "29/02/2008", "month", "health_visiting"),
    ]
    assert rows_of(chron, S.DETAILS, S.COMMENT) == [
        (
            "HV1 completed the new birth visit at the home address. Child A was seen and weighed.",
            "the visit was within the expected timescale.",
        ),
        ("HV1 attempted two home visits; no reply on either occasion.", None),
        ("Child A admitted to the children's ward with bronchiolitis.", None),
        (
            "Mother told HV1 by telephone that her partner had moved in.",
            "the arrival of a new adult was not explored.",
        ),
        ("HV1 saw Child A at clinic; a bruise to the left cheek.", None),
        ("HV1 discussed the family in safeguarding supervision.", None),
    ]
    assert chron.rejected.empty
    assert warned(chron, "year_inferred") == [11]
    assert warned(chron, "report_section") == [13]


# 2 -------------------------------------------------------------------------------------------
def test_gp_imr_table_with_continuation_and_merged_source_in_word(tmp_path: Path):
    """ "Date/time | Source | Event | Comment/analysis": a date with its time in one cell, a
    row typed to carry on the cell above, a source cell merged over two rows, a row dated
    "Unknown", the author's analysis in a paragraph under the table."""
    document = docx.Document()
    document.add_heading("Elm Road Surgery - GP IMR chronology (fictional)", 1)
    table = add_table(
        document,
        [
            ["Date/time", "Source", "Event", "Comment/analysis"],
            ["12/03/2007 10:20", "GP records", "Child A seen by GP1 for 6 week check.", "Good."],
            ["", "", "GP1 notes Mother low in mood; PHQ-9 not done.", ""],
            ["02/04/2007", "GP records", "DNA immunisations.", "Practice policy is to re-book."],
            ["03/04/2007", "", "Re-booked appointment letter sent.", ""],
            ["14/01/2008 16:45", "Out of hours", "Child A seen with a bruise to the cheek.", ""],
            ["Unknown", "GP records", "Mother asked about sleep advice.", ""],
        ],
    )
    table.cell(3, 1).merge(table.cell(4, 1))
    document.add_paragraph("Analysis by IMR author: the practice had no safeguarding lead.")
    path = tmp_path / "gp-imr.docx"
    document.save(path)

    chron = scr.read(path)
    assert rows_of(chron, S.SOURCE_ROW, S.START, S.AGENCY, S.SOURCE, S.COMMENT) == [
        (2, "12/03/2007", "gp", "GP records", "Good."),
        (4, "02/04/2007", "gp", "GP records", "Practice policy is to re-book."),
        (5, "03/04/2007", "gp", "GP records", None),
        (6, "14/01/2008", "gp", "Out of hours", None),
    ]
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert ev[S.START].dt.strftime("%H:%M").tolist() == ["10:20", "00:00", "00:00", "16:45"]
    assert ev[S.DETAILS].iloc[0] == (
        "Child A seen by GP1 for 6 week check.\nGP1 notes Mother low in mood; PHQ-9 not done."
    )
    assert accounted(chron) == {
        ("table 1", 2): "event",
        ("table 1", 4): "event",
        ("table 1", 5): "event",
        ("table 1", 6): "event",
        ("table 1", 7): "empty_date",
    }
    assert warned(chron, "row_continued") == [3]


# 3 -------------------------------------------------------------------------------------------
def test_combined_chronology_with_agency_column_and_year_rows_in_word(tmp_path: Path):
    """A combined chronology: an agency column, year rows merged across the table over
    dates without their year ("12 Mar", "19-21 Mar", "14 Jan"), "w/c", "c. June 2007",
    "Spring 2008", a month entry in the date cell ("Jan-08"), and a date that does not
    exist."""
    document = docx.Document()
    document.add_heading("Combined multi-agency chronology: Child A (fictional)", 1)
    header = ["Date", "Agency", "Practitioner", "Event", "Outcome", "Comment"]
    table = add_table(
        document,
        [
            header,
            ["2007", None, None, None, None, None],
            ["12 Mar", "Health Visiting", "HV1", "New birth visit; Child A seen.", "Routine", ""],
            ["19-21 Mar", "Police", "PC1", "Two calls about shouting.", "No crime", "Not shared"],
            ["w/c 26/03/2007", "CSC", "SW1", "Referral from police received.", "NFA", ""],
            ["c. June 2007", "Housing", "HO1", "Family moved to temporary accommodation.", "", ""],
            ["2008", None, None, None, None, None],
            ["14 Jan", "GP", "GP1", "Out of hours: bruise to cheek.", "None", ""],
            ["Jan-08", "CSC", "SW1", "SW1 visit.", "", ""],
            ["Spring 2008", "Early Help", "FSW1", "Children's centre sessions attended.", "", ""],
            ["31/02/2008", "CSC", "SW1", "Strategy discussion.", "", ""],
        ],
    )
    for row in (1, 6):
        table.cell(row, 0).merge(table.cell(row, 5))
    path = tmp_path / "combined.docx"
    document.save(path)

    chron = scr.read(path)
    assert rows_of(chron, S.SOURCE_ROW, S.START, S.END, S.PRECISION, S.AGENCY, S.DETAILS) == [
        (3, "12/03/2007", "12/03/2007", "day", "health_visiting", "New birth visit; Child A seen."),
        (4, "19/03/2007", "21/03/2007", "day", "police", "Two calls about shouting."),
        (5, "26/03/2007", "01/04/2007", "week", "csc", "Referral from police received."),
        (
            6,
            "01/06/2007",
            "30/06/2007",
            "month",
            "housing",
            "Family moved to temporary accommodation.",
        ),
        (8, "14/01/2008", "14/01/2008", "day", "gp", "Out of hours: bruise to cheek."),
        (9, "01/01/2008", "31/01/2008", "month", "csc", "SW1 visit."),
        (
            10,
            "01/03/2008",
            "31/05/2008",
            "season",
            "early_years",
            "Children's centre sessions attended.",
        ),
    ]
    assert accounted(chron) == {
        **{("table 1", n): "event" for n in (3, 4, 5, 6, 8, 9, 10)},
        ("table 1", 11): "impossible_date",
    }
    assert warned(chron, "section_row") == [2, 7]
    assert warned(chron, "year_inferred") == [3, 4, 8]


# 4 -------------------------------------------------------------------------------------------
def test_police_imr_table_over_pages_in_pdf(tmp_path: Path):
    """A police IMR table of 30 rows over three pages: its header repeated on each, the
    page's marking at the top and its number at the foot, wrapped cells; the author's
    analysis in a paragraph under it."""
    rows: list[list[Any]] = [["Date", "Time", "Source", "Event", "Comment"]]
    for i in range(30):
        rows.append(
            [
                f"{i % 27 + 1:02d}/{5 + i // 27:02d}/2007",
                "22:15",
                "PNC/Storm log",
                Paragraph(
                    f"Domestic incident {i + 1}: PC{i % 3 + 1} attended; Mother and partner "
                    "arguing, Child A asleep upstairs. A long note that wraps in its cell.",
                    STYLES["BodyText"],
                ),
                Paragraph("DASH risk: standard", STYLES["BodyText"]),
            ]
        )
    table = Table(rows, colWidths=[70, 50, 90, 380, 150], repeatRows=1)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    story = [
        Paragraph("Northshire Police - IMR chronology", STYLES["Heading2"]),
        table,
        Paragraph("Analysis by IMR author: none was shared with CSC.", STYLES["BodyText"]),
    ]
    chron = scr.read(build_pdf(tmp_path / "police-imr.pdf", story))
    ev = chron.events
    assert len(ev) == 30 and chron.rejected.empty
    assert set(ev[S.AGENCY].astype(str)) == {"police"}
    numbers = ev[S.DETAILS].str.extract(r"Domestic incident (\d+):")[0].astype(int)
    assert sorted(numbers) == list(range(1, 31))
    expected = pd.to_datetime(
        [f"2007-{5 + (n - 1) // 27:02d}-{(n - 1) % 27 + 1:02d} 22:15" for n in numbers]
    )
    assert (ev[S.START].to_numpy() == expected.to_numpy()).all()
    assert not ev[S.DETAILS].str.contains("OFFICIAL|Page|Date|Comment").any()
    assert set(ev[S.COMMENT]) == {"DASH risk: standard"}
    assert set(ev[S.SOURCE]) == {"PNC/Storm log"}
    # rows counted on each page from its repeated header (row 1)
    per_page = ev.groupby(S.SOURCE_SHEET)[S.SOURCE_ROW].agg(["min", "count"])
    assert (per_page["min"] == 2).all() and per_page["count"].sum() == 30


# 5 -------------------------------------------------------------------------------------------
def test_csc_imr_narrative_under_year_headings_in_pdf(tmp_path: Path):
    """A PDF narrative under year headings: days without their year ("12 March - ..."),
    month entries ("Apr-07: ...", "Jan-08: SW1 visit.") and the author's analysis."""
    story = [
        Paragraph(text, STYLES[style])
        for style, text in [
            ("Heading1", "Children's Social Care IMR"),
            ("Heading3", "2007"),
            ("BodyText", "12 March - referral received from the police about domestic abuse."),
            ("BodyText", "Analysis by IMR author: the referral was not progressed."),
            ("BodyText", "Apr-07: SW1 allocated; initial assessment started."),
            ("BodyText", "3 May - SW1 home visit, Child A seen asleep."),
            ("Heading3", "2008"),
            ("BodyText", "Jan-08: SW1 visit."),
            ("BodyText", "15/01/2008 - strategy discussion; s47 enquiry agreed."),
        ]
    ]
    chron = scr.read(build_pdf(tmp_path / "csc-imr.pdf", story))
    assert rows_of(chron, S.SOURCE_ROW, S.START, S.PRECISION, S.AGENCY, S.DETAILS, S.COMMENT) == [
        (
            3,
            "12/03/2007",
            "day",
            "csc",
            "referral received from the police about domestic abuse.",
            "the referral was not progressed.",
        ),
        (5, "01/04/2007", "month", "csc", "SW1 allocated; initial assessment started.", None),
        (6, "03/05/2007", "day", "csc", "SW1 home visit, Child A seen asleep.", None),
        (8, "01/01/2008", "month", "csc", "SW1 visit.", None),
        (9, "15/01/2008", "day", "csc", "strategy discussion; s47 enquiry agreed.", None),
    ]
    assert chron.rejected.empty


# 6 -------------------------------------------------------------------------------------------
def test_school_chronology_as_plain_text(write_text):
    """A school's chronology typed in a text file: a year line over days without their
    year, the author's analysis on the line under an entry, "w/c", a month entry, a range
    and a relative date (rejected with its reason)."""
    path = write_text(
        "school.txt",
        "St Anne's Primary School - chronology for Child A's sibling\n"
        "OFFICIAL - SENSITIVE\n\n"
        "2007\n\n"
        "5 September - Sibling started in Reception. Mother brought Child A in the buggy.\n"
        "Analysis by IMR author: staff knew of no concerns at this time.\n\n"
        "w/c 15/10/2007 - Sibling absent three days; Mother said illness.\n\n"
        "Mar 08 - DSL noted sibling said 'daddy hit mummy'. Logged, not referred.\n\n"
        "12-14/03/2008 - Sibling absent.\n\n"
        "Approx. 2 weeks later - Mother came in upset.\n",
    )
    chron = scr.read(path)
    assert rows_of(chron, S.SOURCE_ROW, S.START, S.END, S.PRECISION, S.AGENCY, S.DETAILS) == [
        (
            6,
            "05/09/2007",
            "05/09/2007",
            "day",
            "education",
            "Sibling started in Reception. Mother brought Child A in the buggy.",
        ),
        (
            9,
            "15/10/2007",
            "21/10/2007",
            "week",
            "education",
            "Sibling absent three days; Mother said illness.",
        ),
        (
            11,
            "01/03/2008",
            "31/03/2008",
            "month",
            "education",
            "DSL noted sibling said 'daddy hit mummy'. Logged, not referred.",
        ),
        (13, "12/03/2008", "14/03/2008", "day", "education", "Sibling absent."),
    ]
    assert chron.events.sort_values(S.SOURCE_ROW)[S.COMMENT].iloc[0] == (
        "staff knew of no concerns at this time."
    )
    assert accounted(chron) == {
        **{("line", n): "event" for n in (6, 9, 11, 13)},
        ("line", 15): "relative_date",
    }


# 7 -------------------------------------------------------------------------------------------
def test_combined_chronology_as_a_markdown_table(write_text):
    """A combined chronology pasted into Markdown: outer bars, a "<br>" in a cell, a row
    carrying on the row above, a month in the date column, a year row, a date that does
    not exist."""
    path = write_text(
        "combined.md",
        "# Combined chronology - Child A\n\n"
        "| Date | Agency | Source | Event | Comment/analysis |\n"
        "|------|--------|--------|-------|------------------|\n"
        "| 12/03/2007 | Health Visiting | HV1 | New birth visit<br>Child A seen | Good |\n"
        "| | | | Mother low in mood | |\n"
        "| 14/03/2007 | Police | Storm | DV incident | Not shared |\n"
        "| Mar 2007 | CSC | Contact log | Police notification screened; NFA | |\n"
        "| 2007 | | | | |\n"
        "| 31/04/2007 | GP | Notes | Seen | |\n",
    )
    chron = scr.read(path)
    assert rows_of(chron, S.SOURCE_ROW, S.START, S.PRECISION, S.AGENCY, S.SOURCE, S.DETAILS) == [
        (
            5,
            "12/03/2007",
            "day",
            "health_visiting",
            "HV1",
            "New birth visit\nChild A seen\nMother low in mood",
        ),
        (7, "14/03/2007", "day", "police", "Storm", "DV incident"),
        (8, "01/03/2007", "month", "csc", "Contact log", "Police notification screened; NFA"),
    ]
    assert accounted(chron) == {
        ("line", 5): "event",
        ("line", 7): "event",
        ("line", 8): "event",
        ("line", 10): "impossible_date",
    }
    assert warned(chron, "row_continued") == [6]
    assert warned(chron, "section_row") == [9]


# 8 -------------------------------------------------------------------------------------------
def test_early_help_entries_as_labelled_blocks_in_word(tmp_path: Path):
    """Entries typed as blocks of labelled lines ("Date:", "Event:", "Outcome:", "Analysis
    by IMR author:"), a blank paragraph between them."""
    document = docx.Document()
    document.add_paragraph("Northshire Children's Centre - Early Help chronology")
    for lines in (
        ["Date: 12/03/2007", "Event: FSW1 home visit. Child A seen.", "Outcome: CAF started."],
        [
            "Date: 20/03/2007",
            "Event: TAF meeting. HV1 and SW1 attended.",
            "Outcome: plan agreed.",
            "Analysis by IMR author: the plan had no timescales.",
        ],
        ["Date: not recorded", "Event: FSW1 phoned Mother.", "Outcome: no answer."],
    ):
        for line in lines:
            document.add_paragraph(line)
        document.add_paragraph("")
    path = tmp_path / "early-help.docx"
    document.save(path)

    chron = scr.read(path)
    assert rows_of(
        chron, S.SOURCE_ROW, S.START, S.AGENCY, S.DETAILS, S.OUTCOME, S.PRACTITIONER, S.COMMENT
    ) == [
        (
            2,
            "12/03/2007",
            "early_years",
            "FSW1 home visit. Child A seen.",
            "CAF started.",
            "FSW1",
            None,
        ),
        (
            5,  # the number among the non-empty paragraphs
            "20/03/2007",
            "early_years",
            "TAF meeting. HV1 and SW1 attended.",
            "plan agreed.",
            "HV1 / SW1",
            "the plan had no timescales.",
        ),
    ]
    assert accounted(chron) == {
        ("paragraph", 2): "event",
        ("paragraph", 5): "event",
        ("paragraph", 9): "empty_date",
    }


# 9 -------------------------------------------------------------------------------------------
def test_combined_table_of_uncertain_dates_over_pages_in_pdf(tmp_path: Path):
    """A combined PDF table: "Jan-07", a range, "w/c", "?22 May 2007", a row carrying on
    the one above, "Date unknown"; 18 health visits push it over three pages."""
    cell = lambda text: Paragraph(text, STYLES["BodyText"])  # noqa: E731
    rows: list[list[Any]] = [["Date/time", "Agency", "Source", "Event", "Comment/analysis"]]
    rows.append(["Jan-07", "Housing", "Tenancy file", cell("Family housed at 3 Elm Road."), ""])
    rows.append(["12-14/03/2007", "Hospital", "Ward notes", cell("Admitted: bronchiolitis."), ""])
    rows.append(["w/c 19/03/2007", "CSC", "Contact log", cell("Police notification; NFA."), ""])
    for i in range(18):
        visit = "Home visit. " + "Child A seen, Mother engaged, partner absent, advice given. " * 3
        rows.append([f"{i + 1:02d}/04/2007 10:00", "Health Visiting", "HV1 diary", cell(visit), ""])
    rows.append(["?22 May 2007", "GP", "GP notes", cell("Child A seen with nappy rash."), ""])
    rows.append(["", "", "", cell("Mother said the partner had left."), ""])
    rows.append(["Date unknown", "Police", "PNC", cell("Partner known for violence."), ""])
    table = Table(rows, colWidths=[85, 80, 80, 330, 150], repeatRows=1)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    chron = scr.read(build_pdf(tmp_path / "combined.pdf", [table]))
    ev = chron.events.sort_values(S.START, kind="stable")
    assert len(ev) == 22
    first = ev.iloc[:3]
    assert first[S.DATE_TEXT].tolist() == ["Jan-07", "12-14/03/2007", "w/c 19/03/2007"]
    assert first[S.PRECISION].astype(str).tolist() == ["month", "day", "week"]
    assert first[S.END].dt.strftime("%d/%m/%Y").tolist() == [
        "31/01/2007",
        "14/03/2007",
        "25/03/2007",
    ]
    assert first[S.AGENCY].astype(str).tolist() == ["housing", "hospital", "csc"]
    visits = ev[ev[S.AGENCY] == "health_visiting"]
    assert visits[S.START].dt.strftime("%d %H:%M").tolist() == [
        f"{d:02d} 10:00" for d in range(1, 19)
    ]
    last = ev.iloc[-1]
    assert last[S.DATE_TEXT] == "?22 May 2007"
    assert last[S.DETAILS] == "Child A seen with nappy rash.\nMother said the partner had left."
    rejected = chron.rejected
    assert rejected[S.REASON_CODE].tolist() == ["empty_date"]
    assert rejected[S.DETAILS].tolist() == ["Partner known for violence."]
    assert len(warned(chron, "row_continued")) == 1
    assert warned(chron, "approximate_date")
