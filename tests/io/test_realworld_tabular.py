"""Chronologies as agencies' systems and partnership templates really produce them.

Every file here is fictional ("Child A", "SW1"); the headings are those of case-management
exports (Mosaic, Liquidlogic, EMIS Web, RiO, police Niche/Athena) and LSCB templates.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.classify.agencies import agency_from_name
from scr_timeline.exceptions import UnsupportedFormatError
from scr_timeline.io.headers import map_headings

# --- headings of system exports ------------------------------------------------------------


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        pytest.param(
            ["Person ID", "Case Note Date", "Case Note Type", "Case Note Text", "Worker Name",
             "Worker Team", "Date Recorded"],
            {1: S.DATE, 2: S.CONTACT_TYPE, 3: S.DETAILS, 4: S.PRACTITIONER, 5: S.AGENCY},
            id="mosaic-case-notes",
        ),
        pytest.param(
            ["Consultation Date", "Consultation Time", "Clinician", "Consultation Type",
             "Problem", "History", "Examination", "Plan"],
            {0: S.DATE, 1: S.TIME, 2: S.PRACTITIONER, 3: S.CONTACT_TYPE, 5: S.DETAILS,
             7: S.OUTCOME},
            id="emis-consultations",
        ),
        pytest.param(
            ["Client ID", "Date/Time of Entry", "Entered By", "Note Type", "Progress Note",
             "Originator Team"],
            {1: S.DATE, 2: S.PRACTITIONER, 3: S.CONTACT_TYPE, 4: S.DETAILS, 5: S.AGENCY},
            id="rio-progress-notes",
        ),
        pytest.param(
            ["Occurrence Number", "Occurrence Date/Time", "Occurrence Type", "Location",
             "Officer In Charge", "Summary"],
            {1: S.DATE, 2: S.CONTACT_TYPE, 4: S.PRACTITIONER, 5: S.DETAILS},
            id="niche-occurrences",
        ),
        pytest.param(
            ["Investigation Ref", "Date Created", "Crime Type", "OIC", "Investigation Summary",
             "Outcome"],
            # the crime type is the entry's type, as a Niche occurrence's or an offence's
            {1: S.DATE, 2: S.CONTACT_TYPE, 3: S.PRACTITIONER, 4: S.DETAILS, 5: S.OUTCOME},
            id="athena-investigations",
        ),
    ],
)  # fmt: skip
def test_system_export_headings(headings, expected):
    assert map_headings(headings) == expected


@pytest.mark.parametrize(
    "recorded", ["Date recorded", "Date Created", "Entry Date", "Date entered", "Record date"]
)
def test_date_of_the_event_wins_over_the_date_it_was_recorded(write_xlsx, recorded):
    # the recording date is leftmost: it used to date the event, days after it happened
    path = write_xlsx(
        "csc.xlsx",
        {
            "CSC": [
                [recorded, "Date of event", "Worker", "Details"],
                ["15/03/2007", "12/03/2007", "SW1", "Home visit, Child A seen"],
            ]
        },
    )
    chron = scr.read(path)
    assert chron.events[S.START].tolist() == [pd.Timestamp("2007-03-12")]
    assert len(chron.rejected) == 0


def test_a_recording_date_alone_still_dates_the_rows():
    assert map_headings(["Date recorded", "Details"]) == {0: S.DATE, 1: S.DETAILS}


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Visit Date", S.DATE),
        ("Appointment date", S.DATE),
        ("Incident Date/Time", S.DATE),
        ("Approx time", S.TIME),
        ("Case Note Text", S.DETAILS),
        ("Free text", S.DETAILS),
        ("Diary entry", S.DETAILS),
        ("Event details", S.DETAILS),
        ("Team/Worker", S.PRACTITIONER),
        ("Housing officer", S.PRACTITIONER),
        ("Allocated worker", S.PRACTITIONER),
        ("Created by", S.PRACTITIONER),
        ("Author Team", S.AGENCY),
        ("Health visiting service", S.AGENCY),
    ],
)
def test_compound_headings_named_by_their_last_word(heading, field):
    assert map_headings([heading]) == {0: field}


@pytest.mark.parametrize(
    "heading",
    [
        "Next Review Date",  # ends in a heading that maps to nothing
        "Birth date",
        "Child date of birth",
        "Target date",
        "NHS Number",
        "Referral 2 date",  # digits: not a heading
        "Note of meeting",  # a phrase, not a compound: first word only (none here)
    ],
)
def test_headings_that_are_not_named_by_their_last_word(heading):
    assert map_headings([heading]) == {}


def test_mosaic_export_read_end_to_end(write_xlsx):
    path = write_xlsx(
        "child-a-mosaic.xlsx",
        {
            "Case Notes": [
                ["Person ID", "Person Name", "Case Note Date", "Case Note Type",
                 "Case Note Title", "Case Note Text", "Worker Name", "Worker Team",
                 "Date Recorded"],
                [123, "Child A", dt.datetime(2015, 5, 3, 10, 15), "Home Visit", "HV",
                 "Visited Child A at home", "SW1", "Assessment Team 1",
                 dt.datetime(2015, 5, 5, 9, 0)],
                [123, "Child A", dt.datetime(2015, 5, 7), "Telephone call", "Call",
                 "Call to school", "SW1", "Assessment Team 1", dt.datetime(2015, 5, 7, 16, 0)],
            ]
        },
    )  # fmt: skip
    ev = scr.read(path).events
    assert ev[S.START].tolist() == [pd.Timestamp("2015-05-03 10:15"), pd.Timestamp("2015-05-07")]
    # the case note's title opens its text, as the case system shows the note
    assert ev[S.DETAILS].tolist() == ["HV. Visited Child A at home", "Call to school"]
    assert not ev[S.EXTRA].str.contains("Case Note Title").any()
    assert ev[S.PRACTITIONER].tolist() == ["SW1", "SW1"]
    assert ev[S.ORGANISATION].tolist() == ["Assessment Team 1", "Assessment Team 1"]
    assert ev[S.CONTACT_TYPE].tolist() == ["Home Visit", "Telephone call"]
    # the recording date is not lost: it is kept with the other unmapped cells
    assert ev[S.EXTRA].str.contains("Date Recorded: 05/05/2015").iloc[0]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_case_notes_subject_opens_its_details(tmp_path, fmt):
    """A case-management export keeps each note's subject beside its text: "Referral from
    GP" is what the note records, so the classifier must read it (it was kept in extra,
    and the phone call below was taken for information sharing, not the referral it is)."""
    rows = [
        ["Case Note ID", "Date of Event", "Subject", "Note", "Worker", "Team"],
        ["10001", "12/03/2007", "Referral from GP",
         "GP1 phoned re bruising to Child A's ear.", "SW1", "Referral and Assessment"],
        ["10002", "13/03/2007", "Home visit:", "Child A seen.", "SW1", "Referral and Assessment"],
        ["10003", "14/03/2007", "Supervision", "Supervision with TM1.", "SW1", "Referral and Assessment"],
        ["10004", "15/03/2007", None, "Letter to Mother.", "SW1", "Referral and Assessment"],
        ["10005", "16/03/2007", "Call to school", None, "SW1", "Referral and Assessment"],
    ]  # fmt: skip
    path = tmp_path / f"mosaic-notes.{fmt}"
    pd.DataFrame(rows[1:], columns=rows[0]).to_csv(path, index=False) if fmt == "csv" else (
        pd.DataFrame(rows[1:], columns=rows[0]).to_excel(path, index=False)
    )
    ev = scr.read(path).events
    assert ev[S.DETAILS].tolist() == [
        "Referral from GP. GP1 phoned re bruising to Child A's ear.",
        "Home visit: Child A seen.",
        "Supervision with TM1.",  # a note that opens with its subject does not repeat it
        "Letter to Mother.",
        "Call to school",
    ]
    assert ev[S.EVENT_TYPE].tolist()[:3] == ["referral", "home_visit", "supervision"]
    assert ev[S.EXTRA].str.startswith("Case Note ID: 1000").all()
    assert not ev[S.EXTRA].str.contains("Subject").any()


def test_emis_csv_export_read_end_to_end(write_text):
    path = write_text(
        "gp-emis.csv",
        '"Consultation Date","Consultation Time","Clinician","Consultation Type","History",'
        '"Plan"\r\n"03-May-2015","10:15","Dr GP1","Face to face","Mother reports fall",'
        '"Refer paeds"\r\n',
    )
    ev = scr.read(path).events
    assert ev[S.START].tolist() == [pd.Timestamp("2015-05-03 10:15")]
    assert ev[S.DETAILS].tolist() == ["Mother reports fall"]
    assert ev[S.OUTCOME].tolist() == ["Refer paeds"]
    assert ev[S.PRACTITIONER].tolist() == ["Dr GP1"]


# --- workbooks: the sheets around the chronology ------------------------------------------

_TEMPLATE_HEADER = ["Date", "Time", "Source of information", "Significant event / contact",
                    "Action / Outcome", "Analysis/comments"]  # fmt: skip


def _hide(path, *names):
    """Hide sheets of a workbook written by ``write_xlsx``."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    for name in names:
        wb[name].sheet_state = "hidden"
    wb.save(path)
    return path


def _lscb_template(write_xlsx):
    path = write_xlsx(
        "hv-chronology.xlsx",
        {
            "Instructions": [
                ["How to complete this chronology"],
                ["One row per significant event, for example:"],
                _TEMPLATE_HEADER,
                [dt.datetime(2010, 1, 1), dt.time(9, 0), "e.g. case file",
                 "e.g. Home visit by HV1. Child A seen.", "e.g. Referred to GP", None],
            ],
            "Chronology": [
                ["Agency: Health Visiting"],
                _TEMPLATE_HEADER,
                [dt.datetime(2007, 3, 12), dt.time(14, 30), "HV1 records",
                 "Home visit.\nChild A seen.", "Review in 2/52", None],
            ],
            "Lists": [["Agency", "Date"], ["Police", None], ["Health", None], ["CSC", None]],
        },
    )  # fmt: skip
    return _hide(path, "Lists")


def test_example_rows_on_a_guidance_sheet_are_not_events(write_xlsx):
    chron = scr.read(_lscb_template(write_xlsx))
    assert chron.events[S.SOURCE_SHEET].tolist() == ["Chronology"]
    assert chron.events[S.START].tolist() == [pd.Timestamp("2007-03-12 14:30")]
    assert len(chron.rejected) == 0  # the hidden drop-down lists are not undated rows
    skipped = chron.warnings[chron.warnings["code"] == "sheet_skipped"]
    assert set(skipped[S.SOURCE_SHEET]) == {"Instructions", "Lists"}
    guidance = skipped[skipped[S.SOURCE_SHEET] == "Instructions"]["message"].item()
    assert "1 row(s)" in guidance and "sheets=['Instructions'" in guidance


def test_a_guidance_sheet_named_in_sheets_is_read(write_xlsx):
    chron = scr.read_excel(_lscb_template(write_xlsx), sheets=["Instructions", "Chronology"])
    assert sorted(chron.events[S.SOURCE_SHEET]) == ["Chronology", "Instructions"]


def test_a_guidance_sheet_is_read_when_nothing_else_is_a_chronology(write_xlsx):
    path = write_xlsx(
        "gp.xlsx",
        {"Read me": [["Date", "Details"], ["12/03/2007", "Child A seen by GP1"]],
         "Cover": [["Serious Case Review: Child A"]]},
    )  # fmt: skip
    chron = scr.read(path)
    assert chron.events[S.DETAILS].tolist() == ["Child A seen by GP1"]


@pytest.mark.parametrize(
    "name", ["Instructions", "GUIDANCE NOTES", "Read_me", "How to complete", "Example",
             "Key to abbreviations", "Drop-down lists", "Lookups", "Genogram"]
)  # fmt: skip
def test_sheet_names_of_guidance_keys_and_lists(name):
    from scr_timeline.io.excel import _named_not_a_chronology

    assert _named_not_a_chronology(name)


@pytest.mark.parametrize("name", ["Key events", "Chronology", "Police", "Helpline calls", "GP"])
def test_sheet_names_of_chronologies(name):
    from scr_timeline.io.excel import _named_not_a_chronology

    assert not _named_not_a_chronology(name)


def test_a_hidden_chronology_sheet_is_read_with_a_warning(write_xlsx):
    path = write_xlsx(
        "hv.xlsx",
        {"Chronology": [["Date", "Details"], ["12/03/2007", "Child A seen by HV1"]],
         "Old version": [["Date", "Details"], ["01/01/2006", "Draft entry"]]},
    )  # fmt: skip
    chron = scr.read(_hide(path, "Old version"))
    assert sorted(chron.events[S.SOURCE_SHEET]) == ["Chronology", "Old version"]
    hidden = chron.warnings[chron.warnings["code"] == "hidden_sheet"]
    assert hidden[S.SOURCE_SHEET].tolist() == ["Old version"]


# --- dates Excel shows without their day ------------------------------------------------------


def _formatted(write_xlsx, cells):
    """A GP sheet of (value, number format, details) rows."""
    import openpyxl

    path = write_xlsx("gp.xlsx", {"GP": [["Date", "Details"], *[[v, d] for v, _, d in cells]]})
    wb = openpyxl.load_workbook(path)
    for row, (_, fmt, _) in enumerate(cells, start=2):
        wb["GP"].cell(row, 1).number_format = fmt
    wb.save(path)
    return path


def test_a_date_shown_as_a_month_or_year_keeps_that_precision(write_xlsx):
    # "March 2007" typed into Excel becomes 01/03/2007 shown as "Mar-07": not 1 March
    path = _formatted(
        write_xlsx,
        [
            (dt.datetime(2007, 3, 1), "mmm-yy", "typed Mar 07"),
            (dt.datetime(2007, 4, 1), "[$-809]mmmm\\ yyyy;@", "typed April 2007"),
            (dt.datetime(2008, 1, 1), "yyyy", "typed 2008"),
            (dt.datetime(2008, 5, 12), "dd/mm/yyyy", "a day"),
            (dt.datetime(2008, 7, 3, 14, 30), "dd/mm/yyyy hh:mm", "a minute"),
            ("early June 2008", "mmm-yy", "text in a date-formatted cell"),
        ],
    )
    ev = scr.read(path).events.set_index(S.DETAILS)
    assert ev[S.PRECISION].astype(str).to_dict() == {
        "typed Mar 07": "month",
        "typed April 2007": "month",
        "typed 2008": "year",
        "a day": "day",
        "a minute": "minute",
        "text in a date-formatted cell": "week",  # early June: a third of the month
    }
    assert ev.loc["typed Mar 07", S.DATE_TEXT] == "March 2007"
    assert ev.loc["typed Mar 07", S.END] == pd.Timestamp("2007-03-31 23:59:59")
    assert ev.loc["typed 2008", S.END] == pd.Timestamp("2008-12-31 23:59:59")
    assert ev.loc["a day", S.DATE_TEXT] == "12/05/2008"


def test_number_formats_that_show_a_day_or_no_date():
    from scr_timeline.io.excel import _format_shows

    assert _format_shows("mmm-yy") == "month"
    assert _format_shows('mmmm" "yyyy') == "month"
    assert _format_shows("yyyy") == "year"
    for code in ("dd/mm/yyyy", "d-mmm-yy", "m/d/yyyy h:mm", "General", "0.00", "[h]:mm"):
        assert _format_shows(code) is None


@pytest.mark.parametrize(
    "headings",
    [
        ["1. Date", "2. Agency", "3. Details of contact", "4. Outcome"],
        ["1) Date", "2) Agency", "3) Details of contact", "4) Outcome"],
        ["Q1 Date", "Q2 Agency", "Q3 Details of contact", "Q4 Outcome"],
        ["Column 1: Date", "Column 2: Agency", "Column 3: Details of contact", "Column 4: Outcome"],
    ],
)
def test_numbered_template_columns(write_xlsx, headings):
    path = write_xlsx(
        "imr.xlsx",
        {"Chronology": [headings, ["12/03/2007", "Police", "DV call-out", "CSC informed"]]},
    )
    ev = scr.read(path).events
    assert ev[[S.AGENCY, S.DETAILS, S.OUTCOME]].values.tolist() == [
        ["police", "DV call-out", "CSC informed"]
    ]


def test_a_row_of_notes_under_the_headings_is_part_of_the_header(write_xlsx):
    # the template says how to fill each column; "Date" is merged over the time column
    path = write_xlsx(
        "police.xlsx",
        {
            "Police": [
                ["Date", None, "Source of information", "Details"],
                ["(dd/mm/yyyy)", "(24hr)", "(e.g. case file)", None],
                ["12/03/2007", "1430", "Niche", "DV call-out"],
            ]
        },
        merges={"Police": ["A1:B1"]},
    )
    chron = scr.read(path)
    assert len(chron.rejected) == 0
    assert chron.events[S.START].tolist() == [pd.Timestamp("2007-03-12 14:30")]
    assert chron.events[S.SOURCE_ROW].tolist() == [3]
    assert chron.meta.sources[0].header_row == 2


@pytest.mark.parametrize(
    "first_row",
    [
        ["(12/03/2007)", "(Home visit, Child A seen)"],  # a date in brackets is data
        [None, "(no date recorded)"],  # one note alone: a row to date, not a hint
    ],
)
def test_a_first_row_in_brackets_is_still_data(first_row):
    from scr_timeline.io.headers import find_header

    raw = pd.DataFrame([["Date", "Details"], first_row, ["13/03/2007", "Visit"]], dtype=object)
    info = find_header(raw)
    assert info.header_rows == (0,)
    assert info.data_start == 1


def test_times_under_a_date_heading_merged_over_two_columns(write_text, write_xlsx):
    # Excel: "Date" merged over A:B, the time in B; saved as CSV the heading is "Date,,"
    csv = write_text(
        "police.csv",
        "Date,,Agency,Details\n12/03/2007,14:30,Police,DV\n13/03/2007,2.30pm,CSC,Visit\n"
        "14/03/2007,,GP,Seen\n",
    )
    xlsx = write_xlsx(
        "police.xlsx",
        {"Police": [["Date", None, "Details"], [dt.datetime(2007, 3, 12), dt.time(14, 30), "DV"],
                    [dt.datetime(2007, 3, 13), "1430hrs", "Visit"]]},
        merges={"Police": ["A1:B1"]},
    )  # fmt: skip
    assert scr.read(csv).events[S.START].tolist() == [
        pd.Timestamp("2007-03-12 14:30"),
        pd.Timestamp("2007-03-13 14:30"),
        pd.Timestamp("2007-03-14"),
    ]
    assert scr.read(xlsx).events[S.START].tolist() == [
        pd.Timestamp("2007-03-12 14:30"),
        pd.Timestamp("2007-03-13 14:30"),
    ]


def test_an_unheaded_column_that_is_not_times_stays_extra(write_text):
    path = write_text("gp.csv", "Date,,Details\n12/03/2007,GP1,Seen\n13/03/2007,14:30,Seen\n")
    ev = scr.read(path).events
    assert ev[S.PRECISION].astype(str).tolist() == ["day", "day"]
    assert ev[S.EXTRA].tolist() == ["Column 2: GP1", "Column 2: 14:30"]


# --- year dividers ---------------------------------------------------------------------------


def test_a_row_holding_only_a_year_is_a_section_heading(write_text, write_xlsx):
    csv = write_text(
        "gp.csv",
        "Date,Agency,Details\n2007,,\n12/03/2007,GP,Seen\n2008/09,,\n01/02/2008,GP,Seen\n"
        "2009,GP,Child A registered with the practice\n",
    )
    xlsx = write_xlsx(
        "gp.xlsx",
        {"GP": [["Date", "Details"], [2007], ["12/03/2007", "Seen"], ["2008"],
                ["01/02/2008", "Seen"], [2009, "Child A registered with the practice"]]},
    )  # fmt: skip
    for path in (csv, xlsx):
        chron = scr.read(path)
        assert chron.events[S.SOURCE_ROW].tolist() == [3, 5, 6]  # a year with text is an event
        assert len(chron.rejected) == 0
        sections = chron.warnings[chron.warnings["code"] == "section_row"]
        assert sections[S.SOURCE_ROW].tolist() == [2, 4]


# --- a form above the table ------------------------------------------------------------------


@pytest.mark.parametrize(
    "form_row",
    [
        ["Agency:", "Police", "Date completed:", "01/04/2008"],
        ["Agency", "Police", "Date completed", dt.datetime(2008, 4, 1)],
        ["Agency", "Police", "Date", "1 April 2008"],
        ["Agency:", "Police", "Date completed:", None, "01/04/2008"],  # label over 2 cells
    ],
)
def test_a_form_above_the_table_is_not_its_header(write_xlsx, form_row):
    # the form row maps a date and an agency, as many columns as the real header
    path = write_xlsx(
        "police.xlsx",
        {"Chronology": [["Name of child:", "Child A"], form_row, [],
                        ["Date", "Event"], ["12/03/2007", "DV incident"],
                        ["13/03/2007", "Follow-up visit"]]},
    )  # fmt: skip
    chron = scr.read(path)
    assert chron.events[S.DETAILS].tolist() == ["DV incident", "Follow-up visit"]
    assert len(chron.rejected) == 0
    assert chron.meta.sources[0].header_row == 4


def test_headings_ending_in_colons_are_still_a_header():
    from scr_timeline.io.headers import find_header

    raw = pd.DataFrame(
        [["Date:", "Agency:", "Details:"], ["12/03/2007", "GP", "Seen"]], dtype=object
    )
    assert find_header(raw).header_rows == (0,)


# --- "Export to Excel" that is not a workbook -----------------------------------------------


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("case-notes.xls", "Date\tWorker\tCase Note Text\r\n12/03/2007\tSW1\tHome visit\r\n"),
        ("case-notes.xlsx", "Date,Worker,Case Note Text\n12/03/2007,SW1,Home visit\n"),
    ],
)
def test_delimited_text_named_as_a_workbook_is_read_as_text(write_text, name, text):
    chron = scr.read(write_text(name, text))
    assert chron.events[S.DETAILS].tolist() == ["Home visit"]
    assert chron.events[S.PRACTITIONER].tolist() == ["SW1"]
    assert "not_a_workbook" in set(chron.warnings["code"])


def test_a_web_page_named_as_a_workbook_is_read_from_its_table(write_text):
    """Case-management systems' "Export to Excel" often writes an HTML table named .xls."""
    path = write_text(
        "export.xls",
        "<html><head><title>Case notes</title><style>td {color: red}</style>"
        "<script>document.write('<table><tr><td>Date</td><td>x</td></tr></table>')</script>"
        "</head><body><h2>Chronology: Metropolitan Police</h2>"
        "<table border=1><thead><tr><th>Date<th>Agency<th>Officer<th>Details</thead>"
        "<tr><td>12/03/2007</td><td></td><td>DC1</td><td>Child A seen.<br>Bruise noted"
        " on left&nbsp;cheek</td></tr>"
        "<tr><td rowspan=2>13/03/2007</td><td>GP</td><td colspan=2>Seen by GP1 &amp; weighed"
        "<tr><td>Health Visiting</td><td>HV1</td><td>Home visit</td></tr>"
        "</table><p>Total rows: 3</p></body></html>",
    )
    chron = scr.read(path)
    ev = chron.events
    assert ev[S.DETAILS].fillna("").tolist() == [
        "Child A seen.\nBruise noted on left cheek",  # a no-break space is a space
        "",  # merged across: read once, in its first column (the officer's)
        "Home visit",
    ]
    assert ev[S.PRACTITIONER].tolist() == ["DC1", "Seen by GP1 & weighed", "HV1"]
    # merged down: the date dates both rows; the heading above names the agency
    assert ev[S.START].tolist() == [pd.Timestamp(d) for d in ("2007-03-12", *["2007-03-13"] * 2)]
    assert ev[S.AGENCY].astype(str).tolist() == ["police", "gp", "health_visiting"]
    assert ev[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [
        ["table 1", 2],
        ["table 1", 3],
        ["table 1", 4],
    ]
    assert bool(ev[S.INJURY].iloc[0])
    assert "not_a_workbook" in set(chron.warnings[S.CODE])
    assert chron.meta.title == "Case notes"


def test_a_web_page_row_across_the_table_is_a_section_heading(write_text):
    path = write_text(
        "export.xls",
        "<table><tr><td colspan=3>Chronology: Child A</td></tr>"
        "<tr><th>Date</th><th>Agency</th><th>Details</th></tr>"
        "<tr><td colspan=3>Period 2: March - June 2007</td></tr>"
        "<tr><td>12/03/2007</td><td>GP</td><td>Seen</td></tr></table>",
    )
    chron = scr.read(path)
    assert chron.events[S.SOURCE_ROW].tolist() == [4] and chron.rejected.empty
    sections = chron.warnings[chron.warnings[S.CODE] == "section_row"]
    assert sections[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [["table 1", 3]]
    assert chron.meta.title == "Chronology: Child A"


def test_a_web_page_without_a_table_says_so(write_text):
    from scr_timeline.exceptions import ScrTimelineError

    path = write_text("export.xls", "<html><body><p>No records found</p></body></html>")
    with pytest.raises(ScrTimelineError, match=r"export\.xls.*web page.*no table"):
        scr.read(path)


def _spreadsheet_ml(*sheets: str) -> str:
    return (
        '<?xml version="1.0"?>\r\n<?mso-application progid="Excel.Sheet"?>\r\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:html="http://www.w3.org/TR/REC-html40">'
        '<Styles><Style ss:ID="d"><NumberFormat ss:Format="Short Date"/></Style></Styles>'
        + "".join(sheets)
        + "</Workbook>"
    )


SPREADSHEET_ML_SHEET = (
    '<Worksheet ss:Name="Police"><Table>'
    '<Row><Cell ss:MergeAcross="2"><Data ss:Type="String">Agency chronology</Data></Cell></Row>'
    '<Row ss:Index="3"><Cell><Data ss:Type="String">Date</Data></Cell>'
    '<Cell><Data ss:Type="String">Time</Data></Cell>'
    '<Cell><Data ss:Type="String">Details</Data></Cell></Row>'
    '<Row><Cell ss:MergeDown="1" ss:StyleID="d"><Data ss:Type="DateTime">'
    "2007-03-12T00:00:00.000</Data></Cell>"
    '<Cell><Data ss:Type="Number">0.6041666666666666</Data></Cell>'
    '<Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40">'
    "<B>DV call-out.</B>&#10;Child A had a bruise</ss:Data></Cell></Row>"
    '<Row><Cell ss:Index="3"><Data ss:Type="String">Mother arrested</Data></Cell></Row>'
    "</Table></Worksheet>"
)


@pytest.mark.parametrize("name", ["police.xls", "police.xml"])
def test_an_excel_2003_xml_workbook_is_read(tmp_path, name):
    hidden = (
        '<Worksheet ss:Name="Lists"><Table><Row><Cell><Data ss:Type="String">Date</Data>'
        '</Cell><Cell><Data ss:Type="String">Agency</Data></Cell></Row></Table>'
        '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">'
        "<Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>"
    )
    path = tmp_path / name
    path.write_text(_spreadsheet_ml(SPREADSHEET_ML_SHEET, hidden), encoding="utf-8")
    chron = scr.read_excel(path)
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert ev[S.START].tolist() == [pd.Timestamp("2007-03-12 14:30"), pd.Timestamp("2007-03-12")]
    assert ev[S.DETAILS].tolist() == ["DV call-out.\nChild A had a bruise", "Mother arrested"]
    assert ev[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [["Police", 4], ["Police", 5]]
    assert ev[S.AGENCY].astype(str).tolist() == ["police", "police"]
    assert "Lists" not in set(ev[S.SOURCE_SHEET])  # hidden, with no dated row
    if name.endswith(".xls"):
        assert scr.read(path).events[S.DETAILS].tolist() == chron.events[S.DETAILS].tolist()


def test_an_excel_2003_xml_workbook_that_is_broken_or_declares_entities_is_refused(tmp_path):
    from scr_timeline.exceptions import ChronologyReadError

    broken = tmp_path / "broken.xls"
    broken.write_text(_spreadsheet_ml(SPREADSHEET_ML_SHEET)[:-30], encoding="utf-8")
    with pytest.raises(ChronologyReadError, match=r"broken\.xls.*Excel 2003 XML"):
        scr.read(broken)
    entities = tmp_path / "entities.xls"
    entities.write_text(
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>'
        + _spreadsheet_ml(SPREADSHEET_ML_SHEET).split("?>", 2)[2],
        encoding="utf-8",
    )
    with pytest.raises(ChronologyReadError, match=r"entities\.xls.*entities"):
        scr.read(entities)


def test_a_web_page_or_xml_export_named_as_such_is_read_when_named(write_text, tmp_path):
    """An export saved as .html (or .xml) is read when named, never picked up from a folder."""
    page = (
        "<html><body><h2>Police chronology</h2><table><tr><th>Date<th>Details</tr>"
        "<tr><td>12/03/2007</td><td>Child A seen</td></tr></table></body></html>"
    )
    path = write_text("export.html", page)
    chron = scr.read(path)
    assert chron.events[[S.AGENCY, S.DETAILS]].values.tolist() == [["police", "Child A seen"]]
    folder = path.parent
    write_text("gp.csv", "Date,Agency,Details\n13/03/2007,GP,Seen by GP1\n")
    assert scr.read(folder).events[S.DETAILS].tolist() == ["Seen by GP1"]  # the page is left
    other = write_text("notes.rtf", "{\\rtf1 x}")
    with pytest.raises(UnsupportedFormatError) as info:
        scr.read(other)
    assert ".html" in str(info.value.expected)


# --- several tables on one sheet ------------------------------------------------------------


def _agency_blocks() -> list[list[object]]:
    return [
        ["Multi-agency chronology: Child A"],
        [],
        ["Health Visiting"],
        ["Date", "Time", "Practitioner", "Details", "Outcome"],
        ["12/03/2007", "10:00", "HV1", "Home visit, bruise to ear noted", "Discussed with TL"],
        ["19/03/2007", None, "HV1", "Clinic: Child A weighed", None],
        [],
        ["Police"],
        ["Date", "Time", "Officer", "Details", "Outcome"],
        ["14/03/2007", "23:15", "PC1", "Domestic incident, Child A present", "Merlin to CSC"],
        [],
        ["GP"],
        ["Date of Event (dd/mm/yyyy)", "Clinician", "Entry"],
        ["20/03/2007", "Dr X", "Child A seen with cough"],
    ]


def test_tables_stacked_on_one_sheet_are_read_each_with_its_header(write_xlsx, write_text):
    # one table per agency, one under another: a title line, its own headings, its rows
    rows = _agency_blocks()
    csv_text = "".join(",".join("" if c is None else str(c) for c in r) + "\n" for r in rows)
    for path in (
        write_xlsx("child-a.xlsx", {"Chronology": rows}),
        write_text("child-a.csv", csv_text),
    ):
        chron = scr.read(path)
        ev = chron.events.sort_values(S.SOURCE_ROW)
        assert ev[S.SOURCE_ROW].tolist() == [5, 6, 10, 14]
        assert ev[S.AGENCY].tolist() == ["health_visiting", "health_visiting", "police", "gp"]
        assert ev[S.PRACTITIONER].tolist() == ["HV1", "HV1", "PC1", "Dr X"]
        assert ev[S.DETAILS].iloc[3] == "Child A seen with cough"
        assert ev[S.START].iloc[2] == pd.Timestamp("2007-03-14 23:15")
        assert chron.rejected.empty, chron.rejected
        blocks = chron.warnings[chron.warnings[S.CODE] == "table_block"]
        assert blocks[S.SOURCE_ROW].tolist() == [9, 13]
        assert "'Police'" in blocks[S.MESSAGE].iloc[0]
        assert chron.meta.title == "Multi-agency chronology: Child A"


def test_a_header_repeated_without_a_title_line_is_still_one_table(write_xlsx):
    path = write_xlsx(
        "police.xlsx",
        {
            "Police": [
                ["Date", "Officer", "Details"],
                ["14/03/2007", "PC1", "Domestic incident"],
                ["Date", "Officer", "Details"],
                ["15/03/2007", "PC2", "Follow-up visit"],
            ]
        },
    )
    chron = scr.read(path)
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 4]
    assert (chron.warnings[S.CODE] == "repeated_header").sum() == 1
    assert not (chron.warnings[S.CODE] == "table_block").any()


def test_a_stacked_table_with_no_rows_under_its_header_is_a_warning(write_xlsx):
    rows = [
        ["Date", "Agency", "Details"],
        ["14/03/2007", "Police", "Domestic incident"],
        [],
        ["Education"],
        ["Date of contact", "School staff", "Details"],
    ]
    chron = scr.read(write_xlsx("child-a.xlsx", {"Combined": rows}))
    assert chron.events[S.SOURCE_ROW].tolist() == [2]
    assert chron.rejected.empty
    notes = chron.warnings[chron.warnings[S.CODE] == "table_block"]
    assert notes[S.SOURCE_ROW].tolist() == [5, 5]
    assert "no rows under it" in notes[S.MESSAGE].iloc[1]


def test_a_gp_journal_with_one_row_per_entry_of_a_consultation(write_text):
    # EMIS/SystmOne journals: the date and clinician on the consultation's first row only,
    # then one row per entry, labelled in a column no field takes
    path = write_text(
        "gp.csv",
        "Date,Clinician,Type,Entry\n"
        '12/03/2007,Dr X,History,"Mother brought Child A, says fell from sofa"\n'
        ",,Examination,2cm bruise left cheek\n"
        ',,Plan,"Advised, review if worse"\n'
        '19/03/2007,Dr Y,Telephone,"Mother called, child well"\n',
    )
    chron = scr.read(path)
    ev = chron.events
    assert ev[S.DETAILS].iloc[0] == (
        "Mother brought Child A, says fell from sofa\n2cm bruise left cheek\n"
        "Advised, review if worse"
    )
    assert ev[S.EXTRA].iloc[0] == "Type: History\nExamination\nPlan"
    assert chron.rejected.empty
    joined = chron.warnings[chron.warnings[S.CODE] == "row_continued"]
    assert joined[S.SOURCE_ROW].tolist() == [3, 4]


def test_a_summary_sheet_of_dates_without_text_is_not_read_as_events(write_xlsx):
    summary = [
        ["Agency", "Number of contacts", "Date of first contact"],
        ["Police", 2, dt.datetime(2007, 3, 12)],
        ["GP", 1, dt.datetime(2007, 3, 13)],
    ]
    police = [
        ["Date", "Officer", "Details"],
        [dt.datetime(2007, 3, 12), "PC1", "Domestic incident"],
    ]
    path = write_xlsx("child-a.xlsx", {"Overview": summary, "Police": police})
    chron = scr.read(path)
    assert chron.events[S.SOURCE_SHEET].tolist() == ["Police"]
    skipped = chron.warnings[chron.warnings[S.CODE] == "sheet_skipped"]
    assert skipped[S.SOURCE_SHEET].tolist() == ["Overview"]
    assert "no text" in skipped[S.MESSAGE].iloc[0]
    # named, or alone in its workbook, it is read
    assert len(scr.read(path, sheets=["Overview"]).events) == 2
    assert len(scr.read(write_xlsx("only.xlsx", {"Overview": summary})).events) == 2


def test_the_order_of_day_and_month_is_decided_across_stacked_tables(write_text):
    # the first table alone is ambiguous; the second shows month first (04/13/2007)
    path = write_text(
        "child-a.csv",
        "Health Visiting\nDate,Practitioner,Details\n03/04/2007,HV1,Home visit\n\n"
        "Police\nDate,Officer,Details\n04/13/2007,PC1,Domestic incident\n",
    )
    chron = scr.read(path)
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert ev[S.START].tolist() == [pd.Timestamp("2007-03-04"), pd.Timestamp("2007-04-13")]
    assert not (chron.warnings[S.CODE] == "ambiguous_day_month").any()


def test_a_first_stacked_table_with_no_rows(write_xlsx):
    # the first agency had no involvement: its title and headings, then the next table
    rows = [
        ["Health Visiting"],
        ["Date", "Practitioner", "Details"],
        [],
        ["Police"],
        ["Date", "Officer", "Details"],
        ["14/03/2007", "PC1", "Domestic incident"],
    ]
    chron = scr.read(write_xlsx("child-a.xlsx", {"Combined": rows}))
    assert chron.events[S.AGENCY].tolist() == ["police"]
    assert chron.rejected.empty
    notes = chron.warnings[chron.warnings[S.CODE] == "table_block"]
    assert "no rows under it" in " ".join(notes[S.MESSAGE])


def test_a_line_of_text_under_a_stacked_table_is_not_the_next_table_s_title(write_xlsx):
    # the line under the school nurse's row carries on its text; "GP" titles the next table
    rows = [
        ["School Nursing"],
        ["Date", "Practitioner", "Details"],
        ["12/03/2007", "SN1", "Drop-in: Child A upset, bruise on arm"],
        [None, None, "Child A said Mum's boyfriend did it"],
        [],
        ["GP"],
        ["Consultation Date", "Clinician", "Entry"],
        ["13/03/2007", "Dr X", "Seen"],
    ]
    chron = scr.read(write_xlsx("child-a.xlsx", {"Health": rows}))
    ev = chron.events
    assert ev[S.DETAILS].iloc[0] == (
        "Drop-in: Child A upset, bruise on arm\nChild A said Mum's boyfriend did it"
    )
    assert ev[S.AGENCY].tolist()[1] == "gp"
    assert (chron.warnings[S.CODE] == "row_continued").sum() == 1


def test_a_summary_sheet_counting_contacts_is_not_read_as_events(write_xlsx):
    summary = [
        ["Agency", "Contacts", "First contact date"],
        ["Police", 2, dt.datetime(2007, 3, 12)],
    ]
    police = [
        ["Date", "Officer", "Details"],
        [dt.datetime(2007, 3, 12), "PC1", "Domestic incident"],
    ]
    chron = scr.read(write_xlsx("child-a.xlsx", {"Summary": summary, "Police": police}))
    assert chron.events[S.SOURCE_SHEET].tolist() == ["Police"]


# --- per-agency blocks, the agency written on each block's first row only -----------------


def _as_xlsx_and_csv(rows, write_xlsx, write_text):
    """The same rows as a workbook's only sheet and as a CSV file (every cell quoted)."""
    cells = [["" if c is None else '"' + str(c).replace('"', '""') + '"' for c in r] for r in rows]
    text = "".join(",".join(r) + "\n" for r in cells)
    return write_xlsx("combined.xlsx", {"Chronology": rows}), write_text("combined.csv", text)


def _blocks_with_agency_once() -> list[list[object]]:
    return [
        ["Multi-agency chronology: Child A", None, None, None],
        ["Date", "Agency", "Practitioner", "Details"],
        ["01/03/2020", None, "Ms Y", "Strategy discussion: no agency written above this row"],
        ["02/03/2020", "Police", "PC1", "Domestic incident at the home address"],
        ["05/03/2020", None, "PC1", "Follow-up visit"],
        [None, None, None, "Mother said partner had left"],
        [],
        ["09/03/2020", None, "PC2", "DASH completed: medium risk"],
        ["03/03/2020", "Health Visiting", "HV1", "Home visit, Child A seen"],
        ["10/03/2020", None, "HV1", "Child A weighed at clinic"],
        ["Date", "Agency", "Practitioner", "Details"],
        ["11/03/2020", None, "Dr X", "Seen with a cough: under a repeated header, not filled"],
    ]


def test_an_agency_written_once_over_its_block_names_every_row_of_it(write_xlsx, write_text):
    for path in _as_xlsx_and_csv(_blocks_with_agency_once(), write_xlsx, write_text):
        chron = scr.read(path)
        ev = chron.events.sort_values(S.SOURCE_ROW)
        assert ev[S.SOURCE_ROW].tolist() == [3, 4, 5, 8, 9, 10, 12]
        assert ev[S.AGENCY].tolist() == [
            "other", "police", "police", "police", "health_visiting", "health_visiting",
            "other",
        ], path  # fmt: skip
        assert ev[S.ORGANISATION].tolist()[1:6] == ["Police"] * 3 + ["Health Visiting"] * 2
        filled = chron.warnings[chron.warnings[S.CODE] == "agency_filled_down"]
        assert filled[S.SOURCE_ROW].tolist() == [5, 10]
        assert "rows 5, 8" in filled[S.MESSAGE].iloc[0]
        assert "'Police' from row 4" in filled[S.MESSAGE].iloc[0]
        # the rows above the first named row, and under the repeated header, still say so
        assert (chron.warnings[S.CODE] == "no_agency").any()


def test_an_agency_filled_down_stops_at_the_next_stacked_table(write_xlsx):
    rows = [
        ["Date", "Agency", "Details"],
        ["12/03/2007", "Police", "Domestic incident"],
        ["13/03/2007", None, "Follow-up visit"],
        [],
        ["GP"],
        ["Consultation Date", "Clinician", "Entry"],
        ["20/03/2007", "Dr X", "Child A seen with cough"],
    ]
    chron = scr.read(write_xlsx("child-a.xlsx", {"Combined": rows}))
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert ev[S.AGENCY].tolist() == ["police", "police", "gp"]
    assert ev[S.PRACTITIONER].tolist()[2] == "Dr X"


# --- 'Health' as the agency: its practitioner or source says which service acted ----------


def _health_rows() -> list[list[object]]:
    return [
        ["Date", "Agency", "Practitioner", "Source", "Details"],
        ["01/03/2020", "Health", "HV1", "HV records", "Home visit, Child A seen"],
        ["05/03/2020", "Health", "Dr X", "GP records", "Seen with a cough"],
        ["06/03/2020", "Health", "Dr Y", "ED notes", "Attended with a head injury"],
        ["07/03/2020", "Health", "PC1", None, "Phoned mother"],
        ["08/03/2020", "Police", "PC1", "Niche", "Domestic incident"],
    ]


def test_health_as_the_agency_is_decided_by_the_practitioner_or_source(write_xlsx, write_text):
    for path in _as_xlsx_and_csv(_health_rows(), write_xlsx, write_text):
        chron = scr.read(path)
        ev = chron.events.sort_values(S.SOURCE_ROW)
        assert ev[S.AGENCY].tolist() == ["health_visiting", "gp", "hospital", "other", "police"]
        assert ev[S.ORGANISATION].tolist()[:4] == ["Health"] * 4  # as written
        # the agency decided is the one the event types are read with
        assert ev[S.EVENT_TYPE].tolist()[1:3] == ["gp_appointment", "hospital_attendance"]
        notes = chron.warnings[chron.warnings[S.CODE] == "agency_not_specific"]
        assert notes[S.SOURCE_ROW].tolist() == [2]
        message = notes[S.MESSAGE].iloc[0]
        assert "'Health' names health services in general, not one agency" in message
        assert "3 of its 4 row(s) took their agency" in message
        assert "(health_visiting (1), gp (1), hospital (1)); 1 stay 'other'" in message
        # one warning for the name, the one that says what it is (not "unknown: add it to
        # an alias file", which would be the wrong advice for a sector)
        assert not (chron.warnings[S.CODE] == "unknown_agency").any()


@pytest.mark.parametrize(
    ("text", "agencies", "code", "rows"),
    [
        pytest.param(
            "Date,Practitioner,Details\n01/03/2020,PC1,Domestic incident\n"
            "02/03/2020,SW1,Home visit\n03/03/2020,Community Midwife,Antenatal check\n",
            ["police", "csc", "midwifery"], "agency_from_practitioner", [2],
            id="no-agency-column",
        ),
        pytest.param(
            "Date,Agency,Details\n01/03/2020,Health,Home visit\n02/03/2020,Police,Incident\n"
            "03/03/2020,NHS,Seen\n",
            ["other", "police", "other"], "agency_not_specific", [2, 4],
            id="health-with-nothing-to-decide",  # the warning still says why it is other
        ),
    ],
)  # fmt: skip
def test_rows_without_one_agency_take_it_from_their_practitioner(
    write_text, text, agencies, code, rows
):
    chron = scr.read(write_text("chronology.csv", text))
    assert chron.events[S.AGENCY].tolist() == agencies
    notes = chron.warnings[chron.warnings[S.CODE] == code]
    assert sorted(notes[S.SOURCE_ROW].tolist()) == rows


def test_a_row_naming_its_agency_is_not_changed_by_its_practitioner(write_text):
    path = write_text(
        "police.csv", "Date,Agency,Practitioner,Details\n01/03/2020,CSC,PC1,Joint visit\n"
    )
    chron = scr.read(path)
    assert chron.events[S.AGENCY].tolist() == ["csc"]
    assert not (chron.warnings[S.CODE] == "agency_from_practitioner").any()


def test_a_template_whose_event_column_is_event_incident_contact(write_xlsx):
    # a partnership template: its narrative column was unmapped, the events had no details
    rows = [
        ["No.", "Date", "Time", "Agency", "Source of Information", "Practitioner (name & role)",
         "Event / Incident / Contact", "Action / Outcome", "Analysis / Comment"],
        [1, "12/03/2007", "14:30", "Police", "Niche", "PC1", "Domestic incident, Child A present",
         "Merlin to CSC", ""],
    ]  # fmt: skip
    chron = scr.read(write_xlsx("combined.xlsx", {"Chronology": rows}))
    assert chron.events[S.DETAILS].tolist() == ["Domestic incident, Child A present"]
    assert chron.events[S.EVENT_TYPE].tolist() == ["police_incident"]


def test_case_notes_exported_with_their_html_markup_read_as_text(write_xlsx, write_text):
    rows = [
        ["Case Note Date", "Worker Name", "Case Note Text"],
        ["01/03/2020", "SW1",
         "<p>Home visit&nbsp;completed.</p><p>Child A seen &amp; spoken to <b>alone</b>.</p>"],
        ["02/03/2020", "SW1", "Plain text: A&E said 3 < 4 & left"],
        ["03/03/2020", "SW2", '<div style="x">Line one<br />Line two</div><ul><li>Mum</li></ul>'],
    ]  # fmt: skip
    for path in _as_xlsx_and_csv(rows, write_xlsx, write_text):
        chron = scr.read(path)
        assert chron.events[S.DETAILS].tolist() == [
            "Home visit completed.\nChild A seen & spoken to alone.",
            "Plain text: A&E said 3 < 4 & left",
            "Line one\nLine two\nMum",
        ]
        notes = chron.warnings[chron.warnings[S.CODE] == "markup_read"]
        assert notes[S.SOURCE_ROW].tolist() == [2]
        assert "2 cell(s) of column 'Case Note Text'" in notes[S.MESSAGE].iloc[0]


def test_a_case_note_export_dated_by_its_event_not_by_when_it_was_written(write_text):
    # Liquidlogic/Mosaic-style export: when the note was completed and recorded sits left
    # of the date of the contact; it dated each note days late, at the hour it was typed
    path = write_text(
        "csc-notes.csv",
        "Date Completed,Recorded Time,Actual Date,Worker,Team,Narrative\n"
        "15/03/2016,16:45,02/03/2016,SW1,MASH,School reported a bruise on Child A's arm.\n"
        "20/03/2016,09:05,10/03/2016,SW2,Assessment Team,Home visit. Child A seen alone.\n",
    )
    chron = scr.read(path)
    assert chron.events[S.START].tolist() == [
        pd.Timestamp("2016-03-02"),
        pd.Timestamp("2016-03-10"),
    ]
    assert set(chron.events[S.PRECISION]) == {"day"}
    assert chron.events[S.EXTRA].str.contains("Recorded Time: 16:45").any()
    assert len(chron.rejected) == 0


# --- a template's form: the front sheet, or the lines above the table -----------------------


def _template(front: list[list[object]]) -> dict[str, list[list[object]]]:
    """A partnership's agency chronology template: guidance, a front sheet, a key, then the
    chronology, whose rows name no agency and whose sources do not say it either."""
    return {
        "Guidance": [
            ["Guidance for completing the agency chronology"],
            ["Date", "Event/contact", "Outcome / action"],
            ["01/01/2000", "e.g. home visit, child seen", "e.g. NFA"],
            ["Agency:", "e.g. Hillside Hospital"],
            ["Child's DOB:", dt.datetime(2000, 1, 1)],
        ],
        "Front Sheet": front,
        "Key": [["Abbreviation", "Meaning"], ["NFA", "No further action"]],
        "Chronology": [
            [
                "Date",
                "Time",
                "Source of information (record)",
                "Event/contact",
                "Outcome / action",
                "Agency analysis / comment (with hindsight)",
            ],
            [dt.datetime(2016, 3, 14), dt.time(10, 30), "Records", "Child A registered.", "", ""],
            [dt.datetime(2016, 9, 2), None, "Records", "Bruise to Child A's cheek.", "NFA", ""],
        ],
    }


FRONT_SHEET = [
    ["Child Safeguarding Practice Review: Child A"],
    [],
    ["Agency:", "Riverside Surgery"],
    ["Author:", "Dr X, named GP for safeguarding"],
    ["Date completed:", dt.datetime(2017, 6, 1)],
    ["Child's name:", "Child A"],
    ["Child's DOB:", dt.datetime(2016, 3, 1)],
    ["Mother's DOB:", dt.datetime(1995, 7, 9)],
]


def test_a_front_sheet_gives_the_agency_and_the_child_s_date_of_birth(write_xlsx):
    path = write_xlsx("cspr-child-a.xlsx", _template(FRONT_SHEET))
    chron = scr.read(path)
    assert chron.meta.child_dob == pd.Timestamp("2016-03-01")
    assert chron.events[S.CHILD_AGE_DAYS].tolist() == [13, 185]
    assert set(chron.events[S.AGENCY]) == {"gp"}
    assert set(chron.events[S.ORGANISATION]) == {"Riverside Surgery"}
    assert set(chron.events[S.SOURCE_SHEET]) == {"Chronology"}
    taken = chron.warnings[chron.warnings[S.CODE] == S.CHILD_DOB_INFERRED]
    assert len(taken) == 1
    assert taken[S.SOURCE_SHEET].item() == "Front Sheet"
    assert taken[S.SOURCE_ROW].item() == 7
    assert "01/03/2016" in taken[S.MESSAGE].item()


def test_a_date_of_birth_given_wins_over_the_front_sheet(write_xlsx):
    path = write_xlsx("cspr-child-a.xlsx", _template(FRONT_SHEET))
    chron = scr.read(path, child_dob="02/03/2016")
    assert chron.meta.child_dob == pd.Timestamp("2016-03-02")
    assert S.CHILD_DOB_INFERRED not in set(chron.warnings[S.CODE])


@pytest.mark.parametrize(
    "front",
    [
        # a blank form: labels with nothing beside them
        [["Agency:"], ["Child's DOB:"]],
        # only the parents' dates of birth, and a family table on the front sheet
        [["Mother's DOB:", "09/07/1995"], ["Name", "DOB", "Relationship"],
         ["Child A", "01/03/2016", "Subject"]],
        # a date of birth with no day
        [["DOB:", "March 2016"]],
    ],
)  # fmt: skip
def test_a_front_sheet_that_states_no_child_s_date_of_birth(write_xlsx, front):
    chron = scr.read(write_xlsx("cspr-child-a.xlsx", _template(front)))
    assert chron.meta.child_dob is None
    assert chron.events[S.CHILD_AGE_DAYS].isna().all()
    assert set(chron.events[S.AGENCY]) == {"other"}


def test_two_dates_of_birth_on_the_forms_give_none(write_xlsx):
    sheets = _template([["Child's DOB:", dt.datetime(2016, 3, 1)]])
    sheets["Chronology"] = [["Agency chronology"], ["D.O.B.", "02/03/2016"], *sheets["Chronology"]]
    chron = scr.read(write_xlsx("cspr-child-a.xlsx", sheets))
    assert chron.meta.child_dob is None
    conflict = chron.warnings[chron.warnings[S.CODE] == "child_dob_conflict"]
    assert "01/03/2016, 02/03/2016" in conflict[S.MESSAGE].item()


def test_the_form_above_the_table_gives_the_child_s_date_of_birth(write_xlsx, write_text):
    form = [
        ["CSPR Child A: single agency chronology"],
        ["Agency:", "Riverside Surgery"],
        ["Name of child and DOB:", "Child A, 1st March 2016"],
        [],
        ["Date", "Source of information", "Event/contact", "Outcome / action"],
        ["14/03/2016", "Records", "6 week check. Child A seen.", "NFA"],
    ]
    book = scr.read(write_xlsx("gp.xlsx", {"Chronology": form}))
    text = "\n".join(",".join(f'"{c}"' for c in row) for row in form)
    csv = scr.read(write_text("gp.csv", text))
    for chron in (book, csv):
        assert chron.meta.child_dob == pd.Timestamp("2016-03-01")
        assert chron.events[S.CHILD_AGE_DAYS].tolist() == [13]
        assert chron.warnings.loc[
            chron.warnings[S.CODE] == S.CHILD_DOB_INFERRED, S.SOURCE_ROW
        ].tolist() == [3]


def test_a_workflow_export_s_steps_give_the_event_type(write_text):
    # Mosaic/LCS export of workflow steps: the step names what happened, the narrative
    # is elsewhere; the step sat unread in extra and every row was 'other'
    path = write_text(
        "csc-steps.csv",
        "Person ID,Step Name,Step Start Date,Step Completed Date,Worker,Team,Outcome\n"
        "1001,Strategy Discussion,03/03/2016,03/03/2016,TM1,Assessment Team,Agreed\n"
        "1001,Section 47 Enquiry,03/03/2016,17/03/2016,SW2,Assessment Team,Completed\n",
    )
    chron = scr.read(path)
    assert chron.events[S.CONTACT_TYPE].tolist() == ["Strategy Discussion", "Section 47 Enquiry"]
    assert chron.events[S.EVENT_TYPE].tolist() == ["strategy_discussion", "s47_enquiry"]
    # the step's start dates it, not its completion
    assert chron.events[S.START].tolist() == [pd.Timestamp("2016-03-03")] * 2


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (["Step", "Form", "Date", "Narrative"], {0: S.CONTACT_TYPE, 2: S.DATE, 3: S.DETAILS}),
        (["Form Name", "Date", "Note Type", "Narrative"], {1: S.DATE, 2: S.CONTACT_TYPE, 3: S.DETAILS}),
        (["Date", "Workflow Step", "Details"], {0: S.DATE, 1: S.CONTACT_TYPE, 2: S.DETAILS}),
    ],
)  # fmt: skip
def test_a_step_or_form_is_the_type_of_entry_when_no_note_type_is(headings, expected):
    assert map_headings(headings) == expected


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Who was present / Child seen? (Y/N)", S.COUNTERPARTS),
        ("Persons present / Child seen?", S.COUNTERPARTS),
        ("Was the child seen? Y/N", S.CHILD_SEEN),
        ("Child seen and spoken to?", S.CHILD_SEEN),
    ],
)
def test_a_template_s_who_was_present_and_child_seen_columns(heading, field):
    # a partnership template's column of who was there (and whether the child was seen):
    # it was unmapped, its cells left in extra
    assert map_headings(["Date", heading, "Event/contact"]) == {0: S.DATE, 1: field, 2: S.DETAILS}


def test_a_hospital_trust_on_the_front_sheet_leaves_each_row_to_its_own_source(write_xlsx):
    # a health trust's chronology holds its health visitors', midwives' and wards' rows:
    # the trust named once on the front sheet must not make every one of them 'hospital'
    sheets = _template([["Agency:", "Riverside NHS Foundation Trust"], ["DOB:", "01/03/2016"]])
    sheets["Chronology"][1][2] = "HV1 records"
    sheets["Chronology"][2][2] = "ED records"
    chron = scr.read(write_xlsx("riverside-trust.xlsx", sheets))
    assert chron.events[S.AGENCY].tolist() == ["health_visiting", "hospital"]
    assert chron.meta.child_dob == pd.Timestamp("2016-03-01")


def test_paragraph_numbers_order_a_days_entries_part_by_part(tmp_path):
    """A review's paragraph numbers: 2.10 follows 2.9 (read as decimals it came first)."""
    from scr_timeline.rules.predicates import EventView

    path = tmp_path / "paras.csv"
    path.write_text(
        "Para No.,Date,Agency,Details\n"  # ("Para No." is the sequence too, as "Para" is)
        "2.10,12/03/2007,GP,Third\n2.8,12/03/2007,GP,First\n"
        "2.11,12/03/2007,GP,Fourth\n2.9,12/03/2007,GP,Second\n3,13/03/2007,GP,Fifth\n",
        encoding="utf-8",
    )
    ev = scr.read(path).events
    assert ev[S.DETAILS].tolist() == ["First", "Second", "Third", "Fourth", "Fifth"]
    # the rules read a day's entries in the same order, whatever order the table is in
    shuffled = ev.iloc[[2, 0, 4, 3, 1]]
    order = EventView.from_events(shuffled).frame[S.DETAILS].tolist()
    assert order == ["First", "Second", "Third", "Fourth", "Fifth"]
    # decimals stay decimals: a row inserted as 3.25 comes between 3.2 and 3.3
    path.write_text(
        "Para,Date,Agency,Details\n3.3,12/03/2007,GP,c\n3.25,12/03/2007,GP,b\n"
        "3.2,12/03/2007,GP,a\n",
        encoding="utf-8",
    )
    assert scr.read(path).events[S.DETAILS].tolist() == ["a", "b", "c"]


def test_narratives_beside_the_details_are_read_into_them(tmp_path):
    """A multi-agency template's "Information shared" and "Voice of the child" beside its
    "Details": what was shared with whom and what the child said are part of the entry (in
    extra, the classifier never read them, so the police told of a bruise went unseen)."""
    path = tmp_path / "child-a.csv"
    path.write_text(
        "Date,Agency,Details,Information shared,Voice of the child,Location\n"
        '12/03/2007,GP,"Bruise to cheek of Child A.",Police informed by phone.,,Surgery\n'
        '13/03/2007,CSC,Home visit.,,"Child A said Daddy hit him.",Home\n',
        encoding="utf-8",
    )
    ev = scr.read(path).events
    assert ev[S.DETAILS].tolist() == [
        "Bruise to cheek of Child A.\nInformation shared: Police informed by phone.",
        "Home visit.\nVoice of the child: Child A said Daddy hit him.",
    ]
    assert "police" in ev[S.COUNTERPARTS].iloc[0]
    # a column that is no narrative stays in extra, and the narratives are not there twice
    assert ev[S.EXTRA].tolist() == ["Location: Surgery", "Location: Home"]


def test_a_community_trust_over_a_health_sheet_leaves_each_row_to_its_practitioner(write_xlsx):
    """A "Health" sheet under "Northshire Healthcare NHS Trust" (a community trust: health
    visitors, school nurses, community paediatricians) is not a hospital: each row's
    practitioner names its service, and the trust stays the organisation (the health
    visitor's bruise had been recorded by "Hospital")."""
    path = write_xlsx(
        "child-a.xlsx",
        {
            "Health": [
                ["Northshire Healthcare NHS Trust"],
                [],
                ["Date of contact", "Practitioner", "Details of contact"],
                ["16/08/2013", "HV2", "Clinic. Small bruise on Child A's upper arm."],
                ["17/08/2013", "Paed Reg", "Child protection medical."],
            ]
        },
    )
    ev = scr.read(path).events
    assert ev[S.AGENCY].tolist() == ["health_visiting", "paediatrics"]
    assert ev[S.ORGANISATION].tolist() == ["Northshire Healthcare NHS Trust"] * 2
    # an acute trust is still a hospital
    assert agency_from_name("Northshire Hospitals NHS Foundation Trust") == "hospital"
    assert agency_from_name("Northshire Healthcare NHS Trust") is None
