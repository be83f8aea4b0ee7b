"""A referral to children's social care written inside another agency's entry of another type
('Home visit. Child A seen. Home conditions poor. Referral to MASH made.') is a referral to
csc (RULES.md: a referral whose recipient is csc); one only planned, advised or considered
is not. Deadlines worked out by hand from the England and Wales bank holidays of the year.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_timeline.testing import finding_rows, read_rows

# 2014: Monday 3 March. ESC-REF-DECISION due Tuesday 4 March (1 WD); children's social care
# never recorded anything before the chronology's end on 30 May.
_TAIL = "30/05/2014,School,DSL,End of term report.,\n"


def _rows(tmp_path: Path, details: str, outcome: str = "") -> list[tuple]:
    rows = f"03/03/2014,Health Visiting,HV1,{details},{outcome}\n{_TAIL}"
    chron = read_rows(tmp_path / "hv.csv", rows)
    return finding_rows(chron, "wt2013", "ESC-REF-DECISION", "ASM-SINGLE")


@pytest.mark.parametrize(
    ("details", "outcome"),
    [
        ("Home visit. Child A seen. Home conditions poor. Referral to MASH made.", ""),
        ("Home visit. Child A seen. Home conditions poor.", "Referral faxed to CSC"),
        (
            "Home visit; Child A in a dirty nappy. HV1 made a referral to children's social care.",
            "",
        ),
    ],
)
def test_a_referral_written_inside_a_visit_starts_the_referral_rules(tmp_path, details, outcome):
    # the visit's referral had been read as nothing: no decision or assessment was ever
    # looked for. 45 WD from Monday 3 March 2014, Good Friday, Easter Monday and 5 May out:
    # Thursday 8 May
    assert _rows(tmp_path, details, outcome) == [
        ("ASM-SINGLE", "missing", 2, "2014-05-08", "", None, [2]),
        ("ESC-REF-DECISION", "missing", 2, "2014-03-04", "", None, [2]),
    ]


@pytest.mark.parametrize(
    "details",
    [
        "Home visit. Will refer to CSC if no improvement.",
        "Home visit. Child A seen. Referral to CSC to be considered.",
        "Home visit. Discussed with HV2; referral to MASH to be made if concerns continue.",
        "Home visit. Child A seen. Consider referral to CSC.",
        "Phoned MASH for advice. Advised to make a referral to CSC.",
        "Home visit following the referral to MASH by school. Child A seen.",
        "Home visit. Child A seen. Referral to CSC not made - Mother engaging.",
    ],
)
def test_a_referral_planned_advised_or_made_before_is_none(tmp_path, details):
    assert _rows(tmp_path, details) == []


def test_the_referral_and_csc_record_of_it_are_one_concern(tmp_path):
    # 2022: the Early Help worker's step-up (Tuesday 19 April, 'Referral to MASH') and the
    # MASH's record of it the next day are one referral: with the TAF's concern of February
    # that is two concerns, not the three ESC-CUMULATIVE wants. The assessment runs from the
    # referral: 45 WD, 2 May and the Jubilee's 2 and 3 June out, is Friday 24 June
    rows = """\
21/02/2022,Early Help,FSW1,TAF meeting. Child E's school attendance 71%. Mother drinking.,
19/04/2022,Early Help,FSW1,Concerns escalated: Mother intoxicated at school pick-up. Step up to CSC.,Referral to MASH
20/04/2022,Children's Social Care,MASH SW,Contact received from Early Help. Progressed to assessment.,Allocated to SW1
26/04/2022,Children's Social Care,SW1,Home visit. Child E seen.,
12/05/2022,Children's Social Care,TM1,Supervision.,
07/06/2022,Children's Social Care,TM1,Supervision.,
28/06/2022,Children's Social Care,SW1,Single assessment completed. Child in need plan.,
05/07/2022,Children's Social Care,TM1,Supervision.,
30/07/2022,Children's Social Care,TM1,Supervision.,
"""
    chron = read_rows(tmp_path / "eh.csv", rows)
    assert finding_rows(chron, "wt2018") == [
        ("ASM-SINGLE", "late", 3, "2022-06-24", "2022-06-28", 2, [3, 4, 8]),
    ]


def test_a_police_notification_in_the_incident_record_is_the_notification_sent_after(tmp_path):
    # 'MERLIN notification to CSC' in the incident's outcome is the notification the public
    # protection unit sends the next morning: the referral is that record's, once
    rows = """\
03/02/2012,Police,PC2,Domestic incident. Mr Y shouting and banging doors. Child B asleep upstairs.,DASH risk: medium. MERLIN notification to CSC.
04/02/2012,Police,PPU,MERLIN reviewed by the public protection unit.,Sent to CSC by secure email.
30/04/2012,School,DSL,End of term report.,
"""
    chron = read_rows(tmp_path / "merlin.csv", rows)
    assert [r[:3] for r in finding_rows(chron, "wt2006", "ESC-REF-DECISION")] == [
        ("ESC-REF-DECISION", "missing", 3),
    ]


_TWICE = """\
03/03/2014,Health Visiting,HV1,Home visit. Child A in dirty nappy; home conditions poor. Referral to MASH made.,
03/03/2014,Health Visiting,HV1,Referral to CSC re neglect.,Referral faxed
04/03/2014,Children's Social Care,MASH SW,Referral received from HV re neglect. NFA - advice given.,
20/03/2014,Education,DSL,Child A's sibling came to school hungry.,Concern logged
30/05/2014,School,DSL,End of term report.,
"""


def test_one_referral_the_referrer_writes_twice_is_one_concern(tmp_path):
    # the visit that led to the referral and the referral's own record, the same day: one
    # concern, with the school's of 20 March two, not the three ESC-CUMULATIVE wants
    chron = read_rows(tmp_path / "twice.csv", _TWICE)
    assert finding_rows(chron, "wt2013", "ESC-CUMULATIVE") == []
    first, second, rest = _TWICE.split("\n", 2)
    chron = read_rows(tmp_path / "swapped.csv", f"{second}\n{first}\n{rest}")
    assert finding_rows(chron, "wt2013", "ESC-CUMULATIVE") == []


def test_two_referrals_on_two_days_are_two_concerns(tmp_path):
    # the visit's referral a week later (row 2, 10 March) is another concern: 10 WD after the
    # third concern (Thursday 20 March 2014) is Thursday 3 April
    rows = _TWICE.replace(
        "03/03/2014,Health Visiting,HV1,Home visit.", "10/03/2014,Health Visiting,HV1,Home visit."
    )
    chron = read_rows(tmp_path / "two.csv", rows)
    assert finding_rows(chron, "wt2013", "ESC-CUMULATIVE") == [
        ("ESC-CUMULATIVE", "missing", 5, "2014-04-03", "", None, [3, 2, 5]),
    ]
