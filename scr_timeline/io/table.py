"""The one pure function every reader shares: a raw table of cells to a Chronology.

Readers only get cells out of files (CSV text, Excel sheets, Word and PDF tables); everything
after that (finding the header under title rows, mapping headings, reading dates, naming the
agency, rejecting what cannot be an event) happens here, the same way for every format.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import os
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import PurePath
from typing import Any, Final, NamedTuple, cast

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import _prebuilt
from .. import schema as S
from .._prebuilt import regex
from ..ages import parse_ages
from ..chronology import (
    EVENT_DTYPES,
    Chronology,
    ChronologyMeta,
    SourceInfo,
    merge,
    names_an_agency,
    sequence_keys,
)
from ..classify.agencies import (
    ALIAS,
    agencies_from_clues,
    agency_from_name,
    names_a_sector,
    normalise_agencies,
)
from ..classify.chronologies import DUPLICATES_UP_TO
from ..dates import PreviousDate, parse_date_arrays
from ..exceptions import (
    ChronologyReadError,
    EmptyChronologyError,
    MissingColumnError,
    ScrTimelineError,
)
from ._arrow import text_buffers
from .headers import (
    PAGE_FURNITURE,
    HeaderInfo,
    date_priority,
    find_header,
    heading_field,
    headings_like,
    is_form_row,
    is_repeated_header,
    map_headings,
    normalise_heading,
    page_furniture,
    school_headings,
)

__all__ = ["classify_chronology", "parse_table"]

#: Text fields copied from their column as written.
_TEXT_FIELDS = (
    S.SOURCE,
    S.CONTACT_TYPE,
    S.PRACTITIONER,
    S.DETAILS,
    S.OUTCOME,
    S.COMMENT,
    S.SEQUENCE,
)
_TEXT_TARGET = {S.COUNTERPARTS: S.COUNTERPARTS_TEXT, S.CHILD_SEEN: S.CHILD_SEEN_TEXT}
_SLUG = regex(r"[^A-Za-z0-9]+")
#: A line break typed in a cell of a Windows export ("\r\n"), or an old Mac's lone "\r".
_CARRIAGE_RETURN: Final = regex(r"\r\n?")
_CR: Final = 0x0D

#: Fields a row starts with: a row with none of them, right under a dated row, is the rest
#: of that row's text (a line break typed as a new row).
ROW_START_FIELDS = frozenset(
    {S.DATE, S.END_DATE, S.TIME, S.SEQUENCE, S.AGENCY, S.SOURCE, S.CONTACT_TYPE, S.PRACTITIONER}
)
#: Fields whose text a continuation row carries on (at least one of them must hold text).
_NARRATIVE_FIELDS = frozenset({S.DETAILS, S.OUTCOME, S.COMMENT, S.COUNTERPARTS})

#: Warning code: a cell of the child's age column that could not be read.
AGE_UNREAD: Final = "age_unread"

#: Tables of at least this many rows hand some column passes to a second thread.
_PARALLEL_ROWS = 200_000
#: The fields whose cells the dates and the agency are read from.
_KEY_FIELDS = (S.DATE, S.TIME, S.END_DATE, S.AGENCY)

_side_lock = threading.Lock()
_side_pool: tuple[int, ThreadPoolExecutor] | None = None


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _side_thread(rows: int) -> ThreadPoolExecutor | None:
    """A second thread for the column passes of a big table, or None.

    Arrow's kernels and most NumPy passes release the GIL, so trimming, joining and taking
    columns on one thread while the dates are read on the other uses a second core. Small
    tables (and machines with one core) do everything in place: a batch of chronologies is
    spread over processes instead. The pool is made again after a fork.
    """
    global _side_pool
    if rows < _PARALLEL_ROWS or _cpus() < 2:
        return None
    with _side_lock:
        if _side_pool is None or _side_pool[0] != os.getpid():
            _side_pool = (os.getpid(), ThreadPoolExecutor(1, thread_name_prefix="scr-parse"))
        return _side_pool[1]


def _run(side: ThreadPoolExecutor | None, func: Callable[..., Any], *args: Any) -> Future[Any]:
    """``func(*args)`` on the side thread, or at once when there is none."""
    if side is not None:
        return side.submit(func, *args)
    done: Future[Any] = Future()
    done.set_result(func(*args))
    return done


def _trim_columns(body: pd.DataFrame, labels: list[Any]) -> dict[Any, pd.Series]:
    return {label: cells_to_text(body[label]) for label in labels}


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
    if "\r" in text:
        text = _CARRIAGE_RETURN.sub("\n", text)
    return text or None


def _contiguous(arrow: Any) -> Any:
    """One Arrow array from a chunked one."""
    return arrow.combine_chunks() if isinstance(arrow, pa.ChunkedArray) else arrow


def _arrow_text(values: pd.Series, *, contiguous: bool = True) -> Any:
    """A string column as Arrow large_string (one contiguous array unless told otherwise)."""
    arrow = pa.array(values.array)
    if contiguous:
        arrow = _contiguous(arrow)
    if arrow.type != pa.large_string():
        arrow = arrow.cast(pa.large_string())
    return arrow


def _is_arrow_text(values: pd.Series) -> bool:
    return isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow"


class _Ends(NamedTuple):
    """The first and last byte of each string of an Arrow chunk (meaningful where ``full``)."""

    first: np.ndarray
    last: np.ndarray
    full: np.ndarray  # valid and not ""
    empty: np.ndarray  # valid and ""


def _ends(chunk: Any) -> _Ends:
    """First and last bytes read through the chunk's offsets: no string is copied."""
    n = len(chunk)
    offsets, data = text_buffers(chunk)
    full = offsets[1:] > offsets[:-1]
    empty = ~full
    if chunk.null_count:
        valid = np.asarray(chunk.is_valid(), dtype=bool)
        full &= valid
        empty &= valid
    size = data.size
    if not size:
        zeros = np.zeros(n, dtype=np.uint8)
        return _Ends(zeros, zeros, full, empty)
    # (the index of an empty string's byte is kept in range; its byte is not used)
    first = data[np.minimum(offsets[:-1], size - 1)]
    last = data[np.maximum(offsets[1:] - 1, 0)]
    return _Ends(first, last, full, empty)


def _printable(byte: np.ndarray) -> np.ndarray:
    """ASCII letters, digits and punctuation: bytes no white space starts or ends with."""
    return (byte > 0x20) & (byte < 0x7F)


def _one_newline(chunk: Any) -> Any:
    """``chunk`` with each "\\r\\n" (a line break typed in a cell of a Windows export)
    and each lone "\\r" as "\\n": only the strings holding a carriage return are
    rewritten, found from the positions of its bytes."""
    offsets, data = text_buffers(chunk)
    if not data.size:
        return chunk
    lo, hi = int(offsets[0]), int(offsets[-1])
    if hi <= lo or int(data[lo:hi].min()) > _CR:  # no byte as low: one pass, no copy
        return chunk
    returns = np.flatnonzero(data[lo:hi] == _CR)
    if not len(returns):
        return chunk
    rows = np.unique(np.searchsorted(offsets, returns + lo, side="right") - 1)
    mask = np.zeros(len(chunk), dtype=bool)
    mask[rows] = True
    if chunk.null_count:
        mask &= np.asarray(chunk.is_valid(), dtype=bool)
    arrow_mask = pa.array(mask)
    fixed = pc.replace_substring_regex(chunk.filter(arrow_mask), _CARRIAGE_RETURN.pattern, "\n")
    return pc.replace_with_mask(chunk, arrow_mask, fixed)


def _trimmed(chunk: Any) -> Any:
    """``utf8_trim_whitespace`` with blanks as null, applied only to the strings that start
    or end with a byte that could be white space (most cells need nothing); a carriage
    return in a cell is read as a line break ("\\n")."""
    if chunk.type != pa.large_string():
        chunk = chunk.cast(pa.large_string())
    chunk = _one_newline(chunk)
    ends = _ends(chunk)
    edge = ends.full & ~(_printable(ends.first) & _printable(ends.last))
    blank = ends.empty
    if edge.any():
        mask = pa.array(edge)
        trimmed = pc.utf8_trim_whitespace(chunk.filter(mask))
        chunk = pc.replace_with_mask(chunk, mask, trimmed)
        blank = blank.copy()
        blank[edge] = np.asarray(pc.equal(trimmed, ""), dtype=bool)
    if blank.any():
        chunk = pc.if_else(pa.array(blank), pa.scalar(None, pa.large_string()), chunk)
    return chunk


def cells_to_text(values: pd.Series) -> pd.Series:
    """Cells as trimmed text with blanks as NA, each distinct value converted once."""
    if _is_arrow_text(values):
        arrow = pa.array(values.array)
        chunks = arrow.chunks if isinstance(arrow, pa.ChunkedArray) else [arrow]
        text = pa.chunked_array([_trimmed(c) for c in chunks], type=pa.large_string())
        return pd.Series(
            pd.array(text, dtype=pd.StringDtype("pyarrow")), index=values.index, name=values.name
        )
    if pd.api.types.is_string_dtype(values.dtype) and values.dtype != object:
        text = values.astype("string").str.strip()
        if text.str.contains("\r", regex=False).any():
            text = text.str.replace(_CARRIAGE_RETURN, "\n", regex=True)
        return text.mask(text == "")
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    converted = np.array([_cell_text(u) for u in uniques] + [None], dtype=object)
    out = pd.Series(converted[codes], index=values.index, dtype="string")
    return out


def _page_furniture_rows(text_body: pd.DataFrame, date_pos: Any, rows: np.ndarray) -> np.ndarray:
    """Of ``rows``, those holding only a line a report prints on every page ("Page 3 of
    20", "OFFICIAL-SENSITIVE") in their date cell (a page break of a printed export, often
    above the header repeated on the next page)."""
    out = np.zeros(len(text_body), dtype=bool)
    cells = text_body[date_pos]
    maybe = rows & cells.notna().to_numpy(dtype=bool) & _not_a_numeric_date(cells)
    if not maybe.any():
        return out
    at = np.flatnonzero(page_furniture(cells, maybe))
    if len(at):
        rest = text_body.iloc[at].drop(columns=[date_pos])
        out[at[~rest.notna().any(axis=1).to_numpy(dtype=bool)]] = True
    return out


def _not_a_numeric_date(cells: pd.Series) -> np.ndarray:
    """True where a cell is text that does not start with a digit (a heading could be)."""
    if _is_arrow_text(cells):
        arrow = pa.array(cells.array)
        parts = []
        for chunk in arrow.chunks if isinstance(arrow, pa.ChunkedArray) else [arrow]:
            ends = _ends(chunk)
            digit = ends.full & (ends.first >= 0x30) & (ends.first <= 0x39)
            # a printable first byte decides; white space, a non-ASCII one or "" needs the regex
            other = ends.full & _printable(ends.first) & ~digit
            unsure = (ends.full | ends.empty) & ~digit & ~other
            part = other.copy()
            if unsure.any():
                mask = pa.array(unsure)
                starts = pc.match_substring_regex(chunk.filter(mask), r"^\s*\d")
                part[unsure] = ~np.asarray(starts, dtype=bool)
            parts.append(part)
        return np.concatenate(parts) if parts else np.zeros(0, dtype=bool)
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
            right = _arrow_text(more, contiguous=False)
            if right.null_count == len(right):
                continue
            left = _arrow_text(text)
            # joined only where there is more to join; (null_handling="skip" drops an element
            # in some pyarrow versions: emit); a time or end date without a date stays out
            given = _contiguous(pc.is_valid(right))
            both = pc.binary_join_element_wise(
                left.filter(given),
                right.filter(given),
                pa.scalar(sep, pa.large_string()),
                null_handling="emit_null",
            )
            joined = pc.replace_with_mask(left, given, _contiguous(both))
            text = pd.Series(
                pd.array(joined, dtype=pd.StringDtype("pyarrow")), index=text.index, name=text.name
            )
    return text


def _time_text(cells: pd.Series | None, text: pd.Series | None) -> pd.Series | None:
    """The time cells as written, with a time stored as a fraction of a day (an Excel cell
    holding 0.604166... for 14:30) as ``HH:MM``, as the time is read."""
    if cells is None or text is None or cells.dtype != object:
        return text
    fraction = np.fromiter(
        (isinstance(v, float) and 0 <= v < 1 for v in cells.to_numpy()), bool, len(cells)
    )
    if not fraction.any():
        return text
    minutes = np.rint(cells.to_numpy()[fraction].astype(np.float64) * 1440).astype(np.int64)
    minutes = np.minimum(minutes, 1439)
    shown = [f"{m // 60:02d}:{m % 60:02d}" for m in minutes.tolist()]
    text = text.copy()
    text[fraction] = shown
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
    code: str | np.ndarray,
    messages: np.ndarray | pd.api.extensions.ExtensionArray,
    rows: pd.Series | np.ndarray,
    file: str,
    sheet: str | None,
) -> pd.DataFrame:
    """Warnings of many rows at once: a code (or one per row), messages and row numbers."""
    n = len(rows)
    return pd.DataFrame(
        {
            S.CODE: code,
            S.MESSAGE: messages,
            S.SOURCE_FILE: _constant_text(file, n),
            S.SOURCE_SHEET: _constant_text(sheet, n),
            S.SOURCE_ROW: np.asarray(rows),
        }
    )


def _warning_parts(warnings: list[dict[str, Any]], *frames: pd.DataFrame) -> list[pd.DataFrame]:
    """Warnings as frames to concatenate in order (single warnings first), none empty."""
    parts = [pd.DataFrame(warnings)] if warnings else []
    return parts + [frame for frame in frames if len(frame)]


#: Warning code: a row dated after today (a typing error, such as 2077 for 2007).
FUTURE_DATE: Final = "future_date"
#: Warning code: ages in the date column dated from a date of birth the chronology gives.
AGES_FROM_INFERRED_DOB: Final = "ages_from_inferred_dob"


def _birth_for_ages(
    parsed: Any,
    date_cells: pd.Series,
    texts: Mapping[str, pd.Series],
    titles: Sequence[str],
    where: tuple[np.ndarray, str, str | None],
) -> Any:
    """The child's date of birth as the chronology gives it (a birth row, "DOB ..." in a row
    or title: :func:`scr_timeline.classify.birth.find_child_dob`), when date cells that
    could not be read give the child's age ("Aged 6 weeks", "6/52"); None otherwise.
    ``where``: the rows' numbers, the file and the sheet (to say where it was found)."""
    from ..ages import age_in_date_cell
    from ..classify.birth import find_child_dob

    failed = parsed.precision < 0
    if not failed.any() or S.DETAILS not in texts:
        return None
    written = pd.unique(date_cells.to_numpy(dtype=object)[failed])
    if not any(isinstance(t, str) and age_in_date_cell(t) is not None for t in written):
        return None
    ok = ~failed
    events = pd.DataFrame(
        {
            S.DETAILS: texts[S.DETAILS].to_numpy(dtype=object)[ok],
            S.OUTCOME: (
                texts[S.OUTCOME].to_numpy(dtype=object)[ok] if S.OUTCOME in texts else None
            ),
            S.START: parsed.start[ok],
            S.PRECISION: np.asarray(S.PRECISIONS, dtype=object)[parsed.precision[ok]],
            S.SOURCE_ROW: where[0][ok],
            S.SOURCE_FILE: where[1],
            S.SOURCE_SHEET: where[2],
        }
    )
    return find_child_dob(events, titles=titles)


def ages_from_dob_note(rows: list[int], found: Any, file: str, sheet: str | None) -> dict[str, Any]:
    """The ``ages_from_inferred_dob`` warning: ages in the date column at ``rows`` dated
    from the date of birth ``found`` (a :class:`~scr_timeline.classify.birth.DobFound`)."""
    shown = ", ".join(str(r) for r in rows[:10]) + (
        f" and {len(rows) - 10} more" if len(rows) > 10 else ""
    )
    s = "s" if len(rows) > 1 else ""
    return _warning(
        AGES_FROM_INFERRED_DOB,
        f"{len(rows)} age{s} in the date column (row{s} {shown}) dated from the child's date "
        f"of birth, {found.dob:%d/%m/%Y}, taken from {found.describe()} (pass child_dob=, or "
        "--child-dob, to give it)",
        file,
        sheet,
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


def with_warnings(chron: Chronology, notes: list[dict[str, Any]]) -> Chronology:
    """``chron`` with ``notes`` (see :func:`_warning`) after its warnings."""
    if not notes:
        return chron
    warnings = pd.concat([chron.warnings, pd.DataFrame(notes)], ignore_index=True)
    return Chronology(chron.events, chron.rejected, warnings, chron.meta)


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
    previous_date: PreviousDate | None = None,
    header: HeaderInfo | None = None,
    join_continued: bool = False,
    section_dates: Sequence[tuple[int, str]] = (),
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
    section_dates
        Rows of ``raw`` the reader took out as section headings ("2007", "Spring 2008"), as
        (row position, text): a date below one written without its year ("12 March")
        takes the heading's year.
    previous_date
        For a table that carries on another (the next page of a Word or PDF table): the
        dated row just before its first row, from which a date with no year or a relative
        date at its top counts (see :class:`scr_timeline.dates.PreviousDate`).
    header
        The header of ``raw`` as :func:`scr_timeline.io.headers.find_header` found it, when
        the caller has already looked for it (it is not looked for again).
    join_continued
        Join a row that holds only narrative text (details, outcome, comment or people
        involved: no date, time, end date, agency, source, practitioner or sequence) to the
        dated row right above it, with a line break, as the rest of that row's text: in a
        spreadsheet, Enter typed instead of Alt+Enter starts a new row in the middle of a
        cell's text. Several such rows in a row all join the same dated row. A row with
        text beside the dated row's own text in two columns or more (details and outcome)
        is an undated event instead, rejected as before. The joined
        row is no event and no rejected row of its own: a ``row_continued`` warning names
        it and the row it was joined to. The CSV and Excel readers ask for this.

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
    options = _Options(
        source=source,
        sheet=sheet,
        columns=columns,
        agency=agency,
        dayfirst=dayfirst,
        anchor_relative=anchor_relative,
        child_dob=child_dob,
        end_date=end_date,
        title=title,
        fmt=fmt,
        vocabularies=vocabularies,
        join_continued=join_continued,
        section_dates=tuple((int(row), str(text)) for row, text in section_dates),
    )
    return _parse_table(
        raw,
        options,
        row_offset=row_offset,
        classify=classify,
        previous_date=previous_date,
        header=header,
        blocks=True,
        titles_first=False,
    )


@dataclass(frozen=True, slots=True)
class _Options:
    """How :func:`parse_table` reads every table of one call (see its parameters)."""

    source: str | PurePath
    sheet: str | None
    columns: Mapping[str, str] | None
    agency: str | None
    dayfirst: bool | None
    anchor_relative: bool
    child_dob: object
    end_date: object
    title: str | None
    fmt: str | None
    vocabularies: Mapping[str, str | PurePath] | None
    join_continued: bool
    section_dates: tuple[tuple[int, str], ...] = ()
    #: added to the event ids' prefix: a table beside another on one sheet ("-b2")
    id_suffix: str = ""


def _parse_table(
    raw: pd.DataFrame,
    options: _Options,
    *,
    row_offset: int,
    classify: bool,
    previous_date: PreviousDate | None,
    header: HeaderInfo | None,
    blocks: bool,
    titles_first: bool,
) -> Chronology:
    """:func:`parse_table`, and with ``blocks`` the tables stacked under the first one
    (:func:`_parse_blocks`); ``titles_first``: the agency of rows without one is taken
    from the title lines (the nearest to the header first) before the sheet name."""
    source, sheet, columns, agency = options.source, options.sheet, options.columns, options.agency
    dayfirst, anchor_relative = options.dayfirst, options.anchor_relative
    child_dob, end_date, title, fmt = (
        options.child_dob,
        options.end_date,
        options.title,
        options.fmt,
    )
    vocabularies, join_continued = options.vocabularies, options.join_continued
    if not isinstance(raw, pd.DataFrame):
        raise TypeError(f"parse_table() takes a pandas DataFrame, not {type(raw).__name__}")
    file = PurePath(str(source)).name
    headed = not isinstance(raw.columns, pd.RangeIndex)
    beside: dict[str, Any] | None = None
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
            info = header if header is not None else find_header(raw, columns=columns)
            if blocks and (
                beside_starts := _side_by_side(info, columns)
                or _beside_lower_or_higher(raw, info, columns)
            ):
                return _parse_side_by_side(
                    raw,
                    beside_starts,
                    options,
                    row_offset=row_offset,
                    classify=classify,
                    previous_date=previous_date,
                )
            body = raw.iloc[info.data_start :]
            if info.width is not None:  # a key or notes beside the table
                beside = _side_notes(raw, info.width, file, sheet, row_offset)
                body = body.iloc[:, : info.width]
            first_row = info.data_start + 1 + row_offset
    except ScrTimelineError as err:
        raise _as_location_error(err, file=file, sheet=sheet) from err

    header_row = (info.header_rows[-1] + 1 + row_offset) if info.header_rows else 1 + row_offset
    rows = pd.Series(np.arange(first_row, first_row + len(body)), index=body.index, dtype="int64")

    # every cell as trimmed text, once; blank rows are those with no text at all. For a big
    # table the columns the dates and agency do not need are trimmed on the side thread
    side = _side_thread(len(body))
    key = [pos for pos, fld in info.mapping.items() if fld in _KEY_FIELDS and pos in body]
    others = [label for label in body.columns if label not in key]
    pending = _run(side, _trim_columns, body, others) if side is not None and others else None
    text_cols = _trim_columns(body, key if pending is not None else list(body.columns))
    keep = _all_rows_if_full(text_cols, len(body)) if pending is not None else None
    if keep is None:
        if pending is not None:
            text_cols.update(pending.result())
            pending = None
        text_body = pd.DataFrame(text_cols)
        keep = _not_blank(text_body)
    else:
        text_body = pd.DataFrame(text_cols)
    warnings: list[dict[str, Any]] = [beside] if beside is not None else []
    if info.header_rows and keep.any():
        # only rows whose date cell is text not starting with a digit can repeat the header
        date_pos = next(pos for pos, fld in info.mapping.items() if fld == S.DATE)
        maybe = keep & _not_a_numeric_date(body[date_pos])
        # rows whose date cell is a heading: the header again, or another table's
        headed_rows = np.zeros(len(body), dtype=bool)
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
            if blocks:
                like = np.append(headings_like(uniques, columns=columns), False)
                headed_rows[maybe] = like[codes] | same[codes]
            maybe[np.flatnonzero(maybe)] = same[codes]
        repeated = np.zeros(len(body), dtype=bool)
        if maybe.any():
            repeated[maybe] = is_repeated_header(body[maybe], info).to_numpy(dtype=bool)
        furniture = _page_furniture_rows(text_body, date_pos, keep & ~repeated)
        if furniture.any():
            keep &= ~furniture
            shown = text_body[date_pos][furniture].drop_duplicates().head(3).tolist()
            warnings.append(
                _warning(
                    "page_furniture",
                    f"{int(furniture.sum())} line(s) a printed report repeats on every page "
                    f"(such as {', '.join(map(repr, shown))}) skipped: not events",
                    file,
                    sheet,
                    int(rows[furniture].iloc[0]),
                )
            )
        if headed_rows.any():
            stacked = _block_starts(raw, info, np.flatnonzero(headed_rows), repeated, columns)
            if stacked:
                return _parse_blocks(
                    raw,
                    stacked,
                    info,
                    options,
                    row_offset=row_offset,
                    classify=classify,
                    previous_date=previous_date,
                )
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
    continued = None
    if join_continued and pending is None and keep.any():
        # (with the other columns still being trimmed, a date, time or agency column has
        # text in every row: no row can be a continuation)
        continued = _continued_rows(text_body, info.mapping, keep)
    joined_notes: list[pd.DataFrame] = []
    n_continued = 0
    if continued is not None:
        more, joins = continued
        text_body = _join_continued(text_body, more, joins)
        keep &= ~more
        joined_notes.append(_continued_warnings(rows, more, joins, file, sheet))
        n_continued = int(more.sum())
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
    # the date text, and the agency names (per distinct name), on the side thread meanwhile
    time_text = _time_text(cells(S.TIME), text_of(S.TIME))
    date_text_job = _run(side, _date_text, text_of(S.DATE), time_text, text_of(S.END_DATE))
    written_all = text_of(S.AGENCY) if cells(S.AGENCY) is not None else None
    agency_job = _run(side, _agency_names, written_all) if written_all is not None else None
    date_headings = _section_headings(options.section_dates, date_cells.index, row_offset)
    if previous_date is None and (
        (period := _title_period(info.title_lines)) is not None
        or (sheet and (period := _sheet_period(sheet)) is not None)
    ):
        # the period a title line names ("School log - Autumn term 2007"), else the sheet's
        # name (a workbook of a sheet per year, "2006", "2007"): the dates at the table's
        # top written without their year take it, as from a section row above
        date_headings = [(0, period), *date_headings]
    # the parser names rows by their labels in its messages: the rows a person sees
    visible = rows.reindex(date_cells.index).to_numpy()

    def by_row(series: pd.Series | None) -> pd.Series | None:
        return None if series is None else series.set_axis(visible)

    # the child's date of birth dates an age typed in the date column ("Aged 6 weeks")
    dob = Chronology(child_dob=child_dob).meta.child_dob if child_dob is not None else None

    def read_dates(birth: pd.Timestamp | None) -> Any:
        return parse_date_arrays(
            cast(pd.Series, by_row(date_cells)),
            times=by_row(cells(S.TIME)),
            end_values=by_row(cells(S.END_DATE)),
            dayfirst=dayfirst,
            anchor_relative=anchor_relative,
            previous=previous_date,
            headings=date_headings,
            birth=birth,
        )

    parsed = read_dates(dob)
    if pending is not None:  # the other columns, trimmed meanwhile
        text_cols.update(pending.result())
        text_body = pd.DataFrame({label: text_cols[label] for label in body.columns})
    texts = {fld: c for fld in (*_TEXT_FIELDS, *_TEXT_TARGET) if (c := text_of(fld)) is not None}
    title_pos = _title_column(text_body, info)
    if title_pos is not None:  # a case note's subject opens its details
        texts[S.DETAILS] = _titled(texts.get(S.DETAILS), text_body[title_pos])
    # narrative columns beside the details ("Information shared", "Voice of the child")
    narratives = _more_details_columns(text_body, info, taken=title_pos)
    for pos in narratives:
        texts[S.DETAILS] = _with_more_details(
            texts.get(S.DETAILS), info.headings[pos], text_body[pos]
        )
    # the reviewer's other columns ("Significance", then "Panel comment", "Analysis"):
    # each closes the comment on a line of its own, as the narratives close the details
    # and a second outcome ("Actions" | "Outcome"): the outcome's, where it is classified
    remarks: list[int] = []
    for fld in (S.COMMENT, S.OUTCOME):
        spare_cols = _more_primary_columns(text_body, info, fld) if fld in texts else []
        for col in spare_cols:
            texts[fld] = _with_more_details(texts[fld], info.headings[col], text_body[col])
        remarks.extend(spare_cols)
    if dob is None:
        # no date of birth given, and ages in the date column: the chronology's own (its
        # birth row, "DOB 12/03/2007" in a title) dates them, as classification takes it
        found = _birth_for_ages(
            parsed, date_cells, texts, info.title_lines, (rows.to_numpy(), file, sheet)
        )
        if found is not None:
            ages = parsed.precision < 0
            parsed = read_dates(found.dob)
            dated = rows[ages & (parsed.precision >= 0)].tolist()
            if dated:
                warnings.append(ages_from_dob_note(dated, found, file, sheet))
    if parsed.words is not None:
        # words written after the date or the time in their cells ('12/03/2007 - phone
        # call', '23:10 PC1 attended') open the details, where classification reads them
        texts[S.DETAILS] = _titled(
            texts.get(S.DETAILS), pd.Series(parsed.words, index=text_body.index, dtype="string")
        )
    if S.DETAILS in texts:
        # the review author's note written under the record in its cell ('Home visit.
        # Child A seen.' / 'Analysis by IMR author: ...') is the entry's comment
        noted = _author_notes(texts[S.DETAILS], texts.get(S.COMMENT))
        if noted is not None:
            texts[S.DETAILS], texts[S.COMMENT] = noted
    date_text = date_text_job.result()

    # warnings from the date parser: the file's, then the rows' (at their row numbers)
    warnings.extend(
        _warning(code, message, file, sheet, None) for code, message in parsed.file_warnings
    )
    date_warnings = _warning_rows(
        parsed.warning_codes,
        parsed.warning_messages,
        rows.to_numpy()[parsed.warning_rows],
        file,
        sheet,
    )
    warning_parts = _warning_parts(warnings, *joined_notes, date_warnings)
    warnings = []

    # -- rejected rows -------------------------------------------------------------------
    ok = parsed.precision >= 0
    failed = ~ok
    rejected = pd.DataFrame(
        {
            S.SOURCE_FILE: file,
            S.SOURCE_SHEET: sheet,
            S.SOURCE_ROW: rows[failed].to_numpy(),
            S.REASON_CODE: parsed.error_code,
            S.REASON: parsed.error,
            S.COLUMN: heading(S.DATE),
            S.VALUE: date_text[failed].to_numpy(dtype=object),
            S.DATE_TEXT: date_text[failed].to_numpy(dtype=object),
            S.DETAILS: (
                texts[S.DETAILS][failed].to_numpy(dtype=object) if S.DETAILS in texts else None
            ),
        }
    )

    all_ok = bool(ok.all())
    ok_rows = np.flatnonzero(ok)
    good_rows = rows if all_ok else rows[ok]

    # -- agency ------------------------------------------------------------------------------
    fallback_code, fallback_name = _fallback_agency(
        agency=agency,
        sheet=sheet,
        title_lines=info.title_lines,
        file=file,
        titles_first=titles_first,
    )
    # nothing names the agency, but a heading is a school system's ("Student"): said by a
    # warning where rows took it (where no_agency would have been)
    school_note: dict[str, Any] | None = None
    if fallback_code is None and (school := school_headings(info.headings)):
        fallback_code = "education"
        school_note = _warning(
            "agency_from_headings",
            "no agency given by a column, the sheet, a title line or the file name; the "
            f"heading {school[0]!r} is a school system's, so rows without an agency were "
            "recorded as 'education' (pass agency= to set it)",
            file,
            sheet,
            header_row,
        )
    agency_dtype = EVENT_DTYPES[S.AGENCY]
    default_code = agency_dtype.categories.get_loc(fallback_code or "other")
    # organisation: the agency as written, per distinct name (``spelt``) and row (``which``)
    spelt: Any = None
    which = np.zeros(0, dtype=np.int64)
    if agency_job is not None and written_all is not None:
        written = written_all if all_ok else written_all[ok]
        which, distinct, norm = agency_job.result()
        which = which if all_ok else which[ok]
        blank = which < 0
        agency_codes = np.append(_category_codes(norm[S.AGENCY], agency_dtype), -1)[which]
        matched = np.append(norm["matched"].to_numpy(dtype=bool), False)[which]
        spelt = _contiguous(pa.array(distinct, pa.large_string()))
        unknown = ~matched & ~blank
        if unknown.any():
            # a sector ("Health", "NHS") is no unknown name: agency_not_specific says so
            unknown[unknown] = ~names_a_sector(written[unknown])
        # a council's name beside a Team column: the two together may name the agency
        if unknown.any() and (team_all := _team_cells(text_body, info)) is not None:
            team = team_all if all_ok else team_all[ok]
            agency_codes, from_team, note = _agency_from_team(
                written, team, unknown, agency_codes, agency_dtype, heading(S.AGENCY)
            )
            if note is not None:
                unknown &= ~from_team
                warnings.append(
                    _warning(
                        "agency_not_specific",
                        note,
                        file,
                        sheet,
                        int(good_rows[np.argmax(from_team)]),
                    )
                )
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
            agency_codes = np.where(blank, default_code, agency_codes)
            which = np.where(blank, len(spelt), which)  # one more name: the fallback
            spelt = pa.concat_arrays([spelt, pa.array([fallback_name], pa.large_string())])
            if school_note is not None:
                warnings.append(school_note)
            elif fallback_code is None:
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
        agency_codes = np.full(len(ok_rows), default_code, dtype=np.int8)
        if school_note is not None:
            warnings.append(school_note)
        elif fallback_code is None:
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
    warning_parts.extend(_warning_parts(warnings))

    # -- events ------------------------------------------------------------------------------
    stem = _slug(PurePath(file).stem)
    prefix = (f"{stem}-{_slug(sheet)}" if sheet else stem) + options.id_suffix
    # the rows kept, in their final order (by start, the chronology's own order for equal
    # starts), found before any column is copied: each column is then taken once
    starts = parsed.start if all_ok else parsed.start[ok_rows]
    ends = parsed.end if all_ok else parsed.end[ok_rows]
    sequence = None
    if S.SEQUENCE in texts:
        seq = sequence_keys(texts[S.SEQUENCE].iloc[ok_rows])  # ("2.10" after "2.9")
        if not np.isnan(seq).any():
            sequence = np.argsort(np.argsort(seq, kind="stable"), kind="stable")
    sorted_ok = _event_order(starts, sequence)
    positions = ok_rows if sorted_ok is None else ok_rows[sorted_ok]  # rows of the body

    text_columns: dict[str, pd.Series] = {S.DATE_TEXT: date_text}
    for fld, series in texts.items():
        text_columns[_TEXT_TARGET.get(fld, fld)] = series
    read_in = {*narratives, *remarks, *([title_pos] if title_pos is not None else [])}
    extra = _unmapped_text(text_body, info, taken=read_in)
    if extra is not None:
        text_columns[S.EXTRA] = extra
    identity = all_ok and sorted_ok is None
    takes: list[tuple[str, pd.Series, np.ndarray | None]] = [
        (name, series, None if identity else positions) for name, series in text_columns.items()
    ]
    ids_job = _run(side, _event_ids, prefix, rows.to_numpy()[positions])
    taken = _take_text(takes, side)
    if spelt is None:
        taken[S.ORGANISATION] = _constant_text(fallback_name, len(ok_rows))
    else:  # from the distinct names: a small array to take from
        in_rows = which if sorted_ok is None else which[sorted_ok]
        taken[S.ORGANISATION] = pd.arrays.ArrowStringArray(
            pa.chunked_array([spelt.take(pa.array(in_rows))])
        )
    in_order = slice(None) if sorted_ok is None else sorted_ok
    precision = parsed.precision[positions]
    event_columns: dict[str, Any] = {
        S.START: starts[in_order],
        S.END: ends[in_order],
        S.PRECISION: pd.Categorical.from_codes(precision, dtype=EVENT_DTYPES[S.PRECISION]),
        S.DATE_TEXT: taken.pop(S.DATE_TEXT),
        S.AGENCY: pd.Categorical.from_codes(agency_codes[in_order], dtype=agency_dtype),
        S.ORGANISATION: taken.pop(S.ORGANISATION),
        **taken,
        S.SOURCE_ROW: rows.to_numpy()[positions],
        # constant columns: nothing to reorder
        S.SOURCE_FILE: _constant_text(file, len(positions)),
        S.SOURCE_SHEET: _constant_text(sheet, len(positions)),
    }
    events = pd.DataFrame(event_columns, index=body.index[positions], copy=False)

    chron_title = title or (info.title_lines[0] if info.title_lines else None)
    if dob is not None:
        days = (events[S.START].to_numpy() - np.datetime64(dob, "ns")) // np.timedelta64(1, "D")
        events[S.CHILD_AGE_DAYS] = pd.array(days, dtype="Int64")
        before_birth = days < 0
        if before_birth.any():
            # antenatal contacts are real events; the age is simply undefined
            events.loc[before_birth, S.CHILD_AGE_DAYS] = pd.NA

    elif (age_text := text_of(S.CHILD_AGE)) is not None:
        # no date of birth: the ages the chronology gives ("9 months", "6/52")
        ages, unread = parse_ages(age_text)
        events[S.CHILD_AGE_DAYS] = ages[positions]
        if unread:
            warning_parts.append(
                pd.DataFrame(
                    _unread_ages(unread, age_text, rows, heading(S.CHILD_AGE), file, sheet)
                )
            )

    # rows out of order within this table (in the table's order): dated wholly before the
    # row above
    if len(starts) > 1:
        late = np.zeros(len(starts), dtype=bool)
        late[1:] = ends[1:] < starts[:-1]
        if late.any():
            prev_days, distinct = pd.factorize(
                pd.Series(starts[:-1][late[1:]], dtype="datetime64[ns]").dt.normalize()
            )
            prev_text = pa.array(
                pd.DatetimeIndex(distinct).strftime("%d/%m/%Y").tolist(), pa.large_string()
            ).take(pa.array(prev_days))
            written = pa.array(date_text.array).take(pa.array(ok_rows[late])).fill_null("")
            pieces = ("row dated ", " comes after a row dated ", " (out of chronological order)")
            warning_parts.append(
                _warning_rows(
                    "row_out_of_order",
                    _messages(pieces, written, prev_text),
                    good_rows[late],
                    file,
                    sheet,
                )
            )
    # a date after today: a typing error ("12/03/2077" for 2007), kept as written
    tomorrow = np.datetime64(dt.date.today(), "D") + np.timedelta64(1, "D")
    future = starts >= tomorrow.astype("datetime64[ns]")
    if future.any():
        written = pa.array(date_text.array).take(pa.array(ok_rows[future])).fill_null("")
        today = pa.repeat(pa.scalar(f"{dt.date.today():%d/%m/%Y}", pa.large_string()), len(written))
        pieces = ("row dated ", " is after today (", "): a typing error? Kept as written")
        warning_parts.append(
            _warning_rows(
                FUTURE_DATE, _messages(pieces, written, today), good_rows[future], file, sheet
            )
        )
    # ids after sorting
    events.index = ids_job.result()

    warning_frame = pd.concat(warning_parts, ignore_index=True) if warning_parts else None
    meta = ChronologyMeta(
        title=chron_title,
        sources=(
            SourceInfo(
                file=file,
                sheet=sheet,
                rows=len(body) + n_continued,
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
    if child_dob is None and len(info.title_lines) > 1:
        # the date of birth a title line under the first states ("Subject: Child A (DOB
        # 14/02/2013)"): only the first line is kept as the table's title
        chron = _dob_from_titles(chron, info.title_lines, file, sheet)
    # rows whose agency is a sector ("Health") or blank: their practitioner or source
    # may name it ("HV1", "GP records"); before classification, which reads the agency
    chron, decided = agencies_from_practitioners(chron, file=file, sheet=sheet)
    if decided:
        chron = with_warnings(chron, decided)
    return classify_chronology(chron, vocabularies=vocabularies) if classify else chron


def classify_chronology(
    chron: Chronology,
    *,
    vocabularies: Mapping[str, str | PurePath] | None = None,
    duplicates: bool = False,
) -> Chronology:
    """Fill a chronology's classification columns (event types, injuries, contacts ...).

    The same contact recorded by two agencies is linked by ``duplicate_of`` on the copy,
    the record that holds nothing the other does not (nothing is deleted; see
    :mod:`scr_timeline.classify.duplicates`): always with ``duplicates=True`` (merged agency
    chronologies), and otherwise (a panel's combined table, which lists every agency's
    records of one meeting) when the table holds several agencies and at most
    :data:`DUPLICATES_UP_TO` events.
    A larger table with several agencies gets a ``duplicates_not_checked`` warning
    instead: comparing its records costs seconds per hundred thousand.

    Within :func:`scr_timeline.classify.chronologies.deferred_classification` (a batch,
    which classifies many chronologies at once) the chronology is returned as it is and
    its classification noted. See :func:`scr_timeline.classify.chronologies.classify_each`.
    """
    from ..classify.chronologies import classify_each, defer

    if defer(chron, vocabularies=vocabularies, duplicates=duplicates):
        return chron
    return classify_each(
        [chron], vocabularies=vocabularies, duplicates=duplicates, duplicates_up_to=DUPLICATES_UP_TO
    )[0]


#: A title line that opens with the date of birth's label: a form's field.
_DOB_FIELD: Final = regex(
    r"\s*(?:(?:the\s+)?child'?s?\s+|name\s+of\s+child\s+and\s+)?"
    r"(?:d\.?\s*o\.?\s*b\b\.?|date\s+of\s+birth)",
    re.IGNORECASE,
)


def _dob_from_titles(
    chron: Chronology, titles: Sequence[str], file: str, sheet: str | None
) -> Chronology:
    """``chron`` with the child's date of birth its title lines state, and the
    ``child_dob_inferred`` warning saying so; unchanged when they state none, or disagree."""
    from ..classify.birth import dob_note, find_child_dob

    # (a line the date of birth opens, "DOB: 01/03/2016", is a form's field: the readers
    # take those from the whole file, and say so when its forms disagree)
    stated = [t for t in titles if not _DOB_FIELD.match(t)]
    found = find_child_dob(pd.DataFrame(), titles=stated) if stated else None
    if found is None:
        return chron
    note = dob_note(found, where=" above the table", file=file, sheet=sheet)
    warnings = pd.concat([chron.warnings, pd.DataFrame([note])], ignore_index=True)
    return Chronology(
        chron.events, chron.rejected, warnings, chron.meta.with_changes(child_dob=found.dob)
    )


def _take_text(
    takes: list[tuple[str, pd.Series, np.ndarray | None]],
    side: ThreadPoolExecutor | None = None,
) -> dict[str, Any]:
    """The rows at the given positions of text columns (all of them for None), as arrays.

    Big Arrow-backed columns are taken by Arrow (pandas takes them chunk by chunk, several
    times slower), straight from the parser's chunks into one array: pyarrow 26 takes from
    a chunked array as fast as from a contiguous one, and combining the chunks first copied
    every byte once more (freshly allocated, about 0.3 s CPU of a 1e6-row read).
    With a ``side`` thread, about half of the bytes are taken there.
    """
    out: dict[str, Any] = {}
    big: list[tuple[str, Any, np.ndarray]] = []
    for name, series, positions in takes:
        if positions is None:
            out[name] = series.array
        elif _is_arrow_text(series) and len(positions) >= 10_000:
            big.append((name, pa.array(series.array), positions))
        else:
            out[name] = series.array.take(positions)
    # with a side thread, the biggest columns go to it until it holds half the bytes
    big.sort(key=lambda item: -item[1].nbytes)
    half = sum(arrow.nbytes for _name, arrow, _positions in big) / 2
    there: list[tuple[str, Any, np.ndarray]] = []
    held = 0
    while side is not None and big and held + big[0][1].nbytes / 2 <= half:
        held += big[0][1].nbytes
        there.append(big.pop(0))
    job = _run(side, _take_arrow, there) if there else None
    out.update(_take_arrow(big))
    if job is not None:
        out.update(job.result())
    return {name: out[name] for name, _series, _positions in takes}


def _take_arrow(columns: list[tuple[str, Any, np.ndarray]]) -> dict[str, Any]:
    return {
        name: pd.arrays.ArrowStringArray(_one_chunk(arrow.take(pa.array(positions))))
        for name, arrow, positions in columns
    }


def _one_chunk(arrow: Any) -> Any:
    """A chunked array of one chunk holding ``arrow``'s values (as they are when so)."""
    if isinstance(arrow, pa.ChunkedArray):
        return arrow if arrow.num_chunks == 1 else pa.chunked_array([arrow.combine_chunks()])
    return pa.chunked_array([arrow])


def agencies_from_practitioners(
    chron: Chronology, *, file: str, sheet: str | None
) -> tuple[Chronology, list[dict[str, Any]]]:
    """``chron`` with the agency of each row written as a health sector ("Health", "NHS")
    or not written at all taken from its practitioner or source, where one names an
    agency (:func:`scr_timeline.classify.agencies.agencies_from_clues`: "HV1" is health
    visiting, "GP records" the GP). An ``agency_not_specific`` warning per sector name says
    what it is and how many of its rows were decided; an ``agency_from_practitioner``
    warning counts the rows with no agency decided so. Run before classification (event
    types read the agency)."""
    events = chron.events
    other = (events[S.AGENCY] == "other").to_numpy(dtype=bool)
    if not other.any():
        return chron, []
    part = events.loc[other]
    written = part[S.ORGANISATION].astype("string").str.strip().fillna("")
    sector = names_a_sector(part[S.ORGANISATION])
    clues = [part[c] for c in (S.PRACTITIONER, S.SOURCE) if c in part.columns]
    found = agencies_from_clues(part[S.ORGANISATION], clues) if clues else None
    decided = np.zeros(len(part), dtype=bool) if found is None else found.notna().to_numpy()
    if not (decided.any() or sector.any()):
        return chron, []
    if decided.any() and found is not None:
        events = events.copy()
        events.loc[part.index[decided], S.AGENCY] = found[decided].to_numpy(dtype=object)
        warnings = chron.warnings
        if not (~decided & written.eq("").to_numpy(dtype=bool)).any() and len(warnings):
            # every row with no agency took one: the no_agency warning said they had none
            # (agency_from_practitioner below says where each came from)
            gone = (warnings[S.CODE] == "no_agency") & (warnings[S.SOURCE_FILE] == file)
            gone &= (
                warnings[S.SOURCE_SHEET].isna()
                if sheet is None
                else warnings[S.SOURCE_SHEET] == sheet
            )
            warnings = warnings[~gone.fillna(False)].reset_index(drop=True)
        chron = Chronology(events, chron.rejected, warnings, chron.meta)
    notes = []
    told = decided | sector
    for name, rows in pd.Series(np.flatnonzero(told)).groupby(written.to_numpy()[told]):
        at = rows.to_numpy()
        mine = decided[at]
        counted = ""
        if found is not None and mine.any():
            codes = found.iloc[at[mine]].value_counts()
            counted = ", ".join(f"{code} ({count})" for code, count in codes.items())
        first = int(part[S.SOURCE_ROW].iloc[at].min())
        if name:
            message = (
                f"{name!r} names health services in general, not one agency (no agency code "
                f"fits it): {int(mine.sum())} of its {len(at)} row(s) took their agency from "
                f"the practitioner or source named on the row"
                + (f" ({counted})" if counted else "")
                + f"; {int((~mine).sum())} stay 'other' (write the service, as "
                f"'{name} - GP', or map the name in an alias file)"
            )
            notes.append(_warning("agency_not_specific", message, file, sheet, first))
        else:
            message = (
                f"{len(at)} row(s) with no agency took their agency from the practitioner or "
                f"source named on the row: {counted}"
            )
            notes.append(_warning("agency_from_practitioner", message, file, sheet, first))
    return chron, notes


#: The part of a title line after its last separator ("School log - Autumn term 2007",
#: "GP records: 2006-2008"), or a year that ends it ("Chronology 2007", "Log 2007/08")
_TITLE_TAIL: Final = re.compile(r"(?:.*(?:\s[-\u2013\u2014]\s|:|,)\s*)?(?P<tail>.+?)\s*$")
_TITLE_YEAR: Final = re.compile(r".*?\b(?P<tail>(?:19|20)\d\d(?:\s*[/-]\s*(?:19|20)?\d\d)?)\s*$")
#: A title line about the child or the report, whose date is no period of the entries
_NOT_A_PERIOD: Final = re.compile(
    r"\b(?:dob|d\.o\.b|born|birth|printed|generated|run|report(?:ed)?|created|completed|"
    r"updated|version|draft|prepared|as at|as of)\b",
    re.IGNORECASE,
)


def _title_period(titles: Sequence[str]) -> PreviousDate | None:
    """The period a title line above the table names, longer than a day ("Autumn term
    2007", "Chronology 2007", "Period: March - June 2007"): a table of dates written
    without their year ("12/9", "3 Oct") takes its year from it, as from a year's row
    above. The finest of them; None when no title names one (a date of birth or a
    report's date is no period)."""
    from ..dates import parse_date

    found = []
    for title in titles:
        if not title or len(title) > _TITLE_PERIOD_MAX or _NOT_A_PERIOD.search(title):
            continue
        years = set(_FOUR_DIGIT_YEAR.findall(title))
        for pattern in (_TITLE_TAIL, _TITLE_YEAR):
            m = pattern.match(title)
            if m is None or years - set(_FOUR_DIGIT_YEAR.findall(m["tail"])):
                continue  # 'from 2005 to 2008': not the last year alone
            try:
                start, end, precision = parse_date(m["tail"])
            except (ScrTimelineError, ValueError):
                continue
            if end - start > pd.Timedelta(days=1):
                found.append((start, end, precision, title))
                break
    if not found:
        return None
    start, end, precision, title = min(found, key=lambda f: f[1] - f[0])
    return PreviousDate(start, end, precision, "in the title lines", title)


_TITLE_PERIOD_MAX: Final = 80


def _sheet_period(sheet: str) -> PreviousDate | None:
    """The period a sheet's name gives ("2007", "Police 2007", "Autumn term 2007"), as a
    title line's (:func:`_title_period`), or None."""
    period = _title_period([sheet])
    return None if period is None else period._replace(where="in the sheet's name")


_FOUR_DIGIT_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")


def _section_headings(
    section_dates: Sequence[tuple[int, str]], rows: pd.Index, row_offset: int
) -> list[tuple[int, PreviousDate]]:
    """The section headings a reader took out of the table, each as the position of the
    first dated row below it among ``rows`` (the table's rows, by their position in the
    raw table) and the date it reads as (those that read as none are left out)."""
    if not section_dates:
        return []
    from ..dates import parse_date

    labels = rows.to_numpy()
    found = []
    for row, text in section_dates:
        try:
            start, end, precision = parse_date(text)
        except ScrTimelineError:
            continue
        where = f"row {row + 1 + row_offset}"
        below = int(np.searchsorted(labels, row))
        found.append((below, PreviousDate(start, end, precision, where, text)))
    return found


def _unread_ages(
    unread: list[str],
    written: pd.Series,
    rows: pd.Series,
    heading: str,
    file: str,
    sheet: str | None,
) -> list[dict[str, Any]]:
    """An ``age_unread`` warning for each distinct age cell that could not be read."""
    notes = []
    for text in unread:
        where = (written == text).to_numpy(dtype=bool, na_value=False)
        count = int(where.sum())
        more = f" (and {count - 1} more row(s))" if count > 1 else ""
        notes.append(
            _warning(
                AGE_UNREAD,
                f"the child's age {text!r} in column {heading!r} could not be read{more}; "
                "those rows have no age (write it as '9 months', '6/52' or '2y 3m')",
                file,
                sheet,
                int(rows.to_numpy()[np.argmax(where)]),
            )
        )
    return notes


def _agency_names(written: pd.Series) -> tuple[np.ndarray, Any, pd.DataFrame]:
    """Each row's agency name as a code into the distinct names, and those names read."""
    which, distinct = pd.factorize(written, use_na_sentinel=True)
    return which, distinct, normalise_agencies(pd.Series(distinct, dtype=written.dtype))


def _all_rows_if_full(text_cols: Mapping[Any, pd.Series], n: int) -> np.ndarray | None:
    """Every row kept when one of the columns has text in every row; None when unsure."""
    for series in text_cols.values():
        if _is_arrow_text(series) and pa.array(series.array).null_count == 0:
            return np.ones(n, dtype=bool)
    return None


def _not_blank(text_body: pd.DataFrame) -> np.ndarray:
    """Rows with text in at least one cell (all of them when a column has no blank)."""
    if not text_body.shape[1]:
        return np.zeros(len(text_body), dtype=bool)
    full = _all_rows_if_full(dict(text_body.items()), len(text_body))
    if full is not None:
        return full
    return text_body.notna().any(axis=1).to_numpy(dtype=bool, copy=True)


def _continued_rows(
    text_body: pd.DataFrame, mapping: Mapping[int, str], keep: np.ndarray
) -> tuple[np.ndarray, np.ndarray] | None:
    """The rows that carry on the text of the dated row above them, and that row.

    A continuation row has text in a narrative column (details, outcome, comment, people
    involved) and nothing in any column a row starts with (:data:`ROW_START_FIELDS`); the
    row right above it (no blank row between) has its date cell written, or is itself a
    continuation of such a row; and it has text in at most one column where that row has
    text too (the cell that was broken). Returns the rows (a mask over ``text_body``) and, per
    row, the position of the dated row it joins (meaningful where the mask is set); None
    when there is none. Whole columns at a time: a table with a date in every row costs
    one null count.
    """
    date_pos = next((pos for pos, fld in mapping.items() if fld == S.DATE), None)
    if date_pos is None or date_pos not in text_body.columns:
        return None
    undated = text_body[date_pos].isna().to_numpy(dtype=bool)
    maybe = keep & undated
    if not maybe.any():
        return None
    narrative = np.zeros(len(text_body), dtype=bool)
    for pos, fld in mapping.items():
        if pos not in text_body.columns:
            continue
        if fld in ROW_START_FIELDS:
            maybe &= text_body[pos].isna().to_numpy(dtype=bool)
        elif fld in _NARRATIVE_FIELDS:
            narrative |= text_body[pos].notna().to_numpy(dtype=bool)
    maybe &= narrative
    if not maybe.any():
        return None
    # each row's nearest row above (or itself) that is not a candidate: a blank row, a
    # repeated header or an undated row naming its agency breaks the chain
    where = np.arange(len(maybe))
    heads = np.maximum.accumulate(np.where(maybe, -1, where))
    more = maybe & (heads >= 0)
    dated = keep & ~undated
    more[more] = dated[heads[more]]
    if not more.any():
        return None
    # a cell is broken in one column: a row with text beside the dated row's text in two
    # narrative columns or more (details and outcome) is an undated event of its own
    # (rejected); a column no field takes does not count (a GP journal's "Type" column:
    # "History" on the dated row, "Examination" and "Plan" on the rows under it)
    places = np.flatnonzero(more)
    shared = np.zeros(len(places), dtype=np.int64)
    for label, column in text_body.items():
        if mapping.get(cast(int, label)) not in _NARRATIVE_FIELDS:
            continue
        filled = column.notna().to_numpy(dtype=bool)
        shared += filled[places] & filled[heads[places]]
    if (shared > 1).any():
        maybe[places[shared > 1]] = False
        heads = np.maximum.accumulate(np.where(maybe, -1, where))
        more = maybe & (heads >= 0)
        more[more] = dated[heads[more]]
    return (more, heads) if more.any() else None


def _join_continued(text_body: pd.DataFrame, more: np.ndarray, heads: np.ndarray) -> pd.DataFrame:
    """``text_body`` with each continuation row's cells added to its dated row's, column
    by column, with a line break between (the continuation rows are left as they are)."""
    places = np.flatnonzero(more)
    of = heads[places]
    out = {}
    for label, column in text_body.items():
        given = column.notna().to_numpy(dtype=bool)[places]
        if given.any():  # a cell merged down repeats the one above: it is no more text
            text = _arrow_text(column, contiguous=False)
            here = _take_few(text, places[given])
            above = _take_few(text, places[given] - 1)
            given[given] = ~np.asarray(pc.equal(here, above).fill_null(False), dtype=bool)
        if not given.any():
            out[label] = column
            continue
        # the pieces of each joined cell in order: the dated row's own cell, then its
        # continuations' (a head comes before its continuations in the table)
        firsts = np.unique(of[given])
        members = np.concatenate([firsts, places[given]])
        keys = np.concatenate([firsts, of[given]])
        order = np.lexsort((members, keys))
        members, keys = members[order], keys[order]
        pieces = _take_few(text, members)
        written = np.asarray(pieces.is_valid(), dtype=bool)
        pieces, keys = pieces.filter(pa.array(written)), keys[written]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        offsets = pa.array(np.r_[starts, len(keys)].astype(np.int64), pa.int64())
        lists = pa.LargeListArray.from_arrays(offsets, pieces)
        joined = pc.binary_join(lists, pa.scalar("\n", pa.large_string()))
        out[label] = _with_cells(column, text, keys[starts], joined)
    return pd.DataFrame(out, index=text_body.index)


def _take_few(values: Any, positions: np.ndarray) -> Any:
    """``values.take(positions)`` as one array, for a few positions of a big chunked array:
    taken chunk by chunk (Arrow's take of a chunked array joins all of its chunks first)."""
    if not isinstance(values, pa.ChunkedArray):
        return values.take(pa.array(positions))
    order = np.argsort(positions, kind="stable")
    wanted = positions[order]
    bounds = np.cumsum([0, *(len(chunk) for chunk in values.chunks)])
    which = np.searchsorted(bounds, wanted, side="right") - 1
    parts = [
        values.chunk(int(i)).take(pa.array(wanted[which == i] - bounds[i]))
        for i in np.unique(which)
    ]
    taken = pa.concat_arrays(parts) if parts else pa.array([], values.type)
    return taken.take(pa.array(np.argsort(order)))


def _with_cells(column: pd.Series, text: Any, positions: np.ndarray, values: Any) -> pd.Series:
    """``column`` with the cells at ``positions`` (ascending) replaced by ``values``; an
    Arrow column chunk by chunk, so that chunks without such a cell are not copied."""
    if not _is_arrow_text(column) or not isinstance(text, pa.ChunkedArray):
        cells = column.copy()
        cells.iloc[positions] = values.to_numpy(zero_copy_only=False)
        return cells
    chunks, start, done = [], 0, 0
    for chunk in text.chunks:
        end = start + len(chunk)
        upto = int(np.searchsorted(positions, end))
        if upto > done:
            mask = np.zeros(len(chunk), dtype=bool)
            mask[positions[done:upto] - start] = True
            chunk = pc.replace_with_mask(chunk, pa.array(mask), values[done:upto])
        chunks.append(chunk)
        start, done = end, upto
    joined = pa.chunked_array(chunks, type=text.type)
    return pd.Series(
        pd.array(joined, dtype=column.dtype), index=column.index, name=column.name, copy=False
    )


def _continued_warnings(
    rows: pd.Series, more: np.ndarray, heads: np.ndarray, file: str, sheet: str | None
) -> pd.DataFrame:
    """One ``row_continued`` warning per continuation row, naming the row it joined."""
    numbers = rows.to_numpy()
    joined = pc.cast(pa.array(numbers[more], pa.int64()), pa.large_string())
    head = pc.cast(pa.array(numbers[heads[more]], pa.int64()), pa.large_string())
    pieces = (
        "row ",
        " has text but no date, time, agency or practitioner: it carries on the text of row ",
        " above it (a new row typed instead of a line break in the cell) and was joined to it",
    )
    return _warning_rows(
        "row_continued", _messages(pieces, joined, head), numbers[more], file, sheet
    )


def _messages(pieces: tuple[str, str, str], first: Any, second: Any) -> Any:
    """One message per row: ``pieces[0] + first + pieces[1] + second + pieces[2]``, where
    ``first`` and ``second`` are Arrow text arrays (built by Arrow, not row by row)."""
    joined = pc.binary_join_element_wise(
        pa.scalar(pieces[0], pa.large_string()),
        first,
        pa.scalar(pieces[1], pa.large_string()),
        second,
        pa.scalar(pieces[2], pa.large_string()),
        pa.scalar("", pa.large_string()),
    )
    return pd.arrays.ArrowStringArray(pa.chunked_array([joined]))


def _category_codes(values: pd.Series, dtype: pd.CategoricalDtype) -> np.ndarray:
    """Codes of a categorical column in the categories of ``dtype`` (-1 for NA)."""
    codes = values.cat.codes.to_numpy()
    if values.cat.categories.equals(dtype.categories):
        return codes
    lookup = np.append(dtype.categories.get_indexer(values.cat.categories), -1)
    return lookup[codes]


def _event_order(starts: np.ndarray, sequence: np.ndarray | None) -> np.ndarray | None:
    """Positions of the events by start, ties in ``sequence`` order (else the table's);
    None when they already are in that order."""
    if sequence is None:
        if len(starts) < 2 or bool((starts[1:] >= starts[:-1]).all()):
            return None
        keys = starts.view(np.int64)  # no NaT here
        seconds, rest = np.divmod(keys, 1_000_000_000)
        n = len(keys)
        first = int(seconds.min())
        if not rest.any() and int(seconds.max()) - first < (1 << 62) // n:
            # whole seconds (as dates give): one sort of (second, row) keys, several times
            # faster than a stable sort
            return np.sort((seconds - first) * n + np.arange(n)) % n
        return np.argsort(keys, kind="stable")
    order = np.lexsort((sequence, starts))
    return None if bool((order[1:] > order[:-1]).all()) else order


def _constant_text(value: str | None, n: int) -> Any:
    """A string array of ``n`` copies of ``value`` (or of NA)."""
    if value is None:
        arrow = pa.nulls(n, pa.large_string())
    else:
        arrow = pa.repeat(pa.scalar(value, pa.large_string()), n)
    return pd.arrays.ArrowStringArray(pa.chunked_array([arrow]))


def _event_ids(prefix: str, rows: np.ndarray) -> pd.Index:
    """``{prefix}-r{row}`` for each row, built by Arrow."""
    numbers = pc.cast(pa.array(rows, pa.int64()), pa.large_string())
    ids = pc.binary_replace_slice(numbers, 0, 0, f"{prefix}-r")
    return pd.Index(
        pd.arrays.ArrowStringArray(pa.chunked_array([ids])), dtype="string", name=S.EVENT_ID
    )


#: Headings of a column that titles each entry, as case-management systems export a case
#: note ("Subject", "Note Title"): no field takes it, and its text opens the entry's
#: details (see :func:`_titled`).
_TITLE_HEADINGS: Final = frozenset(
    {
        "subject",
        "subject of note",
        "note subject",
        "case note subject",
        "note title",
        "case note title",
        "entry title",
        "contact title",
        "event title",
        "topic",
        # a GP system's coded entry: the text of its code opens the free text after it
        "rubric",
        "read code rubric",
        "read code description",
        "read term",
        "code description",
        "code term",
        "clinical term",
        "snomed description",
        "snomed term",
        # a GP consultation's problem heading ('Bruising', 'Cough'): its title
        "problem",
        "problem title",
        "consultation problem",
        # an emergency department's reason for the attendance, beside its triage or
        # clinical notes ('Head injury - fell from bed')
        "presenting complaint",
        "chief complaint",
        "presenting problem",
    }
)  # (not a bare "Title": beside a name it is the practitioner's job title)


def _title_column(body: pd.DataFrame, info: HeaderInfo) -> int | None:
    """The position of the column that titles each entry ("Subject" beside "Note"), or
    None: the first column no field takes whose heading is one of :data:`_TITLE_HEADINGS`
    and that holds text."""
    for pos, heading in enumerate(info.headings):
        if pos in info.mapping or not heading or pos not in body.columns:
            continue
        if normalise_heading(heading) in _TITLE_HEADINGS and body[pos].notna().any():
            return pos
    return None


def _titled(details: pd.Series | None, title: pd.Series) -> pd.Series:
    """``details`` opened by each entry's ``title``: "Referral from GP. GP1 phoned re
    bruising ..." from a subject "Referral from GP" and a note "GP1 phoned re bruising
    ...". A title the details already open with, or end the sentence of, is not repeated;
    a title ending in a stop ("Visit:") is followed by a space only; the title alone where
    the details are empty.

    >>> _titled(pd.Series(["GP1 phoned.", "Home visit. Child seen.", None, "x"], dtype="string"),
    ...         pd.Series(["Referral from GP", "Home visit", "Strat disc", None], dtype="string")
    ...         ).tolist()
    ['Referral from GP. GP1 phoned.', 'Home visit. Child seen.', 'Strat disc', 'x']
    """
    title = title.astype("string")
    if details is None:
        return title
    details = details.astype("string")
    # (the details that open with their title, compared a title length at a time)
    lengths = title.str.len()
    opens = np.zeros(len(title), dtype=bool)
    said, cased = details.str.casefold(), title.str.casefold()
    for length in pd.unique(lengths.dropna()).tolist():
        rows = (lengths == length).fillna(False).to_numpy(dtype=bool)
        same = said[rows].str.slice(0, int(length)) == cased[rows]
        opens[rows] = same.fillna(False).to_numpy(dtype=bool)
    joiner = title.str.contains(r"[.:;!?\-]$", regex=True).map({True: " ", False: ". "})
    joined = (title + joiner.astype("string") + details).astype("string")
    out = joined.where(details.notna() & title.notna() & ~opens, details)
    return out.where(details.notna(), title)


#: A line (not the first) of a details cell that may open the review author's note on
#: the entry: a first look over the whole column; :func:`.text.comment_label` decides. A
#: bare "Comment:" is left in the record (a practitioner's own comment may open so).
_AUTHOR_NOTE = (
    r"\n[ \t*_\[(]*(?:analys[ie]s|imr|author|authors|author's|reviewer|reviewers|reviewer's"
    r"|learning|hindsight|reflections?)\b"
)


def _cells_with_line_breaks(text: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Positions of the cells holding a line break, found in the column's bytes, a chunk
    at a time (a kernel call per cell costs 0.2 s on a million cells; most hold none).

    >>> _cells_with_line_breaks(pa.array(["a", None, "b\\nc", "", "d\\n"], pa.large_string())).tolist()
    [2, 4]
    """
    chunks = text.chunks if isinstance(text, pa.ChunkedArray) else [text]
    found, first = [], 0
    for chunk in chunks:
        _, offsets_buffer, data_buffer = chunk.buffers()
        if data_buffer is not None and len(chunk):
            at = chunk.offset
            offsets = np.frombuffer(offsets_buffer, dtype=np.int64)[at : at + len(chunk) + 1]
            data = np.frombuffer(data_buffer, dtype=np.uint8)[offsets[0] : offsets[-1]]
            breaks = np.flatnonzero(data == ord("\n")) + offsets[0]
            found.append(np.unique(np.searchsorted(offsets, breaks, side="right") - 1) + first)
        first += len(chunk)
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def _author_notes(
    details: pd.Series, comment: pd.Series | None
) -> tuple[pd.Series, pd.Series] | None:
    """The details without the review author's note written under the record in the same
    cell ('Home visit. Child A seen.' then 'Analysis by IMR author: SW1 should have
    referred.'), and the comment with that note after its own text; None when no cell
    holds one. The note starts at the first later line opening with a label of the
    author's, the reviewer's, the analysis or the learning; so that 'should have referred'
    is not read as the record of a referral.

    >>> d, c = _author_notes(pd.Series(["Visit.\\nAnalysis by IMR author: late.", "x"]), None)
    >>> d.tolist(), c.tolist()
    (['Visit.', 'x'], ['late.', <NA>])
    """
    text = pa.array(details.astype("string").array, pa.large_string())
    broken = _cells_with_line_breaks(text)
    if not len(broken):
        return None
    hint = pc.match_substring_regex(text.take(pa.array(broken)), _AUTHOR_NOTE, ignore_case=True)
    rows = broken[pc.fill_null(hint, False).to_numpy(zero_copy_only=False)]
    if not len(rows):
        return None
    from .text import comment_label  # (only for a table whose cells hold such notes)

    new_details = details.astype("string").copy()
    new_comment = (
        comment.astype("string").copy()
        if comment is not None
        else pd.Series(pd.NA, index=details.index, dtype="string")
    )
    changed = False
    for i in rows.tolist():
        lines = str(details.iat[i]).split("\n")
        for k in range(1, len(lines)):
            note = comment_label(lines[k])
            if note is None or not re.match(_AUTHOR_NOTE, "\n" + lines[k], re.IGNORECASE):
                continue
            record = "\n".join(lines[:k]).rstrip()
            said = "\n".join([note, *lines[k + 1 :]]).strip()
            if record and said:
                new_details.iat[i] = record
                before: object = new_comment.iat[i]
                own = str(before).strip() if isinstance(before, str) else ""
                new_comment.iat[i] = f"{own}\n{said}" if own else said
                changed = True
            break
    return (new_details, new_comment) if changed else None


def _more_details_columns(body: pd.DataFrame, info: HeaderInfo, *, taken: int | None) -> list[int]:
    """Positions of the columns no field takes whose heading names a narrative the shipped
    headings read as details when a table has no details column ("Information shared",
    "Voice of the child", "Reason for referral", "Notes" beside "Details"), holding text."""
    out = []
    for pos, heading in enumerate(info.headings):
        if pos in info.mapping or pos == taken or not heading or pos not in body.columns:
            continue
        if _spare_field(info, pos) == (S.DETAILS, 2) and body[pos].notna().any():
            out.append(pos)
    return out


def _spare_field(info: HeaderInfo, pos: int) -> tuple[str, int] | None:
    """The field the heading of a column no field takes names (see
    :func:`~scr_timeline.io.headers.heading_field`); under a group heading of a two-row
    header, its own heading names it when the two together name none ("Outcome" under
    "Agency response" merged over "Action taken" | "Outcome")."""
    found = heading_field(info.headings[pos])
    if found is None and len(info.header_cells) == 2 and pos < len(info.header_cells[1]):
        found = heading_field(info.header_cells[1][pos])
    return found


def _more_primary_columns(body: pd.DataFrame, info: HeaderInfo, fld: str) -> list[int]:
    """Positions of the columns no field takes whose heading is a primary heading of
    ``fld`` (the comment or the outcome), beaten to it by the column it was taken from,
    holding text: a merged chronology's reviewer columns ("Panel comment" and "Analysis"
    beside "Significance"), a school log's "Outcome" beside "Actions". A fallback heading
    ("Issues", "Key issues", "Plan") stays in ``extra``."""
    return [
        pos
        for pos, heading in enumerate(info.headings)
        if pos not in info.mapping
        and heading
        and pos in body.columns
        and _spare_field(info, pos) == (fld, 1)
        and body[pos].notna().any()
    ]


def _with_more_details(details: pd.Series | None, heading: str, text: pd.Series) -> pd.Series:
    """``details`` followed, on a line of its own, by ``heading: text`` where the row has
    that text ("GP1 phoned re bruising.\\nInformation shared: Police informed.").

    >>> _with_more_details(pd.Series(["Home visit.", None, "x"], dtype="string"),
    ...     "Voice of the child", pd.Series(["Said Daddy hit him", "Happy", None], dtype="string")
    ...     ).tolist()
    ['Home visit.\\nVoice of the child: Said Daddy hit him', 'Voice of the child: Happy', 'x']
    """
    labelled = (heading + ": " + text.astype("string")).astype("string")
    if details is None:
        return labelled
    details = details.astype("string")
    joined = (details + "\n" + labelled).astype("string")
    return joined.where(details.notna() & text.notna(), details.fillna(labelled))


#: The heading of a column naming the team or service within an agency ("Team", "Service
#: area"), read as part of the agency's name when the agency column gives a council's
_TEAM_HEADING: Final = regex(
    r"^\s*(?:team|team name|service|service area|department|unit|directorate)\s*$", re.IGNORECASE
)


def _team_cells(body: pd.DataFrame, info: HeaderInfo) -> pd.Series | None:
    """The cells of the one column no field takes whose heading names a team ("Team",
    "Service area"), or None."""
    found = [
        label
        for label in body.columns
        if int(label) not in info.mapping
        and int(label) < len(info.headings)
        and _TEAM_HEADING.match(info.headings[int(label)] or "")
    ]
    return body[found[0]] if len(found) == 1 else None


def _agency_from_team(
    written: pd.Series,
    team: pd.Series,
    unknown: np.ndarray,
    codes: np.ndarray,
    dtype: pd.CategoricalDtype,
    column: str,
) -> tuple[np.ndarray, np.ndarray, str | None]:
    """The agency of rows whose agency cell names no known agency ("Northshire Council")
    read from that name and the row's team together ("Northshire Council - Duty &
    Assessment" is children's social care, "... - Housing Options" housing): the codes,
    the rows so decided and a note saying so (None when none is)."""
    rows = np.flatnonzero(unknown & team.notna().to_numpy())
    decided = np.zeros(len(unknown), dtype=bool)
    if not len(rows):
        return codes, decided, None
    both = written.iloc[rows].astype("string") + " - " + team.iloc[rows].astype("string")
    which, distinct = pd.factorize(both, use_na_sentinel=True)
    norm = normalise_agencies(pd.Series(distinct, dtype="string"))
    hit = norm["matched"].to_numpy(dtype=bool)[which] & (
        norm[S.AGENCY].to_numpy(dtype=object)[which] != "other"
    )
    if not hit.any():
        return codes, decided, None
    at = rows[hit]
    codes = codes.copy()
    codes[at] = _category_codes(norm[S.AGENCY], dtype)[which[hit]]
    decided[at] = True
    found = pd.Series(norm[S.AGENCY].to_numpy(dtype=object)[which[hit]]).value_counts()
    names = ", ".join(repr(n) for n in pd.unique(written.iloc[at].astype(str)))
    counted = ", ".join(f"{code} ({count})" for code, count in found.items())
    note = (
        f"{names} in column {column!r} names no one agency: {len(at)} of its row(s) took "
        f"their agency from the team named beside it ({counted}); map the name in an alias "
        "file to decide the rest"
    )
    return codes, decided, note


def _unmapped_text(
    body: pd.DataFrame, info: HeaderInfo, *, taken: set[int] | None = None
) -> pd.Series | None:
    """Text of columns no field takes, as "Heading: value" joined by " | " (nothing lost),
    but for the columns at ``taken`` (an entry's title and narratives beside its details,
    read into them).

    ``body`` holds the cells as trimmed text (see :func:`cells_to_text`).
    """
    parts: list[pd.Series] = []
    for label in body.columns:
        pos = int(label)
        if pos in info.mapping or pos in (taken or ()):
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


#: The label of a title line that names the agency ("Agency: Riverside Surgery").
_LABEL: Final = regex(
    r"^\s*(?:name of )?(?:agency|organi[sz]ation|service|provider|trust|team|practice)"
    r"(?: name)?\s*[:\-\u2013]\s*",
    re.IGNORECASE,
)


def _fallback_agency(
    *,
    agency: str | None,
    sheet: str | None,
    title_lines: list[str],
    file: str,
    titles_first: bool = False,
) -> tuple[str | None, str | None]:
    """The agency for rows without one: the sheet name, else a title line, else the file
    name, else the ``agency=`` option (which must name a known agency in any case). With
    ``titles_first`` (one of several tables on a sheet, each under its own title), the
    title lines come first, the nearest to the header first."""
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
    sheets = [sheet] if sheet else []
    titles = [_LABEL.sub("", line, count=1) or line for line in title_lines]
    names = ([*titles[::-1], *sheets] if titles_first else [*sheets, *titles]) + [
        _readable_stem(file)
    ]
    for name in names:
        code = agency_from_name(name)
        if code is not None:
            return code, name
    if option is not None:
        return option
    # a sector's name ("Northshire Healthcare NHS Trust", a community trust's health visitors
    # and paediatricians): kept as the organisation, so the rows' practitioners decide
    named = [*titles, *sheets]  # (a title names the trust; a sheet is often just "Health")
    sector = names_a_sector(pd.Series(named, dtype="string"))
    return ("other", named[int(np.argmax(sector))]) if sector.any() else (None, None)


def _readable_stem(file: str) -> str:
    """A file's name as an organisation a report can show: "health-visiting.csv" is
    "Health visiting", "childrens-social-care.csv" "Children's social care" and "a&e.csv"
    "A&E" (an agency name written in lower case is spelt as the agency alias table spells
    it, in sentence case), "riverside_surgery.xlsx" "Riverside surgery" (a name typed with
    capitals keeps them)."""
    words = " ".join(re.split(r"[-_\s]+", PurePath(file).stem)).strip()
    if words.islower():
        from ..classify.agencies import _normalise_one

        spelt = _alias_spellings().get(_normalise_one(words))
        if spelt is not None:  # in sentence case, acronyms kept: "Children's social care"
            first, *rest = spelt.split(" ")
            words = " ".join([first, *(w if w.isupper() else w.lower() for w in rest)])
        else:
            words = words[0].upper() + words[1:]
    return words or PurePath(file).stem


@functools.lru_cache(maxsize=1)
def _alias_spellings() -> dict[str, str]:
    return cast("dict[str, str]", _prebuilt.table("alias_spellings", build_alias_spellings))


def build_alias_spellings() -> dict[str, str]:
    """The shipped agency aliases by their normalised form, as the table spells them
    (prebuilt at install: scr_timeline._prebuilt)."""
    from ..classify.agencies import _normalise_one, load_agency_aliases

    out: dict[str, str] = {}
    for alias in load_agency_aliases()[ALIAS].astype(str):
        out.setdefault(_normalise_one(alias), alias)
    return out


_SIDE_NOTES_SHOWN: Final = 300


def _side_notes(
    raw: pd.DataFrame, width: int, file: str, sheet: str | None, row_offset: int
) -> dict[str, Any]:
    """A ``side_notes`` warning holding the text beside a table (a key, notes), from
    column ``width`` on: it is not read as cells of the table's rows."""
    side = raw.iloc[:, width:]
    filled = np.flatnonzero(side.notna().to_numpy().any(axis=1))
    lines: list[str] = []
    for row in filled.tolist():  # the first lines, up to what the message shows
        texts = [str(c).strip() for c in side.iloc[row].tolist() if not _blank(c)]
        lines.extend([" ".join(texts)] if texts else [])
        if sum(len(line) + 2 for line in lines) > _SIDE_NOTES_SHOWN:
            break
    text = "; ".join(lines)
    if len(text) > _SIDE_NOTES_SHOWN or len(lines) < len(filled):
        text = text[: _SIDE_NOTES_SHOWN - 3] + "..."
    first = int(filled[0]) + 1 + row_offset if len(filled) else None
    return _warning(
        "side_notes",
        f"{len(filled)} line(s) beside the table, right of an empty column (a key or "
        f"notes), were not read as cells of its rows: {text!r}",
        file,
        sheet,
        first,
    )


def _blank(value: object) -> bool:
    """A cell with nothing in it: None, NA, NaN or white space."""
    return not value.strip() if isinstance(value, str) else bool(pd.isna(cast(Any, value)))


def _one_cell_rows(
    raw: pd.DataFrame, lo: int, hi: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For rows ``lo`` to ``hi`` of ``raw``: how many cells hold something, whether the
    only one is text, and the column of the first one (-1 for a blank row). A line of page
    furniture ("Page 1 of 2", "OFFICIAL-SENSITIVE") counts as a blank row: no title."""
    part = raw.iloc[lo:hi]
    filled = ~part.map(_blank).to_numpy(dtype=bool)
    counts = filled.sum(axis=1)
    where = np.where(counts > 0, filled.argmax(axis=1), -1)
    only = [part.iat[i, int(where[i])] if n == 1 else None for i, n in enumerate(counts.tolist())]
    text = np.array([isinstance(cell, str) for cell in only], dtype=bool)
    furniture = np.array(
        [isinstance(c, str) and PAGE_FURNITURE.fullmatch(c) is not None for c in only],
        dtype=bool,
    )
    counts[furniture], text[furniture], where[furniture] = 0, False, -1
    return counts, text, where


def _says_date_unknown(cell: object) -> bool:
    """Whether a date cell says its date is not known ('Date unknown', 'Date not known',
    'No date', 'Undated'): an entry's, never a heading, however like one it reads."""
    from ..dates import parse_dates

    if not isinstance(cell, str):
        return False
    return bool((parse_dates(pd.Series([cell])).frame[S.ERROR_CODE] == "empty_date").all())


def _block_starts(
    raw: pd.DataFrame,
    info: HeaderInfo,
    positions: np.ndarray,
    repeated: np.ndarray,
    columns: Mapping[str, str] | None,
) -> list[tuple[int, int]]:
    """The tables stacked under the first one on a sheet (one per agency, each under its
    own title line and with its own headings): ``(first row, header row)`` in ``raw`` for
    each, from the rows under the first header (``positions``, counted from its first
    data row) whose date cell reads as a heading.

    Such a row starts a table when it is a header (text only, a date heading and another
    recognised one, not a form's label and value) other than the first table's, or the
    first table's again under a title line (a row holding one cell of text, with nothing
    but blank rows or other such lines between it and the header). The table's rows start
    at its title lines, or at the blank rows above the header.
    """
    out: list[tuple[int, int]] = []
    start = info.data_start
    for at in positions.tolist():
        row = start + at
        if out and row <= out[-1][1]:
            continue
        cells = raw.iloc[row].tolist()
        filled = [c for c in cells if not _blank(c)]
        if not filled or not all(isinstance(c, str) for c in filled):
            continue
        mapping = map_headings(cells, columns=columns)
        if S.DATE not in mapping.values() or len(mapping) < 2 or is_form_row(cells, mapping):
            continue
        if _says_date_unknown(cells[next(p for p, f in mapping.items() if f == S.DATE)]):
            continue  # an entry whose date is not known ('Date unknown' | 'GP notes' | ...)
        # its title lines (one cell of text, in the header's first column or left of it,
        # one under another) and the blank rows around them, up to the rows above
        floor = out[-1][1] + 1 if out else start
        counts, one_text, where = _one_cell_rows(raw, floor, row)
        first = row
        titled = False
        for k in range(row - floor - 1, -1, -1):
            if counts[k] == 0:
                first = floor + k
                if titled:  # a blank row above the titles ends the table before
                    break
            elif one_text[k] and where[k] <= min(mapping):
                first, titled = floor + k, True
            else:
                break
        if (repeated[at] and not titled) or row == start:  # (right under the header)
            continue
        out.append((first, row))
    return out


def _date_position(info: HeaderInfo) -> int:
    return next(pos for pos, fld in info.mapping.items() if fld == S.DATE)


def _parse_blocks(
    raw: pd.DataFrame,
    starts: list[tuple[int, int]],
    info: HeaderInfo,
    options: _Options,
    *,
    row_offset: int,
    classify: bool,
    previous_date: PreviousDate | None,
) -> Chronology:
    """Each table of a sheet that holds several (see :func:`_block_starts`) read with its
    own header, its rows taking their agency from its title line; merged, with a
    ``table_block`` warning at each later table's header (a table with no rows under its
    header is a ``table_block`` warning that says so)."""
    file = PurePath(str(options.source)).name
    sheet, columns = options.sheet, options.columns
    bounds = [0, *(first for first, _ in starts), len(raw)]
    parts = [raw.iloc[bounds[k] : bounds[k + 1]] for k in range(len(bounds) - 1)]
    infos = [info, *(find_header(part, columns=columns) for part in parts[1:])]
    chrons: list[Chronology] = []
    notes: list[dict[str, Any]] = []
    options = _sheet_day_order(parts, infos, options, notes, file=file, sheet=sheet)
    for k, (part, part_info) in enumerate(zip(parts, infos, strict=True)):
        header_row = row_offset + bounds[k] + part_info.header_rows[-1] + 1
        if k:
            named = [h for h in part_info.headings if h]
            titles = " / ".join(repr(t) for t in part_info.title_lines)
            under = f" under the title {titles}" if titles else ""
            notes.append(
                _warning(
                    "table_block",
                    f"another table starts at row {header_row}{under}, with headings of its "
                    f"own ({', '.join(named)}); its rows were read with them",
                    file,
                    sheet,
                    header_row,
                )
            )
        try:
            chrons.append(
                _parse_table(
                    part,
                    options,
                    row_offset=row_offset + bounds[k],
                    classify=False,
                    previous_date=previous_date if k == 0 else None,
                    header=part_info,
                    blocks=False,
                    titles_first=True,
                )
            )
        except EmptyChronologyError:
            notes.append(
                _warning(
                    "table_block",
                    f"the table whose header is row {header_row} has no rows under it",
                    file,
                    sheet,
                    header_row,
                )
            )
    return _merged_tables(chrons, notes, options, file=file, sheet=sheet, classify=classify)


def _side_by_side(info: HeaderInfo, columns: Mapping[str, str] | None) -> list[int]:
    """The first columns of the tables beside the first one on a sheet (GP in A-C, police
    in E-G, an empty column between, each under its own title): [] when there is one
    table. Only the header is looked at.

    The header's filled headings, in runs between blank ones, start another table at a
    run whose headings, read alone, name a date and another field, past the first such
    run, unless the sheet's header read whole reads that date heading as another field
    (a column such as 'Date closed' past a spacer column is the one table's end date). A
    run without a date heading stays with the table on its left, as do the empty columns
    before it.
    """
    headings = info.headings
    width = len(headings) if info.width is None else min(info.width, len(headings))
    filled = [bool(str(h).strip()) for h in headings[:width]]
    # the runs: a filled heading after a blank one (or at the first column)
    runs = [k for k in range(width) if filled[k] and (k == 0 or not filled[k - 1])]
    if len(runs) < 2:
        return []
    tables: list[int] = []  # the runs that read as tables of their own
    first = 0  # how the first table's date heading names its date (see date_priority)
    for k, at in enumerate(runs):
        end = runs[k + 1] if k + 1 < len(runs) else width
        mapping = map_headings(headings[at:end], columns=columns)
        date = next((at + p for p, fld in mapping.items() if fld == S.DATE), None)
        # (a date heading the whole header reads as another field, 'Date closed' as the
        # end date, is the one table's)
        if date is None or len(mapping) < 2 or info.mapping.get(date, S.DATE) != S.DATE:
            continue
        # a date heading naming when entries were recorded ('Date entered') right of a
        # table dated by the event's ('Date') is that table's
        priority = date_priority(headings[date], columns) or 1
        if not tables or priority <= first:
            first = first or priority
            tables.append(at)
    return tables[1:]


def _beside_lower_or_higher(
    raw: pd.DataFrame, info: HeaderInfo, columns: Mapping[str, str] | None
) -> list[int]:
    """The first columns of the tables beside the first one on a sheet whose headers are
    on other rows than the first's (GP's header in row 2, police's under its title in row
    3, an empty column between): [] when there are none. :func:`_side_by_side` finds
    tables whose headings share the header's row; these it cannot, as the header read
    whole holds a title ('Police') or a data row where their headings are.

    A table starts past a column blank in the header that holds nothing in any row (only
    such columns are looked at, so a table without one costs nothing), when the columns
    between such spacers, each read alone, have a header naming a date and another field,
    and those headers are not all on one row.
    """
    headings = info.headings
    width = raw.shape[1] if info.width is None else min(info.width, raw.shape[1])
    candidates = [
        k for k in range(1, width - 1) if k >= len(headings) or not str(headings[k]).strip()
    ]
    if not candidates:
        return []
    empty = [k for k in candidates if _empty_column(raw.iloc[:, k])]
    starts = [k + 1 for k in empty if k + 1 < width and k + 1 not in empty]
    if not starts:
        return []
    bounds = [0, *starts, width]
    rows: set[int] = set()
    for first, end in itertools.pairwise(bounds):
        part = raw.iloc[:, first:end].set_axis(pd.RangeIndex(end - first), axis=1)
        try:
            found = find_header(part, columns=columns)
        except ScrTimelineError:  # no header (no date heading, or empty columns)
            return []
        if S.DATE not in found.mapping.values() or len(found.mapping) < 2:
            return []
        rows.add(found.header_rows[-1] if found.header_rows else -1)
    return starts if len(rows) > 1 else []


def _empty_column(cells: pd.Series) -> bool:
    """Whether a column holds nothing but blanks (white space at most)."""
    filled = cells[cells.notna()]
    if not len(filled):
        return True
    # the first cells first: a column of the table's is seen at once, not read through
    if not filled.iloc[:64].astype(str).str.strip().eq("").all():
        return False
    return bool(filled.astype(str).str.strip().eq("").all())


def _with_column_letters(chron: Chronology, info: HeaderInfo, first: int) -> Chronology:
    """``chron`` (one of the tables side by side on a sheet, its first column ``first``)
    with its rejected rows' ``column`` naming the sheet's column letter after the heading
    ('Date (column E)'): the tables' headings are often the same."""
    rejected = chron.rejected
    if rejected.empty:
        return chron
    letters = {
        heading: f"{heading} (column {_column_letter(first + pos)})"
        for pos, heading in reversed(list(enumerate(info.headings)))
        if heading
    }
    named = rejected[S.COLUMN].map(lambda c: letters.get(c, c), na_action="ignore")
    return Chronology(
        chron.events, rejected.assign(**{S.COLUMN: named}), chron.warnings, chron.meta
    )


def beside_headers(
    info: HeaderInfo, columns: Mapping[str, str] | None, raw: pd.DataFrame | None = None
) -> list[HeaderInfo]:
    """The header of each table of a sheet holding several side by side (see
    :func:`_side_by_side`), over the sheet's own columns: each maps and names only its
    table's columns (the others' headings blank), so that what a reader does to a table's
    cells before :func:`parse_table` (dittos, times under a day, a date from another
    column, an agency carried down) is done to each table with its own columns. [] when
    the sheet holds one table. With the sheet's cells (``raw``), tables whose headers are
    on other rows (see :func:`_beside_lower_or_higher`) too, each with its own header
    rows."""
    starts = _side_by_side(info, columns)
    if not starts and raw is not None and (lower := _beside_lower_or_higher(raw, info, columns)):
        return _headers_on_their_rows(raw, info, columns, lower)
    if not starts:
        return []
    width = len(info.headings) if info.width is None else info.width
    bounds = [0, *starts, width]
    out: list[HeaderInfo] = []
    for first, end in itertools.pairwise(bounds):
        headings = ["" if not first <= k < end else h for k, h in enumerate(info.headings)]
        mapping = {
            first + pos: fld
            for pos, fld in map_headings(info.headings[first:end], columns=columns).items()
        }
        out.append(
            replace(
                info,
                mapping=mapping,
                headings=headings,
                unmapped=[h for k, h in enumerate(headings) if h and k not in mapping],
                header_cells=tuple(
                    tuple("" if not first <= k < end else c for k, c in enumerate(cells))
                    for cells in info.header_cells
                ),
            )
        )
    return out


def _headers_on_their_rows(
    raw: pd.DataFrame, info: HeaderInfo, columns: Mapping[str, str] | None, starts: list[int]
) -> list[HeaderInfo]:
    """The header of each table side by side from ``starts`` (tables whose headers are on
    different rows), found in its own columns and set over the sheet's."""
    width = raw.shape[1] if info.width is None else min(info.width, raw.shape[1])
    out: list[HeaderInfo] = []
    for first, end in itertools.pairwise([0, *starts, width]):
        part = raw.iloc[:, first:end].set_axis(pd.RangeIndex(end - first), axis=1)
        own = find_header(part, columns=columns)
        before, after = [""] * first, [""] * (raw.shape[1] - first - len(own.headings))
        out.append(
            replace(
                own,
                mapping={first + pos: fld for pos, fld in own.mapping.items()},
                headings=[*before, *own.headings, *after],
                header_cells=tuple(
                    (*before, *cells, *([""] * (raw.shape[1] - first - len(cells))))
                    for cells in own.header_cells
                ),
                width=None,
            )
        )
    return out


def _column_letter(position: int) -> str:
    """The spreadsheet's letter of a column counted from 0 (0 -> 'A', 27 -> 'AB')."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _parse_side_by_side(
    raw: pd.DataFrame,
    starts: list[int],
    options: _Options,
    *,
    row_offset: int,
    classify: bool,
    previous_date: PreviousDate | None,
) -> Chronology:
    """Each table of a sheet that holds several side by side (see :func:`_side_by_side`)
    read as its own: its columns, its header and title lines (its agency), its rows
    (``source_row`` and ``source_sheet`` the sheet's). The first table's event ids are as
    for a sheet of one table; the second's end ``-b2-r{row}`` where the first's end
    ``-r{row}``, and so on. The order of day and month is decided once, from every
    table's dates; a ``table_block`` warning names the column where each later table
    starts and its title (a table with no rows under its header is one too)."""
    file = PurePath(str(options.source)).name
    sheet, columns = options.sheet, options.columns
    bounds = [0, *starts, raw.shape[1]]
    parts = [
        raw.iloc[:, bounds[k] : bounds[k + 1]].set_axis(
            pd.RangeIndex(bounds[k + 1] - bounds[k]), axis=1
        )
        for k in range(len(bounds) - 1)
    ]
    infos: list[HeaderInfo | None] = []
    for part in parts:
        try:
            infos.append(find_header(part, columns=columns))
        except MissingColumnError:
            infos.append(None)
    if any(part_info is None for part_info in infos):  # not tables of their own after all
        return _parse_table(
            raw,
            options,
            row_offset=row_offset,
            classify=classify,
            previous_date=previous_date,
            header=find_header(raw, columns=columns),
            blocks=False,
            titles_first=False,
        )
    found = cast(list[HeaderInfo], infos)
    notes: list[dict[str, Any]] = []
    options = _sheet_day_order(parts, found, options, notes, file=file, sheet=sheet)
    chrons: list[Chronology] = []
    for k, (part, part_info) in enumerate(zip(parts, found, strict=True)):
        header_row = row_offset + part_info.header_rows[-1] + 1 if part_info.header_rows else None
        column = _column_letter(bounds[k])
        if k:
            named = [h for h in part_info.headings if h]
            titles = " / ".join(repr(t) for t in part_info.title_lines)
            under = f" under the title {titles}" if titles else ""
            notes.append(
                _warning(
                    "table_block",
                    f"another table starts at column {column} beside the first{under}, with "
                    f"headings of its own ({', '.join(named)}); its rows were read with them, "
                    f"as a table of their own (event ids ending '-b{k + 1}-r<row>')",
                    file,
                    sheet,
                    header_row,
                )
            )
        try:
            table = _parse_table(
                part,
                replace(options, id_suffix=f"-b{k + 1}" if k else ""),
                row_offset=row_offset,
                classify=False,
                previous_date=previous_date,
                header=part_info,
                blocks=True,
                titles_first=True,
            )
            chrons.append(_with_column_letters(table, part_info, bounds[k]))
        except EmptyChronologyError:
            notes.append(
                _warning(
                    "table_block",
                    f"the table from column {column} has no rows under its header",
                    file,
                    sheet,
                    header_row,
                )
            )
    return _merged_tables(
        chrons, notes, options, file=file, sheet=sheet, classify=classify, side_by_side=True
    )


def _sheet_day_order(
    parts: Sequence[pd.DataFrame],
    infos: Sequence[HeaderInfo],
    options: _Options,
    notes: list[dict[str, Any]],
    *,
    file: str,
    sheet: str | None,
) -> _Options:
    """``options`` with the order of day and month decided once from the dates of every
    table of a sheet (a table of dates such as 12/03/2007 alone would be ambiguous), its
    warnings added to ``notes``; as they are when the order was given."""
    if options.dayfirst is not None:
        return options
    dates = [
        part.iloc[info.data_start :, _date_position(info)].astype(object)
        for part, info in zip(parts, infos, strict=True)
    ]
    decided = parse_date_arrays(pd.concat(dates, ignore_index=True))
    notes.extend(
        _warning(code, message, file, sheet, None) for code, message in decided.file_warnings
    )
    return replace(options, dayfirst=decided.dayfirst)


def _merged_tables(
    chrons: list[Chronology],
    notes: list[dict[str, Any]],
    options: _Options,
    *,
    file: str,
    sheet: str | None,
    classify: bool,
    side_by_side: bool = False,
) -> Chronology:
    """The tables of one sheet (stacked, or side by side) merged into its chronology, with
    the sheet's notes, classified when asked; an error when none had a data row."""
    if not chrons:
        raise EmptyChronologyError(
            "no data rows under any of the sheet's headers",
            file=file,
            sheet=sheet,
            expected="at least one dated row under the headings",
        )
    merged = merge(chrons, title=options.title) if len(chrons) > 1 else chrons[0]
    if side_by_side and options.title is None and names_an_agency(merged.meta.title):
        # one table's title ('Police', over its own rows beside the GP's) is no title of
        # the sheet's chronology
        merged = Chronology(
            merged.events, merged.rejected, merged.warnings, merged.meta.with_changes(title=None)
        )
    merged = with_warnings(merged, notes)
    return classify_chronology(merged, vocabularies=options.vocabularies) if classify else merged
