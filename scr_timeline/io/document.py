"""Tables taken out of documents (Word, PDF) to one Chronology: the path both readers share.

A document reader only takes cells out of the file, as :class:`DocumentTable` objects (grid
aligned rows of text, the heading lines above the table, the full-width section rows it
found, whether the table directly continues the one before). :func:`parse_document_tables`
does the rest through :func:`scr_timeline.parse_table`: the heading above a table is a title
line (so it names the agency when the table has no agency column), a table that carries on
the one before it (split across pages) without a header row of its own is read under the
previous table's headings, tables that hold no chronology are skipped with a warning, and
the tables are merged and classified once.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, Final, TypeAlias

import numpy as np
import pandas as pd

from .. import limits
from .. import schema as S
from ..chronology import Chronology, merge
from ..classify.agencies import agency_from_name
from ..dates import PreviousDate, parse_date, parse_date_arrays
from ..exceptions import (
    ChronologyReadError,
    DateParseError,
    EmptyChronologyError,
    MissingColumnError,
    ScrTimelineError,
)
from .csv import (
    CarriedDays,
    blank_template_rows,
    child_dob_from_forms,
    fill_dittos,
    restore_carried,
)
from .headers import (
    FormField,
    HeaderInfo,
    find_header,
    footer_rows,
    form_fields,
    is_footer_line,
    is_key_label,
)
from .table import (
    _NARRATIVE_FIELDS,
    ROW_START_FIELDS,
    _slug,
    _warning,
    classify_chronology,
    parse_table,
)
from .text import (
    _LEADS_ON,
    CONTINUED_NOTE,
    CONTINUED_ROW,
    KEY_LINE,
    PAGE_FURNITURE,
    REPORT_SECTION,
    Paragraph,
    _month_heading,
    _opens_with_period,
    _text_after_date,
    comment_label,
    dated_outside_tables,
    email_thread,
    has_yearless_dates,
    is_period_date,
    note_reference,
    parse_paragraphs,
    split_date_prefix,
    split_dated_text,
    trailing_notes,
    with_warnings,
)

__all__ = [
    "AGENCY_FIELD",
    "AGENCY_LABEL",
    "DocumentTable",
    "check_file",
    "form_entries",
    "parse_document_tables",
    "read_tables_or_narrative",
]

Cell = str | None


@dataclass(frozen=True, slots=True)
class DocumentTable:
    """One table of a document, as cells of text.

    Attributes
    ----------
    sheet
        Where a person finds it: ``"table 2"`` (Word), ``"page 3 table 1"`` (PDF). Becomes
        ``source_sheet``; ``source_row`` is the row within the table, counting its header.
    rows
        The rows, one cell per grid column: a cell merged across columns is read once, in
        its first column (the others are None); a cell merged down carries its text into
        each row it spans.
    titles
        Heading lines above the table, nearest first ("GP records"); they name the agency of
        a table with no agency column.
    sections
        Rows that are one cell spanning the whole table ("2007", "Period 2: March - June
        2007"), as (row number, text). They are blank in ``rows`` (not data rows) and
        reported as warnings.
    follows
        Nothing but blank space (a page break) separates the table from the one before:
        with the same number of columns and no header row it continues that table.
    notes
        Text the cells refer to but do not hold (a footnote: "[footnote: ...]"), as (row
        index in ``rows``, column, text). A note is added to its cell's text, or to the
        row's details when the cell is a date, time or reference (which must stay readable);
        one on a header or empty row is a warning (``footnote``).
    row_offset
        Added to a row's number in ``rows`` (from 1) to give ``source_row``: -1 for a form
        read as a table (:func:`form_entries`), whose headings are a row of their own.
    merged
        The cells, as (row index in ``rows``, column), whose text is that of a cell merged
        down from the row above, not typed in their own row: an agency cell merged over a
        block of rows does not make an undated row in the block a row of its own (it can
        carry on the dated row above it).
    deleted
        Rows (index in ``rows``) whose every written cell is struck through (an entry its
        author deleted, left visible) or blacked out (a redaction), blank in ``rows``: as
        (row, reason code ``struck_through`` or ``redacted``, the cells as written, with
        their struck text; blank when blacked out). They become rejected rows.
    boxes
        Notes in text boxes anchored in the table's cells (a shape set over the table
        holding the reviewer's note on an entry: :func:`is_box_note`), as (row index in
        ``rows``, text): not the cell's text, they are read as the row's comment (a
        ``text_box`` warning).
    """

    sheet: str
    rows: list[list[Cell]]
    titles: tuple[str, ...] = ()
    sections: tuple[tuple[int, str], ...] = field(default=())
    follows: bool = False
    notes: tuple[tuple[int, int, str], ...] = ()
    row_offset: int = 0
    merged: tuple[tuple[int, int], ...] = ()
    deleted: tuple[tuple[int, str, tuple[Cell, ...]], ...] = ()
    boxes: tuple[tuple[int, str], ...] = ()

    @property
    def width(self) -> int:
        """Number of grid columns."""
        return max((len(r) for r in self.rows), default=0)


#: Given the (sheet, row) of the rows read as rejected rows (struck or blacked out
#: throughout), the ``struck_text`` and ``redacted_text`` warnings naming the others.
LateNotes: TypeAlias = Callable[[AbstractSet[tuple[str | None, int]]], list[dict[str, Any]]]
#: What a document reader's first pass gives :func:`read_tables_or_narrative`: tables,
#: paragraphs, the title, warnings, the dated paragraphs struck through throughout (with
#: their reason code) and the late warnings.
DocumentParts: TypeAlias = tuple[
    list[DocumentTable],
    list[Paragraph],
    str | None,
    list[dict[str, Any]],
    list[tuple[Paragraph, str]],
    LateNotes,
]


_GRID_HEADER_ROWS: Final = 3  # a table's first rows looked at for a column per agency


#: Why a row, or a paragraph, struck through or blacked out throughout is no event (the
#: wording of Excel's ``struck_through`` rows), by reason code: ``{what}`` is "cell of
#: the row" or "word of the paragraph", ``{program}`` "Word" or "the PDF".
DELETED_REASONS: Final = {
    "struck_through": "every {what} is struck through in {program} (an entry its author "
    "deleted or withdrew): not read as an event; remove the strikethrough to read it",
    "redacted": "every {what} is blacked out in {program} (a redaction): not read as an "
    "event; its text is not repeated here",
}


def deleted_rejected(
    rows: Sequence[tuple[int, str, Sequence[Cell]]],
    *,
    file: str,
    sheet: str | None,
    what: str,
    program: str,
    date: int | None = None,
    details: int | None = None,
    column: str | None = None,
) -> pd.DataFrame | None:
    """Rows struck through or blacked out throughout (``rows``: (source row, reason code,
    cells)) as rejected rows keeping their date text (cell ``date``) and details (cell
    ``details``, else the other written cells joined with " | "); ``what`` and
    ``program`` fill the reason (:data:`DELETED_REASONS`); ``column``: the date column's
    heading, as Excel's rejected rows name it. None when there are none."""
    if not rows:
        return None

    def text(cell: Cell) -> str | None:
        return (str(cell).strip() or None) if cell is not None else None

    dates = [text(c[date]) if date is not None and date < len(c) else None for _r, _w, c in rows]
    texts: list[str | None] = []
    for _row, _why, cells in rows:
        cell = text(cells[details]) if details is not None and details < len(cells) else None
        others = [t for i, c in enumerate(cells) if i != date and (t := text(c))]
        texts.append(cell or (" | ".join(others) or None))
    return pd.DataFrame(
        {
            S.SOURCE_FILE: file,
            S.SOURCE_SHEET: sheet,
            S.SOURCE_ROW: [row for row, _why, _cells in rows],
            S.REASON_CODE: [why for _row, why, _cells in rows],
            S.REASON: [
                DELETED_REASONS[why].format(what=what, program=program)
                for _row, why, _cells in rows
            ],
            S.COLUMN: column,
            S.VALUE: None,
            S.DATE_TEXT: dates,
            S.DETAILS: texts,
        }
    )


def with_deleted(chron: Chronology, rejected: pd.DataFrame | None) -> Chronology:
    """``chron`` with more rejected rows (:func:`deleted_rejected`), counted in the source
    of their sheet (else the first source)."""
    if rejected is None or rejected.empty:
        return chron
    both = pd.concat([chron.rejected, rejected], ignore_index=True)
    both = both.sort_values([S.SOURCE_SHEET, S.SOURCE_ROW], kind="stable", ignore_index=True)
    counts = rejected[S.SOURCE_SHEET].value_counts(dropna=False)
    sheets = [s.sheet for s in chron.meta.sources]
    sources = list(chron.meta.sources)
    for sheet, count in counts.items():
        at = sheets.index(sheet) if sheet in sheets else 0
        if sources:
            s = sources[at]
            n = int(count)
            sources[at] = dataclasses.replace(s, rows=s.rows + n, rejected=s.rejected + n)
    return Chronology(
        chron.events, both, chron.warnings, dataclasses.replace(chron.meta, sources=tuple(sources))
    )


def _table_deleted(found: _Found, file: str, program: str) -> pd.DataFrame | None:
    """The rows of ``found``'s table under its header struck through or blacked out
    throughout as rejected rows, their date and details read from the cells under the
    header's date and details columns (a struck line above the header is no entry)."""
    table = found.table
    if not table.deleted:
        return None
    mapping = found.info.mapping
    date = next((p for p, f in mapping.items() if f == S.DATE), None)
    details = next((p for p, f in mapping.items() if f == S.DETAILS), None)
    rows = [
        (row + 1 + table.row_offset, why, cells)
        for row, why, cells in table.deleted
        if row - found.offset >= found.info.data_start  # under the header: a data row
    ]
    return deleted_rejected(
        rows,
        file=file,
        sheet=table.sheet,
        what="cell of the row",
        program=program,
        date=date,
        details=details,
        column=found.info.headings[date]
        if date is not None and date < len(found.info.headings)
        else None,
    )


def _set_back(
    table: DocumentTable, rows: AbstractSet[int], restored: set[tuple[str | None, int]]
) -> DocumentTable:
    """``table`` with the struck text of its rows ``rows`` (indices, rows struck through
    throughout) set back in them, no longer rejected; their (sheet, source row) added to
    ``restored``."""
    cells_of = [list(r) for r in table.rows]
    for row, why, cells in table.deleted:
        if why == "struck_through" and row in rows:
            own = cells_of[row]
            cells_of[row] = [
                c if _filled(c) else (own[col] if col < len(own) else None)
                for col, c in enumerate(cells)
            ] + own[len(cells) :]
            restored.add((table.sheet, row + 1 + table.row_offset))
    kept = tuple(d for d in table.deleted if not (d[1] == "struck_through" and d[0] in rows))
    return dataclasses.replace(table, rows=cells_of, deleted=kept)


def _row_key(cells: Sequence[Cell]) -> str:
    """A row's text, to compare rows: its cells' words, case and spacing aside."""
    return " | ".join(" ".join(str(c).split()).casefold() for c in cells if _filled(c))


def _struck_as_formatting(
    tables: Sequence[DocumentTable], file: str, program: str, columns: Any = None
) -> tuple[list[DocumentTable], set[tuple[str | None, int]], list[dict[str, Any]]]:
    """Tables struck through throughout read as any other table, as Excel reads a sheet
    struck through throughout (formatting, not deletions). A document is one chronology,
    so this is decided for the document: when every table holding struck rows (with the
    tables that carry it on, its next pages) is struck through throughout under its
    header (the header struck or not), and no other table has a chronology header, the
    struck text is set back in the rows and no row is rejected as ``struck_through``.
    Where some rows or tables are struck and others are not, the struck ones are
    deletions (rejected rows) as before; a table struck header and all among them has
    its header set back, so that its rows are rejected under it (not skipped with the
    table). Returns the tables, the (sheet, source row) of the rows set back (the
    struck_text warning does not name them) and a ``struck_text`` warning per table
    read as formatting."""
    out = list(tables)
    restored: set[tuple[str | None, int]] = set()
    if not any(why == "struck_through" for t in tables for _r, why, _c in t.deleted):
        return out, restored, []
    chains: list[list[int]] = []
    for i, table in enumerate(tables):
        if table.follows and chains:
            chains[-1].append(i)
        else:
            chains.append([i])
    formatting = True
    whole: list[tuple[list[int], bool]] = []  # chains struck throughout, header struck too
    for chain in chains:
        struck = [
            (i, row) for i in chain for row, why, _c in tables[i].deleted if why == "struck_through"
        ]
        if not struck:
            first = tables[chain[0]]
            info = find_header_or_none(_frame(first.rows[:6], first.width), columns)
            if info is not None:
                try:  # a table about the report (document control) is no chronology
                    _not_document_control(info, first.titles, first.sheet, file)
                except MissingColumnError:
                    continue
                formatting = False  # a chronology table not struck
            continue
        # each table's rows holding text not struck out (cells merged down aside): at
        # most its header, above its struck rows; on a next page, the header repeated
        header: str | None = None
        headless = False
        for n, i in enumerate(chain):
            table = tables[i]
            merged = set(table.merged)
            shown = [
                r
                for r, cells in enumerate(table.rows)
                if any(_filled(c) and (r, col) not in merged for col, c in enumerate(cells))
            ]
            lowest = min(
                (row for row, why, _c in table.deleted if why == "struck_through"), default=None
            )
            if len(shown) > 1 or (shown and lowest is not None and shown[0] > lowest):
                formatting = False
                break
            if n == 0:
                headless = not shown
                cells = table.rows[shown[0]] if shown else next(iter(table.deleted), (0, "", ()))[2]
                header = _row_key(cells)
            elif shown and _row_key(table.rows[shown[0]]) != header:
                formatting = False  # a row of the next page not struck
                break
        else:
            whole.append((chain, headless))
    if not formatting:  # deletions: a table struck header and all keeps its header
        for chain, headless in whole:
            i = chain[0]
            if not headless or not tables[i].deleted:
                continue
            first = _set_back(tables[i], {tables[i].deleted[0][0]}, set())
            info = find_header_or_none(_frame(first.rows[:6], first.width), columns)
            if info is not None and tables[i].deleted[0][0] in info.header_rows:
                out[i] = _set_back(tables[i], set(info.header_rows), restored)
        return out, restored, []
    notes: list[dict[str, Any]] = []
    for chain, _headless in whole:
        for i in chain:
            out[i] = _set_back(tables[i], {row for row, _w, _c in tables[i].deleted}, restored)
        first = tables[chain[0]]
        notes.append(
            _warning(
                "struck_text",
                f"every row of {first.sheet}"
                + (
                    f" (and of the {len(chain) - 1} table(s) carrying it on)"
                    if len(chain) > 1
                    else ""
                )
                + f" is struck through in {program}, and nothing else in the document is: "
                "read as the table's formatting, not as entries deleted (as Excel reads a "
                "sheet struck through throughout); check with its author that the table "
                "was not withdrawn",
                file,
                first.sheet,
            )
        )
    return out, restored, notes


def _split_agency_grids(tables: Sequence[DocumentTable], columns: Any) -> list[DocumentTable]:
    """Tables with a column per agency ("Date | Children's Social Care | Police | Health",
    each cell what that agency did that day) as one table per agency: its column headed
    "Details", the other agencies' blank, the agency's heading its nearest title, named
    by its column ("table 2 column 3"); the rows whose agencies' cells are all empty stay
    in the table under its own name. Rows keep their numbers. The next page of such a table (no header
    row, as many columns) is split under its headings too."""
    from .excel import _agency_grid

    out: list[DocumentTable] = []
    last: tuple[int, Any, list[Cell]] | None = None  # width, grid and header of the last
    for table in tables:
        width = table.width
        grid = _agency_grid(_frame(table.rows[:_GRID_HEADER_ROWS], width), columns)
        rows, offset = table.rows, table.row_offset
        if grid is None and last is not None and table.follows and last[0] == width:
            grid = last[1]
            if find_header_or_none(_frame(rows[:_GRID_HEADER_ROWS], width), columns) is None:
                rows, offset = [last[2], *rows], offset - 1  # under the page before's headings
        if grid is None:
            out.append(table)
            last = None
            continue
        header = list(rows[grid.row])
        last = (width, grid, header)
        body = range(grid.row + 1, len(rows))
        written = [
            [bool(pos < len(rows[r]) and rows[r][pos] and str(rows[r][pos]).strip()) for r in body]
            for pos in grid.agencies
        ]
        first_part = len(out)
        for k, pos in enumerate(grid.agencies):
            if not any(written[k]):
                continue
            part = [list(r) + [None] * (width - len(r)) for r in rows]
            for r in range(len(part)):
                for other in grid.agencies:
                    if other != pos:
                        part[r][other] = None
            part[grid.row][pos] = "Details"
            for i, r in enumerate(body):
                if not written[k][i]:
                    part[r] = [None] * width  # a blank row: no event, no rejected row
            name = " ".join(str(header[pos]).split())
            out.append(
                dataclasses.replace(
                    table,
                    sheet=f"{table.sheet} column {pos + 1}",
                    rows=part,
                    titles=(name, *table.titles),
                    follows=False,
                    row_offset=offset,
                    sections=(),
                    notes=(),
                    merged=(),
                    deleted=(),
                )
            )
        none = [i for i in range(len(body)) if not any(w[i] for w in written)]
        rest = [list(r) + [None] * (width - len(r)) for r in rows]
        for i, r in enumerate(body):
            if i not in none:
                rest[r] = [None] * width
        for k, pos in enumerate(grid.agencies):  # dated rows with no text, under "Details"
            rest[grid.row][pos] = None if k else "Details"
        if any(any(c is not None and str(c).strip() for c in rest[body[i]]) for i in none):
            out.append(dataclasses.replace(table, rows=rest, follows=False, row_offset=offset))
        elif table.deleted and first_part < len(out):  # its rows struck out: kept by a part
            out[first_part] = dataclasses.replace(out[first_part], deleted=table.deleted)
    return out


def find_header_or_none(raw: pd.DataFrame, columns: Any) -> HeaderInfo | None:
    """The header of ``raw``, or None when it has none."""
    try:
        return find_header(raw, columns=columns)
    except (MissingColumnError, EmptyChronologyError):
        return None


def _frame(rows: Sequence[Sequence[Cell]], width: int) -> pd.DataFrame:
    return pd.DataFrame([list(r) + [None] * (width - len(r)) for r in rows], dtype=object)


@dataclass(frozen=True, slots=True)
class _Found:
    """A table whose header was found: ``raw`` is what :func:`parse_table` reads."""

    number: int
    table: DocumentTable
    raw: pd.DataFrame
    offset: int
    info: HeaderInfo
    continues: bool = False  # carries on the table before it (the next page of it)
    banners: tuple[tuple[int, str], ...] = ()  # rows that are only an agency's name
    form: bool = False  # a form per entry (:func:`form_entries`)
    # forms read at once: (table, row) of each body row, in order (see :func:`_merge_forms`)
    origins: tuple[tuple[str, int], ...] = ()
    # rows holding only a year, season or month, kept as rows for the dates below them
    # written without their year (they take it from them), then taken out of the events
    heads: tuple[tuple[int, str], ...] = ()


def _merge_forms(found: Sequence[_Found]) -> list[_Found]:
    """Runs of forms per entry with the same labels and titles, one after the other, as one
    table each, read by one :func:`parse_table` call (a form per contact gives hundreds of
    small tables); ``origins`` keeps where each of its rows came from."""
    out: list[_Found] = []
    for item in found:
        last = out[-1] if out else None
        if (
            last is None
            or not (item.form and last.form)
            or item.table.sections
            or last.table.sections
            or item.banners
            or last.banners
            or item.info.headings != last.info.headings
            or not item.raw.iloc[: item.info.data_start].equals(
                last.raw.iloc[: last.info.data_start]
            )
        ):
            out.append(item)
            continue
        first = _form_rows(last) if not last.origins else None
        body = _form_rows(item)
        start = last.info.data_start
        kept = last.raw.iloc[:start] if first is not None else last.raw
        parts = [kept] + ([first[0]] if first is not None else []) + [body[0]]
        origins = (*(first[1] if first is not None else last.origins), *body[1])
        out[-1] = dataclasses.replace(
            last,
            raw=pd.concat(parts, ignore_index=True),
            offset=-start,
            origins=origins,
        )
    return out


def _form_rows(found: _Found) -> tuple[pd.DataFrame, tuple[tuple[str, int], ...]]:
    """A form's body rows that hold text, and the (table, row) of each."""
    body = found.raw.iloc[found.info.data_start :]
    filled = body.notna().to_numpy().any(axis=1)
    positions = np.flatnonzero(filled) + found.info.data_start
    rows = tuple((found.table.sheet, int(pos) + found.offset + 1) for pos in positions)
    return found.raw.iloc[positions], rows


def _relocate(chron: Chronology, found: _Found, file: str) -> Chronology:
    """A merged run of forms' events, rejected rows and warnings pointed back at the table
    and row each came from, with the event ids those give."""
    sheets = np.array([sheet for sheet, _row in found.origins], dtype=object)
    rows = np.array([row for _sheet, row in found.origins], dtype=np.int64)
    stem = _slug(PurePath(file).stem)

    def moved(frame: pd.DataFrame) -> pd.DataFrame:
        mine = (frame[S.SOURCE_SHEET] == found.table.sheet).fillna(False).to_numpy(dtype=bool)
        mine &= frame[S.SOURCE_ROW].notna().to_numpy(dtype=bool)
        if not mine.any():
            return frame
        frame = frame.copy()
        at = frame.loc[mine, S.SOURCE_ROW].to_numpy(dtype=np.int64) - 1
        sheet_dtype, row_dtype = frame[S.SOURCE_SHEET].dtype, frame[S.SOURCE_ROW].dtype
        frame[S.SOURCE_SHEET] = frame[S.SOURCE_SHEET].astype(object)
        frame.loc[mine, S.SOURCE_SHEET] = sheets[at]
        frame[S.SOURCE_SHEET] = frame[S.SOURCE_SHEET].astype(sheet_dtype)
        values = frame[S.SOURCE_ROW].to_numpy(dtype=object)
        values[mine] = rows[at]
        frame[S.SOURCE_ROW] = pd.Series(values, index=frame.index).astype(row_dtype)
        return frame

    events = moved(chron.events)
    ids = [
        f"{stem}-{_slug(str(sheet))}-r{row}"
        for sheet, row in zip(events[S.SOURCE_SHEET], events[S.SOURCE_ROW], strict=True)
    ]
    events.index = pd.Index(ids, dtype=chron.events.index.dtype, name=chron.events.index.name)
    return Chronology(events, moved(chron.rejected), moved(chron.warnings), chron.meta)


def _decide_dayfirst(found: Sequence[_Found], file: str) -> tuple[bool, list[dict[str, Any]]]:
    """Day first or month first for the whole document (its tables may be one table split
    across pages, and a page of dates that cannot show the order must not be read the
    other way round from the rest), with the document-level warning."""
    cells = [
        f.raw.iloc[f.info.data_start :, pos]
        for f in found
        for pos, fld in f.info.mapping.items()
        if fld in (S.DATE, S.END_DATE)
    ]
    decided = parse_date_arrays(pd.concat(cells, ignore_index=True))
    return decided.dayfirst, [
        _warning(code, message, file, None) for code, message in decided.file_warnings
    ]


def _last_date(chron: Chronology) -> PreviousDate | None:
    """The last dated row of a table (in its own order), for the table that carries it on."""
    events = chron.events
    if events.empty:
        return None
    last = events.iloc[int(np.argmax(events[S.SOURCE_ROW].to_numpy()))]
    return PreviousDate(
        last[S.START],
        last[S.END],
        str(last[S.PRECISION]),
        f"{last[S.SOURCE_SHEET]} row {last[S.SOURCE_ROW]}",
        str(last[S.DATE_TEXT]),
    )


def _title_period(table: DocumentTable) -> PreviousDate | None:
    """The year, season or month a title line of a table is ("2009" as the heading over
    a school's table of "12 March", "3 Nov"; the finest of them): the dates at its top
    written without their year take it from there, as from a row above (they were
    rejected)."""
    found = []
    for title in _title_lines(table.titles):
        if _period_heading(title) == "date":
            try:
                found.append((*parse_date(title), title))
            except DateParseError:
                continue
    if not found:
        return None
    # the finest of them ("March 2007" under "2007")
    start, end, precision, title = min(found, key=lambda f: f[1] - f[0])
    return PreviousDate(start, end, precision, f"the heading of {table.sheet}", title)


def _skipped(table: DocumentTable, err: ScrTimelineError, file: str) -> dict[str, Any]:
    return _warning("table_skipped", f"{table.sheet} skipped: {err.message}", file, table.sheet)


def _filled(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


#: A cell holding a time of day and nothing else ("14:24", "2.30pm", "1430hrs").
_TIME_ONLY: Final = re.compile(
    r"^\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|hrs?|h)?|\d{1,2}\s*[ap]\.?m\.?|\d{4}\s*hrs?)\s*$",
    re.IGNORECASE,
)


def _join_broken_row(before: _Found, after: _Found, file: str) -> list[dict[str, Any]]:
    """Join the first row of ``after`` to the last row of ``before`` when it is that row's
    end, broken by the page: a row with text but no date, time, agency or practitioner,
    at the top of a table that carries on the one before (nothing between them but the
    page break). Its cells are added to the row above, cell by cell, and blanked (so the
    row is no event of its own); a date cell holding only a time is the rest of the date
    cell above ("25/01/2008" / "14:24"). The rows right under it that carry on the text
    too (only narrative cells filled, as :func:`parse_table` joins them within a table)
    are added after a line break. One ``row_continued`` warning per joined row names both rows.
    """
    first, last = after.info.data_start, len(before.raw) - 1
    if first >= len(after.raw) or last < before.info.data_start:
        return []
    head = before.raw.iloc[last].tolist()
    if not any(map(_filled, head)):
        return []
    mapping = after.info.mapping
    starts = [pos for pos, fld in mapping.items() if fld in ROW_START_FIELDS]
    narrative = [pos for pos, fld in mapping.items() if fld in _NARRATIVE_FIELDS]
    written = {pos for pos, text in enumerate(head) if _filled(text)}
    notes = []
    dates = {pos for pos, fld in mapping.items() if fld == S.DATE}
    for at in range(first, len(after.raw)):
        tail = after.raw.iloc[at].tolist()
        # the date cell's time on the next page ("25/01/2008" / "14:24") starts no row
        started = [
            pos
            for pos in starts
            if _filled(tail[pos])
            and not (at == first and pos in dates and _TIME_ONLY.match(tail[pos]))
        ]
        if started or not any(map(_filled, tail)):
            break
        if at > first and (
            not any(_filled(tail[pos]) for pos in narrative)
            or sum(_filled(tail[pos]) for pos in written) > 1
        ):
            break  # an undated event of its own, as within a table
        sep = " " if at == first else "\n"
        for pos, text in enumerate(tail):
            if _filled(text):
                held = before.raw.iat[last, pos]
                before.raw.iat[last, pos] = f"{held!s}{sep}{text}" if _filled(held) else text
        after.raw.iloc[at] = None
        row = at + after.offset + 1
        how = "broken by the page" if at == first else "carried on in a row of its own"
        notes.append(
            _warning(
                "row_continued",
                f"{after.table.sheet} row {row} has no date: it is the end of "
                f"{before.table.sheet} row {last + before.offset + 1}, {how}, and was "
                "joined to it",
                file,
                after.table.sheet,
                row,
            )
        )
    return notes


#: The fields written once for a block of rows, in a cell merged down, that a page break
#: can cut: the rows at the top of the next page take them from that cell.
_CARRIED_FIELDS: Final = (S.DATE, S.AGENCY)


def _carry_merged_cells(before: _Found, found: _Found, file: str) -> list[dict[str, Any]]:
    """Carry the date or agency of a cell merged down over the last rows of ``before`` into
    the first rows of ``found`` (its next page) whose cell in that column is empty: a date
    or agency written once for a block of rows that the page breaks shows on the first page
    only. The cell is merged down into the last row of ``before``, or the empty cell at the
    top of ``found`` is merged down over rows. One ``merged_cell_carried`` warning per
    column names the rows."""
    notes: list[dict[str, Any]] = []
    last = len(before.raw) - 1
    index = last - (len(before.raw) - len(before.table.rows))  # in before.table.rows
    # the first body row, in found.table.rows: an empty cell merged down from it goes on
    # from the page before
    top = found.info.data_start - (len(found.raw) - len(found.table.rows))
    merged_before, merged_after = set(before.table.merged), set(found.table.merged)
    for column, fld in found.info.mapping.items():
        if fld not in _CARRIED_FIELDS or before.info.mapping.get(column) != fld:
            continue
        held = before.raw.iat[last, column]
        if not isinstance(held, str) or not held.strip():
            continue
        if (index, column) not in merged_before and (top + 1, column) not in merged_after:
            continue
        rows: list[int] = []
        for at in range(found.info.data_start, len(found.raw)):
            cells = found.raw.iloc[at]
            if _filled(cells.iat[column]):
                break
            if any(map(_filled, cells)):
                found.raw.iat[at, column] = held
                rows.append(at + found.offset + 1)
        if rows:
            heading = found.info.headings[column] or fld
            notes.append(
                _warning(
                    "merged_cell_carried",
                    f"{found.table.sheet} row(s) {', '.join(map(str, rows))} have an empty "
                    f"{heading!r} cell: the cell {held!r} merged down over the last rows of "
                    f"{before.table.sheet} goes on over the page break, and was carried into "
                    "them",
                    file,
                    found.table.sheet,
                    rows[0],
                )
            )
    return notes


def _unmerge_undated_rows(found: _Found) -> None:
    """Blank, in ``found.raw``, the cells of the fields a row starts with (agency, source,
    practitioner...) that only carry a cell merged down from above, in rows whose date cell
    is empty and that hold narrative text: the cell was not typed in that row, so the row
    can still carry on the dated row above it (:func:`parse_table`'s ``join_continued``).
    Such a row is joined or rejected for its empty date, and a rejected row keeps no
    agency."""
    mapping = found.info.mapping
    dates = [pos for pos, fld in mapping.items() if fld == S.DATE]
    narrative = [pos for pos, fld in mapping.items() if fld in _NARRATIVE_FIELDS]
    starts = {pos for pos, fld in mapping.items() if fld in ROW_START_FIELDS} - set(dates)
    first = len(found.raw) - len(found.table.rows)  # the table's rows are last in raw
    for index, column in found.table.merged:
        at = first + index
        if column not in starts or at < found.info.data_start or at >= len(found.raw):
            continue
        cells = found.raw.iloc[at]
        if any(_filled(cells.iat[pos]) for pos in dates) or not any(
            _filled(cells.iat[pos]) for pos in narrative
        ):
            continue
        found.raw.iat[at, column] = None


def _blank_footer_rows(
    found: _Found, file: str, *, key_open: bool
) -> tuple[list[dict[str, Any]], bool]:
    """Blank the lines a writer types in the last rows of the table under its entries ("End
    of chronology", "Total contacts: 12", a key to abbreviations: "Key:" over "HV" |
    "Health visitor"; :func:`scr_timeline.io.headers.footer_rows`), and return a
    ``footer_row`` warning for each, numbered as a row of the table (they are no events,
    nor rows rejected for a date that is no date), and whether they hold a key's label.
    ``key_open``: the table before, of which this is the next page, ended in a key, whose
    last lines this table may hold alone."""
    foot = footer_rows(found.raw, found.info, key_open=key_open)
    for pos, _text in foot:
        found.raw.iloc[pos] = None
    said = "a line under the table read as the report's footer, not an event"
    notes = [
        _warning("footer_row", f"{said}: {text!r}", file, found.table.sheet, pos + found.offset + 1)
        for pos, text in foot
    ]
    return notes, any(is_key_label(text) for _pos, text in foot)


#: A form field naming the agency, in a paragraph or line ("Agency: Metropolitan Police")
#: or as a form's label cell ("Agency:" | "Metropolitan Police"), as agency chronology
#: templates open with: the agency of the tables after it, after their nearer titles.
_AGENCY_KEY: Final = (
    r"(?:(?:name\s+of\s+)?(?:your\s+|the\s+)?(?:submitting\s+|reporting\s+|contributing\s+)?"
    r"(?:agency|organi[sz]ation)(?:\s+name|\s+(?:submitting|completing|providing)"
    r"(?:\s+(?:the|this))?(?:\s+(?:chronology|information|report))?)?"
    r"|(?:chronology|information|report)\s+(?:submitted|provided|supplied)\s+by)"
)
AGENCY_FIELD: Final = re.compile(rf"^{_AGENCY_KEY}\s*:\s*(\S.{{0,120}})$", re.IGNORECASE)
AGENCY_LABEL: Final = re.compile(rf"^{_AGENCY_KEY}\s*:?$", re.IGNORECASE)


#: The number a heading opens with ("1.", "2.3", "Section 2 -", "Section B:", "Agency 4:",
#: "Table 7:"): no part of the organisation the heading names ("Appendix 1: ..." is kept,
#: the document's part).
_HEADING_NUMBER: Final = re.compile(
    r"^(?:(?:section|part|table|agency)\s+(?:\d{1,2}(?:\.\d{1,2})*|[a-z](?![\w'’]))"
    r"|\d{1,2}(?:\.\d{1,2})+\.?"
    r"|\d{1,2}[.)])\s*[:.–—-]?\s+(?=\S)",
    re.IGNORECASE,
)


def _title_line(text: str) -> str:
    """A title line as the organisation it names: an agency field ("Agency: Health
    Visiting", "Chronology submitted by: Riverside Primary School") without its label, a
    numbered heading ("3. Elm Road Surgery (GP)") without its number."""
    line = " ".join(text.split())
    if (found := AGENCY_FIELD.match(line)) is not None:
        return found.group(1).strip()
    return _HEADING_NUMBER.sub("", line) if _HEADING_NUMBER.match(line) else text


def _title_lines(titles: Sequence[str]) -> tuple[str, ...]:
    """A table's title lines (:func:`_title_line`), each line once; a protective marking, a
    page number or a key to abbreviations ("Key: HV = health visitor") typed above the
    table is none."""
    lines = (
        _title_line(t)
        for t in titles
        if not (PAGE_FURNITURE.match(" ".join(t.split())) or KEY_LINE.match(t.strip()))
    )
    return tuple(dict.fromkeys(lines))


#: Headings of a column of a table about the report itself (its cover page's document
#: control, version history or distribution list: "Version | Date | Author | Changes",
#: "Date | Status | Author | Reason for change", "Name | Role | Date sent"), which has a
#: date column but holds no chronology.
_CONTROL_HEADING: Final = re.compile(
    r"^(?:(?:document\s+)?(?:version|revision|rev\.?|draft|issue)(?:\s*(?:no\.?|number|#))"
    r"|(?:document\s+)?(?:version|revision|rev\.?|draft)"
    r"|(?:(?:summary|description|details|reason|nature)\s+(?:of|for)\s+(?:the\s+)?)?"
    r"(?:changes?|amendments?|revisions?)(?:\s+made)?"
    r"|(?:approved|authori[sz]ed|signed\s*off|circulated|distributed|issued)\s+(?:by|to)"
    r"|distribution|circulation)$",
    re.IGNORECASE,
)
#: Headings of a date column that dates the report, not events ("Date sent", "Version date").
_REPORT_DATE_HEADING: Final = re.compile(
    r"^(?:(?:version|issue|revision|release|approval|circulation|distribution|publication)"
    r"\s+date|date\s+(?:of\s+)?(?:issue|issued|sent|circulated|distributed|approved|approval"
    r"|signed(?:\s*off)?|published|publication|version|revision|circulation|distribution))$",
    re.IGNORECASE,
)
#: A date column of a table of the professionals or agencies involved ("Name | Role |
#: Agency | Period of involvement"), not of events.
_INVOLVEMENT: Final = re.compile(r"\binvolve", re.IGNORECASE)
#: Headings above a table about the report itself.
_CONTROL_TITLE: Final = re.compile(
    r"^(?:[\d.]+\s*)?(?:document\s+(?:control|history|information|properties|status|revisions?)"
    r"|version\s+(?:control|history|log)|revision\s+(?:history|log|record)"
    r"|change\s+(?:history|log|record|control)|amendments?\s+(?:history|log|record)"
    r"|(?:distribution|circulation)(?:\s+list)?|sign[- ]?off|approvals?)\s*:?$",
    re.IGNORECASE,
)


def _not_document_control(info: HeaderInfo, titles: Sequence[str], sheet: str, file: str) -> None:
    """Raise MissingColumnError for a table about the report itself (document control,
    version history, distribution list): a column headed as its versions or changes
    ("Version", "Reason for change", "Approved by"), its date column headed as the
    report's ("Date sent", "Version date"), or the heading right above it ("Document
    history"). Its dates are of the report (drafts, circulation), not events."""
    dates = [info.headings[pos] for pos, fld in info.mapping.items() if fld == S.DATE]
    found = next(
        (
            f"column {h!r}"
            for h in info.headings
            if _CONTROL_HEADING.match(" ".join(h.split()).rstrip(":"))
        ),
        None,
    )
    if (
        found is None
        and dates
        and all(_REPORT_DATE_HEADING.match(" ".join(h.split()).rstrip(":")) for h in dates)
    ):
        found = f"date column {dates[0]!r}"
    if found is None and titles and _CONTROL_TITLE.match(" ".join(titles[0].split())):
        found = f"under the heading {titles[0]!r}"
    involved = next((h for h in dates if _INVOLVEMENT.search(h)), None)
    if found is None and involved is not None:
        raise MissingColumnError(
            f"a table of who was involved (date column {involved!r}): its dates are periods "
            "of involvement, not events",
            file=file,
            sheet=sheet,
        )
    if found is not None:
        raise MissingColumnError(
            f"a document control table, about the report itself ({found}): its dates are "
            "of the report (drafts, circulation), not events",
            file=file,
            sheet=sheet,
        )
    fields = set(info.mapping.values())
    if (
        titles
        and S.COMMENT in fields
        and not fields & {S.DETAILS, S.OUTCOME}
        and REPORT_SECTION.match(" ".join(titles[0].split()))
    ):
        # "3. Learning points" over "Date | Learning point | Agency": the review's learning,
        # dated by the events it draws on, which the chronology records
        raise MissingColumnError(
            f"a table of the review's own under the heading {titles[0]!r}, holding its "
            "analysis or learning and no record of what happened: its dates are the events "
            "it discusses, not events of its own",
            file=file,
            sheet=sheet,
        )


#: Fields whose cell a note must not be added to: the text there is read as a date, a
#: time or a reference number.
_PLAIN_FIELDS: Final = frozenset({S.DATE, S.END_DATE, S.TIME, S.SEQUENCE})


#: A form's title lines: its own, then those of the form before it.
_MAX_FORM_TITLES: Final = 3


def _add_notes(found: _Found, file: str) -> list[dict[str, Any]]:
    """Add the table's notes (footnotes) to the text of their rows in ``found.raw``: to
    their cell, or to the row's details when the cell is a date, time or reference (else
    the first column no such field takes). A note on a header or empty row is a warning."""
    out: list[dict[str, Any]] = []
    mapping = found.info.mapping
    fields = {fld: pos for pos, fld in sorted(mapping.items(), reverse=True)}
    spare = next((pos for pos in range(found.raw.shape[1]) if pos not in mapping), None)
    into = fields.get(S.DETAILS, fields.get(S.OUTCOME, spare))
    first = len(found.raw) - len(found.table.rows)  # the table's rows are last in raw
    for index, column, text in found.table.notes:
        at = first + index
        row = index + 1 + found.table.row_offset
        empty = at < len(found.raw) and not any(map(_filled, found.raw.iloc[at]))
        if at < found.info.data_start or at >= len(found.raw) or empty:
            out.append(
                _warning(
                    "footnote",
                    f"{found.table.sheet} row {row}, not on an event's row: {text}",
                    file,
                    found.table.sheet,
                    row,
                )
            )
            continue
        target = into if mapping.get(column) in _PLAIN_FIELDS and into is not None else column
        held = found.raw.iat[at, target]
        found.raw.iat[at, target] = f"{held!s}\n{text}" if _filled(held) else text
    return out


# --- a form per entry -----------------------------------------------------------------------
#: A form's date that is about the report, not an event ("Date completed", "Date of birth").
_REPORT_DATE: Final = re.compile(
    r"\b(?:complet|compil|prepar|submit|sign|birth|dob\b|report|review|version|print|request)",
    re.IGNORECASE,
)
#: Details labels of a form about its author, not an event ("Contact details").
_AUTHOR_DETAILS: Final = re.compile(r"^\s*contact\s+(?:details|number|info)", re.IGNORECASE)
_MAX_LABEL: Final = 60


def _label_text(text: str) -> str:
    return " ".join(text.split()).rstrip(":").strip()


def _form_pairs(
    cells: Sequence[Cell], fields: dict[str, str | None]
) -> list[tuple[int, str, str | None]] | None:
    """A form row's (column, label, value) pairs: "Date:" | "12/03/2007" | "Time:" | "10:00";
    text after a value that is not a label joins the value. None when the row does not
    start with a label (a label ends with ':' or is a heading :func:`map_headings` knows)."""
    filled = [(pos, " ".join(str(c).split())) for pos, c in enumerate(cells) if _filled(c)]
    pairs: list[tuple[int, str, str | None]] = []
    for pos, text in filled:
        label = _label_text(text)
        is_label = (
            len(text) <= _MAX_LABEL
            and bool(label)
            and (text.endswith(":") or fields.get(label) is not None)
            and split_date_prefix(text) is None
        )
        if is_label and (not pairs or pairs[-1][2] is not None or text.endswith(":")):
            pairs.append((pos, label, None))
        elif pairs:
            col, name, value = pairs[-1]
            pairs[-1] = (col, name, text if value is None else f"{value}\n{text}")
        else:
            return None
    return pairs


def form_entries(
    table: DocumentTable, *, columns: dict[str, str] | None = None
) -> DocumentTable | None:
    """A form per entry read as a table: one row per entry, one column per label.

    Agency templates often give each contact a small form of label and value cells
    ("Date of contact:" | "12/03/2007", "Practitioner:" | "HV1", "Details:" | "..."), one
    table per entry or all entries in one table (a new entry at each label that comes
    again). The result has the labels as its header row and each entry on the row its
    first label is on (``row_offset`` -1), so ``source_row`` is where the entry starts.

    None when the table is not such a form: every row holding text must start with a
    label, and the labels must include an event's date and its details or outcome (a form
    about the report, "Date completed:" | "Contact details:", is not one).

    Examples
    --------
    >>> form = DocumentTable("table 2", [["Date of contact:", "12/03/2007"],
    ...                                  ["Details:", "Home visit"]])
    >>> form_entries(form).rows
    [['Date of contact', 'Details'], ['12/03/2007', 'Home visit']]
    """
    from .headers import map_headings

    fields: dict[str, str | None] = {}
    labelled: list[tuple[int, list[tuple[int, str, str | None]]]] = []
    for index, cells in enumerate(table.rows):
        if not any(map(_filled, cells)):
            continue
        for _pos, text in ((p, c) for p, c in enumerate(cells) if _filled(c)):
            label = _label_text(str(text))
            if label not in fields and len(label) <= _MAX_LABEL:
                fields[label] = map_headings([label], columns=columns).get(0)
        pairs = _form_pairs(cells, fields)
        if not pairs:
            return None
        labelled.append((index, pairs))
    names = [name for _index, pairs in labelled for _pos, name, _value in pairs]
    dated = any(fields.get(n) == S.DATE and not _REPORT_DATE.search(n) for n in names)
    told = any(
        fields.get(n) in (S.DETAILS, S.OUTCOME) and not _AUTHOR_DETAILS.match(n) for n in names
    )
    if not (dated and told):
        return None
    entries: list[tuple[int, dict[str, str | None]]] = []
    for index, pairs in labelled:
        for _pos, name, value in pairs:
            if not entries or name in entries[-1][1]:
                entries.append((index, {}))
            entries[-1][1][name] = value
    headings = list(dict.fromkeys(names))
    body: list[list[Cell]] = [[None] * len(headings) for _ in range(entries[-1][0] + 1)]
    for index, values in entries:
        body[index] = [values.get(name) for name in headings]
    starts = [index for index, _values in entries]
    notes = tuple(
        (starts[max(bisect.bisect_right(starts, index) - 1, 0)] + 1, 0, text)
        for index, _column, text in table.notes
    )
    return dataclasses.replace(
        table,
        rows=[list(headings), *body],
        notes=notes,
        row_offset=-1,
        follows=False,
        merged=(),
    )


#: A form per entry read as a table: the table, what parse_table reads, its row offset,
#: its header and its title lines.
_Form = tuple[DocumentTable, pd.DataFrame, int, HeaderInfo, tuple[str, ...]]


def _first_label(table: DocumentTable) -> list[Cell]:
    """The label the table's first row opens with, as a form's heading (or nothing)."""
    first = next((c for row in table.rows for c in row if _filled(c)), None)
    return [_label_text(str(first))] if first is not None else []


def _as_form(
    table: DocumentTable,
    titles: tuple[str, ...],
    before: tuple[str, ...],
    columns: dict[str, str] | None,
    infos: dict[tuple[Cell, ...], HeaderInfo],
) -> _Form | None:
    """The table read as a form per entry (:func:`form_entries`), under its own title lines
    and then those of the form ``before`` it; None when it is no such form. ``infos``
    keeps the header found for each form's rows (forms of one template repeat it)."""
    form = form_entries(table, columns=columns)
    if form is None:
        return None
    width = form.width
    titles = tuple(dict.fromkeys((*titles, *before)))[:_MAX_FORM_TITLES]
    head = [[line] + [None] * (width - 1) for line in titles]
    raw = _frame(head + form.rows, width)
    key = (*titles, None, *form.rows[0])
    info = infos.get(key)
    if info is None:
        info = infos[key] = find_header(raw, columns=columns)
    return form, raw, -len(head) + form.row_offset, info, titles


def _date_column_counts(rows: Sequence[Sequence[Cell]], column: int) -> tuple[int, int, int]:
    """Of the rows that hold text: how many, how many have text in ``column``, and how
    many start that text with a date."""
    filled = [r for r in rows if any(map(_filled, r))]
    written = [str(r[column]) for r in filled if column < len(r) and _filled(r[column])]
    dated = sum(split_date_prefix(text) is not None for text in written)
    return len(filled), len(written), dated


def _header_over_dated_rows(
    raw: pd.DataFrame, info: HeaderInfo, first: int, columns: Any
) -> tuple[HeaderInfo, list[int]]:
    """The header row above the table's first dated row, when ``info`` is one below rows
    of the table (from ``first`` in ``raw``) that hold a date in its date column and more:
    the headings typed again lower down (a page pasted from another template) map more
    columns than the table's own header row, whose headings are not all recognised
    ("Nature of contact and whether Child A was seen"). Rows above a header are its title
    lines: the dated rows above it were lost. Else ``info``, and the dated rows above it
    (in ``raw``), which no header is found above: rows pasted above the header."""
    top = info.header_rows[0] if info.header_rows else first
    dates = [pos for pos, fld in info.mapping.items() if fld == S.DATE]
    if top <= first or not dates:
        return info, []
    cells = raw.iloc[first:top]
    dated = [
        first + at
        for at, (text, count) in enumerate(
            zip(cells.iloc[:, dates[0]], cells.notna().sum(axis=1), strict=True)
        )
        if count > 1 and _filled(text) and split_date_prefix(str(text)) is not None
    ]
    if not dated:
        return info, []
    if dated[0] > 0:
        try:
            return find_header(raw, columns=columns, max_scan=dated[0]), []
        except MissingColumnError:
            pass
    return info, dated


def _starts_with_dates(rows: Sequence[Sequence[Cell]], dates: Sequence[int]) -> bool:
    """Whether most of the rows that hold text have a date in the first of the ``dates``
    columns: a table without a header of its own that carries on a chronology (after a
    heading or a note, not only after a page break), not a key or a form."""
    if not dates:
        return False
    filled, _written, dated = _date_column_counts(rows, dates[0])
    return dated > 0 and 2 * dated >= filled


def _no_date_in_date_column(rows: Sequence[Sequence[Cell]], dates: Sequence[int]) -> bool:
    """Whether the rows hold text in the first of the ``dates`` columns but never a date: a
    key to abbreviations or a list of notes right after a chronology, not the next page of
    it (whose rows with text in that column start with dates; rows carrying on the one
    above leave it empty)."""
    if not dates:
        return False
    _filled_rows, written, dated = _date_column_counts(rows, dates[0])
    return written > 0 and dated == 0


#: A banner row naming an agency is short ("Metropolitan Police", "GP records").
_MAX_BANNER: Final = 60


#: A heading of a period of the case typed in a row of its own ("Period 2: April 2007 -
#: June 2008", "Phase 1 - pre-birth").
_PERIOD_WORD: Final = re.compile(
    r"^(?:period|phase|part|section|stage|chapter|time\s*frame)\b", re.IGNORECASE
)


def _period_heading(text: str, *, across: bool = False) -> str | None:
    """How ``text``, alone in its row, heads a period: "word" when it opens with "Period",
    "Phase", "Part"..., "date" when it is a year, season or month and nothing finer, else
    None. A row merged across the table (``across``) that opens with a year, season or
    month heads it whatever follows ("June 2007: family moved to Northshire"); a cell
    alone that goes on with an entry's text after its month ("Jan-08: SW1 visit.") is
    that entry."""
    if _PERIOD_WORD.match(text):
        return "word"
    if is_period_date(text) or (across and _opens_with_period(text)):
        return "date"
    return None


def _yearless_dates(body: pd.DataFrame, dates: Sequence[int]) -> bool:
    """Whether a date cell of ``body`` is written without its year ("12 March")."""
    return has_yearless_dates(pd.concat([body.iloc[:, pos] for pos in dates], ignore_index=True))


def _banner_rows(
    raw: pd.DataFrame,
    start: int,
    offset: int,
    dates: Sequence[int] = (),
    agencies: Sequence[int] = (),
) -> tuple[tuple[tuple[int, str], ...], tuple[tuple[int, str], ...]]:
    """Rows of the body that hold nothing but an agency's name in their first cell or their
    agency cell (``agencies``: the agency columns) ("POLICE", "Health Visiting"), or
    nothing but a period's heading in their first cell
    or date cell ("2007", "Spring 2008", "Period 2: March - June 2007"), typed there
    rather than merged across the table: banners like a full-width section row (not
    events, nor undated rows). They are blanked in ``raw`` (not data rows) and returned
    as (row number in the table, text). ``dates``: the date columns (none for a form).

    While the table's dates are written without their year ("12 March"), a row holding a
    year, season or month stays in ``raw``: the dates below it take their year from it
    (:func:`parse_table` reads them in the year of the row above). Such rows are returned
    apart, as the second tuple (the heads), for their events to be taken out again."""
    body = raw.iloc[start:]
    if body.empty:
        return (), ()
    texts = body.fillna("").to_numpy(dtype=str)
    filled = np.char.str_len(np.char.strip(texts)) > 0
    alone = filled.sum(axis=1) == 1
    where = np.zeros(len(body), dtype=np.int64)  # the column of each row's one cell
    where[alone] = np.argmax(filled[alone], axis=1)
    one = np.flatnonzero(alone & (filled[:, 0] | np.isin(where, [*dates, *agencies])))
    found = []
    heads = []
    yearless: bool | None = None  # known once a date heading is met
    for pos in map(int, one):
        column = int(where[pos])
        text = " ".join(str(body.iat[pos, column]).split())
        if len(text) > _MAX_BANNER:
            continue
        agency = (
            column in (0, *agencies) and split_date_prefix(text) is None and agency_from_name(text)
        )
        # (a date cell that goes on with an entry's text had it moved to the details cell
        # by :func:`_entries_in_date_cells`: alone here, it is a heading)
        period = _period_heading(text, across=True) if dates and not agency else None
        if period == "date":
            # the rows written without their year take it from the row above: such a
            # row stays a row for parse_table to read, and is taken out of the events after
            if yearless is None:
                yearless = _yearless_dates(body, dates)
            if yearless:
                heads.append((start + pos + offset + 1, text))
                continue
        if agency or period:
            raw.iloc[start + pos] = None
            found.append((start + pos + offset + 1, text))
    return tuple(found), tuple(heads)


_SENTENCE_END: Final = (".", "!", "?", ")", '"', "'", "”")
#: A sentence across the table is this many words at least ("Background." is a heading).
_LEAST_SENTENCE_WORDS: Final = 3
#: A table's entries alternate with rows of text across when at least half of them, and
#: this many, have one under them.
_ALTERNATING_LEAST: Final = 2
#: An agency's name typed as a banner ("Police.", "Elm Road GP surgery") is this short:
#: a longer text that names one ("She asked the GP to visit.") is a sentence.
_MAX_BANNER_WORDS: Final = 4


def _entry_text_across(text: str, *, alternating: bool) -> bool:
    """Whether a row of one cell across the table holds an entry's text, not a heading:
    ending as a sentence does, or in a table whose entries alternate with such rows
    (``alternating``); and no period, agency, footer, page furniture or "continued"
    note."""
    text = " ".join(text.split())
    sentence = text.endswith(_SENTENCE_END) and len(text.split()) >= _LEAST_SENTENCE_WORDS
    if not (sentence or alternating):
        return False
    # an agency's name, however long, unless in a sentence ("... which the GP arranged.")
    banner = not sentence or len(text.split()) <= _MAX_BANNER_WORDS
    return not (
        _period_heading(text)
        or (banner and agency_from_name(text.rstrip(".")) is not None)
        or is_footer_line(text)
        or PAGE_FURNITURE.match(text)
        or CONTINUED_NOTE.match(text)
        or split_date_prefix(text) is not None
    )


#: A note of the reviewer's or the author's typed across the table under an entry
#: ("Comment: ...", "Reviewer's analysis - ...", "Learning: ...").
_COMMENT_LABEL: Final = re.compile(
    r"^\W*(?:(?:reviewer|author|panel)(?:['’]s)?\s+)?"
    r"(?:comments?|analysis|note|learning|significance)\s*(?::|[-–—]\s)",
    re.IGNORECASE,
)


def _details_across(
    table: DocumentTable, raw: pd.DataFrame, info: HeaderInfo, columns: Any, file: str
) -> tuple[DocumentTable, pd.DataFrame, HeaderInfo, list[dict[str, Any]]]:
    """The table with each row of prose across it (:func:`_entry_text_across`) under an
    entry's row read as that entry's details: a template that sets each entry's date,
    worker and kind of contact in a row, and what happened in one cell merged across the
    row below ("12/03/2007 | GP1 | Surgery", then "Child A seen with a bruise ..."). The
    text is added to the row's details cell, in a column "Details" added for it when the
    table has none (a note labelled as the reviewer's, "Comment: ...", "Analysis by IMR
    author: ...", to its comment cell, in a column "Comment" added for it when the table
    has none); the rows stay blank (not
    events, not sections), a ``details_row`` warning names them. Other full-width rows
    stay sections."""
    sections = {row: text for row, text in table.sections}
    if not sections:
        return table, raw, info, []
    first = len(raw) - len(table.rows)  # the table's rows are last in raw
    body = range(max(info.data_start - first + 1, 1), len(table.rows) + 1)
    entries = [r for r in body if r not in sections and any(map(_filled, table.rows[r - 1]))]
    under = sum(1 for r in entries if r + 1 in sections)
    alternating = under >= _ALTERNATING_LEAST and under * 2 >= len(entries)
    into: dict[int, int] = {}  # a moved row: the row (of the table) it is the details of
    for row, text in sorted(sections.items()):
        above = row - 1
        target = into.get(above, above)
        if (
            first + target - 1 >= info.data_start
            and (
                above in into
                or (above not in sections and any(map(_filled, table.rows[above - 1])))
            )
            and _entry_text_across(text, alternating=alternating)
        ):
            into[row] = target
    if not into:
        return table, raw, info, []
    raw = raw.copy()
    details = next((pos for pos, fld in info.mapping.items() if fld == S.DETAILS), None)
    comment = next((pos for pos, fld in info.mapping.items() if fld == S.COMMENT), None)
    notes = {row for row in into if _reviewer_note(sections[row])}
    if details is None:
        details = raw.shape[1]
        raw[details] = None
        raw.iat[info.header_rows[-1], details] = "Details"
    if comment is None and notes:
        comment = raw.shape[1]
        raw[comment] = None
        raw.iat[info.header_rows[-1], comment] = "Comment"
    for row, target in into.items():
        text = sections.pop(row)
        # a reviewer's note across the table goes to the comment column (added for it
        # when the table has none: its words are no record of what happened)
        column = comment if comment is not None and row in notes else details
        cell = raw.iat[first + target - 1, column]
        raw.iat[first + target - 1, column] = f"{cell!s}\n{text}" if _filled(cell) else text
    rows = ", ".join(map(str, into))
    note = _warning(
        "details_row",
        f"{table.sheet} row(s) {rows}: text in one cell across the table, under an entry's "
        "row, was read as that entry's details, or its comment for a note such as "
        "'Comment: ...' (not as a section heading)",
        file,
        table.sheet,
        min(into),
    )
    kept = tuple(sorted(sections.items()))
    return dataclasses.replace(table, sections=kept), raw, find_header(raw, columns=columns), [note]


def _boxes_as_comments(
    table: DocumentTable, raw: pd.DataFrame, info: HeaderInfo, columns: Any, file: str
) -> tuple[pd.DataFrame, HeaderInfo, list[dict[str, Any]]]:
    """``raw`` with the notes in text boxes anchored in the table's rows (``table.boxes``:
    see :func:`is_box_note`) added to each row's comment cell, in a column "Comment" added
    for them when the table has none: a box set over an entry ("Reviewer: why was no
    referral made?") is a note on it, not the agency's record, and its words ("referral")
    must not decide the entry's type. One ``text_box`` warning quotes them; one in the
    header or above it is only quoted."""
    first = len(raw) - len(table.rows)  # the table's rows are last in raw
    body = [(row, text) for row, text in table.boxes if first + row >= info.data_start]
    comment = next((pos for pos, fld in info.mapping.items() if fld == S.COMMENT), None)
    if body:
        raw = raw.copy()
        if comment is None:
            comment = raw.shape[1]
            raw[comment] = None
            raw.iat[info.header_rows[-1], comment] = "Comment"
        for row, text in body:
            cell = raw.iat[first + row, comment]
            raw.iat[first + row, comment] = f"{cell!s}\n{text}" if _filled(cell) else text
        info = find_header(raw, columns=columns)
    shown = "; ".join(
        f"row {row + 1 + table.row_offset} {text[:_BOX_QUOTE]!r}" for row, text in table.boxes
    )
    note = _warning(
        "text_box",
        f"{table.sheet}: note(s) in text boxes set over the table ({shown}) were read as "
        "the comment of the row they are anchored in, not as its details: a labelled note "
        "over an entry is the reviewer's or the author's, not the agency's record",
        file,
        table.sheet,
        table.boxes[0][0] + 1 + table.row_offset,
    )
    return raw, info, [note]


#: Characters of a text box quoted in its warning.
_BOX_QUOTE: Final = 80


#: A note labelled as the reviewer's, the author's or the panel's, or as a question on
#: the entry ("Reviewer: ...", "IMR author - ...", "Panel query: ...", "Q1: ...").
_NOTE_LABEL: Final = re.compile(
    r"^\W*(?:(?:lead\s+|independent\s+)?reviewer|(?:imr\s+)?author|panel|query|question|q\d*)"
    r"(?:['’]s)?(?:\s+[\w']+){0,3}?\s*(?::|[-–—]\s)",
    re.IGNORECASE,
)


def is_box_note(text: str) -> bool:
    """Whether a text box set over a table's cell is a note on the entry (labelled as the
    reviewer's, the author's or a question: "Reviewer: ...", "Comment: ...", "Query: ..."),
    not the agency's record (a body map's "Bruise to left cheek").

    >>> is_box_note("Reviewer: was CSC told?"), is_box_note("Bruise to left cheek")
    (True, False)
    """
    return _reviewer_note(text) or _NOTE_LABEL.match(text) is not None


def _reviewer_note(text: str) -> bool:
    """Whether text across a table is a note of the reviewer's or the IMR author's
    ("Comment: ...", "Analysis by IMR author: ...")."""
    return _COMMENT_LABEL.match(text) is not None or comment_label(text) is not None


def _date_sections_in_place(found: _Found, dates: Sequence[int]) -> None:
    """Write each full-width section row that is a year, season or month ("2007",
    "Spring 2008") into the first date cell of its row in ``found.raw`` (where it is
    blank), so that :func:`_banner_rows` keeps it as a row when the table's dates are
    written without their year: they take their year from it. A table whose dates all
    have their year leaves it blank, as before."""
    if not dates or not found.table.sections:
        return
    first = len(found.raw) - len(found.table.rows)  # the table's rows are last in raw
    at = [
        (first + row - 1, text)
        for row, text in found.table.sections
        if found.info.data_start <= first + row - 1 < len(found.raw)
        and _period_heading(text, across=True) == "date"
    ]
    if not at or not _yearless_dates(found.raw.iloc[found.info.data_start :], dates):
        return
    for pos, text in at:
        found.raw.iat[pos, dates[0]] = text


def _without_heads(chron: Chronology, found: _Found) -> Chronology:
    """``chron`` without the events of the rows kept only to give their year to the dates
    below them (``found.heads``): a year row with nothing else in it is a heading, not an
    event (a row joined to it as its continuation keeps it an event)."""
    if not found.heads:
        return chron
    events = chron.events
    rows = [row for row, _text in found.heads]
    # a heading whose date was not written into its row (the rows under it turned out to
    # need no year: "JAN" is no date) is still the section_row it was named, not a row
    # rejected for its empty date as well
    rejected = chron.rejected
    empty_head = (
        (rejected[S.SOURCE_SHEET] == found.table.sheet).fillna(False).to_numpy(dtype=bool)
        & np.isin(rejected[S.SOURCE_ROW].to_numpy(), rows)
        & (rejected[S.REASON_CODE] == "empty_date").fillna(False).to_numpy(dtype=bool)
    )
    if empty_head.any():
        rejected = rejected[~empty_head].reset_index(drop=True)
        chron = Chronology(events, rejected, chron.warnings, chron.meta)
    # a heading's own words after its period ("June 2007: family moved to Northshire"), read
    # as the details of its row, leave it a heading (the few head rows looked at, no more)
    at = events[S.SOURCE_ROW].to_numpy()
    head = (events[S.SOURCE_SHEET] == found.table.sheet).fillna(False).to_numpy(
        dtype=bool
    ) & np.isin(at, rows)
    own = {row: split[2] for row, text in found.heads if (split := split_date_prefix(text))}
    details = events[S.DETAILS].to_numpy(dtype=object)
    for k in map(int, np.flatnonzero(head)):
        text = details[k]
        head[k] = not isinstance(text, str) or text == own.get(int(at[k]))
    head &= events[S.OUTCOME].isna().to_numpy()
    if not head.any():
        return chron
    events = events[~head]
    warnings = chron.warnings
    # the agency column's "N row(s) have no agency" warning, when only these rows had none
    blank = (
        (warnings[S.CODE] == "no_agency")
        & (warnings[S.SOURCE_SHEET] == found.table.sheet)
        & warnings[S.SOURCE_ROW].isin(rows)
    ).fillna(False)
    if blank.any():
        mine = (events[S.SOURCE_SHEET] == found.table.sheet).fillna(False)
        if events.loc[mine.to_numpy(dtype=bool), S.ORGANISATION].notna().all():
            warnings = warnings[~blank.to_numpy(dtype=bool)].reset_index(drop=True)
    return Chronology(events, chron.rejected, warnings, chron.meta)


def _with_banner_agencies(
    chron: Chronology,
    banners: Sequence[tuple[int, str, str]],
    carried: tuple[str, str] | None,
    sheet: str,
    *,
    several: bool,
) -> Chronology:
    """Events of a table without an agency column take the agency of the banner row above
    them (a row across the table naming an agency: "POLICE"), or ``carried``, the banner
    last seen on the page before, for rows above the first banner of a continued table.

    Only when the document's banners name two agencies or more (``several``), or nothing
    else named the table's agency: in one agency's chronology, a section row "School years" or "Antenatal
    period" is a period, not the school's or the midwife's.
    """
    events = chron.events
    warnings = chron.warnings
    unnamed = (warnings[S.CODE] == "no_agency") & (warnings[S.SOURCE_SHEET] == sheet)
    if events.empty or not (banners or carried) or not (several or unnamed.any()):
        return chron
    rows = [row for row, _code, _text in banners]
    codes = [code for _row, code, _text in banners]
    names = [text for _row, _code, text in banners]
    if carried is not None:
        rows, codes, names = [-1, *rows], [carried[0], *codes], [carried[1], *names]
    which = np.searchsorted(np.array(rows), events[S.SOURCE_ROW].to_numpy(), side="right") - 1
    under = which >= 0
    if not under.any():
        return chron
    events = events.copy()
    pick = np.maximum(which, 0)
    agency = np.where(under, np.array(codes, dtype=object)[pick], events[S.AGENCY].astype(object))
    events[S.AGENCY] = pd.Series(agency, index=events.index).astype(events[S.AGENCY].dtype)
    organisation = np.where(
        under, np.array(names, dtype=object)[pick], events[S.ORGANISATION].astype(object)
    )
    events[S.ORGANISATION] = pd.Series(organisation, index=events.index).astype(
        events[S.ORGANISATION].dtype
    )
    if under.all():  # the table's "no agency" warning no longer holds, nor any agency
        # taken from its practitioners
        decided = (warnings[S.CODE] == "agency_from_practitioner") & (
            warnings[S.SOURCE_SHEET] == sheet
        )
        warnings = warnings[~(unnamed | decided)].reset_index(drop=True)
    return Chronology(events, chron.rejected, warnings, chron.meta)


def fill_from_banners(
    chron: Chronology, banners: Sequence[tuple[int, str, str]], sheet: str
) -> Chronology:
    """Events with nothing in their agency cell take the agency of the banner row above
    them, as (row number, agency code, text): "Police" typed alone in the agency column over
    its block of rows. A row naming its own agency keeps it; the table's ``no_agency``
    warning goes when no row is left without."""
    events = chron.events
    blank = (events[S.ORGANISATION].isna() & (events[S.AGENCY] == "other")).to_numpy(dtype=bool)
    rows = np.array([row for row, _code, _text in banners])
    which = np.searchsorted(rows, events[S.SOURCE_ROW].to_numpy(dtype=np.int64), side="right") - 1
    take = blank & (which >= 0) & (events[S.SOURCE_SHEET] == sheet).fillna(False).to_numpy(bool)
    if not take.any():
        return chron
    events = events.copy()
    pick = np.maximum(which, 0)
    codes = np.array([code for _row, code, _text in banners], dtype=object)[pick]
    names = np.array([text for _row, _code, text in banners], dtype=object)[pick]
    for column, values in ((S.AGENCY, codes), (S.ORGANISATION, names)):
        kept = events[column].astype(object).to_numpy()
        events[column] = pd.Series(np.where(take, values, kept), index=events.index).astype(
            events[column].dtype
        )
    warnings = chron.warnings
    if take.sum() == blank.sum():
        gone = (warnings[S.CODE] == "no_agency") & (warnings[S.SOURCE_SHEET] == sheet)
        warnings = warnings[~gone.fillna(False).to_numpy(dtype=bool)].reset_index(drop=True)
    return Chronology(events, chron.rejected, warnings, chron.meta)


#: The heading of a table that sums up the case's key dates ("Key dates", "Summary of key
#: events", "Timeline of key events", "Brief chronology") beside the full chronology: its
#: rows are the chronology's own, told again in a line.
_SUMMARY_TITLE: Final = re.compile(
    r"\bkey\s+(?:practice\s+)?(?:dates?|events?|episodes?|incidents?|milestones?)\b"
    r"|\b(?:summary|brief|short|outline|abridged|condensed)\s+(?:of\s+(?:the\s+)?)?"
    r"(?:(?:key|main|major|significant|important)\s+(?:dates|events)|chronology|timeline)\b",
    re.IGNORECASE,
)
#: A heading of the chronology itself that names key events ("Chronology of key events",
#: "Police chronology - key events"): the full chronology, not a summary of it.
_FULL_CHRONOLOGY: Final = re.compile(
    r"^(?!.*\b(?:summary|brief|short|outline|abridged|condensed)\b).*\bchronolog",
    re.IGNORECASE,
)
_MAX_SUMMARY_TITLE: Final = 100


def _summary_title(titles: Sequence[str]) -> str | None:
    """The title line that makes a table a summary of key dates, if any (see
    :data:`_SUMMARY_TITLE`)."""
    for line in titles:
        text = " ".join(line.split())
        if (
            len(text) <= _MAX_SUMMARY_TITLE
            and _SUMMARY_TITLE.search(text)
            and not _FULL_CHRONOLOGY.match(text)
        ):
            return text
    return None


def _summary_rows(summary: Chronology, chronology: Chronology, title: str, file: str) -> Chronology:
    """A summary table's events (``summary``) checked against the rest of the document's
    ``chronology``: a row on a day the chronology has an event on (its spans overlap) is
    that event told again, and becomes a rejected row (``summary_duplicate``) naming the
    event; a row on a day the chronology has nothing stays an event, with a
    ``summary_row_kept`` warning (the summary may hold what the tables miss)."""
    events, other = summary.events, chronology.events
    if events.empty:
        return summary
    order = np.argsort(other[S.START].to_numpy(), kind="stable")
    starts = other[S.START].to_numpy()[order]
    reach = np.maximum.accumulate(other[S.END].to_numpy()[order]) if len(order) else starts
    begin, end = events[S.START].to_numpy(), events[S.END].to_numpy()
    before = np.searchsorted(starts, end, side="right")  # events starting by the row's end
    first = np.searchsorted(reach, begin, side="left")  # the first reaching its start
    told = first < before
    at = order[np.minimum(first, max(len(order) - 1, 0))] if len(order) else first
    where = (
        other[S.SOURCE_SHEET].astype(str).to_numpy()[at]
        + " row "
        + other[S.SOURCE_ROW].astype(str).to_numpy()[at]
        if len(order)
        else np.full(len(events), "", dtype=object)
    )
    dup = events[told]
    rejected = pd.DataFrame(
        {
            S.SOURCE_FILE: dup[S.SOURCE_FILE].to_numpy(),
            S.SOURCE_SHEET: dup[S.SOURCE_SHEET].to_numpy(),
            S.SOURCE_ROW: dup[S.SOURCE_ROW].to_numpy(),
            S.REASON_CODE: "summary_duplicate",
            S.REASON: [
                f"a row of the summary table under {title!r}: the chronology has an event "
                f"that day ({place}), told in full there"
                for place in where[told]
            ],
            S.COLUMN: S.DATE,
            S.VALUE: dup[S.DATE_TEXT].to_numpy(),
            S.DATE_TEXT: dup[S.DATE_TEXT].to_numpy(),
            S.DETAILS: dup[S.DETAILS].to_numpy(),
        }
    )
    kept = events[~told]
    notes = [
        _warning(
            "summary_row_kept",
            f"{sheet} row {row}, in the summary table under {title!r}, is on a day the "
            "chronology has no event: read as an event (check it against the chronology)",
            file,
            sheet,
            int(row),
        )
        for sheet, row in zip(kept[S.SOURCE_SHEET], kept[S.SOURCE_ROW], strict=True)
    ]
    return with_warnings(
        Chronology(
            kept,
            pd.concat([summary.rejected, rejected], ignore_index=True),
            summary.warnings,
            summary.meta,
        ),
        notes,
    )


def parse_document_tables(
    tables: Sequence[DocumentTable],
    *,
    source: str | PurePath,
    fmt: str,
    **options: Any,
) -> tuple[Chronology | None, list[dict[str, Any]], list[ScrTimelineError]]:
    """Read a document's tables into one Chronology.

    Parameters
    ----------
    tables
        The tables in document order.
    source
        The file.
    fmt
        The format recorded in ``meta.sources`` ("docx", "pdf").
    **options
        Passed to :func:`scr_timeline.parse_table`.

    Returns
    -------
    chronology, notes, errors
        The chronology (None when no table holds one), warnings about skipped tables
        (to add to the chronology, or to a narrative read instead), and why each skipped
        table was skipped.

    Examples
    --------
    >>> gp = DocumentTable("table 1", [["Date", "Details"], ["12/03/2007", "Child A seen"]],
    ...                    titles=("GP records",))
    >>> more = DocumentTable("table 2", [["13/03/2007", "Mother phoned"]], follows=True)
    >>> chron, notes, errors = parse_document_tables([gp, more], source="x.docx", fmt="docx")
    >>> chron.events[["agency", "source_sheet", "source_row"]].values.tolist()
    [['gp', 'table 1', 2], ['gp', 'table 2', 1]]
    >>> [n["code"] for n in notes]
    ['table_continued']
    """
    file = PurePath(str(source)).name
    classify = options.pop("classify", True)
    columns = options.get("columns")
    tables = _split_agency_grids(tables, columns)
    chrons: list[Chronology] = []
    notes: list[dict[str, Any]] = []
    errors: list[ScrTimelineError] = []
    # the last table with a header: its header rows, titles and date columns
    previous: tuple[DocumentTable, list[list[Cell]], tuple[str, ...], tuple[int, ...]] | None
    previous = None
    found_tables: list[_Found] = []
    forms: list[str] = []  # the tables read as forms per entry
    form_titles: tuple[str, ...] = ()  # the titles of the last of them
    form_labels: list[Cell] = []  # and its first label
    form_infos: dict[tuple[Cell, ...], HeaderInfo] = {}  # headers of forms, by their rows

    parsed: dict[int, Chronology] = {}  # by table number

    banner: dict[int, tuple[str, str] | None] = {}  # last agency banner, by table number
    joined_into: set[int] = set()  # tables whose first rows joined the table before
    summaries: dict[int, str] = {}  # tables summing up the key dates: their title, by number
    keyed: set[int] = set()  # tables whose last rows are a key to abbreviations
    footed: set[int] = set()  # tables holding nothing but such lines under their header
    program = "the PDF" if fmt == "pdf" else "Word"
    loose: list[pd.DataFrame | None] = []  # deleted rows of tables that hold nothing else

    def parse(found: _Found) -> None:
        table = found.table
        before = parsed.get(found.number - 1) if found.continues else None
        across = {row for row, _text in table.sections}
        heads = {row for row, _text in found.heads}
        typed = [head for head in found.heads if head[0] not in across]
        sections = sorted([*table.sections, *found.banners, *typed])
        named = [(row, agency_from_name(text), text) for row, text in sections]
        banners = [(row, code, text) for row, code, text in named if code is not None]
        carried = banner.get(found.number - 1) if found.continues else None
        # a ditto mark in the date, agency or practitioner cell ('"', "do.", "as above"):
        # the cell above it, as in a CSV file or a sheet (its date cell kept as written)
        dittos, ditto_dates = fill_dittos(
            found.raw, found.info, file=file, sheet=table.sheet, row_offset=found.offset
        )
        notes.extend(dittos)
        try:
            chron: Chronology | None = parse_table(
                found.raw,
                source=source,
                sheet=table.sheet,
                row_offset=found.offset,
                fmt=fmt,
                previous_date=_last_date(before) if before is not None else _title_period(table),
                header=found.info,  # found above, on this frame: not looked for again
                # rows typed as the rest of the row above are joined to it (not within
                # forms per entry: each of their rows is an entry of its own)
                **{"join_continued": not found.form, **options, "classify": False},
            )
        except (MissingColumnError, EmptyChronologyError) as err:
            if not (isinstance(err, EmptyChronologyError) and found.number in joined_into | footed):
                errors.append(err)
                notes.append(_skipped(table, err, file))
                loose.append(_table_deleted(found, file, program))  # rows all struck out
                return
            chron = None  # all its rows carry on the table before: nothing was skipped
        if chron is not None:
            if ditto_dates:  # by source row: the frame's row, past the rows above it
                written = {row + found.offset: text for row, text in ditto_dates.items()}
                chron = restore_carried(chron, CarriedDays(written, {}))
            if found.origins:
                chron = _relocate(chron, found, file)
            chron = _without_heads(chron, found)
            if S.AGENCY not in found.info.mapping.values():
                chron = _with_banner_agencies(
                    chron, banners, carried, table.sheet, several=len(banner_agencies) > 1
                )
            elif banners:
                chron = fill_from_banners(chron, banners, table.sheet)
            chron = with_deleted(chron, _table_deleted(found, file, program))
            chrons.append(chron)
            parsed[found.number] = chron
            dayfirst = options.get("dayfirst")
            notes.extend(
                _other_days_in_cells(
                    chron, table.sheet, file, dayfirst=True if dayfirst is None else dayfirst
                )
            )
        else:  # its rows struck through throughout: rejected rows all the same
            loose.append(_table_deleted(found, file, program))
            if before is not None:  # the next page counts its dates from the page before
                parsed[found.number] = before
        banner[found.number] = (banners[-1][1], banners[-1][2]) if banners else carried
        notes.extend(
            _warning(
                "section_row",
                "row read as a section heading (across the table, or alone in its first "
                f"or date cell), not an event: {text!r}"
                + (f" (it names the agency of the rows below it: {code})" if code else "")
                + (
                    " (the dates below it written without their year take their year from it)"
                    if row in heads
                    else ""
                ),
                file,
                table.sheet,
                row,
            )
            for row, code, text in named
        )

    agency_title: str | None = None  # the last title line that names an agency
    # the fields of the forms the document opens with ("Agency:" | "Northshire Police",
    # "Date of birth:" | "01/02/2006": a template's details table over the chronology)
    stated: list[tuple[str | None, FormField]] = []
    form_agency: str | None = None  # the agency the last such form names
    for number, table in enumerate(tables):
        width = table.width
        continues = (
            table.follows and previous is not None and previous[0].width == width and width > 0
        )
        titles = _title_lines(table.titles)
        if not titles and continues and previous is not None:
            titles = previous[2]
        elif (
            titles
            and all(_period_heading(t) for t in titles)
            and agency_title is not None
            and not any(agency_from_name(t) is not None for t in titles)
        ):
            # a period's subheading ("April 2007") over a table of the agency's section
            # the heading above named ("Health visiting chronology", then "March 2007"
            # over one table and "April 2007" over the next): that agency's table too. A
            # section's heading that names its own agency ("Section B: Northshire Police",
            # "Part 2: GP") heads another agency's table
            titles = (agency_title, *titles)
        if (
            form_agency is not None
            and not continues
            and not any(agency_from_name(t) is not None for t in titles)
        ):
            titles = (*titles[: _MAX_FORM_TITLES - 1], form_agency)  # the farthest title
        agency_title = next(
            (t for t in reversed(titles) if agency_from_name(t) is not None), agency_title
        )
        head = [[line] + [None] * (width - 1) for line in titles]
        raw = _frame(head + table.rows, width)
        offset = -len(head)
        form: _Form | None = None
        try:
            try:
                if not (forms and _first_label(table) == form_labels[:1]):
                    info = find_header(raw, columns=columns)
                else:  # like the form before it: no need to look for a header first
                    form = _as_form(table, titles, form_titles, columns, form_infos)
                    if form is None:
                        info = find_header(raw, columns=columns)
            except MissingColumnError:
                form = _as_form(table, titles, form_titles, columns, form_infos)
                # no date column: a text column whose cells open with the entry's date
                split = None if form is not None else split_dated_text(raw, date_column=None)
                if split is not None:
                    raw = split[0]
                    info = find_header(raw, columns=columns)
                    notes.append(_dated_text_note(table.sheet, split, file))
                elif form is None:
                    if previous is None or previous[0].width != width or width == 0:
                        raise
                    if not continues and not _starts_with_dates(table.rows, previous[3]):
                        raise
                    if continues and _no_date_in_date_column(table.rows, previous[3]):
                        raise MissingColumnError(
                            f"no header row, and no date in the date column of "
                            f"{previous[0].sheet}: not the next page of that table (a key or "
                            "notes after it?)",
                            file=file,
                            sheet=table.sheet,
                        ) from None
                    if not titles:
                        titles = previous[2]
                        head = [[line] + [None] * (width - 1) for line in titles]
                    raw = _frame(head + previous[1] + table.rows, width)
                    offset = -(len(head) + len(previous[1]))
                    info = find_header(raw, columns=columns)
                    notes.append(
                        _warning(
                            "table_continued",
                            f"{table.sheet} has no header row: read as the continuation of "
                            f"{previous[0].sheet} (split across pages), under its headings"
                            if continues
                            else f"{table.sheet} has no header row: its rows start with dates in "
                            f"the columns of {previous[0].sheet}, so it is read under that "
                            "table's headings",
                            file,
                            table.sheet,
                        )
                    )
            if form is not None:  # a form per entry: its labels are the header
                table, raw, offset, info, titles = form
                width, continues = table.width, False
                form_titles, form_labels = titles, table.rows[0][:1]
                forms.append(table.sheet)
            else:
                info, above = _header_over_dated_rows(raw, info, -offset, columns)
                if above:  # read under a copy of the header, set over them
                    rows_at = ", ".join(str(at + offset + 1) for at in above)
                    header_at = info.header_rows[0] + offset + 1
                    copy = raw.iloc[list(info.header_rows)]
                    raw = pd.concat([raw.iloc[:-offset], copy, raw.iloc[-offset:]])
                    raw = raw.reset_index(drop=True)
                    offset -= len(copy)
                    info = find_header(raw, columns=columns)
                    notes.append(
                        _warning(
                            "rows_above_header",
                            f"{table.sheet} row(s) {rows_at} start with a date but stand above "
                            f"the header row (row {header_at}): they were read under its "
                            "headings",
                            file,
                            table.sheet,
                            above[0] + offset + len(copy) + 1,
                        )
                    )
            _not_document_control(info, titles, table.sheet, file)
        except (MissingColumnError, EmptyChronologyError) as err:
            errors.append(err)
            notes.append(_skipped(table, err, file))
            if previous is None and not found_tables:  # a form the document opens with
                fields = form_fields(_frame(table.rows, width))
                stated.extend((table.sheet, f) for f in fields)
                form_agency = next(
                    (name for f in fields if (name := _form_agency_name(f)) is not None),
                    form_agency,
                )
            continue
        header_cells = [list(raw.iloc[pos]) for pos in info.header_rows]  # before any split
        if form is None:
            table, raw, info, across = _details_across(table, raw, info, columns, file)
            notes.extend(across)
            if table.boxes:
                raw, info, boxed = _boxes_as_comments(table, raw, info, columns, file)
                notes.extend(boxed)
            notes.extend(
                blank_template_rows(raw, info, file=file, sheet=table.sheet, offset=offset)
            )
        if form is None and S.DETAILS not in info.mapping.values():
            # a date column whose cells also hold the entry's text ("Date and details")
            date = next((p for p, f in info.mapping.items() if f == S.DATE), None)
            split = split_dated_text(raw, date_column=date, data_start=info.data_start)
            if split is not None:
                raw = split[0]
                info = find_header(raw, columns=columns)
                notes.append(_dated_text_note(table.sheet, split, file))
        found = _Found(number, table, raw, offset, info, continues, form=form is not None)
        summary = _summary_title(titles)
        if summary is None and continues and not _title_lines(table.titles):
            summary = summaries.get(number - 1)  # the next page of a summary
        if summary is not None:
            summaries[number] = summary
        if table.merged and form is None:
            _unmerge_undated_rows(found)
        if form is None:
            foot, key = _blank_footer_rows(found, file, key_open=continues and number - 1 in keyed)
            notes.extend(foot)
            if key:
                keyed.add(number)  # ends in a key: the next page may hold its last lines
            if (
                continues
                and foot
                and not found.raw.iloc[info.data_start :].notna().to_numpy().any()
            ):
                footed.add(number)  # nothing but the foot of the table before: not skipped
        if table.notes:
            notes.extend(_add_notes(found, file))
        date_columns = [p for p, f in info.mapping.items() if f == S.DATE] if form is None else []
        last = found_tables[-1] if continues and found_tables else None
        notes.extend(
            _continued_rows(
                found,
                date_columns,
                file,
                last if last is not None and last.number == number - 1 else None,
            )
        )
        notes.extend(_entries_in_date_cells(found, date_columns, file))
        notes.extend(_days_under_months(found, date_columns, file))
        _date_sections_in_place(found, date_columns)
        agency_columns = (
            [p for p, f in info.mapping.items() if f == S.AGENCY] if form is None else []
        )
        banners, heads = _banner_rows(raw, info.data_start, offset, date_columns, agency_columns)
        found = dataclasses.replace(found, banners=banners, heads=heads)
        before = found_tables[-1] if found_tables else None
        if continues and before is not None and before.number == number - 1:
            joins = _join_broken_row(before, found, file)  # before it is parsed
            notes.extend(joins)
            notes.extend(_carry_merged_cells(before, found, file))
            if joins:
                joined_into.add(number)
        found_tables.append(found)
        if form is None:
            dates = tuple(pos for pos, fld in info.mapping.items() if fld == S.DATE)
            previous = (table, header_cells, titles, dates)
    if forms:
        notes.append(
            _warning(
                "form_read",
                f"{len(forms)} table(s) of label and value cells ({', '.join(forms[:5])}"
                f"{', ...' if len(forms) > 5 else ''}) are forms, one per entry: each entry "
                "was read as one row under its labels (a new entry at each label that comes "
                "again)",
                file,
                forms[0],
            )
        )
    banner_agencies = {
        code
        for f in found_tables
        for _row, text in (*f.table.sections, *f.banners)
        if (code := agency_from_name(text)) is not None
    }
    if options.get("dayfirst") is None and len(found_tables) > 1:
        options["dayfirst"], decided = _decide_dayfirst(found_tables, file)
        notes.extend(decided)
    if stated and options.get("child_dob") is None and found_tables:
        dob, told_dob = child_dob_from_forms(stated, file=file)
        notes.extend(told_dob)
        if dob is not None:
            options["child_dob"] = dob
    for found in _merge_forms([f for f in found_tables if f.number not in summaries]):
        parse(found)
    told = len(chrons)  # the chronology's own tables: the summaries are checked against them
    full = (merge(chrons) if told > 1 else chrons[0]) if told and summaries else None
    for found in _merge_forms([f for f in found_tables if f.number in summaries]):
        parse(found)
        if full is not None and len(chrons) > told and parsed.get(found.number) is chrons[-1]:
            chrons[-1] = _summary_rows(chrons[-1], full, summaries[found.number], file)
    if not chrons:
        return None, notes, errors
    chron = merge(chrons) if len(chrons) > 1 else chrons[0]
    if any(r is not None for r in loose):
        chron = with_deleted(chron, pd.concat([r for r in loose if r is not None]))
    if classify:
        chron = classify_chronology(
            chron, vocabularies=options.get("vocabularies"), duplicates=len(chrons) > 1
        )
    return chron, notes, errors


def _form_agency_name(field_: FormField) -> str | None:
    """The agency a form's "Agency:" field names, as written, when it names a known one."""
    if field_.name != S.AGENCY or not isinstance(field_.value, str):
        return None
    name = " ".join(field_.value.split())
    return name if agency_from_name(name) is not None else None


#: A date cell giving the row above's date again with such a mark ("12/03/2007 (cont.)",
#: "12/03/2007 contd"): that entry carried on too. Group ``date``.
_DATE_THEN_MARK: Final = re.compile(
    r"^(?P<date>\S*\d.*?)[\s,;:–-]*[(\[]?\s*(?:cont(?:inued|'?d|/d|\.?\s*d)?|ctd)\.?\s*[)\]]?\s*$",
    re.IGNORECASE,
)


def _last_filled(raw: pd.DataFrame, first: int, below: int) -> int | None:
    """The last row of ``raw`` from ``first`` and above ``below`` holding something."""
    return next(
        (r for r in range(below - 1, first - 1, -1) if any(map(_filled, raw.iloc[r]))), None
    )


def _continued_rows(
    found: _Found, dates: Sequence[int], file: str, before: _Found | None = None
) -> list[dict[str, Any]]:
    """Join the rows whose date cell only says they carry on the entry above ("Cont.",
    "continued"), or gives the date of the row above again with such a mark ("12/03/2007
    (cont.)"), to the nearest row above holding something, cell by cell after a line
    break, and blank them: they were rejected for a date that could not be read, their
    text lost to the entry they carry on (or an event of their own, a copy of the day's).
    At the top of a table that carries on ``before`` (its next page), the row above is
    that table's last. One ``row_continued`` warning names each; with no row above, such
    a row stays, rejected for its date."""
    raw, start = found.raw, found.info.data_start
    if not dates or len(raw) <= start:
        return []
    marked = np.zeros(len(raw) - start, dtype=bool)
    for pos in dates:
        cells = raw.iloc[start:, pos].astype("string")
        marked |= cells.str.match(CONTINUED_ROW).fillna(False).to_numpy(bool)
        marked |= cells.str.match(_DATE_THEN_MARK).fillna(False).to_numpy(bool)
    notes: list[dict[str, Any]] = []
    for at in (np.flatnonzero(marked) + start).tolist():
        into, above = found, _last_filled(raw, start, at)
        if above is None and before is not None and before.raw.shape[1] == raw.shape[1]:
            into, above = before, _last_filled(before.raw, before.info.data_start, len(before.raw))
        if above is None:
            continue
        written = [str(raw.iat[at, pos]) for pos in dates if _filled(raw.iat[at, pos])]
        if not written:
            continue
        mark = written[0].strip()
        dated = None if CONTINUED_ROW.match(mark) else _DATE_THEN_MARK.match(mark)
        if dated is not None and not any(
            " ".join(str(into.raw.iat[above, pos]).split()) == " ".join(dated["date"].split())
            for pos in dates
        ):
            continue  # another day's entry ("20/03/2007 contd"): a row of its own
        for pos in dates:
            raw.iat[at, pos] = None
        for pos, text in enumerate(raw.iloc[at].tolist()):
            held = into.raw.iat[above, pos]
            if _filled(text) and str(held).strip() != text.strip():  # a worker named again
                into.raw.iat[above, pos] = f"{held!s}\n{text}" if _filled(held) else text
        raw.iloc[at] = None
        row, joined = at + found.offset + 1, above + into.offset + 1
        place = "" if into is found else f"{into.table.sheet} "
        notes.append(
            _warning(
                "row_continued",
                f"{found.table.sheet} row {row}'s date cell says {mark!r}: it carries on "
                f"{place}row {joined}, and was joined to it",
                file,
                found.table.sheet,
                row,
            )
        )
    return notes


def _entries_in_date_cells(found: _Found, dates: Sequence[int], file: str) -> list[dict[str, Any]]:
    """Rows whose date cell holds the entry's text after its date ("Jan-08: SW1 visit.",
    "12/03/2007 - HV1 phoned Mother") and whose details cell is empty: the text is moved
    to the details cell in ``found.raw`` (it was read as a note on the date and left out,
    or the row as a period's heading), with a ``date_in_text`` warning naming the rows. A
    note on the date ("12/03/2007 (approx.)") stays in the date cell."""
    details = next((p for p, f in found.info.mapping.items() if f == S.DETAILS), None)
    if details is None or not dates:
        return []
    raw, date = found.raw, dates[0]
    moved: list[int] = []
    for pos in range(found.info.data_start, len(raw)):
        cell, text = raw.iat[pos, date], raw.iat[pos, details]
        if not isinstance(cell, str) or (isinstance(text, str) and text.strip()):
            continue
        split = split_date_prefix(cell)
        if split is None or not _text_after_date(cell):
            continue
        raw.iat[pos, date] = f"{split[0]} {split[1]}" if split[1] else split[0]
        raw.iat[pos, details] = split[2]
        moved.append(pos + found.offset + 1)
    if not moved:
        return []
    sheet = found.table.sheet
    where = ", ".join(map(str, moved))
    return [
        _warning(
            "date_in_text",
            f"{sheet}: the date cell of row(s) {where} holds the entry's text after its date "
            "and the details cell is empty: the date was read from the start of the cell, "
            "the rest as its details",
            file,
            sheet,
            moved[0],
        )
    ]


#: A date cell that holds a day alone ("3rd", "Mon 12", "14"): under a month's row, a day
#: of that month.
_DAY_CELL: Final = re.compile(
    r"^\s*(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s*)?"
    r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s*$",
    re.IGNORECASE,
)


def _days_under_months(found: _Found, dates: Sequence[int], file: str) -> list[dict[str, Any]]:
    """Date cells that hold a day alone ("3rd", "Mon 12", "14") under a row that is a
    month and nothing else ("March 2008", across the table or alone in its first or date
    cell), or in a table under a month's heading: each is that day of the month, written into ``found.raw`` as "3rd March 2008",
    with a ``day_under_month`` warning (they were rejected: a day with no month or year).
    A day with no month above stays as it is (and is rejected with the reason)."""
    if not dates:
        return []
    raw, date = found.raw, dates[0]
    first = len(raw) - len(found.table.rows)  # the table's rows are last in raw
    # each heading row: its month, or None for another heading (a year, "Period 2: ...")
    months: dict[int, str | None] = {
        first + row - 1: _month_heading(text) for row, text in found.table.sections
    }
    cells = raw.iloc[found.info.data_start :]
    texts = cells.fillna("").astype(str).to_numpy(dtype=str)
    alone = (np.char.str_len(np.char.strip(texts)) > 0).sum(axis=1) == 1
    for pos in np.flatnonzero(alone).tolist():
        text = " ".join(texts[pos][texts[pos] != ""][0].split())
        if _period_heading(text, across=True) is not None:
            months[found.info.data_start + pos] = _month_heading(text)
    # a month's heading over the table ("March 2007", then a table whose "Day" column
    # holds "12", "19th"): the month of its first rows
    month = next(
        (m for t in _title_lines(found.table.titles) if (m := _month_heading(t)) is not None), None
    )
    if not any(months.values()) and month is None:
        return []
    moved: list[int] = []
    for at in range(found.info.data_start, len(raw)):
        if at in months:
            month = months[at]
            continue
        cell = raw.iat[at, date]
        if month is not None and isinstance(cell, str) and _DAY_CELL.match(cell):
            raw.iat[at, date] = f"{' '.join(cell.split())} {month}"
            moved.append(at + found.offset + 1)
    if not moved:
        return []
    sheet = found.table.sheet
    return [
        _warning(
            "day_under_month",
            f"{sheet}: {len(moved)} date cell(s) holding a day alone (row(s) "
            f"{', '.join(map(str, moved))}) were dated in the month of the row or heading above them",
            file,
            sheet,
            moved[0],
        )
    ]


#: A line within a details cell that opens with a whole date (day, month and year), after
#: a bullet or dash perhaps: "07/06/2008 - s47 joint visit", "9 June 2008: medical".
_DATED_LINE: Final = re.compile(
    r"(?:\n|[.;!?]\s+)[ \t•▪·*–-]*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4})"
)


_ENTRY_PIECES: Final = re.compile(r"\n|(?<=[.;!?])\s+(?=\d)")


def _other_days_in_cells(
    chron: Chronology, sheet: str, file: str, *, dayfirst: bool = True
) -> list[dict[str, Any]]:
    """An ``entries_in_one_cell`` warning for each row whose details hold, on a line of
    their own or opening a sentence, an entry of another day than the row's ("06/06/2008 | Strategy
    discussion...", then "07/06/2008 - s47 joint visit, Child A seen alone." in the same
    cell, as an author summing up a week writes it): the row is one event, on its own
    date, so the other day's entry is dated wrongly (a rule timing the visit from the
    strategy discussion finds it on the same day). Give each entry a row of its own."""
    events = chron.events
    if events.empty or S.DETAILS not in events.columns:
        return []
    details = events[S.DETAILS].astype("string")
    hit = details.str.contains(_DATED_LINE, na=False)
    out = []
    picked = events.loc[hit.to_numpy(), [S.START, S.END, S.SOURCE_ROW, S.DETAILS]]
    for start, end, row, text in picked.itertuples(index=False):  # few: such cells
        # a line, or a sentence, opening with a date ("HV visit. 14/03/07 phone call ...")
        for line in _ENTRY_PIECES.split(str(text))[1:]:
            split = split_date_prefix(line)
            if split is None or not split[2]:
                continue
            try:
                first, last, _precision = parse_date(split[0], dayfirst=dayfirst)
            except DateParseError:
                continue
            if pd.notna(start) and (last < start or first > end):
                out.append(
                    _warning(
                        "entries_in_one_cell",
                        f"{sheet} row {int(row)}: its details hold an entry of another day "
                        f"({line.strip()[:60]!r}), read as part of the row's event on "
                        f"{start:%d/%m/%Y}: give that entry a row of its own to date it",
                        file,
                        sheet,
                        int(row),
                    )
                )
                break
    return out


def _dated_text_note(sheet: str, split: tuple[pd.DataFrame, str, str], file: str) -> dict[str, Any]:
    """The warning for a table whose cells hold each entry's date and text together."""
    _raw, heading, added = split
    said = "the rest as its details" if added == "Details" else "the rest kept as its text"
    return _warning(
        "date_in_text",
        f"{sheet}: the cells of column {heading!r} hold each entry's date followed by its "
        f"text: the date was read from the start of each cell, {said}",
        file,
        sheet,
    )


def check_file(path: Path) -> None:
    """Raise the reader's error for a file that does not exist, is empty or is larger than
    :data:`scr_timeline.limits.MAX_FILE_BYTES`."""
    if not path.exists():
        raise ChronologyReadError("no such file", file=str(path))
    if path.stat().st_size == 0:
        raise EmptyChronologyError("the file is empty", file=path.name)
    limits.check_file_size(path)


def _email_paragraphs(
    paragraphs: Sequence[Paragraph], file: str
) -> tuple[pd.DataFrame, int, dict[str, Any]] | None:
    """:func:`.text.email_thread` over a Word document's paragraphs (an email thread pasted
    into Word, its header's lines paragraphs or lines of one), each email on the number of
    the paragraph holding its "From:". None for a PDF's (numbered by page)."""
    if not paragraphs or any(p.sheet is not None for p in paragraphs):
        return None
    lines: list[str] = []
    numbers: list[int] = []
    for para in paragraphs:
        for line in para.text.split("\n"):
            lines.append(line)
            numbers.append(para.number)
    return email_thread("\n".join(lines), file, numbers)


def _split_at_dated_lines(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """The paragraphs, each that holds entries on lines of their own (typed with line
    breaks, Shift+Enter, rather than as paragraphs: "12/03/2007 - HV visit", then on the
    next line "14/03/2007 - GP appointment") split at each line that starts with a date.
    The pieces of paragraph N are numbered by their first line within it, under ``sheet``
    "paragraph N" ("page P paragraph N" in a PDF): where a person finds them."""
    out: list[Paragraph] = []
    for para in paragraphs:
        lines = para.text.split("\n")
        starts = [
            i
            for i, line in enumerate(lines)
            if i
            and split_date_prefix(line.strip()) is not None
            # (not in the middle of a sentence: "... submitted on" / "21 March 2007 ...")
            and _LEADS_ON.search(lines[i - 1].rstrip()) is None
        ]
        if para.heading or not starts:
            out.append(para)
            continue
        sheet = (
            f"{para.sheet} paragraph {para.number}" if para.sheet else f"paragraph {para.number}"
        )
        for begin, end in zip([0, *starts], [*starts, len(lines)], strict=True):
            text = "\n".join(lines[begin:end]).strip()
            if text:
                out.append(dataclasses.replace(para, text=text, number=begin + 1, sheet=sheet))
    return out


def read_parts(
    parts: DocumentParts,
    reread_struck: Callable[[], DocumentParts],
    struck_message: Callable[[list[dict[str, Any]]], str],
    *,
    source: Path,
    fmt: str,
    **options: Any,
) -> Chronology:
    """A document's chronology from what its reader took out (see
    :func:`read_tables_or_narrative`), with struck-through text left out; or, when nothing
    is left without it and there is struck text, the document read again with it
    (``reread_struck``): struck through throughout, as Excel reads a sheet struck through
    throughout, its formatting and not entries deleted. A ``struck_text`` warning then says
    so, in the words ``struck_message`` makes of the struck-text notes."""
    tables, paragraphs, _title, notes, deleted, late_notes = parts
    try:
        return read_tables_or_narrative(
            tables,
            paragraphs,
            source=source,
            fmt=fmt,
            notes=notes,
            deleted=deleted,
            late_notes=late_notes,
            **options,
        )
    except MissingColumnError:
        struck = [n for n in late_notes(set()) if n[S.CODE] == "struck_text"]
        if not struck:
            raise
    tables, paragraphs, _title, notes, deleted, _late = reread_struck()
    said = _warning("struck_text", struck_message(struck), source.name, None)
    return read_tables_or_narrative(
        tables, paragraphs, source=source, fmt=fmt, notes=[*notes, said], deleted=deleted, **options
    )


def read_tables_or_narrative(
    tables: Sequence[DocumentTable],
    paragraphs: Sequence[Paragraph],
    *,
    source: Path,
    fmt: str,
    notes: Sequence[dict[str, Any]] = (),
    deleted: Sequence[tuple[Paragraph, str]] = (),
    late_notes: LateNotes | None = None,
    **options: Any,
) -> Chronology:
    """A document's chronology tables, else its dated paragraphs (the narrative).

    Parameters
    ----------
    tables, paragraphs
        What the document reader took out of the file.
    source
        The file.
    fmt
        The format recorded in ``meta.sources``.
    notes
        Warnings the reader found already (pages without text).
    deleted
        Paragraphs opening with a date but struck through throughout (an entry its author
        deleted, left visible: the paragraph holds the struck text) or blacked out
        throughout, with their reason code (``struck_through``, ``redacted``): rejected
        rows (sheet ``paragraph`` unless the paragraph names one), as Excel's struck rows.
    late_notes
        The warnings about text struck through or blacked out, given the rows (sheet,
        row) read as rejected rows struck or blacked out throughout: not named again.
    **options
        Passed to :func:`scr_timeline.parse_table`.

    Raises
    ------
    MissingColumnError
        No table holds a chronology and no paragraph starts with a date; the error says
        what each table held.
    """
    found = list(notes)
    program = "the PDF" if fmt == "pdf" else "Word"
    tables, restored, struck = _struck_as_formatting(
        tables, source.name, program, options.get("columns")
    )
    found.extend(struck)
    tables = _typed_notes(tables, paragraphs)
    chron, more, errors = parse_document_tables(tables, source=source, fmt=fmt, **options)
    found.extend(more)
    if chron is not None:
        found.extend(dated_outside_tables(paragraphs, source.name))
        chron = with_deleted(chron, _paragraphs_deleted(deleted, source.name, program))
        return with_warnings(chron, [*found, *_late(chron, late_notes, restored)])
    if tables and options.get("child_dob") is None:
        # the details table a narrative report opens with ("Date of birth:" | "01/02/2006")
        opening: list[tuple[str | None, FormField]] = [
            (tables[0].sheet, f) for f in form_fields(_frame(tables[0].rows, tables[0].width))
        ]
        dob, told_dob = child_dob_from_forms(opening, file=source.name)
        found.extend(told_dob)
        if dob is not None:
            options = {**options, "child_dob": dob}
    try:
        chron = parse_paragraphs(
            _split_at_dated_lines(paragraphs), source=source, sheet="paragraph", fmt=fmt, **options
        )
    except EmptyChronologyError as err:
        emails = _email_paragraphs(paragraphs, source.name)
        if emails is not None:  # an email thread pasted into Word
            raw, offset, note = emails
            chron = parse_table(
                raw, source=source, sheet="paragraph", row_offset=offset, fmt=fmt, **options
            )
            return with_warnings(chron, [*found, note])
        held = f"{len(tables)} table(s) but none with a chronology header" if tables else "no table"
        raise MissingColumnError(
            f"the document holds {held}, and no paragraph starts with a date",
            file=source.name,
            found="; ".join(str(e) for e in errors) or None,
            expected="a table with a header row that includes a date column, or "
            "paragraphs that open with their date ('On 14 July 1999 ...')",
        ) from err
    found.append(
        _warning(
            "narrative_read",
            "no chronology table"
            + (f" among the {len(tables)} table(s)" if tables else "")
            + ": the paragraphs that start with a date were read as events",
            source.name,
            None,
        )
    )
    chron = with_deleted(chron, _paragraphs_deleted(deleted, source.name, program))
    return with_warnings(chron, [*found, *_late(chron, late_notes, restored)])


def _typed_notes(
    tables: Sequence[DocumentTable], paragraphs: Sequence[Paragraph]
) -> list[DocumentTable]:
    """``tables`` with the notes typed in a list under the document's text ("Notes", then
    "[1] The officer's body-worn video was not retained.") added to the cells that mark
    them ("PC1 attended.[1]"), as a footnote of Word's is (``notes``): they were not read,
    the text outside tables being the report's. Only when every note's mark is in a cell
    (not at its start); the cells are searched once, for all the marks."""
    _start, listed = trailing_notes(paragraphs)
    if not listed or not tables:
        return list(tables)
    marks = {mark: note for mark, note in listed}
    pattern = re.compile("|".join(f"(?:{note_reference(mark).pattern})" for mark in marks))
    held: dict[str, tuple[int, int, int]] = {}  # mark: (table, row, column)
    for t, table in enumerate(tables):
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                for found in pattern.finditer(cell or ""):
                    if found.start() > 0:
                        held.setdefault(found.group(), (t, r, c))
    if set(held) != set(marks):  # a note no cell marks: not sure these are notes
        return list(tables)
    added: dict[int, list[tuple[int, int, str]]] = {}
    for mark, (t, r, c) in held.items():
        added.setdefault(t, []).append((r, c, f"[footnote: {marks[mark]}]"))
    return [
        dataclasses.replace(table, notes=(*table.notes, *added[t])) if t in added else table
        for t, table in enumerate(tables)
    ]


def _late(
    chron: Chronology,
    late_notes: LateNotes | None,
    restored: AbstractSet[tuple[str | None, int]] = frozenset(),
) -> list[dict[str, Any]]:
    """The reader's warnings about struck or blacked-out text, given the rows of ``chron``
    rejected as struck through or blacked out throughout and those ``restored`` (the rows
    of a table struck through throughout, read as formatting)."""
    if late_notes is None:
        return []
    rejected = chron.rejected
    gone = rejected[rejected[S.REASON_CODE].isin(list(DELETED_REASONS))]
    rows = set(zip(gone[S.SOURCE_SHEET], gone[S.SOURCE_ROW].astype(int), strict=True))
    return late_notes(rows | set(restored))


def _paragraphs_deleted(
    deleted: Sequence[tuple[Paragraph, str]], file: str, program: str
) -> pd.DataFrame | None:
    """Dated paragraphs struck through or blacked out throughout as rejected rows: the
    date text and the rest (a struck paragraph's; none of a blacked-out one's)."""
    out = []
    for sheet in dict.fromkeys(para.sheet or "paragraph" for para, _why in deleted):
        rows: list[tuple[int, str, Sequence[Cell]]] = []
        for para, why in deleted:
            if (para.sheet or "paragraph") != sheet:
                continue
            split = split_date_prefix(para.text) if why == "struck_through" else None
            if split is None:
                rows.append((para.number, why, (None, None)))
                continue
            date, time, rest = split
            rows.append((para.number, why, (date, f"{time} {rest}" if time else rest)))
        out.append(
            deleted_rejected(
                rows,
                file=file,
                sheet=sheet,
                what="word of the paragraph",
                program=program,
                date=0,
                details=1,
            )
        )
    found = [frame for frame in out if frame is not None]
    return pd.concat(found, ignore_index=True) if found else None
