"""A child protection medical or skeletal survey named in the record of a strategy
discussion is what the discussion decided, not the examination (stop 28): 'Strategy
discussion held (TM2; DS5 CAIT; Dr P by phone). S47 joint investigation agreed. CP medical
and skeletal survey.' answered INJ-MEDICAL and INJ-SKELETAL on the day of the discussion,
though the medical was held the next day and the survey five days later.

2009: Good Friday 10 April, Easter Monday 13 April. A bruise seen by the GP on Thursday 9
April: a medical due 1 WD on, Tuesday 14 April; a survey 3 days on, Sunday 12 April. Rows
are as a person sees them in the CSV (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_timeline.testing import finding_rows, read_rows

ROWS = """\
09/04/2009,GP,Dr B,Mother brought Baby E (12 weeks) with bruise to left side of forehead; says he knocked his head on the cot bars.,HV to be informed
14/04/2009,Health Visiting,HV1,Tel from GP re bruise to Baby E forehead 09/04. Referral to CSC made by phone.,
15/04/2009,Children's Social Care,TM2,"Strategy discussion held (TM2; DS5 CAIT; Dr P paediatrician by phone). S47 joint investigation agreed. {decided}",
16/04/2009,Paediatrics,Dr P,Child protection medical. Fading bruise L forehead approx 2cm.,Skeletal survey requested
20/04/2009,Hospital,Radiology,Skeletal survey: no fractures. CT head normal.,
15/07/2009,GP,Dr B,Baby E seen for immunisations.,
"""


def _examinations(tmp_path: Path, decided: str) -> list[tuple[object, ...]]:
    chron = read_rows(tmp_path / "sd.csv", ROWS.format(decided=decided), child_dob="2009-01-10")
    return finding_rows(chron, "wt2006", "INJ-MEDICAL", "INJ-SKELETAL")


@pytest.mark.parametrize(
    "decided",
    ["CP medical and skeletal survey.", "Actions: CP medical by Dr P; skeletal survey."],
)
def test_examinations_a_strategy_discussion_decides_are_not_done(
    tmp_path: Path, decided: str
) -> None:
    # the medical on Thursday 16th, 2 WD late (15, 16); the survey on Monday 20th, 5 WD
    # after its due Sunday (14, 15, 16, 17, 20; Easter Monday out)
    assert _examinations(tmp_path, decided) == [
        ("INJ-MEDICAL", "late", 2, "2009-04-14", "2009-04-16", 2, [2, 5]),
        ("INJ-SKELETAL", "late", 2, "2009-04-12", "2009-04-20", 5, [2, 6]),
    ]


def test_a_medical_the_strategy_discussion_records_as_done(tmp_path: Path) -> None:
    # 'CP medical completed by Dr P today - bruising consistent with NAI' is the medical
    found = _examinations(
        tmp_path, "CP medical completed by Dr P today - bruise consistent with NAI."
    )
    assert found[0] == ("INJ-MEDICAL", "late", 2, "2009-04-14", "2009-04-15", 1, [2, 4])
