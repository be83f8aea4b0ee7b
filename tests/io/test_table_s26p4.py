"""Taking the big text columns into date order straight from the parser's chunks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from scr_timeline.io.table import _take_text


def _chunked(texts: list[str | None], size: int) -> pd.Series:
    chunks = [pa.array(texts[i : i + size], pa.large_string()) for i in range(0, len(texts), size)]
    return pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array(chunks)))


def test_big_column_taken_from_many_chunks_into_one() -> None:
    n = 12_000
    texts = [None if i % 7 == 0 else f"Child A seen by HV{i % 5} ({i})" for i in range(n)]
    series = _chunked(texts, 997)
    positions = np.arange(n)[::-1].copy()
    positions[:10] = positions[:10][::-1]
    taken = _take_text([("details", series, positions)])["details"]
    assert isinstance(taken, pd.arrays.ArrowStringArray)
    arrow = taken._pa_array
    assert arrow.num_chunks == 1
    assert arrow.type == pa.large_string()
    assert taken.to_numpy(na_value=None).tolist() == [texts[i] for i in positions]


def test_big_column_of_one_chunk_and_small_columns() -> None:
    n = 10_000
    texts = [f"PC2 attended ({i})" for i in range(n)]
    positions = np.array([*range(1, n), 0])
    out = _take_text(
        [
            ("details", _chunked(texts, n), positions),
            ("source", _chunked(texts[:5], 2), np.array([4, 0])),
            ("outcome", _chunked(texts, 300), None),
        ]
    )
    assert out["details"]._pa_array.num_chunks == 1
    assert out["details"].tolist() == [texts[i] for i in positions]
    assert out["source"].tolist() == [texts[4], texts[0]]
    assert out["outcome"].tolist() == texts
