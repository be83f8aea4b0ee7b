"""Speed work of stop 27 (p2): the shortcuts find what the plain searches find."""

from __future__ import annotations

import re

import numpy as np
import pytest

from scr_timeline.classify import _text as T
from scr_timeline.classify import seen as S

TEXTS = [
    "child seen alone in bedroom",
    "Child seen alone",  # (case kept: the cues are written in lower case)
    "home visit, no reply",
    "mother said child was asleep upstairs",
    "not spoken to alone",
    "cb seen and spoken to",
    "seen",
    "",
    "examined by dr b; no marks",
    "hv visited: baby weighed",
    "telephoned by school",
    "did not see child",
    "unborn baby",
]


def _plain(texts: list[str], pattern: re.Pattern[str]) -> list[bool]:
    return [pattern.search(t) is not None for t in texts]


@pytest.mark.parametrize(
    "name", ["seen", "not_seen", "not_at_visit", "not_properly", "reported", "unborn"]
)
def test_child_seen_cues_found_in_the_same_texts_with_the_literal_filter(name: str) -> None:
    pattern = getattr(S.matcher(None), name)
    T._CONTAINS.pop(pattern, None)
    assert T.contains(TEXTS, pattern, remember=False).tolist() == _plain(TEXTS, pattern)


def test_literal_filter_holds_a_string_every_match_needs() -> None:
    rx = re.compile(r"(?:child|baby) (?:was )?seen|examined|\bno (?:home )?visit")
    assert T.required_source(rx) == "examined|child|visit|baby"
    texts = ["baby seen", "child was seen", "examined", "no visit", "no home visit", "seen"]
    assert T.contains(texts, rx, remember=False).tolist() == _plain(texts, rx)


@pytest.mark.parametrize(
    "source",
    [
        r"[a-z]+",  # no literal: no filter
        r"(?i)child seen",  # ignoring case: the text's case is not the literal's
        r"(?i:child) seen|x",
        r"(?:ab)?c*",
    ],
)
def test_no_literal_filter_where_a_match_may_lack_every_literal(source: str) -> None:
    rx = re.compile(source)
    found = T.required_source(rx)
    texts = ["CHILD seen", "Child seen", "c", "", "ab", "zzz", "X"]
    if found is not None:  # (a filter only where every match holds one of its strings)
        needed = re.compile(found)
        assert all(needed.search(m.group()) for t in texts for m in rx.finditer(t) if m.group())
    assert T.required_source(re.compile(r"child seen", re.I)) is None
    assert T.contains(texts, rx, remember=False).tolist() == _plain(texts, rx)


def test_regex_rows_read_each_patterns_own_groups() -> None:
    """The group positions are kept per pattern's columns: two patterns with their regex
    rows' groups in different places each get their own rows."""
    resolver = T.Resolver(
        T.Entries.build(["a", "b"], ["regex", "regex"]), np.ones((2, 1), bool), "e"
    )
    one = T.extract_all(["xa yb"], re.compile(r"(?P<hit>(?P<e4>a)|(?P<e7>b))"))
    two = T.extract_all(["xa yb"], re.compile(r"(?P<e9>a)|(?P<hit>b)"))
    assert resolver.regex_rows(one).tolist() == [4, 7]
    assert resolver.regex_rows(two).tolist() == [9, -1]
    assert resolver.regex_rows(one).tolist() == [4, 7]  # (asked again: the kept positions)
    empty = T.extract_all(["zzz"], re.compile(r"(?P<e1>a)"))
    assert resolver.regex_rows(empty).tolist() == []


def test_matches_of_several_agencies_fold_as_each_agencys_alone() -> None:
    """The events matcher folds every agency's matches in one call: the tables it fills
    take minima and unions, so they are those of one call per agency."""
    from scr_timeline.classify import events as E

    m = E.matcher(None)
    rng = np.random.default_rng(7)
    n_pieces, n = 40, 300
    entry = rng.integers(-1, len(m.type_id), n)
    piece = rng.integers(0, n_pieces, n)
    match_no = rng.integers(0, 6, n)
    demoted = rng.integers(0, 3, n).astype(np.int8)
    slot = rng.integers(0, E._N_SLOTS, n)

    def tables() -> tuple[np.ndarray, ...]:
        cells = n_pieces * E._N_SLOTS
        return (
            np.full(cells * 2, E._EMPTY, dtype=np.int64),
            np.zeros(cells, dtype=np.uint64),
            np.zeros(cells, dtype=np.uint64),
            np.full(cells, E._EMPTY, dtype=np.int64),
            np.zeros(cells, dtype=np.uint64),
        )

    together = tables()
    E._accumulate(m, slot, piece, match_no, entry, demoted, *together)
    apart = tables()
    for s in np.unique(slot).tolist():
        at = slot == s
        E._accumulate(m, slot[at], piece[at], match_no[at], entry[at], demoted[at], *apart)
    for a, b in zip(together, apart, strict=True):
        assert (a == b).all()
    assert (together[1] != 0).any()
