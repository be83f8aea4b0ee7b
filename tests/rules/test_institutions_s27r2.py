"""Two institutions under one agency code (two hospital trusts, two GP practices): where both
records name their organisation and the organisations differ, they are not one agency for
``match = "trigger_agency"`` (INJ-REFER, ESC-WNB); where either names none, agency codes
are compared as before.

Deadlines by hand, 2023 bank holidays (England and Wales): Good Friday 7 April, Easter
Monday 10 April, 1 May, 8 May (coronation), 29 May. Rows are as a person sees them in the
CSV (the header is row 1).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from scr_timeline.rules.kinds import institutions
from scr_timeline.rules.predicates import EventView
from scr_timeline.testing import finding_rows, make_events, read_rows

TWO_TRUSTS_2023 = """\
20/02/2023,Westbrook Univ Hospital,ED nurse,Child D brought by Father with bruising to both ears and left cheek. Father says he fell in the park.,Discharged home; letter to GP.
02/04/2023,Northgate Hospital ED,ED doctor,Child D (22 months) with head injury - fell off sofa onto tiled floor. Swelling to forehead.,Discharged. HV liaison notification sent.
18/07/2023,{referrer},Paediatric liaison,CP-IS and NHS record check: injury presentations to two hospitals since February.,Referral to CSC by phone
18/07/2023,Childrens Social Care,MASH SW,{received},For strategy discussion
30/08/2023,GP,Dr B,Child D seen for immunisations.,
"""


def _two_trusts(tmp_path: Path, referrer: str, received: str) -> list[tuple]:
    rows = TWO_TRUSTS_2023.format(referrer=referrer, received=received)
    chron = read_rows(tmp_path / "trusts.csv", rows, child_dob="2021-05-10")
    return finding_rows(chron, "wt2018", "INJ-REFER")


def test_one_trusts_referral_does_not_answer_anothers_injury(tmp_path: Path) -> None:
    found = _two_trusts(
        tmp_path,
        "Westbrook Univ Hospital",
        "Referral received from Westbrook paediatric liaison re injury presentations.",
    )
    # Northgate's head injury (Sunday 2 April, due Monday 3rd) was 'late, the first on 18
    # July, 71 WD late': Westbrook's referral and social care's record of receiving it
    # (agency codes alike). Northgate never referred: missing. Westbrook's bruising (Monday
    # 20 February, due Tuesday 21st) was 'missing, none before the next suspicious injury
    # on 2 April' (Northgate's); Westbrook referred it on Tuesday 18 July: 21 weeks, 105 WD
    # less the five bank holidays, 100 WD late
    assert found == [
        ("INJ-REFER", "late", 2, "2023-02-21", "2023-07-18", 100, [2, 4]),
        ("INJ-REFER", "missing", 3, "2023-04-03", "", None, [3]),
    ]


def test_a_record_that_names_no_institution_keeps_the_agency_reading(tmp_path: Path) -> None:
    # the referral from 'Hospital' (no trust named), received as from 'the hospital': either
    # trust's, as before: the bruising's next injury (2 April, Northgate's) came first, so
    # its finding is 'missing' before it, and the head injury's is 71 WD late (3 April to
    # 18 July, less 7 April, 10 April, 1, 8 and 29 May)
    found = _two_trusts(
        tmp_path, "Hospital", "Referral received from hospital paediatric liaison re injuries."
    )
    assert found == [
        ("INJ-REFER", "missing", 2, "2023-02-21", "", None, [2]),
        ("INJ-REFER", "late", 3, "2023-04-03", "2023-07-18", 71, [3, 4]),
    ]


def test_two_practices_missed_appointments_are_one_each(tmp_path: Path) -> None:
    rows = """\
    06/02/2023,Oak Lane Surgery,Practice nurse,Child D not brought to immunisation appointment (DNA).,Appointment re-sent.
    13/03/2023,Elm Medical Centre,Practice nurse,New patient registration. Child D not brought to new patient check (DNA).,Letter to Mother.
    30/08/2023,Health Visiting,HV1,Home visit. Child D seen.,
    """
    chron = read_rows(tmp_path / "practices.csv", rows, child_dob="2021-05-10")
    # the family moved between the two: neither practice knew of two missed appointments
    assert finding_rows(chron, "wt2006", "ESC-WNB") == []
    same = rows.replace("Elm Medical Centre", "Oak Lane Surgery")
    chron = read_rows(tmp_path / "one.csv", same, child_dob="2021-05-10")
    # one practice's two (Monday 6 February, Monday 13 March): due 10 WD after the second,
    # Monday 27 March; nothing before the chronology ends
    assert finding_rows(chron, "wt2006", "ESC-WNB") == [
        ("ESC-WNB", "missing", 3, "2023-03-27", "", None, [2, 3]),
    ]


def test_institutions_are_read_from_distinct_organisations() -> None:
    view = EventView.from_events(
        make_events(
            start=["2023-01-14", "2023-02-20", "2023-03-01", "2023-03-02", "2023-03-03"],
            agency=["hospital", "hospital", "paediatrics", "hospital", "gp"],
            organisation=[
                "Royal Northgate Hospital NHS Foundation Trust",
                "Westbrook Univ Hospital",
                "Northgate Paediatrics",
                "Maple Ward",
                "Dr B",
            ],
        )
    )
    found = institutions(view, np.arange(5))
    assert found is not None
    keys, _words = found
    # 'Northgate Paediatrics' names no institution word of its own ('Paediatrics' is a
    # department) and 'Maple Ward' a ward: neither counts; 'Royal' names no trust
    assert keys.tolist() == [0, 1, -1, -1, -1]
    one = EventView.from_events(
        make_events(
            start=["2023-01-14", "2023-02-20"],
            agency=["hospital", "hospital"],
            organisation=["Northgate Hospital ED", "Northgate Hospital Paediatrics"],
        )
    )
    assert institutions(one, np.arange(2)) is None
