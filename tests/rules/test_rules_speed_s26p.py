"""Speed work of stop 26 on the rules (no change of findings): which texts RE2 reads as
Python's ``re`` does, read from the strings' bytes; a span of texts mostly asked about
searched in place."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_timeline.rules import predicates as P
from scr_timeline.rules.predicates import EventView, compile_predicate
from scr_timeline.testing import make_events

CHARS = ["a", "B", " ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f",
         "\x00", "\x1b", "\x7f", "\x80", "é", "İ", "\u2028", "😀", "."]  # fmt: skip


def _arrow_plain(texts: pa.Array | pa.ChunkedArray) -> list[bool]:
    """The definition: ASCII, and no vertical tab or \\x1c-\\x1f (a missing text: no)."""
    plain = pc.and_(
        pc.string_is_ascii(texts), pc.invert(pc.match_substring_regex(texts, "[\\x0b\\x1c-\\x1f]"))
    )
    return pc.fill_null(plain, False).to_pylist()


@settings(max_examples=60, deadline=None)
@given(
    values=st.lists(
        st.one_of(st.none(), st.lists(st.sampled_from(CHARS), max_size=8).map("".join)),
        max_size=30,
    ),
    cut=st.integers(0, 30),
    large=st.booleans(),
)
def test_plain_texts_read_from_bytes_as_arrow_reads_them(values, cut, large):
    texts = pa.array(values, pa.large_string() if large else pa.string())
    for case in (texts, texts.slice(min(cut, len(texts))), pa.chunked_array([texts, texts[1:]])):
        want = _arrow_plain(case)
        assert P._plain_texts(case).tolist() == want
        with pytest.MonkeyPatch.context() as patch:  # the bytes read a few at a time
            patch.setattr(P, "_BYTE_BLOCK", 3)
            assert P._plain_texts(case).tolist() == want


def test_a_text_with_a_control_character_or_not_ascii_is_not_plain():
    texts = pa.array(["Seen alone.", "Café", "split\x1dhere", "tab\there", None, ""])
    assert P._plain_texts(texts).tolist() == [True, False, False, True, False, True]


PATTERNS = [
    r"\bNFA\b|\bno further action\b",
    r"strategy\s+discussion",
    r"sk|ki",  # 'ſ' (long s) and 'K' (Kelvin sign) match under IGNORECASE
    r"\bseen alone\b",
]
SENTENCES = ["NFA.", "No further action", "Strategy discussion", "strategy\x1cdiscussion",
             "Child seen alone", "ſkip", "\u212aIt", "Home visit", "Café NFA", "nothing"]  # fmt: skip


@pytest.mark.parametrize("share", [0.0, 0.9, 1.01])
def test_texts_searched_in_place_or_copied_give_python_re_answers(monkeypatch, share):
    # a big table whose texts are all different (searched event by event, with Arrow):
    # every event asked about (a span searched in place), or every third (copied out)
    rng = np.random.default_rng(7)
    details = [f"{SENTENCES[i]} {k}" for k, i in enumerate(rng.integers(0, len(SENTENCES), 600))]
    monkeypatch.setattr(P, "_DISTINCT_SAMPLE", 4)
    monkeypatch.setattr(P, "_PY_UP_TO", 0)
    monkeypatch.setattr(P, "_DENSE_SHARE", share)
    n = len(details)
    events = make_events(
        start=[f"2007-03-{1 + i % 28:02d}" for i in range(n)], details=details, outcome=None
    )
    view = EventView.from_events(events)
    assert view.distinct_texts().each
    order = view.frame["source_row"].to_numpy().argsort()
    for step in (1, 3):
        within = np.zeros(n, dtype=bool)
        within[::step] = True
        for pattern in PATTERNS:
            got = compile_predicate({"text": pattern}, where="test").evaluate(view, {}, within)
            want = [re.search(pattern, f"{d}\n", re.IGNORECASE) is not None for d in details]
            got_rows = got[order]
            within_rows = within[order]
            assert [g for g, w in zip(got_rows, within_rows, strict=True) if w] == [
                x for x, w in zip(want, within_rows, strict=True) if w
            ], (pattern, step)


LOWER_PATTERNS = [
    r"\bNFA\b|\bno further action\b",
    r"[A-Z]\w+ [NO]\b",
    r"[A-z]{2}",  # a range of letters and more: not lower-cased
    r"(?-i:NFA)",  # case kept in a scope: not lower-cased
    r"\x4eFA",  # a letter named by its code: not lower-cased
    r"[a-f]X|[^A-Z]{3}q",
    r"^child\b|seen\s+alone",
    r"\bK\w*|\bs\W",
    r"[0-9]{2} [\[-`]",
]
LOWER_PIECES = ["NFA", "nfa", "Nfa", "No further ACTION", "_", "[", "`", "^", "K", "k", "s ",
                "S.", "seen  ALONE", "Child", "CHILD", "x", "Bx", "bX", "12 [", "09 _", "q",
                "ABCq", "abcQ", " ", ". ", "Ok", "NO", "o"]  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    texts=st.lists(
        st.lists(st.sampled_from(LOWER_PIECES), max_size=5).map("".join), min_size=30, max_size=80
    )
)
def test_a_pattern_searched_lower_cased_answers_as_python_re(texts):
    # 30 texts or more: Arrow's RE2, the pattern lower-cased where that reads the same
    arrow = pa.array(texts, pa.large_string())
    for pattern in LOWER_PATTERNS:
        compiled = re.compile(pattern, re.IGNORECASE)
        want = [compiled.search(t) is not None for t in texts]
        assert P._find(arrow, compiled, split=False).tolist() == want, pattern


def test_which_patterns_are_lower_cased():
    lowered = {p: P._re2_lowered(re.compile(p, re.IGNORECASE)) for p in LOWER_PATTERNS}
    assert lowered[r"[A-Z]\w+ [NO]\b"] == r"[a-z]\w+ [no]\b"
    assert lowered[r"^child\b|seen\s+alone"] == r"^child\b|seen\s+alone"
    assert lowered[r"[0-9]{2} [\[-`]"] == r"[0-9]{2} [\[-`]"
    for refused in (r"[A-z]{2}", r"(?-i:NFA)", r"\x4eFA"):
        assert lowered[refused] is None
    assert P._re2_lowered(re.compile("NFA")) is None  # (case counts: searched as written)
