"""Entries as agencies write them, misread before the s22 wording round.

Every row is fictional ("Child A", "Mother", "SW1"). Each misreading reached a rule or a
reviewer's reading of who was involved: a social care manager read as a GP practice made
the GP a counterpart (INJ-REFER and the involvement rules count contacts by counterpart).
"""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline import schema
from scr_timeline.classify.pipeline import classify_events
from scr_timeline.testing import make_events


def classified(agency: str, details: str, outcome: str | None = None) -> pd.Series:
    """The classified row of one entry (dated 12/03/2007)."""
    events = make_events(start="12/03/2007", agency=agency, details=details, outcome=outcome)
    rows, _ = classify_events(events)
    return rows.iloc[0]


# --- 1. an agency's own manager or lead, named by a title another agency also uses --------
@pytest.mark.parametrize(
    ("agency", "details", "outcome"),
    [
        ("csc", "Case discussed with practice manager - agreed s47", None),
        ("csc", "Practice manager reviewed case - CIN plan to continue", None),
        ("csc", "Mgmt oversight", "Agreed with Practice Manager: step down"),
        ("early_years", "Case discussed with practice manager - step up agreed", None),
        ("early_years", "Child A collected late, smelling of smoke", "DSL informed"),
    ],
)
def test_a_title_in_its_own_agencys_record_names_no_other_agency(agency, details, outcome):
    assert classified(agency, details, outcome)[schema.COUNTERPARTS] == ()


@pytest.mark.parametrize(
    ("agency", "details", "expected"),
    [
        # elsewhere the title is still the GP practice's, or the school's
        ("police", "Spoke to practice manager at the surgery", ("gp",)),
        ("hospital", "Letter to practice manager", ("gp",)),
        ("early_years", "Referral to CSC; school DSL informed", ("csc", "education")),
        # in a list, the title is read the recorder's way too; the others stay
        ("csc", "Discussed with HV and practice manager", ("health_visiting",)),
        ("csc", "Discussed with practice manager and GP", ("gp",)),
    ],
)
def test_the_title_elsewhere_and_beside_other_agencies(agency, details, expected):
    assert classified(agency, details)[schema.COUNTERPARTS] == expected


def test_the_same_text_in_two_agencies_records_reads_each_way():
    events = make_events(
        start=["12/03/2007"] * 3,
        agency=["csc", "police", "csc"],
        details=["Discussed with practice manager"] * 3,
    )
    rows, _ = classify_events(events)
    assert rows[schema.COUNTERPARTS].tolist() == [(), ("gp",), ()]
