"""Headings of case-management exports (s24 sweep)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import scr_timeline as scr


def test_the_purpose_of_a_visit_is_read_with_the_entry(tmp_path: Path) -> None:
    # 'Purpose of Visit' had been kept in extra (never classified): a visit made on
    # concerns about bruising read only 'No answer at the door.'
    path = tmp_path / "visits.csv"
    path.write_text(
        "Visit Date,Worker,Visit Type,Purpose of Visit,Child Seen,Notes\n"
        "12/03/2007,SW1,Statutory visit,CP plan visit,Yes,Home conditions poor.\n"
        "19/03/2007,SW1,Unannounced,Concerns re bruising reported by school,No,No answer.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events["details"].tolist() == [
        "CP plan visit\nNotes: Home conditions poor.",
        "Concerns re bruising reported by school\nNotes: No answer.",
    ]
    assert chron.events["extra"].isna().all()


def test_the_purpose_closes_the_details_of_a_table_that_has_them(tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(
        "Date,Worker,Details,Purpose of contact\n"
        "12/03/2007,HV1,Phoned Mother.,Follow up of bruise seen at clinic\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events["details"].tolist() == [
        "Phoned Mother.\nPurpose of contact: Follow up of bruise seen at clinic"
    ]


def test_a_date_heading_repeated_over_a_column_of_times(tmp_path: Path) -> None:
    # 'Date | Date', the second holding the times (an export splitting a date-time field
    # in two): the time had been kept in extra ('Date: 14:30') and the row given the day
    path = tmp_path / "log.csv"
    path.write_text(
        "Date,Date,Officer,Details\n"
        "12/03/2007,14:30,PC2,Attended address\n"
        "13/03/2007,0915hrs,PC2,Follow-up call\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events["start"].tolist() == [
        pd.Timestamp("2007-03-12 14:30"),
        pd.Timestamp("2007-03-13 09:15"),
    ]
    assert chron.events["extra"].isna().all()


def test_a_date_heading_repeated_over_other_dates_is_kept_in_extra(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("Date,Date,Worker\n12/03/2007,15/03/2007,SW1\n", encoding="utf-8")
    chron = scr.read(path)
    assert chron.events["start"].tolist() == [pd.Timestamp("2007-03-12")]
    assert chron.events["extra"].tolist() == ["Date: 15/03/2007"]


def test_a_police_export_dated_occurred_from_date_and_time(tmp_path: Path) -> None:
    # 'Occurred From Date' / 'Occurred From Time' / 'Occurred To Date' named no column:
    # the file had no date column at all, an error
    path = tmp_path / "niche.csv"
    path.write_text(
        "Occurrence No,Occurred From Date,Occurred From Time,Occurred To Date,"
        "Occurred To Time,Summary\n"
        "OCC/1/07,12/03/2007,23:10,13/03/2007,00:30,DA incident. Child A present.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    row = chron.events.iloc[0]
    assert row["start"] == pd.Timestamp("2007-03-12 23:10")
    assert row["end"] == pd.Timestamp("2007-03-13 23:59:59")
    assert row["details"] == "DA incident. Child A present."


def test_date_time_from_and_to(tmp_path: Path) -> None:
    # 'Date/Time To' had been kept in extra: the event was its start day alone
    path = tmp_path / "log.csv"
    path.write_text(
        "Date/Time From,Date/Time To,Details\n12/03/2007 10:00,14/03/2007 16:00,Missing episode\n",
        encoding="utf-8",
    )
    row = scr.read(path).events.iloc[0]
    assert row["start"] == pd.Timestamp("2007-03-12 10:00")
    assert row["end"] >= pd.Timestamp("2007-03-14 16:00")


def test_more_case_system_headings(tmp_path: Path) -> None:
    # each had been kept in extra, never classified (or, for 'Date Logged' alone, no date)
    path = tmp_path / "police.csv"
    path.write_text(
        "Date,Offence,Summary,Additional Information\n"
        "12/03/2007,Assault - DA,Mother assaulted by partner,Child A present; PPN to CSC\n",
        encoding="utf-8",
    )
    row = scr.read(path).events.iloc[0]
    assert row["contact_type"] == "Assault - DA"
    assert row["details"] == (
        "Mother assaulted by partner\nAdditional Information: Child A present; PPN to CSC"
    )
    path = tmp_path / "school.csv"
    path.write_text(
        "Date Logged,Concern,Logged By\n12/03/2007,Bruise to cheek seen in PE,Teacher 1\n",
        encoding="utf-8",
    )
    assert scr.read(path).events["start"].tolist() == [pd.Timestamp("2007-03-12")]
    path = tmp_path / "mash.csv"
    path.write_text(
        "Date,Activity,Referral Reason,Worker\n12/03/2007,Contact,Bruising seen by school,SW1\n",
        encoding="utf-8",
    )
    row = scr.read(path).events.iloc[0]
    assert (row["contact_type"], row["details"]) == ("Contact", "Bruising seen by school")
