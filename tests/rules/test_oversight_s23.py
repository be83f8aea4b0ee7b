"""A manager agreeing what children's social care's entry records is management oversight
of it (SUP-KEY-DECISION): 'NFA - case closed. TM1 agreed closure.'"""

from __future__ import annotations

import pandas as pd
import pytest

import scr_timeline as scr


def _findings(outcome: str) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "Date": ["15/04/2020", "20/07/2020", "30/09/2020"],
            "Agency": ["Children's Social Care"] * 2 + ["GP"],
            "Details": [
                "PPN received re DA incident. Baby present.",
                "Single assessment completed. NFA - case closed.",
                "Child D seen for immunisations.",
            ],
            "Outcome": ["Single assessment", outcome, ""],
        }
    )
    chron = scr.parse_table(table, source="case.csv")
    found = scr.analyse(chron, rulebook="wt2018", rules=["SUP-KEY-DECISION"]).to_frame()
    return found[found["summary"].str.startswith("Case closure")]


@pytest.mark.parametrize(
    "outcome",
    ["TM1 agreed closure", "Closure authorised by TM", "Team manager approved NFA"],
)
def test_a_closure_a_manager_agreed_is_overseen(outcome: str) -> None:
    assert _findings(outcome).empty


@pytest.mark.parametrize(
    "outcome", ["", "For TM to agree closure", "Closure not agreed by TM", "Awaiting TM sign off"]
)
def test_a_closure_no_manager_agreed_wants_oversight(outcome: str) -> None:
    found = _findings(outcome)
    assert found["status"].tolist() == ["missing"]
