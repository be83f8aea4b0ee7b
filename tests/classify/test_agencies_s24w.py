"""Agency names of services not swept before (session 24)."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.agencies import normalise_agencies


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("Humankind", "substance_misuse"),
        ("EOC", "ambulance"),
        ("Emergency Operations Centre", "ambulance"),
        # a longer name still decides
        ("Police EOC", "police"),
        ("Emergency Duty Team", "csc"),
    ],
)
def test_names_of_services(name, agency):
    assert normalise_agencies(pd.Series([name]))["agency"].tolist() == [agency]
