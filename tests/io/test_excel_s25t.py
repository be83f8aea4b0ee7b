"""Excel workbooks as agencies send them (s25 sweep)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import scr_timeline as scr


def test_an_outcome_under_a_group_heading_merged_over_two_columns(tmp_path: Path) -> None:
    # 'Agency response' merged over 'Action taken' | 'Outcome': the second went to extra
    # as 'Agency response Outcome: Accepted', where it is never classified
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "School"
    ws.append(["Date of\ncontact", "Staff\nmember", "Details of\ncontact", "Agency response", None])
    ws.append([None, None, None, "Action taken", "Outcome"])
    ws.merge_cells("D1:E1")
    for col in "ABC":
        ws.merge_cells(f"{col}1:{col}2")
    ws.append(
        [dt.datetime(2007, 3, 12), "DSL1", "Child A disclosed", "Referral to CSC", "Accepted"]
    )
    ws.append([dt.datetime(2007, 3, 13), "DSL1", "Mother came in", "Discussed", None])
    path = tmp_path / "school.xlsx"
    wb.save(path)
    events = scr.read(path).events
    assert events["outcome"].tolist() == [
        "Referral to CSC\nAgency response Outcome: Accepted",
        "Discussed",
    ]
    assert events["extra"].isna().all()
    assert events["practitioner"].tolist() == ["DSL1", "DSL1"]


def test_a_date_cell_holding_an_excel_error_is_rejected_naming_the_cell(tmp_path: Path) -> None:
    # the reason had asked for the date to be written as '12/03/2007', as for a typo,
    # without saying the cell holds a broken formula, nor which cell
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Police"
    ws.append(["Date", "Officer", "Details"])
    ws.append([dt.datetime(2007, 3, 12), "PC1", "DA incident, Child A present"])
    ws.append(["#N/A", "PC2", "Welfare check"])
    ws.append(["#REF!", "PC2", "Call to CSC"])
    ws["A3"].data_type = "e"
    ws["A4"].data_type = "e"
    path = tmp_path / "police.xlsx"
    wb.save(path)
    chron = scr.read(path)
    rejected = chron.rejected
    assert rejected["source_row"].tolist() == [3, 4]
    assert rejected["reason_code"].tolist() == ["unreadable_date", "unreadable_date"]
    assert rejected["reason"].iloc[0].startswith("cell A3 holds the Excel error '#N/A', not a date")
    assert rejected["reason"].iloc[1].startswith("cell A4 holds the Excel error '#REF!'")
    assert rejected["details"].tolist() == ["Welfare check", "Call to CSC"]
    assert len(chron.events) == 1


def test_a_workbook_of_the_1904_date_system_dates_its_numbers_from_1904(tmp_path: Path) -> None:
    # a Mac workbook's date pasted as a value (37691 in a General cell: 12/03/2007 in the
    # 1904 system) was read as a 1900 serial, 11/03/2003, with no warning; its day 0
    # (01/01/1904, a date cell left at 0) was an event of 1904
    wb = openpyxl.Workbook()
    wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "GP"
    ws.append(["Date", "Details"])
    ws.append([37691, "Bruise seen on Child A"])
    ws.append([37691.75, "Call to HV1"])
    ws.append([dt.datetime(2007, 3, 13), "Review"])
    ws.append([20070314, "Home visit"])  # eight digits: a date, not a serial
    ws.append([dt.datetime(1904, 1, 1), "Letter"])
    ws["A6"].number_format = "dd/mm/yyyy"
    path = tmp_path / "gp.xlsx"
    wb.save(path)
    chron = scr.read(path)
    events = chron.events
    assert events["start"].tolist() == [
        pd.Timestamp("2007-03-12"),
        pd.Timestamp("2007-03-12 18:00"),
        pd.Timestamp("2007-03-13"),
        pd.Timestamp("2007-03-14"),
    ]
    assert events["date_text"].iloc[0] == "12/03/2007"
    assert chron.rejected["reason_code"].tolist() == ["empty_date"]


def test_a_sheet_per_year_gives_its_year_to_dates_written_without_one(tmp_path: Path) -> None:
    # a workbook of one sheet per year ('2006', '2007') writing '12 May', '14/03': every
    # row was rejected (missing_year), though a title line '2007' would have given it
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2006"
    ws.append(["Date", "Officer", "Details"])
    ws.append(["12 May", "PC1", "DA incident"])
    ws.append(["02/08", "PC2", "Missing episode"])
    ws = wb.create_sheet("Police 2007")
    ws.append(["Date", "Officer", "Details"])
    ws.append(["3 Jan", "PC1", "Welfare check"])
    ws.append(["14/03/2007", "PC1", "Arrest"])
    path = tmp_path / "police.xlsx"
    wb.save(path)
    chron = scr.read(path)
    assert chron.rejected.empty
    assert chron.events["start"].tolist() == [
        pd.Timestamp("2006-05-12"),
        pd.Timestamp("2006-08-02"),
        pd.Timestamp("2007-01-03"),
        pd.Timestamp("2007-03-14"),
    ]
    inferred = chron.warnings[chron.warnings["code"] == "year_inferred"]["message"].tolist()
    assert "in the sheet's name ('2006')" in inferred[0]


def test_a_sheet_named_otherwise_gives_no_year(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["Date", "Officer", "Details"])
    ws.append(["12 May", "PC1", "DA incident"])
    path = tmp_path / "police.xlsx"
    wb.save(path)
    assert scr.read(path).rejected["reason_code"].tolist() == ["missing_year"]


@pytest.mark.parametrize("name", ["Actions", "Action plan", "Recommendations", "Lessons learnt"])
def test_the_reviews_action_plan_sheet_is_not_read_as_events(tmp_path: Path, name: str) -> None:
    # the action plan beside the chronology ('Date | Action | Owner | Status') had been
    # read as events of 2009, when its actions fall due, in the child's timeline
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chronology"
    ws.append(["Date", "Agency", "Details"])
    ws.append([dt.datetime(2007, 3, 12), "GP", "Bruise seen on Child A"])
    ws = wb.create_sheet(name)
    ws.append(["Date", "Action", "Owner", "Status"])
    ws.append([dt.datetime(2009, 7, 1), "Review supervision policy", "CSC manager", "Open"])
    path = tmp_path / "review.xlsx"
    wb.save(path)
    chron = scr.read(path)
    assert chron.events["source_sheet"].tolist() == ["Chronology"]
    skipped = chron.warnings[chron.warnings["code"] == "sheet_skipped"]
    assert f"sheets=['{name}', ...]" in skipped["message"].iloc[0]


def test_an_action_plan_alone_is_read(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Actions"
    ws.append(["Date", "Agency", "Details"])
    ws.append([dt.datetime(2007, 3, 12), "GP", "Bruise seen on Child A"])
    path = tmp_path / "review.xlsx"
    wb.save(path)
    assert len(scr.read(path).events) == 1
