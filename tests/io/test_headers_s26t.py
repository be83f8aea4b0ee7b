"""Headings of case-system exports as agencies send them (s26 sweep)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline.io.headers import map_headings


def test_a_command_and_control_log_is_read(tmp_path: Path) -> None:
    # a police STORM export: no header had been found ('Log', 'Opening Category' and
    # 'Closing Category' were unknown), so the whole file was an error
    path = tmp_path / "storm.csv"
    path.write_text(
        "Incident Number,Date/Time Created,Opening Category,Closing Category,Log\n"
        'SW-1,12/03/2018 23:16:04,DOMESTIC,DOMESTIC - CRIME,"23:16 caller reports shouting."\n'
        "SW-2,19/03/2018 01:52:33,CONCERN FOR SAFETY,CHILD SAFEGUARDING,Child found alone.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    events = chron.events.sort_values("source_row")
    assert events["details"].tolist() == ["23:16 caller reports shouting.", "Child found alone."]
    assert events["contact_type"].tolist() == ["DOMESTIC", "CONCERN FOR SAFETY"]
    assert events["outcome"].tolist() == ["DOMESTIC - CRIME", "CHILD SAFEGUARDING"]
    assert events["extra"].tolist() == ["Incident Number: SW-1", "Incident Number: SW-2"]


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        # a Niche occurrence's closing code is how it was closed: its outcome
        (["Occurred From", "Summary", "Closing code"], {0: "date", 1: "details", 2: "outcome"}),
        # beside an outcome column it stays in extra (a fallback heading)
        (["Date", "Outcome", "Closing code"], {0: "date", 1: "outcome"}),
        # a MyConcern export's reporter is who raised the concern
        (
            ["Date of concern", "Concern summary", "Reporter"],
            {0: "date", 1: "details", 2: "practitioner"},
        ),
        # a review team's own column of the agency's row numbers: it had been the source
        # of information ('12')
        (["Source row", "Date", "Details"], {0: "sequence", 1: "date", 2: "details"}),
        (["Original row", "Date", "Details"], {0: "sequence", 1: "date", 2: "details"}),
    ],
)
def test_export_headings(headings: list[str], expected: dict[int, str]) -> None:
    assert map_headings(headings) == expected


def test_a_yes_no_column_headed_as_the_details_gives_way_to_the_notes(tmp_path: Path) -> None:
    # an LCS case-note export: 'Significant Event' (a details heading in review templates)
    # holds Yes/No; the details had been 'Yes\nObservation: HV1 called ...'
    path = tmp_path / "lcs.csv"
    path.write_text(
        '"Date of Event","Case Note Type","Observation","Entered By","Significant Event"\n'
        '"12-Mar-2018","Telephone Call - Incoming","HV1 called re home conditions.","SW3","Yes"\n'
        '"14-Mar-2018","Visit - Home","Child A seen, nappy dirty.","SW3","No"\n',
        encoding="utf-8",
    )
    events = scr.read(path).events.sort_values("source_row")
    assert events["details"].tolist() == [
        "HV1 called re home conditions.",
        "Child A seen, nappy dirty.",
    ]
    assert events["extra"].tolist() == ["Significant Event: Yes", "Significant Event: No"]


def test_a_details_column_of_words_stays_the_details(tmp_path: Path) -> None:
    path = tmp_path / "chron.csv"
    path.write_text(
        "Date,Significant Event,Observation\n12/03/2018,Home visit,Yes\n14/03/2018,No answer,No\n",
        encoding="utf-8",
    )
    events = scr.read(path).events.sort_values("source_row")
    assert events["details"].tolist()[0].startswith("Home visit")


def test_a_liquidlogic_workflow_export(tmp_path: Path) -> None:
    # 'Started' and 'Completed' were unknown, so no header was found and the file was an
    # error; the step's start dates it, its completion is kept in extra
    path = tmp_path / "ll.csv"
    path.write_text(
        "Form/Step,Started,Completed,Assigned To,Outcome,Reason\n"
        "Contact,03/04/2018 09:12,03/04/2018 16:40,SW1,Refer to Social Care,Bruise to cheek\n"
        "Strategy Discussion,16/05/2018 14:00,16/05/2018 15:10,TM1,S47 Enquiry,\n",
        encoding="utf-8",
    )
    events = scr.read(path).events.sort_values("source_row")
    assert events["start"].tolist() == [
        pd.Timestamp("2018-04-03 09:12"),
        pd.Timestamp("2018-05-16 14:00"),
    ]
    assert events["contact_type"].tolist() == ["Contact", "Strategy Discussion"]
    assert events["practitioner"].tolist() == ["SW1", "TM1"]
    assert events["extra"].tolist() == [
        "Completed: 03/04/2018 16:40",
        "Completed: 16/05/2018 15:10",
    ]


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        # a CPOMS incident's assignee names the practitioner when nobody else does
        (
            ["Incident date", "Incident", "Assigned to"],
            {0: "date", 1: "details", 2: "practitioner"},
        ),
        (
            ["Incident date", "Incident", "Reported by", "Assigned to"],
            {0: "date", 1: "details", 2: "practitioner"},
        ),
    ],
)
def test_more_export_headings(headings: list[str], expected: dict[int, str]) -> None:
    assert map_headings(headings) == expected


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        # a looked-after child's episodes: the end date had been kept in extra
        (
            ["Episode Start Date", "Episode End Date", "Legal Status"],
            {0: "date", 1: "end_date"},
        ),
        # GP systems: who held the consultation or the appointment session, and its slot
        (
            ["Consultation Date", "Consulter", "Free Text"],
            {0: "date", 1: "practitioner", 2: "details"},
        ),
        (
            ["Date", "Time", "Session Holder", "Slot Type", "Appointment Status"],
            {0: "date", 1: "time", 2: "practitioner", 3: "contact_type", 4: "outcome"},
        ),
        # a police crime report's type; an ED attendance's type
        (
            ["Report Date", "Report Type", "Officer in case"],
            {0: "date", 1: "contact_type", 2: "practitioner"},
        ),
        (
            ["Arrival Date", "Attendance Type", "Triage Notes"],
            {0: "date", 1: "contact_type", 2: "details"},
        ),
        # a template's signature column
        (
            ["Date", "Information", "Action", "Signature"],
            {0: "date", 1: "details", 2: "outcome", 3: "practitioner"},
        ),
    ],
)
def test_headings_of_more_systems(headings: list[str], expected: dict[int, str]) -> None:
    assert map_headings(headings) == expected


def test_an_eds_chief_complaint_opens_the_triage_notes(tmp_path: Path) -> None:
    # beside the triage notes (the details) the complaint had been kept in extra
    path = tmp_path / "ed.csv"
    path.write_text(
        "Arrival Date,Arrival Time,Chief Complaint,Triage Notes,Disposal\n"
        "12/03/2018,21:03,Head injury - fell from bed,Alert. Small haematoma R forehead.,Home\n",
        encoding="utf-8",
    )
    event = scr.read(path).events.iloc[0]
    assert event["details"] == "Head injury - fell from bed. Alert. Small haematoma R forehead."
    assert pd.isna(event["extra"])


def test_a_police_occurrence_export_with_dates_and_times_from_and_to(tmp_path: Path) -> None:
    # Athena: 'Occurrence Date/Time From' and 'To' were unknown, so no header was found and
    # the file was an error
    path = tmp_path / "athena.csv"
    path.write_text(
        "Occurrence Number,Occurrence Date/Time From,Occurrence Date/Time To,"
        "Investigation Type,Officer in Case,Modus Operandi,Final Outcome\n"
        "AT/1,12/03/2018 23:15,12/03/2018 23:40,Domestic Abuse,PC2,"
        "Suspect punched victim in presence of Child A,Charged\n",
        encoding="utf-8",
    )
    event = scr.read(path).events.iloc[0]
    assert event["start"] == pd.Timestamp("2018-03-12 23:15")
    assert event["end"] == pd.Timestamp("2018-03-12 23:40:59")
    assert event["contact_type"] == "Domestic Abuse"
    assert event["details"] == "Suspect punched victim in presence of Child A"
    assert event["outcome"] == "Charged"
    assert event["extra"] == "Occurrence Number: AT/1"


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (
            ["Crime Number", "Date Committed From", "Date Committed To", "MO"],
            {1: "date", 2: "end_date", 3: "details"},
        ),
        (
            ["Call Date/Time", "Call Type", "Resulting Classification", "Remarks"],
            {0: "date", 1: "contact_type", 2: "outcome", 3: "details"},
        ),
        (
            ["PPN Date", "PPN Type", "Summary of incident"],
            {0: "date", 1: "contact_type", 2: "details"},
        ),
        (
            ["Referral Date", "Referral Reason", "Decision", "Decision Maker"],
            {0: "date", 1: "details", 2: "outcome", 3: "practitioner"},
        ),
        # beside the details, remarks stay in extra
        (["Date", "Details", "Remarks"], {0: "date", 1: "details"}),
    ],
)
def test_police_and_front_door_headings(headings: list[str], expected: dict[int, str]) -> None:
    assert map_headings(headings) == expected


def test_the_date_a_record_was_closed_is_no_end_of_the_event(tmp_path: Path) -> None:
    # a MyConcern export: the concern closed 18 days later had stretched the event to
    # 30/03 (rules count deadlines from the end), its time 08:50 read as the whole span
    path = tmp_path / "myconcern.csv"
    path.write_text(
        "Concern ID,Date of concern,Time of concern,Concern summary,Reporter,Date closed\n"
        "1001,12/03/2018,08:50,Bruise on cheek; said Dad did it.,Teacher T1,30/03/2018\n",
        encoding="utf-8",
    )
    event = scr.read(path).events.iloc[0]
    assert event["end"] == pd.Timestamp("2018-03-12 08:50:59")
    assert event["precision"] == "minute"
    assert event["extra"] == "Concern ID: 1001 | Date closed: 30/03/2018"
