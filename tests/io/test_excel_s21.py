"""Workbooks as review panels and agencies send them (s21 sweep), read row by row: each
row's date, time, agency, details, outcome and place in the workbook, and every input row
an event or a rejected row with a reason (all data fictional)."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils.datetime import CALENDAR_MAC_1904
from openpyxl.worksheet.datavalidation import DataValidation

import scr_timeline as scr
from scr_timeline import schema as S


def _rows(chron: scr.Chronology) -> list[tuple[Any, ...]]:
    """(sheet, row, start, end, precision, agency, details, outcome) of every event, in
    workbook order."""
    ev = chron.events.sort_values([S.SOURCE_SHEET, S.SOURCE_ROW])
    return [
        (
            r[S.SOURCE_SHEET],
            int(r[S.SOURCE_ROW]),
            r[S.START],
            r[S.END],
            str(r[S.PRECISION]),
            r[S.AGENCY],
            r[S.DETAILS],
            None if pd.isna(r[S.OUTCOME]) else r[S.OUTCOME],
        )
        for _, r in ev.iterrows()
    ]


def _rejected(chron: scr.Chronology) -> list[tuple[str, int, str]]:
    rej = chron.rejected.sort_values([S.SOURCE_SHEET, S.SOURCE_ROW])
    return [(r[S.SOURCE_SHEET], int(r[S.SOURCE_ROW]), r["reason_code"]) for _, r in rej.iterrows()]


def _codes(chron: scr.Chronology) -> list[tuple[str, Any]]:
    return [
        (w[S.CODE], w[S.SOURCE_SHEET] if isinstance(w[S.SOURCE_SHEET], str) else None)
        for _, w in chron.warnings.iterrows()
    ]


def _day(y: int, m: int, d: int, hh: int | None = None, mm: int = 0) -> tuple[Any, ...]:
    """(start, end, precision) of a day, or of a minute when ``hh`` is given."""
    if hh is None:
        return pd.Timestamp(y, m, d), pd.Timestamp(y, m, d, 23, 59, 59), "day"
    return pd.Timestamp(y, m, d, hh, mm), pd.Timestamp(y, m, d, hh, mm, 59), "minute"


def _cache_formulas(path: Path, sheet_xml: str, values: dict[str, tuple[str, str]]) -> None:
    """Save the value Excel would have worked out for each formula cell (openpyxl writes
    formulas with no value): ``{"F3": ("7", "n"), "D5": ("text", "str")}``."""
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            if info.filename == sheet_xml:
                for ref, (value, kind) in values.items():
                    cell = re.compile(
                        rb'(<c r="' + ref.encode() + rb'"[^>]*?)>(<f>.*?</f>)<v\s*/?>(?:</v>)?'
                    )
                    typed = b' t="str"' if kind == "str" else b""
                    data, n = cell.subn(
                        lambda m, t=typed, v=value: (
                            m.group(1) + t + b">" + m.group(2) + b"<v>" + v.encode() + b"</v>"
                        ),
                        data,
                        count=1,
                    )
                    assert n == 1, ref
            archive.writestr(info, data)


# --- 1. a partnership's combined-chronology template ---------------------------------------


def test_a_partnership_template_front_sheet_guidance_and_a_sheet_per_agency(tmp_path):
    wb = openpyxl.Workbook()
    front = wb.active
    front.title = "Front sheet"
    front["A1"] = "Northshire Safeguarding Children Partnership"
    front["A3"], front["B3"] = "Child's name:", "Child A"
    front["A4"], front["B4"] = "Child's DOB:", dt.datetime(2016, 3, 1)
    front["A5"], front["B5"] = "Review:", "CSPR Child A"
    guide = wb.create_sheet("Instructions")
    guide.append(["How to complete this chronology"])
    guide.append(["Date", "Agency", "Details", "Outcome"])
    guide.append([dt.datetime(2015, 1, 1), "e.g. GP", "e.g. Child seen for immunisations", "None"])
    heads = ["Date", "Time", "Agency", "Practitioner", "Details", "Outcome", "Analysis"]
    sheets = {
        "Health": [
            [
                dt.datetime(2016, 3, 10),
                "10:00",
                "Health Visiting",
                "HV1",
                "New birth visit. Child A seen.",
                "Universal",
            ],
            [
                dt.datetime(2016, 5, 2),
                None,
                "Health Visiting",
                "HV1",
                "6-8 week check",
                "No concerns",
            ],
        ],
        "Police": [
            [
                dt.datetime(2016, 6, 1),
                dt.time(23, 15),
                "Police",
                "PC1",
                "Domestic incident at home address",
                "DASH: medium; PPN to CSC",
            ],
        ],
        "Education": [],  # left as the empty template
        "CSC": [],
    }
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        ws.append([f"Agency chronology - {name}"])
        ws.append([])
        ws.append(heads)
        for row in rows:
            ws.append(row)
        choices = DataValidation(
            type="list", formula1='"Health Visiting,Police,GP,CSC,Education"', allow_blank=True
        )
        ws.add_data_validation(choices)
        choices.add("C4:C200")  # the drop-down reaches rows never filled in
    path = tmp_path / "child-a-combined.xlsx"
    wb.save(path)

    chron = scr.read(path)
    assert _rows(chron) == [
        (
            "Health",
            4,
            *_day(2016, 3, 10, 10),
            "health_visiting",
            "New birth visit. Child A seen.",
            "Universal",
        ),
        ("Health", 5, *_day(2016, 5, 2), "health_visiting", "6-8 week check", "No concerns"),
        (
            "Police",
            4,
            *_day(2016, 6, 1, 23, 15),
            "police",
            "Domestic incident at home address",
            "DASH: medium; PPN to CSC",
        ),
    ]
    assert chron.rejected.empty
    assert chron.meta.child_dob == pd.Timestamp("2016-03-01")
    skipped = {s for c, s in _codes(chron) if c == "sheet_skipped"}
    assert skipped == {"Front sheet", "Instructions", "Education", "CSC"}
    assert ("child_dob_inferred", "Front sheet") in _codes(chron)


# --- 2. one date column written every way ----------------------------------------------------


def test_dates_as_excel_dates_text_and_numbers_in_one_column_with_a_time_column(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "GP"
    ws.append(["Date", "Time", "Details", "Outcome"])
    ws.append([dt.datetime(2007, 3, 5), dt.time(9, 30), "Child A seen: cough", "Advice"])
    ws.append(["12.03.07", "14:30", "Mother phoned", "Appointment"])
    ws.append(["12th March 2007", "am", "Letter from A&E", "Filed"])
    ws.append([39160, 0.625, "Child A seen: bruise to shin", "Safeguarding lead informed"])
    ws.append([dt.datetime(2007, 6, 2, 15, 45), None, "Telephone consultation", "None"])
    ws.append(
        [dt.datetime(2007, 6, 3), dt.datetime(1899, 12, 30, 16, 0), "Repeat prescription", None]
    )
    ws.append([dt.datetime(2007, 6, 4), "pm", "Mother seen: low mood", "Referred to IAPT"])
    ws.append(["31/06/2007", None, "Child A DNA", "Letter"])
    ws["B3"].number_format = "@"
    path = tmp_path / "gp.xlsx"
    wb.save(path)

    chron = scr.read(path)
    am = (pd.Timestamp(2007, 3, 12), pd.Timestamp(2007, 3, 12, 11, 59, 59), "day")
    pm = (pd.Timestamp(2007, 6, 4, 12), pd.Timestamp(2007, 6, 4, 23, 59, 59), "day")
    assert _rows(chron) == [
        ("GP", 2, *_day(2007, 3, 5, 9, 30), "gp", "Child A seen: cough", "Advice"),
        ("GP", 3, *_day(2007, 3, 12, 14, 30), "gp", "Mother phoned", "Appointment"),
        ("GP", 4, *am, "gp", "Letter from A&E", "Filed"),
        (
            "GP",
            5,
            *_day(2007, 3, 19, 15),
            "gp",
            "Child A seen: bruise to shin",
            "Safeguarding lead informed",
        ),
        ("GP", 6, *_day(2007, 6, 2, 15, 45), "gp", "Telephone consultation", "None"),
        ("GP", 7, *_day(2007, 6, 3, 16), "gp", "Repeat prescription", None),
        ("GP", 8, *pm, "gp", "Mother seen: low mood", "Referred to IAPT"),
    ]
    assert _rejected(chron) == [("GP", 9, "impossible_date")]
    assert "June has 30 days" in chron.rejected["reason"].iloc[0]


# --- 3. a date column formatted to show the month only ----------------------------------------


def test_a_day_typed_in_a_column_formatted_mmm_yy_is_that_day(tmp_path):
    # The whole column is formatted 'mmm-yy' (or 'mmmm yyyy', 'yyyy'): a month typed
    # ('March 2012') is stored as the 1st and is that month, but 15/03/2012 typed in full
    # is 15 March; it was read as March 2012, and 01/07/2012 under 'yyyy' as the year 2012
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "CSC"
    ws.append(["Date", "Worker", "Details", "Outcome"])
    rows = [
        (dt.datetime(2012, 3, 15), "mmm-yy", "Strategy discussion", "S47"),
        (dt.datetime(2012, 4, 1), "mmm-yy", "ICPC", "CP plan"),
        (dt.datetime(2012, 6, 20), "mmmm yyyy", "RCPC", "CP plan continues"),
        (dt.datetime(2012, 7, 1), "yyyy", "Core group", None),
        (dt.datetime(2013, 1, 1), "yyyy", "Allocated to SW2", None),
        (dt.datetime(2013, 2, 5, 14, 0), "mmm-yy", "Home visit", "Child A seen"),
    ]
    for row, (value, fmt, details, outcome) in enumerate(rows, start=2):
        ws.append([value, "SW1", details, outcome])
        ws.cell(row, 1).number_format = fmt
    path = tmp_path / "csc.xlsx"
    wb.save(path)

    chron = scr.read(path)

    def month(y: int, m: int, last: int) -> tuple[Any, ...]:
        return pd.Timestamp(y, m, 1), pd.Timestamp(y, m, last, 23, 59, 59), "month"

    assert _rows(chron) == [
        ("CSC", 2, *_day(2012, 3, 15), "csc", "Strategy discussion", "S47"),
        ("CSC", 3, *month(2012, 4, 30), "csc", "ICPC", "CP plan"),
        ("CSC", 4, *_day(2012, 6, 20), "csc", "RCPC", "CP plan continues"),
        ("CSC", 5, *month(2012, 7, 31), "csc", "Core group", None),
        (
            "CSC",
            6,
            pd.Timestamp(2013, 1, 1),
            pd.Timestamp(2013, 12, 31, 23, 59, 59),
            "year",
            "csc",
            "Allocated to SW2",
            None,
        ),
        ("CSC", 7, *_day(2013, 2, 5, 14), "csc", "Home visit", "Child A seen"),
    ]
    texts = chron.events.set_index(S.SOURCE_ROW)[S.DATE_TEXT]
    assert texts[2] == "15/03/2012" and texts[3] == "April 2012" and texts[5] == "July 2012"
    note = chron.warnings[chron.warnings[S.CODE] == "day_hidden_by_format"]
    assert note[S.SOURCE_ROW].tolist() == [2]
    assert (
        "row 2 (shown as 'March 2012'), row 4 (shown as 'June 2012'), row 7"
        in note[S.MESSAGE].iloc[0]
    )


# --- 4. times typed as 14.30 in a General cell -----------------------------------------------


def test_times_typed_with_a_full_stop_that_excel_kept_as_numbers(tmp_path):
    # '14.30' typed in a General cell is the number 14.3: it was read as a day fraction
    # (07:12), and '9.00' (the number 9) as no time at all
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "School"
    ws.append(["Date", "Time", "Staff", "Event", "Action"])
    ws.append(
        [
            dt.datetime(2010, 9, 6),
            14.3,
            "DSL",
            "Child A disclosed that Father hit him",
            "Referral to MASH",
        ]
    )
    ws.append([dt.datetime(2010, 9, 7), 9, "Teacher1", "Bruise seen on Child A's cheek", "Logged"])
    ws.append([dt.datetime(2010, 9, 8), "14.30", "DSL", "Phoned SW1", "Awaiting callback"])
    ws.append([dt.datetime(2010, 9, 9), 1530, "Teacher1", "Child A quiet in class", "Monitor"])
    ws.append([dt.datetime(2010, 9, 10), 0.40625, "DSL", "Strategy discussion", "S47"])
    ws.append([dt.datetime(2010, 9, 13), 12.05, "DSL", "Mother came in", "Advice"])
    # '15.20' typed in a cell formatted hh:mm: the number 15.2, shown as 04:48
    ws.append([dt.datetime(2010, 9, 14), 15.2, "DSL", "SW1 visited school", "Child A seen"])
    ws["B8"].number_format = "hh:mm"
    path = tmp_path / "school.xlsx"
    wb.save(path)

    chron = scr.read(path)
    assert _rows(chron) == [
        (
            "School",
            2,
            *_day(2010, 9, 6, 14, 30),
            "education",
            "Child A disclosed that Father hit him",
            "Referral to MASH",
        ),
        (
            "School",
            3,
            *_day(2010, 9, 7, 9),
            "education",
            "Bruise seen on Child A's cheek",
            "Logged",
        ),
        ("School", 4, *_day(2010, 9, 8, 14, 30), "education", "Phoned SW1", "Awaiting callback"),
        ("School", 5, *_day(2010, 9, 9, 15, 30), "education", "Child A quiet in class", "Monitor"),
        ("School", 6, *_day(2010, 9, 10, 9, 45), "education", "Strategy discussion", "S47"),
        ("School", 7, *_day(2010, 9, 13, 12, 5), "education", "Mother came in", "Advice"),
        (
            "School",
            8,
            *_day(2010, 9, 14, 15, 20),
            "education",
            "SW1 visited school",
            "Child A seen",
        ),
    ]
    assert chron.rejected.empty
    texts = chron.events.set_index(S.SOURCE_ROW)[S.DATE_TEXT]
    assert texts[2] == "06/09/2010 14.30" and texts[3] == "07/09/2010 09.00"
    note = chron.warnings[chron.warnings[S.CODE] == "time_as_number"]
    assert note[S.SOURCE_ROW].tolist() == [2]
    assert (
        "row 2 (14.3 as 14.30), row 3 (9 as 09.00), row 7 (12.05 as 12.05), "
        "row 8 (15.2 as 15.20)" in note[S.MESSAGE].iloc[0]
    )
    assert "unreadable_time" not in set(chron.warnings[S.CODE])


def test_a_time_column_with_numbers_that_are_not_times_is_left_as_it_was(tmp_path):
    # 1.75 is no time typed with a full stop (75 minutes): the column is not rewritten
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "School"
    ws.append(["Date", "Time", "Event"])
    ws.append([dt.datetime(2010, 9, 6), 14.3, "Child A upset"])
    ws.append([dt.datetime(2010, 9, 7), 1.75, "Child A late"])
    path = tmp_path / "school.xlsx"
    wb.save(path)
    chron = scr.read(path)
    assert "time_as_number" not in set(chron.warnings[S.CODE])
    assert chron.events.set_index(S.SOURCE_ROW)[S.DATE_TEXT][2] == "06/09/2010 14.3"


# --- 5. a police IMR under a title block ------------------------------------------------------


def test_a_police_imr_under_merged_titles_from_column_c_with_a_two_row_header(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Police chronology"
    ws["C1"] = "Metropolitan Police Service"
    ws["C2"] = "Individual Management Review - Chronology"
    ws["C3"] = "Subject: Child A (DOB 01/03/2006)"
    for row in (1, 2, 3):
        ws.merge_cells(f"C{row}:H{row}")
    ws["C5"], ws["C6"], ws["D6"] = "Contact", "Date", "Time"  # 'Contact' over Date | Time
    ws.merge_cells("C5:D5")
    for col, heading in zip(
        "EFGH", ["Agency", "Officer", "Details of contact", "Action taken"], strict=True
    ):
        ws[f"{col}5"] = heading
        ws.merge_cells(f"{col}5:{col}6")
    data = [
        [
            dt.datetime(2007, 3, 1),
            dt.time(22, 10),
            "Police",
            "PC1",
            "Domestic incident.\nMother reported assault by partner.\nChild A present.",
            "DASH completed\nPPN to CSC",
        ],
        [dt.datetime(2007, 3, 2), dt.time(9, 0), None, "DC2", "CAIT review of PPN", "NFA"],
        [None, dt.time(11, 0), None, "DC2", "Strategy discussion with SW1", "S47 agreed"],
        [
            dt.datetime(2007, 3, 9),
            None,
            "Police",
            "PC3",
            "Welfare check 🙂 – Mother said “all fine”",
            "Nothing further",
        ],
    ]
    for i, row in enumerate(data):
        for j, value in enumerate(row):
            ws.cell(7 + i, 3 + j, value).alignment = Alignment(wrap_text=True)
    ws.merge_cells("E7:E9")  # the agency merged down its block
    ws.merge_cells("C8:C9")  # one day's date over two entries
    ws["G7"].comment = Comment("Taken from CRIS 1234/07", "IMR author")
    ws.freeze_panes = "C7"
    ws.auto_filter.ref = "C6:H10"
    ws.row_dimensions.group(8, 9, hidden=False, outline_level=1)
    ws.column_dimensions["B"].hidden = True  # an empty hidden column left of the table
    path = tmp_path / "police-imr.xlsx"
    wb.save(path)

    chron = scr.read(path)
    sheet = "Police chronology"
    assert _rows(chron) == [
        (
            sheet,
            7,
            *_day(2007, 3, 1, 22, 10),
            "police",
            "Domestic incident.\nMother reported assault by partner.\nChild A present.",
            "DASH completed\nPPN to CSC",
        ),
        (sheet, 8, *_day(2007, 3, 2, 9), "police", "CAIT review of PPN", "NFA"),
        (sheet, 9, *_day(2007, 3, 2, 11), "police", "Strategy discussion with SW1", "S47 agreed"),
        (
            sheet,
            10,
            *_day(2007, 3, 9),
            "police",
            "Welfare check 🙂 – Mother said “all fine”",
            "Nothing further",
        ),
    ]
    assert chron.events[S.PRACTITIONER].tolist() == ["PC1", "DC2", "DC2", "PC3"]
    assert chron.rejected.empty
    assert chron.meta.child_dob == pd.Timestamp("2006-03-01")
    assert "hidden_columns" not in set(chron.warnings[S.CODE])  # column B holds nothing


# --- 6. a combined macro workbook, protected, with an old copy hidden -------------------------


def test_a_combined_xlsm_protected_with_rich_text_a_collapsed_group_and_an_old_copy(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Combined chronology"
    ws.append(["Date", "Agency", "Source", "Event", "Outcome", "Comment"])
    ws.append([dt.datetime(2011, 1, 4), "GP", "EMIS", "Child A seen: cough", "Antibiotics", None])
    ws.append(
        [
            dt.datetime(2011, 1, 20),
            "HV",
            "Child health record",
            None,
            "Letter sent",
            "HV should have re-visited",
        ]
    )
    ws.append([dt.datetime(2011, 2, 2), "Police", "CRIS", "DV incident", "PPN", None])
    ws.append(
        [
            dt.datetime(2011, 2, 3),
            "CSC",
            "LCS",
            "Contact received from police",
            "NFA",
            "Threshold decision not explained",
        ]
    )
    ws.append(
        [dt.datetime(2011, 2, 10), "GP", "EMIS", "Mother: low mood", "Referred to IAPT", None]
    )
    ws["D3"] = CellRichText(
        [
            TextBlock(InlineFont(b=True), "Home visit"),
            " – Child A ",
            TextBlock(InlineFont(i=True), "not seen"),
        ]
    )
    ws["D6"].hyperlink = "https://example.invalid/record/6"
    ws.row_dimensions.group(4, 5, hidden=True, outline_level=1)  # collapsed
    ws.column_dimensions.group("F", "F", hidden=True)
    ws.protection.sheet = True
    old = wb.create_sheet("Old version")
    old.sheet_state = "veryHidden"
    old.append(["Date", "Agency", "Event"])
    old.append([dt.datetime(2011, 1, 4), "GP", "Child A seen (draft)"])
    wb.create_sheet("Key").append(["HV", "Health visitor"])
    path = tmp_path / "child-a.xlsm"
    wb.save(path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\x00" * 16)

    chron = scr.read(path)
    sheet = "Combined chronology"
    assert _rows(chron) == [
        (sheet, 2, *_day(2011, 1, 4), "gp", "Child A seen: cough", "Antibiotics"),
        (
            sheet,
            3,
            *_day(2011, 1, 20),
            "health_visiting",
            "Home visit – Child A not seen",
            "Letter sent",
        ),
        (sheet, 4, *_day(2011, 2, 2), "police", "DV incident", "PPN"),
        (sheet, 5, *_day(2011, 2, 3), "csc", "Contact received from police", "NFA"),
        (sheet, 6, *_day(2011, 2, 10), "gp", "Mother: low mood", "Referred to IAPT"),
        ("Old version", 2, *_day(2011, 1, 4), "gp", "Child A seen (draft)", None),
    ]
    assert chron.rejected.empty
    codes = _codes(chron)
    for code, where in [
        ("hidden_rows", sheet),
        ("hidden_columns", sheet),
        ("hidden_sheet", "Old version"),
        ("sheet_skipped", "Key"),
        ("macros_not_run", None),
    ]:
        assert (code, where) in codes
    comments = chron.events.set_index(S.SOURCE_ROW)[S.COMMENT]
    assert comments[5] == "Threshold decision not explained"


# --- 7. formulas, a cell at Excel's limit, numbers stored as text, a pivot --------------------


def test_cached_formula_values_a_full_cell_numbers_as_text_and_summary_sheets(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "CSC"
    ws.append(["Seq", "Date", "Worker", "Event", "Outcome", "Days since referral"])
    ws.append(
        [
            "1",
            dt.datetime(2008, 1, 7),
            "SW1",
            "Referral received from school: bruise to Child A's arm",
            "Strategy discussion",
            None,
        ]
    )
    ws.append(["2", "14/01/2008", "SW1", "Case note. " + "x" * (32767 - 11), "ICPC", "=B3-B2"])
    ws.append([3, dt.datetime(2008, 1, 21), "TM1", "Supervision", "Plan agreed", "=B4-B2"])
    ws.append(["4", "21/01/2008", "SW1", '="Home visit: "&"Child A seen"', "None", "=B5-B2"])
    ws["A2"].number_format = "@"
    ws.protection.sheet = True
    ws.protection.password = "x"
    keys = wb.create_sheet("Abbreviations")
    keys.append(["Abbreviation", "Meaning"])
    keys.append(["ICPC", "Initial child protection conference"])
    pivot = wb.create_sheet("Summary")
    pivot.append(["Row Labels", "Count of Event"])
    pivot.append(["CSC", 4])
    pivot.append(["Grand Total", 4])
    by_month = wb.create_sheet("Pivot by month")
    by_month.append(["Month", "CSC", "Police", "Grand Total"])
    by_month.append([dt.datetime(2008, 1, 1), 4, 1, 5])
    by_month.append(["Grand Total", 4, 1, 5])
    by_month["A2"].number_format = "mmm-yy"
    path = tmp_path / "csc.xlsx"
    wb.save(path)
    _cache_formulas(
        path,
        "xl/worksheets/sheet1.xml",
        {
            "F3": ("7", "n"),
            "F4": ("14", "n"),
            "D5": ("Home visit: Child A seen", "str"),
            "F5": ("14", "n"),
        },
    )

    chron = scr.read(path)
    long_text = "Case note. " + "x" * (32767 - 11)
    assert _rows(chron) == [
        (
            "CSC",
            2,
            *_day(2008, 1, 7),
            "csc",
            "Referral received from school: bruise to Child A's arm",
            "Strategy discussion",
        ),
        ("CSC", 3, *_day(2008, 1, 14), "csc", long_text, "ICPC"),
        ("CSC", 4, *_day(2008, 1, 21), "csc", "Supervision", "Plan agreed"),
        ("CSC", 5, *_day(2008, 1, 21), "csc", "Home visit: Child A seen", "None"),
    ]
    assert chron.events[S.SEQUENCE].astype(str).tolist() == ["1", "2", "3", "4"]
    assert chron.events.set_index(S.SOURCE_ROW)[S.EXTRA][3] == "Days since referral: 7"
    assert chron.rejected.empty
    assert "formula_not_saved" not in set(chron.warnings[S.CODE])
    skipped = {s for c, s in _codes(chron) if c == "sheet_skipped"}
    assert skipped == {"Abbreviations", "Summary", "Pivot by month"}


# --- 8. a GP return: a form above a two-row header with the template's guidance row ----------


def test_a_gp_return_with_a_form_a_two_row_header_and_dates_as_panels_write_them(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chronology"
    for row, (label, value) in enumerate(
        [
            ("Agency:", "Riverside Surgery"),
            ("Child's name:", "Child A"),
            ("Date of birth:", "01/03/2016"),
            ("Completed by:", "Practice manager"),
            ("Date completed:", dt.datetime(2019, 5, 1)),
        ],
        start=1,
    ):
        ws.cell(row, 1, label)
        ws.cell(row, 2, value)
    ws.append([])
    ws.append(["Contact", None, "Practitioner", None, "Details", "Outcome / action"])
    ws.append(["Date", "Time", "Name", "Role", None, None])
    for rng in ("A7:B7", "C7:D7", "E7:E8", "F7:F8"):
        ws.merge_cells(rng)
    ws.append(["dd/mm/yyyy", "hh:mm", "e.g. GP1", "e.g. GP", "What happened", "What was done"])
    ws.append(["Mon 12/09/16", "0930", "GP1", "GP", "6 week check. Child A seen", "Immunisations"])
    ws.append(["12/10/2016 - 14/10/2016", None, "GP2", "GP", "Home visits", "None"])
    ws.append(["w/c 07/11/2016", None, "GP2", "GP", "Letter from A&E re head injury", "Filed"])
    ws.append(["?22 Nov 2016", None, "GP1", "GP", "Mother phoned", "Advice"])
    path = tmp_path / "gp-return.xlsx"
    wb.save(path)

    chron = scr.read(path)
    assert _rows(chron) == [
        (
            "Chronology",
            10,
            *_day(2016, 9, 12, 9, 30),
            "gp",
            "6 week check. Child A seen",
            "Immunisations",
        ),
        (
            "Chronology",
            11,
            pd.Timestamp(2016, 10, 12),
            pd.Timestamp(2016, 10, 14, 23, 59, 59),
            "day",
            "gp",
            "Home visits",
            "None",
        ),
        (
            "Chronology",
            12,
            pd.Timestamp(2016, 11, 7),
            pd.Timestamp(2016, 11, 13, 23, 59, 59),
            "week",
            "gp",
            "Letter from A&E re head injury",
            "Filed",
        ),
        ("Chronology", 13, *_day(2016, 11, 22), "gp", "Mother phoned", "Advice"),
    ]
    assert set(chron.events[S.ORGANISATION]) == {"Riverside Surgery"}
    assert chron.meta.child_dob == pd.Timestamp("2016-03-01")
    assert chron.rejected.empty
    assert ("template_rows", "Chronology") in _codes(chron)


# --- 9. a workbook saved on a Mac (1904 dates), bordered far below its rows ------------------


def test_a_1904_workbook_bordered_to_row_1500_with_rows_a_person_must_fix(tmp_path):
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Health visiting"
    ws.append(["Date (dd/mm/yyyy)", "Time (24hr)", "Practitioner", "Summary of contact", "Outcome"])
    ws.append([dt.datetime(2009, 2, 3), dt.time(10, 0), "HV1", "Primary birth visit", "Universal"])
    ws.append([dt.datetime(2009, 2, 10), dt.time(14, 0), "HV1", "Weighed at clinic", "None"])
    ws.append(["12.3.9", None, "HV2", "Home visit, no reply", "Card left"])
    ws.append(['"', None, "HV2", "Phoned Mother", "No answer"])
    thin = Side(style="thin")
    for row in range(2, 1500):
        for col in range(1, 6):
            ws.cell(row, col).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    path = tmp_path / "hv.xlsx"
    wb.save(path)

    chron = scr.read(path)
    sheet = "Health visiting"
    assert _rows(chron) == [
        (sheet, 2, *_day(2009, 2, 3, 10), "health_visiting", "Primary birth visit", "Universal"),
        (sheet, 3, *_day(2009, 2, 10, 14), "health_visiting", "Weighed at clinic", "None"),
    ]
    assert _rejected(chron) == [(sheet, 4, "implausible_date"), (sheet, 5, "relative_date")]
    reasons = chron.rejected["reason"].tolist()
    assert "is it 12/03/2009?" in reasons[0]
    assert "give the real date" in reasons[1]


# --- 10. a heading merged over a date and a time column ---------------------------------------


def test_a_date_and_time_heading_merged_over_two_columns(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Police"
    ws.append(["Date and time", None, "Officer", "Details", "Outcome"])
    ws.merge_cells("A1:B1")
    ws.append(
        [dt.datetime(2012, 4, 1), dt.time(2, 15), "PC1", "Missing from home report", "Found 05:00"]
    )
    ws.append([dt.datetime(2012, 4, 3), "14:30", "PC2", "Return home interview", "None"])
    path = tmp_path / "police.xlsx"
    wb.save(path)

    chron = scr.read(path)
    assert _rows(chron) == [
        (
            "Police",
            2,
            *_day(2012, 4, 1, 2, 15),
            "police",
            "Missing from home report",
            "Found 05:00",
        ),
        ("Police", 3, *_day(2012, 4, 3, 14, 30), "police", "Return home interview", "None"),
    ]
    assert chron.events[S.EXTRA].isna().all()


# --- 11. an Excel table (Insert > Table) with its Total Row ticked ----------------------------


def test_the_totals_row_of_an_excel_table_is_no_rejected_row(tmp_path):
    # 'Total' | '' | 4 (=SUBTOTAL(103,...)) was rejected: "cannot read 'Total' as a date;
    # write it as a date such as 12/03/2007", advice no one can follow
    from openpyxl.worksheet.table import Table

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Midwifery"
    ws.append(["Date", "Midwife", "Details", "Outcome"])
    ws.append(["12/03/2007\xa0", "MW1", "Booking appointment", "Referred to consultant"])
    ws.append(["13/03/2007\n14:30", "MW1", "Antenatal clinic", "BP normal"])  # Alt+Enter
    ws.append(["14/03/2007\n(approx)", "MW2", "Home visit", "No answer"])
    ws.append([dt.datetime(2007, 3, 20), "MW2", "Mother disclosed DV", "Referral to MARAC"])
    ws.append(["Total", None, "=SUBTOTAL(103,Table1[Details])", None])
    ws.add_table(Table(displayName="Table1", ref="A1:D6", totalsRowCount=1))
    path = tmp_path / "midwifery.xlsx"
    wb.save(path)
    _cache_formulas(path, "xl/worksheets/sheet1.xml", {"C6": ("4", "n")})

    chron = scr.read(path)
    sheet = "Midwifery"
    assert _rows(chron) == [
        (
            sheet,
            2,
            *_day(2007, 3, 12),
            "midwifery",
            "Booking appointment",
            "Referred to consultant",
        ),
        (sheet, 3, *_day(2007, 3, 13, 14, 30), "midwifery", "Antenatal clinic", "BP normal"),
        (sheet, 4, *_day(2007, 3, 14), "midwifery", "Home visit", "No answer"),
        (sheet, 5, *_day(2007, 3, 20), "midwifery", "Mother disclosed DV", "Referral to MARAC"),
    ]
    assert chron.rejected.empty
    footer = chron.warnings[chron.warnings[S.CODE] == "footer_row"]
    assert footer[S.SOURCE_ROW].tolist() == [6]
    assert "totals row of the Excel table 'Table1'" in footer[S.MESSAGE].iloc[0]
    assert "'Total' | '4'" in footer[S.MESSAGE].iloc[0]


def test_a_table_with_no_totals_row_keeps_its_last_row(tmp_path):
    from openpyxl.worksheet.table import Table

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Midwifery"
    ws.append(["Date", "Details"])
    ws.append([dt.datetime(2007, 3, 20), "Mother disclosed DV"])
    ws.add_table(Table(displayName="Table1", ref="A1:B2"))
    path = tmp_path / "midwifery.xlsx"
    wb.save(path)
    assert scr.read(path).events[S.SOURCE_ROW].tolist() == [2]


# --- 12. a space typed at the foot of the sheet -----------------------------------------------


def test_a_space_at_the_foot_of_the_sheet_does_not_make_it_a_million_rows(tmp_path):
    # a cell holding a space in row 1,048,576 made the grid read a million rows long
    # (5 s and 550 MB to read a two-row chronology, and a side_notes warning quoting '')
    from scr_timeline.io.excel import read_excel_sheets

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["C4"], ws["D4"], ws["E4"] = "Date", "Officer", "Details"
    ws["C5"], ws["D5"], ws["E5"] = dt.datetime(2012, 4, 1), "PC1", "Missing from home report"
    ws["H1048576"] = " "
    path = tmp_path / "police-chronology.xlsx"
    wb.save(path)

    for engine in ("calamine", "openpyxl"):
        [(_name, frame, _visible)] = read_excel_sheets(path, engine=engine)
        assert frame.shape[0] == 5  # row i is Excel row i + 1, to the last row written
        assert frame.iat[4, 4] == "Missing from home report"
        assert frame.iloc[:4, :2].isna().all().all()
    chron = scr.read(path)
    assert _rows(chron) == [
        ("Sheet1", 5, *_day(2012, 4, 1), "police", "Missing from home report", None)
    ]
    assert set(chron.warnings[S.CODE]) == {"no_child_dob"}


# --- 13. a sheet put through Data > Subtotal ---------------------------------------------------


def test_the_rows_excel_s_data_subtotal_adds_are_no_events(tmp_path):
    # '2007 Total' | | =SUBTOTAL(3,...) was an event spanning 2007 with details 'Total. 1',
    # and 'Grand Total' a rejected row ('cannot read 'Grand Total' as a date'); the running
    # number in 'No.' (=SUBTOTAL(3,$B$2:B2), counting the rows a filter shows) stays
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "GP"
    ws.append(["No.", "Date", "Practitioner", "Details", "Outcome"])
    ws.append(["=SUBTOTAL(3,$B$2:B2)", dt.datetime(2007, 3, 1), "GP1", "Child A seen", "Advice"])
    ws.append([None, "2007 Total", None, "=SUBTOTAL(3,D2:D2)", None])
    ws.append(
        ["=SUBTOTAL(3,$B$2:B4)", dt.datetime(2008, 3, 1), "GP1", "Child A bruised", "CP medical"]
    )
    ws.append([None, "2008 Count", None, "=SUBTOTAL(3,D4:D4)", None])
    ws.append([None, "Grand Total", None, "=SUBTOTAL(3,D2:D5)", None])
    ws.row_dimensions.group(2, 2, outline_level=2)
    ws.row_dimensions.group(4, 4, outline_level=2)
    path = tmp_path / "gp.xlsx"
    wb.save(path)
    cached = {"A2": "1", "D3": "1", "A4": "2", "D5": "1", "D6": "2"}
    _cache_formulas(path, "xl/worksheets/sheet1.xml", {k: (v, "n") for k, v in cached.items()})

    chron = scr.read(path)
    assert _rows(chron) == [
        ("GP", 2, *_day(2007, 3, 1), "gp", "Child A seen", "Advice"),
        ("GP", 4, *_day(2008, 3, 1), "gp", "Child A bruised", "CP medical"),
    ]
    assert chron.events[S.SEQUENCE].astype(str).tolist() == ["1", "2"]
    assert chron.rejected.empty
    note = chron.warnings[chron.warnings[S.CODE] == "subtotal_row"]
    assert note[S.SOURCE_ROW].tolist() == [3]
    assert (
        "row 3 ('2007 Total'), row 5 ('2008 Count'), row 6 ('Grand Total')"
        in (note[S.MESSAGE].iloc[0])
    )


def test_a_row_labelled_total_with_words_beside_it_is_an_entry(tmp_path):
    # a SUBTOTAL beside an entry's own words is no subtotal row
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "GP"
    ws.append(["Date", "Details", "Outcome", "Count"])
    ws.append([dt.datetime(2007, 3, 1), "Total", "Child A seen", "=SUBTOTAL(3,A2:A2)"])
    path = tmp_path / "gp.xlsx"
    wb.save(path)
    _cache_formulas(path, "xl/worksheets/sheet1.xml", {"D2": ("1", "n")})
    chron = scr.read(path)
    assert chron.events[S.SOURCE_ROW].tolist() == [2]
    assert "subtotal_row" not in set(chron.warnings[S.CODE])


# --- 14. a case-management export whose line breaks are written as _x000D_ --------------------


def test_line_breaks_written_as_x000d_read_the_same_through_either_engine(tmp_path):
    # openpyxl (the fallback engine) left 'Home visit._x000D_' as written
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Case notes"
    ws.append(["Date", "Worker", "Note", "Outcome"])
    ws.append([dt.datetime(2015, 6, 1), "SW1", "NOTE_TEXT", "Visit_x005F_x0009_done"])
    path = tmp_path / "case-notes.xlsx"
    wb.save(path)
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            note = b"Home visit._x000D_\nChild A seen alone._x000D_\nRoom clean."
            archive.writestr(info, data.replace(b"NOTE_TEXT", note))

    for engine in ("calamine", "openpyxl"):
        chron = scr.read_excel(path, engine=engine)
        assert _rows(chron) == [
            (
                "Case notes",
                2,
                *_day(2015, 6, 1),
                "csc",
                "Home visit.\nChild A seen alone.\nRoom clean.",
                "Visit_x0009_done",  # '_x005F_' is the underscore itself
            )
        ], engine


# --- 15. timestamps pasted into the date column, formatted to show the date -------------------


def test_a_time_the_date_cell_hides_gives_way_to_the_time_column(tmp_path):
    # the date cell holds 01/05/2014 14:30 shown as 01/05/2014, the Time column 09:00:
    # 14:30 (unseen) had been read and 09:00 ignored (time_ignored)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Police"
    ws.append(["Date", "Time", "Officer", "Details", "Outcome"])
    rows = [
        (dt.datetime(2014, 5, 1, 14, 30), dt.time(9, 0), "dd/mm/yyyy", "Missing from home"),
        (dt.datetime(2014, 5, 2, 16, 5), "22:40", "d mmmm yyyy", "Found at address"),
        (dt.datetime(2014, 5, 3, 14, 30), None, "dd/mm/yyyy", "Return interview"),
        (dt.datetime(2014, 5, 4, 11, 15), dt.time(11, 0), "dd/mm/yyyy hh:mm", "Strategy call"),
    ]
    for row, (value, time, fmt, details) in enumerate(rows, start=2):
        ws.append([value, time, "PC1", details, "None"])
        ws.cell(row, 1).number_format = fmt
    path = tmp_path / "police.xlsx"
    wb.save(path)

    chron = scr.read(path)
    assert _rows(chron) == [
        ("Police", 2, *_day(2014, 5, 1, 9, 0), "police", "Missing from home", "None"),
        ("Police", 3, *_day(2014, 5, 2, 22, 40), "police", "Found at address", "None"),
        # no time shown beside it: the date cell's own time is all there is
        ("Police", 4, *_day(2014, 5, 3, 14, 30), "police", "Return interview", "None"),
        # a time the cell shows is the date cell's, as before
        ("Police", 5, *_day(2014, 5, 4, 11, 15), "police", "Strategy call", "None"),
    ]
    assert chron.events.set_index(S.SOURCE_ROW)[S.DATE_TEXT][2] == "01/05/2014 09:00"
    note = chron.warnings[chron.warnings[S.CODE] == "time_hidden_by_format"]
    assert note[S.SOURCE_ROW].tolist() == [2]
    message = note[S.MESSAGE].iloc[0]
    assert "row 2 (14:30 hidden, 09:00 read), row 3 (16:05 hidden, 22:40 read)" in message
    ignored = chron.warnings[chron.warnings[S.CODE] == "time_ignored"]
    assert ignored[S.SOURCE_ROW].tolist() == [5]


# --- 16. cells typed with a leading apostrophe ------------------------------------------------


def test_cells_typed_with_a_leading_apostrophe_are_read_as_their_text(tmp_path):
    # Excel stores "'0930" as the text 0930 with the quote prefix set on the cell's style,
    # and "'=Mother said..." as text, not a formula
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "HV"
    ws.append(["Date", "Time", "NHS number", "Details", "Outcome"])
    ws.append(["12/03/2007", "0930", "0123456789", "=Mother said 'fine'", "+ weight gain"])
    ws.append(["13/03/2007", "0045", "0123456789", "-- no answer --", "@HV2 to revisit"])
    ws["D2"].data_type = "s"
    for row in (2, 3):
        for col in range(1, 6):
            ws.cell(row, col).quotePrefix = True
    path = tmp_path / "hv.xlsx"
    wb.save(path)

    chron = scr.read(path)
    assert _rows(chron) == [
        (
            "HV",
            2,
            *_day(2007, 3, 12, 9, 30),
            "health_visiting",
            "=Mother said 'fine'",
            "+ weight gain",
        ),
        (
            "HV",
            3,
            *_day(2007, 3, 13, 0, 45),
            "health_visiting",
            "-- no answer --",
            "@HV2 to revisit",
        ),
    ]
    assert chron.events[S.EXTRA].tolist() == ["NHS number: 0123456789"] * 2
    assert set(chron.warnings[S.CODE]) == {"no_child_dob"}
