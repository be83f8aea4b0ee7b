"""Properties that hold for any input (hypothesis): nothing lost, nothing raised but the
documented error, nothing of the caller's mutated."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.dates import parse_date, parse_dates, parse_time
from scr_timeline.exceptions import DateParseError, EmptyChronologyError
from scr_timeline.io.document import DocumentTable, parse_document_tables
from scr_timeline.io.headers import normalise_heading
from scr_timeline.io.text import with_warnings
from scr_timeline.testing import assert_chronology_accounts_for

#: Examples per property: modest by default (the reliability suite stays under a minute);
#: SCR_HYPOTHESIS_EXAMPLES=5000 for a deep run.
EXAMPLES = int(os.environ.get("SCR_HYPOTHESIS_EXAMPLES", "60"))
FAST = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

_MONTHS = ["Jan", "March", "Sept", "june", "Febuary", "Spring", "w/c", "early", "c.", "to"]
_DATE_PARTS = st.one_of(
    st.integers(-5, 3000).map(str),
    st.sampled_from(_MONTHS),
    st.sampled_from(["/", "-", ".", " ", "/", ",", "th", "pm", ":", "?", "and", "between"]),
)
#: Text that looks like a date often enough to reach every branch of the date reader.
DATE_LIKE = st.lists(_DATE_PARTS, min_size=1, max_size=7).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=40), DATE_LIKE)
CELL = st.one_of(st.none(), st.just(""), st.just("  "), ANY_TEXT)


@given(ANY_TEXT, st.booleans())
@FAST
def test_parse_date_raises_only_its_documented_error(text: str, dayfirst: bool) -> None:
    try:
        start, end, precision = parse_date(text, dayfirst=dayfirst)
    except DateParseError as err:
        assert err.found == text
        return
    assert start <= end
    assert precision in S.PRECISIONS


@given(st.one_of(ANY_TEXT, st.floats(allow_nan=True), st.integers()))
@FAST
def test_parse_time_raises_only_its_documented_error(value: object) -> None:
    try:
        time = parse_time(value)
    except DateParseError as err:
        assert err.expected
        return
    assert isinstance(time, dt.time)


@given(st.lists(CELL, min_size=1, max_size=12), st.sampled_from([None, True, False]))
@FAST
def test_parse_dates_never_raises_and_keeps_every_cell(cells: list, dayfirst: bool | None) -> None:
    values = pd.Series(cells, dtype=object)
    before = values.copy()
    parsed = parse_dates(values, dayfirst=dayfirst, anchor_relative=True)
    frame = parsed.frame
    assert len(frame) == len(values)
    dated = frame[S.START].notna()
    assert (frame.loc[dated, S.START] <= frame.loc[dated, S.END]).all()
    assert frame.loc[~dated, "error_code"].notna().all()  # every undated cell says why
    pd.testing.assert_series_equal(values, before)


@given(
    st.lists(
        st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2025, 12, 31)),
        min_size=2,
        max_size=6,
        unique=True,
    ),
    st.sampled_from([", ", "; ", " & ", " and ", " + ", "\n"]),
    st.sampled_from(["%d/%m/%Y", "%d/%m/%y", "%d %B %Y", "%Y-%m-%d"]),
)
@FAST
def test_a_list_of_dates_spans_them_and_names_each(
    days: list[dt.date], sep: str, form: str
) -> None:
    """No date of a list is chosen over the others: the row runs from the earliest to the
    latest, and the several_dates warning names every one."""
    cell = sep.join(day.strftime(form) for day in days)
    parsed = parse_dates(pd.Series([cell]), dayfirst=True)
    row = parsed.frame.iloc[0]
    assert row[S.START] == pd.Timestamp(min(days))
    assert row[S.END] == pd.Timestamp(max(days)) + pd.Timedelta(hours=23, minutes=59, seconds=59)
    [(code, message, _)] = parsed.warnings
    assert code == "several_dates"
    assert all(day.strftime("%d/%m/%Y") in message for day in days)


_DAY_NOT_KNOWN = ["00/%m/%Y", "??/%m/%Y", "xx/%m/%y", "%Y-%m-00", "%Y-%m-??", "?? %B %Y", "%Y%m00"]


@given(
    st.lists(
        st.tuples(
            st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2025, 12, 31)),
            st.one_of(st.none(), st.sampled_from(_DAY_NOT_KNOWN)),
        ),
        min_size=1,
        max_size=10,
    )
)
@FAST
def test_a_column_with_days_not_known_reads_every_row_back(
    rows: list[tuple[dt.date, str | None]],
) -> None:
    """Dates written whole (day first) among dates whose day is written as unknown, as a GP
    or police extract mixes them: no row is rejected, a whole date is its day, the others the
    whole month they name (start <= the date <= end), none approximate."""
    cells = [day.strftime(form or "%d/%m/%Y") for day, form in rows]
    parsed = parse_dates(pd.Series(cells), dayfirst=None)
    frame = parsed.frame
    assert frame["error_code"].isna().all(), frame["error"].dropna().tolist()
    assert not frame["approximate"].any()
    for (day, form), (_, row) in zip(rows, frame.iterrows(), strict=True):
        first = pd.Timestamp(day.replace(day=1)) if form else pd.Timestamp(day)
        last = first + (pd.offsets.MonthBegin(1) if form else pd.Timedelta(days=1))
        assert (row[S.START], row[S.END]) == (first, last - pd.Timedelta(seconds=1))
        assert row[S.PRECISION] == ("month" if form else "day")
        assert row[S.START] <= pd.Timestamp(day) <= row[S.END]


def _data_rows(rows: list[list[str | None]]) -> int:
    return sum(any(c is not None and c.strip() for c in row) for row in rows)


def _repeated_headers(chron: scr.Chronology) -> int:
    messages = chron.warnings.loc[chron.warnings[S.CODE] == "repeated_header", S.MESSAGE]
    return sum(int(re.match(r"(\d+)", m).group(1)) for m in messages)  # type: ignore[union-attr]


def _is_header_like(row: list[str | None]) -> bool:
    return normalise_heading(row[0] or "") == "date"


ROWS = st.lists(st.lists(CELL, min_size=3, max_size=3), min_size=1, max_size=15)


@given(ROWS, st.booleans(), st.booleans())
@FAST
def test_parse_table_loses_no_row(rows: list[list[str | None]], headed: bool, join: bool) -> None:
    """Every data row is an event, a rejected row, or (``join_continued``) joined to the
    dated row above it, named by a ``row_continued`` warning and nothing else."""
    header = ["Date", "Details", "Agency"]
    raw = pd.DataFrame(rows, columns=header) if headed else pd.DataFrame([header, *rows])
    before = raw.copy()
    try:
        chron = scr.parse_table(raw, source="child-a.csv", join_continued=join)
    except EmptyChronologyError:
        # no row with text, or (header found in the table) every one repeats the header
        assert _data_rows(rows) == 0 or (
            not headed and all(_is_header_like(row) for row in rows if _data_rows([row]))
        )
        return
    finally:
        pd.testing.assert_frame_equal(raw, before)  # the caller's frame is never changed
    expected = _data_rows(rows) - _repeated_headers(chron)
    assert_chronology_accounts_for(chron, expected)
    if not join:
        assert "row_continued" not in set(chron.warnings[S.CODE])
    assert (chron.events[S.START] <= chron.events[S.END]).all()
    assert chron.rejected[S.REASON].notna().all()
    assert chron.events.index.is_unique


#: Cells of a document table: often blank (continuation rows), dates, agencies and text.
DOC_CELL = st.one_of(
    st.none(),
    st.just(""),
    st.sampled_from(["12/03/2007", "13/03/2007", "March 2007", "GP", "Police", "HV1"]),
    ANY_TEXT,
)
DOC_ROWS = st.lists(st.lists(DOC_CELL, min_size=4, max_size=4), min_size=1, max_size=8)


def _agency_merged_down(rows: list[list[str | None]], first: int) -> tuple[tuple[int, int], ...]:
    """Fill each blank agency cell (column 1) of ``rows[first:]`` under a written one with
    its text, as a cell merged down gives it, and return those cells (as
    ``DocumentTable.merged``)."""
    merged = []
    for i in range(first + 1, len(rows)):
        if not (rows[i][1] or "").strip() and (rows[i - 1][1] or "").strip():
            rows[i][1] = rows[i - 1][1]
            merged.append((i, 1))
    return tuple(merged)


@given(
    st.lists(DOC_ROWS, min_size=1, max_size=3),
    st.lists(st.booleans(), min_size=3, max_size=3),
    st.booleans(),
)
@FAST
def test_document_tables_lose_no_row(
    parts: list[list[list[str | None]]], follows: list[bool], merge: bool
) -> None:
    """A Word or PDF table over pages (or tables with no header of their own): every data
    row of a table read is an event, a rejected row, or joined to the row above it (within
    its table, or at the top of the next page) and named by one ``row_continued`` warning;
    a table not read is named by a ``table_skipped`` warning."""
    header = ["Date", "Agency", "Details", "Outcome"]
    tables = []
    for i, (rows, f) in enumerate(zip(parts, follows, strict=False)):
        cells = [header, *rows] if i == 0 else rows
        merged = _agency_merged_down(cells, 1 if i == 0 else 0) if merge else ()
        tables.append(DocumentTable(f"page {i + 1} table 1", cells, follows=f, merged=merged))
    try:
        chron, notes, _errors = parse_document_tables(tables, source="child-a.pdf", fmt="pdf")
    except EmptyChronologyError:
        return
    skipped = {n[S.SOURCE_SHEET] for n in notes if n[S.CODE] == "table_skipped"}
    if chron is None:
        assert skipped == {t.sheet for t in tables}
        return
    chron = with_warnings(chron, notes)
    # a table is read, skipped, or (all its rows carrying on the page before) joined
    read = {t.sheet for t in tables} - skipped
    data = sum(
        _data_rows(t.rows[1:] if i == 0 else t.rows)
        for i, t in enumerate(tables)
        if t.sheet in read
    )
    # rows holding only an agency's name in the first cell are banners, not data rows
    banners = int((chron.warnings[S.CODE] == "section_row").sum())
    assert_chronology_accounts_for(chron, data - banners - _repeated_headers(chron))


@given(rows=st.lists(st.tuples(DATE_LIKE, ANY_TEXT), min_size=1, max_size=6))
@settings(FAST, max_examples=max(3, EXAMPLES // 5))
def test_read_analyse_and_export_never_mutate_the_callers_frames(
    rows: list[tuple[str, str]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    raw = pd.DataFrame(
        [["12/03/2007", "Child A seen by GP1 with bruising", "GP"]]
        + [[d, text, "Social Care"] for d, text in rows],
        columns=["Date", "Details", "Agency"],
    )
    raw_before = raw.copy()
    chron = scr.read(raw)
    pd.testing.assert_frame_equal(raw, raw_before)

    events = chron.events.copy()  # the caller's own events table, given to a Chronology
    mine = scr.Chronology(events, chron.rejected, chron.warnings, chron.meta)
    events_before = events.copy()
    findings = scr.analyse(mine)
    out = Path(tmp_path_factory.mktemp("export"))
    mine.to_csv(out)
    findings.to_csv(out)
    scr.to_graphml(mine, out / "graph.graphml")
    scr.to_node_link_json(mine, out / "graph.json")
    scr.to_ocel(mine, out / "ocel.json")
    scr.write_report(mine, findings, out / "report.html")
    pd.testing.assert_frame_equal(events, events_before)
    pd.testing.assert_frame_equal(raw, raw_before)
