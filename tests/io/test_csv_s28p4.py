"""Reading CSV files faster, reading them the same: stray bytes in UTF-8, blank cells,
ditto marks (stop 28, speed of the unclassified read)."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest

import scr_timeline as scr
from scr_timeline import schema as S
from scr_timeline.io.csv import (
    _HIGH_BYTES,
    MIXED_ENCODING,
    _ditto_cells,
    _high_byte_counts,
    _written_cells,
    decode_text,
)


def _counts_by_regex(data: bytes) -> tuple[int, int]:
    stray = [m.group(1) is not None for m in _HIGH_BYTES.finditer(data)]
    return len(stray), sum(stray)


_PIECES = [
    b"a",
    b" ",
    b"\n",
    b"\x92",  # cp1252's right quote
    b"\xe9",  # cp1252's e acute
    "\u2019".encode(),
    "\u00e9".encode(),
    b"\xe2\x80",  # a UTF-8 character cut short
    b"\xc3",
    b"\x80",
    "\U0001f600".encode(),
    b"\xf0\x9f",
    b"\xff",
    b"\xed\xa0\x80",  # a surrogate: the pattern's shape, not valid UTF-8
    b"\xe0\x80\x80",  # overlong
]


def test_high_byte_counts_are_the_whole_text_scans():
    """Counting UTF-8 characters and stray bytes over the runs of high bytes alone gives
    what the pattern finds scanning the whole text, run boundaries included."""
    rng = random.Random(28)
    for _ in range(3000):
        data = b"".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        assert _high_byte_counts(data) == _counts_by_regex(data), data


def test_high_byte_counts_across_blocks():
    """Runs of high bytes cut by the blocks the bytes are screened in count as one run."""
    data = b"x" * ((1 << 20) - 2) + "\u2019\u2019".encode() + b"\x92" + b"y" * 1000 + b"\xe9"
    assert _high_byte_counts(data) == _counts_by_regex(data) == (4, 2)
    assert _high_byte_counts(b"plain ASCII only") == (0, 0)


def test_big_mostly_utf8_file_with_a_few_stray_bytes(tmp_path):
    """A long UTF-8 export with two Windows-1252 bytes typed into it: decoded as mixed,
    each part in its own encoding (this took 20 s for a 195 MB file: every character
    beyond ASCII was looked at by a Python loop), and read as that text."""
    rows = [f"{1 + i % 28:02d}/03/2007,GP,Mother\u2019s visit {i}" for i in range(20_000)]
    rows[5_000] = "06/03/2007,GP,Moth\udce9r seen"  # (written below as the byte 0xE9)
    rows[15_000] = "07/03/2007,GP,Mother\udc92s friend"
    text = "Date,Agency,Details\n" + "\n".join(rows) + "\n"
    data = text.encode("utf-8", errors="surrogateescape")
    path = tmp_path / "gp.csv"
    path.write_bytes(data)
    decoded, encoding = decode_text(data)
    assert encoding == MIXED_ENCODING
    assert "Moth\u00e9r seen" in decoded and "Mother\u2019s friend" in decoded
    chron = scr.read_csv(path, classify=False)
    details = chron.events[S.DETAILS]
    assert len(chron.events) == 20_000
    assert (details == "Moth\u00e9r seen").sum() == 1
    assert (details == "Mother\u2019s friend").sum() == 1
    assert details.str.contains("Mother\u2019s visit").sum() == 19_998
    assert (chron.warnings[S.CODE] == "encoding_mixed").sum() == 1


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "mac_roman"])
def test_decoded_files_read_as_their_text(tmp_path, encoding):
    """Files decoded in full before parsing (not UTF-8) give the parser the text's UTF-8
    bytes: the same cells as the text holds, quotes, line breaks and all."""
    text = (
        "Date,Agency,Details\r\n"
        '12/03/2007,GP,"Mother\u2019s caf\u00e9 visit, \u00a35 paid"\r\n'
        '13/03/2007,School,"two\r\nlines"\r\n'
    )
    path = tmp_path / "x.csv"
    path.write_bytes(text.encode(encoding))
    chron = scr.read_csv(path, classify=False)
    assert chron.events[S.DETAILS].tolist() == [
        "Mother\u2019s caf\u00e9 visit, \u00a35 paid",
        "two\nlines",
    ]


def _written_by_trim(column: pd.Series) -> np.ndarray:
    trimmed = pc.utf8_trim_whitespace(column.array.__arrow_array__())
    return np.asarray(pc.fill_null(pc.not_equal(trimmed, ""), False).to_numpy(), dtype=bool)


def test_written_cells_as_arrow_trims_them():
    """A cell holds something unless it is blank or white space only, Unicode's included
    (a no-break space, an ideographic space); read from its first byte where that is
    printable ASCII, trimmed otherwise: the same answer as trimming every cell."""
    rng = random.Random(5)
    parts = ["", " ", "\t", "\n", "\r", "\u00a0", "\u2003", "\u3000", "a", "\u00e9", "-", "1"]
    for _ in range(500):
        values = [
            None if rng.random() < 0.2 else "".join(rng.choice(parts) for _ in range(3))
            for _ in range(rng.randint(1, 12))
        ]
        cut = rng.randint(0, len(values))
        arrow = pa.chunked_array(
            [pa.array(values[:cut], pa.large_string()), pa.array(values[cut:], pa.large_string())]
        )
        column = pd.Series(pd.arrays.ArrowStringArray(arrow))
        assert (_written_cells(column) == _written_by_trim(column)).all(), values
        tail = column.iloc[1:]  # a slice: chunks with offsets
        assert (_written_cells(tail) == _written_by_trim(tail)).all(), values


def test_ditto_marks_among_many_lookalikes():
    """'DI3' (a detective inspector) opens as "ditto" does: each distinct such cell is
    matched once, and only the ditto marks are found."""
    cells = ["DI3", "DI12", '"', "DI3", "do.", "ditto", "DI3", None, "Dr B", "as above"] * 100
    column = pd.Series(cells, dtype=pd.StringDtype("pyarrow"))
    found = _ditto_cells(column)
    expected = np.array([c in {'"', "do.", "ditto", "as above"} for c in cells])
    assert (found == expected).all()
