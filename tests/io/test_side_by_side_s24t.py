"""Tables side by side on one sheet (s24 sweep): headers on different rows, and the column
letter of a right-hand table's rejected row."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

import scr_timeline as scr

# the police table's title sits on the GP's header row, its header on the GP's first row
OFFSET = [
    ["GP", None, None, None, None, None, None],
    ["Date", "Entry", "Author", None, "Police", None, None],
    ["12/03/2007", "Seen with cough", "Dr B", None, "Date", "Details", "Officer"],
    ["20/04/2007", "Low mood", "Dr B", None, "14/03/2007", "DA incident", "PC2"],
    ["21/04/2007", "Reviewed", "Dr B", None, "31/06/2007", "Welfare visit", "PC3"],
    ["22/04/2007", "Letter to HV1", "Dr B", None, "16/05/2007", "PPN to CSC", "PC3"],
]  # fmt: skip


def _xlsx(tmp_path: Path, rows: list[list[object]]) -> scr.Chronology:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Chronology"
    for row in rows:
        ws.append(row)
    path = tmp_path / "child-a.xlsx"
    wb.save(path)
    return scr.read(path)


def _csv(tmp_path: Path, rows: list[list[object]]) -> scr.Chronology:
    path = tmp_path / "child-a.csv"
    pd.DataFrame(rows).to_csv(path, header=False, index=False)
    return scr.read(path)


def test_tables_side_by_side_with_headers_on_different_rows(tmp_path: Path) -> None:
    # the police rows had been read as the GP rows' extra ('Police: 14/03/2007 | Column
    # 6: DA incident'), its header row as a GP event's
    for chron in (_xlsx(tmp_path, OFFSET), _csv(tmp_path, OFFSET)):
        ev = chron.events
        assert ev["extra"].isna().all()
        police = ev[ev["agency"] == "police"].sort_values("source_row")
        gp = ev[ev["agency"] == "gp"].sort_values("source_row")
        assert police["details"].tolist() == ["DA incident", "PPN to CSC"]
        assert police["source_row"].tolist() == [4, 6]
        assert gp["details"].tolist() == [
            "Seen with cough", "Low mood", "Reviewed", "Letter to HV1",
        ]  # fmt: skip
        assert chron.rejected["source_row"].tolist() == [5]
        assert chron.rejected["column"].tolist() == ["Date (column E)"]
        blocks = chron.warnings[chron.warnings["code"] == "table_block"]
        assert len(blocks) == 1 and "column E" in blocks["message"].iloc[0]


def test_a_rejected_row_of_either_table_names_its_column_letter(tmp_path: Path) -> None:
    rows = [
        ["GP", None, None, None, "Police", None, None],
        ["Date", "Entry", "Author", None, "Date", "Details", "Officer"],
        ["12/03/2007", "Seen with cough", "Dr B", None, "14/03/2007", "DA incident", "PC2"],
        ["31/06/2007", "Typed wrongly", "Dr B", None, "31/06/2007", "Welfare visit", "PC3"],
    ]
    chron = _xlsx(tmp_path, rows)
    rejected = chron.rejected.sort_values("column")
    assert rejected["column"].tolist() == ["Date (column A)", "Date (column E)"]
    assert rejected["details"].tolist() == ["Typed wrongly", "Welfare visit"]


def test_an_empty_column_before_columns_without_a_date_is_one_table(tmp_path: Path) -> None:
    rows = [
        ["Date", "Entry", None, "Outcome", "Comments"],
        ["12/03/2007", "Seen with cough", None, "Resolved", "None"],
        ["20/04/2007", "Low mood", None, "Referred", None],
    ]
    chron = _xlsx(tmp_path, rows)
    assert len(chron.events) == 2
    assert chron.events["outcome"].tolist() == ["Resolved", "Referred"]
    assert "table_block" not in set(chron.warnings["code"])


def test_a_recording_date_past_an_empty_column_is_the_one_tables(tmp_path: Path) -> None:
    # 'Date entered' read alone names a date, so the columns past the spacer had been
    # read as a second table: each row twice, once dated when it was typed
    rows = [
        ["Date", "Event", None, "Date entered", "Notes"],
        ["12/03/2007", "Home visit, Child A seen", None, "14/03/2007", "Entered late"],
        ["13/03/2007", "Call to GP", None, "13/03/2007", None],
    ]
    for chron in (_xlsx(tmp_path, rows), _csv(tmp_path, rows)):
        ev = chron.events
        assert ev["source_row"].tolist() == [2, 3]
        assert ev["start"].dt.day.tolist() == [12, 13]
        assert ev["extra"].tolist() == ["Date entered: 14/03/2007", "Date entered: 13/03/2007"]
        assert "table_block" not in set(chron.warnings["code"])


def test_a_table_dated_by_an_entry_date_beside_one_dated_by_the_event(tmp_path: Path) -> None:
    rows = [
        ["GP", None, None, None, "Police", None, None],
        ["Date of entry", "Entry", "Author", None, "Date", "Details", "Officer"],
        ["12/03/2007", "Seen with cough", "Dr B", None, "14/03/2007", "DA incident", "PC2"],
    ]
    chron = _xlsx(tmp_path, rows)
    assert sorted(chron.events["agency"]) == ["gp", "police"]


def test_a_lower_right_table_has_its_own_dittos_and_times_under_a_day(tmp_path: Path) -> None:
    rows = [
        ["GP", None, None, None, None, None, None],
        ["Date", "Entry", "Author", None, "Police", None, None],
        ["12/03/2007", "Seen with cough", "Dr B", None, "Date", "Details", "Officer"],
        ["20/04/2007", "Low mood", "Dr B", None, "14/03/2007", "DA incident", "PC2"],
        ["21/04/2007", "Reviewed", "Dr B", None, '"', "Follow-up call", "PC2"],
        ["22/04/2007", "Letter to HV1", "Dr B", None, "16:45", "Welfare visit", "PC3"],
    ]
    for chron in (_xlsx(tmp_path, rows), _csv(tmp_path, rows)):
        assert chron.rejected.empty
        police = chron.events[chron.events["agency"] == "police"].sort_values("source_row")
        assert police["start"].tolist() == [
            pd.Timestamp("2007-03-14"), pd.Timestamp("2007-03-14"),
            pd.Timestamp("2007-03-14 16:45"),
        ]  # fmt: skip
        codes = set(chron.warnings["code"])
        assert {"ditto_filled", "time_entry"} <= codes
        assert len(chron.events[chron.events["agency"] == "gp"]) == 4
