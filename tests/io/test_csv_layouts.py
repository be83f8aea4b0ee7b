"""Layouts of combined chronologies the CSV reader reads as the Excel reader does.

An agency's name typed alone in a row over its block, and a column per agency: the same
table saved as .csv and as .xlsx gives the same events. All data fictional.
"""

from __future__ import annotations

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline import schema as S

from .test_realworld_tabular import _as_xlsx_and_csv

_SHOWN = [S.START, S.AGENCY, S.ORGANISATION, S.DETAILS, S.SOURCE_ROW]


def _same_events(xlsx, csv):
    """The two files' events, rejected rows and warning codes, compared as a person sees
    them (the workbook's sheet name aside)."""
    book, text = scr.read(xlsx), scr.read(csv)
    left = book.events[_SHOWN].sort_values(S.SOURCE_ROW).reset_index(drop=True)
    right = text.events[_SHOWN].sort_values(S.SOURCE_ROW).reset_index(drop=True)
    pd.testing.assert_frame_equal(left, right)
    assert text.rejected[S.SOURCE_ROW].tolist() == book.rejected[S.SOURCE_ROW].tolist()
    codes = sorted(zip(text.warnings[S.CODE], text.warnings[S.SOURCE_ROW].fillna(0), strict=True))
    assert codes == sorted(
        zip(book.warnings[S.CODE], book.warnings[S.SOURCE_ROW].fillna(0), strict=True)
    )
    return text


def _banner_rows(agency_column: bool) -> list[list[object]]:
    rows = [
        ["Date", "Practitioner", "Details", "Outcome"],
        ["GP", None, None, None],
        ["12/03/2007", "Dr X", "Child A seen with bruise to cheek", "Referred to CSC"],
        ["14/03/2007", "Dr X", "Follow-up, bruise fading", None],
        ["Metropolitan Police", None, None, None],
        ["13/03/2007", "PC1", "Domestic incident at home address", "DASH medium"],
        ["HEALTH VISITING", None, None, None],
        ["15/03/2007", "HV1", "Home visit, Child A seen", None],
    ]
    if not agency_column:
        return rows
    # the agency column second, the banner typed in it
    out = [[r[0], None, *r[1:]] for r in rows]
    out[0][1] = "Agency"
    for r in out:
        if r[0] in {"GP", "Metropolitan Police", "HEALTH VISITING"}:
            r[0], r[1] = None, r[0]
    return out


@pytest.mark.parametrize("agency_column", [False, True], ids=["no-agency-column", "in-agency"])
def test_agency_banner_rows_name_the_agency_of_the_rows_below(
    write_xlsx, write_text, agency_column
):
    # the CSV rejected each banner row for its unreadable date, and its rows were 'other'
    xlsx, csv = _as_xlsx_and_csv(_banner_rows(agency_column), write_xlsx, write_text)
    chron = _same_events(xlsx, csv)
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert ev[S.SOURCE_ROW].tolist() == [3, 4, 6, 8]
    assert ev[S.AGENCY].tolist() == ["gp", "gp", "police", "health_visiting"]
    if not agency_column:  # (in the agency column, 'PC1' names the police first)
        assert ev[S.ORGANISATION].tolist()[2] == "Metropolitan Police"
    assert chron.rejected.empty
    sections = chron.warnings[chron.warnings[S.CODE] == "section_row"]
    assert sections[S.SOURCE_ROW].tolist() == [2, 5, 7]
    assert "names the agency of the rows below it: police" in sections[S.MESSAGE].iloc[1]
    assert not (chron.warnings[S.CODE] == "no_agency").any()


def test_a_sentence_alone_in_the_first_column_is_no_banner(write_text):
    text = (
        "Date,Details\n12/03/2007,Child A seen\nPolice attended the home,\n13/03/2007,Home visit\n"
    )
    chron = scr.read(write_text("chron.csv", text))
    assert chron.rejected[S.SOURCE_ROW].tolist() == [3]
    assert not (chron.warnings[S.CODE] == "section_row").any()


def _grid_rows() -> list[list[object]]:
    return [
        ["Multi-agency chronology: Child A", None, None, None, None],
        ["Date", "Children's Social Care", "Police", "Health", "Education"],
        ["12/03/2007", "Referral received from school", None, "HV1 home visit", None],
        ["13/03/2007", None, "Domestic incident at the home", None, None],
        ["14/03/2007", None, None, None, "Child A absent from school"],
    ]


def test_a_column_per_agency_is_read_as_in_excel(write_xlsx, write_text):
    # the CSV failed: no header with a date column and another recognised column
    xlsx, csv = _as_xlsx_and_csv(_grid_rows(), write_xlsx, write_text)
    chron = _same_events(xlsx, csv)
    ev = chron.events.sort_values([S.SOURCE_ROW, S.AGENCY])
    assert ev[S.SOURCE_ROW].tolist() == [3, 3, 4, 5]
    assert ev[S.AGENCY].tolist() == ["csc", "other", "police", "education"]
    assert ev[S.DETAILS].tolist()[2] == "Domestic incident at the home"
    # each cell its own event, named by its row and its column's letter
    assert sorted(chron.events.index) == [
        "combined-r3b",
        "combined-r3d",
        "combined-r4c",
        "combined-r5e",
    ]


def test_a_column_per_agency_in_a_semicolon_file(write_text):
    text = "Date;CSC;Police;GP\n12/03/2007;Referral received;;Seen with a cough\n"
    chron = scr.read(write_text("grid.csv", text))
    assert sorted(chron.events[S.AGENCY].tolist()) == ["csc", "gp"]
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 2]


def test_a_banner_with_a_count_of_its_entries(write_xlsx, write_text):
    # 'POLICE (2 entries)' was no name (its lower-case word): rejected, its rows 'other'
    rows = [
        ["Date", "Details"],
        ["POLICE (2 entries)", None],
        ["12/03/2007", "Domestic incident at the home address"],
        ["13/03/2007", "Follow-up visit"],
        ["GP (1)", None],
        ["14/03/2007", "Child A seen with a cough"],
    ]
    xlsx, csv = _as_xlsx_and_csv(rows, write_xlsx, write_text)
    chron = _same_events(xlsx, csv)
    assert chron.events.sort_values(S.SOURCE_ROW)[S.AGENCY].tolist() == ["police"] * 2 + ["gp"]
    assert chron.rejected.empty
    assert _section_rows(chron) == [2, 5]


def _section_rows(chron) -> list[int]:
    return chron.warnings.loc[chron.warnings[S.CODE] == "section_row", S.SOURCE_ROW].tolist()


def test_files_joined_into_one_keep_no_byte_order_mark_inside(write_text, tmp_path):
    # two "CSV UTF-8" exports joined (copy a.csv+b.csv): the second's mark opened its
    # first cell, kept in date_text ('\ufeff13/03/2007') and in warnings naming a heading
    first = "Date,Agency,Details\n12/03/2007,GP,Child A seen\n"
    second = "13/03/2007,Police,Domestic incident\n"
    path = tmp_path / "joined.csv"
    path.write_bytes(b"\xef\xbb\xbf" + first.encode() + b"\xef\xbb\xbf" + second.encode())
    chron = scr.read(path)
    assert chron.events.sort_values(S.SOURCE_ROW)[S.DATE_TEXT].tolist() == [
        "12/03/2007",
        "13/03/2007",
    ]
    assert chron.rejected.empty


def test_a_count_of_an_agency_s_entries_between_blocks_is_no_banner(write_xlsx, write_text):
    # 'Total for GP: 1' was read as another banner naming the GP, not a rejected row
    rows = [
        ["Date", "Details"],
        ["GP", None],
        ["12/03/2007", "Child A seen with a cough"],
        ["Total for GP: 1", None],
        ["13/03/2007", "Domestic incident at the home address"],
    ]
    xlsx, csv = _as_xlsx_and_csv(rows, write_xlsx, write_text)
    chron = _same_events(xlsx, csv)
    assert _section_rows(chron) == [2]
    assert chron.events.sort_values(S.SOURCE_ROW)[S.SOURCE_ROW].tolist() == [3, 5]
    assert chron.rejected[S.SOURCE_ROW].tolist() == [4]


def test_a_footer_under_a_column_per_agency_is_no_rejected_row(write_xlsx, write_text):
    # 'Total records: 3' under the grid was rejected for its date, in both formats
    rows = [*_grid_rows(), [None] * 5, ["Total records: 4", None, None, None, None]]
    xlsx, csv = _as_xlsx_and_csv(rows, write_xlsx, write_text)
    chron = _same_events(xlsx, csv)
    assert chron.rejected.empty
    footer = chron.warnings[chron.warnings[S.CODE] == "footer_row"]
    assert footer[S.SOURCE_ROW].tolist() == [7]


def test_timed_rows_of_a_column_per_agency_take_the_day_above(write_xlsx, write_text):
    rows = [
        ["Date", "Time", "Children's Social Care", "Police"],
        ["12/03/2007", "23:10", None, "Call from neighbour"],
        [None, "23:40", None, "Officers attended"],
        [None, "23:55", "Strategy call with police", None],
    ]
    xlsx, csv = _as_xlsx_and_csv(rows, write_xlsx, write_text)
    chron = _same_events(xlsx, csv)
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert ev[S.START].dt.strftime("%d/%m/%Y %H:%M").tolist() == [
        "12/03/2007 23:10",
        "12/03/2007 23:40",
        "12/03/2007 23:55",
    ]
    assert ev[S.AGENCY].tolist() == ["police", "police", "csc"]
    assert chron.rejected.empty
