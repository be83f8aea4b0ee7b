"""Tables (s23 sweep, t2): two agency tables side by side on one sheet (GP in A-C, police
in E-G, each under its own title line, an empty column between) are read as two tables:
the police rows had gone into the GP rows' ``extra``, and every row had taken the agency
'police' from the joined title 'GP Police'."""

from __future__ import annotations

import openpyxl
import pandas as pd

import scr_timeline as scr

ROWS = [
    ["GP", None, None, None, "Police", None, None],
    ["Date", "Entry", "Author", None, "Date", "Details", "Officer"],
    ["12/03/2007", "Child A seen with cough", "Dr B", None, "14/03/2007",
     "DA incident at home, Child A present", "PC2"],
    ["20/04/2007", "Mother attended, low mood", "Dr B", None, "02/05/2007",
     "PPN submitted to CSC", "PC2"],
    ["31/06/2007", "Entry with an impossible date", "Dr B", None, "05/06/2007",
     "Welfare check, Child A seen", "PC3"],
    ["01/07/2007", "Child A immunisations", "HV1", None, None, None, None],
]  # fmt: skip
DATA_ROWS = 7  # filled cells of both tables' rows: 4 GP, 3 police


def _csv(tmp_path, rows) -> scr.Chronology:
    path = tmp_path / "child-a.csv"
    pd.DataFrame(rows).to_csv(path, header=False, index=False)
    return scr.read(path)


def _xlsx(tmp_path, rows, sheet="Chronology") -> scr.Chronology:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    path = tmp_path / "child-a.xlsx"
    wb.save(path)
    return scr.read(path)


def _check_two_tables(chron: scr.Chronology, sheet: str | None) -> None:
    ev = chron.events
    assert len(ev) + len(chron.rejected) == DATA_ROWS
    gp = ev[ev["agency"] == "gp"]
    police = ev[ev["agency"] == "police"]
    assert sorted(gp["source_row"].tolist()) == [3, 4, 6]
    assert sorted(police["source_row"].tolist()) == [3, 4, 5]
    assert set(police["details"]) == {
        "DA incident at home, Child A present",
        "PPN submitted to CSC",
        "Welfare check, Child A seen",
    }
    assert "Child A seen with cough" in set(gp["details"])
    # nothing of the police table in the GP rows' extra
    assert not ev["extra"].fillna("").str.contains("PPN|Officer|DA incident").any()
    assert ev.index.is_unique
    stem = "child-a-chronology" if sheet else "child-a"
    assert f"{stem}-r3" in ev.index and f"{stem}-b2-r3" in ev.index
    assert ev.loc[f"{stem}-b2-r3", "agency"] == "police"
    if sheet is None:
        assert ev["source_sheet"].isna().all()
    else:
        assert set(ev["source_sheet"]) == {sheet}
    assert chron.rejected["source_row"].tolist() == [5]
    assert chron.rejected["reason_code"].tolist() == ["impossible_date"]
    blocks = chron.warnings[chron.warnings["code"] == "table_block"]
    assert len(blocks) == 1 and "column E" in blocks["message"].iloc[0]
    assert "'Police'" in blocks["message"].iloc[0]


def test_two_tables_side_by_side_in_a_csv(tmp_path):
    _check_two_tables(_csv(tmp_path, ROWS), None)


def test_two_tables_side_by_side_on_an_excel_sheet(tmp_path):
    _check_two_tables(_xlsx(tmp_path, ROWS), "Chronology")


def test_side_by_side_through_parse_table():
    chron = scr.parse_table(pd.DataFrame(ROWS), source="child-a.csv")
    _check_two_tables(chron, None)


def test_side_by_side_without_title_lines_keep_the_sheet_agency(tmp_path):
    # two header groups, no titles: still two tables, each row once
    chron = _csv(tmp_path, ROWS[1:])
    assert len(chron.events) + len(chron.rejected) == DATA_ROWS
    assert chron.events.index.is_unique
    assert not chron.events["extra"].fillna("").str.contains("PPN").any()


def test_one_table_with_a_spacer_column_reads_as_before(tmp_path):
    rows = [
        ["GP", None, None, None, None],
        ["Date", "Entry", None, "Date closed", "Outcome"],
        ["12/03/2007", "Child A seen with cough", None, "14/03/2007", "Resolved"],
        ["20/04/2007", "Mother attended, low mood", None, None, "Referred"],
    ]
    for chron in (_csv(tmp_path, rows), _xlsx(tmp_path, rows)):
        assert len(chron.events) == 2 and chron.rejected.empty
        assert set(chron.events["agency"]) == {"gp"}
        assert "table_block" not in set(chron.warnings["code"])
        assert chron.events["outcome"].tolist() == ["Resolved", "Referred"]
        assert not any(i.endswith("-b2-r3") for i in chron.events.index)


def test_a_second_date_column_past_a_spacer_is_no_table(tmp_path):
    # one date heading read by the table; 'Review date' past the spacer reads as no date
    rows = [
        ["Date", "Entry", None, "Review date", "Notes"],
        ["12/03/2007", "Child A seen", None, "14/04/2007", "Reviewed by SW1"],
    ]
    chron = _csv(tmp_path, rows)
    assert len(chron.events) == 1
    assert "table_block" not in set(chron.warnings["code"])


def test_a_time_carried_in_the_left_table_stays_out_of_the_right_one(tmp_path):
    # the GP's time-only row takes the day above; its date cell as written ('10:30') had
    # also been written over the police row beside it ('15/03/2007')
    rows = [
        ["Multi-agency chronology: Child A", None, None, None, None, None, None],
        ["GP", None, None, None, "Police", None, None],
        ["Date", "Entry", "Author", None, "Date", "Details", "Officer"],
        ["12/03/2007", "Seen with cough", "Dr B", None, "14/03/2007", "DA incident", "PC2"],
        ["10:30", "Phone call with Mother", "Dr B", None, "15/03/2007", "Follow-up visit", "PC2"],
    ]
    for chron in (_csv(tmp_path, rows), _xlsx(tmp_path, rows)):
        ev = chron.events
        police = ev[ev["agency"] == "police"].sort_values("source_row")
        gp = ev[ev["agency"] == "gp"].sort_values("source_row")
        assert police["date_text"].tolist() == ["14/03/2007", "15/03/2007"]
        assert police["start"].dt.day.tolist() == [14, 15]
        assert gp["date_text"].tolist()[1] == "10:30"
        assert gp["start"].iloc[1] == pd.Timestamp("2007-03-12 10:30")
        assert chron.meta.title == "Multi-agency chronology: Child A"


def test_one_table_title_does_not_title_the_sheet(tmp_path):
    # the police table's own title had become the whole chronology's ('Police')
    rows = [
        [None, None, None, None, "Police", None, None],
        ["Date", "Entry", "Author", None, "Date", "Details", "Officer"],
        ["12/03/2007", "Seen with cough", "Dr B", None, "14/03/2007", "DA incident", "PC2"],
    ]
    chron = _xlsx(tmp_path, rows, sheet="GP")
    assert chron.meta.title is None
    assert dict(zip(chron.events["details"], chron.events["agency"], strict=True)) == {
        "Seen with cough": "gp",
        "DA incident": "police",
    }


def test_the_header_read_whole_taking_the_right_tables_date(tmp_path):
    # read whole, the header's date column is the police 'Date' (the GP's 'Date of entry'
    # less like one): the GP table had not been split off
    rows = [
        ["GP", None, None, None, "Police", None, None],
        ["Date of entry", "Entry", "Author", None, "Date", "Details", "Officer"],
        ["12/03/2007", "Seen with cough", "Dr B", None, "14/03/2007", "DA incident", "PC2"],
        ["20/04/2007", "Low mood", "Dr B", None, None, None, None],
    ]
    chron = _csv(tmp_path, rows)
    assert len(chron.events) + len(chron.rejected) == 3
    assert sorted(zip(chron.events["source_row"], chron.events["agency"], strict=True)) == [
        (3, "gp"), (3, "police"), (4, "gp"),
    ]  # fmt: skip
    assert not chron.events["extra"].fillna("").str.contains("Seen|DA").any()


def test_the_right_table_has_its_own_dittos_and_times_under_a_day(tmp_path):
    # the readers' filling of cells had used the header read whole (the GP's date column):
    # the police table's ditto date and time-only row were rejected, and an empty police
    # date had been taken from the GP's 'Date of entry' beside it
    rows = [
        ["GP", None, None, None, "Police", None, None],
        ["Date of entry", "Entry", "Author", None, "Date", "Details", "Officer"],
        ["12/03/2007", "Seen with cough", "Dr B", None, "14/03/2007", "DA incident", "PC2"],
        ["20/04/2007", "Low mood", "Dr B", None, '"', "Follow-up call", "PC2"],
        ["21/04/2007", "Reviewed", "Dr B", None, "16:45", "Welfare visit", "PC3"],
        ["22/04/2007", "Letter to HV1", "Dr B", None, None, None, None],
    ]
    for chron in (_csv(tmp_path, rows), _xlsx(tmp_path, rows)):
        assert len(chron.events) + len(chron.rejected) == 7
        assert chron.rejected.empty
        police = chron.events[chron.events["agency"] == "police"].sort_values("source_row")
        assert police["start"].tolist() == [
            pd.Timestamp("2007-03-14"), pd.Timestamp("2007-03-14"),
            pd.Timestamp("2007-03-14 16:45"),
        ]  # fmt: skip
        assert police["date_text"].tolist()[2] == "16:45"
        gp = chron.events[chron.events["agency"] == "gp"]
        assert len(gp) == 4 and (gp["start"].dt.month == [3, 4, 4, 4]).all()


def test_three_tables_side_by_side(tmp_path):
    rows = [
        ["GP", None, None, "Police", None, None, "School", None],
        ["Date", "Entry", None, "Date", "Details", None, "Date", "Notes"],
        ["12/03/2007", "Seen with cough", None, "14/03/2007", "DA incident", None,
         "15/03/2007", "Child A late"],
        ["13/03/2007", "Call", None, "15/03/2007", "Visit", None, "09:10", "Child A hungry"],
    ]  # fmt: skip
    for chron in (_csv(tmp_path, rows), _xlsx(tmp_path, rows)):
        ev = chron.events
        assert len(ev) == 6 and chron.rejected.empty
        stem = "child-a" if ev["source_sheet"].isna().all() else "child-a-chronology"
        assert ev.loc[f"{stem}-b3-r4", "agency"] == "education"
        assert ev.loc[f"{stem}-b3-r4", "start"] == pd.Timestamp("2007-03-15 09:10")
        assert ev.loc[f"{stem}-b3-r4", "date_text"] == "09:10"
        assert ev.loc[f"{stem}-b2-r4", "date_text"] == "15/03/2007"
        assert ev.loc[f"{stem}-r4", "date_text"] == "13/03/2007"
        blocks = chron.warnings[chron.warnings["code"] == "table_block"]["message"]
        assert [m.split(" beside")[0][-8:] for m in blocks] == ["column D", "column G"]
