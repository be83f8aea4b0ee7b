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
