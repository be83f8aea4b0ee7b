"""Workbooks as review teams merge them (s26 sweep)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

import scr_timeline as scr
from scr_timeline.io.excel import _uses_1904


def test_a_workbook_grid_of_ticks_and_check_boxes(tmp_path: Path) -> None:
    # Wingdings' 'ü' shows as a tick; a check box linked to its cell writes TRUE or FALSE
    wb = Workbook()
    ws = wb.active
    ws.title = "Chronology"
    ws.append(["Date", "Summary of event", "HV", "SW", "GP", "Police", "Education"])
    ws.append([dt.datetime(2018, 3, 12), "Home visit - bruise noted", "ü", None, None, None, False])
    ws.append([dt.datetime(2018, 3, 14), "Strategy discussion", None, True, None, True, False])
    path = tmp_path / "ticks.xlsx"
    wb.save(path)
    chron = scr.read(path)
    events = chron.events.sort_values(["source_row", "agency"])
    assert events["agency"].astype(str).tolist() == ["health_visiting", "csc", "police"]
    assert events.index.tolist() == [
        "ticks-chronology-r2c",
        "ticks-chronology-r3d",
        "ticks-chronology-r3f",
    ]
    assert events["extra"].isna().all()  # 'Education: FALSE' is no text of the entry
    assert "agency_from_ticks" in set(chron.warnings["code"])


@pytest.mark.parametrize(("system_1904", "start"), [(False, "2007-03-12"), (True, "2007-03-12")])
def test_an_xls_workbook_of_the_1904_date_system(
    tmp_path: Path, system_1904: bool, start: str
) -> None:
    # a date pasted as a value into a General cell of a Mac workbook saved as .xls: 37691
    # is 12/03/2007 counted from 1904; it had been read from 1900, as 11/03/2003
    xlwt = pytest.importorskip("xlwt")
    wb = xlwt.Workbook()
    wb.dates_1904 = system_1904
    ws = wb.add_sheet("GP")
    for col, heading in enumerate(["Date", "Practitioner", "Details"]):
        ws.write(0, col, heading)
    ws.write(1, 0, dt.datetime(2007, 3, 12), xlwt.easyxf(num_format_str="DD/MM/YYYY"))
    ws.write(1, 1, "Dr B")
    ws.write(1, 2, "Bruise to cheek")
    ws.write(2, 0, 37691 if system_1904 else 39153)
    ws.write(2, 1, "Dr B")
    ws.write(2, 2, "Follow up")
    path = tmp_path / "gp.xls"
    wb.save(str(path))
    events = scr.read(path).events.sort_values("source_row")
    assert events["start"].tolist() == [pd.Timestamp(start)] * 2


def _xlsb_record(kind: int, data: bytes) -> bytes:
    def number(value: int) -> bytes:
        out = bytearray()
        while True:
            byte, value = value & 0x7F, value >> 7
            out.append(byte | (0x80 if value else 0))
            if not value:
                return bytes(out)

    return number(kind) + number(len(data)) + data


@pytest.mark.parametrize(("flags", "expected"), [(b"\x01\x00\x00\x00", True), (b"\x00" * 4, False)])
def test_the_1904_date_system_of_an_xlsb_workbook_is_found(
    tmp_path: Path, flags: bytes, expected: bool
) -> None:
    # BrtBeginBook, BrtFileVersion, then BrtWbProp whose first flag is the 1904 system
    part = (
        _xlsb_record(0x83, b"")
        + _xlsb_record(0x80, b"\x00" * 20)
        + _xlsb_record(0x99, flags + b"\x00" * 8 + b"\x00\x00\x00\x00")
    )
    path = tmp_path / "book.xlsb"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.bin", part)
    assert _uses_1904(path, "xlsb") is expected


def _shaded_workbook(path: Path, key: list[tuple[str, str]], *, key_sheet: str = "Key") -> None:
    from openpyxl.styles import PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "Combined"
    ws.append(["Multi-agency chronology - Child A"])
    ws.append(["Date", "Agency", "Details"])
    ws.append(["12/03/2018", "Police", "DA incident, Child A present"])
    ws.append(["14/03/2018", "GP", "Child not brought to appointment"])
    ws.append(["15/03/2018", "Health Visiting", "Home visit, Child A seen"])
    fills = {name: PatternFill("solid", fgColor=rgb) for name, rgb in key}
    for cell in ws[3]:
        cell.fill = fills["red"]
    for cell in ws[4]:
        cell.fill = fills["yellow"]
    sheet = wb.create_sheet(key_sheet)
    sheet.append(["Colour", "Meaning"])
    for row, (name, _rgb) in enumerate(key, start=2):
        sheet.cell(row, 1).fill = fills[name]
        sheet.cell(row, 2, {"red": "Significant incident", "yellow": "Missed appointment"}[name])
    wb.save(path)


def test_a_key_of_what_the_fill_colours_mean_is_kept_with_the_rows(tmp_path: Path) -> None:
    # rows shaded red and yellow, a Key sheet saying what each colour means: the meaning
    # had been lost (colours were read only as agencies')
    path = tmp_path / "combined.xlsx"
    _shaded_workbook(path, [("red", "FFFF0000"), ("yellow", "FFFFFF00")])
    chron = scr.read(path)
    events = chron.events.sort_values("source_row")
    assert events["extra"].fillna("").tolist() == [
        "Colour key: Significant incident",
        "Colour key: Missed appointment",
        "",
    ]
    assert events["agency"].astype(str).tolist() == ["police", "gp", "health_visiting"]
    (note,) = chron.warnings.loc[chron.warnings["code"] == "colour_key", "message"]
    assert "2 row(s)" in note and "sheet 'Key'" in note


def test_shaded_rows_with_no_key_keep_nothing(tmp_path: Path) -> None:
    path = tmp_path / "combined.xlsx"
    _shaded_workbook(path, [("red", "FFFF0000"), ("yellow", "FFFFFF00")], key_sheet="Notes")
    chron = scr.read(path)
    assert chron.events["extra"].isna().all()
    assert "colour_key" not in set(chron.warnings["code"])
