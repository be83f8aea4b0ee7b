from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.exceptions import ChronologyReadError, EmptyChronologyError, MissingColumnError
from scr_timeline.io.excel import read_excel_sheets


def test_agency_from_sheet_name_title_rows_and_different_headings(write_xlsx):
    path = write_xlsx(
        "child-b.xlsx",
        {
            "Police": [
                ["North Borough Safeguarding Children Board"],
                ["Agency chronology: Police"],
                [],
                ["Date of contact", "Time", "Worker", "Summary of contact", "Action taken"],
                [dt.datetime(2012, 5, 1), dt.time(22, 10), "PC1", "DV call-out", "Notified CSC"],
            ],
            "GP": [
                ["Date", "Event", "Outcome"],
                ["02/05/2012", "Mother seen", "Advice"],
                ["03/05/2012", "Child B seen", None],
            ],
        },
    )
    chron = scr.read_excel(path)
    ev = chron.events
    assert ev[S.AGENCY].tolist() == ["police", "gp", "gp"]
    police = ev[ev[S.AGENCY] == "police"].iloc[0]
    assert police[S.SOURCE_SHEET] == "Police"
    assert police[S.SOURCE_ROW] == 5
    assert police[S.START] == pd.Timestamp("2012-05-01 22:10")
    assert police[S.PRACTITIONER] == "PC1"
    assert police[S.OUTCOME] == "Notified CSC"
    assert {s.sheet for s in chron.meta.sources} == {"Police", "GP"}


def test_two_row_header_with_merged_date_cell(write_xlsx):
    path = write_xlsx(
        "hv.xlsx",
        {
            "Health Visiting": [
                ["Date", None, "Details of contact", "Outcome"],
                ["From", "To", None, None],
                ["01/03/2013", "03/03/2013", "Home visits", "Weighed"],
            ]
        },
        merges={"Health Visiting": ["A1:B1", "C1:C2", "D1:D2"]},
    )
    chron = scr.read_excel(path)
    ev = chron.events
    assert ev[S.START].tolist() == [pd.Timestamp("2013-03-01")]
    assert ev[S.END].tolist() == [pd.Timestamp("2013-03-03 23:59:59")]
    assert ev[S.DETAILS].tolist() == ["Home visits"]
    assert ev[S.SOURCE_ROW].tolist() == [3]
    assert ev[S.AGENCY].tolist() == ["health_visiting"]


def test_cells_merged_down_date_each_row_and_section_rows_are_warnings(write_xlsx):
    """The date merged over the events of one day and the agency merged over its block of
    rows are carried into each row; a row merged across the sheet is a section heading."""
    path = write_xlsx(
        "police.xlsx",
        {
            "Chronology": [
                ["Child A: multi-agency chronology", None, None],
                ["Date", "Agency", "Details"],
                ["Period 1: 2007", None, None],
                ["01/03/2007", "Police", "DV call-out"],
                [None, None, "Mother arrested"],
                ["02/03/2007", None, "Bail"],
                ["03/03/2007", "GP", "Child A seen"],
            ]
        },
        merges={"Chronology": ["A1:C1", "A3:C3", "A4:A5", "B4:B6"]},
    )
    chron = scr.read_excel(path)
    ev = chron.events
    assert chron.rejected.empty
    assert ev[S.SOURCE_ROW].tolist() == [4, 5, 6, 7]
    assert ev[S.START].tolist() == [
        pd.Timestamp(d) for d in ("2007-03-01",) * 2 + ("2007-03-02", "2007-03-03")
    ]
    assert ev[S.AGENCY].astype(str).tolist() == ["police", "police", "police", "gp"]
    sections = chron.warnings[chron.warnings[S.CODE] == "section_row"]
    assert sections[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [["Chronology", 3]]
    assert "Period 1: 2007" in sections[S.MESSAGE].iloc[0]
    assert chron.meta.title == "Child A: multi-agency chronology"  # the merged title stays


def test_cover_sheet_skipped_with_warning(write_xlsx):
    path = write_xlsx(
        "x.xlsx",
        {
            "Cover": [["This chronology was prepared for the review."]],
            "CSC": [["Date", "Details"], ["12/03/2007", "referral received"]],
            "Blank": [],
        },
    )
    chron = scr.read_excel(path)
    assert chron.events[S.AGENCY].tolist() == ["csc"]
    codes = dict(zip(chron.warnings[S.SOURCE_SHEET], chron.warnings[S.CODE], strict=True))
    assert codes["Cover"] == "sheet_skipped"
    assert codes["Blank"] == "empty_sheet"


def test_no_sheet_with_a_table_is_an_error_naming_each_sheet(write_xlsx):
    path = write_xlsx("x.xlsx", {"A": [["Agency", "Details"], ["GP", "x"]], "B": [["hello"]]})
    with pytest.raises(MissingColumnError) as info:
        scr.read_excel(path)
    assert "sheet 'A'" in str(info.value) and "sheet 'B'" in str(info.value)


def test_header_only_sheet(write_xlsx):
    with pytest.raises(EmptyChronologyError, match="sheet 'GP'"):
        scr.read_excel(write_xlsx("x.xlsx", {"GP": [["Date", "Details"]]}))


def test_corrupt_and_truncated_xlsx(write_xlsx, tmp_path):
    good = write_xlsx("good.xlsx", {"GP": [["Date", "Details"], ["12/03/2007", "x"]]})
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    with pytest.raises(ChronologyReadError) as info:
        scr.read(truncated)
    assert "truncated.xlsx" in str(info.value) and "Excel" in str(info.value)
    garbage = tmp_path / "garbage.xlsx"
    garbage.write_bytes(b"this is not a workbook at all")
    with pytest.raises(ChronologyReadError, match=r"garbage\.xlsx"):
        scr.read(garbage)
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(EmptyChronologyError):
        scr.read(empty)


def test_xls_through_calamine(tmp_path):
    xlwt = pytest.importorskip("xlwt")  # a dev dependency: always present under make test
    book = xlwt.Workbook()
    sheet = book.add_sheet("Police")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    sheet.write(0, 0, "Date")
    sheet.write(0, 1, "Details")
    sheet.write(1, 0, dt.datetime(2007, 3, 12), date_style)
    sheet.write(1, 1, "DV call-out")
    path = tmp_path / "old.xls"
    book.save(str(path))
    chron = scr.read(path)
    assert chron.events[S.START].tolist() == [pd.Timestamp("2007-03-12")]
    assert chron.events[S.AGENCY].tolist() == ["police"]


def test_openpyxl_engine_gives_the_same_cells(write_xlsx):
    path = write_xlsx(
        "x.xlsx", {"GP": [["Title"], ["Date", "Details"], [dt.datetime(2007, 3, 12), "x"]]}
    )
    fast = read_excel_sheets(path)[0][1]
    slow = read_excel_sheets(path, engine="openpyxl")[0][1]
    assert fast.shape == slow.shape
    assert fast.iloc[2, 1] == slow.iloc[2, 1] == "x"
    a = scr.read_excel(path)
    b = scr.read_excel(path, engine="openpyxl")
    pd.testing.assert_frame_equal(a.events, b.events)


def test_sheets_option(write_xlsx):
    path = write_xlsx(
        "x.xlsx",
        {
            "GP": [["Date", "Details"], ["12/03/2007", "x"]],
            "Police": [["Date", "Details"], ["13/03/2007", "y"]],
        },
    )
    assert scr.read(path, sheets=["Police"]).events[S.AGENCY].tolist() == ["police"]
    with pytest.raises(ChronologyReadError, match="no sheet named 'HV'"):
        scr.read(path, sheets=["HV"])


def test_a_row_of_text_typed_under_an_event_is_joined_to_it(write_xlsx):
    """Enter typed instead of Alt+Enter in a Details cell starts a new row with the rest of
    the text: it is joined to the event above (row_continued), not rejected as undated."""
    path = write_xlsx(
        "child-a.xlsx",
        {
            "Health Visiting": [
                ["Date", "Practitioner", "Details", "Outcome"],
                [dt.datetime(2007, 3, 12), "HV1", "Home visit. Child A asleep.", "Review"],
                [None, None, "bruise noted on left cheek", None],
                [None, None, "Mother said he fell from the sofa", None],
                [dt.datetime(2007, 3, 20), None, "Weighed at clinic", None],
                [None, None, "Mother asked about sleep", None],  # date merged down
                [dt.datetime(2007, 3, 21), None, "Seen at clinic", None],
                [None, None, None, "Next check in 2 weeks"],  # details merged down
            ]
        },
        merges={"Health Visiting": ["A5:A6", "C7:C8"]},
    )
    chron = scr.read_excel(path)
    ev = chron.events
    assert chron.rejected.empty
    assert ev[S.SOURCE_ROW].tolist() == [2, 5, 6, 7]  # a date merged down dates its rows
    assert ev[S.DETAILS].iloc[0] == (
        "Home visit. Child A asleep.\nbruise noted on left cheek\nMother said he fell from the sofa"
    )
    assert bool(ev[S.INJURY].iloc[0])
    joined = chron.warnings[chron.warnings[S.CODE] == "row_continued"]
    assert joined[[S.SOURCE_FILE, S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [
        ["child-a.xlsx", "Health Visiting", 3],
        ["child-a.xlsx", "Health Visiting", 4],
        ["child-a.xlsx", "Health Visiting", 8],
    ]
    assert ["row 2 " in message for message in joined[S.MESSAGE]] == [True, True, False]
    # the merged Details cell is not repeated; the Outcome typed under it joins its row
    assert ev[[S.DETAILS, S.OUTCOME]].fillna("").values.tolist()[1:] == [
        ["Weighed at clinic", ""],
        ["Mother asked about sleep", ""],
        ["Seen at clinic", "Next check in 2 weeks"],
    ]
    assert sum(s.rows for s in chron.meta.sources) == 7


def test_report_footer_rows_under_a_sheet_are_warnings(write_xlsx):
    path = write_xlsx(
        "police.xlsx",
        {
            "Niche": [
                ["Occurrence Date", "Officer", "Occurrence Summary"],
                [dt.datetime(2007, 3, 12), "PC1", "Domestic incident"],
                [None, None, None],
                ["*** End of Report ***", None, None],
                [None, "OFFICIAL-SENSITIVE", None],
            ]
        },
    )
    chron = scr.read_excel(path)
    assert len(chron.events) == 1 and chron.rejected.empty
    footers = chron.warnings[chron.warnings[S.CODE] == "footer_row"]
    assert footers[[S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [["Niche", 4], ["Niche", 5]]


def test_a_windows_line_break_in_a_cell_is_one_newline(write_xlsx):
    # a case system's export writes CR LF (saved as _x000D_) inside the cell
    path = write_xlsx(
        "csc.xlsx",
        {
            "CSC": [
                ["Date", "Worker", "Case Note"],
                ["12/03/2007", "SW1", "Home visit.\r\nSeen.\rMother in."],
            ]
        },
    )
    assert scr.read(path).events[S.DETAILS].tolist() == ["Home visit.\nSeen.\nMother in."]


def test_a_group_heading_merged_over_two_sub_headings_that_maps_on_its_own(write_xlsx):
    # "Contact" alone reads as details; under it, "Type" | "Details" are what the columns hold
    rows = [
        ["Date", "Contact", None, "Practitioner", "Outcome"],
        [None, "Type", "Details", None, None],
        [
            dt.datetime(2007, 3, 12, 14, 30),
            "Home visit",
            "Child A seen; bruise to shin",
            "HV1",
            "GP",
        ],
        ["13/03/2007", "Clinic", "Weighed", "HV2", None],
    ]
    merges = {"Health Visiting": ["A1:A2", "D1:D2", "E1:E2", "B1:C1"]}
    chron = scr.read(write_xlsx("hv.xlsx", {"Health Visiting": rows}, merges))
    ev = chron.events
    assert ev[S.DETAILS].tolist() == ["Child A seen; bruise to shin", "Weighed"]
    assert ev[S.SOURCE_ROW].tolist() == [3, 4]
    assert chron.rejected.empty
    assert ev[S.CONTACT_TYPE].tolist() == ["Home visit", "Clinic"]  # "Contact" over "Type"
    assert ev[S.EXTRA].isna().all()
    assert not (chron.warnings[S.CODE] == "table_block").any()


def test_a_key_beside_the_table_is_not_part_of_it(write_xlsx):
    rows = [
        ["Chronology - Children's Social Care", None, None, None, None, "Key"],
        [None, None, None, None, None, "SW - social worker"],
        ["Date", "Worker", "Event", "Outcome", None, "TM - team manager"],
        [
            dt.datetime(2007, 3, 12),
            "SW1",
            "Home visit",
            "Child A seen",
            None,
            "DNA - did not attend",
        ],
        [dt.datetime(2007, 3, 13), "TM1", "Supervision", "Case discussed"],
        [dt.datetime(2007, 3, 20), "SW1", "Strategy discussion", "S47"],
    ]
    chron = scr.read(write_xlsx("child-a.xlsx", {"Sheet1": rows}))
    ev = chron.events
    assert ev[S.ORGANISATION].tolist() == ["Chronology - Children's Social Care"] * 3
    assert S.EXTRA not in ev or ev[S.EXTRA].isna().all()
    notes = chron.warnings[chron.warnings[S.CODE] == "side_notes"]
    assert notes[S.SOURCE_ROW].tolist() == [1]
    assert "TM - team manager" in notes[S.MESSAGE].iloc[0]
    assert chron.meta.title == "Chronology - Children's Social Care"


def test_a_column_after_an_empty_one_that_fills_the_rows_is_still_read(write_xlsx):
    rows = [
        ["Date", "Worker", "Event", None, "Case ref"],
        [dt.datetime(2007, 3, 12), "SW1", "Home visit", None, "C1"],
        [dt.datetime(2007, 3, 13), "TM1", "Supervision", None, "C2"],
    ]
    chron = scr.read(write_xlsx("csc.xlsx", {"CSC": rows}))
    assert chron.events[S.EXTRA].tolist() == ["Case ref: C1", "Case ref: C2"]
    assert not (chron.warnings[S.CODE] == "side_notes").any()


def test_rows_hidden_by_a_filter_are_read_with_a_warning(write_xlsx, tmp_path):
    import openpyxl

    path = write_xlsx(
        "child-a.xlsx",
        {
            "Chronology": [
                ["Date", "Agency", "Details"],
                [dt.datetime(2007, 3, 12), "Police", "Domestic incident"],
                [dt.datetime(2007, 3, 13), "GP", "Seen, bruise to arm"],
                [dt.datetime(2007, 3, 14), "Police", "Arrest of partner"],
            ]
        },
    )
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Chronology"]
    sheet.auto_filter.ref = "A1:C4"
    sheet.auto_filter.add_filter_column(1, ["Police"])
    sheet.row_dimensions[3].hidden = True
    workbook.save(path)
    chron = scr.read(path)
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3, 4]  # nothing left out
    hidden = chron.warnings[chron.warnings[S.CODE] == "hidden_rows"]
    assert hidden[S.SOURCE_ROW].tolist() == [3]
    assert "filter" in hidden[S.MESSAGE].iloc[0]


def test_a_sparse_column_after_an_empty_one_is_still_read(write_xlsx):
    # a rating filled in here and there is a column of the table, not notes beside it
    rows = [["Date", "Worker", "Event", None, "RAG"]]
    rows += [
        [dt.datetime(2007, 3, day), "SW1", "Visit", None, "Red" if day in (2, 6) else None]
        for day in range(1, 8)
    ]
    chron = scr.read(write_xlsx("csc.xlsx", {"CSC": rows}))
    assert chron.events[S.EXTRA].notna().sum() == 2
    assert not (chron.warnings[S.CODE] == "side_notes").any()


def test_a_title_merged_across_a_stacked_table_names_its_agency(write_xlsx):
    rows = [
        ["Health Visiting", None, None],
        ["Date", "Practitioner", "Details"],
        ["12/03/2007", "HV1", "Home visit"],
        [None, None, None],
        ["Police", None, None],
        ["Date", "Officer", "Details"],
        ["14/03/2007", "PC1", "Domestic incident"],
    ]
    merges = {"Chronology": ["A1:C1", "A5:C5"]}
    chron = scr.read(write_xlsx("child-a.xlsx", {"Chronology": rows}, merges))
    assert chron.events[S.AGENCY].tolist() == ["health_visiting", "police"]
    assert not (chron.warnings[S.CODE] == "section_row").any()


def test_hidden_columns_are_read_with_a_warning(write_xlsx):
    import openpyxl

    path = write_xlsx(
        "child-a.xlsx",
        {
            "Chronology": [
                ["Date", "Agency", "Details", "Outcome", "Internal notes", "Blank"],
                [dt.datetime(2007, 3, 12), "Police", "Domestic incident", "Merlin", "RAG: red"],
                [dt.datetime(2007, 3, 13), "GP", "Seen, bruise to arm", None, None],
            ]
        },
    )
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Chronology"]
    for column in ("D", "E", "F"):  # F hides nothing under the header
        sheet.column_dimensions[column].hidden = True
    workbook.save(path)
    chron = scr.read(path)
    assert chron.events[S.OUTCOME].tolist()[0] == "Merlin"  # read as any other column
    hidden = chron.warnings[chron.warnings[S.CODE] == "hidden_columns"]
    assert hidden[S.SOURCE_ROW].tolist() == [1]
    message = hidden[S.MESSAGE].iloc[0]
    assert "2 column(s)" in message
    assert "D ('Outcome'), E ('Internal notes')" in message
    assert not (chron.warnings[S.CODE] == "hidden_rows").any()


def test_excel_column_letters():
    from scr_timeline.io.excel import _column_letters

    assert [_column_letters(n) for n in (1, 26, 27, 52, 703, 16384)] == [
        "A", "Z", "AA", "AZ", "AAA", "XFD",
    ]  # fmt: skip


def _warning_of(chron, code):
    found = chron.warnings[chron.warnings[S.CODE] == code]
    assert len(found) == 1, chron.warnings
    return found.iloc[0]


def test_error_cells_are_read_as_their_error_not_as_empty_cells(write_xlsx):
    # openpyxl writes "#REF!" as an error cell, as Excel saves a formula that lost its
    # reference; calamine reads such a cell as empty: the narrative vanished silently and
    # a date cell holding one was rejected as "the date cell is empty"
    path = write_xlsx(
        "gp.xlsx",
        {
            "GP": [
                ["Date", "Details", "Outcome"],
                [dt.datetime(2016, 3, 1), "Seen by GP for cough", "#N/A"],
                [dt.datetime(2016, 3, 2), "#REF!", "Referred to CSC"],
                ["#VALUE!", "Bruise to left cheek", "Advice"],
                [None, None, "#DIV/0!"],  # an error in an otherwise empty row: no row
            ]
        },
    )
    chron = scr.read(path)
    assert chron.events[S.OUTCOME].tolist() == ["#N/A", "Referred to CSC"]
    assert chron.events[S.DETAILS].tolist() == ["Seen by GP for cough", "#REF!"]
    assert chron.rejected[S.SOURCE_ROW].tolist() == [4]
    assert "'#VALUE!'" in chron.rejected["reason"].item()
    note = _warning_of(chron, "excel_error")
    assert note[S.SOURCE_SHEET] == "GP"
    assert note[S.SOURCE_ROW] == 2
    assert "3 cell(s)" in note[S.MESSAGE]
    assert "'#REF!' in row 3 ('Details')" in note[S.MESSAGE]
    assert "DIV" not in note[S.MESSAGE]


def test_a_formula_with_no_saved_value_is_read_as_its_formula(write_xlsx):
    # a workbook written by a program that does not calculate (openpyxl, some exports):
    # the date of the next row, =A2+1, has no value until Excel works it out
    path = write_xlsx(
        "hv.xlsx",
        {
            "HV": [
                ["Date", "Details", "Age (days)"],
                [dt.datetime(2016, 3, 14), "New birth visit", "=A2-DATE(2016,3,1)"],
                ["=A2+1", "Follow-up phone call", None],
                # a template's formula filled down its empty rows: still no rows
                [None, None, '=IF(A4="","",A4-DATE(2016,3,1))'],
                [None, None, '=IF(A5="","",A5-DATE(2016,3,1))'],
            ]
        },
    )
    chron = scr.read(path)
    assert chron.events[S.SOURCE_ROW].tolist() == [2]
    assert chron.rejected[S.SOURCE_ROW].tolist() == [3]
    assert "'=A2+1'" in chron.rejected["reason"].item()
    note = _warning_of(chron, "formula_not_saved")
    assert note[S.SOURCE_ROW] == 2
    assert "2 cell(s)" in note[S.MESSAGE]
    assert "'=A2+1' in row 3 ('Date')" in note[S.MESSAGE]


def test_a_formula_saved_with_its_value_is_read_as_its_value(write_xlsx):
    import zipfile

    path = write_xlsx(
        "hv.xlsx",
        {"HV": [["Date", "Details"], [dt.datetime(2016, 3, 14), "Visit"], ["=A2+1", "Call"]]},
    )
    # as Excel saves it: the formula with its value (42444 is 15/03/2016)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    assert b"<f>A2+1</f><v></v>" in members[sheet]
    members[sheet] = members[sheet].replace(b"<f>A2+1</f><v></v>", b"<f>A2+1</f><v>42444</v>")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    chron = scr.read(path)
    assert chron.events[S.START].tolist() == [
        pd.Timestamp("2016-03-14"),
        pd.Timestamp("2016-03-15"),
    ]
    assert not chron.warnings[S.CODE].isin(["formula_not_saved", "excel_error"]).any()


def _strike(path, sheet, cells):
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.load_workbook(path)
    for ref in cells:
        left, top, right, bottom = openpyxl.utils.range_boundaries(ref)
        rows = workbook[sheet].iter_rows(min_row=top, max_row=bottom, min_col=left, max_col=right)
        for row in rows:
            for cell in row:
                cell.font = Font(strike=True)
    workbook.save(path)
    return path


def test_a_row_struck_through_is_a_rejected_row_saying_so(write_xlsx):
    path = write_xlsx(
        "csc.xlsx",
        {
            "CSC": [
                ["Date", "Worker", "Details", "Outcome"],
                [dt.datetime(2016, 3, 1), "SW1", "Home visit, Child A seen", "Plan agreed"],
                [dt.datetime(2016, 3, 2), "SW1", "Home visit (entered on the wrong file)", "NFA"],
                [dt.datetime(2016, 3, 3), "SW2", "Strategy discussion", "S47"],
                [dt.datetime(2016, 3, 4), "SW2", "Phoned school", "Attendance good"],
            ]
        },
    )
    # row 3 struck through whole; row 5 has only its outcome struck (a correction)
    chron = scr.read(_strike(path, "CSC", ["A3:D3", "D5"]))
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 4, 5]
    struck = chron.rejected[chron.rejected["reason_code"] == "struck_through"]
    assert struck[S.SOURCE_ROW].tolist() == [3]
    assert struck[S.DATE_TEXT].tolist() == ["02/03/2016"]
    assert struck[S.DETAILS].tolist() == ["Home visit (entered on the wrong file)"]
    assert "struck through" in struck["reason"].item()
    assert sum(s.rows for s in chron.meta.sources) == 4  # nothing lost


def test_a_sheet_struck_through_throughout_is_read_as_it_is(write_xlsx):
    # the whole table formatted so: no entries singled out as deleted
    path = write_xlsx(
        "csc.xlsx",
        {
            "CSC": [
                ["Date", "Details"],
                [dt.datetime(2016, 3, 1), "Home visit"],
                [dt.datetime(2016, 3, 2), "Phoned school"],
            ]
        },
    )
    chron = scr.read(_strike(path, "CSC", ["A2:B3"]))
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3]
    assert len(chron.rejected) == 0


def test_a_key_to_abbreviations_under_the_table_is_no_rejected_row(write_xlsx):
    # 'Key:' and its lines were rejected as unreadable dates ('HV', 'S47')
    key = [["Key:"], ["HV", "Health visitor"], ["S47", "Section 47 enquiry"]]
    visit = [dt.datetime(2007, 3, 12), "HV1", "New birth visit, Child A seen"]
    path = write_xlsx(
        "health.xlsx", {"Health": [["Date", "Practitioner", "Details"], visit, [], *key]}
    )
    chron = scr.read_excel(path)
    assert len(chron.events) == 1 and chron.rejected.empty
    footers = chron.warnings[chron.warnings[S.CODE] == "footer_row"]
    assert footers[S.SOURCE_ROW].tolist() == [4, 5, 6]
    assert footers[S.MESSAGE].str.contains("'HV Health visitor'", regex=False).any()


def test_an_undated_row_in_an_agency_cell_merged_down_carries_on_the_row_above(write_xlsx):
    # the agency merged over B2:B5 was carried into row 3, which then had an agency and no
    # date: it was rejected for its empty date instead of carrying on row 2's entry
    path = write_xlsx(
        "combined.xlsx",
        {
            "Combined": [
                ["Date", "Agency", "Details", "Outcome"],
                [
                    dt.datetime(2007, 3, 2),
                    "Children's Social Care",
                    "Referral from GP1",
                    "Strategy",
                ],
                [None, None, "GP1 said Child A was quiet", None],
                [dt.datetime(2007, 3, 4), None, "Strategy discussion", "S47"],
                [dt.datetime(2007, 3, 6), None, "Home visit by SW1", "Child A seen"],
                [dt.datetime(2007, 3, 7), "Police", "Call to address", "Words of advice"],
                [dt.datetime(2007, 3, 8), "Police", "Call to address", "Arrest"],
            ]
        },
        merges={"Combined": ["B2:B5", "A6:A7"]},
    )
    chron = scr.read_excel(path)
    assert chron.rejected.empty
    events = chron.events.sort_values(S.SOURCE_ROW)
    assert events[S.SOURCE_ROW].tolist() == [2, 4, 5, 6, 7]
    assert events[S.AGENCY].tolist() == ["csc", "csc", "csc", "police", "police"]
    assert events[S.DETAILS].iloc[0] == "Referral from GP1\nGP1 said Child A was quiet"
    # a date merged down still dates each row it spans: two entries of 7 March
    assert events[S.START].dt.day.tolist() == [2, 4, 6, 7, 7]
    joined = chron.warnings[chron.warnings[S.CODE] == "row_continued"]
    assert joined[S.SOURCE_ROW].tolist() == [3]


def test_a_title_naming_the_service_over_the_header_names_the_agency(write_xlsx):
    # 'Health Visiting Service' in A1 was read as a group heading over every column
    title = ["Health Visiting Service", None, None]
    visit = [dt.datetime(2007, 3, 12), "HV1", "New birth visit"]
    path = write_xlsx(
        "chronology.xlsx", {"Sheet1": [title, ["Date", "Practitioner", "Details"], visit]}
    )
    chron = scr.read_excel(path)
    assert chron.events[[S.AGENCY, S.ORGANISATION]].values.tolist() == [
        ["health_visiting", "Health Visiting Service"]
    ]


def test_an_agency_involvement_column_holds_what_happened(write_xlsx):
    # 'Agency involvement' beside 'Agency' was left unmapped: every event had no details
    rows = [
        ["Date", "Agency", "Agency involvement", "Outcome"],
        [dt.datetime(2007, 3, 1), "CSC", "Home visit by SW1, Child A seen with Mother", "NFA"],
        [dt.datetime(2007, 3, 2), "Police", "Strategy discussion held with CSC and health", "S47"],
    ]
    chron = scr.read_excel(write_xlsx("combined.xlsx", {"Combined": rows}))
    assert chron.events[S.DETAILS].tolist() == [rows[1][2], rows[2][2]]
    assert chron.events[S.AGENCY].tolist() == ["csc", "police"]


def test_a_key_above_the_table_does_not_name_its_agency(write_xlsx):
    # 'Key: HV = health visitor; ...' in A1 gave every row the agency health_visiting
    rows = [["Key: HV = health visitor; SW = social worker"], ["Date", "Practitioner", "Details"]]
    rows.append([dt.datetime(2007, 3, 1), "P1", "Child A seen"])
    chron = scr.read_excel(write_xlsx("chronology.xlsx", {"Sheet1": rows}))
    assert chron.events[S.AGENCY].tolist() == ["other"] and chron.meta.title is None
