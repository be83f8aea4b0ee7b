"""The limits scr_timeline enforces on its inputs, in one place (see docs/security.md).

A chronology that breaks a limit is refused with an :class:`~scr_timeline.exceptions.
InputLimitError` naming the file (and sheet) and the limit, before any reader spends time
or memory on it: a hostile or broken file fails quickly with a clear message instead of
hanging the machine or killing the process. The limits are far above any real chronology
(the largest serious case reviews run to a few thousand rows).

The values are module constants; a program that must read something larger can raise them
(``scr_timeline.limits.MAX_FILE_BYTES = 4 << 30``) before reading.

Examples
--------
>>> from scr_timeline import limits
>>> limits.MAX_SHEET_CELLS
20000000
>>> limits.column_number("XFD")
16384
"""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath
from typing import Final, NamedTuple

import numpy as np

from ._prebuilt import regex
from .exceptions import ChronologyReadError, InputLimitError

__all__ = [
    "MAX_COLUMNS",
    "MAX_EXPANDED_BYTES",
    "MAX_FILE_BYTES",
    "MAX_SHEET_CELLS",
    "MAX_ZIP_MEMBERS",
    "check_columns",
    "check_file_size",
    "check_workbook",
    "check_zip_archive",
    "column_number",
    "is_encrypted_office_file",
]

#: Largest input file read, in bytes (1 GiB).
MAX_FILE_BYTES: int = 1 << 30

#: Largest total size of an Office file's (.xlsx, .xlsm, .docx) archive members once
#: uncompressed, in bytes (1 GiB): the zip-bomb guard, checked before the file is opened.
MAX_EXPANDED_BYTES: int = 1 << 30

#: Most members in an Office file's zip archive.
MAX_ZIP_MEMBERS: int = 10_000

#: Most columns holding a value in one table (a sheet, a CSV file). Real chronologies have
#: a few dozen; each column costs time in every row, so a file of thousands is refused
#: quickly rather than read for minutes.
MAX_COLUMNS: int = 1_000

#: Most cells in the used range of one worksheet (rows x columns, blank cells included):
#: a stray value in cell XFD1048576 makes a sheet of 17 billion cells, which no reader can
#: hold in memory. 20 million is, for example, 1 million rows by 20 columns.
MAX_SHEET_CELLS: int = 20_000_000

_CFB_SIGNATURE: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAMS: Final = tuple(
    name.encode("utf-16-le") for name in ("EncryptionInfo", "EncryptedPackage")
)
_SCAN_CHUNK: Final = 1 << 22
_AFTER_TAG_NAME: Final = np.frombuffer(b" >/\t\r\n", dtype=np.uint8)  # after "<c" in a cell tag
_SPACES: Final = np.frombuffer(b" \t\r\n", dtype=np.uint8)
_QUOTES: Final = np.frombuffer(b"\"'", dtype=np.uint8)
_PREFIXED_ROW: Final = regex(rb"<\w+:row\b")
_PREFIXED_CELL: Final = regex(rb"<\w+:c(?=[\s/>])")
_TOO_FAR: Final = 1 << 40  # a reference longer than any Excel allows
_SHEET_TAG: Final = regex(rb"<(?:\w+:)?sheet\b[^>]*>")
_ATTRIBUTE: Final = regex(rb"([\w:]+)=\"([^\"]*)\"")
_RELATIONSHIP: Final = regex(rb"<(?:\w+:)?Relationship\b[^>]*>")


def column_number(letters: str) -> int:
    """The 1-based number of an Excel column (``"A"`` is 1, ``"XFD"`` 16384)."""
    number = 0
    for ch in letters:
        number = number * 26 + (ord(ch) - 64)
    return number


def _size(n: int) -> str:
    return f"{n / (1 << 20):,.0f} MB" if n >= 1 << 20 else f"{n:,} bytes"


def check_file_size(path: Path) -> None:
    """Refuse a file larger than :data:`MAX_FILE_BYTES`."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise InputLimitError(
            f"the file is {_size(size)}, more than the {_size(MAX_FILE_BYTES)} scr_timeline "
            "reads (scr_timeline.limits.MAX_FILE_BYTES)",
            file=path.name,
            expected="a smaller file: split the chronology",
        )


def check_columns(
    columns: int, *, file: str, sheet: str | None = None, at_least: bool = False
) -> None:
    """Refuse a table with more than :data:`MAX_COLUMNS` columns holding values
    (``at_least``: ``columns`` was counted in the first part of the file only)."""
    if columns > MAX_COLUMNS:
        raise InputLimitError(
            f"the table has {'at least ' if at_least else ''}{columns:,} columns, more than "
            f"the {MAX_COLUMNS:,} scr_timeline "
            "reads (scr_timeline.limits.MAX_COLUMNS); a chronology has a few dozen: keep "
            "the chronology's columns and read it again",
            file=file,
            sheet=sheet,
            expected=f"at most {MAX_COLUMNS:,} columns",
        )


def is_encrypted_office_file(path: Path) -> bool:
    """True for a password-protected Office file: an OLE2 container holding the
    ``EncryptionInfo`` or ``EncryptedPackage`` stream (what Office writes instead of the
    zip archive when a password is set)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return False
    return head.startswith(_CFB_SIGNATURE) and any(s in head for s in _ENCRYPTED_STREAMS)


def check_zip_archive(path: Path, *, kind: str) -> zipfile.ZipFile | None:
    """Check an Office file's zip archive against the limits before a reader opens it.

    Returns the open archive (the caller closes it), or None when the file is not a zip
    archive (the reader's own error then says what it is). ``kind`` names the format in
    messages ("Excel workbook", "Word document").

    Raises
    ------
    ChronologyReadError
        The file is password-protected.
    InputLimitError
        The archive expands to more than :data:`MAX_EXPANDED_BYTES` or holds more than
        :data:`MAX_ZIP_MEMBERS` members.
    """
    if is_encrypted_office_file(path):
        raise ChronologyReadError(
            f"the {kind} is password-protected, so it cannot be read; open it in Office, "
            "remove the password and save an unprotected copy to read",
            file=path.name,
            expected=f"an unprotected {kind}",
        )
    article = "an" if kind[:1] in "AEIOU" else "a"
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    try:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise InputLimitError(
                f"the {kind}'s archive holds {len(members):,} parts, more than the "
                f"{MAX_ZIP_MEMBERS:,} scr_timeline reads (scr_timeline.limits.MAX_ZIP_MEMBERS)",
                file=path.name,
                expected=f"{article} {kind} as Office writes it",
            )
        expanded = sum(m.file_size for m in members)
        if expanded > MAX_EXPANDED_BYTES:
            raise InputLimitError(
                f"the {kind} would expand to {expanded / (1 << 20):,.0f} MB when opened, more "
                f"than the {MAX_EXPANDED_BYTES >> 20:,} MB scr_timeline reads (a zip bomb, or "
                "a file far larger than any chronology; scr_timeline.limits.MAX_EXPANDED_BYTES)",
                file=path.name,
                expected=f"{article} {kind} of at most {MAX_EXPANDED_BYTES >> 20:,} MB "
                "uncompressed",
            )
    except BaseException:
        archive.close()
        raise
    return archive


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet member path to sheet name, from workbook.xml and its relationships."""
    try:
        workbook = archive.read("xl/workbook.xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return {}
    targets: dict[bytes, str] = {}
    for tag in _RELATIONSHIP.findall(rels):
        attrs = dict(_ATTRIBUTE.findall(tag))
        target = attrs.get(b"Target", b"").decode("utf-8", "replace")
        # a target is relative to xl/, or absolute in the package
        absolute = target.startswith("/")
        member = target.lstrip("/") if absolute else str(PurePosixPath("xl") / target)
        targets[attrs.get(b"Id", b"")] = member
    names: dict[str, str] = {}
    for tag in _SHEET_TAG.findall(workbook):
        attrs = {k.split(b":")[-1]: v for k, v in _ATTRIBUTE.findall(tag)}
        member = targets.get(attrs.get(b"id", b""))
        if member is not None:
            import html

            names[member] = html.unescape(attrs.get(b"name", b"").decode("utf-8", "replace"))
    return names


def _sheet_extent(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[int, int]:
    """(rows, columns) of a worksheet's used range, at most: from its cells' references,
    read in chunks (the XML is never held whole)."""
    rows = columns = row_tags = cells = referenced = 0
    tail = b""
    with archive.open(member) as handle:
        while True:
            chunk = handle.read(_SCAN_CHUNK)
            data = tail + chunk
            # the last tag may be cut at the chunk's end: it is read with the next chunk
            cut = data.rfind(b"<") if chunk else -1
            body, tail = (data[:cut], data[cut:]) if cut >= 0 else (data, b"")
            if len(tail) > 4096:  # a long text after the last tag: nothing is cut
                body, tail = data, b""
            found = _references(body)
            rows, columns = max(rows, found.rows), max(columns, found.columns)
            referenced += found.referenced
            row_tags += found.row_tags
            cells += found.cells
            if b":row" in body or b":c" in body:  # tags with a namespace prefix (<x:c ...>)
                row_tags += len(_PREFIXED_ROW.findall(body))
                cells += len(_PREFIXED_CELL.findall(body))
            if not chunk:
                break
    rows = max(rows, row_tags)
    columns = max(columns, cells - referenced)  # cells without a reference, as if in one row
    return rows, columns


class _Found(NamedTuple):
    rows: int  # the largest row a reference names
    columns: int  # the largest column a cell reference names
    referenced: int  # cells with a reference
    cells: int  # <c> tags (no namespace prefix)
    row_tags: int  # <row> tags (no namespace prefix)


def _references(body: bytes) -> _Found:
    """What the ``r="..."`` attributes and the ``<c>`` and ``<row>`` tags of ``body`` say:
    NumPy over the bytes, in one pass however many cells (a regex match per cell took
    seconds on a 100,000-row sheet). A reference too long to be Excel's counts as the
    largest there can be."""
    n = len(body)
    if n < 4:
        return _Found(0, 0, 0, 0, 0)
    data = np.frombuffer(body + b"\0" * 16, dtype=np.uint8)
    # whole-array passes only to find candidates; the rest looks at those positions
    second = data[1 : n + 1]
    tags = np.flatnonzero(data[:n] == ord("<"))
    named = second[tags]
    cell_tags = tags[named == ord("c")]
    cells = int(np.isin(data[cell_tags + 2], _AFTER_TAG_NAME).sum())
    row_like = tags[named == ord("r")]
    row_tags = int(((data[row_like + 2] == ord("o")) & (data[row_like + 3] == ord("w"))).sum())
    eq = np.flatnonzero((data[:n] == ord("r")) & (second == ord("=")))
    eq = eq[eq > 0]
    ok = np.isin(data[eq - 1], _SPACES) & np.isin(data[eq + 2], _QUOTES)
    at = eq[ok] + 3  # the first character of the value
    if not len(at):
        return _Found(0, 0, 0, cells, row_tags)
    letters = np.zeros(len(at), dtype=np.int64)
    column = np.zeros(len(at), dtype=np.int64)
    going = np.ones(len(at), dtype=bool)
    for k in range(4):  # column letters (a fourth is past XFD)
        byte = data[at + k].astype(np.int64)
        going &= (byte >= ord("A")) & (byte <= ord("Z"))
        column = np.where(going, column * 26 + byte - 64, column)
        letters += going
    column = np.where(letters > 3, _TOO_FAR, column)
    start = at + letters
    row = np.zeros(len(at), dtype=np.int64)
    going = np.ones(len(at), dtype=bool)
    for k in range(9):
        byte = data[start + k].astype(np.int64)
        going &= (byte >= ord("0")) & (byte <= ord("9"))
        row = np.where(going, row * 10 + byte - 48, row)
    row = np.where(going, _TOO_FAR, row)  # still digits after eight: nine or more
    first = data[start].astype(np.int64)
    is_cell = (letters > 0) & (first >= ord("0")) & (first <= ord("9"))
    return _Found(
        int(row.max()), int(column[is_cell].max(initial=0)), int(is_cell.sum()), cells, row_tags
    )


def check_workbook(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a workbook with a worksheet of more than :data:`MAX_SHEET_CELLS` cells.

    Excel readers hold a sheet's whole used range in memory, blank cells included, so one
    stray value far down and to the right (cell XFD1048576) asks for billions of cells:
    the process would run out of memory and die. The used range is measured from the
    cells' references in the sheet's XML before any reader opens it.
    """
    names = _sheet_names(archive)
    for member in archive.infolist():
        if not (member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml")):
            continue
        rows, columns = _sheet_extent(archive, member)
        if rows * columns > MAX_SHEET_CELLS:
            sheet = names.get(member.filename, member.filename)
            raise InputLimitError(
                f"the sheet's used range runs to row {rows:,} and column {columns:,} "
                f"({rows * columns:,} cells), more than the {MAX_SHEET_CELLS:,} scr_timeline "
                "reads (scr_timeline.limits.MAX_SHEET_CELLS); a stray value far below or to "
                "the right of the table does this: delete the empty rows and columns after "
                "the table (or save the table as CSV) and read it again",
                file=path.name,
                sheet=sheet,
                expected=f"a sheet of at most {MAX_SHEET_CELLS:,} cells",
            )
