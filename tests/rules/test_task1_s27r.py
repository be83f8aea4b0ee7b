"""Stop 27's readings of what a rule needs (RULES.md decides): a manager taking part in a
strategy discussion is not oversight of it; a referral to the LADO about a professional
is not a referral of the child for assessment; a transfer-in conference starts the
receiving authority's core-group clock however its row reads.

Every deadline is worked out by hand from the England and Wales bank holidays of its year.
Rows are as a person sees them in the CSV (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scr_timeline.testing import finding_rows, read_rows

LATER = "30/06/2007,GP,Dr C,Child A seen for immunisations.,\n"


@pytest.mark.parametrize(
    ("practitioner", "details", "outcome"),
    [
        ("TM1", "Strategy discussion held (TM1, DC1, SW1). TM1 agreed s47 enquiry.", ""),
        ("TM1", "Strategy discussion chaired by TM1 with DC1 and HV1.", "Agreed by TM1: s47"),
        ("Team Manager", "Strategy discussion with police and health.", "Management decision: s47"),
        ("TM1", "Strategy meeting. TM1 decision: joint investigation.", ""),
    ],
)
def test_a_managers_say_in_a_strategy_discussion_is_not_oversight_of_it(
    tmp_path: Path, practitioner: str, details: str, outcome: str
) -> None:
    rows = (
        f"""\
    05/03/2007,School,DSL,Child A said Father hit him. Bruise to arm. Referral to MASH.,
    05/03/2007,Children's Social Care,{practitioner},"{details}","{outcome}"
    """
        + LATER
    )
    chron = read_rows(tmp_path / "sd.csv", rows, child_dob="2006-03-01")
    # the manager's agreement or decision inside the discussion's own record answered
    # SUP-KEY-DECISION: the discussion (and the bruise, Monday 5 March) had its oversight
    # in itself. It is the key event; 5 WD is Monday 12 March
    assert finding_rows(chron, "wt2006", "SUP-KEY-DECISION") == [
        ("SUP-KEY-DECISION", "missing", 2, "2007-03-12", "", None, [2, 3]),
    ]


def test_a_managers_decision_on_a_referral_is_still_oversight(tmp_path: Path) -> None:
    rows = (
        """\
    05/03/2007,School,DSL,Child A said Father hit him. Bruise to arm. Referral to MASH.,
    05/03/2007,Children's Social Care,SW1,Referral received from school re bruise.,TM1 decision: strategy discussion to be held
    06/03/2007,Children's Social Care,TM1,Strategy discussion held (TM1, DC1, SW1). S47 agreed.,
    08/03/2007,Children's Social Care,TM1,Case discussed in supervision. Plan agreed.,
    """
        + LATER
    )
    chron = read_rows(tmp_path / "sd.csv", rows, child_dob="2006-03-01")
    assert finding_rows(chron, "wt2006", "SUP-KEY-DECISION") == []


LADO_2007 = """\
05/03/2007,Northfield Primary School,DSL,Child A said PE teacher Mr X grabbed his arm.,Referral to LADO.
05/03/2007,Children's Social Care,LADO,LADO referral received from Northfield Primary School re allegation against teacher (Mr X).,Allegations management meeting to be held
07/03/2007,Northfield Primary School,DSL,Referral made to LADO re teacher.,
"""


@pytest.mark.parametrize("rulebook", ["wt2006", "wt2018"])
def test_a_referral_to_the_lado_is_not_a_referral_of_the_child(
    tmp_path: Path, rulebook: str
) -> None:
    chron = read_rows(tmp_path / "lado.csv", LADO_2007 + LATER, child_dob="2000-03-01")
    # the school's 'Referral made to LADO re teacher' (row 4) read as a referral to
    # children's social care (the LADO sits in the authority): a decision due the next day,
    # an initial (or single) assessment, and a case open to social care wanting monthly
    # supervision. It is the allegations process about the teacher
    found = finding_rows(chron, rulebook)
    assert [
        f for f in found if f[0] in {"ESC-REF-DECISION", "ASM-INITIAL", "ASM-SINGLE", "SUP-CADENCE"}
    ] == []


def test_a_referral_to_csc_and_the_lado_is_still_a_referral_to_csc(tmp_path: Path) -> None:
    rows = (
        """\
    05/03/2007,Northfield Primary School,DSL,Child A said PE teacher Mr X grabbed his arm.,DSL referral to CSC and LADO by phone
    """
        + LATER
    )
    chron = read_rows(tmp_path / "lado.csv", rows, child_dob="2000-03-01")
    # Monday 5 March: a decision by Tuesday 6th, an initial assessment by Wednesday 14th
    assert finding_rows(chron, "wt2006", "ESC-REF-DECISION", "ASM-INITIAL") == [
        ("ASM-INITIAL", "missing", 2, "2007-03-14", "", None, [2]),
        ("ESC-REF-DECISION", "missing", 2, "2007-03-06", "", None, [2]),
    ]


@pytest.mark.parametrize(
    "words",
    [
        "Transfer-in child protection conference. Child A to remain subject to a CP plan.",
        "Transfer in conference held. Child A remains subject to CP plan (neglect).",
        "TICPC held. CP plan to continue under category of neglect.",
    ],
)
def test_a_transfer_in_conference_starts_the_core_group_clock(tmp_path: Path, words: str) -> None:
    rows = (
        f"""\
    03/05/2007,Enfield CSC,IRO2,{words},
    30/06/2007,Enfield CSC,SW5,Home visit. Child A seen.,
    """
        + LATER
    )
    chron = read_rows(tmp_path / "ticpc.csv", rows, child_dob="2005-03-01")
    # Thursday 3 May 2007: 10 WD (Monday 7 May a bank holiday) is Friday 18 May. The first
    # wording (read as an allocation) started no clock, the second did
    found = finding_rows(chron, "wt2006", "CONF-CORE-GROUP")
    assert found == [("CONF-CORE-GROUP", "missing", 2, "2007-05-18", "", None, [2])]
    import scr_timeline as scr

    summary = scr.analyse(chron, rules=["CONF-CORE-GROUP"]).to_frame()["summary"].iloc[0]
    assert summary.startswith(
        "Transfer-in child protection conference recorded by Children's social care (Enfield CSC)"
    )


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("Crime report reviewed - historic allegation from 2005. NFA.", 1),
        ("Police records: historic allegation of assault by Father 2004 - NFA.", 1),
        ("Historic crime report re Mother (2005 shoplifting) reviewed and filed.", 1),
        # checks shared with social care are the police told of the concern
        ("PNC check completed for MASH: Father has previous for ABH (2003).", 0),
        ("Strategy discussion with CSC re bruise. Father has a historic allegation.", 0),
    ],
)
def test_the_polices_record_of_a_past_matter_is_no_contact_about_an_injury(
    tmp_path: Path, words: str, found: int
) -> None:
    rows = (
        f"""\
    05/03/2007,Health Visiting,HV1,Home visit. Bruise to Child A's cheek (8 months). No explanation.,Referral to CSC
    06/03/2007,Police,DC1,"{words}",
    """
        + LATER
    )
    chron = read_rows(tmp_path / "past.csv", rows, child_dob="2006-07-01")
    # the police's review of an old crime report the day after the bruise (Monday 5 March,
    # due Tuesday 6th) was the police's contact about it (INJ-POLICE answered)
    assert len(finding_rows(chron, "wt2006", "INJ-POLICE")) == found
