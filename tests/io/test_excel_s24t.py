"""Excel workbooks as agencies send them (s24 sweep): formats whose formatting is not read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

import scr_timeline as scr


def test_an_xls_workbook_says_its_formatting_was_not_read(tmp_path: Path) -> None:
    # a row struck through in an .xls had been read as an event, with nothing to say that
    # struck rows, hidden rows and comments are seen in an .xlsx only
    xlwt = pytest.importorskip("xlwt")  # a dev dependency: always present under make test
    book = xlwt.Workbook()
    sheet = book.add_sheet("Police")
    dates = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    struck = xlwt.easyxf("font: struck_out true", num_format_str="DD/MM/YYYY")
    sheet.write(0, 0, "Date")
    sheet.write(0, 1, "Details")
    sheet.write(1, 0, dt.datetime(2007, 3, 12), dates)
    sheet.write(1, 1, "DA incident, Child A present")
    sheet.write(2, 0, dt.datetime(2007, 3, 13), struck)
    sheet.write(2, 1, "Entry made in error", xlwt.easyxf("font: struck_out true"))
    path = tmp_path / "police.xls"
    book.save(str(path))
    chron = scr.read(path)
    assert len(chron.events) == 2  # as before: the struck row is not seen
    notes = chron.warnings[chron.warnings["code"] == "formatting_not_read"]
    assert len(notes) == 1
    assert ".xls format" in notes["message"].iloc[0]
    assert "save it as .xlsx" in notes["message"].iloc[0]


def test_an_xlsx_workbook_has_no_such_warning(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Police"
    ws.append(["Date", "Details"])
    ws.append([dt.datetime(2007, 3, 12), "DA incident, Child A present"])
    path = tmp_path / "police.xlsx"
    wb.save(path)
    assert "formatting_not_read" not in set(scr.read(path).warnings["code"])


def test_a_timed_row_under_a_day_with_no_year_takes_that_day(tmp_path: Path) -> None:
    # the time-only row took 'Tues 20/3' from the row above and was rejected as
    # 'Tues 20/3 14:45' has no year, though the row above took the year of its own
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "CSC"
    ws.append(["Date", "Worker", "Details"])
    ws.append([dt.datetime(2007, 3, 16), "SW1", "Visit"])
    ws.append(["Tues 20/3", "SW1", "Strategy discussion"])
    ws.append([dt.time(14, 45), "SW1", "Call to police"])
    path = tmp_path / "csc.xlsx"
    wb.save(path)
    chron = scr.read(path)
    assert chron.rejected.empty
    assert chron.events["start"].tolist() == [
        dt.datetime(2007, 3, 16),
        dt.datetime(2007, 3, 20),
        dt.datetime(2007, 3, 20, 14, 45),
    ]
