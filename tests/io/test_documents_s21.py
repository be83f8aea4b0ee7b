"""Narrative and text chronologies as practitioners write them (all data fictional).

Short entries dated by their month, Markdown tables without the bars at the line ends.
"""

from __future__ import annotations

import pandas as pd
import pytest

docx = pytest.importorskip("docx")

import scr_timeline as scr  # noqa: E402
from scr_timeline import schema as S  # noqa: E402
from scr_timeline.io.text import is_period_date, parse_paragraphs  # noqa: E402


def by_row(chron: scr.Chronology) -> pd.DataFrame:
    return chron.events.sort_values([S.SOURCE_SHEET, S.SOURCE_ROW])


def accounted(chron: scr.Chronology) -> dict[tuple[str, int], str]:
    """Each (sheet, row) of an event or rejected row: "event" or the reason code; no row
    is both, or twice."""
    out: dict[tuple[str, int], str] = {}
    for sheet, row in chron.events[[S.SOURCE_SHEET, S.SOURCE_ROW]].itertuples(index=False):
        assert (str(sheet), int(row)) not in out
        out[str(sheet), int(row)] = "event"
    rejected = chron.rejected[[S.SOURCE_SHEET, S.SOURCE_ROW, S.REASON_CODE]]
    for sheet, row, code in rejected.itertuples(index=False):
        assert (str(sheet), int(row)) not in out
        out[str(sheet), int(row)] = str(code)
    return out


# --- entries dated by their month alone ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan-08: SW1 visit.", False),
        ("Mar 07 - HV home visit, Child A seen.", False),
        ("June 2007: GP appt, DNA.", False),
        ("2007: Mother moved to Northshire.", False),
        ("March 2007", True),
        ("Mar-07", True),
        ("March 2007 (approx.)", True),
        ("2007 - continued", True),
        ("March 2007 cont.", True),
        ("2008 onwards", True),
        ("2006 - 2007", True),
    ],
)
def test_a_month_with_text_after_it_is_no_period_heading(text: str, expected: bool):
    assert is_period_date(text) is expected


def test_short_entries_dated_by_their_month_are_events(write_text):
    path = write_text(
        "child-a-csc.txt",
        "Children's Social Care chronology - Child A\n\n"
        "March 2007\n\n"
        "12/03/2007 - SW1 home visit. Child A seen.\n"
        "Jan-08: SW1 visit.\n"
        "Mar 07 - HV home visit, Child A seen.\n"
        "June 2007: GP appt, DNA.\n",
    )
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [5, 6, 7, 8]
    assert ev[S.DATE_TEXT].tolist() == ["12/03/2007", "Jan-08", "Mar 07", "June 2007"]
    assert ev[S.PRECISION].astype(str).tolist() == ["day", "month", "month", "month"]
    assert ev[S.START].tolist() == [
        pd.Timestamp("2007-03-12"),
        pd.Timestamp("2008-01-01"),
        pd.Timestamp("2007-03-01"),
        pd.Timestamp("2007-06-01"),
    ]
    assert ev[S.DETAILS].tolist() == [
        "SW1 home visit. Child A seen.",
        "SW1 visit.",
        "HV home visit, Child A seen.",
        "GP appt, DNA.",
    ]
    # the heading alone on its line is still a heading (of the preamble here)
    assert 3 not in ev[S.SOURCE_ROW].tolist()
    assert accounted(chron) == {("line", n): "event" for n in (5, 6, 7, 8)}


def test_month_entries_between_dated_entries_are_not_headings():
    chron = parse_paragraphs(
        [
            "Health visiting chronology",
            "12/03/2007 - HV1 new birth visit. Child A seen.",
            "Apr 07 - HV1 phoned Mother, no reply.",
            "14/05/2007 - 8 week check at clinic.",
            "2007",
            "15 June - HV1 home visit.",
        ],
        source="hv.txt",
        classify=False,
    )
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [2, 3, 4, 6]
    assert ev[S.DETAILS].tolist()[:3] == [
        "HV1 new birth visit. Child A seen.",
        "HV1 phoned Mother, no reply.",  # not the text of the entry above, nor a heading
        "8 week check at clinic.",
    ]
    assert ev[S.PRECISION].astype(str).tolist() == ["day", "month", "day", "day"]
    # "2007" alone still heads the year of the yearless date under it
    assert ev[S.START].iloc[3] == pd.Timestamp("2007-06-15")


# --- Markdown tables without the bars at the line ends ----------------------------------------
@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_pipe_table_without_outer_bars_is_a_table(write_text, suffix: str):
    path = write_text(
        f"combined{suffix}",
        "# Combined chronology - Child A\n\n"
        "Date | Agency | Details\n"
        "--- | --- | ---\n"
        "12/03/2007 | GP | Child A seen\n"
        "14/03/2007 | Police | DV call-out to the home\n"
        "16/03/2007 | CSC | SW1 visit \\| Mother present\n",
    )
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [5, 6, 7]
    assert ev[S.AGENCY].astype(str).tolist() == ["gp", "police", "csc"]
    assert ev[S.DETAILS].tolist() == [
        "Child A seen",
        "DV call-out to the home",
        "SW1 visit | Mother present",
    ]
    assert "read_as_table" in chron.warnings[S.CODE].tolist()


def test_pipe_table_without_outer_bars_ends_at_prose(write_text):
    path = write_text(
        "gp.md",
        ":--- | :--- | :---\n".join(
            [
                "GP chronology\n\nDate | Source | Event\n",
                "12/03/2007 | GP notes | Child A seen for a cough\n"
                "02/04/2007 | GP notes | DNA for immunisations\n\n"
                "The practice had no other contact with the family.\n",
            ]
        ),
    )
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [5, 6]
    assert ev[S.DETAILS].tolist() == ["Child A seen for a cough", "DNA for immunisations"]
    assert ev[S.SOURCE].tolist() == ["GP notes", "GP notes"]


def test_rows_of_a_table_drawn_with_bars_stay_rows(write_text):
    """Each line of a Markdown table is a row typed as such: an undated row with only
    text carries on the row above after a line break (``row_continued``, as in a Word
    table); one with an agency of its own is rejected, not merged into the row above."""
    path = write_text(
        "combined.md",
        "# Combined chronology - Child A\n\n"
        "| Date | Agency | Source | Event | Comment/analysis |\n"
        "|------|--------|--------|-------|------------------|\n"
        "| 12/03/2007 | Health Visiting | HV1 | New birth visit<br>Child A seen | Good |\n"
        "| | | | Mother low in mood | |\n"
        "| 14/03/2007 | Police | Storm | DV incident | Not shared |\n"
        "| | CSC | Contact log | Police notification screened | |\n"
        "| 2007 | | | | |\n"
        "| 31/04/2007 | GP | Notes | Seen | |\n",
    )
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [5, 7]
    assert ev[S.DETAILS].tolist() == [
        "New birth visit\nChild A seen\nMother low in mood",
        "DV incident",
    ]
    assert ev[S.COMMENT].tolist() == ["Good", "Not shared"]
    assert accounted(chron) == {
        ("line", 5): "event",
        ("line", 7): "event",
        ("line", 8): "empty_date",
        ("line", 10): "impossible_date",
    }
    warned = chron.warnings.set_index(S.CODE)[S.SOURCE_ROW]
    assert warned["row_continued"] == 6
    assert warned["section_row"] == 9


# --- the review author's comments under narrative entries ------------------------------------
def test_analysis_paragraphs_under_narrative_entries_are_their_comment(write_text):
    """IMR authors write their analysis under each entry ("Analysis by IMR author: ...",
    a paragraph or a line of its own): the entry's comment, not its details (its words
    were read as the record of what happened)."""
    path = write_text(
        "school.txt",
        "St Anne's Primary School - chronology (fictional)\n\n"
        "05/09/2007 - Sibling started in Reception. Mother brought Child A\n"
        "in the buggy.\n"
        "Analysis by IMR author: staff knew of no concerns\n"
        "at this time.\n\n"
        "15/10/2007 - Sibling absent three days; Mother said illness.\n\n"
        "Comment: the absence was not followed up.\n\n"
        "The attendance officer was on leave.\n\n"
        "12/03/2008 - Observations: Sibling quiet in class. Impact: none noted.\n",
    )
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [3, 8, 14]
    assert ev[S.DETAILS].tolist() == [
        "Sibling started in Reception. Mother brought Child A in the buggy.",
        "Sibling absent three days; Mother said illness.",
        "Observations: Sibling quiet in class. Impact: none noted.",  # no author's label
    ]
    assert ev[S.COMMENT].fillna("").tolist() == [
        "staff knew of no concerns at this time.",
        "the absence was not followed up.\nThe attendance officer was on leave.",
        "",
    ]


def test_analysis_paragraphs_in_a_word_narrative_and_a_labelled_block(tmp_path):
    document = docx.Document()
    document.add_paragraph("Northshire Children's Centre - Early Help chronology")
    document.add_paragraph("12 March 2007: FSW1 home visit. Child A seen.")
    document.add_paragraph("IMR author comment: good practice; Child A was seen alone.")
    document.add_paragraph("Date: 20/03/2007")
    document.add_paragraph("Event: TAF meeting. HV1 and SW1 attended.")
    document.add_paragraph("Outcome: plan agreed.")
    document.add_paragraph("Analysis by IMR author: the plan had no timescales.")
    path = tmp_path / "early-help.docx"
    document.save(path)
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [2, 4]
    assert ev[S.DETAILS].tolist() == [
        "FSW1 home visit. Child A seen.",
        "TAF meeting. HV1 and SW1 attended.",
    ]
    assert ev[S.OUTCOME].fillna("").tolist() == ["", "plan agreed."]
    assert ev[S.COMMENT].tolist() == [
        "good practice; Child A was seen alone.",
        "the plan had no timescales.",
    ]
    assert ev[S.AGENCY].astype(str).tolist() == ["early_years", "early_years"]


# --- dates without their year under a year's heading -----------------------------------------
def test_yearless_ranges_and_parts_of_a_month_under_a_year_heading(tmp_path):
    """Under a year's heading, IMR authors leave the year off every form of date:
    "between 3 and 5 June - ...", "Late July - ...", "mid-Aug: ...", "September: ...".
    Each was no date: the paragraph was run into the entry above as its text."""
    document = docx.Document()
    document.add_heading("Health Visiting IMR (fictional)", 1)
    document.add_heading("2007", 2)
    for text in [
        "12 Mar - HV1 new birth visit, Child A seen.",
        "w/c 19 Mar - HV1 two attempted visits, no reply.",
        "between 3 and 5 June - Mother phoned twice asking for advice about crying.",
        "Late July - HV1 visit; bruise to ear noted.",
        "mid-Aug: HV1 phoned Mother, no reply.",
        "September: case discussed in safeguarding supervision.",
        "Analysis by IMR author: no body map was completed in July.",
    ]:
        document.add_paragraph(text)
    path = tmp_path / "hv.docx"
    document.save(path)
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [3, 4, 5, 6, 7, 8]
    assert ev[S.DATE_TEXT].tolist() == [
        "12 Mar",
        "w/c 19 Mar",
        "between 3 and 5 June",
        "Late July",
        "mid-Aug",
        "September",
    ]
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "12/03/2007",
        "19/03/2007",
        "03/06/2007",
        "21/07/2007",
        "11/08/2007",
        "01/09/2007",
    ]
    assert ev[S.END].dt.strftime("%d/%m/%Y").tolist()[2] == "05/06/2007"
    assert ev[S.DETAILS].tolist()[2:4] == [
        "Mother phoned twice asking for advice about crying.",
        "HV1 visit; bruise to ear noted.",
    ]
    assert ev[S.COMMENT].fillna("").tolist()[-1] == "no body map was completed in July."


@pytest.mark.parametrize(
    "text",
    ["May I ask", "June was hard", "March", "Mark - the lodger", "Marching band: loud"],
)
def test_a_month_name_without_its_separator_is_no_date(text: str):
    from scr_timeline.io.text import split_date_prefix

    assert split_date_prefix(text) is None


# --- uncertain and unknown dates at the start of an entry -------------------------------------
def test_notes_of_uncertainty_after_a_date_and_entries_of_unknown_date(write_text):
    """ "21/03/07 (approx) - ..." is an approximate date (the note was the text's first
    word, and the date read as exact); "2007 (exact date unknown) - ..." is an entry of
    that year (it was run into the entry above); "Date not known - ..." is an entry whose
    date is rejected with the reason (it was run into the entry above, under its date)."""
    path = write_text(
        "police.txt",
        "Northshire Police - IMR chronology (fictional)\n\n"
        "12/03/2007 - PC1 attended a domestic incident.\n"
        "21/03/07 (approx) - Mother withdrew her statement.\n"
        "Summer 2007 - Intelligence that the partner was living at the address.\n"
        "2007 (exact date unknown) - Neighbour reported shouting.\n"
        "12.03.08 - Strategy discussion, DS1 attended.\n"
        "Date not known - Merlin report submitted.\n",
    )
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [3, 4, 5, 6, 7]
    assert ev[S.DATE_TEXT].tolist()[1] == "21/03/07 (approx)"
    assert ev[S.DATE_TEXT].tolist()[3] == "2007 (exact date unknown)"
    assert ev[S.DETAILS].tolist() == [
        "PC1 attended a domestic incident.",
        "Mother withdrew her statement.",
        "Intelligence that the partner was living at the address.",
        "Neighbour reported shouting.",
        "Strategy discussion, DS1 attended.",
    ]
    assert ev[S.PRECISION].astype(str).tolist()[3] == "year"
    approximate = chron.warnings[chron.warnings[S.CODE] == "approximate_date"]
    assert approximate[S.SOURCE_ROW].tolist() == [4, 6]
    rejected = chron.rejected.set_index(S.SOURCE_ROW)
    assert rejected.index.tolist() == [8]
    assert rejected.loc[8, S.DETAILS] == "Merlin report submitted."
    assert "Date not known" in rejected.loc[8, S.REASON]
    assert accounted(chron) == {
        **{("line", n): "event" for n in (3, 4, 5, 6, 7)},
        ("line", 8): "empty_date",
    }


def test_a_row_of_unknown_date_in_a_table_set_out_in_columns_is_rejected(write_text):
    """A row whose date cell says "Not known" is a row of its own, rejected for its date:
    it was run into the row above as its wrapped text ('12/03/2007 Not known')."""
    path = write_text(
        "gp.txt",
        "GP chronology (fictional)\n\n"
        "Date          Source       Details\n"
        "12/03/2007    GP notes     Child A seen for a cough;\n"
        "                           chest clear.\n"
        "Not known     GP notes     Letter from hospital filed.\n"
        "14/03/2007    Letter       DNA immunisations.\n"
        "Mar 07        GP notes     Mother seen, low mood.\n",
    )
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.DATE_TEXT].tolist() == ["12/03/2007", "14/03/2007", "Mar 07"]
    assert ev[S.DETAILS].tolist() == [
        "Child A seen for a cough; chest clear.",
        "DNA immunisations.",
        "Mother seen, low mood.",
    ]
    assert ev[S.SOURCE].tolist() == ["GP notes", "Letter", "GP notes"]
    assert accounted(chron) == {
        ("line", 4): "event",
        ("line", 6): "empty_date",
        ("line", 7): "event",
        ("line", 8): "event",
    }
    assert chron.rejected[S.DETAILS].tolist() == ["Letter from hospital filed."]


# --- a sentence over a page break in a text of printed pages -----------------------------------
def test_a_sentence_cut_by_a_page_break_goes_on_as_one_line(write_text):
    """A text saved from printed pages (form feeds, a running header, "Page 1 of 2" with
    blank lines around it): a sentence the page cut ("...; HO1" / "wrote to Mother.") is
    one line again; a paragraph that ended its sentence before the page break and one on
    the same page after a blank line stay paragraphs of their own."""
    path = write_text(
        "housing.txt",
        "Northshire SCR Child A - OFFICIAL SENSITIVE\nHousing chronology (fictional)\n\n"
        "14/05/2007 - Neighbour complaint about noise late at night; HO1\n\n"
        "Page 1 of 2\n\f"
        "Northshire SCR Child A - OFFICIAL SENSITIVE\n"
        "wrote to Mother.\n\n"
        "warning letter copied to the landlord.\n\n"
        "02/06/2007 - HO1 visit; partner present.\n\n"
        "Page 2 of 2\n\f"
        "Northshire SCR Child A - OFFICIAL SENSITIVE\n"
        "partner said he was visiting.\n",
    )
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.DETAILS].tolist() == [
        "Neighbour complaint about noise late at night; HO1 wrote to Mother.\n"
        "warning letter copied to the landlord.",
        "HO1 visit; partner present.\npartner said he was visiting.",
    ]
    assert ev[S.AGENCY].astype(str).tolist() == ["housing", "housing"]


# --- an entry typed in the date cell of a Word table -------------------------------------------
def add_table(document, rows):
    table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            if value is not None:
                table.cell(r, c).text = value
    return table


def test_an_entry_typed_in_the_date_cell_of_a_table_is_an_event_with_its_text(tmp_path):
    """'Jan-08: SW1 visit.' typed in the date cell, the other cells empty: an event dated
    to the month with its text as the details (it was a period's heading, then an event
    whose text was ignored as extra words of its date). A row merged across the table
    that opens with a month ('June 2007: family moved to Northshire') still heads the
    rows below and gives its year to their dates."""
    document = docx.Document()
    document.add_paragraph("CSC chronology (fictional)")
    table = add_table(
        document,
        [
            ["Date", "Worker", "Details"],
            ["June 2007: family moved to Northshire", None, None],
            ["12 June", "SW1", "Home visit."],
            ["Jan-08: SW1 visit.", None, None],
            ["14 Jan", "SW1", "Strategy discussion."],
            ["12/03/2008 - SW2 phoned Mother.", "SW2", None],
        ],
    )
    table.cell(1, 0).merge(table.cell(1, 2))
    path = tmp_path / "csc.docx"
    document.save(path)
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [3, 4, 5, 6]
    assert ev[S.DATE_TEXT].tolist() == ["12 June", "Jan-08", "14 Jan", "12/03/2008"]
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "12/06/2007",
        "01/01/2008",
        "14/01/2008",
        "12/03/2008",
    ]
    assert ev[S.DETAILS].tolist() == [
        "Home visit.",
        "SW1 visit.",
        "Strategy discussion.",
        "SW2 phoned Mother.",
    ]
    assert ev[S.PRECISION].astype(str).tolist()[1] == "month"
    warned = chron.warnings[chron.warnings[S.CODE] == "date_in_text"]
    assert warned[S.SOURCE_ROW].tolist() == [4]
    assert "4, 6" in warned[S.MESSAGE].iloc[0]
    sections = chron.warnings[chron.warnings[S.CODE] == "section_row"]
    assert sections[S.SOURCE_ROW].tolist() == [2]


def test_a_part_of_the_day_after_a_date_cell_stays_with_the_date(tmp_path):
    """'12/03/2007 pm' or '14/03/2007 - evening' in the date cell of a row without details
    is a note on the date, not the entry's text."""
    document = docx.Document()
    document.add_paragraph("Police chronology (fictional)")
    add_table(
        document,
        [
            ["Date", "Officer", "Details"],
            ["12/03/2007 pm", "PC1", None],
            ["14/03/2007 - evening", "PC2", None],
            ["15/03/2007", "PC1", "DV call-out."],
        ],
    )
    path = tmp_path / "police.docx"
    document.save(path)
    chron = scr.read(path)
    assert "date_in_text" not in chron.warnings[S.CODE].tolist()
    assert by_row(chron)[S.DETAILS].fillna("").tolist()[2] == "DV call-out."


def test_day_and_month_in_figures_under_a_year_line(write_text):
    """ "12/03 - ..." under a year's line takes its year (it was no date: the line ran into
    the entry above); a year alone on its line between entries of a line each heads the
    entries below (it ran into the entry above, whose year the dates below then took). A
    report's paragraph number ("5.1 - ...") and "05.04" (a time, or a date) are no date."""
    path = write_text(
        "gp.txt",
        "Elm Road Surgery - GP chronology (fictional)\n\n"
        "2007\n\n"
        "12/03 - Child A seen for 6 week check.\n"
        "2/4: DNA immunisations.\n"
        "5.1 - Letter sent to Mother.\n"
        "05.04 - Mother phoned.\n"
        "2008\n"
        "14/01 - OOH: bruise to cheek.\n",
    )
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [5, 6, 10]
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "12/03/2007",
        "02/04/2007",
        "14/01/2008",
    ]
    assert ev[S.DETAILS].tolist() == [
        "Child A seen for 6 week check.",
        "DNA immunisations. 5.1 - Letter sent to Mother. 05.04 - Mother phoned.",
        "OOH: bruise to cheek.",
    ]
    assert chron.rejected.empty


# --- dates by name, week ending, spans of months ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "date", "start", "end"),
    [
        ("w/e 16/03/2007 - HV1 on leave.", "w/e 16/03/2007", "10/03/2007", "16/03/2007"),
        (
            "Week ending 16/03/2007: no contact.",
            "Week ending 16/03/2007",
            "10/03/2007",
            "16/03/2007",
        ),
        ("Jan/Feb 2008 - Mother missed appointments.", "Jan/Feb 2008", "01/01/2008", "29/02/2008"),
        ("March-April 2007: family in B&B.", "March-April 2007", "01/03/2007", "30/04/2007"),
        ("Christmas 2007 - Child A stayed with MGM.", "Christmas 2007", "24/12/2007", "01/01/2008"),
        ("Easter 2008 - Father returned.", "Easter 2008", "21/03/2008", "24/03/2008"),
        ("Summer term 2008: attendance 78%.", "Summer term 2008", "01/04/2008", "31/07/2008"),
        ("October half term 2007 - absent.", "October half term 2007", "15/10/2007", "07/11/2007"),
        ("In late 2007 Mother moved to Northshire.", "late 2007", "01/09/2007", "31/12/2007"),
    ],
)
def test_dates_by_name_week_ending_and_spans_of_months_start_entries(
    text: str, date: str, start: str, end: str
):
    """Forms the date parser reads that a paragraph's start did not: the paragraph ran
    into the entry above as its text."""
    chron = parse_paragraphs(
        ["GP chronology (fictional)", "01/03/2007 - GP1 saw Child A.", text],
        source="gp.txt",
        classify=False,
    )
    ev = by_row(chron)
    assert ev[S.DETAILS].tolist()[0] == "GP1 saw Child A."
    entry = ev[ev[S.SOURCE_ROW] == 3].iloc[0]
    assert entry[S.DATE_TEXT] == date
    assert (entry[S.START].strftime("%d/%m/%Y"), entry[S.END].strftime("%d/%m/%Y")) == (start, end)


def test_a_half_term_without_its_month_is_rejected_with_the_reason():
    chron = parse_paragraphs(
        [
            "School chronology (fictional)",
            "01/03/2007 - Sibling started.",
            "half term 2007 - absent.",
        ],
        source="school.txt",
        classify=False,
    )
    assert chron.events[S.DETAILS].tolist() == ["Sibling started."]
    assert chron.rejected[S.SOURCE_ROW].tolist() == [3]
    assert "half term" in chron.rejected[S.REASON].iloc[0]


def test_reviewer_notes_across_a_table_without_a_comment_column_are_comments(tmp_path):
    """ "Analysis by IMR author: ..." or "Comment: ..." merged across a table with no
    comment column, under an entry: the entry's comment, in a column added for it (they
    were read as its details, where "no escalation" or "should have referred" read as
    what happened); plain text across stays the entry's details."""
    document = docx.Document()
    document.add_paragraph("Health Visiting IMR chronology (fictional)")
    table = add_table(
        document,
        [
            ["Date", "Practitioner", "Event"],
            ["12/03/2007 10:00", "HV1", "New birth visit; Child A seen."],
            ["Analysis by IMR author: timely visit, good practice.", None, None],
            ["Mar 07", "HV1", "Phoned Mother, no reply."],
            ["Mother later said the phone was broken.", None, None],
            ["w/c 19/03/2007", "HV2", "Two attempted visits."],
            ["Comment: HV2 should have referred to CSC after no access twice.", None, None],
        ],
    )
    for row in (2, 4, 6):
        table.cell(row, 0).merge(table.cell(row, 2))
    path = tmp_path / "hv.docx"
    document.save(path)
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [2, 4, 6]
    assert ev[S.DETAILS].tolist() == [
        "New birth visit; Child A seen.",
        "Phoned Mother, no reply.\nMother later said the phone was broken.",
        "Two attempted visits.",
    ]
    assert ev[S.COMMENT].fillna("").tolist() == [
        "Analysis by IMR author: timely visit, good practice.",
        "",
        "Comment: HV2 should have referred to CSC after no access twice.",
    ]
    assert ev[S.EVENT_TYPE].astype(str).iloc[2] != "referral"


@pytest.mark.parametrize(
    ("text", "date_text", "start", "end", "details"),
    [
        # a time span: its end was the first word of the text
        (
            "12/03/2007 14:00-15:30 - Core group meeting.",
            "12/03/2007 14:00-15:30",
            "2007-03-12 14:00",
            "2007-03-12 15:30:59",
            "Core group meeting.",
        ),
        # a system's export: the date was read as the year 2007, "03-12T14:30" as text
        (
            "2007-03-12T14:30 - PC1 attended.",
            "2007-03-12T14:30",
            "2007-03-12 14:30",
            "2007-03-12 14:30:59",
            "PC1 attended.",
        ),
        # a span of years: the second year was the first word of the text
        (
            "2007-2008: Child A attended nursery.",
            "2007-2008",
            "2007-01-01",
            "2008-12-31 23:59:59",
            "Child A attended nursery.",
        ),
    ],
)
def test_time_spans_iso_times_and_spans_of_years_at_an_entry_start(
    text: str, date_text: str, start: str, end: str, details: str
):
    chron = parse_paragraphs(["Chronology (fictional)", text], source="x.txt", classify=False)
    entry = chron.events.iloc[0]
    assert entry[S.DATE_TEXT] == date_text
    assert (entry[S.START], entry[S.END]) == (pd.Timestamp(start), pd.Timestamp(end))
    assert entry[S.DETAILS] == details


def test_markdown_emphasis_around_dates_and_labels(write_text):
    """A Markdown chronology with its dates in bold or italics ("**12/03/2007** - ...",
    "- **Mar 07:** ...", "- *14 April* - ...") and the author's label in bold: each was no
    date (the paragraphs ran into the one entry under the last heading), the label no
    comment."""
    path = write_text(
        "hv.md",
        "# Health visiting chronology (fictional)\n\n## 2007\n\n"
        "**12/03/2007** - HV1 new birth visit.\n\n"
        "- **Mar 07:** HV1 phoned Mother.\n"
        "- *14 April* - HV1 clinic, weighed.\n\n"
        "### 12 May 2007\n\nHV1 home visit; bruise noted.\n\n"
        "**Analysis by IMR author:** no body map was completed.\n",
    )
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [5, 7, 8, 10]
    assert ev[S.DATE_TEXT].tolist() == ["12/03/2007", "Mar 07", "14 April", "12 May 2007"]
    assert ev[S.DETAILS].tolist() == [
        "HV1 new birth visit.",
        "HV1 phoned Mother.",
        "HV1 clinic, weighed.",
        "HV1 home visit; bruise noted.",
    ]
    assert ev[S.COMMENT].fillna("").tolist()[-1] == "no body map was completed."


def test_emphasis_in_the_cells_of_a_markdown_table(write_text):
    path = write_text(
        "police.md",
        "| Date | Agency | Event |\n|---|---|---|\n"
        "| **12/03/2007** | _Police_ | **DV incident**; PC1 attended |\n",
    )
    ev = scr.read(path).events
    assert ev[S.DATE_TEXT].tolist() == ["12/03/2007"]
    assert ev[S.AGENCY].astype(str).tolist() == ["police"]
    assert ev[S.DETAILS].tolist() == ["DV incident; PC1 attended"]


# --- the agency written before the date ---------------------------------------------------------
def test_an_agency_written_before_the_date_starts_an_entry_of_that_agency(write_text):
    """A combined narrative that names each entry's agency first ("Police - 12/03/2007 -
    ...", "GP 14/03/07: ...", "[CSC] ..."): each line was no entry, and ran into the one
    above (the police's call-out became the text of the health visit, under its date). A
    sentence that opens with its subject ("The GP on 20/03/2007 saw ...") stays text."""
    path = write_text(
        "combined.txt",
        "Combined chronology - Child A (fictional)\n\n"
        "12/03/2007 - Health Visiting: HV1 new birth visit.\n"
        "Police - 12/03/2007 - DV call-out to the home address.\n"
        "GP 14/03/07: Child A seen with a cough.\n"
        "[CSC] 15/03/2007 referral received from police.\n"
        "Northshire Police - Mar 07: intelligence about the partner.\n"
        "The GP on 20/03/2007 saw the notification.\n",
    )
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [3, 4, 5, 6, 7]
    assert ev[S.DATE_TEXT].tolist() == [
        "12/03/2007",
        "12/03/2007",
        "14/03/07",
        "15/03/2007",
        "Mar 07",
    ]
    assert ev[S.AGENCY].astype(str).tolist() == ["health_visiting", "police", "gp", "csc", "police"]
    assert ev[S.DETAILS].tolist() == [
        "Health Visiting: HV1 new birth visit.",
        "Police: DV call-out to the home address.",
        "GP: Child A seen with a cough.",
        "CSC: referral received from police.",
        "Northshire Police: intelligence about the partner. The GP on 20/03/2007 saw the "
        "notification.",
    ]


@pytest.mark.parametrize(
    ("text", "date_text", "start", "end", "details"),
    [
        # the part of the day after the date: it was the text's first word
        (
            "12/03/2007 (evening) - PC1 attended.",
            "12/03/2007 (evening)",
            "2007-03-12 17:00",
            "2007-03-12 23:59:59",
            "PC1 attended.",
        ),
        (
            "12/03/2007 am: HV1 visit.",
            "12/03/2007 am",
            "2007-03-12",
            "2007-03-12 11:59:59",
            "HV1 visit.",
        ),
        # a part of the day with no word before it: the paragraph ran into the entry above
        (
            "Early hours of 14/03/2007: PC2 attended.",
            "14/03/2007",
            "2007-03-14",
            "2007-03-14 23:59:59",
            "Early hours: PC2 attended.",
        ),
        (
            "Evening of 14/03/2007 - Mother phoned EDT.",
            "14/03/2007",
            "2007-03-14",
            "2007-03-14 23:59:59",
            "Evening: Mother phoned EDT.",
        ),
    ],
)
def test_parts_of_the_day_around_an_entry_date(
    text: str, date_text: str, start: str, end: str, details: str
):
    chron = parse_paragraphs(
        ["Police chronology (fictional)", "01/03/2007 - PC1 visited.", text],
        source="police.txt",
        classify=False,
    )
    ev = by_row(chron)
    assert ev[S.DETAILS].tolist()[0] == "PC1 visited."
    entry = ev.iloc[1]
    assert entry[S.DATE_TEXT] == date_text
    assert (entry[S.START], entry[S.END]) == (pd.Timestamp(start), pd.Timestamp(end))
    assert entry[S.DETAILS] == details


@pytest.mark.parametrize("separator", ["\u2010", "\u2011", "\u2012", "\u2212", "|", "\u2022"])
def test_dashes_bars_and_bullets_as_word_and_pdfs_set_them_part_date_and_text(separator: str):
    """'12/03/2007 ‐ HV1 visit' with a hyphen, minus or figure dash as Word or a PDF sets
    it (or a bar or bullet): the separator was the text's first character."""
    chron = parse_paragraphs(
        ["HV chronology (fictional)", f"12/03/2007 {separator} HV1 visit."],
        source="hv.txt",
        classify=False,
    )
    assert chron.events[S.DETAILS].tolist() == ["HV1 visit."]


def test_days_alone_under_month_rows_of_a_table(tmp_path):
    """A table under month rows ("March 2008" across the table, or alone in the date cell)
    whose date cells hold the day alone ("3rd", "Mon 10", "14"): each a day of that month
    (they were rejected: a day with no month or year). A year row ends the month: a day
    under it is rejected with the reason."""
    document = docx.Document()
    document.add_paragraph("Police chronology (fictional)")
    table = add_table(
        document,
        [
            ["Date", "Officer", "Details"],
            ["March 2008", None, None],
            ["3rd", "PC1", "DV call-out."],
            ["Mon 10", "PC2", "Bail conditions checked."],
            ["April 2008", None, None],
            ["14", "DS1", "Strategy discussion."],
            ["2009", None, None],
            ["5th", "PC1", "Intelligence report."],
        ],
    )
    table.cell(1, 0).merge(table.cell(1, 2))
    path = tmp_path / "police.docx"
    document.save(path)
    chron = scr.read(path)
    ev = by_row(chron)
    assert ev[S.SOURCE_ROW].tolist() == [3, 4, 6]
    assert ev[S.DATE_TEXT].tolist() == ["3rd March 2008", "Mon 10 March 2008", "14 April 2008"]
    assert ev[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "03/03/2008",
        "10/03/2008",
        "14/04/2008",
    ]
    assert accounted(chron) == {
        ("table 1", 3): "event",
        ("table 1", 4): "event",
        ("table 1", 6): "event",
        ("table 1", 8): "unreadable_date",
    }
    warned = chron.warnings[chron.warnings[S.CODE] == "day_under_month"]
    assert warned[S.SOURCE_ROW].tolist() == [3]
