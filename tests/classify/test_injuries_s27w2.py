"""Injuries in the shape of an implement or a hand are suspicious whatever the child's
age (NICE CG89; session 27, second sweep)."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.injuries import classify_injuries


def _read(details: str) -> tuple[bool, bool]:
    rows = pd.DataFrame({"details": [details], "outcome": [None]})
    found = classify_injuries(rows).iloc[0]
    return bool(found["injury"]), bool(found["suspicious_injury"])


@pytest.mark.parametrize(
    "details",
    [
        "Linear bruising to back of legs noted by teacher. Child A is 7.",
        "Loop marks to Child A's back seen at school.",
        "Hand-print bruise to left cheek, Child A aged 7.",
        "Handprint to cheek.",
        "Slap mark to face observed by teacher.",
        "Belt marks to buttocks.",
        "Child A has linear marks to thigh.",
        "Bruising in the shape of a hand to the face.",
        "Bruise with the imprint of a buckle.",
        "Grip marks to upper arms.",
        "Fingertip bruising to arms.",
        "Pattern bruising to back.",
        "Patterned bruise to leg.",
        "Bruise consistent with a hand.",
        "Child A (7) said Father hit her with a belt, bruise to her leg.",
        "Child A hit with a cable; marks to legs.",
        "Child A said she was smacked with a wooden spoon; red mark to leg.",
    ],
)
def test_a_mark_of_an_implement_or_a_hand_is_suspicious(details):
    assert _read(details) == (True, True)


@pytest.mark.parametrize(
    "details",
    [
        "Bruise to shin, Child A said fell in playground.",
        "Child A hit with a ball in PE, bruise to face.",
        "Bruise to shin, no linear or patterned marks.",
        "Linear scratch from cat.",
        "Bruising consistent with a fall.",
        "Mark to arm, from car seat strap.",
    ],
)
def test_other_injuries_of_an_older_child_are_not(details):
    assert _read(details) == (True, False)


def test_a_beating_with_an_implement_and_no_injury_is_no_injury():
    assert _read("Child A (7) said Father hit her with a belt.") == (False, False)
