"""CSV and TSV chronologies: encoding detected, delimiter sniffed, every cell kept as text."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import functools
import html
import io
import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Final, NamedTuple, cast

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .. import limits
from .. import schema as S
from .._prebuilt import regex
from ..chronology import Chronology
from ..dates import PreviousDate, parse_date, parse_date_arrays
from ..exceptions import ChronologyReadError, EmptyChronologyError, ScrTimelineError
from ._arrow import text_buffers
from .headers import (
    FORM_CHILD_DOB,
    FormField,
    HeaderInfo,
    find_header,
    footer_rows,
    form_fields,
    guidance_row,
    headings_like,
    is_footer_line,
    is_repeated_header,
    map_headings,
    names_child_dob,
    numbered_rows,
    other_date_columns,
    page_furniture,
    time_cells,
    year_rows,
)
from .table import (
    _slug,
    agencies_from_practitioners,
    beside_headers,
    classify_chronology,
    parse_table,
    with_warnings,
)

__all__ = [
    "MIXED_ENCODING",
    "agencies_from_practitioners",
    "blank_template_rows",
    "child_dob_from_column",
    "child_dob_from_forms",
    "date_from_other_column",
    "decode_text",
    "fill_agency_down",
    "fill_dittos",
    "join_broken_lines",
    "markup_as_text",
    "mojibake_as_text",
    "mojibake_at_top",
    "overlong_rows",
    "read_csv",
    "read_csv_table",
    "sniff_delimiter",
]

_DELIMITERS = ",;\t|"
_SNIFF_BYTES = 64 * 1024
_CP1252_UNDEFINED = b"\x81\x8d\x8f\x90\x9d"
#: The first line Excel reads as the file's delimiter ("sep=;"), and writes itself when
#: saving for a region whose list separator is not the comma; not a line of the table.
_SEP_LINE = regex(r'"?sep=([,;\t|])"?[,;\t|]*[ \t]*(?:\r\n|\r|\n|$)', re.IGNORECASE)


def decode_text(data: bytes, *, file: str = "") -> tuple[str, str]:
    """Decode the bytes of a text table: UTF-8 (with or without BOM), UTF-16, else cp1252.

    Returns the text and the encoding used.

    Examples
    --------
    >>> decode_text("Date,Détails".encode("cp1252"))
    ('Date,Détails', 'cp1252')
    >>> decode_text(b"\\xef\\xbb\\xbfDate")
    ('Date', 'utf-8-sig')
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # errors="replace": an unpaired surrogate (a cut export) becomes U+FFFD, as bad
        # UTF-8 does above, rather than failing the whole file
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:4096]:
        utf16 = _utf16_without_bom(data[:4096])
        if utf16:
            return data.decode(utf16, errors="replace"), utf16
        if _stray_nuls(data[:4096]):
            # text with a few NUL bytes in it (a system's padding, a damaged export): the
            # text without them (the reader warns, nul_bytes)
            text, encoding = decode_text(data.replace(b"\x00", b""), file=file)
            return text, encoding + NUL_BYTES
        raise ChronologyReadError(
            "this is not a text table (it holds binary data)",
            file=file,
            expected="a CSV or TSV file of text",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    chars, stray = _high_byte_counts(data)
    if stray * 2 < chars:
        # mostly UTF-8 ("’" written as three bytes) with a few bytes of Windows-1252 (a row
        # typed or pasted in another program): each part read in its own encoding
        return data.decode("utf-8", errors=_CP1252_BYTES), MIXED_ENCODING
    if _mac_roman(data):
        return data.decode("mac_roman"), "mac_roman"
    if not any(b in data for b in _CP1252_UNDEFINED):
        return data.decode("cp1252"), "cp1252"
    return data.decode("latin-1"), "latin-1"


def _byte_class(chars: bytes) -> np.ndarray:
    table = np.zeros(256, dtype=bool)
    table[np.frombuffer(chars, dtype=np.uint8)] = True
    return table


_LETTER_BYTE: Final = _byte_class(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_LOWER_BYTE: Final = _byte_class(b"abcdefghijklmnopqrstuvwxyz")
_CLOSED_BYTE: Final = _byte_class(b"abcdefghijklmnopqrstuvwxyz0123456789.,!?")
_AFTER_BYTE: Final = _byte_class(b' \t\r\n,.;:)!?|"')
_SPACE_DIGIT_BYTE: Final = _byte_class(b" \t0123456789")


_MAC_PUNCTUATION: Final = (b"\xd5", b"\xd0", b"\xd3", b"\xd1")


def _mac_roman(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 are Mac Roman (Excel for Mac's "CSV (Macintosh)"),
    not Windows-1252: Mac Roman's punctuation where Windows-1252 would give capital letters
    no English text writes there: "’" (0xD5, Windows-1252 "Õ") inside or closing a word
    ("Child AÕs", "parentsÕ "), "”" (0xD3, "Ó") closing one, "–" or "—" (0xD0, 0xD1: "Ð",
    "Ñ") between spaces or digits; more often than Windows-1252's own punctuation bytes
    (0x85, 0x91-0x97: in Mac Roman "Ö", "ë"...) appear. Only the bytes above 0x7F are looked
    at.

    >>> _mac_roman("Child A’s home visit – seen".encode("mac_roman"))
    True
    >>> _mac_roman("Child A’s home visit – seen".encode("cp1252"))
    False
    >>> _mac_roman("PÓVOA, ÐORÐE, JOÃO".encode("cp1252"))
    False
    """
    if not any(byte in data for byte in _MAC_PUNCTUATION):  # a byte search each: quick
        return False
    arr = np.frombuffer(data, dtype=np.uint8)
    where = np.flatnonzero(arr >= 0x80)
    high = arr[where]
    candidate = (high >= 0xD0) & (high <= 0xD5)
    if not candidate.any():
        return False
    pos = where[candidate]
    byte = high[candidate]
    prev = arr[np.maximum(pos - 1, 0)]
    after = np.append(arr, np.uint8(0x0A))[pos + 1]
    quote = (byte == 0xD5) | (byte == 0xD3)
    marks = (
        ((byte == 0xD5) & _LETTER_BYTE[prev] & _LOWER_BYTE[after])  # ’ in a word
        | (quote & _CLOSED_BYTE[prev] & _AFTER_BYTE[after])  # ’ or ” closing one
        | ((byte <= 0xD1) & _SPACE_DIGIT_BYTE[prev] & _SPACE_DIGIT_BYTE[after])  # – or —
    )
    found = int(np.count_nonzero(marks))
    windows = int(np.count_nonzero(((high >= 0x91) & (high <= 0x97)) | (high == 0x85)))
    return found > windows


#: The encoding :func:`decode_text` reports for UTF-8 text with Windows-1252 bytes in it.
MIXED_ENCODING = "utf-8+cp1252"
#: Added to the encoding :func:`decode_text` reports for text it read without NUL bytes.
NUL_BYTES = "+nul"
#: Control characters text does not hold: all but tab, the line breaks, vertical tab and form
#: feed (a page break), and DOS's end-of-file mark (Ctrl-Z).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 26))


def _stray_nuls(head: bytes) -> bool:
    """Whether ``head`` is text with a few NUL bytes in it (at most 4, or 1 byte in 50, and
    no other control character), not a binary file.

    >>> _stray_nuls(b"Date,Details\\r\\n12/03/2007,Seen\\x00\\r\\n")
    True
    >>> _stray_nuls(b"PK\\x03\\x04\\x00\\x00")
    False
    """
    nuls = head.count(b"\x00")
    if nuls > max(4, len(head) // 50):
        return False
    rest = head.replace(b"\x00", b"")
    return len(rest.translate(None, _CONTROL)) == len(rest)


#: A character of UTF-8 beyond ASCII, or (group 1) a byte that is none.
_HIGH_BYTES = regex(
    rb"(?:[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3})"
    rb"|([\x80-\xff])"
)
_CP1252_BYTES = "scr_timeline_cp1252"


def _high_bytes(arr: np.ndarray, block: int = 1 << 20) -> np.ndarray:
    """The positions of the bytes above 0x7F in ``arr``, block by block (a comparison of
    the whole buffer at once allocates a mask as big as the file: about 0.4 s for 195 MB
    on a virtual machine, against 0.02 s for the blocks of ASCII it skips)."""
    found: list[np.ndarray] = []
    mask = np.empty(min(block, len(arr)), dtype=bool)
    for lo in range(0, len(arr), block):
        part = arr[lo : lo + block]
        if int(part.max()) < 0x80:
            continue
        out = mask[: len(part)]
        np.greater(part, 0x7F, out=out)
        found.append(np.flatnonzero(out) + lo)
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def _high_byte_counts(data: bytes) -> tuple[int, int]:
    """How many characters beyond ASCII ``data`` holds as :data:`_HIGH_BYTES` reads them
    (UTF-8 characters and stray bytes together), and how many of them are stray bytes.

    A match holds only bytes above 0x7F, and an ASCII byte matches nothing, so the runs
    of such bytes are matched alone, each with the one ASCII byte after it: the same
    matches as over the whole text, without scanning every ASCII byte in Python (a
    195 MB file with a few stray bytes took 20 s).

    >>> _high_byte_counts("Mother’s café".encode() + b" \\x92 ok")
    (3, 1)
    """
    arr = np.frombuffer(data, dtype=np.uint8)
    high = _high_bytes(arr)
    if not len(high):
        return 0, 0
    # each byte above 0x7F, and the byte after each (an ASCII byte ends a run), in order
    pairs = np.stack([high, high + 1], axis=1).ravel()
    keep = pairs[np.append(True, pairs[1:] != pairs[:-1])]
    keep = keep[keep < len(arr)]
    stray = chars = 0
    for m in _HIGH_BYTES.finditer(arr[keep].tobytes()):
        chars += 1
        stray += m.group(1) is not None
    return chars, stray


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: the bytes UTF-8 cannot read, read as Windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bad.decode("cp1252", errors="replace"), error.end


codecs.register_error(_CP1252_BYTES, _cp1252_bytes)


def _utf16_without_bom(head: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for text saved as UTF-16 without a byte-order mark (every
    other byte zero, as Latin text is in UTF-16), else None."""
    even, odd = head[0::2], head[1::2]
    if len(odd) < 8:
        return None
    for codec, zeros, text in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) >= 0.9 * len(zeros) and text.count(0) <= 0.02 * len(text):
            return codec
    return None


def sniff_delimiter(sample: str, *, default: str = ",") -> str:
    """Guess the delimiter of a CSV sample (comma, semicolon, tab or bar).

    Examples
    --------
    >>> sniff_delimiter("Date;Agency;Details\\n12/03/2007;GP;seen\\n")
    ';'
    """
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    if not lines:
        return default
    try:
        dialect = csv.Sniffer().sniff("\n".join(lines), delimiters=_DELIMITERS)
        return dialect.delimiter
    except csv.Error:
        pass
    # the most frequent candidate that appears in most lines
    best, best_score = default, 0
    for delim in _DELIMITERS:
        score = sum(1 for line in lines if delim in line)
        if score > best_score:
            best, best_score = delim, score
    return best


def _python_rows(text: str, delimiter: str, *, file: str = "") -> tuple[pd.DataFrame, int | None]:
    """Slow path for ragged files (title lines with fewer fields): the csv module. Returns
    the rows and, when a quote is never closed (:func:`_unclosed_quote`), the row where it
    opened (the lines after it are then rows of their own), else None."""
    rows, unclosed = _unclosed_quote(text, delimiter)
    width = max((len(r) for r in rows), default=0)
    if width > limits.MAX_COLUMNS:  # the columns that hold a value, before padding
        used = max((i + 1 for r in rows for i, v in enumerate(r) if v), default=0)
        limits.check_columns(used, file=file)
    padded = [r + [""] * (width - len(r)) for r in rows]
    frame = pd.DataFrame(padded, dtype="string")
    if frame.shape[1]:
        frame = frame.mask(frame == "")
    return frame, unclosed


#: A line's end as the csv module reads one.
_LINE_BREAK = regex(r"\r\n|\r|\n")


def _unclosed_quote(text: str, delimiter: str) -> tuple[list[list[str]], int | None]:
    """The records of ``text`` and, when a quote opening a cell is never closed, the
    record where it opened. Such a quote ("Mother said "no" typed at the start of a cell)
    makes the rest of the file that cell's text, in Excel as in the csv module: rows that
    are lost. When the lines after it hold the delimiter as often as the table's rows do,
    they are read as rows of their own, each line by itself with its quotes as written."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    starts: list[int] = []  # the line each record starts on (0-based)
    while True:
        start = reader.line_num
        row = next(reader, None)
        if row is None:
            break
        starts.append(start)
        rows.append(row)
    if len(rows) < 2 or text.count('"') % 2 == 0:  # every quote closed
        return rows, None
    lines = _LINE_BREAK.split(text)
    last, first = len(rows) - 1, starts[-1]
    width = max(len(r) for r in rows[:-1])
    after = lines[first + 1 :]
    if not any(line.count(delimiter) >= width - 1 for line in after):  # its own lines
        return rows, None
    own = [
        next(csv.reader([line], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])
        for line in lines[first:]
    ]
    return rows[:last] + own, last


def _fast_rows(source: Path | str, delimiter: str, encoding: str) -> pd.DataFrame | None:
    """pandas' C parser with every cell kept as text; None when the file needs the slow path.

    The header is read as a data row, so every column holds text in the first chunk; a
    column the parser still turns into numbers in a later chunk (a heading-less column
    of numbers) would lose "007" to 7, so that file is re-read with every cell as text.
    Ragged files (title lines with fewer cells than the table) raise in the C parser and
    take the slow path.
    """
    options: dict[str, Any] = {
        "sep": delimiter,
        "header": None,
        "keep_default_na": False,  # "N/A" and "NA" are what someone wrote, not blanks
        "na_values": [""],
        "skip_blank_lines": False,  # row numbers must match the file
        "engine": "c",
    }
    # a path is parsed straight from disk (fastest); decoded text otherwise (UTF-16, a
    # mostly UTF-8 file with stray bytes), given to the parser as the UTF-8 bytes pandas
    # would make of it (one encode: pandas encodes a text buffer piece by piece, and a
    # StringIO of the text is one more copy of it)
    options["encoding"] = encoding if isinstance(source, Path) else "utf-8"
    data: bytes | None = None

    def handle() -> Any:
        nonlocal data
        if isinstance(source, Path):
            return source
        if data is None:
            data = source.encode("utf-8")
        return io.BytesIO(data)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.DtypeWarning)
            frame = pd.read_csv(handle(), **options)
            if not all(
                pd.api.types.is_string_dtype(t) and t != np.dtype(object) for t in frame.dtypes
            ):
                frame = pd.read_csv(handle(), dtype=str, **options)
    except (pd.errors.ParserError, pd.errors.DtypeWarning, ValueError):
        return None
    frame = frame.astype(pd.StringDtype("pyarrow"))
    frame.columns = pd.RangeIndex(frame.shape[1])
    return frame


def _check_width(sample: str, delimiter: str, *, file: str, whole: bool) -> None:
    """Refuse a file whose first rows have more than MAX_COLUMNS cells, before parsing it."""
    if sample.count(delimiter) <= limits.MAX_COLUMNS:
        return
    try:
        rows = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
        width = max((len(row) for row in rows), default=0)
    except csv.Error:
        width = max(line.count(delimiter) + 1 for line in sample.splitlines() or [""])
    limits.check_columns(width, file=file, at_least=not whole)


def _cut_at_char(head: bytes) -> bytes:
    """A sample cut before a UTF-8 character that runs past its end."""
    for back in range(1, 4):
        if len(head) > back and (head[-back] & 0xC0) == 0xC0:  # a lead byte
            return head[:-back]
    return head


def read_csv_table(
    path: str | Path, *, delimiter: str | None = None
) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Read a CSV/TSV file into a raw table of text cells (no header applied).

    Returns the table (integer column labels, row 0 is the file's first record) and facts
    about the file (encoding, delimiter; ``unclosed_quote``: the row where a quote opens a
    cell and is never closed, the lines after it read as rows of their own).

    Raises
    ------
    EmptyChronologyError
        The file is empty.
    ChronologyReadError
        The file is binary or cannot be parsed as delimited text.
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
            whole = len(head) < _SNIFF_BYTES
    except OSError as err:
        raise ChronologyReadError(f"cannot open the file: {err.strerror}", file=path.name) from err
    if whole and not head.strip():
        raise EmptyChronologyError("the file is empty", file=path.name)
    # Large UTF-8 files go straight from disk to pandas' parser; only files that are not
    # UTF-8 (or need the slow path) are decoded here in full.
    sample, encoding = decode_text(head if whole else _cut_at_char(head), file=path.name)
    default = "\t" if path.suffix.lower() in {".tsv", ".tab"} else ","
    directive = _SEP_LINE.match(sample)
    if directive is not None:
        delim = delimiter or directive.group(1)
    else:
        delim = delimiter or sniff_delimiter(sample, default=default)
    _check_width(sample, delim, file=path.name, whole=whole)
    text: str | None = sample if whole else None
    frame: pd.DataFrame | None = None
    if encoding in {"utf-8", "utf-8-sig"}:
        try:
            frame = _fast_rows(path, delim, encoding)
        except UnicodeDecodeError:
            frame = None
            text = None
            encoding = ""
    if frame is None:
        if text is None or not encoding:
            text, encoding = decode_text(path.read_bytes(), file=path.name)
        if not text or text.isspace():  # (strip() would copy the whole text)
            raise EmptyChronologyError("the file is empty", file=path.name)
        frame = _fast_rows(text, delim, encoding)
    unclosed: int | None = None
    if frame is None:
        if text is None:  # pragma: no cover - text is always decoded before this point
            text, encoding = decode_text(path.read_bytes(), file=path.name)
        try:
            frame, unclosed = _python_rows(text, delim, file=path.name)
        except csv.Error as err:
            raise ChronologyReadError(
                f"cannot read the file as delimited text: {err}",
                file=path.name,
                expected=f"rows of cells separated by {delim!r}",
            ) from err
    if frame.shape[1] == 1 and (inner := _lines_quoted_whole(frame)) is not None:
        frame, delim = inner
    if directive is not None and len(frame):  # Excel's own line, not a title of the table
        frame.iloc[0] = pd.NA
    _unwrap_text_formulas(frame)
    _drop_inner_marks(frame)
    if frame.empty or frame.isna().all().all():
        raise EmptyChronologyError("the file holds no cells", file=path.name)
    if frame.shape[1] > limits.MAX_COLUMNS:  # a wide row below the first 64 KB
        limits.check_columns(int(frame.notna().any().sum()), file=path.name)
    facts: dict[str, Any] = {"encoding": encoding, "delimiter": delim}
    if unclosed is not None:  # the row where a quote opens and is never closed
        facts["unclosed_quote"] = unclosed
    return frame, facts


def _lines_quoted_whole(frame: pd.DataFrame) -> tuple[pd.DataFrame, str] | None:
    """The table, and its delimiter, of a file whose every line is quoted as one cell
    ('"Date,Agency,Details"', quotes inside doubled: a CSV opened in one column and saved
    again, or an export that quotes each record), each line's cell read as a line of
    delimited text; None when the lines are no table so (the first 50 do not mostly hold
    one delimiter, or the cells read so give no header row)."""
    cells = frame[0]
    head = cells.dropna().iloc[:50].tolist()
    if len(head) < 2:
        return None
    delim = sniff_delimiter("\n".join(head))
    if sum(delim in cell for cell in head) * 5 < len(head) * 4:
        return None
    texts = cells.fillna("").tolist()
    try:
        rows = list(csv.reader(texts, delimiter=delim))
    except csv.Error:
        return None
    if len(rows) != len(texts):  # a quote not closed within its line
        return None
    width = max(len(row) for row in rows)
    inner = pd.DataFrame([row + [""] * (width - len(row)) for row in rows], dtype="string")
    inner = inner.mask(inner == "")
    try:
        find_header(inner)
    except ScrTimelineError:
        return None
    return inner, delim


#: A cell an export wrote as an Excel formula of text, ="01/03/2007", so that Excel keeps
#: it as written (a date not turned into a number, "00123" keeping its zeros).
_TEXT_FORMULA = r'^="([^"]*)"$'


def _unwrap_text_formulas(frame: pd.DataFrame) -> None:
    """Read each cell written as ="text" as its text, in ``frame``, a column at a time (a
    big column only when cells spread over it are so written: an export writes a whole
    column so)."""
    for label in frame.columns:
        column = frame[label]
        if not isinstance(column.dtype, pd.StringDtype):
            continue
        if len(column) > _SAMPLED_CELLS:
            sample = _sample(pa.array(column.array, type=pa.large_string()))
            if not pc.any(pc.starts_with(sample, '="')).as_py():
                continue
        if isinstance(column.array, pd.arrays.ArrowStringArray):
            # Arrow's own test, as pandas' str.startswith makes it, without pandas' calls
            wrapped_any = bool(pc.any(pc.starts_with(column.array.__arrow_array__(), '="')).as_py())
        else:
            wrapped_any = bool(column.str.startswith('="').fillna(False).any())
        if wrapped_any:
            frame[label] = column.str.replace(_TEXT_FORMULA, r"\1", regex=True)


def _drop_inner_marks(frame: pd.DataFrame) -> None:
    """Drop, in ``frame``, the byte-order mark that opens a line inside the file: files
    saved as "CSV UTF-8" joined into one (``copy a.csv+b.csv``) each keep their own mark,
    which then opens the first cell of the second file's header or first row
    (U+FEFF before "Date" or "12/03/2007": an invisible character kept in the heading and in
    ``date_text``). Looked for in the first column only."""
    if not frame.shape[1] or not isinstance(frame[0].dtype, pd.StringDtype):
        return
    first = frame[0]
    marked = pc.starts_with(pa.array(first.array, type=pa.large_string()), "\ufeff")
    if pc.any(marked).as_py():
        frame[0] = first.str.replace("^\ufeff", "", regex=True).astype(first.dtype)


def read_csv(path: str | Path, *, delimiter: str | None = None, **options: Any) -> Chronology:
    """Read a CSV or TSV chronology.

    The encoding (UTF-8, UTF-8 with BOM, UTF-16, cp1252) is detected and the delimiter
    (comma, semicolon, tab, bar) sniffed; the header row is found below any title lines.

    Parameters
    ----------
    path
        The file.
    delimiter
        Force a delimiter instead of sniffing it.
    **options
        Passed to :func:`scr_timeline.parse_table` (``columns``, ``agency``, ``dayfirst``,
        ``child_dob``, ``end_date``, ``anchor_relative``, ``title``).

    Examples
    --------
    >>> import scr_timeline as scr
    >>> from scr_timeline.datasets import sample_path
    >>> chron = scr.read_csv(sample_path("child-a-combined.csv"))
    >>> len(chron) > 0
    True
    """

    path = Path(path)
    raw, facts = read_csv_table(path, delimiter=delimiter)
    fmt = path.suffix.lower().lstrip(".") or "csv"
    at_top = mojibake_at_top(raw)
    header = _header(raw, options.get("columns"))
    grid = None
    if not _headed_table(header, options.get("columns")):
        grid = _agency_grid(raw, options.get("columns"), ticks=True)
    if grid is not None:  # a column per agency, read as Excel reads one
        cells = raw.astype(object).where(raw.notna(), None)
        chron = _read_grid(cells, grid, path, None, fmt, options)
        if options.get("classify", True):
            chron = classify_chronology(chron, vocabularies=options.get("vocabularies"))
        return with_warnings(chron, _encoding_notes(facts["encoding"], path.name))
    notes: list[dict[str, Any]] = []
    sections: list[tuple[int, str, str]] = []
    banners: list[tuple[int, str, str]] = []
    if header is not None:
        sections = [(row, text, "row holding only a year") for row, text in year_rows(raw, header)]
        sections = with_typed_banners(raw, header, sections, options.get("columns"))
        banners = _agency_banners(sections)
        notes.extend(blank_section_rows(raw, sections, banners, file=path.name, sheet=None))
    if header is not None and header.header_rows and options.get("child_dob") is None:
        above = form_fields(raw.iloc[: header.header_rows[0]])  # "DOB:,01/03/2016" over it
        dob, found = child_dob_from_forms([(None, f) for f in above], file=path.name)
        if dob is None and not found:
            dob, found = child_dob_from_column(raw, header, file=path.name, sheet=None)
        notes.extend(found)
        if dob is not None:
            options = {**options, "child_dob": dob}
    if header is not None:
        notes.extend(blank_footer_rows(raw, header, file=path.name, sheet=None))
        notes.extend(blank_template_rows(raw, header, file=path.name, sheet=None))
        notes.extend(join_broken_lines(raw, header, path, facts["delimiter"]))
        notes.extend(markup_as_text(raw, header, file=path.name, sheet=None))
        notes.extend(mojibake_as_text(raw, header, file=path.name, sheet=None, at_top=at_top))
        unclosed = _rejected_unclosed(raw, header, facts.get("unclosed_quote"), path.name)
        filled, carried = fill_cells(
            raw,
            header,
            file=path.name,
            sheet=None,
            sections=[r for r, _t, _w in sections],
            columns=options.get("columns"),
        )
        notes.extend(filled)
        notes.extend(overlong_rows(raw, header, file=path.name, delimiter=facts["delimiter"]))
    chron = parse_table(
        raw,
        source=path,
        fmt=fmt,
        header=header,
        section_dates=[(row, text) for row, text, _what in sections],
        **{"join_continued": True, **options, "classify": False},
    )
    if header is not None:
        chron = agencies_from_banners(chron, banners, header, None)
        chron = restore_carried(chron, carried)
        chron = chron if unclosed is None else with_rejected(chron, unclosed)
    if options.get("classify", True):
        chron = classify_chronology(chron, vocabularies=options.get("vocabularies"))
    return with_warnings(chron, notes + _encoding_notes(facts["encoding"], path.name))


def _rejected_unclosed(
    raw: pd.DataFrame, header: HeaderInfo, row: int | None, file: str
) -> pd.DataFrame | None:
    """The row of ``raw`` where a quote opens a cell and is never closed (``row``, from
    :func:`read_csv_table`), as a rejected row, blanked in ``raw``; None when there is
    none (or it is above the table)."""
    if row is None or row < header.data_start:
        return None
    cells = raw.iloc[row].tolist()
    pos = next((i for i, c in enumerate(cells) if isinstance(c, str) and c.startswith('"')), 0)
    heading = header.headings[pos] if pos < len(header.headings) else ""
    reason = (
        f"a quote opens the {heading or f'column {pos + 1}'!r} cell of this row and is never "
        "closed: Excel would read every line after it as that cell's text. Those lines were "
        "read as rows of their own; this row was not, as where its cell ends is not known: "
        "close the quote (or remove it) and read the file again"
    )
    return rejected_rows(raw, [row], header, (file, None), ("unclosed_quote", reason))


def _encoding_notes(encoding: str, file: str) -> list[dict[str, Any]]:
    """The warning saying a file's text was read in more than one encoding
    (``encoding_mixed``) or in a guessed one (``encoding_guess``), or without the NUL bytes
    it held (``nul_bytes``); none for the others."""
    from .table import _warning  # local: keeps table's helpers private

    notes = []
    if encoding.endswith(NUL_BYTES):
        encoding = encoding.removesuffix(NUL_BYTES)
        notes.append(
            _warning(
                "nul_bytes",
                "the file's text holds NUL bytes (a system's padding, or an export cut or "
                "damaged); they were left out: check the rows around them",
                file,
                None,
            )
        )
    return notes + _encoding_mixed_or_guessed(encoding, file)


def _encoding_mixed_or_guessed(encoding: str, file: str) -> list[dict[str, Any]]:
    from .table import _warning  # local: keeps table's helpers private

    if encoding == MIXED_ENCODING:
        return [
            _warning(
                "encoding_mixed",
                "the file is UTF-8 with some bytes of Windows-1252 in it (a row typed or "
                "pasted in another program); each was read in its own encoding: check "
                "characters such as £ and ’ in the rows that hold them",
                file,
                None,
            )
        ]
    if encoding == "mac_roman":
        return [
            _warning(
                "encoding_guess",
                "the file is not UTF-8 and its punctuation is Mac Roman's (Excel for Mac's "
                "'CSV (Macintosh)': 'Õ' inside words where '’' was, 'Ð' for '–'); read as "
                "Mac Roman: check characters such as é and £",
                file,
                None,
            )
        ]
    if encoding == "latin-1":
        return [
            _warning(
                "encoding_guess",
                "the file is neither UTF-8 nor Windows-1252; read as Latin-1, so some "
                "characters may be wrong",
                file,
                None,
            )
        ]
    return []


#: A date with its day, month and year inside a form's text ("Child A, 01/03/2016").
_DAY_IN_TEXT = regex(
    r"\b\d{1,2}(?:st|nd|rd|th)?(?:\s*[./-]\s*|\s+)(?:\d{1,2}|[A-Za-z]{3,9}\.?)"
    r"(?:\s*[./-]\s*|,?\s+)(?:\d{4}|\d{2})\b"
)


def _form_day(value: object) -> pd.Timestamp | None:
    """The day a form's date of birth gives (a date cell, or text holding one), else None
    (a month or a year alone is no date of birth)."""
    texts: list[object] = [value]
    if isinstance(value, str):
        texts += [m.group(0) for m in _DAY_IN_TEXT.finditer(value)]
    for text in texts:
        try:
            start, _end, precision = parse_date(text)
        except (ScrTimelineError, TypeError, ValueError, OverflowError):
            continue
        if precision in {"day", "minute"}:
            return pd.Timestamp(start).normalize()
    return None


def child_dob_from_forms(
    forms: list[tuple[str | None, FormField]], *, file: str
) -> tuple[pd.Timestamp | None, list[dict[str, Any]]]:
    """The child's date of birth a template's form states ("Child's DOB: 01/03/2016" on a
    front sheet or above the table), from ``forms`` (sheet, field) as
    :func:`scr_timeline.io.headers.form_fields` finds them, with the warning saying where
    it was taken from (``child_dob_inferred``), or the one saying the form gives two
    (``child_dob_conflict``: none is taken). None and no warning when no form gives one."""
    from .table import _warning  # local: keeps table's helpers private

    found = [
        (sheet, f, day)
        for sheet, f in forms
        if f.name == FORM_CHILD_DOB and (day := _form_day(f.value)) is not None
    ]
    if not found:
        return None, []
    days = sorted({day for _, _, day in found})
    sheet, first, day = found[0]
    where = f"{first.label!r} in row {first.row + 1}" + (f" of sheet {sheet!r}" if sheet else "")
    if len(days) > 1:
        shown = ", ".join(f"{d:%d/%m/%Y}" for d in days)
        return None, [
            _warning(
                "child_dob_conflict",
                f"the chronology's form gives more than one date of birth ({shown}; the "
                f"first, {where}); none was taken from it: pass child_dob= (or --child-dob)",
                file,
                sheet,
                first.row + 1,
            )
        ]
    return day, [
        _warning(
            S.CHILD_DOB_INFERRED,
            f"the child's date of birth was taken as {day:%d/%m/%Y} from the form of the "
            f"chronology ({where}); the age-based rules count from it (pass child_dob=, or "
            "--child-dob, to give another)",
            file,
            sheet,
            first.row + 1,
        )
    ]


#: Distinct values of a date of birth column looked at (one child's export has one).
_DOB_VALUES: Final = 20


def child_dob_from_column(
    raw: pd.DataFrame, header: HeaderInfo, *, file: str, sheet: str | None
) -> tuple[pd.Timestamp | None, list[dict[str, Any]]]:
    """The child's date of birth from a column giving it on every row ("Date of Birth",
    "Person DOB", as a case system exports one child's records), when all its cells give
    one day, with a ``child_dob_inferred`` warning naming the column; with the days of
    several people (siblings, a family's records) none is taken (``child_dob_conflict``).
    None and no warning without such a column."""
    from .table import _warning  # local: keeps table's helpers private

    for pos, heading in enumerate(header.headings):
        if pos in header.mapping or not names_child_dob(heading) or pos >= raw.shape[1]:
            continue
        cells = raw.iloc[header.data_start :, pos]
        cells = cells[cells.notna()]
        days: dict[pd.Timestamp, int] = {}  # day -> the first row giving it
        for value in cells.unique()[:_DOB_VALUES].tolist():
            day = _form_day(value)
            if day is not None and day not in days:
                days[day] = int(np.flatnonzero((cells == value).to_numpy(dtype=bool))[0])
        if not days:
            continue
        first_row = header.data_start + min(days.values()) + 1
        where = f"the column {heading!r}"
        if len(days) > 1:
            shown = ", ".join(f"{d:%d/%m/%Y}" for d in sorted(days))
            return None, [
                _warning(
                    "child_dob_conflict",
                    f"{where} gives more than one date of birth ({shown}: the records of "
                    "more than one person?); none was taken from it: pass child_dob= (or "
                    "--child-dob)",
                    file,
                    sheet,
                    first_row,
                )
            ]
        (day,) = days
        return day, [
            _warning(
                S.CHILD_DOB_INFERRED,
                f"the child's date of birth was taken as {day:%d/%m/%Y} from {where}, the "
                "same on every row; the age-based rules count from it (pass child_dob=, or "
                "--child-dob, to give another)",
                file,
                sheet,
                first_row,
            )
        ]
    return None, []


def blank_footer_rows(
    raw: pd.DataFrame, header: HeaderInfo, *, file: str, sheet: str | None
) -> list[dict[str, Any]]:
    """Blank the rows a report writer adds under the table ("Total rows: 123", "Report
    generated on ...": :func:`scr_timeline.io.headers.footer_rows`) in ``raw``, and return a
    ``footer_row`` warning for each: they are not data rows."""
    from .table import _warning  # local: keeps table's helpers private

    notes = []
    for row, text in footer_rows(raw, header):
        raw.iloc[row] = pd.NA if isinstance(raw.dtypes.iloc[0], pd.StringDtype) else None
        notes.append(
            _warning(
                "footer_row",
                f"a line under the table read as the report's footer, not an event: {text!r}",
                file,
                sheet,
                row + 1,
            )
        )
    return notes


def blank_template_rows(
    raw: pd.DataFrame, header: HeaderInfo, *, file: str, sheet: str | None, offset: int = 0
) -> list[dict[str, Any]]:
    """Blank, in ``raw``, a template's rows left in the table: those that hold nothing but
    their number in the "No." column ('4', '5.': numbered in advance, left unused) and the
    guidance row right under the header (its date cell 'dd/mm/yyyy' or 'Enter the date of
    the contact', beside 'Name and role'); see :func:`scr_timeline.io.headers.numbered_rows`
    and :func:`scr_timeline.io.headers.guidance_row`. Each was a rejected row ('the date
    cell is empty', 'the date cell holds 'dd/mm/yyyy', not a date'); a ``template_rows``
    warning names them instead. ``offset`` is added to a position in ``raw`` plus one to
    give the row as a person counts it. Shared by the CSV, Excel, Word and PDF readers."""
    from .table import _warning  # local: keeps table's helpers private

    notes = []
    blank = pd.NA if raw.shape[1] and isinstance(raw.dtypes.iloc[0], pd.StringDtype) else None
    place = f" of {sheet}" if sheet else ""
    numbered = numbered_rows(raw, header)
    if numbered:
        raw.iloc[numbered] = blank
        rows = [pos + offset + 1 for pos in numbered]
        shown = ", ".join(map(str, rows[:10])) + (", ..." if len(rows) > 10 else "")
        notes.append(
            _warning(
                "template_rows",
                f"{len(rows)} row(s){place} ({shown}) hold nothing but their number: the "
                "template's unused rows, not events",
                file,
                sheet,
                rows[0],
            )
        )
    guidance = guidance_row(raw, header)
    if guidance is not None:
        at, prompt = guidance
        raw.iloc[at] = blank
        notes.append(
            _warning(
                "template_rows",
                f"{f'{sheet} ' if sheet else ''}row {at + offset + 1}, under the header, is "
                f"the template's guidance (its date cell reads {prompt!r}): not an event",
                file,
                sheet,
                at + offset + 1,
            )
        )
    return notes


def _written_cells(column: pd.Series) -> np.ndarray:
    """True where a raw cell holds something: not blank, not only whitespace."""
    if isinstance(column.array, pd.arrays.ArrowStringArray):
        chunks = column.array.__arrow_array__().chunks
        return np.concatenate([_written_chunk(c) for c in chunks] or [np.zeros(0, dtype=bool)])
    if isinstance(column.dtype, pd.StringDtype):
        text = column.str.strip()
        return (text.notna() & (text != "")).to_numpy(dtype=bool)
    return np.fromiter(
        (
            v is not None
            and not (isinstance(v, float) and np.isnan(v))
            and (not isinstance(v, str) or v.strip() != "")
            for v in column.tolist()
        ),
        bool,
        len(column),
    )


def _written_chunk(chunk: Any) -> np.ndarray:
    """:func:`_written_cells` of an Arrow string chunk: a cell opening with a printable
    ASCII byte holds something; only the others (a space, a line break, a letter beyond
    ASCII) are trimmed by Arrow (as pandas' ``str.strip`` trims) to see whether anything
    is left. No copy of the column is made (trimming it whole had cost 20 ms a column of
    a million cells)."""
    offsets, data = text_buffers(chunk)
    written = offsets[1:] > offsets[:-1]
    if chunk.null_count:
        written &= np.asarray(chunk.is_valid(), dtype=bool)
    if not data.size:
        return written
    first = data[np.minimum(offsets[:-1], data.size - 1)]
    unsure = np.flatnonzero(written & ~((first > 0x20) & (first < 0x7F)))
    if len(unsure):
        trimmed = pc.utf8_trim_whitespace(chunk.take(pa.array(unsure)))
        written[unsure] = pc.not_equal(trimmed, "").to_numpy(zero_copy_only=False)
    return written


def _holds_digit(column: pd.Series) -> np.ndarray:
    """True where a raw cell is a date, time or number, or text holding a digit (every
    date as written has one; a heading such as "Date of contact" has none)."""
    if isinstance(column.dtype, pd.StringDtype):
        return column.str.contains(r"\d", regex=True).fillna(False).to_numpy(dtype=bool)
    return np.fromiter(
        (
            v is not None
            and (not isinstance(v, str) or any(c.isdigit() for c in v))
            and not (isinstance(v, float) and np.isnan(v))
            for v in column.tolist()
        ),
        bool,
        len(column),
    )


#: A cell that says "the same as the cell above": a ditto mark ('"', '""', "''", '〃',
#: '“ ”', '„'), "do.", "-do-", "ditto", "same as above", "as above". Matched on the whole
#: cell; the first character screens a column before the pattern is tried.
_DITTO_MARK: Final = (
    r"(?:[\"\u201c\u201d\u201e\u3003](?:\s*[\"\u201c\u201d\u201e\u3003])*|''|,,"
    r"|do\.|-\s*do\s*\.?\s*-|ditto\.?|(?:same\s+)?as\s+above|same\s+as\s+before)"
)
_DITTO: Final = regex(rf"^\s*{_DITTO_MARK}\s*$", re.IGNORECASE)
#: A ditto mark in a date cell followed by the entry's own time ('"  14:00', 'do. 1430hrs').
_DITTO_TIMED: Final = regex(
    rf"^\s*{_DITTO_MARK}\s*[,@\-\u2013]?\s*(?P<time>(?:[01]?\d|2[0-3])[:.][0-5]\d"
    r"(?:\s*[ap]\.?m\.?|\s*hrs?\.?)?|(?:[01]\d|2[0-3])[0-5]\d\s*hrs?\.?)\s*$",
    re.IGNORECASE,
)
#: The first two bytes (UTF-8) a ditto mark can open with: a quote, a space, a dash, "do",
#: "di(tto)", "as (above)", "sa(me)"; one byte cells have a NUL second byte.
_DITTO_OPENINGS: Final = frozenset(
    [(q, b) for q in b"\"' \t-\xe2\xe3" for b in range(256)]
    + [(a, b) for a in b"dD" for b in b"oOiI"]
    + [(a, b) for a in b"aA" for b in b"sS"]
    + [(a, b) for a in b"sS" for b in b"aA"]
    + [(ord(","), ord(","))]
)
_DITTO_PAIRS: Final = np.zeros(65536, dtype=bool)
_DITTO_PAIRS[[a * 256 + b for a, b in _DITTO_OPENINGS]] = True
#: The longest ditto mark, in bytes ("same as before" with spaces around it).
_DITTO_LONGEST: Final = 24
#: The fields whose cells a ditto mark can repeat: when and who, not what happened.
_DITTO_FIELDS: Final = (S.DATE, S.AGENCY, S.PRACTITIONER)


def _ditto_cells(column: pd.Series, *, timed: bool = False) -> np.ndarray:
    """True where a raw cell is a ditto mark alone (see :data:`_DITTO`), or with ``timed``
    followed by a time (:data:`_DITTO_TIMED`): text only. A text
    column is screened from its bytes, chunk by chunk (a short cell opening as a ditto
    can), so a big column of dates or names costs no Python per cell."""
    arrow: Any = None
    if isinstance(column.dtype, pd.StringDtype):
        arrow = pa.array(column.array)
    else:  # a sheet's column of text alone (names), screened as text is; else cell by cell
        try:
            arrow = pa.array(column.to_numpy(dtype=object), pa.large_string(), from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            arrow = None
    if arrow is not None:
        chunks = arrow.chunks if isinstance(arrow, pa.ChunkedArray) else [arrow]
        found = np.concatenate([_ditto_openings(c) for c in chunks] or [np.zeros(0, bool)])
        at = np.flatnonzero(found)
        if len(at):  # each distinct cell matched once ('DI3', a detective's, opens as "ditto")
            codes, distinct = pd.factorize(column.iloc[at])
            marks = np.array([_is_ditto(str(c), timed) for c in distinct] + [False])
            found[at] = marks[codes]
        return found
    return np.fromiter(
        (isinstance(v, str) and _is_ditto(v, timed) for v in column.tolist()),
        bool,
        len(column),
    )


def _is_ditto(text: str, timed: bool) -> bool:
    """A ditto mark alone, or (``timed``) followed by a time."""
    return _DITTO.match(text) is not None or (timed and _DITTO_TIMED.match(text) is not None)


def _ditto_openings(chunk: Any) -> np.ndarray:
    """Per cell of an Arrow string array, whether it opens as a ditto mark can
    (:data:`_DITTO_PAIRS`) and is short, from its offsets and bytes."""
    if not (pa.types.is_large_string(chunk.type) or pa.types.is_string(chunk.type)):
        chunk = chunk.cast(pa.large_string())
    kind = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
    buffers = chunk.buffers()
    if buffers[2] is None or not len(chunk) or not buffers[2].size:
        return np.zeros(len(chunk), dtype=bool)
    offsets: np.ndarray[Any, np.dtype[np.int64]] = np.frombuffer(buffers[1], dtype=kind)[
        chunk.offset : chunk.offset + len(chunk) + 1
    ].astype(np.int64, copy=False)
    text = np.frombuffer(buffers[2], dtype=np.uint8)
    last = len(text) - 1
    begin = offsets[:-1]
    pair = text[np.minimum(begin, last)].astype(np.uint16) << 8
    pair |= text[np.minimum(begin + 1, last)]
    found = _DITTO_PAIRS[pair]
    at = np.flatnonzero(found)
    if len(at):  # an empty cell, or one a byte long (its second byte is the next cell's)
        size = offsets[at + 1] - offsets[at]
        found[at] = (size > 0) & (size <= _DITTO_LONGEST)
        one = at[size == 1]
        found[one] = _DITTO_PAIRS[text[begin[one]].astype(np.uint16) << 8]
    return found


def fill_dittos(
    raw: pd.DataFrame, header: HeaderInfo, *, file: str, sheet: str | None, row_offset: int = 0
) -> tuple[list[dict[str, Any]], dict[int, str]]:
    """Give each cell of ``raw`` under the header that is a ditto mark ('"', "do.",
    "ditto", "as above": "the same as above", as a chronology typed by hand writes a date
    or a name repeated) what it repeats, and return a ``ditto_filled`` warning for each
    column filled, with the date cells as written (``date_text``) by raw row position.

    A ditto in the date column is the day of the nearest row above whose date cell is
    written (itself, when that is a ditto, the day it took): the day alone, without the
    time it may have had, so the row's own time cell gives its time (or none: the day).
    Under a cell that gives no one day ("March 2007", "w/c 12/03/2007") it is left as
    it is (a rejected row, saying it is a relative date). A ditto in the agency,
    practitioner, source or type column is the nearest written cell above it. Only the
    cells of those columns (when and who), never the narrative, which a quotation mark
    may open. ``row_offset`` is added to the rows the warnings name (a document table's
    rows above its frame).
    """
    from .table import _warning  # local: keeps table's helpers private

    start = header.data_start
    if len(raw) - start < 2:
        return [], {}
    wanted = {fld: pos for pos, fld in header.mapping.items() if fld in _DITTO_FIELDS}
    notes: list[dict[str, Any]] = []
    written_dates: dict[int, str] = {}
    order = sorted(wanted.items(), key=lambda kv: kv[0] != S.DATE)
    for fld, pos in order:
        if pos >= raw.shape[1]:
            continue
        column = raw.iloc[start:, pos]
        ditto = _ditto_cells(column, timed=fld == S.DATE)
        if not ditto.any():
            continue
        written = _written_cells(column) & ~ditto
        positions = np.arange(len(column))
        above = np.maximum.accumulate(np.where(written, positions, -1))
        rows = np.flatnonzero(ditto & (above >= 0))
        if not len(rows):
            continue
        origin = above[rows]
        values = column.to_numpy(dtype=object)
        marks = [" ".join(str(values[r]).split()) for r in rows.tolist()]
        if fld == S.DATE:
            anchors = values[origin]
            texts = _as_text(column.iloc[origin]).fillna("").astype(str).tolist()
            days = _days_of(texts)
            keep = np.array([d is not None for d in days], dtype=bool)
            # the time written after the mark ('"  14:00'), if any
            own = [
                m.group("time") if (m := _DITTO_TIMED.match(str(values[r]))) else None
                for r in rows.tolist()
            ]
            minutes = _clock_minutes(own) if any(own) else np.full(len(own), np.nan)
            filled = [
                _carried_value(a, str(d), c, float(n))
                for a, d, c, n, k in zip(anchors, days, own, minutes, keep.tolist(), strict=True)
                if k
            ]
            time_pos = next((p for p, f in header.mapping.items() if f == S.TIME), None)
            clocks = (
                [None] * len(rows)
                if time_pos is None or time_pos >= raw.shape[1]
                else _as_text(raw.iloc[start:, time_pos].iloc[rows]).tolist()
            )
            for r, clock, k in zip(rows.tolist(), clocks, keep.tolist(), strict=True):
                if k:
                    mark = str(values[r]).strip()  # as written
                    shown = mark if clock is None or pd.isna(clock) else f"{mark} {clock}".strip()
                    written_dates[r + start] = shown
            rows, origin = rows[keep], origin[keep]
            marks = [m for m, k in zip(marks, keep.tolist(), strict=True) if k]
            if not len(rows):
                continue
            raw.iloc[rows + start, pos] = np.array(filled, dtype=object)
            what = [str(d) for d, k in zip(days, keep.tolist(), strict=True) if k]
        else:
            raw.iloc[rows + start, pos] = values[origin]
            what = [" ".join(str(values[o]).split()) for o in origin.tolist()]
        heading = header.headings[pos] if pos < len(header.headings) else str(pos)
        shown_marks = ", ".join(repr(m) for m in dict.fromkeys(marks))
        first = dict.fromkeys(what)
        examples = ", ".join(repr(w) for w in list(first)[:3]) + (", ..." if len(first) > 3 else "")
        notes.append(
            _warning(
                "ditto_filled",
                f"{len(rows)} cell(s) in column {heading!r} "
                f"({_row_list((rows + start + 1 + row_offset).tolist())}) "
                f"hold a ditto mark ({shown_marks}): read as the cell above them ({examples})",
                file,
                sheet,
                int(rows[0] + start + 1 + row_offset),
            )
        )
    return notes, written_dates


def date_from_other_column(
    raw: pd.DataFrame, header: HeaderInfo, *, file: str, sheet: str | None
) -> list[dict[str, Any]]:
    """Give a row of ``raw`` whose date cell is empty the date of the table's other date
    column (``Reported Date`` beside ``Occurred From``, ``Date Created`` beside ``Date of
    Contact``: :func:`~scr_timeline.io.headers.other_date_columns`), and return a
    ``date_from_other_column`` warning naming the rows so dated.

    Such a row is an entry whose event date was not filled in: it happened on or before
    the other date, and is kept as an event on it rather than rejected. Rows with nothing
    in that column either stay rejected, as before. Run after the days carried to timed
    rows (:func:`carry_day_to_times`), which date a row by the day above first.
    """
    from .table import _warning  # local: keeps table's helpers private

    date_pos = next((pos for pos, fld in header.mapping.items() if fld == S.DATE), None)
    start = header.data_start
    if date_pos is None or date_pos >= raw.shape[1] or len(raw) <= start:
        return []
    others = [
        pos for pos in other_date_columns(header.headings, header.mapping) if pos < raw.shape[1]
    ]
    if not others:
        return []
    dates = raw.iloc[start:, date_pos]
    empty = ~_written_cells(dates) if dates.isna().any() or dates.dtype == object else None
    if empty is None or not empty.any():
        return []
    other = raw.iloc[start:, others[0]]
    rows = np.flatnonzero(empty & _written_cells(other) & _holds_digit(other))
    if not len(rows):
        return []
    raw.iloc[rows + start, date_pos] = other.to_numpy(dtype=object)[rows]
    heading = header.headings[date_pos] if date_pos < len(header.headings) else ""
    used = header.headings[others[0]] if others[0] < len(header.headings) else ""
    return [
        _warning(
            "date_from_other_column",
            f"{len(rows)} row(s) with an empty {heading!r} cell "
            f"({_row_list((rows + start + 1).tolist())}) were dated by their {used!r} cell: "
            "the event was on or before it; give its own date to place it exactly",
            file,
            sheet,
            int(rows[0] + start + 1),
        )
    ]


def fill_agency_down(
    raw: pd.DataFrame, header: HeaderInfo, *, file: str, sheet: str | None
) -> list[dict[str, Any]]:
    """Give a dated row whose agency cell is blank the agency written above it, in ``raw``,
    and return an ``agency_filled_down`` warning for each run of rows filled.

    A combined chronology is often a stack of per-agency blocks, the agency written on each
    block's first row only (the rest left blank, as a merged cell would show it). A row
    counts as dated when its date cell holds a date, a number or text with a digit. The
    agency carried is that of the last dated row naming one; it stops at a row that is no
    dated row but has its date or agency cell written (another table's headings, a
    repeated header, a title in the agency column) or holds one cell, in the table's first
    column (a title line over the next table). Rows above the first named row are left
    blank (they take the sheet's, title's or file's agency, as before). Blank rows and rows
    of text alone (a cell carried on from the row above) neither stop nor take it.
    """
    from .table import _warning  # local: keeps table's helpers private

    agency_pos = next((pos for pos, fld in header.mapping.items() if fld == S.AGENCY), None)
    date_pos = next((pos for pos, fld in header.mapping.items() if fld == S.DATE), None)
    start = header.data_start
    if agency_pos is None or date_pos is None or len(raw) - start < 2:
        return []
    body = raw.iloc[start:]
    named = _written_cells(body.iloc[:, agency_pos])
    dated_cell = _written_cells(body.iloc[:, date_pos])
    if not (dated_cell & ~named).any() or not named.any():
        return []
    dated = dated_cell & _holds_digit(body.iloc[:, date_pos])
    targets = dated & ~named
    if not targets.any():
        return []
    width = body.shape[1] if header.width is None else min(header.width, body.shape[1])
    filled = np.column_stack([_written_cells(body.iloc[:, pos]) for pos in range(width)])
    counts = filled.sum(axis=1)
    first_col = min(header.mapping)
    title = (counts == 1) & filled[:, : first_col + 1].any(axis=1)
    # a page's furniture ("Page 1 of 2" above the header the next page repeats) is no
    # dated row, and does not stop the agency carried over the page break
    furniture = page_furniture(body.iloc[:, date_pos], (counts == 1) & dated_cell)
    dated &= ~furniture
    targets &= ~furniture
    stops = ~dated & (dated_cell | named | title) & ~furniture
    if stops.any():
        # the header again just under a page's furniture ("Page 1 of 2"): the next page of
        # the same table, whose block goes on (a header repeated with nothing to say a page
        # ended, or under a title line, still stops the carry)
        at = np.flatnonzero(stops & (np.arange(len(body)) > 0))
        written = np.maximum.accumulate(np.where(counts > 0, np.arange(len(body)), -1))
        above = written[at - 1]
        at = at[(above >= 0) & furniture[np.maximum(above, 0)]]
        if len(at):
            again = is_repeated_header(body.iloc[at], header).to_numpy(dtype=bool)
            stops[at[again]] = False
    setters = dated & named
    # per row, the last row above (or itself) that names an agency or stops the carry
    last = np.maximum.accumulate(np.where(setters | stops, np.arange(len(body)), -1))
    targets &= last >= 0
    targets[targets] = setters[last[targets]]
    if not targets.any():
        return []
    rows = np.flatnonzero(targets)
    origin = last[rows]
    names = body.iloc[:, agency_pos].to_numpy(dtype=object)
    raw.iloc[rows + start, agency_pos] = names[origin]
    heading = header.headings[agency_pos] if agency_pos < len(header.headings) else ""
    notes = []
    for head in np.unique(origin).tolist():
        mine = rows[origin == head] + start + 1
        shown = _row_list(mine.tolist())
        name = " ".join(str(names[head]).split())
        notes.append(
            _warning(
                "agency_filled_down",
                f"{len(mine)} row(s) with a blank agency in column {heading!r} ({shown}) "
                f"took {name!r} from row {head + start + 1} above them (the agency written "
                "once over its block of rows)",
                file,
                sheet,
                int(mine[0]),
            )
        )
    return notes


def _row_list(rows: list[int]) -> str:
    """Row numbers as runs: "rows 3-5, 8" (at most ten runs shown)."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    text = ", ".join(f"{a}-{b}" if b > a else str(a) for a, b in runs[:10])
    return ("rows " if len(rows) > 1 else "row ") + text + (", ..." if len(runs) > 10 else "")


#: HTML markup a case system stores rich text with ("<p>", "<br />", "&nbsp;"), as its
#: exports of case notes write it in a cell.
_MARKUP_TAGS = (
    r"</?(?:p|br|div|span|font|b|i|u|strong|em|li|ul|ol|table|tbody|thead|tr|td|th"
    r"|h[1-6]|blockquote|pre|o:p)(?:\s[^<>]*)?/?>"
)
_MARKUP = regex(
    _MARKUP_TAGS + r"|&(?:nbsp|amp|lt|gt|quot|apos|#[0-9]{1,6}|#x[0-9a-fA-F]{1,6});",
    re.IGNORECASE,
)
_LINE_ENDS = regex(
    r"<br\s*/?>|</(?:p|div|li|tr|h[1-6]|blockquote|pre)\s*>|<(?:li|tr)(?:\s[^<>]*)?>",
    re.IGNORECASE,
)
_OTHER_TAGS = regex(_MARKUP_TAGS, re.IGNORECASE)


def _plain_text(cell: str) -> str:
    """A cell of HTML markup as the text a person saw: a line per paragraph, line break
    or list item, the other tags dropped, entities ("&amp;", "&nbsp;") read."""
    text = _OTHER_TAGS.sub("", _LINE_ENDS.sub("\n", cell))
    text = html.unescape(text).replace("\xa0", " ")
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


#: Cells of a big column looked at first for a trait an export gives a whole column
#: (markup, text formulas): a column without it there is not searched further.
_SAMPLED_CELLS = 4096


def _sample(cells: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Up to :data:`_SAMPLED_CELLS` cells spread evenly over a column (all of a small one):
    64 runs of cells one under another, sliced and joined (a take of single cells, chunk by
    chunk, had cost 6 ms a column of a million rows)."""
    if len(cells) <= _SAMPLED_CELLS:
        return cells
    runs = min(64, _SAMPLED_CELLS)
    size = _SAMPLED_CELLS // runs
    starts = np.linspace(0, len(cells) - size, runs, dtype=np.int64).tolist()
    parts = [cells.slice(start, size) for start in starts]
    if isinstance(cells, pa.ChunkedArray):  # one array: Arrow compiles a pattern per chunk
        parts = [chunk for part in parts for chunk in part.chunks]
    return pa.concat_arrays(parts) if parts else cells.slice(0, 0)


def _cells_matching(
    cells: pa.Array | pa.ChunkedArray, leads: bytes, pattern: str, *, ignore_case: bool = False
) -> np.ndarray:
    """The positions of the cells ``pattern`` matches, searched (by Arrow) only among the
    cells holding one of the bytes ``leads`` (:func:`_cells_holding`), which every match
    holds."""
    if isinstance(cells, pa.ChunkedArray):
        cells = cells.combine_chunks()
    at = _cells_holding(cells, leads)
    if not len(at):
        return at
    found = pc.match_substring_regex(cells.take(pa.array(at)), pattern, ignore_case=ignore_case)
    return at[found.fill_null(False).to_numpy(zero_copy_only=False)]


def _cells_holding(cells: pa.Array | pa.ChunkedArray, chars: bytes) -> np.ndarray:
    """Positions of the cells of a column of text holding one of the (ASCII) ``chars``:
    found in the column's bytes at once, a cell from each byte's offset (a chunk at a
    time; none looked for when no byte is as high as the lowest of ``chars``)."""
    if isinstance(cells, pa.ChunkedArray):
        found, before = [], 0
        for chunk in cells.chunks:
            found.append(_cells_holding(chunk, chars) + before)
            before += len(chunk)
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
    _, offsets_buffer, data_buffer = cells.buffers()
    if data_buffer is None or not len(cells):
        return np.zeros(0, dtype=np.int64)
    offsets = np.frombuffer(offsets_buffer, dtype=np.int64)[
        cells.offset : cells.offset + len(cells) + 1
    ]
    data = np.frombuffer(data_buffer, dtype=np.uint8)[offsets[0] : offsets[-1]]
    if not len(data) or int(data.max()) < min(chars):  # dates as digits and "/" alone
        return np.zeros(0, dtype=np.int64)
    hit = np.zeros(len(data), dtype=bool)
    for char in chars:  # a comparison per byte value: faster than a lookup per byte
        hit |= data == char
    found_bytes = np.flatnonzero(hit) + offsets[0]
    return np.unique(np.searchsorted(offsets, found_bytes, side="right") - 1)


#: The bytes that may follow a "<" opening markup (a closing tag's "/", the first letters of
#: :data:`_MARKUP_TAGS`) and an "&" opening an entity ("&nbsp;", "&amp;", "&lt;", "&gt;",
#: "&quot;", "&apos;", "&#"), either case; any byte above 0x7F may too (a letter the
#: pattern, ignoring case, takes for an ASCII one: "ſ" for "s").
_AFTER_LT: Final = frozenset(b"/pbdsfiuelothPBDSFIUELOTH")
_AFTER_AMP: Final = frozenset(b"nalgq#NALGQ")


def _markup_openings(cells: pa.Array) -> np.ndarray:
    """Positions of the cells of a column of text holding a "<" or an "&" followed by a
    byte that can go on to markup (:data:`_AFTER_LT`, :data:`_AFTER_AMP`): every cell
    :data:`_MARKUP` matches, without the cells of "A&E" or "<5 days" alone; found in the
    column's bytes at once (a cell from each byte's offset)."""
    _, offsets_buffer, data_buffer = cells.buffers()
    if data_buffer is None or not len(cells):
        return np.zeros(0, dtype=np.int64)
    width = np.int64 if cells.type == pa.large_string() else np.int32
    offsets = np.frombuffer(offsets_buffer, dtype=width)[
        cells.offset : cells.offset + len(cells) + 1
    ].astype(np.int64, copy=False)
    data = np.frombuffer(data_buffer, dtype=np.uint8)[offsets[0] : offsets[-1]]
    opening = np.flatnonzero((data == ord("<")) | (data == ord("&")))
    if not len(opening):
        return np.zeros(0, dtype=np.int64)
    after = np.append(data, np.uint8(0))[opening + 1]
    lt = data[opening] == ord("<")
    may = np.zeros(256, dtype=bool)
    may[0x80:] = True
    lt_may, amp_may = may.copy(), may.copy()
    lt_may[list(_AFTER_LT)] = True
    amp_may[list(_AFTER_AMP)] = True
    keep = np.where(lt, lt_may[after], amp_may[after])
    found_bytes = opening[keep] + offsets[0]
    return np.unique(np.searchsorted(offsets, found_bytes, side="right") - 1)


def _marked_cells(cells: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Positions of the cells holding HTML markup: the cells with a "<" or an "&" that can
    open markup (:func:`_markup_openings`, found in the column's bytes at once), then the
    markup pattern, by Arrow, on those alone. A big column is searched only when cells
    spread over it show markup (case systems store every note so)."""
    if len(cells) > _SAMPLED_CELLS:
        seen = pc.match_substring_regex(_sample(cells), _MARKUP.pattern, ignore_case=True)
        if not pc.any(seen).as_py():
            return np.zeros(0, dtype=np.int64)
    if isinstance(cells, pa.ChunkedArray):
        cells = cells.combine_chunks()
    if not pa.types.is_string(cells.type) and not pa.types.is_large_string(cells.type):
        return _cells_matching(cells, b"<&", _MARKUP.pattern, ignore_case=True)
    at = _markup_openings(cells)
    if not len(at):
        return at
    found = pc.match_substring_regex(cells.take(pa.array(at)), _MARKUP.pattern, ignore_case=True)
    return at[found.fill_null(False).to_numpy(zero_copy_only=False)]


def markup_as_text(
    raw: pd.DataFrame, header: HeaderInfo, *, file: str, sheet: str | None
) -> list[dict[str, Any]]:
    """Read the cells under the header that hold HTML markup (case notes exported with the
    rich text they were stored in: "<p>Home visit.</p><p>Child A seen.</p>",
    "Mum&nbsp;upset") as plain text, in ``raw``, a column at a time, and return a
    ``markup_read`` warning per column with such cells."""
    from .table import _warning  # local: keeps table's helpers private

    start = header.data_start
    notes = []
    for pos, label in enumerate(raw.columns):
        column = raw[label].iloc[start:]
        if isinstance(column.dtype, pd.StringDtype):
            marked = _marked_cells(pa.array(column.array, type=pa.large_string()))
        else:  # Excel's cells: text among numbers and dates
            marked = np.flatnonzero(
                [
                    isinstance(v, str) and ("<" in v or "&" in v) and _MARKUP.search(v) is not None
                    for v in column.tolist()
                ]
            )
        if not len(marked):
            continue
        rows = marked + start
        values = raw.iloc[rows, pos].tolist()
        raw.iloc[rows, pos] = [_plain_text(str(v)) or None for v in values]
        heading = header.headings[pos] if pos < len(header.headings) else ""
        notes.append(
            _warning(
                "markup_read",
                f"{len(rows)} cell(s) of column {heading or pos + 1!r} held HTML markup "
                "('<p>', '<br>', '&nbsp;'), as case systems store rich text; read as the "
                "text it shows",
                file,
                sheet,
                int(rows[0]) + 1,
            )
        )
    return notes


#: The characters a byte from 0x80 to 0xFF shows as in Windows-1252 (the five it leaves
#: undefined as in Latin-1, as some programs show them), and the bytes they stand for.
_CP1252_SHOWN = {
    (bytes([b]).decode("cp1252", errors="ignore") or chr(b)): b for b in range(0x80, 0x100)
}
_CONTINUATION = "".join(c for c, b in _CP1252_SHOWN.items() if b < 0xC0)
#: UTF-8 read as Windows-1252 somewhere upstream and saved again ("â€™" for "’", "Â£" for
#: "£", "Ã©" for "é"): a lead byte's character and its continuation bytes' characters, in
#: runs; "â€?" is "”" whose last byte (0x9D, undefined in Windows-1252) became "?".
#: And Windows-1252 read as Latin-1 upstream ("Mother\x92s" for "Mother’s"): the control
#: characters Latin-1 gives the bytes 0x80-0x9F, which text never holds.
_C1_SHOWN = "".join(chr(b) for b in range(0x80, 0xA0) if chr(b) not in _CP1252_SHOWN)
_MOJIBAKE = regex(
    f"(?:[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}"
    f"|[\u00f0-\u00f4][{_CONTINUATION}]{{3}}|\u00e2\u20ac\\?)+|[{_C1_SHOWN}]+"
)


def _unmojibake(cell: str) -> str:
    """The text meant by a cell whose UTF-8 was read as Windows-1252 and saved again (twice
    at most), each run that is not UTF-8 when read back left as it is.

    >>> _unmojibake("Motherâ€™s partner â€“ Â£20")
    'Mother’s partner – £20'
    >>> _unmojibake("â€œDAâ€? call")
    '“DA” call'
    >>> _unmojibake("Mother\x92s partner \x96 seen")
    'Mother’s partner – seen'
    """

    def meant(found: re.Match[str]) -> str:
        if found.group(0)[0] in _C1_SHOWN:  # Windows-1252's bytes shown as Latin-1's
            return found.group(0).encode("latin-1").decode("cp1252")
        run = found.group(0).replace("\u00e2\u20ac?", "\u00e2\u20ac\x9d")
        try:
            return bytes(_CP1252_SHOWN[c] for c in run).decode("utf-8")
        except UnicodeDecodeError:
            return found.group(0)

    for _ in range(2):  # "Ã¢â‚¬â„¢": read so twice
        fixed = _MOJIBAKE.sub(meant, cell)
        if fixed == cell:
            break
        cell = fixed
    return cell


def _mojibake_cells(cells: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Positions of the cells holding mojibake: the cells with a byte 0xC2 or 0xC3 (the
    first of every character that can open such a run, found in the column's bytes at once), then
    the pattern, by Arrow, on those alone. A big column is searched only when cells spread
    over it show it (a file decoded wrongly is so throughout)."""
    sample = _sample(cells)
    if len(cells) > len(sample):
        seen = _cells_holding(sample, b"\xc2\xc3")  # (the pattern only where it may match)
        if (
            not len(seen)
            or not pc.any(
                pc.match_substring_regex(sample.take(pa.array(seen)), _MOJIBAKE.pattern)
            ).as_py()
        ):
            return np.zeros(0, dtype=np.int64)
    return _cells_matching(cells, b"\xc2\xc3", _MOJIBAKE.pattern)


#: Rows at the top of a table looked at for mojibake before its header is looked for.
_TOP_ROWS: Final = 30


def mojibake_at_top(raw: pd.DataFrame) -> dict[int, list[int]]:
    """Read the text cells of the first rows of ``raw`` (title lines, a form, the headings:
    "Child Aâ€™s chronology", "Workerâ€™s name") whose text was decoded in the wrong
    encoding upstream as the text meant, in ``raw``, before the header is looked for; the
    rows read so, per column, for :func:`mojibake_as_text` (which reads the rows under
    the header) to count and warn of."""
    fixed: dict[int, list[int]] = {}
    top = raw.iloc[:_TOP_ROWS]
    # every match opens with a character above U+007F: a cell of ASCII alone holds none
    cells = top.to_numpy(dtype=object)
    for pos in range(top.shape[1]):
        for row, value in enumerate(cells[:, pos].tolist()):
            if (
                isinstance(value, str)
                and not value.isascii()
                and _MOJIBAKE.search(value) is not None
            ):
                meant = _unmojibake(value)
                if meant != value:
                    raw.iat[row, pos] = meant
                    fixed.setdefault(pos, []).append(row)
    return fixed


def mojibake_as_text(
    raw: pd.DataFrame,
    header: HeaderInfo,
    *,
    file: str,
    sheet: str | None,
    at_top: Mapping[int, list[int]] | None = None,
) -> list[dict[str, Any]]:
    """Read the cells under the header whose text was decoded in the wrong encoding
    somewhere upstream ("Motherâ€™s", "Â£20": a UTF-8 file opened as Windows-1252 in Excel
    and saved again) as the text meant, in ``raw``, a column at a time, and return a
    ``mojibake_repaired`` warning per column with such cells, counting those
    :func:`mojibake_at_top` read (``at_top``), and one for the title lines and headings it
    read."""
    from .table import _warning  # local: keeps table's helpers private

    start = header.data_start
    at_top = at_top or {}
    above = sorted(r for rows in at_top.values() for r in rows if r < start)
    notes = []
    if above:
        notes.append(
            _warning(
                "mojibake_repaired",
                f"{len(above)} cell(s) of the title lines and headings held text read in "
                "the wrong encoding somewhere upstream ('â€™' for '’'); read as the "
                "characters meant",
                file,
                sheet,
                above[0] + 1,
            )
        )
    for pos, label in enumerate(raw.columns):
        column = raw[label].iloc[start:]
        if isinstance(column.dtype, pd.StringDtype):
            marked = _mojibake_cells(pa.array(column.array, type=pa.large_string()))
        else:  # Excel's cells: text among numbers and dates
            marked = np.flatnonzero(
                [isinstance(v, str) and _MOJIBAKE.search(v) is not None for v in column.tolist()]
            )
        earlier = np.array([r for r in at_top.get(pos, []) if r >= start], dtype=np.int64)
        if not len(marked) and not len(earlier):
            continue
        rows = marked + start
        values = [str(v) for v in raw.iloc[rows, pos].tolist()]
        fixed = [_unmojibake(v) for v in values]
        changed = [i for i, (v, f) in enumerate(zip(values, fixed, strict=True)) if v != f]
        if changed:
            raw.iloc[rows[changed], pos] = [fixed[i] for i in changed]
        rows = np.union1d(rows[changed], earlier)
        if not len(rows):
            continue
        heading = header.headings[pos] if pos < len(header.headings) else ""
        notes.append(
            _warning(
                "mojibake_repaired",
                f"{len(rows)} cell(s) of column {heading or pos + 1!r} held text read in the "
                "wrong encoding somewhere upstream ('â€™' for '’', 'Â£' for '£', as Excel "
                "shows a UTF-8 file opened as Windows-1252 and saved again); read as the "
                "characters meant",
                file,
                sheet,
                int(rows[0]) + 1,
            )
        )
    return notes


def overlong_rows(
    raw: pd.DataFrame, header: HeaderInfo, *, file: str, delimiter: str
) -> list[dict[str, Any]]:
    """An ``overlong_row`` warning naming the rows (a few, among many that fit) with cells
    past the header's last heading: a delimiter typed in a cell the export did not quote
    splits the cell and moves the cells after it one column on (the cells past the header
    are kept in ``extra``, nothing is lost). A column that fills most rows is a column
    with no heading, and the rows from another table's header on (stacked tables) are not
    looked at; empty list when there is nothing to say."""
    from .table import _warning  # local: keeps table's helpers private

    named = [pos for pos, text in enumerate(header.headings) if text.strip()]
    width = raw.shape[1] if header.width is None else min(header.width, raw.shape[1])
    start = header.data_start
    if not named or named[-1] + 1 >= width or len(raw) <= start:
        return []
    body = raw.iloc[start:, :width]
    past = np.zeros(len(body), dtype=bool)
    for pos in range(named[-1] + 1, width):
        past |= _written_cells(body.iloc[:, pos])
    if not past.any():
        return []
    filled = np.column_stack([_written_cells(body.iloc[:, pos]) for pos in range(width)])
    rows_used = filled.any(axis=1)
    if past.sum() * 2 > rows_used.sum():  # most rows: a column with no heading
        return []
    # another table's header (two cells or more, naming a date and another field) ends it
    texts = (filled.sum(axis=1) >= 2) & ~np.column_stack(
        [_holds_digit(body.iloc[:, pos]) for pos in range(width)]
    ).any(axis=1)
    for row in np.flatnonzero(texts).tolist():
        cells = ["" if not f else str(c) for c, f in zip(body.iloc[row], filled[row], strict=True)]
        mapped = map_headings(cells)
        if S.DATE in mapped.values() and len(mapped) >= 2:
            past[row:] = False
            break
    rows = (np.flatnonzero(past) + start + 1).tolist()
    if not rows:
        return []
    last = header.headings[named[-1]]
    return [
        _warning(
            "overlong_row",
            f"{len(rows)} row(s) have cells past the last heading ({last!r}): "
            f"{_row_list(rows)}; a {delimiter!r} typed in a cell the export did not quote "
            "splits that cell and moves the cells after it one column on: check those rows "
            "(the cells past the header are kept in extra)",
            file,
            None,
            rows[0],
        )
    ]


def rejected_rows(
    frame: pd.DataFrame,
    rows: list[int],
    info: HeaderInfo,
    where: tuple[str, str | None],
    why: tuple[str, str],
) -> pd.DataFrame | None:
    """``rows`` of ``frame`` as rejected rows (``why``: the reason code and the reason),
    blanked in ``frame`` so that they are not read as events; None when there are none.
    ``where``: the file and the sheet."""
    if not rows:
        return None

    def cells(field_name: str) -> list[str | None]:
        pos = next((p for p, f in info.mapping.items() if f == field_name), None)
        if pos is None:
            return [None] * len(rows)
        values = frame.iloc[rows, pos].tolist()
        return [
            None
            if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))
            else v.strftime("%d/%m/%Y")
            if isinstance(v, dt.date)
            else str(v)
            for v in values
        ]

    heading = next(
        (
            info.headings[p]
            for p, f in info.mapping.items()
            if f == S.DATE and p < len(info.headings)
        ),
        None,
    )
    out = pd.DataFrame(
        {
            S.SOURCE_FILE: where[0],
            S.SOURCE_SHEET: where[1],
            S.SOURCE_ROW: np.asarray(rows) + 1,
            S.REASON_CODE: why[0],
            S.REASON: why[1],
            S.COLUMN: heading,
            S.VALUE: None,
            S.DATE_TEXT: cells(S.DATE),
            S.DETAILS: cells(S.DETAILS),
        }
    )
    frame.iloc[rows] = pd.NA if isinstance(frame.dtypes.iloc[0], pd.StringDtype) else None
    return out


def with_rejected(chron: Chronology, rejected: pd.DataFrame) -> Chronology:
    """``chron`` with more rejected rows of its one source (counted in its rows)."""
    both = pd.concat([chron.rejected, rejected], ignore_index=True)
    both = both.sort_values(S.SOURCE_ROW, kind="stable", ignore_index=True)
    sources = tuple(
        replace(s, rows=s.rows + len(rejected), rejected=s.rejected + len(rejected))
        for s in chron.meta.sources
    )
    return Chronology(chron.events, both, chron.warnings, replace(chron.meta, sources=sources))


def _header(raw: pd.DataFrame, columns: Any) -> HeaderInfo | None:
    """The header under any title lines, found once for the year rows and ``parse_table``;
    None when it cannot be found (``parse_table`` then says why, naming the file)."""
    try:
        return find_header(raw, columns=columns)
    except (ScrTimelineError, TypeError):
        return None


def _last_filled(raw: pd.DataFrame) -> np.ndarray:
    """Per row, the position of its last cell that holds text (-1 for a blank row); the
    cells of rows whose last column holds text are not looked at."""
    width = raw.shape[1]
    last = np.full(len(raw), width - 1, dtype=np.int64)
    short = np.flatnonzero(raw.iloc[:, -1].isna().to_numpy(dtype=bool))
    if len(short):
        part = raw.iloc[short]
        found = np.full(len(short), -1, dtype=np.int64)
        for pos in range(width - 1):
            found[part.iloc[:, pos].notna().to_numpy(dtype=bool)] = pos
        last[short] = found
    return last


def _undated(cells: pd.Series) -> np.ndarray:
    """True where a cell is blank or does not read as a date."""
    text = cells.astype("string").str.strip()
    written = (text.notna() & (text != "")).to_numpy(dtype=bool)
    out = ~written
    if written.any():
        out[written] = parse_date_arrays(text[written].astype(object)).precision < 0
    return out


#: A time after the day in a date cell ("12/03/2007 14:20", "12 March 2007, 2.30pm",
#: "2007-03-12T14:20:00", "12/03/2007 @ 1420hrs", "12/03/2007 (14:20)"): what is left is
#: the day.
_TIME_AFTER_DAY = regex(
    r"(?<=\d)(?:\s*,\s*|\s+at\s+|\s*@\s*|T|\s*\(\s*|\s+)(?P<time>(?:[01]?\d|2[0-3])"
    r"(?:[:.][0-5]\d(?:[:.][0-5]\d(?:\.\d+)?)?)?\s*(?:[ap]\.?\s?m\.?|hrs?\.?)?"
    r"|(?:[01]\d|2[0-3])[0-5]\d\s*hrs?\.?)\s*\)?\s*$",
    re.IGNORECASE,
)


class CarriedDays(NamedTuple):
    """What :func:`carry_day_to_times` did, by row position in the raw table: the rows it
    gave the day above them, with their date cells as written (the time alone), and the
    rows it did not, with why."""

    written: dict[int, str]
    refused: dict[int, str]


#: The end of the event id of a row of a table beside the first on its sheet ("-b2-r14").
_BESIDE_ID: Final = r"-b[0-9]+-r[0-9]+$"


#: A day any year-less date is read against, to tell a day ("12 March", "12/03") from a
#: month ("March"): the rows given it take their year as the parser infers it.
_SOME_YEAR: Final = PreviousDate(
    pd.Timestamp("2008-06-01"), pd.Timestamp("2008-06-01 23:59:59"), "day", "", ""
)


def _days_of(texts: list[str]) -> list[str | None]:
    """The day each date cell gives, as written without its time ("12/03/2007 14:20" gives
    "12/03/2007"; "12 March", with no year, is a day too), or None when the cell gives no
    one day ("March 2007", "w/c 12/03/2007", "12-14/03/2007", "c. 12/03/2007"); read
    together, as the file's dates are."""
    days = [_TIME_AFTER_DAY.sub("", text) for text in texts]
    found = parse_date_arrays(pd.Series(days, dtype=object), previous=_SOME_YEAR)
    one = (found.precision == S.PRECISIONS.index("day")) & (
        found.end - found.start < np.timedelta64(1, "D")
    )  # not a span of days ("12-14/03/2007") nor a day give or take ("c. 12/03/2007")
    return [d if ok else None for d, ok in zip(days, one.tolist(), strict=True)]


def _clock_minutes(texts: list[str | None]) -> np.ndarray:
    """The time of day each cell gives, alone ("14:35", "2.30pm") or after its day
    ("12/03/2007 14:20"), in minutes (NaN for none), read together as a time column."""
    clocks = [
        None if t is None else (m.group("time") if (m := _TIME_AFTER_DAY.search(t)) else t)
        for t in texts
    ]
    found = parse_date_arrays(
        pd.Series(["01/01/2000"] * len(clocks), dtype=object),
        times=pd.Series(clocks, dtype=object),
        dayfirst=True,
    )
    moments = found.start.astype("datetime64[m]")
    minutes = (moments - np.datetime64("2000-01-01", "m")).astype(np.float64)
    minutes[np.isnat(moments) | (found.precision != S.PRECISIONS.index("minute"))] = np.nan
    return minutes


def _runs_in_order(group: np.ndarray, minutes: np.ndarray) -> np.ndarray:
    """Per entry of runs of times (``group`` numbers the runs, each opening with the time
    of its dated row, NaN when it has none), whether it comes after a time earlier than one
    before it in its run: the day may have turned at midnight there, so neither it nor
    anything after it in the run is on that day. Times that cannot be read are passed by."""
    frame = pd.DataFrame({"group": group, "minutes": minutes})
    last = frame.groupby("group")["minutes"].ffill()  # the last time read, so far
    before = last.groupby(frame["group"]).shift(1)
    back = (frame["minutes"] < before).astype(np.int64)
    return (back.groupby(frame["group"]).cumsum() > 0).to_numpy(dtype=bool)


#: The longest time of day written alone in a date cell ("02:30 p.m.").
_LONGEST_CLOCK: Final = 10


def _timed_undated(dates: pd.Series, times: pd.Series | None) -> tuple[np.ndarray, np.ndarray]:
    """Per row of a table's date cells and time cells (text): a blank date cell beside a
    time, and a date cell holding a time that can be no date ("14:35") beside a blank time
    cell. Only short cells with a colon or an "h" or "m" ("14:35", "1435hrs", "2pm") are
    matched to a time: a big column of dates is not searched cell by cell."""
    blank = dates.isna().to_numpy(dtype=bool)
    beside = np.zeros(len(dates), dtype=bool)
    untimed = np.ones(len(dates), dtype=bool)
    if times is not None:
        untimed = times.isna().to_numpy(dtype=bool)
        if (blank & ~untimed).any():
            beside[blank & ~untimed] = time_cells(times[blank & ~untimed])
    cells = pa.array(dates.array, type=pa.large_string())
    at = _cells_holding(cells, b":hHmM")
    if len(at):
        short = pc.less_equal(pc.binary_length(cells.take(pa.array(at))), _LONGEST_CLOCK)
        at = at[short.fill_null(False).to_numpy(zero_copy_only=False) & untimed[at]]
    alone = np.zeros(len(dates), dtype=bool)
    if len(at):
        alone[at] = time_cells(dates.iloc[at], clock=True)
    return beside, alone


def carry_day_to_times(
    raw: pd.DataFrame,
    header: HeaderInfo,
    *,
    file: str,
    sheet: str | None,
    sections: Sequence[int] = (),
) -> tuple[list[dict[str, Any]], CarriedDays]:
    """Give the rows of a log that have a time but no date the day written above them, in
    ``raw`` (a CSV file's text cells, or a sheet's cells: a date cell above gives a date),
    and return a ``time_entry`` warning for each run of rows so dated (and a
    ``section_row`` for a day written alone over them), with what :func:`restore_carried`
    needs after parsing.

    A police log writes the day once, over its timed entries: the row above holds the day
    ("12/03/2007", with or without a time, in the date cell, or alone in its row), each
    row below only its time, in the time column (the date cell blank) or in the date cell
    ("14:35" under a "Date/Time" heading). A row with such a time and no date takes the day
    of the nearest row above whose date cell is written, when that cell gives one day. A
    row holding nothing but that day (over the timed rows) is their heading, not an event.
    Never guessed: a time in the date cell that could be a date ("12.10"), a row with no
    dated row above, a row under a cell giving no one day ("March 2007") keep their
    rejection; so does a time earlier than the time above it in the run (the day may have
    turned at midnight), with every timed row after it (:attr:`CarriedDays.refused`), and
    a row under one of the ``sections`` (positions of the section headings taken out of
    ``raw``: "POLICE" over the next agency's block) with no dated row between.
    """
    date_pos = next((pos for pos, fld in header.mapping.items() if fld == S.DATE), None)
    time_pos = next((pos for pos, fld in header.mapping.items() if fld == S.TIME), None)
    start = header.data_start
    found = CarriedDays({}, {})
    if date_pos is None or len(raw) - start < 2:
        return [], found
    dates = _as_text(raw[date_pos].iloc[start:])
    times = None if time_pos is None else _as_text(raw[time_pos].iloc[start:])
    beside, alone = _timed_undated(dates, times)
    if alone.any():
        # a sheet's date cell holding midnight and no day is Excel's day 0 (a date cell
        # left at 0, shown 00/01/1900): an empty date, not a time of the day above
        at = np.flatnonzero(alone)
        cells = raw[date_pos].iloc[start:].to_numpy(dtype=object)[at]
        alone[at] = [not (isinstance(c, dt.time) and c == dt.time(0)) for c in cells]
    if not (beside | alone).any():
        return [], found
    dates = dates.str.strip()
    times = None if times is None else times.str.strip()
    written = ~(dates.isna() | dates.eq("")).to_numpy(dtype=bool) & ~alone
    breaks = np.array([r - start for r in sections if start <= r < start + len(dates)], dtype=int)
    written[breaks] = True  # a section heading gives no day: the runs under it wait for one
    above = np.maximum.accumulate(np.where(written, np.arange(len(dates)), -1))
    clocks = dates.to_numpy(dtype=object)
    if times is not None:
        clocks = np.where(beside, times.to_numpy(dtype=object), clocks)
    rows = np.flatnonzero((beside | alone) & (above >= 0))  # no day above: left rejected
    heads, group = np.unique(above[rows], return_inverse=True)
    date_text = dates.to_numpy(dtype=object)
    date_text[breaks] = ""
    days = np.array(_days_of([str(t) for t in date_text[heads]]), dtype=object)
    dated = np.array([d is not None for d in days], dtype=bool)
    rows, group = rows[dated[group]], group[dated[group]]  # under "March 2007": rejected
    if not len(rows):
        return [], found
    # each run of times opens with its dated row's own time (its time cell, else the time
    # after the day in its date cell)
    head_clock = date_text[heads].astype(str)
    if times is not None:
        own = times.to_numpy(dtype=object)[heads]
        head_clock = np.where(pd.notna(own), own, head_clock)
    runs = np.concatenate([np.flatnonzero(dated), group])
    minutes = _clock_minutes([*head_clock[dated], *clocks[rows]])
    order = np.argsort(runs, kind="stable")  # each run's dated row first, then its rows
    late = np.empty(len(runs), dtype=bool)
    late[order] = _runs_in_order(runs[order], minutes[order])
    late = late[int(dated.sum()) :]
    taken = rows[~late]
    anchors = raw.iloc[heads[group[~late]] + start, date_pos].to_numpy(dtype=object)
    values = [
        _carried_value(anchor, day, clock if alone_row else None, minute)
        for anchor, day, clock, alone_row, minute in zip(
            anchors,
            days[group[~late]],
            clocks[taken],
            alone[taken],
            minutes[int(dated.sum()) :][~late],
            strict=True,
        )
    ]
    if len(taken):
        raw.iloc[taken + start, date_pos] = np.array(values, dtype=object)
    found.written.update(zip((taken + start).tolist(), map(str, clocks[taken]), strict=True))
    found.refused.update(
        _refusals((rows, group, late), heads, (date_text, clocks, head_clock), start)
    )
    notes = _carried_notes(
        raw, (heads[group[~late]], days[group[~late]], date_text), taken, start, (file, sheet)
    )
    return notes, found


def _as_text(cells: pd.Series) -> pd.Series:
    """A column of cells as text: a CSV file's as they are, a sheet's as
    :func:`scr_timeline.io.table.cells_to_text` writes them (a date as 12/03/2007)."""
    from .table import cells_to_text

    return cells if isinstance(cells.dtype, pd.StringDtype) else cells_to_text(cells)


def _carried_value(anchor: object, day: str, clock: str | None, minute: float) -> object:
    """The date cell of a row given the day of the ``anchor`` cell above it (``day``, as
    written), with the time it held in its date cell (``clock``, ``minute`` minutes into
    the day) when it held one: text for text, a date (and time) for a sheet's date."""
    if not isinstance(anchor, dt.date):
        return day if clock is None else f"{day} {clock}"
    moment = pd.Timestamp(anchor).normalize()
    if clock is not None and not np.isnan(minute):
        moment += pd.Timedelta(minutes=int(minute))
    return moment.to_pydatetime()


def _refusals(
    runs: tuple[np.ndarray, np.ndarray, np.ndarray],
    heads: np.ndarray,
    cells: tuple[np.ndarray, np.ndarray, np.ndarray],
    start: int,
) -> dict[int, str]:
    """Why each late row (``runs``: the timed rows under the header, their run's number and
    whether they are late) did not take the day of its run's dated row (``heads``): in its
    run, the first late row's time is earlier than the one before it (``cells``: the date
    cells, the rows' times and the dated rows' own), so the day may have changed at midnight."""
    rows, group, late = runs
    dates, clocks, head_clocks = cells
    out: dict[int, str] = {}
    for run in np.unique(group[late]).tolist():
        mine = rows[group == run]
        first = int(rows[late & (group == run)][0])
        earlier = mine[mine < first]
        head = int(heads[run])
        if len(earlier):
            before, was = int(earlier[-1]), str(clocks[earlier[-1]])
        else:
            before, was = head, str(head_clocks[run])
        out.update(
            dict.fromkeys(
                (rows[late & (group == run)] + start).tolist(),
                f"the time has no date, and the day of row {head + start + 1} above "
                f"({str(dates[head])!r}) was not taken: row {first + start + 1}'s time "
                f"({str(clocks[first])!r}) is earlier than row {before + start + 1}'s ({was!r}), "
                "so the day may have changed at midnight; write the date",
            )
        )
    return out


def _carried_notes(
    raw: pd.DataFrame,
    runs: tuple[np.ndarray, np.ndarray, np.ndarray],
    rows: np.ndarray,
    start: int,
    where: tuple[str, str | None],
) -> list[dict[str, Any]]:
    """A ``time_entry`` warning for each run of ``rows`` (under the header) given the day of
    their dated row (``runs``: per row, its dated row and the day it gives; and the date
    cells as text), and a ``section_row`` for a dated row (blanked in ``raw``) that holds
    only its date."""
    from .table import _warning  # local: keeps table's helpers private

    heads, days, dates = runs
    file, sheet = where
    if not len(rows):
        return []
    at, first, count = np.unique(heads, return_index=True, return_counts=True)
    notes = []
    for head, k, n in zip(at.tolist(), first.tolist(), count.tolist(), strict=True):
        mine = rows[k : k + n] + start + 1  # rows run in order: a dated row's are together
        notes.append(
            _warning(
                "time_entry",
                f"{n} row(s) with a time but no date ({_row_list(mine.tolist())}) took the "
                f"day of row {head + start + 1} above them ({days[k]!r}), as a log writes "
                "the day once over its timed entries: check them",
                file,
                sheet,
                int(mine[0]),
            )
        )
    alone = at[raw.iloc[at + start].notna().sum(axis=1).to_numpy() == 1]  # its date only
    raw.iloc[alone + start] = pd.NA if isinstance(raw.dtypes.iloc[0], pd.StringDtype) else None
    notes.extend(
        _warning(
            "section_row",
            "row holding only a date over the timed rows below it read as a section "
            f"heading, not an event: {' '.join(str(dates[head]).split())!r}",
            file,
            sheet,
            head + start + 1,
        )
        for head in alone.tolist()
    )
    return notes


def restore_carried(chron: Chronology, carried: CarriedDays | Sequence[CarriedDays]) -> Chronology:
    """``chron`` with the rows :func:`carry_day_to_times` dated keeping their date cells as
    written (``date_text``: the time alone), and the rows it would not date rejected for
    that reason. (Rows are the raw table's positions: ``source_row`` less one.) A list
    (from :func:`fill_cells`) holds what was done to each table side by side on a sheet,
    in their order."""
    tables = [carried] if isinstance(carried, CarriedDays) else list(carried)
    events, rejected = chron.events, chron.rejected
    for k, done in enumerate(tables, start=1):
        table = k if len(tables) > 1 else None
        if done.written:
            events = _with_texts(events, S.DATE_TEXT, done.written, table)
        if done.refused:
            rejected = _with_texts(rejected, S.REASON, done.refused, table)
    if events is chron.events and rejected is chron.rejected:
        return chron
    return Chronology(events, rejected, chron.warnings, chron.meta)


def fill_cells(
    raw: pd.DataFrame,
    header: HeaderInfo,
    *,
    file: str,
    sheet: str | None,
    sections: Sequence[int],
    columns: Mapping[str, str] | None,
) -> tuple[list[dict[str, Any]], list[CarriedDays]]:
    """What the CSV and Excel readers do to a table's cells in ``raw`` before
    :func:`parse_table`: :func:`fill_dittos`, :func:`carry_day_to_times`,
    :func:`date_from_other_column` and :func:`fill_agency_down`, with their warnings, and
    what :func:`restore_carried` is to restore. Tables side by side on the sheet (see
    :func:`scr_timeline.io.table.beside_headers`) are each done with their own columns."""
    notes: list[dict[str, Any]] = []
    carried_all: list[CarriedDays] = []
    for view in beside_headers(header, columns, raw) or [header]:
        dittos, ditto_dates = fill_dittos(raw, view, file=file, sheet=sheet)
        notes.extend(dittos)
        timed, carried = carry_day_to_times(raw, view, file=file, sheet=sheet, sections=sections)
        carried.written.update(ditto_dates)
        notes.extend(timed)
        notes.extend(date_from_other_column(raw, view, file=file, sheet=sheet))
        notes.extend(fill_agency_down(raw, view, file=file, sheet=sheet))
        carried_all.append(carried)
    return notes, carried_all


def _with_texts(
    frame: pd.DataFrame, column: str, texts: dict[int, str], table: int | None = None
) -> pd.DataFrame:
    """``frame`` with ``column`` set to ``texts`` (by raw row position) in its rows.

    Tables side by side on a sheet give two rows of ``frame`` the same row: the texts are
    the ``table``-th's (1 or None: the first's, whose event ids end ``-r{row}``; 2: those
    ending ``-b2-r{row}``...). In ``rejected``, with no ids, a row the first table shares
    is its first, the later tables' the last."""
    rows = frame[S.SOURCE_ROW].to_numpy(dtype=np.int64, na_value=0) - 1
    at = np.flatnonzero(np.isin(rows, np.fromiter(texts, np.int64, len(texts))))
    if not len(at):
        return frame
    # (the few rows given texts only)
    later = table is not None and table > 1
    if frame.index.name == S.EVENT_ID:
        if table is not None or pd.Series(rows[at]).duplicated().any():
            ids = frame.index[at].astype(str)
            beside = ids.str.contains(_BESIDE_ID)
            mine = ids.str.contains(f"-b{table}-r[0-9]+$") if later else ~beside
            at = at[np.asarray(mine, dtype=bool)]
    else:
        at = at[~pd.Series(rows[at]).duplicated(keep="last" if later else "first").to_numpy()]
    frame = frame.copy()
    values = frame[column].to_numpy(dtype=object, copy=True)
    values[at] = [texts[int(r)] for r in rows[at]]
    frame[column] = pd.Series(values, index=frame.index).astype(frame[column].dtype)
    return frame


def join_broken_lines(
    raw: pd.DataFrame, header: HeaderInfo, path: Path, delimiter: str
) -> list[dict[str, Any]]:
    """Join to its row the lines of a cell whose line breaks the export did not quote, in
    ``raw`` (the file's records, read by :func:`read_csv_table`), and return a
    ``line_break_joined`` warning for each line joined.

    Such a line has fewer cells than the header and no date in the date column; it carries
    on the last cell of the line above it (itself short: the rest of its cells are on the
    lines that follow), with a line break, and its other cells are that row's next cells.
    Blank lines between such lines are line breaks in the cell too. The joined row keeps
    the number of its first line, and the lines joined to it become blank rows (so every
    later row keeps the number a person sees on opening the file). A line that starts
    with a date, a blank line with no such line after it, a line that completes the
    header's cells, and the report footer (blanked before) are left as they are.

    Only files where a short undated line follows a short line (found from the cells
    already read, a column at a time) are read again, as text, to count each line's cells.
    """
    from .table import _warning  # local: keeps table's helpers private

    date_pos = next((pos for pos, fld in header.mapping.items() if fld == S.DATE), None)
    start = header.data_start
    width = raw.shape[1]
    if date_pos is None or len(raw) - start < 2 or width < 2:
        return []
    # cheap first look on the cells: a row whose last cell sits so far left that it and
    # the row above (its last cell too) could be one line cut in two, undated
    if not raw.iloc[start + 1 :, -1].isna().any():  # no row short of its last cell
        return []
    last = _last_filled(raw)
    rows = np.arange(len(raw))
    above = np.maximum.accumulate(np.where(last >= 0, rows, -1))  # the row itself or above
    before = np.r_[-1, above[:-1]]
    maybe = (rows > start) & (last >= 0) & (before >= start)
    maybe[maybe] &= last[before[maybe]] + last[maybe] <= width - 1
    if not maybe.any():
        return []
    maybe[maybe] = _undated(raw.iloc[np.flatnonzero(maybe), date_pos])
    if not maybe.any():
        return []
    # a line starts where the line above it is dated (or was joined to a dated line), and
    # another table's header, and the title line right above it, are no such lines
    places = np.flatnonzero(maybe)
    dated = np.zeros(len(raw), dtype=bool)
    heads = np.unique(before[places])
    dated[heads] = ~_undated(raw.iloc[heads, date_pos])
    after = np.minimum.accumulate(np.where(last >= 0, rows, len(raw))[::-1])[::-1]
    following = np.r_[after[1:], len(raw)]
    nearby = np.unique(np.r_[places, following[places][following[places] < len(raw)]])
    heading = np.zeros(len(raw) + 1, dtype=bool)
    heading[nearby] = headings_like(raw.iloc[nearby, date_pos].tolist())
    titled = (last[places] == 0) & heading[following[places]]
    maybe[places] &= ~heading[places] & ~titled
    if not maybe.any():
        return []
    # the file again, as text, for the cells each line holds as written
    text, _encoding = decode_text(path.read_bytes(), file=path.name)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:
        return []
    if len(records) != len(raw):  # the two parsers disagree: leave the file as read
        return []
    count = np.fromiter((len(r) for r in records), np.int64, len(records))
    wanted = max(int(count[row]) for row in header.header_rows)
    empty = np.fromiter((not any(c.strip() for c in r) for r in records), bool, len(records))
    cells: dict[int, list[str]] = {}  # the rows joined to: their cells so far
    into: dict[int, int] = {}  # a line joined -> the row it was joined to
    for row in np.flatnonzero(maybe & (count < wanted)).tolist():
        prev = int(before[row])
        gap = range(prev + 1, row)
        if not all(empty[g] for g in gap):  # a footer or year row blanked in between
            continue
        if prev not in into and not dated[prev]:
            continue
        head = into.get(prev, prev)
        fields = cells.get(head, records[head])
        if len(fields) >= wanted or len(fields) + int(count[row]) - 1 > wanted:
            continue
        piece = records[row]
        cells[head] = [*fields[:-1], fields[-1] + "\n" * (len(gap) + 1) + piece[0], *piece[1:]]
        into[row] = head
        into.update(dict.fromkeys(gap, head))
    if not into:
        return []
    _rewrite_rows(raw, cells, list(into))
    return [
        _warning(
            "line_break_joined",
            f"row {row + 1} has fewer cells than the header and no date: it carries on a "
            f"cell of row {head + 1}, whose line break the file does not quote, and was "
            f"joined to row {head + 1}",
            path.name,
            None,
            row + 1,
        )
        for row, head in sorted(into.items())
        if not empty[row]
    ]


def _rewrite_rows(raw: pd.DataFrame, cells: dict[int, list[str]], blank: list[int]) -> None:
    """Write each row of ``cells`` (padded with blanks) and blank the ``blank`` rows of
    ``raw``, a column at a time."""
    heads = sorted(cells)
    for pos, label in enumerate(raw.columns):
        column = raw[label]
        values = np.array(column.astype(object).where(column.notna(), None), dtype=object)
        values[blank] = None
        values[heads] = [
            (cells[h][pos].strip() or None) if pos < len(cells[h]) else None for h in heads
        ]
        raw[label] = pd.Series(values, index=raw.index, dtype=cast(Any, column.dtype))


# --- layouts the Excel reader shares: agency banners, a column per agency -----------------


def _column_letters(number: int) -> str:
    """An Excel column's letters from its 1-based number (1 is "A", 28 "AB")."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_MAX_BANNER: Final = 80  # characters of a row that names an agency over its block


def _typed_banners(frame: pd.DataFrame, info: HeaderInfo, taken: set[int]) -> list[tuple[int, str]]:
    """Rows under the header that hold nothing but an agency's name, typed in the first
    column, a date column or the agency column ("POLICE", "Children's Social Care") without
    merging it across the row: the heading of that agency's block, not a row with an
    unreadable or empty date. As (position, text); ``taken``: rows already read as section
    headings."""
    body = frame.iloc[info.data_start :]
    if body.empty:
        return []
    where = [0, *(pos for pos, fld in info.mapping.items() if fld in (S.DATE, S.AGENCY))]
    lone, filled = _lone_cells(body, sorted(set(where)))
    if not len(lone):
        return []
    from ..classify.agencies import agency_from_name

    values = np.empty(len(lone), dtype=object)
    for pos in np.unique(filled).tolist():  # the cells, a column at a time
        values[filled == pos] = body.iloc[lone[filled == pos], pos].to_numpy(dtype=object)
    out = []
    for offset, value in zip(lone.tolist(), values.tolist(), strict=True):
        row = info.data_start + offset
        if row in taken or not isinstance(value, str) or _WORD.search(value) is None:
            continue  # (a date typed alone, "12/03/2007", names no one)
        text = " ".join(value.split())
        if (
            len(text) <= _MAX_BANNER
            and _named(text)
            and not _opens_with_date(text)
            and not is_footer_line(text)  # "Total for GP: 12": a count, no heading
            and agency_from_name(text)
        ):
            out.append((row, text))
    return out


def _opens_with_date(text: str) -> bool:
    """Whether ``text`` opens with a date ("12/03/2007 GP"). The narrative reader that
    knows is imported only for a text with a figure in it: reading a CSV loads no
    document reader."""
    if not any(ch.isdigit() for ch in text):
        return False
    from .text import split_date_prefix

    return split_date_prefix(text) is not None


def _lone_cells(body: pd.DataFrame, where: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The rows of ``body`` with one cell filled, in a column of ``where``: their
    positions and that cell's column. The other columns are looked at first, each on the
    rows still blank in those before it (a column filled in every row ends the search at
    once: a big table is not looked at cell by cell)."""
    rows: np.ndarray | None = None  # None: every row
    for pos in range(body.shape[1]):
        if pos in where:
            continue
        cells = body.iloc[:, pos] if rows is None else body.iloc[rows, pos]
        blank = cells.isna().to_numpy(dtype=bool)
        rows = np.flatnonzero(blank) if rows is None else rows[blank]
        if not len(rows):
            return rows, rows
    if rows is None:
        rows = np.arange(len(body))
    if not len(rows):
        return rows, rows
    filled = body.iloc[rows, where].notna().to_numpy(dtype=bool)
    one = filled.sum(axis=1) == 1
    return rows[one], np.array(where)[np.argmax(filled[one], axis=1)]


#: The small words of an organisation's name ("Head of Service", "Children and Families").
_NAME_LINKS: Final = frozenset({"of", "and", "the", "for", "in", "at", "on", "to", "&"})
_WORD: Final = regex(r"[^\W\d_][\w'’]*")
#: A count in brackets after a name: "POLICE (12 entries)", "GP (3)".
_COUNT: Final = regex(r"\(\s*\d[^()]*\)")


def _named(text: str) -> bool:
    """True for a name ("Children's Social Care", "POLICE", "Elm Road Surgery (GP)", or an
    agency's alias as written in any case: "Health visiting"), with or without a count of
    its entries ("POLICE (12 entries)"), not a sentence typed in the first column ("Police
    attended", "Mother phoned GP")."""
    text = " ".join(_COUNT.sub(" ", text).split())
    words = _WORD.findall(text)
    if words and all(w[0].isupper() or w.casefold() in _NAME_LINKS for w in words):
        return True
    return text.casefold() in _alias_names()


@functools.lru_cache(maxsize=1)
def _alias_names() -> frozenset[str]:
    """The shipped agency aliases, case folded."""
    from ..classify.agencies import load_agency_aliases

    return frozenset(load_agency_aliases()["alias"].str.casefold())


def _agency_banners(sections: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """Of a sheet's section headings (position, text, what), those naming an agency, as
    (position, agency code, text): the heading of that agency's block of rows."""
    from ..classify.agencies import agency_from_name

    return sorted(
        (row, code, text)
        for row, text, _what in sections
        if len(text) <= _MAX_BANNER and (code := agency_from_name(text)) is not None
    )


def with_typed_banners(
    frame: pd.DataFrame, info: HeaderInfo, sections: list[tuple[int, str, str]], columns: Any
) -> list[tuple[int, str, str]]:
    """``sections`` (position, text, what) and the rows typed with only an agency's name
    (:func:`_typed_banners`) that are no table's title (:func:`_over_a_header`)."""
    taken = {row for row, _text, _what in sections}
    return sections + [
        (row, text, "row holding only an agency's name")
        for row, text in _typed_banners(frame, info, taken)
        if not _over_a_header(frame, row, columns)
    ]


def blank_section_rows(
    frame: pd.DataFrame,
    sections: list[tuple[int, str, str]],
    banners: list[tuple[int, str, str]],
    *,
    file: str,
    sheet: str | None,
) -> list[dict[str, Any]]:
    """Blank the section headings (position, text, what) in ``frame`` and return a
    ``section_row`` warning for each, naming the agency of the rows below those that are
    ``banners`` (position, code, text)."""
    from .table import _warning  # local: keeps table's helpers private

    named = {row: code for row, code, _text in banners}
    blank = pd.NA if isinstance(frame.dtypes.iloc[0], pd.StringDtype) else None
    notes = []
    for row, text, what in sections:
        frame.iloc[row] = blank
        agency = (
            f" (it names the agency of the rows below it: {named[row]})" if row in named else ""
        )
        notes.append(
            _warning(
                "section_row",
                f"{what} read as a section heading, not an event: {text!r}{agency}",
                file,
                sheet,
                row + 1,
            )
        )
    return notes


#: The sheet a CSV file's rows stand for while the banners' agencies are given to them:
#: :mod:`scr_timeline.io.document`'s helpers pick a table's rows by their sheet, and a
#: CSV file's rows have none.
_ONE_TABLE: Final = "\x00the file's one table"


def agencies_from_banners(
    chron: Chronology, banners: list[tuple[int, str, str]], info: HeaderInfo, sheet: str | None
) -> Chronology:
    """The events under each banner (position, agency code, text: a row holding only an
    agency's name) given its agency, as a Word or Excel table's are: those with a blank
    agency cell when the table has an agency column
    (:func:`scr_timeline.io.document.fill_from_banners`), else every event below it when
    the banners name two agencies or the table's agency is unknown."""
    if not banners:
        return chron
    from .document import _with_banner_agencies, fill_from_banners  # (a document reader)

    numbered = [(row + 1, code, text) for row, code, text in banners]
    if sheet is None:
        chron = _with_sheet(chron, pd.NA, _ONE_TABLE)
    if S.AGENCY in info.mapping.values():
        chron = fill_from_banners(chron, numbered, sheet or _ONE_TABLE)
    else:
        several = len({code for _row, code, _text in banners}) > 1
        chron = _with_banner_agencies(chron, numbered, None, sheet or _ONE_TABLE, several=several)
    return _with_sheet(chron, _ONE_TABLE, pd.NA) if sheet is None else chron


def _with_sheet(chron: Chronology, old: Any, new: Any) -> Chronology:
    """``chron`` with ``new`` for the sheet of its events and warnings whose sheet is
    ``old`` (NA: none)."""

    def moved(frame: pd.DataFrame) -> pd.DataFrame:
        column = frame[S.SOURCE_SHEET]
        at = column.isna() if old is pd.NA else column.eq(old).fillna(False)
        if not bool(at.any()):
            return frame
        frame = frame.copy()
        frame[S.SOURCE_SHEET] = column.mask(at, new).astype(column.dtype)
        return frame

    return Chronology(moved(chron.events), chron.rejected, moved(chron.warnings), chron.meta)


def _over_a_header(frame: pd.DataFrame, row: int, columns: Any) -> bool:
    """True when the next row holding anything under ``row`` is a header (text only, a
    date heading and another): ``row`` is the title of a table stacked under the first
    (see :func:`scr_timeline.io.table.parse_table`), not a section heading."""
    below = frame.iloc[row + 1 :]
    filled = np.flatnonzero(below.notna().to_numpy().any(axis=1))
    if not len(filled):
        return False
    cells = below.iloc[int(filled[0])].tolist()
    if not all(isinstance(c, str) for c in cells if c is not None and not pd.isna(c)):
        return False
    mapping = map_headings(cells, columns=columns)
    return S.DATE in mapping.values() and len(mapping) >= 2


_GRID_ROWS: Final = 20  # rows looked at for the header of a table with a column per agency


@dataclass(frozen=True, slots=True)
class _Grid:
    """A table with a column per agency ("Date | Children's Social Care | Police | Health"),
    each cell what that agency did that day: its header row, the columns every entry
    shares (by position, their field) and the agencies' columns."""

    row: int
    shared: dict[int, str]
    agencies: list[int]
    # a grid of ticks: the agencies' columns mark which agencies the row's entry (in its
    # own details column) is theirs; ``kept`` are the other columns no field maps
    ticks: bool = False
    kept: tuple[int, ...] = ()


#: A cell marking an agency's column in a grid of ticks ("✓", "X", "Y", "Yes", TRUE from a
#: check box, Wingdings' "ü" that shows as a tick), and one saying it is not marked ("N",
#: "No", "-", a cross, Wingdings' "û"): the rest is text
_TICK: Final = regex(r"\s*(?i:[✓✔☑xü•*]|y|yes|true|tick(?:ed)?)\s*")
_NO_TICK: Final = regex(r"\s*(?i:n|no|false|-|–|[✗✘☒û]|n/?a)\s*")
_TICK_ROWS: Final = 500  # rows under the header looked at for a grid of ticks


def _agency_grid(frame: pd.DataFrame, columns: Any, *, ticks: bool = False) -> _Grid | None:
    """The table of ``frame`` with a column per agency, if it is one: a header row with a
    date column, no agency or details column, and two headings or more that are agencies'
    names; its other headed columns that no field maps are agencies' too ("Health",
    "Other agencies"). With ``ticks``, also a table with its details column whose agencies'
    columns (two or more named so) hold only ticks ("Date | Event | HV | SW | GP | Police"
    with "✓" under the agencies the entry was theirs). None otherwise."""
    from ..classify.agencies import agency_from_name

    for row in range(min(len(frame), _GRID_ROWS)):
        cells = frame.iloc[row].tolist()
        texts = [c for c in cells if c is not None and not pd.isna(c)]
        if len(texts) < 3 or not all(isinstance(c, str) for c in texts):
            continue
        mapping = map_headings(cells, columns=columns)
        fields = set(mapping.values())
        if S.DATE not in fields or S.AGENCY in fields or (S.DETAILS in fields and not ticks):
            continue
        headed = [
            pos for pos, cell in enumerate(cells) if pos not in mapping and isinstance(cell, str)
        ]
        named = [
            pos
            for pos in headed
            if _named(" ".join(cells[pos].split())) and agency_from_name(cells[pos]) is not None
        ]
        if len(named) < 2:
            continue
        if S.DETAILS not in fields:  # then every other headed column is an agency's too
            return _Grid(row, mapping, headed)
        under = frame.iloc[row + 1 : row + 1 + _TICK_ROWS]
        marks = {pos: _ticks(under.iloc[:, [pos]]) for pos in headed}
        # the columns of ticks (each an agency's, "Health" too), and an agency's column
        # never ticked ('FALSE' all down)
        ticked = [p for p, m in marks.items() if m or (m is not None and p in named)]
        if len(set(ticked) & set(named)) >= 2 and any(marks[p] for p in ticked):
            return _Grid(row, mapping, ticked, True, tuple(p for p in headed if p not in ticked))
    return None


def _ticks(cells: pd.DataFrame) -> bool | None:
    """Whether one of the cells is a tick when all are ticks or their absence (blank, "No",
    a cross), else None (text, numbers, dates)."""
    values = [
        str(v) if isinstance(v, (bool, np.bool_)) else v  # a check box's TRUE or FALSE
        for v in pd.unique(cells.to_numpy(dtype=object).ravel())
    ]
    texts = [v for v in values if isinstance(v, str) and v.strip()]
    if any(not isinstance(v, str) and not pd.isna(v) for v in values):
        return None  # a number or a date: no tick
    marks = [bool(_TICK.fullmatch(t)) for t in texts]
    if not all(m or _NO_TICK.fullmatch(t) for m, t in zip(marks, texts, strict=True)):
        return None
    return any(marks)


def _agency_cells(headings: list[object]) -> tuple[list[object], list[object]]:
    """The agency and source cells of each heading of a grid's agencies' columns: a name the
    alias table knows is the agency; a role's initials it does not ("SW", "TM": a social
    worker's column beside "HV" and "GP") the source, whose role names the agency."""
    from ..classify.agencies import agencies_from_clues, agency_from_name

    agency: list[object] = list(headings)
    source: list[object] = [None] * len(headings)
    unknown = [
        k for k, h in enumerate(headings) if isinstance(h, str) and agency_from_name(h) is None
    ]
    if unknown:
        written = pd.Series([None] * len(unknown), dtype=object)
        clues = pd.Series([headings[k] for k in unknown], dtype=object)
        found = agencies_from_clues(written, [clues]).tolist()
        for k, code in zip(unknown, found, strict=True):
            if code is not None:
                agency[k], source[k] = None, headings[k]
    return agency, source


def _grid_entries(frame: pd.DataFrame, grid: _Grid) -> tuple[pd.DataFrame, np.ndarray, list[str]]:
    """A table with a column per agency as one row per entry: the shared cells, the
    agency (its column's heading) and the details (the cell); a row with no agency's cell
    filled stays a row of its own. Returns the table (title lines, header, entries), the
    frame position of each of its rows and the column letter of each ("" but for entries)."""
    shared = sorted({*grid.shared, *grid.kept})
    body = frame.iloc[grid.row + 1 :]
    cells = body.iloc[:, grid.agencies].to_numpy(dtype=object)
    texts = body.iloc[:, grid.agencies].astype("string").apply(lambda c: c.str.strip())
    filled = (texts.notna() & texts.ne("")).fillna(False).to_numpy(dtype=bool)
    if grid.ticks:  # a cell saying 'No' ticks nothing
        filled &= (
            texts.apply(lambda c: c.str.fullmatch(_TICK.pattern)).fillna(False).to_numpy(dtype=bool)
        )
    rows, which = np.nonzero(filled)
    kept = np.flatnonzero(~filled.any(axis=1) & body.notna().to_numpy().any(axis=1))
    rows = np.concatenate([rows, kept])
    which = np.concatenate([which, np.full(len(kept), -1)])
    order = np.lexsort((which, rows))
    rows, which = rows[order], which[order]
    headings: list[object] = [frame.iat[grid.row, pos] for pos in grid.agencies]
    label = next(
        (
            h
            for f, h in ((S.SOURCE, "Source"), (S.PRACTITIONER, "Practitioner"))
            if f not in grid.shared.values()
        ),
        None,
    )
    agency, source = _agency_cells(headings) if label else (headings, [None] * len(headings))
    entries = body.iloc[rows, shared].reset_index(drop=True)
    entries.columns = pd.RangeIndex(len(shared))
    entries[len(shared)] = np.array([*agency, None], dtype=object)[which]
    header = [frame.iat[grid.row, pos] for pos in shared] + ["Agency"]
    if label and any(v is not None for v in source):  # headed with a role's initials ("SW")
        entries[len(header)] = np.array([*source, None], dtype=object)[which]
        header.append(label)
    if not grid.ticks:
        details = np.append(cells, np.full((len(cells), 1), None, dtype=object), axis=1)
        entries[len(header)] = details[rows, which]
        header.append("Details")
    titles = [
        [next((v for v in frame.iloc[r] if isinstance(v, str)), None)] + [None] * (len(header) - 1)
        for r in range(grid.row)
        if frame.iloc[r].notna().any()
    ]
    table = pd.DataFrame([*titles, header], dtype=object)
    table = pd.concat([table, entries], ignore_index=True)
    tops = [r for r in range(grid.row) if frame.iloc[r].notna().any()]
    positions = np.array([*tops, grid.row, *(grid.row + 1 + rows)], dtype=np.int64)
    letters = [""] * (len(tops) + 1) + [
        _column_letters(grid.agencies[w] + 1).lower() if w >= 0 else "" for w in which
    ]
    return table, positions, letters


def _read_grid(
    frame: pd.DataFrame,
    grid: _Grid,
    path: Path,
    sheet: str | None,
    fmt: str,
    options: dict[str, Any],
) -> Chronology:
    """Read a sheet with a column per agency (:func:`_grid_entries`): each cell an event of
    the agency its column names, on its row's date, pointed back at its row (its event id
    ends in the column's letter: "...-r12c"). The lines a report writer adds under it
    ("Total records: 3") are ``footer_row`` warnings, and its timed rows take the day above
    them (:func:`carry_day_to_times`), as under any table."""
    below = HeaderInfo((grid.row,), grid.row + 1, grid.shared, [], [], [])
    notes = blank_footer_rows(frame, below, file=path.name, sheet=sheet)
    timed, carried = carry_day_to_times(frame, below, file=path.name, sheet=sheet)
    table, positions, letters = _grid_entries(frame, grid)
    if grid.ticks:
        notes.append(_tick_note(frame, grid, letters, path.name, sheet))
    chron = parse_table(table, source=path, sheet=sheet, fmt=fmt, **{**options, "classify": False})
    excel_rows = np.append([0], positions + 1)  # by the table's own row number
    column = np.array(["", *letters], dtype=object)

    def moved(part: pd.DataFrame) -> pd.DataFrame:
        if part.empty or S.SOURCE_ROW not in part.columns:
            return part
        part = part.copy()
        at = part[S.SOURCE_ROW]
        known = at.notna().to_numpy(dtype=bool)
        values = at.to_numpy(dtype=object)
        values[known] = excel_rows[at[known].astype("int64").to_numpy()]
        part[S.SOURCE_ROW] = pd.Series(values, index=part.index).astype(at.dtype)
        return part

    events = moved(chron.events)
    stem = f"{_slug(path.stem)}-{_slug(sheet)}" if sheet else _slug(path.stem)
    ids = [
        f"{stem}-r{row}{letter}"
        for row, letter in zip(
            events[S.SOURCE_ROW],
            column[chron.events[S.SOURCE_ROW].to_numpy(dtype=np.int64)],
            strict=True,
        )
    ]
    events.index = pd.Index(ids, dtype=chron.events.index.dtype, name=chron.events.index.name)
    chron = Chronology(events, moved(chron.rejected), moved(chron.warnings), chron.meta)
    return with_warnings(restore_carried(chron, carried), notes + timed)


def _tick_note(
    frame: pd.DataFrame, grid: _Grid, letters: list[str], file: str, sheet: str | None
) -> dict[str, Any]:
    """The ``agency_from_ticks`` warning of a grid of ticks: its agencies' columns, and how
    many of its rows were ticked for two agencies or more (an event each)."""
    names = ", ".join(repr(" ".join(str(frame.iat[grid.row, p]).split())) for p in grid.agencies)
    body = frame.iloc[grid.row + 1 :, grid.agencies].astype("string")
    ticks = body.apply(lambda c: c.str.fullmatch(_TICK.pattern)).fillna(False)
    several = int((ticks.sum(axis=1) >= 2).sum())
    message = (
        f"the columns {names} hold ticks: each ticked cell was read as an entry of that "
        "column's agency, with the row's date and details"
        + (
            f" ({several} row(s) ticked for two agencies or more are an event each)"
            if several
            else ""
        )
        + "; a row ticked for none keeps no agency"
    )
    return {
        S.CODE: "agency_from_ticks",
        S.MESSAGE: message,
        S.SOURCE_FILE: file,
        S.SOURCE_SHEET: sheet,
        S.SOURCE_ROW: grid.row + 1,
    }


def _headed_table(info: HeaderInfo | ScrTimelineError | None, columns: Any) -> bool:
    """Whether the header found heads an ordinary table: an agency column, and a details
    column by its heading (not one taken for its sentences): such a sheet is no column per
    agency, whatever its rows hold (a row "=TODAY() | GP | GP1 | ..." under "Date | Agency |
    Practitioner | Details" is a row of it, not the header of a grid)."""
    if not isinstance(info, HeaderInfo) or S.AGENCY not in info.mapping.values():
        return False
    return S.DETAILS in map_headings(info.headings, columns=columns).values()
