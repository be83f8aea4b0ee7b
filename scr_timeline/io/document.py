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

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, Final

import numpy as np
import pandas as pd

from .. import limits
from .. import schema as S
from ..chronology import Chronology, merge
from ..classify.agencies import agency_from_name
from ..dates import PreviousDate, parse_date_arrays
from ..exceptions import (
    ChronologyReadError,
    EmptyChronologyError,
    MissingColumnError,
    ScrTimelineError,
)
from .headers import HeaderInfo, find_header
from .table import _warning, classify_chronology, parse_table
from .text import Paragraph, parse_paragraphs, split_date_prefix, with_warnings

__all__ = [
    "AGENCY_FIELD",
    "AGENCY_LABEL",
    "DocumentTable",
    "check_file",
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
    """

    sheet: str
    rows: list[list[Cell]]
    titles: tuple[str, ...] = ()
    sections: tuple[tuple[int, str], ...] = field(default=())
    follows: bool = False
    notes: tuple[tuple[int, int, str], ...] = ()

    @property
    def width(self) -> int:
        """Number of grid columns."""
        return max((len(r) for r in self.rows), default=0)


def _frame(rows: Sequence[Sequence[Cell]], width: int) -> pd.DataFrame:
    return pd.DataFrame([list(r) + [None] * (width - len(r)) for r in rows], dtype=object)


#: Fields that a row broken by a page never carries on the next page: its date and who
#: wrote it are at its start (on the page before).
_ROW_START_FIELDS: Final = frozenset(
    {S.DATE, S.END_DATE, S.TIME, S.SEQUENCE, S.AGENCY, S.SOURCE, S.PRACTITIONER}
)


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


def _skipped(table: DocumentTable, err: ScrTimelineError, file: str) -> dict[str, Any]:
    return _warning("table_skipped", f"{table.sheet} skipped: {err.message}", file, table.sheet)


def _filled(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _join_broken_row(before: _Found, after: _Found, file: str) -> dict[str, Any] | None:
    """Join the first row of ``after`` to the last row of ``before`` when it is that row's
    end, broken by the page: a row with text but no date, time, agency or practitioner,
    at the top of a table that carries on the one before (nothing between them but the
    page break). Its cells are added to the row above, cell by cell, and blanked (so the
    row is no event of its own); the warning says which rows were joined.
    """
    first, last = after.info.data_start, len(before.raw) - 1
    if first >= len(after.raw) or last < before.info.data_start:
        return None
    tail, head = after.raw.iloc[first].tolist(), before.raw.iloc[last].tolist()
    starts = [pos for pos, fld in after.info.mapping.items() if fld in _ROW_START_FIELDS]
    if any(_filled(tail[pos]) for pos in starts):
        return None
    if not any(map(_filled, tail)) or not any(map(_filled, head)):
        return None
    for pos, text in enumerate(tail):
        if _filled(text):
            before.raw.iat[last, pos] = f"{head[pos]} {text}" if _filled(head[pos]) else text
    after.raw.iloc[first] = None
    return _warning(
        "row_continued",
        f"{after.table.sheet} row {first + after.offset + 1} has no date: it is the end of "
        f"{before.table.sheet} row {last + before.offset + 1}, broken by the page, and was "
        "joined to it",
        file,
        after.table.sheet,
        first + after.offset + 1,
    )


#: A form field naming the agency, in a paragraph or line ("Agency: Metropolitan Police")
#: or as a form's label cell ("Agency:" | "Metropolitan Police"), as agency chronology
#: templates open with: the agency of the tables after it, after their nearer titles.
_AGENCY_KEY: Final = r"(?:name\s+of\s+)?(?:your\s+)?(?:agency|organi[sz]ation)(?:\s+name)?"
AGENCY_FIELD: Final = re.compile(rf"^{_AGENCY_KEY}\s*:\s*(\S.{{0,120}})$", re.IGNORECASE)
AGENCY_LABEL: Final = re.compile(rf"^{_AGENCY_KEY}\s*:?$", re.IGNORECASE)


#: Headings of a document control table (the versions of the report: "Version | Date |
#: Author | Changes"), which has a date column but holds no chronology.
_CONTROL_HEADING: Final = re.compile(
    r"^(?:document\s+)?(?:version|revision|rev\.?|draft)(?:\s*(?:no\.?|number|#))?$",
    re.IGNORECASE,
)


def _not_document_control(info: HeaderInfo, sheet: str, file: str) -> None:
    """Raise MissingColumnError for a document control table (a column headed "Version"
    or "Revision" with nothing mapped to it): its dates are drafts of the report, not
    events."""
    heading = next(
        (
            h
            for pos, h in enumerate(info.headings)
            if pos not in info.mapping and _CONTROL_HEADING.match(h.strip())
        ),
        None,
    )
    if heading is not None:
        raise MissingColumnError(
            f"a document control table (column {heading!r}): its dates are versions of the "
            "report, not events",
            file=file,
            sheet=sheet,
        )


#: Fields whose cell a note must not be added to: the text there is read as a date, a
#: time or a reference number.
_PLAIN_FIELDS: Final = frozenset({S.DATE, S.END_DATE, S.TIME, S.SEQUENCE})


def _add_notes(found: _Found, file: str) -> list[dict[str, Any]]:
    """Add the table's notes (footnotes) to the text of their rows in ``found.raw``: to
    their cell, or to the row's details when the cell is a date, time or reference (else
    the first column no such field takes). A note on a header or empty row is a warning."""
    out: list[dict[str, Any]] = []
    mapping = found.info.mapping
    fields = {fld: pos for pos, fld in sorted(mapping.items(), reverse=True)}
    spare = next((pos for pos in range(found.raw.shape[1]) if pos not in mapping), None)
    into = fields.get(S.DETAILS, fields.get(S.OUTCOME, spare))
    for index, column, text in found.table.notes:
        at = index - found.offset  # the row in raw
        row = index + 1
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


def _starts_with_dates(rows: Sequence[Sequence[Cell]], dates: Sequence[int]) -> bool:
    """Whether most of the rows that hold text have a date in the first of the ``dates``
    columns: a table without a header of its own that carries on a chronology (after a
    heading or a note, not only after a page break), not a key or a form."""
    if not dates:
        return False
    column = dates[0]
    filled = [r for r in rows if any(map(_filled, r))]
    dated = sum(
        column < len(r) and _filled(r[column]) and split_date_prefix(str(r[column])) is not None
        for r in filled
    )
    return dated > 0 and 2 * dated >= len(filled)


#: A banner row naming an agency is short ("Metropolitan Police", "GP records").
_MAX_BANNER: Final = 60


def _banner_rows(raw: pd.DataFrame, start: int, offset: int) -> tuple[tuple[int, str], ...]:
    """Rows of the body that hold nothing but an agency's name in their first cell
    ("POLICE", "Health Visiting"), typed there rather than merged across the table:
    banners like a full-width section row. They are blanked in ``raw`` (not data rows) and
    returned as (row number in the table, text)."""
    body = raw.iloc[start:]
    if body.empty:
        return ()
    texts = body.fillna("").to_numpy(dtype=str)
    filled = np.char.str_len(np.char.strip(texts)) > 0
    one = np.flatnonzero((filled.sum(axis=1) == 1) & filled[:, 0])
    found = []
    for pos in map(int, one):
        text = " ".join(str(body.iat[pos, 0]).split())
        if (
            len(text) <= _MAX_BANNER
            and split_date_prefix(text) is None
            and agency_from_name(text) is not None
        ):
            raw.iloc[start + pos] = None
            found.append((start + pos + offset + 1, text))
    return tuple(found)


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
    if under.all():  # the table's "no agency" warning no longer holds
        warnings = warnings[~unnamed].reset_index(drop=True)
    return Chronology(events, chron.rejected, warnings, chron.meta)


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
    chrons: list[Chronology] = []
    notes: list[dict[str, Any]] = []
    errors: list[ScrTimelineError] = []
    # the last table with a header: its header rows, titles and date columns
    previous: tuple[DocumentTable, list[list[Cell]], tuple[str, ...], tuple[int, ...]] | None
    previous = None
    found_tables: list[_Found] = []

    parsed: dict[int, Chronology] = {}  # by table number

    banner: dict[int, tuple[str, str] | None] = {}  # last agency banner, by table number

    def parse(found: _Found) -> None:
        table = found.table
        before = parsed.get(found.number - 1) if found.continues else None
        try:
            chron = parse_table(
                found.raw,
                source=source,
                sheet=table.sheet,
                row_offset=found.offset,
                fmt=fmt,
                previous_date=_last_date(before) if before is not None else None,
                **{**options, "classify": False},
            )
        except (MissingColumnError, EmptyChronologyError) as err:
            errors.append(err)
            notes.append(_skipped(table, err, file))
            return
        sections = sorted([*table.sections, *found.banners])
        named = [(row, agency_from_name(text), text) for row, text in sections]
        banners = [(row, code, text) for row, code, text in named if code is not None]
        carried = banner.get(found.number - 1) if found.continues else None
        if S.AGENCY not in found.info.mapping.values():
            chron = _with_banner_agencies(
                chron, banners, carried, table.sheet, several=len(banner_agencies) > 1
            )
        banner[found.number] = (banners[-1][1], banners[-1][2]) if banners else carried
        chrons.append(chron)
        parsed[found.number] = chron
        notes.extend(
            _warning(
                "section_row",
                f"row spanning the whole table read as a section heading, not an event: {text!r}"
                + (f" (it names the agency of the rows below it: {code})" if code else ""),
                file,
                table.sheet,
                row,
            )
            for row, code, text in named
        )

    for number, table in enumerate(tables):
        width = table.width
        continues = (
            table.follows and previous is not None and previous[0].width == width and width > 0
        )
        titles = table.titles
        if not titles and continues and previous is not None:
            titles = previous[2]
        head = [[line] + [None] * (width - 1) for line in titles]
        raw = _frame(head + table.rows, width)
        offset = -len(head)
        try:
            try:
                info = find_header(raw, columns=columns)
            except MissingColumnError:
                if previous is None or previous[0].width != width or width == 0:
                    raise
                if not continues and not _starts_with_dates(table.rows, previous[3]):
                    raise
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
            _not_document_control(info, table.sheet, file)
        except (MissingColumnError, EmptyChronologyError) as err:
            errors.append(err)
            notes.append(_skipped(table, err, file))
            continue
        found = _Found(number, table, raw, offset, info, continues)
        if table.notes:
            notes.extend(_add_notes(found, file))
        found = dataclasses.replace(found, banners=_banner_rows(raw, info.data_start, offset))
        before = found_tables[-1] if found_tables else None
        if continues and before is not None and before.number == number - 1:
            note = _join_broken_row(before, found, file)  # before it is parsed
            if note is not None:
                notes.append(note)
        found_tables.append(found)
        dates = tuple(pos for pos, fld in info.mapping.items() if fld == S.DATE)
        previous = (table, [list(raw.iloc[pos]) for pos in info.header_rows], titles, dates)
    banner_agencies = {
        code
        for f in found_tables
        for _row, text in (*f.table.sections, *f.banners)
        if (code := agency_from_name(text)) is not None
    }
    if options.get("dayfirst") is None and len(found_tables) > 1:
        options["dayfirst"], decided = _decide_dayfirst(found_tables, file)
        notes.extend(decided)
    for found in found_tables:
        parse(found)
    if not chrons:
        return None, notes, errors
    chron = merge(chrons) if len(chrons) > 1 else chrons[0]
    if classify:
        chron = classify_chronology(
            chron, vocabularies=options.get("vocabularies"), duplicates=len(chrons) > 1
        )
    return chron, notes, errors


def check_file(path: Path) -> None:
    """Raise the reader's error for a file that does not exist, is empty or is larger than
    :data:`scr_timeline.limits.MAX_FILE_BYTES`."""
    if not path.exists():
        raise ChronologyReadError("no such file", file=str(path))
    if path.stat().st_size == 0:
        raise EmptyChronologyError("the file is empty", file=path.name)
    limits.check_file_size(path)


#: How much of a paragraph a warning quotes.
_EXCERPT: Final = 80


def _dated_outside_tables(paragraphs: Sequence[Paragraph], file: str) -> list[dict[str, Any]]:
    """A warning for each paragraph outside the tables that starts with a date: a document
    read from its tables does not read them, and they may be events the tables miss."""
    out = []
    for par in paragraphs:
        if par.heading or split_date_prefix(par.text) is None:
            continue
        text = " ".join(par.text.split())
        if len(text) > _EXCERPT:
            text = text[: _EXCERPT - 1].rstrip() + "…"
        out.append(
            _warning(
                "text_outside_tables",
                f"a paragraph outside the chronology tables starts with a date and was not "
                f"read as an event: {text!r}",
                file,
                par.sheet or "paragraph",
                par.number,
            )
        )
    return out


def read_tables_or_narrative(
    tables: Sequence[DocumentTable],
    paragraphs: Sequence[Paragraph],
    *,
    source: Path,
    fmt: str,
    notes: Sequence[dict[str, Any]] = (),
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
    **options
        Passed to :func:`scr_timeline.parse_table`.

    Raises
    ------
    MissingColumnError
        No table holds a chronology and no paragraph starts with a date; the error says
        what each table held.
    """
    found = list(notes)
    chron, more, errors = parse_document_tables(tables, source=source, fmt=fmt, **options)
    found.extend(more)
    if chron is not None:
        found.extend(_dated_outside_tables(paragraphs, source.name))
        return with_warnings(chron, found)
    try:
        chron = parse_paragraphs(paragraphs, source=source, sheet="paragraph", fmt=fmt, **options)
    except EmptyChronologyError as err:
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
    return with_warnings(chron, found)
