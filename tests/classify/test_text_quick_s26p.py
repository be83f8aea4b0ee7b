"""``contains`` searching with a pattern written behind look-aheads for the first
characters of its parts (stop 26, p2): the same texts found; the rewritten pattern kept by
the prebuilt file for the shipped matchers, written at run time only for many texts."""

from __future__ import annotations

import re

import numpy as np
import pytest

from scr_timeline import _prebuilt
from scr_timeline.classify import _text as T
from scr_timeline.classify import seen

# parts of every kind of start, as a vocabulary of regex rows is joined (no boundary first)
PARTS = [
    r"(?:child(?: [a-z])?|children|baby) (?:was |were )?seen",
    r"(?:seen|observed) (?:alone|with mother)",
    r"(?<=visit )child present",
    r"^hv(?=:)",
    r"\d+ week check",
    r"(?:x)?y?",  # can match nothing: everywhere
    r"no (?:reply|answer)",
    r"(?:unannounced )?home visit",
    r"(?:mum|mother) (?:and|&) baby",
    r"[a-c]{2} review",
]
TEXTS = [
    "child a was seen",
    "baby seen",
    "home visit child present",
    "hv: weighed",
    "6 week check",
    "",
    "no reply; card left",
    "mother & baby group",
    "bc review",
    "nothing to see here",
    "zzz",
]


def _pattern(parts: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in parts))


def test_quick_pattern_matches_where_the_pattern_does() -> None:
    for parts in (PARTS, [p for p in PARTS if p != r"(?:x)?y?"]):
        pattern = _pattern(parts)
        quick = T.quick_pattern(pattern, force=True)
        assert quick is not pattern and quick.pattern != pattern.pattern
        for text in TEXTS:
            at = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in quick.finditer(text)] == at, text
            assert bool(quick.search(text)) == bool(pattern.search(text))


@pytest.mark.parametrize(
    "pattern",
    [
        re.compile("hv|gp|sw"),  # few parts: as it is
        re.compile("|".join(PARTS), re.IGNORECASE),  # a flag changes what a letter matches
        re.compile("|".join([r"\d+ weeks"] * 9)),  # no start read off
    ],
)
def test_quick_pattern_is_the_pattern_itself(pattern: re.Pattern[str]) -> None:
    assert T.quick_source(pattern) is None
    assert T.quick_pattern(pattern, force=True) is pattern


def test_a_flag_written_at_the_start_keeps_the_pattern_as_written() -> None:
    # "(?m)" must open the pattern: behind a look-ahead it would not compile
    pattern = re.compile("(?m)^" + "|".join(f"(?:{p})" for p in PARTS))
    assert T.quick_pattern(pattern, force=True) is pattern
    texts = ["x\nchild a was seen", "zzz"]
    found = T.contains(texts, pattern, remember=False).tolist()
    assert found == [bool(pattern.search(t)) for t in texts]


def test_few_texts_are_searched_with_the_pattern_as_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pattern = _pattern([*PARTS[:-1], "(?:few) texts"])
    monkeypatch.setattr(T, "_QUICK", {})
    assert T.quick_pattern(pattern, 10) is pattern  # not kept by the file: not worth it
    assert T.quick_pattern(pattern, 10**5) is not pattern  # many texts: written
    assert T.quick_pattern(pattern, 10) is not pattern  # and kept


def test_contains_finds_what_the_pattern_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = _pattern([*PARTS, "(?:contains) only"])
    monkeypatch.setattr(T, "_QUICK_FROM_TEXTS", 1)
    monkeypatch.setattr(T, "_QUICK", {})
    found = T.contains(TEXTS, pattern, remember=False)
    assert T._QUICK[pattern] is not None  # searched with the quick pattern
    assert found.tolist() == [bool(pattern.search(t)) for t in TEXTS]
    assert found.dtype == np.bool_


def test_shipped_seen_cues_have_their_quick_pattern_stored(tmp_path, monkeypatch) -> None:
    # the file keeps the rewritten source of each pattern searched while building
    pattern = seen.build_default().seen
    with _prebuilt.disabled():
        assert T.quick_source.kept(pattern) is None
    source = T.quick_source(pattern)
    assert source is not None
    monkeypatch.setattr(T, "_CONTAINS", {pattern: {}})
    part = _prebuilt._patterns_part([], _prebuilt._searched())
    stored = part["facts"]["scr_timeline.classify._text.quick_source"]
    assert stored[(pattern.pattern, pattern.flags)] == source
    assert (source, pattern.flags) in part["regex"]  # its program too
