"""Text chronologies, s27 (fictional): tables pasted from a wiki, redacted dates, notes."""

from __future__ import annotations

from pathlib import Path

import pytest

import scr_timeline as scr
from scr_timeline import schema as S


def _read(tmp_path: Path, text: str, name: str = "chron.txt") -> scr.Chronology:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return scr.read(path)


def test_a_markdown_row_without_outer_bars_whose_first_cells_are_empty(tmp_path: Path):
    # a pipe table pasted from Teams: bars between the cells only; the entry's next line
    # typed as a row of its own with the date and agency cells left empty
    chron = _read(
        tmp_path,
        "Date | Agency | Event\n"
        "--- | --- | ---\n"
        "12/03/2007 | HV | HV1 home visit, Child A seen\n"
        "14/03/2007 | CSC | SW1 phoned Mother\n"
        " | | Card left at the door.\n"
        "| 20/03/2007 | Police | PC2 attended |\n",
        "chron.md",
    )
    events = chron.events.set_index(S.SOURCE_ROW)
    assert events.loc[4, S.DETAILS] == "SW1 phoned Mother\nCard left at the door."
    assert events.loc[6, S.AGENCY] == "police"
    assert events.loc[6, S.DETAILS] == "PC2 attended"
    assert chron.rejected.empty


_REDACTED = """\
Chronology of Child A

14/03/2007 - GP saw Child A; bruise noted.

[REDACTED] - HV1 visited Child A at home.

XX/XX/2007 - SW1 phoned Mother.

███ - Police attended a domestic incident at the family home.

20/03/2007 - [name removed] (HV) visited; Child A seen.
"""


def test_entries_whose_date_was_redacted_are_entries_of_their_own(tmp_path: Path):
    # each was run into the entry above as its text (under that entry's date), or read as
    # a year's heading ('XX/XX/2007 - ...'): now an entry each, rejected for its date
    # with its text, or dated by what is left of the date
    chron = _read(tmp_path, _REDACTED)
    events = chron.events.set_index(S.SOURCE_ROW)
    assert events.loc[3, S.DETAILS] == "GP saw Child A; bruise noted."
    assert events.loc[7, S.DETAILS] == "SW1 phoned Mother."
    assert events.loc[7, S.DATE_TEXT] == "XX/XX/2007"
    assert events.loc[7, S.PRECISION] == "year"
    assert events.loc[11, S.DETAILS] == "[name removed] (HV) visited; Child A seen."
    rejected = chron.rejected.set_index(S.SOURCE_ROW)
    assert sorted(rejected.index) == [5, 9]
    assert rejected.loc[5, S.DATE_TEXT] == "[REDACTED]"
    assert rejected.loc[5, S.DETAILS] == "HV1 visited Child A at home."
    assert rejected.loc[9, S.DETAILS] == "Police attended a domestic incident at the family home."
    assert not chron.warnings["code"].eq("narrative_heading").any()


def test_a_redacted_date_in_a_fixed_width_print_out_starts_its_row(tmp_path: Path):
    chron = _read(
        tmp_path,
        "Date        Worker  Details\n"
        "----------  ------  ------------------------------------------\n"
        "12/03/2007  SW1     Child A seen with Mother. Bruise to left\n"
        "                    cheek, Mother said fall from sofa.\n"
        "20/03/2007  TM1     Strategy discussion with PC2 and HV1;\n"
        "                    s47 agreed.\n"
        "XX/XX/2007  SW2     Case transferred to LAC team.\n"
        "[REDACTED]  SW2     Letter sent to Mother.\n",
    )
    events = chron.events.set_index(S.SOURCE_ROW)
    assert events.loc[5, S.DATE_TEXT] == "20/03/2007"
    assert events.loc[5, S.DETAILS] == "Strategy discussion with PC2 and HV1; s47 agreed."
    assert events.loc[7, S.DETAILS] == "Case transferred to LAC team."
    assert chron.rejected.set_index(S.SOURCE_ROW).loc[8, S.DETAILS] == "Letter sent to Mother."


_NOTES = """\
Chronology of Child A - Northshire Children's Social Care

12/03/2007 - HV1 visited Child A at home.[1] Mother said the bruise was from a fall.

14/03/2007 - SW1 phoned Mother; no answer.² Card left.

20/03/2007 - Strategy discussion held with Police and Health.[2]

Notes
[1] The health visitor's records for this visit were incomplete.
² Police records show PC2 attended the same day.
[2] Minutes of the strategy discussion were not found on file; dated 21/03/2007 in the index.
"""


def test_a_list_of_notes_under_the_entries_goes_to_the_entries_referring_to_them(
    tmp_path: Path,
):
    # the notes were the text of the last entry (the strategy discussion's): each is now
    # added to the entry holding its mark, as Word's footnotes are
    chron = _read(tmp_path, _NOTES)
    details = chron.events.set_index(S.SOURCE_ROW)[S.DETAILS]
    assert details[3].endswith(
        "from a fall. [footnote: The health visitor's records for this visit were incomplete.]"
    )
    assert details[5] == (
        "SW1 phoned Mother; no answer.² Card left. "
        "[footnote: Police records show PC2 attended the same day.]"
    )
    assert details[7] == (
        "Strategy discussion held with Police and Health.[2] [footnote: Minutes of the "
        "strategy discussion were not found on file; dated 21/03/2007 in the index.]"
    )
    assert len(chron.events) == 3
    assert chron.rejected.empty


def test_a_word_narratives_notes_typed_under_a_heading(tmp_path: Path):
    docx = __import__("pytest").importorskip("docx")
    doc = docx.Document()
    doc.add_heading("Health Visiting chronology - Child A", 1)
    doc.add_paragraph("12/03/2007 - HV1 visited Child A at home.[1] Mother said it was a fall.")
    doc.add_paragraph("14/03/2007 - HV1 phoned Mother; no answer.[2] Card left.")
    doc.add_heading("Notes", 2)
    doc.add_paragraph("[1] The health visitor's records for this visit were incomplete.")
    doc.add_paragraph("[2] The GP was not told of the missed contact.")
    path = tmp_path / "hv.docx"
    doc.save(path)
    details = scr.read(path).events.set_index(S.SOURCE_ROW)[S.DETAILS]
    assert details[3] == (
        "HV1 phoned Mother; no answer.[2] Card left. "
        "[footnote: The GP was not told of the missed contact.]"
    )
    assert details[2].endswith(
        "[footnote: The health visitor's records for this visit were incomplete.]"
    )


def test_numbered_lines_no_entry_refers_to_stay_as_they_were(tmp_path: Path):
    # "[3]" is referred to nowhere above: the lines are not taken for notes
    text = _NOTES.replace("[2] Minutes", "[3] Minutes")
    details = _read(tmp_path, text).events.set_index(S.SOURCE_ROW)[S.DETAILS]
    assert "[footnote:" not in details[3]
    assert "[3] Minutes of the strategy discussion" in details[7]


def test_a_note_labelled_as_the_reviewers_under_an_entry_is_its_comment(tmp_path: Path):
    # "Reviewer:" alone was the entry's details (a referral the HV should have made read
    # as the record); "Reviewer comment:" was already the comment
    chron = _read(
        tmp_path,
        "12/03/2007 - HV1 home visit; bruise to left cheek noted.\n\n"
        "Reviewer: HV1 should have referred to CSC under the bruising protocol.\n\n"
        "14/03/2007 - HV1 phoned Mother; no answer.\n"
        "Lead reviewer: no escalation followed.\n",
    )
    events = chron.events.set_index(S.SOURCE_ROW)
    assert events.loc[1, S.DETAILS] == "HV1 home visit; bruise to left cheek noted."
    assert events.loc[1, S.COMMENT] == (
        "HV1 should have referred to CSC under the bruising protocol."
    )
    assert events.loc[5, S.DETAILS] == "HV1 phoned Mother; no answer."
    assert events.loc[5, S.COMMENT] == "no escalation followed."


def test_a_superscript_note_mark_after_a_date_is_no_part_of_it(tmp_path: Path):
    # "On 14 March 2007¹ the HV ..." was dated "14 March" with "2007¹" the text (no year:
    # rejected); "14/03/2007² - ..." was no date and ran into the entry above
    chron = _read(
        tmp_path,
        "12/03/2007 - GP1 saw Child A.\n\n"
        "On 14 March 2007¹ the health visitor visited Child A at home.\n\n"
        "20/03/2007² - SW1 phoned Mother; no answer.\n",
    )
    events = chron.events.set_index(S.SOURCE_ROW)
    assert events[S.DATE_TEXT].tolist() == ["12/03/2007", "14 March 2007", "20/03/2007"]
    assert events.loc[3, S.DETAILS] == "the health visitor visited Child A at home."
    assert chron.rejected.empty


_WRAPPED_HEADER = """\
CASE NOTES REPORT
Child A (ID 123456)

Contact     Contact           Worker   Note
Date        Type
==========  ================  =======  ============================================
12/03/2007  Home Visit        SW1      Child A seen with Mother. Bruise to left
                                       cheek, Mother said fall from sofa.
14/03/2007  Telephone         SW1      Phoned Mother - no answer.
20/03/2007  Strategy          TM1      Strategy discussion with PC2 and HV1;
            Discussion                 s47 agreed.
"""


def test_a_fixed_width_print_out_whose_headings_wrap_onto_two_lines(tmp_path: Path):
    # "Contact" over "Date": no header was found, so the print-out was read as a
    # narrative, each entry's type and worker run into its details
    chron = _read(tmp_path, _WRAPPED_HEADER)
    events = chron.events.set_index(S.SOURCE_ROW)
    assert events[S.DATE_TEXT].tolist() == ["12/03/2007", "14/03/2007", "20/03/2007"]
    assert events.loc[7, S.DETAILS] == (
        "Child A seen with Mother. Bruise to left cheek, Mother said fall from sofa."
    )
    assert events[S.PRACTITIONER].tolist() == ["SW1", "SW1", "TM1"]
    assert events.loc[10, S.CONTACT_TYPE] == "Strategy Discussion"
    assert events.loc[10, S.DETAILS] == "Strategy discussion with PC2 and HV1; s47 agreed."
    assert chron.rejected.empty


_REPORT = """\
# Child Safeguarding Practice Review: Child A

## 1. Introduction

1.1 This review was commissioned on 12 January 2009 following the death of Child A.

## 2. Key practice episodes

2.14 On 12 March 2007 the health visitor saw a bruise on Child A's cheek and did not refer.

2.15 On 20 March 2007 the police attended a domestic incident; the DASH was standard.

## 3. Learning points

3.1 On 12 March 2007 the health visitor should have followed the bruising protocol.

## 4. Summary of learning

4.1 On 20 March 2007 the police should have considered the children in the household.
"""

_APPENDIX = """
## Appendix 1: Chronology of significant events

12/03/2007 - Health Visiting: HV1 home visit; bruise to left cheek noted.

20/03/2007 - Police: PC2 attended domestic incident; DASH standard.
"""


def test_a_reports_learning_and_episodes_are_no_entries_beside_its_chronology(
    tmp_path: Path,
):
    # the learning points ("should have followed the bruising protocol") were the health
    # visitor's and the police's entries, and the key practice episodes the same entries
    # as the appendix's chronology told again (twice each)
    chron = _read(tmp_path, _REPORT + _APPENDIX, "report.md")
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007", "20/03/2007"]
    assert chron.events[S.SOURCE_ROW].tolist() == [23, 25]
    aside = chron.warnings[chron.warnings["code"].eq("report_section")]
    assert aside[S.SOURCE_ROW].tolist() == [7, 13, 17]
    assert "tells again the entries" in aside["message"].iloc[0]


def test_a_reports_episodes_are_read_when_nothing_else_tells_the_case(tmp_path: Path):
    chron = _read(tmp_path, _REPORT, "report.md")
    events = chron.events.set_index(S.SOURCE_ROW)
    assert sorted(events.index) == [9, 11]
    assert events.loc[11, S.AGENCY] == "police"
    aside = chron.warnings[chron.warnings["code"].eq("report_section")]
    assert aside[S.SOURCE_ROW].tolist() == [13, 17]


_STRUCK_MARKDOWN = """\
**Chronology - Police**

| **Date** | **Time** | **Officer** | **Details** |
|:---------|:--------:|:------------|:------------|
| 12/03/2007 | 22:40 | PC1 | DA incident at home address.<br>• Child A present |
| ~~15/03/2007~~ | | ~~PC3~~ | ~~DA incident~~ ~~at home~~ |
| 16/03/2007 | 09:00 | PC4 | Visit to school ~~and nursery~~ re Child A |
"""


def test_a_markdown_row_struck_through_is_rejected_and_struck_words_left_out(
    tmp_path: Path,
):
    # "~~15/03/2007~~" was read as an approximate date (with "~~" in its text) and the
    # withdrawn entry as an event; struck words stayed in the details
    chron = _read(tmp_path, _STRUCK_MARKDOWN, "police.md")
    events = chron.events.set_index(S.SOURCE_ROW)
    assert sorted(events.index) == [5, 7]
    assert events.loc[7, S.DETAILS] == "Visit to school re Child A"
    rejected = chron.rejected.set_index(S.SOURCE_ROW)
    assert rejected.loc[6, "reason_code"] == "struck_through"
    assert rejected.loc[6, S.DATE_TEXT] == "15/03/2007"
    assert rejected.loc[6, S.DETAILS] == "DA incident at home"
    struck = chron.warnings[chron.warnings["code"].eq("struck_text")]
    assert struck[S.SOURCE_ROW].tolist() == [7]


def test_a_year_banner_in_a_markdown_tables_first_column(tmp_path: Path):
    # "| **2007** | | |" under "Agency | Date | Event": rejected as an empty date (the
    # year lost), and the dates below it without their year rejected for it
    chron = _read(
        tmp_path,
        "| Agency | Date | Event |\n"
        "|---|---|---|\n"
        "| **2007** | | |\n"
        "| HV | 12 Mar | HV1 home visit |\n"
        "| **2008** | | |\n"
        "| Police | 02 Jan | PC2 attended |\n",
        "chron.md",
    )
    assert chron.rejected.empty
    starts = chron.events[S.START].dt.strftime("%Y-%m-%d").tolist()
    assert starts == ["2007-03-12", "2008-01-02"]
    sections = chron.warnings[chron.warnings["code"].eq("section_row")]
    assert sections[S.SOURCE_ROW].tolist() == [3, 5]


_PAGE_ONE = (
    "Northshire CSC - Case chronology\n\n"
    "Date        Worker  Details\n"
    "----------  ------  ------------------------------------\n"
    "12/03/2007  SW1     Child A seen with Mother. Bruise to\n"
    "                    left cheek.\n\n"
    "Page 1 of 2\n"
)


@pytest.mark.parametrize(
    "top",
    [
        "\fNorthshire CSC - Case chronology\n\n"
        "Date        Worker  Details\n"
        "----------  ------  ------------------------------------\n",
        "\f",
    ],
    ids=["repeated header", "no header"],
)
def test_a_fixed_width_row_broken_by_the_page_joins_its_own_row(tmp_path: Path, top: str):
    # the blank line above the page's foot counted as a gap between rows, so the lines
    # were read as blocks (cells set in the middle of their rows): the row's rest at the
    # top of page 2 opened the next row's block and became that row's text
    text = (
        _PAGE_ONE
        + top
        + "                    Mother said fall from sofa.\n"
        + "14/03/2007  SW1     Phoned Mother - no answer.\n\nPage 2 of 2\n"
    )
    details = _read(tmp_path, text).events[S.DETAILS].tolist()
    assert details == [
        "Child A seen with Mother. Bruise to left cheek. Mother said fall from sofa.",
        "Phoned Mother - no answer.",
    ]


def test_agency_banners_in_a_markdown_table_name_the_agency_of_the_rows_below(
    tmp_path: Path,
):
    # "| **Metropolitan Police** | | |" (a Word table's banner row, converted) was a row
    # rejected for its date, and the rows below it had no agency ('other')
    chron = _read(
        tmp_path,
        "# Combined chronology - Child A\n\n"
        "| Date | Event | Outcome |\n"
        "|---|---|---|\n"
        "| **Metropolitan Police** | | |\n"
        "| 12/03/2007 | PC1 attended DA incident | DASH standard |\n"
        "| **Health Visiting** | | |\n"
        "| 14/03/2007 | HV1 home visit, Child A seen | No concerns |\n",
        "combined.md",
    )
    assert chron.rejected.empty
    assert chron.events[S.AGENCY].tolist() == ["police", "health_visiting"]
    sections = chron.warnings[chron.warnings["code"].eq("section_row")]
    assert sections[S.SOURCE_ROW].tolist() == [5, 7]


def test_agency_banners_in_a_fixed_width_tables_date_column(tmp_path: Path):
    chron = _read(
        tmp_path,
        "Date                 Details\n"
        "-------------------  ------------------------------\n"
        "Metropolitan Police\n"
        "12/03/2007           PC1 attended DA incident.\n"
        "Health Visiting\n"
        "14/03/2007           HV1 home visit.\n",
    )
    assert chron.rejected.empty
    assert chron.events[S.AGENCY].tolist() == ["police", "health_visiting"]


def test_a_masked_date_with_its_year_opens_an_entry_without_a_separator(tmp_path: Path):
    # "XX.XX.07 Letter ..." was the text of the entry above (under its date)
    chron = _read(
        tmp_path,
        "GP chronology - Elm Road Surgery\n\n"
        "19.03.07 Dr B: DNA 6-8 week check.\n\n"
        "XX.XX.07 Letter received: Child A attended A&E with a burn to the hand.\n",
    )
    events = chron.events.set_index(S.SOURCE_ROW)
    assert events.loc[3, S.DETAILS] == "Dr B: DNA 6-8 week check."
    assert events.loc[5, S.DATE_TEXT] == "XX.XX.07"
    assert events.loc[5, S.PRECISION] == "year"


def test_a_bracketed_reviewers_note_under_an_entry_is_its_comment(tmp_path: Path):
    # "[Reviewer's note: ...]" on its own line was joined to the GP's record
    chron = _read(
        tmp_path,
        "12.03.07 Dr B: Child A seen with Mother, bruise L cheek. Advised.\n"
        "[Reviewer's note: no safeguarding enquiry made.]\n",
    )
    event = chron.events.iloc[0]
    assert event[S.DETAILS] == "Dr B: Child A seen with Mother, bruise L cheek. Advised."
    assert event[S.COMMENT] == "no safeguarding enquiry made."
