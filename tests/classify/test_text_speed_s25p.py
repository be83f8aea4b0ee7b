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
