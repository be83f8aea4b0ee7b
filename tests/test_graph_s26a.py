"""The contact graph as a reviewer asks it (stop 26): which agencies never had contact with
children's social care, and what they had seen by then."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.chronology import Chronology
from scr_timeline.graph import contact_matrix, contacts_with
from scr_timeline.testing import make_events


def _chron() -> Chronology:
    return Chronology(
        make_events(
            start=[
                "02/03/2007",
                "05/03/2007",
                "06/03/2007",
                "09/03/2007",
                "12/03/2007",
                "14/03/2007",
                "20/03/2007",
            ],
            agency=["gp", "gp", "health_visiting", "csc", "education", "hospital", "hospital"],
            event_type=[
                "gp_appointment",
                "gp_appointment",
                "home_visit",
                "referral",
                "home_visit",
                "hospital_attendance",
                "information_sharing",
            ],
            counterparts=[
                (),
                ("mother",),
                ("csc",),
                ("health_visiting", "police"),
                (),
                (),
                ("csc",),
            ],
            injury=[True, True, False, False, True, True, False],
        )
    )


def test_agencies_never_in_contact_with_social_care_come_first_with_their_injuries() -> None:
    table = contacts_with(_chron())
    assert list(table["agency"][:2]) == ["gp", "education"]  # never; by injuries seen
    rows = table.set_index("agency")
    assert rows.loc["gp", "contacts"] == 0 and rows.loc["gp", "injuries_before_contact"] == 2
    assert pd.isna(rows.loc["gp", "first_contact"])
    # both sides' records count: the health visitor's call and social care's referral
    assert rows.loc["health_visiting", "its_records"] == 1
    assert rows.loc["health_visiting", "their_records"] == 1
    assert rows.loc["health_visiting", "first_contact"] == pd.Timestamp("2007-03-06")
    # police named only by social care: in contact, though it recorded nothing
    assert rows.loc["police", "contacts"] == 1 and rows.loc["police", "n_recorded"] == 0
    # the hospital's injury came before it told social care
    assert rows.loc["hospital", "injuries_before_contact"] == 1
    assert "mother" not in set(table["agency"]) and "csc" not in set(table["agency"])
    # the counts agree with the contact matrix
    matrix = contact_matrix(_chron())
    for code in ("health_visiting", "hospital", "police"):
        assert rows.loc[code, "its_records"] == matrix.loc[code, "csc"]
        assert rows.loc[code, "their_records"] == matrix.loc["csc", code]


def test_another_agency_and_a_duplicate_copy() -> None:
    events = make_events(
        start=["02/03/2007", "02/03/2007", "04/03/2007"],
        agency=["police", "csc", "gp"],
        counterparts=[("csc",), ("police",), ()],
        injury=[False, False, True],
        duplicate_of=[None, "e0", None],
    )
    table = contacts_with(events, agency="police").set_index("agency")
    assert table.loc["csc", "contacts"] == 1  # the copy is not a second contact
    assert table.loc["gp", "injuries_before_contact"] == 1
    with pytest.raises(ValueError, match="unknown agency"):
        contacts_with(events, agency="social care")
