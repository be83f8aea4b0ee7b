"""One institution or two, as a chronology names hospitals (stop 28): organisations that
share only a word that places them ('North Middlesex' and 'North Devon', 'North Mid ED' and
'North Devon District Hospital') were one institution, so one hospital's referral answered
the other's injury (INJ-REFER). A placing word joins them only when neither names more, or
the rest of one abbreviates the other's ('North Mid ED' and 'North Middlesex University
Hospital' stay one); one trust's hospitals named with the trust ('Royal Free London NHS FT -
Chase Farm Hospital', '... - Barnet Hospital') are one; an urgent care centre ('Chase Farm
UCC') names its institution.

2023: Monday 20 February, due Tuesday 21st; rows as a person sees them (header row 1).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from scr_timeline.rules.kinds import institutions
from scr_timeline.rules.predicates import EventView
from scr_timeline.testing import finding_rows, make_events, read_rows

ROWS = """\
20/02/2023,{seen_at},ED doctor,Child D (20 months) with bruising to both ears and left cheek. No explanation given.,Discharged home; letter to GP.
21/02/2023,{referrer},Paediatric liaison,Safeguarding review of ED attendance 20/02.,Referral to CSC by phone
21/02/2023,Childrens Social Care,MASH SW,Referral received from {named} paediatric liaison re bruising.,Strategy discussion held with DS1 and Dr P. CP medical today.
21/02/2023,Paediatrics,Dr P,Child protection medical. Bruising to ears and cheek consistent with NAI.,
30/08/2023,GP,Dr B,Child D seen for immunisations.,
"""


def _refer(tmp_path: Path, seen_at: str, referrer: str) -> list[tuple[object, ...]]:
    # children's social care's record names the referrer as practitioners do
    named = referrer.replace(" University Hospital", "").replace("Royal Free London NHS FT - ", "")
    rows = ROWS.format(seen_at=seen_at, referrer=referrer, named=named)
    chron = read_rows(tmp_path / "trusts.csv", rows, child_dob="2021-06-10")
    return finding_rows(chron, "wt2018", "INJ-REFER")


def test_two_hospitals_sharing_a_placing_word_are_two(tmp_path: Path) -> None:
    # North Devon's injury, referred by North Middlesex's liaison: not North Devon's referral
    # (the two were one institution through 'north', and the referral answered)
    found = _refer(
        tmp_path, "North Devon District Hospital ED", "North Middlesex University Hospital"
    )
    assert found == [("INJ-REFER", "missing", 2, "2023-02-21", "", None, [2])]


@pytest.mark.parametrize(
    ("seen_at", "referrer"),
    [
        ("North Mid ED", "North Middlesex University Hospital"),
        (
            "Royal Free London NHS FT - Chase Farm Hospital",
            "Royal Free London NHS FT - Barnet Hospital",
        ),
    ],
)
def test_one_hospital_or_one_trust_refers_its_own_injury(
    tmp_path: Path, seen_at: str, referrer: str
) -> None:
    assert _refer(tmp_path, seen_at, referrer) == []


def test_institutions_named_by_placing_words() -> None:
    orgs = [
        "North Mid ED",
        "North Middlesex University Hospital Paediatrics",
        "North Devon District Hospital",
        "Chase Farm UCC",
        "Royal Free London NHS FT - Chase Farm Hospital",
        "Homerton Hospital",
    ]
    view = EventView.from_events(
        make_events(
            start=["2023-01-01"] * len(orgs), agency=["hospital"] * len(orgs), organisation=orgs
        )
    )
    found = institutions(view, np.arange(len(orgs)))
    assert found is not None
    keys, words = found
    assert keys.tolist() == [0, 0, 1, 2, 2, 3]
    # 'north' names none of them in another agency's words
    assert all("north" not in ws for ws in words)
