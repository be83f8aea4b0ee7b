"""Workbooks as review teams assemble them: a sheet per agency around pages about the
review itself (all data fictional)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.io.excel import _named_not_a_chronology

AGENCY_SHEETS = {
    "GP": [["Date", "Practitioner", "Details"], [dt.datetime(2007, 3, 1), "GP1", "Child A seen"]],
    "Police": [
        ["Date", "Officer", "Details"],
        [dt.datetime(2007, 3, 2), "PC1", "Domestic incident"],
    ],
}


def test_a_sheet_indexing_the_agencies_returns_is_not_read_as_events(write_xlsx):
    # its rows ('GP | Elm Road Surgery | 01/04/2008 | Practice manager | Complete') were
    # events of 2008 for gp and police, about the review rather than the child
    index = [
        ["Multi-agency chronology: Child A"],
        ["Sheet", "Agency", "Date received", "Completed by", "Notes"],
        ["GP", "Elm Road Surgery", dt.datetime(2008, 4, 1), "Practice manager", "Complete"],
        ["Police", "Metropolitan Police", dt.datetime(2008, 4, 3), "DS1", "Awaiting PNC check"],
    ]
    path = write_xlsx("child-a.xlsx", {"Agencies": index, **AGENCY_SHEETS})
    chron = scr.read(path)
    assert chron.events[S.SOURCE_SHEET].tolist() == ["GP", "Police"]
    skipped = chron.warnings[chron.warnings[S.CODE] == "sheet_skipped"]
    assert skipped[S.SOURCE_SHEET].tolist() == ["Agencies"]
    assert "its column 'Sheet' names the workbook's other sheets" in skipped[S.MESSAGE].iloc[0]
    # asked for, it is read
    assert len(scr.read_excel(path, sheets=["Agencies"]).events) == 2


def test_a_combined_sheet_whose_agencies_are_the_other_sheets_is_read(write_xlsx):
    combined = [
        ["Date", "Agency", "Details"],
        [dt.datetime(2007, 3, 1), "GP", "Child A seen"],
        [dt.datetime(2007, 3, 2), "Police", "Domestic incident"],
    ]
    chron = scr.read(write_xlsx("child-a.xlsx", {"Combined": combined, **AGENCY_SHEETS}))
    assert sorted(set(chron.events[S.SOURCE_SHEET])) == ["Combined", "GP", "Police"]
    assert "sheet_skipped" not in set(chron.warnings[S.CODE])


@pytest.mark.parametrize(
    "name",
    ["Index", "Document control", "Version history", "Change log", "Sign-off", "Returns tracker"],
)
def test_sheet_names_of_the_review_s_own_pages(name):
    assert _named_not_a_chronology(name)


@pytest.mark.parametrize("name", ["Summary", "Referral log", "Combined", "Key dates"])
def test_sheet_names_that_may_hold_a_chronology(name):
    assert not _named_not_a_chronology(name)


def test_a_combined_sheet_in_blocks_under_a_row_naming_each_agency(write_xlsx):
    # the rows under 'Metropolitan Police' (merged across) and "Children's Social Care"
    # (typed in column A alone) had no agency ('other'); the typed one was rejected as an
    # unreadable date
    rows = [
        ["Date", "Practitioner", "Details", "Outcome"],
        ["HEALTH VISITING"],
        [dt.datetime(2007, 3, 1), "P1", "New birth visit", "None"],
        [dt.datetime(2007, 3, 8), "P1", "Clinic", "None"],
        ["Metropolitan Police"],
        [dt.datetime(2007, 3, 2), "P2", "Domestic incident", "Notified CSC"],
        ["Children's Social Care"],
        [dt.datetime(2007, 3, 3), "P3", "Referral received", "Strategy discussion"],
    ]
    path = write_xlsx("child-a.xlsx", {"Combined": rows}, merges={"Combined": ["A2:D2", "A5:D5"]})
    chron = scr.read(path)
    assert chron.rejected.empty
    events = chron.events.sort_values(S.SOURCE_ROW)
    assert events[S.AGENCY].tolist() == ["health_visiting", "health_visiting", "police", "csc"]
    assert events[S.ORGANISATION].tolist()[2:] == ["Metropolitan Police", "Children's Social Care"]
    sections = chron.warnings[chron.warnings[S.CODE] == "section_row"].sort_values(S.SOURCE_ROW)
    assert sections[S.SOURCE_ROW].tolist() == [2, 5, 7]
    assert sections[S.MESSAGE].str.contains("names the agency of the rows below it").all()
    assert "no_agency" not in set(chron.warnings[S.CODE])


@pytest.mark.parametrize("typed", ["Police attended", "Mother phoned GP"])
def test_a_sentence_typed_alone_in_the_date_column_is_still_a_rejected_row(write_xlsx, typed):
    rows = [
        ["Date", "Agency", "Details"],
        [dt.datetime(2007, 3, 1), "GP", "Child A seen"],
        [typed],
        [dt.datetime(2007, 3, 2), "GP", "Review"],
    ]
    chron = scr.read(write_xlsx("child-a.xlsx", {"Combined": rows}))
    assert chron.rejected[S.SOURCE_ROW].tolist() == [3]
    assert "section_row" not in set(chron.warnings[S.CODE])


def test_a_sheet_with_a_column_per_agency_gives_an_event_per_filled_cell(write_xlsx):
    # 'Date | Children's Social Care | Police | Health | Education' (each cell what that
    # agency did that day) was refused: no header row with a date and another column
    rows = [
        ["Integrated chronology: Child A"],
        ["Date", "Time", "Children's Social Care", "Police", "Health", "Education"],
        [dt.datetime(2007, 3, 1), None, None, None, "GP1 saw Child A, bruise to cheek", None],
        [
            dt.datetime(2007, 3, 2),
            "10:00",
            "Referral received from GP",
            None,
            None,
            "Child A absent",
        ],
        [
            dt.datetime(2007, 3, 3),
            None,
            "Strategy discussion",
            "Strategy discussion with CSC",
            None,
            None,
        ],
        [dt.datetime(2007, 3, 4), None, None, None, None, None],  # a date and nothing else
    ]
    chron = scr.read_excel(write_xlsx("child-a.xlsx", {"Grid": rows}))
    events = chron.events.sort_values([S.SOURCE_ROW, S.AGENCY])
    assert events[[S.SOURCE_ROW, S.AGENCY, S.DETAILS]].fillna("").values.tolist() == [
        [3, "other", "GP1 saw Child A, bruise to cheek"],  # 'Health': no one agency
        [4, "csc", "Referral received from GP"],
        [4, "education", "Child A absent"],
        [5, "csc", "Strategy discussion"],
        [5, "police", "Strategy discussion with CSC"],
        [6, "other", ""],
    ]
    assert events[S.ORGANISATION].tolist()[:3] == ["Health", "Children's Social Care", "Education"]
    # the time is each entry's of its row; ids name the row and the agency's column
    assert events.loc["child-a-grid-r4c", S.START] == pd.Timestamp("2007-03-02 10:00")
    assert events.loc["child-a-grid-r4f", S.START] == pd.Timestamp("2007-03-02 10:00")
    assert sorted(events.index) == sorted(
        [
            "child-a-grid-r3e",
            "child-a-grid-r4c",
            "child-a-grid-r4f",
            "child-a-grid-r5c",
            "child-a-grid-r5d",
            "child-a-grid-r6",
        ]
    )
    assert chron.rejected.empty


@pytest.mark.parametrize("agency_column", [0, 1])
def test_an_agency_typed_over_its_block_in_the_agency_column(write_xlsx, agency_column):
    # 'Police' alone in the agency column over rows with it blank: the rows were 'other'
    # and the 'Police' row was rejected for its empty date
    def row(agency, date, details):
        cells = [date, details]
        cells.insert(agency_column, agency)
        return cells

    rows = [row("Agency", "Date", "Details"), row("Police", None, None)]
    rows += [
        row(None, dt.datetime(2007, 3, 1), "Call"),
        row(None, dt.datetime(2007, 3, 2), "Visit"),
    ]
    rows += [row("GP", None, None), row(None, dt.datetime(2007, 3, 3), "Seen")]
    rows += [row("Health Visiting", dt.datetime(2007, 3, 4), "New birth visit")]  # its own
    chron = scr.read(write_xlsx("child-a.xlsx", {"Combined": rows}))
    assert chron.events[S.AGENCY].tolist() == ["police", "police", "gp", "health_visiting"]
    assert chron.rejected.empty and "no_agency" not in set(chron.warnings[S.CODE])
