from __future__ import annotations

import datetime as dt
import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.exceptions import EmptyChronologyError, MissingColumnError
from scr_timeline.io.table import parse_table


def raw(*rows):
    return pd.DataFrame([list(r) for r in rows], dtype=object)


def test_header_below_title_rows_and_rows_numbered_as_in_the_file():
    table = raw(
        ["Serious Case Review: Child A", None, None],
        ["Chronology: Riverside Hospital", None, None],
        [None, None, None],
        ["Date", "Significant Event", "Outcome/Action"],
        ["12/03/2007", "Child A brought to A&E by Mother", "Discharged"],
        ["13/03/2007", "Follow-up phone call", None],
    )
    chron = parse_table(table, source="/some/where/child-a.csv")
    ev = chron.events
    assert ev[S.SOURCE_ROW].tolist() == [5, 6]
    assert ev[S.SOURCE_FILE].unique().tolist() == ["child-a.csv"]
    assert ev[S.DETAILS].iloc[0] == "Child A brought to A&E by Mother"
    assert ev[S.OUTCOME].iloc[0] == "Discharged"
    assert ev[S.AGENCY].tolist() == ["hospital", "hospital"]  # from the title line
    assert ev[S.ORGANISATION].iloc[0] == "Chronology: Riverside Hospital"
    assert chron.meta.title == "Serious Case Review: Child A"
    assert ev.index.tolist() == ["child-a-r5", "child-a-r6"]
    assert chron.meta.sources[0].header_row == 4


def test_every_row_is_an_event_or_rejected_with_reason_naming_the_column():
    table = raw(
        ["Date of contact", "Agency", "Details"],
        ["12/03/2007", "GP", "seen"],
        ["31/06/2007", "GP", "impossible"],
        ["2 weeks later", "HV", "relative"],
        [None, "GP", "no date at all"],
        [None, None, None],  # blank: not a data row
        ["14/03/2007", "Police", "call-out"],
    )
    chron = parse_table(table, source="x.csv")
    assert len(chron.events) == 2
    rej = chron.rejected.set_index(S.SOURCE_ROW)
    assert rej.loc[3, S.REASON_CODE] == "impossible_date"
    assert "June" in rej.loc[3, S.REASON]
    assert rej.loc[4, S.REASON_CODE] == "relative_date"
    assert rej.loc[5, S.REASON_CODE] == "empty_date"
    assert (chron.rejected[S.COLUMN] == "Date of contact").all()
    assert rej.loc[5, S.DETAILS] == "no date at all"
    assert len(chron.events) + len(chron.rejected) == 5


def test_anchor_relative_dates_from_previous_row_with_warning():
    table = raw(["Date", "Details"], ["12/03/2007", "a"], ["2 weeks later", "b"])
    chron = parse_table(table, source="x.csv", anchor_relative=True)
    assert chron.events[S.START].tolist()[1] == pd.Timestamp("2007-03-26")
    assert "relative_date_anchored" in chron.warnings[S.CODE].tolist()


def test_agency_column_normalised_original_kept_and_unknown_warned():
    table = raw(
        ["Date", "Organisation", "Details"],
        ["12/03/2007", "Met Police CAIT", "a"],
        ["13/03/2007", "North Borough Children's Services", "b"],
        ["14/03/2007", "Acme Tenancy Support", "c"],
        ["15/03/2007", "Acme Tenancy Support", "d"],
    )
    chron = parse_table(table, source="x.csv")
    ev = chron.events
    assert ev[S.AGENCY].tolist() == ["police", "csc", "other", "other"]
    assert ev[S.ORGANISATION].tolist()[0] == "Met Police CAIT"
    unknown = chron.warnings[chron.warnings[S.CODE] == "unknown_agency"]
    assert len(unknown) == 1
    assert "Acme Tenancy Support" in unknown[S.MESSAGE].iloc[0]
    assert unknown[S.SOURCE_ROW].iloc[0] == 4


def test_agency_option_fills_rows_without_agency_and_bad_option_is_an_error():
    table = raw(["Date", "Details"], ["12/03/2007", "a"])
    assert parse_table(table, source="x.csv", agency="gp").events[S.AGENCY].tolist() == ["gp"]
    assert parse_table(table, source="x.csv", agency="Health Visitor").events[
        S.AGENCY
    ].tolist() == ["health_visiting"]
    with pytest.raises(ValueError, match="not a known agency"):
        parse_table(table, source="x.csv", agency="Acme")


def test_agency_from_file_name_else_other_with_warning():
    table = raw(["Date", "Details"], ["12/03/2007", "a"])
    assert parse_table(table, source="03_police.csv").events[S.AGENCY].tolist() == ["police"]
    chron = parse_table(table, source="chronology.csv")
    assert chron.events[S.AGENCY].tolist() == ["other"]
    assert "no_agency" in chron.warnings[S.CODE].tolist()


def test_an_agency_from_the_file_name_is_shown_as_a_name_not_a_file_stem():
    table = raw(["Date", "Details"], ["12/03/2007", "a"])
    for source, agency, organisation in (
        ("health-visiting.csv", "health_visiting", "Health visiting"),
        ("riverside_surgery.xlsx", "gp", "Riverside surgery"),
        ("A&E - Riverside.csv", "hospital", "A&E Riverside"),
        # an agency's name in lower case, spelt as the agency alias table spells it
        ("childrens-social-care.csv", "csc", "Children's social care"),
        ("a&e.csv", "hospital", "A&E"),
        ("gp.xlsx", "gp", "GP"),
    ):
        events = parse_table(table, source=source).events
        assert events[S.AGENCY].tolist() == [agency], source
        assert events[S.ORGANISATION].tolist() == [organisation], source
        assert events[S.SOURCE_FILE].tolist() == [source]  # the file itself as it is


def test_every_format_decides_a_health_sector_row_by_its_practitioner():
    """parse_table (under Word, PDF and text tables as well as CSV and Excel) takes the
    agency of a row written "Health" or left blank from its practitioner or source."""
    table = raw(
        ["Date", "Agency", "Practitioner", "Details"],
        ["01/03/2020", "Health", "HV1", "Home visit, Child A seen"],
        ["02/03/2020", "Health", "GP", "Seen with a cough"],
        ["03/03/2020", None, "SW1", "Visit"],
        ["04/03/2020", "Acme Support", "Mr Y", "Visit"],
    )
    chron = parse_table(table, source="report.docx", fmt="docx")
    ev = chron.events.sort_values(S.SOURCE_ROW)
    assert ev[S.AGENCY].tolist() == ["health_visiting", "gp", "csc", "other"]
    codes = chron.warnings[S.CODE].tolist()
    assert "agency_not_specific" in codes and "agency_from_practitioner" in codes
    unknown = chron.warnings[chron.warnings[S.CODE] == "unknown_agency"]
    assert unknown[S.MESSAGE].str.contains("'Acme Support'").tolist() == [True]


def test_column_override():
    table = raw(["When", "What"], ["12/03/2007", "a"])
    with pytest.raises(MissingColumnError):
        parse_table(table, source="x.csv")
    chron = parse_table(table, source="x.csv", columns={"When": "date", "What": "details"})
    assert chron.events[S.DETAILS].tolist() == ["a"]


def test_no_date_column_error_names_file_sheet_and_what_was_expected():
    table = raw(["Agency", "Details"], ["GP", "a"])
    with pytest.raises(MissingColumnError) as info:
        parse_table(table, source="x.xlsx", sheet="GP")
    message = str(info.value)
    assert "x.xlsx" in message and "sheet 'GP'" in message and "date" in message.lower()


def test_header_only_is_an_empty_chronology_error_with_the_row():
    with pytest.raises(EmptyChronologyError) as info:
        parse_table(raw(["Date", "Details"], [None, None]), source="x.csv")
    assert "x.csv" in str(info.value) and "row 1" in str(info.value)


def test_empty_table_error():
    with pytest.raises(EmptyChronologyError):
        parse_table(pd.DataFrame(), source="x.csv")
    with pytest.raises(TypeError):
        parse_table([["Date"]], source="x.csv")  # type: ignore[arg-type]


def test_already_headed_frame_as_pandas_gives_it():
    frame = pd.DataFrame(
        {"Date": ["12/03/2007", "13/03/2007"], "Agency": ["GP", "HV"], "Details": ["a", "b"]}
    )
    chron = parse_table(frame, source="x.csv")
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3]
    assert chron.events[S.AGENCY].tolist() == ["gp", "health_visiting"]
    pd.testing.assert_frame_equal(
        frame,
        pd.DataFrame(
            {"Date": ["12/03/2007", "13/03/2007"], "Agency": ["GP", "HV"], "Details": ["a", "b"]}
        ),
    )


def test_excel_cells_dates_times_and_numbers():
    table = raw(
        ["Date", "Time", "Seq", "Details"],
        [dt.datetime(2007, 3, 12), dt.time(14, 30), 1.0, "a"],
        [39156.0, None, 2.0, "serial"],
        [dt.datetime(2007, 3, 16, 9, 15), None, 3.0, 42],
    )
    chron = parse_table(table, source="x.xlsx", sheet="GP")
    ev = chron.events
    assert ev[S.START].tolist() == [
        pd.Timestamp("2007-03-12 14:30"),
        pd.Timestamp("2007-03-15"),
        pd.Timestamp("2007-03-16 09:15"),
    ]
    assert ev[S.PRECISION].astype(str).tolist() == ["minute", "day", "minute"]
    assert ev[S.DATE_TEXT].tolist()[0] == "12/03/2007 14:30"
    assert ev[S.SEQUENCE].tolist() == ["1", "2", "3"]
    assert ev[S.DETAILS].tolist()[2] == "42"
    assert ev[S.AGENCY].unique().tolist() == ["gp"]
    assert ev.index[0] == "x-gp-r2"


def test_same_day_rows_keep_file_order_and_sequence_column_wins():
    table = raw(
        ["Seq", "Date", "Details"],
        ["2", "12/03/2007", "visit that closed it"],
        ["1", "12/03/2007", "referral"],
        ["3", "11/03/2007", "earlier"],
    )
    chron = parse_table(table, source="x.csv")
    assert chron.events[S.DETAILS].tolist() == ["earlier", "referral", "visit that closed it"]
    assert "row_out_of_order" in chron.warnings[S.CODE].tolist()


def test_month_first_file_is_detected_and_warned():
    table = raw(["Date", "Details"], ["04/13/2007", "a"], ["03/04/2007", "b"])
    chron = parse_table(table, source="us.csv")
    assert chron.events[S.START].tolist() == [
        pd.Timestamp("2007-03-04"),
        pd.Timestamp("2007-04-13"),
    ]
    assert "month_first" in chron.warnings[S.CODE].tolist()
    assert chron.meta.sources[0].dayfirst is False


def test_child_age_days():
    table = raw(["Date", "Details"], ["01/03/2007", "first birthday"], ["01/02/2006", "antenatal"])
    chron = parse_table(table, source="x.csv", child_dob="01/03/2006")
    ages = dict(zip(chron.events[S.DETAILS], chron.events[S.CHILD_AGE_DAYS], strict=True))
    assert ages["first birthday"] == 365
    assert ages["antenatal"] is pd.NA


def test_repeated_header_rows_are_skipped_not_counted():
    table = raw(
        ["Date", "Agency", "Details"],
        ["12/03/2007", "GP", "a"],
        ["Date", "Agency", "Details"],
        ["13/03/2007", "GP", "b"],
    )
    chron = parse_table(table, source="x.csv")
    assert len(chron.events) == 2 and len(chron.rejected) == 0
    assert "repeated_header" in chron.warnings[S.CODE].tolist()


def test_headed_frame_with_a_repeated_index_and_warnings_keeps_rows():
    frame = pd.DataFrame(
        {"Date": ["c. June 2007", "12/03/2007"], "Details": ["a", "b"]}, index=[5, 5]
    )
    chron = parse_table(frame, source="x.csv")
    assert chron.events[S.SOURCE_ROW].tolist() == [3, 2]
    approx = chron.warnings[chron.warnings[S.CODE] == "approximate_date"]
    assert approx[S.SOURCE_ROW].tolist() == [2]


def test_sheet_title_and_file_name_come_before_the_agency_option():
    table = raw(["Date", "Details"], ["12/03/2007", "a"])
    by_sheet = parse_table(table, source="book.xlsx", sheet="Police", agency="gp")
    assert by_sheet.events[S.AGENCY].tolist() == ["police"]
    by_option = parse_table(table, source="book.xlsx", sheet="Sheet1", agency="gp")
    assert by_option.events[S.AGENCY].tolist() == ["gp"]


def test_every_unmapped_column_is_kept_in_extra_in_column_order():
    headings = ["Date", "Details", *[f"Note {i}" for i in range(1, 41)]]
    rows = [
        ["12/03/2007", "Child A seen", *[f"v{i}" if i % 3 else None for i in range(1, 41)]],
        ["13/03/2007", "Home visit", *[None] * 40],
        ["14/03/2007", "Strategy discussion", *[None] * 39, "last"],
    ]
    chron = parse_table(pd.DataFrame([headings, *rows]), source="wide.csv")
    extra = chron.events[S.EXTRA].tolist()
    kept = [f"Note {i}: v{i}" for i in range(1, 41) if i % 3]
    assert extra[0] == " | ".join(kept)
    assert pd.isna(extra[1])
    assert extra[2] == "Note 40: last"


# -- the large-table paths (Arrow text cells, nearly sorted rows) -----------------------------

_PADDING = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2003", "\u3000"]


def _arrow_cells(values: list[str | None], cuts: list[int]) -> pd.Series:
    """Text cells as pandas keeps a big CSV: Arrow strings in several chunks."""
    import pyarrow as pa

    whole = pa.array(values, pa.large_string())
    edges = [0, *sorted(c for c in cuts if 0 < c < len(values)), len(values)]
    chunks = [whole.slice(a, b - a) for a, b in itertools.pairwise(edges)]
    return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(chunks, pa.large_string())))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.none() | st.text(alphabet=st.sampled_from([*_PADDING, "a", "1", "é", "-", "x"])),
        max_size=40,
    ),
    st.lists(st.integers(0, 40), max_size=4),
)
def test_cells_are_trimmed_of_any_white_space_and_blank_cells_are_missing(values, cuts):
    import pyarrow as pa
    import pyarrow.compute as pc

    from scr_timeline.io.table import _not_a_numeric_date, cells_to_text

    cells = _arrow_cells(values, cuts)
    trimmed = pc.utf8_trim_whitespace(pa.array(values, pa.large_string())).to_pylist()
    # and a carriage return ("\r\n" or alone) inside a cell is one line break
    expected = [None if not t else t.replace("\r\n", "\n").replace("\r", "\n") for t in trimmed]
    assert cells_to_text(cells).tolist() == [pd.NA if t is None else t for t in expected]
    # a cell that does not start with a digit (after white space) could be a heading
    starts = pc.match_substring_regex(pa.array(values, pa.large_string()), r"^\s*\d")
    heading_like = [not bool(s) if s is not None else False for s in starts.to_pylist()]
    assert _not_a_numeric_date(cells).tolist() == heading_like


def test_times_join_the_date_text_only_where_a_row_has_both():
    table = raw(
        ["Date", "Time", "Details"],
        ["12/03/2007", "14:30", "a"],
        ["13/03/2007", None, "b"],
        [None, "09:00", "no date"],
    )
    chron = parse_table(table, source="x.csv")
    assert chron.events[S.DATE_TEXT].tolist() == ["12/03/2007 14:30", "13/03/2007"]
    assert chron.rejected[S.DATE_TEXT].isna().tolist() == [True]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 5), min_size=2, max_size=60),
    st.booleans(),
)
def test_events_are_ordered_by_start_and_then_as_the_table_lists_them(days, whole_seconds):
    import numpy as np

    from scr_timeline.io.table import _event_order

    unit = 86_400_000_000_000 if whole_seconds else 1  # nanoseconds
    starts = (np.array(days, dtype=np.int64) * unit).view("M8[ns]")
    order = _event_order(starts, None)
    expected = np.lexsort((np.arange(len(days)), starts))
    if order is None:
        assert (expected == np.arange(len(days))).all()
    else:
        assert order.tolist() == expected.tolist()


def test_a_large_nearly_sorted_table_keeps_every_cell_with_its_row():
    n = 20_000  # above the size where text columns are taken by Arrow
    days = [(i // 7) % 28 + 1 for i in range(n)]
    days[::500] = [28] * len(days[::500])  # rows out of order
    table = pd.DataFrame(
        {
            "Date": [f"{d:02d}/03/2007" for d in days],
            "Time": [None if i % 3 else f"{i % 24:02d}:00" for i in range(n)],
            "Agency": ["GP" if i % 2 else " Police " for i in range(n)],
            "Details": [f" row {i} " for i in range(n)],
        }
    ).astype(pd.StringDtype("pyarrow"))
    chron = parse_table(table, source="big.csv")
    ev = chron.events
    assert len(ev) == n and chron.rejected.empty
    row = ev[S.SOURCE_ROW].to_numpy() - 2  # the heading is row 1
    assert ev[S.DETAILS].tolist() == [f"row {i}" for i in row]
    assert ev[S.ORGANISATION].tolist() == ["GP" if i % 2 else "Police" for i in row]
    assert ev[S.AGENCY].astype(str).tolist() == ["gp" if i % 2 else "police" for i in row]
    assert ev.index.tolist() == [f"big-r{i + 2}" for i in row]
    assert (ev[S.START].diff().dropna() >= pd.Timedelta(0)).all()
    late = chron.warnings[chron.warnings[S.CODE] == "row_out_of_order"]
    assert late[S.MESSAGE].iloc[0] == (
        "row dated 01/03/2007 comes after a row dated 28/03/2007 (out of chronological order)"
    )


def test_a_table_whose_every_row_is_rejected_still_reads_with_its_agency_column():
    table = raw(["Date", "Agency", "Details"], ["31/06/2007", "GP", "a"], [None, "Police", "b"])
    chron = parse_table(table, source="x.csv")
    assert chron.events.empty
    assert chron.rejected[S.REASON_CODE].tolist() == ["impossible_date", "empty_date"]


def _read_both_ways(monkeypatch, read):
    """``read()`` with every column pass in place, then with a big table's second thread."""
    import scr_timeline.io.table as table

    monkeypatch.setattr(table, "_PARALLEL_ROWS", 1 << 62)
    alone = read()
    monkeypatch.setattr(table, "_PARALLEL_ROWS", 1)
    monkeypatch.setattr(table, "_cpus", lambda: 2)
    shared = read()
    return alone, shared


def _assert_same(alone, shared):
    pd.testing.assert_frame_equal(alone.events, shared.events)
    pd.testing.assert_frame_equal(alone.rejected, shared.rejected)
    pd.testing.assert_frame_equal(alone.warnings, shared.warnings)
    assert alone.meta == shared.meta


@pytest.mark.parametrize(
    "name", ["child-a-combined.csv", "child-b-agencies.xlsx", "child-c-messy-dates.csv"]
)
def test_a_second_thread_reads_the_samples_exactly_as_one(monkeypatch, name):
    import scr_timeline as scr
    from scr_timeline.datasets import sample_path

    _assert_same(*_read_both_ways(monkeypatch, lambda: scr.read(sample_path(name))))


def test_a_second_thread_keeps_blank_rows_rejected_rows_and_agencies_as_one(monkeypatch):
    n = 3_000
    rows = []
    for i in range(n):
        date = "31/06/2007" if i % 97 == 5 else f"{i % 28 + 1:02d}/0{i % 9 + 1}/2007"
        agency = ["GP", " Police ", None, "Mystery Trust", "Children's Social Care"][i % 5]
        rows.append([date, None if i % 3 else f"{i % 24:02d}:15", agency, f" row {i} ", "x"])
        if i % 250 == 7:
            rows.append([None, " ", None, None, None])  # a blank row
        if i % 400 == 9:
            rows.append(["Date", "Time", "Agency", "Details", "Notes"])  # a repeated header
    table = raw(
        ["Chronology: Child A", None, None, None, None],
        ["Date", "Time", "Agency", "Details", "Notes"],
        *rows,
    ).astype(pd.StringDtype("pyarrow"))
    alone, shared = _read_both_ways(
        monkeypatch, lambda: parse_table(table, source="child-a.csv", classify=False)
    )
    _assert_same(alone, shared)
    assert len(alone.rejected) == len([i for i in range(n) if i % 97 == 5])
    ev = alone.events
    # (the "Notes" beside the details is read into them, on a line of its own)
    assert ev[S.DETAILS].str.endswith("\nNotes: x").all()
    row = ev[S.DETAILS].str.split("\n").str[0].str.removeprefix("row ").astype(int)
    names = ["GP", "Police", "(none)", "Mystery Trust", "Children's Social Care"]
    assert ev[S.ORGANISATION].fillna("(none)").tolist() == [names[i % 5] for i in row]
    codes = ["gp", "police", "other", "other", "csc"]
    assert ev[S.AGENCY].astype(str).tolist() == [codes[i % 5] for i in row]
    codes = set(alone.warnings[S.CODE])
    assert {"unknown_agency", "no_agency", "repeated_header", "row_out_of_order"} <= codes


def test_a_second_thread_raises_what_one_would(monkeypatch):
    import scr_timeline.io.table as table

    def broken(written):
        raise MissingColumnError("an agency alias table without an agency column")

    monkeypatch.setattr(table, "_agency_names", broken)
    frame = raw(["Date", "Agency"], ["12/03/2007", "GP"], ["13/03/2007", "Police"])
    for rows in (1 << 62, 1):
        monkeypatch.setattr(table, "_PARALLEL_ROWS", rows)
        monkeypatch.setattr(table, "_cpus", lambda: 2)
        with pytest.raises(MissingColumnError, match="alias table"):
            parse_table(frame, source="x.csv")


def test_the_second_thread_is_made_again_in_a_forked_process(monkeypatch):
    import multiprocessing

    import scr_timeline.io.table as table

    monkeypatch.setattr(table, "_cpus", lambda: 2)
    parent = table._side_thread(table._PARALLEL_ROWS)
    assert parent is not None and table._side_thread(table._PARALLEL_ROWS) is parent
    assert table._side_thread(table._PARALLEL_ROWS - 1) is None
    context = multiprocessing.get_context("fork")
    with context.Pool(1) as pool:
        assert pool.apply(_fork_reads) == 2


def _fork_reads() -> int:
    """In a forked child: a table read with the second thread (the parent's is gone)."""
    import scr_timeline.io.table as table

    table._PARALLEL_ROWS = 1
    table._cpus = lambda: 2
    frame = raw(["Date", "Details"], ["12/03/2007", "seen"], ["13/03/2007", "seen again"])
    return len(parse_table(frame, source="fork.csv", classify=False).events)


def test_a_time_stored_as_a_fraction_of_a_day_is_written_as_the_time():
    """An Excel time cell with the General format arrives as 0.604166... (14:30)."""
    table = raw(
        ["Date", "Time", "Details"],
        [dt.datetime(2007, 3, 12), 0.6041666666666666, "Child A seen"],
        [dt.datetime(2007, 3, 13), dt.time(9, 15), "Mother called"],
        [dt.datetime(2007, 3, 14), "10:00", "Visit"],
        [dt.datetime(2007, 3, 15), 0.99999, "Late call"],
    )
    ev = parse_table(table, source="police.xlsx", classify=False).events
    assert ev[S.DATE_TEXT].tolist() == [
        "12/03/2007 14:30",
        "13/03/2007 09:15",
        "14/03/2007 10:00",
        "15/03/2007 23:59",
    ]
    assert ev[S.START].dt.strftime("%H:%M").tolist() == ["14:30", "09:15", "10:00", "23:59"]


def test_a_header_found_by_the_caller_is_not_looked_for_again(monkeypatch):
    import scr_timeline.io.table as table
    from scr_timeline.io.headers import find_header

    frame = raw(["Chronology: Riverside Hospital", None], ["Date", "Event"], ["12/03/2007", "Seen"])
    info = find_header(frame)
    monkeypatch.setattr(table, "find_header", lambda *a, **k: pytest.fail("looked for again"))
    chron = parse_table(frame, source="child-a.csv", header=info)
    assert chron.events[S.SOURCE_ROW].tolist() == [3]
    assert chron.events[S.AGENCY].tolist() == ["hospital"]


# --- rows that carry on the row above (Enter typed instead of Alt+Enter) ----------------------
def _continued(chron):
    return chron.warnings[chron.warnings[S.CODE] == "row_continued"]


def test_a_row_of_text_alone_under_a_dated_row_is_the_rest_of_its_text():
    table = raw(
        ["Date", "Agency", "Practitioner", "Details", "Outcome"],
        ["12/03/2007", "Health Visiting", "HV1", "Home visit. Child A seen.", "Review in 4 weeks"],
        [None, None, None, "bruise noted on left cheek", None],
        ["13/03/2007", "GP", "GP1", "Mother phoned", None],
    )
    chron = parse_table(table, source="hv.xlsx", sheet="HV", join_continued=True)
    ev = chron.events
    assert ev[S.DETAILS].tolist() == ["Home visit. Child A seen.\nbruise noted on left cheek",
                                      "Mother phoned"]  # fmt: skip
    assert ev[S.SOURCE_ROW].tolist() == [2, 4]
    assert bool(ev[S.INJURY].iloc[0])  # the bruise reaches the classification
    assert chron.rejected.empty
    joined = _continued(chron)
    assert joined[[S.SOURCE_FILE, S.SOURCE_SHEET, S.SOURCE_ROW]].values.tolist() == [
        ["hv.xlsx", "HV", 3]
    ]
    assert "row 3 " in joined[S.MESSAGE].iloc[0] and "row 2 " in joined[S.MESSAGE].iloc[0]
    # every data row is an event, a rejected row or a row joined to the one above
    assert len(ev) + len(chron.rejected) + len(joined) == 3
    assert chron.meta.sources[0].rows == 3
    # parse_table alone keeps each row to itself unless asked
    alone = parse_table(table, source="hv.xlsx", sheet="HV")
    assert alone.rejected[S.REASON_CODE].tolist() == ["empty_date"]


def test_several_continuation_rows_join_the_same_dated_row_in_order():
    table = raw(
        ["Date", "Details", "Outcome"],
        ["12/03/2007", "Strategy discussion.", None],
        [None, "Present: SW1, DC1.", None],
        [None, "Agreed s47 enquiry.", "Joint visit"],
        [None, "  ", None],  # blank: ends the run
        [None, "a note on its own", None],
    )
    chron = parse_table(table, source="csc.csv", join_continued=True)
    ev = chron.events
    assert ev[S.DETAILS].tolist() == [
        "Strategy discussion.\nPresent: SW1, DC1.\nAgreed s47 enquiry."
    ]
    assert ev[S.OUTCOME].tolist() == ["Joint visit"]  # a blank cell above takes it as it is
    assert _continued(chron)[S.SOURCE_ROW].tolist() == [3, 4]
    assert all("row 2 " in m for m in _continued(chron)[S.MESSAGE])
    assert chron.rejected[[S.SOURCE_ROW, S.REASON_CODE]].values.tolist() == [[6, "empty_date"]]


@pytest.mark.parametrize(
    ("row", "why"),
    [
        (["", "Police", None, "call-out", None], "names its agency"),
        ([None, None, "SW2", "phoned Mother", None], "names its worker"),
        ([None, None, None, "phoned Mother", "NFA"], "has its own details and outcome"),
        ([None, None, None, None, None], "is blank (so the row after it is undated)"),
    ],
)
def test_rows_that_are_no_continuation_stay_rows_of_their_own(row, why):
    table = raw(
        ["Date", "Agency", "Practitioner", "Details", "Outcome"],
        ["12/03/2007", "GP", "GP1", "Child A seen", "Advice"],
        row,
        [None, None, None, "text under it", None],
    )
    chron = parse_table(table, source="x.csv", join_continued=True)
    assert chron.events[S.DETAILS].tolist() == ["Child A seen"], why
    assert _continued(chron).empty, why
    rows = len(chron.events) + len(chron.rejected)
    assert rows == (2 if row[3] is None else 3), why


def test_a_first_data_row_without_a_date_has_no_row_to_carry_on():
    table = raw(["Date", "Details"], [None, "text first"], ["12/03/2007", "seen"])
    chron = parse_table(table, source="x.csv", join_continued=True)
    assert chron.rejected[S.REASON_CODE].tolist() == ["empty_date"]
    assert _continued(chron).empty


@pytest.mark.parametrize(("date", "code"), [("31/06/2007", "impossible_date"),
                                           ("Not known", "empty_date")])  # fmt: skip
def test_a_continuation_of_a_row_whose_date_is_wrong_goes_with_it_to_rejected(date, code):
    table = raw(["Date", "Details"], [date, "Visit"], [None, "more of it"])
    chron = parse_table(table, source="x.csv", join_continued=True)
    assert chron.rejected[[S.SOURCE_ROW, S.REASON_CODE, S.DETAILS]].values.tolist() == [
        [2, code, "Visit\nmore of it"]
    ]
    assert _continued(chron)[S.SOURCE_ROW].tolist() == [3]


def test_a_cell_merged_down_into_a_continuation_row_is_not_repeated():
    # a details cell merged over two rows comes with its text in both (io/excel._carry_down)
    table = raw(
        ["Date", "Details", "Extra notes"],
        ["12/03/2007", "Child A seen", None],
        [None, "Child A seen", "weight 9kg"],
    )
    chron = parse_table(table, source="x.xlsx", join_continued=True)
    assert chron.events[S.DETAILS].tolist() == ["Child A seen"]
    assert chron.events[S.EXTRA].tolist() == ["Extra notes: weight 9kg"]


def test_a_second_thread_joins_continuation_rows_as_one(monkeypatch):
    rows = []
    for i in range(2_000):
        rows.append([f"{i % 28 + 1:02d}/03/2007", "GP" if i % 2 else None, f"row {i}", None])
        if i % 7 == 3:
            rows.append([None, None, f"more of row {i}", None])
        if i % 11 == 5:
            rows.append([None, None, f"and more of row {i}", f"outcome {i}"])
    table = raw(["Date", "Agency", "Details", "Outcome"], *rows).astype(pd.StringDtype("pyarrow"))
    alone, shared = _read_both_ways(
        monkeypatch,
        lambda: parse_table(table, source="x.csv", classify=False, join_continued=True),
    )
    _assert_same(alone, shared)
    assert len(alone.events) == 2_000 and alone.rejected.empty
    assert len(alone.events) + len(_continued(alone)) == len(rows)
    assert "row 3\nmore of row 3" in set(alone.events[S.DETAILS])
    assert "row 5\nand more of row 5" in set(alone.events[S.DETAILS])
    row = alone.events[alone.events[S.DETAILS].str.startswith("row 38\n")].iloc[0]
    assert row[S.DETAILS] == "row 38\nmore of row 38\nand more of row 38"
    assert row[S.OUTCOME] == "outcome 38"


def test_section_dates_give_their_year_to_dates_written_without_one():
    """A reader's section rows ("2007" alone in the date column, taken out of the table)
    give their year to the dates below written without one."""
    table = raw(
        ["Date", "Agency", "Details"],
        [None, None, None],  # where the reader took out the "2007" row
        ["12 March", "GP", "Seen"],
        [None, None, None],  # "2008"
        ["2 January", "GP", "Seen"],
    )
    without = parse_table(table, source="gp.csv")
    assert len(without.events) < 2 or without.events[S.START].dt.year.tolist() != [2007, 2008]
    chron = parse_table(table, source="gp.csv", section_dates=[(1, "2007"), (3, "2008")])
    assert chron.events[S.START].dt.strftime("%d/%m/%Y").tolist() == ["12/03/2007", "02/01/2008"]
    assert chron.rejected.empty


def test_a_csv_with_year_rows_over_dates_without_a_year(tmp_path):
    path = tmp_path / "gp.csv"
    path.write_text(
        "Date,Agency,Details\n2007,,\n12 March,GP,Seen\n14 March,GP,Seen\n2008,,\n"
        "2 January,GP,Seen\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events[S.START].dt.strftime("%d/%m/%Y").tolist() == [
        "12/03/2007",
        "14/03/2007",
        "02/01/2008",
    ]
    assert chron.rejected.empty
    assert (chron.warnings[S.CODE] == "section_row").sum() == 2
    # the rows its messages name are the rows a person sees in the file
    inferred = chron.warnings[chron.warnings[S.CODE] == "year_inferred"][S.MESSAGE].tolist()
    assert "in the year of the heading row 2 ('2007') above" in inferred[0]
    assert "in the year of row 3 ('12 March') above" in inferred[1]


def test_an_age_in_the_date_column_is_dated_from_the_given_date_of_birth():
    raw = pd.DataFrame(
        {
            "Date": ["14/11/2019", "Aged 6 weeks", "12/03/2020"],
            "Agency": ["Maternity", "HV", "GP"],
            "Details": ["Child F born", "6 week check. Baby seen.", "Seen"],
        }
    )
    chron = parse_table(raw, source="hv.csv", child_dob="14/11/2019")
    aged = chron.events[chron.events[S.DATE_TEXT] == "Aged 6 weeks"]
    assert aged[S.START].tolist() == [pd.Timestamp("2019-12-26")]
    assert aged[S.PRECISION].tolist() == ["week"]
    assert "age_dated" in chron.warnings[S.CODE].tolist()
    # without a date of birth (given, or in the chronology: its birth row would date it,
    # see test_ages_in_the_date_column_are_dated_from_the_birth_row) it is rejected,
    # saying what would date it
    raw.loc[0, "Details"] = "Mother seen at clinic"
    rejected = parse_table(raw, source="hv.csv").rejected
    assert rejected[S.DATE_TEXT].tolist() == ["Aged 6 weeks"]
    assert "date of birth" in rejected[S.REASON].iloc[0]


def test_page_lines_of_a_printed_export_are_no_events_and_no_titles(tmp_path):
    # an export printed to pages: "Page 1 of 2" above the header the next page repeats,
    # a protective marking between rows, the agency written once over its block
    path = tmp_path / "export.csv"
    path.write_text(
        "Date,Agency,Details\n"
        "12/03/2007,GP,Seen\n"
        "13/03/2007,,Phoned\n"
        "Page 1 of 2,,\n"
        "Date,Agency,Details\n"
        "14/03/2007,,Seen again\n"
        "OFFICIAL - SENSITIVE,,\n"
        "15/03/2007,HV,Visit\n"
        "Page 2 of 2,,\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 3, 6, 8]
    assert chron.events[S.AGENCY].astype(str).tolist() == ["gp", "gp", "gp", "health_visiting"]
    assert chron.rejected.empty
    codes = chron.warnings[S.CODE].tolist()
    assert "table_block" not in codes and "no_agency" not in codes
    furniture = chron.warnings[chron.warnings[S.CODE] == "page_furniture"]
    assert "'Page 1 of 2'" in furniture[S.MESSAGE].iloc[0]
    assert "repeated_header" in codes


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_title_line_labelled_agency_names_the_agency_without_its_label(
    tmp_path, suffix, write_xlsx
):
    rows = [["Agency: Riverside Surgery", None], ["Date", "Details"], ["12/03/2007", "Seen"]]
    if suffix == ".csv":
        path = tmp_path / "chron.csv"
        path.write_text("Agency: Riverside Surgery\nDate,Details\n12/03/2007,Seen\n")
    else:
        path = write_xlsx("chron.xlsx", {"Sheet1": rows})
    chron = scr.read(path)
    assert chron.events[S.AGENCY].astype(str).tolist() == ["gp"]
    assert chron.events[S.ORGANISATION].tolist() == ["Riverside Surgery"]


# --- ages in the date column, no date of birth given: the chronology's own dates them -----
def _age_rows(title: str | None = None, birth: str = "Child A born at 38 weeks.") -> pd.DataFrame:
    rows = [
        ["Date", "Agency", "Details"],
        ["12/03/2007", "Midwifery", birth],
        ["Aged 6 weeks", "GP", "6 week check. Baby seen and weighed."],
        ["6/52", "Health Visiting", "HV home visit. Child A seen."],
        ["20/05/2007", "GP", "Immunisations given."],
    ]
    if title is not None:
        rows.insert(0, [title, None, None])
    return pd.DataFrame(rows)


@pytest.mark.parametrize("classify", [True, False])
def test_ages_in_the_date_column_are_dated_from_the_birth_row(classify):
    chron = scr.parse_table(_age_rows(), source="gp.csv", classify=classify)
    assert chron.rejected.empty
    by_row = chron.events.set_index(S.SOURCE_ROW)
    assert by_row.loc[3, S.START] == pd.Timestamp("2007-04-23")  # 6 weeks after 12/03
    assert by_row.loc[4, S.START] == pd.Timestamp("2007-04-23")
    notes = chron.warnings[chron.warnings[S.CODE] == "ages_from_inferred_dob"]
    assert len(notes) == 1
    message = notes[S.MESSAGE].iloc[0]
    assert "rows 3, 4" in message and "12/03/2007" in message and "row 2" in message


def test_ages_in_the_date_column_are_dated_from_a_dob_in_the_title():
    raw = _age_rows(title="Child A (DOB 01/03/2007)", birth="Mother seen at clinic.")
    chron = scr.parse_table(raw, source="gp.csv", classify=False)
    assert chron.rejected.empty
    assert chron.events[S.START].min() == pd.Timestamp("2007-03-12")
    assert (chron.events[S.START] == pd.Timestamp("2007-04-12")).sum() == 2  # 6 weeks on


def test_ages_stay_rejected_when_the_chronology_gives_no_date_of_birth():
    chron = scr.parse_table(_age_rows(birth="Mother seen at clinic."), source="gp.csv")
    assert sorted(chron.rejected[S.SOURCE_ROW]) == [3, 4]
    assert chron.rejected[S.REASON].str.contains("gives an age").all()
    assert "ages_from_inferred_dob" not in set(chron.warnings[S.CODE])


def test_a_row_with_a_blank_date_under_a_dated_one_takes_its_day_when_anchoring():
    # "12/03/2007 | GP | ..." then " | Health Visiting | ...": the date written once
    table = raw(
        ["Date", "Agency", "Details"],
        ["12/03/2007", "GP", "Child A seen with a bruise to the cheek"],
        [None, "Health Visiting", "HV told by GP of the bruise"],
        ["14/03/2007", "CSC", "Referral received from GP"],
    )
    assert list(parse_table(table, source="x.csv").rejected[S.SOURCE_ROW]) == [3]
    chron = parse_table(table, source="x.csv", anchor_relative=True)
    assert chron.rejected.empty
    hv = chron.events[chron.events[S.AGENCY] == "health_visiting"]
    assert hv[S.START].tolist() == [pd.Timestamp("2007-03-12")]
    assert "blank_date_anchored" in set(chron.warnings[S.CODE])


def test_a_row_dated_after_today_is_kept_with_a_future_date_warning():
    # "13/03/2077" for 2007: a typing error a reviewer must check against the record
    table = raw(
        ["Date", "Agency", "Details"],
        ["12/03/2007", "GP", "Seen"],
        ["13/03/2077", "Health Visiting", "Home visit"],
        ["14/03/2007", "CSC", "Referral received"],
    )
    chron = parse_table(table, source="x.csv")
    assert len(chron.events) == 3 and chron.rejected.empty
    future = chron.warnings[chron.warnings[S.CODE] == "future_date"]
    assert future[S.SOURCE_ROW].tolist() == [3]
    assert "13/03/2077 is after today" in future[S.MESSAGE].iloc[0]


def test_a_date_of_birth_in_a_title_line_under_the_first_is_the_childs(tmp_path):
    # only the first title line is kept as the table's title: the DOB under it was lost
    path = tmp_path / "police.csv"
    path.write_text(
        "Northshire Police - IMR chronology\n"
        "Subject: Child A (DOB 14/02/2013)\n"
        "\n"
        "Date,Officer,Event\n"
        "03/06/2013,PC 123,DA incident. Child A asleep in cot.\n"
        "16/08/2013,PC 123,Bruise to Child A's arm seen at the address.\n",
        encoding="utf-8",
    )
    chron = scr.read(path)
    assert chron.meta.title == "Northshire Police - IMR chronology"
    assert chron.meta.child_dob == pd.Timestamp("2013-02-14")
    note = chron.warnings.set_index(S.CODE).loc[S.CHILD_DOB_INFERRED]
    assert "'Subject: Child A (DOB 14/02/2013)'" in note[S.MESSAGE]
    assert bool(chron.events[S.SUSPICIOUS_INJURY].iloc[1])  # a baby's bruise
    assert scr.read(path, child_dob="01/01/2010").meta.child_dob == pd.Timestamp("2010-01-01")


def test_words_after_the_date_or_time_open_the_details():
    """Words written after the date in its cell, or after the time in the time cell, are
    the entry's: they open its details, where classification reads them. They had been
    named in a warning and left in date_text only: 'PC1 attended' involved no police."""
    table = raw(
        ["Date", "Time", "Agency", "Details"],
        ["12/03/2007 - phone call", "14:00 - call from school", "CSC", "Concerns re bruising"],
        ["13/03/2007", "23:10 PC1 attended", "Police", "DV incident at home"],
        ["14/03/2007 (telephone)", "", "GP", ""],
        ["15/03/2007", "10:30", "HV", "Home visit"],
        ["16 March 2007 2007", "", "HV", "Weighed"],
    )
    chron = parse_table(table, source="log.csv")
    details = chron.events[S.DETAILS].tolist()
    assert details == [
        "phone call - call from school. Concerns re bruising",
        "PC1 attended. DV incident at home",
        "(telephone)",
        "Home visit",
        "Weighed",  # a repeated year is no words
    ]
    assert chron.events[S.START].dt.strftime("%d %H:%M").tolist() == [
        "12 14:00",
        "13 23:10",
        "14 00:00",
        "15 10:30",
        "16 00:00",
    ]
    police = chron.events.loc[chron.events[S.AGENCY] == "police"]
    assert police[S.EVENT_TYPE].tolist() == ["police_incident"]
    # the date text keeps the cells as written; a warning says where the words went
    assert chron.events[S.DATE_TEXT].iloc[1] == "13/03/2007 23:10 PC1 attended"
    extra = chron.warnings.loc[chron.warnings[S.CODE] == "extra_text", S.MESSAGE].tolist()
    assert any("('phone call') open the entry's details" in m for m in extra)
    assert any("ignored the rest ('2007')" in m for m in extra)


def test_a_row_whose_date_is_not_known_is_never_a_new_header():
    """'Date unknown' | 'GP notes' | 'Letter to Mother' reads like a header (a date heading,
    a notes heading): it was taken for a second table's, the row lost from events and
    rejected alike and every row under it read with its 'headings'."""
    table = raw(
        ["Date", "Source", "Details"],
        ["12/03/2008", "GP notes", "Child A seen"],
        ["Date unknown", "GP notes", "Letter to Mother"],
        ["14/03/2008", "HV records", "Home visit, Child A seen"],
        ["No date", "HV records", "Phone call"],
        ["16/03/2008", "GP notes", "Mother seen"],
    )
    chron = parse_table(table, source="combined.csv")
    assert chron.events[S.SOURCE_ROW].tolist() == [2, 4, 6]
    assert chron.events[S.DETAILS].tolist() == [
        "Child A seen",
        "Home visit, Child A seen",
        "Mother seen",
    ]
    assert chron.events[S.AGENCY].tolist() == ["gp", "health_visiting", "gp"]
    assert chron.rejected[S.SOURCE_ROW].tolist() == [3, 5]
    assert chron.rejected[S.REASON_CODE].tolist() == ["empty_date", "empty_date"]
    assert "table_block" not in chron.warnings[S.CODE].tolist()


def test_the_review_authors_note_under_the_record_is_the_comment():
    """An IMR author's analysis written under the record in the same cell had been read as
    part of the record: 'SW1 should have referred to the police' as a referral. A line
    opening with the author's, the reviewer's, the analysis or the learning label starts
    the comment (after the comment column's own text); a bare 'Comment:' may be the
    practitioner's own, and stays in the record."""
    table = raw(
        ["Date", "Agency", "Details", "Comment"],
        [
            "12/03/2008",
            "CSC",
            "Home visit. Child A seen, bruise to cheek.\nAnalysis by IMR author: SW1 should "
            "have referred to the police.\nNo strategy discussion was held.",
            None,
        ],
        ["13/03/2008", "GP", "Child A seen.\nComment: Mother seemed low.", None],
        ["14/03/2008", "HV", "Weighed.\nLearning: the bruise was not shared.", "Late entry"],
    )
    chron = parse_table(table, source="imr.csv")
    ev = chron.events
    assert ev[S.DETAILS].tolist() == [
        "Home visit. Child A seen, bruise to cheek.",
        "Child A seen.\nComment: Mother seemed low.",
        "Weighed.",
    ]
    assert ev[S.COMMENT].fillna("").tolist() == [
        "SW1 should have referred to the police.\nNo strategy discussion was held.",
        "",
        "Late entry\nthe bruise was not shared.",
    ]
    assert ev[S.EVENT_TYPE].tolist()[0] == "home_visit"
