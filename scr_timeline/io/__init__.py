"""Readers: one module per format, all sharing :func:`parse_table`.

``read()`` picks the reader by the file's suffix and merges several files into one
Chronology.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .. import _lazy, limits
from ..chronology import Chronology, merge
from ..exceptions import ChronologyReadError, UnsupportedFormatError
from .csv import read_csv
from .excel import EXCEL_SUFFIXES, read_excel
from .table import classify_chronology, parse_table

if TYPE_CHECKING:
    from .docx import read_docx
    from .pdf import read_pdf
    from .text import parse_paragraphs, read_text

__all__ = [
    "SUPPORTED_SUFFIXES",
    "parse_paragraphs",
    "parse_table",
    "read",
    "read_csv",
    "read_docx",
    "read_excel",
    "read_pdf",
    "read_text",
]

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".tab"})
# the document readers are imported when first used: a spreadsheet never needs them (their
# modules compile a few dozen patterns at import); a test checks these against theirs
DOCX_SUFFIXES = frozenset({".docx", ".docm"})
PDF_SUFFIXES = frozenset({".pdf"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
_LAZY = {
    "read_docx": ".docx",
    "read_pdf": ".pdf",
    "read_text": ".text",
    "parse_paragraphs": ".text",
}
#: Read when named one by one (a case system's "Export to Excel" as a web page or an Excel
#: 2003 XML workbook, see read_excel), but not picked up from a folder: a folder of
#: chronologies may hold other web pages and XML files.
EXPORT_SUFFIXES = frozenset({".htm", ".html", ".xml"})
SUPPORTED_SUFFIXES = tuple(
    sorted(CSV_SUFFIXES | EXCEL_SUFFIXES | DOCX_SUFFIXES | PDF_SUFFIXES | TEXT_SUFFIXES)
)


def __getattr__(name: str) -> Any:
    return _lazy.attribute(globals(), _LAZY, __name__, name)


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(
                f
                for f in path.iterdir()
                if f.is_file()
                and f.suffix.lower() in SUPPORTED_SUFFIXES
                and not f.name.startswith(("~$", "."))
                and f.stem.casefold() != "readme"
            )
            if not found:
                raise ChronologyReadError(
                    "the folder holds no chronology files",
                    file=str(path),
                    expected="files ending " + ", ".join(SUPPORTED_SUFFIXES),
                )
            out.extend(found)
        else:
            out.append(path)
    return out


def _read_one(path: Path, options: dict[str, Any]) -> Chronology:
    suffix = path.suffix.lower()
    if not path.exists():
        raise ChronologyReadError("no such file", file=str(path))
    if path.is_file():
        limits.check_file_size(path)
    if suffix in CSV_SUFFIXES:
        sheets = options.pop("sheets", None)
        if sheets is not None:
            raise TypeError("sheets= only applies to Excel workbooks")
        return read_csv(path, **options)
    if suffix in EXCEL_SUFFIXES or suffix in EXPORT_SUFFIXES:
        return read_excel(path, **options)
    if options.pop("sheets", None) is not None:
        raise TypeError("sheets= only applies to Excel workbooks")
    if suffix in DOCX_SUFFIXES:
        return __getattr__("read_docx")(path, **options)
    if suffix in PDF_SUFFIXES:
        return __getattr__("read_pdf")(path, **options)
    if suffix in TEXT_SUFFIXES:
        return __getattr__("read_text")(path, **options)
    raise UnsupportedFormatError(
        f"cannot read files ending {suffix or '(no suffix)'!r}",
        file=path.name,
        found=suffix,
        expected="one of " + ", ".join(sorted({*SUPPORTED_SUFFIXES, *EXPORT_SUFFIXES})),
    )


def read(
    source: str | Path | pd.DataFrame | Iterable[str | Path],
    *,
    columns: Mapping[str, str] | None = None,
    agency: str | None = None,
    child_dob: object = None,
    end_date: object = None,
    dayfirst: bool | None = None,
    anchor_relative: bool = False,
    title: str | None = None,
    sheets: list[str] | None = None,
    vocabularies: Mapping[str, str | Path] | None = None,
) -> Chronology:
    """Read one or more chronologies (any supported format) into one Chronology.

    Parameters
    ----------
    source
        A file, a folder (every chronology file in it but a README), a list of files (agency
        chronologies of one case, merged), or a DataFrame whose columns are the headings.
    columns
        Headings to canonical fields, overriding the built-in synonyms:
        ``{"When": "date"}``.
    agency
        Agency of rows that have none (no agency column, or a blank cell) when neither the
        sheet name, a title line nor the file name names one.
    child_dob
        The child's date of birth; gives ``child_age_days``.
    end_date
        The end of the period under review.
    dayfirst
        ``None`` decides from each file's dates (day first unless they prove month first).
    anchor_relative
        Date relative cells ("2 weeks later") from the row above instead of rejecting them.
    title
        Title of the chronology.
    sheets
        For Excel workbooks: only these sheets.
    vocabularies
        Vocabulary files of your own extending the shipped ones, by name:
        ``{"event_types": "local-words.csv", "agency_aliases": "our-agencies.csv"}``.

    Returns
    -------
    Chronology
        Events sorted by start; every input row is an event or a rejected row.

    Notes
    -----
    Word (``.docx``, needs ``scr-timeline[word]``) and PDF (``.pdf``, needs
    ``scr-timeline[pdf]``) chronologies are read from their tables, or as narratives
    (paragraphs that start with a date) when they have none, as are ``.txt`` and ``.md``
    files; see ``docs/formats.md``.

    Examples
    --------
    >>> import scr_timeline as scr
    >>> from scr_timeline.datasets import sample_path
    >>> chron = scr.read(sample_path("child-a-combined.csv"), child_dob="01/03/2006")
    >>> chron.meta.child_dob
    Timestamp('2006-03-01 00:00:00')
    """
    options: dict[str, Any] = {
        "columns": columns,
        "agency": agency,
        "child_dob": child_dob,
        "end_date": end_date,
        "dayfirst": dayfirst,
        "anchor_relative": anchor_relative,
        "vocabularies": vocabularies,
    }
    if isinstance(source, pd.DataFrame):
        return parse_table(source, source="dataframe", title=title, **options)
    if isinstance(source, str | Path):
        paths = _expand([source])
    elif isinstance(source, Iterable):
        paths = _expand(list(source))
    else:
        raise TypeError(
            f"read() takes a path, a list of paths or a DataFrame, not {type(source).__name__}"
        )
    if not paths:
        raise ChronologyReadError("no files given", expected="at least one chronology file")
    chrons = []
    several = len(paths) > 1
    for path in paths:
        opts = dict(options)
        if sheets is not None:
            opts["sheets"] = sheets
        if several:
            opts["classify"] = False  # classified once, after merging
        chrons.append(_read_one(path, opts))
    if several:
        merged = merge(chrons, title=title)
        return classify_chronology(merged, vocabularies=vocabularies, duplicates=True)
    if len(chrons) == 1:
        chron = chrons[0]
        if title is not None:
            chron = Chronology(
                chron.events, chron.rejected, chron.warnings, chron.meta.with_changes(title=title)
            )
        return chron
    raise ChronologyReadError("no files given", expected="at least one chronology file")
