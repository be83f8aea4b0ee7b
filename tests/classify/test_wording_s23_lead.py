"""Wording the rules' sweep found misread (stop 23): a conference written short, a
manager's review of the case."""

from __future__ import annotations

import pandas as pd
import pytest

import scr_timeline as scr
from scr_timeline.rules.states import state_periods


def _read(details: list[str], outcomes: list[str]) -> scr.Chronology:
    n = len(details)
    table = pd.DataFrame(
        {
            "Date": [f"{d:02d}/03/2019" for d in range(1, n + 1)],
            "Agency": ["Children's Social Care"] * n,
            "Details": details,
            "Outcome": outcomes,
        }
    )
    return scr.parse_table(table, source="case.csv")


def test_an_initial_conference_written_short_is_the_icpc_and_opens_the_plan() -> None:
    chron = _read(
        ["Referral from school re neglect.", "Initial conference.", "Home visit. Child seen."],
        ["", "Outcome: CP plan under neglect", ""],
    )
    assert chron.events["event_type"].tolist()[1] == "icpc"
    plan = state_periods(chron, "cp_plan", rulebook="wt2018")
    assert list(plan["start"]) == [pd.Timestamp("2019-03-02")]


@pytest.mark.parametrize("text", ["TM case review", "SM file audit completed", "TM1 case review"])
def test_a_managers_review_of_the_case_is_oversight(text: str) -> None:
    chron = _read([text], [""])
    assert chron.events["event_type"].tolist() == ["management_oversight"]
