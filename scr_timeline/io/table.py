"""The one pure function every reader shares: a raw table of cells to a Chronology.

Readers only get cells out of files (CSV text, Excel sheets, Word and PDF tables); everything
after that (finding the header under title rows, mapping headings, reading dates, naming the
agency, rejecting what cannot be an event) happens here, the same way for every format.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any, cast

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import schema as S
from ..chronology import (
    EVENT_DTYPES,
    Chronology,
    ChronologyMeta,
    SourceInfo,
    to_category,
)
from ..classify.agencies import agency_from_name, normalise_agencies
from ..dates import parse_dates
from ..exceptions import (
    ChronologyReadError,
    EmptyChronologyError,
    MissingColumnError,
    ScrTimelineError,
)
from .headers import HeaderInfo, find_header, is_repeated_header, map_headings, normalise_heading

__all__ = ["classify_chronology", "parse_table"]

#: Text fields copied from their column as written.
_TEXT_FIELDS = (S.SOURCE, S.PRACTITIONER, S.DETAILS, S.OUTCOME, S.COMMENT, S.SEQUENCE)
_TEXT_TARGET = {S.COUNTERPARTS: S.COUNTERPARTS_TEXT}
_SLUG = re.compile(r"[^A-Za-z0-9]+")


def _slug(text: str) -> str:
    return _SLUG.sub("-", text).strip("-").lower() or "x"


def _cell_text(value: object) -> object:
    """One distinct cell as text (None for blank)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float):
        if np.isnan(value):
            return None
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime | pd.Timestamp):
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return f"{value:%d/%m/%Y}"
        return f"{value:%d/%m/%Y %H:%M}"
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    text = str(value).strip()
    return text or None


def _arrow_text(values: pd.Series, *, contiguous: bool = True) -> Any:
    """A string column as Arrow large_string (one contiguous array unless told otherwise)."""
    arrow = pa.array(values.array)
    if contiguous and isinstance(arrow, pa.ChunkedArray):
        arrow = arrow.combine_chunks()
    if arrow.type != pa.large_string():
        arrow = arrow.cast(pa.large_string())
    return arrow


def cells_to_text(values: pd.Series) -> pd.Series:
    """Cells as trimmed text with blanks as NA, each distinct value converted once."""
    if isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow":
        trimmed = pc.utf8_trim_whitespace(_arrow_text(values, contiguous=False))
        blank = pc.equal(trimmed, "")
        text = (
            pc.if_else(pc.fill_null(blank, True), pa.scalar(None, pa.large_string()), trimmed)
            if pc.any(blank).as_py()
            else trimmed
        )
        return pd.Series(
            pd.array(text, dtype=pd.StringDtype("pyarrow")), index=values.index, name=values.name
        )
    if pd.api.types.is_string_dtype(values.dtype) and values.dtype != object:
        text = values.astype("string").str.strip()
        return text.mask(text == "")
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    converted = np.array([_cell_text(u) for u in uniques] + [None], dtype=object)
    out = pd.Series(converted[codes], index=values.index, dtype="string")
    return out


def _not_a_numeric_date(cells: pd.Series) -> np.ndarray:
    """True where a cell is text that does not start with a digit (a heading could be)."""
    if isinstance(cells.dtype, pd.StringDtype) and cells.dtype.storage == "pyarrow":
        import pyarrow as pa
        import pyarrow.compute as pc

        arrow = pa.array(cells.array)
        starts = pc.fill_null(pc.match_substring_regex(arrow, r"^\s*\d"), True)
        return ~np.asarray(starts, dtype=bool)
    text = np.fromiter((isinstance(v, str) for v in cells), bool, len(cells))
    if text.any():
        starts = pd.Series(cells[text].astype(str)).str.match(r"\s*\d").to_numpy(dtype=bool)
        text[text] = ~starts
    return text


def _date_text(
    date_text: pd.Series | None, time_text: pd.Series | None, end_text: pd.Series | None
) -> pd.Series:
    """The date cells as written: date, then time, then " to " and the end date."""
    text = cast(pd.Series, date_text)
    for more, sep in ((time_text, " "), (end_text, " to ")):
        if more is not None:
            left = _arrow_text(text)
            right = _arrow_text(more)
            # (null_handling="skip" drops an element in some pyarrow versions: emit and fill)
            both = pc.binary_join_element_wise(
                left, right, pa.scalar(sep, pa.large_string()), null_handling="emit_null"
            )
            # a time or end date without a date stays out: the row has no date
            joined = pc.if_else(pc.is_null(right), left, both)
            text = pd.Series(
                pd.array(joined, dtype=pd.StringDtype("pyarrow")), index=text.index, name=text.name
            )
    return text


def _as_location_error(
    err: ScrTimelineError, *, file: str, sheet: str | None, row: int | None = None
) -> ScrTimelineError:
    return type(err)(
        err.message,
        file=file,
        sheet=sheet,
        row=err.row if err.row is not None else row,
        column=err.column,
        found=err.found,
        expected=err.expected,
    )


def _warning_rows(
    code: str, messages: pd.Series, rows: pd.Series, file: str, sheet: str | None
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            S.CODE: code,
            S.MESSAGE: messages.to_numpy(dtype=object),
            S.SOURCE_FILE: file,
            S.SOURCE_SHEET: sheet,
            S.SOURCE_ROW: rows.to_numpy(),
        }
    )


def _warning(
    code: str, message: str, file: str, sheet: str | None, row: int | None = None
) -> dict[str, Any]:
    return {
        S.CODE: code,
        S.MESSAGE: message,
        S.SOURCE_FILE: file,
        S.SOURCE_SHEET: sheet,
        S.SOURCE_ROW: row,
    }


def parse_table(
    raw: pd.DataFrame,
    *,
    source: str | PurePath,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
    agency: str | None = None,
    dayfirst: bool | None = None,
    anchor_relative: bool = False,
    child_dob: object = None,
    end_date: object = None,
    title: str | None = None,
    row_offset: int = 0,
    fmt: str | None = None,
    classify: bool = True,
    vocabularies: Mapping[str, str | PurePath] | None = None,
) -> Chronology:
    """Turn one raw table of cells into a Chronology.

    Rows that cannot become events go to ``Chronology.rejected`` with a reason; nothing is
    dropped silently (blank rows and repeated header rows are not data rows).

    Parameters
    ----------
    raw
        The table as read: either every row of a sheet as cells (default integer column
        labels; the header row is found below any title rows), or a frame whose column
        labels are already the headings (as ``pandas.read_csv`` gives).
    source
        The file the table came from; its name goes into ``source_file`` and ``event_id``.
    sheet
        Sheet (or table) name, kept in ``source_sheet``.
    columns
        Headings to canonical fields, overriding the built-in synonyms:
        ``{"When": "date", "Notes": "details"}``.
    agency
        The agency of rows without one (no agency column, or a blank cell) when neither the
        sheet name, a title line nor the file name names an agency.
    dayfirst
        ``None`` (default) decides from the dates themselves (day first unless they prove
        month first); ``True``/``False`` forces it.
    anchor_relative
        Date relative cells ("2 weeks later") from the row above instead of rejecting them.
    child_dob, end_date
        The child's date of birth (gives ``child_age_days``) and the end of the period
        under review.
    title
        A title for the chronology; by default the first title line above the header.
    row_offset
        Rows above ``raw`` in the original file (so ``source_row`` is the row a person sees).
    fmt
        The format name recorded in ``meta.sources`` ("csv", "xlsx", ...).
    classify
        Fill the classification columns (event type, injuries, counterparts ...); with
        ``False`` they stay empty (readers that merge several tables classify once after).
    vocabularies
        Vocabulary files of your own that extend the shipped ones, by name
        (``{"event_types": "my-words.csv"}``; see :mod:`scr_timeline.classify.pipeline`).

    Returns
    -------
    Chronology

    Raises
    ------
    MissingColumnError
        No header row with a date column could be found.
    EmptyChronologyError
        A header but no data rows under it.

    Examples
    --------
    >>> raw = pd.DataFrame([["Chronology: Riverside Hospital", None],
    ...                     ["Date", "Event"],
    ...                     ["12/03/2007", "Child A seen in A&E"],
    ...                     ["31/06/2007", "impossible date"]])
    >>> chron = parse_table(raw, source="child-a.csv")
    >>> chron.events[["agency", "source_row"]].values.tolist()
    [['hospital', 3]]
    >>> chron.rejected["reason_code"].tolist()
    ['impossible_date']
    """
    if not isinstance(raw, pd.DataFrame):
        raise TypeError(f"parse_table() takes a pandas DataFrame, not {type(raw).__name__}")
    file = PurePath(str(source)).name
    headed = not isinstance(raw.columns, pd.RangeIndex)
    if raw.shape[0] == 0 and not headed:
        raise EmptyChronologyError("the table is empty", file=file, sheet=sheet)
    try:
        if headed:
            headings = [_cell_text(c) or "" for c in raw.columns]
            mapping = map_headings(headings, columns=columns)
            if S.DATE not in mapping.values():
                raise MissingColumnError(
                    "no date column among the headings",
                    row=1 + row_offset,
                    found=[h for h in headings if h],
                    expected="a date column such as 'Date' or 'Date of contact'",
                )
            info = HeaderInfo(
                header_rows=(),
                data_start=0,
                mapping=mapping,
                headings=[str(h) for h in headings],
                unmapped=[str(h) for i, h in enumerate(headings) if i not in mapping and h],
                title_lines=[],
            )
            body = raw.reset_index(drop=True)  # the caller's index may repeat labels
            body.columns = pd.RangeIndex(body.shape[1])
            first_row = 2 + row_offset  # row 1 is the heading row
        else:
            info = find_header(raw, columns=columns)
            body = raw.iloc[info.data_start :]
            first_row = info.data_start + 1 + row_offset
    except ScrTimelineError as err:
        raise _as_location_error(err, file=file, sheet=sheet) from err

    header_row = (info.header_rows[-1] + 1 + row_offset) if info.header_rows else 1 + row_offset
    rows = pd.Series(np.arange(first_row, first_row + len(body)), index=body.index, dtype="int64")

    # every cell as trimmed text, once; blank rows are those with no text at all
    text_body = pd.DataFrame({col: cells_to_text(body[col]) for col in body.columns})
    keep = (
        text_body.notna().any(axis=1).to_numpy(dtype=bool, copy=True)
        if body.shape[1]
        else np.zeros(len(body), dtype=bool)
    )
    warnings: list[dict[str, Any]] = []
    warning_frames: list[pd.DataFrame] = []
    if info.header_rows and keep.any():
        # only rows whose date cell is text not starting with a digit can repeat the header
        date_pos = next(pos for pos, fld in info.mapping.items() if fld == S.DATE)
        maybe = keep & _not_a_numeric_date(body[date_pos])
        if maybe.any():
            # and whose date cell reads as one of the header's own cells for that column
            heads = {
                normalise_heading(cells[date_pos])
                for cells in info.header_cells
                if date_pos < len(cells)
            }
            heads.add(normalise_heading(info.headings[date_pos]))
            heads.discard("")
            candidates = text_body[date_pos][maybe]
            codes, uniques = pd.factorize(candidates)
            same = np.array([normalise_heading(u) in heads for u in uniques] + [False])
            maybe[np.flatnonzero(maybe)] = same[codes]
        repeated = np.zeros(len(body), dtype=bool)
        if maybe.any():
            repeated[maybe] = is_repeated_header(body[maybe], info).to_numpy(dtype=bool)
        if repeated.any():
            keep &= ~repeated
            first_repeat = int(rows[repeated].iloc[0])
            warnings.append(
                _warning(
                    "repeated_header",
                    f"{int(repeated.sum())} repeated header row(s) skipped",
                    file,
                    sheet,
                    first_repeat,
                )
            )
    if not keep.all():
        body = body[keep]
        text_body = text_body[keep]
        rows = rows[keep]
    if body.empty:
        raise EmptyChronologyError(
            "no data rows under the header",
            file=file,
            sheet=sheet,
            row=header_row,
            expected="at least one dated row under the headings",
        )

    by_field = {fld: pos for pos, fld in info.mapping.items()}

    def heading(fld: str) -> str:
        pos = by_field[fld]
        return info.headings[pos] if pos < len(info.headings) else str(pos)

    def cells(fld: str) -> pd.Series | None:
        pos = by_field.get(fld)
        if pos is None or pos not in body.columns:
            return None
        return body[pos]

    def text_of(fld: str) -> pd.Series | None:
        pos = by_field.get(fld)
        if pos is None or pos not in text_body.columns:
            return None
        return text_body[pos]

    date_cells = cells(S.DATE)
    if date_cells is None:  # find_header only returns headers with a date column
        raise MissingColumnError(
            "no date column", file=file, sheet=sheet, row=header_row, expected="a date column"
        )
    time_cells = cells(S.TIME)
    parsed = parse_dates(
        date_cells,
        times=time_cells,
        end_values=cells(S.END_DATE),
        dayfirst=dayfirst,
        anchor_relative=anchor_relative,
    )
    frame = parsed.frame
    texts = {fld: c for fld in (*_TEXT_FIELDS, *_TEXT_TARGET) if (c := text_of(fld)) is not None}
    date_text = _date_text(text_of(S.DATE), text_of(S.TIME), text_of(S.END_DATE))

    # warnings from the date parser (row-level ones carry the body index label)
    labels = [label for _code, _message, label in parsed.warnings if label is not None]
    row_of: dict[Any, int] = {}
    if labels:
        found_at = rows.index.get_indexer(pd.Index(labels))
        row_of = dict(zip(labels, rows.to_numpy()[found_at].tolist(), strict=True))
    for code, message, label in parsed.warnings:
        row = row_of.get(label) if label is not None else None
        warnings.append(_warning(code, message, file, sheet, row))

    # -- rejected rows -------------------------------------------------------------------
    failed = frame["error_code"].notna().to_numpy()
    rejected = pd.DataFrame(
        {
            S.SOURCE_FILE: file,
            S.SOURCE_SHEET: sheet,
            S.SOURCE_ROW: rows[failed].to_numpy(),
            S.REASON_CODE: frame["error_code"][failed].to_numpy(dtype=object),
            S.REASON: frame["error"][failed].to_numpy(dtype=object),
            S.COLUMN: heading(S.DATE),
            S.VALUE: date_text[failed].to_numpy(dtype=object),
            S.DATE_TEXT: date_text[failed].to_numpy(dtype=object),
            S.DETAILS: (
                texts[S.DETAILS][failed].to_numpy(dtype=object) if S.DETAILS in texts else None
            ),
        }
    )

    ok = ~failed
    idx = body.index[ok]
    good_rows = rows[ok]

    # -- agency ------------------------------------------------------------------------------
    fallback_code, fallback_name = _fallback_agency(
        agency=agency, sheet=sheet, title_lines=info.title_lines, file=file
    )
    agency_cells = cells(S.AGENCY)
    if agency_cells is not None:
        written = cast(pd.Series, text_of(S.AGENCY))[ok]
        norm = normalise_agencies(written)
        codes = norm[S.AGENCY].astype("object")
        organisation = written
        blank = written.isna().to_numpy()
        unknown = (~norm["matched"].to_numpy(dtype=bool)) & ~blank
        if unknown.any():
            names = written[unknown]
            counts = names.value_counts()
            first = good_rows[unknown].groupby(names.to_numpy()).min()
            for name, count in counts.items():
                warnings.append(
                    _warning(
                        "unknown_agency",
                        f"unknown agency {name!r} in column {heading(S.AGENCY)!r} "
                        f"({count} row(s)) recorded as 'other'; add it to an alias file "
                        "to map it",
                        file,
                        sheet,
                        int(first.loc[cast(Any, name)]),
                    )
                )
        if blank.any():
            codes = codes.mask(blank, fallback_code if fallback_code else "other")
            organisation = organisation.mask(blank, fallback_name)
            if fallback_code is None:
                warnings.append(
                    _warning(
                        "no_agency",
                        f"{int(blank.sum())} row(s) have no agency in column "
                        f"{heading(S.AGENCY)!r} and none could be taken from the sheet, title "
                        "or file name; recorded as 'other' (pass agency= to set it)",
                        file,
                        sheet,
                        int(good_rows[blank].iloc[0]),
                    )
                )
    else:
        codes = pd.Series(fallback_code or "other", index=idx, dtype="object")
        organisation = pd.Series(fallback_name, index=idx, dtype="object")
        if fallback_code is None:
            warnings.append(
                _warning(
                    "no_agency",
                    "no agency column, and no agency could be taken from the sheet name, a "
                    "title line or the file name; events recorded as 'other' (pass agency=)",
                    file,
                    sheet,
                    header_row,
                )
            )

    # -- events ------------------------------------------------------------------------------
    stem = _slug(PurePath(file).stem)
    prefix = f"{stem}-{_slug(sheet)}" if sheet else stem
    # the rows kept, in their final order (by start, the chronology's own order for equal
    # starts), found before any column is copied: each column is then taken once
    ok_rows = np.flatnonzero(ok)
    starts = frame["start"].to_numpy()[ok_rows]
    ends = frame["end"].to_numpy()[ok_rows]
    order = np.arange(len(ok_rows))
    if S.SEQUENCE in texts:
        seq = pd.to_numeric(texts[S.SEQUENCE].iloc[ok_rows], errors="coerce")
        if seq.notna().all():
            order = np.argsort(np.argsort(seq.to_numpy(), kind="stable"), kind="stable")
    sorted_ok = np.lexsort((order, starts))
    if (sorted_ok[1:] > sorted_ok[:-1]).all():
        sorted_ok = np.arange(len(ok_rows))  # already in order
    positions = ok_rows[sorted_ok]  # rows of the body, in the events' order

    text_columns: dict[str, pd.Series] = {S.DATE_TEXT: date_text}
    for fld, series in texts.items():
        text_columns[_TEXT_TARGET.get(fld, fld)] = series
    extra = _unmapped_text(text_body, info)
    if extra is not None:
        text_columns[S.EXTRA] = extra
    taken = _take_text(text_columns, positions)
    organisation_ok = (
        pd.array(organisation.to_numpy(dtype=object), dtype="string")
        if organisation.dtype == object
        else organisation.array
    )
    event_columns: dict[str, Any] = {
        S.START: starts[sorted_ok],
        S.END: ends[sorted_ok],
        S.PRECISION: to_category(
            frame["precision"].iloc[positions], EVENT_DTYPES[S.PRECISION], column=S.PRECISION
        ).array,
        S.DATE_TEXT: taken.pop(S.DATE_TEXT),
        S.AGENCY: to_category(
            pd.Series(codes.to_numpy(dtype=object)[sorted_ok]),
            EVENT_DTYPES[S.AGENCY],
            column=S.AGENCY,
        ).array,
        S.ORGANISATION: organisation_ok.take(sorted_ok),
        **taken,
        S.SOURCE_ROW: rows.to_numpy()[positions],
    }
    events = pd.DataFrame(event_columns, index=body.index[positions], copy=False)

    chron_title = title or (info.title_lines[0] if info.title_lines else None)
    dob = Chronology(child_dob=child_dob).meta.child_dob if child_dob is not None else None
    if dob is not None:
        days = (events[S.START].to_numpy() - np.datetime64(dob, "ns")) // np.timedelta64(1, "D")
        events[S.CHILD_AGE_DAYS] = pd.array(days, dtype="Int64")
        before_birth = days < 0
        if before_birth.any():
            # antenatal contacts are real events; the age is simply undefined
            events.loc[before_birth, S.CHILD_AGE_DAYS] = pd.NA

    # rows out of order within this table (in the table's order): dated wholly before the
    # row above
    if len(starts) > 1:
        late = np.zeros(len(starts), dtype=bool)
        late[1:] = ends[1:] < starts[:-1]
        if late.any():
            prev_days, distinct = pd.factorize(
                pd.Series(starts[:-1][late[1:]], dtype="datetime64[ns]").dt.normalize()
            )
            prev_text = pd.DatetimeIndex(distinct).strftime("%d/%m/%Y").to_numpy(dtype=object)
            messages = (
                "row dated "
                + date_text.iloc[ok_rows[late]].fillna("").astype(str).to_numpy(dtype=object)
                + " comes after a row dated "
                + prev_text[prev_days]
                + " (out of chronological order)"
            )
            warning_frames.append(
                _warning_rows("row_out_of_order", pd.Series(messages), good_rows[late], file, sheet)
            )
    # constant columns and ids after sorting: nothing to reorder
    events[S.SOURCE_FILE] = pd.Series(file, index=events.index, dtype="string")
    events[S.SOURCE_SHEET] = pd.Series(sheet, index=events.index, dtype="string")
    ids = prefix + "-r" + events[S.SOURCE_ROW].astype("string")
    events.index = pd.Index(ids.array, dtype="string", name=S.EVENT_ID)

    warning_frame = (
        pd.concat([pd.DataFrame(warnings), *warning_frames], ignore_index=True)
        if warnings or warning_frames
        else None
    )
    meta = ChronologyMeta(
        title=chron_title,
        sources=(
            SourceInfo(
                file=file,
                sheet=sheet,
                rows=len(body),
                events=len(events),
                rejected=len(rejected),
                header_row=header_row if info.header_rows else (1 + row_offset),
                dayfirst=parsed.dayfirst,
                agency=fallback_code,
                title=info.title_lines[0] if info.title_lines else None,
                format=fmt,
            ),
        ),
    )
    chron = Chronology(
        events, rejected, warning_frame, meta, child_dob=child_dob, end_date=end_date
    )
    return classify_chronology(chron, vocabularies=vocabularies) if classify else chron


def classify_chronology(
    chron: Chronology,
    *,
    vocabularies: Mapping[str, str | PurePath] | None = None,
    duplicates: bool = False,
) -> Chronology:
    """Fill a chronology's classification columns (event types, injuries, contacts ...).

    With ``duplicates=True`` (merged agency chronologies), the same contact recorded by
    two agencies is linked by ``duplicate_of`` on the later-listed copy; nothing is deleted.
    """
    from ..classify.duplicates import mark_duplicates
    from ..classify.pipeline import classify_events

    events, found = classify_events(
        chron.events,
        child_dob=chron.meta.child_dob,
        vocabularies=cast(Any, vocabularies),
    )
    if duplicates and len(events) > 1:
        events = mark_duplicates(events)
    warnings = chron.warnings
    if found:
        warnings = pd.concat([warnings, pd.DataFrame(found)], ignore_index=True)
    return Chronology(events, chron.rejected, warnings, chron.meta)


def _take_text(columns: Mapping[str, pd.Series], positions: np.ndarray) -> dict[str, Any]:
    """The rows at ``positions`` of text columns, as arrays: Arrow-backed columns are taken
    together by one Arrow table (several times faster than pandas column by column)."""
    arrow = [
        name
        for name, series in columns.items()
        if isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow"
    ]
    out: dict[str, Any] = {
        name: series.array.take(positions)
        for name, series in columns.items()
        if name not in arrow or len(positions) < 10_000
    }
    big = [name for name in arrow if name not in out]
    if big:
        table = pa.table({str(i): pa.array(columns[name].array) for i, name in enumerate(big)})
        table = table.take(pa.array(positions))
        for i, name in enumerate(big):
            out[name] = pd.arrays.ArrowStringArray(table.column(str(i)))
    return {name: out[name] for name in columns}


def _unmapped_text(body: pd.DataFrame, info: HeaderInfo) -> pd.Series | None:
    """Text of columns no field takes, as "Heading: value" joined by " | " (nothing lost).

    ``body`` holds the cells as trimmed text (see :func:`cells_to_text`).
    """
    parts: list[pd.Series] = []
    for label in body.columns:
        pos = int(label)
        if pos in info.mapping:
            continue
        text = body[label]
        if text.isna().all():
            continue
        name = (
            info.headings[pos]
            if pos < len(info.headings) and info.headings[pos]
            else f"Column {pos + 1}"
        )
        parts.append((name + ": " + text).astype("string"))
    if not parts:
        return None
    # joined pairwise, as a tree: joining column after column grew each row's string once
    # per column (quadratic in the number of columns); the tree copies each piece log2 times
    while len(parts) > 1:
        paired = [_join_two(parts[i], parts[i + 1]) for i in range(0, len(parts) - 1, 2)]
        parts = paired + ([parts[-1]] if len(parts) % 2 else [])
    return parts[0]


def _join_two(left: pd.Series, right: pd.Series) -> pd.Series:
    """``left | right`` where both have text, else whichever has it."""
    both = (left + " | " + right).astype("string")
    return both.where(right.notna(), left).where(left.notna(), right)


def _fallback_agency(
    *, agency: str | None, sheet: str | None, title_lines: list[str], file: str
) -> tuple[str | None, str | None]:
    """The agency for rows without one: the sheet name, else a title line, else the file
    name, else the ``agency=`` option (which must name a known agency in any case)."""
    option: tuple[str, str] | None = None
    if agency is not None:
        if agency in S.AGENCIES:
            option = agency, S.AGENCY_LABELS[agency]
        else:
            norm = normalise_agencies(pd.Series([agency], dtype="string"))
            if not bool(norm["matched"].iloc[0]):
                raise ChronologyReadError(
                    f"agency={agency!r} is not a known agency",
                    found=agency,
                    expected="an agency code (" + ", ".join(S.AGENCIES) + ") or a known alias",
                )
            option = str(norm[S.AGENCY].iloc[0]), agency
    for name in ([sheet] if sheet else []) + list(title_lines) + [PurePath(file).stem]:
        code = agency_from_name(name)
        if code is not None:
            return code, name
    return option if option is not None else (None, None)
