"""Speed work on the rule kinds (s26 p3) gives what the plain reading gives."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_timeline.calendar import DAY_NS
from scr_timeline.rules.kinds import _distinct_events, _one_event
from scr_timeline.rules.predicates import EventView
from scr_timeline.testing import make_events

_TYPES = ["referral", "medical_examination", "icpc", "home_visit", "other"]
_AGENCIES = ["csc", "police", "paediatrics", "gp", "education"]


def _by_hand(view: EventView, told: np.ndarray, finding: np.ndarray, n: int) -> list[int]:
    """The rule read literally: per (finding, day), records one by one in order."""
    day = (view.start[told] // DAY_NS).tolist()
    kind, agency = view.event_type[told].tolist(), view.agency[told].tolist()
    involved = view.counterpart_agencies[told].tolist()
    groups: dict[tuple[int, int], list[int]] = {}
    for k, key in enumerate(zip(finding.tolist(), day, strict=True)):
        groups.setdefault(key, []).append(k)
    out = [0] * n
    for (f, _day), members in groups.items():
        events: list[int] = []
        for k in members:
            if not any(_one_event(k, e, kind, agency, involved) for e in events):
                events.append(k)
        out[f] += len(events)
    return out


record = st.tuples(
    st.integers(1, 3),  # day of March 2007
    st.sampled_from(_TYPES),
    st.sampled_from(_AGENCIES),
    st.lists(st.sampled_from(_AGENCIES), max_size=2).map(tuple),
)


@settings(max_examples=80, deadline=None)
@given(st.lists(record, min_size=1, max_size=12), st.data())
def test_distinct_events_as_by_hand(records, data):
    records = sorted(records, key=lambda r: r[0])  # the view is in the chronology's order
    view = EventView.from_events(
        make_events(
            start=[f"0{d}/03/2007" for d, *_ in records],
            event_type=[t for _, t, *_ in records],
            agency=[a for _, _, a, _ in records],
            counterparts=[c for *_, c in records],
        )
    )
    m = len(records)
    told = np.array(sorted(data.draw(st.sets(st.integers(0, m - 1), min_size=1))))
    n = data.draw(st.integers(1, 3))
    finding = np.array(data.draw(st.lists(st.integers(0, n - 1), min_size=len(told),
                                          max_size=len(told))), dtype=np.int64)  # fmt: skip
    assert _distinct_events(view, told, finding, n).tolist() == _by_hand(view, told, finding, n)


def test_distinct_events_none():
    view = EventView.from_events(make_events(start=["01/03/2007"]))
    empty = np.zeros(0, dtype=np.int64)
    assert _distinct_events(view, empty, empty, 2).tolist() == [0, 0]
