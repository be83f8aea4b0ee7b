"""Roles and agencies read as a reviewer reads them (session 27): a community children's
nurse ('CCN1') and the community children's nursing team written either way round."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.agencies import MATCHED, names_a_sector, normalise_agencies
from scr_timeline.classify.roles import roles_from_practitioners


@pytest.mark.parametrize("practitioner", ["CCN1", "CCN", "Community Children's Nurse"])
def test_a_community_childrens_nurse_is_a_nurse(practitioner):
    got = roles_from_practitioners(pd.Series([practitioner]), pd.Series(["other"]))
    assert got.iloc[0] == "nurse"


@pytest.mark.parametrize(
    "name", ["Community Children's Nursing", "Community Children's Nursing Team", "CCNT"]
)
def test_community_childrens_nursing_is_a_health_sector(name):
    assert names_a_sector(pd.Series([name])).tolist() == [True]
    assert not normalise_agencies(pd.Series([name]))[MATCHED].iloc[0]
