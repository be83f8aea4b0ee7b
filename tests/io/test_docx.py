"""Word reader: documents written here by python-docx (all data fictional)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pytest

docx = pytest.importorskip("docx")
from docx.enum.section import WD_ORIENT  # noqa: E402
from docx.enum.text import WD_BREAK  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402

import scr_timeline as scr  # noqa: E402
from scr_timeline import schema as S  # noqa: E402
from scr_timeline.exceptions import (  # noqa: E402
    ChronologyReadError,
    MissingColumnError,
    MissingDependencyError,
)
from scr_timeline.io.docx import read_docx, read_docx_tables  # noqa: E402
from scr_timeline.testing import assert_chronology_accounts_for  # noqa: E402

HEADER = ["Date", "Agency", "Source", "Event/Details", "Outcome/Action", "Comment/Analysis"]


def add_table(document, rows: Sequence[Sequence[str | None]], *, header_rows: int = 1):
    """A table with the given rows; the first ``header_rows`` repeat on each page."""
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            if value is not None:
                table.cell(r, c).text = value
    for r in range(header_rows):
        table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    return table


def save(document, tmp_path: Path, name: str = "combined.docx") -> Path:
    path = tmp_path / name
    document.save(path)
    return path


def narrative(tmp_path: Path, name: str, *blocks: str | tuple[str, int]) -> Path:
    """A document of headings ((text, level)) and paragraphs (text), saved as ``name``."""
    document = docx.Document()
    for block in blocks:
        if isinstance(block, tuple):
            document.add_heading(block[0], level=block[1])
        else:
            document.add_paragraph(block)
    return save(document, tmp_path, name)


@pytest.fixture
def combined(tmp_path: Path) -> Path:
    """A landscape combined chronology: merged cells, repeated header, section rows."""
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading("Child A: combined chronology (fictional)", level=1)
    rows: list[list[str | None]] = [
        HEADER,
        ["2007", None, None, None, None, None],  # section row, merged across
        ["12/03/2007", "GP", "GP1 notes", "Child A seen with a bruise to the cheek", "None", ""],
        [None, "Health Visiting", "HV1 diary", "Home visit", "Advice given", ""],  # date merged
        HEADER,  # header typed again in the body (page 2)
        ["Period 2: March - June 2007", None, None, None, None, None],
        ["14/03/2007", "Police", "PNC", "Domestic incident at the home", "Notified CSC", ""],
        ["31/06/2007", "CSC", "Case notes", "Impossible date", None, None],
    ]
    table = add_table(document, rows)
    for r in (1, 5):  # section rows span the whole table
        table.cell(r, 0).merge(table.cell(r, 5))
    table.cell(2, 0).merge(table.cell(3, 0))  # one date for two events of the same day
    # a multi-paragraph cell with a bullet list
    cell = table.cell(6, 4)
    cell.add_paragraph("Strategy discussion requested", style="List Bullet")
    cell.add_paragraph("Child A to be seen by CP medical", style="List Bullet")
    return save(document, tmp_path)


def test_merged_cells_sections_repeated_header_and_provenance(combined: Path):
    chron = read_docx(combined)
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "12/03/2007",
        "12/03/2007",
        "14/03/2007",
    ]
    assert ev[S.AGENCY].astype(str).tolist() == ["gp", "health_visiting", "police"]
    assert ev[S.SOURCE_SHEET].tolist() == ["table 1"] * 3
    assert ev[S.SOURCE_ROW].tolist() == [3, 4, 7]  # rows as Word shows them, header is row 1
    assert ev[S.SOURCE].tolist() == ["GP1 notes", "HV1 diary", "PNC"]
    police = ev.iloc[2]
    assert police[S.OUTCOME] == (
        "Notified CSC\n• Strategy discussion requested\n• Child A to be seen by CP medical"
    )
    assert chron.rejected[[S.SOURCE_SHEET, S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [
        ["table 1", 8, "impossible_date"]
    ]
    # 4 data rows: header (twice) and section rows are not data rows, but none is silent
    assert len(ev) + len(chron.rejected) == 4
    warned = chron.warnings.set_index(S.CODE)
    assert warned.loc["repeated_header", S.SOURCE_ROW] == 5
    sections = chron.warnings[chron.warnings[S.CODE] == "section_row"]
    assert sections[S.SOURCE_ROW].tolist() == [2, 6]
    assert "Period 2: March - June 2007" in sections[S.MESSAGE].iloc[1]
    assert chron.meta.title == "Child A: combined chronology (fictional)"
    assert ev.index.str.startswith("combined-table-1-r").all()


def test_read_dispatches_docx(combined: Path):
    chron = scr.read(combined, child_dob="01/03/2006")
    assert len(chron.events) == 3
    assert chron.events[S.EVENT_TYPE].notna().all()  # classified
    assert chron.meta.sources[0].format == "docx"


def test_agency_from_heading_above_each_table(tmp_path: Path):
    document = docx.Document()
    document.add_heading("Child A: agency chronologies", level=1)
    document.add_heading("Metropolitan Police Chronology", level=2)
    add_table(document, [["Date", "Details"], ["01/05/2012", "DV call-out"]])
    document.add_paragraph("GP records")  # a plain paragraph naming the agency
    add_table(document, [["Date", "Details"], ["02/05/2012", "Mother seen"]])
    document.add_heading("Key to abbreviations", level=2)
    add_table(document, [["HV", "Health visitor"], ["SW", "Social worker"]])
    chron = read_docx(save(document, tmp_path, "child-a.docx"))
    ev = chron.events
    assert ev[S.AGENCY].astype(str).tolist() == ["police", "gp"]
    assert ev[S.ORGANISATION].tolist() == ["Metropolitan Police Chronology", "GP records"]
    assert ev[S.SOURCE_SHEET].tolist() == ["table 1", "table 2"]
    skipped = chron.warnings[chron.warnings[S.CODE] == "table_skipped"]
    assert skipped[S.SOURCE_SHEET].tolist() == ["table 3"]


def test_summary_of_key_dates_is_not_read_again(tmp_path: Path):
    """A 'Key dates' table before the chronology (and its next page) tells the chronology's
    events again in a line: its rows on a day the chronology has an event are rejected as
    summary_duplicate naming that event, not read twice (as agency 'other'); a row on a day
    the chronology lacks stays an event, with a warning. 'Chronology of key events' is
    the chronology itself."""
    document = docx.Document()
    document.add_heading("Child A: serious case review (fictional)", level=1)
    document.add_heading("Appendix 1: Summary of key events", level=2)
    add_table(
        document,
        [
            ["Date", "Event"],
            ["12/03/2007", "Child A seen by the GP with a bruise"],
            ["14/03/2007", "Strategy discussion"],
        ],
    )
    add_table(document, [["20/05/2007", "Child A admitted with a fractured skull"]])
    document.add_heading("Appendix 2: Chronology of key events", level=2)
    add_table(
        document,
        [
            HEADER,
            ["12/03/2007", "GP", "GP1 notes", "Child A seen, bruise to the cheek", "None", ""],
            ["14/03/2007", "CSC", "Case notes", "Strategy discussion with police", "S47", ""],
        ],
    )
    chron = read_docx(save(document, tmp_path, "review.docx"))
    ev = chron.events
    assert list(zip(ev[S.SOURCE_SHEET], ev[S.SOURCE_ROW], strict=True)) == [
        ("table 3", 2),
        ("table 3", 3),
        ("table 2", 1),
    ]
    assert ev[S.AGENCY].astype(str).tolist()[:2] == ["gp", "csc"]
    rejected = chron.rejected
    assert rejected[S.REASON_CODE].tolist() == ["summary_duplicate", "summary_duplicate"]
    assert rejected[S.SOURCE_ROW].tolist() == [2, 3]
    assert "table 3 row 2" in rejected[S.REASON].iloc[0]
    kept = chron.warnings[chron.warnings[S.CODE] == "summary_row_kept"]
    assert kept[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [["table 2", 1]]
    assert_chronology_accounts_for(chron, 5)


def test_a_summary_of_key_dates_alone_is_the_chronology(tmp_path: Path):
    document = docx.Document()
    document.add_heading("Key dates", level=2)
    add_table(document, [["Date", "Event"], ["12/03/2007", "Child A seen by GP1"]])
    chron = read_docx(save(document, tmp_path, "child-a.docx"))
    assert chron.events[S.SOURCE_ROW].tolist() == [2]
    assert chron.rejected.empty


def test_year_rows_give_their_year_and_are_no_events(tmp_path: Path):
    """A chronology divided by year rows ("2007" merged across the table, or typed alone
    in the date cell) whose dates are written without their year ("12 March"): each date
    takes the year of the row above it, and the year rows are section rows, not events
    (merged across, every date under them was rejected as missing_year; typed, each was
    an empty event spanning the year)."""
    document = docx.Document()
    document.add_heading("GP chronology (fictional)", level=2)
    rows: list[list[str | None]] = [
        ["Date", "Practitioner", "Details"],
        ["2007", None, None],  # merged across below
        ["12 March", "GP1", "Child A seen with a bruise to the cheek"],
        ["28 Dec", "GP2", "Mother seen"],
        ["2008", None, None],  # typed in the date cell
        ["3 Jan", "GP1", "Child A seen, no concerns"],
    ]
    table = add_table(document, rows)
    table.cell(1, 0).merge(table.cell(1, 2))
    chron = read_docx(save(document, tmp_path, "gp.docx"))
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "12/03/2007",
        "28/12/2007",
        "03/01/2008",
    ]
    assert ev[S.SOURCE_ROW].tolist() == [3, 4, 6]
    assert chron.rejected.empty
    sections = chron.warnings[chron.warnings[S.CODE] == "section_row"]
    assert sections[S.SOURCE_ROW].tolist() == [2, 5]
    assert all("take their year from it" in m for m in sections[S.MESSAGE])
    assert "no_agency" not in set(chron.warnings[S.CODE])


def test_table_split_across_pages_is_joined(tmp_path: Path):
    document = docx.Document()
    document.add_heading("Health visiting chronology", level=2)
    add_table(
        document, [["Date", "Practitioner", "Details"], ["01/03/2013", "HV1", "New birth visit"]]
    )
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    add_table(document, [["08/03/2013", "HV1", "Weighed"], ["15/03/2013", "HV2", "Clinic"]])
    chron = read_docx(save(document, tmp_path, "hv.docx"))
    ev = chron.events
    assert ev[S.AGENCY].astype(str).tolist() == ["health_visiting"] * 3
    assert ev[S.PRACTITIONER].tolist() == ["HV1", "HV1", "HV2"]
    assert list(zip(ev[S.SOURCE_SHEET], ev[S.SOURCE_ROW], strict=True)) == [
        ("table 1", 2),
        ("table 2", 1),
        ("table 2", 2),
    ]
    assert "table_continued" in set(chron.warnings[S.CODE])


@pytest.mark.parametrize(
    ("rest", "joined_text"),
    [
        ([[None, None, "the left ear noted."], ["08/03/2013", "HV1", "Weighed"]], ""),
        # and the rows under it that carry on the entry (each paragraph typed as a row)
        (
            [
                [None, None, "the left ear noted."],
                [None, None, "Referral to CSC made by HV1."],
                ["08/03/2013", "HV1", "Weighed"],
            ],
            "\nReferral to CSC made by HV1.",
        ),
    ],
)
def test_row_broken_by_a_page_break_between_tables_is_joined(
    tmp_path: Path, rest: list[list[str | None]], joined_text: str
):
    document = docx.Document()
    add_table(
        document,
        [["Date", "Practitioner", "Details"], ["01/03/2013", "HV1", "New birth visit; bruise to"]],
    )
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    add_table(document, rest)
    chron = read_docx(save(document, tmp_path, "hv.docx"), agency="health_visiting")
    assert chron.events[S.DETAILS].tolist() == [
        "New birth visit; bruise to the left ear noted." + joined_text,
        "Weighed",
    ]
    assert chron.rejected.empty
    joined = chron.warnings[chron.warnings[S.CODE] == "row_continued"]
    assert joined[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [
        ["table 2", row] for row in range(1, len(rest))
    ]
    assert_chronology_accounts_for(chron, len(rest) + 1)


def test_dated_paragraph_outside_the_tables_is_reported(tmp_path: Path):
    document = docx.Document()
    document.add_heading("Police chronology", level=2)
    add_table(document, [["Date", "Details"], ["01/05/2012", "DV call-out"]])
    document.add_paragraph("On 3 May 2012 PC1 made a referral to CSC; it is not in the table.")
    document.add_paragraph("Key: PC = police constable.")
    chron = read_docx(save(document, tmp_path, "police.docx"))
    assert chron.events[S.DETAILS].tolist() == ["DV call-out"]
    outside = chron.warnings[chron.warnings[S.CODE] == "text_outside_tables"]
    assert len(outside) == 1
    assert "On 3 May 2012 PC1 made a referral" in outside[S.MESSAGE].iloc[0]


def test_two_row_header_with_horizontal_merge(tmp_path: Path):
    document = docx.Document()
    table = add_table(
        document,
        [
            ["Date", None, "Details", "Outcome"],
            ["From", "To", None, None],
            ["01/03/2013", "03/03/2013", "Home visits", "Weighed"],
        ],
        header_rows=2,
    )
    table.cell(0, 0).merge(table.cell(0, 1))
    table.cell(0, 2).merge(table.cell(1, 2))
    table.cell(0, 3).merge(table.cell(1, 3))
    chron = read_docx(save(document, tmp_path, "hv.docx"))
    ev = chron.events
    assert ev[S.START].tolist() == [pd.Timestamp("2013-03-01")]
    assert ev[S.END].tolist() == [pd.Timestamp("2013-03-03 23:59:59")]
    assert ev[S.DETAILS].tolist() == ["Home visits"]
    assert ev[S.SOURCE_ROW].tolist() == [3]


def test_no_table_falls_back_to_narrative(tmp_path: Path):
    document = docx.Document()
    document.add_heading("Police chronology for Child A", level=1)
    document.add_paragraph("Prepared for the review panel.")
    document.add_paragraph("On 14 July 1999 DC1 attended a domestic incident at the home.")
    document.add_paragraph("Mother declined to make a statement.")
    document.add_paragraph("Late July 1999: PC2 made a welfare check.")
    chron = read_docx(save(document, tmp_path, "narrative.docx"))
    ev = chron.events
    assert ev[S.AGENCY].astype(str).tolist() == ["police", "police"]
    assert ev[S.PRACTITIONER].tolist() == ["DC1", "PC2"]
    assert ev[S.SOURCE_SHEET].tolist() == ["paragraph", "paragraph"]
    assert ev[S.SOURCE_ROW].tolist() == [3, 5]
    assert ev[S.DETAILS].iloc[0].endswith("Mother declined to make a statement.")
    codes = set(chron.warnings[S.CODE])
    assert {"narrative_read", "narrative_preamble"} <= codes


def test_narrative_with_dates_set_as_headings_and_agency_subheadings(tmp_path: Path):
    """A narrative whose entries are each dated by a heading (a heading style) with the
    entry's paragraphs under it, in runs under agency subheadings: each dated heading is
    an entry, of the agency above it (the first entry, with its bruise, was preamble)."""
    document = docx.Document()
    document.add_heading("Chronology of involvement: Child A (fictional)", level=1)
    document.add_heading("Health Visiting", level=2)
    document.add_heading("12 March 2007", level=3)
    document.add_paragraph("HV1 visited the home. Child A seen with a bruise to the cheek.")
    document.add_paragraph("Mother said Child A fell from the sofa.")
    document.add_heading("Police", level=2)
    document.add_heading("Tuesday 20 March 2007", level=3)
    document.add_paragraph("PC1 attended a domestic incident at the home.")
    chron = read_docx(save(document, tmp_path, "narrative.docx"))
    ev = chron.events
    assert ev[S.DATE_TEXT].tolist() == ["12 March 2007", "Tuesday 20 March 2007"]
    assert ev[S.AGENCY].astype(str).tolist() == ["health_visiting", "police"]
    assert ev[S.SOURCE_ROW].tolist() == [3, 7]
    assert ev[S.DETAILS].iloc[0].endswith("Mother said Child A fell from the sofa.")
    assert ev[S.INJURY].tolist() == [True, False]


def test_narrative_under_year_headings_with_dates_without_their_year(tmp_path: Path):
    document = docx.Document()
    document.add_heading("Health visiting chronology (fictional)", level=1)
    document.add_heading("2007", level=2)
    document.add_paragraph("12 March: HV1 new birth visit, Child A seen.", style="List Bullet")
    document.add_paragraph("Mother low in mood.")
    document.add_heading("2008", level=2)
    document.add_paragraph("3rd January - HV2 clinic, Child A weighed.", style="List Bullet")
    chron = read_docx(save(document, tmp_path, "hv.docx"))
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == ["12/03/2007", "03/01/2008"]
    assert ev[S.SOURCE_ROW].tolist() == [3, 6]
    assert ev[S.DETAILS].iloc[0] == "HV1 new birth visit, Child A seen.\nMother low in mood."
    assert chron.rejected.empty


def test_narrative_with_agency_subheadings_typed_in_bold_or_underlined(tmp_path: Path):
    """Agency subheadings typed by hand (bold, underlined, in capitals: no heading style)
    between runs of dated entries give the agency of the entries under them: they were
    added to the entry above as its text, and the entries kept the agency above them. A
    sentence in bold inside an entry stays its text."""
    document = docx.Document()
    document.add_heading("Combined chronology (fictional)", level=1)
    document.add_paragraph().add_run("Health Visiting").bold = True
    document.add_paragraph("12/03/2007 - HV1 visited. Child A seen.")
    document.add_paragraph().add_run("Mother told HV1 the GP had seen the bruise.").bold = True
    document.add_paragraph("14/03/2007 - Clinic attendance, weighed.")
    document.add_paragraph().add_run("POLICE").bold = True
    document.add_paragraph("20/03/2007 - Domestic incident at the home.")
    document.add_paragraph().add_run("Children's Social Care").underline = True
    document.add_paragraph("21/03/2007 - Referral received.")
    chron = read_docx(save(document, tmp_path, "combined.docx"))
    ev = chron.events
    assert ev[S.AGENCY].astype(str).tolist() == ["health_visiting"] * 2 + ["police", "csc"]
    assert ev[S.DETAILS].tolist() == [
        "HV1 visited. Child A seen.\nMother told HV1 the GP had seen the bruise.",
        "Clinic attendance, weighed.",
        "Domestic incident at the home.",
        "Referral received.",
    ]
    headings = chron.warnings[chron.warnings[S.CODE] == "narrative_heading"]
    assert headings[S.SOURCE_ROW].tolist() == [6, 8]


def test_no_table_and_no_dates_is_a_clear_error(tmp_path: Path):
    document = docx.Document()
    document.add_paragraph("This report has no chronology in it.")
    with pytest.raises(MissingColumnError, match=r"empty\.docx.*no table.*no paragraph"):
        read_docx(save(document, tmp_path, "empty.docx"))


def test_only_tables_without_dates_and_no_paragraphs_is_a_clear_error(tmp_path: Path):
    """A document that is one table of contacts with no date column and not a paragraph
    outside it (ValueError from zip() before)."""
    document = docx.Document()
    add_table(document, [["Agency", "Contact"], ["GP", "Elm Road Surgery"]])
    path = save(document, tmp_path, "contacts.docx")
    with pytest.raises(MissingColumnError, match=r"contacts\.docx.*1 table.*no paragraph"):
        read_docx(path)


def test_corrupt_file(tmp_path: Path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(ChronologyReadError, match=r"broken\.docx.*Word document"):
        read_docx(path)


def test_missing_dependency_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import sys

    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(MissingDependencyError, match=r"scr-timeline\[word\]"):
        read_docx(tmp_path / "x.docx")


def test_read_docx_tables_gives_the_grid(combined: Path):
    tables, paragraphs, title = read_docx_tables(combined)
    assert [t.sheet for t in tables] == ["table 1"]
    rows = tables[0].rows
    assert rows[3][0] == "12/03/2007"  # carried down from the merged date cell
    assert rows[1] == [None] * 6  # the section row is blanked ...
    assert tables[0].sections[0] == (2, "2007")  # ... and reported
    assert paragraphs[0].heading and title == paragraphs[0].text


def test_entry_typed_over_several_rows_is_joined_to_its_dated_row(tmp_path: Path):
    """Each paragraph typed as its own row: the rows with only narrative text, right under
    a dated row, are the rest of its text (a bruise there is not lost as an undated row)."""
    document = docx.Document()
    document.add_heading("Health visiting chronology", level=2)
    add_table(
        document,
        [
            ["Date", "Practitioner", "Details", "Outcome"],
            ["12/03/2007", "HV1", "Home visit. Child A seen with Mother.", "Advice given"],
            [None, None, "Bruise to the left cheek noted; Mother said he fell.", None],
            [None, None, "HV1 to discuss with the GP.", None],
            ["14/03/2007", "HV1", "Telephone call to GP1.", None],
            [None, None, None, None],
            [None, None, "Undated note after a blank row.", None],
        ],
    )
    chron = read_docx(save(document, tmp_path, "hv.docx"))
    ev = chron.events
    assert ev[S.DETAILS].tolist() == [
        "Home visit. Child A seen with Mother.\nBruise to the left cheek noted; Mother said "
        "he fell.\nHV1 to discuss with the GP.",
        "Telephone call to GP1.",
    ]
    assert ev[S.SOURCE_ROW].tolist() == [2, 5]
    assert bool(ev[S.INJURY].iloc[0])
    joined = chron.warnings[chron.warnings[S.CODE] == "row_continued"]
    assert joined[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [
        ["table 1", 3],
        ["table 1", 4],
    ]
    assert "row 2" in joined[S.MESSAGE].iloc[0]
    # after a blank row it is an undated row of its own, for the reviewer to date
    assert chron.rejected[[S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [[7, "empty_date"]]
    assert_chronology_accounts_for(chron, 5)  # the blank row is no data row


def test_rows_of_forms_per_entry_are_not_joined_to_each_other(tmp_path: Path):
    """An entry of a form without a date is its own undated row, not the entry above's text."""
    document = docx.Document()
    for date in ("12/03/2007", None):
        add_table(document, [["Date of contact:", date], ["Details:", "Home visit"]])
        document.add_paragraph("")
    chron = read_docx(save(document, tmp_path, "hv.docx"), agency="health_visiting")
    assert len(chron.events) == 1
    assert chron.rejected[S.REASON_CODE].tolist() == ["empty_date"]
    assert "row_continued" not in set(chron.warnings[S.CODE])


@pytest.mark.parametrize("heading", ["Date and details of contact", "Date / Event"])
def test_date_column_holding_the_entry_text_gives_date_and_details(tmp_path: Path, heading: str):
    """A template column for the date and the entry together: the text after the date was
    read as no more than the date's 'extra text' (details empty, the entry unclassified)."""
    document = docx.Document()
    document.add_heading("Health Visiting chronology", level=2)
    add_table(
        document,
        [
            ["Practitioner", heading],
            ["HV1", "12/03/2007\nHome visit, Child A seen asleep. Mother tired."],
            ["HV2", "14/03/2007 - Clinic: Child A weighed, bruise to cheek noted."],
            ["HV1", "20/03/2007 10:30 Phone call to SW1 about the bruise."],
            ["HV2", "22/03/07 (approx.)"],  # a note on the date stays the date's
        ],
    )
    chron = read_docx(save(document, tmp_path, "hv.docx"))
    ev = chron.events
    assert ev[S.DATE_TEXT].tolist() == [
        "12/03/2007",
        "14/03/2007",
        "20/03/2007 10:30",
        "22/03/07 (approx.)",
    ]
    assert ev[S.START].tolist()[2] == pd.Timestamp("2007-03-20 10:30")
    assert ev[S.DETAILS].fillna("").tolist() == [
        "Home visit, Child A seen asleep. Mother tired.",
        "Clinic: Child A weighed, bruise to cheek noted.",
        "Phone call to SW1 about the bruise.",
        "",
    ]
    assert ev[S.AGENCY].tolist() == ["health_visiting"] * 4
    assert ev[S.SOURCE_ROW].tolist() == [2, 3, 4, 5]
    assert "extra_text" not in chron.warnings[S.CODE].tolist()
    (note,) = chron.warnings.loc[chron.warnings[S.CODE] == "date_in_text", S.MESSAGE]
    assert heading in note


def test_dates_written_at_the_start_of_the_text_column(tmp_path: Path):
    """No date column: each entry's text opens with its date (the table was skipped and
    the document had no chronology)."""
    document = docx.Document()
    document.add_heading("Police chronology", level=2)
    add_table(
        document,
        [
            ["Officer", "Event", "Outcome"],
            ["PC1", "12/03/2007\nDomestic incident at the home address.", "Referral to CSC"],
            ["DC2", "14/03/2007 - Father interviewed under caution.", "Bailed"],
        ],
    )
    chron = read_docx(save(document, tmp_path, "police.docx"))
    ev = chron.events
    assert ev[S.START].tolist() == [pd.Timestamp("2007-03-12"), pd.Timestamp("2007-03-14")]
    assert ev[S.DETAILS].tolist() == [
        "Domestic incident at the home address.",
        "Father interviewed under caution.",
    ]
    assert ev[S.OUTCOME].tolist() == ["Referral to CSC", "Bailed"]
    assert ev[S.AGENCY].tolist() == ["police", "police"]
    assert "date_in_text" in chron.warnings[S.CODE].tolist()


@pytest.mark.parametrize("note", ["(continued)", "Chronology continued on next page", "Page 2"])
def test_table_split_by_hand_with_a_continued_note_between(tmp_path: Path, note: str):
    """An author split a long table by hand and typed a note (or a page number) between
    the parts: the end of the entry at the top of the second part was an undated row of
    its own (rejected), not the end of the row above it."""
    document = docx.Document()
    document.add_heading("Combined chronology", level=2)
    header = ["Date", "Agency", "Details", "Outcome"]
    add_table(document, [header, ["12/03/2007", "GP", "Child A seen; Mother said", "None"]])
    document.add_paragraph(note)
    add_table(
        document,
        [header, [None, None, "he fell from the sofa.", None], ["14/03/2007", "Police", "DV", "-"]],
    )
    chron = read_docx(save(document, tmp_path))
    assert chron.events[S.DETAILS].tolist() == [
        "Child A seen; Mother said he fell from the sofa.",
        "DV",
    ]
    assert chron.rejected.empty
    assert "row_continued" in chron.warnings[S.CODE].tolist()


def test_a_paragraph_between_two_tables_still_parts_them(tmp_path: Path):
    document = docx.Document()
    header = ["Date", "Agency", "Details", "Outcome"]
    add_table(document, [header, ["12/03/2007", "GP", "Child A seen; Mother said", "None"]])
    document.add_paragraph("Continued concerns were raised by the school.")
    add_table(document, [header, [None, None, "An undated note.", None]])
    chron = read_docx(save(document, tmp_path))
    assert chron.events[S.DETAILS].tolist() == ["Child A seen; Mother said"]
    assert chron.rejected[S.REASON_CODE].tolist() == ["empty_date"]


def test_a_key_to_abbreviations_above_a_table_is_no_title(tmp_path: Path):
    """'Key: HV = health visitor; ...' typed between the heading and the table was the
    table's nearest title line: every row's organisation was the key."""
    document = docx.Document()
    document.add_heading("Metropolitan Police chronology", level=2)
    document.add_paragraph("Key: HV = health visitor; SW = social worker; DC = detective")
    add_table(document, [["Date", "Details"], ["12/03/2007", "DC1 attended the home address"]])
    chron = read_docx(save(document, tmp_path, "police.docx"))
    assert chron.events[[S.AGENCY, S.ORGANISATION]].values.tolist() == [
        ["police", "Metropolitan Police chronology"]
    ]


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"{\\rtf1\\ansi Date 12/03/2007\\par}", "RTF document"),
        (b"<!DOCTYPE html><html><body><table><tr><td>Date</td></tr></table>", "web page"),
        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related", "web archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "Word 97-2003"),
    ],
)
def test_another_kind_of_document_named_docx_says_what_it_is(
    tmp_path: Path, content: bytes, said: str
):
    """Case systems' 'export to Word' writes RTF, HTML or web archives under Word's name;
    the error said only 'truncated, corrupt, encrypted or an old .doc renamed'."""
    path = tmp_path / "export.docx"
    path.write_bytes(content)
    with pytest.raises(ChronologyReadError, match=rf"export\.docx.*{said}.*save it as"):
        read_docx(path)


def test_review_report_with_its_chronology_in_an_appendix(tmp_path: Path):
    """A published review: its narrative, analysis and recommendations in numbered
    paragraphs, the combined chronology as a table in an appendix. The table is read; a
    dated paragraph of the narrative is reported (it may be an event the table misses),
    the analysis's dated sentences are not (each was a text_outside_tables warning)."""
    document = docx.Document()
    document.add_heading("Serious Case Review: Child A (fictional)", level=0)
    document.add_heading("3. Summary of agency involvement", level=1)
    document.add_paragraph("3.1 On 11 March 2007 the health visitor (HV1) visited.")
    document.add_heading("4. Analysis", level=1)
    document.add_paragraph("4.1 On 14 March 2007 the GP should have referred the bruise.")
    document.add_paragraph("4.2 In April 2007 there was no strategy discussion.")
    document.add_heading("Appendix 1: Combined chronology", level=1)
    add_table(document, [["Date", "Agency", "Details"], ["11/03/2007", "HV", "Home visit"]])
    chron = read_docx(save(document, tmp_path, "review.docx"))
    assert chron.events[S.DETAILS].tolist() == ["Home visit"]
    outside = chron.warnings[chron.warnings[S.CODE] == "text_outside_tables"]
    assert outside[S.SOURCE_ROW].tolist() == [3]


def read_gp_table(tmp_path: Path, *rows: list[str]) -> scr.Chronology:
    """Read a document of one table of three data rows under the heading "GP chronology"."""
    document = docx.Document()
    document.add_heading("GP chronology", level=2)
    add_table(document, rows)
    chron = read_docx(save(document, tmp_path, "gp.docx"))
    assert_chronology_accounts_for(chron, 3)
    return chron


@pytest.mark.parametrize(
    "own",
    [["Date", "Time", "Nature of contact and whether Child A was seen"], ["Date", "Time", ""]],
)
def test_rows_above_headings_typed_again_lower_down_are_events(tmp_path: Path, own: list[str]):
    """The table's own header row has a heading that is not recognised (or none); lower
    down, the headings were typed again as another template words them ("Details"), and
    map more columns: that row was taken for the header and the dated rows above it for
    its title lines, lost without a word."""
    chron = read_gp_table(
        tmp_path,
        own,
        ["12/03/2007", "10:00", "Child A seen by GP1 with Mother."],
        ["20/03/2007", "", "Letter from the hospital: Child A seen in ED."],
        ["Date", "Time", "Details"],
        ["02/04/2007", "09:30", "Child A seen for immunisations."],
    )
    ev = chron.events
    assert ev[S.SOURCE_ROW].tolist() == [2, 3, 5]
    assert ev[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist() == [
        "12/03/2007 10:00",
        "20/03/2007 00:00",
        "02/04/2007 09:30",
    ]
    assert (ev[S.AGENCY].astype(str) == "gp").all()
    assert "Letter from the hospital" in ev[[S.DETAILS, S.EXTRA]].astype(str).sum(axis=1).iloc[1]


def test_rows_pasted_above_the_header_row_are_read_under_it(tmp_path: Path):
    """Rows pasted into the top of a table, above its header row: they were taken for
    title lines and lost."""
    chron = read_gp_table(
        tmp_path,
        ["12/03/2007", "GP1", "Child A seen with Mother."],
        ["20/03/2007", "GP2", "Letter from the hospital."],
        ["Date", "Practitioner", "Details"],
        ["02/04/2007", "GP1", "Immunisations."],
    )
    ev = chron.events
    assert list(zip(ev[S.SOURCE_ROW], ev[S.PRACTITIONER], ev[S.DETAILS], strict=True)) == [
        (1, "GP1", "Child A seen with Mother."),
        (2, "GP2", "Letter from the hospital."),
        (4, "GP1", "Immunisations."),
    ]
    assert (ev[S.AGENCY].astype(str) == "gp").all()
    above = chron.warnings[chron.warnings[S.CODE] == "rows_above_header"]
    assert above[S.SOURCE_ROW].tolist() == [1]
    assert "row(s) 1, 2" in above[S.MESSAGE].iloc[0]


def test_lines_typed_in_the_last_rows_under_the_entries_are_no_rejected_rows(tmp_path: Path):
    # 'End of chronology' and a key in the table's last rows were rejected as unreadable
    # dates ('End of chronology', 'Key:', 'HV'); the title line above the table is not
    # counted in the rows
    document = docx.Document()
    document.add_paragraph("Elm Road Surgery")
    entries = [
        ["01/03/2007", "Child A seen with a bruise", "Referred"],
        ["05/03/2007", "Review", "None"],
    ]
    foot = [["End of chronology"], ["Key:"], ["HV", "Health visitor"]]
    add_table(document, [["Date", "Details", "Outcome"], *entries, *foot])
    chron = read_docx(save(document, tmp_path))
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3] and chron.rejected.empty
    footers = chron.warnings[chron.warnings[S.CODE] == "footer_row"]
    assert footers[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [
        ["table 1", 4],
        ["table 1", 5],
        ["table 1", 6],
    ]
    assert chron.events[S.AGENCY].tolist() == ["gp", "gp"]


def test_narrative_ending_with_a_key_and_end_of_chronology(tmp_path: Path):
    # the key and 'End of chronology' were joined to the last entry's details
    document = docx.Document()
    document.add_heading("Police chronology", level=1)
    document.add_paragraph("03/03/2007 - PC1 attended a domestic incident; Child A present.")
    document.add_paragraph("04/03/2007 - DC1 strategy discussion with SW1; s47 agreed.")
    for line in ["End of chronology", "Key:", "DC = detective constable", "SW - social worker"]:
        document.add_paragraph(line)
    chron = read_docx(save(document, tmp_path, "police.docx"))
    assert chron.events[S.DETAILS].tolist()[-1] == "DC1 strategy discussion with SW1; s47 agreed."
    footers = chron.warnings[chron.warnings[S.CODE] == "footer_row"]
    assert footers[S.SOURCE_ROW].tolist() == [4, 5, 6, 7]


@pytest.mark.parametrize(
    ("heading", "agency", "organisation"),
    [
        ("1. Health Visiting Service", "health_visiting", "Health Visiting Service"),
        ("3.2 Elm Road Surgery (GP)", "gp", "Elm Road Surgery (GP)"),
        ("Section 2 – Metropolitan Police", "police", "Metropolitan Police"),
        ("Agency 4: Riverside Primary School", "education", "Riverside Primary School"),
        ("Chronology submitted by: Riverside Primary School", "education", "Riverside Primary School"),
        ("Submitting agency: Anytown Housing", "housing", "Anytown Housing"),
    ],
)  # fmt: skip
def test_organisation_named_by_a_numbered_heading_or_a_field(
    tmp_path: Path, heading, agency, organisation
):
    # the organisation kept the heading's number or the field's label ('1. Health Visiting
    # Service', 'Chronology submitted by: Riverside Primary School')
    document = docx.Document()
    document.add_heading(heading, level=2)
    add_table(document, [["Date", "Practitioner", "Details"], ["01/03/2007", "P1", "Contact"]])
    chron = read_docx(save(document, tmp_path))
    assert chron.events[[S.AGENCY, S.ORGANISATION]].values.tolist() == [[agency, organisation]]


def test_a_table_with_a_column_per_agency_gives_an_event_per_filled_cell(tmp_path: Path):
    # 'Date | Children's Social Care | Police | Health' (each cell what that agency did
    # that day) was refused: no header row with a date and another column
    grid = [
        ["Date", "Children's Social Care", "Police", "Health"],
        ["01/03/2007", "", "", "GP1 saw Child A, bruise to cheek"],
        ["02/03/2007", "Referral received from GP", "PPN submitted", ""],
        ["03/03/2007", "", "", ""],  # a date and nothing else: still an event
    ]
    document = docx.Document()
    document.add_paragraph("Integrated chronology")
    add_table(document, grid)
    chron = read_docx(save(document, tmp_path))
    events = chron.events.sort_values([S.SOURCE_ROW, S.SOURCE_SHEET])
    assert events[[S.SOURCE_SHEET, S.SOURCE_ROW, S.AGENCY]].values.tolist() == [
        ["table 1 column 4", 2, "other"],  # 'Health': no one agency
        ["table 1 column 2", 3, "csc"],
        ["table 1 column 3", 3, "police"],
        ["table 1", 4, "other"],
    ]
    assert events[S.DETAILS].tolist()[:3] == [
        "GP1 saw Child A, bruise to cheek",
        "Referral received from GP",
        "PPN submitted",
    ]
    assert events[S.ORGANISATION].tolist()[1:3] == ["Children's Social Care", "Police"]
    assert chron.rejected.empty and events.index.is_unique


@pytest.mark.parametrize("agency_column", [0, 1])
def test_an_agency_typed_over_its_block_in_the_agency_column(tmp_path: Path, agency_column):
    # 'Police' alone in the agency column over rows with it blank: the rows were 'other'
    # (and, in the second column, the 'Police' row was rejected for its empty date)
    def row(agency: str, date: str, details: str) -> list[str | None]:
        cells: list[str | None] = [date, details]
        cells.insert(agency_column, agency)
        return cells

    rows = [row("Agency", "Date", "Details"), row("Police", "", "")]
    rows += [row("", "01/03/2007", "Call"), row("", "02/03/2007", "Visit"), row("GP", "", "")]
    rows += [row("", "03/03/2007", "Seen"), row("Health Visiting", "04/03/2007", "New birth visit")]
    document = docx.Document()
    add_table(document, rows)
    chron = read_docx(save(document, tmp_path))
    assert chron.events[S.AGENCY].tolist() == ["police", "police", "gp", "health_visiting"]
    assert chron.rejected.empty and "no_agency" not in set(chron.warnings[S.CODE])


def test_narrative_entries_dated_by_their_day_under_month_headings(tmp_path: Path):
    """'Monday 12th - ...' under a 'March 2007' heading is an entry of 12 March 2007 (the
    heading was read as the entry's date and the days' entries joined under it)."""
    path = narrative(
        tmp_path,
        "police.docx",
        ("Police chronology (fictional)", 1),
        ("March 2007", 2),
        "Monday 12th - PC1 attended a domestic incident at the home.",
        "Wednesday 14th: DC1 interviewed Mother.",
        ("April 2007", 2),
        "2nd - Mother reported Father missing.",
    )
    chron = read_docx(path)
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "12/03/2007",
        "14/03/2007",
        "02/04/2007",
    ]
    assert ev[S.DETAILS].tolist() == [
        "PC1 attended a domestic incident at the home.",
        "DC1 interviewed Mother.",
        "Mother reported Father missing.",
    ]
    assert ev[S.SOURCE_ROW].tolist() == [3, 4, 6]
    assert ev[S.AGENCY].astype(str).tolist() == ["police"] * 3


def test_narrative_entries_typed_on_lines_of_one_paragraph(tmp_path: Path):
    """Entries typed on lines of one paragraph (Shift+Enter) are an event each, found at
    their line of the paragraph (they were one event, the others its text); a line with
    no date carries on the entry above it."""
    document = docx.Document()
    document.add_heading("Health visiting chronology (fictional)", level=1)
    paragraph = document.add_paragraph("12/03/2007 - HV1 new birth visit, Child A seen.")
    for line in (
        "14/03/2007 - HV1 phoned Mother, no answer.",
        "Left a message.",
        "20/03/2007 - Clinic: Child A weighed.",
    ):
        paragraph.add_run().add_break()
        paragraph.add_run(line)
    document.add_paragraph("02/04/2007 - HV2 home visit.")
    chron = read_docx(save(document, tmp_path, "hv.docx"))
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m").tolist() == ["12/03", "14/03", "20/03", "02/04"]
    assert ev[S.DETAILS].tolist() == [
        "HV1 new birth visit, Child A seen.",
        "HV1 phoned Mother, no answer.\nLeft a message.",
        "Clinic: Child A weighed.",
        "HV2 home visit.",
    ]
    assert ev[S.SOURCE_SHEET].tolist() == ["paragraph 2"] * 3 + ["paragraph"]
    assert ev[S.SOURCE_ROW].tolist() == [1, 2, 4, 3]
    assert ev.index.is_unique


#: A combined narrative: (day, agency, the agency's paragraphs under the day).
DAY_BLOCKS: list[tuple[str | None, str, list[str]]] = [
    (
        "12 March 2007",
        "GP",
        ["GP1 saw Child A with a bruise to the cheek.", "Mother said Child A fell."],
    ),
    (None, "Health Visiting", ["HV1 phoned Mother."]),
    ("Tuesday 20 March 2007", "Police", ["PC1 attended a domestic incident."]),
]


@pytest.mark.parametrize("typed", [False, True])
def test_narrative_of_day_headings_over_agency_subheadings(tmp_path: Path, typed: bool):
    """A combined narrative with a heading per day and, under it, a subheading per agency
    over that agency's undated paragraphs, in heading styles or typed by hand (the day in
    bold, the agency underlined): an entry per agency under each day, of that agency. In
    heading styles the first day's text was the preamble and the later days' text was
    joined to the entry before or rejected; typed by hand each day was one entry of its
    first agency, the other subheadings in its text. The headings are no title lines."""
    document = docx.Document()
    document.add_heading("Combined chronology (fictional)", level=1)
    for day, agency, paragraphs in DAY_BLOCKS:
        if day and typed:
            document.add_paragraph().add_run(day).bold = True
        elif day:
            document.add_heading(day, level=2)
        if typed:
            document.add_paragraph().add_run(agency).underline = True
        else:
            document.add_heading(agency, level=3)
        for text in paragraphs:
            document.add_paragraph(text)
    document.add_heading("5. Analysis", level=2)
    document.add_paragraph("On 12 March 2007 the GP should have referred.")
    chron = read_docx(save(document, tmp_path, "combined.docx"))
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == ["12/03/2007"] * 2 + ["20/03/2007"]
    assert ev[S.AGENCY].astype(str).tolist() == ["gp", "health_visiting", "police"]
    assert ev[S.DETAILS].tolist() == ["\n".join(paragraphs) for *_, paragraphs in DAY_BLOCKS]
    assert ev[S.SOURCE_ROW].tolist() == [4, 7, 10]
    assert chron.rejected.empty
    assert chron.meta.title == "Combined chronology (fictional)"
