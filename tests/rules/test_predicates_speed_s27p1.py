"""A predicate table's conditions on the view's arrays alone (event type, agency, flags,
age, date) are worked out once per view however often the predicate is asked (speed work
of stop 27; no change of findings)."""

from __future__ import annotations

import dataclasses

import numpy as np

from scr_timeline import schema as S
from scr_timeline.rules import predicates as P
from scr_timeline.rules.predicates import EventView, compile_predicate
from scr_timeline.testing import make_events


def _view() -> EventView:
    return EventView.from_events(
        make_events(
            start=["2007-03-01", "2007-03-02", "2007-03-03", "2007-03-04"],
            agency=["csc", "police", "health_visiting", "csc"],
            event_type=["referral", "concern", "home_visit", "referral"],
            injury=[True, False, True, False],
        )
    )


def test_an_array_condition_is_worked_out_once_per_view(monkeypatch):
    calls: list[int] = []
    real = P._lookup

    def counting(codes, size):
        table = real(codes, size)

        class Counted(np.ndarray):
            def __getitem__(self, key):
                calls.append(1)
                return np.asarray(super().__getitem__(key))

        return table.view(Counted)

    monkeypatch.setattr(P, "_lookup", counting)
    pred = compile_predicate({"event_type": ["referral"], "agency": ["csc"]}, where="test")
    view = _view()
    first = pred.evaluate(view, {})
    again = pred.evaluate(view, {}, np.array([True, True, False, False]))
    assert first.tolist() == [True, False, False, True]
    assert again.tolist() == [True, False, False, False]
    assert len(calls) == 2  # event type and agency, each once for both askings
    pred.evaluate(_view(), {})  # another view (another analysis): worked out again
    assert len(calls) == 4


def test_a_view_with_other_arrays_does_not_reuse_the_answers():
    # the rules read a duplicate record as if its original's agency had recorded it
    # (dataclasses.replace of the view with another agency array): the agency condition
    # must be read from that array, not from the view it was made from
    view = _view()
    pred = compile_predicate({"agency": ["csc"]}, where="test")
    assert pred.evaluate(view, {}).tolist() == [True, False, False, True]
    agency = view.agency.copy()
    agency[1] = S.AGENCIES.index("csc")
    moved = dataclasses.replace(view, agency=agency)
    assert pred.evaluate(moved, {}).tolist() == [True, True, False, True]
    assert pred.evaluate(view, {}).tolist() == [True, False, False, True]


def test_the_answers_are_never_written_to():
    view = _view()
    pred = compile_predicate({"injury": True}, where="test")
    named = {"hurt": pred}
    outer = compile_predicate(["hurt", {"agency": ["police"]}], where="test", named=named)
    cache: dict = {}
    assert outer.evaluate(view, cache).tolist() == [True, True, True, False]
    assert pred.evaluate(view, {}).tolist() == [True, False, True, False]
    assert outer.evaluate(view, {}, np.array([False, True, True, True])).tolist() == [
        False,
        True,
        True,
        False,
    ]
    assert pred.evaluate(view, {}).tolist() == [True, False, True, False]


def test_columns_taken_at_positions_as_arrays():
    view = _view()
    pos = np.array([3, 0])
    taken = view.values_at(S.AGENCY, pos)
    assert list(taken) == list(view.take(S.AGENCY, pos))
    assert view.values_at("no such column", pos) is None
    assert view.take("no such column", pos) is None


def test_answers_kept_up_to_a_bound(monkeypatch):
    # a million events would hold about 90 answers of 1 MB each: beyond the bound an
    # answer is worked out at each asking, as before, and is the same
    pred = compile_predicate({"event_type": ["referral"], "agency": ["csc"]}, where="test")
    view = _view()
    monkeypatch.setattr(P, "_CONDITIONS_HELD", 4)  # one answer of 4 events
    assert pred.evaluate(view, {}).tolist() == [True, False, False, True]
    assert len(view._conditions) == 1
    assert pred.evaluate(view, {}).tolist() == [True, False, False, True]
    monkeypatch.setattr(P, "_CONDITIONS_HELD", 0)
    other = _view()
    assert pred.evaluate(other, {}).tolist() == [True, False, False, True]
    assert not other._conditions
