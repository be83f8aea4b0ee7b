"""Speed work on the shared text machinery (stop 25, p2): the answers stay the same, the
work behind them is done once."""

from __future__ import annotations

import pickle

from scr_timeline.classify import _text as T


def _entries() -> T.Entries:
    return T.Entries(
        ["home visit", "home", r"hv\d* visit", r"(?:^|\d )visit"],
        ["words", "words", "regex", "regex"],
    )


def test_candidates_of_a_hit_are_worked_out_once(monkeypatch):
    entries = _entries()
    first = entries.candidates("home visit")
    calls = []
    original = T.Entries._candidates

    def counted(self, hit):
        calls.append(hit)
        return original(self, hit)

    monkeypatch.setattr(T.Entries, "_candidates", counted)
    again = entries.candidates("home visit")
    assert again == first == [0, 1]
    assert calls == []  # remembered
    again.append(99)  # a caller's list is its own
    assert entries.candidates("home visit") == [0, 1]
    assert entries.candidates("hv2 visit") == [2]
    assert calls == ["hv2 visit"]


def test_candidates_remembered_are_not_pickled():
    entries = _entries()
    entries.candidates("home visit")
    loaded = pickle.loads(pickle.dumps(entries))
    assert loaded._found == {}
    assert loaded.candidates("home visit") == [0, 1]
    assert loaded.candidates("visit") == [3]


def test_found_remembers_which_groups_took_part():
    import re

    found = T.extract_all(["a1 b", "c2"], re.compile(r"(?P<l>[a-z])(?P<d>\d)?"), remember=False)
    assert found.has("d").tolist() == [True, False, True]
    assert set(found._taken) == {"d"}  # worked out once, kept for the next question
    mine = found.has("d")
    mine[:] = False  # a caller's array is its own
    assert found.has("d").tolist() == [True, False, True]
    assert found.has("l", "d").tolist() == [True, True, True]


def test_regex_rows_take_the_last_group_that_took_part():
    import re

    import numpy as np

    pattern = re.compile(r"(?P<r3>x)?(?P<r7>y)?(?P<other>z)?(?P<r5>q)?")
    found = T.extract_all(["xy", "z", "q", "x"], pattern, remember=False)
    resolver = T.Resolver(_entries(), np.ones((4, 1), dtype=bool), "r")
    rows = resolver.regex_rows(found)
    by_text = {}
    for piece, row in zip(found.piece.tolist(), rows.tolist(), strict=True):
        by_text.setdefault(piece, []).append(row)
    # "xy": one match with r3 and r7 (the last wins); "z": no regex group; "q": r5
    assert by_text[0][0] == 7
    assert by_text[1][0] == -1
    assert by_text[2][0] == 5
    assert by_text[3][0] == 3


def test_match_starts_reads_the_first_characters_of_a_regex():
    assert T.match_starts(r"(?<![a-z0-9])(?:^|x )(?:online )?ref(?![a-z])") == frozenset("xor")
    assert T.match_starts(r"(?:a|b)?c*d") == frozenset("abcd")
    assert T.match_starts(r"\bexamined") == frozenset("e")
    # not known: a category, a negated class, any character, a flag, a bad pattern
    for source in (r"\d+ days", r"[^a]b", r".x", r"(?i)abc", r"(?i:a)b", r"(unclosed"):
        assert T.match_starts(source) is None


def test_rows_without_a_literal_start_are_matched_only_when_they_can_start_the_hit(monkeypatch):
    entries = T.Entries(
        [r"(?:^|no )visit", r"(?:^|x )ref", "home", r"\d+ days"],
        ["regex", "regex", "words", "regex"],
    )
    asked = []
    original = T.Entries.fragment

    def fragment(self, row):
        asked.append(row)
        return original(self, row)

    monkeypatch.setattr(T.Entries, "fragment", fragment)
    assert entries.candidates("home") == [2]
    assert asked == [3]  # the row whose start is not known is still tried
    assert entries.candidates("visit") == [0]
    assert entries.candidates("x ref") == [1]
    assert entries.candidates("12 days") == [3]


def test_candidates_are_those_whose_regex_matches_the_hit_from_its_start():
    import re

    phrases = [
        "home visit",
        "home",
        "hv",
        "hv visit",
        r"hv\d* visit",
        r"(?:tm|sm)\d* agreed",
        "h",
        "a&e",
        r"(?:^|x )ref",
        r"\d+ days",
        "re-referral",
        "ho",
    ]
    kinds = ["regex" if any(c in p for c in "\\(") else "words" for p in phrases]
    entries = T.Entries(phrases, kinds)
    hits = [
        "home visit",
        "home",
        "hv visit",
        "hv2 visit",
        "tm agreed",
        "sm3 agreed",
        "h",
        "a&e",
        "a and e",
        "ref",
        "x ref",
        "3 days",
        "re referral",
        "ho",
        "hom",
        "hv",
        "zzz",
        "",
    ]
    for hit in hits:
        expected = []
        for row, phrase in enumerate(phrases):
            source = T.wrap_regex(phrase) if kinds[row] == "regex" else T.phrase_regex(phrase)
            m = re.compile(source).match(hit)
            if m is not None and m.end() > 0:
                expected.append((-m.end(), kinds[row] == "regex", row))
        assert entries.candidates(hit) == [row for *_, row in sorted(expected)], hit
    entries._index()
    assert "ho" in entries._starts and "h" in entries._starts  # filed by two characters
