"""Text conditions: each distinct text searched once, by the cheapest engine, with exactly
Python's ``re.search`` as the answer (speed work of stop 25; no change of findings)."""

from __future__ import annotations

import re

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_timeline.rules import predicates as P
from scr_timeline.rules.predicates import EventView, compile_predicate
from scr_timeline.testing import make_events

PATTERNS = [
    r"\bNFA\b|\bno further action\b|\bcase closed\b|\bthreshold not met\b",
    r"referral (received )?from (csc|children.s (social care|services)|social care)",
    r"sk|ki",  # 'ſ' (long s) and 'K' (Kelvin sign) match under IGNORECASE
    r"^bruis",
    r"(?-i:NFA)",
    r"[a-z]+ injur(y|ies)",
    r"strategy\s+discussion|bruising\shealing",
]
PIECES = ["NFA", "nfa", "No Further Action", "case closed", "ſk", "\u212aI", "İ", "\n", "\v",
          "bruise", "Bruising", "referral from CSC", "é", " ", "threshold not met",
          "head injuries", "Strategy discussion", "strategy\vdiscussion", "bruising\x1chealing",
          ". ", "; "]  # fmt: skip


def _events(details: list[str | None]) -> pd.DataFrame:
    n = len(details)
    return make_events(
        start=[f"2007-03-{1 + i % 28:02d}" for i in range(n)], details=details, outcome=None
    )


def _want(pattern: str, details: list[str | None]) -> list[bool]:
    compiled = re.compile(pattern, re.IGNORECASE)
    return [compiled.search(f"{d or ''}\n") is not None for d in details]


text = st.lists(st.sampled_from(PIECES), max_size=4).map("".join)


@settings(max_examples=40, deadline=None)
@given(
    distinct=st.lists(st.one_of(st.none(), text), min_size=1, max_size=45),
    repeats=st.lists(st.integers(0, 44), max_size=60),
)
def test_text_condition_over_repeated_texts_equals_python_re_search(distinct, repeats):
    # enough texts (some written many times) for every engine: Python's own literal test,
    # Arrow's, Python's re and RE2 (from _RE2_FROM texts), each distinct text once
    details = distinct + [distinct[i % len(distinct)] for i in repeats]
    # as a small table, and as a big one (texts made distinct when a sample says many are
    # written again, else searched event by event)
    for sample in (P._DISTINCT_SAMPLE, 4):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(P, "_DISTINCT_SAMPLE", sample)
            view = EventView.from_events(_events(details))
            order = view.frame["source_row"].to_numpy().argsort()
            cache: dict = {}
            for pattern in PATTERNS:
                got = compile_predicate({"text": pattern}, where="test").evaluate(view, cache)
                assert got[order].tolist() == _want(pattern, details), (pattern, sample)


def test_a_text_written_many_times_is_searched_once(monkeypatch):
    details = ["Home visit, child seen. No concerns."] * 50 + ["NFA", "Strategy: NFA"] * 10
    view = EventView.from_events(_events(details))
    searched: list[int] = []
    real = P._search
    monkeypatch.setattr(
        P,
        "_search",
        lambda texts, pattern, plain, *py: (
            searched.append(len(plain)) or real(texts, pattern, plain, *py)
        ),
    )
    got = compile_predicate({"text": r"\bNFA\b"}, where="test").evaluate(view, {})
    assert int(got.sum()) == 20
    assert searched == [3]  # three distinct texts, not 70 events


def test_the_python_literal_test_keeps_what_arrows_keeps():
    # the literal test for a few texts (Python) against Arrow's, over texts ASCII or not,
    # plain or not, for each pattern: both keep every text the pattern matches
    texts = ["NFA", "n f a", "ſk", "\u212ai", "Bruising\x1chealing", "x", "", "İ", "case CLOSED"]
    arrow = pa.array(texts, pa.large_string())
    plain = P._plain_texts(arrow)
    py = P._PyTexts(texts, [t.lower() for t in texts], plain.tolist())
    for pattern in PATTERNS:
        compiled = P.regex(pattern, re.IGNORECASE)
        want = [compiled.search(t) is not None for t in texts]
        assert P._search(arrow, compiled, plain, py).tolist() == want, pattern
        assert P._search(arrow, compiled, plain).tolist() == want, pattern


def test_a_big_table_of_different_texts_is_searched_event_by_event(monkeypatch):
    # finding the distinct texts of a million different ones costs more than it saves
    monkeypatch.setattr(P, "_DISTINCT_SAMPLE", 4)
    details = [f"Visit {i}: NFA" if i % 3 else f"Visit {i}" for i in range(30)]
    view = EventView.from_events(_events(details))
    assert view.distinct_texts().each
    got = compile_predicate({"text": r"\bNFA\b"}, where="test").evaluate(view, {})
    order = view.frame["source_row"].to_numpy().argsort()
    assert got[order].tolist() == _want(r"\bNFA\b", details)
    same = EventView.from_events(_events(["NFA", "Visit"] * 15))
    assert not same.distinct_texts().each


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 5), st.integers(0, 86_399) | st.just(0)), min_size=1, max_size=40
    )
)
def test_the_running_time_of_a_source_day_is_pandas_groupby_cummax(rows):
    # same_day_order: a row without a time takes the last time above it in its group
    import numpy as np

    group = np.array(sorted(g for g, _ in rows), dtype=np.int64)
    time = np.array([t * 10**9 for _, t in rows], dtype=np.int64)
    want = pd.Series(time).groupby(group, sort=False).cummax().to_numpy()
    assert P._running_max(time, group).tolist() == want.tolist()
