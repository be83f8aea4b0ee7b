"""Counterparts read as a reviewer reads them (session 27): a young person's own
boyfriend is not the mother's partner."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.pipeline import classify_events


def _counterparts(details: str, agency: str = "csc") -> tuple[str, ...]:
    rows = pd.DataFrame({"details": [details], "outcome": [None], "agency": [agency]})
    return tuple(classify_events(rows)[0].iloc[0]["counterparts"])


@pytest.mark.parametrize(
    "details",
    [
        "Child A attended sexual health clinic alone; Gillick competent. Disclosed 19 year old "
        "boyfriend.",
        "Child A seen with older boyfriend in car.",
        "YP's boyfriend (18) arrested.",
    ],
)
def test_a_young_persons_boyfriend_is_not_the_mothers_partner(details):
    assert "partner" not in _counterparts(details)


@pytest.mark.parametrize(
    "details",
    ["Mother and boyfriend arguing; police called.", "Child A said boyfriend hit Mum."],
)
def test_the_mothers_boyfriend_is_still_her_partner(details):
    assert "partner" in _counterparts(details)
