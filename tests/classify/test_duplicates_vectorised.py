"""The vectorised parts of duplicate finding give what a plain per-pair reading gives."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import utils

from scr_timeline.classify import duplicates as D

_WORDS = [
    "bruise", "bruising", "bruised", "arm", "the", "mother", "HV", "GP", "phoned", "re:",
    "strategy", "discussion", "joint", "visit", "éclair", "naïve", "O'Brien", "Mo's",
    "12/03", "x1abc", "ab", "a", "DC1", "SW2", "cheek", "burn", "left", "RIGHT",
]  # fmt: skip


def _share_by_hand(a: str, b: str) -> float:
    """The module's rule read literally: telling words as sets, per pair."""

    def words(text: str) -> set[str]:
        return {
            w[: D._STEM]
            for w in re.findall(r"[a-z][a-z']{2,}", text.lower())
            if w not in D._COMMON_WORDS
        }

    wa, wb = words(a), words(b)
    shared = len(wa & wb)
    return 100.0 * shared / (min(len(wa), len(wb)) + 1) if shared >= D._SHARED_WORDS else 0.0


texts = st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(texts, min_size=1, max_size=40), st.data())
def test_shared_share_is_the_per_pair_reading(raw: list[str], data: st.DataObject) -> None:
    processed = np.array([utils.default_process(t) for t in raw], dtype=object)
    index = st.integers(0, len(raw) - 1)
    pairs = data.draw(st.lists(st.tuples(index, index), max_size=60))
    earlier = np.array([p[0] for p in pairs], dtype=np.int64)
    later = np.array([p[1] for p in pairs], dtype=np.int64)
    got = D._shared_share(processed, earlier, later)
    want = [_share_by_hand(processed[a], processed[b]) for a, b in pairs]
    assert got.tolist() == want


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 6), max_size=30),
    st.lists(st.integers(0, 6), max_size=30),
)
def test_join_finds_every_equal_pair(left: list[int], right: list[int]) -> None:
    i, j = D._join(np.array(left, dtype=np.int64), np.array(right, dtype=np.int64))
    got = sorted(zip(i.tolist(), j.tolist(), strict=True))
    want = sorted((a, b) for a, x in enumerate(left) for b, y in enumerate(right) if x == y)
    assert got == want
    merged = (
        pd.DataFrame({"k": left})
        .reset_index()
        .merge(pd.DataFrame({"k": right}).reset_index(), on="k")
    )
    assert len(merged) == len(got)
