"""The bad-input corpus: every hostile file is generated here, in the test's tmp_path.

Each generator writes one file and returns a :class:`Hostile`: where it is, how many data
rows it holds (rows that must come out as events or rejected rows: nothing lost), and
whether the library must refuse it with an error instead (``refuse=True``). Nothing large
is committed; all data is fictional ("Child A", "Mother", "SW1").
"""

from __future__ import annotations

import functools
import io
import os
import random
import shutil
import signal
import struct
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from scr_timeline import limits

#: Wall-clock limit for one test of the reliability suite: never a hang (raise it with
#: SCR_RELIABILITY_SECONDS for a deep hypothesis run).
TEST_SECONDS = float(os.environ.get("SCR_RELIABILITY_SECONDS", "30"))


@dataclass(frozen=True)
class Hostile:
    """One hostile input file."""

    name: str
    path: Path
    #: Data rows in the file (every one must become an event or a rejected row), or None
    #: when the file holds no readable chronology and must be refused with an error.
    data_rows: int | None
    #: Must be refused with a ScrTimelineError (naming the file).
    refuse: bool = False
    #: Holds rows but may be refused as a whole with a ChronologyReadError naming the file
    #: (a NUL byte makes a text file binary): loud, never a silent loss.
    may_refuse: bool = False


Generator = Callable[[Path], Hostile]
GENERATORS: dict[str, Generator] = {}


def hostile(func: Generator) -> Generator:
    """Register a generator under its name (without ``make_``)."""
    GENERATORS[func.__name__.removeprefix("make_")] = func
    return func


HEADER = ["Date", "Agency", "Practitioner", "Details", "Outcome"]
ROWS = [
    ["12/03/2007", "GP", "GP1", "Child A seen with Mother", "Advice given"],
    ["15/03/2007", "Health Visitor", "HV1", "Home visit; Child A weighed", "Review in 4 weeks"],
    ["02/04/2007", "Social Care", "SW1", "Referral received from school", "Initial assessment"],
]


def _csv(rows: list[list[str]], *, quote_all: bool = False) -> str:
    import csv

    buffer = io.StringIO()
    quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    csv.writer(buffer, lineterminator="\n", quoting=quoting).writerows(rows)
    return buffer.getvalue()


def _write_csv(
    path: Path, rows: list[list[str]], encoding: str = "utf-8", *, quote_all: bool = False
) -> Path:
    path.write_bytes(_csv(rows, quote_all=quote_all).encode(encoding))
    return path


def _workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def _rewrite_zip(
    path: Path, change: Callable[[str, bytes], bytes | None], add: dict[str, bytes]
) -> None:
    """Rewrite a zip archive member by member (``change`` returns None to drop one)."""
    with zipfile.ZipFile(path) as source:
        members = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members:
            new = change(name, data)
            if new is not None:
                target.writestr(name, new)
        for name, data in add.items():
            target.writestr(name, data)


# --- text tables ----------------------------------------------------------------------------
#: Files that are only a few bytes: (file name, bytes); each holds no chronology.
REFUSED_BYTES: dict[str, tuple[str, bytes]] = {
    "empty_csv": ("empty.csv", b""),
    "blank_lines_csv": ("blank-lines.csv", b"\n\n  \n,,,\n\r\n"),
    "bom_only_csv": ("bom-only.csv", b"\xef\xbb\xbf"),
    "long_line_csv": ("one-line.csv", b"x" * 3_000_000),  # 3 MB, no delimiter, no newline
    "binary_txt": ("binary.txt", b"\x00\x01\x02" * 1000),
    "empty_xlsx": ("empty.xlsx", b""),
    "empty_docx": ("empty.docx", b""),
    "empty_pdf": ("empty.pdf", b""),
    "whitespace_md": ("blank.md", b" \n\t\n"),
    "garbage_xls": (
        "old.xls",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(1).randbytes(3000),
    ),
    "garbage_pdf": ("garbage.pdf", b"%PDF-1.4\n" + random.Random(2).randbytes(5000)),
    "garbage_docx": ("garbage.docx", b"PK\x03\x04" + random.Random(3).randbytes(5000)),
}


def _refused_bytes(key: str) -> Generator:
    def make(folder: Path) -> Hostile:
        name, data = REFUSED_BYTES[key]
        (folder / name).write_bytes(data)
        return Hostile(key, folder / name, None, refuse=True)

    return make


for _key in REFUSED_BYTES:
    GENERATORS[_key] = _refused_bytes(_key)


@hostile
def make_header_only_csv(folder: Path) -> Hostile:
    path = _write_csv(folder / "header-only.csv", [HEADER])
    return Hostile("header_only_csv", path, None, refuse=True)


@hostile
def make_binary_garbage_csv(folder: Path) -> Hostile:
    path = folder / "garbage.csv"
    path.write_bytes(bytes(range(256)) * 40 + os.urandom(4096))
    return Hostile("binary_garbage_csv", path, None, refuse=True)


@hostile
def make_binary_no_nul_csv(folder: Path) -> Hostile:
    """Binary bytes with no NUL byte: decodes as Latin-1 noise, holds no chronology."""
    path = folder / "noise.csv"
    path.write_bytes(bytes(b for b in os.urandom(20_000) if b) + b"\xff\xfe\x81")
    return Hostile("binary_no_nul_csv", path, None, refuse=True)


@hostile
def make_big_cell_csv(folder: Path) -> Hostile:
    """A 5 MB details cell (kept whole: nothing lost)."""
    big = "Child A seen by GP1. " * (5 * 1024 * 1024 // 21)
    path = _write_csv(folder / "big-cell.csv", [HEADER, ROWS[0], [*ROWS[1][:3], big, "none"]])
    return Hostile("big_cell_csv", path, 2)


@hostile
def make_big_date_cell_csv(folder: Path) -> Hostile:
    """A 1 MB date cell: rejected with a reason, not a hang in the date parser."""
    path = _write_csv(
        folder / "big-date.csv", [HEADER, ROWS[0], ["12/03/2007 " * 100_000, "GP", "GP1", "x", ""]]
    )
    return Hostile("big_date_cell_csv", path, 2)


@hostile
def make_wide_csv(folder: Path) -> Hostile:
    """10,000 columns."""
    width = 10_000
    header = HEADER + [f"Extra {i}" for i in range(width - len(HEADER))]
    rows = [header] + [r + [f"v{i}" for i in range(width - len(r))] for r in ROWS]
    path = _write_csv(folder / "wide.csv", rows)
    return Hostile("wide_csv", path, None, refuse=True)  # more than limits.MAX_COLUMNS


@hostile
def make_wide_row_late_csv(folder: Path) -> Hostile:
    """A normal chronology whose 3,001st row runs to 5,000 cells (past the sniffed sample)."""
    rows = [HEADER] + [ROWS[i % 3] for i in range(3000)] + [ROWS[0] + ["x"] * 5000]
    path = _write_csv(folder / "wide-late.csv", rows)
    return Hostile("wide_row_late_csv", path, None, refuse=True)  # limits.MAX_COLUMNS


@hostile
def make_duplicate_headings_csv(folder: Path) -> Hostile:
    rows = [
        ["Date", "Details", "Details", "Date", "Agency"],
        ["12/03/2007", "Child A seen", "by GP1", "13/03/2007", "GP"],
        ["14/03/2007", "Mother phoned", "SW1", "", "Social Care"],
    ]
    return Hostile("duplicate_headings_csv", _write_csv(folder / "dup-headings.csv", rows), 2)


@hostile
def make_mixed_encodings_csv(folder: Path) -> Hostile:
    """UTF-8 rows and Windows-1252 rows in one file."""
    data = _csv([HEADER, ROWS[0]]).encode("utf-8")
    data += "13/03/2007,GP,GP1,Child A’s café visit – seen,ok\n".encode()
    data += "14/03/2007,GP,GP1,Mother’s naïve café – £5,ok\n".encode("cp1252")
    data += "15/03/2007,GP,GP1,\x81\x8d odd bytes,ok\n".encode("latin-1")
    path = folder / "mixed-encodings.csv"
    path.write_bytes(data)
    return Hostile("mixed_encodings_csv", path, 4)


@hostile
def make_utf16_no_bom_csv(folder: Path) -> Hostile:
    path = folder / "utf16.csv"
    path.write_bytes(_csv([HEADER, *ROWS]).encode("utf-16-le"))
    # NUL bytes in every other place and no BOM: read as UTF-16
    return Hostile("utf16_no_bom_csv", path, len(ROWS))


@hostile
def make_utf16_lone_surrogate_csv(folder: Path) -> Hostile:
    """UTF-16 with a BOM and one unpaired surrogate (a cut or corrupt export)."""
    text = _csv([HEADER, ROWS[0]]).encode("utf-16-le")
    bad = "13/03/2007,GP,GP1,Child A seen ".encode("utf-16-le") + b"\x00\xd8" + b"x\x00\n\x00"
    path = folder / "utf16-surrogate.csv"
    path.write_bytes(b"\xff\xfe" + text + bad)
    return Hostile("utf16_lone_surrogate_csv", path, 2)


@hostile
def make_control_chars_in_names_csv(folder: Path) -> Hostile:
    """A title line and agency names holding control characters (they reach XML exports)."""
    rows = [
        ["Chronology\x07 of Child A\x0b \x1b[2J"],
        HEADER,
        ["12/03/2007", "GP\x01 surgery", "GP1\x02", "Child A seen", ""],
        ["13/03/2007", "North\x08 Hospital", "Dr\x0c X", "Mother phoned", ""],
    ]
    return Hostile("control_chars_in_names_csv", _write_csv(folder / "ctl-names.csv", rows), 2)


@hostile
def make_month_first_csv(folder: Path) -> Hostile:
    rows = [
        HEADER,
        ["03/04/2007", "GP", "GP1", "seen", ""],
        ["04/13/2007", "GP", "GP1", "seen", ""],
    ]
    rows += [["12/25/2007", "Police", "PC1", "DV call-out", "CSC told"]]
    return Hostile("month_first_csv", _write_csv(folder / "month-first.csv", rows), 3)


@hostile
def make_rows_out_of_order_csv(folder: Path) -> Hostile:
    rows = [HEADER, ROWS[2], ROWS[0], ROWS[1], ["01/01/1900", "GP", "GP1", "very old", ""]]
    rows += [["31/12/2999", "GP", "GP1", "far future", ""]]
    return Hostile("rows_out_of_order_csv", _write_csv(folder / "out-of-order.csv", rows), 5)


@hostile
def make_hostile_dates_csv(folder: Path) -> Hostile:
    dates = ["31/06/2007", "99999999999999999999", "0/0/0", "12/13/14/15", "-1", "1e308", "NaN",
             "inf", "2007-02-29", "32 March 2007", "\x01\x02", "؁٢٠٠٧", "１２/０３/２００７",
             "Monday", "=NOW()", "between 5 and 3 June 2007", "approx. 2 weeks later",
             "12/03/2007 25:61", "9999-12-31", "0001-01-01", "12/03/-2007"]  # fmt: skip
    rows = [HEADER, *[[d, "GP", "GP1", f"row {i}", ""] for i, d in enumerate(dates)]]
    return Hostile("hostile_dates_csv", _write_csv(folder / "hostile-dates.csv", rows), len(dates))


@hostile
def make_html_script_csv(folder: Path) -> Hostile:
    rows = [
        HEADER,
        ["12/03/2007", "GP", "<b>GP1</b>", '<script>alert("xss")</script>', "<img src=x onerror=alert(1)>"],
        ["13/03/2007", "<script>x</script>", "SW1", "</td></tr></table><h1>big</h1>", "&amp; &lt;"],
        ["<i>14/03/2007</i>", "GP", "GP1", "javascript:alert(1)", "]]><!--"],
    ]  # fmt: skip
    return Hostile("html_script_csv", _write_csv(folder / "html-script.csv", rows), 3)


@hostile
def make_formula_cells_csv(folder: Path) -> Hostile:
    rows = [
        HEADER,
        ["12/03/2007", "=GP", "+SW1", '=HYPERLINK("http://x.invalid","click")', "@SUM(A1)"],
        ["13/03/2007", "GP", "-2+3", "-cmd|' /C calc'!A0", "\tTAB"],
        ["14/03/2007", "GP", "GP1", "\r=1+1", "=1+1"],
        ["=DATE(2007,3,15)", "GP", "GP1", "formula as a date", ""],
    ]
    path = _write_csv(folder / "formula-cells.csv", rows, quote_all=True)  # "\r" in a cell
    return Hostile("formula_cells_csv", path, 4)


@hostile
def make_control_chars_csv(folder: Path) -> Hostile:
    rows = [HEADER, ["12/03/2007", "GP", "GP1", "bell\x07 esc\x1b[31m red \x0b\x0c", "\u202eevil"]]
    rows += [["13/03/2007", "GP", "GP1", "form feed\x0c and \x7f delete", "ok"]]
    return Hostile("control_chars_csv", _write_csv(folder / "control-chars.csv", rows), 2)


@hostile
def make_nul_byte_csv(folder: Path) -> Hostile:
    rows = [HEADER, ROWS[0], ["13/03/2007", "GP", "GP1", "nul\x00byte", "ok"]]
    path = _write_csv(folder / "nul-byte.csv", rows)
    # a NUL byte reads as binary: refused as a whole (ChronologyReadError), or read
    return Hostile("nul_byte_csv", path, 2, may_refuse=True)


@hostile
def make_unterminated_quote_csv(folder: Path) -> Hostile:
    text = _csv([HEADER, ROWS[0]]) + '13/03/2007,GP,GP1,"never closed,x\n14/03/2007,GP,GP1,y,z\n'
    path = folder / "open-quote.csv"
    path.write_text(text, encoding="utf-8")
    # the open quote is never closed: each line after it is read as a row of its own and the
    # row holding the quote is rejected (unclosed_quote), so 3 rows, as an editor shows them
    return Hostile("unterminated_quote_csv", path, 3)


@hostile
def make_many_rows_csv(folder: Path) -> Hostile:
    n = 20_000
    body = "".join(f"{1 + i % 28:02d}/{1 + i % 12:02d}/2007,GP,GP1,visit {i},\n" for i in range(n))
    path = folder / "many-rows.csv"
    path.write_text(",".join(HEADER) + "\n" + body, encoding="utf-8")
    return Hostile("many_rows_csv", path, n)


@hostile
def make_odd_file_name_csv(folder: Path) -> Hostile:
    name = "=cmd|'calc'!A0 ;rm -rf ~ <b>\\..\\ 'x' \"y\" é 名.csv"
    return Hostile("odd_file_name_csv", _write_csv(folder / name, [HEADER, *ROWS]), len(ROWS))


@hostile
def make_newline_file_name_csv(folder: Path) -> Hostile:
    name = "child\na\rb\tc\x1b[31m.csv"
    return Hostile("newline_file_name_csv", _write_csv(folder / name, [HEADER]), None, refuse=True)


@hostile
def make_text_narrative_with_html(folder: Path) -> Hostile:
    path = folder / "narrative.txt"
    path.write_text(
        "Police chronology\n\n12/03/2007 <script>alert(1)</script> DV call-out.\n\n"
        '13/03/2007 =HYPERLINK("x") Mother seen.\n',
        encoding="utf-8",
    )
    return Hostile("text_narrative_with_html", path, 2)


# --- Excel ----------------------------------------------------------------------------------
@hostile
def make_truncated_xlsx(folder: Path) -> Hostile:
    path = _workbook(folder / "truncated.xlsx", {"GP": [HEADER, *ROWS]})
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return Hostile("truncated_xlsx", path, None, refuse=True)


@hostile
def make_csv_renamed_xlsx(folder: Path) -> Hostile:
    # what systems' "Export to Excel" often writes: delimited text with an Excel suffix; it
    # is read as CSV (with a not_a_workbook warning), every row accounted for
    path = _write_csv(folder / "really-a-csv.xlsx", [HEADER, *ROWS])
    return Hostile("csv_renamed_xlsx", path, len(ROWS))


@hostile
def make_random_zip_xlsx(folder: Path) -> Hostile:
    path = folder / "random-zip.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    return Hostile("random_zip_xlsx", path, None, refuse=True)


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _zip_archive(members: list[tuple[str, int, int, bytes]]) -> bytes:
    """A zip archive of already deflated members: (name, crc32, size, deflated bytes)."""
    out = bytearray()
    central = bytearray()
    for name, crc, size, deflated in members:
        encoded = name.encode()
        offset = len(out)
        fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0x3A21, crc, len(deflated), size)
        out += b"PK\x03\x04" + fields + struct.pack("<HH", len(encoded), 0) + encoded + deflated
        central += b"PK\x01\x02" + struct.pack("<H", 20) + fields
        central += struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    count = len(members)
    end = struct.pack("<HHHHIIH", 0, 0, count, count, len(central), len(out), 0)
    return bytes(out + central + b"PK\x05\x06" + end)


@functools.cache
def _bomb_bytes(kind: str, expanded: int) -> bytes:
    """An Office file one of whose members expands to ``expanded`` bytes of blank space.

    The blanks are deflated once (4 MiB, a full flush) and the compressed block repeated:
    a real zip bomb (the sizes in the archive are true) of a few MB, built in a second.
    ``kind`` "xlsx" pads the first sheet's XML, "docx" adds a media part.
    """
    folder = Path(tempfile.mkdtemp(prefix="scr-bomb-"))
    try:
        if kind == "xlsx":
            base = _workbook(folder / "base.xlsx", {"GP": [HEADER, *ROWS]})
            big = "xl/worksheets/sheet1.xml"
        else:
            import docx

            document = docx.Document()
            document.add_paragraph("12/03/2007 Child A seen")
            base = folder / "base.docx"
            document.save(base)
            big = "word/media/image1.bin"
        with zipfile.ZipFile(base) as source:
            members = {info.filename: source.read(info) for info in source.infolist()}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    head = members.pop(big, b"")
    head = head[: head.index(b"<sheetData>")] if b"<sheetData>" in head else head
    chunk = b" " * (1 << 22)
    repeats = -(-(expanded - len(head)) // len(chunk))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(repeats):
        crc = zlib.crc32(chunk, crc)
    size = len(head) + repeats * len(chunk)
    entries = [(n, zlib.crc32(d), len(d), _deflate(d)) for n, d in members.items()]
    entries.append((big, crc, size, first + block * repeats + last))
    return _zip_archive(entries)


def _bomb(kind: str) -> Generator:
    def make(folder: Path) -> Hostile:
        """An Office file expanding to just over limits.MAX_EXPANDED_BYTES."""
        path = folder / f"bomb.{kind}"
        path.write_bytes(_bomb_bytes(kind, limits.MAX_EXPANDED_BYTES + (1 << 20)))
        return Hostile(f"zip_bomb_{kind}", path, None, refuse=True)

    return make


GENERATORS["zip_bomb_xlsx"] = _bomb("xlsx")
GENERATORS["zip_bomb_docx"] = _bomb("docx")


@hostile
def make_blank_sheets_xlsx(folder: Path) -> Hostile:
    path = _workbook(folder / "blank.xlsx", {"Sheet1": [], "GP": [[None, None], [None]]})
    return Hostile("blank_sheets_xlsx", path, None, refuse=True)


@hostile
def make_header_only_xlsx(folder: Path) -> Hostile:
    path = _workbook(folder / "header-only.xlsx", {"GP": [HEADER]})
    return Hostile("header_only_xlsx", path, None, refuse=True)


def _workbook_with_stray_cell(path: Path, cell: str) -> Path:
    """The chronology on sheet "GP" plus one stray value at ``cell``."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "GP"
    for row in [HEADER, *ROWS]:
        ws.append(row)
    ws[cell] = "stray note"
    wb.save(path)
    return path


@hostile
def make_far_cell_xlsx(folder: Path) -> Hostile:
    """A stray cell at XFD1048576 (the last cell of a sheet): 17 billion cells in range."""
    path = _workbook_with_stray_cell(folder / "far-cell.xlsx", "XFD1048576")
    return Hostile("far_cell_xlsx", path, None, refuse=True)


@hostile
def make_deep_row_xlsx(folder: Path) -> Hostile:
    """A stray value a hundred thousand rows below the chronology (within the limits)."""
    path = _workbook_with_stray_cell(folder / "deep-row.xlsx", "D100000")
    return Hostile("deep_row_xlsx", path, len(ROWS) + 1)


@functools.cache
def _wide_workbook_bytes(width: int) -> bytes:
    folder = Path(tempfile.mkdtemp(prefix="scr-wide-"))
    try:
        header = HEADER + [f"Extra {i}" for i in range(width - len(HEADER))]
        rows = [header, *[r + ["v"] * (width - len(r)) for r in ROWS]]
        return _workbook(folder / "wide.xlsx", {"GP": rows}).read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@hostile
def make_wide_xlsx(folder: Path) -> Hostile:
    """10,000 columns (built once per session)."""
    path = folder / "wide.xlsx"
    path.write_bytes(_wide_workbook_bytes(10_000))
    return Hostile("wide_xlsx", path, None, refuse=True)  # more than limits.MAX_COLUMNS


@hostile
def make_formula_and_html_xlsx(folder: Path) -> Hostile:
    import datetime as dt

    path = _workbook(
        folder / "formulas.xlsx",
        {
            "GP": [
                HEADER,
                [dt.datetime(2007, 3, 12), "GP", "=1+1", "<script>alert(1)</script>", "@x"],
                ["=TODAY()", "GP", "GP1", "+formula date", "-minus"],
                [39153, "GP", "GP1", "Excel serial", '=HYPERLINK("http://x.invalid")'],
                [3e300, "GP", "GP1", "absurd serial", ""],
                [-5, "GP", "GP1", "negative serial", ""],
                [True, "GP", "GP1", "boolean date", ""],
            ]
        },
    )
    return Hostile("formula_and_html_xlsx", path, 6)


@hostile
def make_odd_sheet_names_xlsx(folder: Path) -> Hostile:
    """Sheet names with path separators and markup (written into the XML: Excel forbids them)."""
    path = _workbook(
        folder / "odd-sheets.xlsx", {"GPSHEET": [HEADER, *ROWS], "CSCSHEET": [HEADER, ROWS[2]]}
    )
    names = {
        b"GPSHEET": b"../..\\etc/passwd",
        b"CSCSHEET": b"&lt;script&gt;x&lt;/script&gt; ; =cmd",
    }

    def change(name: str, data: bytes) -> bytes:
        if name == "xl/workbook.xml":
            for old, new in names.items():
                data = data.replace(old, new)
        return data

    _rewrite_zip(path, change, {})
    return Hostile("odd_sheet_names_xlsx", path, len(ROWS) + 1)


@hostile
def make_macro_xlsm(folder: Path) -> Hostile:
    """A macro-enabled workbook (vbaProject.bin and the macro-enabled content type)."""
    path = _workbook(folder / "macro.xlsm", {"GP": [HEADER, *ROWS]})
    sheet_main = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    macro_main = b"application/vnd.ms-excel.sheet.macroEnabled.main+xml"

    def change(name: str, data: bytes) -> bytes:
        if name == "[Content_Types].xml":
            data = data.replace(sheet_main, macro_main)
            data = data.replace(
                b"</Types>",
                b'<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
                b"</Types>",
            )
        if name == "xl/_rels/workbook.xml.rels":
            data = data.replace(
                b"</Relationships>",
                b'<Relationship Id="rIdVBA" Type="http://schemas.microsoft.com/office/2006/'
                b'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
            )
        return data

    _rewrite_zip(path, change, {"xl/vbaProject.bin": _cfb({"VBA": b"Sub AutoOpen()\n" * 400})})
    return Hostile("macro_xlsm", path, len(ROWS))


def _cfb(streams: dict[str, bytes]) -> bytes:
    """A minimal Compound File Binary (OLE2) container holding ``streams``.

    Every stream is padded to at least 4096 bytes, so none lives in the mini stream; the
    layout (header, FAT, directory, stream sectors) is what Office writes for an
    encrypted workbook: streams ``EncryptionInfo`` and ``EncryptedPackage``.
    """
    sector = 512
    end, free, fat_sect = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    datas = [d.ljust(max(4096, -(-len(d) // sector) * sector), b"\0") for d in streams.values()]
    entries = 1 + len(streams)
    dir_sectors = -(-entries * 128 // sector)
    data_sectors = sum(len(d) // sector for d in datas)
    fat: list[int] = [fat_sect]  # sector 0: the FAT itself
    first_dir = len(fat)
    fat += [first_dir + i + 1 for i in range(dir_sectors - 1)] + [end]
    starts = []
    for d in datas:
        n = len(d) // sector
        starts.append(len(fat))
        fat += [len(fat) + i + 1 for i in range(n - 1)] + [end]
    assert len(fat) <= sector // 4, "one FAT sector is enough for this container"
    fat += [free] * (sector // 4 - len(fat))
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIIII", 0, 1, first_dir, 0, 4096, end, 0, end, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", free) * 108

    def entry(
        name: str, kind: int, start: int, size: int, child: int = free, right: int = free
    ) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        raw = encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
        raw += struct.pack("<III", free, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
        raw += struct.pack("<IQ", start, size)
        return raw

    names = list(streams)
    directory = entry("Root Entry", 5, end, 0, child=1)
    for i, (name, d) in enumerate(zip(names, streams.values(), strict=True)):
        right = i + 2 if i + 1 < len(names) else free
        directory += entry(name, 2, starts[i], len(d), right=right)
    directory = directory.ljust(dir_sectors * sector, b"\0")
    body = struct.pack(f"<{sector // 4}I", *fat) + directory + b"".join(datas)
    assert len(body) == (1 + dir_sectors + data_sectors) * sector
    return header + body


def _encryption_info() -> bytes:
    """An Agile EncryptionInfo stream (version 4.4) with its XML descriptor."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
        'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" '
        'saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>'
    )
    return struct.pack("<HHI", 4, 4, 0x40) + xml.encode()


def _encrypted(suffix: str) -> Generator:
    def make(folder: Path) -> Hostile:
        """A password-protected Office file as Office writes it: an OLE2 container holding
        EncryptionInfo and EncryptedPackage streams, not a zip archive."""
        path = folder / f"protected{suffix}"
        package = struct.pack("<Q", 6000) + random.Random(4).randbytes(6000)
        streams = {"EncryptionInfo": _encryption_info(), "EncryptedPackage": package}
        path.write_bytes(_cfb(streams))
        return Hostile(f"encrypted_{suffix.lstrip('.')}", path, None, refuse=True)

    return make


for _suffix in (".xlsx", ".xlsm", ".xls", ".docx"):
    GENERATORS[f"encrypted_{_suffix.lstrip('.')}"] = _encrypted(_suffix)


# --- Word and PDF ---------------------------------------------------------------------------
@hostile
def make_docx_no_table(folder: Path) -> Hostile:
    import docx

    document = docx.Document()
    document.add_heading("GP records", level=1)
    document.add_paragraph("This document holds no chronology table and no dated paragraph.")
    path = folder / "no-table.docx"
    document.save(path)
    return Hostile("docx_no_table", path, None, refuse=True)


@hostile
def make_docx_hostile_table(folder: Path) -> Hostile:
    import docx

    document = docx.Document()
    table = document.add_table(rows=1 + 3, cols=3)
    cells = [
        ["Date", "Details", "Outcome"],
        ["12/03/2007", "<script>alert(1)</script>", "=1+1"],
        ["13/03/2007", "@SUM(A1)", "-x"],
        ["not a date", "+y", ""],
    ]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = folder / "hostile-table.docx"
    document.save(path)
    return Hostile("docx_hostile_table", path, 3)


@hostile
def make_truncated_docx(folder: Path) -> Hostile:
    import docx

    document = docx.Document()
    document.add_paragraph("12/03/2007 Child A seen")
    path = folder / "truncated.docx"
    document.save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return Hostile("truncated_docx", path, None, refuse=True)


@hostile
def make_pdf_no_text(folder: Path) -> Hostile:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = folder / "scanned.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for i in range(2):
        pdf.rect(50, 50 + i * 100, 300, 80, fill=1)
        pdf.showPage()
    pdf.save()
    return Hostile("pdf_no_text", path, None, refuse=True)


@hostile
def make_pdf_image_only(folder: Path) -> Hostile:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    png = io.BytesIO()
    from matplotlib.figure import Figure

    figure = Figure(figsize=(2, 1))
    figure.text(0.1, 0.5, "12/03/2007 Child A seen")
    figure.savefig(png, format="png")
    png.seek(0)
    path = folder / "image-only.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawImage(ImageReader(png), 50, 600, width=300, height=150)
    pdf.showPage()
    pdf.save()
    return Hostile("pdf_image_only", path, None, refuse=True)


@hostile
def make_pdf_html_text(folder: Path) -> Hostile:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = folder / "narrative.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.drawString(50, 800, "12/03/2007 <script>alert(1)</script> Child A seen by GP1.")
    pdf.drawString(50, 760, "13/03/2007 =HYPERLINK(1) Mother phoned SW1.")
    pdf.showPage()
    pdf.save()
    return Hostile("pdf_html_text", path, 2)


@hostile
def make_unsupported_suffix(folder: Path) -> Hostile:
    path = _write_csv(folder / "chronology.exe", [HEADER, *ROWS])
    return Hostile("unsupported_suffix", path, None, refuse=True)


@hostile
def make_folder_with_xlsx_name(folder: Path) -> Hostile:
    path = folder / "a-folder.xlsx"
    path.mkdir()
    return Hostile("folder_with_xlsx_name", path, None, refuse=True)


HOSTILE_NAMES = sorted(GENERATORS)


@pytest.fixture(params=HOSTILE_NAMES)
def hostile_input(request: pytest.FixtureRequest, tmp_path: Path) -> Hostile:
    """Each hostile input, generated fresh in the test's own folder."""
    folder = tmp_path / "in"
    folder.mkdir()
    return GENERATORS[request.param](folder)


@pytest.fixture(autouse=True)
def time_limit() -> Iterator[None]:
    """Fail a test that runs longer than TEST_SECONDS instead of hanging (Unix alarm)."""
    if not hasattr(signal, "SIGALRM"):  # pragma: no cover - Windows
        yield
        return

    def fail(signum: int, frame: Any) -> None:
        raise TimeoutError(f"the test ran longer than {TEST_SECONDS} s (a hang?)")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.setitimer(signal.ITIMER_REAL, TEST_SECONDS)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - started < TEST_SECONDS
