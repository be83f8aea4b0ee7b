"""Agency names read as a reviewer reads them (session 25): children's social care's
teams as a Team column writes them."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.agencies import normalise_agencies


@pytest.mark.parametrize(
    "name",
    [
        "Leaving care",
        "Leaving Care Service",
        "Care Leavers",
        "Long-term Team",
        "Long Term Team 2",
        "Family Safeguarding",
        "Permanence Team",
        "Children in Care Service",
    ],
)
def test_a_childrens_social_care_team_is_csc(name):
    got = normalise_agencies(pd.Series([name])).iloc[0]
    assert (got["agency"], bool(got["matched"])) == ("csc", True)


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("Exploitation Team", "csc"),
        ("Adolescent Team", "csc"),
        ("Contextual Safeguarding Team", "csc"),
        ("PVP", "police"),
        ("PVP Unit", "police"),
        ("FCA", "legal"),
        ("St Giles Trust", "voluntary"),
        ("Child and Adolescent Mental Health Team", "camhs"),
    ],
)
def test_the_voices_of_a_review_name_their_agency(name, agency):
    got = normalise_agencies(pd.Series([name])).iloc[0]
    assert (got["agency"], bool(got["matched"])) == (agency, True)
