"""Injuries in the words of dentists and drug services (session 28)."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify import classify_events
from scr_timeline.testing import make_events


def _read(details: str, agency: str = "other") -> pd.Series:
    events = make_events(start="01/04/2020", agency=agency, details=details)
    out, _ = classify_events(events)
    return out.iloc[0]


@pytest.mark.parametrize(
    "details",
    [
        "Dental: trauma to upper incisors; Child A says she fell on the stairs.",
        "Child A has a chipped front tooth.",
        "Child A attended ED with avulsed upper incisor after a fall.",
        "Dental trauma noted at check-up.",
        "Knocked out tooth, explanation vague.",
    ],
)
def test_an_injury_to_the_teeth_is_an_injury(details):
    got = _read(details)
    assert got["injury"]
    assert got["injury_kinds"] == ("other",)


@pytest.mark.parametrize(
    "details",
    [
        "Dental check: no dental trauma noted.",
        "Dental check: caries, no trauma to teeth.",
        "Extensive dental caries affecting 8 teeth.",
        "Child A has a loose tooth.",
    ],
)
def test_teeth_without_an_injury_are_no_injury(details):
    assert not _read(details)["injury"]


@pytest.mark.parametrize(
    "details",
    [
        "Mother attended with track marks and an abscess on her arm.",
        "Track marks noted.",
        "Father has fresh track marks on both arms.",
    ],
)
def test_track_marks_are_an_adult_s_drug_use_not_an_injury_to_the_child(details):
    got = _read(details, "substance_misuse")
    assert not got["injury"]
    assert not got["suspicious_injury"]


def test_marks_on_the_child_are_still_an_injury():
    assert _read("Red marks on Child A's arm noted by keyworker.", "substance_misuse")["injury"]
