"""A new injury seen during an enquiry, said so in other words than 'new' (stop 28): an
adjective between the word and the injury ('additional yellow bruise', 'a further, older
bruise'), an older or more recent bruise, bruises of different ages or colours. The
injury referred seen again ('bruise to cheek now yellow/green') is still that injury.

2009: Monday 2 March to Tuesday 31 March, no bank holidays. Rows are as a person sees them
in the file (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_timeline.testing import finding_rows, read_rows

REFERRED = """\
02/03/2009,Northfield Primary School,DSL,Child F (8) said Mr Y hit him. Unexplained bruise to left cheek seen by DSL.,Referral to CSC by phone
02/03/2009,Children's Social Care,Duty SW,Referral received from school re unexplained bruise to Child F cheek.,Strategy discussion to be held
03/03/2009,Children's Social Care,TM7,Strategy discussion held by phone (TM7; DS9 CAIT). S47 joint investigation agreed.,
04/03/2009,Children's Social Care,SW8,"Joint visit with DC9. Child F seen; {visit}",CP medical to be arranged
31/03/2009,Children's Social Care,SW8,Home visit. Child F seen.,
"""


def _visit_findings(tmp_path: Path, visit: str) -> list[tuple[object, ...]]:
    chron = read_rows(
        tmp_path / "enquiry.csv", REFERRED.format(visit=visit), child_dob="2000-09-01"
    )
    assert chron.events["suspicious_injury"].tolist()[3]
    return [f for f in finding_rows(chron, "wt2006") if f[0].startswith("INJ") and f[2] == 5]


@pytest.mark.parametrize(
    "visit",
    [
        "additional yellow bruise on cheek below the first, unexplained.",
        "a further, older bruise to left cheek. No explanation.",
        "bruise to left cheek. Also an older yellowing bruise on right cheek. No explanation.",
        "bruising to cheek of differing ages, unexplained.",
        "bruises to cheek appear to be of different ages, unexplained.",
        "bruise to left cheek appears more recent than that described by school. Unexplained.",
        "another small bruise to the cheek. No explanation given.",
    ],
)
def test_a_new_injury_said_in_other_words_is_new(tmp_path: Path, visit: str) -> None:
    # read as the school's bruise seen again in the enquiry: no strategy discussion of its
    # own. Now a new injury: a strategy discussion due the next working day, Thursday 5th
    assert ("INJ-STRAT", "missing", 5, "2009-03-05", "", None, [5]) in _visit_findings(
        tmp_path, visit
    )


@pytest.mark.parametrize(
    "visit",
    [
        "bruise to cheek now yellow/green, unexplained.",
        "bruise to left cheek, unexplained. No further or older bruising seen.",
        # words of age about something else
        "bruise to left cheek, unexplained. Mother's more recent account differs.",
    ],
)
def test_the_injury_referred_seen_again_is_not_new(tmp_path: Path, visit: str) -> None:
    assert _visit_findings(tmp_path, visit) == []


def test_an_older_bruise_seen_healing_is_the_one_known(tmp_path: Path) -> None:
    # a baby's bruise the health visitor referred on Monday 2 March, seen fading on the
    # 6th: 'older' says nothing new of a bruise seen healing (no second INJ-REFER)
    rows = """\
02/03/2009,Health Visiting,HV1,Home visit. Baby G (4 months) seen; bruise to left cheek. No explanation.,Referral to CSC by phone
06/03/2009,Health Visiting,HV1,Home visit. Older bruise to left cheek now fading.,
31/03/2009,GP,Dr B,Baby G seen for immunisations.,
"""
    chron = read_rows(tmp_path / "healing.csv", rows, child_dob="2008-11-01")
    assert [f[2] for f in finding_rows(chron, "wt2006", "INJ-REFER")] == []
