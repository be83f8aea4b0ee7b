"""Excel workbooks as agencies send them (s23 sweep): rows shaded by agency with a key."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.styles import PatternFill

import scr_timeline as scr

COLOURS = {"GP": "FF92D050", "Police": "FF00B0F0", "Children's Social Care": "FFFFC000"}
ROWS = [
    (dt.datetime(2007, 3, 12), "Dr B", "Child A seen with bruise to cheek.", "GP"),
    (dt.datetime(2007, 3, 12), "Duty worker", "Referral received re bruise.", "Children's Social Care"),
    (dt.datetime(2007, 3, 13), "DS1", "Strategy discussion held.", "Police"),
    (dt.datetime(2007, 3, 20), "Dr B", "Mother attended, no concerns.", None),
]  # fmt: skip


def _fill(colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=colour)


def _workbook(path: Path, *, key: str, agency_column: bool = False) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Combined chronology"
    ws["A1"] = "Combined chronology - Child A"
    ws.append([])
    ws.append(["Date", "Practitioner", "Details", *(["Agency"] if agency_column else [])])
    for date, who, details, agency in ROWS:
        ws.append([date, who, details, *(["Health Visiting"] if agency_column else [])])
        if agency is not None:
            for cell in ws[ws.max_row][:3]:
                cell.fill = _fill(COLOURS[agency])
    if key == "sheet":
        sheet = wb.create_sheet("Key")
        sheet.append(["Key"])
        for name, colour in COLOURS.items():
            sheet.append([name])
            sheet.cell(sheet.max_row, 1).fill = _fill(colour)
    elif key == "beside":  # a swatch, and the agency's name right of it
        ws["G3"] = "Key"
        for i, (name, colour) in enumerate(COLOURS.items()):
            ws.cell(4 + i, 7).fill = _fill(colour)
            ws.cell(4 + i, 8, name)
    elif key == "significance":
        sheet = wb.create_sheet("Key")
        for text, colour in zip(
            ["Significant event", "Information shared with police", "Missed opportunity"],
            COLOURS.values(),
            strict=True,
        ):
            sheet.append([text])
            sheet.cell(sheet.max_row, 1).fill = _fill(colour)
    wb.save(path)
    return path


def test_rows_shaded_by_agency_take_the_agency_the_key_on_another_sheet_gives(tmp_path):
    # a combined chronology with no agency column, each agency's rows shaded in its colour
    # and a 'Key' sheet: the rows had all been 'other' (no_agency), the GP's bruise
    # recorded by no one
    chron = scr.read(_workbook(tmp_path / "combined.xlsx", key="sheet"))
    events = chron.events.sort_values("source_row")
    assert events["agency"].astype(str).tolist() == ["gp", "csc", "police", "other"]
    assert events["organisation"].tolist()[:3] == ["GP", "Children's Social Care", "Police"]
    warned = chron.warnings[chron.warnings["code"] == "agency_from_colour"]
    assert len(warned) == 1
    message = warned["message"].iloc[0]
    assert "3 row(s)" in message and "'Key'" in message


def test_a_key_of_swatches_beside_the_table(tmp_path):
    chron = scr.read(_workbook(tmp_path / "combined.xlsx", key="beside"))
    events = chron.events.sort_values("source_row")
    assert events["agency"].astype(str).tolist() == ["gp", "csc", "police", "other"]


def test_a_key_that_names_no_agencies_gives_none(tmp_path):
    # rows shaded for significance: 'Information shared with police' is no agency's colour
    chron = scr.read(_workbook(tmp_path / "combined.xlsx", key="significance"))
    assert not (chron.warnings["code"] == "agency_from_colour").any()
    assert chron.events.sort_values("source_row")["agency"].astype(str).iloc[0] == "other"


def test_an_agency_column_wins_over_colours(tmp_path):
    chron = scr.read(_workbook(tmp_path / "combined.xlsx", key="sheet", agency_column=True))
    assert set(chron.events["agency"].astype(str)) == {"health_visiting"}
    assert not (chron.warnings["code"] == "agency_from_colour").any()


def test_comments_on_cells_are_named_in_a_warning(tmp_path):
    # an Excel comment (note) on a cell, often a reviewer's query: it had been dropped
    # without a word
    from openpyxl.comments import Comment

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "GP"
    ws.append(["Date", "Practitioner", "Details"])
    ws.append([dt.datetime(2007, 3, 12), "Dr B", "Child A seen with bruise to cheek."])
    ws.append([dt.datetime(2007, 3, 20), "Dr B", "Review."])
    ws["A3"].comment = Comment("Date approximate - from letter", "HV1")
    ws["C2"].comment = Comment("Reviewer: was CSC told?", "Reviewer")
    path = tmp_path / "gp.xlsx"
    wb.save(path)
    chron = scr.read(path)
    note = chron.warnings[chron.warnings["code"] == "comments_not_read"]
    assert len(note) == 1
    message = note["message"].iloc[0]
    assert "2 comment(s)" in message
    assert "C2 'Reviewer: was CSC told?'" in message
    assert "A3 'Date approximate - from letter'" in message
    assert note["source_row"].iloc[0] == 2
    assert len(chron.events) == 2
    assert "Reviewer" not in " ".join(chron.events["details"])


def test_a_workbook_without_comments_has_no_such_warning(tmp_path):
    chron = scr.read(_workbook(tmp_path / "combined.xlsx", key="sheet"))
    assert not (chron.warnings["code"] == "comments_not_read").any()


def test_a_time_typed_as_a_number_on_the_twelve_hour_clock_is_flagged(tmp_path):
    # '2.30' typed in a workbook's time column is kept as the number 2.3 (time_as_number):
    # read as 02:30, it gets the same twelve_hour_time warning as the text '2.30'
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "CSC"
    ws.append(["Date", "Time", "Worker", "Details"])
    ws.append([dt.datetime(2007, 3, 12), 2.3, "SW1", "Home visit, Child A seen."])
    ws.append([dt.datetime(2007, 3, 13), 10, "SW1", "Phoned school."])
    path = tmp_path / "csc.xlsx"
    wb.save(path)
    chron = scr.read(path)
    assert chron.events.sort_values("source_row")["start"].iloc[0] == (
        dt.datetime(2007, 3, 12, 2, 30)
    )
    flagged = chron.warnings[chron.warnings["code"] == "twelve_hour_time"]
    assert flagged["source_row"].tolist() == [2]
    assert "14:30" in flagged["message"].iloc[0]
