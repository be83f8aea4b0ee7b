"""Speed work on the CSV reader (s27 p4): Arrow's own kernels called directly where pandas'
string methods called them, with the same results."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from scr_timeline.io import csv as C

CELLS = ["", " ", "\u00a0", "a", None, " b ", "\u3000", '="01/03/2007"', "x\t"]


@pytest.mark.parametrize("storage", ["pyarrow", "python"])
def test_written_cells_alike_for_both_string_storages(storage: str) -> None:
    column = pd.Series(CELLS, dtype=pd.StringDtype(storage))
    assert C._written_cells(column).tolist() == [
        False, False, False, True, False, True, False, True, True,
    ]  # fmt: skip


def test_text_formulas_unwrapped_in_arrow_columns_only_where_written() -> None:
    frame = pd.DataFrame(
        {0: pd.Series(CELLS, dtype=pd.StringDtype("pyarrow")), 1: pd.Series(["a"] * len(CELLS))}
    ).astype(pd.StringDtype("pyarrow"))
    plain = frame[1].copy()
    C._unwrap_text_formulas(frame)
    assert frame[0].tolist()[7] == "01/03/2007"
    assert frame[0].tolist()[3] == "a"
    pd.testing.assert_series_equal(frame[1], plain)


def test_mojibake_at_the_top_read_as_meant_and_ascii_cells_left() -> None:
    raw = pd.DataFrame(
        {0: ["Child Aâ€™s chronology", "Date", "01/03/2007"], 1: [None, "Details", "Motherâ€™s"]}
    ).astype(pd.StringDtype("pyarrow"))
    fixed = C.mojibake_at_top(raw)
    assert fixed == {0: [0], 1: [2]}
    assert raw.iat[0, 0] == "Child A’s chronology"
    assert raw.iat[2, 1] == "Mother’s"
    assert raw.iat[1, 0] == "Date"


MARKUP_CELLS = [
    "A&E attendance",
    "<5 days old",
    "Mum&nbsp;upset",
    "<p>Home visit.</p>",
    "<\u017fpan>long s</span>",
    "&AMP; &Quot;",
    "x<BR/>y",
    None,
    "",
    "R&R < 3 > 2",
    "&#163;20",
    "a&",
    "<",
    "</TD>",
    "S&T <b",
    "Mother&apos;s",
]


@pytest.mark.parametrize("start", [0, 3])
def test_markup_cells_found_as_the_pattern_finds_them(start: int) -> None:
    cells = pa.array(MARKUP_CELLS, pa.large_string()).slice(start)
    everywhere = pc.match_substring_regex(cells, C._MARKUP.pattern, ignore_case=True)
    expected = np.flatnonzero(everywhere.fill_null(False).to_numpy(zero_copy_only=False))
    assert C._marked_cells(cells).tolist() == expected.tolist()
    assert C._marked_cells(pa.chunked_array([cells])).tolist() == expected.tolist()
    # "A&E", "<5" and "R&R < 3" alone are not handed to the pattern
    assert 0 not in C._markup_openings(pa.array(MARKUP_CELLS, pa.large_string())).tolist()
