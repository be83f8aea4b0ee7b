"""Tabular exports as case systems and review panels write them (s22 sweep): ditto marks,
police occurrence dates, a panel's comment columns, a second outcome column, a GP
system's rubric, a school log's concern type, the worker beside the note's author."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline.io.headers import map_headings


def _csv(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _by_row(chron: scr.Chronology) -> pd.DataFrame:
    return chron.events.set_index("source_row").sort_index()


# -- ditto marks --------------------------------------------------------------------------


def test_ditto_marks_in_the_date_column_repeat_the_day_above(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "hospital-log.csv",
        "Date,Time,Agency,Practitioner,Details\n"
        "12/03/2007,09:00,Hospital,Dr C,Child A brought to ED with bruise to face\n"
        "do.,14:00,do.,SW1,SW1 attended ward\n"
        '"""",16:00,Police,PC2,Police attended ward\n'
        "ditto,,Police,PC2,Mother interviewed\n"
        "\u201c \u201d,,Police,PC2,Father interviewed\n"
        "13/03/2007,,Hospital,Dr C,Child A discharged\n",
    )
    chron = scr.read(path)
    assert chron.rejected.empty
    ev = _by_row(chron)
    assert ev.loc[3, "start"] == pd.Timestamp("2007-03-12 14:00")
    assert ev.loc[4, "start"] == pd.Timestamp("2007-03-12 16:00")
    # no time of its own: the day, not the time of the row it repeats
    assert ev.loc[5, "start"] == pd.Timestamp("2007-03-12")
    assert ev.loc[5, "precision"] == "day"
    assert ev.loc[6, "start"] == pd.Timestamp("2007-03-12")
    # the date as written
    assert ev.loc[3, "date_text"] == "do. 14:00"
    assert ev.loc[5, "date_text"] == "ditto"
    # the agency's ditto repeats the agency above
    assert ev.loc[3, "agency"] == "hospital"
    codes = chron.warnings["code"].tolist()
    assert codes.count("ditto_filled") == 2


def test_a_ditto_with_nothing_above_and_DO_as_initials_are_left_as_written(
    tmp_path: Path,
) -> None:
    path = _csv(
        tmp_path,
        "police.csv",
        "Date,Agency,Practitioner,Details\n"
        "do.,Police,PC2,First entry\n"
        "14/03/2007,Police,DO,Duty officer reviewed the log\n",
    )
    chron = scr.read(path)
    assert chron.rejected["source_row"].tolist() == [2]
    assert _by_row(chron).loc[3, "practitioner"] == "DO"


def test_a_ditto_in_a_workbook_repeats_a_real_excel_date(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "School"
    ws.append(["Date", "Time", "Staff", "Incident", "Action Taken"])
    ws.append(
        [
            dt.datetime(2020, 9, 8, 8, 50),
            None,
            "DSL1",
            "Child A arrived with cut lip",
            "Phoned mother",
        ]
    )
    ws.append(['"', dt.time(15, 10), '"', "Mother says fell on stairs", "Logged"])
    path = tmp_path / "school.xlsx"
    wb.save(path)
    chron = scr.read(path)
    assert chron.rejected.empty
    ev = _by_row(chron)
    assert ev.loc[3, "start"] == pd.Timestamp("2020-09-08 15:10")
    assert ev.loc[3, "practitioner"] == "DSL1"


# -- police occurrence dates ----------------------------------------------------------------


def test_a_police_occurrence_is_dated_when_it_occurred_not_when_reported(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "niche-police.csv",
        "Occurrence Number,Occurrence Type,Reported Date,Reported Time,Occurred From,"
        "Occurred To,Officer In Case,Summary\n"
        "12/1/18,Domestic Incident,14/03/2018,23:45,14/03/2018 22:30,14/03/2018 23:00,PC2,"
        "Mother reports Partner assaulted her\n"
        "12/2/18,Concern for Welfare,20/03/2018,08:10,17/03/2018,19/03/2018,PC3,"
        "Child A missing over the weekend\n",
    )
    ev = _by_row(scr.read(path))
    assert ev.loc[2, "start"] == pd.Timestamp("2018-03-14 22:30")
    assert ev.loc[2, "end"] == pd.Timestamp("2018-03-14 23:00:59")
    # the reported time is not given to the occurrence's day
    assert ev.loc[3, "start"] == pd.Timestamp("2018-03-17")
    assert ev.loc[3, "end"] == pd.Timestamp("2018-03-19 23:59:59")
    # when it was reported stays visible
    assert "Reported Date: 20/03/2018" in ev.loc[3, "extra"]
    assert "Reported Time: 08:10" in ev.loc[3, "extra"]


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (["Occurred From", "Occurred To", "Officer", "Summary"], {0: "date", 1: "end_date", 2: "practitioner", 3: "details"}),
        (["Date Reported", "Offence Date From", "Offence Date To", "Summary"], {1: "date", 2: "end_date", 3: "details"}),
        # a time beside its own date stays that date's time
        (["Reported Date", "Reported Time", "Summary"], {0: "date", 1: "time", 2: "details"}),
        (["Occurred From", "Time", "Reported Date", "Summary"], {0: "date", 1: "time", 3: "details"}),
    ],
)  # fmt: skip
def test_occurrence_headings(headings: list[str], expected: dict[int, str]) -> None:
    assert map_headings(headings) == expected


# -- a panel's columns, a second outcome ------------------------------------------------------


def test_a_panels_comment_columns_all_reach_the_comment(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "combined.csv",
        "Date,Agency,Event,Outcome,Significance,Panel comment,Analysis,Key issues\n"
        "20/01/2018,Police,Domestic incident; Child A present,PPN to CSC,High,"
        "PPN not sent for 5 days,Key practice episode,DA\n",
    )
    ev = scr.read(path).events.iloc[0]
    assert ev["comment"] == (
        "High\nPanel comment: PPN not sent for 5 days\nAnalysis: Key practice episode"
    )
    assert ev["extra"] == "Key issues: DA"  # a fallback heading beside a comment: as before


def test_a_second_outcome_column_is_read_with_the_outcome(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "myconcern-school.csv",
        "Concern Ref,Date of Concern,Reported By,Concern Type,Summary,Actions,Outcome\n"
        "MC-2,10/02/2020,DSL1,Attendance,3 days absence unexplained,Home visit by EWO,"
        "Referred to CSC\n",
    )
    ev = scr.read(path).events.iloc[0]
    assert ev["outcome"] == "Home visit by EWO\nOutcome: Referred to CSC"
    assert ev["contact_type"] == "Attendance"
    assert "Outcome" not in str(ev["extra"])


def test_an_emergency_departments_diagnosis_and_disposal(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "ed.csv",
        "Attendance No,Arrival Date,Arrival Time,Presenting Complaint,Diagnosis,Disposal\n"
        "ED1,17/01/2019,19:02,Burn to hand,Scald,Referred to CSC\n",
    )
    ev = scr.read(path, agency="hospital").events.iloc[0]
    assert ev["details"] == "Burn to hand\nDiagnosis: Scald"
    assert ev["outcome"] == "Referred to CSC"


# -- GP rubric, case-note author ----------------------------------------------------------------


def test_a_gp_systems_rubric_opens_the_free_text(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "systmone-gp.csv",
        "Event date,Staff member,Read code,Rubric,Free text\n"
        "21/06/2017,Dr B,XaLFf,Child not brought to appointment,6-8 wk check\n",
    )
    ev = scr.read(path).events.iloc[0]
    assert ev["details"] == "Child not brought to appointment. 6-8 wk check"
    assert ev["event_type"] == "dna"


def test_the_worker_is_the_practitioner_not_the_notes_author(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "mosaic-csc.csv",
        "Note Type,Date of Contact,Created By,Worker,Note\n"
        "Strategy Discussion,04/02/2014,TM1,SW1,Strategy discussion with PC2 and Dr B\n",
    )
    ev = scr.read(path).events.iloc[0]
    assert ev["practitioner"] == "SW1"
    assert "Created By: TM1" in ev["extra"]
    # alone, the author is the practitioner
    assert map_headings(["Date", "Created By", "Note"]) == {
        0: "date",
        1: "practitioner",
        2: "details",
    }


def test_a_record_column_of_notes_is_the_details_when_no_column_is(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "hv.csv",
        "Contact Date,Contact Type,Staff,Record\n"
        "15/02/2016,New Birth Visit,HV1,NBV. Mother tearful. EPDS 14. Father not present.\n"
        "29/03/2016,6-8 week review,HV1,Not brought - WNB letter sent to mother\n",
    )
    ev = _by_row(scr.read(path, agency="health_visiting"))
    assert ev.loc[3, "details"] == "Not brought - WNB letter sent to mother"
    assert ev.loc[3, "event_type"] == "dna"
    # a source column beside the details stays the source
    assert map_headings(["Date", "Record", "Details"]) == {0: "date", 1: "source", 2: "details"}


def test_time_merged_over_start_and_end_gives_the_start_time(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Police"
    ws.append(["Date", "Time", None, "Officer", "Summary of incident"])
    ws.append([None, "Start", "End", None, None])
    ws.merge_cells("B1:C1")
    ws.append([dt.datetime(2018, 3, 20), "08:10", "09:00", "PC3", "Return home interview"])
    path = tmp_path / "police.xlsx"
    wb.save(path)
    ev = scr.read(path).events.iloc[0]
    assert ev["start"] == pd.Timestamp("2018-03-20 08:10")
    assert "Time End: 09:00" in ev["extra"]
    # the end time alone is never the end date
    assert map_headings(["Date", "Time To", "Summary"]) == {0: "date", 2: "details"}


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        # a workflow step export: when the step started dates it, not when it was completed
        (["Step Name", "Started On", "Completed On", "Assigned Worker"], {0: "contact_type", 1: "date", 3: "practitioner"}),
        (["Step Name", "Completed On", "Assigned Worker"], {0: "contact_type", 1: "date", 2: "practitioner"}),
        # a school's exclusions: the reason is what happened
        (["Exclusion Start Date", "Exclusion Type", "Reason", "Comments"], {0: "date", 1: "contact_type", 2: "details", 3: "comment"}),
    ],
)  # fmt: skip
def test_headings_of_workflow_and_exclusion_exports(
    headings: list[str], expected: dict[int, str]
) -> None:
    assert map_headings(headings) == expected


def test_a_reason_beside_the_details_closes_them(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "ed.csv",
        "Date,Details,Reason for attendance\n01/02/2019,Seen by triage nurse,Fall from bed\n",
    )
    ev = scr.read(path, agency="hospital").events.iloc[0]
    assert ev["details"] == "Seen by triage nurse\nReason for attendance: Fall from bed"


def test_an_outpatient_lists_attendance_status_is_read(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "opd.csv",
        "Appointment Date,Appointment Time,Clinic,Clinician,Outcome,Attendance Status\n"
        "03/05/2016,10:00,Paediatric OPD,Dr C,,Was not brought\n"
        "10/05/2016,11:00,Paediatric OPD,Dr C,Rebooked,Attended\n",
    )
    ev = _by_row(scr.read(path, agency="paediatrics"))
    assert ev.loc[2, "outcome"] == "Attendance Status: Was not brought"
    assert ev.loc[2, "event_type"] == "dna"
    assert ev.loc[3, "outcome"] == "Rebooked\nAttendance Status: Attended"


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (["Date of Visit", "Visit Type", "Summary of Visit"], {0: "date", 1: "contact_type", 2: "details"}),
        (["Incident Date", "Reported By", "What happened", "What action was taken?"], {0: "date", 1: "practitioner", 2: "details", 3: "outcome"}),
        (["Date/Time", "Call Handler", "Call Type", "Call Summary"], {0: "date", 1: "practitioner", 2: "contact_type", 3: "details"}),
    ],
)  # fmt: skip
def test_headings_of_visit_incident_and_call_logs(
    headings: list[str], expected: dict[int, str]
) -> None:
    assert map_headings(headings) == expected


def test_a_panels_questions_sheet_is_not_read_beside_the_chronology(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chronology"
    ws.append(["Date", "Agency", "Practitioner", "Details"])
    ws.append([dt.datetime(2018, 1, 20), "Police", "PC2", "Domestic incident"])
    for name in ("Panel queries", "Family members", "Questions for agencies"):
        extra = wb.create_sheet(name)
        extra.append(["Date", "Agency", "Details"])
        extra.append([dt.datetime(2018, 1, 20), "Police", "Why was the PPN sent late?"])
    path = tmp_path / "combined.xlsx"
    wb.save(path)
    chron = scr.read(path)
    assert chron.events["source_sheet"].tolist() == ["Chronology"]
    skipped = chron.warnings[chron.warnings["code"] == "sheet_skipped"]
    assert sorted(skipped["source_sheet"]) == [
        "Family members",
        "Panel queries",
        "Questions for agencies",
    ]
    # asked for, it is read
    assert len(scr.read(path, sheets=["Panel queries"]).events) == 1


def test_a_ditto_with_the_entrys_own_time_in_the_date_cell(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "police-log.csv",
        "Date/Time,Agency,Details\n"
        "12/03/2007 09:00,Police,Call received\n"
        '"\u201c  14:00",Police,Officers attended\n'
        "do. 1530hrs,Police,Male arrested\n",
    )
    chron = scr.read(path)
    assert chron.rejected.empty
    ev = _by_row(chron)
    assert ev.loc[3, "start"] == pd.Timestamp("2007-03-12 14:00")
    assert ev.loc[3, "date_text"] == "\u201c  14:00"
    assert ev.loc[4, "start"] == pd.Timestamp("2007-03-12 15:30")


def test_a_row_with_no_occurrence_date_is_dated_by_its_reported_date(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "niche-police.csv",
        "Occurrence Number,Reported Date,Occurred From,Occurred To,Officer,Summary\n"
        "O1,20/03/2018,,,PC3,Concern for welfare call\n"
        "O2,21/03/2018,17/03/2018,19/03/2018,PC3,Missing over the weekend\n"
        "O3,,,,PC3,Undated note\n",
    )
    chron = scr.read(path)
    ev = _by_row(chron)
    assert ev.loc[2, "start"] == pd.Timestamp("2018-03-20")
    assert ev.loc[3, "start"] == pd.Timestamp("2018-03-17")
    assert chron.rejected["source_row"].tolist() == [4]
    note = chron.warnings[chron.warnings["code"] == "date_from_other_column"]
    assert note["source_row"].tolist() == [2]
    assert "'Reported Date'" in note["message"].iloc[0]
