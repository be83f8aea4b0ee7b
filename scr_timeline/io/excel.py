"""Excel chronologies (.xlsx, .xlsm, .xls, .ods): every sheet, through python-calamine.

openpyxl is the fallback for workbooks calamine cannot open. Merged cells, as in Word and
PDF tables: a cell merged down carries its value into every row it spans (a date merged
over the events of one day dates each of them; an agency merged over its block of rows
names the agency of each); a cell merged across is read once, in its first column (the
header finder reads a merged heading forward); a row below the header that is one cell
merged across the whole sheet ("2007", "Period 2: March - June 2007") is a section
heading, reported as a ``section_row`` warning, not an event. (The openpyxl fallback reads
values only: there, merged cells are the value in their top-left cell.) An error cell
("#REF!") and a formula whose value was never saved are read as their text, with a
warning, in rows that hold something else. A row whose every written cell is struck
through is a rejected row (``struck_through``): an entry its author deleted.

What the cells' formats and formulas say is read too: a date formatted to show the month
or year is that month or year when it is what Excel makes of one typed (the 1st), else the
day typed (``day_hidden_by_format``); a time typed "14.30" that Excel kept as the number
14.3 is 14:30 (``time_as_number``); a time a date cell holds but does not show gives way
to the Time column's (``time_hidden_by_format``); an Excel table's totals row and the rows
Data > Subtotal adds ("2007 Total") are not events (``footer_row``, ``subtotal_row``).
A sheet is read to its last row holding something (a space typed at its foot does not
make it a million rows long).

What systems' "Export to Excel" writes under an Excel name is read too: delimited text (as
CSV), a web page (its tables, through :mod:`html.parser`) and an Excel 2003 XML workbook
(SpreadsheetML, through :mod:`xml.etree.ElementTree`).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import posixpath
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Final, cast
from xml.etree import ElementTree

import numpy as np
import numpy.typing as npt
import pandas as pd

from .. import limits
from .. import schema as S
from .._prebuilt import regex
from ..chronology import Chronology, merge
from ..exceptions import (
    ChronologyReadError,
    EmptyChronologyError,
    InputLimitError,
    MissingColumnError,
    ScrTimelineError,
)
from .csv import (
    _agency_banners,
    _agency_grid,
    _column_letters,
    _headed_table,
    _over_a_header,
    _read_grid,
    agencies_from_banners,
    blank_footer_rows,
    blank_section_rows,
    blank_template_rows,
    child_dob_from_column,
    child_dob_from_forms,
    fill_cells,
    markup_as_text,
    mojibake_as_text,
    mojibake_at_top,
    rejected_rows,
    restore_carried,
    with_rejected,
    with_typed_banners,
)
from .headers import FormField, HeaderInfo, find_header, form_fields, year_rows
from .table import (
    _NARRATIVE_FIELDS,
    ROW_START_FIELDS,
    _as_location_error,
    _cell_text,
    _warning,
    classify_chronology,
    parse_table,
    with_warnings,
)

__all__ = ["read_excel", "read_excel_sheets"]

EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})


#: Sheet names of the pages a template or its author adds around the chronology: guidance
#: (whose example rows would read as events dated years off), keys, lists behind drop-downs.
_NOT_A_CHRONOLOGY = regex(
    r"(?:instructions?|guidance(?: notes?)?|guide(?:lines)?|how to\b.*|help|read ?me"
    r"|notes? (?:for|on) complet\w*|completion notes|examples?(?: chronology| sheet| rows?"
    r"| entr(?:y|ies))?|key|key to abbreviations|abbreviations?|glossary|contents|cover"
    r"(?: sheet| page)?|genogram|lists?|look ?ups?|drop ?downs?(?: lists?)?"
    r"|(?:data )?validation(?: lists?)?"
    # the review's own pages: an index of the agencies' returns, its document control
    r"|index|(?:returns? )?tracker|(?:document|version|change|revision) (?:control|history|log)"
    r"|change log|sign ?off|distribution(?: list)?"
    # and its other pages: the panel's questions to the agencies, the family's members
    r"|terms of reference|(?:panel )?(?:questions?|quer(?:y|ies))(?: for agencies)?"
    r"|family (?:members|composition|details|tree)|pivot(?: tables?)?|charts?"
    # and what the review draws from the chronology: its action plan, its learning (dated
    # by when an action is due, not events of the child's life)
    r"|(?:(?:single |multi )?agency |smart |review )?action ?plans?|actions?(?: log| tracker)?"
    r"|recommendations?|learning(?: points| log)?|lessons? learn[et]d?|key (?:findings|learning)"
    r"|findings)",
    re.IGNORECASE,
)


def _first_ten(parts: list[str]) -> str:
    """The first ten of ``parts`` for a warning, with ", ..." when there are more."""
    return ", ".join(parts[:10]) + (", ..." if len(parts) > 10 else "")


def _named_not_a_chronology(name: str) -> bool:
    """True for a sheet named as guidance, a key or a list ("Instructions", "Read me")."""
    return _NOT_A_CHRONOLOGY.fullmatch(" ".join(re.sub(r"[\W_]+", " ", name).split())) is not None


#: A merged range: ((first row, first column), (last row, last column)), 0-based, inclusive.
_Range = tuple[tuple[int, int], tuple[int, int]]


@dataclass(frozen=True, slots=True)
class _Sheet:
    name: str
    rows: list[list[Any]]
    visible: bool
    merged: list[_Range] = field(default_factory=list)


def _blank_row(row: list[Any]) -> bool:
    """True for a row whose cells hold nothing or only spaces."""
    for value in row:  # a row of the table is told at its first cell, mostly
        if value is not None and value != "" and not (isinstance(value, str) and not value.strip()):
            return False
    return True


def _without_trailing_blanks(rows: Any, left: int = 0) -> list[list[Any]]:
    """The rows of a sheet up to its last one holding something, each with ``left`` blank
    cells put before it: a cell holding nothing or only spaces far below the table (a
    space typed in row 1,048,576, a template's borders to the foot of the sheet) makes the
    sheet's used range, and the grid read, a million rows long (5 s and 550 MB for a
    two-row chronology). Blank rows between rows that hold something are kept (as empty
    lists), so that row numbers hold."""
    out: list[list[Any]] = []
    blanks = 0
    pad = [None] * left
    for row in rows:
        if _blank_row(row):
            blanks += 1
            continue
        if blanks:
            out.extend([] for _ in range(blanks))
            blanks = 0
        out.append(pad + row if left else row)
    return out


def _calamine_rows(sheet: Any) -> list[list[Any]]:
    """A calamine sheet's rows from A1 (as ``to_python(skip_empty_area=False)`` gives
    them), without the blank rows under the last one holding something. ``iter_rows``
    gives each row from the sheet's first used column: the columns left of it are put
    back (and the rows above it, should a version count rows from there too)."""
    start = sheet.start or (0, 0)
    end = sheet.end or (0, 0)
    count = 0

    def rows() -> Any:
        nonlocal count
        for row in sheet.iter_rows():
            count += 1
            yield row

    out = _without_trailing_blanks(rows(), int(start[1]))
    if start[0] and count == end[0] - start[0] + 1:
        out = [[] for _ in range(int(start[0]))] + out
    return out


def _calamine_sheets(path: Path) -> list[_Sheet]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    try:
        visible = {
            m.name: str(m.visible).lower().endswith("visible") for m in workbook.sheets_metadata
        }
        out = []
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            rows = _calamine_rows(sheet)
            out.append(
                _Sheet(name, rows, visible.get(name, True), list(sheet.merged_cell_ranges or ()))
            )
        return out
    finally:
        workbook.close()


#: A character written as its code in a workbook's text ("_x000D_" for a carriage return,
#: as exports written with .NET write each line break; "_x005F_" for "_" itself).
_ESCAPED_CHARACTER: Final = regex(r"_x([0-9A-Fa-f]{4})_")


def _unescaped(value: Any) -> Any:
    """A cell's text with the characters written as codes ("_x000D_") put back, as Excel
    and calamine show them; any other value as it is."""
    if isinstance(value, str) and "_x" in value:
        return _ESCAPED_CHARACTER.sub(lambda m: chr(int(m.group(1), 16)), value)
    return value


def _openpyxl_sheets(path: Path) -> list[_Sheet]:
    """The sheets through openpyxl (values only), each cell's text unescaped (openpyxl
    leaves "Home visit._x000D_" as written)."""
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [
            _Sheet(
                ws.title,
                _without_trailing_blanks(
                    [_unescaped(v) for v in r] for r in ws.iter_rows(values_only=True)
                ),
                ws.sheet_state == "visible",
            )
            for ws in workbook.worksheets
        ]
    finally:
        workbook.close()


def read_excel_sheets(
    path: str | Path, *, engine: str = "calamine"
) -> list[tuple[str, pd.DataFrame, bool]]:
    """Every sheet of a workbook as a raw table of cells: ``(name, table, visible)``.

    Row ``i`` of a table is Excel row ``i + 1``, to the last row holding something (blank
    rows under it are left out); cells keep their Excel types (text, numbers, dates and
    times). A cell merged down holds its value in every row it spans.

    Parameters
    ----------
    engine
        ``"calamine"`` (fast, default; falls back to openpyxl if it fails) or ``"openpyxl"``.
    """
    return [(name, frame, visible) for name, frame, visible, _ in _read_sheets(path, engine)]


def _read_sheets(
    path: str | Path,
    engine: str,
    hidden_days: dict[str, list[tuple[int, int, str]]] | None = None,
) -> list[tuple[str, pd.DataFrame, bool, list[_Range]]]:
    path = Path(path)
    if not path.exists():
        raise ChronologyReadError("no such file", file=str(path))
    if path.stat().st_size == 0:
        raise EmptyChronologyError("the file is empty", file=path.name)
    limits.check_file_size(path)
    if path.suffix.lower() in {".xlsx", ".xlsm", ".xls", ".xlsb"}:
        archive = limits.check_zip_archive(path, kind="Excel workbook")
        if archive is not None:
            with archive:
                limits.check_workbook(path, archive)
    errors: list[str] = []
    sheets = None
    engines = ["openpyxl"] if engine == "openpyxl" else ["calamine", "openpyxl"]
    for name in engines:
        if name == "openpyxl" and path.suffix.lower() not in {".xlsx", ".xlsm"}:
            continue
        try:
            sheets = _calamine_sheets(path) if name == "calamine" else _openpyxl_sheets(path)
            break
        except Exception as err:  # both engines raise many types for corrupt files
            errors.append(f"{name}: {err}")
    if sheets is None:
        hint = ""
        if path.suffix.lower() in {".xlsx", ".xlsm"} and not zipfile.is_zipfile(path):
            hint = " (it is not a valid .xlsx zip archive: truncated, corrupt or encrypted)"
        if any("password" in e.lower() or "encrypt" in e.lower() for e in errors):
            hint = " (the workbook is password-protected: save an unprotected copy)"
        raise ChronologyReadError(
            f"cannot open the file as an Excel workbook{hint}; " + "; ".join(errors),
            file=path.name,
            expected="an Excel workbook (.xlsx, .xlsm, .xls)",
        )
    return _sheet_frames(path, sheets, hidden_days)


def _sheet_frames(
    path: Path,
    sheets: list[_Sheet],
    hidden_days: dict[str, list[tuple[int, int, str]]] | None = None,
) -> list[tuple[str, pd.DataFrame, bool, list[_Range]]]:
    """Each sheet's rows as a frame of cells, cells merged down carried into each row.
    ``hidden_days`` receives, per sheet, the dates whose format hides a day typed in full
    (see :func:`_show_month_year`)."""
    shown = _month_year_cells(path)
    out = []
    for sheet in sheets:
        rows = sheet.rows
        width = max((len(r) for r in rows), default=0)
        if width > limits.MAX_COLUMNS:  # count the columns that hold a value
            used = max(
                (i + 1 for r in rows for i, v in enumerate(r) if v not in (None, "")), default=0
            )
            limits.check_columns(used, file=path.name, sheet=sheet.name)
        frame = pd.DataFrame([list(r) + [None] * (width - len(r)) for r in rows], dtype=object)
        if width:
            frame = frame.map(lambda v: None if v == "" else v)
        if sheet.name in shown:
            kept = _show_month_year(frame, shown[sheet.name])
            if kept and hidden_days is not None:
                hidden_days[sheet.name] = kept
        _carry_down(frame, sheet.merged)
        out.append((sheet.name, frame, sheet.visible, sheet.merged))
    return out


# --- error cells -----------------------------------------------------------------------------
# calamine reads an error cell (#REF!, #N/A) as an empty one: the error is read from the
# sheet's XML, with the hidden rows (see :func:`_hidden_rows`).
_ERROR_TAG: Final = regex(rb'<(?:\w+:)?c\b[^>]*?\bt="e"[^>]*>')
_CELL_VALUE: Final = regex(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>|</(?:\w+:)?c>")
_CELL_REF: Final = regex(rb'\br="([A-Z]{1,3})([0-9]+)"')


#: A cell holding a formula of its own and no saved value (a program that writes formulas
#: without working them out: the value is what Excel shows once it calculates).
_UNSAVED_FORMULA: Final = regex(
    rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b[^>/]*>([^<]+)</(?:\w+:)?f>\s*"
    rb"(?:<(?:\w+:)?v>\s*</(?:\w+:)?v>|<(?:\w+:)?v\s*/>)?\s*</(?:\w+:)?c>"
)


def _cell_at(tag: bytes) -> tuple[int, int] | None:
    ref = _CELL_REF.search(tag)
    if ref is None:
        return None
    return int(ref.group(2)) - 1, limits.column_number(ref.group(1).decode()) - 1


def _error_cells(body: bytes) -> dict[tuple[int, int], str]:
    """The error each error cell of a sheet's XML holds ("#REF!", "#N/A"), and the
    formula ("=A5+1") of each cell whose value was never saved, by 0-based (row, column)."""
    out: dict[tuple[int, int], str] = {}
    for tag in _ERROR_TAG.finditer(body) if b't="e"' in body else ():
        at = _cell_at(tag.group(0))
        value = _CELL_VALUE.search(body, tag.end())
        if at is not None and value is not None and value.group(1) is not None:
            out[at] = html.unescape(value.group(1).decode("utf-8", "replace")).strip()
    for cell in _UNSAVED_FORMULA.finditer(body) if b"<f>" in body else ():
        at = _cell_at(cell.group(1))
        if at is not None and b't="str"' not in cell.group(1):  # "" is a text formula's value
            formula = html.unescape(cell.group(2).decode("utf-8", "replace")).strip()
            out[at] = "=" + formula
    return out


def _write_errors(
    frame: pd.DataFrame, errors: dict[tuple[int, int], str]
) -> dict[tuple[int, int], str]:
    """Write each error cell into ``frame`` as the error it holds ("#REF!"), so that it is
    read as any cell of text (a date cell holding one is a rejected row saying so, not an
    empty date cell; a narrative cell holding one is not silently blank), and each
    formula with no saved value as its formula; only in rows holding something else (a
    template's formulas filled down its empty rows, "#VALUE!" on a blank date, leave
    them empty). Returns the cells written."""
    at = [
        (row, column, text)
        for (row, column), text in errors.items()
        if text and row < frame.shape[0] and column < frame.shape[1]
    ]
    rows = sorted({row for row, _, _ in at})
    held = dict(zip(rows, frame.iloc[rows].notna().any(axis=1).tolist(), strict=True))
    written = {}
    for row, column, text in at:
        if held[row] and pd.isna(cast(Any, frame.iat[row, column])):
            written[(row, column)] = text
    for (row, column), text in written.items():  # after: a row of formulas alone stays empty
        frame.iat[row, column] = text
    return written


def _error_warnings(
    frame: pd.DataFrame,
    errors: dict[tuple[int, int], str],
    info: HeaderInfo,
    file: str,
    sheet: str,
) -> list[dict[str, Any]]:
    """An ``excel_error`` warning naming the error cells under the header, and a
    ``formula_not_saved`` warning naming the formulas with no saved value there."""
    found = sorted((r, c, t) for (r, c), t in errors.items() if info.data_start <= r < len(frame))

    def listed(cells: list[tuple[int, int, str]]) -> str:
        def where(row: int, column: int, text: str) -> str:
            heading = info.headings[column] if column < len(info.headings) else ""
            name = repr(heading) if heading else _column_letters(column + 1)
            return f"{text!r} in row {row + 1} ({name})"

        return _first_ten([where(*c) for c in cells])

    notes = []
    unsaved = [cell for cell in found if cell[2].startswith("=")]
    if unsaved:
        notes.append(
            _warning(
                "formula_not_saved",
                f"{len(unsaved)} cell(s) hold a formula whose value was never saved (the "
                "workbook was written by a program that does not calculate): "
                f"{listed(unsaved)}; read as the formula's text (a date cell holding one "
                "is a rejected row): open the workbook in Excel and save it again",
                file,
                sheet,
                unsaved[0][0] + 1,
            )
        )
    failed = [cell for cell in found if not cell[2].startswith("=")]
    if failed:
        notes.append(
            _warning(
                "excel_error",
                f"{len(failed)} cell(s) hold an Excel error, not a value (a formula Excel "
                "could not work out when the workbook was saved: a deleted cell or sheet, a "
                f"broken link): {listed(failed)}; read as the error's text (a date cell "
                "holding one is a rejected row)",
                file,
                sheet,
                failed[0][0] + 1,
            )
        )
    return notes


def _error_reasons(
    chron: Chronology, errors: dict[tuple[int, int], str], info: HeaderInfo
) -> Chronology:
    """``chron`` with the reason of each row rejected for a date cell holding an Excel
    error ("#N/A") or a formula never worked out saying so, and naming the cell ("cell A3
    holds the Excel error '#N/A' ..."), not asking for a date to be written another way."""
    dates = {pos for pos, fld in info.mapping.items() if fld == S.DATE}
    found = {row + 1: (column, text) for (row, column), text in errors.items() if column in dates}
    rejected = chron.rejected
    if not found or rejected.empty:
        return chron
    rows = rejected[S.SOURCE_ROW].to_numpy()
    at = np.flatnonzero(np.isin(rows, list(found)))  # the rows of such cells only
    if not len(at):
        return chron
    reasons = rejected[S.REASON].to_numpy(dtype=object).copy()
    for i in at.tolist():
        column, text = found[int(rows[i])]
        if rejected[S.VALUE].iat[i] != text:
            continue  # another table's row, or the cell was not read as the error
        cell = f"{_column_letters(column + 1)}{int(rows[i])}"
        if text.startswith("="):
            reasons[i] = (
                f"cell {cell} holds the formula {text!r}, whose value was never saved (the "
                "workbook was written by a program that does not calculate), not a date: "
                "open the workbook in Excel and save it again"
            )
        else:
            reasons[i] = (
                f"cell {cell} holds the Excel error {text!r}, not a date (a formula Excel "
                "could not work out: a deleted cell or sheet, a broken link); correct the "
                "formula or type the date"
            )
    rejected = rejected.assign(**{S.REASON: pd.Series(reasons, index=rejected.index)})
    return Chronology(chron.events, rejected, chron.warnings, chron.meta)


# --- dates shown as a month or a year -------------------------------------------------------
# Excel turns "March 2007" typed in a cell into the date 01/03/2007 shown as "Mar-07"; the
# cell's number format is all that says the day was never written. Calamine gives the date
# alone, so the formats are read from the archive: styles.xml, then the cells that use them.
_BUILTIN_MONTH_YEAR: Final = {17: "month"}  # 17 is "mmm-yy"
_NUM_FMT: Final = regex(rb"<(?:\w+:)?numFmt\b[^>]*>")
_CELL_XFS: Final = regex(rb"<(?:\w+:)?cellXfs\b.*?</(?:\w+:)?cellXfs>", re.DOTALL)
_XF: Final = regex(rb"<(?:\w+:)?xf\b[^>]*>")
_FORMAT_LITERAL: Final = regex(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')


def _format_shows(code: str) -> str | None:
    """ "month" for a date format that shows no day ("mmm-yy", "mmmm yyyy"), "year" for
    one that shows only the year ("yyyy"), else None."""
    code = _FORMAT_LITERAL.sub("", code.split(";")[0]).lower()
    if "y" not in code or "d" in code or "h" in code or "s" in code:
        return None
    return "month" if "m" in code else "year"


def _month_year_styles(archive: zipfile.ZipFile) -> dict[int, str]:
    """Cell style index -> "month" or "year", for the styles whose format hides the day."""
    try:
        styles = archive.read("xl/styles.xml")
    except KeyError:
        return {}
    shows = dict(_BUILTIN_MONTH_YEAR)
    for tag in _NUM_FMT.findall(styles):
        attrs = dict(limits._ATTRIBUTE.findall(tag))
        code = attrs.get(b"formatCode", b"").decode("utf-8", "replace")
        kind = _format_shows(html.unescape(code))
        if kind is not None and attrs.get(b"numFmtId", b"").isdigit():
            shows[int(attrs[b"numFmtId"])] = kind
    xfs = _CELL_XFS.search(styles)
    if xfs is None:
        return {}
    out: dict[int, str] = {}
    for index, tag in enumerate(_XF.findall(xfs.group(0))):
        fmt = dict(limits._ATTRIBUTE.findall(tag)).get(b"numFmtId", b"0")
        if fmt.isdigit() and int(fmt) in shows:
            out[index] = shows[int(fmt)]
    return out


#: Excel's built-in number formats that show a date and no time (14 is the short date,
#: "dd/mm/yyyy" in a UK Excel).
_BUILTIN_DATE_ONLY: Final = frozenset({14, 15, 16, 17})


def _date_only_styles(archive: zipfile.ZipFile) -> set[int]:
    """The cell styles (indices into cellXfs) whose number format shows a date and no
    time ("dd/mm/yyyy", "d mmmm yyyy", "mmm-yy")."""
    try:
        styles = archive.read("xl/styles.xml")
    except KeyError:
        return set()
    shows = set(_BUILTIN_DATE_ONLY)
    for tag in _NUM_FMT.findall(styles):
        attrs = dict(limits._ATTRIBUTE.findall(tag))
        code = html.unescape(attrs.get(b"formatCode", b"").decode("utf-8", "replace"))
        code = _FORMAT_LITERAL.sub("", code.split(";")[0]).lower()
        dated = "d" in code or "y" in code
        if dated and "h" not in code and "s" not in code and attrs.get(b"numFmtId", b"").isdigit():
            shows.add(int(attrs[b"numFmtId"]))
    xfs = _CELL_XFS.search(styles)
    if xfs is None:
        return set()
    out = set()
    for index, tag in enumerate(_XF.findall(xfs.group(0))):
        fmt = dict(limits._ATTRIBUTE.findall(tag)).get(b"numFmtId", b"0")
        if fmt.isdigit() and int(fmt) in shows:
            out.add(index)
    return out


_STYLED_CELL: Final = regex(rb'<(?:\w+:)?c\b[^>]*\bs="([0-9]+)"[^>]*>')


def _cells_showing_no_time(
    path: Path, sheet: str, cells: set[tuple[int, int]]
) -> set[tuple[int, int]]:
    """Of ``cells`` (0-based row, column) of a sheet, those whose number format shows a
    date and no time."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"} or not zipfile.is_zipfile(path):
        return set()
    try:
        with zipfile.ZipFile(path) as archive:
            styles = _date_only_styles(archive)
            member = next((m for m, n in limits._sheet_names(archive).items() if n == sheet), None)
            if not styles or member is None:
                return set()
            body = archive.read(member)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError):
        return set()
    out = set()
    for tag in _STYLED_CELL.finditer(body):
        if int(tag.group(1)) in styles and (at := _cell_at(tag.group(0))) in cells:
            out.add(cast(tuple[int, int], at))
    return out


def _times_hidden_by_format(
    path: Path, frame: pd.DataFrame, info: HeaderInfo, file: str, sheet: str
) -> list[dict[str, Any]]:
    """In a row whose Time column gives a time, drop the time a date cell holds but its
    format does not show (a timestamp pasted from a system, formatted "dd/mm/yyyy"): a
    person reading the sheet sees the date and the Time column's time, and the hidden time
    had won over the one shown (with a time_ignored warning). A ``time_hidden_by_format``
    warning names them."""
    dates = [pos for pos, fld in info.mapping.items() if fld == S.DATE]
    times = [pos for pos, fld in info.mapping.items() if fld == S.TIME]
    if len(dates) != 1 or not times or max(dates + times) >= frame.shape[1]:
        return []
    date, time = dates[0], times[0]
    candidates = {
        (row, date)
        for row in range(info.data_start, len(frame))
        if isinstance(value := frame.iat[row, date], dt.datetime)
        and value.time() != dt.time(0)
        and not pd.isna(cast(Any, frame.iat[row, time]))
    }
    if not candidates:
        return []
    hidden: list[tuple[int, str]] = []
    for row, column in sorted(_cells_showing_no_time(path, sheet, candidates)):
        value = cast(dt.datetime, frame.iat[row, column])
        frame.iat[row, column] = value.replace(hour=0, minute=0, second=0, microsecond=0)
        hidden.append((row, f"{value:%H:%M} hidden, {_cell_text(frame.iat[row, time])} read"))
    if not hidden:
        return []
    listed = _first_ten([f"row {row + 1} ({shown})" for row, shown in hidden])
    return [
        _warning(
            "time_hidden_by_format",
            f"{len(hidden)} date cell(s) hold a time their format does not show (a "
            "timestamp formatted as a date): the Time column's time was read, as the "
            f"sheet shows it, and the hidden time left out: {listed}",
            file,
            sheet,
            hidden[0][0] + 1,
        )
    ]


def _month_year_cells(path: Path) -> dict[str, list[tuple[int, int, str]]]:
    """Per sheet name, the cells (0-based row, column, "month" or "year") whose format
    shows a date without its day. Empty for a workbook that uses no such format."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"} or not zipfile.is_zipfile(path):
        return {}
    try:
        with zipfile.ZipFile(path) as archive:
            styles = _month_year_styles(archive)
            if not styles:
                return {}
            wanted = b"|".join(str(i).encode() for i in styles)
            cell = re.compile(rb'<(?:\w+:)?c\b[^>]*?\bs="(' + wanted + rb')"[^>]*>')
            ref = re.compile(rb'\br="([A-Z]{1,3})([0-9]+)"')
            out: dict[str, list[tuple[int, int, str]]] = {}
            for member, name in limits._sheet_names(archive).items():
                try:
                    body = archive.read(member)
                except KeyError:
                    continue
                cells = []
                for match in cell.finditer(body):
                    at = ref.search(match.group(0))
                    if at is not None:
                        column = limits.column_number(at.group(1).decode()) - 1
                        cells.append((int(at.group(2)) - 1, column, styles[int(match.group(1))]))
                if cells:
                    out[name] = cells
            return out
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return {}  # the reader itself reports a broken archive


_HIDDEN_ROW: Final = regex(rb'<(?:\w+:)?row\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_ROW_NUMBER: Final = regex(rb'\br="([0-9]+)"')
_FILTERED: Final = regex(rb"<(?:\w+:)?filterColumn\b")


#: Sheets up to this size (uncompressed XML, a few thousand rows) are looked through for
#: hidden rows; bigger ones only when the workbook sets a filter (reading a sheet's XML
#: again costs about a fifth of reading its cells).
_HIDDEN_SCAN_BYTES: Final = 4 * 1024 * 1024
_FILTER_NAME: Final = b"_xlnm._FilterDatabase"


_HIDDEN_COLUMNS: Final = regex(rb'<(?:\w+:)?col\b[^>]*?\bhidden="(?:1|true)"[^>]*>')
_COLUMN_SPAN: Final = regex(rb'\b(min|max)="([0-9]+)"')


def _hidden_columns(body: bytes) -> list[int]:
    """The columns a sheet's XML hides (0-based), from its ``<col min max hidden>``."""
    out: list[int] = []
    for tag in _HIDDEN_COLUMNS.finditer(body):
        span = {k: int(v) for k, v in _COLUMN_SPAN.findall(tag.group(0))}
        first = span.get(b"min", 0)
        last = min(span.get(b"max", first), first + limits.MAX_COLUMNS)
        out.extend(range(first - 1, last) if first > 0 else [])
    return out


@dataclass(frozen=True, slots=True)
class _Hidden:
    """What a sheet hides in Excel: rows and columns (0-based), whether an autofilter
    with a condition is set (hiding the rows that do not match), and the error cells and
    formulas with no saved value (their text, by (row, column))."""

    rows: list[int]
    filtered: bool
    columns: list[int] = field(default_factory=list)
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # see _error_cells
    struck: set[tuple[int, int]] = field(default_factory=set)  # cells struck through
    subtotals: set[int] = field(default_factory=set)  # rows with a SUBTOTAL formula


_FONTS: Final = regex(rb"<(?:\w+:)?fonts\b.*?</(?:\w+:)?fonts>", re.DOTALL)
_FONT: Final = regex(rb"<(?:\w+:)?font\b[^>]*?(?:/>|>.*?</(?:\w+:)?font>)", re.DOTALL)
_STRIKE: Final = regex(rb'<(?:\w+:)?strike\b(?![^>]*\bval="(?:0|false)")[^>]*>')


def _struck_styles(archive: zipfile.ZipFile) -> set[int]:
    """The cell styles (indices into cellXfs) whose font is struck through."""
    try:
        styles = archive.read("xl/styles.xml")
    except KeyError:
        return set()
    fonts = _FONTS.search(styles)
    xfs = _CELL_XFS.search(styles)
    if fonts is None or xfs is None or b"strike" not in fonts.group(0):
        return set()
    struck = {i for i, font in enumerate(_FONT.findall(fonts.group(0))) if _STRIKE.search(font)}
    out = set()
    for index, tag in enumerate(_XF.findall(xfs.group(0))):
        font = dict(limits._ATTRIBUTE.findall(tag)).get(b"fontId", b"0")
        if font.isdigit() and int(font) in struck:
            out.add(index)
    return out


_FILLS: Final = regex(rb"<(?:\w+:)?fills\b.*?</(?:\w+:)?fills>", re.DOTALL)
_FILL: Final = regex(rb"<(?:\w+:)?fill\b[^>]*?(?:/>|>.*?</(?:\w+:)?fill>)", re.DOTALL)
_SOLID: Final = regex(rb'<(?:\w+:)?patternFill\b[^>]*\bpatternType="solid"')
_FG_COLOUR: Final = regex(rb"<(?:\w+:)?fgColor\b([^>]*?)/?>")


def _fill_styles(archive: zipfile.ZipFile) -> dict[int, bytes]:
    """The cell styles (indices into cellXfs) that fill the cell with a solid colour, each
    with its colour as the workbook writes it (``rgb="FF92D050"``, ``theme="5"
    tint="0.4"``): what a reviewer's shading of rows by agency is made of."""
    try:
        styles = archive.read("xl/styles.xml")
    except KeyError:
        return {}
    fills = _FILLS.search(styles)
    xfs = _CELL_XFS.search(styles)
    if fills is None or xfs is None:
        return {}
    colours: dict[int, bytes] = {}
    for i, fill in enumerate(_FILL.findall(fills.group(0))):
        colour = _FG_COLOUR.search(fill)
        if _SOLID.search(fill) and colour is not None:
            colours[i] = b" ".join(sorted(colour.group(1).split()))
    out = {}
    for index, tag in enumerate(_XF.findall(xfs.group(0))):
        fill_id = dict(limits._ATTRIBUTE.findall(tag)).get(b"fillId", b"0")
        if fill_id.isdigit() and int(fill_id) in colours:
            out[index] = colours[int(fill_id)]
    return out


def _filled_cells(body: bytes, styles: dict[int, bytes]) -> dict[tuple[int, int], bytes]:
    """The cells (0-based row, column) of a sheet's XML filled with a colour, and the
    colour (see :func:`_fill_styles`)."""
    if not styles:
        return {}
    out = {}
    for tag in _STYLED_CELL.finditer(body):
        colour = styles.get(int(tag.group(1)))
        if colour is not None and (at := _cell_at(tag.group(0))) is not None:
            out[at] = colour
    return out


def _sheet_fills(path: Path) -> dict[str, dict[tuple[int, int], bytes]]:
    """Per sheet name, its cells filled with a colour (:func:`_filled_cells`); read only
    for a workbook with a table that has no agency column, sheets of up to about 4 MB of
    XML."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"} or not zipfile.is_zipfile(path):
        return {}
    out: dict[str, dict[tuple[int, int], bytes]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            paint = _fill_styles(archive)
            if not paint:
                return {}
            for member, name in limits._sheet_names(archive).items():
                try:
                    if archive.getinfo(member).file_size > _HIDDEN_SCAN_BYTES:
                        continue
                    fills = _filled_cells(archive.read(member), paint)
                except KeyError:
                    continue
                if fills:
                    out[name] = fills
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return {}
    return out


_COMMENT: Final = regex(
    rb'<(?:\w+:)?comment\b[^>]*\bref="([A-Z]+[0-9]+)"[^>]*>(.*?)</(?:\w+:)?comment>', re.DOTALL
)
_COMMENT_TEXT: Final = regex(rb"<(?:\w+:)?t\b[^>]*>(.*?)</(?:\w+:)?t>", re.DOTALL)
_COMMENT_SHOWN: Final = 5  # comments quoted in a warning
_COMMENT_CHARS: Final = 80  # characters of each


def _sheet_parts(
    archive: zipfile.ZipFile, members: set[str], kind: bytes
) -> Iterator[tuple[str, str]]:
    """(sheet name, archive member) of each part of a relationship ``kind`` (its Type ends
    so: ``b"/comments"``, ``b"/table"``) that a worksheet's relationships name and the
    archive holds, sheet by sheet."""
    for member, name in limits._sheet_names(archive).items():
        folder, _, leaf = member.rpartition("/")
        rels = f"{folder}/_rels/{leaf}.rels"
        if rels not in members:
            continue
        for tag in limits._RELATIONSHIP.findall(archive.read(rels)):
            attrs = dict(limits._ATTRIBUTE.findall(tag))
            if not attrs.get(b"Type", b"").endswith(kind):
                continue
            target = attrs.get(b"Target", b"").decode("utf-8", "replace")
            part = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(folder, target))
            )
            if part in members:
                yield name, part


def _sheet_comments(path: Path) -> dict[str, list[tuple[str, int, str]]]:
    """Per sheet name, the comments (Excel's notes) on its cells: (cell, 0-based row,
    text), in the order the workbook keeps them."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"} or not zipfile.is_zipfile(path):
        return {}
    out: dict[str, list[tuple[str, int, str]]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            members = set(archive.namelist())
            if not any("comment" in m.rsplit("/", 1)[-1].lower() for m in members):
                return {}
            for name, where in _sheet_parts(archive, members, b"/comments"):
                for ref, body in _COMMENT.findall(archive.read(where)):
                    text = "".join(
                        html.unescape(t.decode("utf-8", "replace"))
                        for t in _COMMENT_TEXT.findall(body)
                    )
                    at = _cell_at(b'r="' + ref + b'"')
                    if at is not None and text.strip():
                        out.setdefault(name, []).append(
                            (ref.decode(), at[0], " ".join(text.split()))
                        )
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError):
        return {}
    return out


def _comment_warning(comments: list[tuple[str, int, str]], file: str, sheet: str) -> dict[str, Any]:
    """A ``comments_not_read`` warning quoting a sheet's comments on cells."""
    shown = "; ".join(
        f"{ref} {text if len(text) <= _COMMENT_CHARS else text[: _COMMENT_CHARS - 3] + '...'!r}"
        for ref, _row, text in comments[:_COMMENT_SHOWN]
    )
    more = f" and {len(comments) - _COMMENT_SHOWN} more" if len(comments) > _COMMENT_SHOWN else ""
    return _warning(
        "comments_not_read",
        f"{len(comments)} comment(s) (Excel notes) on cells were not read as text of the "
        f"events: {shown}{more}; they are notes on the cells (often a reviewer's questions, "
        "or the author's note on a date): open the workbook to see them",
        file,
        sheet,
        min(row for _ref, row, _text in comments) + 1,
    )


def _struck_cells(body: bytes, styles: set[int]) -> set[tuple[int, int]]:
    """The cells (0-based row, column) of a sheet's XML styled with one of ``styles``."""
    if not styles:
        return set()
    wanted = b"|".join(str(i).encode() for i in sorted(styles))
    cell = re.compile(rb'<(?:\w+:)?c\b[^>]*?\bs="(?:' + wanted + rb')"[^>]*>')
    return {at for tag in cell.finditer(body) if (at := _cell_at(tag.group(0))) is not None}


def _hidden_rows(path: Path) -> dict[str, _Hidden]:
    """Per sheet name, the rows and columns hidden in Excel, and the cells whose value
    calamine does not give (errors, formulas never worked out: :func:`_error_cells`). Only
    sheets with one of them; a big sheet is looked at only when the workbook defines a
    filter."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"} or not zipfile.is_zipfile(path):
        return {}
    out: dict[str, _Hidden] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                filtered = _FILTER_NAME in archive.read("xl/workbook.xml")
            except KeyError:
                filtered = False
            strike = _struck_styles(archive)
            for member, name in limits._sheet_names(archive).items():
                try:
                    if archive.getinfo(member).file_size > _HIDDEN_SCAN_BYTES and not filtered:
                        continue
                    body = archive.read(member)
                except KeyError:
                    continue
                errors = _error_cells(body) if b't="e"' in body or b"<f>" in body else {}
                struck = _struck_cells(body, strike)
                subtotals = _subtotal_rows(body) if b"SUBTOTAL(" in body else set()
                if b'hidden="1"' not in body and b'hidden="true"' not in body:
                    if errors or struck or subtotals:
                        out[name] = _Hidden([], False, [], errors, struck, subtotals)
                    continue
                rows = [
                    int(number.group(1)) - 1
                    for tag in _HIDDEN_ROW.finditer(body)
                    if (number := _ROW_NUMBER.search(tag.group(0))) is not None
                ]
                columns = _hidden_columns(body)
                if rows or columns or errors or struck or subtotals:
                    filter_set = _FILTERED.search(body) is not None
                    out[name] = _Hidden(rows, filter_set, columns, errors, struck, subtotals)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return {}  # the reader itself reports a broken archive
    return out


_SUBTOTAL_FORMULA: Final = regex(rb"<(?:\w+:)?f\b[^>]*>\s*(?:_xlfn\.)?(?:SUBTOTAL|AGGREGATE)\(")


def _subtotal_rows(body: bytes) -> set[int]:
    """The rows (0-based) of a sheet's XML holding a SUBTOTAL (or AGGREGATE) formula."""
    out = set()
    for formula in _SUBTOTAL_FORMULA.finditer(body):
        opening = max(
            body.rfind(b"<c ", 0, formula.start()), body.rfind(b":c ", 0, formula.start())
        )
        end = body.find(b">", opening)
        if opening >= 0 and end >= 0:
            at = _cell_at(body[opening : end + 1])
            if at is not None:
                out.add(at[0])
    return out


#: The label Excel's Data > Subtotal writes in the column it groups by: "2007 Total",
#: "Police Count", "Grand Total" (the function's English name after the group's value).
_SUBTOTAL_LABEL: Final = regex(
    r"(?:.*\S\s+|grand\s+)?(?:total|count|counta|count nums|sum|average|max|min)",
    re.IGNORECASE,
)


def _blank_subtotals(
    frame: pd.DataFrame, rows: set[int], info: HeaderInfo, file: str, sheet: str
) -> list[dict[str, Any]]:
    """Blank, in ``frame``, the rows Excel's Data > Subtotal adds under each group ("2007
    Total" | | 3, "Grand Total"): a row under the header holding a SUBTOTAL formula and a
    cell labelled so. A ``subtotal_row`` warning names them. They were events ("2007
    Total" spanning the year, details "Total. 3") or rejected rows ("cannot read 'Grand
    Total' as a date"). A SUBTOTAL counting the visible rows in every row (a running
    number under a filter) has no such label: those rows are read as before."""
    found = []
    for row in sorted(r for r in rows if info.data_start <= r < len(frame)):
        values = [v for v in frame.iloc[row].tolist() if not pd.isna(v)]
        labels = [v for v in values if isinstance(v, str) and _SUBTOTAL_LABEL.fullmatch(v.strip())]
        words = [v for v in values if isinstance(v, str) and not v.startswith("=")]
        if not labels or len(words) > len(labels):  # (a formula never worked out is text)
            continue
        found.append((row, " ".join(labels[0].split())))
        frame.iloc[row] = None
    if not found:
        return []
    listed = _first_ten([f"row {row + 1} ({label!r})" for row, label in found])
    return [
        _warning(
            "subtotal_row",
            f"{len(found)} row(s) are subtotals that Excel's Data > Subtotal added under "
            f"each group, not events: {listed}",
            file,
            sheet,
            found[0][0] + 1,
        )
    ]


_TABLE_TAG: Final = regex(rb"<(?:\w+:)?table\b[^>]*>")
_TABLE_REF: Final = regex(r"([A-Z]{1,3})([0-9]+):([A-Z]{1,3})([0-9]+)")


def _table_totals(path: Path) -> dict[str, list[tuple[int, str]]]:
    """Per sheet name, the totals rows (0-based) of the Excel tables on it ("Insert >
    Table" with "Total Row" ticked: 'Total' under the date, a count under the details),
    each with its table's name. Empty for a workbook with no such table."""
    if path.suffix.lower() not in {".xlsx", ".xlsm"} or not zipfile.is_zipfile(path):
        return {}
    out: dict[str, list[tuple[int, str]]] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            members = set(archive.namelist())
            if not any(m.startswith("xl/tables/") for m in members):
                return {}
            for name, table in _sheet_parts(archive, members, b"/table"):
                head = _TABLE_TAG.search(archive.read(table)[:4096])
                if head is None:
                    continue
                info = {
                    k.decode(): v.decode("utf-8", "replace")
                    for k, v in limits._ATTRIBUTE.findall(head.group(0))
                }
                count = info.get("totalsRowCount", "0")
                ref = _TABLE_REF.fullmatch(info.get("ref", ""))
                if not count.isdigit() or int(count) == 0 or ref is None:
                    continue
                last = int(ref.group(4)) - 1
                title = html.unescape(info.get("displayName") or info.get("name") or "")
                out.setdefault(name, []).extend(
                    (row, title) for row in range(last - min(int(count), 5) + 1, last + 1)
                )
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError):
        return {}  # the reader itself reports a broken archive
    return out


def _blank_totals(
    frame: pd.DataFrame, rows: list[tuple[int, str]], info: HeaderInfo, file: str, sheet: str
) -> list[dict[str, Any]]:
    """Blank, in ``frame``, the totals rows of the sheet's Excel tables under the header,
    with a ``footer_row`` warning for each: a count, not an entry ('Total' was rejected as
    an unreadable date, advising to write it as a date)."""
    notes = []
    for row, table in rows:
        if not info.data_start <= row < len(frame):
            continue
        cells = [
            " ".join((f"{v:g}" if isinstance(v, float) else str(v)).split())
            for v in frame.iloc[row].tolist()
            if not pd.isna(v)
        ]
        cells = [c for c in cells if c]
        if not cells:
            continue
        frame.iloc[row] = None
        notes.append(
            _warning(
                "footer_row",
                f"the totals row of the Excel table {table!r}, not an event: "
                + " | ".join(repr(c) for c in cells[:6]),
                file,
                sheet,
                row + 1,
            )
        )
    return notes


@dataclass(frozen=True, slots=True)
class _Colours:
    """Rows of a table without an agency column shaded by agency, as a key gives them:
    per 0-based row, (agency code, the key's text), and the key as a person reads it."""

    rows: dict[int, tuple[str, str]]
    key: str


def _row_colours(fills: dict[tuple[int, int], bytes], rows: range, width: int) -> dict[int, bytes]:
    """Per row of ``rows``, the one colour its filled cells of the table share (rows with
    no filled cell, or cells of two colours, are left out)."""
    seen: dict[int, set[bytes]] = {}
    for (row, column), colour in fills.items():
        if row in rows and column < width:
            seen.setdefault(row, set()).add(colour)
    return {row: next(iter(c)) for row, c in seen.items() if len(c) == 1}


def _shaded_table(
    name: str,
    info: HeaderInfo,
    frames: dict[str, pd.DataFrame],
    fills: dict[str, dict[tuple[int, int], bytes]],
) -> tuple[int, range, dict[int, bytes]] | None:
    """The width and body rows of sheet ``name``'s table, and the colour of each of its
    shaded rows (:func:`_row_colours`); None when none is shaded."""
    if name not in fills:
        return None
    frame = frames[name]
    width = frame.shape[1] if info.width is None else min(info.width, frame.shape[1])
    body = range(info.data_start, len(frame))
    shaded = _row_colours(fills[name], body, width)
    return (width, body, shaded) if shaded else None


def _key_text(frame: pd.DataFrame, row: int, column: int) -> str | None:
    """The text of a key's cell: its own, or that of the next cell right of a colour
    swatch (an empty filled cell)."""
    for at in range(column, min(column + 3, frame.shape[1])):
        if 0 <= row < len(frame):
            value: Any = frame.iat[row, at]
            if isinstance(value, str) and value.strip():
                return " ".join(value.split())
            if value is not None and not pd.isna(value):
                return None  # a number or a date: no key
    return None


def _key_agency(text: str) -> str | None:
    """The agency a key's line names: "GP", "Police - blue", "Green = Health Visiting"."""
    from ..classify.agencies import agency_from_name

    if len(text) > _KEY_TEXT_MAX:
        return None
    for part in [text, *re.split(r"\s*(?:=|:|\s-\s|\(|\))\s*", text)]:
        if part and (code := agency_from_name(part)) is not None:
            return code
    return None


_KEY_TEXT_MAX: Final = 60


def _colour_agencies(
    name: str,
    info: HeaderInfo,
    frames: dict[str, pd.DataFrame],
    fills: dict[str, dict[tuple[int, int], bytes]],
) -> _Colours | None:
    """The agencies of the rows of sheet ``name``'s table when it has no agency column
    and its rows are shaded by agency with a key naming each colour's agency: a cell of
    that colour holding an agency's name ("GP", "Police"), or a swatch with the name right
    of it, above or beside the table or on another sheet ("Key"). A colour the key gives
    two agencies, or none, names none."""
    table = _shaded_table(name, info, frames, fills)
    if table is None:
        return None
    width, body, shaded = table
    wanted = set(shaded.values())
    key: dict[bytes, set[tuple[str, str]]] = {}
    where: dict[bytes, str] = {}
    for sheet, marks in fills.items():
        if sheet not in frames:
            continue
        for (row, column), colour in marks.items():
            if colour not in wanted or (sheet == name and row in body and column < width):
                continue
            text = _key_text(frames[sheet], row, column)
            code = _key_agency(text) if text is not None else None
            if code is not None and text is not None:
                key.setdefault(colour, set()).add((code, text))
                where.setdefault(
                    colour, f"{text!r}" + (f" on sheet {sheet!r}" if sheet != name else "")
                )
    named = {c: next(iter(v)) for c, v in key.items() if len({code for code, _ in v}) == 1}
    if len({code for code, _text in named.values()}) < 2:
        return None  # a key of agencies names two or more ('Yellow: shared with police')
    rows = {row: named[c] for row, c in shaded.items() if c in named}
    if not rows:
        return None
    return _Colours(rows, "; ".join(where[c] for c in named))


#: A sheet holding the key of a workbook's colours ("Key", "Colour key", "Legend")
_KEY_SHEET: Final = regex(r"(?i)\b(?:key|legend|colou?r(?:s|\s+coding)?)\b")


def _colour_meanings(
    name: str,
    info: HeaderInfo,
    frames: dict[str, pd.DataFrame],
    fills: dict[str, dict[tuple[int, int], bytes]],
) -> _Colours | None:
    """What the fill colours of sheet ``name``'s rows mean, as a key gives them in words
    that name no agency ("Significant incident", "Child not seen", "Missed appointment"): a
    cell of that colour holding the words, or a swatch with the words right of it, beside
    or above the table (not its header or title lines) or on another sheet. A colour the key gives two
    meanings names none. Rows as for :func:`_colour_agencies`, the agency code left empty."""
    table = _shaded_table(name, info, frames, fills)
    if table is None:
        return None
    width, body, shaded = table
    wanted = set(shaded.values())
    header = range(info.header_rows[0], info.data_start)
    key: dict[bytes, set[str]] = {}
    where: dict[bytes, str] = {}
    for sheet, marks in fills.items():
        if sheet not in frames:
            continue
        for (row, column), colour in marks.items():
            mine = sheet == name and column < width
            if colour not in wanted or (mine and (row in body or row in header)):
                continue
            text = _key_text(frames[sheet], row, column)
            if text is None or len(text) > _KEY_TEXT_MAX or _key_agency(text) is not None:
                continue
            if sheet == name and text in info.title_lines:
                continue  # a title shaded as some rows are is no key
            key.setdefault(colour, set()).add(text)
            where.setdefault(
                colour, f"{text!r}" + (f" on sheet {sheet!r}" if sheet != name else "")
            )
    named = {c: next(iter(v)) for c, v in key.items() if len(v) == 1}
    rows = {row: ("", named[c]) for row, c in shaded.items() if c in named}
    if not rows:
        return None
    return _Colours(rows, "; ".join(where[c] for c in named if c in set(shaded.values())))


def _shaded_events(
    chron: Chronology, colours: _Colours
) -> tuple[pd.Series, npt.NDArray[np.bool_]] | None:
    """Per event, the (agency code, words) of its row's colour in ``colours`` (NaN for a
    row not so shaded), and which events are; None when none is."""
    if chron.events.empty:
        return None
    picked = chron.events[S.SOURCE_ROW].map(lambda r: colours.rows.get(int(r) - 1))
    at = picked.notna().to_numpy()
    return (picked, at) if at.any() else None


def _with_colour_meanings(
    chron: Chronology, colours: _Colours, file: str, sheet: str
) -> Chronology:
    """The events of rows shaded with a colour the key gives a meaning
    (:func:`_colour_meanings`) with that meaning in ``extra`` ("Colour key: Significant
    incident"), and a ``colour_key`` warning naming the key and counting the rows."""
    shaded = _shaded_events(chron, colours)
    if shaded is None:
        return chron
    picked, at = shaded
    events = chron.events.copy()
    meaning = picked[at].map(lambda p: "Colour key: " + p[1]).astype("string")
    extra = events[S.EXTRA].astype("string")
    given = extra[at].notna() & extra[at].ne("")
    joined = meaning.where(~given, extra[at] + " | " + meaning)
    extra[at] = joined
    events[S.EXTRA] = extra.astype(events[S.EXTRA].dtype)
    counts = picked[at].map(lambda p: p[1]).value_counts(sort=False)
    counted = ", ".join(f"{text} ({n})" for text, n in counts.items())
    note = _warning(
        "colour_key",
        f"{int(at.sum())} row(s) are filled with a colour the key explains ({colours.key}): "
        f"its words are kept in extra as 'Colour key: ...': {counted}",
        file,
        sheet,
    )
    warnings = pd.concat([chron.warnings, pd.DataFrame([note])], ignore_index=True)
    return Chronology(events, chron.rejected, warnings, chron.meta)


def _with_colour_agencies(
    chron: Chronology, colours: _Colours, file: str, sheet: str
) -> Chronology:
    """The events of rows shaded by agency (:func:`_colour_agencies`) with that agency, and
    an ``agency_from_colour`` warning naming the key; the sheet's ``no_agency`` warning
    goes when every event took one."""
    shaded = _shaded_events(chron, colours)
    if shaded is None:
        return chron
    picked, at = shaded
    events = chron.events.copy()
    codes = picked[at].map(lambda p: p[0])
    names = picked[at].map(lambda p: p[1])
    agency = events[S.AGENCY].astype(object)
    agency[at] = codes.to_numpy()
    events[S.AGENCY] = agency.astype(events[S.AGENCY].dtype)
    organisation = events[S.ORGANISATION].astype(object)
    organisation[at] = names.to_numpy()
    events[S.ORGANISATION] = organisation.astype(events[S.ORGANISATION].dtype)
    warnings = chron.warnings
    if at.all():
        mine = warnings[S.SOURCE_SHEET] == sheet
        gone = mine & warnings[S.CODE].isin(["no_agency", "agency_from_practitioner"])
        warnings = warnings[~gone].reset_index(drop=True)
    counts = names.value_counts(sort=False)
    counted = ", ".join(f"{text} ({n})" for text, n in counts.items())
    note = _warning(
        "agency_from_colour",
        f"the table has no agency column: {int(at.sum())} row(s) took their agency from "
        f"their fill colour, as the key gives each colour ({colours.key}): {counted}",
        file,
        sheet,
    )
    warnings = pd.concat([warnings, pd.DataFrame([note])], ignore_index=True)
    return Chronology(events, chron.rejected, warnings, chron.meta)


def _struck_rows(frame: pd.DataFrame, struck: set[tuple[int, int]], info: HeaderInfo) -> list[int]:
    """The rows under the header whose every written cell of the table is struck through
    (an entry its author deleted or withdrew), when some row under the header is not."""
    if not struck:
        return []
    width = frame.shape[1] if info.width is None else min(info.width, frame.shape[1])
    body = frame.iloc[info.data_start :, :width]
    written = body.notna().to_numpy() & (body.map(lambda v: str(v).strip() != "").to_numpy())
    marked = np.zeros_like(written)
    for row, column in struck:
        if info.data_start <= row < len(frame) and column < width:
            marked[row - info.data_start, column] = True
    filled = written.any(axis=1)
    rows = filled & ~(written & ~marked).any(axis=1)
    if rows.sum() == filled.sum():  # every row: the sheet's formatting, not deletions
        return []
    return (np.flatnonzero(rows) + info.data_start).tolist()


def _rejected_struck(
    frame: pd.DataFrame, rows: list[int], info: HeaderInfo, file: str, sheet: str
) -> pd.DataFrame | None:
    """The struck rows as rejected rows (``struck_through``), blanked in ``frame`` so
    that they are not read as events; None when there are none."""
    reason = (
        "every cell of the row is struck through in Excel (an entry its author "
        "deleted or withdrew): not read as an event; remove the strikethrough to "
        "read it"
    )
    return rejected_rows(frame, rows, info, (file, sheet), ("struck_through", reason))


def _hidden_column_warning(
    frame: pd.DataFrame, columns: list[int], info: HeaderInfo, file: str, sheet: str
) -> dict[str, Any] | None:
    """A ``hidden_columns`` warning naming the hidden columns of the table that hold
    something under the header (they are read as any other column: a person looking at
    the sheet does not see them), or None when there are none."""
    width = frame.shape[1] if info.width is None else min(info.width, frame.shape[1])
    body = frame.iloc[info.data_start :]
    shown = [c for c in sorted(set(columns)) if c < width and bool(body.iloc[:, c].notna().any())]
    if not shown:
        return None
    names = ", ".join(
        _column_letters(c + 1)
        + (f" ({info.headings[c]!r})" if c < len(info.headings) and info.headings[c] else "")
        for c in shown[:20]
    ) + (", ..." if len(shown) > 20 else "")
    return _warning(
        "hidden_columns",
        f"{len(shown)} column(s) of the table are hidden in Excel and were read as any "
        f"other column (a reader of the sheet does not see them): {names}",
        file,
        sheet,
        info.header_rows[0] + 1 if info.header_rows else None,
    )


def _hidden_row_warning(
    frame: pd.DataFrame,
    hidden: _Hidden,
    data_start: int,
    file: str,
    sheet: str,
) -> dict[str, Any] | None:
    """A ``hidden_rows`` warning naming the hidden rows under the header that hold
    something (they are read as any other row), or None when there are none."""
    rows, filtered = hidden.rows, hidden.filtered
    rows = [r for r in rows if data_start <= r < len(frame)]
    if rows:
        rows = [
            r for r, full in zip(rows, frame.iloc[rows].notna().any(axis=1), strict=True) if full
        ]
    if not rows:
        return None
    shown = ", ".join(str(r + 1) for r in rows[:20]) + (", ..." if len(rows) > 20 else "")
    why = " (the sheet has a filter set: they may be the rows it hides)" if filtered else ""
    return _warning(
        "hidden_rows",
        f"{len(rows)} row(s) under the header are hidden in Excel{why} and were read as "
        f"any other row: {shown}",
        file,
        sheet,
        rows[0] + 1,
    )


def _show_month_year(
    frame: pd.DataFrame, cells: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Write each date shown as a month or a year as that text ("March 2007", "2007"),
    a column at a time, when it is what Excel makes of a month or a year typed: the 1st of
    the month at midnight (the 1st of January for a year; the 1st of another month shown
    as a year is that month, "March 2007" typed in a "yyyy" cell). A date on another day
    (or with a time) was typed in full and the format only hides its day: it is left as
    the date. Returns those cells, (row, column, what the cell shows), for a warning."""
    found = pd.DataFrame(cells, columns=["row", "column", "kind"])
    found = found[(found["row"] < frame.shape[0]) & (found["column"] < frame.shape[1])]
    hidden: list[tuple[int, int, str]] = []
    for (column, kind), group in found.groupby(["column", "kind"], sort=False):
        col = int(cast(int, column))
        rows = group["row"].to_numpy()
        values = frame[frame.columns[col]].to_numpy(dtype=object)[rows]
        dated = np.fromiter((isinstance(v, dt.date) for v in values), bool, len(values))
        if not dated.any():
            continue
        stamps = pd.DatetimeIndex(pd.to_datetime(list(values[dated])))
        first = np.asarray((stamps.day == 1) & (stamps == stamps.normalize()))
        if kind == "month":
            text = np.asarray(stamps.strftime("%B %Y"), dtype=object)
            shows = text
        else:
            january = np.asarray(stamps.month == 1)
            text = np.where(
                january, stamps.year.astype(str), np.asarray(stamps.strftime("%B %Y"))
            ).astype(object)
            shows = np.asarray(stamps.year.astype(str), dtype=object)
        at = rows[dated]
        frame.iloc[at[first], col] = text[first]
        hidden.extend((int(r), col, str(t)) for r, t in zip(at[~first], shows[~first], strict=True))
    return sorted(hidden)


def _hidden_day_warning(
    cells: list[tuple[int, int, str]], info: HeaderInfo, file: str, sheet: str
) -> dict[str, Any] | None:
    """A ``day_hidden_by_format`` warning naming the date cells under the header shown as
    a month or a year that hold a day typed in full (read as that day), or None."""
    cells = [c for c in cells if c[0] >= info.data_start]
    if not cells:
        return None
    listed = _first_ten([f"row {row + 1} (shown as {shows!r})" for row, _column, shows in cells])
    return _warning(
        "day_hidden_by_format",
        f"{len(cells)} date cell(s) are formatted to show only the month or the year but "
        "hold a day other than the 1st (typed in full; the format hides the day): read as "
        f"that day: {listed}",
        file,
        sheet,
        cells[0][0] + 1,
    )


_EXCEL_DAY_0: Final = dt.datetime(1899, 12, 31)  # 1900-01-01 is serial 1

# --- the 1904 date system ---------------------------------------------------------------------
#: A workbook saved with the 1904 date system (Mac Excel's, before 2011): its serials count
#: days from 1 January 1904, 1,462 days after the 1900 system's day 0
_DATE_1904: Final = regex(rb"<(?:\w+:)?workbookPr\b[^>]*\bdate1904=\"(?:1|true)\"")
_DAYS_1904: Final = 1462
_DAY_0_1904: Final = dt.datetime(1904, 1, 1)
# serials read as dates: from 1910 (a number below is no date's, see dates.py) up to
# 100,000 (an eight-digit number, 20070312, is a date written without separators)
_SERIALS_1904: Final = (3654 - _DAYS_1904, 100_000)


#: An Excel 97-2003 (.xls) workbook's DATEMODE record set to 1 (the 1904 date system),
#: followed by the PRECISION record, as Excel and LibreOffice write its globals; in the
#: workbook stream's first records, near the start of the file
_XLS_1904: Final = b"\x22\x00\x02\x00\x01\x00\x0e\x00\x02\x00"
_XLS_SCAN: Final = 1 << 18  # bytes of an .xls file looked through
#: An .xlsb workbook part's BrtWbProp record (its first flag: the 1904 date system), among
#: its first records (BrtBeginBook, BrtFileVersion, ...)
_XLSB_WB_PROP: Final = 0x99
_XLSB_RECORDS: Final = 64


def _uses_1904(path: Path, fmt: str = "xlsx") -> bool:
    """Whether the workbook at ``path`` (.xlsx, .xlsm, .xlsb or .xls) counts its dates from
    1904."""
    if fmt == "xls":
        try:
            with path.open("rb") as fh:
                return _XLS_1904 in fh.read(_XLS_SCAN)
        except OSError:
            return False
    try:
        with zipfile.ZipFile(path) as archive:
            if fmt == "xlsb":
                names = [n for n in archive.namelist() if n.endswith("workbook.bin")]
                return bool(names) and _xlsb_1904(archive.read(names[0]))
            names = [n for n in archive.namelist() if n.endswith("workbook.xml")]
            return bool(names) and _DATE_1904.search(archive.read(names[0])) is not None
    except (zipfile.BadZipFile, OSError, KeyError):
        return False


def _xlsb_1904(data: bytes) -> bool:
    """Whether an .xlsb workbook part (``xl/workbook.bin``) sets the 1904 date system: the
    first bit of its BrtWbProp record's flags (records: a type and a size, each a number of
    7-bit groups, low first, the high bit saying another follows)."""

    def number(at: int, most: int) -> tuple[int, int]:
        value = shift = 0
        for _ in range(most):
            if at >= len(data):
                return -1, at
            byte = data[at]
            value |= (byte & 0x7F) << shift
            at, shift = at + 1, shift + 7
            if not byte & 0x80:
                break
        return value, at

    at = 0
    for _ in range(_XLSB_RECORDS):
        kind, at = number(at, 2)
        size, at = number(at, 4)
        if kind < 0 or size < 0:
            return False
        if kind == _XLSB_WB_PROP:
            return size >= 4 and at < len(data) and bool(data[at] & 1)
        at += size
    return False


def _serials_from_1904(frame: pd.DataFrame, info: HeaderInfo) -> None:
    """In ``frame``, a workbook of the 1904 date system: write each number in a date
    column (a date pasted as a value into a cell of General format: 37691 for 12/03/2007)
    as the date it is in that system (the dates reader counts serials from 1900), and each
    date cell on 1 January 1904 at midnight (the 1904 system's day 0: a date cell a
    formula or a copy left at 0) as 0. Dates in cells formatted as dates are read right
    already; times (fractions of a day) are the same in both systems."""
    for column in (p for p, fld in info.mapping.items() if fld in (S.DATE, S.END_DATE)):
        if column >= frame.shape[1]:
            continue
        cells = frame.iloc[info.data_start :, column]
        numbers = pd.to_numeric(
            cells.where(cells.map(lambda v: isinstance(v, int | float) and v is not True)),
            errors="coerce",
        )
        shift = numbers.between(*_SERIALS_1904, inclusive="left")
        day_0 = cells.map(lambda v: isinstance(v, dt.datetime) and v == _DAY_0_1904)
        if shift.any():
            rows = np.flatnonzero(shift.to_numpy()) + info.data_start
            moments = pd.to_datetime(numbers[shift], unit="D", origin=_DAY_0_1904).dt.round("s")
            frame.iloc[rows, column] = moments.dt.to_pydatetime()
        if day_0.any():
            frame.iloc[np.flatnonzero(day_0.to_numpy()) + info.data_start, column] = 0.0


def _as_number(value: Any) -> float | None:
    """A cell's number: a number, or the serial of a date in January 1900 (a number of 1
    to 31 in a cell formatted as a date or time); None for anything else."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, dt.datetime) and value.year == 1900 and value.month == 1:
        return (value - _EXCEL_DAY_0) / dt.timedelta(days=1)
    return None


def _times_typed_as_numbers(
    frame: pd.DataFrame, info: HeaderInfo, file: str, sheet: str
) -> list[dict[str, Any]]:
    """Write, in ``frame``, each time cell holding a number of hours and minutes as that
    time ("14.30"), with a ``time_as_number`` warning naming them.

    A time typed "14.30" (or "9.00") in a cell of General format is kept by Excel as the
    number 14.3 (or 9), not as a time (a fraction of a day): read as a date serial its
    fraction gave 07:12, and 9 no time at all. Only a column whose every number of 1 or
    more is such a time (under 24, minutes of two figures under 60) is read so: a number
    that is not (a date serial, 1.75) leaves the column as it was; "1430" typed (the
    number 1430) is read as it is. In a cell formatted as a time ("hh:mm") the number is
    given as a date in January 1900 (14.3 as 14/01/1900 07:12, shown as "07:12"), read
    the same way."""
    notes: list[dict[str, Any]] = []
    for column in (pos for pos, fld in info.mapping.items() if fld == S.TIME):
        if column >= frame.shape[1]:
            continue
        cells = frame.iloc[info.data_start :, column]
        numbers = [
            (at, number)
            for at, v in zip(range(info.data_start, len(frame)), cells.tolist(), strict=True)
            if (number := _as_number(v)) is not None and number >= 1
        ]
        if not numbers:
            continue
        times = []
        for at, value in numbers:
            hours, minutes = int(value), round((value - int(value)) * 100, 6)
            if value.is_integer() and 100 <= value < 2400 and value % 100 < 60:
                continue  # "1430" typed: read as such
            if value >= 24 or minutes != int(minutes) or minutes >= 60:
                break
            times.append((at, value, f"{hours:02d}.{int(minutes):02d}"))
        else:
            if not times:
                continue
            for at, _value, text in times:
                frame.iat[at, column] = text
            listed = _first_ten([f"row {at + 1} ({v:g} as {t})" for at, v, t in times])
            notes.append(
                _warning(
                    "time_as_number",
                    f"{len(times)} time cell(s) hold a number, not a time (a time typed "
                    "as 14.30 in a cell Excel keeps as the number 14.3): read as hours and "
                    f"minutes: {listed}",
                    file,
                    sheet,
                    times[0][0] + 1,
                )
            )
    return notes


def _carry_down(frame: pd.DataFrame, merged: list[_Range]) -> None:
    """Give every row of a cell merged down the merged cell's value (its first column)."""
    for (top, left), (bottom, _right) in merged:
        if bottom > top and top < len(frame) and left < frame.shape[1]:
            value: Any = frame.iat[top, left]
            frame.iloc[top + 1 : bottom + 1, left] = value


def _unmerge_undated_rows(frame: pd.DataFrame, merged: list[_Range], info: HeaderInfo) -> None:
    """Blank, in ``frame``, the cells that only carry a cell merged down over a block of rows
    (an agency, a practitioner) into a row of the block with no date and some narrative
    text: the cell was not typed in that row, which carries on the text of the dated row
    above it (:func:`parse_table`'s ``join_continued``), as an undated row does outside such
    a block. Merged date cells are kept: each row they span is an entry of that day."""
    mapping = info.mapping
    dates = [pos for pos, fld in mapping.items() if fld == S.DATE]
    narrative = [pos for pos, fld in mapping.items() if fld in _NARRATIVE_FIELDS]
    starts = {pos for pos, fld in mapping.items() if fld in ROW_START_FIELDS} - set(dates)
    if not dates or not narrative or not starts:
        return
    filled = frame.notna().to_numpy(dtype=bool)
    undated = np.asarray(~filled[:, dates].any(axis=1) & filled[:, narrative].any(axis=1))
    undated[: info.data_start] = False
    for (top, left), (bottom, _right) in merged:
        if left in starts and bottom > top:
            rows = np.arange(top + 1, min(bottom, len(frame) - 1) + 1)
            frame.iloc[rows[undated[rows]].tolist(), left] = None


def _section_rows(
    frame: pd.DataFrame, merged: list[_Range], data_start: int
) -> list[tuple[int, str]]:
    """Rows below the header that are one cell merged across every column the sheet uses,
    as (position, text)."""
    filled = frame.notna().to_numpy()
    used = np.flatnonzero(filled.any(axis=0))
    if len(used) < 2:
        return []
    first, last = int(used[0]), int(used[-1])
    out = []
    for (top, left), (bottom, right) in merged:
        if top == bottom and top >= data_start and left <= first and right >= last:
            value = frame.iat[top, left]
            if value is not None and str(value).strip():
                out.append((top, " ".join(str(value).split())))
    return out


#: The columns that say what happened, or who did it: a table with none of them written is
#: no list of events.
_TEXT_COLUMNS: Final = (
    S.DETAILS,
    S.OUTCOME,
    S.COMMENT,
    S.SOURCE,
    S.PRACTITIONER,
    S.COUNTERPARTS_TEXT,
)


def _holds_text(events: pd.DataFrame) -> bool:
    """True when some event has words (a letter, not only a number: a count of contacts
    is no text) in a column that says what happened or who acted."""
    return any(
        bool(events[c].astype("string").str.contains(r"[^\W\d_]", regex=True).any())
        for c in _TEXT_COLUMNS
        if c in events.columns
    )


def _sheet_column(frame: pd.DataFrame, info: HeaderInfo, others: set[str]) -> str | None:
    """The heading of a column of ``frame`` that no field maps, whose cells under the
    header (two or more) each name another sheet of the workbook, each once: the sheet is
    its contents page or an index of the agencies' returns ("Sheet | Agency | Date
    received"), not a chronology. (A combined sheet's agency column may name the agencies'
    own sheets: a mapped column never counts.)"""
    body = frame.iloc[info.data_start :]
    for pos in range(body.shape[1]):
        cells = body.iloc[:, pos].dropna()
        if pos in info.mapping or len(cells) < 2 or not all(isinstance(v, str) for v in cells):
            continue
        names = {" ".join(str(v).split()).casefold() for v in cells}
        if len(names) == len(cells) and names <= others:
            heading = info.headings[pos] if pos < len(info.headings) else ""
            return heading or f"column {_column_letters(pos + 1)}"
    return None


def _chronology_sheets(
    read: list[tuple[str, bool, Chronology]],
    file: str,
    skipped: list[dict[str, Any]],
    *,
    chosen: list[str] | None,
    indexes: dict[str, str] | None = None,
) -> list[Chronology]:
    """The sheets' tables that are chronologies, with a warning for each one left out.

    Left out, when another sheet holds a chronology and ``sheets=`` does not name them: a
    sheet named as guidance, a key or a list (its table is an example: "e.g. home visit"),
    and a hidden sheet with no dated row (the lists behind a template's drop-downs). A
    hidden sheet with dated rows is read, with a ``hidden_sheet`` warning. ``indexes``: the
    sheets with a column (by its heading) that names the workbook's other sheets, left out
    as a contents page.
    """
    named = set(chosen or ())
    indexes = indexes or {}

    def left_out(name: str, visible: bool, chron: Chronology) -> str | None:
        if name in named:
            return None
        rows = len(chron.events) + len(chron.rejected)
        if _named_not_a_chronology(name):
            return (
                f"sheet skipped: its name says it is not a chronology, so its table "
                f"({rows} row(s) under the header, perhaps examples) was not read; pass "
                f"sheets=[{name!r}, ...] to read it"
            )
        if name in indexes:
            return (
                f"sheet skipped: its column {indexes[name]!r} names the workbook's other "
                f"sheets, so it is a contents page or an index of the returns, not a "
                f"chronology ({rows} row(s) under the header); pass sheets=[{name!r}, ...] "
                "to read it"
            )
        if not visible and len(chron.events) == 0:
            return (
                f"sheet skipped: a hidden sheet with no dated row ({rows} row(s) under "
                "the header, such as the lists behind drop-downs)"
            )
        if len(chron.events) and not _holds_text(chron.events):
            return (
                f"sheet skipped: its table ({rows} row(s) under the header) has dates but "
                "no text of what happened or who acted (a summary, such as contacts "
                f"counted per agency); pass sheets=[{name!r}, ...] to read it"
            )
        return None

    reasons = [left_out(name, visible, chron) for name, visible, chron in read]
    if all(reasons):  # nothing else holds a chronology: read them all after all
        reasons = [None] * len(read)
    out = []
    for (name, visible, chron), reason in zip(read, reasons, strict=True):
        if reason is not None:
            skipped.append(_warning("sheet_skipped", reason, file, name))
            continue
        if not visible:
            skipped.append(
                _warning(
                    "hidden_sheet",
                    f"the hidden sheet was read ({len(chron.events)} event(s)): check it is "
                    "part of the chronology and not an old copy",
                    file,
                    name,
                )
            )
        out.append(chron)
    return out


_WORKBOOK_SIGNATURES: Final = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x09\x08", b"PK")


def _text_named_as_excel(path: Path) -> str | None:
    """ "html" or "delimited" for a text file named .xls or .xlsx (case-management systems'
    "Export to Excel" often writes a web page or tab-separated text that Excel opens);
    None for a real workbook or anything else (the workbook reader then says what it is)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return None  # the workbook reader reports it
    if not head.strip() or head.startswith(_WORKBOOK_SIGNATURES):
        return None
    from .csv import decode_text

    try:
        text, _ = decode_text(head)
    except ScrTimelineError:
        return None  # binary: not text
    start = text.lstrip()[:1024].lower()
    if start.startswith("<") and _SPREADSHEET_ML in text:
        return "spreadsheetml"
    if start.startswith("<") and ("<table" in text.lower() or "<html" in start):
        return "html"
    lines = text.splitlines()
    if len(lines) >= 2 and any(d in lines[0] for d in "\t,;|"):
        return "delimited"  # a header line of cells and more lines under it
    return None


def _read_text_export(path: Path, options: dict[str, Any]) -> Chronology:
    """Read delimited text named as a workbook, with a warning saying what it really is."""
    from .csv import read_csv

    options = {k: v for k, v in options.items() if k not in {"sheets", "engine"}}
    chron = read_csv(path, **options)
    note = _warning(
        "not_a_workbook",
        f"the file is delimited text (CSV or TSV) named {path.suffix}, as some systems' "
        "'Export to Excel' writes it; read as text",
        path.name,
        None,
    )
    return with_warnings(chron, [note])


# --- web pages and Excel 2003 XML named as workbooks -------------------------------------------
_SPREADSHEET_ML: Final = "urn:schemas-microsoft-com:office:spreadsheet"
_SS: Final = "{" + _SPREADSHEET_ML + "}"
_EXCEL_NS: Final = "{urn:schemas-microsoft-com:office:excel}"
_BREAK: Final = "\x00"  # a line break (<br>, a new paragraph) inside a cell, until joined
_TITLE_LINES: Final = 3  # lines of text above a web page's table kept as its title lines
_BLOCKS: Final = frozenset(
    {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "title", "caption", "tr"}
)
_UNREAD: Final = frozenset({"script", "style", "noscript", "template", "object", "iframe"})


def _span(attrs: list[tuple[str, str | None]], name: str) -> int:
    value = dict(attrs).get(name) or "1"
    return min(max(int(value), 1), limits.MAX_COLUMNS) if value.strip().isdigit() else 1


def _cell_lines(pieces: list[str]) -> str | None:
    """A cell's text as the page shows it: white space collapsed, line breaks kept."""
    lines = (" ".join(line.split()) for line in "".join(pieces).split(_BREAK))
    return "\n".join(line for line in lines if line) or None


@dataclass
class _HtmlTable:
    titles: list[str]
    rows: list[list[str | None]] = field(default_factory=list)
    row: list[str | None] | None = None
    cell: list[str] | None = None
    spans: tuple[int, int] = (1, 1)
    down: dict[int, tuple[int, str | None]] = field(default_factory=dict)  # rowspans
    merged: list[_Range] = field(default_factory=list)  # cells merged across (colspan)

    def close_cell(self) -> None:
        if self.cell is None:
            return
        row = self.row = [] if self.row is None else self.row
        text = _cell_lines(self.cell)
        across, rows_down = self.spans
        self._fill_spanned(row)
        column = len(row)
        row.extend([text] + [None] * (across - 1))  # merged across: read once
        if across > 1:  # (a row merged across the table is a section heading)
            self.merged.append(((len(self.rows), column), (len(self.rows), column + across - 1)))
        if rows_down > 1:  # merged down: its text in every row it spans, as in Excel
            self.down[column] = (rows_down - 1, text)
        self.cell = None

    def _fill_spanned(self, row: list[str | None]) -> None:
        """Fill the columns a cell merged down from a row above covers here."""
        while len(row) in self.down:
            left, text = self.down.pop(len(row))
            if left > 1:
                self.down[len(row)] = (left - 1, text)
            row.append(text)

    def close_row(self) -> None:
        self.close_cell()
        if self.row is None:
            return
        self._fill_spanned(self.row)
        self.rows.append(self.row)
        self.row = None


class _HtmlTables(HTMLParser):
    """The tables of a web page as rows of text cells, with the lines of text above each.

    Only text is read: scripts, styles and embedded objects are skipped, nothing is
    fetched. A table inside a cell gives one line per row, its cells joined with " | ".
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[_HtmlTable] = []
        self._open: list[_HtmlTable] = []
        self._unread = 0
        self._outside: list[str] = []  # text between tables, for title lines
        self._lines: list[str] = []

    def _end_line(self) -> None:
        line = " ".join("".join(self._outside).split())
        if line:
            self._lines.append(line)
        self._outside = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _UNREAD:
            self._unread += 1
            return
        table = self._open[-1] if self._open else None
        if tag == "table":
            self._end_line()
            self._open.append(_HtmlTable(self._lines[-_TITLE_LINES:]))
            self._lines = []
        elif table is None:
            if tag in _BLOCKS:
                self._end_line()
        elif tag == "tr":
            table.close_row()
            table.row = []
        elif tag in {"td", "th"}:
            table.close_cell()
            table.cell, table.spans = [], (_span(attrs, "colspan"), _span(attrs, "rowspan"))
        elif tag in _BLOCKS and table.cell is not None:
            table.cell.append(_BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag in _UNREAD:
            self._unread = max(self._unread - 1, 0)
            return
        table = self._open[-1] if self._open else None
        if table is None:
            if tag in _BLOCKS:
                self._end_line()
            return
        if tag in {"td", "th"}:
            table.close_cell()
        elif tag == "tr":
            table.close_row()
        elif tag == "table":
            table.close_row()
            self._open.pop()
            outer = self._open[-1] if self._open else None
            if outer is None:
                self.tables.append(table)
            elif outer.cell is not None:  # nested: one line per row in the outer cell
                lines = (" | ".join(c for c in row if c) for row in table.rows)
                outer.cell.append(_BREAK + _BREAK.join(line for line in lines if line))
        elif tag in _BLOCKS and table.cell is not None:
            table.cell.append(_BREAK)

    def handle_data(self, data: str) -> None:
        if self._unread:
            return
        table = self._open[-1] if self._open else None
        if table is None:
            self._outside.append(data)
        elif table.cell is not None:
            table.cell.append(data)

    def close(self) -> None:
        super().close()
        while self._open:  # a page cut short: keep what was read
            self.handle_endtag("table")


def _read_markup(path: Path) -> str:
    from .csv import decode_text

    limits.check_file_size(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ChronologyReadError(f"cannot open the file: {err.strerror}", file=path.name) from err
    return decode_text(data, file=path.name)[0]


def _html_sheets(
    path: Path,
) -> tuple[list[tuple[str, pd.DataFrame, bool, list[_Range]]], dict[str, list[str]]]:
    """Each table of a web page as a sheet ("table 1", ...), and the lines above each."""
    parser = _HtmlTables()
    parser.feed(_read_markup(path))
    parser.close()
    tables = [t for t in parser.tables if any(c for row in t.rows for c in row)]
    if not tables:
        raise MissingColumnError(
            "the file is a web page (HTML) with no table in it",
            file=path.name,
            expected="a web page holding the chronology as a table, or an Excel workbook",
        )
    out: list[tuple[str, pd.DataFrame, bool, list[_Range]]] = []
    titles: dict[str, list[str]] = {}
    for number, table in enumerate(tables, start=1):
        name = f"table {number}"
        width = max(len(row) for row in table.rows)
        limits.check_columns(width, file=path.name, sheet=name)
        rows = [row + [None] * (width - len(row)) for row in table.rows]
        out.append((name, pd.DataFrame(rows, dtype=object), True, table.merged))
        titles[name] = table.titles
    return out, titles


def _spreadsheetml_value(cell: ElementTree.Element) -> Any:
    """A SpreadsheetML cell's value: text, a number, a date or a truth value."""
    data = cell.find(f"{_SS}Data")
    if data is None:
        return None
    text = "".join(data.itertext())
    kind = data.get(f"{_SS}Type", "String")
    try:
        if kind == "Number":
            return float(text)
        if kind == "DateTime":
            return dt.datetime.fromisoformat(text.strip()[:19])
        if kind == "Boolean":
            return text.strip() in {"1", "true", "TRUE"}
    except ValueError:
        pass  # kept as written, for the date reader to judge
    return text.replace("\r\n", "\n") or None


def _spreadsheetml_sheets(path: Path) -> list[_Sheet]:
    """The worksheets of an Excel 2003 XML workbook (SpreadsheetML, saved as .xml or named
    .xls): cells by their ss:Index, merged cells from ss:MergeAcross and ss:MergeDown."""
    text = _read_markup(path)
    if "<!ENTITY" in text[:65536]:
        raise ChronologyReadError(
            "the XML file declares entities, which a workbook never does; not read",
            file=path.name,
            expected="an Excel 2003 XML workbook",
        )
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as err:
        raise ChronologyReadError(
            f"cannot read the Excel 2003 XML workbook: {err}",
            file=path.name,
            expected="a well-formed Excel 2003 XML workbook (or save it from Excel as .xlsx)",
        ) from err
    sheets = []
    for number, worksheet in enumerate(root.iter(f"{_SS}Worksheet"), start=1):
        name = worksheet.get(f"{_SS}Name") or f"Sheet{number}"
        cells: dict[tuple[int, int], Any] = {}
        merged: list[_Range] = []
        row_at = -1
        for row in worksheet.iter(f"{_SS}Row"):
            row_at = _index(row, row_at, path, name)
            column = -1
            for cell in row.iter(f"{_SS}Cell"):
                column = _index(cell, column, path, name)
                value = _spreadsheetml_value(cell)
                if value is not None:
                    cells[(row_at, column)] = value
                across = _index(cell, -1, path, name, "MergeAcross")
                down = _index(cell, -1, path, name, "MergeDown")
                if across > 0 or down > 0:
                    merged.append(
                        ((row_at, column), (row_at + max(down, 0), column + max(across, 0)))
                    )
                column += max(across, 0)
        height = 1 + max((r for r, _ in cells), default=-1)
        width = 1 + max((c for _, c in cells), default=-1)
        limits.check_columns(width, file=path.name, sheet=name)
        if height * width > limits.MAX_SHEET_CELLS:
            raise InputLimitError(
                f"the sheet spans {height:,} rows by {width:,} columns, more than the "
                f"{limits.MAX_SHEET_CELLS:,} cells scr_timeline reads",
                file=path.name,
                sheet=name,
                expected=f"at most {limits.MAX_SHEET_CELLS:,} cells",
            )
        grid: list[list[Any]] = [[None] * width for _ in range(height)]
        for (r, c), value in cells.items():
            grid[r][c] = value
        options = worksheet.find(f"{_EXCEL_NS}WorksheetOptions")
        shown = options.findtext(f"{_EXCEL_NS}Visible") if options is not None else None
        sheets.append(_Sheet(name, grid, shown not in {"SheetHidden", "SheetVeryHidden"}, merged))
    if not sheets:
        raise MissingColumnError(
            "the Excel 2003 XML workbook has no worksheet",
            file=path.name,
            expected="a workbook with a sheet holding the chronology",
        )
    return sheets


def _index(
    element: ElementTree.Element, previous: int, path: Path, sheet: str, name: str = "Index"
) -> int:
    """A SpreadsheetML row or cell position (0-based): its ss:Index, else the next one;
    for ``MergeAcross``/``MergeDown`` the count given (``previous`` when none)."""
    value = element.get(f"{_SS}{name}")
    if value is None:
        return previous + 1 if name == "Index" else 0
    if not value.strip().isdigit() or int(value) > 1 << 24:
        raise ChronologyReadError(
            f"a {element.tag.rsplit('}', 1)[-1]} has ss:{name}={value!r}",
            file=path.name,
            sheet=sheet,
            found=value,
            expected="a whole number of a row or column within the sheet",
        )
    return int(value) - 1 if name == "Index" else int(value)


def _header_or_error(frame: pd.DataFrame, columns: Any) -> HeaderInfo | ScrTimelineError:
    """The sheet's header, or the error saying why it has none."""
    try:
        return find_header(frame, columns=columns)
    except ScrTimelineError as err:
        return err


@dataclass(frozen=True, slots=True)
class _Form:
    """What a template's form states for the whole workbook: the agency completing it (as
    written) and the child's date of birth, with the warnings saying where from."""

    agency: str | None = None
    child_dob: pd.Timestamp | None = None
    notes: list[dict[str, Any]] = field(default_factory=list)


#: Sheet names of a template's front sheet: named like a cover, but read for its form.
_FRONT_SHEET: Final = regex(r"(?:front|cover)(?: sheet| page)?", re.IGNORECASE)


def _workbook_form(
    tables: list[tuple[str, pd.DataFrame, bool, list[_Range]]],
    headers: dict[str, HeaderInfo | ScrTimelineError],
    file: str,
) -> _Form:
    """The agency and the child's date of birth a template states once: on a front sheet
    (a visible sheet with no table, not named as guidance: "Agency: Riverside Surgery",
    "Child's DOB: 01/03/2016") or in the form above a sheet's table. The agency is the
    first stated on a front sheet that names a known agency (not a hospital trust, whose
    rows are each decided by their practitioner or source); the date of birth is taken
    when the workbook's forms give one day (see :func:`scr_timeline.io.csv.child_dob_from_forms`)."""
    from ..classify.agencies import agency_from_name

    forms: list[tuple[str | None, FormField]] = []
    agency: str | None = None
    for name, frame, visible, _merged in tables:
        info = headers.get(name)
        if isinstance(info, HeaderInfo):
            forms.extend((name, f) for f in form_fields(frame.iloc[: info.header_rows[0]]))
            continue
        front = _FRONT_SHEET.fullmatch(" ".join(re.sub(r"[\W_]+", " ", name).split()))
        if info is None or not visible or (_named_not_a_chronology(name) and front is None):
            continue
        found = form_fields(frame)
        forms.extend((name, f) for f in found)
        if agency is None:
            agency = next(
                (
                    " ".join(f.value.split())
                    for f in found
                    if f.name == S.AGENCY
                    and isinstance(f.value, str)
                    and agency_from_name(f.value) is not None
                    and not _many_services(f.value)
                ),
                None,
            )
    dob, notes = child_dob_from_forms(forms, file=file)
    for name, frame, _visible, _merged in tables if dob is None and not notes else []:
        info = headers.get(name)
        if isinstance(info, HeaderInfo):  # a column giving it on every row ('Person DOB')
            dob, notes = child_dob_from_column(frame, info, file=file, sheet=name)
            if notes:
                break
    return _Form(agency, dob, notes)


@functools.cache
def _named_aliases() -> pd.DataFrame:
    """The agency aliases that name a service, not a place that hosts many."""
    from ..classify.agencies import KIND, load_agency_aliases

    table = load_agency_aliases()
    return table[table[KIND] != "setting"]


def _many_services(name: str) -> bool:
    """True for a hospital trust named as the agency ("Riverside NHS Foundation Trust",
    "Riverside University Hospitals"): its chronology holds the rows of its midwives,
    health visitors, paediatricians and wards alike, each decided by its practitioner or
    source rather than all taken as the hospital."""
    from ..classify.agencies import agency_from_name

    return agency_from_name(name) == "hospital" and (
        agency_from_name(name, aliases=_named_aliases()) is None
    )


#: Workbook formats whose cells are read (calamine) but not their formatting, which is read
#: from an .xlsx or .xlsm's XML only, with the name Excel gives each.
_UNFORMATTED: Final = {
    ".xls": "the .xls format (Excel 97-2003)",
    ".xlsb": "the .xlsb format (Excel binary workbook)",
    ".ods": "the .ods format (OpenDocument spreadsheet)",
}


def _formatting_not_read(path: Path) -> dict[str, Any] | None:
    """A ``formatting_not_read`` warning for a workbook in a format whose formatting is not
    read (.xls, .xlsb, .ods): its rows struck through are events, and hidden rows, comments
    and rows shaded by agency are not seen. None for an .xlsx or .xlsm."""
    kind = _UNFORMATTED.get(path.suffix.lower())
    if kind is None:
        return None
    return _warning(
        "formatting_not_read",
        f"the workbook is in {kind}: its cells were read but not their formatting, so rows "
        "struck through were read as entries, rows shaded by agency took no agency from "
        "their colour, and hidden rows and columns and cell comments were not looked for; "
        "save it as .xlsx (Excel Workbook) to have them read",
        path.name,
        None,
    )


def _holds_macros(path: Path) -> bool:
    """True for a workbook whose archive holds a VBA project (macros)."""
    if not zipfile.is_zipfile(path):
        return False
    with zipfile.ZipFile(path) as archive:
        return any(name.lower().endswith("vbaproject.bin") for name in archive.namelist())


def read_excel(
    path: str | Path,
    *,
    sheets: list[str] | None = None,
    engine: str = "calamine",
    **options: Any,
) -> Chronology:
    """Read every sheet of an Excel chronology into one Chronology.

    Each sheet's header row is found below any title rows; a sheet with no agency column
    takes its agency from the sheet name, a title line, the file name or ``agency=``.
    Sheets that hold no chronology (a cover page, an empty sheet) are skipped with a
    warning; if no sheet holds one, the error names what each sheet held. A sheet named as
    guidance, a key or a list ("Instructions", "Read me") is skipped even with a table
    (its rows are examples) unless ``sheets`` names it or no other sheet has a table; a
    hidden sheet is read with a ``hidden_sheet`` warning, or skipped when it has no dated
    row (the lists behind drop-downs).

    Parameters
    ----------
    path
        The workbook.
    sheets
        Only these sheets (by name).
    engine
        ``"calamine"`` (default) or ``"openpyxl"``.
    **options
        Passed to :func:`scr_timeline.parse_table`.

    Examples
    --------
    >>> import scr_timeline as scr
    >>> from scr_timeline.datasets import sample_path
    >>> chron = scr.read_excel(sample_path("child-b-agencies.xlsx"))
    >>> "police" in set(chron.events["agency"])
    True
    """
    path = Path(path)
    text_kind = _text_named_as_excel(path)
    if text_kind == "delimited":
        return _read_text_export(path, options)
    skipped: list[dict[str, Any]] = []
    titles: dict[str, list[str]] = {}
    hidden_days: dict[str, list[tuple[int, int, str]]] = {}  # dates whose format hides the day
    fmt = path.suffix.lower().lstrip(".")
    if text_kind == "html":
        tables, titles = _html_sheets(path)
        fmt = "html"
        if path.suffix.lower() not in {".htm", ".html"}:
            skipped.append(
                _warning(
                    "not_a_workbook",
                    f"the file is a web page (HTML) named {path.suffix}, as some systems' "
                    "'Export to Excel' writes it; its tables were read (each is a sheet "
                    "named 'table N', rows counted from the table's first row)",
                    path.name,
                    None,
                )
            )
    elif text_kind == "spreadsheetml":
        tables = _sheet_frames(path, _spreadsheetml_sheets(path))
        fmt = "xml"
    else:
        tables = _read_sheets(path, engine, hidden_days)
    hidden = _hidden_rows(path) if text_kind is None else {}
    date_1904 = (
        text_kind is None and fmt in ("xlsx", "xlsm", "xlsb", "xls") and _uses_1904(path, fmt)
    )
    totals = _table_totals(path) if text_kind is None else {}
    for name, frame, _visible, _merged in tables:
        if name in hidden and hidden[name].errors:
            hidden[name] = replace(hidden[name], errors=_write_errors(frame, hidden[name].errors))
    if sheets is not None:
        names = {t[0] for t in tables}
        missing = [s for s in sheets if s not in names]
        if missing:
            raise ChronologyReadError(
                f"no sheet named {missing[0]!r}",
                file=path.name,
                found=sorted(names),
                expected="one of the workbook's sheet names",
            )
    # (before the headers are looked for)
    at_top = {name: mojibake_at_top(frame) for name, frame, _visible, _merged in tables}
    headers = {
        name: _header_or_error(frame, options.get("columns"))
        for name, frame, _visible, _merged in tables
        if not (frame.empty or frame.isna().all().all())
    }
    form = _workbook_form(tables, headers, path.name)
    skipped.extend(form.notes if options.get("child_dob") is None else [])
    if form.child_dob is not None and options.get("child_dob") is None:
        options = {**options, "child_dob": form.child_dob}
    if sheets is not None:
        tables = [t for t in tables if t[0] in sheets]
    read: list[tuple[str, bool, Chronology]] = []  # (sheet, visible, its rows)
    grids = {  # sheets with a column per agency (headings no other field maps)
        name: grid
        for name, frame, _visible, _merged in tables
        if name in headers
        and not _headed_table(headers[name], options.get("columns"))
        and (grid := _agency_grid(frame, options.get("columns"), ticks=True)) is not None
    }
    indexes: dict[str, str] = {}  # sheets listing the others: by the column that does
    frames = {name: frame for name, frame, _visible, _merged in tables}
    fills: dict[str, dict[tuple[int, int], bytes]] | None = None  # read when needed
    sheet_names = {" ".join(t[0].split()).casefold() for t in tables}
    errors: list[Exception] = []
    for name, frame, visible, merged in tables:
        if name not in headers:
            skipped.append(_warning("empty_sheet", "the sheet is empty", path.name, name))
            errors.append(EmptyChronologyError("the sheet is empty", file=path.name, sheet=name))
            continue
        try:
            if name in grids:
                read.append(
                    (name, visible, _read_grid(frame, grids[name], path, name, fmt, options))
                )
                continue
            info = headers[name]
            if isinstance(info, ScrTimelineError):  # as parse_table does: say which sheet
                raise _as_location_error(info, file=path.name, sheet=name) from info
            if form.agency is not None and S.AGENCY not in info.mapping.values():
                # after the sheet's own title lines, before the file name
                info = replace(info, title_lines=[*info.title_lines, form.agency])
            if titles.get(name):  # the headings above a web page's table
                info = replace(info, title_lines=[*titles[name], *info.title_lines])
            sections = [
                (row, text, "row merged across the whole sheet")
                for row, text in (_section_rows(frame, merged, info.data_start) if merged else [])
                if not _over_a_header(frame, row, options.get("columns"))
            ]
            across = {row for row, _, _ in sections}
            sections += [
                (row, text, "row holding only a year")
                for row, text in year_rows(frame, info)
                if row not in across
            ]
            sections = with_typed_banners(frame, info, sections, options.get("columns"))
            banners = _agency_banners(sections)
            if name in totals:
                footers = _blank_totals(frame, totals[name], info, path.name, name)
                skipped.extend(footers)
                if name in hidden:  # a count's formula is no cell of the chronology
                    gone = {note[S.SOURCE_ROW] - 1 for note in footers}
                    kept = {at: t for at, t in hidden[name].errors.items() if at[0] not in gone}
                    hidden[name] = replace(hidden[name], errors=kept)
            if name in hidden and hidden[name].subtotals:
                subtotals = _blank_subtotals(frame, hidden[name].subtotals, info, path.name, name)
                skipped.extend(subtotals)
                gone = set(hidden[name].subtotals) - set(frame.dropna(how="all").index)
                kept = {at: t for at, t in hidden[name].errors.items() if at[0] not in gone}
                hidden[name] = replace(hidden[name], errors=kept)
            skipped.extend(blank_footer_rows(frame, info, file=path.name, sheet=name))
            skipped.extend(blank_template_rows(frame, info, file=path.name, sheet=name))
            _unmerge_undated_rows(frame, merged, info)
            others = sheet_names - {" ".join(name.split()).casefold()}
            if (column := _sheet_column(frame, info, others)) is not None:
                indexes[name] = column
            if name in hidden:
                notes = (
                    _hidden_row_warning(frame, hidden[name], info.data_start, path.name, name),
                    _hidden_column_warning(frame, hidden[name].columns, info, path.name, name),
                )
                skipped.extend(note for note in notes if note is not None)
                skipped.extend(_error_warnings(frame, hidden[name].errors, info, path.name, name))
            if name in hidden_days:
                note = _hidden_day_warning(hidden_days[name], info, path.name, name)
                skipped.extend([note] if note is not None else [])
            struck = _struck_rows(frame, hidden[name].struck, info) if name in hidden else []
            struck_out = _rejected_struck(frame, struck, info, path.name, name)
            skipped.extend(blank_section_rows(frame, sections, banners, file=path.name, sheet=name))
            if fmt != "html":  # a web page's cells are text already
                skipped.extend(markup_as_text(frame, info, file=path.name, sheet=name))
            skipped.extend(
                mojibake_as_text(frame, info, file=path.name, sheet=name, at_top=at_top.get(name))
            )
            skipped.extend(_times_typed_as_numbers(frame, info, path.name, name))
            if date_1904:
                _serials_from_1904(frame, info)
            if text_kind is None:
                skipped.extend(_times_hidden_by_format(path, frame, info, path.name, name))
            filled, carried = fill_cells(
                frame,
                info,
                file=path.name,
                sheet=name,
                sections=[r for r, _t, _w in sections],
                columns=options.get("columns"),
            )
            skipped.extend(filled)
            sheet_chron = parse_table(
                frame,
                source=path,
                sheet=name,
                fmt=fmt,
                header=info,
                section_dates=[(row, text) for row, text, _what in sections],
                **{"join_continued": True, **options, "classify": False},
            )
            if struck_out is not None:
                sheet_chron = with_rejected(sheet_chron, struck_out)
            if name in hidden and hidden[name].errors:
                sheet_chron = _error_reasons(sheet_chron, hidden[name].errors, info)
            sheet_chron = agencies_from_banners(sheet_chron, banners, info, name)
            colours = None
            if S.AGENCY not in info.mapping.values() and text_kind is None:
                if fills is None:
                    fills = _sheet_fills(path)
                colours = _colour_agencies(name, info, frames, fills)
            if colours is not None:
                sheet_chron = _with_colour_agencies(sheet_chron, colours, path.name, name)
            elif text_kind is None and (
                info.width is not None or any(_KEY_SHEET.search(n) for n in frames)
            ):  # a key of the colours' meanings: beside the table, or a sheet of its own
                if fills is None:
                    fills = _sheet_fills(path)
                meanings = _colour_meanings(name, info, frames, fills)
                if meanings is not None:
                    sheet_chron = _with_colour_meanings(sheet_chron, meanings, path.name, name)
            sheet_chron = restore_carried(sheet_chron, carried)
            read.append((name, visible, sheet_chron))
        except (MissingColumnError, EmptyChronologyError) as err:
            errors.append(err)
            skipped.append(
                _warning("sheet_skipped", f"sheet skipped: {err.message}", path.name, name)
            )
    if text_kind is None:
        chosen = {name for name, _visible, _chron in read}
        skipped.extend(
            _comment_warning(notes, path.name, name)
            for name, notes in _sheet_comments(path).items()
            if name in chosen
        )
    chrons = _chronology_sheets(read, path.name, skipped, chosen=sheets, indexes=indexes)
    if not chrons:
        if len(errors) == 1:
            raise errors[0]
        detail = "; ".join(str(e) for e in errors)
        raise MissingColumnError(
            f"no sheet holds a chronology table ({detail})",
            file=path.name,
            expected="a sheet with a header row that includes a date column",
        )
    chron = merge(chrons) if len(chrons) > 1 else chrons[0]
    if options.get("classify", True):
        chron = classify_chronology(
            chron, vocabularies=options.get("vocabularies"), duplicates=len(chrons) > 1
        )
    if text_kind is None and (note := _formatting_not_read(path)) is not None:
        skipped.append(note)
    if _holds_macros(path):
        skipped.append(
            _warning(
                "macros_not_run",
                "the workbook holds macros (VBA); they were not run: only the values saved "
                "in its cells were read",
                path.name,
                None,
            )
        )
    if skipped:
        chron = Chronology(
            chron.events,
            chron.rejected,
            pd.concat([chron.warnings, pd.DataFrame(skipped)], ignore_index=True),
            chron.meta,
        )
    return chron
