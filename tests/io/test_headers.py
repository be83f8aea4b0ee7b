"""Tests for scr_timeline.io.headers: heading normalisation, mapping, header rows."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.exceptions import (
    ChronologyReadError,
    EmptyChronologyError,
    MissingColumnError,
)
from scr_timeline.io.headers import (
    HeaderInfo,
    find_header,
    footer_rows,
    is_repeated_header,
    load_headings,
    map_headings,
    normalise_heading,
)

N = None

# GLOSSARY.md "Column headings", as the glossary writes them
GLOSSARY = {
    schema.DATE: [
        "Date", "Start Date", "Date of Event", "Date of contact", "Date or Period of Event",
        "Date/Time", "When",
    ],
    schema.END_DATE: ["End Date", "To", "Until"],
    schema.TIME: ["Time", "Start Time"],
    schema.SEQUENCE: ["Sequence", "Seq", "Event Ref", "Ref", "No.", "#"],
    schema.AGENCY: ["Agency", "Organisation", "Service", "Source Prefix"],
    schema.SOURCE: ["Source of Information", "Source", "Record", "Document"],
    schema.PRACTITIONER: ["Practitioner", "Professional", "Worker", "Staff", "Name/Role", "Who"],
    schema.DETAILS: [
        "Event", "Significant Event", "Details", "Event/Details", "Summary", "Summary of contact",
        "Description", "What happened", "Narrative",
    ],
    schema.OUTCOME: [
        "Outcome", "Action", "Action Taken", "Action/Outcome", "Decision", "Outcome/Action",
    ],
    schema.COUNTERPARTS: [
        "Contact with", "Other agencies involved", "Agencies involved", "Persons present",
        "Who was present",
    ],
    schema.COMMENT: [
        "Analysis", "Comment", "Analysis/Comment", "Reviewer comment", "Significance", "Impact",
    ],
}  # fmt: skip

VARIANTS = {
    "Date of Contact/Event": schema.DATE,
    "Date & Time": schema.DATE,
    "Date/time of event": schema.DATE,
    "Entry Date": schema.DATE,
    "Event Date": schema.DATE,
    "Description of event": schema.DETAILS,
    "Details of contact": schema.DETAILS,
    "Brief description": schema.DETAILS,
    "Key events": schema.DETAILS,
    "Significant events / contacts": schema.DETAILS,
    "Agency involved": schema.AGENCY,
    "Organisation/Agency": schema.AGENCY,
    "Service/Agency": schema.AGENCY,
    "Name of agency": schema.AGENCY,
    "Source/Reference": schema.SOURCE,
    "Record/Source": schema.SOURCE,
    "Practitioner name/role": schema.PRACTITIONER,
    "Staff member": schema.PRACTITIONER,
    "Professional involved": schema.PRACTITIONER,
    "Outcome/Action taken": schema.OUTCOME,
    "Action/Decision": schema.OUTCOME,
    "Response": schema.OUTCOME,
    "Analysis of practice": schema.COMMENT,
    "Learning": schema.COMMENT,
    "Key practice episodes": schema.COMMENT,
    "Notes": schema.DETAILS,
    "Time of contact": schema.TIME,
    "Ref No": schema.SEQUENCE,
    "Entry No": schema.SEQUENCE,
    "Serial": schema.SEQUENCE,
    "DATE:": schema.DATE,
    "Date*": schema.DATE,
    "Date\n(dd/mm/yyyy)": schema.DATE,
    "Reviewer’s comments": schema.COMMENT,
    "Date of contact / event / incident": schema.DATE,  # first word
    "Details of involvement with family": schema.DETAILS,  # first word
    # multi-agency templates and police exports
    "Event / Incident / Contact": schema.DETAILS,
    "Incident/Event": schema.DETAILS,
    "Event/Incident": schema.DETAILS,
    "Brief description of event": schema.DETAILS,
    "Reason for referral": schema.DETAILS,
    "Professional’s name and role": schema.PRACTITIONER,
    "Practitioner's name and role": schema.PRACTITIONER,
    "Occurrence Date From": schema.DATE,
    "Occurrence Date To": schema.END_DATE,
    "Involved Agencies": schema.COUNTERPARTS,
    "Agencies present": schema.COUNTERPARTS,
    "Information source": schema.SOURCE,
}


@pytest.mark.parametrize(
    ("heading", "field"), [(h, f) for f, headings in GLOSSARY.items() for h in headings]
)
def test_every_glossary_heading_maps(heading: str, field: str) -> None:
    assert map_headings([heading]) == {0: field}
    assert map_headings([f"  {heading.upper()} "]) == {0: field}


@pytest.mark.parametrize(("heading", "field"), VARIANTS.items())
def test_realistic_variants_map(heading: str, field: str) -> None:
    assert map_headings([heading]) == {0: field}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date\n(dd/mm/yyyy)", "date"),
        ("Date of Event:", "date of event"),
        ("Source of\ninformation *", "source of information"),
        ("Date & Time", "date and time"),
        ("Practitioner’s name/role", "practitioners name role"),
        ("(Date)", "date"),  # nothing left without the brackets: keep their text
        ("#", "#"),
        ("No.", "no"),
        (None, ""),
        (float("nan"), ""),
        (12, ""),
        (dt.datetime(2007, 3, 12), ""),
    ],
)
def test_normalise_heading(text: object, expected: str) -> None:
    assert normalise_heading(text) == expected


@pytest.mark.parametrize(
    ("heading", "field"),
    [
        ("Date of contct", schema.DATE),
        ("Detials", schema.DETAILS),
        ("Practioner", schema.PRACTITIONER),
        ("Agnecy", schema.AGENCY),
        ("Outcme", schema.OUTCOME),
        ("Descripton of event", schema.DETAILS),
        ("Signficant events", schema.DETAILS),
    ],
)
def test_near_misses_map(heading: str, field: str) -> None:
    assert map_headings([heading]) == {0: field}


@pytest.mark.parametrize(
    "heading",
    [
        "Date of birth",  # not "Date"
        "Date of birth of child",  # nor by its first word
        "Date of brith",  # a near miss of a heading with no field stays unmapped
        "DOB",
        "Dtae",  # too short to guess
        "Type",  # a GP journal's History / Examination / Plan, not a contact type (nor Time)
        "Title",
        "Chronology: X",  # two edits from "Chronology No", but a whole word changed
        "Time spent with child",
        "",
        None,
    ],
)
def test_false_friends_stay_unmapped(heading: object) -> None:
    assert map_headings([heading]) == {}


@pytest.mark.parametrize(
    "heading",
    [
        "Event type",
        "Type of event",
        "Case Note Type",
        "Note Type",
        "Contact type",
        "Occurrence Type",
    ],
)
def test_a_systems_type_of_contact_is_its_own_field(heading: str) -> None:
    # "Event type" is not details through "Event", nor "Case Note Type" through "Case Note"
    assert map_headings([heading]) == {0: schema.CONTACT_TYPE}


def test_agency_involved_is_not_agencies_involved() -> None:
    assert map_headings(["Agency involved", "Agencies involved"]) == {
        0: schema.AGENCY,
        1: schema.COUNTERPARTS,
    }


def test_bracketed_text_decides_when_it_names_a_heading() -> None:
    assert map_headings(["Date (from)", "Date (to)", "Time (24hr)"]) == {
        0: schema.DATE,
        1: schema.END_DATE,
        2: schema.TIME,
    }


def test_each_field_once_and_the_more_specific_heading_wins() -> None:
    headings = ["Notes", "Event", "Date", "Details", "Date of event", "Comments"]
    assert map_headings(headings) == {2: schema.DATE, 3: schema.DETAILS, 5: schema.COMMENT}
    # with nothing better present, the fallbacks are used: "Event" before "Notes" by position
    assert map_headings(["Date", "Event", "Notes"]) == {0: schema.DATE, 1: schema.DETAILS}
    assert map_headings(["Date", "Notes"]) == {0: schema.DATE, 1: schema.DETAILS}
    # an exact primary heading beats a near miss of another primary heading
    assert map_headings(["Detials", "Details"]) == {1: schema.DETAILS}


def test_user_columns_override_the_table() -> None:
    headings = ["When?", "Who", "What", "Notes", "Details"]
    mapping = map_headings(headings, columns={"WHAT": "details", "notes:": "comment"})
    assert mapping == {0: schema.DATE, 1: schema.PRACTITIONER, 2: schema.DETAILS, 3: schema.COMMENT}
    # a heading the user names but that is absent does no harm
    assert map_headings(["Date", "Agency"], columns={"Period": "date"}) == {
        0: schema.DATE,
        1: schema.AGENCY,
    }


def test_user_columns_must_name_fields() -> None:
    with pytest.raises(ChronologyReadError) as info:
        map_headings(["When"], columns={"When": "start"})
    assert isinstance(info.value, ValueError)
    assert info.value.found == "start"
    assert info.value.expected is not None and "date" in info.value.expected
    with pytest.raises(TypeError):
        map_headings(["When"], columns=[("When", "date")])  # type: ignore[arg-type]


def test_shipped_heading_table_is_consistent() -> None:
    table = load_headings()
    assert list(table.columns) == ["heading", "field", "priority"]
    assert len(table) >= 250
    assert set(table["field"]) - {""} == set(schema.FIELDS)
    assert set(table["priority"]) == {1, 2}
    norm = table["heading"].map(normalise_heading)
    assert not norm.duplicated().any()


# --- find_header -----------------------------------------------------------------------------
def frame(rows: Sequence[Sequence[object]]) -> pd.DataFrame:
    return pd.DataFrame(rows, dtype=object)


def test_header_under_title_rows() -> None:
    raw = frame(
        [
            ["Child A - Serious Case Review", N, N, N],
            ["Chronology: Whittington Hospital", "Chronology: Whittington Hospital", N, N],
            [N, N, N, N],
            ["Date", "Time", "Details of contact", "Fax number"],
            [dt.datetime(2007, 3, 12), "14:30", "Seen in ED", N],
        ]
    )
    info = find_header(raw)
    assert info.header_rows == (3,)
    assert info.data_start == 4
    assert info.mapping == {0: schema.DATE, 1: schema.TIME, 2: schema.DETAILS}
    assert info.headings == ["Date", "Time", "Details of contact", "Fax number"]
    assert info.unmapped == ["Fax number"]
    assert info.title_lines == ["Child A - Serious Case Review", "Chronology: Whittington Hospital"]


def test_header_needs_a_date_and_another_field() -> None:
    raw = frame(
        [
            ["Agency", "Details"],  # no date
            ["Date", N],  # a date alone
            ["Date", "Details"],
            ["1/2/07", "Seen"],
        ]
    )
    assert find_header(raw).header_rows == (2,)


def test_two_row_header_from_to_under_a_merged_date() -> None:
    raw = frame(
        [
            ["Chronology", N, N, N],
            ["Date", N, "Agency", "Details of contact"],
            ["From", "To", N, N],
            ["12/03/2007", "14/03/2007", "GP", "Seen"],
        ]
    )
    info = find_header(raw)
    assert info.header_rows == (1, 2)
    assert info.data_start == 3
    assert info.headings == ["Date From", "Date To", "Agency", "Details of contact"]
    assert info.mapping == {0: schema.DATE, 1: schema.END_DATE, 2: schema.AGENCY, 3: schema.DETAILS}
    assert info.title_lines == ["Chronology"]


def test_two_row_header_with_merged_cells_repeated() -> None:
    # some readers fill a merged cell's value into every cell it covers
    raw = frame(
        [
            ["Date", "Date", "Agency", "Details of contact"],
            ["From", "To", "Agency", "Details of contact"],
            ["12/03/2007", N, "GP", "Seen"],
        ]
    )
    info = find_header(raw)
    assert info.header_rows == (0, 1)
    assert info.headings == ["Date From", "Date To", "Agency", "Details of contact"]
    assert info.mapping == {0: schema.DATE, 1: schema.END_DATE, 2: schema.AGENCY, 3: schema.DETAILS}
    assert info.title_lines == []


def test_two_row_header_with_group_headings_above() -> None:
    raw = frame(
        [
            ["Event", N, N, "Agency", "Outcome"],
            ["Date", "Time", "Description", N, N],
            ["12/03/2007", "10:00", "Seen", "GP", "NFA"],
        ]
    )
    info = find_header(raw)
    assert info.header_rows == (0, 1)
    assert info.headings == ["Event Date", "Event Time", "Event Description", "Agency", "Outcome"]
    assert info.mapping == {
        0: schema.DATE,
        1: schema.TIME,
        2: schema.DETAILS,
        3: schema.AGENCY,
        4: schema.OUTCOME,
    }


def test_data_rows_are_never_taken_for_a_second_header_row() -> None:
    # a CSV gives every cell as text, so the first data row is text like a heading
    raw = frame(
        [
            ["Date", "Agency", "Details"],
            ["12/03/2007", "HV", "Home visit"],
            ["13/03/2007", "GP", "Seen"],
        ]
    )
    info = find_header(raw)
    assert info.header_rows == (0,)
    assert info.data_start == 1
    # nor is a title over the header taken for group headings
    raw = frame([["Agency:", "Police", N], ["Date", "Time", "Details"], ["1/1/07", "9:00", "x"]])
    info = find_header(raw)
    assert info.header_rows == (1,)
    assert info.title_lines == ["Agency: Police"]


def test_user_columns_find_an_unusual_header() -> None:
    raw = frame([["Reviewed by X", N], ["Datum", "Ereignis"], ["12/03/2007", "Hausbesuch"]])
    with pytest.raises(MissingColumnError):
        find_header(raw)
    info = find_header(raw, columns={"Datum": "date", "Ereignis": "details"})
    assert info.header_rows == (1,)
    assert info.mapping == {0: schema.DATE, 1: schema.DETAILS}


def test_no_date_column_is_a_helpful_error() -> None:
    raw = frame(
        [
            ["Chronology: Whittington Hospital", N, N],
            ["Who", "What happened", "Outcome"],
            ["HV1", "Home visit", "NFA"],
        ]
    )
    with pytest.raises(MissingColumnError) as info:
        find_header(raw)
    err = info.value
    assert isinstance(err, ValueError)
    assert err.file is None and err.sheet is None
    assert isinstance(err.found, str)
    assert "row 1: 'Chronology: Whittington Hospital'" in err.found
    assert "row 2: 'Who' | 'What happened' | 'Outcome'" in err.found
    assert "recognised: practitioner, details, outcome" in err.found
    assert (
        err.expected is not None
        and "'Date'" in err.expected
        and "'Date of contact'" in err.expected
    )
    # the caller re-raises it with the place
    again = type(err)(
        err.message, file="child-a.xlsx", sheet="GP", found=err.found, expected=err.expected
    )
    assert str(again).startswith("child-a.xlsx, sheet 'GP': no header row found")
    assert "What happened" in str(again)


def test_max_scan_limits_the_search() -> None:
    raw = frame([[f"title {i}", N] for i in range(5)] + [["Date", "Details"], ["1/1/07", "x"]])
    assert find_header(raw, max_scan=6).header_rows == (5,)
    with pytest.raises(MissingColumnError, match="first 5 rows"):
        find_header(raw, max_scan=5)
    with pytest.raises(ValueError, match="max_scan"):
        find_header(raw, max_scan=0)


def test_empty_tables() -> None:
    with pytest.raises(EmptyChronologyError):
        find_header(pd.DataFrame())
    with pytest.raises(EmptyChronologyError):
        find_header(frame([[N, ""], ["  ", N]]))
    with pytest.raises(TypeError):
        find_header([["Date", "Details"]])  # type: ignore[arg-type]


def test_header_info_is_frozen() -> None:
    info = find_header(frame([["Date", "Details"], ["1/1/07", "x"]]))
    assert isinstance(info, HeaderInfo)
    with pytest.raises(dataclasses.FrozenInstanceError):
        info.data_start = 5  # type: ignore[misc]


# --- is_repeated_header ----------------------------------------------------------------------
def test_repeated_header_rows_are_flagged() -> None:
    raw = frame(
        [
            ["Date", "Agency", "Details", "Outcome"],
            ["1/2/07", "GP", "Seen", "NFA"],
            ["DATE:", "agency", "Details", "Outcome"],  # the header again on the next page
            ["2/2/07", "HV", "Details", N],  # a data row with one heading-like cell
            [N, "Agency", N, N],  # one cell is not enough
            ["Date", "Agency", "Details", "Outcome"],
            [N, N, N, N],
        ]
    )
    info = find_header(raw)
    flags = is_repeated_header(raw.iloc[info.data_start :], info)
    assert flags.index.tolist() == [1, 2, 3, 4, 5, 6]
    assert flags.tolist() == [False, True, False, False, True, False]


def test_repeated_two_row_header_rows_are_both_flagged() -> None:
    header = [["Date", N, "Agency", "Details of contact"], ["From", "To", N, N]]
    raw = frame(
        [*header, ["12/03/2007", N, "GP", "Seen"], *header, ["13/03/2007", N, "HV", "Visit"]]
    )
    info = find_header(raw)
    assert info.header_rows == (0, 1)
    flags = is_repeated_header(raw.iloc[info.data_start :], info)
    assert flags.tolist() == [False, True, True, False]


def test_repeated_header_works_for_headed_info_and_big_tables() -> None:
    # the caller may build HeaderInfo itself (a table read with a header): headings only
    info = HeaderInfo(
        header_rows=(),
        data_start=0,
        mapping={0: schema.DATE, 1: schema.DETAILS},
        headings=["Date", "Details"],
        unmapped=[],
        title_lines=[],
    )
    n = 200_000
    dates = np.array([f"{d % 28 + 1}/03/2007" for d in range(n)], dtype=object)
    details = np.array(
        [f"Home visit number {i}, mother seen with the child" for i in range(n)], dtype=object
    )
    dates[::1000], details[::1000] = "Date", "Details"
    raw = pd.DataFrame({0: dates, 1: details})
    start = time.perf_counter()
    flags = is_repeated_header(raw, info)
    elapsed = time.perf_counter() - start
    assert flags.sum() == n // 1000
    assert flags[::1000].all()
    assert elapsed < 5.0


@pytest.mark.parametrize(
    "text",
    [
        "Total rows: 123", "Total records = 1,234", "Number of records: 12", "12 rows selected",
        "45 records returned.", "Report generated on 01/04/2008 10:00 by user X",
        "Generated by Mosaic on 01/04/2008", "Date printed: 01/04/2008", "Report run by: jsmith",
        "*** End of Report ***", "Page 3 of 3", "OFFICIAL-SENSITIVE", "OFFICIAL - SENSITIVE",
    ],
)  # fmt: skip
def test_report_footer_lines_under_the_table(text):
    raw = pd.DataFrame([["Date", "Details"], ["12/03/2007", "Seen"], [N, N], [text, N]])
    assert footer_rows(raw, find_header(raw)) == [(3, text)]


@pytest.mark.parametrize(
    "last",
    [
        ["Total of 3 home visits missed", N],  # an event's text, not a count
        ["Report to CSC", N],
        [N, "End of the school term"],
        ["Total rows: 2", "Seen"],  # two cells: a row of the table
    ],
)
def test_last_rows_that_are_no_footer(last):
    raw = pd.DataFrame([["Date", "Details"], ["12/03/2007", "Seen"], last])
    assert footer_rows(raw, find_header(raw)) == []


def test_a_footer_line_above_a_data_row_is_no_footer():
    raw = pd.DataFrame([["Date", "Details"], ["Total rows: 1", N], ["12/03/2007", "Seen"]])
    assert footer_rows(raw, find_header(raw)) == []


@pytest.mark.parametrize("heading", ["Event Date & Time", "Occurrence Date and Time"])
def test_a_compound_heading_ending_in_date_and_time_is_the_date(heading):
    assert map_headings([heading, "Officer", "Summary"]) == {
        0: schema.DATE,
        1: schema.PRACTITIONER,
        2: schema.DETAILS,
    }
    assert map_headings(["Date", "Date of birth and time"]) == {0: schema.DATE}


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        # CPOMS / MyConcern: the member of staff who logged the concern acted
        (["Date/Time", "Student", "Incident", "Reported By", "Assigned To"], {0: "date", 2: "details", 3: "practitioner"}),
        (["Concern Date", "Raised By", "Concern Summary", "Actions"], {0: "date", 1: "practitioner", 2: "details", 3: "outcome"}),
        # police systems name the officer several ways
        (["Occurrence Date", "Officer Name", "Summary"], {0: "date", 1: "practitioner", 2: "details"}),
        (["Date Reported", "Officer in Case", "Details"], {0: "date", 1: "practitioner", 2: "details"}),
        (["Date", "Logged By", "Investigating Officer", "Summary"], {0: "date", 1: "practitioner", 3: "details"}),
        # an emergency department's attendances: the complaint is what happened
        (["Arrival Date/Time", "Presenting Complaint", "Discharge Outcome"], {0: "date", 1: "details", 2: "outcome"}),
        (["Arrival Date/Time", "Presenting Complaint", "Clinical Notes"], {0: "date", 2: "details"}),
        # the date a record was added to the system is the date only when nothing else is
        (["Date Added", "Concern Date", "Concern"], {1: "date", 2: "details"}),
        (["Date Scanned", "Letter Date", "Summary"], {1: "date", 2: "details"}),
    ],
)  # fmt: skip
def test_headings_of_school_police_and_hospital_exports(headings, expected):
    assert map_headings(headings) == expected


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        # a case system's record-keeping dates, left of the event's date: the event's wins
        (["Modified Date", "Actual Date", "Worker", "Narrative"], {1: "date", 2: "practitioner", 3: "details"}),
        (["Date Completed", "Incident Date/Time", "Officer", "Summary"], {1: "date", 2: "practitioner", 3: "details"}),
        (["Date Authorised", "Date of Contact", "Summary"], {1: "date", 2: "details"}),
        (["Sign-off Date", "Visit Date", "Summary"], {1: "date", 2: "details"}),
        (["Date Written Up", "Date", "Details"], {1: "date", 2: "details"}),
        (["Recording Date", "Case Note Date", "Case Note Text"], {1: "date", 2: "details"}),
        # alone, a recording date still dates the rows, and its time goes with it
        (["Date Completed", "Summary"], {0: "date", 1: "details"}),
        (["Date Entered", "Time Entered", "Details"], {0: "date", 1: "time", 2: "details"}),
        # the time an entry was recorded never goes with the event's date
        (["Actual Date", "Recorded Date", "Recorded Time", "Narrative"], {0: "date", 3: "details"}),
        (["Time Entered", "Event Date", "Details"], {1: "date", 2: "details"}),
        (["Date", "Entry Time", "Time", "Details"], {0: "date", 2: "time", 3: "details"}),
        # "last seen" is the event of a missing episode, not a record's date
        (["Date Last Seen", "Details"], {0: "date", 1: "details"}),
    ],
)  # fmt: skip
def test_the_date_and_time_an_entry_was_recorded_give_way_to_the_event_s(headings, expected):
    assert map_headings(headings) == expected


@pytest.mark.parametrize(
    ("label", "value", "text"),
    [
        ("Total:", "312", "Total: 312"),
        ("Total:", 312, "Total: 312"),
        ("Count of records", "2", "Count of records 2"),
        ("Number of records", 12.0, "Number of records 12"),
        ("Run date:", "01/06/2017 09:12", "Run date: 01/06/2017 09:12"),
        ("Printed by:", "ADMIN1", "Printed by: ADMIN1"),
    ],
)
def test_a_report_footer_written_as_a_label_and_its_value(label, value, text):
    # case systems' report writers put the count or the run date in the cell beside the
    # label: the line was rejected as an unreadable date ('2')
    raw = pd.DataFrame([["Date", "Details"], ["12/03/2007", "Seen"], [label, value]])
    assert footer_rows(raw, find_header(raw)) == [(2, text)]


@pytest.mark.parametrize(
    "last",
    [
        ["Total", "2 home visits missed"],  # an event's text, not a count
        ["Total:", True],
        ["Page 2", "Seen"],
        ["12/03/2007", "2"],
    ],
)
def test_two_cells_that_are_no_footer(last):
    raw = pd.DataFrame([["Date", "Details"], ["12/03/2007", "Seen"], last])
    assert footer_rows(raw, find_header(raw)) == []


def test_the_first_data_row_is_not_read_as_headings_when_the_header_maps_every_column(
    monkeypatch,
):
    # a header that maps every column, above a data row with its date: the data row's
    # cells are not judged as sub-headings (no near-miss search over a case note)
    import pandas as pd

    from scr_timeline.io import headers as H

    asked: list[str] = []
    real = H._near_misses
    monkeypatch.setattr(H, "_near_misses", lambda q, t: asked.extend(q) or real(q, t))
    raw = pd.DataFrame(
        [
            ["Date", "Agency", "Details", "Outcome"],
            ["12/03/2007", "Health Visiting", "Home visit to Mother", "Visit again"],
            ["13/03/2007", "GP", "Child A seen", "NFA"],
        ]
    )
    found = H.find_header(raw)
    assert found.header_rows == (0,) and found.data_start == 1
    assert not {"home visit to mother", "visit again"} & {q.lower() for q in asked}


def test_a_table_of_meetings_reads_the_meeting_as_details_and_who_attended(tmp_path):
    import scr_timeline as scr

    assert map_headings(["Meeting", "Date", "Attended by", "Decision"]) == {
        0: "details",
        1: "date",
        2: "counterparts",
        3: "outcome",
    }
    assert map_headings(["Date", "Type of meeting", "Who attended", "Notes"])[1] == "contact_type"
    path = tmp_path / "csc meetings.csv"
    path.write_text(
        "Meeting,Date,Attended by,Decision\n"
        'Strategy discussion,12/03/2007,"SW1, DS Police, Dr X paediatrician",S47 enquiry\n',
        encoding="utf-8",
    )
    event = scr.read(path).events.iloc[0]
    assert event["details"] == "Strategy discussion"
    assert event["outcome"] == "S47 enquiry"
    assert {"police", "paediatrics"} <= set(event["counterparts"])


def test_headings_typed_again_lower_down_do_not_turn_the_rows_above_into_titles(tmp_path):
    import scr_timeline as scr

    raw = pd.DataFrame(
        [
            ["Date", "Entry", None, None],
            ["12/03/2007", "HV visit. Child seen.", None, None],
            [pd.Timestamp("2007-03-13"), "GP appt.", None, None],  # an Excel date cell
            ["Date", "Details", "Agency", "Outcome"],  # maps more columns
            ["14/03/2007", "Home visit", "CSC", "NFA"],
        ],
        dtype=object,
    )
    info = find_header(raw)
    assert info.header_rows == (0,) and info.data_start == 1 and info.title_lines == []
    # read: every dated row is an event, the lower block under its own headings
    path = tmp_path / "chronology.csv"
    raw.iloc[[0, 1, 3, 4]].to_csv(path, index=False, header=False)
    chron = scr.read(path)
    assert chron.events["details"].tolist() == ["HV visit. Child seen.", "Home visit"]
    assert chron.events["agency"].tolist() == ["other", "csc"]
    assert chron.events["source_row"].tolist() == [2, 4]
    # a title block over the header is still titles, dates in it or not
    titled = pd.DataFrame(
        [
            ["Chronology prepared 12/03/2009", None, None],
            ["Date", "Agency", "Details"],
            ["12/03/2007", "GP", "Seen"],
        ],
        dtype=object,
    )
    assert find_header(titled).header_rows == (1,)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        # a label alone over the key's lines, one or two cells each
        (
            [["Key:", N], ["HV", "Health visitor"], ["SW = social worker", N]],
            [(3, "Key:"), (4, "HV Health visitor"), (5, "SW = social worker")],
        ),
        ([["Abbreviations used", N], ["S47", "Section 47 enquiry"]], [(3, "Abbreviations used"), (4, "S47 Section 47 enquiry")]),
        # the key in the label's own line
        ([["Key: HV = health visitor; SW = social worker", N]], [(3, "Key: HV = health visitor; SW = social worker")]),
        # under a report's footer, or over it
        ([["End of chronology", N], ["Key:", N], ["GP", "General practitioner"]], [(3, "End of chronology"), (4, "Key:"), (5, "GP General practitioner")]),
        ([["Key:", N], ["GP", "General practitioner"], ["Page 2 of 2", N]], [(3, "Key:"), (4, "GP General practitioner"), (5, "Page 2 of 2")]),
    ],
)  # fmt: skip
def test_a_key_to_abbreviations_under_the_table(key, expected):
    # the key's lines were rejected as unreadable dates ('Key:', 'HV', 'S47')
    raw = pd.DataFrame([["Date", "Details"], ["12/03/2007", "Seen by HV1"], [N, N], *key])
    assert footer_rows(raw, find_header(raw)) == expected


@pytest.mark.parametrize(
    "last",
    [
        [["Key worker visit", N]],  # an undated event's text, not a key's label
        [["HV", "Health visitor"]],  # lines with no label over them
        [["Key:", N], ["12/03/2007", "Seen again"]],  # a dated row under it is an event
        [["Key:", N], ["Mother seen at home", "Child A asleep", "HV1", "Weighed"]],
    ],
)
def test_last_rows_that_are_no_key(last):
    raw = pd.DataFrame(
        [["Date", "Details", "Practitioner", "Outcome"], ["12/03/2007", "Seen", N, N]]
    )
    raw = pd.concat([raw, pd.DataFrame([row + [N] * (4 - len(row)) for row in last])])
    raw = raw.reset_index(drop=True)
    assert footer_rows(raw, find_header(raw)) == []


def test_the_last_lines_of_a_key_alone_on_the_next_page():
    # a page broke a key: its last lines stand alone under the header repeated on page 2
    raw = pd.DataFrame([["Date", "Details"], ["HV", "Health visitor"], ["SW", "Social worker"]])
    assert footer_rows(raw, find_header(raw)) == []
    assert footer_rows(raw, find_header(raw), key_open=True) == [
        (1, "HV Health visitor"),
        (2, "SW Social worker"),
    ]
    raw.loc[3] = ["12/03/2007", "Seen"]  # a dated row: the page goes on with the table
    assert footer_rows(raw, find_header(raw), key_open=True) == []


@pytest.mark.parametrize("title", ["Health Visiting Service", "Children's Services", "Event"])
def test_one_line_over_the_whole_header_that_adds_no_field_is_a_title(title):
    # 'Health Visiting Service' over the header was read as a group heading over every
    # column (a two-row header), and the agency it names was lost
    raw = pd.DataFrame(
        [[title, N, N], ["Date", "Practitioner", "Details"], ["01/03/2007", "HV1", "Seen"]]
    )
    info = find_header(raw)
    assert info.header_rows == (1,) and info.title_lines == [title]
    assert info.mapping == {0: schema.DATE, 1: schema.PRACTITIONER, 2: schema.DETAILS}


VISITS = [
    "Home visit by SW1, Child A seen with Mother and sibling",
    "Strategy discussion held with police and health, s47 agreed",
]


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        # 'Agency involvement' lost to 'Agency' and was left unmapped: no details at all
        (["Date", "Agency", "Agency involvement", "Outcome"], {0: "date", 1: "agency", 2: "details", 3: "outcome"}),
        # taken for the agency, its sentences were each an unknown agency
        (["Date", "Agency involvement", "Outcome"], {0: "date", 1: "details", 2: "outcome"}),
        (["Date", "Agency", "Contact", "Outcome"], {0: "date", 1: "agency", 2: "details", 3: "outcome"}),
    ],
)  # fmt: skip
def test_a_column_of_sentences_is_the_details_when_no_heading_says_so(headings, expected):
    body = [["01/03/2007", *(["CSC"] if "Agency" in headings else []), VISITS[0], "NFA"]]
    body += [["02/03/2007", *(["CSC"] if "Agency" in headings else []), VISITS[1], "S47"]]
    raw = pd.DataFrame([headings, *body], dtype=object)
    assert find_header(raw).mapping == expected


def test_an_agency_column_of_long_names_stays_the_agency():
    names = [
        "Child Abuse Investigation Team - North Area Command",
        "Children's Social Care - Referral and Assessment Team",
    ]
    raw = pd.DataFrame(
        [
            ["Date", "Agency", "Outcome"],
            ["01/03/2007", names[0], "NFA"],
            ["02/03/2007", names[1], "S47"],
        ]
    )
    assert find_header(raw).mapping == {0: "date", 1: "agency", 2: "outcome"}


def test_columns_of_sentences_under_agencies_names_are_no_one_details_column():
    # a column per agency: each is an agency's (the Excel, Word and PDF readers split them)
    raw = pd.DataFrame(
        [["Date", "Time", "Police", "Children's Social Care"], ["01/03/2007", "10:00", *VISITS]]
    )
    raw.loc[2] = ["02/03/2007", "11:00", *VISITS[::-1]]
    assert find_header(raw).mapping == {0: "date", 1: "time"}


@pytest.mark.parametrize(
    "key",
    ["Key: HV = health visitor; SW = social worker", "HV = health visitor; SW = social worker"],
)
def test_a_key_above_the_header_is_no_title_line(key):
    # it named the table's agency (health_visiting, from 'HV') and titled the chronology
    raw = pd.DataFrame(
        [["Elm Road Surgery", N], [key, N], ["Date", "Details"], ["01/03/2007", "Seen"]]
    )
    assert find_header(raw).title_lines == ["Elm Road Surgery"]


# --- template headings that went to extra but say what happened -----------------------------
@pytest.mark.parametrize(
    ("heading", "field"),
    [
        # what was shared, and what the child said or showed: the narrative of a table
        # with no details column (beside one, it stays in extra: a fallback)
        ("Information shared", schema.DETAILS),
        ("Info shared", schema.DETAILS),
        ("Voice of the child", schema.DETAILS),
        ("Child's voice", schema.DETAILS),
        ("Wishes and feelings", schema.DETAILS),
        # the author's reading of the entry, as "Analysis" and "Significance" are
        ("Issues identified", schema.COMMENT),
        ("Key issues", schema.COMMENT),
        # already the template's own fields
        ("Outcome", schema.OUTCOME),
        ("Outcome/Action", schema.OUTCOME),
        ("Action taken", schema.OUTCOME),
        ("Source of information", schema.SOURCE),
        ("Comments", schema.COMMENT),
        ("Analysis", schema.COMMENT),
    ],
)
def test_template_narrative_headings_map(heading: str, field: str) -> None:
    assert map_headings(["Date", "Agency", heading]) == {0: schema.DATE, 1: schema.AGENCY, 2: field}


def test_template_narrative_headings_are_fallbacks_beside_the_template_s_own() -> None:
    headings = ["Date", "Details", "Information shared", "Analysis", "Issues identified"]
    assert map_headings(headings) == {0: schema.DATE, 1: schema.DETAILS, 3: schema.COMMENT}


@pytest.mark.parametrize(
    "heading", ["Location", "Venue", "Place", "Incident location", "Place of contact"]
)
def test_where_it_happened_has_no_field(heading: str) -> None:
    # no column of the events table holds a place: it is kept in extra as "Location: ..."
    assert map_headings(["Date", "Details", heading]) == {0: schema.DATE, 1: schema.DETAILS}
    assert not load_headings().query("heading == @heading").empty


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        pytest.param(
            ["EventDate", "AgencyName", "PractitionerName", "EventDescription", "EventOutcome"],
            {0: schema.DATE, 1: schema.AGENCY, 2: schema.PRACTITIONER, 3: schema.DETAILS,
             4: schema.OUTCOME},
            id="database-fields",
        ),
        pytest.param(
            ["ContactDate", "ContactType", "WorkerName", "NoteText", "DateOfBirth"],
            {0: schema.DATE, 1: schema.CONTACT_TYPE, 2: schema.PRACTITIONER, 3: schema.DETAILS},
            id="case-system-fields",
        ),
        pytest.param(["DoB", "Date", "Details"], {1: schema.DATE, 2: schema.DETAILS}, id="dob"),
    ],
)  # fmt: skip
def test_headings_written_in_camel_case_map_word_by_word(headings, expected) -> None:
    # a database export names its columns so: no header was found ("EventDate" unknown)
    assert map_headings(headings) == expected
