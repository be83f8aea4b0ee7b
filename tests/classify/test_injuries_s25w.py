"""Injuries read as a reviewer reads them (session 25): a parent's injury noted or seen on
the parent (a midwife's antenatal record)."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.injuries import classify_injuries


def _injury(details: str, agency: str = "midwifery") -> bool:
    rows = pd.DataFrame({"details": [details], "outcome": [None], "agency": [agency]})
    return bool(classify_injuries(rows).iloc[0]["injury"])


@pytest.mark.parametrize(
    "details",
    [
        "Mother attended antenatal clinic 28/40. Bruising noted to Mother's arms; said she fell.",
        "Bruises noted on Mother's face.",
        "Bruising seen on Mum's neck at booking.",
        "Burn observed on Mo's hand.",
    ],
)
def test_a_parents_injury_noted_on_the_parent_is_not_the_childs(details):
    assert not _injury(details)


@pytest.mark.parametrize(
    "details",
    [
        "Bruise noted to Child A's cheek.",
        "Bruise noted to cheek; Mother said he fell.",
        "Bruising seen on left ear of Child A.",
    ],
)
def test_the_childs_injury_noted_stays_the_childs(details):
    assert _injury(details, "health_visiting")
