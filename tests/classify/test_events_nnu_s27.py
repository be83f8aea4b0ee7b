"""A baby placed on leaving the neonatal unit: 'discharged from NNU to care of maternal aunt
under Reg 24' is a placement, as 'discharged to maternal grandmother (Reg 24 ...)' is."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.pipeline import classify_events


def _types(texts: list[str]) -> list[str]:
    events = pd.DataFrame(
        {"details": texts, "agency": "csc", "start": pd.Timestamp("2020-01-06")},
        index=[f"e{i}" for i in range(len(texts))],
    )
    return classify_events(events)[0]["event_type"].tolist()


@pytest.mark.parametrize(
    "text",
    [
        "Baby A discharged from NNU to care of maternal aunt under Reg 24.",
        "Baby A discharged from SNNU to maternal grandmother (Reg 24 assessment started).",
        "Baby A discharged from the neonatal unit to foster carers.",
        "Discharged from maternity unit to mother and baby placement.",
    ],
)
def test_a_baby_placed_on_leaving_the_neonatal_unit_is_a_placement(text: str) -> None:
    assert _types([text]) == ["placement"]


def test_a_baby_discharged_home_to_mother_is_no_placement() -> None:
    assert _types(["Baby A discharged from NNU home to Mother."]) != ["placement"]
