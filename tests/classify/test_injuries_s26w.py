"""Injuries read as a reviewer reads them (session 26): the patterns NICE CG89 names as
ones to suspect physical abuse of, a burn in a glove or stocking distribution and an
adult's bite, are suspicious whatever the child's age."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.pipeline import classify_events


def _read(details: str, agency: str = "hospital") -> tuple[bool, bool]:
    rows = pd.DataFrame({"details": [details], "outcome": [None], "agency": [agency]})
    got = classify_events(rows)[0].iloc[0]
    return bool(got["injury"]), bool(got["suspicious_injury"])


@pytest.mark.parametrize(
    "details",
    [
        "Burns to both feet - glove and stocking distribution.",
        "Scalds to both hands in a glove-and-stocking pattern.",
        "Child A (4) with bite mark to arm - adult size.",
        "Adult bite mark to Child A's back.",
        "Bite mark on arm, adult sized.",
    ],
)
def test_an_injury_nice_names_as_one_to_suspect_is_suspicious(details):
    assert _read(details) == (True, True)


@pytest.mark.parametrize(
    "details",
    [
        "Bite mark on arm from another child at nursery.",
        "Scald to hand, not glove and stocking pattern; accidental.",
    ],
)
def test_a_childs_bite_or_a_pattern_ruled_out_is_not(details):
    assert _read(details, "early_years") == (True, False)
