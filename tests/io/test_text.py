"""Narrative reader: paragraphs that start with a date (all data fictional)."""

from __future__ import annotations

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.exceptions import ChronologyReadError, EmptyChronologyError
from scr_timeline.io.text import Paragraph, parse_paragraphs, read_text, split_date_prefix

NARRATIVE = """\
Chronology of agency involvement with Child A (fictional)

Prepared by the review author from agency reports.

On 14 July 1999 the health visitor (HV1) visited Child A at home. Mother said
the bruise on Child A's arm was from a fall.

HV1 advised Mother and arranged to visit again.

14.7.99 - GP: Child A seen by GP1 for a cough; no concerns noted.
Late July 1999: Police attended a domestic incident at the address; DC1 informed
children's social care.
12/08/1999 at 14:30 SW1 visited with TM1's agreement.
31/06/1999: a date that does not exist.
2 weeks later SW1 closed the case.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 14 July 1999 the HV visited", ("14 July 1999", None, "the HV visited")),
        ("14.7.99 - GP appointment", ("14.7.99", None, "GP appointment")),
        ("Late July 1999: x", ("Late July 1999", None, "x")),
        ("Monday 12 March 2007, x", ("Monday 12 March 2007", None, "x")),
        ("w/c 12/03/07 HV", ("w/c 12/03/07", None, "HV")),
        ("?22 May 2016 seen", ("?22 May 2016", None, "seen")),
        ("c. June 2007: x", ("c. June 2007", None, "x")),
        ("Spring 2007 - x", ("Spring 2007", None, "x")),
        ("between 3 and 5 June 2007 x", ("between 3 and 5 June 2007", None, "x")),
        ("12-14/03/2007 x", ("12-14/03/2007", None, "x")),
        ("2007: year", ("2007", None, "year")),
        ("12/03/2007 1430hrs PC1", ("12/03/2007", "1430hrs", "PC1")),
        ("3.2 On 12/03/2007 at 2.30pm PC1", ("12/03/2007", "2.30pm", "PC1")),
        ("• 1999-07-14 x", ("1999-07-14", None, "x")),
        # list numbers of reports: letters, roman numerals, numbers in brackets
        ("(a) 12/03/2007 - HV visit", ("12/03/2007", None, "HV visit")),
        ("iv. 12 March 2007: GP", ("12 March 2007", None, "GP")),
        ("12) 12/03/2007 seen", ("12/03/2007", None, "seen")),
        ("On the 12th March 2007 the GP", ("12th March 2007", None, "the GP")),
        ("12-Mar-2007 GP saw", ("12-Mar-2007", None, "GP saw")),
        # a range is the date (its end was left in the text)
        ("12/03/2007 - 14/03/2007: admitted", ("12/03/2007 - 14/03/2007", None, "admitted")),
        ("12 March to 3 April 2007 x", ("12 March to 3 April 2007", None, "x")),
        ("12 to 14 March 2007 x", ("12 to 14 March 2007", None, "x")),
        ("12/03/2007 - 2 weeks later", ("12/03/2007", None, "2 weeks later")),
        # a time after the date's separator or in brackets
        ("12/03/2007: 23:45 - PC1 called", ("12/03/2007", "23:45", "PC1 called")),
        ("12/03/2007 (14:30) PC1", ("12/03/2007", "14:30", "PC1")),
        ("12 March 2007 - 10:30 - HV1", ("12 March 2007", "10:30", "HV1")),
        # a review's narrative: the time first, words before the date, a part of the day
        ("At 22:40 on 12 March 2007 PC1 attended", ("12 March 2007", "22:40", "PC1 attended")),
        ("At approximately 2.30pm on the 12th March 2007 x", ("12th March 2007", "2.30pm", "x")),
        ("Later on 12 March 2007 SW1 phoned", ("12 March 2007", None, "SW1 phoned")),
        ("Also on 12 March 2007, the GP saw", ("12 March 2007", None, "the GP saw")),
        ("Sometime in March 2007 Mother moved", ("March 2007", None, "Mother moved")),
        ("On the evening of 12 March 2007 PC1", ("12 March 2007", None, "Evening: PC1")),
        ("In the early hours of 12/03/2007 x", ("12/03/2007", None, "Early hours: x")),
        ("Overnight on 12-13 March 2007 x", ("12-13 March 2007", None, "x")),
        ("On 12 and 13 March 2007 x", ("12 and 13 March 2007", None, "x")),
        ("In the week of 12 March 2007 x", ("week of 12 March 2007", None, "x")),
        # a time after the date with "@" or an approximation ("at approx 14:30")
        ("12.03.07 @ 14:30 - HV visit", ("12.03.07", "14:30", "HV visit")),
        ("12/03/2007 at approx. 14:30 PC1", ("12/03/2007", "14:30", "PC1")),
        ("On 12 March 2007, at about 2pm, police", ("12 March 2007", "2pm", "police")),
        ("12/03/2007 at the clinic", ("12/03/2007", None, "at the clinic")),
        # the date in brackets, the time first without "at", a month as Excel shows it,
        # a span of months (each was no date: the paragraph joined the entry above)
        ("[12/03/2007] GP: seen", ("12/03/2007", None, "GP: seen")),
        ("(12.03.07) HV visit", ("12.03.07", None, "HV visit")),
        ("[12/03/2007 14:30] PC1", ("12/03/2007", "14:30", "PC1")),
        ("14:30hrs on 12/03/2007 PC1", ("12/03/2007", "14:30hrs", "PC1")),
        ("22:40 on the 12th March 2007 x", ("12th March 2007", "22:40", "x")),
        ("Jan-07: Mother moved", ("Jan-07", None, "Mother moved")),
        ("Between March and May 2007 x", ("Between March and May 2007", None, "x")),
        # a Word list item's bullet before a typed number; "Para 5.1"
        ("• 5.1 On 12 March 2007 HV visited", ("12 March 2007", None, "HV visited")),
        ("• (a) 12/03/2007 x", ("12/03/2007", None, "x")),
        ("Para 5.1 On 12 March 2007 x", ("12 March 2007", None, "x")),
    ],
)
def test_date_prefix_forms(text, expected):
    assert split_date_prefix(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "3 professionals met",
        "2007 was a hard year",
        "Mother phoned",
        "HV1 visited",
        "I think 12/03/2007",
        "a) Mother phoned",
        "(12/03/2007 seen)",  # a bracket not closed after the date
        "3.14 The SW visited",
        "Janet phoned",
        "• 3 professionals met",
    ],
)
def test_not_a_date_prefix(text):
    assert split_date_prefix(text) is None


def test_read_text_events_continuations_and_preamble(write_text):
    chron = read_text(write_text("child-a.txt", NARRATIVE))
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert ev[S.SOURCE_ROW].tolist() == [5, 10, 11, 13]  # the line each paragraph starts on
    assert set(ev[S.SOURCE_SHEET]) == {"line"}
    assert ev[S.DATE_TEXT].tolist() == [
        "14 July 1999",
        "14.7.99",
        "Late July 1999",
        "12/08/1999 14:30",
    ]
    assert ev[S.AGENCY].astype(str).tolist() == ["health_visiting", "gp", "police", "csc"]
    assert ev[S.PRACTITIONER].tolist() == ["HV1", "GP1", "DC1", "SW1 / TM1"]
    first = ev.iloc[0]
    assert first[S.DETAILS] == (
        "the health visitor (HV1) visited Child A at home. Mother said the bruise on Child "
        "A's arm was from a fall.\nHV1 advised Mother and arranged to visit again."
    )
    assert first[S.INJURY]  # classified like any other chronology
    assert ev.iloc[3][S.START] == pd.Timestamp("1999-08-12 14:30")
    # every dated paragraph is an event or rejected with its reason
    assert dict(zip(chron.rejected[S.SOURCE_ROW], chron.rejected[S.REASON_CODE], strict=True)) == {
        14: "impossible_date",
        15: "relative_date",
    }
    assert chron.meta.title == "Chronology of agency involvement with Child A (fictional)"
    preamble = chron.warnings[chron.warnings[S.CODE] == "narrative_preamble"]
    assert preamble[S.SOURCE_ROW].tolist() == [1]
    assert "2 paragraph(s)" in preamble[S.MESSAGE].iloc[0]


def test_anchor_relative_dates_a_later_paragraph(write_text):
    chron = scr.read(write_text("child-a.md", NARRATIVE), anchor_relative=True)
    assert 15 in chron.events[S.SOURCE_ROW].tolist()


def test_agency_of_the_document_wins_over_names_in_the_text(write_text):
    text = "GP records\n\n12/03/2007 Child A seen. Referred to the health visitor.\n"
    chron = read_text(write_text("notes.txt", text))
    assert chron.events[S.AGENCY].tolist() == ["gp"]
    chron = read_text(write_text("notes2.txt", text.split("\n\n")[1]), agency="police")
    assert chron.events[S.AGENCY].tolist() == ["police"]


def test_markdown_headings_give_the_agency_below(write_text):
    text = (
        "# Child A\n\n## Police\n\n01/05/2012 DV call-out.\n\n## Health visiting\n\n"
        "02/05/2012 Home visit; the GP was told.\n"
    )
    chron = read_text(write_text("combined.md", text))
    assert chron.events[S.AGENCY].astype(str).tolist() == ["police", "health_visiting"]
    headings = chron.warnings[chron.warnings[S.CODE] == "narrative_heading"]
    assert headings[S.SOURCE_ROW].tolist() == [7]


def test_parse_paragraphs_pages_as_sheets():
    chron = parse_paragraphs(
        [
            Paragraph("Police chronology", 1, heading=True, sheet="page 1"),
            Paragraph("03/04/2007 DV call-out", 2, sheet="page 1"),
            Paragraph("13/04/2007 Arrest", 1, sheet="page 2"),
        ],
        source="police.pdf",
        fmt="pdf",
    )
    ev = chron.events
    assert list(zip(ev[S.SOURCE_SHEET], ev[S.SOURCE_ROW], strict=True)) == [
        ("page 1", 2),
        ("page 2", 1),
    ]
    # one day-first decision for the whole document (13/04 proves it)
    assert ev[S.START].tolist() == [pd.Timestamp("2007-04-03"), pd.Timestamp("2007-04-13")]
    assert set(ev[S.AGENCY].astype(str)) == {"police"}


def test_no_dated_paragraph(write_text):
    with pytest.raises(EmptyChronologyError, match=r"notes\.txt.*no paragraph starts with a date"):
        read_text(write_text("notes.txt", "Minutes of the panel.\n\nNothing dated.\n"))
    with pytest.raises(EmptyChronologyError, match="empty"):
        read_text(write_text("blank.txt", "\n\n"))


def test_no_paragraph_at_all_is_no_chronology():
    with pytest.raises(EmptyChronologyError, match="no paragraph starts with a date"):
        parse_paragraphs([], source="x.docx")
    with pytest.raises(EmptyChronologyError, match="no paragraph starts with a date"):
        parse_paragraphs(["", "  "], source="x.docx")


def test_cp1252_text(write_text):
    chron = read_text(write_text("gp.txt", "12/03/2007 Mother\u2019s \u00a320 fine\n", "cp1252"))
    assert chron.events[S.DETAILS].tolist() == ["Mother\u2019s \u00a320 fine"]


def test_entries_written_as_blocks_of_labelled_lines():
    """An entry per block of labelled lines ("Date: ...", "Event: ...", "Outcome: ..."),
    as agency templates without tables give them, or with the labels on one line split by
    tabs: one event per block, each label's value in its field; a line without a label
    carries on the one above it."""
    chron = parse_paragraphs(
        [
            Paragraph("Health Visiting chronology", 1, heading=True),
            "Date of contact: 12/03/2007",
            "Time: 10:00",
            "Practitioner: HV1",
            "Event: New birth visit.",
            "Child A seen and weighed.",
            "Outcome: Weighed; next visit in 2 weeks",
            "Date: 20/03/2007\tEvent: Clinic, seen by HV2\tOutcome: NFA",
            "14/04/2007 - GP: Child A seen by GP1 for a cough.",
        ],
        source="hv.docx",
        classify=False,
    )
    ev = chron.events
    assert chron.rejected.empty
    assert ev[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist() == [
        "12/03/2007 10:00",
        "20/03/2007 00:00",
        "14/04/2007 00:00",
    ]
    assert ev[S.DETAILS].tolist() == [
        "New birth visit.\nChild A seen and weighed.",
        "Clinic, seen by HV2",
        "GP: Child A seen by GP1 for a cough.",  # a label after the date stays, as before
    ]
    assert ev[S.OUTCOME].fillna("").tolist() == ["Weighed; next visit in 2 weeks", "NFA", ""]
    assert ev[S.PRACTITIONER].fillna("").tolist() == ["HV1", "HV2", "GP1"]
    assert ev[S.SOURCE_ROW].tolist() == [2, 8, 9]


def test_a_tab_separated_text_file_is_read_as_a_table(tmp_path):
    # Excel's "Save as Unicode Text": UTF-16 with a BOM, cells split by tabs
    path = tmp_path / "gp-export.txt"
    lines = [
        "Date\tAgency\tSignificant event or contact",
        "12/03/2007\tGP\tChild A seen with bruise to left cheek",
        "14/03/2007\tHealth Visiting\tHome visit, Child A seen",
    ]
    path.write_bytes("\r\n".join(lines).encode("utf-16"))
    chron = read_text(path)
    assert chron.events[[S.AGENCY, S.SOURCE_ROW]].values.tolist() == [
        ["gp", 2],
        ["health_visiting", 3],
    ]
    assert chron.events[S.DETAILS].iloc[0] == "Child A seen with bruise to left cheek"
    assert "read_as_table" in chron.warnings[S.CODE].tolist()
    assert scr.read(path).events[S.AGENCY].tolist() == ["gp", "health_visiting"]


def test_a_narrative_with_tabs_but_no_table_is_still_a_narrative(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(
        "12/03/2007\tHV\tvisited, Child A seen.\n\tNo concerns\tnoted today.\n", encoding="utf-8"
    )
    chron = read_text(path)
    assert "read_as_table" not in chron.warnings[S.CODE].tolist()
    assert len(chron.events) == 1


def test_a_date_set_as_a_heading_heads_the_entry_under_it(write_text):
    """Reviewers set each entry's date as a heading of its own, the entry's paragraphs
    under it: the heading is the entry's date (the bruise was in the preamble, or glued to
    the entry above). A dated heading over dated paragraphs stays a heading."""
    text = (
        "# Chronology: Child A (fictional)\n\n"
        "## 12 March 2007\n\n"
        "HV1 visited the home. Child A seen with a bruise to the cheek.\n\n"
        "Mother said Child A fell.\n\n"
        "## 14th March 2007\n\n"
        "HV1 phoned GP1 to share the concern.\n\n"
        "## April 2007\n\n"
        "02/04/2007 - GP1 saw Child A.\n\n"
        "05/04/2007 - SW1 visited.\n"
    )
    chron = read_text(write_text("child-a.md", text))
    ev = chron.events
    assert ev[S.DATE_TEXT].tolist() == [
        "12 March 2007",
        "14th March 2007",
        "02/04/2007",
        "05/04/2007",
    ]
    assert ev[S.SOURCE_ROW].tolist() == [3, 9, 15, 17]
    assert ev[S.DETAILS].iloc[0] == (
        "HV1 visited the home. Child A seen with a bruise to the cheek.\nMother said Child A fell."
    )
    assert ev[S.DETAILS].iloc[1] == "HV1 phoned GP1 to share the concern."
    assert bool(ev[S.INJURY].iloc[0])
    headings = chron.warnings[chron.warnings[S.CODE] == "narrative_heading"]
    assert headings[S.SOURCE_ROW].tolist() == [13]  # "April 2007" heads dated paragraphs
    assert chron.rejected.empty


def test_year_headings_give_their_year_to_dates_without_one(write_text):
    """A narrative divided by years ("## 2007", or "2008" alone on a line) whose entries
    are dated without their year ("12 March - ..."): each takes the year above it (all
    were rejected as missing_year), the years are headings, never events, nor text added
    to the entry above, nor the title."""
    text = (
        "## 2007\n\n"
        "12 March - DV call-out to the home; PC1 attended.\n\n"
        "28 Dec: PC2 made a welfare check.\n\n"
        "2008\n\n"
        "3 Jan - Father arrested.\n"
    )
    chron = read_text(write_text("police.md", text))
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "12/03/2007",
        "28/12/2007",
        "03/01/2008",
    ]
    assert ev[S.SOURCE_ROW].tolist() == [3, 5, 9]
    assert ev[S.DETAILS].iloc[1] == "PC2 made a welfare check."  # "2008" is not its text
    assert chron.rejected.empty
    assert chron.meta.title != "2007"
    headings = chron.warnings[chron.warnings[S.CODE] == "narrative_heading"]
    assert headings[S.SOURCE_ROW].tolist() == [7]


def test_a_month_alone_over_dated_entries_is_a_heading():
    chron = parse_paragraphs(
        ["March 2007", "12/03/2007 - HV1 visited.", "April 2007", "Mother moved house."],
        source="hv.docx",
        classify=False,
    )
    ev = chron.events
    # "March 2007" heads dated entries; "April 2007" is the date of the text under it
    assert ev[S.DATE_TEXT].tolist() == ["12/03/2007", "April 2007"]
    assert ev[S.DETAILS].tolist() == ["HV1 visited.", "Mother moved house."]


def test_a_range_at_the_start_of_a_paragraph_is_its_date():
    chron = parse_paragraphs(
        ["12/03/2007 - 14/03/2007: Child A admitted to the ward.", "(b) 20/03/2007 - GP1 saw."],
        source="hospital.docx",
        classify=False,
    )
    ev = chron.events
    assert ev[S.DATE_TEXT].tolist() == ["12/03/2007 - 14/03/2007", "20/03/2007"]
    assert ev[S.END].dt.strftime("%d/%m/%Y").tolist() == ["14/03/2007", "20/03/2007"]
    assert ev[S.DETAILS].tolist() == ["Child A admitted to the ward.", "GP1 saw."]


def test_agency_names_in_capitals_over_dated_entries_are_headings(write_text):
    text = (
        "Combined chronology\n\nHEALTH VISITING\n\n12/03/2007 - HV1 visited.\n\n"
        "POLICE\n\n20/03/2007 - Domestic incident.\n\nGP SAW CHILD A.\n"
    )
    chron = read_text(write_text("combined.txt", text))
    ev = chron.events
    assert ev[S.AGENCY].astype(str).tolist() == ["health_visiting", "police"]
    assert ev[S.DETAILS].tolist() == ["HV1 visited.", "Domestic incident.\nGP SAW CHILD A."]


def test_page_furniture_of_a_printed_text_is_no_text_of_an_entry(write_text):
    """A text copied or exported from printed pages (form feeds between pages) keeps
    each page's marking, running header and page number: they are neither the title nor
    text of the entry they fall within, and an entry carries on over them."""
    text = (
        "OFFICIAL-SENSITIVE\nChild A - review chronology\n\n"
        "12/03/2007 - HV1 visited. Child A seen with a bruise.\nMother said he fell\n\n"
        "Page 1 of 3\n\f"
        "OFFICIAL-SENSITIVE\nChild A - review chronology\n"
        "from the sofa.\n\n14/03/2007 - HV2 clinic, weighed.\n- 2 -\n\f"
        "Child A - review chronology\n20/03/2007 - GP1 saw Child A.\nPage 3 of 3\n"
    )
    chron = read_text(write_text("hv.txt", text))
    ev = chron.events
    assert ev[S.DETAILS].tolist() == [
        "HV1 visited. Child A seen with a bruise. Mother said he fell from the sofa.",
        "HV2 clinic, weighed.",
        "GP1 saw Child A.",
    ]
    assert chron.meta.title == "Child A - review chronology"


ALIGNED = """\
CHILD A - COMBINED CHRONOLOGY (fictional)

Date        Agency            Event                                         Outcome
----------  ----------------  --------------------------------------------  ---------------
12/03/2007  Health Visiting   HV1 home visit. Child A seen asleep in cot.   Review in 2
                              Mother reported poor sleep.                   weeks
14/03/2007  GP                Child A seen by GP1 with a cough.             None
20/03/2007  Police            Domestic incident at the home address;        Notification
                              Father arrested.                              to CSC
"""


def test_a_table_aligned_with_spaces_is_read_by_its_columns(write_text):
    """A chronology pasted as plain text with its columns lined up by spaces (each line
    was one paragraph of a narrative: agency, event and outcome run together)."""
    chron = read_text(write_text("combined.txt", ALIGNED), classify=False)
    ev = chron.events
    assert ev[S.AGENCY].tolist() == ["health_visiting", "gp", "police"]
    assert ev[S.DETAILS].tolist() == [
        "HV1 home visit. Child A seen asleep in cot. Mother reported poor sleep.",
        "Child A seen by GP1 with a cough.",
        "Domestic incident at the home address; Father arrested.",
    ]
    assert ev[S.OUTCOME].tolist() == ["Review in 2 weeks", "None", "Notification to CSC"]
    # where a person finds each row: the line it starts on
    assert ev[S.SOURCE_SHEET].tolist() == ["line"] * 3
    assert ev[S.SOURCE_ROW].tolist() == [5, 7, 8]
    assert chron.rejected.empty
    (note,) = chron.warnings.loc[chron.warnings[S.CODE] == "read_as_table", S.MESSAGE]
    assert "lines 1-9" in note and "aligned with spaces" in note


PAGE_1 = """\
Child A - Combined Chronology (fictional)                OFFICIAL-SENSITIVE

Key: HV = health visitor; SW = social worker

     Date        Time      Agency             Event                                      Outcome
  12/03/2007     09:30     Health Visiting    HV1 home visit. Child A seen asleep in     Review in 2
  (approx.)                                   cot. Mother reported poor sleep.           weeks
  14/03/2007               GP                 Child A seen by GP1 with a cough;          None
                                              bruise to left ear noted; Mother said
                                                                     Page 1 of 2
\f"""
PAGE_2 = """\
Child A - Combined Chronology (fictional)                OFFICIAL-SENSITIVE

     Date        Time      Agency             Event                                      Outcome
                                              he fell from the sofa.
  20/03/2007     23:10     Police             Domestic incident at the home address;     Notification
                                              Father arrested.                           to CSC
  22/03/2007               Children's         Referral received from police. Strategy    S47 agreed
                           Social Care        discussion held with DS1.

Note: the GP records were not available for April 2007.
On 3 April 2007 the school nurse saw Child A (not in any agency chronology).
                                                                     Page 2 of 2
"""


def test_a_laid_out_text_of_a_pdf_table_over_two_pages(write_text):
    """The text of a PDF table as `pdftotext -layout` or a case system's print-out gives
    it: headings centred over their columns with no rule, a page break (form feed) with a
    running header, page numbers and the header repeated, a row broken by the page, a
    date and an agency wrapped in their cells, and notes under the table."""
    chron = read_text(write_text("layout.txt", PAGE_1 + PAGE_2), classify=False)
    ev = chron.events
    assert ev[S.DATE_TEXT].tolist() == [
        "12/03/2007 (approx.) 09:30",
        "14/03/2007",
        "20/03/2007 23:10",
        "22/03/2007",
    ]
    assert ev[S.START].tolist()[0] == pd.Timestamp("2007-03-12 09:30")
    assert ev[S.AGENCY].tolist() == ["health_visiting", "gp", "police", "csc"]
    assert ev[S.DETAILS].tolist() == [
        "HV1 home visit. Child A seen asleep in cot. Mother reported poor sleep.",
        # the row broken by the page, joined over the footer, header and repeated header
        "Child A seen by GP1 with a cough; bruise to left ear noted; Mother said he fell "
        "from the sofa.",
        "Domestic incident at the home address; Father arrested.",
        "Referral received from police. Strategy discussion held with DS1.",
    ]
    assert ev[S.OUTCOME].tolist() == [
        "Review in 2 weeks",
        "None",
        "Notification to CSC",
        "S47 agreed",
    ]
    assert ev[S.SOURCE_ROW].tolist() == [6, 8, 15, 17]
    assert chron.rejected.empty
    warnings = chron.warnings.set_index(S.CODE)
    assert warnings.loc["repeated_header", S.SOURCE_ROW] == 13
    # the notes under the table are no part of its last row; a dated one is reported
    outside = warnings.loc["text_outside_tables"]
    assert "On 3 April 2007 the school nurse" in outside[S.MESSAGE]
    assert outside[S.SOURCE_ROW] == 21  # as an editor numbers the lines (form feeds in them)
    assert chron.meta.title.startswith("Child A - Combined Chronology")


@pytest.mark.parametrize(
    "text",
    [
        "Date  Event\n\nOn 14 July 1999 the health visitor (HV1) visited.\n",
        "Date        Event\n12/03/2007 - the health visitor (HV1) visited.\n",
    ],
)
def test_a_narrative_with_one_line_like_a_header_stays_a_narrative(write_text, text):
    chron = read_text(write_text("notes.txt", text), classify=False)
    assert chron.events[S.DETAILS].tolist() == ["the health visitor (HV1) visited."]
    assert "read_as_table" not in chron.warnings[S.CODE].tolist()


def test_a_table_drawn_with_bars_is_read_by_its_cells(write_text):
    """A Markdown table (or one typed with bars): one row per line, no narrative line."""
    text = (
        "# Police chronology (fictional)\n\n"
        "| Date | Time | Event | Outcome |\n"
        "|:-----|------|-------|---------|\n"
        "| 12/03/2007 | 23:10 | Domestic incident; Father arrested | Notification to CSC |\n"
        "| 14/03/2007 | | PC1 visited; Mother \\| Father apart | NFA |\n"
        "\nKey: PC = police constable\n"
    )
    chron = read_text(write_text("police.md", text), classify=False)
    ev = chron.events
    assert ev[S.AGENCY].tolist() == ["police", "police"]  # from the title line
    assert ev[S.START].tolist() == [pd.Timestamp("2007-03-12 23:10"), pd.Timestamp("2007-03-14")]
    assert ev[S.DETAILS].tolist() == [
        "Domestic incident; Father arrested",
        "PC1 visited; Mother | Father apart",
    ]
    assert ev[S.OUTCOME].tolist() == ["Notification to CSC", "NFA"]
    assert ev[S.SOURCE_ROW].tolist() == [5, 6]
    assert chron.meta.title == "Police chronology (fictional)"


def test_an_rtf_document_named_txt_is_a_clear_error(tmp_path):
    path = tmp_path / "chronology.txt"
    path.write_text("{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 Arial;}} 12/03/2007 GP visit\\par}")
    with pytest.raises(ChronologyReadError, match=r"chronology\.txt.*RTF document.*\.docx"):
        read_text(path)


def test_sections_of_a_review_report_that_discuss_the_case_are_not_events():
    """A published review with no chronology table: its narrative of the facts is read,
    its analysis and recommendations (dated sentences about what should have happened)
    were read as events too."""
    paragraphs = [
        Paragraph("Serious Case Review: Child A (fictional)", 1, heading=True),
        Paragraph("1. Terms of reference", 2, heading=True),
        Paragraph("1.1 The review covers 1 January 2007 to 30 June 2007.", 3),
        Paragraph("3. Summary of agency involvement", 4, heading=True),
        Paragraph("3.1 On 11 March 2007 the health visitor (HV1) visited Child A.", 5),
        Paragraph("3.2 On 14 March 2007 the GP saw a bruise to Child A's cheek.", 6),
        Paragraph("4. Analysis", 7, heading=True),
        Paragraph("4.1 On 14 March 2007 the GP should have referred the bruise to CSC.", 8),
        Paragraph("4.2 In April 2007 there was no strategy discussion.", 9),
        Paragraph("5. Recommendations", 10, heading=True),
        Paragraph("5.1 The partnership should audit its bruising protocol.", 11),
    ]
    chron = parse_paragraphs(paragraphs, source="review.docx", classify=False)
    assert chron.events[S.SOURCE_ROW].tolist() == [5, 6]
    assert chron.events[S.DETAILS].tolist()[1] == "the GP saw a bruise to Child A's cheek."
    aside = chron.warnings[chron.warnings[S.CODE] == "report_section"]
    assert aside[S.SOURCE_ROW].tolist() == [2, 7, 10]
    assert "2 paragraph(s) under '4. Analysis'" in aside[S.MESSAGE].iloc[1]


def test_a_narrative_only_under_such_sections_is_still_read():
    paragraphs = [
        Paragraph("Findings", 1, heading=True),
        Paragraph("On 14 March 2007 the GP saw a bruise to Child A's cheek.", 2),
    ]
    chron = parse_paragraphs(paragraphs, source="notes.docx", classify=False)
    assert chron.events[S.SOURCE_ROW].tolist() == [2]
    assert "report_section" not in chron.warnings[S.CODE].tolist()


def test_year_lines_in_an_aligned_table_give_their_year(write_text):
    """'2007' alone in the date column over dates written without their year: it was an
    event (the first row) and, after a blank line, the end of the table."""
    text = (
        "Date        Agency            Event\n"
        "2007\n"
        "12 March    Health Visiting   HV1 home visit.\n"
        "14 March    GP                Child A seen by GP1.\n"
        "\n"
        "2008\n"
        "3 Jan       Police            Domestic incident.\n"
    )
    chron = read_text(write_text("combined.txt", text), classify=False)
    ev = chron.events
    assert ev[S.START].tolist() == [
        pd.Timestamp("2007-03-12"),
        pd.Timestamp("2007-03-14"),
        pd.Timestamp("2008-01-03"),
    ]
    assert ev[S.SOURCE_ROW].tolist() == [3, 4, 7]
    sections = chron.warnings[chron.warnings[S.CODE] == "section_row"]
    assert sections[S.SOURCE_ROW].tolist() == [2, 6]
    assert chron.rejected.empty


REVIEW_NARRATIVE = """\
3 Summary of agency involvement

3.1 Child A was born on 2 February 2007 at North Road Hospital. Mother was 19.

3.2 On 12 March 2007 the health visitor (HV1) undertook a new birth visit. Child A was
seen and weighed.

3.3 On 20th March 2007 at 14:30, Mother took Child A to the GP with a bruise to his
cheek. Dr X accepted that a sibling had hit him with a toy.

3.4 In April 2007 police were called to the home following a report of shouting.

3.5 On 14.05.07 the social worker (SW1) made an unannounced home visit.
"""


def test_a_sentence_of_a_review_narrative_before_its_first_date_names_no_agency(write_text):
    """The narrative section of a published review, in numbered paragraphs: its first
    paragraph names the hospital where the child was born, and every event was the
    hospital's; each paragraph's agency is the one it names. (The birth, dated inside the
    first sentence of a numbered paragraph of the same chapter, is the hospital's entry.)"""
    chron = read_text(write_text("review.txt", REVIEW_NARRATIVE), classify=False)
    assert chron.events[S.AGENCY].astype(str).tolist() == [
        "hospital",
        "health_visiting",
        "gp",
        "police",
        "csc",
    ]
    assert chron.events[S.START].iloc[0] == pd.Timestamp("2007-02-02")
    assert chron.meta.title == "3 Summary of agency involvement"
    preamble = chron.warnings[chron.warnings[S.CODE] == "narrative_preamble"]
    assert "1 paragraph(s)" in preamble[S.MESSAGE].iloc[0]


@pytest.mark.parametrize(
    "line",
    [
        "North Road Hospital",
        "North Road Hospital: chronology of Child A",
        "This chronology was prepared by North Road Hospital from its records.",
    ],
)
def test_a_title_or_a_sentence_about_the_document_still_names_its_agency(write_text, line):
    text = f"{line}\n\n12/03/2007 Child A seen by the health visitor on the ward.\n"
    chron = read_text(write_text("notes.txt", text), classify=False)
    assert chron.events[S.AGENCY].astype(str).tolist() == ["hospital"]


def test_an_entry_with_a_list_under_it_keeps_its_agency_and_its_list(write_text):
    """A list typed under an entry's first sentence was joined to it with spaces, and the
    sentence before the first " - " read as an agency label (police, for the DS1 it
    names) over the agency of the chronology."""
    text = (
        "Children's social care chronology\n\n"
        "15.03.2007: Strategy discussion held between DS1 and TM1.\n"
        "  - agreed s47 enquiry\n"
        "  - CP medical to be arranged\n"
        "16/03/2007 Joint visit with the police. - Child A seen.\n"
        "17/03/2007 SW1 visited with PC1 from the police - Child A seen.\n"
    )
    chron = read_text(write_text("csc.txt", text), classify=False)
    assert chron.events[S.AGENCY].astype(str).tolist() == ["csc", "csc", "csc"]
    assert chron.events[S.DETAILS].iloc[0] == (
        "Strategy discussion held between DS1 and TM1.\n"
        "- agreed s47 enquiry\n"
        "- CP medical to be arranged"
    )
    assert "unknown_agency" not in chron.warnings[S.CODE].tolist()


def test_entries_of_a_review_narrative_that_open_with_more_than_the_date(write_text):
    """Entries opening "At 22:40 on ...", "On the evening of ...", "Later on ...", "On 12
    and 13 ...": none was read as starting with a date, so each was joined to the entry
    above it, under that entry's date."""
    text = (
        "4.1 On 12 March 2007 the health visitor (HV1) visited. Child A was seen.\n\n"
        "4.2 At 22:40 on 12 March 2007 police attended the home after a 999 call.\n\n"
        "4.3 On the evening of 13 March 2007 Mother took Child A to the emergency department.\n\n"
        "4.4 Later on 14 March 2007 the social worker (SW1) phoned Mother.\n\n"
        "4.5 On 15 and 16 March 2007 Child A stayed with his grandmother.\n\n"
        "4.6 In the week of 19 March 2007 the GP wrote to the health visitor.\n"
    )
    chron = read_text(write_text("narrative.txt", text), classify=False)
    ev = chron.events
    assert ev[S.SOURCE_ROW].tolist() == [1, 3, 5, 7, 9, 11]
    assert ev[S.START].dt.strftime("%d/%m %H:%M").tolist() == [
        "12/03 00:00",
        "12/03 22:40",
        "13/03 00:00",
        "14/03 00:00",
        "15/03 00:00",
        "19/03 00:00",
    ]
    assert ev[S.END].dt.strftime("%d/%m").tolist()[4:] == ["16/03", "25/03"]
    agencies = ev[S.AGENCY].astype(str).tolist()
    assert agencies[:4] + agencies[5:] == ["health_visiting", "police", "hospital", "csc", "gp"]
    assert ev[S.DETAILS].iloc[2] == "Evening: Mother took Child A to the emergency department."
    assert chron.rejected.empty


POLICE_LOG = """\
Police chronology - Child A

12/03/2007
22:40 Call received from a neighbour reporting shouting at the address.
22:55 PC1 and PC2 attended. Mother had a cut lip; Child A seen asleep.
23:30 Mr B arrested for assault and taken to the
station.

13/03/2007 09:15 Notification sent to CSC.
1130hrs - DC1 phoned the health visitor.
"""


def test_entries_opening_with_a_time_under_a_date_are_entries_of_that_day(write_text):
    """A police log: the date on a line of its own, then one line per timed entry; they
    were one event, its times left in its text."""
    chron = read_text(write_text("police.txt", POLICE_LOG), classify=False)
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist() == [
        "12/03/2007 22:40",
        "12/03/2007 22:55",
        "12/03/2007 23:30",
        "13/03/2007 09:15",
        "13/03/2007 11:30",
    ]
    assert ev[S.SOURCE_ROW].tolist() == [3, 5, 6, 9, 10]
    assert ev[S.DETAILS].tolist()[2:] == [
        "Mr B arrested for assault and taken to the station.",
        "Notification sent to CSC.",
        "DC1 phoned the health visitor.",
    ]
    assert (ev[S.AGENCY].astype(str) == "police").all()
    timed = chron.warnings[chron.warnings[S.CODE] == "time_entry"]
    assert timed[S.SOURCE_ROW].tolist() == [5]
    assert "3 paragraph(s)" in timed[S.MESSAGE].iloc[0]


def test_a_time_or_a_paragraph_number_that_starts_no_entry():
    """A time under an entry dated to a month, and a report's paragraph number ("3.14"),
    carry on the entry above as before."""
    paragraphs = [
        "3.13 In March 2007 Mother moved to a hostel.",
        "14:30 was the time she arrived, staff said.",
        "3.14 On 12 March 2007 the social worker (SW1) visited.",
        "3.15 The social worker discussed the visit with her manager.",
    ]
    chron = parse_paragraphs(paragraphs, source="review.docx", classify=False)
    assert chron.events[S.SOURCE_ROW].tolist() == [1, 3]
    assert chron.events[S.DETAILS].str.count("\n").tolist() == [1, 1]
    assert "time_entry" not in chron.warnings[S.CODE].tolist()


POLICE_BLOCKS = """\
CHILD A - POLICE CHRONOLOGY (fictional)
OFFICIAL-SENSITIVE

-----------------------------------------
Date: 02/04/2007
Time: 23:10
Officer: PC1
Details: Domestic incident at the home address.
Mother had a cut lip. Child A asleep upstairs.
Outcome: DASH completed, medium risk. Notification to CSC.
-----------------------------------------
Date of contact: 04/04/2007
Practitioner: PC2
Summary: Notification sent to children's social care.
-----------------------------------------
Date: unknown
Details: Letter received from the hospital.
* * *
Date: 31/06/2007
Details: Child A seen at school.
"""


def test_blocks_of_labelled_lines_without_blank_lines_between_them(write_text):
    """Blocks of labelled lines typed one under the other and ruled off with a line of
    dashes: each label fills its field (the block was one line, its time 'cannot be
    read' from '23:10 Officer: PC1 Details: ...', the details lost); a block whose date
    is no date ('Date: unknown') is a rejected row (it was joined to the block above)."""
    chron = read_text(write_text("police.txt", POLICE_BLOCKS))
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist() == [
        "02/04/2007 23:10",
        "04/04/2007 00:00",
    ]
    assert ev[S.DETAILS].tolist() == [
        "Domestic incident at the home address. Mother had a cut lip. Child A asleep upstairs.",
        "Notification sent to children's social care.",
    ]
    assert ev[S.OUTCOME].fillna("").tolist() == [
        "DASH completed, medium risk. Notification to CSC.",
        "",
    ]
    assert ev[S.PRACTITIONER].tolist() == ["PC1", "PC2"]
    assert ev[S.SOURCE_ROW].tolist() == [5, 12]
    rejected = chron.rejected
    assert rejected[S.SOURCE_ROW].tolist() == [16, 19]
    assert rejected[S.VALUE].tolist() == ["unknown", "31/06/2007"]
    assert rejected[S.DETAILS].tolist() == [
        "Letter received from the hospital.",
        "Child A seen at school.",
    ]
    assert "unreadable_time" not in chron.warnings[S.CODE].tolist()


def test_date_of_birth_in_the_lines_above_the_entries_is_no_entry(write_text):
    """'Date of birth: 01/02/2006' in the details above the entries is no event of the
    child's birth (it was one, with the lines under it as its details)."""
    text = (
        "Health visiting chronology (fictional)\nName: Child A\nDate of birth: 01/02/2006\n"
        "Date of report: 01/09/2008\nAuthor: HV team leader\n\n"
        "12/03/2007 HV1 new birth visit. Child A seen.\n\n14/03/2007 Clinic. Weighed.\n"
    )
    chron = read_text(write_text("hv.txt", text), child_dob="2006-02-01")
    assert chron.events[S.START].dt.strftime("%d/%m/%Y").tolist() == ["12/03/2007", "14/03/2007"]
    assert chron.rejected.empty


def test_an_undated_paragraph_under_a_new_heading_is_not_the_entry_above():
    """A paragraph that opens with no date under an agency's heading is a rejected row
    naming the heading, not more text of the last entry under the heading before (of
    another agency); under no heading it carries on the entry above, as before."""
    chron = parse_paragraphs(
        [
            Paragraph("Police", 1, heading=True),
            "4.1 On 2 April 2007 police attended a domestic incident.",
            "Officers spoke to Mother.",
            Paragraph("5. Children's Social Care", 4, heading=True),
            "5.1 The police notification was received by the duty team.",
            "5.2 On 6 April 2007 TM1 decided no further action.",
            # (a numbered paragraph dated inside its first sentence is an entry of its own)
            "5.3 A strategy discussion was held on 10 April 2007 with police.",
        ],
        source="review.docx",
        classify=False,
    )
    ev = chron.events
    assert ev[S.SOURCE_ROW].tolist() == [2, 6, 7]
    assert ev[S.DETAILS].tolist() == [
        "police attended a domestic incident.\nOfficers spoke to Mother.",
        "TM1 decided no further action.",
        "A strategy discussion was held on 10 April 2007 with police.",
    ]
    assert ev[S.AGENCY].astype(str).tolist() == ["police", "csc", "csc"]
    rejected = chron.rejected
    assert rejected[S.SOURCE_ROW].tolist() == [5]
    assert rejected[S.REASON_CODE].tolist() == ["undated_paragraph"]
    assert "5. Children's Social Care" in rejected[S.REASON].iloc[0]
    assert rejected[S.DETAILS].tolist() == [
        "5.1 The police notification was received by the duty team."
    ]


def test_entries_dated_by_their_day_alone_under_a_month_heading(write_text):
    """A police log under month headings, each entry opening with its day alone ('Monday
    12th - ...', '2nd - ...'): each is an entry on that day of the month (they were one
    entry dated to the whole month, the heading its date, the days left in its text); a
    day without its weekday or ordinal ('12 - ...') or under no month stays text."""
    text = (
        "Police chronology (fictional)\n\nMarch 2007\nMonday 12th - PC1 attended a domestic "
        "incident at the home.\nWednesday 14th: DC1 interviewed Mother.\n12 - officers left.\n"
        "\nApril 2007\n2nd - Mother reported Father missing.\n"
    )
    chron = read_text(write_text("police.txt", text))
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "12/03/2007",
        "14/03/2007",
        "02/04/2007",
    ]
    assert ev[S.PRECISION].astype(str).tolist() == ["day"] * 3
    assert ev[S.DETAILS].tolist() == [
        "PC1 attended a domestic incident at the home.",
        "DC1 interviewed Mother. 12 - officers left.",
        "Mother reported Father missing.",
    ]
    assert ev[S.SOURCE_ROW].tolist() == [4, 5, 9]
    days = chron.warnings[chron.warnings[S.CODE] == "day_under_month"]
    assert days[S.SOURCE_ROW].tolist() == [4] and "3 paragraph(s)" in days[S.MESSAGE].iloc[0]
    assert chron.rejected.empty


CASE_NOTES = """\
Case notes export - Child A (fictional)
Printed 01/09/2008 by ADMIN1

Date: 12/03/2007 14:30    Type: Home Visit    Worker: SW1
Subject: Visit to Child A
Note: Child A seen in his cot. Mother said the bruise on his arm was from the cot bars.
Manager informed.

Event Date: 14/03/2007    Worker: TM1
Note: Strategy discussion held with police.
"""


def test_case_notes_printed_with_several_labels_on_a_line(write_text):
    """Case notes as a case system prints them: several labels on the header line set
    apart by spaces ('Type: Home Visit    Worker: SW1' filled the time), a label of no
    field ('Subject: ...') kept as written in the details (it was added to the worker), and
    'Event Date:' opening an entry (it was joined to the entry above)."""
    chron = read_text(write_text("notes.txt", CASE_NOTES), agency="CSC")
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist() == [
        "12/03/2007 14:30",
        "14/03/2007 00:00",
    ]
    assert ev[S.PRACTITIONER].tolist() == ["SW1", "TM1"]
    assert ev[S.DETAILS].tolist() == [
        "Child A seen in his cot. Mother said the bruise on his arm was from the cot bars. "
        "Manager informed.\nType: Home Visit\nSubject: Visit to Child A",
        "Strategy discussion held with police.",
    ]
    assert ev[S.SOURCE_ROW].tolist() == [4, 9]
    assert "unreadable_time" not in chron.warnings[S.CODE].tolist()


def test_dates_of_a_narrative_over_pages_that_show_no_order_are_reported():
    """A narrative over pages whose numeric dates cannot show whether the day or the month
    comes first has the document's ambiguous_day_month warning, as a single page has (read
    page by page it had none, and the sibling files of a case could not settle it)."""
    chron = parse_paragraphs(
        [
            Paragraph("01/03/2007 - GP: Child A seen.", 1, sheet="page 1"),
            Paragraph("02/04/2007 - GP: Child A seen again.", 1, sheet="page 2"),
        ],
        source="gp.pdf",
        classify=False,
    )
    ambiguous = chron.warnings[chron.warnings[S.CODE] == "ambiguous_day_month"]
    assert len(ambiguous) == 1 and ambiguous[S.SOURCE_FILE].tolist() == ["gp.pdf"]
    assert chron.events[S.START].dt.strftime("%d/%m").tolist() == ["01/03", "02/04"]


def test_a_word_table_saved_as_plain_text_under_its_title(write_text):
    """A Word table saved as plain text: its title above the header, cells split by tabs,
    a cell's paragraphs breaking its row over lines; read as a table (with a title above
    the header it was read as columns aligned with spaces: agencies 'other', the text
    split into the wrong columns)."""
    text = (
        "Combined chronology - Child A (fictional)\n\n"
        "Date\tAgency\tDetails\tOutcome\n"
        "12/03/2007\tGP\tChild A seen with a bruise.\nMother said fell from sofa.\tAdvice\n"
        "14/03/2007\tPolice\tDomestic incident at home.\tNFA\n"
    )
    chron = read_text(write_text("combined.txt", text))
    ev = chron.events
    assert ev[S.AGENCY].astype(str).tolist() == ["gp", "police"]
    assert ev[S.DETAILS].tolist() == [
        "Child A seen with a bruise.\nMother said fell from sofa.",
        "Domestic incident at home.",
    ]
    assert ev[S.OUTCOME].tolist() == ["Advice", "NFA"]
    assert ev[S.SOURCE_ROW].tolist() == [4, 6]
    assert chron.rejected.empty


def test_labels_of_a_block_on_one_line_apart_by_single_spaces(write_text):
    """An entry's labels typed on one line, one space apart ('DATE: 12/03/2007 TIME: 23:10
    OFFICER: PC1 DETAILS: ... OUTCOME: ...'): each fills its field (the time was
    '23:10 OFFICER: PC1 DETAILS: ...', unreadable, and the details were lost); a label
    of no field inside the text ('Mother said: ...') stays text."""
    text = (
        "POLICE LOG (fictional)\n\n"
        "DATE: 12/03/2007 TIME: 23:10 OFFICER: PC1 DETAILS: Domestic incident at the home. "
        "Mother said: he left. OUTCOME: DASH medium.\n"
        "DATE: 14/03/2007 TIME: 10:00 OFFICER: DC1 DETAILS: Mother interviewed. OUTCOME: NFA\n"
    )
    chron = read_text(write_text("police.txt", text))
    ev = chron.events
    assert ev[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist() == [
        "12/03/2007 23:10",
        "14/03/2007 10:00",
    ]
    assert ev[S.PRACTITIONER].tolist() == ["PC1", "DC1"]
    assert ev[S.DETAILS].tolist() == [
        "Domestic incident at the home. Mother said: he left.",
        "Mother interviewed.",
    ]
    assert ev[S.OUTCOME].tolist() == ["DASH medium.", "NFA"]
    assert "unreadable_time" not in chron.warnings[S.CODE].tolist()


def test_blocks_that_give_their_agency_before_their_date(write_text):
    """Blocks of labelled lines that open with the agency, then the date ('Agency:
    Police', 'Date: 02/04/2007', 'Details: ...'): each block's agency is its own (each
    block took the agency of the block after it, the first the document's)."""
    blocks = [("Police", "02/04/2007", "Domestic incident."), ("CSC", "04/04/2007", "Screened.")]
    text = "Combined chronology (fictional)\n\n" + "\n".join(
        f"Agency: {agency}\nDate: {date}\nDetails: {details}\n" for agency, date, details in blocks
    )
    chron = read_text(write_text("combined.txt", text))
    assert chron.events[S.AGENCY].astype(str).tolist() == ["police", "csc"]
    assert chron.events[S.DETAILS].tolist() == ["Domestic incident.", "Screened."]
    assert chron.events[S.SOURCE_ROW].tolist() == [3, 7]
    # the same blocks as paragraphs of their own, as in a Word document, no blank between
    lines = [line for line in text.split("\n")[2:] if line]
    again = parse_paragraphs(lines, source="combined.docx", classify=False)
    assert again.events[S.AGENCY].astype(str).tolist() == ["police", "csc"]
    assert again.events[S.DETAILS].tolist() == ["Domestic incident.", "Screened."]
    assert again.events[S.SOURCE_ROW].tolist() == [1, 4]


def test_line_breaks_and_entities_in_a_markdown_table(write_text):
    """A Markdown table as converters write a Word table: '<br>' in a cell is a line
    break and '&amp;' an ampersand (they were kept as written, markup in the details)."""
    text = (
        "# GP chronology (fictional)\n\n| Date | Details | Outcome |\n|---|---|---|\n"
        "| 12/03/2007 | Child A seen.<br>Mother said fell. | Advice<br/>given |\n"
        "| 14/03/2007 | Phone call &amp; letter | NFA |\n"
    )
    chron = read_text(write_text("gp.md", text))
    assert chron.events[S.DETAILS].tolist() == [
        "Child A seen.\nMother said fell.",
        "Phone call & letter",
    ]
    assert chron.events[S.OUTCOME].tolist() == ["Advice\ngiven", "NFA"]


def test_a_heading_inside_an_entry_does_not_part_it():
    """A heading that names no agency, period or day inside an entry ('Action' under the
    day's entry) does not part it: the paragraphs under it stay the entry's text (not
    undated_paragraph rejected rows, as under an agency's heading)."""
    chron = parse_paragraphs(
        [
            Paragraph("12 March 2007", 1, heading=True),
            "HV1 visited the home.",
            Paragraph("Action", 3, heading=True),
            "Refer to GP.",
        ],
        source="hv.docx",
        classify=False,
    )
    assert chron.events[S.DETAILS].tolist() == ["HV1 visited the home.\nRefer to GP."]
    assert chron.rejected.empty
