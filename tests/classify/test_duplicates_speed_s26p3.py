"""Speed work on duplicate finding (s26 p3) gives what the plain reading gives."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from scr_timeline import schema as S
from scr_timeline.classify import duplicates as D
from scr_timeline.testing import make_events

_OUTCOMES = [None, "", "-", "N/A", "Nil", "Filed", "Read and filed", "Scanned to notes",
             "For information only", "S47 agreed", "Strategy discussion held", "NFA",
             "Not known", "naïve – filed", "Filed\n", "noted.", "Letter filed in notes"]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_OUTCOMES), min_size=1, max_size=10))
def test_outcome_bit_as_pandas_reads_it(outcomes):
    n = len(outcomes)
    events = make_events(
        start=["12/03/2007"] * n, agency="police", event_type="other", outcome=outcomes
    )
    rows = np.arange(n, dtype=np.int64)
    kind = D._kinds(events)
    got = (D._holds(events, kind, rows) & D._OUTCOME_BIT) != 0
    outcome = events[S.OUTCOME].astype("string")
    said = (outcome.notna() & ~outcome.str.fullmatch(D._NO_OUTCOME).fillna(True)).to_numpy(bool)
    assert got.tolist() == said.tolist()


def test_most_similar_original_then_the_earliest():
    # two records the csc record copies equally well (both held the same): the earliest wins
    events = make_events(
        start=["12/03/2007"] * 4,
        agency=["gp", "health_visiting", "csc", "police"],
        counterparts=[("csc",), ("csc",), ("gp", "health_visiting", "police"), ("csc",)],
        details=["Phoned CSC re bruise on left arm", "Phoned CSC re bruise on left arm",
                 "Call re bruise on left arm", "Phoned CSC re burn to the right hand"],
        event_type="information_sharing",
    )  # fmt: skip
    assert D.find_duplicates(events).fillna("-").tolist() == ["-", "-", "e1", "-"]
