"""Readers: one module per format, all sharing :func:`parse_table`.

``read()`` picks the reader by the file's suffix and merges several files into one
Chronology.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import numpy as np
import pandas as pd

from .. import _lazy, limits
from .. import schema as S
from .._prebuilt import regex
from ..chronology import Chronology, merge
from ..exceptions import ChronologyReadError, UnsupportedFormatError
from .csv import read_csv
from .table import classify_chronology, parse_table

if TYPE_CHECKING:
    from .docx import read_docx
    from .excel import read_excel
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
# the document readers, and the workbook reader, are imported when first used: a CSV never
# needs them (their modules compile a few dozen patterns at import, the workbook reader's
# took 8 ms of a command-line run); a test checks these against theirs
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})
DOCX_SUFFIXES = frozenset({".docx", ".docm"})
PDF_SUFFIXES = frozenset({".pdf"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
_LAZY = {
    "read_excel": ".excel",
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


#: What to do with a document a reader cannot open but a word processor or spreadsheet can.
_RESAVE: Final = {
    **dict.fromkeys(
        (".rtf", ".doc", ".odt", ".wpd", ".pages"),
        "; open it in Word (or LibreOffice) and save it as a Word document (.docx)",
    ),
    ".numbers": "; open it in Numbers and export it as an Excel workbook (.xlsx)",
}


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
        return __getattr__("read_excel")(path, **options)
    if options.pop("sheets", None) is not None:
        raise TypeError("sheets= only applies to Excel workbooks")
    if suffix in DOCX_SUFFIXES:
        return __getattr__("read_docx")(path, **options)
    if suffix in PDF_SUFFIXES:
        return __getattr__("read_pdf")(path, **options)
    if suffix in TEXT_SUFFIXES:
        return __getattr__("read_text")(path, **options)
    hint = _RESAVE.get(suffix, "")
    raise UnsupportedFormatError(
        f"cannot read files ending {suffix or '(no suffix)'!r}{hint}",
        file=path.name,
        found=suffix,
        expected="one of " + ", ".join(sorted({*SUPPORTED_SUFFIXES, *EXPORT_SUFFIXES})),
    )


#: Warning code: a file whose numeric dates do not show the order of day and month, read
#: in the order the other files of the same chronology show.
DATE_ORDER_FROM_CASE = "day_month_from_other_files"
_AMBIGUOUS = "ambiguous_day_month"


def _case_date_order(
    chrons: list[Chronology], paths: list[Path], options: list[dict[str, Any]]
) -> list[Chronology]:
    """The agency files of one case, each file whose numeric dates do not show whether the
    day or the month comes first ("05/03/2007" throughout: its ``ambiguous_day_month``
    warning) read in the order its sibling files prove.

    The order is decided over every file's date cells together, by the very test one file
    gets (:func:`scr_timeline.dates.parse_date_arrays`): a date such as "22/03/2007" in the
    social-care file proves day first for the GP's file of three dates too. A file read
    so gets a ``day_month_from_other_files`` warning in place of its ambiguous one (and is
    read again when the case writes month first). Files that disagree with each other, or
    a case whose dates prove nothing, leave every warning as it was.
    """
    ambiguous = [i for i, c in enumerate(chrons) if (c.warnings[S.CODE] == _AMBIGUOUS).any()]
    if not ambiguous or len(ambiguous) == len(chrons):
        return chrons
    from ..dates import parse_date_arrays

    texts = pd.concat(
        [frame[S.DATE_TEXT] for c in chrons for frame in (c.events, c.rejected)],
        ignore_index=True,
    ).astype(object)
    texts = texts[texts.notna()].drop_duplicates().reset_index(drop=True)
    decided = parse_date_arrays(texts)
    codes = {code for code, _message in decided.file_warnings}
    if _AMBIGUOUS in codes or (decided.error_code == "month_first_conflict").any():
        return chrons  # the files prove nothing, or disagree among themselves
    order = "day first" if decided.dayfirst else "month first"
    example = _order_example(chrons, ambiguous, day_first=decided.dayfirst)
    message = (
        "none of this file's numeric dates shows whether the day or the month comes first; "
        f"read {order}, as the other files of this chronology show{example}; pass "
        f"dayfirst={not decided.dayfirst} if this file writes them the other way"
    )
    out = list(chrons)
    for i in ambiguous:
        chron = chrons[i]
        if not decided.dayfirst:
            chron = _read_one(paths[i], {**options[i], "dayfirst": False})
        mine = (chrons[i].warnings[S.CODE] == _AMBIGUOUS).to_numpy()
        notes = (
            chrons[i]
            .warnings.loc[mine]
            .assign(**{S.CODE: DATE_ORDER_FROM_CASE, S.MESSAGE: message})
        )
        kept = chron.warnings.loc[(chron.warnings[S.CODE] != _AMBIGUOUS).to_numpy()]
        warnings = pd.concat([kept, notes], ignore_index=True)
        out[i] = Chronology(chron.events, chron.rejected, warnings, chron.meta)
    return out


_NUMERIC_DATE = regex(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*\d{2,4}\b")


def _order_example(chrons: list[Chronology], ambiguous: list[int], *, day_first: bool) -> str:
    """ ", such as '22/03/2007' in social-care.csv": a date of another file that shows the
    order, or "" when none shows it by its numbers (weekdays decided it)."""
    for i, chron in enumerate(chrons):
        if i in ambiguous or not len(chron.events):
            continue
        fields = chron.events[S.DATE_TEXT].astype("string").str.extract(_NUMERIC_DATE)
        first, second = (pd.to_numeric(fields[k], errors="coerce") for k in (0, 1))
        proves = (first > 12) & (second <= 12) if day_first else (second > 12) & (first <= 12)
        hits = np.flatnonzero(proves.fillna(False).to_numpy(dtype=bool))
        if len(hits):
            at = chron.events.iloc[int(hits[0])]
            return f", such as {str(at[S.DATE_TEXT])!r} in {at[S.SOURCE_FILE]}"
    return ""


def _case_ages(
    chrons: list[Chronology], paths: list[Path], options: list[dict[str, Any]]
) -> list[Chronology]:
    """The agency files of one case, each file with ages in its date column ("Aged 6
    weeks", "6/52": rejected, no date of birth given) read again with the date of birth
    the case's other files give (the midwife's birth row, "DOB ..." in a row or title:
    :func:`scr_timeline.classify.birth.find_child_dob`), with an
    ``ages_from_inferred_dob`` warning. Classification still infers, and says, the date
    of birth for the whole chronology."""
    from ..ages import age_in_date_cell
    from ..classify.birth import find_child_dob
    from .table import ages_from_dob_note

    def has_ages(chron: Chronology) -> bool:
        if S.DATE_TEXT not in chron.rejected:
            return False
        values = chron.rejected[S.DATE_TEXT].dropna().unique()
        return any(isinstance(v, str) and age_in_date_cell(v) is not None for v in values)

    aged = [i for i, c in enumerate(chrons) if has_ages(c)]
    if not aged:
        return chrons
    merged = merge(chrons)
    titles = [c.meta.title for c in chrons if c.meta.title]
    found = find_child_dob(merged.events, titles=titles)
    if found is None:
        return chrons
    out = list(chrons)
    for i in aged:
        again = _read_one(paths[i], {**options[i], "child_dob": found.dob})
        rows = sorted(set(chrons[i].rejected[S.SOURCE_ROW]) - set(again.rejected[S.SOURCE_ROW]))
        if not rows:
            continue
        source = again.meta.sources[0] if again.meta.sources else None
        note = ages_from_dob_note(
            rows, found, source.file if source else str(paths[i]), source.sheet if source else None
        )
        warnings = pd.concat([again.warnings, pd.DataFrame([note])], ignore_index=True)
        meta = again.meta.with_changes(child_dob=None)  # inferred, not given
        events = again.events
        if S.CHILD_AGE_DAYS in events and chrons[i].events[S.CHILD_AGE_DAYS].isna().all():
            # the ages the date of birth gave: classification works them out for the
            # whole case (and says where the date of birth came from)
            events = events.copy()
            events[S.CHILD_AGE_DAYS] = pd.array([pd.NA] * len(events), dtype="Int64")
        out[i] = Chronology(events, again.rejected, warnings, meta)
    return out


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
    per_file = []
    for path in paths:
        opts = dict(options)
        if sheets is not None:
            opts["sheets"] = sheets
        if several:
            opts["classify"] = False  # classified once, after merging
        per_file.append(opts)
        chrons.append(_read_one(path, dict(opts)))
    if several:
        if dayfirst is None:
            chrons = _case_date_order(chrons, paths, per_file)
        if child_dob is None:
            chrons = _case_ages(chrons, paths, per_file)
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
