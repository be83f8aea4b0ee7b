"""Agency names read as a reviewer reads them (session 26): a foster carer's own log,
children's social care's teams, a school attendance team, young offender institutions,
and a foster carer in narrative (no social care involved)."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.agencies import MATCHED, normalise_agencies
from scr_timeline.classify.counterparts import classify_counterparts


@pytest.mark.parametrize(
    ("name", "agency"),
    [
        ("Foster carer", "csc"),
        ("Foster Carer FC1", "csc"),
        ("IFA foster carer", "csc"),
        ("Foster Carers (FC1 and FC2)", "csc"),
        ("Throughcare", "csc"),
        ("Through Care Team", "csc"),
        ("Permanency Team", "csc"),
        ("Initial Response Team", "csc"),
        ("Disabled Children Team", "csc"),
        ("Attendance Team", "education"),
        ("HMYOI Northtown", "probation"),
        ("Young Offender Institution", "probation"),
        ("TYS", "education"),
    ],
)
def test_the_voices_of_a_review_name_their_agency(name, agency):
    got = normalise_agencies(pd.Series([name])).iloc[0]
    assert (got[schema.AGENCY], bool(got[MATCHED])) == (agency, True)


@pytest.mark.parametrize("name", ["Assessment", "Family Support Team", "Locality Team 3"])
def test_a_team_that_could_be_any_agencys_stays_unknown(name):
    got = normalise_agencies(pd.Series([name])).iloc[0]
    assert (got[schema.AGENCY], bool(got[MATCHED])) == ("other", False)


@pytest.mark.parametrize(
    ("details", "agency"),
    [
        ("Child A brought in by foster carer with a cut lip.", "hospital"),
        ("Foster carer phoned to say Child A was unwell.", "gp"),
    ],
)
def test_a_foster_carer_in_narrative_involves_no_social_care(details, agency):
    rows = pd.DataFrame({"details": [details], "outcome": [None], "agency": [agency]})
    assert "csc" not in classify_counterparts(rows).iloc[0]
