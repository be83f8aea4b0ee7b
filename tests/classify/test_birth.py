"""The child's date of birth found in the chronology itself (titles, statements, the birth)."""

from __future__ import annotations

import pandas as pd
import pytest

from scr_timeline.classify.birth import _stated, find_child_dob
from scr_timeline.testing import make_events


def _events(*rows: tuple[str, str], agency: str = "midwifery") -> pd.DataFrame:
    events = make_events(
        start=[start for start, _ in rows],
        agency=agency,
        details=[details for _, details in rows],
        source_file="chron.csv",
        source_row=list(range(2, 2 + len(rows))),
    )
    return events


BIRTHS = [
    "Child A born at Riverside Hospital at 39 weeks by normal delivery.",
    "Baby born by emergency caesarean section, 2.9kg.",
    "Birth of Child A at home; paramedics attended.",
    "Born at 36 weeks, admitted to SCBU.",
    "Mother gave birth to a baby girl at Riverside Hospital.",
    "Mum delivered of a live baby boy.",
    "Live birth recorded. Apgars 9 and 10.",
    "Birth: Child A, SVD, no concerns.",
    "The baby was born at 02:10; midwife MW1 present.",
]

NOT_BIRTHS = [
    "New birth visit completed by HV1.",
    "Birth notification received from the hospital.",
    "Pre-birth assessment started; baby due 01/05/2006.",
    "Unborn baby referral from midwifery.",
    "Mother booked at 12 weeks; expected date of delivery 01/05/2006.",
    "Child A's older sibling born 2003, now living with paternal grandmother.",
    "Mother's first child was born when she was 17.",
    "Father born in 1980; known to probation.",
    "Plan: baby to be born at Riverside Hospital.",
    "Mother gave birth to her partner's child in 2004.",
    "Delivery of food parcel by the family support worker.",
    "Baby born at Riverside Hospital (sibling of Child A).",
    "Child B born - younger brother of Child A.",
    # the birth told as of its year or month, in a row of another day
    "Child A was born in 2005 and was seen by the GP for a cough.",
    "Child A born at home in March 2005; registered with the practice today.",
]


@pytest.mark.parametrize("details", BIRTHS)
def test_a_row_recording_the_birth_gives_the_date_of_birth(details: str):
    events = _events(("15/02/2006", "Antenatal appointment, well."), ("01/03/2006", details))
    found = find_child_dob(events)
    assert found is not None, details
    assert (found.dob, found.how, found.source_row) == (pd.Timestamp("2006-03-01"), "birth", 3)
    assert "row 3" in found.describe() and "chron.csv" in found.describe()


@pytest.mark.parametrize("details", NOT_BIRTHS)
def test_rows_about_other_births_or_births_to_come_give_none(details: str):
    assert find_child_dob(_events(("01/03/2006", details))) is None


def test_a_birth_row_needs_a_date_exact_to_the_day():
    assert find_child_dob(_events(("March 2006", "Child A born at home."))) is None


def test_births_on_different_days_give_none_and_the_same_day_twice_is_fine():
    twice = _events(("01/03/2006", "Child A born."), ("01/03/2006 14:00", "Baby born, 3kg."))
    assert find_child_dob(twice).dob == pd.Timestamp("2006-03-01")
    two_days = _events(("01/03/2006", "Child A born."), ("05/03/2006", "Baby born, 3kg."))
    assert find_child_dob(two_days) is None


@pytest.mark.parametrize(
    "details",
    [
        "Child A (DOB 01/03/2006) registered with the practice.",
        "Registered: Child A, D.O.B. 1.3.06, with Mother.",
        "Date of birth: 1st March 2006. Registered with GP.",
        "Child A born on 01/03/2006 at Riverside Hospital (notes received).",
        # the rest of the sentence plans, waits or supposes: the stated date stands
        "ICPC held. Child A (DOB 01/03/2006) made subject to a CP plan under neglect.",
        "Child A (DOB 01/03/2006) to be seen when Mother returns, if she agrees.",
        "Child A, DOB 01/03/2006, will be reviewed at the next core group.",
        # words between "born" and the date, "date of birth is"
        "Child A was born prematurely at 32 weeks on 1 March 2006 and transferred to SCBU.",
        "Child A was born at Riverside Hospital on 01/03/2006.",
        "Child A's date of birth is 01/03/2006; registered with the practice.",
    ],
)
def test_a_row_stating_the_date_of_birth_gives_it(details: str):
    events = _events(("20/04/2006", details), agency="gp")
    found = find_child_dob(events)
    assert found is not None, details
    assert (found.dob, found.how) == (pd.Timestamp("2006-03-01"), "statement")


def test_a_statement_about_someone_else_is_not_the_childs():
    events = _events(("20/04/2006", "Mother (DOB 12/05/1985) attended with her partner."))
    assert find_child_dob(events) is None
    # a date later in the sentence, after another clause, states no date of birth
    assert _stated("Child A was born at home and was seen by the GP on 20/04/2006.") == []
    moved = "Mother was born in Leeds on 12/05/1985; moved to the area in 2005."
    assert find_child_dob(_events(("20/04/2006", moved))) is None
    for unborn in (
        "Unborn baby, DOB expected 01/03/2006, pre-birth assessment.",
        "Pregnancy booked; baby due, DOB 01/03/2006 if on time.",
    ):
        assert find_child_dob(_events(("20/01/2006", unborn))) is None, unborn
    both = _events(("20/04/2006", "Child A (DOB 01/03/2006) seen with Mother (DOB 12/05/1985)."))
    assert find_child_dob(both).dob == pd.Timestamp("2006-03-01")


def test_a_statement_wins_over_a_birth_row_and_a_title_over_both():
    events = _events(
        ("02/03/2006", "Child A born at home; midwife called."),
        ("20/04/2006", "Child A DOB 01/03/2006 registered."),
    )
    assert find_child_dob(events).dob == pd.Timestamp("2006-03-01")
    found = find_child_dob(events, titles=[None, "Combined chronology: Child A, DOB: 28/02/2006"])
    assert (found.dob, found.how) == (pd.Timestamp("2006-02-28"), "title")
    assert "Combined chronology" in found.describe()


def test_disagreeing_statements_give_none():
    events = _events(
        ("20/04/2006", "Child A DOB 01/03/2006 registered."),
        ("21/04/2006", "Child A DOB 03/01/2006 per hospital letter."),
    )
    assert find_child_dob(events) is None
    assert find_child_dob(_events(), titles=["DOB 01/03/2006", "DOB 02/03/2006"]) is None


def test_nothing_said_gives_none():
    assert find_child_dob(_events(("01/03/2006", "Home visit, Child A seen."))) is None
    assert find_child_dob(make_events(start=[])) is None


# --- reading: the date of birth goes into meta, with a warning saying where ---------------
def _inferred(chron) -> pd.DataFrame:
    return chron.warnings[chron.warnings["code"] == "child_dob_inferred"]


def test_reading_takes_the_date_of_birth_from_the_birth_row():
    from scr_timeline.datasets import sample_path
    from scr_timeline.io import read

    chron = read(sample_path("child-a-combined"))
    assert chron.meta.child_dob == pd.Timestamp("2006-03-01")
    note = _inferred(chron)
    assert note[["source_file", "source_row"]].values.tolist() == [["child-a-combined.csv", 2]]
    assert "01/03/2006" in note["message"].iloc[0] and "Child A born" in note["message"].iloc[0]
    assert "no_child_dob" not in set(chron.warnings["code"])
    assert chron.events["suspicious_injury"].sum() > 0  # bruising at 7 months
    given = read(sample_path("child-a-combined"), child_dob="01/03/2006")
    assert _inferred(given).empty
    pd.testing.assert_frame_equal(given.events, chron.events)


def test_reading_takes_the_date_of_birth_from_a_title_line(tmp_path):
    from scr_timeline.io import read

    path = tmp_path / "gp.csv"
    path.write_text(
        "Chronology for Child A (DOB: 01/03/2006)\n"
        "Date,Agency,Details\n"
        "11/10/2006,GP,Bruise to the left cheek noted; mother said he fell.\n",
        encoding="utf-8",
    )
    chron = read(path)
    assert chron.meta.child_dob == pd.Timestamp("2006-03-01")
    assert (
        "the title 'Chronology for Child A (DOB: 01/03/2006)'"
        in _inferred(chron)["message"].iloc[0]
    )
    assert chron.events["child_age_days"].tolist() == [224]
    assert chron.events["suspicious_injury"].tolist() == [True]


def test_merged_chronologies_take_it_from_any_of_them(tmp_path):
    from scr_timeline.io import read

    (tmp_path / "midwifery.csv").write_text(
        "Date,Details\n01/03/2006,Baby born by emergency caesarean section.\n", encoding="utf-8"
    )
    (tmp_path / "gp.csv").write_text(
        "Date,Details\n11/10/2006,Bruise to the left cheek.\n", encoding="utf-8"
    )
    chron = read([tmp_path / "gp.csv", tmp_path / "midwifery.csv"])
    assert chron.meta.child_dob == pd.Timestamp("2006-03-01")
    assert _inferred(chron)["source_file"].tolist() == ["midwifery.csv"]


def test_no_birth_no_date_of_birth_and_the_age_rules_stay_off(tmp_path):
    from scr_timeline.io import read

    path = tmp_path / "gp.csv"
    path.write_text("Date,Details\n11/10/2006,Bruise to the left cheek.\n", encoding="utf-8")
    chron = read(path)
    assert chron.meta.child_dob is None and _inferred(chron).empty
    assert "no_child_dob" in set(chron.warnings["code"])


def test_a_brothers_or_sisters_birth_in_an_older_childs_chronology_is_not_taken():
    events = _events(
        ("03/05/2007", "Child A seen at home, weighed; small bruise to the shin."),
        ("01/08/2007", "Baby born at Riverside Hospital, Mother well."),
    )
    assert find_child_dob(events) is None
    antenatal = _events(
        ("03/01/2006", "Antenatal booking: Mother 12 weeks pregnant; the baby is due in July."),
        ("01/03/2006", "Pre-birth assessment: the unborn baby's father is known to police."),
        ("01/07/2006", "Baby born at Riverside Hospital, Mother well."),
    )
    assert find_child_dob(antenatal).dob == pd.Timestamp("2006-07-01")


def test_a_column_of_few_distinct_values_is_searched_through_them_alike():
    # an outcome column ("NFA", "Letter sent") is searched through its distinct values:
    # the answer per row is what searching every row gives, missing values included
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from scr_timeline.classify import birth as B

    values = ["NFA", None, "Baby born at 38/40", "Letter sent", "DOB confirmed", "d.o.b. 1/2/07"]
    array = pa.array(values * 5_000)
    assert len(array) >= B._DISTINCT_FROM
    got = B._matches(array, B._MENTIONS_BIRTH)
    want = np.asarray(
        pc.match_substring_regex(array, B._MENTIONS_BIRTH, ignore_case=True).fill_null(False)
    )
    assert got.tolist() == want.tolist()
    assert got[:6].tolist() == [False, False, True, False, True, True]
