"""Excel chronologies (.xlsx, .xlsm, .xls, .ods): every sheet, through python-calamine.

openpyxl is the fallback for workbooks calamine cannot open. Merged cells come back as
the value in their top-left cell (the header finder reads a merged heading forward).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pandas as pd

from .. import limits
from ..chronology import Chronology, merge
from ..exceptions import (
    ChronologyReadError,
    EmptyChronologyError,
    MissingColumnError,
)
from .table import _warning, classify_chronology, parse_table

__all__ = ["read_excel", "read_excel_sheets"]

EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})


def _calamine_sheets(path: Path) -> list[tuple[str, list[list[Any]], bool]]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    try:
        visible = {
            m.name: str(m.visible).lower().endswith("visible") for m in workbook.sheets_metadata
        }
        out = []
        for name in workbook.sheet_names:
            rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            out.append((name, rows, visible.get(name, True)))
        return out
    finally:
        workbook.close()


def _openpyxl_sheets(path: Path) -> list[tuple[str, list[list[Any]], bool]]:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [
            (
                ws.title,
                [list(r) for r in ws.iter_rows(values_only=True)],
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

    Row ``i`` of a table is Excel row ``i + 1``; cells keep their Excel types (text,
    numbers, dates and times).

    Parameters
    ----------
    engine
        ``"calamine"`` (fast, default; falls back to openpyxl if it fails) or ``"openpyxl"``.
    """
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
    out = []
    for name, rows, visible in sheets:
        width = max((len(r) for r in rows), default=0)
        if width > limits.MAX_COLUMNS:  # count the columns that hold a value
            used = max(
                (i + 1 for r in rows for i, v in enumerate(r) if v not in (None, "")), default=0
            )
            limits.check_columns(used, file=path.name, sheet=name)
        frame = pd.DataFrame([list(r) + [None] * (width - len(r)) for r in rows], dtype=object)
        if width:
            frame = frame.map(lambda v: None if v == "" else v)
        out.append((name, frame, visible))
    return out


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
    warning; if no sheet holds one, the error names what each sheet held.

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
    tables = read_excel_sheets(path, engine=engine)
    if sheets is not None:
        names = {name for name, _, _ in tables}
        missing = [s for s in sheets if s not in names]
        if missing:
            raise ChronologyReadError(
                f"no sheet named {missing[0]!r}",
                file=path.name,
                found=sorted(names),
                expected="one of the workbook's sheet names",
            )
        tables = [t for t in tables if t[0] in sheets]
    fmt = path.suffix.lower().lstrip(".")
    chrons: list[Chronology] = []
    skipped: list[dict[str, Any]] = []
    errors: list[Exception] = []
    for name, frame, _visible in tables:
        if frame.empty or frame.isna().all().all():
            skipped.append(_warning("empty_sheet", "the sheet is empty", path.name, name))
            errors.append(EmptyChronologyError("the sheet is empty", file=path.name, sheet=name))
            continue
        try:
            chrons.append(
                parse_table(
                    frame, source=path, sheet=name, fmt=fmt, **{**options, "classify": False}
                )
            )
        except (MissingColumnError, EmptyChronologyError) as err:
            errors.append(err)
            skipped.append(
                _warning("sheet_skipped", f"sheet skipped: {err.message}", path.name, name)
            )
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
