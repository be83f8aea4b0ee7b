"""A child moving between schools and home education (stop 28): the elective home
education officer's second visit that reached no one, whose entry refers the child to the
children-missing-education officer ('Second home visit - no reply. | Referred to CME
officer'), was no answer to ESC-WNB (only a referral recorded as its own entry was); and the
single assessment that concluded an s47 enquiry with a child in need plan ('Single assessment
completed. Outcome: CIN plan') was no decision that no conference was needed (CONF-ICPC ran
on to the case's closure months later).

2015: Good Friday 3 April, Easter Monday 6 April, 4 and 25 May. Rows are as a person sees
them in the CSV (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_timeline.testing import finding_rows, read_rows

LATER = "31/01/2016,GP,Dr B,Child C seen re cough.,\n"
EHE = """\
26/01/2015,Education,EHE1,Home visit - no answer. Card left.,Letter sent offering appointment
23/02/2015,Education,EHE1,Second home visit - no reply. Neighbour said family may have moved.,{outcome}
"""


@pytest.mark.parametrize(
    ("outcome", "found"),
    [
        ("Referred to CME officer", []),
        ("Referral made to CME officer", []),
        # Monday 23 February: 10 WD on is Monday 9 March
        ("Will refer to CME officer if no contact", [("ESC-WNB", "missing", 3, "2015-03-09")]),
        ("Letter sent", [("ESC-WNB", "missing", 3, "2015-03-09")]),
    ],
)
def test_a_referral_in_the_missed_visits_own_entry_answers(
    tmp_path: Path, outcome: str, found: list[tuple[object, ...]]
) -> None:
    chron = read_rows(
        tmp_path / "ehe.csv", EHE.format(outcome=outcome) + LATER, child_dob="2004-09-15"
    )
    assert [f[:4] for f in finding_rows(chron, "wt2015", "ESC-WNB")] == found


ENQUIRY = """\
20/04/2015,Elm Academy,DSL2,"Child C (10) said Mother's partner hit him with a belt. Red linear marks to back of both legs; explanation inconsistent.",Referral to MASH by phone
20/04/2015,Children's Social Care,SW1,Contact received from Elm Academy re marks to Child C's legs.,For strategy discussion
21/04/2015,Children's Social Care,TM1,"Strategy discussion (TM1, DS3, SN1). S47 agreed.",
23/06/2015,Children's Social Care,SW2,{outcome},
12/10/2015,Children's Social Care,TM1,CIN case closed - no further concerns.,
"""


@pytest.mark.parametrize(
    ("outcome", "observed"),
    [
        ("Single assessment completed. Outcome: CIN plan.", "2015-06-23"),
        ("Core assessment concluded - child in need; CIN plan agreed.", "2015-06-23"),
        # still running: the closure in October is the first decision
        ("Single assessment ongoing. CIN plan in the meantime.", "2015-10-12"),
    ],
)
def test_the_assessment_that_concludes_an_enquiry_with_a_cin_plan(
    tmp_path: Path, outcome: str, observed: str
) -> None:
    rows = ENQUIRY.format(outcome=outcome) + LATER
    chron = read_rows(tmp_path / "enquiry.csv", rows, child_dob="2004-09-15")
    # the strategy discussion of Tuesday 21 April: a conference or a decision due 15 WD on,
    # Wednesday 13 May; the assessment's outcome on 23 June is 28 WD late (14 May to 23
    # June, 25 May out)
    (found,) = finding_rows(chron, "wt2015", "CONF-ICPC")
    assert found[:5] == ("CONF-ICPC", "late", 4, "2015-05-13", observed)
